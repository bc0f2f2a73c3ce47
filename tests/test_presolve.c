/*
 * test_presolve.c -- procopt's presolve (options.reductions) and
 * postsolve.
 *
 *  - Each reduction on a small hand model, with that reduction alone: the
 *    reduced problem it must produce (read through the internal
 *    po__presolve_* calls) and the postsolved primal values, duals, reduced
 *    costs and basis, worked out by hand in the comments and compared with
 *    a solve without presolve.
 *  - Infeasible and unbounded models told by presolve itself.
 *  - The Debian sample LPs (afiro, brandy, e226, finnis): the published
 *    optimum with every reduction, with each one switched off alone and
 *    with each one alone; the postsolved duals and reduced costs are those
 *    of an optimal basis of the model itself (po_solve_warm from the
 *    postsolved basis takes 0 iterations and GLPK's duals of that basis
 *    equal them within 1e-7), satisfy complementary slackness, and equal
 *    the duals of a solve without presolve within 1e-7 where the dual
 *    optimum is unique (afiro; brandy, e226 and finnis have several dual
 *    optima: GLPK's own primal and dual simplex disagree on them, checked
 *    below).
 *  - The sample MIPs (p0033, p0201, p0548, lseu) keep their optima 3089,
 *    7615, 8691, 1120, also with each MIP reduction switched off.
 * Needs no /work/shared; the sample files come from $PROCOPT_SAMPLE
 * (default /usr/share/coin/Data/Sample), tests skip when they are missing.
 */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "presolve.h"
#include "procopt.h"
#include "lp_fixtures.h"

#define INF PO_INF
#define TOL 1e-9

static const int bits[] = {PO_REDUCE_EMPTY,    PO_REDUCE_SINGLETON,
                           PO_REDUCE_FIXED,    PO_REDUCE_DUP_ROWS,
                           PO_REDUCE_DUP_COLS, PO_REDUCE_FORCING,
                           PO_REDUCE_BOUNDS,   PO_REDUCE_COEFS,
                           PO_REDUCE_INT_ROUND, PO_REDUCE_COL_SINGLETON};
#define NBITS (sizeof bits / sizeof bits[0])

static void near_(double got, double want, double tol, const char *what)
{
    if (!(fabs(got - want) <= tol * fmax(1.0, fabs(want)))) {
        print_error("%s: got %.17g, want %.17g\n", what, got, want);
        fail();
    }
}

static po_result *solve_with(po_model *m, int reductions, int glpk_presolve)
{
    po_options o;
    po_options_init(&o);
    o.reductions = reductions;
    o.presolve = glpk_presolve;
    po_result *r = NULL;
    po_status st = po_solve(m, &o, &r);
    if (st != PO_OK) {
        print_error("po_solve: %s\n", po_model_errmsg(m));
        fail();
    }
    assert_non_null(r);
    return r;
}

static void add_var(po_model *m, const char *name, double lb, double ub,
                    double obj, po_vartype type)
{
    assert_int_equal(po_model_add_var(m, name, lb, ub, obj, type, NULL),
                     PO_OK);
}

static void add_row(po_model *m, const char *name, double lb, double ub,
                    int nnz, const int *idx, const double *val)
{
    assert_int_equal(po_model_add_constr(m, name, lb, ub, nnz, idx, val,
                                         NULL),
                     PO_OK);
}

/* The reduced model presolve makes with `reductions`: sizes checked;
 * returned for more checks (free both). */
static po_model *reduced(po_model *m, int reductions, po__presolve **ps,
                         int rows, int cols)
{
    assert_int_equal(po__presolve_run(m, reductions, ps), PO_OK);
    assert_false((*ps)->infeasible);
    po_model *red = po__presolve_build(*ps);
    assert_non_null(red);
    assert_int_equal(po_model_num_constrs(red), rows);
    assert_int_equal(po_model_num_vars(red), cols);
    return red;
}

static void check_values(const po_result *r, const double *x, int n)
{
    for (int j = 0; j < n; j++)
        near_(po_result_values(r)[j], x[j], TOL, "value");
}

static void check_duals(const po_result *r, const double *y, int m,
                        const double *d, int n)
{
    assert_non_null(po_result_duals(r));
    for (int i = 0; i < m; i++)
        near_(po_result_duals(r)[i], y[i], TOL, "dual");
    for (int j = 0; j < n; j++)
        near_(po_result_reduced_costs(r)[j], d[j], TOL, "reduced cost");
}

/* Same duals and reduced costs in both results. */
static void same_duals(const po_result *a, const po_result *b, double tol)
{
    int m = po_result_num_constrs(a), n = po_result_num_vars(a);
    for (int i = 0; i < m; i++)
        near_(po_result_duals(b)[i], po_result_duals(a)[i], tol, "dual");
    for (int j = 0; j < n; j++)
        near_(po_result_reduced_costs(b)[j], po_result_reduced_costs(a)[j],
              tol, "reduced cost");
}

/* The postsolved basis is an optimal basis of the model: po_solve_warm
 * from it needs no iteration, and GLPK's duals of it are the postsolved
 * ones. */
static void check_basis_warm(po_model *m, const po_result *r)
{
    assert_true(po_result_has_basis(r));
    po_result *w = NULL;
    assert_int_equal(po_solve_warm(m, NULL, r, &w), PO_OK);
    assert_int_equal(po_result_warm_started(w), 1);
    assert_int_equal(po_result_iterations(w), 0);
    assert_int_equal(po_result_outcome(w), PO_OUTCOME_OPTIMAL);
    near_(po_result_objective(w), po_result_objective(r), 1e-9, "objective");
    same_duals(r, w, 1e-7);
    po_result_free(w);
}

/* ------------------------------------------------------------------ */
/* One reduction at a time, on hand models                            */
/* ------------------------------------------------------------------ */

/*
 * min x1 + 2 x2 - x3 + 0 x4
 *   r1: x1 + x2 >= 2,  e: (no variable) in [-1, 1]
 *   x1, x2 >= 0, x3 in [0, 4] and x4 in [1, 5] in no row.
 * PO_REDUCE_EMPTY: e goes (0 lies in [-1, 1]); x3 goes to 4 (its cost
 * prefers the upper bound), x4 to 1 (no cost: the value nearest 0).
 * Reduced: r1 over x1, x2 (1 row, 2 columns); optimum x1 = 2.
 * Postsolved: x = (2, 0, 4, 1), objective 2 - 4 = -2; duals r1 = 1, e = 0;
 * reduced costs 1 - 1 = 0, 2 - 1 = 1, -1, 0.
 */
