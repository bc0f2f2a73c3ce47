/*
 * test_process_keys.c -- one test per key of the normative core of the
 * process format (DESIGN.md, "Process model (JSON): the normative core"):
 * each solves a model small enough to solve by hand (the computation is in
 * the comment) and fails if that key's meaning changes.
 *
 * Conventions in the comments: m = a material, w = a product, h = hours
 * (a capacity item); "make" turns m into w.
 */
#include "test_process_util.h"

/* ------------------------------------------------------------------ */
/* Items                                                              */
/* ------------------------------------------------------------------ */

/* buy_cost: w demand 10 (must be met), make uses 3 m per w, m costs 2.
 * make = 10, buy = 30, total = 30 * 2 = 60. */
static void key_buy_cost(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'m': {'buy_cost': 2}, 'w': {'demand': 10}},"
        " 'activities': {'make': {'in': {'m': 3}, 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 60, "total");
    near(po_plan_item_series(pl, find_item(pl, "m"), PO_PLAN_BUY)[0], 30,
         "buy m");
    near(po_plan_cost(pl, PO_COST_BUYING), 60, "buying");
    po_plan_free(pl);
    po_process_free(p);
}

/* buy_max: m at 1 each, at most 20; w demand 10 with shortage_cost 5.
 * Each w made costs 3 (material) and saves 5: make as many as possible,
 * 20 / 3 = 6.667; short 3.333.  total = 20 + 3.3333 * 5 = 36.6667.
 * buy_max alone (no buy_cost) makes m buyable at 0: 6 m free -> make 2 ->
 * nothing short -> total 0. */
static void key_buy_max(void **state)
{
    (void)state;
    near(total_of("{'items': {'m': {'buy_cost': 1, 'buy_max': 20},"
                  " 'w': {'demand': 10, 'shortage_cost': 5}},"
                  " 'activities': {'make': {'in': {'m': 3}, 'out': {'w': 1}}}}"),
         20 + 5 * (10 - 20.0 / 3), "total");
    near(total_of("{'items': {'m': {'buy_max': 6},"
                  " 'w': {'demand': 2, 'shortage_cost': 1}},"
                  " 'activities': {'make': {'in': {'m': 3}, 'out': {'w': 1}}}}"),
         0, "buy_max alone");
}

/* An item nobody can buy, store or make: w demanded 1 without shortage is
 * infeasible (balance: 0 = sold = 1). */
static void key_no_buy_means_no_supply(void **state)
{
    (void)state;
    po_process *p = load_ok("{'items': {'w': {'demand': 1}}}");
    po_plan *pl = solve_ok(p);
    assert_int_equal(po_plan_outcome(pl), PO_OUTCOME_INFEASIBLE);
    assert_false(po_plan_has_solution(pl));
    assert_null(po_plan_levels(pl, 0));
    assert_true(isnan(po_plan_total_cost(pl)));
    po_plan_free(pl);
    po_process_free(p);
}

/* store_max: two periods, w demand [2, 6] (no shortage), make 1 m -> 1 w,
 * m costs [1, 3], storing m costs 0.5 per unit and period.
 * Carrying m from P1 to P2 costs 1 + 0.5 = 1.5 < 3, so carry all 6:
 *   without store_max: buy 8 in P1 (8), stock 6 (3)            -> 11;
 *   store_max 4:       buy 6 in P1 (6), stock 4 (2), buy 2 at 3 -> 14. */
