/*
 * test_stats.c -- quantiles (definition 7), mean, sd and shares, with
 * hand-computed values (cross-checked with Python's
 * statistics.quantiles(method="inclusive"), the same definition).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>

#include "stats.h"

#define CLOSE(a, b) assert_true(fabs((a) - (b)) <= 1e-12 * (1.0 + fabs(b)))

static void quantiles_by_hand(void **state)
{
    (void)state;
    /* sorted: 1 1 2 3 4 5 6 9; h = 7p.
     * p=.05: h=.35 -> 1;  p=.25: h=1.75 -> 1+.75*(2-1) = 1.75;
     * p=.5: h=3.5 -> 3.5; p=.95: h=6.65 -> 6+.65*(9-6) = 7.95;
     * p=0 -> min 1, p=1 -> max 9. */
    const double x[] = {3, 1, 4, 1, 5, 9, 2, 6};
    const double p[] = {0.05, 0.25, 0.5, 0.95, 0.0, 1.0};
    double q[6];
    size_t valid = 0;
    assert_int_equal(po__quantiles(x, 8, p, 6, q, &valid, NULL, NULL), PO_OK);
    assert_int_equal(valid, 8);
    CLOSE(q[0], 1.0);
    CLOSE(q[1], 1.75);
    CLOSE(q[2], 3.5);
    CLOSE(q[3], 7.95);
    assert_true(q[4] == 1.0 && q[5] == 9.0);
    assert_true(x[0] == 3 && x[7] == 6); /* input untouched */

    /* sorted: -2.25 .125 1.5 3 3 8 11.5; h = 6p.
     * p=.05: h=.3 -> -2.25+.3*2.375 = -1.5375; p=.5: h=3 -> 3;
     * p=.95: h=5.7 -> 8+.7*3.5 = 10.45. */
    const double y[] = {1.5, -2.25, 8.0, 0.125, 3.0, 3.0, 11.5};
    const double p3[] = {0.05, 0.5, 0.95};
    assert_int_equal(po__quantiles(y, 7, p3, 3, q, NULL, NULL, NULL), PO_OK);
    CLOSE(q[0], -1.5375);
    CLOSE(q[1], 3.0);
    CLOSE(q[2], 10.45);
}

static void nan_values_are_skipped_and_counted(void **state)
{
    (void)state;
    /* The valid values are 10 20 30 40 50: h = 4p; p5 = 10+.2*10 = 12,
     * p50 = 30, p95 = 40+.8*10 = 48. */
    const double x[] = {NAN, 10, NAN, 50, 20, 40, 30};
    po__summary s;
    assert_int_equal(po__summarize(x, 7, &s, NULL, NULL), PO_OK);
    assert_int_equal(s.count, 7);
    assert_int_equal(s.valid, 5);
    assert_int_equal(s.nan_count, 2);
    assert_int_equal(po__count_nan(x, 7), 2);
    CLOSE(s.p5, 12.0);
    CLOSE(s.p50, 30.0);
    CLOSE(s.p95, 48.0);
    assert_true(s.min == 10.0 && s.max == 50.0);
    CLOSE(s.mean, 30.0);
    CLOSE(s.sd, sqrt(250.0)); /* (400+100+0+100+400)/4 */
    assert_true(s.p5 <= s.p50 && s.p50 <= s.p95);

    double m;
    size_t valid;
    assert_int_equal(po__mean(x, 7, &m, &valid), PO_OK);
    assert_int_equal(valid, 5);
    CLOSE(m, 30.0);
}

