/*
 * test_examples.c -- every model in examples/ solved to an optimum that was
 * obtained without procopt.
 *
 * Each example's optimum (the total cost of its compiled model) was computed
 * by hand for the small models (examples/<name>.hand.md) and, for all of
 * them, by solving examples/<name>.check.lp -- the LP written by hand from
 * the equations of the format, not by procopt -- with glpsol and with cbc.
 * The values are recorded in the table below.  The tests check, for every
 * example:
 *   - the hand-written check LP still gives the recorded optimum under
 *     glpsol, cbc and this library's own LP reader and solver;
 *   - the process model solved through the library gives it (1e-6
 *     relative), with the objective in the model's orientation;
 *   - `procopt solve --json` reports it;
 *   - `procopt export` to CPLEX LP and to free MPS, solved by glpsol and by
 *     cbc, gives it: peers that know nothing of process models agree;
 *   - the baseline (today's plan) settles at the value obtained from
 *     examples/ref_lp.py --baseline (or by hand), or is infeasible.
 * Plus hand-computed plan details of the small models, and the generator
 * examples/gen_supply_chain.py: deterministic for a seed, thousands of
 * activities at its default size, and a small instance whose optimum the
 * library, and examples/ref_lp.py solved by glpsol and cbc, agree on.
 *
 * A missing glpsol, cbc or python3 skips the tests that need it with a
 * message saying so.  Environment: PROCOPT_SRC (repository root, default
 * "." or ".."), PROCOPT_BIN (the command, default $PROCOPT_BUILD/procopt,
 * then build/procopt), PROCOPT_TEST_WRAP (wraps each run of the command,
 * e.g. valgrind).  Files go to a mkdtemp directory removed at the end.
 */
#include <errno.h>
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
#include "cli_harness.h"

#define REL_TOL 1e-6

/* ------------------------------------------------------------------ */
/* The examples and their independently obtained optima               */
/* ------------------------------------------------------------------ */

typedef struct example {
    const char *name;     /* examples/NAME.json, examples/NAME.check.lp */
    double total_cost;    /* optimum of the compiled model (minimized) */
    int max_margin;       /* 1: the reported objective is -total_cost */
    int baseline_feasible;
    double baseline_total; /* total cost of today's plan, when feasible */
} example;

static const example EXAMPLES[] = {
    /* check LP (glpsol, cbc); baseline: ref_lp.py --baseline (glpsol, cbc) */
    {"bakery", -6462.9905, 1, 1, -5741.347},
    /* by hand (bakery_design.hand.md); baseline infeasible by hand */
    {"bakery_design", -2624.875, 1, 0, 0},
    /* by hand (call_centre.hand.md: daily LP certificates) */
    {"call_centre", 26212, 0, 1, 31456},
    /* by hand (distribution.hand.md: dual certificate) */
    {"distribution", 207630, 0, 1, 211140},
    /* by hand (feed_blend.hand.md): exactly 153412400/2823 */
    {"feed_blend", 153412400.0 / 2823.0, 0, 1, 56150},
    /* check LP (glpsol, cbc); baseline: ref_lp.py --baseline */
    {"lot_sizing", -3824475, 1, 1, -3700924.5},
    /* by hand (network_design.hand.md: case analysis) */
    {"network_design", 7192000, 0, 1, 7628000},
};
#define N_EXAMPLES ((int)(sizeof EXAMPLES / sizeof EXAMPLES[0]))

/* ------------------------------------------------------------------ */
/* Environment, temporary directory, child processes                  */
/* ------------------------------------------------------------------ */

static char g_src[1024];

static void near(double got, double want, const char *what)
{
    if (!(fabs(got - want) <= REL_TOL * fmax(1.0, fabs(want)))) {
        print_error("%s: got %.17g, want %.17g\n", what, got, want);
        fail();
    }
}

/* dir/fmt(name) into buf; a path that does not fit fails the test. */
static const char *join(char *buf, size_t size, const char *dir,
                        const char *fmt, const char *name)
{
    char rel[512];
    int n = snprintf(rel, sizeof rel, fmt, name);
    if (n < 0 || (size_t)n >= sizeof rel)
        fail_msg("path too long: %s", name);
    n = snprintf(buf, size, "%s/%s", dir, rel);
    if (n < 0 || (size_t)n >= size)
        fail_msg("path too long: %s/%s", dir, rel);
    return buf;
}

