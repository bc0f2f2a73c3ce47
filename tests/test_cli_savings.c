/*
 * test_cli_savings.c -- what `procopt solve MODEL.json` reports besides the
 * plan: the baseline and the savings against it, what today's plan breaks,
 * what limits the plan (shadow prices), and why an infeasible model cannot
 * hold (its conflict set).
 *
 * As tests/test_cli_process.c: $PROCOPT_BIN (default $PROCOPT_BUILD/procopt,
 * then build/procopt) runs in a child process, wrapped by PROCOPT_TEST_WRAP
 * when set; examples are read from $PROCOPT_SRC/examples (default: the
 * current directory).  Expected figures: examples/README.md and the .hand.md
 * files for the examples; the small models below were solved by hand.
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

#include "procopt.h"

/* ------------------------------------------------------------------ */
/* Running commands                                                   */
/* ------------------------------------------------------------------ */

static char g_dir[256];  /* the temporary directory */
static char g_bin[1024]; /* the command */
static char *g_wrap[32]; /* PROCOPT_TEST_WRAP split on spaces, NULL-ended */
static char *g_wrap_copy;

#define RUN_TIMEOUT_S 600 /* generous: valgrind is slow */

typedef struct run_result {
    int exited, code;  /* normal exit and its status */
    int signaled, sig; /* killed by a signal */
    char *out, *err;   /* NUL-terminated captures */
    size_t outlen, errlen;
} run_result;

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

static void run_free(run_result *r)
{
    release(r->out);
    release(r->err);
    r->out = r->err = NULL;
}

static void append(char **buf, size_t *len, const char *data, size_t n)
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

/* Run `args` (NULL-terminated).  tool: args[0] is a program looked up in
 * PATH; otherwise the command (with its wrapper) runs with args as its
 * arguments.  stdin_path: file for standard input (NULL: /dev/null). */
