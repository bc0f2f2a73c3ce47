/*
 * test_process_flow.c -- the flow formulation of setups (process_flow.c)
 * and the envelope big-M and flow rows are proven over in scenario runs.
 *
 * The flow rows must never change an optimum: checked by hand on a model
 * whose relaxation they close, on examples/lot_sizing.json (recorded
 * optimum) and on a multi-echelon model with transfers of rate != 1, and
 * against the plain formulation on a few hundred seeded random models
 * (every key of the core plus dispose_cost): same outcome, same optimum,
 * and a relaxation never weaker.  Scenario runs: a setup whose only bound
 * is its product's demand must serve a scenario's larger demand (the
 * nominal-demand M cut it off), and dispose_cost keeps a lot-for-lot
 * baseline feasible when demand falls, at the hand-computed cost.
 * Environment: PROCOPT_SRC (repository root, for examples/; default ".").
 */
#include "test_process_util.h"

#include "process.h"
#include "rng.h"

/* ---- helpers ---- */

/* Compile p plainly (flow == 0, the formulation of the format) or as
 * po_process_compile does. */
static po_model *compile(po_process *p, int flow)
{
    po_model *m = NULL;
    po_status st = flow ? po_process_compile(p, &m)
                        : (po_process_validate(p) == PO_OK
                               ? po__process_compile(p, 0, &m, NULL)
                               : PO_EMODEL);
    if (st != PO_OK) {
        print_error("compile: %s\n", po_process_errmsg(p));
        fail();
    }
    return m;
}

static int count_prefixed(const po_model *m, int rows)
{
    static const char *const pre[] = {"fz.", "fl.", "ff.", "fp.", "fzl.",
                                      "fzx.", "fo.", "fb.", "fzn.", "fzln."};
    int n = 0, total = rows ? po_model_num_constrs(m) : po_model_num_vars(m);
    for (int k = 0; k < total; k++) {
        const char *s = rows ? po_model_constr_name(m, k)
                             : po_model_var_name(m, k);
        for (size_t q = 0; q < sizeof pre / sizeof *pre; q++)
            if (strncmp(s, pre[q], strlen(pre[q])) == 0) {
                n++;
                break;
            }
    }
    return n;
}

/* Solve m (a MIP to gap 1e-9, or its LP relaxation); the outcome, and the
 * objective into *obj when optimal. */
static po_outcome solve(po_model *m, int relax, double *obj)
{
    if (relax)
        for (int j = 0; j < po_model_num_vars(m); j++)
            if (po_model_var_type(m, j) != PO_CONTINUOUS)
                assert_int_equal(po_model_set_var_type(m, j, PO_CONTINUOUS),
                                 PO_OK);
    po_options o;
    po_options_init(&o);
    o.mip_gap = 1e-9;
    po_result *r = NULL;
    assert_int_equal(po_solve(m, &o, &r), PO_OK);
    po_outcome out = po_result_outcome(r);
    *obj = out == PO_OUTCOME_OPTIMAL ? po_result_objective(r) : NAN;
    po_result_free(r);
    return out;
}

/* ---- by hand ---- */

/* One period, demand 10 that must be met, make costs 1 per unit and 100
 * per setup, max 100; w can be stored (so M is max, not the demand).
 * Plain relaxation: on = x/M = 0.1, cost 10 + 10 = 20.  With the flow
 * rows, the 10 units sold must come from fz <= 10*on: on = 1, cost 110 --
 * the integer optimum. */
static void hand_relaxation(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'w': {'demand': 10, 'store_cost': 1}},"
        " 'activities': {'make': {'cost': 1, 'fixed_cost': 100, 'max': 100,"
        " 'out': {'w': 1}}}, 'baseline': {'make': 10}}");
    double v;
    po_model *m = compile(p, 0);
    assert_int_equal(count_prefixed(m, 0), 0);
    assert_int_equal(solve(m, 1, &v), PO_OUTCOME_OPTIMAL);
    near(v, 20, "plain relaxation");
    po_model_free(m);
    m = compile(p, 1);
    /* fz.make, fl.make, ff.w, fp.w; fzl.make, fzx.make, fo.w, fb.w */
    assert_int_equal(count_prefixed(m, 0), 4);
    assert_int_equal(count_prefixed(m, 1), 4);
    assert_true(po_model_find_var(m, "fz.make") >= 0);
    assert_true(po_model_find_constr(m, "fzl.make") >= 0);
    assert_int_equal(solve(m, 1, &v), PO_OUTCOME_OPTIMAL);
    near(v, 110, "flow relaxation");
    po_model_free(m);
    m = compile(p, 1);
    assert_int_equal(solve(m, 0, &v), PO_OUTCOME_OPTIMAL);
    near(v, 110, "MIP");
    po_model_free(m);
    /* baselines have their binaries fixed: no flow rows */
    assert_int_equal(po_process_compile_baseline(p, &m), PO_OK);
    assert_int_equal(count_prefixed(m, 0) + count_prefixed(m, 1), 0);
    po_model_free(m);
    po_process_free(p);
}

