/*
 * test_assess_cli.c -- `procopt assess MODEL.json`, run as a user runs it:
 * the JSON fields next to those of `procopt solve --json`, the same
 * figures as the library's po_process_scenarios_run, the same results
 * whatever --threads, the text report, usage errors and exit statuses.
 *
 * As tests/test_cli_process.c (whose runner this copies): $PROCOPT_BIN
 * (default $PROCOPT_BUILD/procopt, then build/procopt) runs in a child with
 * its output captured; PROCOPT_TEST_WRAP wraps it (valgrind).  Files go to a
 * mkdtemp directory removed at the end.
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
#define RUN_IN(in, ...) run_full(0, in, (const char *const[]){__VA_ARGS__, NULL})
#define TOOL(...) run_full(1, NULL, (const char *const[]){__VA_ARGS__, NULL})

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

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* Exit 1, nothing on stdout, exactly `lines` lines on stderr. */
static void check_errors(const run_result *r, int lines, const char *where)
{
    check_exit(r, 1, where);
    if (r->outlen != 0)
        fail_msg("%s: stdout not empty: %s", where, r->out);
    if (r->errlen == 0 || r->err[r->errlen - 1] != '\n' ||
        count_lines(r->err) != lines)
        fail_msg("%s: stderr is not %d line(s): [%s]", where, lines, r->err);
}
#define assert_errors(r, lines) check_errors(&(r), (lines), __func__)

/* ------------------------------------------------------------------ */
/* Files and JSON                                                     */
/* ------------------------------------------------------------------ */

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

/* ------------------------------------------------------------------ */
/* The model                                                          */
/* ------------------------------------------------------------------ */

/* One period (tests/test_scenario.c derives every scenario by hand).
 * Nominal: make 80 widgets, total cost (1 - 5) * 80 = -320; the baseline
 * makes 90 and stores 10: 90 - 400 + 5 = -305.  Savings 15 per horizon,
 * 150 per year, relative 15 / 305.  MVP: B 1000, R 100, Y 2: payback
 * 12 * 1000 / (150 - 100) = 240 months, return (2 * 50 - 1000) / 1000 =
 * -0.9. */
static const char WIDGETS[] =
    "{\"name\": \"Widgets\", \"currency\": \"EUR\", \"horizons_per_year\": 10,\n"
    " \"items\": {\"hours\": {\"capacity\": 100},\n"
    "           \"widget\": {\"demand\": 80, \"price\": 5, \"store_cost\": 0.5}},\n"
    " \"activities\": {\"make\": {\"cost\": 1, \"in\": {\"hours\": 1},\n"
    "                          \"out\": {\"widget\": 1}}},\n"
    " \"baseline\": {\"make\": 90},\n"
    " \"uncertainty\": {\"scenarios\": 300, \"seed\": 42,\n"
    "   \"demand\": {\"*\": {\"rel_range\": 0.5}},\n"
    "   \"capacity\": {\"hours\": {\"rel_range\": 0.2}},\n"
    "   \"price\": {\"widget\": {\"rel_sd\": 0.1}},\n"
    "   \"cost\": {\"make\": {\"rel_range\": 0.3}}},\n"
    " \"mvp\": {\"build_cost\": 1000, \"run_cost_per_year\": 100, \"years\": 2}}\n";

/* Demand 5 must be delivered but the machine makes 2: infeasible. */
static const char BROKEN[] =
    "{\"items\": {\"m_h\": {\"capacity\": 2}, \"part\": {\"demand\": 5}},\n"
    " \"activities\": {\"make\": {\"in\": {\"m_h\": 1}, \"out\": {\"part\": 1}}},\n"
    " \"uncertainty\": {\"scenarios\": 20, \"demand\": {\"*\": {\"rel_range\": 0.9}}}}\n";

/* The library's figures for WIDGETS with a count, seed and thread count. */
static po_scenarios *library_run(long count, int use_seed, unsigned long seed)
{
    po_process *p = po_process_new();
    po_scenario_options o;
    po_scenarios *sc = NULL;
    assert_non_null(p);
    assert_int_equal(po_process_load_string(p, WIDGETS, "w.json"), PO_OK);
    po_scenario_options_init(&o);
    o.scenarios = count;
    o.use_seed = use_seed;
    o.seed = seed;
    o.threads = 1;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_OK);
    po_process_free(p);
    return sc;
}