static const char *src_path(char *buf, size_t size, const char *fmt,
                            const char *name)
{
    return join(buf, size, g_src, fmt, name);
}

static const char *tmp_path(char *buf, size_t size, const char *fmt,
                            const char *name)
{
    return join(buf, size, cli_dir(), fmt, name);
}

/* The first executable called `prog` in PATH, or 0. */
static int in_path(const char *prog)
{
    const char *path = getenv("PATH");
    char buf[2048];
    if (!path)
        return 0;
    while (*path) {
        size_t n = strcspn(path, ":");
        snprintf(buf, sizeof buf, "%.*s/%s", (int)n, n ? path : ".", prog);
        if (access(buf, X_OK) == 0)
            return 1;
        path += n;
        if (*path == ':')
            path++;
    }
    return 0;
}

static int require_tool(const char *prog, const char *package)
{
    if (in_path(prog))
        return 1;
    fprintf(stderr, "test_examples: %s not found, skipped (apt-get install %s)\n",
            prog, package);
    return 0;
}

/* Run args (NULL-terminated) with stdout to out_path (or /dev/null), as
 * cli_harness.h's run_full (timeout, a child killed by a signal fails the
 * test).  command: 1 when args are procopt's (then PROCOPT_TEST_WRAP
 * applies), 0 when args[0] is a program looked up in PATH.  Returns the
 * exit status, with the child's stderr shown when it is not 0. */
static int run(int command, const char *out_path, const char *const *args)
{
    const char *name = command ? "procopt" : args[0];
    run_result r = run_full(!command, NULL, out_path ? out_path : "/dev/null",
                            args);
    int code = r.code;
    if (r.signaled)
        fail_msg("%s killed by signal %d", name, r.sig);
    if (code != 0)
        print_error("%s exited with %d; its stderr:\n%s", name, code, r.err);
    run_free(&r);
    return code;
}

#define RUN_TOOL(out, ...) run(0, (out), (const char *const[]){__VA_ARGS__, NULL})
#define RUN_PROCOPT(out, ...) \
    run(1, (out), (const char *const[]){__VA_ARGS__, NULL})

/* A whole small file as a string the caller frees. */
static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s: %s", path, strerror(errno));
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long n = ftell(f);
    assert_true(n >= 0);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    assert_non_null(s);
    assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

/* glpsol's optimum of a file: format flag "--lp", "--freemps", ... */
static double glpsol_optimum(const char *flag, const char *file)
{
    char report[1100];
    tmp_path(report, sizeof report, "%s", "glpsol.txt");
    unlink(report);
    assert_int_equal(RUN_TOOL(NULL, "glpsol", flag, file, "-o", report), 0);
    char *text = slurp(report);
    /* "Status:     OPTIMAL" or "Status:     INTEGER OPTIMAL" */
    const char *st = strstr(text, "Status:");
    assert_non_null(st);
    const char *eol = strchr(st, '\n');
    int optimal = strstr(st, "OPTIMAL") && strstr(st, "OPTIMAL") < eol &&
                  !strstr(st, "NON-OPTIMAL");
    /* "Objective:  total_cost = -2624.875 (MINimum)" */
    const char *p = strstr(text, "Objective:");
    assert_non_null(p);
    p = strchr(p, '=');
    assert_non_null(p);
    double v = strtod(p + 1, NULL);
    if (!optimal) {
        print_error("glpsol %s: not optimal: %.40s\n", file, st);
        fail();
    }
    free(text);
    return v;
}

/* cbc's optimum of a file (.lp or .mps by extension); its solution file
 * starts "Optimal - objective value -6462.99050000". */
static double cbc_optimum(const char *file)
{
    char sol[1100];
    tmp_path(sol, sizeof sol, "%s", "cbc.sol");
    unlink(sol);
    assert_int_equal(RUN_TOOL(NULL, "cbc", file, "solve", "solu", sol, "quit"), 0);
    char *text = slurp(sol);
    if (strncmp(text, "Optimal", 7) != 0) {
        print_error("cbc %s: not optimal: %.60s\n", file, text);
        fail();
    }
    const char *p = strstr(text, "objective value");
    assert_non_null(p);
    double v = strtod(p + strlen("objective value"), NULL);
    free(text);
    return v;
}

