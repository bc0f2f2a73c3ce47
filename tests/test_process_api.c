/*
 * test_process_api.c -- the process C API beyond single keys: building in
 * code gives the same compiled model as the file, loading from a string, a
 * stream and a file, compiled names (readable, LP-safe, unique), big-M
 * values from bound propagation, and the plan's accessors.
 */
#include "test_process_util.h"

#include <unistd.h>

/* The bakery of DESIGN.md. */
static const char *const bakery =
    "{\n"
    "  'name': 'Bakery, weekly plan',\n"
    "  'currency': 'EUR',\n"
    "  'periods': ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],\n"
    "  'horizons_per_year': 52,\n"
    "  'objective': 'max_margin',\n"
    "  'items': {\n"
    "    'flour_kg': {'buy_cost': 0.62, 'buy_max': 400, 'store_cost': 0.005, 'store_max': 2000, 'initial': 300},\n"
    "    'oven_h':   {'capacity': 18, 'buy_cost': 35, 'buy_max': 4},\n"
    "    'baguette': {'demand': [420, 380, 400, 410, 520, 610], 'price': 1.10, 'shortage_cost': 0.30}\n"
    "  },\n"
    "  'activities': {\n"
    "    'bake_baguette': {'cost': 0.05, 'in': {'flour_kg': 0.25, 'oven_h': 0.004}, 'out': {'baguette': 1}},\n"
    "    'second_oven':   {'fixed_cost': 180, 'binary': true, 'out': {'oven_h': 8}}\n"
    "  },\n"
    "  'constraints': [{'name': 'max_baguette', 'terms': {'bake_baguette': 1}, 'max': 600}],\n"
    "  'baseline': {'bake_baguette': [450, 450, 450, 450, 550, 650]},\n"
    "  'uncertainty': {'scenarios': 2000, 'seed': 7, 'demand': {'*': {'rel_sd': 0.12}}},\n"
    "  'mvp': {'build_cost': 96000, 'run_cost_per_year': 12000, 'years': 3}\n"
    "}\n";

static po_process *bakery_by_hand(void)
{
    po_process *p = po_process_new();
    const char *per[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
    double v;
#define ONE(x) (v = (x), &v), 1
    assert_int_equal(po_process_set_name(p, "Bakery, weekly plan"), PO_OK);
    assert_int_equal(po_process_set_currency(p, "EUR"), PO_OK);
    assert_int_equal(po_process_set_periods(p, 6, per), PO_OK);
    assert_int_equal(po_process_set_horizons_per_year(p, 52), PO_OK);
    assert_int_equal(po_process_set_objective(p, PO_OBJECTIVE_MAX_MARGIN), PO_OK);
    assert_int_equal(po_process_add_item(p, "flour_kg"), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "flour_kg", "buy_cost", ONE(0.62)), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "flour_kg", "buy_max", ONE(400)), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "flour_kg", "store_cost", ONE(0.005)), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "flour_kg", "store_max", ONE(2000)), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "flour_kg", "initial", ONE(300)), PO_OK);
    assert_int_equal(po_process_add_item(p, "oven_h"), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "oven_h", "capacity", ONE(18)), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "oven_h", "buy_cost", ONE(35)), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "oven_h", "buy_max", ONE(4)), PO_OK);
    assert_int_equal(po_process_add_item(p, "baguette"), PO_OK);
    double demand[6] = {420, 380, 400, 410, 520, 610};
    assert_int_equal(po_process_set_item_param(p, "baguette", "demand", demand, 6), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "baguette", "price", ONE(1.10)), PO_OK);
    assert_int_equal(po_process_set_item_param(p, "baguette", "shortage_cost", ONE(0.30)), PO_OK);
    /* activities may name items and activities in any order */
    assert_int_equal(po_process_add_activity(p, "bake_baguette"), PO_OK);
    assert_int_equal(po_process_set_activity_param(p, "bake_baguette", "cost", ONE(0.05)), PO_OK);
    assert_int_equal(po_process_set_rate(p, "bake_baguette", "in", "flour_kg", 0.25), PO_OK);
    assert_int_equal(po_process_set_rate(p, "bake_baguette", "in", "oven_h", 0.004), PO_OK);
    assert_int_equal(po_process_set_rate(p, "bake_baguette", "out", "baguette", 1), PO_OK);
    assert_int_equal(po_process_add_activity(p, "second_oven"), PO_OK);
    assert_int_equal(po_process_set_activity_param(p, "second_oven", "fixed_cost", ONE(180)), PO_OK);
    assert_int_equal(po_process_set_activity_flag(p, "second_oven", "binary", 1), PO_OK);
    assert_int_equal(po_process_set_rate(p, "second_oven", "out", "oven_h", 8), PO_OK);
    assert_int_equal(po_process_add_constraint(p, "max_baguette"), PO_OK);
    assert_int_equal(po_process_set_constraint_term(p, "max_baguette", "bake_baguette", 1), PO_OK);
    assert_int_equal(po_process_set_constraint_param(p, "max_baguette", "max", ONE(600)), PO_OK);
    double base[6] = {450, 450, 450, 450, 550, 650};
    assert_int_equal(po_process_set_baseline(p, "bake_baguette", base, 6), PO_OK);
    assert_int_equal(po_process_set_scenarios(p, 2000, 7), PO_OK);
    assert_int_equal(po_process_add_uncertainty(p, PO_UNC_DEMAND, "*", PO_UNC_REL_SD, 0.12), PO_OK);
    assert_int_equal(po_process_set_mvp(p, 96000, 12000, 3), PO_OK);
