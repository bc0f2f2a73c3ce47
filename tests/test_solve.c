/*
 * test_solve.c -- po_solve on small models whose answers were computed by
 * hand (each model's comment shows the computation), every outcome, every
 * method, the options, silence, the log, and the GLPK fatal-error trap.
 *
 * Sign conventions checked here (GLPK's): a row dual is the change of the
 * objective per unit increase of the row's active bound; a reduced cost is
 * c_j - a_j' y; both in the model's own sense (for a maximization the
 * signs flip with the objective).
 */
#include <fcntl.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "backend.h"
#include "procopt.h"
#include "lp_fixtures.h"

#define TOL 1e-9
#define INF PO_INF

static void check_wyndor(const po_result *r, double tol)
{
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_true(po_result_has_solution(r));
    assert_false(po_result_is_mip(r));
    assert_near(po_result_objective(r), 36, tol, "objective");
    const double *x = po_result_values(r), *a = po_result_row_activities(r);
    const double *y = po_result_duals(r), *d = po_result_reduced_costs(r);
    assert_non_null(x);
    assert_non_null(a);
    assert_non_null(y);
    assert_non_null(d);
    assert_near(x[0], 2, tol, "x");
    assert_near(x[1], 6, tol, "y");
    assert_near(a[0], 2, tol, "c1 activity");
    assert_near(a[1], 12, tol, "c2 activity");
    assert_near(a[2], 18, tol, "c3 activity");
    assert_near(y[0], 0, tol, "c1 dual");
    assert_near(y[1], 1.5, tol, "c2 dual");
    assert_near(y[2], 1, tol, "c3 dual");
    assert_near(d[0], 0, tol, "x reduced cost");
    assert_near(d[1], 0, tol, "y reduced cost");
    assert_int_equal(po_result_num_vars(r), 2);
    assert_int_equal(po_result_num_constrs(r), 3);
}

static void check_bounded(const po_result *r, double s, double tol)
{
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(r), 15 * s, tol, "objective");
    const double *x = po_result_values(r), *y = po_result_duals(r);
    const double *d = po_result_reduced_costs(r);
    assert_near(x[0], 3, tol, "x");
    assert_near(x[1], 1, tol, "y");
    assert_near(x[2], 0, tol, "z");
    assert_near(po_result_row_activities(r)[0], 4, tol, "r1 activity");
    assert_near(y[0], 2 * s, tol, "r1 dual");
    assert_near(d[0], -1 * s, tol, "x reduced cost");
    assert_near(d[1], 0, tol, "y reduced cost");
    assert_near(d[2], 3 * s, tol, "z reduced cost");
}

static void test_wyndor_default(void **state)
{
    (void)state;
    po_model *m = wyndor();
    po_result *r = solve_ok(m, NULL);
    check_wyndor(r, TOL);
    assert_true(isnan(po_result_best_bound(r)));
    assert_true(isnan(po_result_gap(r)));
    assert_int_equal(po_result_nodes(r), 0);
    assert_true(po_result_iterations(r) >= 1);
    assert_true(po_result_time(r) >= 0 && po_result_time(r) < 10);
    po_result_free(r);
    po_model_free(m);
}

/* Every method, with and without presolver, gives the same answer (the
 * interior point's duals are those of its own, non-basic, optimum; here
 * the optimum is unique, so they agree to its tolerance). */
static void test_methods(void **state)
{
    (void)state;
    po_method methods[] = {PO_METHOD_AUTO, PO_METHOD_PRIMAL, PO_METHOD_DUAL,
                           PO_METHOD_INTERIOR};
    for (int k = 0; k < 4; k++) {
        for (int pre = 0; pre <= 1; pre++) {
            po_options o;
            po_options_init(&o);
            o.method = methods[k];
            o.presolve = pre;
            double tol = methods[k] == PO_METHOD_INTERIOR ? 1e-6 : TOL;
            po_model *m = wyndor();
            po_result *r = solve_ok(m, &o);
            check_wyndor(r, tol);
            po_result_free(r);
            po_model_free(m);
            for (int sense = 0; sense <= 1; sense++) {
                m = bounded(sense ? PO_MAXIMIZE : PO_MINIMIZE);
                r = solve_ok(m, &o);
                check_bounded(r, sense ? -1 : 1, tol);
                po_result_free(r);
                po_model_free(m);
            }
        }
    }
}

