/*
 * test_options.c -- the tuning options of po_options (lp_pricing ...
 * mip_proximity_time): their defaults and place in the struct, the
 * validation messages, that each knob reaches GLPK (GLPK's own log lines
 * where it prints them, procopt's note of what it asked for otherwise), and
 * that a small LP and a small MIP with hand-checked optima stay optimal
 * under every setting.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "procopt.h"
#include "lp_fixtures.h"

#define INF PO_INF
#define TOL 1e-9

/* ---- log capture ---- */

typedef struct logbuf {
    char *text;
    size_t len, cap;
} logbuf;

static void log_to(void *user, const char *line)
{
    logbuf *b = user;
    size_t n = strlen(line);
    if (b->len + n + 1 > b->cap) {
        size_t cap = (b->len + n + 1) * 2;
        char *t = realloc(b->text, cap);
        if (t == NULL)
            return; /* the assertions on the text will fail */
        b->text = t;
        b->cap = cap;
    }
    memcpy(b->text + b->len, line, n + 1);
    b->len += n;
}

static int has_line(const logbuf *b, const char *s)
{
    return b->text != NULL && strstr(b->text, s) != NULL;
}

static void assert_logged(const logbuf *b, const char *s)
{
    if (!has_line(b, s)) {
        print_error("log lacks \"%s\"; log:\n%s\n", s,
                    b->text != NULL ? b->text : "(empty)");
        fail();
    }
}

static void assert_not_logged(const logbuf *b, const char *s)
{
    if (has_line(b, s)) {
        print_error("log has \"%s\"\n", s);
        fail();
    }
}

/* ---- models ---- */

/*
 * A small MIP with general integers (for binarize), a knapsack row (cover
 * and MIR cuts), a clique row and a switch:
 *   max 5x1 + 4x2 + 3x3 + 6b1 + 5b2 + 4b3 + 3b4
 *   knap:   2x1 + 3x2 + 4x3 + 3b1 + 4b2 + 2b3 + 5b4 <= 14.5
 *   cap:    3x1 + 2x2 + x3 <= 9.7
 *   clique: b1 + b2 + b3 <= 1
 *   switch: x3 - 4b4 <= 0
 *   x1, x2, x3 integer in [0, 4]; b1..b4 binary.
 * By hand, case by case on x1 (cap: 3x1 <= 9.7, so x1 <= 3):
 *   x1 = 3 (15): cap leaves 0.7, so x2 = x3 = 0; knap leaves 8.5 for the
 *     binaries, of which the clique allows one of b1, b2, b3: b1 + b4
 *     (8 units, 9) beats b3 + b4 (7 units, 7); b2 + b4 needs 9: 24.
 *   x1 = 2 (10): cap leaves 3.7 (2x2 + x3), knap 10.5: x2 = 1 with
 *     b3 + b4 (3 + 2 + 5 = 10 units, 4 + 4 + 3 = 11) is the best: 21.
 *   x1 = 1 (5): x2 = 3 and b1 (9 + 3 units of the 12.5 left, 18): 23.
 *   x1 = 0: x2 = 4 and b3 (12 + 2 units, 20): 20.
 * So the optimum is 24 at x = (3, 0, 0), b = (1, 0, 0, 1), the only one;
 * optimum_by_enumeration re-checks it by brute force.
 */
static const double mip_obj[7] = {5, 4, 3, 6, 5, 4, 3};
static const double mip_opt = 24;
static const double mip_x[7] = {3, 0, 0, 1, 0, 0, 1};

static po_model *small_mip(void)
{
    po_model *m = po_model_new();
    assert_non_null(m);
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    static const char *const names[7] = {"x1", "x2", "x3", "b1",
                                         "b2", "b3", "b4"};
    for (int j = 0; j < 7; j++)
        assert_int_equal(po_model_add_var(m, names[j], 0, j < 3 ? 4 : 1,
                                          mip_obj[j],
                                          j < 3 ? PO_INTEGER : PO_BINARY,
                                          NULL),
                         PO_OK);
    int all[] = {0, 1, 2, 3, 4, 5, 6};
    double knap[] = {2, 3, 4, 3, 4, 2, 5};
    double cap[] = {3, 2, 1};
    int bs[] = {3, 4, 5};
    double ones[] = {1, 1, 1};
    int sw[] = {2, 6};
    double swv[] = {1, -4};
    assert_int_equal(po_model_add_constr(m, "knap", -INF, 14.5, 7, all, knap,
                                         NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "cap", -INF, 9.7, 3, all, cap,
                                         NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "clique", -INF, 1, 3, bs, ones,
                                         NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "switch", -INF, 0, 2, sw, swv,
                                         NULL),
                     PO_OK);
    return m;
}

/* The MIP's optimum by trying every integer point (5^3 * 2^4 of them). */
static double optimum_by_enumeration(int *count)
{
    double best = -INFINITY;
    *count = 0;
    for (int p = 0; p < 5 * 5 * 5 * 16; p++) {
        int x1 = p % 5, x2 = p / 5 % 5, x3 = p / 25 % 5, b = p / 125;
        int b1 = b & 1, b2 = b >> 1 & 1, b3 = b >> 2 & 1, b4 = b >> 3 & 1;
        if (2 * x1 + 3 * x2 + 4 * x3 + 3 * b1 + 4 * b2 + 2 * b3 + 5 * b4 >
                14.5 ||
            3 * x1 + 2 * x2 + x3 > 9.7 || b1 + b2 + b3 > 1 || x3 > 4 * b4)
            continue;
        double v = 5 * x1 + 4 * x2 + 3 * x3 + 6 * b1 + 5 * b2 + 4 * b3 +
                   3 * b4;
        if (v > best) {
            best = v;
            *count = 1;
        } else if (v == best) {
            (*count)++;
        }
    }
    return best;
}