static void degenerate_sizes(void **state)
{
    (void)state;
    po__summary s;
    const double one[] = {7.25};
    assert_int_equal(po__summarize(one, 1, &s, NULL, NULL), PO_OK);
    assert_true(s.p5 == 7.25 && s.p50 == 7.25 && s.p95 == 7.25 && s.mean == 7.25);
    assert_true(isnan(s.sd));

    const double all_nan[] = {NAN, NAN};
    assert_int_equal(po__summarize(all_nan, 2, &s, NULL, NULL), PO_OK);
    assert_int_equal(s.valid, 0);
    assert_int_equal(s.nan_count, 2);
    assert_true(isnan(s.mean) && isnan(s.p50) && isnan(s.min) && isnan(s.sd));

    assert_int_equal(po__summarize(NULL, 0, &s, NULL, NULL), PO_OK);
    assert_int_equal(s.count, 0);
    assert_true(isnan(s.p95));

    double q = 0, m = 0, share = 0;
    const double p = 0.5;
    size_t valid = 99;
    assert_int_equal(po__quantiles(all_nan, 2, &p, 1, &q, &valid, NULL, NULL), PO_OK);
    assert_true(isnan(q));
    assert_int_equal(valid, 0);
    assert_int_equal(po__mean(all_nan, 2, &m, NULL), PO_OK);
    assert_true(isnan(m));
    assert_int_equal(po__share_at_least(all_nan, 2, 0.0, &share, NULL, NULL), PO_OK);
    assert_true(isnan(share));

    /* Constant data: every quantile is that constant, sd exactly 0. */
    const double c[] = {0.1, 0.1, 0.1, 0.1};
    assert_int_equal(po__summarize(c, 4, &s, NULL, NULL), PO_OK);
    assert_true(s.p5 == 0.1 && s.p50 == 0.1 && s.p95 == 0.1 && s.sd == 0.0);
}

static void compensated_mean(void **state)
{
    (void)state;
    /* Naive left-to-right summation gives 1 (the first 1 is absorbed by
     * 1e16); the exact sum is 2. */
    const double x[] = {1e16, 1.0, -1e16, 1.0};
    double m;
    assert_int_equal(po__mean(x, 4, &m, NULL), PO_OK);
    assert_true(m == 0.5);
    /* sd example with a well-known answer: 2 4 4 4 5 5 7 9 has mean 5 and
     * squared deviations summing to 32, sample sd sqrt(32/7). */
    const double y[] = {2, 4, 4, 4, 5, 5, 7, 9};
    po__summary s;
    assert_int_equal(po__summarize(y, 8, &s, NULL, NULL), PO_OK);
    assert_true(s.mean == 5.0);
    CLOSE(s.sd, sqrt(32.0 / 7.0));
}

static int is_negative(double v, const void *ctx)
{
    (void)ctx;
    return v < 0.0;
}

static void shares(void **state)
{
    (void)state;
    const double x[] = {1, 2, 3, NAN, 4, -1};
    double share;
    size_t hits, valid;
    assert_int_equal(po__share_at_least(x, 6, 3.0, &share, &hits, &valid), PO_OK);
    assert_int_equal(hits, 2);
    assert_int_equal(valid, 5);
    CLOSE(share, 0.4);
    assert_int_equal(po__share(x, 6, is_negative, NULL, &share, &hits, NULL), PO_OK);
    assert_int_equal(hits, 1);
    CLOSE(share, 0.2);
    assert_int_equal(po__share_at_least(x, 6, NAN, &share, NULL, NULL), PO_EINVAL);
    assert_int_equal(po__share(x, 6, NULL, NULL, &share, NULL, NULL), PO_EINVAL);
}

static void quantiles_ordered_on_random_data(void **state)
{
    (void)state;
    double x[1001];
    uint64_t s = 12345;
    for (int i = 0; i < 1001; i++) {
        s = s * 6364136223846793005u + 1442695040888963407u;
        x[i] = (double)(s >> 11) * 0x1.0p-53 * 200.0 - 100.0;
    }
    const double p[] = {0.0, 0.05, 0.5, 0.95, 1.0};
    double q[5];
    assert_int_equal(po__quantiles(x, 1001, p, 5, q, NULL, NULL, NULL), PO_OK);
    for (int j = 1; j < 5; j++)
        assert_true(q[j - 1] <= q[j]);
    /* h = 1000p is an integer for these p: the quantiles are data points,
     * so exactly 50 values lie below P5 and 50 above P95. */
    int below = 0, above = 0;
    for (int i = 0; i < 1001; i++) {
        below += x[i] < q[1];
        above += x[i] > q[3];
    }
    assert_int_equal(below, 50);
    assert_int_equal(above, 50);
}

