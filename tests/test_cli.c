/*
 * test_cli.c -- the procopt command, run as a user runs it.
 *
 * Every test runs $PROCOPT_BIN (default build/procopt) in a child process
 * with its standard output and error captured, and checks the exit status,
 * what went where, and the JSON fields parsed back with jansson.  A child
 * killed by a signal always fails the test.  When PROCOPT_TEST_WRAP is set
 * (e.g. "valgrind -q --error-exitcode=99 --leak-check=full"), the command
 * runs under that wrapper, so valgrind checks the command as well.
 *
 * The models are small and their optima computed by hand (see each file's
 * comment); they are written into a mkdtemp directory removed at the end.
 */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "procopt.h"

#define CLI_NEAR_TOL 1e-9 /* hand-computed optima of small LPs */
#include "cli_harness.h"

/* ------------------------------------------------------------------ */
/* Error messages                                                     */
/* ------------------------------------------------------------------ */

/* Exit 1, nothing on stdout, and exactly one line on stderr starting with
 * "procopt: " + `prefix`. */
static void check_one_error(const run_result *r, const char *prefix,
                            const char *where)
{
    char head[1100];
    check_exit(r, 1, where);
    if (r->outlen != 0)
        fail_msg("%s: stdout not empty: %s", where, r->out);
    if (r->errlen == 0 || r->err[r->errlen - 1] != '\n' ||
        strchr(r->err, '\n') != r->err + r->errlen - 1)
        fail_msg("%s: stderr is not exactly one line: [%s]", where, r->err);
    snprintf(head, sizeof head, "procopt: %s", prefix);
    if (strncmp(r->err, head, strlen(head)) != 0)
        fail_msg("%s: stderr does not start with [%s]: [%s]", where, head, r->err);
}
#define assert_one_error(r, prefix) check_one_error(&(r), (prefix), __func__)

/* max 3x + 2y  s.t.  c1: x + y <= 4,  c2: x + 3y <= 9,  0 <= x <= 3, y >= 0.
 * Optimum at x = 3 (upper bound), y = 1 (c1 binding): 3*3 + 2*1 = 11.
 * Duals: c1 = 2 (y's cost), c2 = 0 (slack 3); reduced costs: x = 3 - 2 = 1,
 * y = 0 (basic). */
static const char OPT_LP[] =
    "\\ optimum 11 at x=3, y=1\n"
    "Maximize\n"
    " obj: 3 x + 2 y\n"
    "Subject To\n"
    " c1: x + y <= 4\n"
    " c2: x + 3 y <= 9\n"
    "Bounds\n"
    " x <= 3\n"
    "End\n";

/* max 5a + 4b  s.t.  6a + 4b <= 24,  a + 2b <= 6,  a, b >= 0 integer.
 * LP relaxation: a = 3, b = 1.5, 21.  Integer points with 5a + 4b >= 21
 * break a row ((1,4): a + 2b = 9), and 20 is reached only at (4,0): the
 * optimum is 20 at a = 4, b = 0. */
static const char MIP_LP[] =
    "Maximize\n"
    " z: 5 a + 4 b\n"
    "Subject To\n"
    " r1: 6 a + 4 b <= 24\n"
    " r2: a + 2 b <= 6\n"
    "General\n"
    " a b\n"
    "End\n";

/* x + y >= 5 and x + y <= 3 cannot both hold. */
static const char INFEAS_LP[] =
    "Minimize\n"
    " obj: x + y\n"
    "Subject To\n"
    " lo: x + y >= 5\n"
    " hi: x + y <= 3\n"
    "End\n";

/* x - y <= 1 with x, y >= 0: x = y = t is feasible for every t. */
static const char UNBD_LP[] =
    "Maximize\n"
    " obj: x + y\n"
    "Subject To\n"
    " c: x - y <= 1\n"
    "End\n";

/* min x1 + ... + x6 over a cycle of six ">=" rows.  Rows r1, r3, r5 share
 * no variable and cover all six, so the sum is >= 3 + 7 + 11 = 21, reached
 * at x = (0, 3, 2, 5, 4, 7) (r2: 5, r4: 9, r6: 7 >= 4): optimum 21.  Every
 * row is violated by the all-slack start, so the simplex method needs more
 * than one iteration. */
static const char ITER_LP[] =
    "Minimize\n"
    " obj: x1 + x2 + x3 + x4 + x5 + x6\n"
    "Subject To\n"
    " r1: x1 + x2 >= 3\n"
    " r2: x2 + x3 >= 5\n"
    " r3: x3 + x4 >= 7\n"
    " r4: x4 + x5 >= 9\n"
    " r5: x5 + x6 >= 11\n"
    " r6: x1 + x6 >= 4\n"
    "End\n";