/* ---- defaults and layout ---- */

static void test_defaults(void **state)
{
    (void)state;
    po_options o;
    memset(&o, 0x5A, sizeof o);
    po_options_init(&o);
    assert_int_equal(o.lp_pricing, PO_PRICING_AUTO);
    assert_int_equal(o.lp_ratio_test, PO_RATIO_AUTO);
    assert_int_equal(o.mip_cuts, 1);
    assert_int_equal(o.mip_cut_kinds, PO_CUT_ALL);
    assert_int_equal(o.mip_branching, PO_BRANCH_AUTO);
    assert_int_equal(o.mip_backtrack, PO_BACKTRACK_AUTO);
    assert_int_equal(o.mip_heuristics, PO_HEUR_ROUNDING | PO_HEUR_LP_ROUNDING);
    assert_int_equal(o.mip_binarize, 0);
    assert_true(o.mip_proximity_time == 60.0);
    assert_int_equal(o.lp_interior_nonzeros, 0);
    for (size_t k = 0; k < sizeof o.reserved_int / sizeof o.reserved_int[0];
         k++)
        assert_int_equal(o.reserved_int[k], 0);
    for (size_t k = 0; k < sizeof o.reserved_dbl / sizeof o.reserved_dbl[0];
         k++)
        assert_true(o.reserved_dbl[k] == 0);
    /* the new fields took reserved slots: from mip_cuts to the doubles
     * there are still 16 ints, and 16 doubles after them */
    assert_int_equal(offsetof(po_options, mip_proximity_time) -
                         offsetof(po_options, mip_cuts),
                     16 * sizeof(int));
    assert_int_equal(sizeof(po_options) -
                         offsetof(po_options, mip_proximity_time),
                     16 * sizeof(double));
    /* bit values are part of the API */
    assert_int_equal(PO_CUT_GOMORY | PO_CUT_MIR | PO_CUT_COVER |
                         PO_CUT_CLIQUE,
                     PO_CUT_ALL);
    assert_int_equal(PO_HEUR_ROUNDING | PO_HEUR_FPUMP | PO_HEUR_PROXIMITY |
                         PO_HEUR_LP_ROUNDING,
                     PO_HEUR_ALL);
}

/* ---- validation ---- */

static void expect_bad(po_options *o, po_status want, const char *msg)
{
    po_model *m = wyndor();
    po_result *r = (po_result *)&r;
    assert_int_equal(po_solve(m, o, &r), want);
    assert_null(r);
    assert_string_equal(po_model_errmsg(m), msg);
    /* po_solve_warm validates the same way */
    po_result *start = solve_ok(m, NULL);
    r = (po_result *)&r;
    assert_int_equal(po_solve_warm(m, o, start, &r), want);
    assert_null(r);
    char warm_msg[256];
    snprintf(warm_msg, sizeof warm_msg, "po_solve_warm%s",
             msg + strlen("po_solve"));
    assert_string_equal(po_model_errmsg(m), warm_msg);
    po_result_free(start);
    po_model_free(m);
}

static void test_validation(void **state)
{
    (void)state;
    po_options o;
    po_options_init(&o);
    o.lp_pricing = 3;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.lp_pricing = 3 is not a po_pricing");
    po_options_init(&o);
    o.lp_pricing = -1;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.lp_pricing = -1 is not a po_pricing");
    po_options_init(&o);
    o.lp_ratio_test = 3;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.lp_ratio_test = 3 is not a po_ratio_test");
    po_options_init(&o);
    o.mip_branching = 6;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.mip_branching = 6 is not a po_branching");
    po_options_init(&o);
    o.mip_backtrack = 5;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.mip_backtrack = 5 is not a po_backtrack");
    po_options_init(&o);
    o.mip_cut_kinds = 16;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.mip_cut_kinds = 16 has bits other than "
               "PO_CUT_*");
    po_options_init(&o);
    o.mip_cut_kinds = -1;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.mip_cut_kinds = -1 has bits other than "
               "PO_CUT_*");
    po_options_init(&o);
    o.mip_heuristics = 16;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.mip_heuristics = 16 has bits other than "
               "PO_HEUR_*");
    po_options_init(&o);
    o.lp_interior_nonzeros = -2;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.lp_interior_nonzeros = -2 (must be -1, 0 "
               "or positive)");
    po_options_init(&o);
    o.mip_binarize = 2;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.mip_binarize = 2 (must be 0 or 1)");
    po_options_init(&o);
    o.mip_proximity_time = 0;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.mip_proximity_time = 0 (must be > 0)");
    po_options_init(&o);
    o.mip_proximity_time = -2.5;
    expect_bad(&o, PO_EINVAL,
               "po_solve: options.mip_proximity_time = -2.5 (must be > 0)");
    po_options_init(&o);
    o.mip_proximity_time = NAN;
    expect_bad(&o, PO_ENAN, "po_solve: options.mip_proximity_time is NaN");

    /* the edges are accepted; INFINITY means "only the time limit" */
    po_model *m = wyndor();
    po_options_init(&o);
    o.lp_pricing = PO_PRICING_DANTZIG;
    o.lp_ratio_test = PO_RATIO_FLIP;
    o.mip_branching = PO_BRANCH_LAST;
    o.mip_backtrack = PO_BACKTRACK_BREADTH_FIRST;
    o.mip_cut_kinds = 0;
    o.mip_heuristics = PO_HEUR_ALL;
    o.mip_binarize = 1;
    o.mip_proximity_time = INFINITY;
    po_result *r = solve_ok(m, &o);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    po_result_free(r);
    po_model_free(m);
}

