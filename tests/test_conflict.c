/*
 * test_conflict.c -- conflict sets of infeasible process models.
 *
 * Each model is small enough to work out by hand which requirements cannot
 * hold together and by how much each would have to move; the tests check
 * the set (nothing irrelevant: minimality), the names, the amounts, the
 * sentences, and that moving a member by its amount indeed makes the model
 * feasible while moving it by less does not.
 */
#include "test_process_util.h"

static po_conflict *conflict_of(po_process *p)
{
    po_conflict *c = NULL;
    po_status st = po_process_conflict(p, NULL, &c);
    if (st != PO_OK) {
        print_error("conflict failed (%s): %s\n", po_strerror(st),
                    po_process_errmsg(p));
        fail();
    }
    assert_non_null(c);
    return c;
}

static void expect_entry(const po_conflict *c, int k, po_req_kind kind,
                         const char *name, const char *period, double amount,
                         const char *msg)
{
    po_req_kind gk;
    const char *gn, *gp;
    double ga;
    assert_int_equal(po_conflict_entry(c, k, &gk, &gn, &gp, &ga), PO_OK);
    expect_req("entry", k, gk, gn, gp, ga, po_conflict_message(c, k), kind,
               name, period, amount, msg);
}

static int feasible(po_process *p)
{
    po_conflict *c = conflict_of(p);
    int f = !po_conflict_infeasible(c);
    if (f)
        assert_int_equal(po_conflict_num_entries(c), 0);
    po_conflict_free(c);
    return f;
}

/* Friday's 900 brackets need 900 x 0.05 = 45 press hours of 16; every
 * other day fits (at most 300 x 0.05 = 15 h), nothing can be stored or
 * bought.  The conflict is that day's demand and capacity, nothing else:
 * 16 h make 320 brackets (580 short), 900 need 45 h (29 short). */
static const char *const press =
    "{'periods': ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],"
    " 'items': {'steel_kg': {'buy_cost': 1.2},"
    "           'press_h': {'capacity': 16},"
    "           'bracket': {'demand': [200, 250, 300, 280, 900],"
    "                       'price': 4}},"
    " 'activities': {'press_bracket': {'cost': 0.5, 'in': {'steel_kg': 0.8,"
    "                 'press_h': 0.05}, 'out': {'bracket': 1}}}}";

static void test_one_day_demand(void **state)
{
    (void)state;
    po_process *p = load_ok(press);
    po_conflict *c = conflict_of(p);
    assert_true(po_conflict_infeasible(c));
    assert_true(po_conflict_is_minimal(c));
    assert_true(po_conflict_num_solves(c) > 2);
    assert_int_equal(po_conflict_num_entries(c), 2);
    expect_entry(c, 0, PO_REQ_CAPACITY, "press_h", "Fri", 29,
                 "Fri: capacity of press_h is 16, 45 would be needed "
                 "\u2014 short by 29");
    expect_entry(c, 1, PO_REQ_DEMAND, "bracket", "Fri", 580,
                 "Fri: demand of bracket is 900, at most 320 can be "
                 "delivered \u2014 short by 580");
    assert_int_equal(po_conflict_entry(c, 2, NULL, NULL, NULL, NULL),
                     PO_ERANGE);
    assert_null(po_conflict_message(c, 2));
    assert_null(po_conflict_message(c, -1));
    po_conflict_free(c);

    /* the amounts are exact: 45 h suffice, 44.9 do not */
    double cap[5] = {16, 16, 16, 16, 44.9};
    assert_int_equal(
        po_process_set_item_param(p, "press_h", "capacity", cap, 5), PO_OK);
    assert_false(feasible(p));
    cap[4] = 45;
    assert_int_equal(
        po_process_set_item_param(p, "press_h", "capacity", cap, 5), PO_OK);
    assert_true(feasible(p));
    po_process_free(p);

    p = load_ok(press);
    double dem[5] = {200, 250, 300, 280, 320};
    assert_int_equal(
        po_process_set_item_param(p, "bracket", "demand", dem, 5), PO_OK);
    assert_true(feasible(p));
    dem[4] = 321;
    assert_int_equal(
        po_process_set_item_param(p, "bracket", "demand", dem, 5), PO_OK);
    assert_false(feasible(p));
    po_process_free(p);
}

/* With 100 brackets storable a day, 2 press hours to buy, a side
 * constraint of 330 a day and an activity max of 400: Friday can make at
 * most 330 (the shift), and what is made before arrives only through
 * Thursday's stock (100).  Every earlier day's capacity, the buys and the
 * other days' stocks are then irrelevant: if Thursday's stock were
 * unlimited, Mon-Thu (capacity and shift relaxed with them) could make the
 * rest.  Amounts: 900 - 330 - 100 = 470 for each of the three. */
