/*
 * test_scenario.c -- po_process_scenarios_run: scenario values checked
 * against hand formulas with the factors drawn independently, the same
 * results for the same seed whatever the thread count, zero-variance
 * scenarios equal to the nominal figures, ordered quantiles, the
 * fixed-plan product through dgemm equal to the plain loop and to a
 * recomputation in process terms, infeasible shares, MVP figures, errors.
 *
 * The examples are read from $PROCOPT_SRC/examples (default: the current
 * directory's examples/).
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
#include "rng.h"
#include "scenario.h"
#include "test_process_util.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

static po_scenarios *run(po_process *p, long count, int threads)
{
    po_scenario_options o;
    po_scenario_options_init(&o);
    o.scenarios = count;
    o.threads = threads;
    po_scenarios *sc = NULL;
    po_status st = po_process_scenarios_run(p, &o, &sc);
    if (st != PO_OK)
        fail_msg("scenarios: %s: %s", po_strerror(st), po_process_errmsg(p));
    assert_non_null(sc);
    return sc;
}

static void near_rel(double got, double want, double tol, const char *what,
                     long k)
{
    if (isnan(want) && isnan(got))
        return;
    if (!(fabs(got - want) <= tol * fmax(1.0, fabs(want))))
        fail_msg("%s [%ld]: got %.17g, want %.17g", what, k, got, want);
}

/* Bitwise equality, NaN equal to NaN. */
static int same(double a, double b)
{
    return memcmp(&a, &b, sizeof a) == 0 || (isnan(a) && isnan(b));
}

static double factor(unsigned long seed, long s, po_unc_param param,
                     const char *name, int t, po__dist_kind kind, double v)
{
    po__dist d = {kind, v};
    double f = NAN;
    assert_int_equal(po__rng_draw_factor(seed, (uint64_t)s, param, name,
                                         (uint64_t)t, &d, &f),
                     PO_OK);
    return f;
}

/* ------------------------------------------------------------------ */
/* A one-period model computed by hand                                */
/* ------------------------------------------------------------------ */
/*
 * Demand D = 80 fd without shortage_cost (sold = D), capacity C = 100 fc,
 * price 5 fp, activity cost 1 fk, stock at 0.5 a unit.  Optimized: make D
 * (stocking costs), feasible iff D <= C; total (fk - 5 fp) D.  Baseline:
 * make 90, sell D, stock 90 - D: feasible iff D <= 90 and 90 <= C; total
 * 90 fk - 5 fp D + 0.5 (90 - D).  Savings per horizon (fk + 0.5)(90 - D).
 */
static const char *const hand_model =
    "{'horizons_per_year': 10,"
    " 'items': {'hours': {'capacity': 100},"
    "           'widget': {'demand': 80, 'price': 5, 'store_cost': 0.5}},"
    " 'activities': {'make': {'cost': 1, 'in': {'hours': 1},"
    "                         'out': {'widget': 1}}},"
    " 'baseline': {'make': 90},"
    " 'uncertainty': {'scenarios': 400, 'seed': 42,"
    "   'demand': {'*': {'rel_range': 0.5}},"
    "   'capacity': {'hours': {'rel_range': 0.2}},"
    "   'price': {'widget': {'rel_sd': 0.1}},"
    "   'cost': {'make': {'rel_range': 0.3}}},"
    " 'mvp': {'build_cost': 1000, 'run_cost_per_year': 100, 'years': 2}}";

typedef struct hand {
    double opt, base, savings;
    int opt_feasible, base_feasible;
} hand;

static hand hand_scenario(unsigned long seed, long s)
{
    double fd = factor(seed, s, PO_UNC_DEMAND, "widget", 0,
                       PO__DIST_REL_RANGE, 0.5);
    double fc = factor(seed, s, PO_UNC_CAPACITY, "hours", 0,
                       PO__DIST_REL_RANGE, 0.2);
    double fp = factor(seed, s, PO_UNC_PRICE, "widget", 0, PO__DIST_REL_SD,
                       0.1);
    double fk = factor(seed, s, PO_UNC_COST, "make", 0, PO__DIST_REL_RANGE,
                       0.3);
    double D = 80 * fd, C = 100 * fc;
    hand h;
    h.opt_feasible = D <= C;
    h.base_feasible = D <= 90 && 90 <= C;
    h.opt = h.opt_feasible ? (fk - 5 * fp) * D : NAN;
    h.base = h.base_feasible ? 90 * fk - 5 * fp * D + 0.5 * (90 - D) : NAN;
    h.savings = h.opt_feasible && h.base_feasible ? (fk + 0.5) * (90 - D) * 10
                                                  : NAN;
    return h;
}