/* ---- the LP under every simplex setting ---- */

static void test_lp_every_setting(void **state)
{
    (void)state;
    static const char *const meth_words[] = {"primal simplex",
                                             "primal simplex",
                                             "dual simplex"};
    static const char *const pricing_words[] = {
        "steepest edge pricing", "steepest edge pricing", "Dantzig pricing"};
    static const char *const ratio_words[] = {
        "Harris ratio test", "Harris ratio test", "long-step ratio test"};
    po_model *m = wyndor();
    for (int meth = PO_METHOD_AUTO; meth <= PO_METHOD_DUAL; meth++)
        for (int pr = 0; pr <= PO_PRICING_DANTZIG; pr++)
            for (int rt = 0; rt <= PO_RATIO_FLIP; rt++)
                for (int pre = 0; pre <= 1; pre++) {
                    logbuf lb = {0};
                    po_options o;
                    po_options_init(&o);
                    o.method = (po_method)meth;
                    o.lp_pricing = pr;
                    o.lp_ratio_test = rt;
                    o.presolve = pre;
                    o.log = log_to;
                    o.log_user = &lb;
                    po_result *r = solve_ok(m, &o);
                    assert_int_equal(po_result_outcome(r),
                                     PO_OUTCOME_OPTIMAL);
                    assert_near(po_result_objective(r), 36, TOL, "obj");
                    assert_near(po_result_values(r)[0], 2, TOL, "x");
                    assert_near(po_result_values(r)[1], 6, TOL, "y");
                    assert_near(po_result_duals(r)[1], 1.5, TOL, "dual c2");
                    assert_near(po_result_duals(r)[2], 1, TOL, "dual c3");
                    char note[256];
                    snprintf(note, sizeof note,
                             "procopt: simplex: %s, %s, %s, presolver %s\n",
                             meth_words[meth], pricing_words[pr],
                             ratio_words[rt], pre ? "on" : "off");
                    assert_logged(&lb, note);
                    po_result_free(r);
                    free(lb.text);
                }
    po_model_free(m);
}

/* ---- the MIP under every branch-and-cut setting ---- */

static void check_mip(po_model *m, const po_options *base, const char *what)
{
    po_result *r = solve_ok(m, base);
    if (po_result_outcome(r) != PO_OUTCOME_OPTIMAL) {
        print_error("%s: outcome %s\n", what,
                    po_outcome_name(po_result_outcome(r)));
        fail();
    }
    assert_near(po_result_objective(r), mip_opt, TOL, what);
    for (int j = 0; j < 7; j++)
        assert_near(po_result_values(r)[j], mip_x[j], 1e-6, what);
    po_result_free(r);
}

static void test_mip_every_setting(void **state)
{
    (void)state;
    int count;
    assert_true(optimum_by_enumeration(&count) == mip_opt);
    assert_int_equal(count, 1);

    po_model *m = small_mip();
    char what[128];
    for (int pre = 0; pre <= 1; pre++) {
        /* branching x backtracking, without cuts so that the tree is
         * searched */
        for (int br = 0; br <= PO_BRANCH_LAST; br++)
            for (int bt = 0; bt <= PO_BACKTRACK_BREADTH_FIRST; bt++) {
                po_options o;
                po_options_init(&o);
                o.presolve = pre;
                o.mip_cuts = 0;
                o.mip_branching = br;
                o.mip_backtrack = bt;
                snprintf(what, sizeof what, "presolve %d branch %d back %d",
                         pre, br, bt);
                check_mip(m, &o, what);
            }
        /* every set of cut families */
        for (int cuts = 0; cuts <= PO_CUT_ALL; cuts++) {
            po_options o;
            po_options_init(&o);
            o.presolve = pre;
            o.mip_cut_kinds = cuts;
            snprintf(what, sizeof what, "presolve %d cuts %d", pre, cuts);
            check_mip(m, &o, what);
        }
        /* every set of heuristics, with and without binarize and the
         * long-step ratio test */
        for (int h = 0; h <= PO_HEUR_ALL; h++)
            for (int bin = 0; bin <= 1; bin++)
                for (int rt = 0; rt <= PO_RATIO_FLIP; rt++) {
                    po_options o;
                    po_options_init(&o);
                    o.presolve = pre;
                    o.mip_heuristics = h;
                    o.mip_binarize = bin;
                    o.lp_ratio_test = rt;
                    o.mip_proximity_time = 2;
                    snprintf(what, sizeof what,
                             "presolve %d heur %d binarize %d ratio %d", pre,
                             h, bin, rt);
                    check_mip(m, &o, what);
                }
    }
    po_model_free(m);
}

/* ---- what GLPK is asked, seen in the log ---- */

