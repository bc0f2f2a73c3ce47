/*
 * test_cli_process.c -- `procopt solve MODEL.json` and `procopt export`, run
 * as a user runs them.
 *
 * As tests/test_cli.c: every test runs $PROCOPT_BIN (default
 * $PROCOPT_BUILD/procopt, then build/procopt) in a child process with its
 * standard output and error captured, checks the exit status and what went
 * where, and parses the JSON back with jansson.  A child killed by a signal
 * fails the test.  PROCOPT_TEST_WRAP (e.g. "valgrind -q --error-exitcode=99")
 * wraps every run of the command (not of glpsol).
 *
 * The process models are written below with their optima computed by hand;
 * the exported LP/MIPs are solved again by glpsol, a peer that knows
 * nothing of process models.  Files go to a mkdtemp directory removed at
 * the end.
 */
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "procopt.h"
#include "cli_harness.h"

/* ------------------------------------------------------------------ */
/* JSON                                                               */
/* ------------------------------------------------------------------ */

/* A per-period array equal to `want` (n values). */
static void check_series(json_t *a, const double *want, int n, const char *what,
                         int line)
{
    if (!json_is_array(a) || (int)json_array_size(a) != n)
        fail_msg("line %d: %s is not an array of %d numbers", line, what, n);
    for (int t = 0; t < n; t++) {
        json_t *v = json_array_get(a, (size_t)t);
        if (!json_is_number(v))
            fail_msg("line %d: %s[%d] is not a number", line, what, t);
        check_near(json_number_value(v), want[t], CLI_NEAR_TOL, what, line);
    }
}
#define assert_series(a, ...)                                                 \
    check_series((a), (const double[]){__VA_ARGS__},                         \
                 (int)(sizeof((const double[]){__VA_ARGS__}) / sizeof(double)), \
                 #a, __LINE__)

/* ------------------------------------------------------------------ */
/* The models                                                         */
/* ------------------------------------------------------------------ */

/* Two days, one product made from bought wood on a machine.
 * Chairs cannot be stored and have no shortage_cost: sold = made = demand,
 * so make_chair = [4, 6].  Wood needed: 2 per chair = [8, 12].  Wood costs
 * 2 on d1 and 5 on d2; keeping a unit from d1 to d2 costs 0.5, so 2.5 < 5:
 * all 20 units are bought on d1 and 12 stored overnight.
 *   buying 20*2 = 40, storing 12*0.5 = 6, activity 3*(4+6) = 30 -> 76.
 * Machine hours: used [4, 6] of 10, slack [6, 4].  The only optimum
 * (any wood bought on d2 costs 5 - 2.5 more). */
static const char WORKSHOP[] =
    "{\n"
    "  \"name\": \"Two-day workshop\",\n"
    "  \"currency\": \"EUR\",\n"
    "  \"periods\": [\"d1\", \"d2\"],\n"
    "  \"items\": {\n"
    "    \"wood\": {\"buy_cost\": [2, 5], \"store_cost\": 0.5},\n"
    "    \"machine_h\": {\"capacity\": 10},\n"
    "    \"chair\": {\"demand\": [4, 6]}\n"
    "  },\n"
    "  \"activities\": {\n"
    "    \"make_chair\": {\"cost\": 3, \"in\": {\"wood\": 2, \"machine_h\": 1},\n"
    "                   \"out\": {\"chair\": 1}}\n"
    "  }\n"
    "}\n";

/* The workshop with a setup cost (a MIP): chairs may now be stored (1 per
 * chair and night) and each day with production pays 10.
 *   make on both days: 40 + 6 (wood stored) + 30 + 20 = 96;
 *   make all 10 on d1 (machine: exactly 10 h): wood 20*2 = 40 bought on d1
 *   and used at once, chairs stored 6*1 = 6, activity 30, one setup 10 -> 86;
 *   make all on d2: d1's demand cannot be met.
 * Optimum 86 at make_chair = [10, 0]. */
static const char SETUP[] =
    "{\n"
    "  \"currency\": \"EUR\",\n"
    "  \"periods\": [\"d1\", \"d2\"],\n"
    "  \"items\": {\n"
    "    \"wood\": {\"buy_cost\": [2, 5], \"store_cost\": 0.5},\n"
    "    \"machine_h\": {\"capacity\": 10},\n"
    "    \"chair\": {\"demand\": [4, 6], \"store_cost\": 1}\n"
    "  },\n"
    "  \"activities\": {\n"
    "    \"make_chair\": {\"cost\": 3, \"fixed_cost\": 10, \"max\": 20,\n"
    "                   \"in\": {\"wood\": 2, \"machine_h\": 1},\n"
    "                   \"out\": {\"chair\": 1}}\n"
    "  }\n"
    "}\n";

/* max_margin, one period.  A juice sells at 4 and costs 2 lemons at 1 plus
 * 0.5 to press: 1.5 margin per juice, and each juice not delivered costs 1
 * more, so the press runs at its 6 hours.
 *   revenue 6*4 = 24, buying 12, activity 3, shortage (10-6)*1 = 4:
 *   total cost 12 + 3 + 4 - 24 = -5, margin (the objective) +5.
 * Baseline press = 5: revenue 20, buying 10, activity 2.5, shortage 5:
 *   total cost -2.5. */
static const char JUICE[] =
    "{\"objective\": \"max_margin\",\n"
    " \"items\": {\"lemon\": {\"buy_cost\": 1}, \"press_h\": {\"capacity\": 6},\n"
    "           \"juice\": {\"demand\": 10, \"price\": 4, \"shortage_cost\": 1}},\n"
    " \"activities\": {\"press\": {\"cost\": 0.5, \"in\": {\"lemon\": 2, \"press_h\": 1},\n"
    "                            \"out\": {\"juice\": 1}}},\n"
    " \"baseline\": {\"press\": 5}}\n";

/* Demand 5 must be delivered (no shortage_cost) but the machine makes 2. */
static const char SHORT_OF_CAPACITY[] =
    "{\"items\": {\"a\": {\"demand\": 5}, \"cap\": {\"capacity\": 2}},\n"
    " \"activities\": {\"make\": {\"in\": {\"cap\": 1}, \"out\": {\"a\": 1}}}}\n";

/* Line 2 has a trailing comma; column 21 is the '}' after it. */
static const char SYNTAX_ERROR[] =
    "{\"items\": {\n"
    "  \"a\": {\"demand\": 1,}\n"
    "}}\n";

/* Three errors, on lines 2, 3 and 4. */
static const char THREE_ERRORS[] =
    "{\"periods\": [\"a\", \"b\"],\n"
    " \"items\": {\"oven\": {\"captiy\": 3},\n"
    "  \"x\": {\"demand\": [1, 2, 3]}},\n"
    " \"activities\": {\"act\": {\"in\": {\"nope\": 1}}}\n"
    "}\n";

/* ------------------------------------------------------------------ */
/* solve                                                              */
/* ------------------------------------------------------------------ */

static void test_min_cost_json(void **state)
{
    (void)state;
    write_text("workshop.json", WORKSHOP);
    run_result r = RUN("solve", "--json", path_of("workshop.json"));
    assert_exit(r, 0);
    assert_int_equal(r.errlen, 0);
    json_t *j = parse_json(&r);

    assert_string_equal(jstr(j, "status"), "optimal");
    assert_string_equal(jstr(j, "format"), "json");
    assert_string_equal(jstr(j, "name"), "Two-day workshop");
    assert_string_equal(jstr(j, "objective_kind"), "min_cost");
    assert_string_equal(jstr(j, "currency"), "EUR");
    assert_near(jnum(j, "objective", NULL), 76);
    assert_near(jnum(j, "total_cost", NULL), 76);
    assert_near(jnum(j, "costs", "buying", NULL), 40);
    assert_near(jnum(j, "costs", "storing", NULL), 6);
    assert_near(jnum(j, "costs", "activity", NULL), 30);
    assert_near(jnum(j, "costs", "fixed", NULL), 0);
    assert_near(jnum(j, "costs", "shortage", NULL), 0);
    assert_near(jnum(j, "costs", "revenue", NULL), 0);
    assert_true(json_is_false(jval(j, "integer", NULL)));
    json_t *periods = jval(j, "periods", NULL);
    assert_int_equal(json_array_size(periods), 2);
    assert_string_equal(json_string_value(json_array_get(periods, 0)), "d1");
    assert_string_equal(json_string_value(json_array_get(periods, 1)), "d2");
    assert_true(jnum(j, "time_s", NULL) >= 0);

    assert_series(jval(j, "plan", "activities", "make_chair", NULL), 4, 6);
    assert_series(jval(j, "plan", "buy", "wood", NULL), 20, 0);
    assert_series(jval(j, "plan", "stock", "wood", NULL), 12, 0);
    assert_series(jval(j, "plan", "sold", "chair", NULL), 4, 6);
    assert_series(jval(j, "plan", "shortage", "chair", NULL), 0, 0);
    assert_series(jval(j, "plan", "capacity", "machine_h", "used", NULL), 4, 6);
    assert_series(jval(j, "plan", "capacity", "machine_h", "slack", NULL), 6, 4);
    /* Only the series an item has: wood is not sold, chairs are not bought
     * or stored, the machine is no stock. */
    assert_null(json_object_get(jval(j, "plan", "sold", NULL), "wood"));
    assert_null(json_object_get(jval(j, "plan", "buy", NULL), "chair"));
    assert_null(json_object_get(jval(j, "plan", "stock", NULL), "chair"));
    assert_null(json_object_get(jval(j, "plan", "stock", NULL), "machine_h"));
    assert_null(json_object_get(jval(j, "plan", "capacity", NULL), "wood"));

    /* rows and cols are the compiled model's: the exported LP has them. */
    int rows = (int)jnum(j, "rows", NULL), cols = (int)jnum(j, "cols", NULL);
    json_decref(j);
    run_free(&r);
    r = RUN("export", path_of("workshop.json"), "-o", path_of("workshop.lp"));
    assert_exit(r, 0);
    run_free(&r);
    r = RUN("solve", "--json", path_of("workshop.lp"));
    assert_exit(r, 0);
    j = parse_json(&r);
    assert_int_equal((int)jnum(j, "rows", NULL), rows);
    assert_int_equal((int)jnum(j, "cols", NULL), cols);
    assert_near(jnum(j, "objective", NULL), 76);
    json_decref(j);
    run_free(&r);
}

static void test_mip_json(void **state)
{
    (void)state;
    write_text("setup.json", SETUP);
    run_result r = RUN("solve", "--json", path_of("setup.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "optimal");
    assert_true(json_is_true(jval(j, "integer", NULL)));
    assert_true(jnum(j, "integer_vars", NULL) >= 1);
    assert_near(jnum(j, "objective", NULL), 86);
    assert_near(jnum(j, "best_bound", NULL), 86);
    assert_near(jnum(j, "costs", "fixed", NULL), 10);
    assert_near(jnum(j, "costs", "storing", NULL), 6);
    assert_series(jval(j, "plan", "activities", "make_chair", NULL), 10, 0);
    assert_series(jval(j, "plan", "stock", "chair", NULL), 6, 0);
    assert_series(jval(j, "plan", "capacity", "machine_h", "slack", NULL), 0, 10);
    json_decref(j);
    run_free(&r);
}

static void test_max_margin(void **state)
{
    (void)state;
    write_text("juice.json", JUICE);
    run_result r = RUN("solve", "--json", path_of("juice.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "objective_kind"), "max_margin");
    /* The margin is the objective; the total cost is its opposite. */
    assert_near(jnum(j, "objective", NULL), 5);
    assert_near(jnum(j, "total_cost", NULL), -5);
    assert_near(jnum(j, "costs", "revenue", NULL), 24);
    assert_near(jnum(j, "costs", "buying", NULL), 12);
    assert_near(jnum(j, "costs", "activity", NULL), 3);
    assert_near(jnum(j, "costs", "shortage", NULL), 4);
    assert_true(json_is_null(jval(j, "currency", NULL)));
    assert_true(json_is_null(jval(j, "name", NULL)));
    /* One period without "periods": one unnamed period. */
    assert_int_equal(json_array_size(jval(j, "periods", NULL)), 1);
    assert_series(jval(j, "plan", "activities", "press", NULL), 6);
    assert_series(jval(j, "plan", "sold", "juice", NULL), 6);
    assert_series(jval(j, "plan", "shortage", "juice", NULL), 4);
    assert_series(jval(j, "plan", "buy", "lemon", NULL), 12);
    assert_series(jval(j, "plan", "capacity", "press_h", "used", NULL), 6);
    assert_series(jval(j, "plan", "capacity", "press_h", "slack", NULL), 0);
    json_decref(j);
    run_free(&r);

    r = RUN("solve", path_of("juice.json"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "objective:   5.00 margin (maximized)\n"));
    assert_non_null(strstr(r.out, "total cost:  -5.00\n"));
    /* Revenue is shown negative: the split adds up to the total cost. */
    assert_non_null(strstr(r.out, "  revenue    "));
    assert_non_null(strstr(r.out, "-24.00\n"));
    run_free(&r);
}

static void test_text_report(void **state)
{
    (void)state;
    char line[512];
    write_text("workshop.json", WORKSHOP);
    run_result r = RUN("solve", path_of("workshop.json"));
    assert_exit(r, 0);
    assert_int_equal(r.errlen, 0);
    assert_non_null(strstr(r.out, "status:      optimal\n"));
    assert_non_null(strstr(r.out, "objective:   76.00 EUR total cost (minimized)\n"));
    assert_non_null(strstr(r.out, "total cost:  76.00 EUR\n"));
    assert_non_null(strstr(r.out, "compiled:    LP, "));
    assert_non_null(strstr(r.out, "costs (EUR):\n"));

    /* The cost split, one kind a line. */
    const char *p = strstr(r.out, "\n  buying ");
    assert_non_null(p);
    double v;
    assert_int_equal(sscanf(p, " buying %lf", &v), 1);
    assert_near(v, 40);
    p = strstr(r.out, "\n  storing ");
    assert_non_null(p);
    assert_int_equal(sscanf(p, " storing %lf", &v), 1);
    assert_near(v, 6);

    /* The plan table: a header with the periods, then the activity's row
     * with its levels and total, items' rows under their name. */
    p = strstr(r.out, "\nactivities ");
    assert_non_null(p);
    line_of(p + 1, 0, line, sizeof line);
    {
        char a[16], b[16], c[16], d[16];
        assert_int_equal(sscanf(line, "%15s %15s %15s %15s", a, b, c, d), 4);
        assert_string_equal(a, "activities");
        assert_string_equal(b, "d1");
        assert_string_equal(c, "d2");
        assert_string_equal(d, "total");
    }
    line_of(p + 1, 1, line, sizeof line);
    {
        double x1, x2, tot;
        char name[32];
        assert_int_equal(sscanf(line, " %31s %lf %lf %lf", name, &x1, &x2, &tot), 4);
        assert_string_equal(name, "make_chair");
        assert_near(x1, 4);
        assert_near(x2, 6);
        assert_near(tot, 10);
    }
    p = strstr(r.out, "\n  wood ");
    assert_non_null(p);
    {
        double b1, b2;
        assert_int_equal(sscanf(p, " wood buy %lf %lf", &b1, &b2), 2);
        assert_near(b1, 20);
        assert_near(b2, 0);
    }
    p = strstr(p + 1, "\n ");
    assert_non_null(p);
    {
        double s1, s2;
        assert_int_equal(sscanf(p, " stock %lf %lf", &s1, &s2), 2);
        assert_near(s1, 12);
        assert_near(s2, 0);
    }
    p = strstr(r.out, "\ncapacities ");
    assert_non_null(p);
    p = strstr(p, "\n  machine_h ");
    assert_non_null(p);
    {
        double u1, u2;
        assert_int_equal(sscanf(p, " machine_h used %lf %lf", &u1, &u2), 2);
        assert_near(u1, 4);
        assert_near(u2, 6);
    }
    run_free(&r);
}

/* Beyond 8 periods the table wraps into blocks that fit a terminal. */
static void test_wide_table(void **state)
{
    (void)state;
    char model[2048];
    snprintf(model, sizeof model,
             "{\"periods\": [\"week_01\", \"week_02\", \"week_03\", \"week_04\","
             " \"week_05\", \"week_06\", \"week_07\", \"week_08\", \"week_09\","
             " \"week_10\", \"week_11\"],\n"
             " \"items\": {\"part\": {\"buy_cost\": 1}, \"widget\": {\"demand\": "
             "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}},\n"
             " \"activities\": {\"assemble\": {\"in\": {\"part\": 3}, \"out\": "
             "{\"widget\": 1}}}}\n");
    write_text("wide.json", model);
    run_result r = RUN("solve", path_of("wide.json"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "periods 1-8 of 11:\n"));
    assert_non_null(strstr(r.out, "periods 9-11 of 11:\n"));
    assert_null(strstr(r.out, "periods 12"));
    for (int k = 0; k < count_lines(r.out); k++) {
        char line[1024];
        line_of(r.out, k, line, sizeof line);
        if (strlen(line) > 100)
            fail_msg("line %d is %zu characters: [%s]", k, strlen(line), line);
    }
    /* Week 9's level sits in the second block; the total (66) ends it. */
    const char *p = strstr(r.out, "periods 9-11 of 11:\n");
    p = strstr(p, "\n  assemble ");
    assert_non_null(p);
    double w9, w10, w11, tot;
    assert_int_equal(sscanf(p, " assemble %lf %lf %lf %lf", &w9, &w10, &w11, &tot), 4);
    assert_near(w9, 9);
    assert_near(w11, 11);
    assert_near(tot, 66);
    run_free(&r);

    /* JSON keeps one array of 11 per name. */
    r = RUN("solve", "--json", path_of("wide.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_series(jval(j, "plan", "buy", "part", NULL), 3, 6, 9, 12, 15, 18, 21,
                  24, 27, 30, 33);
    assert_near(jnum(j, "total_cost", NULL), 198);
    json_decref(j);
    run_free(&r);
}

/* What limits the plan: by default up to CLI_LIMITS_AUTO_NONZEROS (20000)
 * nonzeros of the compiled model, always with --limits, never with
 * --no-limits.  The line (capacity 10, one hour per widget) binds in every
 * period where demand is 12: one more hour is worth what a shortage costs
 * (4) less what the widget's part costs to make (3 parts at 1 each). */
static char *line_model(int periods)
{
    size_t cap = (size_t)periods * 12 + 512, len = 0;
    char *s = malloc(cap);
    assert_non_null(s);
    len += (size_t)snprintf(s + len, cap - len, "{\"periods\": [");
    for (int t = 0; t < periods; t++)
        len += (size_t)snprintf(s + len, cap - len, "%s\"t%05d\"",
                                t ? ", " : "", t);
    snprintf(s + len, cap - len,
             "],\n \"items\": {\"part\": {\"buy_cost\": 1}, \"line_h\": "
             "{\"capacity\": 10}, \"widget\": {\"demand\": 12, "
             "\"shortage_cost\": 4}},\n \"activities\": {\"assemble\": "
             "{\"in\": {\"part\": 3, \"line_h\": 1}, \"out\": {\"widget\": "
             "1}}}}\n");
    return s;
}

static void test_limits_by_size(void **state)
{
    (void)state;
    char *small = line_model(3), *large = line_model(2900);
    write_text("line_small.json", small);
    write_text("line_large.json", large);
    free(small);
    free(large);

    run_result r = RUN("solve", "--json", path_of("line_small.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    json_t *first = json_array_get(jval(j, "limits", "shadow_prices", NULL), 0);
    assert_non_null(first);
    assert_string_equal(json_string_value(json_object_get(first, "name")),
                        "line_h");
    assert_near(json_number_value(json_object_get(first, "value")), 1);
    assert_null(json_object_get(j, "limits_skipped"));
    json_decref(j);
    run_free(&r);

    r = RUN("solve", "--json", "--no-limits", path_of("line_small.json"));
    assert_exit(r, 0);
    j = parse_json(&r);
    assert_null(json_object_get(j, "limits"));
    assert_near(jnum(j, "total_cost", NULL), 3 * (30 + 4 * 2));
    json_decref(j);
    run_free(&r);

    /* 2900 periods, 20300 nonzeros: above the size, the same plan without
     * the ranging. */
    r = RUN("solve", "--json", path_of("line_large.json"));
    assert_exit(r, 0);
    j = parse_json(&r);
    assert_null(json_object_get(j, "limits"));
    json_t *skipped = json_object_get(j, "limits_skipped");
    assert_true(json_is_integer(skipped));
    assert_int_equal(json_integer_value(skipped), 2900 * 7);
    assert_near(jnum(j, "total_cost", NULL), 2900 * (30 + 4 * 2));
    json_decref(j);
    run_free(&r);

    r = RUN("solve", path_of("line_large.json"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "What limits the plan: not computed for a "
                                  "model of "));
    assert_non_null(strstr(r.out, "--limits computes it\n"));
    run_free(&r);

    r = RUN("solve", "--json", "--limits", path_of("line_large.json"));
    assert_exit(r, 0);
    j = parse_json(&r);
    first = json_array_get(jval(j, "limits", "shadow_prices", NULL), 0);
    assert_non_null(first);
    assert_near(json_number_value(json_object_get(first, "value")), 1);
    assert_null(json_object_get(j, "limits_skipped"));
    json_decref(j);
    run_free(&r);
}

static void test_infeasible(void **state)
{
    (void)state;
    write_text("short.json", SHORT_OF_CAPACITY);
    run_result r = RUN("solve", "--json", path_of("short.json"));
    assert_exit(r, 3);
    assert_int_equal(r.errlen, 0); /* an answer, not an error */
    json_t *j = parse_json(&r);
    const char *status = jstr(j, "status");
    assert_true(strcmp(status, "infeasible") == 0 ||
                strcmp(status, "infeasible_or_unbounded") == 0);
    assert_true(json_is_null(jval(j, "objective", NULL)));
    assert_true(json_is_null(jval(j, "total_cost", NULL)));
    assert_true(json_is_null(jval(j, "plan", NULL)));
    json_decref(j);
    run_free(&r);

    r = RUN("solve", path_of("short.json"));
    assert_exit(r, 3);
    assert_non_null(strstr(r.out, "objective:   none (no solution)\n"));
    assert_null(strstr(r.out, "activities"));
    run_free(&r);

    /* --quiet: the exit status alone. */
    r = RUN("solve", "--quiet", path_of("short.json"));
    assert_exit(r, 3);
    assert_int_equal(r.outlen, 0);
    run_free(&r);
}

/* ------------------------------------------------------------------ */
/* Bad files                                                          */
/* ------------------------------------------------------------------ */

static void test_syntax_error(void **state)
{
    (void)state;
    char want[700];
    write_text("syntax.json", SYNTAX_ERROR);
    run_result r = RUN("solve", "--json", path_of("syntax.json"));
    assert_errors(r, 1);
    snprintf(want, sizeof want, "procopt: %s:2:21: ", path_of("syntax.json"));
    assert_true(strncmp(r.err, want, strlen(want)) == 0);
    run_free(&r);

    /* Standard input is called "-", never by its temporary copy's name. */
    r = RUN_IN(path_of("syntax.json"), "solve", "--format", "json", "-");
    assert_errors(r, 1);
    assert_true(strncmp(r.err, "procopt: -:2:21: ", 17) == 0);
    run_free(&r);

    /* A missing file: one line naming it. */
    r = RUN("solve", path_of("missing.json"));
    assert_errors(r, 1);
    snprintf(want, sizeof want, "procopt: %s: ", path_of("missing.json"));
    assert_true(strncmp(r.err, want, strlen(want)) == 0);
    run_free(&r);
}

static void test_unknown_key(void **state)
{
    (void)state;
    char want[700];
    write_text("typo.json",
               "{\"items\": {\n"
               "  \"oven_h\": {\"captiy\": 18}\n"
               "}}\n");
    run_result r = RUN("solve", path_of("typo.json"));
    assert_errors(r, 1);
    /* Line 2, column 14: the key's opening quote. */
    snprintf(want, sizeof want, "procopt: %s:2:14: ", path_of("typo.json"));
    assert_true(strncmp(r.err, want, strlen(want)) == 0);
    assert_non_null(strstr(r.err, "\"captiy\""));
    assert_non_null(strstr(r.err, "\"oven_h\""));
    assert_non_null(strstr(r.err, "did you mean \"capacity\"?"));
    run_free(&r);
}

static void test_several_errors(void **state)
{
    (void)state;
    char want[700], line[1024];
    write_text("three.json", THREE_ERRORS);
    run_result r = RUN("solve", path_of("three.json"));
    assert_errors(r, 3);
    /* One line each, top to bottom, each naming its place and its name. */
    const struct { int line; const char *says; } e[] = {
        {2, "\"captiy\""}, {3, "\"demand\""}, {4, "\"nope\""}};
    for (int k = 0; k < 3; k++) {
        line_of(r.err, k, line, sizeof line);
        snprintf(want, sizeof want, "procopt: %s:%d:", path_of("three.json"),
                 e[k].line);
        if (strncmp(line, want, strlen(want)) != 0 || !strstr(line, e[k].says))
            fail_msg("error %d: [%s]", k, line);
    }
    run_free(&r);

    /* Past the library's cap the rest are counted. */
    {
        char text[8192] = "{\"items\": {\n";
        for (int i = 0; i < PO_PROCESS_MAX_ERRORS + 5; i++) {
            size_t n = strlen(text);
            snprintf(text + n, sizeof text - n, "  \"it%02d\": {\"captiy\": 1}%s\n",
                     i, i + 1 < PO_PROCESS_MAX_ERRORS + 5 ? "," : "");
        }
        strcat(text, "}}\n");
        write_text("many.json", text);
    }
    r = RUN("solve", path_of("many.json"));
    assert_errors(r, PO_PROCESS_MAX_ERRORS + 1);
    line_of(r.err, PO_PROCESS_MAX_ERRORS, line, sizeof line);
    snprintf(want, sizeof want, "procopt: %s: ... and 5 more errors",
             path_of("many.json"));
    assert_string_equal(line, want);
    line_of(r.err, 0, line, sizeof line);
    snprintf(want, sizeof want, "procopt: %s:2:", path_of("many.json"));
    assert_true(strncmp(line, want, strlen(want)) == 0);
    run_free(&r);

    /* export reports them the same way and writes nothing. */
    r = RUN("export", path_of("three.json"), "-o", path_of("three.lp"));
    assert_errors(r, 3);
    run_free(&r);
    assert_int_equal(access(path_of("three.lp"), F_OK), -1);
}

/* ------------------------------------------------------------------ */
/* export                                                             */
/* ------------------------------------------------------------------ */

/* The optimum glpsol finds for `file` read with `fmt_flag` (its report file
 * is read back), or NaN when it proves none. */
static double glpsol_optimum(const char *fmt_flag, const char *file)
{
    char report[600], text[8192] = {0};
    snprintf(report, sizeof report, "%s.glpsol.txt", file);
    run_result r = TOOL("glpsol", fmt_flag, file, "-o", report);
    check_exit(&r, 0, file);
    run_free(&r);
    FILE *f = fopen(report, "r");
    assert_non_null(f);
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    unlink(report);
    if (!strstr(text, "OPTIMAL")) /* "OPTIMAL" or "INTEGER OPTIMAL" */
        return NAN;
    /* "Objective:  obj = 76 (MINimum)" */
    const char *p = strstr(text, "Objective:");
    assert_non_null(p);
    p = strchr(p, '=');
    assert_non_null(p);
    return strtod(p + 1, NULL);
}

static int have_glpsol(void)
{
    run_result r = TOOL("glpsol", "--version");
    int ok = r.exited && r.code == 0;
    run_free(&r);
    return ok;
}

static void test_export_glpsol(void **state)
{
    (void)state;
    if (!have_glpsol()) {
        fprintf(stderr, "test_export_glpsol: glpsol not found, skipped "
                        "(apt-get install glpk-utils)\n");
        skip();
    }
    write_text("workshop.json", WORKSHOP);
    write_text("setup.json", SETUP);
    write_text("juice.json", JUICE);
    /* model, export options, glpsol's format flag, file, expected optimum
     * of the compiled model (the total cost: a margin's opposite). */
    const struct {
        const char *model, *opt, *flag, *file;
        double want;
    } c[] = {
        {"workshop.json", NULL, "--lp", "workshop.lp", 76},
        {"workshop.json", NULL, "--freemps", "workshop.mps", 76},
        {"workshop.json", "--to=mps", "--mps", "workshop.fixed", 76},
        {"setup.json", NULL, "--lp", "setup.lp", 86},
        {"setup.json", NULL, "--freemps", "setup.mps", 86},
        {"juice.json", NULL, "--lp", "juice.lp", -5},
        {"juice.json", NULL, "--freemps", "juice.mps", -5},
        {"juice.json", "--baseline", "--lp", "juice_base.lp", -2.5},
    };
    for (size_t i = 0; i < sizeof c / sizeof c[0]; i++) {
        const char *out = path_of(c[i].file);
        run_result r = c[i].opt ? RUN("export", c[i].opt, path_of(c[i].model),
                                      "-o", out)
                                : RUN("export", path_of(c[i].model), "-o", out);
        check_exit(&r, 0, c[i].file);
        assert_int_equal(r.outlen, 0);
        assert_int_equal(r.errlen, 0);
        run_free(&r);
        double got = glpsol_optimum(c[i].flag, out);
        if (!(fabs(got - c[i].want) <= 1e-7 * (1 + fabs(c[i].want))))
            fail_msg("%s: glpsol finds %.17g, expected %.17g", c[i].file, got,
                     c[i].want);
    }

    /* The names are readable: the LP speaks of the model's activities. */
    FILE *f = fopen(path_of("workshop.lp"), "r");
    char text[8192] = {0};
    assert_non_null(f);
    assert_true(fread(text, 1, sizeof text - 1, f) > 0);
    fclose(f);
    assert_non_null(strstr(text, "x.make_chair.d1"));
    assert_non_null(strstr(text, "buy.wood.d2"));

    /* convert compiles a process model the same way. */
    run_result r = RUN("convert", path_of("setup.json"), "-o", path_of("conv.lp"));
    assert_exit(r, 0);
    run_free(&r);
    assert_near(glpsol_optimum("--lp", path_of("conv.lp")), 86);
}

static void test_export_stdout_and_stdin(void **state)
{
    (void)state;
    write_text("workshop.json", WORKSHOP);
    run_result r = RUN("export", path_of("workshop.json"), "--to", "lp", "-o", "-");
    assert_exit(r, 0);
    assert_int_equal(r.errlen, 0);
    assert_non_null(strstr(r.out, "Minimize"));
    assert_non_null(strstr(r.out, "x.make_chair.d2"));
    run_free(&r);

    /* From standard input, written to standard output as free MPS. */
    r = RUN_IN(path_of("workshop.json"), "export", "-", "--to", "freemps", "-o", "-");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "COLUMNS"));
    assert_non_null(strstr(r.out, "x.make_chair.d1"));
    run_free(&r);

    /* Usage errors: exit 2, nothing on stdout. */
    const struct {
        const char *args[6];
        const char *says;
    } u[] = {
        {{"export", path_of("workshop.json"), "-o", "-"}, "needs --to"},
        {{"export", path_of("workshop.json")}, "missing -o OUT"},
        {{"export", "-o", path_of("x.lp")}, "missing MODEL"},
        {{"export", path_of("workshop.json"), "-o", path_of("x.txt")},
         "cannot tell the output format"},
        {{"export", path_of("workshop.json"), "--to", "gmpl", "-o", "x.mod"},
         "cannot write format 'gmpl'"},
        {{"export", path_of("a.lp"), "-o", path_of("x.lp")}, "not a process model"},
        {{"export", "--bogus", path_of("workshop.json")}, "unknown option '--bogus'"},
    };
    for (size_t i = 0; i < sizeof u / sizeof u[0]; i++) {
        const char *args[7];
        int n = 0;
        for (; n < 6 && u[i].args[n]; n++)
            args[n] = u[i].args[n];
        args[n] = NULL;
        r = run_full(0, NULL, NULL, args);
        check_exit(&r, 2, u[i].says);
        if (r.outlen != 0 || !strstr(r.err, u[i].says))
            fail_msg("case '%s': stderr [%s]", u[i].says, r.err);
        run_free(&r);
    }
}

/* Written whole or not at all: a failed export leaves no file and no
 * temporary file behind; an existing file survives a failed run. */
static void test_export_unwritable(void **state)
{
    (void)state;
    char sub[600], target[700], want[800];
    write_text("workshop.json", WORKSHOP);
    write_text("short.json", SHORT_OF_CAPACITY);

    /* A directory that does not exist. */
    snprintf(target, sizeof target, "%s", path_of("no/such/dir/m.lp"));
    run_result r = RUN("export", path_of("workshop.json"), "-o", target);
    assert_errors(r, 1);
    snprintf(want, sizeof want, "procopt: %s", target);
    assert_true(strncmp(r.err, want, strlen(want)) == 0);
    run_free(&r);
    assert_int_equal(access(target, F_OK), -1);

    /* A target that is a directory: the rename fails after writing, and
     * the temporary file must go. */
    snprintf(sub, sizeof sub, "%s", path_of("out"));
    assert_int_equal(mkdir(sub, 0700), 0);
    snprintf(target, sizeof target, "%s/isdir.lp", sub);
    assert_int_equal(mkdir(target, 0700), 0);
    r = RUN("export", path_of("workshop.json"), "-o", target);
    assert_errors(r, 1);
    run_free(&r);
    {
        DIR *d = opendir(sub);
        struct dirent *e;
        int entries = 0;
        assert_non_null(d);
        while ((e = readdir(d)) != NULL)
            if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
                if (strcmp(e->d_name, "isdir.lp") != 0 || ++entries > 1)
                    fail_msg("left behind: %s", e->d_name);
        closedir(d);
    }

    /* An existing export is untouched by a failing one. */
    snprintf(target, sizeof target, "%s/keep.lp", sub);
    r = RUN("export", path_of("workshop.json"), "-o", target);
    assert_exit(r, 0);
    run_free(&r);
    write_text("bad.json", SYNTAX_ERROR);
    r = RUN("export", path_of("bad.json"), "-o", target);
    assert_errors(r, 1);
    run_free(&r);
    FILE *f = fopen(target, "r");
    char text[4096] = {0};
    assert_non_null(f);
    assert_true(fread(text, 1, sizeof text - 1, f) > 0);
    fclose(f);
    assert_non_null(strstr(text, "x.make_chair.d1"));

    /* --baseline without a baseline: the model says why. */
    r = RUN("export", "--baseline", path_of("workshop.json"), "-o",
            path_of("base.lp"));
    assert_errors(r, 1);
    assert_non_null(strstr(r.err, "baseline"));
    run_free(&r);
    assert_int_equal(access(path_of("base.lp"), F_OK), -1);
}

/* A FIFO (or a device such as /dev/null) is written into, not replaced by
 * a regular file. */
static void test_export_to_fifo(void **state)
{
    (void)state;
    const char *fifo = path_of("pipe.lp");
    char buf[65536];
    struct stat st;
    write_text("workshop.json", WORKSHOP);
    assert_int_equal(mkfifo(fifo, 0600), 0);
    /* The read end is open before the command opens the write end (so the
     * open does not block); the small LP fits the pipe's buffer. */
    int fd = open(fifo, O_RDONLY | O_NONBLOCK);
    assert_true(fd >= 0);
    run_result r = RUN("export", path_of("workshop.json"), "--to", "lp", "-o", fifo);
    assert_exit(r, 0);
    run_free(&r);
    ssize_t n = read(fd, buf, sizeof buf - 1);
    close(fd);
    assert_true(n > 0);
    buf[n] = '\0';
    assert_non_null(strstr(buf, "x.make_chair.d1"));
    assert_int_equal(stat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));

    /* The same for the report of solve -o. */
    fd = open(fifo, O_RDONLY | O_NONBLOCK);
    assert_true(fd >= 0);
    r = RUN("solve", "--json", path_of("workshop.json"), "-o", fifo);
    assert_exit(r, 0);
    run_free(&r);
    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    assert_true(n > 0);
    buf[n] = '\0';
    assert_non_null(strstr(buf, "\"total_cost\": 76.0"));
    assert_int_equal(stat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
}

static void test_output_file(void **state)
{
    (void)state;
    write_text("workshop.json", WORKSHOP);
    const char *out = path_of("plan.json");
    run_result r = RUN("solve", "--json", "-o", out, path_of("workshop.json"));
    assert_exit(r, 0);
    assert_int_equal(r.outlen, 0);
    run_free(&r);
    json_error_t err;
    json_t *j = json_load_file(out, 0, &err);
    assert_non_null(j);
    assert_near(jnum(j, "total_cost", NULL), 76);
    json_decref(j);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_min_cost_json),
        cmocka_unit_test(test_mip_json),
        cmocka_unit_test(test_max_margin),
        cmocka_unit_test(test_text_report),
        cmocka_unit_test(test_wide_table),
        cmocka_unit_test(test_limits_by_size),
        cmocka_unit_test(test_infeasible),
        cmocka_unit_test(test_syntax_error),
        cmocka_unit_test(test_unknown_key),
        cmocka_unit_test(test_several_errors),
        cmocka_unit_test(test_export_glpsol),
        cmocka_unit_test(test_export_stdout_and_stdin),
        cmocka_unit_test(test_export_unwritable),
        cmocka_unit_test(test_export_to_fifo),
        cmocka_unit_test(test_output_file),
    };
    return cmocka_run_group_tests_name("cli_process", tests, cli_group_setup,
                                       cli_group_teardown);
}
