/*
 * test_assess_cli.c -- `procopt assess MODEL.json`, run as a user runs it:
 * the JSON fields next to those of `procopt solve --json`, the same
 * figures as the library's po_process_scenarios_run, the same results
 * whatever --threads, the text report, usage errors and exit statuses.
 *
 * As tests/test_cli_process.c, through tests/cli_harness.h: $PROCOPT_BIN
 * (default $PROCOPT_BUILD/procopt, then build/procopt) runs in a child with
 * its output captured; PROCOPT_TEST_WRAP wraps it (valgrind).  Files go to a
 * mkdtemp directory removed at the end.
 */
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

/* ------------------------------------------------------------------ */
/* The model                                                          */
/* ------------------------------------------------------------------ */

/* One period (tests/test_scenario.c derives every scenario by hand).
 * Nominal: make 80 widgets, total cost (1 - 5) * 80 = -320; the baseline
 * makes 90 and stores 10: 90 - 400 + 5 = -305.  Savings 15 per horizon,
 * 150 per year, relative 15 / 305.  MVP: B 1000, R 100, Y 2: payback
 * 12 * 1000 / (150 - 100) = 240 months, return (2 * 50 - 1000) / 1000 =
 * -0.9. */
static const char WIDGETS[] =
    "{\"name\": \"Widgets\", \"currency\": \"EUR\", \"horizons_per_year\": 10,\n"
    " \"items\": {\"hours\": {\"capacity\": 100},\n"
    "           \"widget\": {\"demand\": 80, \"price\": 5, \"store_cost\": 0.5}},\n"
    " \"activities\": {\"make\": {\"cost\": 1, \"in\": {\"hours\": 1},\n"
    "                          \"out\": {\"widget\": 1}}},\n"
    " \"baseline\": {\"make\": 90},\n"
    " \"uncertainty\": {\"scenarios\": 300, \"seed\": 42,\n"
    "   \"demand\": {\"*\": {\"rel_range\": 0.5}},\n"
    "   \"capacity\": {\"hours\": {\"rel_range\": 0.2}},\n"
    "   \"price\": {\"widget\": {\"rel_sd\": 0.1}},\n"
    "   \"cost\": {\"make\": {\"rel_range\": 0.3}}},\n"
    " \"mvp\": {\"build_cost\": 1000, \"run_cost_per_year\": 100, \"years\": 2}}\n";

/* Demand 5 must be delivered but the machine makes 2: infeasible. */
static const char BROKEN[] =
    "{\"items\": {\"m_h\": {\"capacity\": 2}, \"part\": {\"demand\": 5}},\n"
    " \"activities\": {\"make\": {\"in\": {\"m_h\": 1}, \"out\": {\"part\": 1}}},\n"
    " \"uncertainty\": {\"scenarios\": 20, \"demand\": {\"*\": {\"rel_range\": 0.9}}}}\n";

/* The library's figures for WIDGETS with a count, seed and thread count. */
static po_scenarios *library_run(long count, int use_seed, unsigned long seed)
{
    po_process *p = po_process_new();
    po_scenario_options o;
    po_scenarios *sc = NULL;
    assert_non_null(p);
    assert_int_equal(po_process_load_string(p, WIDGETS, "w.json"), PO_OK);
    po_scenario_options_init(&o);
    o.scenarios = count;
    o.use_seed = use_seed;
    o.seed = seed;
    o.threads = 1;
    assert_int_equal(po_process_scenarios_run(p, &o, &sc), PO_OK);
    po_process_free(p);
    return sc;
}