static void solve_logged(po_model *m, po_options *o, logbuf *lb)
{
    o->log = log_to;
    o->log_user = lb;
    po_result *r = solve_ok(m, o);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(r), mip_opt, TOL, "objective");
    po_result_free(r);
}

static void test_mip_log(void **state)
{
    (void)state;
    po_model *m = small_mip();
    po_options o;

    /* defaults: what procopt asks for, and GLPK's echo of the cuts */
    logbuf lb = {0};
    po_options_init(&o);
    solve_logged(m, &o, &lb);
    assert_logged(&lb, "procopt: branch-and-cut: pseudocost branching, "
                       "best bound backtracking, cuts gomory mir cover "
                       "clique, heuristics rounding lp-rounding, binarize "
                       "off, Harris ratio test\n");
    assert_logged(&lb, "Gomory's cuts enabled");
    assert_logged(&lb, "MIR cuts enabled");
    assert_logged(&lb, "Cover cuts enabled");
    assert_logged(&lb, "Clique cuts enabled");
    assert_not_logged(&lb, "Long-step dual simplex will be used");
    assert_not_logged(&lb, "Applying FPUMP heuristic");
    assert_not_logged(&lb, "Applying PROXY heuristic");
    free(lb.text);

    /* one cut family each */
    static const char *const cut_lines[4] = {
        "Gomory's cuts enabled", "MIR cuts enabled", "Cover cuts enabled",
        "Clique cuts enabled"};
    for (int k = 0; k < 4; k++) {
        logbuf b = {0};
        po_options_init(&o);
        o.mip_cut_kinds = 1 << k;
        solve_logged(m, &o, &b);
        for (int l = 0; l < 4; l++)
            if (l == k)
                assert_logged(&b, cut_lines[l]);
            else
                assert_not_logged(&b, cut_lines[l]);
        free(b.text);
    }

    /* mip_cuts 0 overrides the kinds */
    logbuf nc = {0};
    po_options_init(&o);
    o.mip_cuts = 0;
    solve_logged(m, &o, &nc);
    assert_logged(&nc, ", cuts none, ");
    for (int l = 0; l < 4; l++)
        assert_not_logged(&nc, cut_lines[l]);
    free(nc.text);

    /* everything else changed at once */
    logbuf all = {0};
    po_options_init(&o);
    o.mip_branching = PO_BRANCH_PSEUDOCOST;
    o.mip_backtrack = PO_BACKTRACK_DEPTH_FIRST;
    o.mip_cut_kinds = PO_CUT_MIR | PO_CUT_CLIQUE;
    o.mip_heuristics = PO_HEUR_FPUMP | PO_HEUR_PROXIMITY;
    o.mip_proximity_time = 3;
    o.mip_binarize = 1;
    o.lp_ratio_test = PO_RATIO_FLIP;
    solve_logged(m, &o, &all);
    assert_logged(&all, "procopt: branch-and-cut: pseudocost branching, "
                        "depth first backtracking, cuts mir clique, "
                        "heuristics fpump proximity, binarize on, long-step "
                        "ratio test\n");
    assert_logged(&all, "Long-step dual simplex will be used");
    assert_logged(&all, "Applying FPUMP heuristic");
    assert_logged(&all, "Applying PROXY heuristic");
    assert_logged(&all, "Proxy's time limit set to 3 seconds.");
    free(all.text);

    /* the other rules by name */
    static const struct {
        int br, bt;
        const char *note;
    } rules[] = {
        {PO_BRANCH_MOST_FRACTIONAL, PO_BACKTRACK_BEST_PROJECTION,
         "most fractional branching, best projection backtracking"},
        {PO_BRANCH_FIRST, PO_BACKTRACK_BREADTH_FIRST,
         "first fractional branching, breadth first backtracking"},
        {PO_BRANCH_LAST, PO_BACKTRACK_BEST_BOUND,
         "last fractional branching, best bound backtracking"},
        {PO_BRANCH_DRIEBECK_TOMLIN, PO_BACKTRACK_AUTO,
         "Driebeck-Tomlin branching, best bound backtracking"},
    };
    for (size_t k = 0; k < sizeof rules / sizeof rules[0]; k++) {
        logbuf b = {0};
        po_options_init(&o);
        o.mip_branching = rules[k].br;
        o.mip_backtrack = rules[k].bt;
        solve_logged(m, &o, &b);
        assert_logged(&b, rules[k].note);
        free(b.text);
    }

    /* binarize needs GLPK's MIP presolver: off without it */
    logbuf np = {0};
    po_options_init(&o);
    o.presolve = 0;
    o.mip_binarize = 1;
    o.mip_heuristics = 0;
    solve_logged(m, &o, &np);
    assert_logged(&np, "heuristics none, binarize off,");
    free(np.text);
    po_model_free(m);
}

/* Proximity search runs on its own clock: procopt never gives it more than
 * the time left. */
static void test_proximity_capped(void **state)
{
    (void)state;
    po_model *m = small_mip();
    po_options o;
    logbuf free_run = {0}, capped = {0};
    po_options_init(&o);
    o.mip_heuristics = PO_HEUR_PROXIMITY;
    o.mip_proximity_time = 1000;
    solve_logged(m, &o, &free_run);
    /* GLPK prints whole seconds (milliseconds / 1000) */
    assert_logged(&free_run, "Proxy's time limit set to 1000 seconds.");
    o.time_limit = 30.9;
    solve_logged(m, &o, &capped);
    /* 30.9 s minus the little time spent before branch-and-cut starts */
    assert_logged(&capped, "Proxy's time limit set to 30 seconds.");
    free(free_run.text);
    free(capped.text);
    po_model_free(m);
}