static void test_stock_and_side_constraint(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'],"
        " 'items': {'steel_kg': {'buy_cost': 1.2, 'buy_max': 1000},"
        "           'press_h': {'capacity': 16, 'buy_cost': 40, 'buy_max': 2},"
        "           'bracket': {'demand': [200, 250, 300, 280, 900],"
        "                       'price': 4, 'store_max': 100}},"
        " 'activities': {'press_bracket': {'cost': 0.5, 'max': 400,"
        "                 'in': {'steel_kg': 0.8, 'press_h': 0.05},"
        "                 'out': {'bracket': 1}}},"
        " 'constraints': [{'name': 'shift', 'terms': {'press_bracket': 1},"
        "                  'max': 330}]}");
    po_conflict *c = conflict_of(p);
    assert_true(po_conflict_infeasible(c));
    assert_true(po_conflict_is_minimal(c));
    assert_int_equal(po_conflict_num_entries(c), 3);
    expect_entry(c, 0, PO_REQ_STORE_MAX, "bracket", "Thu", 470,
                 "Thu: at most 100 bracket can be stored, 570 would have to "
                 "be \u2014 over by 470");
    expect_entry(c, 1, PO_REQ_DEMAND, "bracket", "Fri", 470,
                 "Fri: demand of bracket is 900, at most 430 can be "
                 "delivered \u2014 short by 470");
    expect_entry(c, 2, PO_REQ_CONSTRAINT, "shift", "Fri", 470,
                 "Fri: shift is at most 330, 800 would be needed \u2014 "
                 "over by 470");
    po_conflict_free(c);
    po_process_free(p);
}

/* An activity forced to run more than can be sold: min 50 a period, demand
 * 30 (a shortage cost lets orders go short, but nothing can be sold beyond
 * them), nothing stored.  The set is the min and the demand; 20 each. */
static void test_activity_min_overproduces(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'gadget': {'demand': 30, 'price': 9, 'shortage_cost': 2}},"
        " 'activities': {'assemble': {'min': 50, 'out': {'gadget': 1}}}}");
    po_conflict *c = conflict_of(p);
    assert_true(po_conflict_infeasible(c));
    assert_int_equal(po_conflict_num_entries(c), 2);
    expect_entry(c, 0, PO_REQ_DEMAND, "gadget", "", 20,
                 "demand of gadget is 30, 50 would have to be sold \u2014 "
                 "20 too many");
    expect_entry(c, 1, PO_REQ_ACTIVITY_MIN, "assemble", "", 20,
                 "assemble runs at least 50, at most 30 is possible \u2014 "
                 "over by 20");
    po_conflict_free(c);
    po_process_free(p);
}

/* Infeasible only for integers: 5 units must be delivered, made 2 at a
 * time (integer batches), nothing stored.  The LP relaxation is feasible
 * (2.5 batches), so the search runs on MIPs; the set is the demand alone
 * (balances and integrality always hold), 1 unit off either way. */
static void test_integer_only(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'pair': {'demand': 5}},"
        " 'activities': {'make_two': {'integer': true,"
        "                 'out': {'pair': 2}}}}");
    po_conflict *c = conflict_of(p);
    assert_true(po_conflict_infeasible(c));
    assert_true(po_conflict_is_minimal(c));
    assert_int_equal(po_conflict_num_entries(c), 1);
    expect_entry(c, 0, PO_REQ_DEMAND, "pair", "", 1, NULL);
    po_conflict_free(c);
    po_process_free(p);
}

/* A min_batch that no demand can take: batches of at least 40 or nothing,
 * 25 to deliver, nothing stored or sold beyond demand.  Conflict:
 * min_batch and demand. */
static void test_min_batch(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'cake': {'demand': 25}},"
        " 'activities': {'bake': {'min_batch': 40, 'max': 100,"
        "                 'out': {'cake': 1}}}}");
    po_conflict *c = conflict_of(p);
    assert_true(po_conflict_infeasible(c));
    assert_int_equal(po_conflict_num_entries(c), 2);
    po_req_kind k0, k1;
    assert_int_equal(po_conflict_entry(c, 0, &k0, NULL, NULL, NULL), PO_OK);
    assert_int_equal(po_conflict_entry(c, 1, &k1, NULL, NULL, NULL), PO_OK);
    assert_int_equal(k0, PO_REQ_DEMAND);
    assert_int_equal(k1, PO_REQ_MIN_BATCH);
    po_conflict_free(c);
    po_process_free(p);
}

/* A binary oven making 30 cakes, 25 to deliver, min_batch 3: in the LP
 * relaxation the min_batch (which leaves the binary level only 0) and the
 * demand conflict; with integrality the demand alone cannot be met (30 or
 * nothing), so the set shrinks to it: 5 too many (or 25 short). */
