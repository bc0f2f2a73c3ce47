/*
 * cli_harness.c -- see cli_harness.h.  Linked into every test binary; only
 * the command-line suites call it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "cli_harness.h"

static char g_dir[256];  /* the temporary directory */
static char g_bin[1024]; /* the command */
static char *g_wrap[32]; /* PROCOPT_TEST_WRAP split on spaces, NULL-ended */
static char *g_wrap_copy;

/* Captures still held when a failing assertion leaves a test early; the
 * group teardown frees them, so a failure does not add a leak report. */
static char *g_held[64];

static void hold(char *p)
{
    for (int i = 0; i < 64; i++)
        if (!g_held[i]) {
            g_held[i] = p;
            return;
        }
}

static void release(char *p)
{
    for (int i = 0; i < 64; i++)
        if (g_held[i] == p)
            g_held[i] = NULL;
    free(p);
}

void run_free(run_result *r)
{
    release(r->out);
    release(r->err);
    r->out = r->err = NULL;
}

void append(char **buf, size_t *len, const char *data, size_t n)
{
    char *p = realloc(*buf, *len + n + 1);
    assert_non_null(p);
    memcpy(p + *len, data, n);
    *len += n;
    p[*len] = '\0';
    *buf = p;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

run_result run_full(int tool, const char *stdin_path, const char *stdout_path,
                    const char *const *args)
{
    run_result r;
    int po[2], pe[2];
    const char *argv[128];
    int n = 0;
    pid_t pid;
    double start = now_s();

    memset(&r, 0, sizeof r);
    if (!tool) {
        for (int i = 0; g_wrap[i]; i++)
            argv[n++] = g_wrap[i];
        argv[n++] = g_bin;
    }
    for (int i = 0; args[i]; i++) {
        assert_true(n < 126);
        argv[n++] = args[i];
    }
    argv[n] = NULL;

    assert_int_equal(pipe(po), 0);
    assert_int_equal(pipe(pe), 0);
    fflush(NULL);
    pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        int in = open(stdin_path ? stdin_path : "/dev/null", O_RDONLY);
        int out = stdout_path
                      ? open(stdout_path, O_WRONLY | O_CREAT | O_TRUNC, 0644)
                      : po[1];
        if (in < 0 || out < 0)
            _exit(126);
        dup2(in, 0);
        dup2(out, 1);
        dup2(pe[1], 2);
        close(po[0]);
        close(pe[0]);
        close(po[1]);
        close(pe[1]);
        execvp(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(po[1]);
    close(pe[1]);

    /* Drain both pipes together: a child blocked on a full stderr pipe
     * while we wait on stdout would hang. */
    struct pollfd fds[2] = {{po[0], POLLIN, 0}, {pe[0], POLLIN, 0}};
    int open_fds = 2;
    r.out = calloc(1, 1);
    r.err = calloc(1, 1);
    assert_non_null(r.out);
    assert_non_null(r.err);
    while (open_fds > 0) {
        char chunk[65536];
        int left = (int)(RUN_TIMEOUT_S - (now_s() - start));
        int pr = poll(fds, 2, left > 0 ? left * 1000 : 0);
        if (pr < 0 && errno == EINTR)
            continue;
        if (pr <= 0) {
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            fail_msg("%s did not finish within %d s", argv[0], RUN_TIMEOUT_S);
        }
        for (int k = 0; k < 2; k++) {
            ssize_t got;
            if (fds[k].fd < 0 ||
                !(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            got = read(fds[k].fd, chunk, sizeof chunk);
            if (got > 0) {
                if (k == 0)
                    append(&r.out, &r.outlen, chunk, (size_t)got);
                else
                    append(&r.err, &r.errlen, chunk, (size_t)got);
            } else if (got == 0 || errno != EINTR) {
                close(fds[k].fd);
                fds[k].fd = -1;
                open_fds--;
            }
        }
    }
    int status;
    while (waitpid(pid, &status, 0) < 0)
        assert_int_equal(errno, EINTR);
    hold(r.out);
    hold(r.err);
    if (WIFEXITED(status)) {
        r.exited = 1;
        r.code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        r.signaled = 1;
        r.sig = WTERMSIG(status);
    }
    return r;
}

void check_exit(const run_result *r, int code, const char *where)
{
    if (r->signaled)
        fail_msg("%s: killed by signal %d; stderr:\n%s", where, r->sig, r->err);
    if (!r->exited || r->code != code)
        fail_msg("%s: exit status %d, expected %d; stderr:\n%s", where, r->code,
                 code, r->err);
}

int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

const char *line_of(const char *text, int k, char *buf, size_t size)
{
    const char *p = text, *e;
    for (int i = 0; i < k; i++) {
        p = strchr(p, '\n');
        if (!p)
            fail_msg("no line %d in [%s]", k, text);
        p++;
    }
    e = strchr(p, '\n');
    if (!e)
        e = p + strlen(p);
    snprintf(buf, size, "%.*s", (int)(e - p), p);
    return buf;
}

void check_errors(const run_result *r, int lines, const char *where)
{
    check_exit(r, 1, where);
    if (r->outlen != 0)
        fail_msg("%s: stdout not empty: %s", where, r->out);
    if (r->errlen == 0 || r->err[r->errlen - 1] != '\n' ||
        count_lines(r->err) != lines)
        fail_msg("%s: stderr is not %d line(s): [%s]", where, lines, r->err);
}

/* ------------------------------------------------------------------ */
/* Files and JSON                                                     */
/* ------------------------------------------------------------------ */

const char *cli_dir(void)
{
    return g_dir;
}

const char *path_of(const char *name)
{
    static char ring[8][512];
    static int next;
    char *p = ring[next++ % 8];
    snprintf(p, 512, "%s/%s", g_dir, name);
    return p;
}

void write_bytes(const char *name, const void *data, size_t len)
{
    FILE *f = fopen(path_of(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

void write_text(const char *name, const char *text)
{
    write_bytes(name, text, strlen(text));
}

json_t *parse_json(const run_result *r)
{
    json_error_t err;
    json_t *j = json_loadb(r->out, r->outlen, 0, &err);
    if (!j)
        fail_msg("stdout is not one JSON value (%s, line %d): %s", err.text,
                 err.line, r->out);
    assert_true(json_is_object(j));
    return j;
}

static json_t *jget(json_t *root, va_list ap)
{
    const char *key;
    json_t *v = root;
    while ((key = va_arg(ap, const char *)) != NULL) {
        v = json_object_get(v, key);
        if (!v)
            fail_msg("JSON has no key '%s'", key);
    }
    return v;
}

double jnum(json_t *root, ...)
{
    va_list ap;
    va_start(ap, root);
    json_t *v = jget(root, ap);
    va_end(ap);
    if (!json_is_number(v))
        fail_msg("JSON value is not a number");
    return json_number_value(v);
}

json_t *jval(json_t *root, ...)
{
    va_list ap;
    va_start(ap, root);
    json_t *v = jget(root, ap);
    va_end(ap);
    return v;
}

const char *jstr(json_t *root, const char *key)
{
    json_t *v = json_object_get(root, key);
    if (!json_is_string(v))
        fail_msg("JSON key '%s' is not a string", key);
    return json_string_value(v);
}

void check_near(double got, double want, double tol, const char *what,
                int line)
{
    if (!(fabs(got - want) <= tol * (1 + fabs(want))))
        fail_msg("line %d: %s = %.17g, expected %.17g", line, what, got, want);
}

/* ------------------------------------------------------------------ */
/* Setup                                                              */
/* ------------------------------------------------------------------ */

void remove_tree(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char p[1024];
    if (!d)
        return;
    while ((e = readdir(d)) != NULL) {
        struct stat st;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(p);
        else
            unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

int cli_group_setup(void **state)
{
    const char *bin = getenv("PROCOPT_BIN");
    const char *build = getenv("PROCOPT_BUILD");
    const char *wrap = getenv("PROCOPT_TEST_WRAP");
    const char *tmp = getenv("TMPDIR");
    (void)state;

    if (bin && *bin)
        snprintf(g_bin, sizeof g_bin, "%s", bin);
    else
        snprintf(g_bin, sizeof g_bin, "%s/procopt",
                 build && *build ? build : "build");
    if (access(g_bin, X_OK) != 0) {
        fprintf(stderr, "cli_harness: %s is not an executable (set "
                        "PROCOPT_BIN)\n", g_bin);
        return -1;
    }
    if (wrap && *wrap) {
        int n = 0;
        char *save = NULL;
        g_wrap_copy = strdup(wrap);
        if (!g_wrap_copy)
            return -1;
        for (char *w = strtok_r(g_wrap_copy, " \t", &save); w && n < 31;
             w = strtok_r(NULL, " \t", &save))
            g_wrap[n++] = w;
        g_wrap[n] = NULL;
    }
    snprintf(g_dir, sizeof g_dir, "%s/procopt-test-cli-XXXXXX",
             tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
    if (!mkdtemp(g_dir))
        return -1;
    return 0;
}

int cli_group_teardown(void **state)
{
    (void)state;
    if (g_dir[0])
        remove_tree(g_dir);
    free(g_wrap_copy);
    g_wrap_copy = NULL;
    for (int i = 0; i < 64; i++)
        release(g_held[i]);
    return 0;
}