/* ---- PO_HEUR_LP_ROUNDING and the root LP by interior point ---- */

/*
 * Two plants with setups, one demand:
 *   min xA + 3 xB + 40 yA + 10 yB
 *   dem:   xA + xB >= 7
 *   linkA: xA - 10 yA <= 0,  linkB: xB - 10 yB <= 0
 *   xA in [0, 10], xB in [0, 5] continuous; yA, yB binary.
 * LP relaxation (y = x / 10): a unit from A costs 1 + 4 = 5, from B
 * 3 + 1 = 4, so B makes its 5 and A the other 2: 20 + 10 = 30, with
 * yA = 0.2, yB = 0.5.  Integer plans: A alone 7 + 40 = 47; B alone cannot
 * make 7; both: xA = 7 is cheapest, 57.  Optimum 47 (xA = 7, yA = 1).
 * The heuristic by hand: every fraction up (yA = yB = 1), the LP then
 * makes all 7 at A (57); yB's cost prefers 0 and linkB allows it (xB = 0),
 * so it closes: 47.  To nearest (yA = 0, yB = 1) the LP is infeasible.
 */
static po_model *two_plants(void)
{
    po_model *m = po_model_new();
    assert_non_null(m);
    assert_int_equal(po_model_add_var(m, "xA", 0, 10, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "xB", 0, 5, 3, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "yA", 0, 1, 40, PO_BINARY, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "yB", 0, 1, 10, PO_BINARY, NULL),
                     PO_OK);
    int dem[] = {0, 1}, la[] = {0, 2}, lb[] = {1, 3};
    double ones[] = {1, 1}, link[] = {1, -10};
    assert_int_equal(po_model_add_constr(m, "dem", 7, INF, 2, dem, ones, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "linkA", -INF, 0, 2, la, link,
                                         NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "linkB", -INF, 0, 2, lb, link,
                                         NULL),
                     PO_OK);
    return m;
}

static void check_two_plants(po_model *m, po_options *o, logbuf *lb)
{
    o->log = log_to;
    o->log_user = lb;
    po_result *r = solve_ok(m, o);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(r), 47, TOL, "objective");
    const double want[4] = {7, 0, 1, 0};
    for (int j = 0; j < 4; j++)
        assert_near(po_result_values(r)[j], want[j], 1e-6, "plan");
    po_result_free(r);
}

static void test_lp_rounding(void **state)
{
    (void)state;
    po_model *m = two_plants();
    po_options o;
    /* without presolve or cuts the root LP is the hand-solved one: the
     * heuristic's plan is the optimum, found at the root */
    logbuf lb = {0};
    po_options_init(&o);
    o.presolve = 0;
    o.reductions = 0;
    o.mip_cuts = 0;
    o.mip_heuristics = PO_HEUR_LP_ROUNDING;
    check_two_plants(m, &o, &lb);
    assert_logged(&lb, "procopt: lp rounding: new incumbent 47 ");
    free(lb.text);
    /* GLPK's MIP presolver leaves yA alone and its root LP integral: no
     * call, same optimum */
    logbuf pre = {0};
    o.presolve = 1;
    check_two_plants(m, &o, &pre);
    free(pre.text);
    /* off: no such line, same optimum */
    logbuf off = {0};
    po_options_init(&o);
    o.presolve = 0;
    o.reductions = 0;
    o.mip_cuts = 0;
    o.mip_heuristics = PO_HEUR_ROUNDING;
    check_two_plants(m, &o, &off);
    assert_not_logged(&off, "lp rounding");
    free(off.text);
    /* the defaults (procopt's presolve, cuts) find the same optimum */
    logbuf def = {0};
    po_options_init(&o);
    check_two_plants(m, &o, &def);
    free(def.text);
    po_model_free(m);
}

/*
 * Where only the drop step finds the plan: three plants, demand 10,
 *   min xA + 5 xB + 3 xC + 25 yA + 30 yB + 10 yC
 *   dem: xA + xB + xC >= 10;  link_k: x_k - 10 y_k <= 0 (k = A, B, C)
 *   xA, xB in [0, 6], xC in [0, 10] continuous; y binary.
 * LP relaxation (y = x / 10): a unit from A costs 1 + 2.5 = 3.5, from C
 * 3 + 1 = 4, from B 5 + 3 = 8, so A makes its 6 and C 4: 21 + 16 = 37,
 * yA = 0.6, yC = 0.4, yB = 0; no plant is forced (B could cover).  Plans:
 * C alone 30 + 10 = 40 (the optimum), A + C 6 + 12 + 35 = 53, A or B
 * alone cannot make 10, with B more.  The heuristic by hand: all up (A, C)
 * gives 53 and neither is idle; to nearest (A only) is infeasible;
 * dropping the least used first (C, 0.4: A alone) is infeasible, then A:
 * C alone, 40, kept.
 */