static void test_empty(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x1", 0, INF, 1, PO_CONTINUOUS);
    add_var(m, "x2", 0, INF, 2, PO_CONTINUOUS);
    add_var(m, "x3", 0, 4, -1, PO_CONTINUOUS);
    add_var(m, "x4", 1, 5, 0, PO_CONTINUOUS);
    int i01[] = {0, 1};
    double one2[] = {1, 1};
    add_row(m, "r1", 2, INF, 2, i01, one2);
    add_row(m, "e", -1, 1, 0, NULL, NULL);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_EMPTY, &ps, 1, 2);
    assert_string_equal(po_model_constr_name(red, 0), "r1");
    near_(po_model_obj_constant(red), -4, 0, "constant");
    po_model_free(red);
    po__presolve_free(ps);

    po_result *r = solve_with(m, PO_REDUCE_EMPTY, 1);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    near_(po_result_objective(r), -2, TOL, "objective");
    check_values(r, (double[]){2, 0, 4, 1}, 4);
    near_(po_result_row_activities(r)[0], 2, TOL, "r1");
    near_(po_result_row_activities(r)[1], 0, TOL, "e");
    check_duals(r, (double[]){1, 0}, 2, (double[]){0, 1, -1, 0}, 4);
    po_result *cold = solve_with(m, 0, 1);
    same_duals(cold, r, 1e-9);
    check_basis_warm(m, r);
    assert_int_equal(po_result_var_status(r, 2), PO_BASIS_UPPER);
    assert_int_equal(po_result_var_status(r, 3), PO_BASIS_LOWER);
    assert_int_equal(po_result_row_status(r, 1), PO_BASIS_BASIC);
    po_result_free(cold);
    po_result_free(r);
    po_model_free(m);
}

/*
 * min -x - y   s1: 2x <= 8,  s2: -y >= -3,  c: x + y <= 10,  x, y >= 0.
 * PO_REDUCE_SINGLETON: s1 gives x <= 4, s2 gives y <= 3; reduced: c alone
 * with x in [0, 4], y in [0, 3]; optimum x = 4, y = 3, objective -7.
 * Postsolve: x ends at the bound s1 set, with reduced cost -1: s1 takes
 * it, y_s1 = -1 / 2 = -0.5 (x becomes basic, s1 non-basic at its upper
 * bound); likewise y_s2 = -1 / -1 = 1 (s2 at its lower bound -3).  c is
 * basic with dual 0; the reduced costs are then 0.
 */
static void test_singleton(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x", 0, INF, -1, PO_CONTINUOUS);
    add_var(m, "y", 0, INF, -1, PO_CONTINUOUS);
    int i0[] = {0}, i1[] = {1}, i01[] = {0, 1};
    double two[] = {2}, mone[] = {-1}, one2[] = {1, 1};
    add_row(m, "s1", -INF, 8, 1, i0, two);
    add_row(m, "s2", -3, INF, 1, i1, mone);
    add_row(m, "c", -INF, 10, 2, i01, one2);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_SINGLETON, &ps, 1, 2);
    near_(po_model_var_ub(red, 0), 4, 0, "x ub");
    near_(po_model_var_ub(red, 1), 3, 0, "y ub");
    po_model_free(red);
    po__presolve_free(ps);

    po_result *r = solve_with(m, PO_REDUCE_SINGLETON, 1);
    near_(po_result_objective(r), -7, TOL, "objective");
    check_values(r, (double[]){4, 3}, 2);
    check_duals(r, (double[]){-0.5, 1, 0}, 3, (double[]){0, 0}, 2);
    po_result *cold = solve_with(m, 0, 1);
    same_duals(cold, r, 1e-9);
    check_basis_warm(m, r);
    assert_int_equal(po_result_row_status(r, 0), PO_BASIS_UPPER);
    assert_int_equal(po_result_row_status(r, 1), PO_BASIS_LOWER);
    assert_int_equal(po_result_row_status(r, 2), PO_BASIS_BASIC);
    assert_int_equal(po_result_var_status(r, 0), PO_BASIS_BASIC);
    assert_int_equal(po_result_var_status(r, 1), PO_BASIS_BASIC);
    po_result_free(cold);
    po_result_free(r);
    po_model_free(m);
}

/*
 * The same in a maximization (GLPK's signs: the change of the objective
 * per unit of the row): wyndor, max 3x + 5y, c1: x <= 4, c2: 2y <= 12,
 * c3: 3x + 2y <= 18.  c1 and c2 become bounds x <= 4, y <= 6; reduced: c3.
 * Optimum (2, 6) = 36: y sits at the bound c2 set, x is basic; duals
 * c1 = 0, c2 = 1.5, c3 = 1; reduced costs 0.
 */
static void test_singleton_max(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    add_var(m, "x", 0, INF, 3, PO_CONTINUOUS);
    add_var(m, "y", 0, INF, 5, PO_CONTINUOUS);
    int i0[] = {0}, i1[] = {1}, i01[] = {0, 1};
    double one[] = {1}, two[] = {2}, c3[] = {3, 2};
    add_row(m, "c1", -INF, 4, 1, i0, one);
    add_row(m, "c2", -INF, 12, 1, i1, two);
    add_row(m, "c3", -INF, 18, 2, i01, c3);
    po_result *r = solve_with(m, PO_REDUCE_SINGLETON, 1);
    near_(po_result_objective(r), 36, TOL, "objective");
    check_values(r, (double[]){2, 6}, 2);
    check_duals(r, (double[]){0, 1.5, 1}, 3, (double[]){0, 0}, 2);
    check_basis_warm(m, r);
    po_result_free(r);
    r = solve_with(m, PO_REDUCE_ALL, 1);
    check_duals(r, (double[]){0, 1.5, 1}, 3, (double[]){0, 0}, 2);
    check_basis_warm(m, r);
    po_result_free(r);
    po_model_free(m);
}

/*
 * min 2x + 3y + z   r1: x + y + z >= 5,  r2: x - z <= 1,  y fixed at 1.
 * PO_REDUCE_FIXED: y leaves; reduced r1: x + z >= 4, r2 unchanged,
 * objective constant 3 (2 rows, 2 columns).  Optimum x = 0, z = 4 (z is
 * the cheaper way to r1), objective 7; duals r1 = 1, r2 = 0; reduced
 * costs x: 2 - 1 = 1, y: 3 - 1 = 2 (any sign: y is fixed), z: 0.
 */
