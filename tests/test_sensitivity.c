/*
 * test_sensitivity.c -- ranging (options.sensitivity): hand-computed ranges
 * of small LPs in both senses, a MIP analysed with its integer part fixed,
 * a degenerate LP, the interior point method, the models where ranging is
 * not available, and a property check on the sample LPs: inside a reported
 * range, re-solving moves the objective exactly as the dual (or the value)
 * predicts.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "procopt.h"
#include "lp_fixtures.h"

#define TOL 1e-9
#define INF PO_INF

static void assert_abs(double got, double want, double tol, const char *what)
{
    if (!(fabs(got - want) <= tol)) {
        print_error("%s: got %.17g, want %.17g (tolerance %g)\n", what, got,
                    want, tol);
        fail();
    }
}

static po_result *solve_sens(po_model *m, po_method method)
{
    po_options o;
    po_options_init(&o);
    o.sensitivity = 1;
    o.method = method;
    po_result *r = NULL;
    po_status st = po_solve(m, &o, &r);
    if (st != PO_OK) {
        print_error("po_solve: %s\n", po_model_errmsg(m));
        fail();
    }
    assert_non_null(r);
    return r;
}

static void check_range(po_status (*fn)(const po_result *, int, double *,
                                        double *),
                        const po_result *r, int k, double lo, double hi,
                        const char *what)
{
    double a = NAN, b = NAN;
    assert_int_equal(fn(r, k, &a, &b), PO_OK);
    char buf[128];
    snprintf(buf, sizeof buf, "%s lo", what);
    assert_near(a, lo, TOL, buf);
    snprintf(buf, sizeof buf, "%s hi", what);
    assert_near(b, hi, TOL, buf);
}

/*
 * wyndor: max 3x + 5y  s.t.  c1: x <= 4,  c2: 2y <= 12,  c3: 3x + 2y <= 18,
 * x, y >= 0.  Optimum x = 2, y = 6 (objective 36); c2 and c3 bind with
 * duals 1.5 and 1, c1 has slack 2; x, y and c1's slack are basic.
 *
 * Right-hand sides (the basis {x, y, s1} stays feasible):
 *   c2: 2y <= b2 gives y = b2/2, x = (18 - b2)/3, s1 = 4 - x.  x >= 0:
 *       b2 <= 18; s1 >= 0: x <= 4, b2 >= 6.  Range [6, 18]
 *       (objective 36 + 1.5 (b2 - 12): 27 at 6, 45 at 18).
 *   c3: 3x + 2y <= b3 gives y = 6, x = (b3 - 12)/3.  x >= 0: b3 >= 12;
 *       x <= 4: b3 <= 24.  Range [12, 24].
 *   c1 is basic with only an upper bound: [activity, inf) = [2, inf).
 * Costs (the vertex stays optimal while (cx, cy) lies in the cone of the
 * binding rows' normals (0, 2) and (3, 2)):
 *   cx: (cx, 5) = a (0, 2) + b (3, 2), a, b >= 0: b = cx/3 >= 0 gives
 *       cx >= 0, a = (5 - 2b)/2 >= 0 gives cx <= 7.5.  Range [0, 7.5].
 *   cy: (3, cy): b = 1, a = (cy - 2)/2 >= 0: cy >= 2.  Range [2, inf).
 * Bounds: x and y are basic with only a lower bound: (-inf, value].
 */
static void check_wyndor(const po_result *r)
{
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_true(po_result_has_sensitivity(r));
    assert_near(po_result_objective(r), 36, TOL, "objective");
    check_range(po_result_row_range, r, 0, 2, INF, "c1");
    check_range(po_result_row_range, r, 1, 6, 18, "c2");
    check_range(po_result_row_range, r, 2, 12, 24, "c3");
    check_range(po_result_obj_range, r, 0, 0, 7.5, "cost x");
    check_range(po_result_obj_range, r, 1, 2, INF, "cost y");
    check_range(po_result_var_range, r, 0, -INF, 2, "bound x");
    check_range(po_result_var_range, r, 1, -INF, 6, "bound y");
    assert_int_equal(po_result_row_status(r, 0), PO_BASIS_BASIC);
    assert_int_equal(po_result_row_status(r, 1), PO_BASIS_UPPER);
    assert_int_equal(po_result_row_status(r, 2), PO_BASIS_UPPER);
    assert_int_equal(po_result_var_status(r, 0), PO_BASIS_BASIC);
    assert_int_equal(po_result_var_status(r, 1), PO_BASIS_BASIC);
}

