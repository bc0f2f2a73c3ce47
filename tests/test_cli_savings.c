/*
 * test_cli_savings.c -- what `procopt solve MODEL.json` reports besides the
 * plan: the baseline and the savings against it, what today's plan breaks,
 * what limits the plan (shadow prices), and why an infeasible model cannot
 * hold (its conflict set).
 *
 * As tests/test_cli_process.c: $PROCOPT_BIN (default $PROCOPT_BUILD/procopt,
 * then build/procopt) runs in a child process, wrapped by PROCOPT_TEST_WRAP
 * when set; examples are read from $PROCOPT_SRC/examples (default: the
 * current directory).  Expected figures: examples/README.md and the .hand.md
 * files for the examples; the small models below were solved by hand.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>

#include "procopt.h"
#include "cli_harness.h"


/* An example of the repository. */
static const char *example(const char *name)
{
    static char ring[4][1024];
    static int next;
    const char *src = getenv("PROCOPT_SRC");
    char *p = ring[next++ % 4];
    snprintf(p, 1024, "%s/examples/%s", src && *src ? src : ".", name);
    if (access(p, R_OK) != 0)
        fail_msg("%s not found (set PROCOPT_SRC to the repository root)", p);
    return p;
}

static int has_entry(json_t *arr, const char *kind, const char *name,
                     const char *period)
{
    size_t i;
    json_t *e;
    json_array_foreach(arr, i, e) {
        if (strcmp(jstr(e, "kind"), kind) == 0 &&
            strcmp(jstr(e, "name"), name) == 0 &&
            strcmp(jstr(e, "period"), period) == 0)
            return 1;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Savings                                                            */
/* ------------------------------------------------------------------ */

/* distribution.json (examples/README.md, distribution.hand.md): optimum
 * 207630, today's plan 211140, savings 3510 per week, 52 weeks a year. */
static void test_distribution_savings(void **state)
{
    (void)state;
    run_result r = RUN("solve", "--json", example("distribution.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "optimal");
    assert_near(jnum(j, "total_cost", NULL), 207630);
    assert_string_equal(jstr(json_object_get(j, "baseline"), "status"), "optimal");
    assert_near(jnum(j, "baseline", "total_cost", NULL), 211140);
    assert_null(json_object_get(json_object_get(j, "baseline"), "breaches"));
    assert_near(jnum(j, "savings", "per_horizon", NULL), 3510);
    assert_near(jnum(j, "savings", "per_year", NULL), 3510.0 * 52);
    assert_near(jnum(j, "savings", "relative", NULL), 3510.0 / 211140);
    /* The split by kind adds up to the savings. */
    double sum = 0;
    const char *key;
    json_t *v;
    json_object_foreach(jval(j, "savings", "by_kind", NULL), key, v) {
        assert_true(json_is_number(v));
        sum += json_number_value(v);
    }
    assert_near(sum, 3510);
    /* Largest change first, each entry consistent. */
    json_t *ch = jval(j, "savings", "changes", NULL);
    assert_true(json_array_size(ch) > 0 && json_array_size(ch) <= 10);
    double prev = INFINITY;
    size_t i;
    json_array_foreach(ch, i, v) {
        double c = jnum(v, "change", NULL);
        assert_near(c, jnum(v, "optimized", NULL) - jnum(v, "baseline", NULL));
        assert_true(fabs(c) <= prev + 1e-9);
        prev = fabs(c);
    }
    json_decref(j);
    run_free(&r);

    r = RUN("solve", example("distribution.json"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "Savings against today's plan"));
    assert_non_null(strstr(r.out, "per horizon: 3510.00 EUR"));
    assert_non_null(strstr(r.out, "per year:    182520.00 EUR"));
    run_free(&r);
}

/* bakery_design.json: today's plan bakes more baguettes than sell every
 * day and 650 on Saturday against max_baguette's 600. */
static void test_bakery_breaches(void **state)
{
    (void)state;
    run_result r = RUN("solve", "--json", example("bakery_design.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(json_object_get(j, "baseline"), "status"),
                        "infeasible");
    assert_true(json_is_null(jval(j, "baseline", "total_cost", NULL)));
    assert_true(json_is_null(jval(j, "savings", "per_horizon", NULL)));
    json_t *br = jval(j, "baseline", "breaches", NULL);
    assert_true(has_entry(br, "balance", "baguette", "Sat"));
    assert_true(has_entry(br, "constraint", "max_baguette", "Sat"));
    size_t i;
    json_t *e;
    json_array_foreach(br, i, e) {
        if (strcmp(jstr(e, "name"), "max_baguette") == 0)
            assert_near(jnum(e, "amount", NULL), 50);
        assert_true(strlen(jstr(e, "message")) > 0);
    }
    json_decref(j);
    run_free(&r);

    r = RUN("solve", example("bakery_design.json"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "today's plan cannot be run as given"));
    assert_non_null(strstr(r.out, "Sat: today's plan gives max_baguette = 650, "
                                  "its max is 600"));
    run_free(&r);
}

/* ------------------------------------------------------------------ */
/* Conflicts and limits                                               */
/* ------------------------------------------------------------------ */

/* Tuesday needs 30 breads x 0.5 h = 15 oven hours, the oven has 10, and
 * bread has no shortage_cost: only Tuesday's demand and capacity clash. */
static const char ONE_DAY_SHORT[] =
    "{\"periods\": [\"Mon\", \"Tue\"],\n"
    " \"items\": {\"oven_h\": {\"capacity\": 10},\n"
    "           \"bread\": {\"demand\": [5, 30]}},\n"
    " \"activities\": {\"bake\": {\"in\": {\"oven_h\": 0.5}, "
    "\"out\": {\"bread\": 1}, \"cost\": 1}}}\n";

static void test_conflict(void **state)
{
    (void)state;
    write_text("short.json", ONE_DAY_SHORT);
    run_result r = RUN("solve", "--json", path_of("short.json"));
    assert_exit(r, 3);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "infeasible");
    json_t *c = jval(j, "conflict", NULL);
    assert_int_equal(json_array_size(c), 2);
    assert_true(has_entry(c, "demand", "bread", "Tue"));
    assert_true(has_entry(c, "capacity", "oven_h", "Tue"));
    assert_true(json_is_true(jval(j, "conflict_minimal", NULL)));
    assert_null(json_object_get(j, "baseline"));
    json_decref(j);
    run_free(&r);

    r = RUN("solve", path_of("short.json"));
    assert_exit(r, 3);
    assert_non_null(strstr(r.out, "Why the model is infeasible"));
    assert_non_null(strstr(r.out, "Tue: capacity of oven_h is 10, 15 would be "
                                  "needed"));
    assert_non_null(strstr(r.out, "Tue: demand of bread is 30"));
    run_free(&r);
}

/* One day, 30 breads ordered, shortage 5 EUR each, baking 1 EUR and 0.5
 * oven hour each, 10 oven hours: 20 baked, 10 short.  One more oven hour
 * bakes 2 more: saves 2 x (5 - 1) = 8 EUR, until the 10 short are baked
 * (5 more hours, capacity 15). */
static const char OVEN_BINDS[] =
    "{\"currency\": \"EUR\", \"periods\": [\"d1\"],\n"
    " \"items\": {\"oven_h\": {\"capacity\": 10},\n"
    "           \"bread\": {\"demand\": 30, \"shortage_cost\": 5}},\n"
    " \"activities\": {\"bake\": {\"in\": {\"oven_h\": 0.5}, "
    "\"out\": {\"bread\": 1}, \"cost\": 1}}}\n";

static void test_limits(void **state)
{
    (void)state;
    write_text("oven.json", OVEN_BINDS);
    run_result r = RUN("solve", "--json", path_of("oven.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_near(jnum(j, "total_cost", NULL), 20 * 1 + 10 * 5);
    assert_null(json_object_get(j, "savings")); /* no baseline */
    json_t *sp = jval(j, "limits", "shadow_prices", NULL);
    assert_int_equal(json_array_size(sp), 1);
    json_t *e = json_array_get(sp, 0);
    assert_string_equal(jstr(e, "kind"), "capacity");
    assert_string_equal(jstr(e, "name"), "oven_h");
    assert_string_equal(jstr(e, "period"), "d1");
    assert_near(jnum(e, "value", NULL), 8);
    assert_near(jnum(e, "hi", NULL), 15);
    assert_string_equal(jstr(e, "message"),
                        "one more oven_h on d1 is worth 8.00 EUR, up to 5 more");
    assert_true(json_is_array(jval(j, "limits", "cost_ranges", NULL)));
    json_decref(j);
    run_free(&r);

    r = RUN("solve", path_of("oven.json"));
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "What limits the plan\n  - one more oven_h on "
                                  "d1 is worth 8.00 EUR, up to 5 more\n"));
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_distribution_savings),
        cmocka_unit_test(test_bakery_breaches),
        cmocka_unit_test(test_conflict),
        cmocka_unit_test(test_limits),
    };
    return cmocka_run_group_tests_name("cli_savings", tests, cli_group_setup,
                                       cli_group_teardown);
}
