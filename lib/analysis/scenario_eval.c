/*
 * scenario_eval.c -- V = C X for cost scenarios, through BLAS dgemm or
 * plain loops (bench/blas_vs_loop.c measures which is faster where).
 *
 * Plans are stored one contiguous vector per plan (X by column), the
 * layout results come in; dgemm reads that as X^T with its Trans flag, and
 * the loop gets unit-stride dot products without copying anything.
 */
#include "scenario_eval.h"

#include "blas.h"
#include <limits.h>
#include <math.h>

static po_status check_args(const double *costs, const double *plans,
                            size_t scenarios, size_t ncoefs, size_t nplans,
                            const double *values)
{
    if (scenarios == 0 || nplans == 0)
        return PO_OK;
    if (values == NULL)
        return PO_EINVAL;
    if (ncoefs > 0 && (costs == NULL || plans == NULL))
        return PO_EINVAL;
    if (ncoefs > INT_MAX || nplans > INT_MAX)
        return PO_ETOOBIG;
    return PO_OK;
}

/* NaN or infinite inputs propagate into V (no kernel skips a zero factor;
 * the tests check it), so one pass over the S*P results -- far smaller
 * than C -- finds them, overflow included. */
static po_status check_values(const double *values, size_t count)
{
    po_status st = PO_OK;
    for (size_t i = 0; i < count; i++) {
        if (isnan(values[i]))
            return PO_ENAN;
        if (isinf(values[i]))
            st = PO_EINF;
    }
    return st;
}

static void zero(double *values, size_t count)
{
    for (size_t i = 0; i < count; i++)
        values[i] = 0.0;
}

po_status po__scenario_eval_blas(const double *costs, const double *plans,
                                 size_t scenarios, size_t ncoefs,
                                 size_t nplans, double *values)
{
    po_status st = check_args(costs, plans, scenarios, ncoefs, nplans, values);
    if (st != PO_OK || scenarios == 0 || nplans == 0)
        return st;
    if (ncoefs == 0) {
        zero(values, scenarios * nplans);
        return PO_OK;
    }
    po__blas blas;
    if (!po__blas_open(&blas))
        return po__scenario_eval_loop(costs, plans, scenarios, ncoefs, nplans,
                                      values);
    /* dgemm counts rows in an int: more scenarios than that go in blocks. */
    for (size_t s0 = 0; s0 < scenarios; s0 += (size_t)INT_MAX) {
        size_t rows = scenarios - s0;
        if (rows > (size_t)INT_MAX)
            rows = (size_t)INT_MAX;
        blas.dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)rows,
                    (int)nplans, (int)ncoefs, 1.0, costs + s0 * ncoefs,
                    (int)ncoefs, plans, (int)ncoefs, 0.0,
                    values + s0 * nplans, (int)nplans);
    }
    po__blas_close(&blas);
    return check_values(values, scenarios * nplans);
}

/* One dot product in four partial sums: the additions into one sum wait
 * on each other, four independent chains keep the FPU busy.  This makes
 * the loop a fair opponent for BLAS: 5 to 7 times faster at P = 2 than the
 * textbook triple loop (measured while writing bench/blas_vs_loop.c). */
static double dot(const double *restrict a, const double *restrict b,
                  size_t n)
{
    double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
    size_t k = 0;
    for (; k + 4 <= n; k += 4) {
        s0 += a[k] * b[k];
        s1 += a[k + 1] * b[k + 1];
        s2 += a[k + 2] * b[k + 2];
        s3 += a[k + 3] * b[k + 3];
    }
    for (; k < n; k++)
        s0 += a[k] * b[k];
    return (s0 + s1) + (s2 + s3);
}

po_status po__scenario_eval_loop(const double *costs, const double *plans,
                                 size_t scenarios, size_t ncoefs,
                                 size_t nplans, double *values)
{
    po_status st = check_args(costs, plans, scenarios, ncoefs, nplans, values);
    if (st != PO_OK || scenarios == 0 || nplans == 0)
        return st;
    for (size_t s = 0; s < scenarios; s++)
        for (size_t j = 0; j < nplans; j++)
            values[s * nplans + j] =
                dot(costs + s * ncoefs, plans + j * ncoefs, ncoefs);
    return check_values(values, scenarios * nplans);
}

po_status po__scenario_eval(const double *costs, const double *plans,
                            size_t scenarios, size_t ncoefs, size_t nplans,
                            double *values)
{
    if (nplans <= PO__SCENARIO_EVAL_LOOP_MAX_PLANS)
        return po__scenario_eval_loop(costs, plans, scenarios, ncoefs, nplans,
                                      values);
    return po__scenario_eval_blas(costs, plans, scenarios, ncoefs, nplans,
                                  values);
}