static void test_wyndor(void **state)
{
    (void)state;
    po_method methods[] = {PO_METHOD_AUTO, PO_METHOD_PRIMAL, PO_METHOD_DUAL};
    for (int k = 0; k < 3; k++) {
        po_model *m = wyndor();
        po_result *r = solve_sens(m, methods[k]);
        check_wyndor(r);
        assert_true(po_result_has_basis(r));
        po_result_free(r);
        po_model_free(m);
    }
}

/* The interior point method gives no basis: a crossover and the simplex
 * method find one, and the result is that basic optimum, with its ranges. */
static void test_interior(void **state)
{
    (void)state;
    po_model *m = wyndor();
    po_result *r = solve_sens(m, PO_METHOD_INTERIOR);
    check_wyndor(r);
    assert_true(po_result_has_basis(r));
    assert_near(po_result_values(r)[0], 2, TOL, "x");
    assert_near(po_result_duals(r)[1], 1.5, TOL, "c2 dual");
    po_result_free(r);
    /* without sensitivity: the crossover's basis, no ranges */
    po_options o;
    po_options_init(&o);
    o.method = PO_METHOD_INTERIOR;
    assert_int_equal(po_solve(m, &o, &r), PO_OK);
    assert_true(po_result_has_basis(r));
    assert_false(po_result_has_sensitivity(r));
    po_result_free(r);
    po_model_free(m);
}

/*
 * bounded: min x + 2y + 5z + 10  s.t.  r1: x + y + z >= 4,  0 <= x <= 3,
 * y, z >= 0.  Optimum x = 3 (at its upper bound), y = 1 (basic), z = 0 (at
 * its lower bound); r1 binds at 4 with dual 2 (= cost of y).  Reduced
 * costs: x 1 - 2 = -1, z 5 - 2 = 3.
 *   r1: y = b - 3 >= 0: b >= 3, no upper limit.  Range [3, inf).
 *   x's upper bound u: y = 4 - u >= 0: u <= 4; downwards y only grows,
 *       but u cannot pass x's lower bound 0.  Range [0, 4].
 *   z's lower bound l: y = 1 - l >= 0: l <= 1; downwards nothing limits.
 *       Range (-inf, 1].
 *   cost of x (non-basic at upper): stays there while its reduced cost
 *       cx - 2 <= 0: (-inf, 2].
 *   cost of z (non-basic at lower): 5 + t - 2 >= 0 ... cz >= 2: [2, inf).
 *   cost of y (basic; the dual of r1 is cy): x stays at its upper bound
 *       while 1 - cy <= 0, z at its lower while 5 - cy >= 0: [1, 5].
 *   y's bounds: basic with only a lower bound: (-inf, 1].
 * As a maximization of the negated objective the bound ranges are the
 * same and the cost ranges are negated: x [-2, inf), y [-5, -1],
 * z (-inf, -2].
 */
static void test_bounded_both_senses(void **state)
{
    (void)state;
    for (int max = 0; max <= 1; max++) {
        po_model *m = bounded(max ? PO_MAXIMIZE : PO_MINIMIZE);
        po_result *r = solve_sens(m, PO_METHOD_AUTO);
        double s = max ? -1 : 1;
        assert_near(po_result_objective(r), 15 * s, TOL, "objective");
        assert_near(po_result_duals(r)[0], 2 * s, TOL, "r1 dual");
        check_range(po_result_row_range, r, 0, 3, INF, "r1");
        check_range(po_result_var_range, r, 0, 0, 4, "bound x");
        check_range(po_result_var_range, r, 1, -INF, 1, "bound y");
        check_range(po_result_var_range, r, 2, -INF, 1, "bound z");
        if (!max) {
            check_range(po_result_obj_range, r, 0, -INF, 2, "cost x");
            check_range(po_result_obj_range, r, 1, 1, 5, "cost y");
            check_range(po_result_obj_range, r, 2, 2, INF, "cost z");
        } else {
            check_range(po_result_obj_range, r, 0, -2, INF, "cost x");
            check_range(po_result_obj_range, r, 1, -5, -1, "cost y");
            check_range(po_result_obj_range, r, 2, -INF, -2, "cost z");
        }
        assert_int_equal(po_result_var_status(r, 0), PO_BASIS_UPPER);
        assert_int_equal(po_result_var_status(r, 2), PO_BASIS_LOWER);
        assert_int_equal(po_result_row_status(r, 0), PO_BASIS_LOWER);
        po_result_free(r);
        po_model_free(m);
    }
}