static void test_lp_minimal_is_not_enough(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'cake': {'demand': 25}},"
        " 'activities': {'bake': {'binary': true, 'min_batch': 3,"
        "                 'out': {'cake': 30}}}}");
    po_conflict *c = conflict_of(p);
    assert_true(po_conflict_is_minimal(c));
    assert_int_equal(po_conflict_num_entries(c), 1);
    expect_entry(c, 0, PO_REQ_DEMAND, "cake", "", 5,
                 "demand of cake is 25, 30 would have to be sold \u2014 5 "
                 "too many");
    po_conflict_free(c);
    po_process_free(p);
}

/* A min_batch switch carries x <= M on with the M the compiler proved
 * (here the max, 60); the conflict must still name the max, not the
 * min_batch that merely repeats it.  100 must be delivered, 60 at most can
 * be made: demand and activity max, 40 each. */
static void test_switch_does_not_stand_in_for_max(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'widget': {'demand': 100}},"
        " 'activities': {'make': {'cost': 1, 'max': 60, 'min_batch': 5,"
        "                 'out': {'widget': 1}}}}");
    po_conflict *c = conflict_of(p);
    assert_int_equal(po_conflict_num_entries(c), 2);
    expect_entry(c, 0, PO_REQ_DEMAND, "widget", "", 40,
                 "demand of widget is 100, at most 60 can be delivered "
                 "\u2014 short by 40");
    expect_entry(c, 1, PO_REQ_ACTIVITY_MAX, "make", "", 40,
                 "make runs at most 60, 100 would be needed \u2014 short by "
                 "40");
    po_conflict_free(c);
    po_process_free(p);
}

/* Making ahead: Tue needs 130 widgets, each takes 2 line hours of 120 a
 * day (M of the min_batch switch: 60), Mon can make 60 for stock.  Both
 * days' capacities and Tue's demand conflict, 20 hours or 10 widgets
 * each; the min_batch has nothing to do with it. */
static void test_capacity_over_two_days(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['Mon', 'Tue'],"
        " 'items': {'line_h': {'capacity': 120},"
        "           'widget': {'demand': [0, 130], 'store_cost': 0.1}},"
        " 'activities': {'make': {'cost': 1, 'min_batch': 5,"
        "                 'in': {'line_h': 2}, 'out': {'widget': 1}}}}");
    po_conflict *c = conflict_of(p);
    assert_true(po_conflict_is_minimal(c));
    assert_int_equal(po_conflict_num_entries(c), 3);
    expect_entry(c, 0, PO_REQ_CAPACITY, "line_h", "Mon", 20,
                 "Mon: capacity of line_h is 120, 140 would be needed "
                 "\u2014 short by 20");
    expect_entry(c, 1, PO_REQ_CAPACITY, "line_h", "Tue", 20, NULL);
    expect_entry(c, 2, PO_REQ_DEMAND, "widget", "Tue", 10,
                 "Tue: demand of widget is 130, at most 120 can be "
                 "delivered \u2014 short by 10");
    po_conflict_free(c);
    po_process_free(p);
}

static void test_feasible_models(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'x': {'demand': 10}}, 'activities': {'a': {'cost': 1,"
        " 'out': {'x': 1}}}}");
    po_conflict *c = conflict_of(p);
    assert_false(po_conflict_infeasible(c));
    assert_false(po_conflict_is_minimal(c));
    assert_int_equal(po_conflict_num_entries(c), 0);
    assert_null(po_conflict_message(c, 0));
    po_conflict_free(c);
    po_process_free(p);
}

static void test_errors(void **state)
{
    (void)state;
    po_conflict *c = (po_conflict *)&c;
    assert_int_equal(po_process_conflict(NULL, NULL, &c), PO_EINVAL);
    assert_null(c);
    po_process *p = po_process_new();
    assert_non_null(p);
    assert_int_equal(po_process_conflict(p, NULL, NULL), PO_EINVAL);
    c = (po_conflict *)&c;
    assert_int_equal(po_process_conflict(p, NULL, &c), PO_EMODEL);
    assert_null(c);
    po_process_free(p);
    po_conflict_free(NULL);
    assert_false(po_conflict_infeasible(NULL));
    assert_false(po_conflict_is_minimal(NULL));
    assert_int_equal(po_conflict_num_solves(NULL), 0);
    assert_int_equal(po_conflict_num_entries(NULL), 0);
    assert_int_equal(po_conflict_entry(NULL, 0, NULL, NULL, NULL, NULL),
                     PO_EINVAL);
    assert_null(po_conflict_message(NULL, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_one_day_demand),
        cmocka_unit_test(test_stock_and_side_constraint),
        cmocka_unit_test(test_activity_min_overproduces),
        cmocka_unit_test(test_integer_only),
        cmocka_unit_test(test_min_batch),
        cmocka_unit_test(test_lp_minimal_is_not_enough),
        cmocka_unit_test(test_switch_does_not_stand_in_for_max),
        cmocka_unit_test(test_capacity_over_two_days),
        cmocka_unit_test(test_feasible_models),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