/* Windows: demand [10, 20, 30, 40], max 45.  A setup in period 1 can
 * serve at most 45, reached by the cumulative demand 10 + 20 + 30 = 60 in
 * period 3: z columns for periods 1..3 (where demand < 45 each: three
 * link rows); from period 2: 20 + 30 >= 45: periods 2..3; from 3: 30 + 40:
 * 3..4 (40 < 45: linked); from 4: 4.  8 z columns, 8 link rows. */
static void windows(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['a', 'b', 'c', 'd'],"
        " 'items': {'w': {'demand': [10, 20, 30, 40], 'shortage_cost': 5,"
        " 'store_cost': 0.1}},"
        " 'activities': {'make': {'cost': 1, 'fixed_cost': 30, 'max': 45,"
        " 'out': {'w': 1}}}}");
    po_model *m = compile(p, 1);
    int nz = 0, nl = 0;
    for (int j = 0; j < po_model_num_vars(m); j++)
        nz += strncmp(po_model_var_name(m, j), "fz.", 3) == 0;
    for (int i = 0; i < po_model_num_constrs(m); i++)
        nl += strncmp(po_model_constr_name(m, i), "fzl.", 4) == 0;
    assert_int_equal(nz, 8);
    assert_int_equal(nl, 8);
    assert_true(po_model_find_var(m, "fz.make.a.c") >= 0);
    assert_true(po_model_find_var(m, "fz.make.a.d") < 0);
    assert_true(po_model_find_var(m, "fz.make.c.d") >= 0);
    /* the late part of a setup in period a joins the pool in period d */
    int fb = po_model_find_constr(m, "fb.w.d"), fl = po_model_find_var(m,
                                                                 "fl.make.a");
    assert_true(fb >= 0 && fl >= 0);
    int idx[16];
    double val[16];
    int n = po_model_constr_row(m, fb, idx, val), found = 0;
    for (int k = 0; k < n; k++)
        found |= idx[k] == fl && val[k] == -1;
    assert_true(found);
    double plain, flow;
    po_model_free(m);
    m = compile(p, 0);
    assert_int_equal(solve(m, 0, &plain), PO_OUTCOME_OPTIMAL);
    po_model_free(m);
    m = compile(p, 1);
    assert_int_equal(solve(m, 0, &flow), PO_OUTCOME_OPTIMAL);
    near(flow, plain, "same optimum");
    po_model_free(m);
    po_process_free(p);
}

/* ---- examples and a multi-echelon model ---- */

static void same_optimum(po_process *p, double want, int check_want,
                         int tighter)
{
    double plain, flow, lp_plain, lp_flow;
    po_model *m = compile(p, 0);
    assert_int_equal(solve(m, 0, &plain), PO_OUTCOME_OPTIMAL);
    po_model_free(m);
    m = compile(p, 0);
    assert_int_equal(solve(m, 1, &lp_plain), PO_OUTCOME_OPTIMAL);
    po_model_free(m);
    m = compile(p, 1);
    assert_true(count_prefixed(m, 1) > 0);
    assert_int_equal(solve(m, 0, &flow), PO_OUTCOME_OPTIMAL);
    po_model_free(m);
    m = compile(p, 1);
    assert_int_equal(solve(m, 1, &lp_flow), PO_OUTCOME_OPTIMAL);
    po_model_free(m);
    near(flow, plain, "optimum with and without the flow rows");
    if (check_want)
        near(flow, want, "recorded optimum");
    assert_true(lp_flow >= lp_plain - 1e-6 * fmax(1, fabs(lp_plain)));
    if (tighter && !(lp_flow > lp_plain + 1e-6 * fabs(lp_plain))) {
        print_error("relaxation %.10g not tighter than %.10g\n", lp_flow,
                    lp_plain);
        fail();
    }
}

