/*
 * test_limits.c -- shadow prices and cost ranges in process terms.
 *
 * Small models worked by hand (in the comments), and the dual certificate
 * of examples/distribution.hand.md.  Environment: PROCOPT_SRC (repository
 * root, for examples/; default ".").
 */
#include "test_process_util.h"

static po_limits *limits_of(po_process *p)
{
    po_limits *l = NULL;
    po_status st = po_process_limits(p, NULL, &l);
    if (st != PO_OK) {
        print_error("limits failed (%s): %s\n", po_strerror(st),
                    po_process_errmsg(p));
        fail();
    }
    assert_non_null(l);
    return l;
}

/* near, where an infinite `want` must be met exactly. */
static void near_or_inf(double got, double want, const char *what)
{
    if (isinf(want))
        assert_true(got == want);
    else
        near(got, want, what);
}

static void expect_price(const po_limits *l, int k, po_req_kind kind,
                         const char *name, const char *period, double value,
                         double bound, double lo, double hi, const char *msg)
{
    po_req_kind gk;
    const char *gn, *gp;
    double v, b, glo, ghi;
    assert_int_equal(po_limits_price(l, k, &gk, &gn, &gp, &v, &b, &glo, &ghi),
                     PO_OK);
    assert_int_equal(gk, kind);
    assert_string_equal(gn, name);
    assert_string_equal(gp, period);
    near(v, value, "value");
    near(b, bound, "bound");
    near_or_inf(glo, lo, "lo");
    near_or_inf(ghi, hi, "hi");
    if (msg)
        expect_msg(po_limits_price_message(l, k), msg);
}

static void expect_range(const po_limits *l, int k, po_unc_param param,
                         const char *name, double value, double lo, double hi,
                         const char *msg)
{
    po_unc_param gp;
    const char *gn;
    double v, glo, ghi;
    assert_int_equal(po_limits_range(l, k, &gp, &gn, NULL, &v, &glo, &ghi),
                     PO_OK);
    assert_int_equal(gp, param);
    assert_string_equal(gn, name);
    near(v, value, "value");
    near_or_inf(glo, lo, "lo");
    near_or_inf(ghi, hi, "hi");
    if (msg)
        expect_msg(po_limits_range_message(l, k), msg);
}

/* One product: obj = 0.5x + buy + short - 5 sold, buy = x/2, sold = x,
 * short = 100 - x, so obj = 100 - 5x with x <= 10 / 0.2 = 50.  One more
 * oven hour makes 5 more loaves: worth 25, until the demand (100 loaves =
 * 20 h) stops it: range [0, 20].  Per loaf the plan earns -(c + 0.5 - 5 -
 * 1) for activity cost c: it stays while c <= 5.5; likewise price p >= 0
 * and flour cost b <= 11 (0.5 b + 0.5 - 6 <= 0). */
static void test_one_product(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'currency': 'EUR',"
        " 'items': {'oven_h': {'capacity': 10}, 'flour': {'buy_cost': 1},"
        "           'bread': {'demand': 100, 'price': 5, 'shortage_cost': 1}},"
        " 'activities': {'bake': {'cost': 0.5, 'in': {'oven_h': 0.2,"
        "                 'flour': 0.5}, 'out': {'bread': 1}}}}");
    po_limits *l = limits_of(p);
    assert_int_equal(po_limits_outcome(l), PO_OUTCOME_OPTIMAL);
    assert_true(po_limits_available(l));
    assert_int_equal(po_limits_num_prices(l), 1);
    assert_int_equal(po_limits_num_binding(l), 1);
    expect_price(l, 0, PO_REQ_CAPACITY, "oven_h", "", 25, 10, 0, 20,
                 "one more oven_h is worth 25.00 EUR, up to 10 more");
    assert_int_equal(po_limits_num_ranges(l), 3);
    expect_range(l, 0, PO_UNC_COST, "bake", 0.5, -INFINITY, 5.5,
                 "cost of bake (now 0.5 EUR) can rise to 5.50 EUR without "
                 "changing the plan");
    expect_range(l, 1, PO_UNC_PRICE, "bread", 5, 0, INFINITY,
                 "price of bread (now 5.00 EUR) can fall to 0 EUR without "
                 "changing the plan");
    expect_range(l, 2, PO_UNC_BUY_COST, "flour", 1, -INFINITY, 11,
                 "buy cost of flour (now 1.00 EUR) can rise to 11.00 EUR "
                 "without changing the plan");
    assert_int_equal(po_limits_price(l, 1, NULL, NULL, NULL, NULL, NULL, NULL,
                                     NULL),
                     PO_ERANGE);
    assert_int_equal(po_limits_range(l, 3, NULL, NULL, NULL, NULL, NULL, NULL),
                     PO_ERANGE);
    assert_null(po_limits_price_message(l, 1));
    assert_null(po_limits_range_message(l, -1));
    po_limits_free(l);
    po_process_free(p);
}