static void key_store_max(void **state)
{
    (void)state;
    near(total_of("{'periods': ['P1', 'P2'],"
                  " 'items': {'m': {'buy_cost': [1, 3], 'store_cost': 0.5},"
                  " 'w': {'demand': [2, 6]}},"
                  " 'activities': {'make': {'in': {'m': 1}, 'out': {'w': 1}}}}"),
         11, "unlimited store");
    po_process *p = load_ok(
        "{'periods': ['P1', 'P2'],"
        " 'items': {'m': {'buy_cost': [1, 3], 'store_cost': 0.5, 'store_max': 4},"
        " 'w': {'demand': [2, 6]}},"
        " 'activities': {'make': {'in': {'m': 1}, 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 14, "store_max 4");
    const double *stock = po_plan_item_series(pl, find_item(pl, "m"),
                                              PO_PLAN_STOCK);
    assert_non_null(stock);
    near(stock[0], 4, "stock P1");
    near(stock[1], 0, "stock P2");
    near(po_plan_cost(pl, PO_COST_STORING), 2, "storing");
    /* w is not storable: no stock series */
    assert_null(po_plan_item_series(pl, find_item(pl, "w"), PO_PLAN_STOCK));
    po_plan_free(pl);
    po_process_free(p);
}

/* store_cost: as above but storing costs 2.5: carrying costs 3.5 > 3, so
 * nothing is stored: 2 * 1 + 6 * 3 = 20.  Also store_max alone makes an
 * item storable at no cost: carry 6 at cost 1 -> 8. */
static void key_store_cost(void **state)
{
    (void)state;
    near(total_of("{'periods': ['P1', 'P2'],"
                  " 'items': {'m': {'buy_cost': [1, 3], 'store_cost': 2.5},"
                  " 'w': {'demand': [2, 6]}},"
                  " 'activities': {'make': {'in': {'m': 1}, 'out': {'w': 1}}}}"),
         20, "store_cost 2.5");
    near(total_of("{'periods': ['P1', 'P2'],"
                  " 'items': {'m': {'buy_cost': [1, 3], 'store_max': 100},"
                  " 'w': {'demand': [2, 6]}},"
                  " 'activities': {'make': {'in': {'m': 1}, 'out': {'w': 1}}}}"),
         8, "store_max alone");
}

/* initial: 5 m in stock before the first period, m costs 1; w demand 8:
 * buy 3 -> total 3.  The balance is exact, so stock can only leave by
 * being used: initial 10 with store_cost 1 and demand 8 leaves 2 in stock
 * at the end of the period, which costs 2 (total 2), not 0. */
static void key_initial(void **state)
{
    (void)state;
    near(total_of("{'items': {'m': {'buy_cost': 1, 'initial': 5},"
                  " 'w': {'demand': 8}},"
                  " 'activities': {'make': {'in': {'m': 1}, 'out': {'w': 1}}}}"),
         3, "initial 5");
    po_process *p = load_ok(
        "{'items': {'m': {'initial': 10, 'store_cost': 1},"
        " 'w': {'demand': 8}},"
        " 'activities': {'make': {'in': {'m': 1}, 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 2, "surplus initial is stored");
    near(po_plan_item_series(pl, find_item(pl, "m"), PO_PLAN_STOCK)[0], 2,
         "end stock");
    po_plan_free(pl);
    po_process_free(p);
}

/* capacity: h 10 per period, make uses 2 h per w; w demand 8 with
 * shortage_cost 1: make 5, short 3 -> total 3.  Use and slack: 10 and 0.
 * Buying hours: buy_cost 0.5, buy_max 4, shortage_cost 3: each extra w
 * needs 2 h = 1 < 3, so buy all 4 h -> make 7, short 1:
 * total 4 * 0.5 + 1 * 3 = 5. */
static void key_capacity(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'h': {'capacity': 10}, 'w': {'demand': 8, 'shortage_cost': 1}},"
        " 'activities': {'make': {'in': {'h': 2}, 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 3, "total");
    int h = find_item(pl, "h");
    assert_int_equal(po_plan_item_is_capacity(pl, h), 1);
    near(po_plan_item_series(pl, h, PO_PLAN_USED)[0], 10, "used");
    near(po_plan_item_series(pl, h, PO_PLAN_SLACK)[0], 0, "slack");
    near(po_plan_item_series(pl, find_item(pl, "w"), PO_PLAN_SHORTAGE)[0], 3,
         "shortage");
    assert_null(po_plan_item_series(pl, find_item(pl, "w"), PO_PLAN_SLACK));
    po_plan_free(pl);
    po_process_free(p);
    near(total_of("{'items': {'h': {'capacity': 10, 'buy_cost': 0.5, 'buy_max': 4},"
                  " 'w': {'demand': 8, 'shortage_cost': 3}},"
                  " 'activities': {'make': {'in': {'h': 2}, 'out': {'w': 1}}}}"),
         5, "bought hours");
}

/* capacity is renewable, not storable: h is [10, 0]; w (not storable)
 * demand [0, 5] with shortage_cost 1.  Nothing can be made in P2 and P1's
 * spare hours do not carry over: short 5 -> total 5.  And hours made by an
 * activity count: "rent" makes 4 h at cost 1 per level unit (per 4 h):
 * with h capacity 0 and w demand 2 (make 2 h/w, shortage 10): rent 1,
 * make 2 -> total 1. */
static void key_capacity_renewable(void **state)
{
    (void)state;
    near(total_of("{'periods': ['P1', 'P2'],"
                  " 'items': {'h': {'capacity': [10, 0]},"
                  " 'w': {'demand': [0, 5], 'shortage_cost': 1}},"
                  " 'activities': {'make': {'in': {'h': 2}, 'out': {'w': 1}}}}"),
         5, "not carried over");
    near(total_of("{'items': {'h': {'capacity': 0},"
                  " 'w': {'demand': 2, 'shortage_cost': 10}},"
                  " 'activities': {'make': {'in': {'h': 2}, 'out': {'w': 1}},"
                  " 'rent': {'cost': 1, 'out': {'h': 4}}}}"),
         1, "produced hours");
}

/* demand without shortage_cost: sold = demand even at a loss.  make costs
 * 2 per w, price 1, demand 7: total 7 * 2 - 7 * 1 = 7.  With
 * shortage_cost 0 the orders may go unserved: sold 0 -> total 0. */
static void key_demand(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'w': {'demand': 7, 'price': 1}},"
        " 'activities': {'make': {'cost': 2, 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 7, "must deliver");
    near(po_plan_item_series(pl, 0, PO_PLAN_SOLD)[0], 7, "sold");
    near(po_plan_item_series(pl, 0, PO_PLAN_SHORTAGE)[0], 0, "shortage");
    po_plan_free(pl);
    po_process_free(p);
    near(total_of("{'items': {'w': {'demand': 7, 'price': 1, 'shortage_cost': 0}},"
                  " 'activities': {'make': {'cost': 2, 'out': {'w': 1}}}}"),
         0, "may refuse");
}