#undef ONE
    return p;
}

static int cmp_int(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

/* Two models are the same: names, bounds, costs, types, rows (entries
 * compared by variable name, order aside). */
static void same_model(const po_model *a, const po_model *b)
{
    assert_int_equal(po_model_num_vars(a), po_model_num_vars(b));
    assert_int_equal(po_model_num_constrs(a), po_model_num_constrs(b));
    assert_int_equal(po_model_num_nonzeros(a), po_model_num_nonzeros(b));
    for (int j = 0; j < po_model_num_vars(a); j++) {
        const char *n = po_model_var_name(a, j);
        int k = po_model_find_var(b, n);
        assert_true(k >= 0);
        assert_true(po_model_var_lb(a, j) == po_model_var_lb(b, k));
        assert_true(po_model_var_ub(a, j) == po_model_var_ub(b, k));
        assert_true(po_model_var_obj(a, j) == po_model_var_obj(b, k));
        assert_int_equal(po_model_var_type(a, j), po_model_var_type(b, k));
    }
    for (int i = 0; i < po_model_num_constrs(a); i++) {
        int k = po_model_find_constr(b, po_model_constr_name(a, i));
        assert_true(k >= 0);
        assert_true(po_model_constr_lb(a, i) == po_model_constr_lb(b, k));
        assert_true(po_model_constr_ub(a, i) == po_model_constr_ub(b, k));
        int n = po_model_constr_row(a, i, NULL, NULL);
        assert_int_equal(n, po_model_constr_row(b, k, NULL, NULL));
        int ia[64], ib[64];
        double va[64], vb[64];
        assert_true(n <= 64);
        po_model_constr_row(a, i, ia, va);
        po_model_constr_row(b, k, ib, vb);
        /* map b's entries to a's indices, then compare as sorted pairs */
        int pa[64], pb[64];
        for (int e = 0; e < n; e++) {
            pa[e] = ia[e] * 64 + e;
            pb[e] = po_model_find_var(a, po_model_var_name(b, ib[e])) * 64 + e;
        }
        qsort(pa, (size_t)n, sizeof *pa, cmp_int);
        qsort(pb, (size_t)n, sizeof *pb, cmp_int);
        for (int e = 0; e < n; e++) {
            assert_int_equal(pa[e] / 64, pb[e] / 64);
            assert_true(va[pa[e] % 64] == vb[pb[e] % 64]);
        }
    }
}

/* Built in code or read from JSON: the same compiled model, the same plan.
 * The optimum (by hand, examples/bakery_design.hand.md): bake min(demand,
 * 600) each day; flour from stock Mon-Wed, bought Thu-Sat (382.5 kg):
 * 237.15 + 1.475 + 136.5 + 3 - 3003 = -2624.875; margin 2624.875. */
static void builder_equals_file(void **state)
{
    (void)state;
    po_process *f = load_ok(bakery);
    po_process *b = bakery_by_hand();
    po_model *mf = NULL, *mb = NULL;
    assert_int_equal(po_process_compile(f, &mf), PO_OK);
    assert_int_equal(po_process_compile(b, &mb), PO_OK);
    same_model(mf, mb);
    same_model(mb, mf);
    assert_string_equal(po_model_name(mf), "Bakery, weekly plan");
    po_model_free(mf);
    po_model_free(mb);
    assert_int_equal(po_process_compile_baseline(f, &mf), PO_OK);
    assert_int_equal(po_process_compile_baseline(b, &mb), PO_OK);
    same_model(mf, mb);
    po_model_free(mf);
    po_model_free(mb);

    po_plan *pf = solve_ok(f), *pb = solve_ok(b);
    near(po_plan_total_cost(pf), -2624.875, "file");
    near(po_plan_total_cost(pb), -2624.875, "builder");
    near(po_plan_objective(pf), 2624.875, "margin");
    const double want[PO_COST_NKINDS] = {237.15, 1.475, 136.5, 0, 3, 3003};
    double sum = 0;
    for (int k = 0; k < PO_COST_NKINDS; k++) {
        near(po_plan_cost(pf, (po_cost_kind)k), want[k], po_cost_kind_name(k));
        sum += k == PO_COST_REVENUE ? -want[k] : want[k];
    }
    near(sum, po_plan_total_cost(pf), "split adds up");
    const double bake[6] = {420, 380, 400, 410, 520, 600};
    const double *x = po_plan_levels(pf, find_act(pf, "bake_baguette"));
    for (int t = 0; t < 6; t++)
        near(x[t], bake[t], "bake");
    const double *stock = po_plan_item_series(pf, find_item(pf, "flour_kg"),
                                              PO_PLAN_STOCK);
    near(stock[0], 195, "stock Mon");
    near(stock[1], 100, "stock Tue");
    near(stock[2], 0, "stock Wed");
    /* oven: 18 h, 420 * 0.004 = 1.68 h used on Monday */
    int oven = find_item(pf, "oven_h");
    near(po_plan_item_series(pf, oven, PO_PLAN_USED)[0], 1.68, "oven used");
    near(po_plan_item_series(pf, oven, PO_PLAN_SLACK)[0], 16.32, "oven slack");
    assert_null(po_plan_item_series(pf, oven, PO_PLAN_STOCK));
    assert_null(po_plan_item_series(pf, oven, PO_PLAN_SOLD));

    /* the baseline bakes 650 on Saturday: more than max_baguette and more
     * than can be sold or kept -> infeasible */
    po_plan *bl = NULL;
    assert_int_equal(po_process_solve_baseline(f, NULL, &bl), PO_OK);
    assert_int_equal(po_plan_outcome(bl), PO_OUTCOME_INFEASIBLE);
    po_plan_free(bl);
    po_plan_free(pf);
    po_plan_free(pb);
    po_process_free(f);
    po_process_free(b);
}

/* String, stream and file give the same model; the source name is used in
 * messages. */
static void load_string_stream_file(void **state)
{
    (void)state;
    char *text = q(bakery);
    po_process *ps = po_process_new(), *pt = po_process_new(),
               *pf = po_process_new();
    assert_int_equal(po_process_load_string(ps, text, NULL), PO_OK);

    FILE *tf = tmpfile();
    assert_non_null(tf);
    fputs(text, tf);
    rewind(tf);
    assert_int_equal(po_process_load_stream(pt, tf, "in"), PO_OK);
    fclose(tf);

    char dir[] = "/tmp/po_process_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/bakery.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    assert_int_equal(po_process_load_file(pf, path), PO_OK);

    po_model *a, *b, *c;
    assert_int_equal(po_process_compile(ps, &a), PO_OK);
    assert_int_equal(po_process_compile(pt, &b), PO_OK);
    assert_int_equal(po_process_compile(pf, &c), PO_OK);
    same_model(a, b);
    same_model(a, c);
    po_model_free(a);
    po_model_free(b);
    po_model_free(c);

    /* messages name the source */
    f = fopen(path, "w");
    fputs("{\"items\": {\"w\": {\"demand\": -1}}}", f);
    fclose(f);
    assert_int_equal(po_process_load_file(pf, path), PO_EMODEL);
    char want[512];
    snprintf(want, sizeof want,
             "%s:1:28: item \"w\": \"demand\" is negative (-1)", path);
    assert_string_equal(po_process_errmsg(pf), want);
    tf = tmpfile();
    fputs("{\"items\": {\"w\": {\"demand\": -1}}}", tf);
    rewind(tf);
    assert_int_equal(po_process_load_stream(pt, tf, NULL), PO_EMODEL);
    fclose(tf);
    assert_string_equal(po_process_errmsg(pt),
                        "<stream>:1:28: item \"w\": \"demand\" is negative (-1)");

    unlink(path);
    rmdir(dir);
    free(text);
    po_process_free(ps);
    po_process_free(pt);
    po_process_free(pf);
}

/* Readable names, safe for the LP writer and unique after cleaning. */
/* A column or row of the flow formulation (process_flow.c). */
static int is_flow_name(const char *s)
{
    static const char *const pre[] = {"fz.", "fl.", "ff.", "fp.", "fzl.",
                                      "fzx.", "fo.", "fb."};
    for (size_t k = 0; k < sizeof pre / sizeof *pre; k++)
        if (strncmp(s, pre[k], strlen(pre[k])) == 0)
            return 1;
    return 0;
}

static void compiled_names(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'periods': ['Mon 1', 'Mon-1'],"
        " 'items': {'flour kg': {'buy_cost': 1}, 'flour_kg': {'buy_cost': 2},"
        " 'pâte': {'demand': 1, 'shortage_cost': 1, 'initial': 1},"
        " 'oven': {'capacity': 5}},"
        " 'activities': {'mix': {'fixed_cost': 1, 'min_batch': 2, 'max': 9,"
        " 'in': {'flour kg': 1, 'flour_kg': 1, 'oven': 1}, 'out': {'pâte': 1}}},"
        " 'constraints': [{'name': 'limit', 'terms': {'mix': 1}, 'max': 8}],"
        " 'baseline': {'mix': 1}}");
    po_model *m = NULL;
    assert_int_equal(po_process_compile(p, &m), PO_OK);
    static const char *const vars[] = {
        "x.mix.Mon_1", "x.mix.Mon_1_2", "on.mix.Mon_1", "buy.flour_kg.Mon_1",
        "buy.flour_kg_2.Mon_1", "sold.p_te.Mon_1", "short.p_te.Mon_1",
        "stock.p_te.Mon_1_2"};
    for (size_t k = 0; k < sizeof vars / sizeof *vars; k++)
        if (po_model_find_var(m, vars[k]) < 0) {
            print_error("no variable %s\n", vars[k]);
            fail();
        }
    static const char *const rows[] = {
        "bal.flour_kg.Mon_1", "bal.flour_kg_2.Mon_1_2", "bal.p_te.Mon_1",
        "dem.p_te.Mon_1", "cap.oven.Mon_1_2", "onmax.mix.Mon_1",
        "onmin.mix.Mon_1_2", "con.limit.Mon_1"};
    for (size_t k = 0; k < sizeof rows / sizeof *rows; k++)
        if (po_model_find_constr(m, rows[k]) < 0) {
            print_error("no row %s\n", rows[k]);
            fail();
        }
    /* no other variables or rows than those of the format reference, but
     * for the flow formulation's (mix makes pâte, whose demand of 1 is far
     * below mix's M) */
    int nflow = 0;
    for (int j = 0; j < po_model_num_vars(m); j++)
        nflow += is_flow_name(po_model_var_name(m, j));
    assert_int_equal(po_model_num_vars(m) - nflow, 2 * 7);
    assert_true(nflow > 0);
    nflow = 0;
    for (int i = 0; i < po_model_num_constrs(m); i++)
        nflow += is_flow_name(po_model_constr_name(m, i));
    assert_int_equal(po_model_num_constrs(m) - nflow, 2 * 8);
    assert_true(po_model_find_var(m, "fz.mix.Mon_1.Mon_1") >= 0);
    assert_true(po_model_find_constr(m, "fzl.mix.Mon_1.Mon_1") >= 0);
    po_model_free(m);
    assert_int_equal(po_process_compile_baseline(p, &m), PO_OK);
    assert_true(po_model_find_constr(m, "base.mix.Mon_1_2") >= 0);
    po_model_free(m);
    po_process_free(p);
}

