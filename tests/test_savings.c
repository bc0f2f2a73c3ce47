/*
 * test_savings.c -- baseline, savings, plan diff, and what an infeasible
 * baseline breaks.
 *
 * Figures are computed by hand (small models, worked in the comments) or
 * independently of procopt: the examples' hand-worked optima
 * (examples/NAME.hand.md), and for bakery and lot_sizing the LPs written by
 * the reference translator examples/ref_lp.py (with and without
 * --baseline), solved by both glpsol and CBC.
 *
 * Environment: PROCOPT_SRC (repository root, for examples/; default ".").
 */
#include "test_process_util.h"

static po_savings *savings_of(po_process *p)
{
    po_savings *s = NULL;
    po_status st = po_process_savings(p, NULL, &s);
    if (st != PO_OK) {
        print_error("savings failed (%s): %s\n", po_strerror(st),
                    po_process_errmsg(p));
        fail();
    }
    assert_non_null(s);
    return s;
}

static po_savings *example_savings(const char *name, po_process **pp)
{
    po_process *p = load_example(name);
    *pp = p;
    return savings_of(p);
}

static void expect_breach(const po_savings *s, int k, po_req_kind kind,
                          const char *name, const char *period, double amount,
                          const char *msg)
{
    po_req_kind gk;
    const char *gn, *gp;
    double ga;
    assert_int_equal(po_savings_breach(s, k, &gk, &gn, &gp, &ga), PO_OK);
    expect_req("breach", k, gk, gn, gp, ga, po_savings_breach_message(s, k),
               kind, name, period, amount, msg);
}

/* Check the figures of an example against independently obtained ones. */
static void check_example(const char *name, double base, double opt,
                          double hpy)
{
    po_process *p;
    po_savings *s = example_savings(name, &p);
    assert_int_equal(po_savings_baseline_outcome(s), PO_OUTCOME_OPTIMAL);
    assert_true(po_savings_has_value(s));
    near(po_savings_baseline_total_cost(s), base, "baseline total cost");
    near(po_savings_optimized_total_cost(s), opt, "optimized total cost");
    near(po_savings_per_horizon(s), base - opt, "savings per horizon");
    near(po_savings_per_year(s), (base - opt) * hpy, "savings per year");
    near(po_savings_relative(s), (base - opt) / fabs(base), "relative");
    double sum = 0;
    for (int k = 0; k < PO_COST_NKINDS; k++)
        sum += po_savings_by_kind(s, (po_cost_kind)k);
    near(sum, base - opt, "parts add up");
    assert_int_equal(po_savings_num_breaches(s), 0);
    assert_true(po_savings_num_changes(s) > 0);
    po_savings_free(s);
    po_process_free(p);
}

/* examples/NAME.hand.md, "Baseline" sections. */
static void test_examples_by_hand(void **state)
{
    (void)state;
    /* 5 x 5420 + 2588 + 1768 = 31456; savings 5244 a week, 52 weeks */
    check_example("call_centre.json", 31456, 31456 - 5244, 52);
    /* 211140 today, 207630 optimized (dual certificate), 52 weeks */
    check_example("distribution.json", 211140, 207630, 52);
    /* 56150 today, optimum 153412400/2823, 50 weeks */
    check_example("feed_blend.json", 56150, 153412400.0 / 2823, 50);
    /* 7628000 today, savings 436000, one horizon a year */
    check_example("network_design.json", 7628000, 7628000 - 436000, 1);
}

/* ref_lp.py [--baseline] + glpsol and CBC (both agree to the digit). */
static void test_examples_by_reference_lp(void **state)
{
    (void)state;
    check_example("bakery.json", -5741.347, -6462.9905, 52);
    check_example("lot_sizing.json", -3700924.5, -3824475, 6.5);
}

/* examples/bakery_design.hand.md: baguettes cannot be stored and sales are
 * at most the demand, so the balance fails every day by the overproduction,
 * and Saturday's 650 also passes max_baguette (600). */