static po_process *load_example(const example *ex)
{
    char path[1100];
    po_process *p = po_process_new();
    assert_non_null(p);
    src_path(path, sizeof path, "examples/%s.json", ex->name);
    po_status st = po_process_load_file(p, path);
    if (st != PO_OK) {
        print_error("%s: %s\n", path, po_process_errmsg(p));
        for (int k = 0; k < po_process_num_errors(p); k++)
            print_error("  %d:%d: %s\n", po_process_error_line(p, k),
                        po_process_error_column(p, k),
                        po_process_error_message(p, k));
        fail();
    }
    return p;
}

static po_plan *solve_example(po_process *p, int baseline)
{
    po_plan *plan = NULL;
    po_status st = baseline ? po_process_solve_baseline(p, NULL, &plan)
                            : po_process_solve(p, NULL, &plan);
    if (st != PO_OK) {
        print_error("solve: %s\n", po_process_errmsg(p));
        fail();
    }
    assert_non_null(plan);
    return plan;
}

/* ------------------------------------------------------------------ */
/* Per-example tests                                                  */
/* ------------------------------------------------------------------ */

/* The hand-written check LP, solved by glpsol, cbc and the library. */
static void test_check_lp(void **state)
{
    const example *ex = *state;
    char lp[1100], what[256];
    src_path(lp, sizeof lp, "examples/%s.check.lp", ex->name);

    po_model *m = po_model_new();
    po_result *r = NULL;
    assert_non_null(m);
    if (po_model_read(m, lp, PO_FORMAT_LP, NULL) != PO_OK)
        fail_msg("%s", po_model_errmsg(m));
    assert_int_equal(po_solve(m, NULL, &r), PO_OK);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    snprintf(what, sizeof what, "%s.check.lp by the library", ex->name);
    near(po_result_objective(r), ex->total_cost, what);
    po_result_free(r);
    po_model_free(m);

    if (require_tool("glpsol", "glpk-utils")) {
        snprintf(what, sizeof what, "%s.check.lp by glpsol", ex->name);
        near(glpsol_optimum("--lp", lp), ex->total_cost, what);
    }
    if (require_tool("cbc", "coinor-cbc")) {
        snprintf(what, sizeof what, "%s.check.lp by cbc", ex->name);
        near(cbc_optimum(lp), ex->total_cost, what);
    }
}

/* The process model through the library. */
static void test_library(void **state)
{
    const example *ex = *state;
    char what[256];
    po_process *p = load_example(ex);
    po_plan *plan = solve_example(p, 0);

    assert_int_equal(po_plan_outcome(plan), PO_OUTCOME_OPTIMAL);
    snprintf(what, sizeof what, "%s total cost", ex->name);
    near(po_plan_total_cost(plan), ex->total_cost, what);
    assert_int_equal(po_plan_objective_kind(plan),
                     ex->max_margin ? PO_OBJECTIVE_MAX_MARGIN
                                    : PO_OBJECTIVE_MIN_COST);
    snprintf(what, sizeof what, "%s objective", ex->name);
    near(po_plan_objective(plan),
         ex->max_margin ? -ex->total_cost : ex->total_cost, what);

    /* The cost split adds up to the total. */
    double sum = 0;
    for (int k = 0; k < PO_COST_NKINDS; k++)
        sum += (k == PO_COST_REVENUE ? -1 : 1) *
               po_plan_cost(plan, (po_cost_kind)k);
    snprintf(what, sizeof what, "%s cost split", ex->name);
    near(sum, ex->total_cost, what);

    po_plan_free(plan);
    po_process_free(p);
}

/* Today's plan. */
static void test_baseline(void **state)
{
    const example *ex = *state;
    char what[256];
    po_process *p = load_example(ex);
    assert_int_equal(po_process_has_baseline(p), 1);
    po_plan *plan = solve_example(p, 1);

    if (!ex->baseline_feasible) {
        assert_int_equal(po_plan_outcome(plan), PO_OUTCOME_INFEASIBLE);
        assert_int_equal(po_plan_has_solution(plan), 0);
    } else {
        assert_int_equal(po_plan_outcome(plan), PO_OUTCOME_OPTIMAL);
        snprintf(what, sizeof what, "%s baseline total cost", ex->name);
        near(po_plan_total_cost(plan), ex->baseline_total, what);
        /* Today's plan never beats the optimum. */
        assert_true(po_plan_total_cost(plan) >=
                    ex->total_cost - REL_TOL * fabs(ex->total_cost));
    }
    po_plan_free(plan);
    po_process_free(p);
}

