/*
 * test_mvp.c -- payback, return over the years and p_cover, with values
 * computed by hand from the design's example block (build 96000, run
 * 12000 per year, 3 years), edge cases and errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>

#include "mvp.h"

static const po__mvp example = {96000.0, 12000.0, 3.0};

static void payback_and_roi_by_hand(void **state)
{
    (void)state;
    double m, r;
    /* s = 60000: net 48000 per year; payback 12*96000/48000 = 24 months;
     * over 3 years 144000 net, roi (144000-96000)/96000 = 0.5. */
    assert_int_equal(po__mvp_payback_months(&example, 60000.0, &m), PO_OK);
    assert_true(m == 24.0);
    assert_int_equal(po__mvp_roi(&example, 60000.0, &r), PO_OK);
    assert_true(r == 0.5);
    /* s = 44000: net 32000; payback 36 months = exactly the 3 years; roi 0. */
    assert_int_equal(po__mvp_payback_months(&example, 44000.0, &m), PO_OK);
    assert_true(m == 36.0);
    assert_int_equal(po__mvp_roi(&example, 44000.0, &r), PO_OK);
    assert_true(r == 0.0);
    /* Fractional years: B 30000, no run cost, 1.5 years, s 24000:
     * payback 15 months, roi (36000-30000)/30000 = 0.2. */
    const po__mvp frac = {30000.0, 0.0, 1.5};
    assert_int_equal(po__mvp_payback_months(&frac, 24000.0, &m), PO_OK);
    assert_true(m == 15.0);
    assert_int_equal(po__mvp_roi(&frac, 24000.0, &r), PO_OK);
    assert_true(fabs(r - 0.2) < 1e-15);
}

static void never_pays_back(void **state)
{
    (void)state;
    double m, r;
    /* s == R: no net benefit; roi = -B/B = -1. */
    assert_int_equal(po__mvp_payback_months(&example, 12000.0, &m), PO_OK);
    assert_true(isinf(m) && m > 0);
    assert_int_equal(po__mvp_roi(&example, 12000.0, &r), PO_OK);
    assert_true(r == -1.0);
    /* s = 0: a loss of 12000 a year: roi (-36000-96000)/96000 = -1.375. */
    assert_int_equal(po__mvp_payback_months(&example, 0.0, &m), PO_OK);
    assert_true(isinf(m));
    assert_int_equal(po__mvp_roi(&example, 0.0, &r), PO_OK);
    assert_true(r == -1.375);
    /* Negative savings (the optimized plan costs more): still no payback. */
    assert_int_equal(po__mvp_payback_months(&example, -5000.0, &m), PO_OK);
    assert_true(isinf(m));
}

static void free_build(void **state)
{
    (void)state;
    const po__mvp b0 = {0.0, 1000.0, 2.0};
    double m, r, p;
    assert_int_equal(po__mvp_payback_months(&b0, 5000.0, &m), PO_OK);
    assert_true(m == 0.0);
    assert_int_equal(po__mvp_payback_months(&b0, 1000.0, &m), PO_OK);
    assert_true(isinf(m));
    assert_int_equal(po__mvp_roi(&b0, 5000.0, &r), PO_OK);
    assert_true(isnan(r));
    /* Covering needs 2*s >= 0 + 2*1000. */
    const double s[] = {999.0, 1000.0, 1001.0};
    size_t covered;
    assert_int_equal(po__mvp_p_cover(&b0, s, 3, &p, &covered, NULL, NULL), PO_OK);
    assert_int_equal(covered, 2);
}