static void test_lp_rounding_drop(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_non_null(m);
    static const char *const names[6] = {"xA", "xB", "xC", "yA", "yB", "yC"};
    static const double ub[6] = {6, 6, 10, 1, 1, 1};
    static const double cost[6] = {1, 5, 3, 25, 30, 10};
    for (int j = 0; j < 6; j++)
        assert_int_equal(po_model_add_var(m, names[j], 0, ub[j], cost[j],
                                          j < 3 ? PO_CONTINUOUS : PO_BINARY,
                                          NULL),
                         PO_OK);
    int dem[] = {0, 1, 2};
    double ones[] = {1, 1, 1}, link[] = {1, -10};
    assert_int_equal(po_model_add_constr(m, "dem", 10, INF, 3, dem, ones,
                                         NULL),
                     PO_OK);
    for (int k = 0; k < 3; k++) {
        int idx[] = {k, 3 + k};
        assert_int_equal(po_model_add_constr(m, names[3 + k], -INF, 0, 2,
                                             idx, link, NULL),
                         PO_OK);
    }
    logbuf b = {0};
    po_options o;
    po_options_init(&o);
    o.presolve = 0;
    o.reductions = 0;
    o.mip_cuts = 0;
    o.mip_heuristics = PO_HEUR_LP_ROUNDING;
    o.log = log_to;
    o.log_user = &b;
    po_result *r = solve_ok(m, &o);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(r), 40, TOL, "objective");
    const double want[6] = {0, 0, 10, 0, 0, 1};
    for (int j = 0; j < 6; j++)
        assert_near(po_result_values(r)[j], want[j], 1e-6, "plan");
    assert_logged(&b, "procopt: lp rounding: new incumbent 40 ");
    po_result_free(r);
    free(b.text);
    po_model_free(m);
}

/* PO_METHOD_INTERIOR on a MIP: the root LP by interior point and
 * crossover, then branch-and-cut from its basis without GLPK's MIP
 * presolver. */
static void test_mip_root_interior(void **state)
{
    (void)state;
    po_model *m = two_plants();
    po_options o;
    logbuf lb = {0};
    po_options_init(&o);
    o.method = PO_METHOD_INTERIOR;
    o.reductions = 0;
    check_two_plants(m, &o, &lb);
    assert_logged(&lb, "procopt: interior point: optimal");
    assert_not_logged(&lb, "Preprocessing...");
    free(lb.text);
    /* and on the small MIP under each root method, presolver on or off */
    po_model *sm = small_mip();
    for (int meth = PO_METHOD_AUTO; meth <= PO_METHOD_INTERIOR; meth++)
        for (int pre = 0; pre <= 1; pre++) {
            char what[64];
            po_options_init(&o);
            o.method = (po_method)meth;
            o.presolve = pre;
            o.mip_heuristics = PO_HEUR_ALL;
            o.mip_proximity_time = 2;
            snprintf(what, sizeof what, "method %d presolve %d", meth, pre);
            check_mip(sm, &o, what);
        }
    po_model_free(sm);
    po_model_free(m);
}

/* ---- PO_METHOD_AUTO: interior point and crossover from a size on ---- */

/*
 * Transportation LP: S supplies (row "s<i>": sum_j x_ij <= 30 + i % 7),
 * T demands (row "d<j>": sum_i x_ij >= 10 + j % 5), cost of x_ij
 * 1 + (7i + 13j) % 17.  Supply 20 * 33 = 660 in all, demand 30 * 12 = 360:
 * feasible.  Each column sits in two rows, so the squared column lengths
 * sum to 2x the 1200 nonzeros; procopt's presolve finds nothing to reduce
 * (no singleton, empty or proportional rows or columns).
 */
enum { TS = 20, TD = 30 };

static double tcost(int i, int j)
{
    return 1.0 + (double)((7 * i + 13 * j) % 17);
}

static po_model *transport(void)
{
    po_model *m = po_model_new();
    assert_non_null(m);
    char name[32];
    for (int i = 0; i < TS; i++) {
        snprintf(name, sizeof name, "s%d", i);
        assert_int_equal(po_model_add_constr(m, name, -INF, 30 + i % 7, 0,
                                             NULL, NULL, NULL),
                         PO_OK);
    }
    for (int j = 0; j < TD; j++) {
        snprintf(name, sizeof name, "d%d", j);
        assert_int_equal(po_model_add_constr(m, name, 10 + j % 5, INF, 0,
                                             NULL, NULL, NULL),
                         PO_OK);
    }
    for (int i = 0; i < TS; i++)
        for (int j = 0; j < TD; j++) {
            int start[2] = {0, 2}, rows[2] = {i, TS + j};
            double one[2] = {1, 1};
            double c = tcost(i, j);
            assert_int_equal(po_model_add_vars(m, 1, NULL, NULL, NULL, &c,
                                               NULL, start, rows, one),
                             PO_OK);
        }
    return m;
}

/* An optimal basic solution of transport(): rows within their bounds,
 * reduced costs c - A'y as reported, dual signs of a minimization (<= rows
 * y <= 0, >= rows y >= 0), complementary slackness, basic columns at
 * reduced cost 0, non-basic ones at a bound with the right sign, and as
 * many basic variables as rows. */
