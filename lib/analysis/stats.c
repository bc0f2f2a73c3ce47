/*
 * stats.c -- quantiles (Hyndman-Fan definition 7), compensated mean,
 * shares; NaN values are skipped and counted, infinities rejected.
 */
#include "stats.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>

/* Reject infinities and count the values that are not NaN, so that every
 * function agrees on what "valid" means. */
static po_status scan(const double *x, size_t n, size_t *valid)
{
    size_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]))
            continue;
        if (isinf(x[i]))
            return PO_EINF;
        v++;
    }
    *valid = v;
    return PO_OK;
}

po_status po__quantile_sorted(const double *sorted, size_t m, double p,
                              double *out)
{
    if (sorted == NULL || out == NULL || m == 0 || !(p >= 0.0 && p <= 1.0))
        return PO_EINVAL;
    const double h = (double)(m - 1) * p;
    size_t lo = (size_t)h; /* floor: h >= 0 */
    if (lo >= m - 1) {
        *out = sorted[m - 1];
        return PO_OK;
    }
    const double frac = h - (double)lo;
    const double a = sorted[lo], b = sorted[lo + 1];
    /* a + frac*(b - a) keeps q == a at frac == 0 and stays within [a, b]. */
    *out = (frac == 0.0 || a == b) ? a : a + frac * (b - a);
    if (*out > b) /* rounding guard: quantiles must stay ordered */
        *out = b;
    return PO_OK;
}

static int cmp_double(const void *pa, const void *pb)
{
    const double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

/* A sorted copy of the non-NaN values; *sorted is NULL when there are
 * none.  The caller has run scan(). */
static po_status sorted_copy(const double *x, size_t n, size_t valid,
                             double **sorted, po__realloc_fn alloc,
                             void *alloc_ctx)
{
    *sorted = NULL;
    if (valid == 0)
        return PO_OK;
    if (valid > SIZE_MAX / sizeof(double))
        return PO_ENOMEM;
    const size_t size = valid * sizeof(double);
    double *y = alloc != NULL ? alloc(alloc_ctx, NULL, size) : malloc(size);
    if (y == NULL)
        return PO_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]))
            y[k++] = x[i];
    qsort(y, valid, sizeof(double), cmp_double);
    *sorted = y;
    return PO_OK;
}

po_status po__quantiles(const double *x, size_t n, const double *probs,
                        size_t np, double *out, size_t *valid,
                        po__realloc_fn alloc, void *alloc_ctx)
{
    if ((x == NULL && n > 0) || ((probs == NULL || out == NULL) && np > 0))
        return PO_EINVAL;
    for (size_t j = 0; j < np; j++)
        if (!(probs[j] >= 0.0 && probs[j] <= 1.0))
            return PO_EINVAL;
    size_t v;
    po_status st = scan(x, n, &v);
    if (st != PO_OK)
        return st;
    double *y;
    st = sorted_copy(x, n, v, &y, alloc, alloc_ctx);
    if (st != PO_OK)
        return st;
    for (size_t j = 0; j < np; j++) {
        if (v == 0)
            out[j] = NAN;
        else
            po__quantile_sorted(y, v, probs[j], &out[j]);
    }
    free(y);
    if (valid != NULL)
        *valid = v;
    return PO_OK;
}

/* Neumaier's compensated sum of the non-NaN values. */
static double sum_valid(const double *x, size_t n)
{
    double s = 0.0, c = 0.0;
    for (size_t i = 0; i < n; i++) {
        if (isnan(x[i]))
            continue;
        const double t = s + x[i];
        if (fabs(s) >= fabs(x[i]))
            c += (s - t) + x[i];
        else
            c += (x[i] - t) + s;
        s = t;
    }
    return s + c;
}

po_status po__mean(const double *x, size_t n, double *mean, size_t *valid)
{
    if ((x == NULL && n > 0) || mean == NULL)
        return PO_EINVAL;
    size_t v;
    po_status st = scan(x, n, &v);
    if (st != PO_OK)
        return st;
    *mean = v == 0 ? NAN : sum_valid(x, n) / (double)v;
    if (valid != NULL)
        *valid = v;
    return PO_OK;
}

size_t po__count_nan(const double *x, size_t n)
{
    size_t k = 0;
    if (x == NULL)
        return 0;
    for (size_t i = 0; i < n; i++)
        k += isnan(x[i]) != 0;
    return k;
}

po_status po__share(const double *x, size_t n, po__predicate pred,
                    const void *ctx, double *share, size_t *hits,
                    size_t *valid)
{
    if ((x == NULL && n > 0) || pred == NULL || share == NULL)
        return PO_EINVAL;
    size_t v;
    po_status st = scan(x, n, &v);
    if (st != PO_OK)
        return st;
    size_t h = 0;
    for (size_t i = 0; i < n; i++)
        if (!isnan(x[i]) && pred(x[i], ctx))
            h++;
    *share = v == 0 ? NAN : (double)h / (double)v;
    if (hits != NULL)
        *hits = h;
    if (valid != NULL)
        *valid = v;
    return PO_OK;
}

static int at_least(double value, const void *ctx)
{
    return value >= *(const double *)ctx;
}

po_status po__share_at_least(const double *x, size_t n, double threshold,
                             double *share, size_t *hits, size_t *valid)
{
    if (isnan(threshold))
        return PO_EINVAL;
    return po__share(x, n, at_least, &threshold, share, hits, valid);
}

po_status po__summarize(const double *x, size_t n, po__summary *out,
                        po__realloc_fn alloc, void *alloc_ctx)
{
    if ((x == NULL && n > 0) || out == NULL)
        return PO_EINVAL;
    size_t v;
    po_status st = scan(x, n, &v);
    if (st != PO_OK)
        return st;
    double *y;
    st = sorted_copy(x, n, v, &y, alloc, alloc_ctx);
    if (st != PO_OK)
        return st;
    po__summary s;
    s.count = n;
    s.valid = v;
    s.nan_count = n - v;
    s.mean = s.sd = s.min = s.p5 = s.p50 = s.p95 = s.max = NAN;
    if (v > 0) {
        s.mean = sum_valid(y, v) / (double)v;
        s.min = y[0];
        s.max = y[v - 1];
        po__quantile_sorted(y, v, 0.05, &s.p5);
        po__quantile_sorted(y, v, 0.50, &s.p50);
        po__quantile_sorted(y, v, 0.95, &s.p95);
    }
    if (v > 1) {
        /* Two passes: the squares of deviations, not of values, so a large
         * mean does not swallow a small spread. */
        double ss = 0.0;
        for (size_t i = 0; i < v; i++)
            ss += (y[i] - s.mean) * (y[i] - s.mean);
        s.sd = sqrt(ss / (double)(v - 1));
    }
    free(y);
    *out = s;
    return PO_OK;
}
