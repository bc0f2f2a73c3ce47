/*
 * test_warm.c -- po_solve_warm: a re-solve from a kept basis gives the same
 * optimum as a cold solve after right-hand-side, bound and cost changes
 * (hand LPs with hand-computed optima, and the sample LPs), needs fewer
 * iterations after a small change, rejects results of another shape, and
 * falls back to a cold solve (said by po_result_warm_started) when the
 * start has no basis, the basis is singular for the new data, or the
 * model is a MIP.
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

static po_result *warm_ok(po_model *m, const po_result *start)
{
    po_result *r = NULL;
    po_status st = po_solve_warm(m, NULL, start, &r);
    if (st != PO_OK) {
        print_error("po_solve_warm: %s\n", po_model_errmsg(m));
        fail();
    }
    assert_non_null(r);
    return r;
}

/*
 * Each change with its hand-computed new optimum:
 *  - c3's bound 18 -> 19: inside its range [12, 24], x = (19 - 12)/3 = 7/3,
 *    y = 6: 37 (the dual 1 predicts +1); the basis stays optimal, so no
 *    iteration is needed.
 *  - c2's bound 12 -> 20 (past its range [6, 18]): y <= 10 with
 *    3x + 2y <= 18 and x <= 4: vertices (0, 9) = 45, (4, 3) = 27: 45;
 *    dual simplex from the old basis.
 *  - x's cost 3 -> 8 (past its range [0, 7.5]): vertices (4, 3) = 47,
 *    (2, 6) = 46: (4, 3), 47; primal simplex from the old basis.
 *  - x's upper bound: x <= 1: (1, 6) = 33.
 */
static void test_wyndor_changes(void **state)
{
    (void)state;
    po_model *m = wyndor();
    po_result *r0 = solve_ok(m, NULL);
    assert_true(po_result_has_basis(r0));
    assert_false(po_result_warm_started(r0));

    assert_int_equal(po_model_set_constr_bounds(m, 2, -INF, 19), PO_OK);
    po_result *r = warm_ok(m, r0);
    assert_true(po_result_warm_started(r));
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(r), 37, TOL, "c3 = 19");
    assert_near(po_result_values(r)[0], 7.0 / 3, TOL, "x");
    assert_int_equal(po_result_iterations(r), 0);
    assert_true(po_result_has_basis(r)); /* a warm result is a start too */
    po_result_free(r);
    assert_int_equal(po_model_set_constr_bounds(m, 2, -INF, 18), PO_OK);

    assert_int_equal(po_model_set_constr_bounds(m, 1, -INF, 20), PO_OK);
    r = warm_ok(m, r0);
    assert_true(po_result_warm_started(r));
    assert_near(po_result_objective(r), 45, TOL, "c2 = 20");
    assert_near(po_result_values(r)[0], 0, TOL, "x");
    assert_near(po_result_values(r)[1], 9, TOL, "y");
    assert_true(po_result_iterations(r) >= 1);
    po_result_free(r);
    assert_int_equal(po_model_set_constr_bounds(m, 1, -INF, 12), PO_OK);

    assert_int_equal(po_model_set_var_obj(m, 0, 8), PO_OK);
    r = warm_ok(m, r0);
    assert_true(po_result_warm_started(r));
    assert_near(po_result_objective(r), 47, TOL, "cost x = 8");
    assert_near(po_result_values(r)[0], 4, TOL, "x");
    assert_near(po_result_values(r)[1], 3, TOL, "y");
    po_result_free(r);
    assert_int_equal(po_model_set_var_obj(m, 0, 3), PO_OK);

    assert_int_equal(po_model_set_var_bounds(m, 0, 0, 1), PO_OK);
    r = warm_ok(m, r0);
    assert_true(po_result_warm_started(r));
    assert_near(po_result_objective(r), 33, TOL, "x <= 1");
    po_result_free(r);
    assert_int_equal(po_model_set_var_bounds(m, 0, 0, INF), PO_OK);

    /* unchanged model: the start basis is optimal at once */
    r = warm_ok(m, r0);
    assert_near(po_result_objective(r), 36, TOL, "unchanged");
    assert_int_equal(po_result_iterations(r), 0);
    po_result_free(r);
    po_result_free(r0);
    po_model_free(m);
}

/* A change that makes the model infeasible or unbounded is told as such
 * from a warm start too. */