/* Two products on 40 machine hours: a earns 10 - 2 = 8 a unit and a
 * machine hour, b earns 15 - 3 = 12 a unit, 6 a machine hour; orders may
 * go short at no cost.  A side constraint makes at least 10 b (20 h), the
 * other 20 h make a.  One more hour: one more a, 8.  Raising min_b by one
 * takes 2 h from a: -16 + 12 = costs 4 (value -4: lowering it is worth 4).
 * Ranges: hours from 20 (a = 0) to 50 (a = 30, its demand); min_b from 5
 * (a = 30) to 20 (a = 0).  The plan stays while a's margin per hour beats
 * b's: make_a's cost up to 4 (10 - c >= 6), a's price down to 8; make_b's
 * cost down to -1 ((15 - c) / 2 <= 8), b's price up to 19. */
static void test_side_constraint_at_min(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'currency': 'EUR', 'periods': ['Mon'],"
        " 'items': {'machine_h': {'capacity': 40},"
        "           'a': {'demand': 30, 'price': 10, 'shortage_cost': 0},"
        "           'b': {'demand': 30, 'price': 15, 'shortage_cost': 0}},"
        " 'activities': {'make_a': {'cost': 2, 'in': {'machine_h': 1},"
        "                           'out': {'a': 1}},"
        "                'make_b': {'cost': 3, 'in': {'machine_h': 2},"
        "                           'out': {'b': 1}}},"
        " 'constraints': [{'name': 'min_b', 'terms': {'make_b': 1},"
        "                  'min': 10}]}");
    po_limits *l = limits_of(p);
    assert_int_equal(po_limits_num_prices(l), 2);
    assert_int_equal(po_limits_num_binding(l), 2);
    expect_price(l, 0, PO_REQ_CAPACITY, "machine_h", "Mon", 8, 40, 20, 50,
                 "one more machine_h on Mon is worth 8.00 EUR, up to 10 "
                 "more");
    expect_price(l, 1, PO_REQ_CONSTRAINT, "min_b", "Mon", -4, 10, 5, 20,
                 "lowering min_b on Mon by one is worth 4.00 EUR, up to 5 "
                 "less");
    assert_int_equal(po_limits_num_ranges(l), 4);
    expect_range(l, 0, PO_UNC_COST, "make_a", 2, -INFINITY, 4, NULL);
    expect_range(l, 1, PO_UNC_COST, "make_b", 3, -1, INFINITY,
                 "cost of make_b on Mon (now 3.00 EUR) can fall to -1.00 EUR "
                 "without changing the plan");
    expect_range(l, 2, PO_UNC_PRICE, "a", 10, 8, INFINITY, NULL);
    expect_range(l, 3, PO_UNC_PRICE, "b", 15, -INFINITY, 19, NULL);
    po_limits_free(l);
    po_process_free(p);
}

/* examples/distribution.hand.md, dual certificate: Lille line hour 195,
 * Marseille dock 4, Paris dock 0.7 a pallet; Lyon line and Nantes dock
 * slack. */