static void test_fixed(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x", 0, INF, 2, PO_CONTINUOUS);
    add_var(m, "y", 1, 1, 3, PO_CONTINUOUS);
    add_var(m, "z", 0, INF, 1, PO_CONTINUOUS);
    int r1i[] = {0, 1, 2}, r2i[] = {0, 2};
    double r1v[] = {1, 1, 1}, r2v[] = {1, -1};
    add_row(m, "r1", 5, INF, 3, r1i, r1v);
    add_row(m, "r2", -INF, 1, 2, r2i, r2v);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_FIXED, &ps, 2, 2);
    near_(po_model_constr_lb(red, 0), 4, 0, "r1 lb");
    near_(po_model_obj_constant(red), 3, 0, "constant");
    po_model_free(red);
    po__presolve_free(ps);

    po_result *r = solve_with(m, PO_REDUCE_FIXED, 1);
    near_(po_result_objective(r), 7, TOL, "objective");
    check_values(r, (double[]){0, 1, 4}, 3);
    check_duals(r, (double[]){1, 0}, 2, (double[]){1, 2, 0}, 3);
    assert_int_equal(po_result_var_status(r, 1), PO_BASIS_FIXED);
    check_basis_warm(m, r);
    po_result_free(r);
    po_model_free(m);
}

/*
 * min x + y   a: x + 2y >= 2,  b: 2x + 4y >= 6,  c: 3x + 6y <= 30.
 * PO_REDUCE_DUP_ROWS: b = 2a and c = 3a merge into a with range [3, 10]
 * (lower bound from b, upper from c): 1 row, 2 columns.  Optimum y = 1.5,
 * x = 0, objective 1.5; the merged row's dual 0.5 belongs to b, whose
 * bound is active: y_b = 0.5 / 2 = 0.25, y_a = y_c = 0 (a and c basic,
 * b at its lower bound).  Reduced costs x: 1 - 2 * 0.25 = 0.5, y: 0.
 */
static void test_dup_rows(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x", 0, INF, 1, PO_CONTINUOUS);
    add_var(m, "y", 0, INF, 1, PO_CONTINUOUS);
    int i01[] = {0, 1};
    double a[] = {1, 2}, b[] = {2, 4}, c[] = {3, 6};
    add_row(m, "a", 2, INF, 2, i01, a);
    add_row(m, "b", 6, INF, 2, i01, b);
    add_row(m, "c", -INF, 30, 2, i01, c);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_DUP_ROWS, &ps, 1, 2);
    assert_string_equal(po_model_constr_name(red, 0), "a");
    near_(po_model_constr_lb(red, 0), 3, 0, "lb");
    near_(po_model_constr_ub(red, 0), 10, 0, "ub");
    po_model_free(red);
    po__presolve_free(ps);

    po_result *r = solve_with(m, PO_REDUCE_DUP_ROWS, 1);
    near_(po_result_objective(r), 1.5, TOL, "objective");
    check_values(r, (double[]){0, 1.5}, 2);
    near_(po_result_row_activities(r)[1], 6, TOL, "b");
    check_duals(r, (double[]){0, 0.25, 0}, 3, (double[]){0.5, 0}, 2);
    assert_int_equal(po_result_row_status(r, 0), PO_BASIS_BASIC);
    assert_int_equal(po_result_row_status(r, 1), PO_BASIS_LOWER);
    assert_int_equal(po_result_row_status(r, 2), PO_BASIS_BASIC);
    check_basis_warm(m, r);
    po_result_free(r);
    po_model_free(m);
}

/*
 * min x1 + 2 x2 + 2z   r1: x1 + 2 x2 + z >= 4,  r2: x1 + 2 x2 - z <= 2,
 * x1 in [0, 1], x2 in [0, 5], z >= 0.
 * PO_REDUCE_DUP_COLS: x2 = 2 * x1 (column and cost): x' = x1 + 2 x2 in
 * [0, 11] replaces both (2 rows, 2 columns).  Reduced optimum x' = 3,
 * z = 1 (x' = 4 - z and x' - z <= 2 give z >= 1; the objective is 4 + z),
 * objective 5.  Split: x2 at 0 would leave x1 = 3 > 1, so x1 = 1 and
 * x2 = (3 - 1) / 2 = 1 (x2 basic, x1 at its upper bound).  Duals from
 * x' and z basic: 1 - y1 - y2 = 0, 2 - y1 + y2 = 0: y1 = 1.5, y2 = -0.5;
 * reduced costs 0.  (The model has other optimal points, x1 = 0 and
 * x2 = 1.5; the duals are unique.)
 */
static void test_dup_cols(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x1", 0, 1, 1, PO_CONTINUOUS);
    add_var(m, "x2", 0, 5, 2, PO_CONTINUOUS);
    add_var(m, "z", 0, INF, 2, PO_CONTINUOUS);
    int idx[] = {0, 1, 2};
    double r1[] = {1, 2, 1}, r2[] = {1, 2, -1};
    add_row(m, "r1", 4, INF, 3, idx, r1);
    add_row(m, "r2", -INF, 2, 3, idx, r2);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_DUP_COLS, &ps, 2, 2);
    assert_string_equal(po_model_var_name(red, 0), "x1");
    near_(po_model_var_lb(red, 0), 0, 0, "x' lb");
    near_(po_model_var_ub(red, 0), 11, 0, "x' ub");
    po_model_free(red);
    po__presolve_free(ps);

    po_result *r = solve_with(m, PO_REDUCE_DUP_COLS, 1);
    near_(po_result_objective(r), 5, TOL, "objective");
    check_values(r, (double[]){1, 1, 1}, 3);
    check_duals(r, (double[]){1.5, -0.5}, 2, (double[]){0, 0, 0}, 3);
    assert_int_equal(po_result_var_status(r, 0), PO_BASIS_UPPER);
    assert_int_equal(po_result_var_status(r, 1), PO_BASIS_BASIC);
    po_result *cold = solve_with(m, 0, 1);
    same_duals(cold, r, 1e-9);
    check_basis_warm(m, r);
    po_result_free(cold);
    po_result_free(r);
    /* x1 in [0, 10], x2 in [-1, 5]: x' in [-2, 20], still 3 at the
     * optimum; x2 goes to its lower bound -1 (non-basic), x1 = 3 + 2 = 5
     * lies inside its range (basic) */
    assert_int_equal(po_model_set_var_bounds(m, 0, 0, 10), PO_OK);
    assert_int_equal(po_model_set_var_bounds(m, 1, -1, 5), PO_OK);
    r = solve_with(m, PO_REDUCE_DUP_COLS, 1);
    near_(po_result_objective(r), 5, TOL, "objective");
    check_values(r, (double[]){5, -1, 1}, 3);
    assert_int_equal(po_result_var_status(r, 0), PO_BASIS_BASIC);
    assert_int_equal(po_result_var_status(r, 1), PO_BASIS_LOWER);
    check_basis_warm(m, r);
    po_result_free(r);
    po_model_free(m);
}