/* `procopt solve --json`. */
static void test_command(void **state)
{
    const example *ex = *state;
    char model[1100], out[1100], what[256];
    src_path(model, sizeof model, "examples/%s.json", ex->name);
    tmp_path(out, sizeof out, "%s.solve.json", ex->name);
    assert_int_equal(RUN_PROCOPT(out, "solve", "--json", model), 0);

    json_error_t jerr;
    json_t *root = json_load_file(out, 0, &jerr);
    if (!root)
        fail_msg("%s: %s (line %d)", out, jerr.text, jerr.line);
    assert_string_equal(json_string_value(json_object_get(root, "status")),
                        "optimal");
    snprintf(what, sizeof what, "%s: procopt solve total_cost", ex->name);
    near(json_number_value(json_object_get(root, "total_cost")),
         ex->total_cost, what);
    snprintf(what, sizeof what, "%s: procopt solve objective", ex->name);
    near(json_number_value(json_object_get(root, "objective")),
         ex->max_margin ? -ex->total_cost : ex->total_cost, what);
    json_decref(root);
}

/* `procopt export` to LP and MPS, solved by the peers. */
static void test_export(void **state)
{
    const example *ex = *state;
    char model[1100], lp[1100], mps[1100], what[256];
    int glpsol = require_tool("glpsol", "glpk-utils");
    int cbc = require_tool("cbc", "coinor-cbc");
    if (!glpsol && !cbc)
        skip();

    src_path(model, sizeof model, "examples/%s.json", ex->name);
    tmp_path(lp, sizeof lp, "%s.lp", ex->name);
    tmp_path(mps, sizeof mps, "%s.mps", ex->name);
    assert_int_equal(RUN_PROCOPT(NULL, "export", model, "-o", lp), 0);
    assert_int_equal(RUN_PROCOPT(NULL, "export", model, "-o", mps), 0);

    if (glpsol) {
        snprintf(what, sizeof what, "%s: export .lp solved by glpsol", ex->name);
        near(glpsol_optimum("--lp", lp), ex->total_cost, what);
        snprintf(what, sizeof what, "%s: export .mps solved by glpsol", ex->name);
        near(glpsol_optimum("--freemps", mps), ex->total_cost, what);
    }
    if (cbc) {
        snprintf(what, sizeof what, "%s: export .lp solved by cbc", ex->name);
        near(cbc_optimum(lp), ex->total_cost, what);
        snprintf(what, sizeof what, "%s: export .mps solved by cbc", ex->name);
        near(cbc_optimum(mps), ex->total_cost, what);
    }
    unlink(lp);
    unlink(mps);
}

/* ------------------------------------------------------------------ */
/* Hand-computed plans of the small models                            */
/* ------------------------------------------------------------------ */

static int find_activity(const po_plan *plan, const char *name)
{
    for (int a = 0; a < po_plan_num_activities(plan); a++)
        if (strcmp(po_plan_activity_name(plan, a), name) == 0)
            return a;
    fail_msg("no activity %s in the plan", name);
    return -1;
}

static int find_item(const po_plan *plan, const char *name)
{
    for (int i = 0; i < po_plan_num_items(plan); i++)
        if (strcmp(po_plan_item_name(plan, i), name) == 0)
            return i;
    fail_msg("no item %s in the plan", name);
    return -1;
}

static void near_series(const double *got, const double *want, int n,
                        const char *what)
{
    char w[256];
    assert_non_null(got);
    for (int t = 0; t < n; t++) {
        snprintf(w, sizeof w, "%s[%d]", what, t);
        near(got[t], want[t], w);
    }
}

/* bakery_design.hand.md: bake min(demand, 600), Saturday 10 short, the
 * 300 kg of flour in stock used Mon-Wed, the rest bought Thu-Sat. */