/* The model is not changed by solving. */
static void test_model_unchanged(void **state)
{
    (void)state;
    po_model *m = bounded(PO_MINIMIZE);
    po_result *r = solve_ok(m, NULL);
    po_result_free(r);
    assert_int_equal(po_model_num_vars(m), 3);
    assert_int_equal(po_model_num_constrs(m), 1);
    assert_true(po_model_var_ub(m, 0) == 3);
    assert_true(isinf(po_model_var_ub(m, 1)));
    assert_true(po_model_obj_constant(m) == 10);
    po_model_free(m);
}

/* Infeasible: r1: x + y <= 1 and r2: x + y >= 2. */
static po_model *infeasible_lp(void)
{
    po_model *m = po_model_new();
    assert_int_equal(po_model_add_var(m, "x", 0, INF, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "y", 0, INF, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    int idx[] = {0, 1};
    double val[] = {1, 1};
    assert_int_equal(po_model_add_constr(m, "r1", -INF, 1, 2, idx, val, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "r2", 2, INF, 2, idx, val, NULL),
                     PO_OK);
    return m;
}

/* Unbounded: min -x  s.t.  x - y <= 1, x, y >= 0 (x = y + 1 grows). */
static po_model *unbounded_lp(void)
{
    po_model *m = po_model_new();
    assert_int_equal(
        po_model_add_var(m, "x", 0, INF, -1, PO_CONTINUOUS, NULL), PO_OK);
    assert_int_equal(po_model_add_var(m, "y", 0, INF, 0, PO_CONTINUOUS, NULL),
                     PO_OK);
    int idx[] = {0, 1};
    double val[] = {1, -1};
    assert_int_equal(po_model_add_constr(m, "r1", -INF, 1, 2, idx, val, NULL),
                     PO_OK);
    return m;
}

static void check_no_solution(const po_result *r, po_outcome want)
{
    assert_int_equal(po_result_outcome(r), want);
    assert_false(po_result_has_solution(r));
    assert_null(po_result_values(r));
    assert_null(po_result_row_activities(r));
    assert_null(po_result_duals(r));
    assert_null(po_result_reduced_costs(r));
    assert_true(isnan(po_result_objective(r)));
}

/* An infeasible or unbounded model is a successful call, with every
 * method and presolver setting. */
static void test_infeasible_unbounded(void **state)
{
    (void)state;
    for (int meth = PO_METHOD_AUTO; meth <= PO_METHOD_INTERIOR; meth++) {
        for (int pre = 0; pre <= 1; pre++) {
            po_options o;
            po_options_init(&o);
            o.method = (po_method)meth;
            o.presolve = pre;
            po_model *m = infeasible_lp();
            po_result *r = solve_ok(m, &o);
            check_no_solution(r, PO_OUTCOME_INFEASIBLE);
            assert_int_equal(po_model_errcode(m), PO_OK);
            po_result_free(r);
            po_model_free(m);
            m = unbounded_lp();
            r = solve_ok(m, &o);
            check_no_solution(r, PO_OUTCOME_UNBOUNDED);
            po_result_free(r);
            po_model_free(m);
        }
    }
}

/*
 * MIP: max 5x + 4y  s.t.  r1: 6x + 4y <= 24,  r2: x + 2y <= 6,
 * x, y integer >= 0.
 * LP relaxation: x = 3, y = 1.5, objective 21.  Integer points on the
 * boundary: (4,0) -> 20 (r1 = 24, r2 = 4), (3,1) -> 19, (2,2) -> 18,
 * (0,3) -> 12, and y >= 1 forces x <= 3, so 20 at (4,0) is optimal.
 */
static po_model *small_mip(void)
{
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    assert_int_equal(po_model_add_var(m, "x", 0, INF, 5, PO_INTEGER, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "y", 0, INF, 4, PO_INTEGER, NULL),
                     PO_OK);
    int idx[] = {0, 1};
    double v1[] = {6, 4}, v2[] = {1, 2};
    assert_int_equal(po_model_add_constr(m, "r1", -INF, 24, 2, idx, v1, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "r2", -INF, 6, 2, idx, v2, NULL),
                     PO_OK);
    return m;
}

static void test_mip(void **state)
{
    (void)state;
    for (int pre = 0; pre <= 1; pre++) {
        for (int cuts = 0; cuts <= 1; cuts++) {
            po_options o;
            po_options_init(&o);
            o.presolve = pre;
            o.mip_cuts = cuts;
            po_model *m = small_mip();
            po_result *r = solve_ok(m, &o);
            assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
            assert_true(po_result_is_mip(r));
            assert_near(po_result_objective(r), 20, TOL, "objective");
            assert_near(po_result_values(r)[0], 4, TOL, "x");
            assert_near(po_result_values(r)[1], 0, TOL, "y");
            assert_near(po_result_row_activities(r)[0], 24, TOL, "r1");
            assert_near(po_result_row_activities(r)[1], 4, TOL, "r2");
            /* no duals for a MIP */
            assert_null(po_result_duals(r));
            assert_null(po_result_reduced_costs(r));
            assert_near(po_result_best_bound(r), 20, TOL, "bound");
            assert_near(po_result_gap(r), 0, TOL, "gap");
            po_result_free(r);
            po_model_free(m);
        }
    }
}

/*
 * Binary knapsack: max 10a + 13b + 7c + 8d  s.t.  4a + 6b + 3c + 5d <= 10.
 * Feasible pairs (weight): ab 23 (10), ac 17 (7), ad 18 (9), bc 20 (9),
 * cd 15 (8); no triple fits (lightest a+c+d weighs 12).  Optimum a=b=1: 23.
 * The binary type limits a variable to [0,1] even if given [0,5].
 */
static void test_knapsack_binary(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    const char *names[] = {"a", "b", "c", "d"};
    double ub[] = {5, 1, 1, 1}, obj[] = {10, 13, 7, 8};
    po_vartype t[] = {PO_BINARY, PO_BINARY, PO_BINARY, PO_BINARY};
    assert_int_equal(
        po_model_add_vars(m, 4, names, NULL, ub, obj, t, NULL, NULL, NULL),
        PO_OK);
    int idx[] = {0, 1, 2, 3};
    double w[] = {4, 6, 3, 5};
    assert_int_equal(po_model_add_constr(m, "w", -INF, 10, 4, idx, w, NULL),
                     PO_OK);
    po_result *r = solve_ok(m, NULL);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(r), 23, TOL, "objective");
    const double *x = po_result_values(r);
    assert_near(x[0], 1, TOL, "a");
    assert_near(x[1], 1, TOL, "b");
    assert_near(x[2], 0, TOL, "c");
    assert_near(x[3], 0, TOL, "d");
    po_result_free(r);
    po_model_free(m);
}

/* MIP outcomes: 2x = 1 with x integer is infeasible although its
 * relaxation is not; an integer variable whose bounds [0.2, 0.8] hold no
 * integer is infeasible before GLPK is asked; max x + y with x - y <= 0.5,
 * x, y integer >= 0, has an unbounded relaxation (and unbounded integer
 * points): reported as infeasible-or-unbounded, which is all GLPK says. */
static void test_mip_outcomes(void **state)
{
    (void)state;
    for (int pre = 0; pre <= 1; pre++) {
        po_options o;
        po_options_init(&o);
        o.presolve = pre;

        po_model *m = po_model_new();
        int i0[] = {0};
        double two[] = {2};
        assert_int_equal(
            po_model_add_var(m, "x", 0, 10, 1, PO_INTEGER, NULL), PO_OK);
        assert_int_equal(po_model_add_constr(m, "odd", 1, 1, 1, i0, two, NULL),
                         PO_OK);
        po_result *r = solve_ok(m, &o);
        check_no_solution(r, PO_OUTCOME_INFEASIBLE);
        assert_true(po_result_is_mip(r));
        po_result_free(r);
        po_model_free(m);

        m = po_model_new();
        assert_int_equal(
            po_model_add_var(m, "x", 0.2, 0.8, 1, PO_INTEGER, NULL), PO_OK);
        r = solve_ok(m, &o);
        check_no_solution(r, PO_OUTCOME_INFEASIBLE);
        po_result_free(r);
        po_model_free(m);

        m = po_model_new();
        assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
        assert_int_equal(
            po_model_add_var(m, "x", 0, INF, 1, PO_INTEGER, NULL), PO_OK);
        assert_int_equal(
            po_model_add_var(m, "y", 0, INF, 1, PO_INTEGER, NULL), PO_OK);
        int idx[] = {0, 1};
        double v[] = {1, -1};
        assert_int_equal(
            po_model_add_constr(m, "r", -INF, 0.5, 2, idx, v, NULL), PO_OK);
        r = solve_ok(m, &o);
        check_no_solution(r, PO_OUTCOME_INF_OR_UNBD);
        po_result_free(r);
        po_model_free(m);

        m = infeasible_lp();
        assert_int_equal(po_model_set_var_type(m, 0, PO_INTEGER), PO_OK);
        r = solve_ok(m, &o);
        check_no_solution(r, PO_OUTCOME_INFEASIBLE);
        po_result_free(r);
        po_model_free(m);
    }
}

/* A deterministic pseudo-random LP/MIP big enough to need many simplex
 * iterations: max sum c_j x_j, sum_j a_ij x_j <= b_i, 0 <= x_j <= 10. */
static po_model *random_model(int rows, int cols, int integer)
{
    unsigned long s = 12345;
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    for (int j = 0; j < cols; j++) {
        char name[16];
        snprintf(name, sizeof name, "x%d", j);
        s = s * 6364136223846793005UL + 1442695040888963407UL;
        double c = 1 + (double)((s >> 33) % 100);
        assert_int_equal(po_model_add_var(m, name, 0, 10, c,
                                          integer ? PO_INTEGER : PO_CONTINUOUS,
                                          NULL),
                         PO_OK);
    }
    int *idx = malloc((size_t)cols * sizeof *idx);
    double *val = malloc((size_t)cols * sizeof *val);
    for (int i = 0; i < rows; i++) {
        char name[16];
        snprintf(name, sizeof name, "r%d", i);
        for (int j = 0; j < cols; j++) {
            s = s * 6364136223846793005UL + 1442695040888963407UL;
            idx[j] = j;
            val[j] = 1 + (double)((s >> 33) % 97);
        }
        assert_int_equal(po_model_add_constr(m, name, -INF, 50.5 * cols, cols,
                                             idx, val, NULL),
                         PO_OK);
    }
    free(idx);
    free(val);
    return m;
}

static void test_iteration_limit_lp(void **state)
{
    (void)state;
    po_options o;
    po_options_init(&o);
    o.presolve = 0;
    po_model *m = random_model(30, 40, 0);
    po_result *r = solve_ok(m, &o);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    long full = po_result_iterations(r);
    double best = po_result_objective(r);
    assert_true(full > 3); /* so a limit of 2 must stop it */
    po_result_free(r);
    for (int meth = PO_METHOD_AUTO; meth <= PO_METHOD_DUAL; meth++) {
        o.method = (po_method)meth;
        o.iteration_limit = 2;
        r = solve_ok(m, &o);
        assert_int_equal(po_result_outcome(r), PO_OUTCOME_ITERATION_LIMIT);
        assert_true(po_result_iterations(r) <= 2);
        /* primal simplex stops on a feasible point: it is kept, without
         * duals; dual simplex has no primal feasible point to give */
        if (po_result_has_solution(r)) {
            assert_null(po_result_duals(r));
            assert_true(po_result_objective(r) <= best + 1e-9);
            for (int i = 0; i < 30; i++)
                assert_true(po_result_row_activities(r)[i] <=
                            50.5 * 40 + 1e-6);
        }
        po_result_free(r);
    }
    po_model_free(m);
}

static void test_iteration_limit_mip(void **state)
{
    (void)state;
    po_model *m = random_model(5, 30, 1);
    for (int pre = 0; pre <= 1; pre++) {
        po_options o;
        po_options_init(&o);
        o.presolve = pre;
        o.iteration_limit = 1;
        po_result *r = solve_ok(m, &o);
        assert_int_equal(po_result_outcome(r), PO_OUTCOME_ITERATION_LIMIT);
        assert_true(po_result_is_mip(r));
        if (po_result_has_solution(r))
            assert_true(po_result_best_bound(r) >= po_result_objective(r));
        po_result_free(r);
    }
    po_model_free(m);
}

/* A MIP that needs seconds of branching (the same random model, larger,
 * without cuts) stopped at 0.05 s. */
static void test_time_limit_mip(void **state)
{
    (void)state;
    po_model *m = random_model(20, 60, 1);
    po_options o;
    po_options_init(&o);
    o.time_limit = 0.05;
    o.mip_cuts = 0;
    o.mip_gap = 0;
    po_result *r = solve_ok(m, &o);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_TIME_LIMIT);
    assert_true(po_result_time(r) < 5);
    if (po_result_has_solution(r)) {
        /* maximize: the bound is above the incumbent, the gap matches */
        double obj = po_result_objective(r), bnd = po_result_best_bound(r);
        assert_false(isnan(bnd));
        assert_true(bnd >= obj);
        assert_near(po_result_gap(r), fabs(obj - bnd) / fmax(1e-10, fabs(obj)),
                    1e-12, "gap");
    }
    po_result_free(r);
    po_model_free(m);
}