static void test_bakery_design_overproduces(void **state)
{
    (void)state;
    po_process *p;
    po_savings *s = example_savings("bakery_design.json", &p);
    static const char *const day[] = {"Mon", "Tue", "Wed",
                                      "Thu", "Fri", "Sat"};
    static const double made[] = {450, 450, 450, 450, 550, 650};
    static const double demand[] = {420, 380, 400, 410, 520, 610};
    assert_int_equal(po_savings_baseline_outcome(s), PO_OUTCOME_INFEASIBLE);
    assert_false(po_savings_has_value(s));
    assert_true(isnan(po_savings_per_horizon(s)));
    assert_true(isnan(po_savings_per_year(s)));
    assert_true(isnan(po_savings_relative(s)));
    assert_true(isnan(po_savings_by_kind(s, PO_COST_BUYING)));
    assert_true(isnan(po_savings_baseline_total_cost(s)));
    assert_int_equal(po_savings_num_breaches(s), 7);
    for (int t = 0; t < 6; t++) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 "%s: today's plan makes %g baguette but can sell only %g "
                 "of them \u2014 %g too many",
                 day[t], made[t], demand[t], made[t] - demand[t]);
        expect_breach(s, t, PO_REQ_BALANCE, "baguette", day[t],
                      made[t] - demand[t], msg);
    }
    expect_breach(s, 6, PO_REQ_CONSTRAINT, "max_baguette", "Sat", 50,
                  "Sat: today's plan gives max_baguette = 650, its max is "
                  "600 \u2014 over by 50");
    /* the plan diff still compares with today's levels */
    assert_int_equal(po_savings_num_changes(s), 6);
    po_savings_free(s);
    po_process_free(p);
}

/* One product, one period.  obj = 0.5x + 1*buy + 1*short - 5*sold with
 * buy = x/2, sold = x, short = 100 - x: 100 - 5x.  The oven (0.2 h per
 * loaf, 10 h) allows x = 50: -150.  Today x = 40: -100. */
static const char *const tiny =
    "{'currency': 'EUR',"
    " 'items': {'oven_h': {'capacity': 10}, 'flour': {'buy_cost': 1},"
    "           'bread': {'demand': 100, 'price': 5, 'shortage_cost': 1}},"
    " 'activities': {'bake': {'cost': 0.5, 'in': {'oven_h': 0.2, 'flour': "
    "0.5}, 'out': {'bread': 1}}},"
    " 'baseline': {'bake': 40}}";

static void test_tiny_by_hand(void **state)
{
    (void)state;
    po_process *p = load_ok(tiny);
    po_savings *s = savings_of(p);
    near(po_savings_baseline_total_cost(s), -100, "baseline");
    near(po_savings_optimized_total_cost(s), -150, "optimized");
    near(po_savings_per_horizon(s), 50, "per horizon");
    assert_true(isnan(po_savings_per_year(s))); /* no horizons_per_year */
    near(po_savings_relative(s), 0.5, "relative");
    /* buying 20 -> 25, activity 20 -> 25, shortage 60 -> 50, revenue
     * 200 -> 250 */
    near(po_savings_by_kind(s, PO_COST_BUYING), -5, "buying");
    near(po_savings_by_kind(s, PO_COST_ACTIVITY), -5, "activity");
    near(po_savings_by_kind(s, PO_COST_SHORTAGE), 10, "shortage");
    near(po_savings_by_kind(s, PO_COST_REVENUE), 50, "revenue");
    near(po_savings_by_kind(s, PO_COST_STORING), 0, "storing");
    near(po_savings_by_kind(s, PO_COST_FIXED), 0, "fixed");
    assert_true(isnan(po_savings_by_kind(s, (po_cost_kind)PO_COST_NKINDS)));
    assert_int_equal(po_savings_num_changes(s), 1);
    const char *a, *t;
    double b, o;
    assert_int_equal(po_savings_change(s, 0, &a, &t, &b, &o), PO_OK);
    assert_string_equal(a, "bake");
    assert_string_equal(t, "");
    near(b, 40, "baseline level");
    near(o, 50, "optimized level");
    assert_int_equal(po_savings_change(s, 1, &a, &t, &b, &o), PO_ERANGE);
    assert_int_equal(po_savings_change(s, -1, NULL, NULL, NULL, NULL),
                     PO_ERANGE);
    assert_int_equal(po_savings_change(s, 0, NULL, NULL, NULL, NULL), PO_OK);
    assert_int_equal(po_savings_num_breaches(s), 0);
    assert_null(po_savings_breach_message(s, 0));
    /* the plans are the ones the process layer gives */
    const po_plan *opt = po_savings_optimized_plan(s);
    const po_plan *base = po_savings_baseline_plan(s);
    assert_non_null(opt);
    assert_non_null(base);
    near(po_plan_levels(opt, 0)[0], 50, "optimized plan level");
    near(po_plan_levels(base, 0)[0], 40, "baseline plan level");
    po_savings_free(s);
    /* the handle outlives nothing: free the process first, then read */
    s = savings_of(p);
    po_process_free(p);
    assert_int_equal(po_savings_change(s, 0, &a, NULL, NULL, NULL), PO_OK);
    assert_string_equal(a, "bake");
    po_savings_free(s);
}