static void check_same_figures(json_t *s, const po_scenarios *sc)
{
    po_scenario_summary m;
    assert_int_equal(po_scenarios_summary(sc, PO_SCENARIO_SAVINGS, &m), PO_OK);
    assert_int_equal(json_integer_value(json_object_get(s, "count")),
                     po_scenarios_count(sc));
    assert_int_equal(json_integer_value(json_object_get(s, "valid")), m.valid);
    /* JSON numbers are written to round-trip: the same doubles */
    assert_true(jnum(s, "p5", NULL) == m.p5);
    assert_true(jnum(s, "p50", NULL) == m.p50);
    assert_true(jnum(s, "p95", NULL) == m.p95);
    assert_true(jnum(s, "mean", NULL) == m.mean);
    assert_true(jnum(s, "infeasible_optimized", NULL) ==
                po_scenarios_infeasible_share(sc, 0));
    assert_true(jnum(s, "infeasible_baseline", NULL) ==
                po_scenarios_infeasible_share(sc, 1));
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

static void test_json(void **state)
{
    (void)state;
    write_text("w.json", WIDGETS);
    run_result r = RUN("assess", "--json", "--threads", "2", path_of("w.json"));
    assert_exit(r, 0);
    assert_int_equal(r.errlen, 0); /* no progress line: not a terminal */
    json_t *j = parse_json(&r);

    /* the fields of `procopt solve --json` */
    assert_string_equal(jstr(j, "status"), "optimal");
    assert_string_equal(jstr(j, "format"), "json");
    assert_string_equal(jstr(j, "name"), "Widgets");
    assert_near(jnum(j, "objective", NULL), -320);
    assert_near(jnum(j, "total_cost", NULL), -320);
    assert_true(json_is_object(jval(j, "plan", NULL)));
    assert_near(json_number_value(json_array_get(jval(j, "plan", "activities", "make", NULL), 0)), 80);
    assert_near(jnum(j, "baseline", "total_cost", NULL), -305);
    assert_string_equal(jstr(jval(j, "baseline", NULL), "status"), "optimal");
    assert_near(jnum(j, "savings", "per_horizon", NULL), 15);
    assert_near(jnum(j, "savings", "per_year", NULL), 150);
    assert_near(jnum(j, "savings", "relative", NULL), 15.0 / 305);

    /* scenarios */
    json_t *s = jval(j, "scenarios", NULL);
    assert_int_equal(json_integer_value(json_object_get(s, "count")), 300);
    assert_int_equal(json_integer_value(json_object_get(s, "seed")), 42);
    assert_string_equal(jstr(s, "per"), "year");
    assert_near(jnum(s, "nominal", NULL), 150);
    double p5 = jnum(s, "p5", NULL), p50 = jnum(s, "p50", NULL),
           p95 = jnum(s, "p95", NULL);
    assert_true(p5 <= p50 && p50 <= p95 && p5 < p95);
    assert_true(jnum(s, "min", NULL) <= p5 && p95 <= jnum(s, "max", NULL));
    double io = jnum(s, "infeasible_optimized", NULL);
    double ib = jnum(s, "infeasible_baseline", NULL);
    assert_true(io > 0 && io < ib && ib < 1);
    assert_int_equal(json_integer_value(json_object_get(s, "threads")), 2);
    assert_int_equal(json_integer_value(json_object_get(s, "solves")), 600);
    assert_int_equal(json_integer_value(json_object_get(s, "warm_solves")), 600);
    assert_true(json_is_false(json_object_get(s, "cost_only")));
    assert_true(json_is_null(json_object_get(s, "fixed_plan_savings")));
    assert_near(jnum(s, "optimized_total_cost", "nominal", NULL), -320);
    assert_near(jnum(s, "baseline_total_cost", "nominal", NULL), -305);
    assert_true(jnum(s, "scenarios_per_s", NULL) > 0);
    po_scenarios *sc = library_run(0, 0, 0);
    check_same_figures(s, sc);

    /* mvp */
    json_t *m = jval(j, "mvp", NULL);
    assert_near(jnum(m, "payback_months", NULL), 240);
    assert_near(jnum(m, "roi", NULL), -0.9);
    assert_true(jnum(m, "p_cover", NULL) == po_scenarios_p_cover(sc));
    assert_near(jnum(m, "build_cost", NULL), 1000);
    assert_near(jnum(m, "years", NULL), 2);
    po_scenarios_free(sc);
    json_decref(j);
    run_free(&r);
}

/* The scenario figures do not depend on --threads; --seed and
 * --scenarios are the library's. */
static void test_threads_seed(void **state)
{
    (void)state;
    write_text("w.json", WIDGETS);
    json_t *s[3];
    const char *threads[3] = {"1", "3", "4"};
    for (int k = 0; k < 3; k++) {
        run_result r = RUN("assess", "-j", "-T", threads[k], "-n", "120",
                           path_of("w.json"));
        assert_exit(r, 0);
        json_t *j = parse_json(&r);
        s[k] = json_deep_copy(json_object_get(j, "scenarios"));
        json_decref(j);
        run_free(&r);
        /* the work done differs; the figures do not */
        json_object_del(s[k], "threads");
        json_object_del(s[k], "time_s");
        json_object_del(s[k], "scenarios_per_s");
    }
    assert_true(json_equal(s[0], s[1]));
    assert_true(json_equal(s[0], s[2]));
    po_scenarios *sc = library_run(120, 0, 0);
    check_same_figures(s[0], sc);
    po_scenarios_free(sc);

    run_result r = RUN("assess", "--json", "--seed", "7", "--scenarios", "50",
                       path_of("w.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    json_t *t = json_object_get(j, "scenarios");
    assert_int_equal(json_integer_value(json_object_get(t, "seed")), 7);
    sc = library_run(50, 1, 7);
    check_same_figures(t, sc);
    assert_false(jnum(t, "p50", NULL) == jnum(s[0], "p50", NULL));
    po_scenarios_free(sc);
    json_decref(j);
    run_free(&r);
    for (int k = 0; k < 3; k++)
        json_decref(s[k]);
}

static void test_text(void **state)
{
    (void)state;
    write_text("w.json", WIDGETS);
    run_result r = RUN("assess", "-n", "100", path_of("w.json"));
    assert_exit(r, 0);
    assert_int_equal(r.errlen, 0);
    assert_non_null(strstr(r.out, "model:       Widgets\n"));
    assert_non_null(strstr(r.out, "objective:   -320.00 EUR total cost (minimized)\n"));
    assert_non_null(strstr(r.out, "baseline:    -305.00 EUR total cost\n"));
    assert_non_null(strstr(r.out, "savings:     15.00 EUR per horizon, 150.00 EUR "
                                  "per year (4.9 % of the baseline)\n"));
    assert_non_null(strstr(r.out, "scenarios:   100 (seed 42)"));
    assert_non_null(strstr(r.out, "savings per year (EUR), over "));
    assert_non_null(strstr(r.out, "  P5 "));
    assert_non_null(strstr(r.out, "infeasible:  optimized plan in "));
    assert_non_null(strstr(r.out, "payback:     240.0 months\n"));
    assert_non_null(strstr(r.out, "return:      -0.90 over 2 years"));
    assert_non_null(strstr(r.out, "p_cover:     "));
    run_free(&r);

    /* -o writes the report, -q keeps standard output empty */
    r = RUN("assess", "-q", "-n", "10", "-o", path_of("rep.txt"), path_of("w.json"));
    assert_exit(r, 0);
    assert_int_equal(r.outlen, 0);
    run_free(&r);
    FILE *f = fopen(path_of("rep.txt"), "rb");
    assert_non_null(f);
    char buf[256] = {0};
    assert_true(fread(buf, 1, sizeof buf - 1, f) > 0);
    fclose(f);
    assert_non_null(strstr(buf, "file:"));

    /* standard input */
    r = RUN_IN(path_of("w.json"), "assess", "-n", "10", "-j", "-");
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "file"), "-");
    assert_int_equal(json_integer_value(json_object_get(
                         json_object_get(j, "scenarios"), "count")),
                     10);
    json_decref(j);
    run_free(&r);
}

static void test_infeasible(void **state)
{
    (void)state;
    write_text("broken.json", BROKEN);
    run_result r = RUN("assess", "--json", path_of("broken.json"));
    assert_exit(r, 3); /* as `procopt solve` for the nominal model */
    json_t *j = parse_json(&r);
    assert_string_equal(jstr(j, "status"), "infeasible");
    json_t *s = jval(j, "scenarios", NULL);
    assert_int_equal(json_integer_value(json_object_get(s, "count")), 20);
    /* demand 5 f with f in [0.1, 1.9): feasible only while 5 f <= 2 */
    double io = jnum(s, "infeasible_optimized", NULL);
    assert_true(io > 0.5 && io < 1);
    assert_true(json_is_null(json_object_get(s, "infeasible_baseline")));
    assert_true(json_is_null(json_object_get(s, "p50")));
    assert_true(json_is_null(json_object_get(j, "mvp")));
    assert_true(json_is_null(json_object_get(j, "baseline")) ||
                json_object_get(j, "baseline") == NULL);
    json_decref(j);
    run_free(&r);
}

static void test_usage(void **state)
{
    (void)state;
    static const char *const bad[][3] = {
        {"--scenarios", "0", "--scenarios: '0' is not a whole number from 1 to 100000000"},
        {"-n", "1e3", "--scenarios: '1e3' is not a whole number from 1 to 100000000"},
        {"--threads", "0", "--threads: '0' is not a whole number from 1 to 1024"},
        {"-T", "2000", "--threads: '2000' is not a whole number from 1 to 1024"},
        {"--seed", "-1", "--seed: '-1' is not a whole number from 0 to 4294967295"},
        {"--seed", "1.5", "--seed: '1.5' is not a whole number from 0 to 4294967295"},
        {"--seed", "4294967296", "--seed: '4294967296' is not a whole number from 0 to 4294967295"},
        {"--gap", "x", "--gap: 'x' is not a number >= 0"},
    };
    char want[256];
    write_text("w.json", WIDGETS);
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        run_result r = RUN("assess", bad[k][0], bad[k][1], path_of("w.json"));
        assert_exit(r, 2);
        assert_int_equal(r.outlen, 0);
        snprintf(want, sizeof want, "procopt: %s\n", bad[k][2]);
        if (strncmp(r.err, want, strlen(want)) != 0)
            fail_msg("stderr [%s], expected to start with [%s]", r.err, want);
        run_free(&r);
    }
    run_result r = RUN("assess");
    assert_exit(r, 2);
    assert_non_null(strstr(r.err, "missing MODEL"));
    run_free(&r);
    r = RUN("assess", path_of("w.json"), path_of("w.json"));
    assert_exit(r, 2);
    run_free(&r);
    r = RUN("assess", "--bogus", path_of("w.json"));
    assert_exit(r, 2);
    assert_non_null(strstr(r.err, "unknown option '--bogus'"));
    run_free(&r);
    r = RUN("assess", "model.lp");
    assert_exit(r, 2);
    assert_non_null(strstr(r.err, "model.lp: assess reads process models (.json)"));
    run_free(&r);

    r = RUN("assess", "--help");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "Usage: procopt assess [OPTIONS] MODEL\n"));
    run_free(&r);
    r = RUN("help", "assess");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "--scenarios=N"));
    run_free(&r);
    r = RUN("--help");
    assert_exit(r, 0);
    assert_non_null(strstr(r.out, "  assess "));
    run_free(&r);
}

