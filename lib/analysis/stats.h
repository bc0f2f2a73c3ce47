/*
 * stats.h -- summaries of scenario results: quantiles, mean, shares.
 *
 * Scenario results arrive as arrays with one value per scenario; a NaN
 * marks a scenario without a value (its model was infeasible) and is left
 * out of every figure and counted instead.  Infinite values are rejected
 * (PO_EINF): an unbounded scenario is an outcome the caller must report,
 * not a number to average.
 *
 * Quantiles use definition 7 of Hyndman and Fan (1996), the default of R's
 * quantile() and NumPy's percentile(): for m sorted values x[0..m-1] and
 * probability p, h = (m-1)*p, q = x[floor(h)] + (h - floor(h)) *
 * (x[floor(h)+1] - x[floor(h)]).  So P50 of an even count is the mean of
 * the middle two, P0 the minimum and P100 the maximum.
 */
#ifndef PO_STATS_H
#define PO_STATS_H

#include <stddef.h>

#include "names.h" /* po__realloc_fn */
#include "procopt.h"

/* The quantile of probability p in [0, 1] of m >= 1 values sorted
 * ascending (no NaN, no infinity): definition 7 above.  PO_EINVAL for NULL
 * pointers, m == 0, or p outside [0, 1] (or NaN). */
po_status po__quantile_sorted(const double *sorted, size_t m, double p,
                              double *out);

/* Quantiles of the non-NaN values of x[0..n-1] for the np probabilities
 * probs[] (each in [0, 1]), written to out[0..np-1].  *valid (if not NULL)
 * receives the number of non-NaN values; when it is 0 every out[] is NaN
 * and the call still succeeds.  x is not modified: a sorted copy is made
 * with alloc(alloc_ctx, NULL, size) and released with free() -- alloc may
 * be NULL (malloc); it lets the caller's handle inject failures.
 * PO_EINVAL (NULL, bad p), PO_EINF (an infinite value), PO_ENOMEM (out[]
 * untouched). */
po_status po__quantiles(const double *x, size_t n, const double *probs,
                        size_t np, double *out, size_t *valid,
                        po__realloc_fn alloc, void *alloc_ctx);

/* Mean of the non-NaN values (compensated summation, so it does not
 * depend on the magnitude mix); NaN when there are none.  *valid as
 * above.  PO_EINVAL, PO_EINF. */
po_status po__mean(const double *x, size_t n, double *mean, size_t *valid);

/* Number of NaN values in x[0..n-1] (infeasible scenarios). */
size_t po__count_nan(const double *x, size_t n);

/* A condition on one value; ctx is passed through. */
typedef int (*po__predicate)(double value, const void *ctx);

/* Share of the non-NaN values for which pred(value, ctx) is true, in
 * [0, 1]; NaN when there are no non-NaN values.  *hits and *valid (each
 * may be NULL) receive the numerator and denominator.  PO_EINVAL, PO_EINF. */
po_status po__share(const double *x, size_t n, po__predicate pred,
                    const void *ctx, double *share, size_t *hits,
                    size_t *valid);

/* Share of the non-NaN values >= threshold (threshold not NaN). */
po_status po__share_at_least(const double *x, size_t n, double threshold,
                             double *share, size_t *hits, size_t *valid);

/* Everything the scenario report needs from one array, with one sort. */
typedef struct po__summary {
    size_t count;     /* n: values given (scenarios) */
    size_t valid;     /* non-NaN values used below */
    size_t nan_count; /* NaN values left out (infeasible scenarios) */
    double mean;      /* NaN when valid == 0 */
    double sd;        /* sample standard deviation (divisor valid-1); NaN when valid < 2 */
    double min, p5, p50, p95, max; /* NaN when valid == 0 */
} po__summary;

/* Fill *out from x[0..n-1].  n == 0 is allowed (all figures NaN).
 * alloc/alloc_ctx as for po__quantiles.  PO_EINVAL (NULL), PO_EINF,
 * PO_ENOMEM; *out is written only on PO_OK. */
po_status po__summarize(const double *x, size_t n, po__summary *out,
                        po__realloc_fn alloc, void *alloc_ctx);

#endif