/* examples/lot_sizing.json: optimum -3824475 (README, glpsol and cbc);
 * relaxation -3834718.6 plain, -3825963.6 with the flow rows. */
static void lot_sizing(void **state)
{
    (void)state;
    po_process *p = load_example("lot_sizing.json");
    same_optimum(p, -3824475, 1, 1);
    po_process_free(p);
}

/* Two plants pack a product (2 kg per box: a transfer of rate 2 -> 1) into
 * a warehouse that ships to two regions; a recycler consumes boxes (a
 * bounded consumer), powder can be bought, the warehouse has initial
 * stock and a disposal outlet. */
static void multi_echelon(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['w1', 'w2', 'w3', 'w4', 'w5'],"
        " 'items': {"
        "  'line1': {'capacity': 300}, 'line2': {'capacity': [200, 200, 0, 200, 200]},"
        "  'kg1': {'store_cost': 0.01, 'store_max': 400},"
        "  'kg2': {'store_cost': 0.01, 'buy_cost': 3, 'buy_max': 50},"
        "  'box': {'store_cost': 0.05, 'initial': 20, 'dispose_cost': 0.2},"
        "  'north': {'demand': [60, 40, 80, 30, 90], 'price': 9, 'shortage_cost': 4},"
        "  'south': {'demand': [20, 70, 30, 60, 40], 'price': 8, 'shortage_cost': 4}},"
        " 'activities': {"
        "  'make1': {'cost': 1, 'fixed_cost': 120, 'min_batch': 80, 'in': {'line1': 1}, 'out': {'kg1': 1}},"
        "  'make2': {'cost': 1.5, 'fixed_cost': 60, 'in': {'line2': 1}, 'out': {'kg2': 1}},"
        "  'pack1': {'cost': 0.2, 'in': {'kg1': 2}, 'out': {'box': 1}},"
        "  'pack2': {'cost': 0.2, 'in': {'kg2': 2}, 'out': {'box': 1}},"
        "  'ship_n': {'cost': 0.5, 'in': {'box': 1}, 'out': {'north': 1}},"
        "  'ship_s': {'cost': 0.7, 'in': {'box': 1}, 'out': {'south': 1}},"
        "  'recycle': {'cost': -0.5, 'max': 10, 'in': {'box': 1}}}}");
    same_optimum(p, 0, 0, 1);
    po_process_free(p);
}

/* Shadow prices from a plan whose model has flow rows.  h: 50 hours in
 * P1, 30 in P2 (10 more can be bought at 2), one per unit; w: demand
 * [20, 40] at price 3 (shortage 1), storing costs 0.5; make costs 1 and 5
 * per setup.  Optimum: P1 makes 30 (10 stored), P2 30 (its capacity, no
 * hour bought: 1 + 2 > 1 + 0.5): -105.  One more hour in P2 saves storing
 * one unit (0.5), one less costs storing one more (0.5): the shadow price
 * is 0.5 either way; P1's capacity does not bind (0).  (The bought hours
 * keep M = 40 above the level, so onmax does not bind beside cap.) */
static void limits_with_flow_rows(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['P1', 'P2'],"
        " 'items': {'h': {'capacity': [50, 30], 'buy_cost': 2, 'buy_max': [0, 10]},"
        "  'w': {'demand': [20, 40], 'price': 3, 'shortage_cost': 1,"
        "  'store_cost': 0.5}},"
        " 'activities': {'make': {'cost': 1, 'fixed_cost': 5,"
        "  'in': {'h': 1}, 'out': {'w': 1}}}}");
    po_options o;
    po_options_init(&o);
    o.sensitivity = 1;
    po_plan *pl = NULL;
    assert_int_equal(po_process_solve(p, &o, &pl), PO_OK);
    near(po_plan_total_cost(pl), -105, "optimum");
    assert_true(count_prefixed(po_plan_model(pl), 1) > 0);
    po_limits *lim = NULL;
    assert_int_equal(po_plan_limits(p, pl, &lim), PO_OK);
    assert_int_equal(po_limits_available(lim), 1);
    int seen = 0;
    for (int k = 0; k < po_limits_num_prices(lim); k++) {
        const char *name, *per;
        double v;
        assert_int_equal(po_limits_price(lim, k, NULL, &name, &per, &v, NULL,
                                         NULL, NULL),
                         PO_OK);
        if (strcmp(name, "h") != 0)
            continue;
        near(v, strcmp(per, "P2") == 0 ? 0.5 : 0, "shadow price of h");
        seen++;
    }
    assert_int_equal(seen, 2);
    po_limits_free(lim);
    po_plan_free(pl);
    po_process_free(p);
}