/*
 * min -x + z   f: x + y <= 0,  r: x + z >= 2,  x, y >= 0, z in [0, 10].
 * PO_REDUCE_FORCING: f can only hold with x = y = 0 (its smallest
 * activity is its bound): both fixed, f goes; r is then z >= 2, which
 * (forcing rules only) stays: reduced r over z (1 row, 1 column),
 * optimum z = 2, y_r = 1.
 * Postsolve of f: with y_f = 0 the reduced costs would be d_x = -1 - 1 =
 * -2 and d_y = 0; f at its upper bound needs y_f <= min(0, d_x / 1,
 * d_y / 1) = -2: y_f = -2, x becomes basic (d_x = 0), d_y = 2.  This is
 * also the only dual solution of a basis (y basic would give y_f = 0 and
 * d_x = -2 < 0 at x's lower bound).
 */
static void test_forcing(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x", 0, INF, -1, PO_CONTINUOUS);
    add_var(m, "y", 0, INF, 0, PO_CONTINUOUS);
    add_var(m, "z", 0, 10, 1, PO_CONTINUOUS);
    int fi[] = {0, 1}, ri[] = {0, 2};
    double one2[] = {1, 1};
    add_row(m, "f", -INF, 0, 2, fi, one2);
    add_row(m, "r", 2, INF, 2, ri, one2);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_FORCING, &ps, 1, 1);
    assert_string_equal(po_model_var_name(red, 0), "z");
    po_model_free(red);
    po__presolve_free(ps);

    for (int k = 0; k < 2; k++) {
        /* forcing alone, then everything (r becomes z's bound, z an empty
         * column at that bound: the whole model is presolved away) */
        po_result *r = solve_with(m, k == 0 ? PO_REDUCE_FORCING
                                            : PO_REDUCE_ALL,
                                  1);
        near_(po_result_objective(r), 2, TOL, "objective");
        check_values(r, (double[]){0, 0, 2}, 3);
        check_duals(r, (double[]){-2, 1}, 2, (double[]){0, 2, 0}, 3);
        assert_int_equal(po_result_var_status(r, 0), PO_BASIS_BASIC);
        assert_int_equal(po_result_var_status(r, 1), PO_BASIS_LOWER);
        assert_int_equal(po_result_row_status(r, 0), PO_BASIS_UPPER);
        po_result *cold = solve_with(m, 0, 0);
        same_duals(cold, r, 1e-9);
        po_result_free(cold);
        check_basis_warm(m, r);
        po_result_free(r);
    }
    po_model_free(m);
}

/*
 * min 2x + 3y + z   e: x + y + 2z = 10,  r: x - y <= 2,  x, y >= 0,
 * z in [0, 3].
 * PO_REDUCE_COL_SINGLETON: z lives in e only: z = (10 - x - y) / 2, and
 * z in [0, 3] becomes x + y in [4, 10]; z's cost moves to x and y
 * (2 - 1/2 = 1.5, 3 - 1/2 = 2.5) and 1 * 10 / 2 = 5 to the constant.
 * Reduced: min 1.5x + 2.5y + 5, e: 4 <= x + y <= 10, r (2 rows, 2
 * columns); optimum x = 3, y = 1 (x + y as small as r allows), 12; then
 * z = (10 - 4) / 2 = 3.  Reduced duals: 1.5 = y_e + y_r, 2.5 = y_e - y_r:
 * y_e = 2, y_r = -0.5; e's own dual is 2 + 1/2 = 2.5, so d_z = 1 - 2 * 2.5
 * = -4 (z at its upper bound), d_x = d_y = 0.  Basis: x, y basic, z at
 * its upper bound, e fixed, r at its upper bound.
 */
static void test_col_singleton(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x", 0, INF, 2, PO_CONTINUOUS);
    add_var(m, "y", 0, INF, 3, PO_CONTINUOUS);
    add_var(m, "z", 0, 3, 1, PO_CONTINUOUS);
    int ei[] = {0, 1, 2}, ri[] = {0, 1};
    double ev[] = {1, 1, 2}, rv[] = {1, -1};
    add_row(m, "e", 10, 10, 3, ei, ev);
    add_row(m, "r", -INF, 2, 2, ri, rv);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_COL_SINGLETON, &ps, 2, 2);
    near_(po_model_constr_lb(red, 0), 4, 0, "e lb");
    near_(po_model_constr_ub(red, 0), 10, 0, "e ub");
    near_(po_model_var_obj(red, 0), 1.5, 0, "x cost");
    near_(po_model_var_obj(red, 1), 2.5, 0, "y cost");
    near_(po_model_obj_constant(red), 5, 0, "constant");
    po_model_free(red);
    po__presolve_free(ps);

    po_result *r = solve_with(m, PO_REDUCE_COL_SINGLETON, 1);
    near_(po_result_objective(r), 12, TOL, "objective");
    check_values(r, (double[]){3, 1, 3}, 3);
    check_duals(r, (double[]){2.5, -0.5}, 2, (double[]){0, 0, -4}, 3);
    assert_int_equal(po_result_var_status(r, 2), PO_BASIS_UPPER);
    assert_int_equal(po_result_row_status(r, 0), PO_BASIS_FIXED);
    assert_int_equal(po_result_row_status(r, 1), PO_BASIS_UPPER);
    po_result *cold = solve_with(m, 0, 1);
    same_duals(cold, r, 1e-9);
    check_basis_warm(m, r);
    po_result_free(cold);
    po_result_free(r);
    /* a free z leaves a free row, which goes too (with forcing rules):
     * min 2x + 3y + z with z = (10 - x - y) / 2 free is min 1.5x + 2.5y
     * + 5 under r alone: x = y = 0, z = 5, objective 5; e's dual is
     * 1/2 (d_z = 0), d_x = 1.5, d_y = 2.5 */
    assert_int_equal(po_model_set_var_bounds(m, 2, -INF, INF), PO_OK);
    r = solve_with(m, PO_REDUCE_COL_SINGLETON | PO_REDUCE_FORCING, 1);
    near_(po_result_objective(r), 5, TOL, "objective");
    check_values(r, (double[]){0, 0, 5}, 3);
    check_duals(r, (double[]){0.5, 0}, 2, (double[]){1.5, 2.5, 0}, 3);
    check_basis_warm(m, r);
    po_result_free(r);
    po_model_free(m);
}