static void test_hand_model(void **state)
{
    (void)state;
    po_process *p = load_ok(hand_model);
    po_scenarios *sc = run(p, 0, 2);
    assert_int_equal(po_scenarios_count(sc), 400);
    assert_int_equal(po_scenarios_seed(sc), 42);
    assert_int_equal(po_scenarios_has_baseline(sc), 1);
    assert_int_equal(po_scenarios_per_year(sc), 1);
    assert_int_equal(po_scenarios_cost_only(sc), 0);
    const double *o = po_scenarios_values(sc, PO_SCENARIO_OPTIMIZED_COST);
    const double *b = po_scenarios_values(sc, PO_SCENARIO_BASELINE_COST);
    const double *sv = po_scenarios_values(sc, PO_SCENARIO_SAVINGS);
    const double *fx = po_scenarios_values(sc, PO_SCENARIO_FIXED_SAVINGS);
    long inf_o = 0, inf_b = 0, both = 0;
    for (long s = 0; s < 400; s++) {
        hand h = hand_scenario(42, s);
        near_rel(o[s], h.opt, 1e-9, "optimized", s);
        near_rel(b[s], h.base, 1e-9, "baseline", s);
        near_rel(sv[s], h.savings, 1e-9, "savings", s);
        assert_true(isnan(fx[s])); /* demand is uncertain: no fixed plans */
        assert_int_equal(po_scenarios_outcome(sc, 0, s),
                         h.opt_feasible ? PO_OUTCOME_OPTIMAL
                                        : PO_OUTCOME_INFEASIBLE);
        assert_int_equal(po_scenarios_outcome(sc, 1, s),
                         h.base_feasible ? PO_OUTCOME_OPTIMAL
                                         : PO_OUTCOME_INFEASIBLE);
        inf_o += !h.opt_feasible;
        inf_b += !h.base_feasible;
        both += h.opt_feasible && h.base_feasible;
    }
    /* the draws reach both kinds of infeasibility, and leave most
     * scenarios feasible */
    assert_true(inf_o > 10 && inf_b > inf_o && both > 150);
    assert_int_equal(po_scenarios_infeasible_count(sc, 0), inf_o);
    assert_int_equal(po_scenarios_infeasible_count(sc, 1), inf_b);
    assert_true(po_scenarios_infeasible_share(sc, 0) == (double)inf_o / 400);
    assert_true(po_scenarios_infeasible_share(sc, 1) == (double)inf_b / 400);
    assert_int_equal(po_scenarios_unsolved_count(sc, 0), 0);
    assert_int_equal(po_scenarios_unsolved_count(sc, 1), 0);

    /* nominal: D = 80, C = 100: opt -320, base 90 - 400 + 5 = -305 */
    near_rel(po_scenarios_nominal(sc, PO_SCENARIO_OPTIMIZED_COST), -320, 1e-12,
             "nominal optimized", -1);
    near_rel(po_scenarios_nominal(sc, PO_SCENARIO_BASELINE_COST), -305, 1e-12,
             "nominal baseline", -1);
    near_rel(po_scenarios_nominal(sc, PO_SCENARIO_SAVINGS), 150, 1e-12,
             "nominal savings per year", -1);
    assert_true(isnan(po_scenarios_nominal(sc, PO_SCENARIO_FIXED_SAVINGS)));

    /* MVP: B 1000, R 100, Y 2; nominal savings 150 a year */
    assert_int_equal(po_scenarios_has_mvp(sc), 1);
    near_rel(po_scenarios_payback_months(sc), 12.0 * 1000 / 50, 1e-12,
             "payback", -1);
    near_rel(po_scenarios_roi(sc), (2 * 50.0 - 1000) / 1000, 1e-12, "roi", -1);
    long cover = 0, valid = 0;
    for (long s = 0; s < 400; s++) {
        hand h = hand_scenario(42, s);
        if (isnan(h.savings))
            continue;
        valid++;
        cover += 2 * h.savings >= 1000 + 2 * 100;
    }
    assert_true(cover > 0 && cover < valid);
    near_rel(po_scenarios_p_cover(sc), (double)cover / (double)valid, 1e-15,
             "p_cover", -1);
    po_scenario_summary m;
    assert_int_equal(po_scenarios_summary(sc, PO_SCENARIO_SAVINGS, &m), PO_OK);
    assert_int_equal(m.count, 400);
    assert_int_equal(m.valid, valid);
    po_scenarios_free(sc);
    po_process_free(p);
}

/* Without horizons_per_year the savings are per horizon, and there are
 * no MVP figures. */