/* ---- random models against the plain formulation ---- */

typedef struct lcg {
    uint64_t s;
} lcg;

static double unif(lcg *g)
{
    g->s = g->s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(g->s >> 11) * (1.0 / 9007199254740992.0);
}

static int below(lcg *g, int n)
{
    int k = (int)(unif(g) * n);
    return k < n ? k : n - 1;
}

static double rnd(lcg *g, double lo, double hi)
{
    return floor((lo + (hi - lo) * unif(g)) * 4 + 0.5) / 4; /* quarters */
}

static void set_item(po_process *p, const char *item, const char *key,
                     lcg *g, int T, double lo, double hi)
{
    double v[8];
    int n = unif(g) < 0.5 ? 1 : T;
    for (int t = 0; t < n; t++)
        v[t] = rnd(g, lo, hi);
    assert_int_equal(po_process_set_item_param(p, item, key, v, n), PO_OK);
}

static void set_act(po_process *p, const char *act, const char *key, lcg *g,
                    int T, double lo, double hi)
{
    double v[8];
    int n = unif(g) < 0.5 ? 1 : T;
    for (int t = 0; t < n; t++)
        v[t] = rnd(g, lo, hi);
    assert_int_equal(po_process_set_activity_param(p, act, key, v, n), PO_OK);
}

/* A random small process (every core key, dispose_cost); NULL when it
 * does not validate (an on/off binary without a provable bound). */
static po_process *random_model(lcg *g)
{
    po_process *p = po_process_new();
    assert_non_null(p);
    int T = 2 + below(g, 3);
    const char *per[] = {"p0", "p1", "p2", "p3", "p4"};
    assert_int_equal(po_process_set_periods(p, T, per), PO_OK);
    char name[32];
    int ncap = 1 + below(g, 2), ngood = 2 + below(g, 3),
        nact = 2 + below(g, 4);
    for (int i = 0; i < ncap; i++) {
        snprintf(name, sizeof name, "h%d", i);
        assert_int_equal(po_process_add_item(p, name), PO_OK);
        set_item(p, name, "capacity", g, T, 5, 40);
        if (unif(g) < 0.3) {
            set_item(p, name, "buy_cost", g, T, 1, 6);
            set_item(p, name, "buy_max", g, T, 0, 10);
        }
    }
    for (int i = 0; i < ngood; i++) {
        snprintf(name, sizeof name, "g%d", i);
        assert_int_equal(po_process_add_item(p, name), PO_OK);
        if (unif(g) < 0.7) {
            set_item(p, name, "demand", g, T, 0, 25);
            set_item(p, name, "price", g, T, 0, 12);
            if (unif(g) < 0.7)
                set_item(p, name, "shortage_cost", g, T, 0, 6);
        }
        if (unif(g) < 0.6) {
            set_item(p, name, "store_cost", g, T, 0, 1);
            if (unif(g) < 0.5)
                set_item(p, name, "store_max", g, T, 0, 30);
            if (unif(g) < 0.3) {
                double v = rnd(g, 0, 10);
                assert_int_equal(
                    po_process_set_item_param(p, name, "initial", &v, 1),
                    PO_OK);
            }
        }
        if (unif(g) < 0.3) {
            set_item(p, name, "buy_cost", g, T, 1, 10);
            if (unif(g) < 0.5)
                set_item(p, name, "buy_max", g, T, 0, 20);
        }
        if (unif(g) < 0.2)
            set_item(p, name, "dispose_cost", g, T, 0, 1);
    }
    for (int a = 0; a < nact; a++) {
        snprintf(name, sizeof name, "a%d", a);
        assert_int_equal(po_process_add_activity(p, name), PO_OK);
        char it[32];
        int out = below(g, ngood);
        snprintf(it, sizeof it, "g%d", out);
        assert_int_equal(po_process_set_rate(p, name, "out", it,
                                             rnd(g, 0.5, 2)),
                         PO_OK);
        if (unif(g) < 0.5) {
            int in = below(g, ngood);
            if (in != out) {
                snprintf(it, sizeof it, "g%d", in);
                assert_int_equal(po_process_set_rate(p, name, "in", it,
                                                     rnd(g, 0.5, 2)),
                                 PO_OK);
            }
        }
        if (unif(g) < 0.8) {
            snprintf(it, sizeof it, "h%d", below(g, ncap));
            assert_int_equal(po_process_set_rate(p, name, "in", it,
                                                 rnd(g, 0.25, 2)),
                             PO_OK);
        }
        set_act(p, name, "cost", g, T, unif(g) < 0.1 ? -2 : 0, 3);
        if (unif(g) < 0.6)
            set_act(p, name, "fixed_cost", g, T, 1, 40);
        if (unif(g) < 0.3)
            set_act(p, name, "min_batch", g, T, 1, 10);
        if (unif(g) < 0.4)
            set_act(p, name, "max", g, T, 10, 50);
        if (unif(g) < 0.1)
            assert_int_equal(po_process_set_activity_flag(p, name, "integer",
                                                          1),
                             PO_OK);
    }
    if (unif(g) < 0.2) {
        assert_int_equal(po_process_add_constraint(p, "side"), PO_OK);
        assert_int_equal(po_process_set_constraint_term(p, "side", "a0", 1),
                         PO_OK);
        assert_int_equal(po_process_set_constraint_term(p, "side", "a1", 1),
                         PO_OK);
        double mx = rnd(g, 5, 40);
        assert_int_equal(po_process_set_constraint_param(p, "side", "max",
                                                         &mx, 1),
                         PO_OK);
    }
    if (po_process_validate(p) != PO_OK) {
        po_process_free(p);
        return NULL;
    }
    return p;
}

