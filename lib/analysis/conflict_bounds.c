/*
 * conflict_bounds.c -- bound propagation over a subset of a model's rows.
 *
 * The conflict search tests subsets of a model's requirements.  A
 * min_batch switch (x <= M on, x >= min_batch on) carries the M the
 * compiler proved from the whole model; inside a subset that lacks the
 * capacity M came from, that M would still cap the level and stand in for
 * the missing capacity, so the search would blame the min_batch.  Each test
 * therefore re-proves the bound from the rows it keeps, with the usual
 * feasibility-based tightening: every row lo <= sum a x <= hi bounds each
 * of its variables by the extreme values of the others.
 */
#include "conflict.h"

#include <math.h>
#include <stdlib.h>

/* Smallest and largest value of a*x over [l, u]. */
static void span(double a, double l, double u, double *mn, double *mx)
{
    if (a > 0) {
        *mn = a * l;
        *mx = a * u;
    } else {
        *mn = a * u;
        *mx = a * l;
    }
}

static int tighten_ub(double *ub, double lb, double v)
{
    if (v < *ub - 1e-9 * fmax(1.0, fabs(v))) {
        *ub = v < lb ? lb : v; /* crossing is for the solver to find */
        return 1;
    }
    return 0;
}

static int tighten_lb(double *lb, double ub, double v)
{
    if (v > *lb + 1e-9 * fmax(1.0, fabs(v))) {
        *lb = v > ub ? ub : v;
        return 1;
    }
    return 0;
}

/* One row: tighten its variables' bounds; 1 when something changed. */
static int row_pass(const po__csr *a, int i, double *lb, double *ub)
{
    double smin = 0, smax = 0;
    int ninf_min = 0, ninf_max = 0, changed = 0;
    for (int e = a->start[i]; e < a->start[i + 1]; e++) {
        double mn, mx;
        span(a->val[e], lb[a->idx[e]], ub[a->idx[e]], &mn, &mx);
        if (isinf(mn))
            ninf_min++;
        else
            smin += mn;
        if (isinf(mx))
            ninf_max++;
        else
            smax += mx;
    }
    double hi = a->rhi[i], lo = a->rlo[i];
    for (int e = a->start[i]; e < a->start[i + 1]; e++) {
        int j = a->idx[e];
        double c = a->val[e], mn, mx;
        span(c, lb[j], ub[j], &mn, &mx);
        /* the others' least and greatest sums, when finite */
        double rmin = NAN, rmax = NAN;
        if (ninf_min == 0)
            rmin = smin - mn;
        else if (ninf_min == 1 && isinf(mn))
            rmin = smin;
        if (ninf_max == 0)
            rmax = smax - mx;
        else if (ninf_max == 1 && isinf(mx))
            rmax = smax;
        if (isfinite(hi) && !isnan(rmin)) {
            double v = (hi - rmin) / c;
            changed |= c > 0 ? tighten_ub(&ub[j], lb[j], v)
                             : tighten_lb(&lb[j], ub[j], v);
        }
        if (isfinite(lo) && !isnan(rmax)) {
            double v = (lo - rmax) / c;
            changed |= c > 0 ? tighten_lb(&lb[j], ub[j], v)
                             : tighten_ub(&ub[j], lb[j], v);
        }
    }
    return changed;
}

void po__propagate(const po__csr *a, const unsigned char *keep, double *lb,
                   double *ub, int rounds)
{
    for (int r = 0; r < rounds; r++) {
        int changed = 0;
        for (int i = 0; i < a->nrows; i++)
            if (keep[i] && a->start[i + 1] > a->start[i])
                changed |= row_pass(a, i, lb, ub);
        if (!changed)
            break;
    }
}

po_status po__csr_of(const po_model *m, po__csr *a)
{
    int nr = po_model_num_constrs(m);
    long nnz = po_model_num_nonzeros(m);
    a->nrows = nr;
    a->start = malloc(((size_t)nr + 1) * sizeof *a->start);
    a->idx = malloc(((size_t)nnz + 1) * sizeof *a->idx);
    a->val = malloc(((size_t)nnz + 1) * sizeof *a->val);
    a->rlo = malloc(((size_t)nr + 1) * sizeof *a->rlo);
    a->rhi = malloc(((size_t)nr + 1) * sizeof *a->rhi);
    if (!a->start || !a->idx || !a->val || !a->rlo || !a->rhi) {
        po__csr_free(a);
        return PO_ENOMEM;
    }
    int k = 0;
    for (int i = 0; i < nr; i++) {
        a->start[i] = k;
        k += po_model_constr_row(m, i, a->idx + k, a->val + k);
        a->rlo[i] = po_model_constr_lb(m, i);
        a->rhi[i] = po_model_constr_ub(m, i);
    }
    a->start[nr] = k;
    return PO_OK;
}

void po__csr_free(po__csr *a)
{
    if (a == NULL)
        return;
    free(a->start);
    free(a->idx);
    free(a->val);
    free(a->rlo);
    free(a->rhi);
    a->start = a->idx = NULL;
    a->val = a->rlo = a->rhi = NULL;
    a->nrows = 0;
}