/* OPT_LP as a minimization (MPS has no objective sense that GLPK reads):
 * min -3x - 2y, optimum -11 at x = 3, y = 1.  Fixed MPS columns. */
static const char OPT_MPS[] =
    "NAME          OPT\n"
    "ROWS\n"
    " N  obj\n"
    " L  c1\n"
    " L  c2\n"
    "COLUMNS\n"
    "    x         obj               -3.0   c1                 1.0\n"
    "    x         c2                 1.0\n"
    "    y         obj               -2.0   c1                 1.0\n"
    "    y         c2                 3.0\n"
    "RHS\n"
    "    RHS       c1                 4.0   c2                 9.0\n"
    "BOUNDS\n"
    " UP BND       x                  3.0\n"
    "ENDATA\n";

/* A MathProg model with a data section in a separate file: a transport
 * problem.  Plants a (cap 30), b (cap 25); markets p (demand 20), q (20);
 * costs a->p 1, a->q 4, b->p 3, b->q 2.  Optimum: a->p 20, b->q 20 = 60. */
static const char TRANSP_MOD[] =
    "set I; set J;\n"
    "param cap{I}; param dem{J}; param c{I,J};\n"
    "var x{I,J} >= 0;\n"
    "minimize cost: sum{i in I, j in J} c[i,j] * x[i,j];\n"
    "s.t. supply{i in I}: sum{j in J} x[i,j] <= cap[i];\n"
    "s.t. demand{j in J}: sum{i in I} x[i,j] >= dem[j];\n"
    "end;\n";
static const char TRANSP_DAT[] =
    "data;\n"
    "set I := a b;\n"
    "set J := p q;\n"
    "param cap := a 30 b 25;\n"
    "param dem := p 20 q 20;\n"
    "param c : p q :=\n"
    "  a 1 4\n"
    "  b 3 2;\n"
    "end;\n";

/* Line 3 has the syntax error (an operator with nothing after it). */
static const char SYNTAX_MOD[] =
    "var x >= 0;\n"
    "var y >= 0;\n"
    "maximize z: x + ;\n"
    "s.t. c: x + y <= 1;\n"
    "end;\n";

/* A market split instance (Cornuejols and Dawande): 4 rows of 30 binaries
 * with random weights in 0..99 and right-hand sides half the row sums, as
 * the slack-minimizing MIP.  Instances of this size are famous for being
 * hopeless for branch and bound (2^30 leaves, LP bound 0), so a short time
 * limit is reached deterministically; the all-zero point is feasible, so
 * the solver can also report an incumbent. */
static void write_market_split(const char *name)
{
    enum { M = 4, N = 30 };
    unsigned long seed = 12345;
    char *text = NULL;
    size_t len = 0;
    char line[256];
    int a[M][N];

    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            seed = (seed * 1103515245ul + 12345ul) & 0x7ffffffful;
            a[i][j] = (int)((seed >> 8) % 100);
        }
    append(&text, &len, "Minimize\n obj:", strlen("Minimize\n obj:"));
    for (int i = 0; i < M; i++) {
        snprintf(line, sizeof line, " + sp%d + sn%d", i, i);
        append(&text, &len, line, strlen(line));
    }
    append(&text, &len, "\nSubject To\n", strlen("\nSubject To\n"));
    for (int i = 0; i < M; i++) {
        int sum = 0;
        snprintf(line, sizeof line, " r%d:", i);
        append(&text, &len, line, strlen(line));
        for (int j = 0; j < N; j++) {
            sum += a[i][j];
            snprintf(line, sizeof line, " + %d x%d", a[i][j], j);
            append(&text, &len, line, strlen(line));
        }
        snprintf(line, sizeof line, " + sp%d - sn%d = %d\n", i, i, sum / 2);
        append(&text, &len, line, strlen(line));
    }
    append(&text, &len, "Binaries\n", strlen("Binaries\n"));
    for (int j = 0; j < N; j++) {
        snprintf(line, sizeof line, " x%d\n", j);
        append(&text, &len, line, strlen(line));
    }
    append(&text, &len, "End\n", strlen("End\n"));
    write_bytes(name, text, len);
    free(text);
}

/* ------------------------------------------------------------------ */
/* Help, version, usage                                               */
/* ------------------------------------------------------------------ */