static void test_errors(void **state)
{
    (void)state;
    run_result r = RUN("assess", path_of("missing.json"));
    assert_errors(r, 1);
    assert_non_null(strstr(r.err, "missing.json"));
    run_free(&r);

    /* no "uncertainty": a count is needed */
    write_text("plain.json", "{\"items\": {\"w\": {\"demand\": 5, \"buy_cost\": 1}}}\n");
    r = RUN("assess", path_of("plain.json"));
    assert_errors(r, 1);
    assert_non_null(strstr(r.err, "has no \"uncertainty\""));
    assert_non_null(strstr(r.err, "--scenarios"));
    run_free(&r);
    r = RUN("assess", "-j", "-n", "4", path_of("plain.json"));
    assert_exit(r, 0);
    json_t *j = parse_json(&r);
    assert_near(jnum(j, "scenarios", "optimized_total_cost", "p50", NULL), 5);
    assert_true(json_is_null(json_object_get(json_object_get(j, "scenarios"), "p50")));
    json_decref(j);
    run_free(&r);

    /* a model error: every collected message */
    write_text("bad.json", "{\"items\": {}, \"activities\": {\"a\": {\"out\": {\"nope\": 1}}}}\n");
    r = RUN("assess", "-n", "5", path_of("bad.json"));
    assert_errors(r, 1);
    assert_non_null(strstr(r.err, "nope"));
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_threads_seed),
        cmocka_unit_test(test_text),
        cmocka_unit_test(test_infeasible),
        cmocka_unit_test(test_usage),
        cmocka_unit_test(test_errors),
    };
    return cmocka_run_group_tests(tests, cli_group_setup, cli_group_teardown);
}