/*
 * min x + 2y   r1: x + y >= 1,  red: x + y <= 10,  x, y in [0, 2].
 * PO_REDUCE_FORCING: red can never bind (its largest activity is 4): it
 * goes, with dual 0 and basic.  Reduced: r1 (1 row).  Optimum x = 1,
 * y = 0, objective 1; duals r1 = 1, red = 0; reduced costs 0, 1.
 */
static void test_redundant(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x", 0, 2, 1, PO_CONTINUOUS);
    add_var(m, "y", 0, 2, 2, PO_CONTINUOUS);
    int i01[] = {0, 1};
    double one2[] = {1, 1};
    add_row(m, "r1", 1, INF, 2, i01, one2);
    add_row(m, "red", -INF, 10, 2, i01, one2);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_FORCING, &ps, 1, 2);
    assert_string_equal(po_model_constr_name(red, 0), "r1");
    po_model_free(red);
    po__presolve_free(ps);
    po_result *r = solve_with(m, PO_REDUCE_FORCING, 1);
    near_(po_result_objective(r), 1, TOL, "objective");
    check_values(r, (double[]){1, 0}, 2);
    check_duals(r, (double[]){1, 0}, 2, (double[]){0, 1}, 2);
    assert_int_equal(po_result_row_status(r, 1), PO_BASIS_BASIC);
    check_basis_warm(m, r);
    po_result_free(r);
    po_model_free(m);
}

/*
 * MIP, max x + y over integers x, y in [0, 100] with r: 3x + 2y <= 12.
 * PO_REDUCE_BOUNDS: r implies x <= 4 and y <= 6 (the other variable at
 * 0), written into the reduced model.  Optimum (0, 6) = 6 (x = 2, y = 3
 * gives 5, x = 4 gives 4).
 */
static void test_mip_bounds(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    add_var(m, "x", 0, 100, 1, PO_INTEGER);
    add_var(m, "y", 0, 100, 1, PO_INTEGER);
    int i01[] = {0, 1};
    double v[] = {3, 2};
    add_row(m, "r", -INF, 12, 2, i01, v);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_BOUNDS, &ps, 1, 2);
    near_(po_model_var_ub(red, 0), 4, 0, "x ub");
    near_(po_model_var_ub(red, 1), 6, 0, "y ub");
    po_model_free(red);
    po__presolve_free(ps);
    po_result *r = solve_with(m, PO_REDUCE_BOUNDS, 1);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_true(po_result_is_mip(r));
    near_(po_result_objective(r), 6, TOL, "objective");
    check_values(r, (double[]){0, 6}, 2);
    assert_null(po_result_duals(r));
    po_result_free(r);
    po_model_free(m);
}

/*
 * The same row with x continuous: PO_REDUCE_BOUNDS tightens only the
 * integer y (to 6); x keeps [0, 100] (an implied bound of a continuous
 * column adds nothing to the relaxation: presolve_mip.c).  Optimum x = 4,
 * y = 0: 4 < 6, so (0, 6) = 6 again.
 */
static void test_mip_bounds_integer_only(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    add_var(m, "x", 0, 100, 1, PO_CONTINUOUS);
    add_var(m, "y", 0, 100, 1, PO_INTEGER);
    int i01[] = {0, 1};
    double v[] = {3, 2};
    add_row(m, "r", -INF, 12, 2, i01, v);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_BOUNDS, &ps, 1, 2);
    near_(po_model_var_ub(red, 0), 100, 0, "x ub");
    near_(po_model_var_ub(red, 1), 6, 0, "y ub");
    po_model_free(red);
    po__presolve_free(ps);
    po_result *r = solve_with(m, PO_REDUCE_BOUNDS, 1);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    near_(po_result_objective(r), 6, TOL, "objective");
    check_values(r, (double[]){0, 6}, 2);
    po_result_free(r);
    po_model_free(m);
}

/*
 * MIP big-M: min -x + 5y, x in [0, 10] continuous, y binary,
 *   up: x - 100 y <= 0,  lo: -x + 100 y >= 0 (the same, as a >= row).
 * PO_REDUCE_COEFS: with y = 1 neither row can bind (x <= 10 < 100), so
 * the coefficient of y drops by 90: up: x - 10 y <= 0, lo: -x + 10 y >= 0.
 * The LP relaxation is then integral: optimum x = 10, y = 1, objective -5
 * (before: y = 0.1 in the relaxation, -9.5).
 */
static void test_mip_coefs(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x", 0, 10, -1, PO_CONTINUOUS);
    add_var(m, "y", 0, 1, 5, PO_BINARY);
    int i01[] = {0, 1};
    double up[] = {1, -100}, lo[] = {-1, 100};
    add_row(m, "up", -INF, 0, 2, i01, up);
    add_row(m, "lo", 0, INF, 2, i01, lo);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_COEFS, &ps, 2, 2);
    int idx[2];
    double val[2];
    assert_int_equal(po_model_constr_row(red, 0, idx, val), 2);
    near_(val[idx[0] == 1 ? 0 : 1], -10, 1e-12, "up: coefficient of y");
    near_(po_model_constr_ub(red, 0), 0, 0, "up: bound");
    assert_int_equal(po_model_constr_row(red, 1, idx, val), 2);
    near_(val[idx[0] == 1 ? 0 : 1], 10, 1e-12, "lo: coefficient of y");
    near_(po_model_constr_lb(red, 1), 0, 0, "lo: bound");
    po_model_free(red);
    po__presolve_free(ps);
    po_result *r = solve_with(m, PO_REDUCE_COEFS, 1);
    near_(po_result_objective(r), -5, TOL, "objective");
    check_values(r, (double[]){10, 1}, 2);
    /* activities are the model's own rows */
    near_(po_result_row_activities(r)[0], -90, TOL, "up");
    po_result_free(r);
    po_model_free(m);
}

/*
 * MIP: min x, x integer in [0.5, 3.7], y in [0, 1], r: x + y <= 10.
 * PO_REDUCE_INT_ROUND: x in [1, 3].  Optimum x = 1, y = 0.
 */
static void test_int_round(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    add_var(m, "x", 0.5, 3.7, 1, PO_INTEGER);
    add_var(m, "y", 0, 1, 0, PO_CONTINUOUS);
    int i01[] = {0, 1};
    double one2[] = {1, 1};
    add_row(m, "r", -INF, 10, 2, i01, one2);
    po__presolve *ps;
    po_model *red = reduced(m, PO_REDUCE_INT_ROUND, &ps, 1, 2);
    near_(po_model_var_lb(red, 0), 1, 0, "x lb");
    near_(po_model_var_ub(red, 0), 3, 0, "x ub");
    po_model_free(red);
    po__presolve_free(ps);
    po_result *r = solve_with(m, PO_REDUCE_ALL, 1);
    near_(po_result_objective(r), 1, TOL, "objective");
    po_result_free(r);
    po_model_free(m);
}