static void p_cover_by_hand(void **state)
{
    (void)state;
    /* Need 96000 + 3*12000 = 132000 over the years, i.e. s >= 44000.
     * 44000 covers exactly (3*44000 == 132000), 43999 does not; the NaN
     * (infeasible) scenario is left out and counted: 2 of 5. */
    const double s[] = {60000.0, 44000.0, 43999.0, NAN, 20000.0, -5000.0};
    double p;
    size_t covered, valid, infeasible;
    assert_int_equal(po__mvp_p_cover(&example, s, 6, &p, &covered, &valid, &infeasible), PO_OK);
    assert_int_equal(covered, 2);
    assert_int_equal(valid, 5);
    assert_int_equal(infeasible, 1);
    assert_true(p == 0.4);

    const double all_nan[] = {NAN, NAN};
    assert_int_equal(po__mvp_p_cover(&example, all_nan, 2, &p, NULL, &valid, &infeasible), PO_OK);
    assert_true(isnan(p));
    assert_int_equal(valid, 0);
    assert_int_equal(infeasible, 2);
    assert_int_equal(po__mvp_p_cover(&example, NULL, 0, &p, NULL, NULL, NULL), PO_OK);
    assert_true(isnan(p));
}

static void evaluate_all(void **state)
{
    (void)state;
    const double s[] = {60000.0, 44000.0, 43999.0, NAN, 20000.0, -5000.0};
    po__mvp_figures f;
    assert_int_equal(po__mvp_evaluate(&example, 60000.0, s, 6, &f), PO_OK);
    assert_true(f.payback_months == 24.0);
    assert_true(f.roi == 0.5);
    assert_true(f.p_cover == 0.4);
    assert_int_equal(f.scenarios, 6);
    assert_int_equal(f.valid, 5);
    assert_int_equal(f.infeasible, 1);
    assert_int_equal(f.covered, 2);

    /* Nothing is written on failure. */
    f.roi = 123.0;
    assert_int_equal(po__mvp_evaluate(&example, NAN, s, 6, &f), PO_ENAN);
    assert_true(f.roi == 123.0);
    const double bad[] = {1.0, INFINITY};
    assert_int_equal(po__mvp_evaluate(&example, 1.0, bad, 2, &f), PO_EINF);
    assert_true(f.roi == 123.0);
}

static void errors(void **state)
{
    (void)state;
    double out = 7.0;
    const po__mvp neg_b = {-1.0, 0.0, 1.0}, neg_r = {1.0, -1.0, 1.0};
    const po__mvp zero_y = {1.0, 0.0, 0.0}, neg_y = {1.0, 0.0, -2.0};
    const po__mvp nan_r = {1.0, NAN, 1.0}, inf_b = {INFINITY, 0.0, 1.0};
    assert_int_equal(po__mvp_check(&example), PO_OK);
    assert_int_equal(po__mvp_check(NULL), PO_EINVAL);
    assert_int_equal(po__mvp_check(&neg_b), PO_EINVAL);
    assert_int_equal(po__mvp_check(&neg_r), PO_EINVAL);
    assert_int_equal(po__mvp_check(&zero_y), PO_EINVAL);
    assert_int_equal(po__mvp_check(&neg_y), PO_EINVAL);
    assert_int_equal(po__mvp_check(&nan_r), PO_ENAN);
    assert_int_equal(po__mvp_check(&inf_b), PO_EINF);
    assert_int_equal(po__mvp_payback_months(&neg_b, 1.0, &out), PO_EINVAL);
    assert_int_equal(po__mvp_roi(&nan_r, 1.0, &out), PO_ENAN);
    assert_int_equal(po__mvp_payback_months(&example, NAN, &out), PO_ENAN);
    assert_int_equal(po__mvp_roi(&example, -INFINITY, &out), PO_EINF);
    assert_int_equal(po__mvp_payback_months(&example, 1.0, NULL), PO_EINVAL);
    assert_int_equal(po__mvp_p_cover(&example, NULL, 3, &out, NULL, NULL, NULL), PO_EINVAL);
    assert_int_equal(po__mvp_p_cover(&zero_y, NULL, 0, &out, NULL, NULL, NULL), PO_EINVAL);
    assert_int_equal(po__mvp_evaluate(&example, 1.0, NULL, 0, NULL), PO_EINVAL);
    assert_true(out == 7.0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(payback_and_roi_by_hand),
        cmocka_unit_test(never_pays_back),
        cmocka_unit_test(free_build),
        cmocka_unit_test(p_cover_by_hand),
        cmocka_unit_test(evaluate_all),
        cmocka_unit_test(errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