static void test_help_and_version(void **state)
{
    (void)state;
    run_result r = RUN("--help");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "Usage: procopt"));
    assert_non_null(strstr(r.out, "solve"));
    assert_non_null(strstr(r.out, "convert"));
    assert_int_equal(r.errlen, 0);
    run_free(&r);

    r = RUN("--version");
    assert_exit(r, 0);
    {
        char head[64];
        snprintf(head, sizeof head, "procopt %s (GLPK ", PO_VERSION_STRING);
        assert_true(strncmp(r.out, head, strlen(head)) == 0);
        assert_non_null(strstr(r.out, po_glpk_version()));
    }
    assert_int_equal(r.errlen, 0);
    run_free(&r);

    r = RUN("solve", "--help");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "Usage: procopt solve"));
    assert_non_null(strstr(r.out, "--time-limit"));
    assert_int_equal(r.errlen, 0);
    run_free(&r);

    r = RUN("help", "convert");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "Usage: procopt convert"));
    assert_int_equal(r.errlen, 0);
    run_free(&r);
}

static void test_usage_errors(void **state)
{
    (void)state;
    write_text("u.lp", OPT_LP);
    const char *lp = path_of("u.lp");
    /* Each case: the arguments, and a text its message must contain. */
    struct {
        const char *args[8];
        const char *says;
    } cases[] = {
        {{NULL}, "missing command"},
        {{"bogus"}, "unknown command 'bogus'"},
        {{"--bogus"}, "unknown option '--bogus'"},
        {{"solve"}, "missing FILE"},
        {{"solve", "--bogus", lp}, "unknown option '--bogus'"},
        {{"solve", "-x", lp}, "unknown option '-x'"},
        {{"solve", "--bogus=3", lp}, "unknown option '--bogus'"},
        {{"solve", lp, "--time-limit"}, "missing value for option '--time-limit'"},
        {{"solve", lp, "-g"}, "missing value for option '-g'"},
        {{"solve", "--gap", "abc", lp}, "--gap: 'abc'"},
        {{"solve", "--gap", "-1", lp}, "--gap: '-1'"},
        {{"solve", "--gap", "nan", lp}, "--gap: 'nan'"},
        {{"solve", "--gap", "inf", lp}, "--gap: 'inf'"},
        {{"solve", "--gap", "1e999", lp}, "--gap: '1e999'"},
        {{"solve", "--gap", "", lp}, "--gap: ''"},
        {{"solve", "--gap", " 1", lp}, "--gap: ' 1'"},
        {{"solve", "--gap", "0.1x", lp}, "--gap: '0.1x'"},
        {{"solve", "--time-limit", "ten", lp}, "--time-limit: 'ten'"},
        {{"solve", "--time-limit", "-5", lp}, "--time-limit: '-5'"},
        {{"solve", "--iteration-limit", "1.5", lp}, "--iteration-limit: '1.5'"},
        {{"solve", "--iteration-limit", "-1", lp}, "--iteration-limit: '-1'"},
        {{"solve", "--iteration-limit", "99999999999999999999999", lp},
         "--iteration-limit"},
        {{"solve", "--method", "barrier", lp}, "unknown method 'barrier'"},
        {{"solve", "--format", "xls", lp}, "unknown format 'xls'"},
        {{"solve", lp, lp}, "one FILE only"},
        {{"solve", "-"}, "needs --format"},
        {{"solve", "model.xyz"}, "cannot tell the format"},
        {{"solve", "--data", "d.dat", lp}, "--data is for GNU MathProg"},
        {{"solve", "--format", "gmpl", "--data", "-", "-"}, "not both"},
        {{"convert"}, "missing IN"},
        {{"convert", lp}, "missing -o OUT"},
        {{"convert", lp, "-o", "out.xyz"}, "cannot tell the output format"},
        {{"convert", lp, "--to", "gmpl", "-o", "x.mod"}, "cannot write format 'gmpl'"},
        {{"convert", lp, "-o", "-"}, "needs --to"},
        {{"help", "nosuch"}, "unknown command 'nosuch'"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *args[9];
        int n = 0;
        for (; n < 8 && cases[i].args[n]; n++)
            args[n] = cases[i].args[n];
        args[n] = NULL;
        run_result r = run_full(0, NULL, NULL, args);
        check_exit(&r, 2, cases[i].says);
        if (r.outlen != 0)
            fail_msg("case '%s': stdout not empty: %s", cases[i].says, r.out);
        if (strncmp(r.err, "procopt: ", 9) != 0 || !strstr(r.err, cases[i].says) ||
            !strstr(r.err, "--help' for more information"))
            fail_msg("case '%s': stderr: [%s]", cases[i].says, r.err);
        run_free(&r);
    }
}

/* ------------------------------------------------------------------ */
/* Outcomes and exit statuses                                         */
/* ------------------------------------------------------------------ */

static void test_optimal_lp_json(void **state)
{
    (void)state;
    write_text("opt.lp", OPT_LP);
    run_result r = RUN("solve", "--json", path_of("opt.lp"));
    assert_exit(r, 0);
    assert_int_equal(r.errlen, 0);
    json_t *j = parse_json(&r);

    assert_string_equal(jstr(j, "status"), "optimal");
    assert_string_equal(jstr(j, "procopt_version"), PO_VERSION_STRING);
    assert_string_equal(jstr(j, "file"), path_of("opt.lp"));
    assert_string_equal(jstr(j, "format"), "lp");
    assert_string_equal(jstr(j, "sense"), "maximize");
    assert_true(json_is_false(json_object_get(j, "integer")));
    assert_null(json_object_get(j, "best_bound")); /* MIP only */
    assert_near(jnum(j, "objective", NULL), 11);
    assert_int_equal((int)jnum(j, "rows", NULL), 2);
    assert_int_equal((int)jnum(j, "cols", NULL), 2);
    assert_int_equal((int)jnum(j, "nonzeros", NULL), 4);
    assert_true(jnum(j, "time_s", NULL) >= 0);
    assert_true(jnum(j, "iterations", NULL) >= 0);
    assert_int_equal((int)jnum(j, "nodes", NULL), 0);
    assert_int_equal(json_object_size(json_object_get(j, "variables")), 2);
    assert_near(jnum(j, "variables", "x", NULL), 3);
    assert_near(jnum(j, "variables", "y", NULL), 1);
    assert_near(jnum(j, "constraints", "c1", "activity", NULL), 4);
    assert_near(jnum(j, "constraints", "c2", "activity", NULL), 6);
    assert_near(jnum(j, "constraints", "c1", "dual", NULL), 2);
    assert_near(jnum(j, "constraints", "c2", "dual", NULL), 0);
    assert_near(jnum(j, "reduced_costs", "x", NULL), 1);
    assert_near(jnum(j, "reduced_costs", "y", NULL), 0);
    /* Reals are written as reals, and exactly: "11.0", not "11" or 11.000000001. */
    assert_non_null(strstr(r.out, "\"objective\": 11.0,"));
    json_decref(j);
    run_free(&r);
}

static void test_optimal_lp_text(void **state)
{
    (void)state;
    write_text("opt.lp", OPT_LP);
    run_result r = RUN("solve", path_of("opt.lp"));
    assert_exit(r, 0);
    assert_int_equal(r.errlen, 0);
    assert_non_null(strstr(r.out, "status:      optimal\n"));
    assert_non_null(strstr(r.out, "objective:   11\n"));
    assert_non_null(strstr(r.out, "2 rows, 2 columns, 4 nonzeros"));
    assert_non_null(strstr(r.out, "\n  x  3\n  y  1\n"));
    run_free(&r);
}

static void test_mip_json(void **state)
{
    (void)state;
    write_text("mip.lp", MIP_LP);
    run_result r = RUN("solve", "--json", "--gap", "0", path_of("mip.lp"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "optimal");
    assert_true(json_is_true(json_object_get(j, "integer")));
    assert_int_equal((int)jnum(j, "integer_vars", NULL), 2);
    assert_near(jnum(j, "objective", NULL), 20);
    assert_near(jnum(j, "variables", "a", NULL), 4);
    assert_near(jnum(j, "variables", "b", NULL), 0);
    /* The bound of a proven optimum is the optimum (or better than 21,
     * the LP relaxation's value, which no integer point reaches). */
    assert_true(jnum(j, "best_bound", NULL) >= 20 - 1e-9);
    assert_true(jnum(j, "best_bound", NULL) < 21);
    assert_true(jnum(j, "gap", NULL) <= 1e-6);
    assert_near(jnum(j, "constraints", "r1", "activity", NULL), 24);
    assert_near(jnum(j, "constraints", "r2", "activity", NULL), 4);
    /* No duals or reduced costs for a MIP. */
    assert_true(json_is_null(json_object_get(json_object_get(
        json_object_get(j, "constraints"), "r1"), "dual")));
    assert_true(json_is_null(json_object_get(j, "reduced_costs")));
    json_decref(j);
    run_free(&r);
}

static void test_infeasible(void **state)
{
    (void)state;
    write_text("inf.lp", INFEAS_LP);
    /* Without the presolver the simplex method itself proves infeasibility. */
    run_result r = RUN("solve", "--json", "--no-presolve", path_of("inf.lp"));
    assert_exit(r, 3);
    assert_int_equal(r.errlen, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "infeasible");
    assert_true(json_is_null(json_object_get(j, "objective")));
    assert_true(json_is_null(json_object_get(j, "variables")));
    json_decref(j);
    run_free(&r);

    /* With it (the default) the status may not tell infeasible from
     * unbounded, but the exit status is 3 either way. */
    r = RUN("solve", "--json", path_of("inf.lp"));
    assert_exit(r, 3);
    j = parse_json(&r);
    const char *s = jstr(j, "status");
    assert_true(strcmp(s, "infeasible") == 0 ||
                strcmp(s, "infeasible_or_unbounded") == 0);
    json_decref(j);
    run_free(&r);

    r = RUN("solve", path_of("inf.lp"));
    assert_exit(r, 3);
    assert_non_null(strstr(r.out, "objective:   none"));
    run_free(&r);
}

static void test_unbounded(void **state)
{
    (void)state;
    write_text("unbd.lp", UNBD_LP);
    run_result r = RUN("solve", "--json", "--no-presolve", path_of("unbd.lp"));
    assert_exit(r, 4);
    assert_int_equal(r.errlen, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "unbounded");
    json_decref(j);
    run_free(&r);

    r = RUN("solve", "--quiet", path_of("unbd.lp"));
    /* Presolve may only know "infeasible or unbounded" (exit 3). */
    if (r.code != 3)
        assert_exit(r, 4);
    assert_int_equal(r.outlen, 0);
    run_free(&r);
}

static void test_iteration_limit(void **state)
{
    (void)state;
    write_text("iter.lp", ITER_LP);
    run_result r = RUN("solve", "--json", path_of("iter.lp"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_near(jnum(j, "objective", NULL), 21);
    json_decref(j);
    run_free(&r);

    r = RUN("solve", "--json", "--no-presolve", "--iteration-limit", "1",
            path_of("iter.lp"));
    assert_exit(r, 5);
    j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "iteration_limit");
    json_decref(j);
    run_free(&r);
}

static void test_time_limit(void **state)
{
    (void)state;
    write_market_split("split.lp");
    run_result r = RUN("solve", "--json", "--time-limit", "0.5", path_of("split.lp"));
    assert_exit(r, 5);
    json_t *j = parse_json(&r);
    const char *s = jstr(j, "status");
    assert_true(strcmp(s, "time_limit") == 0 || strcmp(s, "feasible") == 0);
    assert_true(json_is_true(json_object_get(j, "integer")));
    /* Stopped near the limit (allowing for a slow, e.g. valgrind, run). */
    assert_true(jnum(j, "time_s", NULL) < 30);
    json_decref(j);
    run_free(&r);
}

static void test_gap_option(void **state)
{
    (void)state;
    write_text("mip.lp", MIP_LP);
    /* Any gap >= 0 is accepted; the answer is still a feasible point. */
    run_result r = RUN("solve", "--json", "--gap", "0.5", "--method", "primal",
                       "--no-cuts", path_of("mip.lp"));
    if (r.code != 0)
        assert_exit(r, 5);
    json_t *j = parse_json(&r);
    double a = jnum(j, "variables", "a", NULL), b = jnum(j, "variables", "b", NULL);
    assert_true(6 * a + 4 * b <= 24 + 1e-9 && a + 2 * b <= 6 + 1e-9);
    assert_near(jnum(j, "objective", NULL), 5 * a + 4 * b);
    json_decref(j);
    run_free(&r);

    const char *methods[] = {"simplex", "primal", "dual", "interior"};
    write_text("opt.lp", OPT_LP);
    for (int i = 0; i < 4; i++) {
        r = RUN("solve", "--json", "--method", methods[i], path_of("opt.lp"));
        assert_exit(r, 0);
        j = parse_json(&r);
        /* The interior point method stops at a tolerance, not a vertex. */
        assert_true(fabs(jnum(j, "objective", NULL) - 11) <= 1e-6 * 11);
        json_decref(j);
        run_free(&r);
    }
}

/* ------------------------------------------------------------------ */
/* Formats and files                                                  */
/* ------------------------------------------------------------------ */

static void test_mps_and_mathprog(void **state)
{
    (void)state;
    write_text("opt.mps", OPT_MPS);
    run_result r = RUN("solve", "--json", path_of("opt.mps"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_near(jnum(j, "objective", NULL), -11);
    assert_near(jnum(j, "variables", "x", NULL), 3);
    json_decref(j);
    run_free(&r);

    /* The same file with an explicit format and no telling extension. */
    write_text("opt.txt", OPT_MPS);
    r = RUN("solve", "--json", "--format", "mps", path_of("opt.txt"));
    assert_exit(r, 0);
    j = parse_json(&r);
    assert_string_equal(jstr(j, "format"), "mps");
    assert_near(jnum(j, "objective", NULL), -11);
    json_decref(j);
    run_free(&r);

    write_text("tr.mod", TRANSP_MOD);
    write_text("tr.dat", TRANSP_DAT);
    r = RUN("solve", "--json", "--data", path_of("tr.dat"), path_of("tr.mod"));
    assert_exit(r, 0);
    j = parse_json(&r);
    assert_string_equal(jstr(j, "format"), "gmpl");
    assert_string_equal(jstr(j, "data"), path_of("tr.dat"));
    assert_near(jnum(j, "objective", NULL), 60);
    assert_near(jnum(j, "variables", "x[a,p]", NULL), 20);
    assert_near(jnum(j, "variables", "x[b,q]", NULL), 20);
    assert_near(jnum(j, "variables", "x[a,q]", NULL), 0);
    json_decref(j);
    run_free(&r);
}

static void test_stdin(void **state)
{
    (void)state;
    write_text("opt.lp", OPT_LP);
    run_result r = RUN_IN(path_of("opt.lp"), "solve", "--json", "--format", "lp", "-");
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "file"), "-");
    assert_near(jnum(j, "objective", NULL), 11);
    json_decref(j);
    run_free(&r);

    /* MathProg data from standard input. */
    write_text("tr.mod", TRANSP_MOD);
    write_text("tr.dat", TRANSP_DAT);
    r = RUN_IN(path_of("tr.dat"), "solve", "--json", "--data", "-", path_of("tr.mod"));
    assert_exit(r, 0);
    j = parse_json(&r);
    assert_near(jnum(j, "objective", NULL), 60);
    json_decref(j);
    run_free(&r);

    /* An error in standard input names "-", not a temporary file. */
    write_text("bad.lp", "Maximize\n obj: 3 x +\nSubject To\n c: x <= ;\nEnd\n");
    r = RUN_IN(path_of("bad.lp"), "solve", "--format", "lp", "-");
    assert_one_error(r, "-:");
    assert_null(strstr(r.err, "stdin.lp"));
    run_free(&r);
}

/* Bad files: exit 1, exactly one line on stderr naming the file, nothing on
 * stdout, never a signal. */
static void test_bad_files(void **state)
{
    (void)state;
    char head[600];

    write_text("empty.mps", "");
    write_text("empty.lp", "");
    write_text("empty.mod", "");
    {
        /* OPT_MPS cut in the middle of the COLUMNS section. */
        size_t cut = (size_t)(strstr(OPT_MPS, "    y         obj") - OPT_MPS) + 24;
        write_bytes("trunc.mps", OPT_MPS, cut);
    }
    {
        unsigned char junk[4096];
        unsigned long seed = 99;
        for (size_t i = 0; i < sizeof junk; i++) {
            seed = (seed * 1103515245ul + 12345ul) & 0x7ffffffful;
            junk[i] = (unsigned char)(seed >> 16);
        }
        write_bytes("junk.mps", junk, sizeof junk);
        write_bytes("junk.lp", junk, sizeof junk);
        write_bytes("junk.mod", junk, sizeof junk);
        write_bytes("junk.mps.gz", junk, sizeof junk);
    }
    write_text("syntax.mod", SYNTAX_MOD);
    write_text("tr.mod", TRANSP_MOD);
    write_text("baddata.dat", "data;\nset I := a b;\nparam cap := a 30 b ;\nend;\n");

    const char *names[] = {"empty.mps", "empty.lp", "empty.mod", "trunc.mps",
                           "junk.mps", "junk.lp", "junk.mod", "junk.mps.gz",
                           "missing.mps", "missing.lp", "syntax.mod"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        const char *p = path_of(names[i]);
        snprintf(head, sizeof head, "%s:", p);
        run_result r = RUN("solve", "--json", p);
        check_one_error(&r, head, names[i]);
        run_free(&r);
    }

    /* The line GLPK knows: MathProg's syntax error is on line 3. */
    snprintf(head, sizeof head, "%s:3: ", path_of("syntax.mod"));
    run_result r = RUN("solve", path_of("syntax.mod"));
    assert_one_error(r, head);
    run_free(&r);

    /* A data file's error names the data file. */
    snprintf(head, sizeof head, "%s:", path_of("baddata.dat"));
    r = RUN("solve", "--data", path_of("baddata.dat"), path_of("tr.mod"));
    assert_one_error(r, head);
    run_free(&r);

    snprintf(head, sizeof head, "%s:", path_of("nodata.dat"));
    r = RUN("solve", "--data", path_of("nodata.dat"), path_of("tr.mod"));
    assert_one_error(r, head);
    run_free(&r);

    /* A directory is not a model. */
    r = RUN("solve", "--format", "lp", cli_dir());
    assert_one_error(r, cli_dir());
    run_free(&r);

    /* A process model that is not even JSON. */
    write_text("bad.json", "{\"items\": ");
    snprintf(head, sizeof head, "%s:", path_of("bad.json"));
    r = RUN("solve", path_of("bad.json"));
    assert_one_error(r, head);
    run_free(&r);
}

static void test_output_file(void **state)
{
    (void)state;
    write_text("opt.lp", OPT_LP);
    const char *out = path_of("out.json");
    run_result r = RUN("solve", "--json", "-o", out, path_of("opt.lp"));
    assert_exit(r, 0);
    assert_int_equal(r.outlen, 0);
    run_free(&r);
    json_error_t err;
    json_t *j = json_load_file(out, 0, &err);
    assert_non_null(j);
    assert_near(jnum(j, "objective", NULL), 11);
    json_decref(j);

    /* A failed run leaves an existing output file as it was. */
    write_text("junk.lp", "this is not an LP\n");
    r = RUN("solve", "--json", "-o", out, path_of("junk.lp"));
    assert_exit(r, 1);
    run_free(&r);
    j = json_load_file(out, 0, &err);
    assert_non_null(j);
    assert_near(jnum(j, "objective", NULL), 11);
    json_decref(j);

    /* ... and creates none. */
    r = RUN("solve", "-o", path_of("never.txt"), path_of("junk.lp"));
    assert_exit(r, 1);
    run_free(&r);
    assert_int_equal(access(path_of("never.txt"), F_OK), -1);

    /* The text report goes to the file as well; no temporary file stays. */
    r = RUN("solve", "-o", path_of("out.txt"), path_of("opt.lp"));
    assert_exit(r, 0);
    run_free(&r);
    {
        FILE *f = fopen(path_of("out.txt"), "r");
        char text[4096] = {0};
        assert_non_null(f);
        assert_true(fread(text, 1, sizeof text - 1, f) > 0);
        fclose(f);
        assert_non_null(strstr(text, "status:      optimal\n"));
        DIR *d = opendir(cli_dir());
        struct dirent *e;
        assert_non_null(d);
        while ((e = readdir(d)) != NULL)
            assert_null(strstr(e->d_name, "procopt-out"));
        closedir(d);
    }

    /* An output path that cannot be written: exit 1, one line naming it. */
    const char *bad = path_of("no/such/dir/out.json");
    r = RUN("solve", "--json", "-o", bad, path_of("opt.lp"));
    assert_one_error(r, bad);
    run_free(&r);
}

static void test_stdout_write_error(void **state)
{
    (void)state;
    if (access("/dev/full", W_OK) != 0)
        skip();
    write_text("opt.lp", OPT_LP);
    run_result r = run_full(0, NULL, "/dev/full",
                            (const char *const[]){"solve", "--json", path_of("opt.lp"), NULL});
    check_exit(&r, 1, __func__);
    assert_string_equal(r.err, "procopt: standard output: No space left on device\n");
    run_free(&r);
}

static void test_text_listing(void **state)
{
    (void)state;
    /* 25 variables, 23 of them nonzero at the optimum: the text report lists
     * 20 and says how many more; --all lists all 25. */
    char text[4096] = "Maximize\n obj:";
    size_t n;
    for (int j = 1; j <= 25; j++) {
        n = strlen(text);
        snprintf(text + n, sizeof text - n, " + v%02d", j);
    }
    n = strlen(text);
    snprintf(text + n, sizeof text - n, "\nSubject To\n");
    for (int j = 1; j <= 25; j++) {
        n = strlen(text);
        snprintf(text + n, sizeof text - n, " c%02d: v%02d <= %d\n", j, j,
                 j <= 23 ? j : 0);
    }
    n = strlen(text);
    snprintf(text + n, sizeof text - n, "End\n");
    write_text("many.lp", text);

    run_result r = RUN("solve", path_of("many.lp"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "objective:   276\n")); /* 1 + ... + 23 */
    assert_non_null(strstr(r.out, "variables (23 nonzero of 25):\n"));
    assert_non_null(strstr(r.out, "  v20  20\n  ... 3 more (--all lists every variable)\n"));
    assert_null(strstr(r.out, "v21"));
    run_free(&r);

    r = RUN("solve", "--all", path_of("many.lp"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "variables (all 25, 23 nonzero):\n"));
    assert_non_null(strstr(r.out, "  v23  23\n  v24  0\n  v25  0\n"));
    run_free(&r);
}

static void test_non_utf8_names(void **state)
{
    (void)state;
    /* MPS names are bytes; the JSON report must still be valid UTF-8 (jansson
     * refuses anything else), with the invalid byte as U+FFFD. */
    write_text("latin1.mps",
               "NAME          L1\n"
               "ROWS\n"
               " N  obj\n"
               " G  c\xe9\n"
               "COLUMNS\n"
               "    caf\xe9      obj       1.0          c\xe9        1.0\n"
               "RHS\n"
               "    RHS       c\xe9        2.5\n"
               "ENDATA\n");
    run_result r = RUN("solve", "--json", "--format", "freemps", path_of("latin1.mps"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_near(jnum(j, "objective", NULL), 2.5);
    assert_near(jnum(j, "variables", "caf\xef\xbf\xbd", NULL), 2.5);
    json_decref(j);
    run_free(&r);
}

static void test_log(void **state)
{
    (void)state;
    write_text("opt.lp", OPT_LP);
    run_result r = RUN("solve", "--log", "--json", path_of("opt.lp"));
    assert_exit(r, 0);
    assert_true(r.errlen > 0); /* GLPK's log */
    json_t *j = parse_json(&r); /* and stdout is still only the report */
    assert_near(jnum(j, "objective", NULL), 11);
    json_decref(j);
    run_free(&r);
}

static void test_convert(void **state)
{
    (void)state;
    /* An LP through MPS and back: same optimum, same names. */
    write_text("iter.lp", ITER_LP);
    run_result r = RUN("convert", path_of("iter.lp"), "-o", path_of("conv.mps"));
    assert_exit(r, 0);
    assert_int_equal(r.outlen, 0);
    assert_int_equal(r.errlen, 0);
    run_free(&r);

    r = RUN("solve", "--json", path_of("conv.mps"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "format"), "mps");
    assert_near(jnum(j, "objective", NULL), 21);
    assert_non_null(json_object_get(json_object_get(j, "variables"), "x6"));
    json_decref(j);
    run_free(&r);

    /* A maximization through CPLEX LP keeps its sense. */
    write_text("opt.lp", OPT_LP);
    r = RUN("convert", path_of("opt.lp"), "--to", "lp", "-o", path_of("conv.txt"));
    assert_exit(r, 0);
    run_free(&r);
    r = RUN("solve", "--json", "--format", "lp", path_of("conv.txt"));
    assert_exit(r, 0);
    j = parse_json(&r);
    assert_near(jnum(j, "objective", NULL), 11);
    json_decref(j);
    run_free(&r);

    /* MathProg to CPLEX LP on standard output, then solved from there. */
    write_text("tr.mod", TRANSP_MOD);
    write_text("tr.dat", TRANSP_DAT);
    r = RUN("convert", "--data", path_of("tr.dat"), "--to", "lp", "-o", "-",
            path_of("tr.mod"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "inimize"));
    write_bytes("tr.lp", r.out, r.outlen);
    run_free(&r);
    r = RUN("solve", "--json", path_of("tr.lp"));
    assert_exit(r, 0);
    j = parse_json(&r);
    assert_near(jnum(j, "objective", NULL), 60);
    json_decref(j);
    run_free(&r);

    /* Fixed MPS by --to, read back by its format. */
    r = RUN("convert", "--to", "mps", path_of("iter.lp"), "-o", path_of("fixed.txt"));
    assert_exit(r, 0);
    run_free(&r);
    r = RUN("solve", "--json", "--format", "mps", path_of("fixed.txt"));
    assert_exit(r, 0);
    j = parse_json(&r);
    assert_near(jnum(j, "objective", NULL), 21);
    json_decref(j);
    run_free(&r);

    /* A bad input: exit 1, one line, no output file. */
    write_text("junk.lp", "not an LP at all\n");
    char head[600];
    snprintf(head, sizeof head, "%s:", path_of("junk.lp"));
    r = RUN("convert", path_of("junk.lp"), "-o", path_of("never.mps"));
    assert_one_error(r, head);
    run_free(&r);
    assert_int_equal(access(path_of("never.mps"), F_OK), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_help_and_version),
        cmocka_unit_test(test_usage_errors),
        cmocka_unit_test(test_optimal_lp_json),
        cmocka_unit_test(test_optimal_lp_text),
        cmocka_unit_test(test_mip_json),
        cmocka_unit_test(test_infeasible),
        cmocka_unit_test(test_unbounded),
        cmocka_unit_test(test_iteration_limit),
        cmocka_unit_test(test_time_limit),
        cmocka_unit_test(test_gap_option),
        cmocka_unit_test(test_mps_and_mathprog),
        cmocka_unit_test(test_stdin),
        cmocka_unit_test(test_bad_files),
        cmocka_unit_test(test_output_file),
        cmocka_unit_test(test_stdout_write_error),
        cmocka_unit_test(test_text_listing),
        cmocka_unit_test(test_non_utf8_names),
        cmocka_unit_test(test_log),
        cmocka_unit_test(test_convert),
    };
    return cmocka_run_group_tests_name("cli", tests, cli_group_setup,
                                       cli_group_teardown);
}