static void test_bakery_design_plan(void **state)
{
    static const example ex = {"bakery_design", 0, 1, 0, 0};
    (void)state;
    po_process *p = load_example(&ex);
    po_plan *plan = solve_example(p, 0);
    int bake = find_activity(plan, "bake_baguette");
    int oven2 = find_activity(plan, "second_oven");
    int flour = find_item(plan, "flour_kg");
    int bag = find_item(plan, "baguette");
    int oven = find_item(plan, "oven_h");
    const double levels[] = {420, 380, 400, 410, 520, 600};
    const double zero[] = {0, 0, 0, 0, 0, 0};
    const double shortage[] = {0, 0, 0, 0, 0, 10};
    const double stock[] = {195, 100, 0, 0, 0, 0};
    const double bought[] = {0, 0, 0, 102.5, 130, 150};
    const double oven_slack[] = {16.32, 16.48, 16.4, 16.36, 15.92, 15.6};

    assert_int_equal(po_plan_num_periods(plan), 6);
    assert_string_equal(po_plan_period_name(plan, 5), "Sat");
    near_series(po_plan_levels(plan, bake), levels, 6, "bake_baguette");
    near_series(po_plan_levels(plan, oven2), zero, 6, "second_oven");
    near_series(po_plan_item_series(plan, bag, PO_PLAN_SOLD), levels, 6,
                "sold baguette");
    near_series(po_plan_item_series(plan, bag, PO_PLAN_SHORTAGE), shortage, 6,
                "short baguette");
    near_series(po_plan_item_series(plan, flour, PO_PLAN_STOCK), stock, 6,
                "stock flour");
    near_series(po_plan_item_series(plan, flour, PO_PLAN_BUY), bought, 6,
                "buy flour");
    near_series(po_plan_item_series(plan, oven, PO_PLAN_BUY), zero, 6,
                "buy oven_h");
    near_series(po_plan_item_series(plan, oven, PO_PLAN_SLACK), oven_slack, 6,
                "slack oven_h");
    near(po_plan_cost(plan, PO_COST_BUYING), 237.15, "buying");
    near(po_plan_cost(plan, PO_COST_STORING), 1.475, "storing");
    near(po_plan_cost(plan, PO_COST_ACTIVITY), 136.5, "activity");
    near(po_plan_cost(plan, PO_COST_FIXED), 0, "fixed");
    near(po_plan_cost(plan, PO_COST_SHORTAGE), 3, "shortage");
    near(po_plan_cost(plan, PO_COST_REVENUE), 3003, "revenue");
    po_plan_free(plan);
    po_process_free(p);
}

/* feed_blend.hand.md: corn, soybean meal and bran at the vertex where
 * protein and energy bind; no wheat. */
static void test_feed_blend_plan(void **state)
{
    static const example ex = {"feed_blend", 0, 0, 1, 0};
    (void)state;
    po_process *p = load_example(&ex);
    po_plan *plan = solve_example(p, 0);
    const double corn = 370400.0 / 2823, sbm = 149800.0 / 2823,
                 bran = 44400.0 / 2823, zero = 0;

    near_series(po_plan_levels(plan, find_activity(plan, "mix_corn")), &corn,
                1, "mix_corn");
    near_series(po_plan_levels(plan, find_activity(plan, "mix_sbm")), &sbm, 1,
                "mix_sbm");
    near_series(po_plan_levels(plan, find_activity(plan, "mix_bran")), &bran,
                1, "mix_bran");
    near_series(po_plan_levels(plan, find_activity(plan, "mix_wheat")), &zero,
                1, "mix_wheat");
    near_series(po_plan_item_series(plan, find_item(plan, "sbm_t"),
                                    PO_PLAN_BUY), &sbm, 1, "buy sbm_t");
    near(po_plan_cost(plan, PO_COST_BUYING),
         (215 * 370400.0 + 430 * 149800.0 + 160 * 44400.0) / 2823, "buying");
    near(po_plan_cost(plan, PO_COST_ACTIVITY), 800, "activity");
    po_plan_free(plan);
    po_process_free(p);
}

/* network_design.hand.md: keep Paris, Rennes and Lyon; close Lille and
 * Marseille. */