/* price: revenue per unit sold.  make costs 1, price 3, demand 10,
 * shortage_cost 0: sell all, total = 10 - 30 = -20 (revenue 30). */
static void key_price(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'w': {'demand': 10, 'price': 3, 'shortage_cost': 0}},"
        " 'activities': {'make': {'cost': 1, 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), -20, "total");
    near(po_plan_cost(pl, PO_COST_REVENUE), 30, "revenue");
    near(po_plan_cost(pl, PO_COST_ACTIVITY), 10, "activity");
    po_plan_free(pl);
    po_process_free(p);
}

/* shortage_cost: each unit not delivered costs it.  make costs 5, demand
 * 10: shortage_cost 4 < 5 -> make nothing, total 40; shortage_cost 6 ->
 * make all, total 50. */
static void key_shortage_cost(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'w': {'demand': 10, 'shortage_cost': 4}},"
        " 'activities': {'make': {'cost': 5, 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 40, "total");
    near(po_plan_cost(pl, PO_COST_SHORTAGE), 40, "shortage cost");
    near(po_plan_item_series(pl, 0, PO_PLAN_SHORTAGE)[0], 10, "shortage");
    po_plan_free(pl);
    po_process_free(p);
    near(total_of("{'items': {'w': {'demand': 10, 'shortage_cost': 6}},"
                  " 'activities': {'make': {'cost': 5, 'out': {'w': 1}}}}"),
         50, "cheaper to make");
}

/* ------------------------------------------------------------------ */
/* Activities                                                         */
/* ------------------------------------------------------------------ */

/* cost per unit of level, per period: cost [1, 2], w demand [3, 3],
 * storing w costs 0.1: make 6 in P1 (1 + 0.1 < 2): 6 + 3 * 0.1 = 6.3. */
static void key_cost(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['P1', 'P2'],"
        " 'items': {'w': {'demand': [3, 3], 'store_cost': 0.1}},"
        " 'activities': {'make': {'cost': [1, 2], 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 6.3, "total");
    const double *x = po_plan_levels(pl, 0);
    near(x[0], 6, "P1");
    near(x[1], 0, "P2");
    const double *ct = po_plan_cost_by_period(pl, PO_COST_ACTIVITY);
    near(ct[0], 6, "activity cost P1");
    near(ct[1], 0, "activity cost P2");
    po_plan_free(pl);
    po_process_free(p);
}

/* min: make at least 5 though only 3 are demanded; the 2 extra must go to
 * stock (store_cost 0): total 5 * 1 = 5.  Without storage it is
 * infeasible (the balance is exact). */
