/*
 * test_scenario_eval.c -- V = C X through BLAS and through plain loops:
 * a hand-computed case, agreement on random data of many shapes, empty
 * shapes, non-finite inputs and argument errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <cblas.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rng.h"
#include "scenario_eval.h"

typedef po_status (*eval_fn)(const double *, const double *, size_t, size_t,
                             size_t, double *);
static const eval_fn both[2] = {po__scenario_eval_blas, po__scenario_eval_loop};

static void hand_computed(void **state)
{
    (void)state;
    /* C = [1 2 3; 4 5 6], X = [1 0; 0 1; 2 -1], stored by plan as
     * {1 0 2}, {0 1 -1}:  V = [1+6, 2-3; 4+12, 5-6] = [7 -1; 16 -1]. */
    const double c[] = {1, 2, 3, 4, 5, 6};
    const double x[] = {1, 0, 2, 0, 1, -1};
    for (int f = 0; f < 2; f++) {
        double v[4] = {99, 99, 99, 99};
        assert_int_equal(both[f](c, x, 2, 3, 2, v), PO_OK);
        assert_true(v[0] == 7 && v[1] == -1 && v[2] == 16 && v[3] == -1);
    }
}

static double *random_matrix(po__rng *rng, size_t count, double lo, double hi)
{
    double *m = malloc((count ? count : 1) * sizeof(double));
    assert_non_null(m);
    for (size_t i = 0; i < count; i++)
        m[i] = lo + (hi - lo) * po__rng_uniform(rng);
    return m;
}

/* |blas - loop| <= 1e-9 * sum_k |c_k x_k|: relative to the magnitude of
 * the terms, since cancelling sums have no meaningful relative error of
 * their own. */
static void agree(size_t S, size_t n, size_t P, uint64_t seed)
{
    po__rng rng;
    po__rng_seed(&rng, seed, 0);
    double *c = random_matrix(&rng, S * n, -50.0, 100.0);
    double *x = random_matrix(&rng, n * P, -10.0, 1000.0);
    double *vb = malloc(S * P * sizeof(double));
    double *vl = malloc(S * P * sizeof(double));
    assert_non_null(vb);
    assert_non_null(vl);
    assert_int_equal(po__scenario_eval_blas(c, x, S, n, P, vb), PO_OK);
    assert_int_equal(po__scenario_eval_loop(c, x, S, n, P, vl), PO_OK);
    for (size_t s = 0; s < S; s++)
        for (size_t j = 0; j < P; j++) {
            double mag = 0.0, exact = 0.0;
            for (size_t k = 0; k < n; k++) {
                mag += fabs(c[s * n + k] * x[j * n + k]);
                exact += c[s * n + k] * x[j * n + k];
            }
            assert_true(fabs(vb[s * P + j] - vl[s * P + j]) <= 1e-9 * mag);
            assert_true(fabs(vb[s * P + j] - exact) <= 1e-9 * mag);
        }
    free(c);
    free(x);
    free(vb);
    free(vl);
}

static void blas_equals_loop(void **state)
{
    (void)state;
    static const size_t shapes[][3] = {
        {1, 1, 1},    {1, 7, 1},   {3, 1, 4},    {100, 100, 2},
        {257, 513, 2}, {64, 2000, 3}, {500, 300, 16}, {2, 5000, 1},
        {1000, 200, 2}, {33, 65, 65},
    };
    for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++)
        agree(shapes[i][0], shapes[i][1], shapes[i][2], 1000 + i);
}

/* OpenBLAS's own thread count changes how dgemm splits and blocks the
 * product, and with it the last bits of V (measured on this machine's
 * SkylakeX and Haswell kernels: most entries of a 1000 x 1000 x 2 product
 * differ in the last bit between 1 and 2 threads).  What holds is
 * agreement to rounding: |V1 - V4| <= 1e-12 * sum |c_k x_k|.  The loop
 * twin gives the same bits for any thread setup. */
static void blas_thread_count_changes_only_rounding(void **state)
{
    (void)state;
    const size_t S = 1000, n = 1000, P = 2;
    po__rng rng;
    po__rng_seed(&rng, 77, 0);
    double *c = random_matrix(&rng, S * n, -1.0, 1.0);
    double *x = random_matrix(&rng, n * P, 0.0, 10.0);
    double *v1 = malloc(S * P * sizeof(double)), *v4 = malloc(S * P * sizeof(double));
    assert_non_null(v1);
    assert_non_null(v4);
    int saved = openblas_get_num_threads();
    openblas_set_num_threads(1);
    assert_int_equal(po__scenario_eval_blas(c, x, S, n, P, v1), PO_OK);
    openblas_set_num_threads(4);
    assert_int_equal(po__scenario_eval_blas(c, x, S, n, P, v4), PO_OK);
    openblas_set_num_threads(saved);
    for (size_t s = 0; s < S; s++)
        for (size_t j = 0; j < P; j++) {
            double mag = 0.0;
            for (size_t k = 0; k < n; k++)
                mag += fabs(c[s * n + k] * x[j * n + k]);
            assert_true(fabs(v1[s * P + j] - v4[s * P + j]) <= 1e-12 * mag);
        }
    free(c);
    free(x);
    free(v1);
    free(v4);
}