/* With a 50% gap the search stops early and still says optimal (within the
 * tolerance asked for); bound and gap are consistent with it. */
static void test_mip_gap(void **state)
{
    (void)state;
    po_model *m = random_model(5, 30, 1);
    po_options o;
    po_options_init(&o);
    o.mip_gap = 0.5;
    po_result *r = solve_ok(m, &o);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    double obj = po_result_objective(r), bnd = po_result_best_bound(r);
    assert_false(isnan(bnd));
    assert_true(bnd >= obj - 1e-9);
    assert_true(po_result_gap(r) <= 0.5 + 1e-9);
    po_result_free(r);
    po_model_free(m);
}

/* Empty model: optimal, objective = constant, empty (non-NULL) arrays. */
static void test_empty_model(void **state)
{
    (void)state;
    for (int meth = PO_METHOD_AUTO; meth <= PO_METHOD_INTERIOR; meth++) {
        po_options o;
        po_options_init(&o);
        o.method = (po_method)meth;
        po_model *m = po_model_new();
        assert_int_equal(po_model_set_obj_constant(m, 7.5), PO_OK);
        po_result *r = solve_ok(m, &o);
        assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
        assert_true(po_result_has_solution(r));
        assert_near(po_result_objective(r), 7.5, 0, "objective");
        assert_int_equal(po_result_num_vars(r), 0);
        assert_int_equal(po_result_num_constrs(r), 0);
        po_result_free(r);
        po_model_free(m);
    }
}