/* max_margin: the savings are the margin gained, the same number. */
static void test_max_margin_same_savings(void **state)
{
    (void)state;
    po_process *p = load_ok(tiny);
    assert_int_equal(po_process_set_objective(p, PO_OBJECTIVE_MAX_MARGIN),
                     PO_OK);
    assert_int_equal(po_process_set_horizons_per_year(p, 52), PO_OK);
    po_savings *s = savings_of(p);
    near(po_savings_per_horizon(s), 50, "per horizon");
    near(po_savings_per_year(s), 2600, "per year");
    near(po_plan_objective(po_savings_optimized_plan(s)), 150, "margin");
    po_savings_free(s);
    po_process_free(p);
}

/* Demands that must be met exactly with nothing stored force the optimized
 * levels to the demands: u = [10, 20, 30], v = [5, 5, 5].  Today: u = [10,
 * 25, 20], v = [5, 0, 15].  Changes by |change|: 10 (u P3, v P3), then 5
 * (u P2, v P2), ties in activity order. */
static const char *const forced =
    "{'periods': ['P1', 'P2', 'P3'],"
    " 'items': {'u': {'demand': [10, 20, 30]}, 'v': {'demand': 5}},"
    " 'activities': {'mu': {'cost': 1, 'out': {'u': 1}},"
    "                'mv': {'cost': 1, 'out': {'v': 1}}},"
    " 'baseline': {'mu': [10, 25, 20], 'mv': [5, 0, 15]}}";

static void test_plan_diff_order(void **state)
{
    (void)state;
    po_process *p = load_ok(forced);
    po_savings *s = savings_of(p);
    static const struct {
        const char *a, *t;
        double b, o;
    } want[] = {{"mu", "P3", 20, 30},
                {"mv", "P3", 15, 5},
                {"mu", "P2", 25, 20},
                {"mv", "P2", 0, 5}};
    assert_int_equal(po_savings_num_changes(s), 4);
    for (int k = 0; k < 4; k++) {
        const char *a, *t;
        double b, o;
        assert_int_equal(po_savings_change(s, k, &a, &t, &b, &o), PO_OK);
        assert_string_equal(a, want[k].a);
        assert_string_equal(t, want[k].t);
        near(b, want[k].b, "baseline level");
        near(o, want[k].o, "optimized level");
    }
    /* today's plan breaks every order it does not meet exactly: too much
     * is a balance (it cannot be sold), too little an unmet order */
    assert_int_equal(po_savings_baseline_outcome(s), PO_OUTCOME_INFEASIBLE);
    assert_int_equal(po_savings_num_breaches(s), 4);
    expect_breach(s, 0, PO_REQ_BALANCE, "u", "P2", 5,
                  "P2: today's plan makes 25 u but can sell only 20 of them "
                  "\u2014 5 too many");
    expect_breach(s, 1, PO_REQ_DEMAND, "v", "P2", 5,
                  "P2: today's plan delivers only 0 of the 5 v ordered, and "
                  "every order must be met \u2014 short by 5");
    expect_breach(s, 2, PO_REQ_BALANCE, "v", "P3", 10,
                  "P3: today's plan makes 15 v but can sell only 5 of them "
                  "\u2014 10 too many");
    expect_breach(s, 3, PO_REQ_DEMAND, "u", "P3", 10,
                  "P3: today's plan delivers only 20 of the 30 u ordered, "
                  "and every order must be met \u2014 short by 10");
    po_savings_free(s);
    po_process_free(p);
}

/* Makes more than can be sold or stored, on one day only: Tue makes 200,
 * sells 100 and stores at most 50 (Wed then sells 100 of 150 and keeps
 * 50): 50 too many on Tue, nothing else. */