static void key_min(void **state)
{
    (void)state;
    near(total_of("{'items': {'w': {'demand': 3, 'store_cost': 0}},"
                  " 'activities': {'make': {'cost': 1, 'min': 5, 'out': {'w': 1}}}}"),
         5, "min 5");
    po_process *p = load_ok(
        "{'items': {'w': {'demand': 3}},"
        " 'activities': {'make': {'cost': 1, 'min': 5, 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    assert_int_equal(po_plan_outcome(pl), PO_OUTCOME_INFEASIBLE);
    po_plan_free(pl);
    po_process_free(p);
}

/* max: make at most 4 of 10 demanded (shortage_cost 2, cost 1):
 * 4 + 6 * 2 = 16. */
static void key_max(void **state)
{
    (void)state;
    near(total_of("{'items': {'w': {'demand': 10, 'shortage_cost': 2}},"
                  " 'activities': {'make': {'cost': 1, 'max': 4, 'out': {'w': 1}}}}"),
         16, "max 4");
}

/* fixed_cost, paid in each period where the level is > 0.  make costs 1
 * per unit plus 10 when it runs (max 100); shortage_cost 2:
 *   demand 8:  run 8 + 10 = 18 > 16 short -> total 16, not running;
 *   demand 12: run 12 + 10 = 22 < 24      -> total 22, fixed 10.
 * Over two periods with demand [12, 0]: the fee is paid once: 22. */
static void key_fixed_cost(void **state)
{
    (void)state;
    near(total_of("{'items': {'w': {'demand': 8, 'shortage_cost': 2}},"
                  " 'activities': {'make': {'cost': 1, 'fixed_cost': 10, 'max': 100,"
                  " 'out': {'w': 1}}}}"),
         16, "not worth running");
    po_process *p = load_ok(
        "{'periods': ['P1', 'P2'],"
        " 'items': {'w': {'demand': [12, 0], 'shortage_cost': 2}},"
        " 'activities': {'make': {'cost': 1, 'fixed_cost': 10, 'max': 100,"
        " 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 22, "worth running");
    near(po_plan_cost(pl, PO_COST_FIXED), 10, "fixed paid once");
    near(po_plan_cost_by_period(pl, PO_COST_FIXED)[1], 0, "idle period");
    po_plan_free(pl);
    po_process_free(p);
}

/* min_batch: x = 0 or x >= 5.  w demand [3, 3] (shortage_cost 10),
 * storing w costs 0.5, make costs 1 (max 100).  Without min_batch: make 3
 * and 3 -> 6.  With it: make 6 in P1 and store 3 -> 6 + 1.5 = 7.5 (making
 * 5 + 5 costs 10 + storage; 5 + short 1 costs 5 + 1 + 10).  A single
 * period with demand 3, shortage_cost 0.5 and nowhere to put a surplus:
 * x = 0, short 3 -> 1.5. */
static void key_min_batch(void **state)
{
    (void)state;
    near(total_of("{'periods': ['P1', 'P2'],"
                  " 'items': {'w': {'demand': [3, 3], 'shortage_cost': 10,"
                  " 'store_cost': 0.5}},"
                  " 'activities': {'make': {'cost': 1, 'max': 100, 'out': {'w': 1}}}}"),
         6, "without min_batch");
    po_process *p = load_ok(
        "{'periods': ['P1', 'P2'],"
        " 'items': {'w': {'demand': [3, 3], 'shortage_cost': 10, 'store_cost': 0.5}},"
        " 'activities': {'make': {'cost': 1, 'max': 100, 'min_batch': 5,"
        " 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 7.5, "min_batch 5");
    near(po_plan_levels(pl, 0)[0], 6, "P1 batch");
    near(po_plan_levels(pl, 0)[1], 0, "P2 idle");
    po_plan_free(pl);
    po_process_free(p);
    near(total_of("{'items': {'w': {'demand': 3, 'shortage_cost': 0.5}},"
                  " 'activities': {'make': {'cost': 0, 'max': 100, 'min_batch': 5,"
                  " 'out': {'w': 1}}}}"),
         1.5, "batch impossible");
}

/* dispose_cost (extension): bread sells at 3 (demand [30, 60], shortage
 * 2), cannot be stored, and bake runs 0 or at least 50 (cost 1 per loaf,
 * max 100).  P1: bake 0 -> short 30 costs 60; bake 50 -> 50 + disposal
 * 20 x 0.5 - revenue 90 = -30: bake 50 and dispose of 20.  P2: bake 60 ->
 * 60 - 180 = -120.  Total -150: activity 110, disposal 10, revenue 270.
 * Without dispose_cost the surplus has nowhere to go: P1 falls back to
 * short 30 (total 60 - 120 = -60).  Free disposal (0): -160. */
static void key_dispose_cost(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['P1', 'P2'],"
        " 'items': {'bread': {'demand': [30, 60], 'price': 3, 'shortage_cost': 2,"
        " 'dispose_cost': [0.5, 0.25]}},"
        " 'activities': {'bake': {'cost': 1, 'min_batch': 50, 'max': 100,"
        " 'out': {'bread': 1}}}}");
    near(po_process_item_param(p, 0, "dispose_cost", 1), 0.25, "read back");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), -150, "with disposal");
    near(po_plan_levels(pl, 0)[0], 50, "P1 batch");
    const double *d = po_plan_item_series(pl, 0, PO_PLAN_DISPOSED);
    assert_non_null(d);
    near(d[0], 20, "disposed P1");
    near(d[1], 0, "disposed P2");
    near(po_plan_cost(pl, PO_COST_DISPOSAL), 10, "disposal cost");
    near(po_plan_cost_by_period(pl, PO_COST_DISPOSAL)[0], 10, "P1");
    near(po_plan_cost(pl, PO_COST_ACTIVITY), 110, "activity");
    near(po_plan_cost(pl, PO_COST_REVENUE), 270, "revenue");
    double sum = 0;
    for (int k = 0; k < PO_COST_NKINDS; k++)
        sum += k == PO_COST_REVENUE ? -po_plan_cost(pl, (po_cost_kind)k)
                                    : po_plan_cost(pl, (po_cost_kind)k);
    near(sum, po_plan_total_cost(pl), "kinds add up");
    po_plan_free(pl);
    po_model *m = NULL;
    assert_int_equal(po_process_compile(p, &m), PO_OK);
    int j = po_model_find_var(m, "disp.bread.P2");
    assert_true(j >= 0);
    near(po_model_var_obj(m, j), 0.25, "disp objective");
    assert_true(isinf(po_model_var_ub(m, j)));
    po_model_free(m);
    po_process_free(p);
    near(total_of("{'periods': ['P1', 'P2'],"
                  " 'items': {'bread': {'demand': [30, 60], 'price': 3, 'shortage_cost': 2}},"
                  " 'activities': {'bake': {'cost': 1, 'min_batch': 50, 'max': 100,"
                  " 'out': {'bread': 1}}}}"),
         -60, "without dispose_cost");
    near(total_of("{'periods': ['P1', 'P2'],"
                  " 'items': {'bread': {'demand': [30, 60], 'price': 3, 'shortage_cost': 2,"
                  " 'dispose_cost': 0}},"
                  " 'activities': {'bake': {'cost': 1, 'min_batch': 50, 'max': 100,"
                  " 'out': {'bread': 1}}}}"),
         -160, "free disposal");
}