static void random_models(void **state)
{
    (void)state;
    lcg g = {20240607};
    int tried = 0, compared = 0, with_flow = 0, tighter = 0;
    while (compared < 300 && tried < 2000) {
        tried++;
        po_process *p = random_model(&g);
        if (p == NULL)
            continue;
        double plain, flow, lp_plain, lp_flow;
        po_model *m = compile(p, 0);
        po_outcome o0 = solve(m, 0, &plain);
        po_model_free(m);
        m = compile(p, 1);
        int rows = count_prefixed(m, 1);
        po_outcome o1 = solve(m, 0, &flow);
        po_model_free(m);
        if (o0 != o1) {
            print_error("model %d: outcome %s plain, %s with flow rows\n",
                        tried, po_outcome_name(o0), po_outcome_name(o1));
            fail();
        }
        if (o0 == PO_OUTCOME_OPTIMAL) {
            if (!(fabs(flow - plain) <= 1e-6 * fmax(1, fabs(plain)))) {
                print_error("model %d: optimum %.12g plain, %.12g with flow "
                            "rows\n", tried, plain, flow);
                fail();
            }
            m = compile(p, 0);
            assert_int_equal(solve(m, 1, &lp_plain), PO_OUTCOME_OPTIMAL);
            po_model_free(m);
            m = compile(p, 1);
            assert_int_equal(solve(m, 1, &lp_flow), PO_OUTCOME_OPTIMAL);
            po_model_free(m);
            assert_true(lp_flow >= lp_plain - 1e-6 * fmax(1, fabs(lp_plain)));
            tighter += lp_flow > lp_plain + 1e-6 * fmax(1, fabs(lp_plain));
            compared++;
            with_flow += rows > 0;
        }
        po_process_free(p);
    }
    /* the generator must exercise the formulation, not just pass by it */
    assert_int_equal(compared, 300);
    assert_true(with_flow >= 100);
    assert_true(tighter >= 30);
}

/* ---- scenario runs ---- */