static void test_per_horizon(void **state)
{
    (void)state;
    char *t = q(hand_model);
    char *at = strstr(t, "\"horizons_per_year\": 10,");
    assert_non_null(at);
    memset(at, ' ', strlen("\"horizons_per_year\": 10,"));
    po_process *p = po_process_new();
    assert_int_equal(po_process_load_string(p, t, "t.json"), PO_OK);
    free(t);
    po_scenarios *sc = run(p, 50, 1);
    assert_int_equal(po_scenarios_per_year(sc), 0);
    const double *sv = po_scenarios_values(sc, PO_SCENARIO_SAVINGS);
    for (long s = 0; s < 50; s++)
        near_rel(sv[s], hand_scenario(42, s).savings / 10, 1e-9, "savings", s);
    near_rel(po_scenarios_nominal(sc, PO_SCENARIO_SAVINGS), 15, 1e-12,
             "nominal savings", -1);
    assert_int_equal(po_scenarios_has_mvp(sc), 0);
    assert_true(isnan(po_scenarios_payback_months(sc)));
    assert_true(isnan(po_scenarios_p_cover(sc)));
    po_scenarios_free(sc);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Names, periods, "*" and its overrides                              */
/* ------------------------------------------------------------------ */
/*
 * Two products, two periods, shortage allowed, no capacity: the optimized
 * plan makes the whole demand, total sum (cost - price) D.  "*" gives
 * demand rel_sd 0.3 and item a overrides it with rel_sd 0: a's demand
 * never moves.  The baseline makes 50 a and 40 b each period and sells
 * them (no stock): feasible iff 40 <= D_b[t], then total (c - p) L +
 * shortage (D - L).
 */
static const char *const star_model =
    "{'periods': ['p1', 'p2'],"
    " 'items': {'a': {'demand': [60, 70], 'price': 4, 'shortage_cost': 1},"
    "           'b': {'demand': [50, 45], 'price': 3, 'shortage_cost': 2}},"
    " 'activities': {'make_a': {'cost': 1, 'out': {'a': 1}},"
    "                'make_b': {'cost': 2, 'out': {'b': 1}}},"
    " 'baseline': {'make_a': 50, 'make_b': 40},"
    " 'uncertainty': {'scenarios': 200, 'seed': 9,"
    "   'demand': {'*': {'rel_sd': 0.3}, 'a': {'rel_sd': 0}}}}";

static void test_star_override(void **state)
{
    (void)state;
    po_process *p = load_ok(star_model);
    po_scenarios *sc = run(p, 0, 3);
    const double *o = po_scenarios_values(sc, PO_SCENARIO_OPTIMIZED_COST);
    const double *b = po_scenarios_values(sc, PO_SCENARIO_BASELINE_COST);
    const double Da[2] = {60, 70}, Db[2] = {50, 45};
    long base_bad = 0;
    for (long s = 0; s < 200; s++) {
        double opt = 0, base = 0;
        int feasible = 1;
        for (int t = 0; t < 2; t++) {
            double db = Db[t] * factor(9, s, PO_UNC_DEMAND, "b", t,
                                       PO__DIST_REL_SD, 0.3);
            opt += (1 - 4) * Da[t] + (2 - 3) * db;
            base += (1 - 4) * 50 + 1 * (Da[t] - 50);
            if (db < 40)
                feasible = 0;
            base += (2 - 3) * 40 + 2 * (db - 40);
        }
        near_rel(o[s], opt, 1e-9, "optimized", s);
        near_rel(b[s], feasible ? base : NAN, 1e-9, "baseline", s);
        base_bad += !feasible;
    }
    assert_true(base_bad > 0);
    assert_int_equal(po_scenarios_infeasible_count(sc, 1), base_bad);
    assert_int_equal(po_scenarios_per_year(sc), 0);
    po_scenarios_free(sc);
    po_process_free(p);
}

/* A binary activity carries its fixed_cost in the level's own
 * coefficient: an uncertain cost scales the cost only.  One unit must be
 * made: total 10 f + 5 - 20 fp. */
static void test_binary_cost(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'x': {'demand': 1, 'price': 20}},"
        " 'activities': {'make': {'cost': 10, 'fixed_cost': 5,"
        "                         'binary': true, 'out': {'x': 1}}},"
        " 'baseline': {'make': 1},"
        " 'uncertainty': {'scenarios': 50, 'seed': 1,"
        "   'cost': {'*': {'rel_sd': 0.5}},"
        "   'price': {'*': {'rel_range': 1}}}}");
    po_scenarios *sc = run(p, 0, 2);
    assert_int_equal(po_scenarios_cost_only(sc), 1);
    const double *o = po_scenarios_values(sc, PO_SCENARIO_OPTIMIZED_COST);
    const double *b = po_scenarios_values(sc, PO_SCENARIO_BASELINE_COST);
    const double *fx = po_scenarios_values(sc, PO_SCENARIO_FIXED_SAVINGS);
    for (long s = 0; s < 50; s++) {
        double f = factor(1, s, PO_UNC_COST, "make", 0, PO__DIST_REL_SD, 0.5);
        double fp = factor(1, s, PO_UNC_PRICE, "x", 0, PO__DIST_REL_RANGE, 1);
        near_rel(o[s], 10 * f + 5 - 20 * fp, 1e-9, "optimized", s);
        near_rel(b[s], 10 * f + 5 - 20 * fp, 1e-9, "baseline", s);
        near_rel(fx[s], 0, 1e-9, "fixed savings", s);
    }
    po_scenarios_free(sc);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Reproducibility                                                    */