/* A baseline that makes more than is ordered: infeasible without
 * dispose_cost (no stock, nothing uses the surplus), feasible with it,
 * the surplus paid for: bake fixed at 40 (cost 1), demand 30 at price 3,
 * dispose_cost 0.5 -> 40 + 5 - 90 = -45. */
static void key_dispose_cost_baseline(void **state)
{
    (void)state;
    static const char *const fmt =
        "{'items': {'bread': {'demand': 30, 'price': 3%s}},"
        " 'activities': {'bake': {'cost': 1, 'out': {'bread': 1}}},"
        " 'baseline': {'bake': 40}}";
    char json[512];
    for (int disp = 0; disp < 2; disp++) {
        snprintf(json, sizeof json, fmt, disp ? ", 'dispose_cost': 0.5" : "");
        po_process *p = load_ok(json);
        po_plan *pl = NULL;
        assert_int_equal(po_process_solve_baseline(p, NULL, &pl), PO_OK);
        if (!disp) {
            assert_int_equal(po_plan_outcome(pl), PO_OUTCOME_INFEASIBLE);
        } else {
            assert_int_equal(po_plan_outcome(pl), PO_OUTCOME_OPTIMAL);
            near(po_plan_total_cost(pl), -45, "baseline with disposal");
            near(po_plan_item_series(pl, 0, PO_PLAN_DISPOSED)[0], 10,
                 "surplus");
        }
        po_plan_free(pl);
        po_process_free(p);
    }
}

/* integer: h capacity 7, make uses 2 h; w demand 4 (shortage_cost 5),
 * make costs 1.  Continuous: 3.5 made -> 3.5 + 2.5 = 6; integer: 3 made
 * -> 3 + 5 = 8. */