/* The M of "onmax" for activity a in period t (from the row's
 * coefficient of on.a.t). */
static double big_m(const po_model *m, const char *act, const char *per)
{
    char rn[128], vn[128];
    snprintf(rn, sizeof rn, "onmax.%s%s%s", act, per ? "." : "", per ? per : "");
    snprintf(vn, sizeof vn, "on.%s%s%s", act, per ? "." : "", per ? per : "");
    int r = po_model_find_constr(m, rn), y = po_model_find_var(m, vn);
    if (r < 0 || y < 0) {
        print_error("no %s / %s\n", rn, vn);
        fail();
    }
    int idx[8];
    double val[8];
    int n = po_model_constr_row(m, r, idx, val);
    for (int k = 0; k < n; k++)
        if (idx[k] == y)
            return -val[k];
    return 0;
}

static po_model *compiled(const char *json, po_process **out)
{
    po_process *p = load_ok(json);
    po_model *m = NULL;
    assert_int_equal(po_process_compile(p, &m), PO_OK);
    if (out)
        *out = p;
    else
        po_process_free(p);
    return m;
}

/* Big-M is the tightest bound the structure proves. */
static void big_m_values(void **state)
{
    (void)state;
    /* capacity + buy_max: (18 + 4) / 0.004 = 5500, tighter than demand
     * 10000 (the only output, not storable). */
    po_model *m = compiled(
        "{'items': {'h': {'capacity': 18, 'buy_cost': 35, 'buy_max': 4},"
        " 'w': {'demand': 10000, 'shortage_cost': 1}},"
        " 'activities': {'make': {'fixed_cost': 10, 'in': {'h': 0.004},"
        " 'out': {'w': 1}}}}", NULL);
    near(big_m(m, "make", NULL), 5500, "capacity");
    po_model_free(m);

    /* the only output is not storable and nothing else uses it: demand
     * per period */
    m = compiled(
        "{'periods': ['a', 'b'], 'items': {'w': {'demand': [50, 70], 'shortage_cost': 1}},"
        " 'activities': {'make': {'fixed_cost': 10, 'out': {'w': 2}}}}", NULL);
    near(big_m(m, "make", "a"), 25, "demand a");
    near(big_m(m, "make", "b"), 35, "demand b");
    po_model_free(m);

    /* side constraint 2x <= 30, and an explicit max that is tighter */
    m = compiled(
        "{'items': {'m': {'buy_cost': 1}},"
        " 'activities': {'make': {'fixed_cost': 10, 'in': {'m': 1}},"
        " 'cap': {'fixed_cost': 1, 'max': 3, 'in': {'m': 1}}},"
        " 'constraints': [{'terms': {'make': 2, 'cap': 1}, 'max': 30}]}", NULL);
    near(big_m(m, "make", NULL), 15, "side constraint");
    near(big_m(m, "cap", NULL), 3, "max");
    po_model_free(m);

    /* a chain: m at most 30 -> a (3 m per s) makes at most 10 s -> b (2 s
     * per unit) at most 5 */
    m = compiled(
        "{'items': {'m': {'buy_max': 30}, 's': {}},"
        " 'activities': {'a': {'in': {'m': 3}, 'out': {'s': 1}},"
        " 'b': {'min_batch': 1, 'in': {'s': 2}}}}", NULL);
    near(big_m(m, "b", NULL), 5, "chain");
    po_model_free(m);

    /* integer levels round down: 10 / 3 -> 3 */
    m = compiled(
        "{'items': {'h': {'capacity': 10}},"
        " 'activities': {'make': {'integer': true, 'fixed_cost': 1, 'in': {'h': 3}}}}",
        NULL);
    near(big_m(m, "make", NULL), 3, "integer");
    po_model_free(m);

    /* stock carries a bound across periods: 10 kg initially, at most 4
     * kept: 10 on day 1, 4 on day 2 */
    m = compiled(
        "{'periods': ['d1', 'd2'], 'items': {'m': {'initial': 10, 'store_max': 4}},"
        " 'activities': {'use': {'fixed_cost': 1, 'in': {'m': 1}}}}", NULL);
    near(big_m(m, "use", "d1"), 10, "initial");
    near(big_m(m, "use", "d2"), 4, "store_max");
    po_model_free(m);

    /* another user's minimum takes its share of a capacity: 12 - 3 */
    m = compiled(
        "{'items': {'h': {'capacity': 12}},"
        " 'activities': {'a': {'fixed_cost': 1, 'in': {'h': 1}},"
        " 'b': {'min': 3, 'in': {'h': 1}}}}", NULL);
    near(big_m(m, "a", NULL), 9, "shared capacity");
    po_model_free(m);

    /* hours made by a bounded activity add to a capacity: 2 + 4 * 1 */
    m = compiled(
        "{'items': {'h': {'capacity': 2}},"
        " 'activities': {'rent': {'binary': true, 'out': {'h': 4}},"
        " 'a': {'fixed_cost': 1, 'in': {'h': 1}}}}", NULL);
    near(big_m(m, "a", NULL), 6, "produced capacity");
    po_model_free(m);
}

