/*
 * test_process_util.h -- helpers shared by the process-model test suites
 * (test_process_*.c).  JSON texts are written with single quotes inside C
 * strings; q() turns them into double quotes (same length, so lines and
 * columns are unchanged).
 */
#ifndef TEST_PROCESS_UTIL_H
#define TEST_PROCESS_UTIL_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "procopt.h"

#define TOL 1e-7

/* The JSON text with ' replaced by ", in a buffer the caller frees. */
static inline char *q(const char *s)
{
    size_t n = strlen(s);
    char *o = malloc(n + 1);
    assert_non_null(o);
    for (size_t k = 0; k <= n; k++)
        o[k] = s[k] == '\'' ? '"' : s[k];
    return o;
}

static inline void near(double got, double want, const char *what)
{
    if (!(fabs(got - want) <= TOL * fmax(1.0, fabs(want)))) {
        print_error("%s: got %.17g, want %.17g\n", what, got, want);
        fail();
    }
}

static inline void dump_errors(const po_process *p)
{
    for (int k = 0; k < po_process_num_errors(p); k++)
        print_error("  %d:%d: %s\n", po_process_error_line(p, k),
                    po_process_error_column(p, k),
                    po_process_error_message(p, k));
}

/* Load a single-quoted JSON text that must be valid. */
static inline po_process *load_ok(const char *json)
{
    po_process *p = po_process_new();
    assert_non_null(p);
    char *t = q(json);
    po_status st = po_process_load_string(p, t, "test.json");
    free(t);
    if (st != PO_OK) {
        print_error("load failed (%s): %s\n", po_strerror(st),
                    po_process_errmsg(p));
        dump_errors(p);
        fail();
    }
    return p;
}

/* Load a text that must fail; the process is returned for inspection. */
static inline po_process *load_bad(const char *json, po_status want)
{
    po_process *p = po_process_new();
    assert_non_null(p);
    char *t = q(json);
    po_status st = po_process_load_string(p, t, "bad.json");
    free(t);
    if (st != want) {
        print_error("load returned %s, want %s; first error: %s\n",
                    po_strerror(st), po_strerror(want), po_process_errmsg(p));
        dump_errors(p);
        fail();
    }
    assert_true(po_process_num_errors(p) >= 1);
    return p;
}

static inline po_plan *solve_ok(po_process *p)
{
    po_plan *pl = NULL;
    po_status st = po_process_solve(p, NULL, &pl);
    if (st != PO_OK) {
        print_error("solve failed: %s\n", po_process_errmsg(p));
        fail();
    }
    assert_non_null(pl);
    return pl;
}

/* Load, solve, check optimal, return the total cost. */
static inline double total_of(const char *json)
{
    po_process *p = load_ok(json);
    po_plan *pl = solve_ok(p);
    if (po_plan_outcome(pl) != PO_OUTCOME_OPTIMAL) {
        print_error("outcome %s\n", po_outcome_name(po_plan_outcome(pl)));
        fail();
    }
    double v = po_plan_total_cost(pl);
    po_plan_free(pl);
    po_process_free(p);
    return v;
}

static inline int find_act(const po_plan *pl, const char *name)
{
    for (int a = 0; a < po_plan_num_activities(pl); a++)
        if (strcmp(po_plan_activity_name(pl, a), name) == 0)
            return a;
    print_error("no activity %s in plan\n", name);
    fail();
    return -1;
}

static inline int find_item(const po_plan *pl, const char *name)
{
    for (int i = 0; i < po_plan_num_items(pl); i++)
        if (strcmp(po_plan_item_name(pl, i), name) == 0)
            return i;
    print_error("no item %s in plan\n", name);
    fail();
    return -1;
}

/* Error k must be at line:col and its message must equal msg. */
static inline void expect_error(const po_process *p, int k, int line, int col,
                                const char *msg)
{
    const char *got = po_process_error_message(p, k);
    if (got == NULL || strcmp(got, msg) != 0 ||
        po_process_error_line(p, k) != line ||
        po_process_error_column(p, k) != col) {
        print_error("error %d: got %d:%d: %s\n          want %d:%d: %s\n", k,
                    po_process_error_line(p, k),
                    po_process_error_column(p, k), got ? got : "(none)", line,
                    col, msg);
        dump_errors(p);
        fail();
    }
}

/* The repository's examples/NAME ($PROCOPT_SRC, default "."), which must
 * load. */
static inline po_process *load_example(const char *name)
{
    const char *src = getenv("PROCOPT_SRC");
    char path[4096];
    snprintf(path, sizeof path, "%s/examples/%s", src && *src ? src : ".",
             name);
    po_process *p = po_process_new();
    assert_non_null(p);
    if (po_process_load_file(p, path) != PO_OK) {
        print_error("%s: %s\n", path, po_process_errmsg(p));
        dump_errors(p);
        fail();
    }
    return p;
}

static inline void expect_msg(const char *got, const char *want)
{
    if (got == NULL || strcmp(got, want) != 0) {
        print_error("message\n  got:  %s\n  want: %s\n", got ? got : "(null)",
                    want);
        fail();
    }
}

/* A requirement as reported (an entry of a conflict set, a breach of
 * today's plan: what, number k) against the expected one; msg NULL: the
 * sentence is not checked. */
static inline void expect_req(const char *what, int k, po_req_kind gk,
                              const char *gn, const char *gp, double ga,
                              const char *gmsg, po_req_kind kind,
                              const char *name, const char *period,
                              double amount, const char *msg)
{
    if (gk != kind || strcmp(gn, name) != 0 || strcmp(gp, period) != 0) {
        print_error("%s %d: got %s %s %s, want %s %s %s\n", what, k,
                    po_req_kind_name(gk), gn, gp, po_req_kind_name(kind),
                    name, period);
        fail();
    }
    near(ga, amount, "amount");
    if (msg)
        expect_msg(gmsg, msg);
}

#endif