static void key_integer(void **state)
{
    (void)state;
    near(total_of("{'items': {'h': {'capacity': 7}, 'w': {'demand': 4, 'shortage_cost': 5}},"
                  " 'activities': {'make': {'cost': 1, 'in': {'h': 2}, 'out': {'w': 1}}}}"),
         6, "continuous");
    po_process *p = load_ok(
        "{'items': {'h': {'capacity': 7}, 'w': {'demand': 4, 'shortage_cost': 5}},"
        " 'activities': {'make': {'cost': 1, 'integer': true, 'in': {'h': 2},"
        " 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 8, "integer");
    near(po_plan_levels(pl, 0)[0], 3, "level");
    po_plan_free(pl);
    po_process_free(p);
}

/* binary: "rent" brings 10 h (capacity 0) at 4, all or nothing; make
 * needs 1 h per w; w demand 6 (shortage_cost 1).  Renting (4) beats 6
 * short: total 4 with rent = 1 (a continuous rent would be 0.6 -> 2.4).
 * fixed_cost on a binary is paid when it is 1: same model with
 * fixed_cost 4 instead of cost 4 -> 4 as well, split as fixed. */
static void key_binary(void **state)
{
    (void)state;
    near(total_of("{'items': {'h': {'capacity': 0}, 'w': {'demand': 6, 'shortage_cost': 1}},"
                  " 'activities': {'make': {'in': {'h': 1}, 'out': {'w': 1}},"
                  " 'rent': {'cost': 4, 'max': 1, 'out': {'h': 10}}}}"),
         2.4, "continuous rent");
    po_process *p = load_ok(
        "{'items': {'h': {'capacity': 0}, 'w': {'demand': 6, 'shortage_cost': 1}},"
        " 'activities': {'make': {'in': {'h': 1}, 'out': {'w': 1}},"
        " 'rent': {'fixed_cost': 4, 'binary': true, 'out': {'h': 10}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 4, "binary rent");
    near(po_plan_levels(pl, find_act(pl, "rent"))[0], 1, "rent on");
    near(po_plan_cost(pl, PO_COST_FIXED), 4, "fixed");
    near(po_plan_item_series(pl, find_item(pl, "h"), PO_PLAN_PRODUCED)[0], 10,
         "hours made");
    near(po_plan_item_series(pl, find_item(pl, "h"), PO_PLAN_SLACK)[0], 4,
         "hours spare");
    po_plan_free(pl);
    po_process_free(p);
}

/* in and out rates: make uses 2 m (at 1 each) and yields 4 w; w demand
 * 10: level 2.5, buy 5 -> total 5. */
static void key_rates(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'m': {'buy_cost': 1}, 'w': {'demand': 10}},"
        " 'activities': {'make': {'in': {'m': 2}, 'out': {'w': 4}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 5, "total");
    near(po_plan_levels(pl, 0)[0], 2.5, "level");
    near(po_plan_item_series(pl, find_item(pl, "m"), PO_PLAN_USED)[0], 5,
         "used");
    near(po_plan_item_series(pl, find_item(pl, "w"), PO_PLAN_PRODUCED)[0], 10,
         "produced");
    po_plan_free(pl);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Constraints, objective, periods                                    */
/* ------------------------------------------------------------------ */

/* Side constraints: a (cost 1) and b (cost 2) both make w, demand 10.
 *   a <= 6                 -> a 6, b 4: 6 + 8 = 14;
 *   b >= 7                 -> a 3, b 7: 3 + 14 = 17;
 *   2a + b <= 12 (a+b=10)  -> a 2, b 8: 2 + 16 = 18;
 * and every period separately: max [6, 20] over demand [10, 10] ->
 * 14 + 10 = 24. */
static void key_constraints(void **state)
{
    (void)state;
    const char *head =
        "{'items': {'w': {'demand': 10}},"
        " 'activities': {'a': {'cost': 1, 'out': {'w': 1}},"
        " 'b': {'cost': 2, 'out': {'w': 1}}},";
    char buf[512];
    snprintf(buf, sizeof buf, "%s 'constraints': [{'name': 'cap_a',"
             " 'terms': {'a': 1}, 'max': 6}]}", head);
    near(total_of(buf), 14, "max");
    snprintf(buf, sizeof buf, "%s 'constraints': [{'terms': {'b': 1},"
             " 'min': 7}]}", head);
    near(total_of(buf), 17, "min");
    snprintf(buf, sizeof buf, "%s 'constraints': [{'terms': {'a': 2, 'b': 1},"
             " 'max': 12}]}", head);
    near(total_of(buf), 18, "coefficients");
    near(total_of("{'periods': ['P1', 'P2'], 'items': {'w': {'demand': 10}},"
                  " 'activities': {'a': {'cost': 1, 'out': {'w': 1}},"
                  " 'b': {'cost': 2, 'out': {'w': 1}}},"
                  " 'constraints': [{'terms': {'a': 1}, 'max': [6, 20]}]}"),
         24, "per period");
}

/* objective: both minimize total cost; max_margin reports -total. */
static void key_objective(void **state)
{
    (void)state;
    const char *body =
        " 'items': {'w': {'demand': 10, 'price': 3, 'shortage_cost': 0}},"
        " 'activities': {'make': {'cost': 1, 'out': {'w': 1}}}}";
    char buf[512];
    const char *kinds[] = {"", "'objective': 'min_cost',",
                           "'objective': 'max_margin',"};
    for (int k = 0; k < 3; k++) {
        snprintf(buf, sizeof buf, "{%s%s", kinds[k], body);
        po_process *p = load_ok(buf);
        po_plan *pl = solve_ok(p);
        near(po_plan_total_cost(pl), -20, "total");
        near(po_plan_objective(pl), k == 2 ? 20 : -20, "objective");
        assert_int_equal(po_plan_objective_kind(pl),
                         k == 2 ? PO_OBJECTIVE_MAX_MARGIN
                                : PO_OBJECTIVE_MIN_COST);
        assert_int_equal(po_model_sense(po_plan_model(pl)), PO_MINIMIZE);
        po_plan_free(pl);
        po_process_free(p);
    }
}

/* periods omitted: one period, named "", compiled names without a period
 * suffix; a scalar applies to every period: demand 5 over three periods
 * at make cost 1 -> 15. */
static void key_periods(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'w': {'demand': 5}},"
        " 'activities': {'make': {'cost': 1, 'out': {'w': 1}}}}");
    assert_int_equal(po_process_num_periods(p), 1);
    assert_string_equal(po_process_period_name(p, 0), "");
    po_model *m = NULL;
    assert_int_equal(po_process_compile(p, &m), PO_OK);
    assert_true(po_model_find_var(m, "x.make") >= 0);
    assert_true(po_model_find_constr(m, "bal.w") >= 0);
    po_model_free(m);
    po_process_free(p);

    p = load_ok("{'periods': ['a', 'b', 'c'], 'items': {'w': {'demand': 5}},"
                " 'activities': {'make': {'cost': 1, 'out': {'w': 1}}}}");
    assert_int_equal(po_process_num_periods(p), 3);
    assert_string_equal(po_process_period_name(p, 2), "c");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 15, "scalar in every period");
    assert_int_equal(po_plan_num_periods(pl), 3);
    assert_string_equal(po_plan_period_name(pl, 1), "b");
    po_plan_free(pl);
    po_process_free(p);
}