static void test_distribution_certificate(void **state)
{
    (void)state;
    po_process *p = load_example("distribution.json");
    po_limits *l = limits_of(p);
    assert_int_equal(po_limits_num_binding(l), 3);
    assert_int_equal(po_limits_num_prices(l), 5);
    static const struct {
        const char *name;
        double value;
    } want[] = {{"line_lille_h", 195}, {"dock_marseille", 4},
                {"dock_paris", 0.7},   {"line_lyon_h", 0},
                {"dock_nantes", 0}};
    for (int k = 0; k < 5; k++) {
        const char *name;
        double v;
        assert_int_equal(po_limits_price(l, k, NULL, &name, NULL, &v, NULL,
                                         NULL, NULL),
                         PO_OK);
        assert_string_equal(name, want[k].name);
        near(v, want[k].value, want[k].name);
    }
    /* Lille runs 84 h: 72 own + 12 overtime of 16, so the price holds
     * from 68 to 84 own hours */
    expect_price(l, 0, PO_REQ_CAPACITY, "line_lille_h", "wk", 195, 72, 68,
                 84,
                 "one more line_lille_h on wk is worth 195.00 EUR, up to 12 "
                 "more");
    expect_msg(po_limits_price_message(l, 3),
               "one more line_lyon_h on wk is worth nothing: it does not "
               "limit the plan");
    po_limits_free(l);
    po_process_free(p);
}

/* A MIP (the bakery's binary second oven): figures of the LP with the
 * oven decisions fixed.  Oven hours are bought on Fri and Sat at 35 an
 * hour, so one more own hour saves 35 until nothing is bought any more:
 * the range ends at 10 + the hours bought.  The binary oven has no cost
 * range; 3 bake activities x 6 days, 3 prices x 6, 4 buy costs x 6. */
static void test_mip_fixed_configuration(void **state)
{
    (void)state;
    po_process *p = load_example("bakery.json");
    po_limits *l = limits_of(p);
    assert_true(po_limits_available(l));
    po_plan *pl = solve_ok(p);
    const double *buy = po_plan_item_series(pl, find_item(pl, "oven_h"),
                                            PO_PLAN_BUY);
    assert_non_null(buy);
    int seen = 0;
    for (int k = 0; k < po_limits_num_binding(l); k++) {
        const char *name, *period;
        double v, b, lo, hi;
        assert_int_equal(po_limits_price(l, k, NULL, &name, &period, &v, &b,
                                         &lo, &hi),
                         PO_OK);
        if (strcmp(name, "oven_h") != 0)
            continue;
        int t = strcmp(period, "Fri") == 0 ? 4 : 5;
        assert_true(strcmp(period, "Fri") == 0 || strcmp(period, "Sat") == 0);
        near(v, 35, "oven hour value");
        near(b, 10, "oven capacity");
        near(hi, 10 + buy[t], "oven range end");
        seen++;
    }
    assert_int_equal(seen, 2);
    assert_int_equal(po_limits_num_ranges(l), 60);
    for (int k = 0; k < po_limits_num_ranges(l); k++) {
        const char *name;
        assert_int_equal(
            po_limits_range(l, k, NULL, &name, NULL, NULL, NULL, NULL), PO_OK);
        assert_string_not_equal(name, "second_oven");
    }
    po_plan_free(pl);
    po_limits_free(l);
    po_process_free(p);
}

static void test_infeasible_has_no_figures(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'cap': {'capacity': 1}, 'x': {'demand': 10}},"
        " 'activities': {'a': {'in': {'cap': 1}, 'out': {'x': 1}}}}");
    po_limits *l = limits_of(p);
    assert_true(po_limits_outcome(l) == PO_OUTCOME_INFEASIBLE ||
                po_limits_outcome(l) == PO_OUTCOME_INF_OR_UNBD);
    assert_false(po_limits_available(l));
    assert_int_equal(po_limits_num_prices(l), 0);
    assert_int_equal(po_limits_num_binding(l), 0);
    assert_int_equal(po_limits_num_ranges(l), 0);
    po_limits_free(l);
    po_process_free(p);
}

/* The same figures from a plan solved with sensitivity (no second solve),
 * also the optimized plan of po_process_savings. */