/* The bound matters: with M = 5500 rather than some 1e6 the relaxation of
 * the fixed cost is tight enough that the LP bound equals the optimum
 * here, and the plan is right either way.  make costs 1 + 10 fixed; 5000
 * demanded with shortage_cost 2.  Making all needs 20 h: 18 own + 2 bought
 * at 35; each unit past 4500 costs 1 + 0.004 * 35 = 1.14 < 2, so make all:
 * 5000 + 10 + 70 = 5080 (< 4500 + 10 + 500 * 2 = 5510 < 10000). */
static void big_m_plan(void **state)
{
    (void)state;
    po_process *p = load_ok(
        "{'items': {'h': {'capacity': 18, 'buy_cost': 35, 'buy_max': 4},"
        " 'w': {'demand': 5000, 'shortage_cost': 2}},"
        " 'activities': {'make': {'cost': 1, 'fixed_cost': 10, 'in': {'h': 0.004},"
        " 'out': {'w': 1}}}}");
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 5080, "total");
    assert_int_equal(po_result_is_mip(po_plan_result(pl)), 1);
    po_plan_free(pl);
    po_process_free(p);
}

/* Accessors with bad arguments give NULL / NaN / -1, never crash. */
static void accessors(void **state)
{
    (void)state;
    po_process *p = load_ok(bakery);
    assert_int_equal(po_process_num_items(p), 3);
    assert_string_equal(po_process_item_name(p, 1), "oven_h");
    assert_int_equal(po_process_item_is_capacity(p, 1), 1);
    assert_int_equal(po_process_item_is_capacity(p, 0), 0);
    assert_int_equal(po_process_item_is_capacity(p, 3), -1);
    assert_null(po_process_item_name(p, -1));
    assert_int_equal(po_process_num_activities(p), 2);
    assert_string_equal(po_process_activity_name(p, 1), "second_oven");
    assert_int_equal(po_process_num_constraints(p), 1);
    assert_string_equal(po_process_constraint_name(p, 0), "max_baguette");
    near(po_process_item_param(p, 2, "demand", 5), 610, "demand Sat");
    near(po_process_item_param(p, 2, "price", 3), 1.1, "scalar price");
    assert_true(isnan(po_process_item_param(p, 2, "capacity", 0)));
    assert_true(isnan(po_process_item_param(p, 2, "nonsense", 0)));
    assert_true(isnan(po_process_item_param(p, 2, "demand", 6)));
    near(po_process_activity_param(p, 1, "fixed_cost", 0), 180, "fixed");
    assert_true(isnan(po_process_activity_param(p, 0, "max", 0)));
    near(po_process_baseline_level(p, 0, 5), 650, "baseline Sat");
    near(po_process_baseline_level(p, 1, 0), 0, "not listed");
    assert_true(isnan(po_process_baseline_level(p, 2, 0)));
    assert_null(po_process_period_name(p, 6));

    po_plan *pl = solve_ok(p);
    assert_null(po_plan_levels(pl, 2));
    assert_null(po_plan_item_series(pl, 0, (po_plan_series)99));
    assert_null(po_plan_item_series(pl, -1, PO_PLAN_BUY));
    assert_null(po_plan_activity_name(pl, 5));
    assert_null(po_plan_period_name(pl, -1));
    assert_true(isnan(po_plan_cost(pl, (po_cost_kind)7)));
    assert_true(po_plan_cost(pl, PO_COST_DISPOSAL) == 0); /* no disposal */
    assert_null(po_plan_cost_by_period(pl, (po_cost_kind)-1));
    assert_string_equal(po_plan_series_name(PO_PLAN_SHORTAGE), "shortage");
    assert_null(po_plan_series_name((po_plan_series)8));
    assert_string_equal(po_plan_series_name(PO_PLAN_DISPOSED), "disposed");
    assert_null(po_plan_item_series(pl, 0, PO_PLAN_DISPOSED));
    assert_string_equal(po_cost_kind_name(PO_COST_REVENUE), "revenue");
    assert_string_equal(po_cost_kind_name(PO_COST_DISPOSAL), "disposal");
    assert_null(po_cost_kind_name((po_cost_kind)7));
    assert_non_null(po_plan_model(pl));
    assert_int_equal(po_result_num_vars(po_plan_result(pl)),
                     po_model_num_vars(po_plan_model(pl)));
    po_plan_free(pl);
    po_plan_free(NULL);
    assert_int_equal(po_process_solve(p, NULL, NULL), PO_EINVAL);
    assert_int_equal(po_process_solve(NULL, NULL, &pl), PO_EINVAL);
    po_process_free(p);

    /* a plan outlives its process */
    p = load_ok(bakery);
    pl = solve_ok(p);
    po_process_free(p);
    assert_string_equal(po_plan_item_name(pl, 2), "baguette");
    near(po_plan_item_series(pl, 2, PO_PLAN_SOLD)[5], 600, "sold Sat");
    po_plan_free(pl);
}

