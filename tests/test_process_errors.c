/*
 * test_process_errors.c -- bad process models: every error names its line,
 * column and the item / activity / period concerned, all errors of a file
 * come back at once (up to PO_PROCESS_MAX_ERRORS), a failed load leaves
 * the handle as it was, and the builder calls reject the same mistakes with
 * the same words.
 *
 * The expected positions were checked by counting characters in the texts
 * below (lines and columns are 1-based; a column counts characters, so a
 * UTF-8 sequence counts once).  Positions point at the offending key for
 * "unknown key", "undefined ..." and whole-model checks, and at the value
 * for values of the wrong type, sign or size.
 */
#include "test_process_util.h"

#include <unistd.h>

struct want {
    int line, col;
    const char *msg;
};

static void expect_all(const char *json, const struct want *w, int n)
{
    po_process *p = load_bad(json, PO_EMODEL);
    if (po_process_num_errors(p) != n) {
        print_error("%d errors, want %d\n", po_process_num_errors(p), n);
        dump_errors(p);
        fail();
    }
    for (int k = 0; k < n; k++)
        expect_error(p, k, w[k].line, w[k].col, w[k].msg);
    assert_int_equal(po_process_errcode(p), PO_EMODEL);
    po_process_free(p);
}

#define EXPECT_ALL(name) \
    expect_all(name##_json, name##_errors, \
               (int)(sizeof name##_errors / sizeof name##_errors[0]))

/* one of each kind of mistake a file can hold, all reported at once, in file order */
static const char *const e1_json =
    "{\n"
    "  'periods': ['Mon', 'Tue', 'Mon'],\n"
    "  'items': {\n"
    "    'oven_h': {'captiy': 18, 'demand': 5},\n"
    "    'flour': {'buy_cost': -1, 'store_max': [1, 2]},\n"
    "    'bread': {'demand': [1, -2, 3], 'price': 'high', 'shortage_cost': null}\n"
    "  },\n"
    "  'activities': {\n"
    "    'bake': {'in': {'flur': 0.5, 'oven_h': -1}, 'out': {'bread': 1}, 'fixed_cost': 10, 'min': 3, 'max': 2},\n"
    "    'x': {'binary': 1, 'integr': true}\n"
    "  },\n"
    "  'constraints': [{'name': 'c', 'terms': {'baek': 1}}],\n"
    "  'baseline': {'bake': 3, 'nope': 1},\n"
    "  'objectve': 'min_cost'\n"
    "}\n";
static const struct want e1_errors[] = {
    {2, 29,
     "\"periods\": period \"Mon\" is named twice"},
    {4, 16,
     "unknown key \"captiy\" in item \"oven_h\" (did you mean \"capacity\"?)"},
    {5, 27,
     "item \"flour\": \"buy_cost\" is negative (-1)"},
    {5, 31,
     "item \"flour\": \"store_max\" has 2 values but there are 3 periods"},
    {6, 29,
     "item \"bread\": \"demand\" is negative (-2) in period \"Tue\""},
    {6, 46,
     "item \"bread\": \"price\" must be a number or an array of numbers, not a string"},
    {6, 71,
     "item \"bread\": \"shortage_cost\" must be a number or an array of numbers, not null"},
    {9, 21,
     "activity \"bake\": \"in\" uses undefined item \"flur\" (did you mean \"flour\"?)"},
    {9, 34,
     "activity \"bake\": \"in\" rate of \"oven_h\" is negative (-1): an input with a negative rate is an output"},
    {9, 88,
     "activity \"bake\": \"min\" (3) is greater than \"max\" (2)"},
    {10, 21,
     "activity \"x\": \"binary\" must be true or false, not a number"},
    {10, 24,
     "unknown key \"integr\" in activity \"x\" (did you mean \"integer\"?)"},
    {12, 28,
     "constraint \"c\" has neither \"min\" nor \"max\""},
    {12, 43,
     "constraint \"c\": a term names undefined activity \"baek\" (did you mean \"bake\"?)"},
    {13, 27,
     "the baseline names undefined activity \"nope\""},
    {14, 3,
     "unknown key \"objectve\" in the model (did you mean \"objective\"?)"},
};

/* capacity items, keys that need demand, huge numbers, lengths against a missing period list */
static const char *const e2_json =
    "{'periods': [],\n"
    " 'items': {'h': {'capacity': 4, 'demand': 2, 'initial': 1},\n"
    "           'w': {'price': 2, 'shortage_cost': 1, 'buy_max': 1e300}},\n"
    " 'activities': {'run': {'fixed_cost': 5, 'out': {'w': 1}},\n"
    "                'lot': {'min_batch': [1, 2], 'in': {'h': 1}}}\n"
    "}\n";
static const struct want e2_errors[] = {
    {1, 2,
     "\"periods\" is empty: name at least one period, or leave \"periods\" out for a single period"},
    {2, 33,
     "item \"h\": a capacity item takes no \"demand\" (capacity is renewable: it is neither sold, stored nor disposed of)"},
    {2, 46,
     "item \"h\": a capacity item takes no \"initial\" (capacity is renewable: it is neither sold, stored nor disposed of)"},
    {3, 18,
     "item \"w\": \"price\" needs \"demand\" (only demand creates sales)"},
    {3, 30,
     "item \"w\": \"shortage_cost\" needs \"demand\" (only demand creates sales)"},
    {3, 61,
     "item \"w\": \"buy_max\" is too large (1e+300): at most 1e15 in magnitude; leave the key out for unlimited"},
    {5, 25,
     "activity \"lot\": \"min_batch\" has 2 values but there is 1 period"},
};

/* uncertainty and mvp blocks */
static const char *const e4_json =
    "{'items': {'w': {'buy_cost': 1, 'demand': 5}},\n"
    " 'activities': {'run': {'fixed_cost': 5, 'in': {'w': 1}}},\n"
    " 'uncertainty': {'scenarios': 0, 'seed': -1, 'demand': {'x': {'rel_sd': 0.1}, 'w': {'rel_sd': 0.1, 'rel_range': 0.2}},\n"
    "                 'price': {'w': {'rel_range': 2}}, 'cost': {'*': {'sd': 1}}, 'capacity': {'w': {'rel_sd': 0.1}}},\n"
    " 'mvp': {'build_cost': -5, 'yeras': 3}\n"
    "}\n";
static const struct want e4_errors[] = {
    {3, 31,
     "uncertainty: \"scenarios\" must be a whole number from 1 to 1000000000"},
    {3, 42,
     "uncertainty: \"seed\" must be a whole number from 0 to 4294967295"},
    {3, 57,
     "uncertainty of demand \"x\": no such item"},
    {3, 113,
     "uncertainty of demand \"w\": give \"rel_sd\" or \"rel_range\", not both"},
    {4, 28,
     "uncertainty of price \"w\": \"rel_range\" must be between 0 and 1, not 2"},
    {4, 66,
     "uncertainty of cost \"*\": give \"rel_sd\" or \"rel_range\""},
    {4, 67,
     "unknown key \"sd\" in uncertainty of cost \"*\""},
    {4, 91,
     "uncertainty of capacity \"w\": the item has no \"capacity\""},
    {5, 9,
     "mvp: \"years\" is missing"},
    {5, 24,
     "mvp: \"build_cost\" must be a number >= 0"},
    {5, 28,
     "unknown key \"yeras\" in \"mvp\" (did you mean \"years\"?)"},
};

/* sections of the wrong JSON type */
static const char *const e9_json =
    "{'items': 'none', 'activities': [], 'constraints': {'a': 1}, 'baseline': 3, 'periods': 'Mon', 'objective': 'max_profit', 'horizons_per_year': 0, 'name': 5}\n";
static const struct want e9_errors[] = {
    {1, 11,
     "\"items\" must be an object, not a string"},
    {1, 33,
     "\"activities\" must be an object, not an array"},
    {1, 52,
     "\"constraints\" must be an array of objects, not an object"},
    {1, 74,
     "\"baseline\" must be an object, not a number"},
    {1, 88,
     "\"periods\" must be an array of period names, not a string"},
    {1, 108,
     "unknown objective \"max_profit\": \"min_cost\" or \"max_margin\""},
    {1, 143,
     "\"horizons_per_year\" must be a number > 0, not 0"},
    {1, 154,
     "\"name\" must be a string, not a number"},
};

/* on/off binaries without a provable bound */
static const char *const e10_json =
    "{'periods': ['a', 'b'],\n"
    " 'items': {'w': {'demand': 5}, 'h': {'capacity': [3, 4], 'buy_cost': 1}},\n"
    " 'activities': {'run': {'fixed_cost': 5, 'in': {'w': 1}},\n"
    "                'lot': {'min_batch': [0, 2], 'in': {'h': 1}},\n"
    "                'ok': {'fixed_cost': 1, 'out': {'w': 2}}}\n"
    "}\n";
static const struct want e10_errors[] = {
    {3, 25,
     "activity \"run\": \"fixed_cost\" needs a finite bound on the level in period \"a\", and none can be proven: give \"max\" (or bound what the activity uses or makes)"},
    {4, 25,
     "activity \"lot\": \"min_batch\" needs a finite bound on the level in period \"b\", and none can be proven: give \"max\" (or bound what the activity uses or makes)"},
    {5, 24,
     "activity \"ok\": \"fixed_cost\" needs a finite bound on the level in period \"a\", and none can be proven: give \"max\" (or bound what the activity uses or makes)"},
};

static void many_errors_at_once(void **state)
{
    (void)state;
    EXPECT_ALL(e1);
    /* the first error, formatted for a command line */
    po_process *p = load_bad(e1_json, PO_EMODEL);
    assert_string_equal(po_process_errmsg(p),
                        "bad.json:2:29: \"periods\": period \"Mon\" is named twice");
    assert_int_equal(po_process_num_dropped_errors(p), 0);
    po_process_free(p);
}

static void capacity_and_demand_keys(void **state)
{
    (void)state;
    EXPECT_ALL(e2);
}

static void uncertainty_and_mvp(void **state)
{
    (void)state;
    EXPECT_ALL(e4);
}

static void wrong_json_types(void **state)
{
    (void)state;
    EXPECT_ALL(e9);
}

static void no_provable_bound(void **state)
{
    (void)state;
    EXPECT_ALL(e10);
}

/* dispose_cost (extension): never negative (with the hint), never on a
 * capacity item, arrays of the right length, typos suggested. */
static const char *const e11_json =
    "{'periods': ['a', 'b'],\n"
    " 'items': {'h': {'capacity': 4, 'dispose_cost': 1},\n"
    "           'w': {'dispose_cost': [1, -0.5], 'demand': 1},\n"
    "           'v': {'dispose_cost': [1, 2, 3], 'dispose_cots': 1}}\n"
    "}\n";
static const struct want e11_errors[] = {
    {2, 33,
     "item \"h\": a capacity item takes no \"dispose_cost\" (capacity is renewable: it is neither sold, stored nor disposed of)"},
    {3, 38,
     "item \"w\": \"dispose_cost\" is negative (-0.5) in period \"b\" (a salvage value is a sale: give the item a \"demand\" and a \"price\")"},
    {4, 18,
     "item \"v\": \"dispose_cost\" has 3 values but there are 2 periods"},
    {4, 45,
     "unknown key \"dispose_cots\" in item \"v\" (did you mean \"dispose_cost\"?)"},
};

static void dispose_cost_errors(void **state)
{
    (void)state;
    EXPECT_ALL(e11);
}

/* The example of the issue, to the letter. */
static void captiy(void **state)
{
    (void)state;
    po_process *p = load_bad("{'items': {\n"
                             "  'oven_h': {'captiy': 18}}}",
                             PO_EMODEL);
    assert_int_equal(po_process_num_errors(p), 1);
    expect_error(p, 0, 2, 14,
                 "unknown key \"captiy\" in item \"oven_h\" (did you mean "
                 "\"capacity\"?)");
    po_process_free(p);
}

/* jansson's syntax errors keep its line and column; duplicate keys are
 * rejected, not silently merged. */
static void syntax_errors(void **state)
{
    (void)state;
    po_process *p = load_bad("{'items': {'a': 1,}}", PO_EPARSE);
    expect_error(p, 0, 1, 19, "string or '}' expected near '}'");
    assert_int_equal(po_process_errcode(p), PO_EPARSE);
    po_process_free(p);
    p = load_bad("{'items': {},\n 'items': {}}", PO_EPARSE);
    expect_error(p, 0, 2, 8, "duplicate object key near '\"items\"'");
    po_process_free(p);
    p = load_bad("", PO_EPARSE);
    expect_error(p, 0, 1, 1, "'[' or '{' expected near end of file");
    po_process_free(p);
    p = load_bad("{'items': {'w': {'demand': 1e999}}}", PO_EPARSE);
    expect_error(p, 0, 1, 32, "real number overflow near '1e999'");
    po_process_free(p);
    p = load_bad("[1, 2]", PO_EMODEL);
    assert_int_equal(po_process_num_errors(p), 1);
    expect_error(p, 0, 1, 1, "a process model is a JSON object, not an array");
    po_process_free(p);
    p = load_bad("{}", PO_EMODEL);
    expect_error(p, 0, 0, 0, "the model defines no items and no activities");
    assert_string_equal(po_process_errmsg(p),
                        "the model defines no items and no activities");
    po_process_free(p);
}

/* Columns count characters: the two-byte "é" is one column. */
static void columns_count_characters(void **state)
{
    (void)state;
    po_process *p = load_bad("{'items': {'pâte': {'demand': -1}}}", PO_EMODEL);
    expect_error(p, 0, 1, 31, "item \"pâte\": \"demand\" is negative (-1)");
    po_process_free(p);
}

/* Values of every wrong kind where numbers belong. */
static void not_numbers(void **state)
{
    (void)state;
    po_process *p = load_bad(
        "{'periods': ['a', 'b'],\n"
        " 'items': {'w': {'demand': [1, 'x'], 'price': true, 'buy_max': {}},\n"
        "           'h': {'capacity': []}},\n"
        " 'activities': {'make': {'in': {'h': '2'}, 'out': {'w': 1}, 'cost': [1, 2, 3]}},\n"
        " 'constraints': [{'terms': {'make': null}, 'max': 1}, {'max': 2}, 3]}",
        PO_EMODEL);
    static const struct want w[] = {
        {2, 32, "item \"w\": \"demand\" in period \"b\" must be a number, not a string"},
        {2, 47, "item \"w\": \"price\" must be a number or an array of numbers, not a boolean"},
        {2, 64, "item \"w\": \"buy_max\" must be a number or an array of numbers, not an object"},
        {3, 30, "item \"h\": \"capacity\" is an empty array: give a number, or one per period"},
        {4, 38, "activity \"make\": \"in\": the rate of \"h\" must be a number, not a string"},
        {4, 61, "activity \"make\": \"cost\" has 3 values but there are 2 periods"},
        {5, 37, "constraint \"c1\": the coefficient of \"make\" must be a number, not null"},
        {5, 55, "constraint \"c2\" has no \"terms\""},
        {5, 67, "constraint 3 must be an object, not a number"},
    };
    int n = (int)(sizeof w / sizeof w[0]);
    if (po_process_num_errors(p) != n) {
        dump_errors(p);
        fail();
    }
    for (int k = 0; k < n; k++)
        expect_error(p, k, w[k].line, w[k].col, w[k].msg);
    po_process_free(p);
}

/* More than PO_PROCESS_MAX_ERRORS mistakes: the first 20 are kept, the
 * rest counted. */
static void error_cap(void **state)
{
    (void)state;
    char json[4096];
    size_t o = (size_t)snprintf(json, sizeof json, "{'items': {\n");
    for (int k = 0; k < 25; k++)
        o += (size_t)snprintf(json + o, sizeof json - o,
                              "  'i%02d': {'demand': -%d}%s\n", k, k + 1,
                              k < 24 ? "," : "");
    snprintf(json + o, sizeof json - o, "}}");
    po_process *p = load_bad(json, PO_EMODEL);
    assert_int_equal(po_process_num_errors(p), PO_PROCESS_MAX_ERRORS);
    assert_int_equal(po_process_num_dropped_errors(p), 5);
    expect_error(p, 0, 2, 21, "item \"i00\": \"demand\" is negative (-1)");
    expect_error(p, 19, 21, 21, "item \"i19\": \"demand\" is negative (-20)");
    assert_null(po_process_error_message(p, 20));
    assert_int_equal(po_process_error_line(p, 20), 0);
    po_process_free(p);
}

/* A failed load changes nothing; the next good load clears the errors. */
static void failed_load_keeps_model(void **state)
{
    (void)state;
    po_process *p = load_ok("{'items': {'w': {'demand': 2}},"
                            " 'activities': {'make': {'cost': 3, 'out': {'w': 1}}}}");
    char *bad = q("{'items': {'w': {'demand': -2}}}");
    assert_int_equal(po_process_load_string(p, bad, NULL), PO_EMODEL);
    free(bad);
    assert_string_equal(po_process_errmsg(p),
                        "<string>:1:28: item \"w\": \"demand\" is negative (-2)");
    assert_int_equal(po_process_num_items(p), 1);
    assert_int_equal(po_process_num_activities(p), 1);
    po_plan *pl = solve_ok(p);
    near(po_plan_total_cost(pl), 6, "old model still there");
    po_plan_free(pl);
    char *good = q("{'items': {'v': {'demand': 1}, 'u': {}}}");
    assert_int_equal(po_process_load_string(p, good, NULL), PO_OK);
    free(good);
    assert_int_equal(po_process_num_errors(p), 0);
    assert_string_equal(po_process_errmsg(p), "");
    assert_int_equal(po_process_num_items(p), 2);
    assert_int_equal(po_process_num_activities(p), 0);
    po_process_free(p);
}

static void io_errors(void **state)
{
    (void)state;
    po_process *p = po_process_new();
    assert_int_equal(po_process_load_file(p, "/nonexistent/model.json"), PO_EIO);
    assert_string_equal(po_process_errmsg(p),
                        "/nonexistent/model.json: cannot open: No such file or directory");
    assert_int_equal(po_process_load_file(p, NULL), PO_EINVAL);
    assert_int_equal(po_process_load_string(p, NULL, NULL), PO_EINVAL);
    assert_int_equal(po_process_load_stream(p, NULL, NULL), PO_EINVAL);
    assert_int_equal(po_process_load_file(NULL, "x"), PO_EINVAL);
    po_process_free(p);
    po_process_free(NULL);
}

/* The builder rejects the same mistakes, one call at a time, and a
 * rejected call changes nothing. */
static void builder_errors(void **state)
{
    (void)state;
    po_process *p = po_process_new();
    const char *per[] = {"Mon", "Tue"};
    double two[2] = {1, 2}, three[3] = {1, 2, 3}, neg = -1, nan_ = NAN,
           inf_ = INFINITY, huge = 1e20;
    assert_int_equal(po_process_set_periods(p, 2, per), PO_OK);
    assert_int_equal(po_process_add_item(p, "oven_h"), PO_OK);
    assert_int_equal(po_process_add_item(p, "oven_h"), PO_EDUPNAME);
    assert_string_equal(po_process_errmsg(p), "item \"oven_h\" is defined twice");
    assert_int_equal(po_process_add_item(p, ""), PO_ENAME);
    assert_int_equal(po_process_set_item_param(p, "oven_h", "captiy", two, 1),
                     PO_EINVAL);
    assert_string_equal(po_process_errmsg(p),
                        "unknown key \"captiy\" in item \"oven_h\" (did you "
                        "mean \"capacity\"?)");
    assert_int_equal(po_process_set_item_param(p, "oven", "capacity", two, 1),
                     PO_ENOTFOUND);
    assert_string_equal(po_process_errmsg(p),
                        "no item \"oven\" (did you mean \"oven_h\"?)");
    assert_int_equal(po_process_set_item_param(p, "oven_h", "capacity", three, 3),
                     PO_EINVAL);
    assert_string_equal(po_process_errmsg(p),
                        "item \"oven_h\": \"capacity\" has 3 values but there "
                        "are 2 periods");
    assert_int_equal(po_process_set_item_param(p, "oven_h", "capacity", &neg, 1),
                     PO_EINVAL);
    assert_int_equal(po_process_set_item_param(p, "oven_h", "capacity", &nan_, 1),
                     PO_ENAN);
    assert_int_equal(po_process_set_item_param(p, "oven_h", "capacity", &inf_, 1),
                     PO_EINF);
    assert_int_equal(po_process_set_item_param(p, "oven_h", "capacity", &huge, 1),
                     PO_EINVAL);
    assert_int_equal(po_process_set_item_param(p, "oven_h", "initial", two, 2),
                     PO_EINVAL);
    assert_string_equal(po_process_errmsg(p),
                        "item \"oven_h\": \"initial\" is one number, not one "
                        "per period");
    /* nothing of the above was stored */
    assert_true(isnan(po_process_item_param(p, 0, "capacity", 0)));
    assert_int_equal(po_process_set_item_param(p, "oven_h", "capacity", two, 2),
                     PO_OK);
    assert_int_equal(po_process_num_errors(p), 0);
    near(po_process_item_param(p, 0, "capacity", 1), 2, "capacity Tue");
    /* periods cannot change under an array of another length */
    const char *one[] = {"Mon"};
    assert_int_equal(po_process_set_periods(p, 1, one), PO_EINVAL);
    assert_string_equal(po_process_errmsg(p),
                        "cannot set 1 periods: item \"oven_h\" has \"capacity\" "
                        "with 2 values");
    const char *dup[] = {"a", "a"};
    assert_int_equal(po_process_set_periods(p, 2, dup), PO_EDUPNAME);
    assert_int_equal(po_process_set_periods(p, 0, dup), PO_EINVAL);
    assert_int_equal(po_process_num_periods(p), 2);

    assert_int_equal(po_process_add_activity(p, "bake"), PO_OK);
    assert_int_equal(po_process_set_rate(p, "bake", "in", "oven_h", -1), PO_EINVAL);
    assert_int_equal(po_process_set_rate(p, "bake", "sideways", "oven_h", 1),
                     PO_EINVAL);
    assert_int_equal(po_process_set_activity_flag(p, "bake", "integr", 1),
                     PO_EINVAL);
    assert_string_equal(po_process_errmsg(p),
                        "activity \"bake\": unknown flag \"integr\" (did you "
                        "mean \"integer\"?)");
    assert_int_equal(po_process_set_activity_param(p, "bake", "fixed_cost", two, 1),
                     PO_OK);
    /* an undefined item and an unbounded fixed cost: found by validation */
    assert_int_equal(po_process_set_rate(p, "bake", "in", "flour", 1), PO_OK);
    assert_int_equal(po_process_validate(p), PO_EMODEL);
    assert_int_equal(po_process_num_errors(p), 1);
    expect_error(p, 0, 0, 0,
                 "activity \"bake\": \"in\" uses undefined item \"flour\"");
    po_model *m = (po_model *)1;
    assert_int_equal(po_process_compile(p, &m), PO_EMODEL);
    assert_null(m);
    /* flour that nobody sells, stores or makes bounds bake at 0 ... */
    assert_int_equal(po_process_add_item(p, "flour"), PO_OK);
    assert_int_equal(po_process_validate(p), PO_OK);
    /* ... flour that can be bought without limit does not */
    double price = 0.5;
    assert_int_equal(po_process_set_item_param(p, "flour", "buy_cost", &price, 1),
                     PO_OK);
    assert_int_equal(po_process_validate(p), PO_EMODEL);
    expect_error(p, 0, 0, 0,
                 "activity \"bake\": \"fixed_cost\" needs a finite bound on the "
                 "level in period \"Mon\", and none can be proven: give \"max\" "
                 "(or bound what the activity uses or makes)");
    double cap = 10;
    assert_int_equal(po_process_set_item_param(p, "flour", "buy_max", &cap, 1),
                     PO_OK);
    assert_int_equal(po_process_validate(p), PO_OK);
    assert_int_equal(po_process_compile_baseline(p, &m), PO_EMODEL);
    assert_string_equal(po_process_errmsg(p), "the model has no \"baseline\"");

    assert_int_equal(po_process_set_objective(p, (po_objective)7), PO_EINVAL);
    assert_int_equal(po_process_set_horizons_per_year(p, -1), PO_EINVAL);
    assert_int_equal(po_process_set_scenarios(p, 0, 1), PO_EINVAL);
    assert_int_equal(po_process_add_uncertainty(p, PO_UNC_DEMAND, "w",
                                                PO_UNC_REL_RANGE, 1.5),
                     PO_EINVAL);
    assert_int_equal(po_process_set_mvp(p, 1, 1, 0), PO_EINVAL);
    assert_int_equal(po_process_set_constraint_term(p, "nope", "bake", 1),
                     PO_ENOTFOUND);
    po_process_free(p);
}


/* Damaged texts never crash the reader: 1000 deterministic mutations of a
 * valid model (bytes replaced by JSON punctuation, digits, letters or
 * stray UTF-8 bytes, deleted or doubled) each load to PO_OK, PO_EPARSE or
 * PO_EMODEL with at least one positioned error, and whatever loads also
 * compiles or is rejected cleanly.  (The sanitizer and valgrind runs of
 * this suite make this a memory-safety check too.) */
static void mutations_never_crash(void **state)
{
    (void)state;
    char *base = q("{'periods': ['a', 'b'],\n"
                   " 'items': {'m': {'buy_cost': [1, 2], 'store_max': 5, 'initial': 1},\n"
                   "  'h': {'capacity': 4, 'buy_max': 1, 'buy_cost': 9},\n"
                   "  'w': {'demand': [3, 4], 'price': 5, 'shortage_cost': 2}},\n"
                   " 'activities': {'make': {'cost': 1, 'fixed_cost': 2, 'min_batch': 1,\n"
                   "  'in': {'m': 1, 'h': 0.5}, 'out': {'w': 1}}},\n"
                   " 'constraints': [{'name': 'c', 'terms': {'make': 1}, 'max': 9}],\n"
                   " 'baseline': {'make': [3, 4]},\n"
                   " 'uncertainty': {'demand': {'*': {'rel_sd': 0.1}}},\n"
                   " 'mvp': {'build_cost': 1, 'years': 2}}");
    static const char alphabet[] = "{}[]\":,.-+0123456789eE \n\\tnulrsaxyz";
    size_t n = strlen(base);
    char *buf = malloc(2 * n + 8);
    assert_non_null(buf);
    unsigned long long s = 88172645463325252ULL;
    int loaded = 0;
    for (int round = 0; round < 1000; round++) {
        memcpy(buf, base, n + 1);
        size_t len = n;
        int edits = 1 + round % 3;
        for (int e = 0; e < edits && len > 1; e++) {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            size_t at = (size_t)(s % len);
            unsigned op = (unsigned)((s >> 20) % 4);
            char c = (s >> 32) % 8 == 0 ? (char)(0x80 + (s >> 40) % 0x80)
                                        : alphabet[(s >> 40) % (sizeof alphabet - 1)];
            if (op == 0 || op == 1) {
                buf[at] = c;
            } else if (op == 2) {
                memmove(buf + at, buf + at + 1, len - at);
                len--;
            } else {
                memmove(buf + at + 1, buf + at, len - at + 1);
                len++;
            }
        }
        po_process *p = po_process_new();
        po_status st = po_process_load_string(p, buf, NULL);
        if (st == PO_OK) {
            loaded++;
            po_model *m = NULL;
            po_status cs = po_process_compile(p, &m);
            assert_true(cs == PO_OK || cs == PO_EMODEL);
            po_model_free(m);
        } else {
            assert_true(st == PO_EPARSE || st == PO_EMODEL);
            assert_true(po_process_num_errors(p) >= 1);
            assert_true(po_process_error_line(p, 0) >= 0);
            assert_true(strlen(po_process_errmsg(p)) > 0);
        }
        po_process_free(p);
    }
    /* some mutations (in a number, say) leave a valid model */
    assert_true(loaded > 0);
    free(buf);
    free(base);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(many_errors_at_once),
        cmocka_unit_test(capacity_and_demand_keys),
        cmocka_unit_test(uncertainty_and_mvp),
        cmocka_unit_test(wrong_json_types),
        cmocka_unit_test(no_provable_bound),
        cmocka_unit_test(dispose_cost_errors),
        cmocka_unit_test(captiy),
        cmocka_unit_test(syntax_errors),
        cmocka_unit_test(columns_count_characters),
        cmocka_unit_test(not_numbers),
        cmocka_unit_test(error_cap),
        cmocka_unit_test(failed_load_keeps_model),
        cmocka_unit_test(io_errors),
        cmocka_unit_test(builder_errors),
        cmocka_unit_test(mutations_never_crash),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
