/*
 * mvp.c -- payback, return over the MVP's years, and the share of
 * scenarios in which the savings cover build and run costs.
 */
#include "mvp.h"

#include <math.h>

static po_status check_finite(double v)
{
    if (isnan(v))
        return PO_ENAN;
    if (isinf(v))
        return PO_EINF;
    return PO_OK;
}

po_status po__mvp_check(const po__mvp *mvp)
{
    if (mvp == NULL)
        return PO_EINVAL;
    const double v[3] = {mvp->build_cost, mvp->run_cost_per_year, mvp->years};
    for (int i = 0; i < 3; i++) {
        po_status st = check_finite(v[i]);
        if (st != PO_OK)
            return st;
    }
    if (mvp->build_cost < 0.0 || mvp->run_cost_per_year < 0.0 ||
        mvp->years <= 0.0)
        return PO_EINVAL;
    return PO_OK;
}

static po_status check_point(const po__mvp *mvp, double s, const double *out)
{
    if (out == NULL)
        return PO_EINVAL;
    po_status st = po__mvp_check(mvp);
    if (st != PO_OK)
        return st;
    return check_finite(s);
}

po_status po__mvp_payback_months(const po__mvp *mvp, double savings_per_year,
                                 double *months)
{
    po_status st = check_point(mvp, savings_per_year, months);
    if (st != PO_OK)
        return st;
    const double net = savings_per_year - mvp->run_cost_per_year;
    *months = net > 0.0 ? 12.0 * mvp->build_cost / net : INFINITY;
    return PO_OK;
}

po_status po__mvp_roi(const po__mvp *mvp, double savings_per_year, double *roi)
{
    po_status st = check_point(mvp, savings_per_year, roi);
    if (st != PO_OK)
        return st;
    const double b = mvp->build_cost;
    *roi = b > 0.0
               ? (mvp->years * (savings_per_year - mvp->run_cost_per_year) - b) / b
               : NAN;
    return PO_OK;
}

po_status po__mvp_p_cover(const po__mvp *mvp, const double *s, size_t n,
                          double *p_cover, size_t *covered, size_t *valid,
                          size_t *infeasible)
{
    if (p_cover == NULL || (s == NULL && n > 0))
        return PO_EINVAL;
    po_status st = po__mvp_check(mvp);
    if (st != PO_OK)
        return st;
    /* Compare totals over the years exactly as defined, rather than s
     * against B/Y + R, so a scenario exactly at break-even counts as
     * covering however Y divides B. */
    const double need = mvp->build_cost + mvp->years * mvp->run_cost_per_year;
    size_t c = 0, v = 0;
    for (size_t k = 0; k < n; k++) {
        if (isnan(s[k]))
            continue;
        if (isinf(s[k]))
            return PO_EINF;
        v++;
        c += mvp->years * s[k] >= need;
    }
    *p_cover = v > 0 ? (double)c / (double)v : NAN;
    if (covered != NULL)
        *covered = c;
    if (valid != NULL)
        *valid = v;
    if (infeasible != NULL)
        *infeasible = n - v;
    return PO_OK;
}

po_status po__mvp_evaluate(const po__mvp *mvp, double nominal_savings_per_year,
                           const double *scenario_savings_per_year, size_t n,
                           po__mvp_figures *out)
{
    if (out == NULL)
        return PO_EINVAL;
    po__mvp_figures f;
    f.scenarios = n;
    po_status st = po__mvp_payback_months(mvp, nominal_savings_per_year,
                                          &f.payback_months);
    if (st == PO_OK)
        st = po__mvp_roi(mvp, nominal_savings_per_year, &f.roi);
    if (st == PO_OK)
        st = po__mvp_p_cover(mvp, scenario_savings_per_year, n, &f.p_cover,
                             &f.covered, &f.valid, &f.infeasible);
    if (st == PO_OK)
        *out = f;
    return st;
}