/* ------------------------------------------------------------------ */
/* Baseline and the stored blocks                                     */
/* ------------------------------------------------------------------ */

/* baseline: today's levels, fixed; everything else settles at its best.
 * make costs 1, w demand [10, 10] (shortage_cost 3, store_cost 0.5).
 * Today: make [12, 6] -> P1: sell 10, store 2 (1); P2: 6 + 2 = 8 sold,
 * short 2 (6) -> 18 + 1 + 6 = 25.  Optimum: make 10, 10 -> 20.
 * An activity not listed is at 0: "other" (cost -100, max 1) stays off
 * in the baseline although the optimum runs it twice (-200). */
static void key_baseline(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['P1', 'P2'],"
        " 'items': {'w': {'demand': [10, 10], 'shortage_cost': 3, 'store_cost': 0.5}},"
        " 'activities': {'make': {'cost': 1, 'out': {'w': 1}},"
        " 'other': {'cost': -100, 'max': 1}},"
        " 'baseline': {'make': [12, 6]}}");
    assert_int_equal(po_process_has_baseline(p), 1);
    near(po_process_baseline_level(p, 0, 1), 6, "level");
    near(po_process_baseline_level(p, 1, 0), 0, "unlisted");
    po_plan *pl = NULL;
    assert_int_equal(po_process_solve_baseline(p, NULL, &pl), PO_OK);
    assert_int_equal(po_plan_outcome(pl), PO_OUTCOME_OPTIMAL);
    near(po_plan_total_cost(pl), 25, "baseline");
    near(po_plan_item_series(pl, 0, PO_PLAN_STOCK)[0], 2, "baseline stock");
    po_plan_free(pl);
    pl = solve_ok(p);
    near(po_plan_total_cost(pl), 20 - 200, "optimum");
    po_plan_free(pl);
    po_process_free(p);
}

/* On/off binaries follow the baseline levels: make (fixed_cost 10,
 * max 100) at [5, 0] pays the fee in P1 only: 5 + 10 + short 5 * 2 in P2
 * = 25 (demand [5, 5], shortage_cost 2). */
static void key_baseline_switches(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['P1', 'P2'],"
        " 'items': {'w': {'demand': 5, 'shortage_cost': 2}},"
        " 'activities': {'make': {'cost': 1, 'fixed_cost': 10, 'max': 100,"
        " 'out': {'w': 1}}},"
        " 'baseline': {'make': [5, 0]}}");
    po_plan *pl = NULL;
    assert_int_equal(po_process_solve_baseline(p, NULL, &pl), PO_OK);
    near(po_plan_total_cost(pl), 25, "baseline");
    near(po_plan_cost(pl, PO_COST_FIXED), 10, "fee once");
    po_plan_free(pl);
    po_process_free(p);
}