/* ------------------------------------------------------------------ */
/* Infeasible and unbounded, told by presolve                         */
/* ------------------------------------------------------------------ */

typedef struct logbuf {
    char text[4096];
} logbuf;

static void log_to(void *user, const char *s)
{
    logbuf *b = user;
    size_t len = strlen(b->text);
    snprintf(b->text + len, sizeof b->text - len, "%s", s);
}

/* Solved with `reductions` (and without any): `want` both times; with
 * reductions, presolve itself says so when it says "presolve: infeasible"
 * is expected (`by_presolve`). */
static void check_outcome(po_model *m, int reductions, po_outcome want,
                          const char *by_presolve)
{
    po_options o;
    po_options_init(&o);
    o.reductions = reductions;
    logbuf lb = {{0}};
    o.log = log_to;
    o.log_user = &lb;
    po_result *r = NULL;
    assert_int_equal(po_solve(m, &o, &r), PO_OK);
    assert_int_equal(po_result_outcome(r), want);
    assert_false(po_result_has_solution(r));
    assert_null(po_result_duals(r));
    assert_int_equal(po_result_num_vars(r), po_model_num_vars(m));
    if (by_presolve != NULL && strstr(lb.text, by_presolve) == NULL) {
        print_error("log has no \"%s\":\n%s", by_presolve, lb.text);
        fail();
    }
    po_result_free(r);
    r = solve_with(m, 0, 0);
    assert_int_equal(po_result_outcome(r), want);
    po_result_free(r);
}

static void test_infeasible(void **state)
{
    (void)state;
    int i0[] = {0}, i01[] = {0, 1};
    double two[] = {2}, one2[] = {1, 1}, two2[] = {2, 2};
    /* an empty row that 0 does not satisfy */
    po_model *m = po_model_new();
    add_var(m, "x", 0, 1, 1, PO_CONTINUOUS);
    add_row(m, "r", 0, 1, 1, i0, two);
    add_row(m, "e", 1, 2, 0, NULL, NULL);
    check_outcome(m, PO_REDUCE_EMPTY, PO_OUTCOME_INFEASIBLE,
                  "presolve: infeasible: constraint \"e\" has no variables "
                  "left and needs 1 <= 0 <= 2\n");
    po_model_free(m);
    /* a singleton row against the variable's bounds: 2x <= 2, x >= 2 */
    m = po_model_new();
    add_var(m, "x", 2, 5, 1, PO_CONTINUOUS);
    add_var(m, "y", 0, 1, 1, PO_CONTINUOUS);
    add_row(m, "s", -INF, 2, 1, i0, two);
    add_row(m, "c", 0, 10, 2, i01, one2);
    check_outcome(m, PO_REDUCE_SINGLETON, PO_OUTCOME_INFEASIBLE,
                  "presolve: infeasible: constraint \"s\" bounds variable "
                  "\"x\" to [-inf, 1] and its bounds allow [2, 5]\n");
    po_model_free(m);
    /* activity bounds: x + y >= 5 with x, y in [0, 2] */
    m = po_model_new();
    add_var(m, "x", 0, 2, 1, PO_CONTINUOUS);
    add_var(m, "y", 0, 2, 1, PO_CONTINUOUS);
    add_row(m, "c", 5, INF, 2, i01, one2);
    check_outcome(m, PO_REDUCE_FORCING, PO_OUTCOME_INFEASIBLE,
                  "presolve: infeasible: constraint \"c\" needs an activity "
                  "in [5, inf] and its variables' bounds allow [0, 4]\n");
    po_model_free(m);
    /* proportional rows whose ranges miss: x + y >= 4, 2x + 2y <= 6 */
    m = po_model_new();
    add_var(m, "x", 0, INF, 1, PO_CONTINUOUS);
    add_var(m, "y", 0, INF, 1, PO_CONTINUOUS);
    add_row(m, "a", 4, INF, 2, i01, one2);
    add_row(m, "b", -INF, 6, 2, i01, two2);
    check_outcome(m, PO_REDUCE_DUP_ROWS, PO_OUTCOME_INFEASIBLE,
                  "presolve: infeasible: constraints \"a\" and \"b\" are "
                  "proportional and their ranges do not meet\n");
    po_model_free(m);
    /* MIP: no integer in [0.2, 0.8] */
    m = po_model_new();
    add_var(m, "x", 0.2, 0.8, 1, PO_INTEGER);
    add_var(m, "y", 0, 1, 1, PO_CONTINUOUS);
    add_row(m, "c", 0, 10, 2, i01, one2);
    check_outcome(m, PO_REDUCE_INT_ROUND, PO_OUTCOME_INFEASIBLE,
                  "presolve: infeasible: integer variable \"x\" has no "
                  "integer value within its bounds\n");
    po_model_free(m);
}

/*
 * min x1 + x2 - x3 with r1: x1 + x2 >= 2 and x3 >= 0 in no row: x3 grows
 * without limit while r1 holds: unbounded (presolve leaves x3 at 0, the
 * reduced model says the rest is feasible).  With r1: x1 + x2 <= -1
 * (infeasible for x >= 0) the model is infeasible instead.  A MIP alike.
 */
static void test_unbounded(void **state)
{
    (void)state;
    for (int mip = 0; mip <= 1; mip++) {
        po_model *m = po_model_new();
        po_vartype t = mip ? PO_INTEGER : PO_CONTINUOUS;
        add_var(m, "x1", 0, INF, 1, t);
        add_var(m, "x2", 0, INF, 1, PO_CONTINUOUS);
        add_var(m, "x3", 0, INF, -1, t);
        int i01[] = {0, 1};
        double one2[] = {1, 1};
        add_row(m, "r1", 2, INF, 2, i01, one2);
        po_options o;
        po_options_init(&o);
        logbuf lb = {{0}};
        o.log = log_to;
        o.log_user = &lb;
        po_result *r = NULL;
        assert_int_equal(po_solve(m, &o, &r), PO_OK);
        assert_int_equal(po_result_outcome(r), PO_OUTCOME_UNBOUNDED);
        assert_false(po_result_has_solution(r));
        assert_non_null(strstr(lb.text, "postsolve: unbounded (a variable "
                                        "without constraints improves the "
                                        "objective without limit)\n"));
        po_result_free(r);
        if (!mip) {
            r = solve_with(m, 0, 0);
            assert_int_equal(po_result_outcome(r), PO_OUTCOME_UNBOUNDED);
            po_result_free(r);
        }
        assert_int_equal(po_model_set_constr_bounds(m, 0, -INF, -1), PO_OK);
        r = solve_with(m, PO_REDUCE_ALL, 1);
        assert_int_equal(po_result_outcome(r), PO_OUTCOME_INFEASIBLE);
        po_result_free(r);
        r = solve_with(m, PO_REDUCE_EMPTY, 0);
        assert_int_equal(po_result_outcome(r), PO_OUTCOME_INFEASIBLE);
        po_result_free(r);
        po_model_free(m);
    }
}