/* Only bounds, no constraints: min x - y, x in [1,3], y in (-inf, 2]:
 * x = 1, y = 2, objective -1; reduced costs are the costs: 1 and -1. */
static void test_bounds_only(void **state)
{
    (void)state;
    for (int meth = PO_METHOD_AUTO; meth <= PO_METHOD_INTERIOR; meth++) {
        po_options o;
        po_options_init(&o);
        o.method = (po_method)meth;
        po_model *m = po_model_new();
        assert_int_equal(po_model_add_var(m, "x", 1, 3, 1, PO_CONTINUOUS, NULL),
                         PO_OK);
        assert_int_equal(
            po_model_add_var(m, "y", -INF, 2, -1, PO_CONTINUOUS, NULL), PO_OK);
        po_result *r = solve_ok(m, &o);
        assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
        assert_near(po_result_objective(r), -1, TOL, "objective");
        assert_near(po_result_values(r)[0], 1, TOL, "x");
        assert_near(po_result_values(r)[1], 2, TOL, "y");
        assert_near(po_result_reduced_costs(r)[0], 1, TOL, "dx");
        assert_near(po_result_reduced_costs(r)[1], -1, TOL, "dy");
        po_result_free(r);
        /* and unbounded once y has no upper bound */
        assert_int_equal(po_model_set_var_bounds(m, 1, -INF, INF), PO_OK);
        r = solve_ok(m, &o);
        check_no_solution(r, PO_OUTCOME_UNBOUNDED);
        po_result_free(r);
        po_model_free(m);
    }
}