static void test_warm_outcomes(void **state)
{
    (void)state;
    po_model *m = wyndor();
    po_result *r0 = solve_ok(m, NULL);
    /* 3x + 2y >= 30 with x <= 4, y <= 6: at most 24: infeasible */
    assert_int_equal(po_model_set_constr_bounds(m, 2, 30, INF), PO_OK);
    po_result *r = warm_ok(m, r0);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_INFEASIBLE);
    assert_false(po_result_has_solution(r));
    assert_false(po_result_has_basis(r));
    po_result_free(r);
    /* no bound on y at all (c2 free, c3 only from below): unbounded */
    assert_int_equal(po_model_set_constr_bounds(m, 1, -INF, INF), PO_OK);
    assert_int_equal(po_model_set_constr_bounds(m, 2, 0, INF), PO_OK);
    r = warm_ok(m, r0);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_UNBOUNDED);
    po_result_free(r);
    po_result_free(r0);
    po_model_free(m);
}

static void test_arguments(void **state)
{
    (void)state;
    po_model *m = wyndor();
    po_result *r0 = solve_ok(m, NULL);
    po_result *r = (po_result *)&r0;
    assert_int_equal(po_solve_warm(NULL, NULL, r0, &r), PO_EINVAL);
    assert_null(r);
    r = (po_result *)&r0;
    assert_int_equal(po_solve_warm(m, NULL, NULL, &r), PO_EINVAL);
    assert_null(r);
    assert_string_equal(po_model_errmsg(m), "po_solve_warm: start is NULL");
    assert_int_equal(po_solve_warm(m, NULL, r0, NULL), PO_EINVAL);
    assert_string_equal(po_model_errmsg(m), "po_solve_warm: result is NULL");
    po_options o;
    po_options_init(&o);
    o.mip_cuts = 3;
    assert_int_equal(po_solve_warm(m, &o, r0, &r), PO_EINVAL);
    assert_string_equal(po_model_errmsg(m),
                        "po_solve_warm: options.mip_cuts = 3 (must be 0 or 1)");

    /* another shape: one variable more, then one row more */
    assert_int_equal(po_model_add_var(m, "z", 0, 1, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    r = (po_result *)&r0;
    assert_int_equal(po_solve_warm(m, NULL, r0, &r), PO_EINVAL);
    assert_null(r);
    assert_string_equal(po_model_errmsg(m),
                        "po_solve_warm: the start result has 2 variables and "
                        "3 constraints, the model 3 and 3");
    po_model *m2 = wyndor();
    assert_int_equal(po_model_add_constr(m2, "c4", -INF, 1, 0, NULL, NULL,
                                         NULL),
                     PO_OK);
    assert_int_equal(po_solve_warm(m2, NULL, r0, &r), PO_EINVAL);
    assert_string_equal(po_model_errmsg(m2),
                        "po_solve_warm: the start result has 2 variables and "
                        "3 constraints, the model 2 and 4");
    assert_false(po_result_warm_started(NULL));
    po_model_free(m2);
    po_result_free(r0);
    po_model_free(m);
}

/* A start without a basis (an infeasible result) gives a cold solve. */
static void test_start_without_basis(void **state)
{
    (void)state;
    po_model *m = wyndor();
    assert_int_equal(po_model_set_constr_bounds(m, 2, 30, INF), PO_OK);
    po_result *bad = solve_ok(m, NULL);
    assert_int_equal(po_result_outcome(bad), PO_OUTCOME_INFEASIBLE);
    assert_false(po_result_has_basis(bad));
    assert_int_equal(po_model_set_constr_bounds(m, 2, -INF, 18), PO_OK);
    po_result *r = warm_ok(m, bad);
    assert_false(po_result_warm_started(r));
    assert_near(po_result_objective(r), 36, TOL, "cold");
    po_result_free(r);
    po_result_free(bad);
    po_model_free(m);
}

/*
 * Same shape, other matrix: A is max x + y with x + 2y <= 4, 2x + y <= 4
 * (optimum x = y = 4/3, both basic); B has the parallel rows x + y <= 4,
 * 2x + 2y <= 10, where the basis {x, y} is singular: the warm start falls
 * back to a cold solve, which finds 4.
 */
static void test_singular_basis(void **state)
{
    (void)state;
    po_model *a = po_model_new(), *b = po_model_new();
    po_model *mods[] = {a, b};
    double rows[2][2][2] = {{{1, 2}, {2, 1}}, {{1, 1}, {2, 2}}};
    double rhs[2][2] = {{4, 4}, {4, 10}};
    for (int k = 0; k < 2; k++) {
        assert_int_equal(po_model_set_sense(mods[k], PO_MAXIMIZE), PO_OK);
        assert_int_equal(po_model_add_var(mods[k], "x", 0, INF, 1,
                                          PO_CONTINUOUS, NULL),
                         PO_OK);
        assert_int_equal(po_model_add_var(mods[k], "y", 0, INF, 1,
                                          PO_CONTINUOUS, NULL),
                         PO_OK);
        int idx[] = {0, 1};
        const char *names[] = {"r1", "r2"};
        for (int i = 0; i < 2; i++)
            assert_int_equal(po_model_add_constr(mods[k], names[i], -INF,
                                                 rhs[k][i], 2, idx,
                                                 rows[k][i], NULL),
                             PO_OK);
    }
    po_result *ra = solve_ok(a, NULL);
    assert_near(po_result_objective(ra), 8.0 / 3, TOL, "A");
    assert_int_equal(po_result_var_status(ra, 0), PO_BASIS_BASIC);
    assert_int_equal(po_result_var_status(ra, 1), PO_BASIS_BASIC);
    po_result *rb = warm_ok(b, ra);
    assert_false(po_result_warm_started(rb));
    assert_int_equal(po_result_outcome(rb), PO_OUTCOME_OPTIMAL);
    assert_near(po_result_objective(rb), 4, TOL, "B");
    po_result_free(ra);
    po_result_free(rb);
    po_model_free(a);
    po_model_free(b);
}

/*
 * MIPs are solved cold (documented): min 7n - 3p, p - 4n <= 0, p <= D,
 * n integer (see test_sensitivity.c): D = 10 gives n = 2, p = 8, -10; with
 * D = 13: n = 3, p = 12: -15 (n = 4, p = 13: -11).  The start may be an
 * LP result of the same shape (the relaxation).
 */
static void test_mip_is_cold(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_int_equal(po_model_add_var(m, "n", 0, INF, 7, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "p", 0, INF, -3, PO_CONTINUOUS, NULL),
                     PO_OK);
    int np[] = {0, 1}, p[] = {1};
    double cap[] = {-4, 1}, one[] = {1};
    assert_int_equal(po_model_add_constr(m, "cap", -INF, 0, 2, np, cap, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "dem", -INF, 10, 1, p, one, NULL),
                     PO_OK);
    po_result *lp = solve_ok(m, NULL);
    assert_near(po_result_objective(lp), -12.5, TOL, "relaxation");
    assert_true(po_result_has_basis(lp));
    assert_int_equal(po_model_set_var_type(m, 0, PO_INTEGER), PO_OK);
    po_result *mip = warm_ok(m, lp);
    assert_false(po_result_warm_started(mip));
    assert_near(po_result_objective(mip), -10, TOL, "MIP");
    assert_false(po_result_has_basis(mip));
    assert_int_equal(po_model_set_constr_bounds(m, 1, -INF, 13), PO_OK);
    po_result *mip2 = warm_ok(m, mip);
    assert_false(po_result_warm_started(mip2));
    assert_near(po_result_objective(mip2), -15, TOL, "MIP, D = 13");
    po_result_free(lp);
    po_result_free(mip);
    po_result_free(mip2);
    po_model_free(m);
}

/* Sensitivity works on a warm re-solve as well. */
static void test_warm_with_sensitivity(void **state)
{
    (void)state;
    po_model *m = wyndor();
    po_result *r0 = solve_ok(m, NULL);
    assert_int_equal(po_model_set_constr_bounds(m, 2, -INF, 19), PO_OK);
    po_options o;
    po_options_init(&o);
    o.sensitivity = 1;
    po_result *r = NULL;
    assert_int_equal(po_solve_warm(m, &o, r0, &r), PO_OK);
    assert_true(po_result_warm_started(r));
    assert_true(po_result_has_sensitivity(r));
    /* c3 = 19: x = 7/3, y = 6; c3's range is still [12, 24]; c2's:
     * y = b2/2, x = (19 - b2)/3 in [0, 4]: [7, 19] */
    double lo, hi;
    assert_int_equal(po_result_row_range(r, 2, &lo, &hi), PO_OK);
    assert_near(lo, 12, TOL, "c3 lo");
    assert_near(hi, 24, TOL, "c3 hi");
    assert_int_equal(po_result_row_range(r, 1, &lo, &hi), PO_OK);
    assert_near(lo, 7, TOL, "c2 lo");
    assert_near(hi, 19, TOL, "c2 hi");
    po_result_free(r);
    po_result_free(r0);
    po_model_free(m);
}

/* ---- Sample LPs: random changes, warm == cold ---- */

/* A small portable generator, so the changes are the same everywhere. */
static double unit_rand(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) * (1.0 / 9007199254740992.0);
}

typedef enum { CHANGE_RHS, CHANGE_BOUNDS, CHANGE_COSTS } change_kind;

/* Scale every finite row bound (or column bound, or cost) by its own
 * factor in [1 - rel, 1 + rel]. */
static void perturb(po_model *m, change_kind kind, double rel, uint64_t seed)
{
    uint64_t s = seed;
    if (kind == CHANGE_RHS) {
        for (int i = 0; i < po_model_num_constrs(m); i++) {
            double f = 1 + rel * (2 * unit_rand(&s) - 1);
            double lb = po_model_constr_lb(m, i), ub = po_model_constr_ub(m, i);
            if (lb == ub)
                lb = ub = lb * f;
            else {
                lb = isinf(lb) ? lb : lb * f;
                ub = isinf(ub) ? ub : ub * f;
                if (lb > ub) /* negative bounds scale the other way */
                    ub = lb;
            }
            assert_int_equal(po_model_set_constr_bounds(m, i, lb, ub), PO_OK);
        }
    } else if (kind == CHANGE_BOUNDS) {
        for (int j = 0; j < po_model_num_vars(m); j++) {
            double f = 1 + rel * (2 * unit_rand(&s) - 1);
            double lb = po_model_var_lb(m, j), ub = po_model_var_ub(m, j);
            if (isinf(ub) || ub <= 0 || lb == ub)
                continue;
            ub = fmax(lb, ub * f);
            assert_int_equal(po_model_set_var_bounds(m, j, lb, ub), PO_OK);
        }
    } else {
        for (int j = 0; j < po_model_num_vars(m); j++) {
            double f = 1 + rel * (2 * unit_rand(&s) - 1);
            assert_int_equal(
                po_model_set_var_obj(m, j, po_model_var_obj(m, j) * f),
                PO_OK);
        }
    }
}

/* Returns 1 when the changed model has an optimum (-1: no such file). */
static int warm_vs_cold(const char *name, change_kind kind, double rel,
                        int expect_fewer)
{
    po_model *m = read_sample(name);
    if (m == NULL) {
        print_message("skipped: %s/%s.mps not found\n", sample_dir(), name);
        return -1;
    }
    po_result *r0 = solve_ok(m, NULL);
    assert_int_equal(po_result_outcome(r0), PO_OUTCOME_OPTIMAL);
    assert_true(po_result_has_basis(r0));
    perturb(m, kind, rel, 12345);
    po_result *cold = solve_ok(m, NULL);
    po_result *warm = warm_ok(m, r0);
    assert_true(po_result_warm_started(warm));
    assert_int_equal(po_result_outcome(warm), po_result_outcome(cold));
    if (po_result_outcome(cold) == PO_OUTCOME_OPTIMAL) {
        double zc = po_result_objective(cold), zw = po_result_objective(warm);
        if (!(fabs(zw - zc) <= 1e-7 * fmax(1, fabs(zc)))) {
            print_error("%s: warm %.12g, cold %.12g\n", name, zw, zc);
            fail();
        }
    }
    int optimal = po_result_outcome(cold) == PO_OUTCOME_OPTIMAL;
    if (expect_fewer && optimal)
        assert_true(po_result_iterations(warm) < po_result_iterations(cold));
    print_message("%s (%s %g, %s): warm %ld iterations, cold %ld\n", name,
                  kind == CHANGE_RHS      ? "rhs"
                  : kind == CHANGE_BOUNDS ? "bounds"
                                          : "costs",
                  rel, po_outcome_name(po_result_outcome(cold)),
                  po_result_iterations(warm),
                  po_result_iterations(cold));
    po_result_free(r0);
    po_result_free(cold);
    po_result_free(warm);
    po_model_free(m);
    return optimal;
}

static void test_samples_rhs(void **state)
{
    (void)state;
    const char *names[] = {"afiro", "brandy", "e226", "finnis"};
    int optimal = 0, missing = 0;
    for (int k = 0; k < 4; k++) {
        int o = warm_vs_cold(names[k], CHANGE_RHS, 0.02, 1);
        optimal += o == 1;
        missing += o < 0;
    }
    /* (finnis's equations do not survive independent changes: it becomes
     * infeasible, which the warm start must say as well) */
    if (missing == 0)
        assert_int_equal(optimal, 3);
    /* larger changes: the same optimum, however many iterations */
    for (int k = 0; k < 4; k++)
        warm_vs_cold(names[k], CHANGE_RHS, 0.10, 0);
}

static void test_samples_bounds(void **state)
{
    (void)state;
    const char *names[] = {"afiro", "brandy", "e226", "finnis"};
    for (int k = 0; k < 4; k++)
        warm_vs_cold(names[k], CHANGE_BOUNDS, 0.10, 0);
}

static void test_samples_costs(void **state)
{
    (void)state;
    const char *names[] = {"afiro", "brandy", "e226", "finnis"};
    for (int k = 0; k < 4; k++)
        warm_vs_cold(names[k], CHANGE_COSTS, 0.05, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wyndor_changes),
        cmocka_unit_test(test_warm_outcomes),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_start_without_basis),
        cmocka_unit_test(test_singular_basis),
        cmocka_unit_test(test_mip_is_cold),
        cmocka_unit_test(test_warm_with_sensitivity),
        cmocka_unit_test(test_samples_rhs),
        cmocka_unit_test(test_samples_bounds),
        cmocka_unit_test(test_samples_costs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