static void check_transport(const po_result *r, double tol)
{
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_true(po_result_has_basis(r));
    const double *x = po_result_values(r), *y = po_result_duals(r);
    const double *d = po_result_reduced_costs(r);
    const double *act = po_result_row_activities(r);
    assert_non_null(x);
    assert_non_null(y);
    assert_non_null(d);
    int nbasic = 0;
    for (int i = 0; i < TS + TD; i++) {
        double lo = i < TS ? -INF : 10 + (i - TS) % 5;
        double hi = i < TS ? 30 + i % 7 : INF;
        assert_true(act[i] >= lo - tol && act[i] <= hi + tol);
        assert_true(i < TS ? y[i] <= tol : y[i] >= -tol);
        if (act[i] > lo + 1e-6 && act[i] < hi - 1e-6)
            assert_near(y[i], 0, tol, "dual of a slack row");
        nbasic += po_result_row_status(r, i) == PO_BASIS_BASIC;
    }
    double obj = 0;
    for (int i = 0; i < TS; i++)
        for (int j = 0; j < TD; j++) {
            int k = i * TD + j;
            obj += tcost(i, j) * x[k];
            assert_true(x[k] >= -tol);
            assert_near(d[k], tcost(i, j) - y[i] - y[TS + j], tol,
                        "reduced cost");
            int st = po_result_var_status(r, k);
            if (st == PO_BASIS_BASIC) {
                nbasic++;
                assert_near(d[k], 0, tol, "reduced cost of a basic column");
            } else {
                assert_int_equal(st, PO_BASIS_LOWER);
                assert_near(x[k], 0, tol, "non-basic column");
                assert_true(d[k] >= -tol);
            }
        }
    assert_int_equal(nbasic, TS + TD);
    assert_near(po_result_objective(r), obj, tol, "objective");
}

static void test_auto_interior(void **state)
{
    (void)state;
    po_model *m = transport();
    po_options o;
    po_options_init(&o);
    o.method = PO_METHOD_PRIMAL;
    po_result *ref = solve_ok(m, &o);
    check_transport(ref, 1e-9);

    /* above a lowered threshold: interior point, crossover, a basis */
    logbuf lb = {0};
    po_options_init(&o);
    o.lp_interior_nonzeros = 1000;
    o.log = log_to;
    o.log_user = &lb;
    po_result *r = solve_ok(m, &o);
    assert_logged(&lb, "procopt: method: 1200 nonzeros (interior point "
                       "from 1000), squared column lengths 2.00x the "
                       "nonzeros (at most 3.20x): interior point and "
                       "crossover\n");
    assert_logged(&lb, "procopt: interior point: optimal after ");
    assert_logged(&lb, "procopt: crossover: model's bounds: ");
    assert_not_logged(&lb, "from scratch");
    check_transport(r, 1e-9);
    assert_near(po_result_objective(r), po_result_objective(ref), 1e-9,
                "objective against primal simplex");
    free(lb.text);

    /* its basis warm-starts the same model in 0 iterations */
    po_result *w = NULL;
    assert_int_equal(po_solve_warm(m, NULL, r, &w), PO_OK);
    assert_int_equal(po_result_warm_started(w), 1);
    assert_int_equal(po_result_iterations(w), 0);
    assert_near(po_result_objective(w), po_result_objective(ref), 1e-9,
                "warm objective");
    po_result_free(w);
    po_result_free(r);

    /* and with sensitivity (procopt's presolve off) the ranging is there */
    lb = (logbuf){0};
    o.sensitivity = 1;
    r = solve_ok(m, &o);
    assert_logged(&lb, "interior point and crossover\n");
    check_transport(r, 1e-9);
    assert_int_equal(po_result_has_sensitivity(r), 1);
    double lo, hi;
    assert_int_equal(po_result_obj_range(r, 0, &lo, &hi), PO_OK);
    assert_true(lo <= tcost(0, 0) && tcost(0, 0) <= hi);
    po_result_free(r);
    free(lb.text);

    /* the default threshold (5000) is above: simplex (12 columns per
     * row: the dual one, test_auto_wide), no interior point */
    lb = (logbuf){0};
    o.sensitivity = 0;
    o.lp_interior_nonzeros = 0;
    r = solve_ok(m, &o);
    assert_not_logged(&lb, "procopt: method: 1200 nonzeros");
    assert_not_logged(&lb, "interior point");
    check_transport(r, 1e-9);
    po_result_free(r);
    free(lb.text);

    /* -1: never; an iteration limit (simplex iterations): simplex */
    for (int k = 0; k < 2; k++) {
        lb = (logbuf){0};
        po_options_init(&o);
        o.lp_interior_nonzeros = k == 0 ? -1 : 1;
        o.iteration_limit = k == 0 ? 0 : 100000;
        o.log = log_to;
        o.log_user = &lb;
        r = solve_ok(m, &o);
        assert_not_logged(&lb, "interior point");
        check_transport(r, 1e-9);
        po_result_free(r);
        free(lb.text);
    }
    po_result_free(ref);
    po_model_free(m);
}

/*
 * A dense column keeps the simplex method: min sum x_i + 3z s.t.
 * x_i + z >= 1 (i = 1..20), x, z >= 0.  z covers every row for 3, the x
 * for 20: optimum z = 1, x = 0, objective 3 (the dual, max sum y_i with
 * y_i <= 1 and sum y_i <= 3, reaches 3 too).  Squared column lengths:
 * 20 * 1 + 20^2 = 420 over 40 nonzeros, 10.5x.
 */