/* Rows and columns with two bounds, equations and fixed variables.
 *   min x + y  s.t.  e: x + y = 5 (equation),  g: 1 <= x - y <= 3
 *   (ranged), 0 <= x <= 10, y >= 0, f fixed at 2 with cost 1 in e2:
 *   x + f <= 20 (slack).
 * Every feasible point costs 5 + 2 = 7.  With x + y = 5 and x - y in
 * [1, 3]: the basis GLPK finds is not unique (the objective is parallel
 * to e), so only basis-independent facts are checked: e is an equation
 * (non-basic: fixed) and its range contains 5; g is either basic (then
 * its range is [activity, activity], two finite bounds) or at a bound
 * (the range then contains that bound); the fixed f is non-basic with
 * the cost range (-inf, inf). */
static void test_two_sided_and_fixed(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_int_equal(po_model_add_var(m, "x", 0, 10, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "y", 0, INF, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "f", 2, 2, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    int xy[] = {0, 1}, xf[] = {0, 2};
    double pp[] = {1, 1}, pm[] = {1, -1};
    assert_int_equal(po_model_add_constr(m, "e", 5, 5, 2, xy, pp, NULL), PO_OK);
    assert_int_equal(po_model_add_constr(m, "g", 1, 3, 2, xy, pm, NULL), PO_OK);
    assert_int_equal(po_model_add_constr(m, "e2", -INF, 20, 2, xf, pp, NULL),
                     PO_OK);
    po_result *r = solve_sens(m, PO_METHOD_AUTO);
    assert_near(po_result_objective(r), 7, TOL, "objective");
    double lo, hi;
    assert_int_equal(po_result_row_status(r, 0), PO_BASIS_FIXED);
    assert_int_equal(po_result_row_range(r, 0, &lo, &hi), PO_OK);
    assert_true(lo <= 5 + TOL && hi >= 5 - TOL);
    double g = po_result_row_activities(r)[1];
    assert_int_equal(po_result_row_range(r, 1, &lo, &hi), PO_OK);
    if (po_result_row_status(r, 1) == PO_BASIS_BASIC) {
        assert_near(lo, g, TOL, "g lo");
        assert_near(hi, g, TOL, "g hi");
    } else {
        assert_true(lo <= g + TOL && hi >= g - TOL);
        /* the active bound cannot pass the other one */
        if (po_result_row_status(r, 1) == PO_BASIS_UPPER)
            assert_true(lo >= 1 - TOL);
        else
            assert_true(hi <= 3 + TOL);
    }
    assert_int_equal(po_result_var_status(r, 2), PO_BASIS_FIXED);
    check_range(po_result_obj_range, r, 2, -INF, INF, "cost f");
    assert_int_equal(po_result_var_range(r, 2, &lo, &hi), PO_OK);
    assert_true(lo <= 2 && hi >= 2);
    /* e2 is slack with only an upper bound */
    check_range(po_result_row_range, r, 2, po_result_row_activities(r)[2],
                INF, "e2");
    po_result_free(r);
    po_model_free(m);
}

/*
 * A MIP analysed with its integer part fixed:
 *   min 7n - 3p  s.t.  cap: p - 4n <= 0,  dem: p <= 10,  n >= 0 integer,
 *   p >= 0.
 * n = 1: p = 4, -5; n = 2: p = 8, -10; n = 3: p = 10, -9: optimum n = 2,
 * p = 8, objective -10 (the LP relaxation has n = 2.5, -12.5).
 * With n fixed at 2: min -3p + 14, p <= 8 (cap binds), p <= 10 (slack).
 *   cap dual -3 (one more unit of capacity saves 3); dem dual 0.
 *   cap range: p = 8 + u for bound u: p <= 10 gives u <= 2, p >= 0 gives
 *       u >= -8: [-8, 2].
 *   dem basic with only an upper bound: [8, inf).
 *   p basic: a positive cost would drive it to 0 (cap's slack enters):
 *       cost range (-inf, 0]; bounds (-inf, 8].
 *   n is integer: NaN ranges.  Its reduced cost in the fixed LP:
 *       7 - (-4)(-3) = -5.
 */
static po_model *oven_mip(void)
{
    po_model *m = po_model_new();
    assert_int_equal(po_model_add_var(m, "n", 0, INF, 7, PO_INTEGER, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "p", 0, INF, -3, PO_CONTINUOUS, NULL),
                     PO_OK);
    int np[] = {0, 1}, p[] = {1};
    double cap[] = {-4, 1}, one[] = {1};
    assert_int_equal(po_model_add_constr(m, "cap", -INF, 0, 2, np, cap, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "dem", -INF, 10, 1, p, one, NULL),
                     PO_OK);
    return m;
}

static void test_mip_fixed(void **state)
{
    (void)state;
    for (int pre = 0; pre <= 1; pre++) {
        po_model *m = oven_mip();
        po_options o;
        po_options_init(&o);
        o.sensitivity = 1;
        o.presolve = pre;
        po_result *r = NULL;
        assert_int_equal(po_solve(m, &o, &r), PO_OK);
        assert_true(po_result_is_mip(r));
        assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
        assert_near(po_result_objective(r), -10, TOL, "objective");
        assert_near(po_result_values(r)[0], 2, TOL, "n");
        assert_near(po_result_values(r)[1], 8, TOL, "p");
        assert_true(po_result_has_sensitivity(r));
        /* the fixed LP's basis: cap binds, dem is slack, n is fixed */
        assert_true(po_result_has_basis(r));
        assert_int_equal(po_result_row_status(r, 0), PO_BASIS_UPPER);
        assert_int_equal(po_result_row_status(r, 1), PO_BASIS_BASIC);
        assert_int_equal(po_result_var_status(r, 0), PO_BASIS_FIXED);
        assert_int_equal(po_result_var_status(r, 1), PO_BASIS_BASIC);
        const double *y = po_result_duals(r), *d = po_result_reduced_costs(r);
        assert_non_null(y);
        assert_near(y[0], -3, TOL, "cap dual");
        assert_near(y[1], 0, TOL, "dem dual");
        assert_near(d[0], -5, TOL, "n reduced cost");
        assert_near(d[1], 0, TOL, "p reduced cost");
        check_range(po_result_row_range, r, 0, -8, 2, "cap");
        check_range(po_result_row_range, r, 1, 8, INF, "dem");
        check_range(po_result_obj_range, r, 1, -INF, 0, "cost p");
        check_range(po_result_var_range, r, 1, -INF, 8, "bound p");
        double lo = 0, hi = 0;
        assert_int_equal(po_result_obj_range(r, 0, &lo, &hi), PO_OK);
        assert_true(isnan(lo) && isnan(hi));
        assert_int_equal(po_result_var_range(r, 0, &lo, &hi), PO_OK);
        assert_true(isnan(lo) && isnan(hi));
        po_result_free(r);

        /* without sensitivity a MIP result has no duals and no basis */
        o.sensitivity = 0;
        assert_int_equal(po_solve(m, &o, &r), PO_OK);
        assert_null(po_result_duals(r));
        assert_false(po_result_has_basis(r));
        assert_false(po_result_has_sensitivity(r));
        po_result_free(r);
        po_model_free(m);
    }
}

/*
 * Degenerate: max x + y  s.t.  c1: x <= 1,  c2: y <= 1,  c3: x + y <= 2.
 * At the optimum (1, 1) all three rows bind but only two can be
 * non-basic: one slack is basic at 0.  Whichever basis GLPK ends with,
 * each non-basic row's range contains its bound and has zero width on one
 * side (moving that bound the wrong way makes the degenerate basic slack
 * negative), and the duals price the optimum: y1 + y2 + 2 y3 = 2.
 */
static void test_degenerate(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    assert_int_equal(po_model_add_var(m, "x", 0, INF, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "y", 0, INF, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    int i0[] = {0}, i1[] = {1}, i01[] = {0, 1};
    double one[] = {1}, two[] = {1, 1};
    assert_int_equal(po_model_add_constr(m, "c1", -INF, 1, 1, i0, one, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "c2", -INF, 1, 1, i1, one, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "c3", -INF, 2, 2, i01, two, NULL),
                     PO_OK);
    for (int pre = 0; pre <= 1; pre++) {
        po_options o;
        po_options_init(&o);
        o.sensitivity = 1;
        o.presolve = pre;
        po_result *r = NULL;
        assert_int_equal(po_solve(m, &o, &r), PO_OK);
        assert_near(po_result_objective(r), 2, TOL, "objective");
        const double *y = po_result_duals(r);
        assert_near(y[0] + y[1] + 2 * y[2], 2, TOL, "dual objective");
        double rhs[] = {1, 1, 2};
        int basic = 0;
        for (int i = 0; i < 3; i++) {
            double lo, hi;
            assert_int_equal(po_result_row_range(r, i, &lo, &hi), PO_OK);
            if (po_result_row_status(r, i) == PO_BASIS_BASIC) {
                basic++;
                assert_near(y[i], 0, TOL, "basic row dual");
                assert_near(lo, rhs[i], TOL, "basic row lo");
                assert_true(hi == INF);
            } else {
                assert_true(lo <= rhs[i] + TOL && hi >= rhs[i] - TOL);
                assert_true(fabs(lo - rhs[i]) <= TOL ||
                            fabs(hi - rhs[i]) <= TOL);
            }
        }
        assert_int_equal(basic, 1);
        po_result_free(r);
    }
    po_model_free(m);
}

/* No optimum, no ranging, no crash: infeasible (LP and MIP), unbounded,
 * an iteration limit. */
static void check_no_sensitivity(const po_result *r)
{
    double lo = 7, hi = 7;
    assert_false(po_result_has_sensitivity(r));
    assert_false(po_result_has_basis(r));
    assert_int_equal(po_result_row_range(r, 0, &lo, &hi), PO_ENOSOLUTION);
    assert_int_equal(po_result_obj_range(r, 0, &lo, &hi), PO_ENOSOLUTION);
    assert_int_equal(po_result_var_range(r, 0, &lo, &hi), PO_ENOSOLUTION);
    assert_true(lo == 7 && hi == 7);
    assert_int_equal(po_result_row_status(r, 0), -1);
    assert_int_equal(po_result_var_status(r, 0), -1);
}

static void test_not_available(void **state)
{
    (void)state;
    for (int kind = 0; kind < 2; kind++) {
        /* x + y >= 5 with x, y <= 2: infeasible */
        po_model *m = po_model_new();
        po_vartype t = kind ? PO_INTEGER : PO_CONTINUOUS;
        assert_int_equal(po_model_add_var(m, "x", 0, 2, 1, t, NULL), PO_OK);
        assert_int_equal(po_model_add_var(m, "y", 0, 2, 1, t, NULL), PO_OK);
        int i01[] = {0, 1};
        double v[] = {1, 1};
        assert_int_equal(po_model_add_constr(m, "r", 5, INF, 2, i01, v, NULL),
                         PO_OK);
        for (int pre = 0; pre <= 1; pre++) {
            po_options o;
            po_options_init(&o);
            o.sensitivity = 1;
            o.presolve = pre;
            po_result *r = NULL;
            assert_int_equal(po_solve(m, &o, &r), PO_OK);
            assert_int_equal(po_result_outcome(r), PO_OUTCOME_INFEASIBLE);
            check_no_sensitivity(r);
            po_result_free(r);
        }
        po_model_free(m);
    }
    /* unbounded: max x, x - y <= 1 */
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    assert_int_equal(po_model_add_var(m, "x", 0, INF, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "y", 0, INF, 0, PO_CONTINUOUS, NULL),
                     PO_OK);
    int i01[] = {0, 1};
    double v[] = {1, -1};
    assert_int_equal(po_model_add_constr(m, "r", -INF, 1, 2, i01, v, NULL),
                     PO_OK);
    po_result *r = solve_sens(m, PO_METHOD_AUTO);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_UNBOUNDED);
    check_no_sensitivity(r);
    po_result_free(r);
    po_model_free(m);
}

static void test_arguments(void **state)
{
    (void)state;
    po_model *m = wyndor();
    po_options o;
    po_options_init(&o);
    o.sensitivity = 2;
    po_result *r = (po_result *)&o;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    assert_null(r);
    assert_string_equal(po_model_errmsg(m),
                        "po_solve: options.sensitivity = 2 (must be 0 or 1)");
    r = solve_sens(m, PO_METHOD_AUTO);
    double lo, hi;
    assert_int_equal(po_result_row_range(NULL, 0, &lo, &hi), PO_EINVAL);
    assert_int_equal(po_result_obj_range(NULL, 0, &lo, &hi), PO_EINVAL);
    assert_int_equal(po_result_var_range(NULL, 0, &lo, &hi), PO_EINVAL);
    assert_int_equal(po_result_row_range(r, -1, &lo, &hi), PO_ERANGE);
    assert_int_equal(po_result_row_range(r, 3, &lo, &hi), PO_ERANGE);
    assert_int_equal(po_result_obj_range(r, 2, &lo, &hi), PO_ERANGE);
    assert_int_equal(po_result_var_range(r, -1, &lo, &hi), PO_ERANGE);
    assert_int_equal(po_result_row_range(r, 1, NULL, NULL), PO_OK);
    assert_int_equal(po_result_row_range(r, 1, NULL, &hi), PO_OK);
    assert_near(hi, 18, TOL, "hi alone");
    assert_false(po_result_has_sensitivity(NULL));
    assert_false(po_result_has_basis(NULL));
    assert_int_equal(po_result_var_status(NULL, 0), -1);
    assert_int_equal(po_result_var_status(r, 2), -1);
    assert_int_equal(po_result_row_status(r, 3), -1);
    po_result_free(r);
    /* sensitivity off: nothing */
    o.sensitivity = 0;
    assert_int_equal(po_solve(m, &o, &r), PO_OK);
    assert_false(po_result_has_sensitivity(r));
    assert_true(po_result_has_basis(r));
    assert_int_equal(po_result_row_range(r, 1, &lo, &hi), PO_ENOSOLUTION);
    po_result_free(r);
    po_model_free(m);
}

/* ---- Property check on the sample LPs ---- */

static double resolve_obj(po_model *m)
{
    po_result *r = NULL;
    assert_int_equal(po_solve(m, NULL, &r), PO_OK);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    double z = po_result_objective(r);
    po_result_free(r);
    return z;
}

/* A point strictly inside [lo, hi] next to the current value v: halfway to
 * a finite limit, or one unit (relative) towards an infinite one. */
static double inside(double v, double lo, double hi, int up)
{
    double lim = up ? hi : lo;
    if (isinf(lim))
        return v + (up ? 1 : -1) * fmax(1.0, fabs(v));
    return v + 0.5 * (lim - v);
}

/*
 * For every binding row (and every non-basic variable's active bound):
 * moving the bound inside the reported range changes the optimum by
 * dual * change; for every variable, moving its cost inside the cost range
 * changes the optimum by value * change.  That is what the ranges promise,
 * checked by re-solving from scratch.
 */
static void property_check(const char *name, int max_checks)
{
    po_model *m = read_sample(name);
    if (m == NULL) {
        print_message("skipped: %s/%s.mps not found\n", sample_dir(), name);
        return;
    }
    po_result *r = solve_sens(m, PO_METHOD_AUTO);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    double z0 = po_result_objective(r);
    const double *y = po_result_duals(r), *x = po_result_values(r);
    int nrows = po_model_num_constrs(m), ncols = po_model_num_vars(m);
    double scale = fmax(1.0, fabs(z0));
    int checks = 0;
    for (int i = 0; i < nrows && checks < max_checks; i += 1 + nrows / 25) {
        int st = po_result_row_status(r, i);
        if (st == PO_BASIS_BASIC || st == PO_BASIS_FREE)
            continue;
        double lb = po_model_constr_lb(m, i), ub = po_model_constr_ub(m, i);
        double v = st == PO_BASIS_UPPER ? ub : lb;
        double lo, hi;
        assert_int_equal(po_result_row_range(r, i, &lo, &hi), PO_OK);
        assert_true(lo <= v + 1e-9 * fmax(1, fabs(v)) &&
                    hi >= v - 1e-9 * fmax(1, fabs(v)));
        for (int up = 0; up <= 1; up++) {
            double lim = up ? hi : lo;
            if (fabs(lim - v) <= 1e-9 * fmax(1, fabs(v)))
                continue; /* degenerate side */
            double nv = inside(v, lo, hi, up);
            if (st == PO_BASIS_FIXED)
                assert_int_equal(po_model_set_constr_bounds(m, i, nv, nv),
                                 PO_OK);
            else if (st == PO_BASIS_UPPER)
                assert_int_equal(po_model_set_constr_bounds(m, i, lb, nv),
                                 PO_OK);
            else
                assert_int_equal(po_model_set_constr_bounds(m, i, nv, ub),
                                 PO_OK);
            double z = resolve_obj(m);
            assert_abs(z, z0 + y[i] * (nv - v), 1e-7 * scale,
                       po_model_constr_name(m, i));
            assert_int_equal(po_model_set_constr_bounds(m, i, lb, ub), PO_OK);
            checks++;
        }
    }
    for (int j = 0; j < ncols && checks < 2 * max_checks;
         j += 1 + ncols / 25) {
        double lo, hi, c = po_model_var_obj(m, j);
        assert_int_equal(po_result_obj_range(r, j, &lo, &hi), PO_OK);
        assert_true(lo <= c + 1e-9 * fmax(1, fabs(c)) &&
                    hi >= c - 1e-9 * fmax(1, fabs(c)));
        for (int up = 0; up <= 1; up++) {
            double lim = up ? hi : lo;
            if (fabs(lim - c) <= 1e-9 * fmax(1, fabs(c)))
                continue;
            double nc = inside(c, lo, hi, up);
            assert_int_equal(po_model_set_var_obj(m, j, nc), PO_OK);
            double z = resolve_obj(m);
            double want = z0 + x[j] * (nc - c);
            assert_abs(z, want, 1e-7 * scale, po_model_var_name(m, j));
            assert_int_equal(po_model_set_var_obj(m, j, c), PO_OK);
            checks++;
        }
    }
    const double *d = po_result_reduced_costs(r);
    int bound_checks = 0;
    for (int j = 0; j < ncols && bound_checks < max_checks; j++) {
        int st = po_result_var_status(r, j);
        if (st != PO_BASIS_LOWER && st != PO_BASIS_UPPER &&
            st != PO_BASIS_FIXED)
            continue;
        double lb = po_model_var_lb(m, j), ub = po_model_var_ub(m, j);
        double v = st == PO_BASIS_UPPER ? ub : lb;
        double lo, hi;
        assert_int_equal(po_result_var_range(r, j, &lo, &hi), PO_OK);
        assert_true(lo <= v + 1e-9 * fmax(1, fabs(v)) &&
                    hi >= v - 1e-9 * fmax(1, fabs(v)));
        for (int up = 0; up <= 1; up++) {
            double lim = up ? hi : lo;
            if (fabs(lim - v) <= 1e-9 * fmax(1, fabs(v)))
                continue;
            double nv = inside(v, lo, hi, up);
            double nlb = st == PO_BASIS_UPPER ? lb : nv;
            double nub = st == PO_BASIS_LOWER ? ub : nv;
            if (nlb > nub)
                continue; /* (cannot happen: the range stops there) */
            assert_int_equal(po_model_set_var_bounds(m, j, nlb, nub), PO_OK);
            double z = resolve_obj(m);
            assert_abs(z, z0 + d[j] * (nv - v), 1e-7 * scale,
                       po_model_var_name(m, j));
            assert_int_equal(po_model_set_var_bounds(m, j, lb, ub), PO_OK);
            bound_checks++;
        }
    }
    print_message("%s: %d row and cost checks, %d bound checks\n", name,
                  checks, bound_checks);
    assert_true(checks > 0 && bound_checks > 0);
    po_result_free(r);
    po_model_free(m);
}

static void test_property_afiro(void **state)
{
    (void)state;
    property_check("afiro", 40);
}

static void test_property_brandy(void **state)
{
    (void)state;
    property_check("brandy", 30);
}

static void test_property_finnis(void **state)
{
    (void)state;
    property_check("finnis", 30);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wyndor),
        cmocka_unit_test(test_interior),
        cmocka_unit_test(test_bounded_both_senses),
        cmocka_unit_test(test_two_sided_and_fixed),
        cmocka_unit_test(test_mip_fixed),
        cmocka_unit_test(test_degenerate),
        cmocka_unit_test(test_not_available),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_property_afiro),
        cmocka_unit_test(test_property_brandy),
        cmocka_unit_test(test_property_finnis),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