/* Free rows (no bounds) are kept and report their activity. */
static void test_free_row(void **state)
{
    (void)state;
    po_model *m = bounded(PO_MINIMIZE);
    int idx[] = {0, 2};
    double val[] = {2, 7};
    assert_int_equal(po_model_add_constr(m, "free", -INF, INF, 2, idx, val,
                                         NULL),
                     PO_OK);
    po_result *r = solve_ok(m, NULL);
    check_bounded(r, 1, TOL);
    assert_near(po_result_row_activities(r)[1], 6, TOL, "free activity");
    assert_near(po_result_duals(r)[1], 0, TOL, "free dual");
    po_result_free(r);
    po_model_free(m);
}

static void test_options_defaults(void **state)
{
    (void)state;
    po_options o;
    memset(&o, 0xA5, sizeof o);
    po_options_init(&o);
    assert_int_equal(o.method, PO_METHOD_AUTO);
    assert_int_equal(o.presolve, 1);
    assert_true(o.time_limit == 0);
    assert_true(o.mip_gap == 1e-6);
    assert_int_equal(o.iteration_limit, 0);
    assert_null(o.log);
    assert_null(o.log_user);
    assert_int_equal(o.mip_cuts, 1);
    assert_int_equal(o.sensitivity, 0);
    /* new fields take reserved ones' places: the layout stays the same */
    assert_int_equal(offsetof(po_options, reserved_int) -
                         offsetof(po_options, mip_cuts),
                     12 * sizeof(int));
    assert_int_equal(offsetof(po_options, scaling) -
                         offsetof(po_options, mip_cuts),
                     2 * sizeof(int));
    assert_int_equal(o.reductions, PO_REDUCE_ALL);
    for (int k = 0; k < 4; k++)
        assert_int_equal(o.reserved_int[k], 0);
    for (int k = 0; k < 15; k++)
        assert_true(o.reserved_dbl[k] == 0);
    po_options_init(NULL); /* no crash */
}