/* ------------------------------------------------------------------ */

static void assert_same_results(const po_scenarios *x, const po_scenarios *y)
{
    assert_int_equal(po_scenarios_count(x), po_scenarios_count(y));
    long n = po_scenarios_count(x);
    for (int k = 0; k < PO_SCENARIO_NSERIES; k++) {
        const double *a = po_scenarios_values(x, (po_scenario_series)k);
        const double *b = po_scenarios_values(y, (po_scenario_series)k);
        for (long s = 0; s < n; s++)
            if (!same(a[s], b[s]))
                fail_msg("series %d scenario %ld: %.17g != %.17g", k, s, a[s],
                         b[s]);
        po_scenario_summary m1, m2;
        po_scenarios_summary(x, (po_scenario_series)k, &m1);
        po_scenarios_summary(y, (po_scenario_series)k, &m2);
        assert_true(same(m1.p5, m2.p5) && same(m1.p50, m2.p50) &&
                    same(m1.p95, m2.p95) && same(m1.mean, m2.mean));
    }
    for (int w = 0; w <= po_scenarios_has_baseline(x); w++)
        for (long s = 0; s < n; s++)
            assert_int_equal(po_scenarios_outcome(x, w, s),
                             po_scenarios_outcome(y, w, s));
    assert_true(same(po_scenarios_p_cover(x), po_scenarios_p_cover(y)));
}

static void threads_case(po_process *p, long count)
{
    po_scenarios *one = run(p, count, 1);
    po_scenarios *two = run(p, count, 2);
    po_scenarios *four = run(p, count, 4);
    assert_int_equal(po_scenarios_threads(one), 1);
    assert_int_equal(po_scenarios_threads(two), 2);
    assert_int_equal(po_scenarios_threads(four), 4);
    assert_same_results(one, two);
    assert_same_results(one, four);
    po_scenarios_free(one);
    po_scenarios_free(two);
    po_scenarios_free(four);
}

static void test_threads_hand(void **state)
{
    (void)state;
    po_process *p = load_ok(hand_model);
    threads_case(p, 200);
    po_process_free(p);
}

/* A MIP (bakery: a binary second oven), an LP with warm starts
 * (distribution), a cost-only LP (feed_blend). */
static void test_threads_examples(void **state)
{
    (void)state;
    static const char *const names[] = {"bakery.json", "distribution.json",
                                        "feed_blend.json"};
    for (int k = 0; k < 3; k++) {
        po_process *p = load_example(names[k]);
        threads_case(p, 60);
        po_process_free(p);
    }
}