static void check_same_figures(json_t *s, const po_scenarios *sc)
{
    po_scenario_summary m;
    assert_int_equal(po_scenarios_summary(sc, PO_SCENARIO_SAVINGS, &m), PO_OK);
    assert_int_equal(json_integer_value(json_object_get(s, "count")),
                     po_scenarios_count(sc));
    assert_int_equal(json_integer_value(json_object_get(s, "valid")), m.valid);
    /* JSON numbers are written to round-trip: the same doubles */
    assert_true(jnum(s, "p5", NULL) == m.p5);
    assert_true(jnum(s, "p50", NULL) == m.p50);
    assert_true(jnum(s, "p95", NULL) == m.p95);
    assert_true(jnum(s, "mean", NULL) == m.mean);
    assert_true(jnum(s, "infeasible_optimized", NULL) ==
                po_scenarios_infeasible_share(sc, 0));
    assert_true(jnum(s, "infeasible_baseline", NULL) ==
                po_scenarios_infeasible_share(sc, 1));
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

static void test_json(void **state)
{
    (void)state;
    write_text("w.json", WIDGETS);
    run_result r = RUN("assess", "--json", "--threads", "2", path_of("w.json"));
    assert_exit(r, 0);
    assert_int_equal(r.errlen, 0); /* no progress line: not a terminal */
    json_t *j = parse_json(&r);

    /* the fields of `procopt solve --json` */
    assert_string_equal(jstr(j, "status"), "optimal");
    assert_string_equal(jstr(j, "format"), "json");
    assert_string_equal(jstr(j, "name"), "Widgets");
    assert_near(jnum(j, "objective", NULL), -320);
    assert_near(jnum(j, "total_cost", NULL), -320);
    assert_true(json_is_object(jval(j, "plan", NULL)));
    assert_near(json_number_value(json_array_get(jval(j, "plan", "activities", "make", NULL), 0)), 80);
    assert_near(jnum(j, "baseline", "total_cost", NULL), -305);
    assert_string_equal(jstr(jval(j, "baseline", NULL), "status"), "optimal");
    assert_near(jnum(j, "savings", "per_horizon", NULL), 15);
    assert_near(jnum(j, "savings", "per_year", NULL), 150);
    assert_near(jnum(j, "savings", "relative", NULL), 15.0 / 305);

    /* scenarios */
    json_t *s = jval(j, "scenarios", NULL);
    assert_int_equal(json_integer_value(json_object_get(s, "count")), 300);
    assert_int_equal(json_integer_value(json_object_get(s, "seed")), 42);
    assert_string_equal(jstr(s, "per"), "year");
    assert_near(jnum(s, "nominal", NULL), 150);
    double p5 = jnum(s, "p5", NULL), p50 = jnum(s, "p50", NULL),
           p95 = jnum(s, "p95", NULL);
    assert_true(p5 <= p50 && p50 <= p95 && p5 < p95);
    assert_true(jnum(s, "min", NULL) <= p5 && p95 <= jnum(s, "max", NULL));
    double io = jnum(s, "infeasible_optimized", NULL);
    double ib = jnum(s, "infeasible_baseline", NULL);
    assert_true(io > 0 && io < ib && ib < 1);
    assert_int_equal(json_integer_value(json_object_get(s, "threads")), 2);
    assert_int_equal(json_integer_value(json_object_get(s, "solves")), 600);
    assert_int_equal(json_integer_value(json_object_get(s, "warm_solves")), 600);
    assert_true(json_is_false(json_object_get(s, "cost_only")));
    assert_true(json_is_null(json_object_get(s, "fixed_plan_savings")));
    assert_near(jnum(s, "optimized_total_cost", "nominal", NULL), -320);
    assert_near(jnum(s, "baseline_total_cost", "nominal", NULL), -305);
    assert_true(jnum(s, "scenarios_per_s", NULL) > 0);
    po_scenarios *sc = library_run(0, 0, 0);
    check_same_figures(s, sc);

    /* mvp */
    json_t *m = jval(j, "mvp", NULL);
    assert_near(jnum(m, "payback_months", NULL), 240);
    assert_near(jnum(m, "roi", NULL), -0.9);
    assert_true(jnum(m, "p_cover", NULL) == po_scenarios_p_cover(sc));
    assert_near(jnum(m, "build_cost", NULL), 1000);
    assert_near(jnum(m, "years", NULL), 2);
    po_scenarios_free(sc);
    json_decref(j);
    run_free(&r);
}

/* The scenario figures do not depend on --threads; --seed and
 * --scenarios are the library's. */
static void test_threads_seed(void **state)
{
    (void)state;
    write_text("w.json", WIDGETS);
    json_t *s[3];
    const char *threads[3] = {"1", "3", "4"};
    for (int k = 0; k < 3; k++) {
        run_result r = RUN("assess", "-j", "-T", threads[k], "-n", "120",
                           path_of("w.json"));
        assert_exit(r, 0);
        json_t *j = parse_json(&r);
        s[k] = json_deep_copy(json_object_get(j, "scenarios"));
        json_decref(j);
        run_free(&r);
        /* the work done differs; the figures do not */
        json_object_del(s[k], "threads");
        json_object_del(s[k], "time_s");
        json_object_del(s[k], "scenarios_per_s");
    }
    assert_true(json_equal(s[0], s[1]));
    assert_true(json_equal(s[0], s[2]));
    po_scenarios *sc = library_run(120, 0, 0);
    check_same_figures(s[0], sc);
    po_scenarios_free(sc);

    run_result r = RUN("assess", "--json", "--seed", "7", "--scenarios", "50",
                       path_of("w.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    json_t *t = json_object_get(j, "scenarios");
    assert_int_equal(json_integer_value(json_object_get(t, "seed")), 7);
    sc = library_run(50, 1, 7);
    check_same_figures(t, sc);
    assert_false(jnum(t, "p50", NULL) == jnum(s[0], "p50", NULL));
    po_scenarios_free(sc);
    json_decref(j);
    run_free(&r);
    for (int k = 0; k < 3; k++)
        json_decref(s[k]);
}

static void test_text(void **state)
{
    (void)state;
    write_text("w.json", WIDGETS);
    run_result r = RUN("assess", "-n", "100", path_of("w.json"));
    assert_exit(r, 0);
    assert_int_equal(r.errlen, 0);
    assert_non_null(strstr(r.out, "model:       Widgets\n"));
    assert_non_null(strstr(r.out, "objective:   -320.00 EUR total cost (minimized)\n"));
    assert_non_null(strstr(r.out, "baseline:    -305.00 EUR total cost\n"));
    assert_non_null(strstr(r.out, "savings:     15.00 EUR per horizon, 150.00 EUR "
                                  "per year (4.9 % of the baseline)\n"));
    assert_non_null(strstr(r.out, "scenarios:   100 (seed 42)"));
    assert_non_null(strstr(r.out, "savings per year (EUR), over "));
    assert_non_null(strstr(r.out, "  P5 "));
    assert_non_null(strstr(r.out, "infeasible:  optimized plan in "));
    assert_non_null(strstr(r.out, "payback:     240.0 months\n"));
    assert_non_null(strstr(r.out, "return:      -0.90 over 2 years"));
    assert_non_null(strstr(r.out, "p_cover:     "));
    run_free(&r);

    /* -o writes the report, -q keeps standard output empty */
    r = RUN("assess", "-q", "-n", "10", "-o", path_of("rep.txt"), path_of("w.json"));
    assert_exit(r, 0);
    assert_int_equal(r.outlen, 0);
    run_free(&r);
    FILE *f = fopen(path_of("rep.txt"), "rb");
    assert_non_null(f);
    char buf[256] = {0};
    assert_true(fread(buf, 1, sizeof buf - 1, f) > 0);
    fclose(f);
    assert_non_null(strstr(buf, "file:"));

    /* standard input */
    r = RUN_IN(path_of("w.json"), "assess", "-n", "10", "-j", "-");
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "file"), "-");
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(j, "scenarios"), "count")),
                     10);
    json_decref(j);
    run_free(&r);
}