static void test_bad_arguments(void **state)
{
    (void)state;
    po_result *r = (po_result *)&r;
    assert_int_equal(po_solve(NULL, NULL, &r), PO_EINVAL);
    assert_null(r);
    po_model *m = wyndor();
    assert_int_equal(po_solve(m, NULL, NULL), PO_EINVAL);
    assert_string_equal(po_model_errmsg(m), "po_solve: result is NULL");

    po_options o;
    po_options_init(&o);
    o.method = (po_method)7;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    assert_null(r);
    assert_string_equal(po_model_errmsg(m),
                        "po_solve: options.method = 7 is not a po_method");
    po_options_init(&o);
    o.time_limit = NAN;
    assert_int_equal(po_solve(m, &o, &r), PO_ENAN);
    po_options_init(&o);
    o.time_limit = -1;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    po_options_init(&o);
    o.mip_gap = -0.1;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    po_options_init(&o);
    o.iteration_limit = -5;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    po_options_init(&o);
    o.presolve = 2;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    po_options_init(&o);
    o.mip_cuts = -1;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    /* an infinite time limit means none */
    po_options_init(&o);
    o.time_limit = INF;
    r = solve_ok(m, &o);
    check_wyndor(r, TOL);
    po_result_free(r);
    /* a success clears the previous error */
    assert_int_equal(po_model_errcode(m), PO_OK);
    assert_string_equal(po_model_errmsg(m), "");
    po_model_free(m);
}