/* ------------------------------------------------------------------ */
/* The Debian sample instances                                        */
/* ------------------------------------------------------------------ */

typedef struct sample {
    const char *name;
    double optimum; /* published, without the objective constant */
} sample;

static const sample lps[] = {
    {"afiro", -464.75314285714285},
    {"brandy", 1518.5098964881283},
    {"e226", -18.75192906637055}, /* GLPK reads the constant -7.113 */
    {"finnis", 172791.06559561158},
};

static const sample mips[] = {
    {"p0033", 3089},
    {"p0201", 7615},
    {"p0548", 8691},
    {"lseu", 1120},
};

static void check_optimum(const po_result *r, const po_model *m,
                          double optimum, const char *what)
{
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    double got = po_result_objective(r) - po_model_obj_constant(m);
    if (!(fabs(got - optimum) <= 1e-6 * fmax(1.0, fabs(optimum)))) {
        print_error("%s: objective %.15g, published %.15g\n", what, got,
                    optimum);
        fail();
    }
}

/* Primal feasibility and complementary slackness of a result on the
 * model itself: a dual of the wrong sign for the bound its row or
 * variable sits at (or away from every bound) is a violation.  Within
 * GLPK's own feasibility tolerance (tol_bnd = 1e-7, relative): the reduced
 * model's solution meets its rows within it, and postsolve carries that
 * into the removed variables and rows. */
static void check_kkt(const po_model *m, const po_result *r)
{
    int n = po_model_num_vars(m), mm = po_model_num_constrs(m);
    const double *x = po_result_values(r), *a = po_result_row_activities(r);
    const double *y = po_result_duals(r), *d = po_result_reduced_costs(r);
    assert_non_null(y);
    double s = po_model_sense(m) == PO_MAXIMIZE ? -1 : 1;
    for (int k = 0; k < n + mm; k++) {
        int col = k < n;
        double v = col ? x[k] : a[k - n];
        double l = col ? po_model_var_lb(m, k) : po_model_constr_lb(m, k - n);
        double u = col ? po_model_var_ub(m, k) : po_model_constr_ub(m, k - n);
        double dual = s * (col ? d[k] : y[k - n]);
        double tol = 1e-7 * fmax(1.0, fabs(v));
        assert_true(v >= l - tol && v <= u + tol);
        if (dual > 1e-7)
            assert_true(fabs(v - l) <= tol);
        if (dual < -1e-7)
            assert_true(fabs(v - u) <= tol);
    }
}

static void test_sample_lps(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof lps / sizeof lps[0]; k++) {
        po_model *m = read_sample(lps[k].name);
        if (m == NULL)
            continue;
        for (int glpk = 0; glpk <= 1; glpk++) {
            po_result *cold = solve_with(m, 0, glpk);
            po_result *r = solve_with(m, PO_REDUCE_ALL, glpk);
            check_optimum(r, m, lps[k].optimum, lps[k].name);
            near_(po_result_objective(r), po_result_objective(cold), 1e-9,
                  "same objective");
            check_kkt(m, r);
            check_basis_warm(m, r);
            if (k == 0) /* afiro: unique duals (see below) */
                same_duals(cold, r, 1e-7);
            po_result_free(cold);
            po_result_free(r);
        }
        po_model_free(m);
    }
}

/* brandy, e226 and finnis have more than one dual optimum: GLPK's
 * primal and dual simplex methods (no presolve) end at different ones, so
 * "the duals of a solve without presolve" is not one vector there.  All
 * satisfy the optimality conditions, as presolve's do. */
static void test_sample_dual_degenerate(void **state)
{
    (void)state;
    for (size_t k = 1; k <= 3; k++) {
        po_model *m = read_sample(lps[k].name);
        if (m == NULL)
            continue;
        po_options o;
        po_options_init(&o);
        o.reductions = 0;
        o.presolve = 0;
        po_result *p = NULL, *d = NULL;
        o.method = PO_METHOD_PRIMAL;
        assert_int_equal(po_solve(m, &o, &p), PO_OK);
        o.method = PO_METHOD_DUAL;
        assert_int_equal(po_solve(m, &o, &d), PO_OK);
        check_kkt(m, p);
        check_kkt(m, d);
        double diff = 0;
        for (int i = 0; i < po_model_num_constrs(m); i++)
            diff = fmax(diff,
                        fabs(po_result_duals(p)[i] - po_result_duals(d)[i]));
        print_message("%s: primal and dual simplex duals differ by up to "
                      "%g\n",
                      lps[k].name, diff);
        assert_true(diff > 1e-3);
        po_result_free(p);
        po_result_free(d);
        po_model_free(m);
    }
}

/* Every reduction switched off alone, and every one alone. */
static void test_sample_lps_each(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof lps / sizeof lps[0]; k++) {
        po_model *m = read_sample(lps[k].name);
        if (m == NULL)
            continue;
        for (size_t b = 0; b < NBITS; b++) {
            for (int alone = 0; alone <= 1; alone++) {
                int red = alone ? bits[b] : PO_REDUCE_ALL & ~bits[b];
                po_result *r = solve_with(m, red, 0);
                check_optimum(r, m, lps[k].optimum, lps[k].name);
                check_kkt(m, r);
                if (po_result_has_basis(r))
                    check_basis_warm(m, r);
                po_result_free(r);
            }
        }
        po_model_free(m);
    }
}

static void check_mip(po_model *m, int reductions, const sample *s)
{
    po_result *r = solve_with(m, reductions, 1);
    check_optimum(r, m, s->optimum, s->name);
    assert_true(po_result_is_mip(r));
    assert_null(po_result_duals(r));
    const double *x = po_result_values(r);
    for (int j = 0; j < po_model_num_vars(m); j++) {
        assert_true(fabs(x[j] - nearbyint(x[j])) < 1e-6);
        assert_true(x[j] >= po_model_var_lb(m, j) - 1e-9 &&
                    x[j] <= po_model_var_ub(m, j) + 1e-9);
    }
    for (int i = 0; i < po_model_num_constrs(m); i++) {
        double a = po_result_row_activities(r)[i];
        assert_true(a >= po_model_constr_lb(m, i) - 1e-6 &&
                    a <= po_model_constr_ub(m, i) + 1e-6);
    }
    po_result_free(r);
}