static void test_infeasible(void **state)
{
    (void)state;
    write_text("broken.json", BROKEN);
    run_result r = RUN("assess", "--json", path_of("broken.json"));
    assert_exit(r, 3); /* as `procopt solve` for the nominal model */
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "infeasible");
    json_t *s = jval(j, "scenarios", NULL);
    assert_int_equal(json_integer_value(json_object_get(s, "count")), 20);
    /* demand 5 f with f in [0.1, 1.9): feasible only while 5 f <= 2 */
    double io = jnum(s, "infeasible_optimized", NULL);
    assert_true(io > 0.5 && io < 1);
    assert_true(json_is_null(json_object_get(s, "infeasible_baseline")));
    assert_true(json_is_null(json_object_get(s, "p50")));
    assert_true(json_is_null(json_object_get(j, "mvp")));
    assert_true(json_is_null(json_object_get(j, "baseline")) ||
                json_object_get(j, "baseline") == NULL);
    json_decref(j);
    run_free(&r);
}

static void test_usage(void **state)
{
    (void)state;
    static const char *const bad[][3] = {
        {"--scenarios", "0", "--scenarios: '0' is not a whole number from 1 to 100000000"},
        {"-n", "1e3", "--scenarios: '1e3' is not a whole number from 1 to 100000000"},
        {"--threads", "0", "--threads: '0' is not a whole number from 1 to 1024"},
        {"-T", "2000", "--threads: '2000' is not a whole number from 1 to 1024"},
        {"--seed", "-1", "--seed: '-1' is not a whole number from 0 to 4294967295"},
        {"--seed", "1.5", "--seed: '1.5' is not a whole number from 0 to 4294967295"},
        {"--seed", "4294967296", "--seed: '4294967296' is not a whole number from 0 to 4294967295"},
        {"--gap", "x", "--gap: 'x' is not a number >= 0"},
    };
    char want[256];
    write_text("w.json", WIDGETS);
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        run_result r = RUN("assess", bad[k][0], bad[k][1], path_of("w.json"));
        assert_exit(r, 2);
        assert_int_equal(r.outlen, 0);
        snprintf(want, sizeof want, "procopt: %s\n", bad[k][2]);
        if (strncmp(r.err, want, strlen(want)) != 0)
            fail_msg("stderr [%s], expected to start with [%s]", r.err, want);
        run_free(&r);
    }
    run_result r = RUN("assess");
    assert_exit(r, 2);
    assert_non_null(strstr(r.err, "missing MODEL"));
    run_free(&r);
    r = RUN("assess", path_of("w.json"), path_of("w.json"));
    assert_exit(r, 2);
    run_free(&r);
    r = RUN("assess", "--bogus", path_of("w.json"));
    assert_exit(r, 2);
    assert_non_null(strstr(r.err, "unknown option '--bogus'"));
    run_free(&r);
    r = RUN("assess", "model.lp");
    assert_exit(r, 2);
    assert_non_null(strstr(r.err, "model.lp: assess reads process models (.json)"));
    run_free(&r);

    r = RUN("assess", "--help");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "Usage: procopt assess [OPTIONS] MODEL\n"));
    run_free(&r);
    r = RUN("help", "assess");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "--scenarios=N"));
    run_free(&r);
    r = RUN("--help");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "  assess "));
    run_free(&r);
}