static void test_overproduction_with_storage(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['Mon', 'Tue', 'Wed'],"
        " 'items': {'jam': {'demand': 100, 'price': 3, 'shortage_cost': 1,"
        "                   'store_max': 50}},"
        " 'activities': {'cook': {'cost': 1, 'out': {'jam': 1}}},"
        " 'baseline': {'cook': [100, 200, 100]}}");
    po_savings *s = savings_of(p);
    assert_int_equal(po_savings_baseline_outcome(s), PO_OUTCOME_INFEASIBLE);
    assert_int_equal(po_savings_num_breaches(s), 1);
    expect_breach(s, 0, PO_REQ_BALANCE, "jam", "Tue", 50,
                  "Tue: today's plan makes 200 jam but can sell or store "
                  "only 150 of them \u2014 50 too many");
    /* the optimized plan has a value: 3 days of 100 jam at margin 2 */
    near(po_savings_optimized_total_cost(s), -600, "optimized");
    po_savings_free(s);
    po_process_free(p);
}

/* The capacity sentence of the issue: 600 loaves x 0.036 h = 21.6 h on Sat
 * against 16 h + 4 h that can be bought. */
static void test_capacity_breach_sentence(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['Fri', 'Sat'], 'currency': 'EUR',"
        " 'items': {'oven_h': {'capacity': 16, 'buy_cost': 35, 'buy_max': 4},"
        "           'flour': {'buy_cost': 0.5},"
        "           'bread': {'demand': [500, 600], 'price': 2,"
        "                     'shortage_cost': 0.5}},"
        " 'activities': {'bake': {'cost': 0.1, 'in': {'oven_h': 0.036,"
        "                 'flour': 0.5}, 'out': {'bread': 1}}},"
        " 'baseline': {'bake': [500, 600]}}");
    po_savings *s = savings_of(p);
    assert_int_equal(po_savings_baseline_outcome(s), PO_OUTCOME_INFEASIBLE);
    assert_int_equal(po_savings_num_breaches(s), 1);
    expect_breach(s, 0, PO_REQ_CAPACITY, "oven_h", "Sat", 1.6,
                  "Sat: today's plan uses 21.6 oven_h, capacity plus "
                  "purchases allow at most 20 \u2014 short by 1.6");
    po_savings_free(s);
    po_process_free(p);
}

/* Without periods the sentences have no period; kinds come in order. */
static void test_single_period_sentences(void **state)
{
    (void)state;
    po_process *p = load_ok(tiny);
    double lv = 120; /* 120 loaves: 24 oven hours of 10, 20 more than sold */
    assert_int_equal(po_process_set_baseline(p, "bake", &lv, 1), PO_OK);
    po_savings *s = savings_of(p);
    assert_int_equal(po_savings_num_breaches(s), 2);
    expect_breach(s, 0, PO_REQ_BALANCE, "bread", "", 20,
                  "today's plan makes 120 bread but can sell only 100 of "
                  "them \u2014 20 too many");
    expect_breach(s, 1, PO_REQ_CAPACITY, "oven_h", "", 14,
                  "today's plan uses 24 oven_h, capacity allows at most 10 "
                  "\u2014 short by 14");
    po_savings_free(s);
    po_process_free(p);
}

/* Levels checked against the activity's own keys: max 50, min_batch 20,
 * integer. */
static void test_level_checks(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['A', 'B', 'C'],"
        " 'items': {'part': {'demand': 1000, 'price': 1, 'shortage_cost': 1}},"
        " 'activities': {'lathe': {'out': {'part': 1}, 'max': 50,"
        "                'min_batch': 20, 'integer': true}},"
        " 'baseline': {'lathe': [60, 5, 2.5]}}");
    po_savings *s = savings_of(p);
    assert_int_equal(po_savings_baseline_outcome(s), PO_OUTCOME_INFEASIBLE);
    assert_int_equal(po_savings_num_breaches(s), 4);
    expect_breach(s, 0, PO_REQ_ACTIVITY_MAX, "lathe", "A", 10,
                  "A: today's plan runs lathe at 60, its max is 50 \u2014 "
                  "over by 10");
    expect_breach(s, 1, PO_REQ_MIN_BATCH, "lathe", "B", 15,
                  "B: today's plan runs lathe at 5, but a batch is 0 or at "
                  "least 20 \u2014 under by 15");
    expect_breach(s, 2, PO_REQ_MIN_BATCH, "lathe", "C", 17.5, NULL);
    expect_breach(s, 3, PO_REQ_INTEGER, "lathe", "C", 0.5,
                  "C: today's plan runs lathe at 2.5, but its level is a "
                  "whole number");
    po_savings_free(s);
    po_process_free(p);
}