static void test_sample_mips(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof mips / sizeof mips[0]; k++) {
        po_model *m = read_sample(mips[k].name);
        if (m == NULL)
            continue;
        check_mip(m, PO_REDUCE_ALL, &mips[k]);
        if (k == 0 || k == 3) /* p0033, lseu: fast enough for each bit */
            for (size_t b = 0; b < NBITS; b++)
                check_mip(m, PO_REDUCE_ALL & ~bits[b], &mips[k]);
        po_model_free(m);
    }
}

/* ------------------------------------------------------------------ */
/* Options, log, limits, threads                                      */
/* ------------------------------------------------------------------ */

static void test_options(void **state)
{
    (void)state;
    po_options o;
    po_options_init(&o);
    assert_int_equal(o.reductions, PO_REDUCE_ALL);
    assert_int_equal(PO_REDUCE_ALL, 0x3FF);
    /* presolve alone would call this model infeasible (the empty row):
     * options are checked first all the same */
    po_model *m = po_model_new();
    add_var(m, "x", 0, 1, 1, PO_CONTINUOUS);
    add_row(m, "e", 1, 2, 0, NULL, NULL);
    o.reductions = 0x400;
    po_result *r = (po_result *)&r;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    assert_null(r);
    assert_string_equal(po_model_errmsg(m),
                        "po_solve: options.reductions = 1024 has bits other "
                        "than PO_REDUCE_*");
    o.reductions = PO_REDUCE_ALL;
    o.method = (po_method)9;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    assert_string_equal(po_model_errmsg(m),
                        "po_solve: options.method = 9 is not a po_method");
    o.method = PO_METHOD_AUTO;
    o.mip_branching = 77;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    assert_string_equal(po_model_errmsg(m),
                        "po_solve: options.mip_branching = 77 is not a "
                        "po_branching");
    o.mip_branching = PO_BRANCH_AUTO;
    assert_int_equal(po_solve(m, &o, &r), PO_OK);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_INFEASIBLE);
    assert_string_equal(po_model_errmsg(m), "");
    po_result_free(r);
    po_model_free(m);
}

/* The log says what presolve did; sensitivity bypasses it (and so does
 * reductions = 0); the result has the model's sizes and time. */
static void test_log_and_bypass(void **state)
{
    (void)state;
    po_model *m = read_sample("afiro");
    if (m == NULL)
        skip();
    po_options o;
    po_options_init(&o);
    logbuf lb = {{0}};
    o.log = log_to;
    o.log_user = &lb;
    po_result *r = NULL;
    assert_int_equal(po_solve(m, &o, &r), PO_OK);
    assert_non_null(strstr(lb.text, "presolve: 25 of 27 rows, 31 of 32 "
                                    "columns, 80 of 83 nonzeros left"));
    assert_non_null(strstr(lb.text, "postsolve: optimal\n"));
    assert_int_equal(po_result_num_constrs(r), 27);
    assert_true(po_result_time(r) >= 0);
    po_result_free(r);
    lb.text[0] = '\0';
    o.sensitivity = 1;
    assert_int_equal(po_solve(m, &o, &r), PO_OK);
    assert_null(strstr(lb.text, "presolve:"));
    assert_true(po_result_has_sensitivity(r));
    po_result_free(r);
    po_model_free(m);
}

/* Limits reach the backend: an iteration limit of 1 stops brandy. */
static void test_limits(void **state)
{
    (void)state;
    po_model *m = read_sample("brandy");
    if (m == NULL)
        skip();
    po_options o;
    po_options_init(&o);
    o.iteration_limit = 1;
    o.presolve = 0;
    po_result *r = NULL;
    assert_int_equal(po_solve(m, &o, &r), PO_OK);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_ITERATION_LIMIT);
    assert_true(po_result_iterations(r) <= 1);
    po_result_free(r);
    po_model_free(m);
}

typedef struct job {
    po_model *m;
    double obj;
    double dual0;
} job;

static void *run_job(void *arg)
{
    job *J = arg;
    for (int k = 0; k < 3; k++) {
        po_result *r = NULL;
        if (po_solve(J->m, NULL, &r) != PO_OK)
            return NULL;
        J->obj = po_result_objective(r);
        J->dual0 = po_result_duals(r)[0];
        po_result_free(r);
    }
    return NULL;
}

/* Two threads presolve and solve their own copies at once and get the
 * answer of a solve alone, to the bit. */
static void test_threads(void **state)
{
    (void)state;
    po_model *alone = read_sample("brandy");
    if (alone == NULL)
        skip();
    po_result *r = solve_with(alone, PO_REDUCE_ALL, 1);
    job J[2];
    pthread_t t[2];
    for (int k = 0; k < 2; k++) {
        J[k].m = read_sample("brandy");
        J[k].obj = NAN;
        assert_int_equal(pthread_create(&t[k], NULL, run_job, &J[k]), 0);
    }
    for (int k = 0; k < 2; k++) {
        assert_int_equal(pthread_join(t[k], NULL), 0);
        assert_true(J[k].obj == po_result_objective(r));
        assert_true(J[k].dual0 == po_result_duals(r)[0]);
        po_model_free(J[k].m);
    }
    po_result_free(r);
    po_model_free(alone);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty),
        cmocka_unit_test(test_singleton),
        cmocka_unit_test(test_singleton_max),
        cmocka_unit_test(test_fixed),
        cmocka_unit_test(test_dup_rows),
        cmocka_unit_test(test_dup_cols),
        cmocka_unit_test(test_forcing),
        cmocka_unit_test(test_redundant),
        cmocka_unit_test(test_col_singleton),
        cmocka_unit_test(test_mip_bounds),
        cmocka_unit_test(test_mip_bounds_integer_only),
        cmocka_unit_test(test_mip_coefs),
        cmocka_unit_test(test_int_round),
        cmocka_unit_test(test_infeasible),
        cmocka_unit_test(test_unbounded),
        cmocka_unit_test(test_sample_lps),
        cmocka_unit_test(test_sample_dual_degenerate),
        cmocka_unit_test(test_sample_lps_each),
        cmocka_unit_test(test_sample_mips),
        cmocka_unit_test(test_options),
        cmocka_unit_test(test_log_and_bypass),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