static run_result run_full(int tool, const char *stdin_path,
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
        if (in < 0)
            _exit(126);
        dup2(in, 0);
        dup2(po[1], 1);
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
            if (fds[k].fd < 0 || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
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

#define RUN(...) run_full(0, NULL, (const char *const[]){__VA_ARGS__, NULL})
/* The exit status, with stderr shown when it is not the expected one. */
static void check_exit(const run_result *r, int code, const char *where)
{
    if (r->signaled)
        fail_msg("%s: killed by signal %d; stderr:\n%s", where, r->sig, r->err);
    if (!r->exited || r->code != code)
        fail_msg("%s: exit status %d, expected %d; stderr:\n%s", where, r->code,
                 code, r->err);
}
#define assert_exit(r, code) check_exit(&(r), (code), __func__)
/* A path in the temporary directory (static storage, a few at a time). */
static const char *path_of(const char *name)
{
    static char ring[8][512];
    static int next;
    char *p = ring[next++ % 8];
    snprintf(p, 512, "%s/%s", g_dir, name);
    return p;
}

static void write_text(const char *name, const char *text)
{
    FILE *f = fopen(path_of(name), "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

static json_t *parse_json(const run_result *r)
{
    json_error_t err;
    json_t *j = json_loadb(r->out, r->outlen, 0, &err);
    if (!j)
        fail_msg("stdout is not one JSON value (%s, line %d): %s", err.text,
                 err.line, r->out);
    assert_true(json_is_object(j));
    return j;
}

/* The value at a path of object keys ("plan", "buy", "wood", NULL). */
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

static double jnum(json_t *root, ...)
{
    va_list ap;
    va_start(ap, root);
    json_t *v = jget(root, ap);
    va_end(ap);
    if (!json_is_number(v))
        fail_msg("JSON value is not a number");
    return json_number_value(v);
}

static json_t *jval(json_t *root, ...)
{
    va_list ap;
    va_start(ap, root);
    json_t *v = jget(root, ap);
    va_end(ap);
    return v;
}

static const char *jstr(json_t *root, const char *key)
{
    json_t *v = json_object_get(root, key);
    if (!json_is_string(v))
        fail_msg("JSON key '%s' is not a string", key);
    return json_string_value(v);
}

static void check_near(double got, double want, const char *what, int line)
{
    if (!(fabs(got - want) <= 1e-7 * (1 + fabs(want))))
        fail_msg("line %d: %s = %.17g, expected %.17g", line, what, got, want);
}
#define assert_near(a, b) check_near((a), (b), #a, __LINE__)
static void remove_tree(const char *dir)
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

static int group_setup(void **state)
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
        fprintf(stderr, "test_cli_savings: %s is not an executable (set "
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
    snprintf(g_dir, sizeof g_dir, "%s/procopt-test-cli-savings-XXXXXX",
             tmp && *tmp && strlen(tmp) < 200 ? tmp : "/tmp");
    if (!mkdtemp(g_dir))
        return -1;
    return 0;
}

static int group_teardown(void **state)
{
    (void)state;
    if (g_dir[0])
        remove_tree(g_dir);
    free(g_wrap_copy);
    for (int i = 0; i < 64; i++)
        release(g_held[i]);
    return 0;
}


/* An example of the repository. */
static const char *example(const char *name)
{
    static char ring[4][1024];
    static int next;
    const char *src = getenv("PROCOPT_SRC");
    char *p = ring[next++ % 4];
    snprintf(p, 1024, "%s/examples/%s", src && *src ? src : ".", name);
    if (access(p, R_OK) != 0)
        fail_msg("%s not found (set PROCOPT_SRC to the repository root)", p);
    return p;
}

static int has_entry(json_t *arr, const char *kind, const char *name,
                     const char *period)
{
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e) {
        if (strcmp(jstr(e, "kind"), kind) == 0 &&
            strcmp(jstr(e, "name"), name) == 0 &&
            strcmp(jstr(e, "period"), period) == 0)
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Savings                                                            */
/* ------------------------------------------------------------------ */

/* distribution.json (examples/README.md, distribution.hand.md): optimum
 * 207630, today's plan 211140, savings 3510 per week, 52 weeks a year. */
static void test_distribution_savings(void **state)
{
    (void)state;
    run_result r = RUN("solve", "--json", example("distribution.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "optimal");
    assert_near(jnum(j, "total_cost", NULL), 207630);
    assert_string_equal(jstr(json_object_get(j, "baseline"), "status"), "optimal");
    assert_near(jnum(j, "baseline", "total_cost", NULL), 211140);
    assert_null(json_object_get(json_object_get(j, "baseline"), "breaches"));
    assert_near(jnum(j, "savings", "per_horizon", NULL), 3510);
    assert_near(jnum(j, "savings", "per_year", NULL), 3510.0 * 52);
    assert_near(jnum(j, "savings", "relative", NULL), 3510.0 / 211140);
    /* The split by kind adds up to the savings. */
    double sum = 0;
    const char *key;
    json_t *v;
    json_object_foreach(jval(j, "savings", "by_kind", NULL), key, v) {
        assert_true(json_is_number(v));
        sum += json_number_value(v);
    }
    assert_near(sum, 3510);
    /* Largest change first, each entry consistent. */
    json_t *ch = jval(j, "savings", "changes", NULL);
    assert_true(json_array_size(ch) > 0 && json_array_size(ch) <= 10);
    double prev = INFINITY;
    size_t i;
    json_array_foreach(ch, i, v) {
        double c = jnum(v, "change", NULL);
        assert_near(c, jnum(v, "optimized", NULL) - jnum(v, "baseline", NULL));
        assert_true(fabs(c) <= prev + 1e-9);
        prev = fabs(c);
    }
    json_decref(j);
    run_free(&r);

    r = RUN("solve", example("distribution.json"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "Savings against today's plan"));
    assert_non_null(strstr(r.out, "per horizon: 3510.00 EUR"));
    assert_non_null(strstr(r.out, "per year:    182520.00 EUR"));
    run_free(&r);
}

/* bakery_design.json: today's plan bakes more baguettes than sell every
 * day and 650 on Saturday against max_baguette's 600. */
static void test_bakery_breaches(void **state)
{
    (void)state;
    run_result r = RUN("solve", "--json", example("bakery_design.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(json_object_get(j, "baseline"), "status"),
                        "infeasible");
    assert_true(json_is_null(jval(j, "baseline", "total_cost", NULL)));
    assert_true(json_is_null(jval(j, "savings", "per_horizon", NULL)));
    json_t *br = jval(j, "baseline", "breaches", NULL);
    assert_true(has_entry(br, "balance", "baguette", "Sat"));
    assert_true(has_entry(br, "constraint", "max_baguette", "Sat"));
    size_t i;
    json_t *e;
    json_array_foreach(br, i, e) {
        if (strcmp(jstr(e, "name"), "max_baguette") == 0)
            assert_near(jnum(e, "amount", NULL), 50);
        assert_true(strlen(jstr(e, "message")) > 0);
    }
    json_decref(j);
    run_free(&r);

    r = RUN("solve", example("bakery_design.json"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "today's plan cannot be run as given"));
    assert_non_null(strstr(r.out, "Sat: today's plan gives max_baguette = 650, "
                                  "its max is 600"));
    run_free(&r);
}

/* ------------------------------------------------------------------ */
/* Conflicts and limits                                               */
/* ------------------------------------------------------------------ */

/* Tuesday needs 30 breads x 0.5 h = 15 oven hours, the oven has 10, and
 * bread has no shortage_cost: only Tuesday's demand and capacity clash. */
static const char ONE_DAY_SHORT[] =
    "{\"periods\": [\"Mon\", \"Tue\"],\n"
    " \"items\": {\"oven_h\": {\"capacity\": 10},\n"
    "           \"bread\": {\"demand\": [5, 30]}},\n"
    " \"activities\": {\"bake\": {\"in\": {\"oven_h\": 0.5}, "
    "\"out\": {\"bread\": 1}, \"cost\": 1}}}\n";

static void test_conflict(void **state)
{
    (void)state;
    write_text("short.json", ONE_DAY_SHORT);
    run_result r = RUN("solve", "--json", path_of("short.json"));
    assert_exit(r, 3);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "infeasible");
    json_t *c = jval(j, "conflict", NULL);
    assert_int_equal(json_array_size(c), 2);
    assert_true(has_entry(c, "demand", "bread", "Tue"));
    assert_true(has_entry(c, "capacity", "oven_h", "Tue"));
    assert_true(json_is_true(jval(j, "conflict_minimal", NULL)));
    assert_null(json_object_get(j, "baseline"));
    json_decref(j);
    run_free(&r);

    r = RUN("solve", path_of("short.json"));
    assert_exit(r, 3);
    assert_non_null(strstr(r.out, "Why the model is infeasible"));
    assert_non_null(strstr(r.out, "Tue: capacity of oven_h is 10, 15 would be "
                                  "needed"));
    assert_non_null(strstr(r.out, "Tue: demand of bread is 30"));
    run_free(&r);
}

/* One day, 30 breads ordered, shortage 5 EUR each, baking 1 EUR and 0.5
 * oven hour each, 10 oven hours: 20 baked, 10 short.  One more oven hour
 * bakes 2 more: saves 2 x (5 - 1) = 8 EUR, until the 10 short are baked
 * (5 more hours, capacity 15). */
static const char OVEN_BINDS[] =
    "{\"currency\": \"EUR\", \"periods\": [\"d1\"],\n"
    " \"items\": {\"oven_h\": {\"capacity\": 10},\n"
    "           \"bread\": {\"demand\": 30, \"shortage_cost\": 5}},\n"
    " \"activities\": {\"bake\": {\"in\": {\"oven_h\": 0.5}, "
    "\"out\": {\"bread\": 1}, \"cost\": 1}}}\n";

static void test_limits(void **state)
{
    (void)state;
    write_text("oven.json", OVEN_BINDS);
    run_result r = RUN("solve", "--json", path_of("oven.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_near(jnum(j, "total_cost", NULL), 20 * 1 + 10 * 5);
    assert_null(json_object_get(j, "savings")); /* no baseline */
    json_t *sp = jval(j, "limits", "shadow_prices", NULL);
    assert_int_equal(json_array_size(sp), 1);
    json_t *e = json_array_get(sp, 0);
    assert_string_equal(jstr(e, "kind"), "capacity");
    assert_string_equal(jstr(e, "name"), "oven_h");
    assert_string_equal(jstr(e, "period"), "d1");
    assert_near(jnum(e, "value", NULL), 8);
    assert_near(jnum(e, "hi", NULL), 15);
    assert_string_equal(jstr(e, "message"),
                        "one more oven_h on d1 is worth 8.00 EUR, up to 5 more");
    assert_true(json_is_array(jval(j, "limits", "cost_ranges", NULL)));
    json_decref(j);
    run_free(&r);

    r = RUN("solve", path_of("oven.json"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "What limits the plan\n  - one more oven_h on "
                                  "d1 is worth 8.00 EUR, up to 5 more\n"));
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distribution_savings),
        cmocka_unit_test(test_bakery_breaches),
        cmocka_unit_test(test_conflict),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests_name("cli_savings", tests, group_setup,
                                       group_teardown);
}