static void test_network_design_plan(void **state)
{
    static const example ex = {"network_design", 0, 0, 1, 0};
    static const struct {
        const char *dc;
        double throughput;
    } want[] = {{"dc_lille", 0},      {"dc_paris", 60000}, {"dc_rennes", 38000},
                {"dc_lyon", 44000},   {"dc_marseille", 0}};
    (void)state;
    po_process *p = load_example(&ex);
    po_plan *plan = solve_example(p, 0);
    for (size_t k = 0; k < sizeof want / sizeof want[0]; k++)
        near_series(po_plan_levels(plan, find_activity(plan, want[k].dc)),
                    &want[k].throughput, 1, want[k].dc);
    near(po_plan_cost(plan, PO_COST_FIXED), 980000 + 540000 + 700000, "fixed");
    near(po_plan_cost(plan, PO_COST_ACTIVITY), 4972000, "activity");
    po_plan_free(plan);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* The generator                                                      */
/* ------------------------------------------------------------------ */

static const char *const SMALL_ARGS[] = {"--plants", "2", "--products", "3",
                                         "--dcs", "2", "--customers", "5",
                                         "--periods", "4"};

/* Run the generator with the small sizes and the seed into out. */
static void generate_small(const char *seed, const char *out)
{
    char gen[1100];
    src_path(gen, sizeof gen, "examples/%s", "gen_supply_chain.py");
    assert_int_equal(RUN_TOOL(NULL, "python3", gen, SMALL_ARGS[0], SMALL_ARGS[1],
                              SMALL_ARGS[2], SMALL_ARGS[3], SMALL_ARGS[4],
                              SMALL_ARGS[5], SMALL_ARGS[6], SMALL_ARGS[7],
                              SMALL_ARGS[8], SMALL_ARGS[9], "--seed", seed,
                              "-o", out),
                     0);
}

/* Same seed, same bytes; another seed, another model. */
static void test_generator_deterministic(void **state)
{
    char a[1100], b[1100], c[1100];
    (void)state;
    if (!require_tool("python3", "python3"))
        skip();
    tmp_path(a, sizeof a, "%s", "gen_a.json");
    tmp_path(b, sizeof b, "%s", "gen_b.json");
    tmp_path(c, sizeof c, "%s", "gen_c.json");
    generate_small("7", a);
    generate_small("7", b);
    generate_small("8", c);
    char *ta = slurp(a), *tb = slurp(b), *tc = slurp(c);
    assert_string_equal(ta, tb);
    assert_true(strcmp(ta, tc) != 0);
    free(ta);
    free(tb);
    free(tc);
}

/* The default size has thousands of activities, setups and storage, and
 * loads without error. */
static void test_generator_default_size(void **state)
{
    char gen[1100], out[1100];
    (void)state;
    if (!require_tool("python3", "python3"))
        skip();
    src_path(gen, sizeof gen, "examples/%s", "gen_supply_chain.py");
    tmp_path(out, sizeof out, "%s", "gen_default.json");
    assert_int_equal(RUN_TOOL(NULL, "python3", gen, "-o", out), 0);

    po_process *p = po_process_new();
    assert_non_null(p);
    if (po_process_load_file(p, out) != PO_OK)
        fail_msg("%s", po_process_errmsg(p));
    assert_true(po_process_num_activities(p) >= 1000);
    assert_int_equal(po_process_num_periods(p), 12);
    assert_int_equal(po_process_has_baseline(p), 1);
    int setups = 0, storable = 0;
    for (int a = 0; a < po_process_num_activities(p); a++)
        if (!isnan(po_process_activity_param(p, a, "fixed_cost", 0)) &&
            !isnan(po_process_activity_param(p, a, "min_batch", 0)))
            setups++;
    for (int i = 0; i < po_process_num_items(p); i++)
        if (!isnan(po_process_item_param(p, i, "store_cost", 0)))
            storable++;
    assert_true(setups >= 10);
    assert_true(storable >= 60);
    assert_int_equal(po_process_validate(p), PO_OK);
    po_process_free(p);
    unlink(out);
}

/* A small generated instance: the library, and examples/ref_lp.py (a
 * translator written apart from procopt) solved by glpsol and cbc, agree;
 * so do the baselines. */
static void test_generator_small_optimum(void **state)
{
    char json[1100], ref[1100], refb[1100], reftool[1100];
    (void)state;
    if (!require_tool("python3", "python3"))
        skip();
    int glpsol = require_tool("glpsol", "glpk-utils");
    int cbc = require_tool("cbc", "coinor-cbc");
    if (!glpsol && !cbc)
        skip();
    tmp_path(json, sizeof json, "%s", "gen_small.json");
    tmp_path(ref, sizeof ref, "%s", "gen_small.ref.lp");
    tmp_path(refb, sizeof refb, "%s", "gen_small.refbase.lp");
    src_path(reftool, sizeof reftool, "examples/%s", "ref_lp.py");
    generate_small("3", json);
    assert_int_equal(RUN_TOOL(ref, "python3", reftool, json), 0);
    assert_int_equal(RUN_TOOL(refb, "python3", reftool, "--baseline", json), 0);

    po_process *p = po_process_new();
    assert_non_null(p);
    if (po_process_load_file(p, json) != PO_OK)
        fail_msg("%s", po_process_errmsg(p));
    po_plan *plan = solve_example(p, 0);
    po_plan *base = solve_example(p, 1);
    assert_int_equal(po_plan_outcome(plan), PO_OUTCOME_OPTIMAL);
    assert_int_equal(po_plan_outcome(base), PO_OUTCOME_OPTIMAL);
    double opt = po_plan_total_cost(plan), today = po_plan_total_cost(base);
    assert_true(opt <= today);
    if (glpsol) {
        near(opt, glpsol_optimum("--lp", ref), "generated: ref LP by glpsol");
        near(today, glpsol_optimum("--lp", refb),
             "generated baseline: ref LP by glpsol");
    }
    if (cbc) {
        near(opt, cbc_optimum(ref), "generated: ref LP by cbc");
        near(today, cbc_optimum(refb), "generated baseline: ref LP by cbc");
    }
    po_plan_free(plan);
    po_plan_free(base);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Setup                                                              */
/* ------------------------------------------------------------------ */

static int group_setup(void **state)
{
    const char *src = getenv("PROCOPT_SRC");

    if (src && *src)
        snprintf(g_src, sizeof g_src, "%s", src);
    else
        snprintf(g_src, sizeof g_src, "%s",
                 access("examples/bakery.json", R_OK) == 0 ? "." : "..");
    char probe[1100];
    if (access(src_path(probe, sizeof probe, "examples/%s", "bakery.json"),
               R_OK) != 0) {
        fprintf(stderr, "test_examples: %s not found (set PROCOPT_SRC to the "
                        "repository root)\n", probe);
        return -1;
    }
    return cli_group_setup(state);
}

#define ONE(fn, k, nm)                                                        \
    {.name = #fn " " nm, .test_func = fn, .initial_state = (void *)&EXAMPLES[k]}
/* The names follow EXAMPLES (checked in main). */
#define PER_EXAMPLE(fn)                                                       \
    ONE(fn, 0, "bakery"), ONE(fn, 1, "bakery_design"),                        \
        ONE(fn, 2, "call_centre"), ONE(fn, 3, "distribution"),                \
        ONE(fn, 4, "feed_blend"), ONE(fn, 5, "lot_sizing"),                   \
        ONE(fn, 6, "network_design")

int main(void)
{
    const struct CMUnitTest tests[] = {
        PER_EXAMPLE(test_check_lp),
        PER_EXAMPLE(test_library),
        PER_EXAMPLE(test_baseline),
        PER_EXAMPLE(test_command),
        PER_EXAMPLE(test_export),
        cmocka_unit_test(test_bakery_design_plan),
        cmocka_unit_test(test_feed_blend_plan),
        cmocka_unit_test(test_network_design_plan),
        cmocka_unit_test(test_generator_deterministic),
        cmocka_unit_test(test_generator_default_size),
        cmocka_unit_test(test_generator_small_optimum),
    };
    _Static_assert(N_EXAMPLES == 7, "PER_EXAMPLE lists every example");
    for (size_t k = 0; k < sizeof tests / sizeof tests[0]; k++) {
        const example *ex = tests[k].initial_state;
        const char *sp = strchr(tests[k].name, ' ');
        if (ex && (!sp || strcmp(sp + 1, ex->name) != 0)) {
            fprintf(stderr, "test_examples: test %s runs %s\n", tests[k].name,
                    ex->name);
            return 1;
        }
    }
    return cmocka_run_group_tests(tests, group_setup, cli_group_teardown);
}