static void key_header_fields(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'name': 'Bakery', 'currency': 'EUR', 'horizons_per_year': 52,"
        " 'items': {'w': {'demand': 1}}, 'activities': {'make': {'out': {'w': 1}}}}");
    assert_string_equal(po_process_name(p), "Bakery");
    assert_string_equal(po_process_currency(p), "EUR");
    near(po_process_horizons_per_year(p), 52, "horizons");
    assert_int_equal(po_process_objective(p), PO_OBJECTIVE_MIN_COST);
    po_process_free(p);
    p = load_ok("{'items': {'w': {'demand': 1}}}");
    assert_string_equal(po_process_name(p), "");
    near(po_process_horizons_per_year(p), 0, "no horizons");
    assert_int_equal(po_process_scenarios(p), 0);
    assert_int_equal(po_process_mvp(p, NULL, NULL, NULL), 0);
    po_process_free(p);
}

static void key_uncertainty_and_mvp(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'w': {'demand': 1, 'price': 2}, 'h': {'capacity': 3}},"
        " 'activities': {'make': {'cost': 1, 'in': {'h': 1}, 'out': {'w': 1}}},"
        " 'uncertainty': {'scenarios': 2000, 'seed': 7,"
        " 'demand': {'*': {'rel_sd': 0.12}}, 'price': {'w': {'rel_range': 0.2}},"
        " 'cost': {'make': {'rel_sd': 0.05}}, 'capacity': {'h': {'rel_range': 0.1}}},"
        " 'mvp': {'build_cost': 96000, 'run_cost_per_year': 12000, 'years': 3}}");
    assert_int_equal(po_process_scenarios(p), 2000);
    assert_int_equal(po_process_seed(p), 7);
    assert_int_equal(po_process_num_uncertainties(p), 4);
    po_unc_param prm;
    po_unc_dist dist;
    const char *name;
    double v;
    assert_int_equal(po_process_uncertainty(p, 0, &prm, &name, &dist, &v), PO_OK);
    assert_int_equal(prm, PO_UNC_DEMAND);
    assert_string_equal(name, "*");
    assert_int_equal(dist, PO_UNC_REL_SD);
    near(v, 0.12, "rel_sd");
    assert_int_equal(po_process_uncertainty(p, 1, &prm, &name, &dist, &v), PO_OK);
    assert_int_equal(prm, PO_UNC_PRICE);
    assert_string_equal(name, "w");
    assert_int_equal(dist, PO_UNC_REL_RANGE);
    near(v, 0.2, "rel_range");
    assert_int_equal(po_process_uncertainty(p, 3, &prm, NULL, NULL, NULL), PO_OK);
    assert_int_equal(prm, PO_UNC_CAPACITY);
    assert_int_equal(po_process_uncertainty(p, 4, NULL, NULL, NULL, NULL),
                     PO_ERANGE);
    double b, r, y;
    assert_int_equal(po_process_mvp(p, &b, &r, &y), 1);
    near(b, 96000, "build");
    near(r, 12000, "run");
    near(y, 3, "years");
    po_process_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(key_buy_cost),
        cmocka_unit_test(key_buy_max),
        cmocka_unit_test(key_no_buy_means_no_supply),
        cmocka_unit_test(key_store_max),
        cmocka_unit_test(key_store_cost),
        cmocka_unit_test(key_initial),
        cmocka_unit_test(key_capacity),
        cmocka_unit_test(key_capacity_renewable),
        cmocka_unit_test(key_demand),
        cmocka_unit_test(key_price),
        cmocka_unit_test(key_shortage_cost),
        cmocka_unit_test(key_cost),
        cmocka_unit_test(key_min),
        cmocka_unit_test(key_max),
        cmocka_unit_test(key_fixed_cost),
        cmocka_unit_test(key_min_batch),
        cmocka_unit_test(key_dispose_cost),
        cmocka_unit_test(key_dispose_cost_baseline),
        cmocka_unit_test(key_integer),
        cmocka_unit_test(key_binary),
        cmocka_unit_test(key_rates),
        cmocka_unit_test(key_constraints),
        cmocka_unit_test(key_objective),
        cmocka_unit_test(key_periods),
        cmocka_unit_test(key_baseline),
        cmocka_unit_test(key_baseline_switches),
        cmocka_unit_test(key_header_fields),
        cmocka_unit_test(key_uncertainty_and_mvp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