static void test_result_accessors_null(void **state)
{
    (void)state;
    po_result_free(NULL);
    assert_false(po_result_has_solution(NULL));
    assert_null(po_result_values(NULL));
    assert_true(isnan(po_result_objective(NULL)));
    assert_string_equal(po_outcome_name(PO_OUTCOME_OPTIMAL), "optimal");
    assert_string_equal(po_outcome_name(PO_OUTCOME_INF_OR_UNBD),
                        "infeasible_or_unbounded");
    assert_string_equal(po_outcome_name(PO_OUTCOME_ITERATION_LIMIT),
                        "iteration_limit");
    assert_string_equal(po_outcome_name(PO_OUTCOME_NUMERICAL),
                        "numerical_failure");
    assert_string_equal(po_outcome_name((po_outcome)99), "unknown");
    assert_string_equal(po__glpk_code_name(10),
                        "GLP_ENOPFS (no primal feasible solution)");
    assert_non_null(strstr(po_glpk_version(), "5."));
}

/* The log gets GLPK's text in whole lines. */
typedef struct log_buf {
    char text[65536];
    size_t len;
    int calls, partial;
} log_buf;

static void collect(void *user, const char *s)
{
    log_buf *b = user;
    size_t n = strlen(s);
    b->calls++;
    if (n == 0 || s[n - 1] != '\n')
        b->partial++;
    if (b->len + n < sizeof b->text) {
        memcpy(b->text + b->len, s, n + 1);
        b->len += n;
    }
}

static void test_log(void **state)
{
    (void)state;
    log_buf *b = calloc(1, sizeof *b);
    po_options o;
    po_options_init(&o);
    o.log = collect;
    o.log_user = b;
    po_model *m = wyndor();
    po_result *r = solve_ok(m, &o);
    check_wyndor(r, TOL);
    po_result_free(r);
    assert_true(b->calls > 0);
    assert_int_equal(b->partial, 0);
    assert_non_null(strstr(b->text, "OPTIMAL"));
    po_model_free(m);

    memset(b, 0, sizeof *b);
    m = small_mip();
    r = solve_ok(m, &o);
    po_result_free(r);
    assert_non_null(strstr(b->text, "INTEGER OPTIMAL SOLUTION FOUND"));
    po_model_free(m);

    memset(b, 0, sizeof *b);
    o.method = PO_METHOD_INTERIOR;
    m = wyndor();
    r = solve_ok(m, &o);
    po_result_free(r);
    assert_non_null(strstr(b->text, "OPTIMAL SOLUTION FOUND"));
    po_model_free(m);
    free(b);
}

/* Nothing reaches the process's stdout/stderr: redirect both to a file
 * while solving (with and without a log callback, an infeasible model, a
 * failed read, a trapped fatal error) and check it stays empty. */