static void test_seed(void **state)
{
    (void)state;
    po_process *p = load_ok(hand_model);
    po_scenarios *a = run(p, 100, 2);
    po_scenarios *b = run(p, 100, 2);
    assert_same_results(a, b);

    /* the model's own seed given as an option: the same draws */
    po_scenario_options o;
    po_scenario_options_init(&o);
    o.scenarios = 100;
    o.use_seed = 1;
    o.seed = 42;
    po_scenarios *c = NULL;
    assert_int_equal(po_process_scenarios_run(p, &o, &c), PO_OK);
    assert_same_results(a, c);

    /* another seed: other draws, checked against the hand formula */
    o.seed = 43;
    po_scenarios *d = NULL;
    assert_int_equal(po_process_scenarios_run(p, &o, &d), PO_OK);
    assert_int_equal(po_scenarios_seed(d), 43);
    const double *x = po_scenarios_values(a, PO_SCENARIO_OPTIMIZED_COST);
    const double *y = po_scenarios_values(d, PO_SCENARIO_OPTIMIZED_COST);
    int differ = 0;
    for (long s = 0; s < 100; s++) {
        differ += !same(x[s], y[s]);
        near_rel(y[s], hand_scenario(43, s).opt, 1e-9, "seed 43", s);
    }
    assert_true(differ > 90);

    /* scenario k is the same whatever the count: 100 is a prefix of 150 */
    po_scenarios *e = run(p, 150, 3);
    const double *z = po_scenarios_values(e, PO_SCENARIO_SAVINGS);
    const double *w = po_scenarios_values(a, PO_SCENARIO_SAVINGS);
    for (long s = 0; s < 100; s++)
        assert_true(same(z[s], w[s]));
    po_scenarios_free(a);
    po_scenarios_free(b);
    po_scenarios_free(c);
    po_scenarios_free(d);
    po_scenarios_free(e);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Zero variance                                                      */
/* ------------------------------------------------------------------ */

/* Every spread of the model set to 0. */
static void zero_spreads(po_process *p)
{
    int n = po_process_num_uncertainties(p);
    assert_true(n > 0);
    for (int k = 0; k < n; k++) {
        po_unc_param param;
        po_unc_dist dist;
        const char *name;
        assert_int_equal(po_process_uncertainty(p, k, &param, &name, &dist,
                                                NULL),
                         PO_OK);
        char *copy = strdup(name);
        assert_non_null(copy);
        assert_int_equal(po_process_add_uncertainty(p, param, copy, dist, 0),
                         PO_OK);
        free(copy);
    }
    for (int k = 0; k < n; k++) {
        double v = -1;
        po_process_uncertainty(p, k, NULL, NULL, NULL, &v);
        assert_true(v == 0);
    }
}

static void zero_case(po_process *p, long count, int warm)
{
    zero_spreads(p);
    po_scenario_options o;
    po_scenario_options_init(&o);
    o.scenarios = count;
    o.threads = 2;
    o.warm_start = warm;
    po_scenarios *sc = NULL;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_OK);
    for (int k = 0; k < PO_SCENARIO_NSERIES; k++) {
        const double *v = po_scenarios_values(sc, (po_scenario_series)k);
        double nom = po_scenarios_nominal(sc, (po_scenario_series)k);
        if (k != PO_SCENARIO_FIXED_SAVINGS || po_scenarios_cost_only(sc))
            assert_false(isnan(nom));
        for (long s = 0; s < count; s++) {
            /* the scenario solves the nominal model's very numbers */
            if (k == PO_SCENARIO_FIXED_SAVINGS)
                near_rel(v[s], nom, 1e-12, "fixed-plan savings", s);
            else if (!same(v[s], nom))
                fail_msg("series %d scenario %ld: %.17g, nominal %.17g", k, s,
                         v[s], nom);
        }
        po_scenario_summary m;
        po_scenarios_summary(sc, (po_scenario_series)k, &m);
        if (m.valid > 0) {
            assert_true(m.p5 == m.p95);
            near_rel(m.mean, nom, 1e-12, "mean", k);
            assert_true(m.sd < 1e-9 * fmax(1, fabs(nom)));
        }
    }
    assert_int_equal(po_scenarios_infeasible_count(sc, 0), 0);
    assert_int_equal(po_scenarios_infeasible_count(sc, 1), 0);
    po_scenarios_free(sc);
}