static void test_errors(void **state)
{
    (void)state;
    po_savings *s = (po_savings *)&s; /* must be overwritten */
    assert_int_equal(po_process_savings(NULL, NULL, &s), PO_EINVAL);
    assert_null(s);
    po_process *p = load_ok(
        "{'items': {'x': {'demand': 1}}, 'activities': {'a': {'out': {'x': "
        "1}}}}");
    assert_int_equal(po_process_savings(p, NULL, NULL), PO_EINVAL);
    s = (po_savings *)&s;
    assert_int_equal(po_process_savings(p, NULL, &s), PO_EMODEL);
    assert_null(s);
    assert_string_equal(po_process_errmsg(p), "the model has no \"baseline\"");
    po_process_free(p);
    /* NULL handles */
    po_savings_free(NULL);
    assert_null(po_savings_optimized_plan(NULL));
    assert_null(po_savings_baseline_plan(NULL));
    assert_false(po_savings_has_value(NULL));
    assert_true(isnan(po_savings_per_horizon(NULL)));
    assert_true(isnan(po_savings_per_year(NULL)));
    assert_true(isnan(po_savings_relative(NULL)));
    assert_true(isnan(po_savings_by_kind(NULL, PO_COST_BUYING)));
    assert_true(isnan(po_savings_baseline_total_cost(NULL)));
    assert_true(isnan(po_savings_optimized_total_cost(NULL)));
    assert_int_equal(po_savings_num_changes(NULL), 0);
    assert_int_equal(po_savings_num_breaches(NULL), 0);
    assert_int_equal(po_savings_change(NULL, 0, NULL, NULL, NULL, NULL),
                     PO_EINVAL);
    assert_int_equal(po_savings_breach(NULL, 0, NULL, NULL, NULL, NULL),
                     PO_EINVAL);
    assert_null(po_savings_breach_message(NULL, 0));
    /* kind names */
    assert_string_equal(po_req_kind_name(PO_REQ_BALANCE), "balance");
    assert_string_equal(po_req_kind_name(PO_REQ_CAPACITY), "capacity");
    assert_string_equal(po_req_kind_name(PO_REQ_DEMAND), "demand");
    assert_string_equal(po_req_kind_name(PO_REQ_CONSTRAINT), "constraint");
    assert_string_equal(po_req_kind_name(PO_REQ_BUY_MAX), "buy_max");
    assert_string_equal(po_req_kind_name(PO_REQ_STORE_MAX), "store_max");
    assert_string_equal(po_req_kind_name(PO_REQ_ACTIVITY_MIN),
                        "activity_min");
    assert_string_equal(po_req_kind_name(PO_REQ_ACTIVITY_MAX),
                        "activity_max");
    assert_string_equal(po_req_kind_name(PO_REQ_MIN_BATCH), "min_batch");
    assert_string_equal(po_req_kind_name(PO_REQ_INTEGER), "integer");
    assert_null(po_req_kind_name((po_req_kind)PO_REQ_NKINDS));
    assert_null(po_req_kind_name((po_req_kind)-1));
}

/* An invalid model fails with the process layer's errors. */
static void test_invalid_model(void **state)
{
    (void)state;
    po_process *p = po_process_new();
    assert_non_null(p);
    po_savings *s = NULL;
    assert_int_equal(po_process_savings(p, NULL, &s), PO_EMODEL);
    assert_null(s);
    assert_true(po_process_num_errors(p) >= 1);
    po_process_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_examples_by_hand),
        cmocka_unit_test(test_examples_by_reference_lp),
        cmocka_unit_test(test_bakery_design_overproduces),
        cmocka_unit_test(test_tiny_by_hand),
        cmocka_unit_test(test_max_margin_same_savings),
        cmocka_unit_test(test_plan_diff_order),
        cmocka_unit_test(test_overproduction_with_storage),
        cmocka_unit_test(test_capacity_breach_sentence),
        cmocka_unit_test(test_single_period_sentences),
        cmocka_unit_test(test_level_checks),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_invalid_model),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