static void errors(void **state)
{
    (void)state;
    const double x[] = {1, INFINITY, 2};
    const double good[] = {1, 2};
    double out = -3.0;
    const double p_bad[] = {-0.01, 1.01, NAN};
    po__summary s;
    assert_int_equal(po__summarize(x, 3, &s, NULL, NULL), PO_EINF);
    assert_int_equal(po__mean(x, 3, &out, NULL), PO_EINF);
    const double p = 0.5;
    assert_int_equal(po__quantiles(x, 3, &p, 1, &out, NULL, NULL, NULL), PO_EINF);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(po__quantiles(good, 2, &p_bad[i], 1, &out, NULL, NULL, NULL), PO_EINVAL);
        assert_int_equal(po__quantile_sorted(good, 2, p_bad[i], &out), PO_EINVAL);
    }
    assert_true(out == -3.0);
    assert_int_equal(po__quantile_sorted(good, 0, 0.5, &out), PO_EINVAL);
    assert_int_equal(po__quantile_sorted(NULL, 2, 0.5, &out), PO_EINVAL);
    assert_int_equal(po__quantiles(NULL, 2, &p, 1, &out, NULL, NULL, NULL), PO_EINVAL);
    assert_int_equal(po__quantiles(good, 2, NULL, 1, &out, NULL, NULL, NULL), PO_EINVAL);
    assert_int_equal(po__summarize(good, 2, NULL, NULL, NULL), PO_EINVAL);
    assert_int_equal(po__mean(good, 2, NULL, NULL), PO_EINVAL);
    assert_int_equal(po__count_nan(NULL, 5), 0);
    double share;
    assert_int_equal(po__share_at_least(x, 3, 0.0, &share, NULL, NULL), PO_EINF);
}

static void *failing_alloc(void *ctx, void *ptr, size_t size)
{
    (void)ptr;
    (void)size;
    ++*(int *)ctx;
    return NULL;
}

static void *counting_alloc(void *ctx, void *ptr, size_t size)
{
    ++*(int *)ctx;
    return realloc(ptr, size);
}

static void out_of_memory(void **state)
{
    (void)state;
    const double x[] = {3, 1, 2};
    const double p = 0.5;
    double q = -1.0;
    int calls = 0;
    po__summary s;
    s.count = 77;
    assert_int_equal(po__quantiles(x, 3, &p, 1, &q, NULL, failing_alloc, &calls), PO_ENOMEM);
    assert_int_equal(po__summarize(x, 3, &s, failing_alloc, &calls), PO_ENOMEM);
    assert_int_equal(calls, 2);
    assert_true(q == -1.0 && s.count == 77); /* untouched */
    /* The hook is what allocates (and its block is freed: ASan, valgrind). */
    calls = 0;
    assert_int_equal(po__quantiles(x, 3, &p, 1, &q, NULL, counting_alloc, &calls), PO_OK);
    assert_int_equal(po__summarize(x, 3, &s, counting_alloc, &calls), PO_OK);
    assert_int_equal(calls, 2);
    assert_true(q == 2.0 && s.p50 == 2.0);
    /* Nothing to sort, nothing allocated. */
    const double none[] = {NAN};
    assert_int_equal(po__summarize(none, 1, &s, failing_alloc, &calls), PO_OK);
    assert_int_equal(calls, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(quantiles_by_hand),
        cmocka_unit_test(nan_values_are_skipped_and_counted),
        cmocka_unit_test(degenerate_sizes),
        cmocka_unit_test(compensated_mean),
        cmocka_unit_test(shares),
        cmocka_unit_test(quantiles_ordered_on_random_data),
        cmocka_unit_test(errors),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