static void test_from_plan(void **state)
{
    (void)state;
    po_process *p = load_example("distribution.json");
    po_options o;
    po_options_init(&o);
    o.sensitivity = 1;
    po_plan *pl = NULL;
    assert_int_equal(po_process_solve(p, &o, &pl), PO_OK);
    po_limits *a = NULL, *b = limits_of(p);
    assert_int_equal(po_plan_limits(p, pl, &a), PO_OK);
    assert_int_equal(po_limits_num_prices(a), po_limits_num_prices(b));
    assert_int_equal(po_limits_num_binding(a), 3);
    assert_int_equal(po_limits_num_ranges(a), po_limits_num_ranges(b));
    for (int k = 0; k < po_limits_num_prices(a); k++)
        expect_msg(po_limits_price_message(a, k),
                   po_limits_price_message(b, k));
    for (int k = 0; k < po_limits_num_ranges(a); k++)
        expect_msg(po_limits_range_message(a, k),
                   po_limits_range_message(b, k));
    po_limits_free(a);
    po_limits_free(b);
    po_plan_free(pl);

    po_savings *s = NULL;
    assert_int_equal(po_process_savings(p, &o, &s), PO_OK);
    assert_int_equal(po_plan_limits(p, po_savings_optimized_plan(s), &a),
                     PO_OK);
    expect_price(a, 0, PO_REQ_CAPACITY, "line_lille_h", "wk", 195, 72, 68,
                 84, NULL);
    po_limits_free(a);
    po_savings_free(s);

    /* without sensitivity: refused, and nothing returned */
    assert_int_equal(po_process_solve(p, NULL, &pl), PO_OK);
    a = (po_limits *)&a;
    assert_int_equal(po_plan_limits(p, pl, &a), PO_ENOSOLUTION);
    assert_null(a);
    assert_string_equal(po_process_errmsg(p),
                        "limits: the plan was solved without "
                        "options.sensitivity");
    po_plan_free(pl);

    /* a plan of another model */
    po_process *q = load_ok(
        "{'items': {'x': {'demand': 1}}, 'activities': {'a': {'out': {'x': "
        "1}}}}");
    assert_int_equal(po_process_solve(q, &o, &pl), PO_OK);
    assert_int_equal(po_plan_limits(p, pl, &a), PO_EINVAL);
    assert_null(a);
    assert_string_equal(po_process_errmsg(p),
                        "limits: the plan was not solved from this model");
    assert_int_equal(po_plan_limits(p, NULL, &a), PO_EINVAL);
    assert_int_equal(po_plan_limits(NULL, pl, &a), PO_EINVAL);
    po_plan_free(pl);
    po_process_free(q);
    po_process_free(p);
}

static void test_errors(void **state)
{
    (void)state;
    po_limits *l = (po_limits *)&l;
    assert_int_equal(po_process_limits(NULL, NULL, &l), PO_EINVAL);
    assert_null(l);
    po_process *p = po_process_new();
    assert_non_null(p);
    assert_int_equal(po_process_limits(p, NULL, NULL), PO_EINVAL);
    assert_int_equal(po_process_limits(p, NULL, &l), PO_EMODEL);
    assert_null(l);
    po_process_free(p);
    po_limits_free(NULL);
    assert_false(po_limits_available(NULL));
    assert_int_equal(po_limits_num_prices(NULL), 0);
    assert_int_equal(po_limits_num_binding(NULL), 0);
    assert_int_equal(po_limits_num_ranges(NULL), 0);
    assert_int_equal(po_limits_price(NULL, 0, NULL, NULL, NULL, NULL, NULL,
                                     NULL, NULL),
                     PO_EINVAL);
    assert_int_equal(
        po_limits_range(NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL),
        PO_EINVAL);
    assert_null(po_limits_price_message(NULL, 0));
    assert_null(po_limits_range_message(NULL, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_product),
        cmocka_unit_test(test_side_constraint_at_min),
        cmocka_unit_test(test_distribution_certificate),
        cmocka_unit_test(test_mip_fixed_configuration),
        cmocka_unit_test(test_infeasible_has_no_figures),
        cmocka_unit_test(test_from_plan),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