static void test_errors(void **state)
{
    (void)state;
    run_result r = RUN("assess", path_of("missing.json"));
    assert_errors(r, 1);
    assert_non_null(strstr(r.err, "missing.json"));
    run_free(&r);

    /* no "uncertainty": a count is needed */
    write_text("plain.json", "{\"items\": {\"w\": {\"demand\": 5, \"buy_cost\": 1}}}\n");
    r = RUN("assess", path_of("plain.json"));
    assert_errors(r, 1);
    assert_non_null(strstr(r.err, "has no \"uncertainty\""));
    assert_non_null(strstr(r.err, "--scenarios"));
    run_free(&r);
    r = RUN("assess", "-j", "-n", "4", path_of("plain.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_near(jnum(j, "scenarios", "optimized_total_cost", "p50", NULL), 5);
    assert_true(json_is_null(json_object_get(json_object_get(j, "scenarios"), "p50")));
    json_decref(j);
    run_free(&r);

    /* a model error: every collected message */
    write_text("bad.json", "{\"items\": {}, \"activities\": {\"a\": {\"out\": {\"nope\": 1}}}}\n");
    r = RUN("assess", "-n", "5", path_of("bad.json"));
    assert_errors(r, 1);
    assert_non_null(strstr(r.err, "nope"));
    run_free(&r);
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
        fprintf(stderr, "test_assess_cli: %s is not an executable (set "
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
    snprintf(g_dir, sizeof g_dir, "%s/procopt-test-assess-XXXXXX",
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_threads_seed),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_infeasible),
        cmocka_unit_test(test_usage),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