static void test_zero_variance(void **state)
{
    (void)state;
    static const char *const names[] = {"bakery.json", "distribution.json",
                                        "feed_blend.json", "call_centre.json",
                                        "lot_sizing.json"};
    static const long counts[] = {40, 40, 40, 40, 4};
    for (int k = 0; k < 5; k++)
        for (int warm = 0; warm < 2; warm++) {
            po_process *p = load_example(names[k]);
            zero_case(p, counts[k], warm);
            po_process_free(p);
        }
    po_process *p = load_ok(hand_model);
    zero_case(p, 30, 1);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Quantiles                                                          */
/* ------------------------------------------------------------------ */

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Definition 7 from a sorted copy, written independently. */
static double q7(const double *v, long n, double p)
{
    double *y = malloc((size_t)n * sizeof *y);
    long m = 0;
    assert_non_null(y);
    for (long k = 0; k < n; k++)
        if (!isnan(v[k]))
            y[m++] = v[k];
    qsort(y, (size_t)m, sizeof *y, cmp);
    double h = (double)(m - 1) * p, r;
    long lo = (long)floor(h);
    r = lo + 1 < m ? y[lo] + (h - (double)lo) * (y[lo + 1] - y[lo]) : y[lo];
    free(y);
    return r;
}

static void test_quantiles(void **state)
{
    (void)state;
    po_process *p = load_ok(hand_model);
    po_scenarios *sc = run(p, 0, 2);
    for (int k = 0; k < 3; k++) {
        po_scenario_series s = (po_scenario_series)k;
        po_scenario_summary m;
        assert_int_equal(po_scenarios_summary(sc, s, &m), PO_OK);
        assert_true(m.valid > 100);
        assert_true(m.min <= m.p5 && m.p5 <= m.p50 && m.p50 <= m.p95 &&
                    m.p95 <= m.max);
        assert_true(m.min < m.max);
        assert_true(m.min <= m.mean && m.mean <= m.max);
        const double *v = po_scenarios_values(sc, s);
        near_rel(m.p5, q7(v, 400, 0.05), 1e-15, "p5", k);
        near_rel(m.p50, q7(v, 400, 0.50), 1e-15, "p50", k);
        near_rel(m.p95, q7(v, 400, 0.95), 1e-15, "p95", k);
        assert_true(po_scenarios_quantile(sc, s, 0) == m.min);
        assert_true(po_scenarios_quantile(sc, s, 1) == m.max);
        near_rel(po_scenarios_quantile(sc, s, 0.25), q7(v, 400, 0.25), 1e-15,
                 "p25", k);
        assert_true(isnan(po_scenarios_quantile(sc, s, 1.5)));
        double sum = 0;
        for (long i = 0; i < 400; i++)
            sum += isnan(v[i]) ? 0 : v[i];
        near_rel(m.mean, sum / (double)m.valid, 1e-12, "mean", k);
    }
    po_scenario_summary m;
    assert_int_equal(po_scenarios_summary(sc, (po_scenario_series)9, &m),
                     PO_EINVAL);
    assert_int_equal(po_scenarios_summary(sc, PO_SCENARIO_SAVINGS, NULL),
                     PO_EINVAL);
    assert_null(po_scenarios_values(sc, (po_scenario_series)-1));
    po_scenarios_free(sc);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Cost-only scenarios: fixed plans through dgemm and the loop         */
/* ------------------------------------------------------------------ */

/* The nominal plan's cost in scenario s recomputed in process terms: each
 * uncertain buy_cost scales the plan's buying cost of that item. */
static double fixed_cost_by_hand(const po_process *p, const po_plan *plan,
                                 unsigned long seed, long s)
{
    double total = po_plan_total_cost(plan);
    int T = po_plan_num_periods(plan);
    for (int k = 0; k < po_process_num_uncertainties(p); k++) {
        po_unc_param param;
        const char *name;
        po_unc_dist dist;
        double v;
        po_process_uncertainty(p, k, &param, &name, &dist, &v);
        assert_int_equal(param, PO_UNC_BUY_COST);
        int item = -1;
        for (int i = 0; i < po_plan_num_items(plan); i++)
            if (strcmp(po_plan_item_name(plan, i), name) == 0)
                item = i;
        assert_true(item >= 0);
        const double *buy = po_plan_item_series(plan, item, PO_PLAN_BUY);
        for (int t = 0; t < T; t++) {
            double f = factor(seed, s, PO_UNC_BUY_COST, name, t,
                              dist == PO_UNC_REL_SD ? PO__DIST_REL_SD
                                                    : PO__DIST_REL_RANGE,
                              v);
            double c = po_process_item_param(p, item, "buy_cost", t);
            total += (f - 1) * c * buy[t];
        }
    }
    return total;
}

static void test_fixed_plans(void **state)
{
    (void)state;
    po_process *p = load_example("feed_blend.json");
    po_scenario_options o;
    po_scenario_options_init(&o);
    o.scenarios = 500;
    po_scenarios *blas = NULL, *loop = NULL, *aut = NULL;
    assert_int_equal(po__scenarios_run(p, &o, PO__EVAL_BLAS, &blas), PO_OK);
    assert_int_equal(po__scenarios_run(p, &o, PO__EVAL_LOOP, &loop), PO_OK);
    assert_int_equal(po__scenarios_run(p, &o, PO__EVAL_AUTO, &aut), PO_OK);
    assert_int_equal(po_scenarios_cost_only(blas), 1);

    po_plan *plan = NULL, *base = NULL;
    assert_int_equal(po_process_solve(p, NULL, &plan), PO_OK);
    assert_int_equal(po_process_solve_baseline(p, NULL, &base), PO_OK);
    double hpy = po_process_horizons_per_year(p);
    const double *fb = po_scenarios_values(blas, PO_SCENARIO_FIXED_SAVINGS);
    const double *fl = po_scenarios_values(loop, PO_SCENARIO_FIXED_SAVINGS);
    const double *fa = po_scenarios_values(aut, PO_SCENARIO_FIXED_SAVINGS);
    const double *ob = po__scenarios_fixed_optimized(blas);
    const double *ol = po__scenarios_fixed_optimized(loop);
    const double *ro = po_scenarios_values(blas, PO_SCENARIO_OPTIMIZED_COST);
    const double *rb = po_scenarios_values(blas, PO_SCENARIO_BASELINE_COST);
    const double *rs = po_scenarios_values(blas, PO_SCENARIO_SAVINGS);
    long changed = 0;
    for (long s = 0; s < 500; s++) {
        /* dgemm and the loop: the same values to 1e-9 relative */
        near_rel(fb[s], fl[s], 1e-9, "fixed savings blas vs loop", s);
        near_rel(ob[s], ol[s], 1e-9, "fixed optimized blas vs loop", s);
        assert_true(same(fa[s], fl[s])); /* two plans: the loop, measured */
        /* both equal the nominal plans priced at the scenario's costs */
        double fo = fixed_cost_by_hand(p, plan, 11, s);
        double fbase = fixed_cost_by_hand(p, base, 11, s);
        near_rel(ob[s], fo, 1e-9, "fixed optimized by hand", s);
        near_rel(fl[s], (fbase - fo) * hpy, 1e-9, "fixed savings by hand", s);
        /* re-optimizing never costs more than keeping the nominal plan */
        assert_true(ro[s] <= fo + 1e-9 * fabs(fo));
        assert_true(rb[s] <= fbase + 1e-9 * fabs(fbase));
        changed += fabs(ro[s] - fo) > 1e-6 * fabs(fo);
        assert_false(isnan(rs[s]));
    }
    /* the prices move enough to change the optimal blend in some scenarios */
    assert_true(changed > 0);
    po_plan_free(plan);
    po_plan_free(base);
    po_scenarios_free(blas);
    po_scenarios_free(loop);
    po_scenarios_free(aut);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Warm and cold solves agree                                         */
/* ------------------------------------------------------------------ */

static void test_warm_cold(void **state)
{
    (void)state;
    po_process *p = load_example("distribution.json");
    po_scenario_options o;
    po_scenario_options_init(&o);
    o.scenarios = 100;
    o.threads = 2;
    po_scenarios *warm = NULL, *cold = NULL;
    assert_int_equal(po_process_scenarios_run(p, &o, &warm), PO_OK);
    o.warm_start = 0;
    assert_int_equal(po_process_scenarios_run(p, &o, &cold), PO_OK);
    assert_int_equal(po_scenarios_solves(warm), 200);
    assert_int_equal(po_scenarios_warm_solves(warm), 200);
    assert_int_equal(po_scenarios_warm_solves(cold), 0);
    assert_true(po_scenarios_iterations(warm) < po_scenarios_iterations(cold));
    const double *a = po_scenarios_values(warm, PO_SCENARIO_OPTIMIZED_COST);
    const double *b = po_scenarios_values(cold, PO_SCENARIO_OPTIMIZED_COST);
    for (long s = 0; s < 100; s++)
        near_rel(a[s], b[s], 1e-9, "warm vs cold", s);
    for (int w = 0; w < 2; w++)
        assert_int_equal(po_scenarios_infeasible_count(warm, w),
                         po_scenarios_infeasible_count(cold, w));
    assert_true(po_scenarios_time(warm) > 0);
    po_scenarios_free(warm);
    po_scenarios_free(cold);

    /* a MIP has no basis to start from: cold solves, counted as such */
    po_process *m = load_example("bakery.json");
    po_scenario_options_init(&o);
    o.scenarios = 10;
    assert_int_equal(po_process_scenarios_run(m, &o, &warm), PO_OK);
    assert_int_equal(po_scenarios_warm_solves(warm), 0);
    assert_int_equal(po_scenarios_solves(warm), 20);
    po_scenarios_free(warm);
    po_process_free(m);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Progress, no baseline, errors                                      */
/* ------------------------------------------------------------------ */

typedef struct prog {
    long calls, last, total;
    int bad;
} prog;

static void on_progress(void *user, long done, long total)
{
    prog *pr = user;
    if (done <= pr->last || done > total)
        pr->bad = 1;
    pr->calls++;
    pr->last = done;
    pr->total = total;
}

static void test_progress(void **state)
{
    (void)state;
    po_process *p = load_ok(hand_model);
    po_scenario_options o;
    po_scenario_options_init(&o);
    o.scenarios = 37;
    o.threads = 3;
    prog pr = {0, 0, 0, 0};
    o.progress = on_progress;
    o.progress_user = &pr;
    po_scenarios *sc = NULL;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_OK);
    assert_int_equal(pr.bad, 0);
    assert_true(pr.calls >= 1);
    assert_int_equal(pr.last, 37);
    assert_int_equal(pr.total, 37);
    po_scenarios_free(sc);
    po_process_free(p);
}

static void test_no_baseline(void **state)
{
    (void)state;
    char *t = q(hand_model);
    char *at = strstr(t, "\"baseline\": {\"make\": 90},");
    assert_non_null(at);
    memset(at, ' ', strlen("\"baseline\": {\"make\": 90},"));
    po_process *p = po_process_new();
    assert_int_equal(po_process_load_string(p, t, "t.json"), PO_OK);
    free(t);
    po_scenarios *sc = run(p, 40, 2);
    assert_int_equal(po_scenarios_has_baseline(sc), 0);
    const double *o = po_scenarios_values(sc, PO_SCENARIO_OPTIMIZED_COST);
    const double *sv = po_scenarios_values(sc, PO_SCENARIO_SAVINGS);
    for (long s = 0; s < 40; s++) {
        near_rel(o[s], hand_scenario(42, s).opt, 1e-9, "optimized", s);
        assert_true(isnan(sv[s]));
    }
    assert_true(isnan(po_scenarios_nominal(sc, PO_SCENARIO_SAVINGS)));
    assert_true(isnan(po_scenarios_infeasible_share(sc, 1)));
    assert_int_equal(po_scenarios_outcome(sc, 1, 0), -1);
    assert_int_equal(po_scenarios_outcome(sc, 0, 40), -1);
    assert_int_equal(po_scenarios_outcome(sc, 0, -1), -1);
    assert_int_equal(po_scenarios_has_mvp(sc), 0);
    assert_true(isnan(po_scenarios_p_cover(sc)));
    assert_true(isnan(po_scenarios_payback_months(sc)));
    assert_int_equal(po_scenarios_solves(sc), 40);
    po_scenarios_free(sc);
    po_process_free(p);
}

static void test_errors(void **state)
{
    (void)state;
    po_scenarios *sc = (po_scenarios *)&sc;
    po_scenario_options o;
    po_scenario_options_init(&o);
    assert_int_equal(o.warm_start, 1);
    assert_int_equal(o.threads, 0);
    assert_int_equal(o.scenarios, 0);
    assert_int_equal(o.solver.presolve, 1);
    assert_int_equal(po_process_scenarios_run(NULL, &o, &sc), PO_EINVAL);

    po_process *p = load_ok("{'items': {'w': {'demand': 5, 'buy_cost': 1}}}");
    assert_int_equal(po_process_scenarios_run(p, &o, NULL), PO_EINVAL);
    assert_int_equal(po_process_scenarios_run(p, NULL, &sc), PO_EMODEL);
    assert_null(sc);
    assert_string_equal(po_process_errmsg(p),
                        "the model has no \"uncertainty\" and no scenario "
                        "count was given");
    /* a count makes nominal scenarios: nothing uncertain */
    o.scenarios = 3;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_OK);
    assert_string_equal(po_process_errmsg(p), "");
    for (long s = 0; s < 3; s++)
        assert_true(po_scenarios_values(sc, PO_SCENARIO_OPTIMIZED_COST)[s] ==
                    5);
    assert_int_equal(po_scenarios_cost_only(sc), 1);
    po_scenarios_free(sc);

    o.scenarios = -1;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_EINVAL);
    assert_string_equal(po_process_errmsg(p),
                        "scenarios: the count must be at least 1 (got -1)");
    o.scenarios = 200000000L;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_ETOOBIG);
    o.scenarios = 3;
    o.threads = 1025;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_EINVAL);
    assert_string_equal(po_process_errmsg(p),
                        "scenarios: threads must be between 1 and 1024 (0: "
                        "the processors online; got 1025)");
    o.threads = -2;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_EINVAL);
    o.threads = 0;
    /* bad solver options are the solver's errors */
    o.solver.mip_gap = -1;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_EINVAL);
    assert_true(strstr(po_process_errmsg(p), "nominal solve") != NULL);
    assert_null(sc);
    po_process_free(p);

    /* a model that does not validate: the process layer's errors */
    p = po_process_new();
    assert_int_equal(po_process_add_activity(p, "a"), PO_OK);
    assert_int_equal(po_process_set_rate(p, "a", "out", "nothing", 1), PO_OK);
    po_scenario_options_init(&o);
    o.scenarios = 2;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_EMODEL);
    assert_true(strstr(po_process_errmsg(p), "nothing") != NULL);
    po_process_free(p);

    /* accessors on NULL */
    po_scenarios_free(NULL);
    assert_int_equal(po_scenarios_count(NULL), 0);
    assert_null(po_scenarios_values(NULL, PO_SCENARIO_SAVINGS));
    assert_true(isnan(po_scenarios_quantile(NULL, PO_SCENARIO_SAVINGS, 0.5)));
    assert_true(isnan(po_scenarios_p_cover(NULL)));
    assert_int_equal(po_scenarios_outcome(NULL, 0, 0), -1);
    po_scenario_options_init(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hand_model),
        cmocka_unit_test(test_per_horizon),
        cmocka_unit_test(test_star_override),
        cmocka_unit_test(test_binary_cost),
        cmocka_unit_test(test_threads_hand),
        cmocka_unit_test(test_threads_examples),
        cmocka_unit_test(test_seed),
        cmocka_unit_test(test_zero_variance),
        cmocka_unit_test(test_quantiles),
        cmocka_unit_test(test_fixed_plans),
        cmocka_unit_test(test_warm_cold),
        cmocka_unit_test(test_progress),
        cmocka_unit_test(test_no_baseline),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