static void test_auto_dense_column(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_non_null(m);
    int z;
    assert_int_equal(po_model_add_var(m, "z", 0, INF, 3, PO_CONTINUOUS, &z),
                     PO_OK);
    for (int i = 0; i < 20; i++) {
        char name[16];
        int x;
        snprintf(name, sizeof name, "x%d", i);
        assert_int_equal(po_model_add_var(m, name, 0, INF, 1, PO_CONTINUOUS,
                                          &x),
                         PO_OK);
        int idx[2] = {x, z};
        double one[2] = {1, 1};
        snprintf(name, sizeof name, "r%d", i);
        assert_int_equal(po_model_add_constr(m, name, 1, INF, 2, idx, one,
                                             NULL),
                         PO_OK);
    }
    logbuf lb = {0};
    po_options o;
    po_options_init(&o);
    o.reductions = 0;
    o.lp_interior_nonzeros = 1;
    o.log = log_to;
    o.log_user = &lb;
    po_result *r = solve_ok(m, &o);
    assert_logged(&lb, "procopt: method: 40 nonzeros (interior point from "
                       "1), squared column lengths 10.50x the nonzeros (at "
                       "most 3.20x): simplex method\n");
    assert_not_logged(&lb, "procopt: interior point");
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(r), 3, TOL, "objective");
    assert_near(po_result_values(r)[z], 1, TOL, "z");
    po_result_free(r);
    free(lb.text);
    po_model_free(m);
}


/*
 * An interior point that did not converge is not an optimum: GLPK 5.0's
 * interior point method stops on netlib brandy with GLP_ENOCVG (glpsol
 * --interior then prints a non-optimal point and exits 0).  procopt crosses
 * over from that point and lets the simplex method decide: optimal, at the
 * published optimum (1518.5098964881283, SoPlex's netlib.solu), with a
 * basis and duals.
 */
static void test_interior_unconverged(void **state)
{
    (void)state;
    po_model *m = read_sample("brandy");
    if (m == NULL)
        skip();
    logbuf lb = {0};
    po_options o;
    po_options_init(&o);
    o.method = PO_METHOD_INTERIOR;
    o.log = log_to;
    o.log_user = &lb;
    po_result *r = solve_ok(m, &o);
    assert_logged(&lb, "procopt: interior point ended with GLP_ENOCVG");
    assert_logged(&lb, "the simplex method decides");
    assert_not_logged(&lb, "procopt: interior point: optimal");
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(r), 1518.5098964881283, 1e-9,
                "brandy");
    assert_true(po_result_has_basis(r));
    assert_non_null(po_result_duals(r));
    po_result_free(r);
    free(lb.text);
    po_model_free(m);
}


/*
 * 10 or more columns per row: AUTO's simplex is dual with the long-step
 * ratio test.  Fractional knapsack, max 12 sum x_j s.t. sum (j+1) x_j <= 20,
 * 0 <= x_j <= 1 (j = 0..11): the lightest first, weights 1..5 whole (15),
 * then 5/6 of weight 6: objective 12 * 5 + 12 * 5/6 = 70; the row's dual is
 * the last item's value per weight, 12 / 6 = 2.
 */
static void test_auto_wide(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_non_null(m);
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    int idx[12];
    double w[12];
    for (int j = 0; j < 12; j++) {
        char name[16];
        snprintf(name, sizeof name, "x%d", j);
        assert_int_equal(po_model_add_var(m, name, 0, 1, 12, PO_CONTINUOUS,
                                          &idx[j]),
                         PO_OK);
        w[j] = j + 1;
    }
    assert_int_equal(po_model_add_constr(m, "cap", -INF, 20, 12, idx, w, NULL),
                     PO_OK);
    logbuf lb = {0};
    po_options o;
    po_options_init(&o);
    o.reductions = 0;
    o.log = log_to;
    o.log_user = &lb;
    po_result *r = solve_ok(m, &o);
    assert_logged(&lb, "procopt: method: 12 columns for 1 rows (10 or more "
                       "per row): dual simplex, long-step ratio test\n");
    assert_logged(&lb, "procopt: simplex: dual simplex (primal fallback), "
                       "steepest edge pricing, long-step ratio test");
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(r), 70, TOL, "objective");
    for (int j = 0; j < 12; j++)
        assert_near(po_result_values(r)[j], j < 5 ? 1 : j == 5 ? 5.0 / 6 : 0,
                    TOL, "x");
    assert_near(po_result_duals(r)[0], 2, TOL, "dual of cap");
    assert_true(po_result_has_basis(r));
    po_result_free(r);
    free(lb.text);
    /* an explicit method or ratio test is kept */
    lb = (logbuf){0};
    o.method = PO_METHOD_PRIMAL;
    r = solve_ok(m, &o);
    assert_not_logged(&lb, "10 or more per row");
    assert_logged(&lb, "procopt: simplex: primal simplex, steepest edge "
                       "pricing, Harris ratio test");
    assert_near(po_result_objective(r), 70, TOL, "objective, primal");
    po_result_free(r);
    free(lb.text);
    po_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_validation),
        cmocka_unit_test(test_lp_every_setting),
        cmocka_unit_test(test_mip_every_setting),
        cmocka_unit_test(test_mip_log),
        cmocka_unit_test(test_proximity_capped),
        cmocka_unit_test(test_lp_rounding),
        cmocka_unit_test(test_lp_rounding_drop),
        cmocka_unit_test(test_mip_root_interior),
        cmocka_unit_test(test_auto_interior),
        cmocka_unit_test(test_auto_dense_column),
        cmocka_unit_test(test_interior_unconverged),
        cmocka_unit_test(test_auto_wide),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