static double draw(uint64_t seed, long s, po_unc_param param,
                   const char *name, int t, po__dist_kind kind, double v)
{
    po__dist d;
    d.kind = kind;
    d.param = v;
    double f;
    assert_int_equal(po__rng_draw_factor(seed, (uint64_t)s, param, name,
                                         (uint64_t)t, &d, &f),
                     PO_OK);
    return f;
}

/* make's only bound is p's demand (not storable, nothing else uses it):
 * nominal M = 100.  Every scenario re-optimizes with demand d = 100 f:
 * make d whenever it pays (price 20 > cost 1 + fixed 50 / d), total cost
 * 50 + d - 20 d.  With the nominal M, scenarios with d > 100 were capped
 * at 100 (short the rest). */
static void scenario_demand_above_nominal(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'p': {'demand': 100, 'price': 20, 'shortage_cost': 10}},"
        " 'activities': {'make': {'cost': 1, 'fixed_cost': 50, 'out': {'p': 1}}},"
        " 'baseline': {'make': 100},"
        " 'uncertainty': {'scenarios': 40, 'seed': 3,"
        "  'demand': {'p': {'rel_range': 0.5}}}}");
    po_scenario_options o;
    po_scenario_options_init(&o);
    o.threads = 2;
    po_scenarios *sc = NULL;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_OK);
    const double *opt = po_scenarios_values(sc, PO_SCENARIO_OPTIMIZED_COST);
    int above = 0;
    for (long s = 0; s < 40; s++) {
        double d = 100 * draw(3, s, PO_UNC_DEMAND, "p", 0,
                              PO__DIST_REL_RANGE, 0.5);
        above += d > 101;
        near(opt[s], 50 + d - 20 * d, "scenario optimum");
    }
    assert_true(above >= 5);
    po_scenarios_free(sc);
    po_process_free(p);
}

/* bake is fixed at 100 a day (lot-for-lot today), bread cannot be stored,
 * demand 100 varies by +-30 %.  With dispose_cost 0.5 the baseline is
 * feasible in every scenario: d < 100 -> 100 + 0.5 (100 - d) - 3 d;
 * d >= 100 -> 100 + 1 (d - 100) - 300.  Without it, every scenario with
 * d < 100 makes the baseline infeasible. */
static void scenario_dispose_baseline(void **state)
{
    (void)state;
    static const char *const fmt =
        "{'items': {'bread': {'demand': 100, 'price': 3, 'shortage_cost': 1%s}},"
        " 'activities': {'bake': {'cost': 1, 'out': {'bread': 1}}},"
        " 'baseline': {'bake': 100},"
        " 'uncertainty': {'scenarios': 60, 'seed': 11,"
        "  'demand': {'*': {'rel_range': 0.3}}}}";
    char json[600];
    long lower = 0;
    for (long s = 0; s < 60; s++)
        lower += draw(11, s, PO_UNC_DEMAND, "bread", 0, PO__DIST_REL_RANGE,
                      0.3) < 1;
    assert_true(lower >= 10 && lower <= 50);
    for (int disp = 0; disp < 2; disp++) {
        snprintf(json, sizeof json, fmt, disp ? ", 'dispose_cost': 0.5" : "");
        po_process *p = load_ok(json);
        po_scenario_options o;
        po_scenario_options_init(&o);
        o.threads = 1;
        po_scenarios *sc = NULL;
        assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_OK);
        assert_int_equal(po_scenarios_infeasible_count(sc, 1),
                         disp ? 0 : lower);
        const double *b = po_scenarios_values(sc, PO_SCENARIO_BASELINE_COST);
        for (long s = 0; disp && s < 60; s++) {
            double d = 100 * draw(11, s, PO_UNC_DEMAND, "bread", 0,
                                  PO__DIST_REL_RANGE, 0.3);
            near(b[s], d < 100 ? 100 + 0.5 * (100 - d) - 3 * d
                               : 100 + (d - 100) - 300,
                 "baseline in a scenario");
        }
        po_scenarios_free(sc);
        po_process_free(p);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_relaxation),
        cmocka_unit_test(windows),
        cmocka_unit_test(lot_sizing),
        cmocka_unit_test(multi_echelon),
        cmocka_unit_test(limits_with_flow_rows),
        cmocka_unit_test(random_models),
        cmocka_unit_test(scenario_demand_above_nominal),
        cmocka_unit_test(scenario_dispose_baseline),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