/* Solver options reach GLPK: the answer does not depend on presolve or
 * method. */
/* Plan numbers carry no solver noise: GLPK returns values such as
 * -2.8e-14 (bakery's flour bought on Monday) and 1e-13 (lot sizing's idle
 * filling weeks); plans hold 0 there, integer levels are whole numbers. */
static void plan_values_clean(void **state)
{
    (void)state;
    static const char *const ex[] = {"bakery.json", "lot_sizing.json",
                                     "network_design.json"};
    const char *src = getenv("PROCOPT_SRC");
    int noisy = 0;
    for (size_t e = 0; e < sizeof ex / sizeof *ex; e++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/examples/%s", src && *src ? src : ".",
                 ex[e]);
        po_process *p = po_process_new();
        assert_int_equal(po_process_load_file(p, path), PO_OK);
        for (int base = 0; base < 2; base++) {
            po_plan *pl = NULL;
            assert_int_equal((base ? po_process_solve_baseline
                                   : po_process_solve)(p, NULL, &pl),
                             PO_OK);
            assert_int_equal(po_plan_outcome(pl), PO_OUTCOME_OPTIMAL);
            const po_result *r = po_plan_result(pl);
            const po_model *m = po_plan_model(pl);
            for (int j = 0; j < po_model_num_vars(m); j++) {
                double v = po_result_values(r)[j];
                noisy += v != 0 && fabs(v) < 1e-9;
            }
            int T = po_plan_num_periods(pl);
            for (int a = 0; a < po_plan_num_activities(pl); a++)
                for (int t = 0; t < T; t++) {
                    double v = po_plan_levels(pl, a)[t];
                    assert_true(v == 0 || fabs(v) > 1e-9);
                    assert_false(signbit(v) && v == 0); /* no -0 */
                }
            for (int i = 0; i < po_plan_num_items(pl); i++)
                for (int s = PO_PLAN_BUY; s <= PO_PLAN_DISPOSED; s++) {
                    const double *v =
                        po_plan_item_series(pl, i, (po_plan_series)s);
                    for (int t = 0; v && t < T; t++)
                        if (!(v[t] == 0 || fabs(v[t]) > 1e-9)) {
                            print_error("%s: %s of %s = %g\n", ex[e],
                                        po_plan_series_name(
                                            (po_plan_series)s),
                                        po_plan_item_name(pl, i), v[t]);
                            fail();
                        }
                }
            /* integer and binary levels (network_design's open/close
             * decisions) are whole numbers */
            for (int a = 0; a < po_plan_num_activities(pl); a++) {
                char name[300];
                snprintf(name, sizeof name, "x.%s%s", po_plan_activity_name(pl, a),
                         T > 1 || po_plan_period_name(pl, 0)[0] ? "." : "");
                for (int t = 0; t < T; t++) {
                    char full[600];
                    snprintf(full, sizeof full, "%s%s", name,
                             po_plan_period_name(pl, t));
                    int j = po_model_find_var(m, full);
                    if (j >= 0 && po_model_var_type(m, j) != PO_CONTINUOUS)
                        assert_true(po_plan_levels(pl, a)[t] ==
                                    round(po_plan_levels(pl, a)[t]));
                }
            }
            po_plan_free(pl);
        }
        po_process_free(p);
    }
    assert_true(noisy > 0); /* the raw values had noise to clean */
}

static void options(void **state)
{
    (void)state;
    po_process *p = load_ok(bakery);
    po_options o;
    po_options_init(&o);
    o.presolve = 0;
    o.method = PO_METHOD_PRIMAL;
    po_plan *pl = NULL;
    assert_int_equal(po_process_solve(p, &o, &pl), PO_OK);
    near(po_plan_total_cost(pl), -2624.875, "primal, no presolve");
    po_plan_free(pl);
    po_process_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(builder_equals_file),
        cmocka_unit_test(load_string_stream_file),
        cmocka_unit_test(compiled_names),
        cmocka_unit_test(big_m_values),
        cmocka_unit_test(big_m_plan),
        cmocka_unit_test(accessors),
        cmocka_unit_test(options),
        cmocka_unit_test(plan_values_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
