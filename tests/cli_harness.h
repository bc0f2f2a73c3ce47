/*
 * cli_harness.h -- running the procopt command from a cmocka suite, as a
 * user runs it (tests/test_cli*.c, tests/test_assess_cli.c).
 *
 * The command is $PROCOPT_BIN (default $PROCOPT_BUILD/procopt, then
 * build/procopt); PROCOPT_TEST_WRAP (e.g. "valgrind -q --error-exitcode=99")
 * wraps every run of it, not of the other tools.  Each run is a child
 * process with its standard output and error captured; a child killed by a
 * signal fails the test.  Files go to a mkdtemp directory that
 * cli_group_teardown removes.
 */
#ifndef CLI_HARNESS_H
#define CLI_HARNESS_H

#include <stddef.h>

#include <jansson.h>

#define RUN_TIMEOUT_S 600 /* generous: valgrind is slow */

typedef struct run_result {
    int exited, code;  /* normal exit and its status */
    int signaled, sig; /* killed by a signal */
    char *out, *err;   /* NUL-terminated captures */
    size_t outlen, errlen;
} run_result;

/* The cmocka group setup and teardown.  cli_group_setup finds the command,
 * splits PROCOPT_TEST_WRAP and makes the temporary directory ($TMPDIR or
 * /tmp); it fails (-1, with a message) when the command is not an
 * executable.  cli_group_teardown removes the directory and frees the
 * captures a failed test left behind. */
int cli_group_setup(void **state);
int cli_group_teardown(void **state);

/* Run `args` (NULL-terminated).  tool: args[0] is a program looked up in
 * PATH; otherwise the command (with its wrapper) runs with args as its
 * arguments.  stdin_path: file for standard input (NULL: /dev/null);
 * stdout_path: file for standard output (created or truncated) instead of
 * capturing it (e.g. /dev/full; NULL: captured).  Free the result with
 * run_free. */
run_result run_full(int tool, const char *stdin_path, const char *stdout_path,
                    const char *const *args);
void run_free(run_result *r);

#define RUN(...)                                                              \
    run_full(0, NULL, NULL, (const char *const[]){__VA_ARGS__, NULL})
#define RUN_IN(in, ...)                                                       \
    run_full(0, in, NULL, (const char *const[]){__VA_ARGS__, NULL})
#define TOOL(...)                                                             \
    run_full(1, NULL, NULL, (const char *const[]){__VA_ARGS__, NULL})

/* The exit status, with stderr shown when it is not the expected one. */
void check_exit(const run_result *r, int code, const char *where);
#define assert_exit(r, code) check_exit(&(r), (code), __func__)

/* Exit 1, nothing on stdout, exactly `lines` lines on stderr. */
void check_errors(const run_result *r, int lines, const char *where);
#define assert_errors(r, lines) check_errors(&(r), (lines), __func__)

int count_lines(const char *s);
/* Line k (0-based) of `text` into buf, without its newline. */
const char *line_of(const char *text, int k, char *buf, size_t size);

/* The temporary directory. */
const char *cli_dir(void);
/* A path in the temporary directory (static storage, 8 at a time). */
const char *path_of(const char *name);
void write_bytes(const char *name, const void *data, size_t len);
void write_text(const char *name, const char *text);
/* Append n bytes to a NUL-terminated heap buffer of length *len. */
void append(char **buf, size_t *len, const char *data, size_t n);
void remove_tree(const char *dir);

/* stdout as one JSON object (the caller json_decref's it). */
json_t *parse_json(const run_result *r);
/* The value at a path of object keys ("plan", "buy", "wood", NULL); a
 * missing key fails the test.  jnum: that value, which must be a number. */
json_t *jval(json_t *root, ...);
double jnum(json_t *root, ...);
const char *jstr(json_t *root, const char *key);

/* |got - want| <= tol * (1 + |want|).  A suite may set CLI_NEAR_TOL
 * before including this header. */
void check_near(double got, double want, double tol, const char *what,
                int line);
#ifndef CLI_NEAR_TOL
#define CLI_NEAR_TOL 1e-7
#endif
#define assert_near(a, b) check_near((a), (b), CLI_NEAR_TOL, #a, __LINE__)

#endif