/* The dispatcher takes the loop up to two plans, dgemm beyond: its results
 * are those of the chosen path to the bit. */
static void dispatch(void **state)
{
    (void)state;
    const size_t S = 50, n = 300;
    po__rng rng;
    po__rng_seed(&rng, 5, 5);
    double *c = random_matrix(&rng, S * n, -3.0, 3.0);
    double *x = random_matrix(&rng, n * 5, 0.0, 7.0);
    double a[250], b[250]; /* S * 5 */
    for (size_t P = 1; P <= 5; P++) {
        assert_int_equal(po__scenario_eval(c, x, S, n, P, a), PO_OK);
        if (P <= PO__SCENARIO_EVAL_LOOP_MAX_PLANS)
            assert_int_equal(po__scenario_eval_loop(c, x, S, n, P, b), PO_OK);
        else
            assert_int_equal(po__scenario_eval_blas(c, x, S, n, P, b), PO_OK);
        assert_memory_equal(a, b, S * P * sizeof(double));
    }
    assert_int_equal(po__scenario_eval(c, x, S, n, 3, NULL), PO_EINVAL);
    free(c);
    free(x);
}

static void empty_shapes(void **state)
{
    (void)state;
    const double c[] = {1, 2};
    const double x[] = {3, 4};
    for (int f = 0; f < 2; f++) {
        assert_int_equal(both[f](NULL, NULL, 0, 5, 3, NULL), PO_OK);
        assert_int_equal(both[f](NULL, NULL, 4, 5, 0, NULL), PO_OK);
        double v[6] = {9, 9, 9, 9, 9, 9};
        assert_int_equal(both[f](NULL, NULL, 2, 0, 3, v), PO_OK);
        for (int i = 0; i < 6; i++)
            assert_true(v[i] == 0.0);
        double one;
        assert_int_equal(both[f](c, x, 1, 2, 1, &one), PO_OK);
        assert_true(one == 11.0);
    }
}

static void non_finite(void **state)
{
    (void)state;
    /* A NaN cost multiplied by a zero plan value still poisons its row:
     * no kernel skips zeros.  Other rows are still computed. */
    const double c[] = {1, NAN, 2, 3};
    const double x[] = {5, 0};
    const double c_inf[] = {1, 1, INFINITY, 1};
    const double x_pos[] = {1, 1};
    const double c_big[] = {1e308, 1e308, 1, 1};
    const double x_nan[] = {1, 1, 0, NAN}; /* plan 1 poisoned */
    const double c_one[] = {1, 2, 3, 4};
    for (int f = 0; f < 2; f++) {
        double v[2] = {0, 0};
        assert_int_equal(both[f](c, x, 2, 2, 1, v), PO_ENAN);
        assert_true(isnan(v[0]));
        assert_true(v[1] == 10.0);
        assert_int_equal(both[f](c_inf, x_pos, 2, 2, 1, v), PO_EINF);
        assert_true(v[0] == 2.0 && isinf(v[1]));
        assert_int_equal(both[f](c_big, x_pos, 2, 2, 1, v), PO_EINF); /* overflow */
        assert_true(isinf(v[0]) && v[1] == 2.0);
        double w[4];
        assert_int_equal(both[f](c_one, x_nan, 2, 2, 2, w), PO_ENAN);
        assert_true(w[0] == 3.0 && isnan(w[1]) && w[2] == 7.0 && isnan(w[3]));
    }
}

static void argument_errors(void **state)
{
    (void)state;
    const double c[] = {1, 2};
    const double x[] = {3, 4};
    double v[2];
    for (int f = 0; f < 2; f++) {
        assert_int_equal(both[f](NULL, x, 1, 2, 1, v), PO_EINVAL);
        assert_int_equal(both[f](c, NULL, 1, 2, 1, v), PO_EINVAL);
        assert_int_equal(both[f](c, x, 1, 2, 1, NULL), PO_EINVAL);
        /* Sizes are checked before any entry is read. */
        assert_int_equal(both[f](c, x, 1, (size_t)INT_MAX + 1, 1, v), PO_ETOOBIG);
        assert_int_equal(both[f](c, x, 1, 1, (size_t)INT_MAX + 1, v), PO_ETOOBIG);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_computed),
        cmocka_unit_test(blas_equals_loop),
        cmocka_unit_test(blas_thread_count_changes_only_rounding),
        cmocka_unit_test(dispatch),
        cmocka_unit_test(empty_shapes),
        cmocka_unit_test(non_finite),
        cmocka_unit_test(argument_errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