static void test_silence(void **state)
{
    (void)state;
    char path[] = "/tmp/po-silence-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    fflush(stdout);
    fflush(stderr);
    int out = dup(1), err = dup(2);
    dup2(fd, 1);
    dup2(fd, 2);

    po_model *m = wyndor();
    po_result *r = NULL;
    po_status s1 = po_solve(m, NULL, &r);
    po_result_free(r);
    po_options o;
    po_options_init(&o);
    o.method = PO_METHOD_INTERIOR;
    po_status s2 = po_solve(m, &o, &r);
    po_result_free(r);
    po_model_free(m);
    m = infeasible_lp();
    po_status s3 = po_solve(m, NULL, &r);
    po_result_free(r);
    po_model_free(m);
    m = small_mip();
    po_status s4 = po_solve(m, NULL, &r);
    po_result_free(r);
    po_status s5 = po__backend_test_fatal(m, NULL, NULL);
    po_model_free(m);
    m = po_model_new();
    po_status s6 = po_model_read(m, "/proc/self/status", PO_FORMAT_LP, NULL);
    po_model_free(m);

    fflush(stdout);
    fflush(stderr);
    dup2(out, 1);
    dup2(err, 2);
    close(out);
    close(err);
    struct stat sb;
    assert_int_equal(fstat(fd, &sb), 0);
    close(fd);
    unlink(path);
    assert_int_equal(s1, PO_OK);
    assert_int_equal(s2, PO_OK);
    assert_int_equal(s3, PO_OK);
    assert_int_equal(s4, PO_OK);
    assert_int_equal(s5, PO_ESOLVER);
    assert_int_equal(s6, PO_EPARSE);
    assert_int_equal(sb.st_size, 0);
}

/* A GLPK fatal error (glp_set_obj_coef on a column that does not exist,
 * through the internal test hook: the public API validates everything
 * first, so it has no way to provoke one) becomes PO_ESOLVER with GLPK's
 * message; the process lives on and the next solve in the same thread
 * works.  Run in a child too, so an abort() would be seen as a signal. */
static void fatal_then_solve(void)
{
    po_model *m = wyndor();
    log_buf *b = calloc(1, sizeof *b);
    po_status st = po__backend_test_fatal(m, collect, b);
    assert_int_equal(st, PO_ESOLVER);
    assert_int_equal(po_model_errcode(m), PO_ESOLVER);
    const char *msg = po_model_errmsg(m);
    assert_non_null(strstr(msg, "po__backend_test_fatal: GLPK fatal error: "
                                "glp_set_obj_coef: j = 2; column number out "
                                "of range"));
    assert_non_null(strstr(msg, "Error detected in file"));
    assert_non_null(strstr(b->text, "column number out of range"));
    free(b);
    for (int k = 0; k < 3; k++) {
        po_result *r = solve_ok(m, NULL);
        check_wyndor(r, TOL);
        po_result_free(r);
        assert_int_equal(po__backend_test_fatal(m, NULL, NULL), PO_ESOLVER);
    }
    po_model_free(m);
}

static void test_fatal_trap(void **state)
{
    (void)state;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        /* child: plain checks, exit status says how it went */
        po_model *m = wyndor();
        int ok = po__backend_test_fatal(m, NULL, NULL) == PO_ESOLVER;
        po_result *r = NULL;
        ok = ok && po_solve(m, NULL, &r) == PO_OK &&
             fabs(po_result_objective(r) - 36) < 1e-9;
        po_result_free(r);
        po_model_free(m);
        _exit(ok ? 0 : 1);
    }
    int status = 0;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    /* and in this process, with the messages checked */
    fatal_then_solve();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wyndor_default),
        cmocka_unit_test(test_methods),
        cmocka_unit_test(test_model_unchanged),
        cmocka_unit_test(test_infeasible_unbounded),
        cmocka_unit_test(test_mip),
        cmocka_unit_test(test_knapsack_binary),
        cmocka_unit_test(test_mip_outcomes),
        cmocka_unit_test(test_iteration_limit_lp),
        cmocka_unit_test(test_iteration_limit_mip),
        cmocka_unit_test(test_time_limit_mip),
        cmocka_unit_test(test_mip_gap),
        cmocka_unit_test(test_empty_model),
        cmocka_unit_test(test_bounds_only),
        cmocka_unit_test(test_free_row),
        cmocka_unit_test(test_options_defaults),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_result_accessors_null),
        cmocka_unit_test(test_log),
        cmocka_unit_test(test_silence),
        cmocka_unit_test(test_fatal_trap),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
