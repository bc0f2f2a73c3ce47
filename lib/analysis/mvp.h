/*
 * mvp.h -- the MVP's economics from savings per year.
 *
 * Inputs (the process format's "mvp" block): B = build_cost (paid once, at
 * the start), R = run_cost_per_year, Y = years (the horizon over which the
 * MVP is judged).  s = savings per year (baseline total cost minus
 * optimized total cost, times horizons_per_year).  Net benefit per year:
 * s - R.
 *
 *   payback_months = 12 * B / (s - R)      when s > R, else +INFINITY
 *                                          (never pays back; B = 0 with
 *                                          s > R gives 0)
 *   roi            = (Y * (s - R) - B) / B  net gain over Y years per unit
 *                                          invested: 0 = break-even, 1 =
 *                                          the build cost earned back
 *                                          twice; NaN when B = 0 (nothing
 *                                          invested: no ratio)
 *   p_cover        = share of scenarios k with Y * s_k >= B + Y * R, among
 *                    the scenarios with a value (NaN = infeasible, left
 *                    out and counted); NaN when none has a value
 *
 * No discounting and no ramp-up: savings start with the MVP and are the
 * same every year.  docs/savings.md says what this means for readers.
 */
#ifndef PO_MVP_H
#define PO_MVP_H

#include <stddef.h>

#include "procopt.h"

typedef struct po__mvp {
    double build_cost;        /* B >= 0, finite */
    double run_cost_per_year; /* R >= 0, finite */
    double years;             /* Y > 0, finite (fractions allowed) */
} po__mvp;

/* PO_OK when the block is usable; PO_EINVAL (NULL, negative cost, years
 * <= 0), PO_ENAN or PO_EINF otherwise. */
po_status po__mvp_check(const po__mvp *mvp);

/* Payback in months for savings per year s (finite: PO_ENAN, PO_EINF). */
po_status po__mvp_payback_months(const po__mvp *mvp, double savings_per_year,
                                 double *months);

/* Return over `years` as defined above. */
po_status po__mvp_roi(const po__mvp *mvp, double savings_per_year,
                      double *roi);

/* p_cover over the scenario savings per year s[0..n-1].  *covered (the
 * scenarios that cover), *valid (those with a value) and *infeasible
 * (NaN entries) are written when not NULL.  PO_EINF for an infinite
 * scenario value. */
po_status po__mvp_p_cover(const po__mvp *mvp, const double *s, size_t n,
                          double *p_cover, size_t *covered, size_t *valid,
                          size_t *infeasible);

/* All MVP figures at once: payback and roi from the nominal savings per
 * year (the deterministic model's), p_cover from the scenarios (n may be
 * 0: p_cover NaN). */
typedef struct po__mvp_figures {
    double payback_months;
    double roi;
    double p_cover;
    size_t scenarios;  /* n */
    size_t valid;      /* scenarios with a value */
    size_t infeasible; /* scenarios without one (NaN) */
    size_t covered;    /* scenarios whose savings cover B + Y*R */
} po__mvp_figures;

po_status po__mvp_evaluate(const po__mvp *mvp, double nominal_savings_per_year,
                           const double *scenario_savings_per_year, size_t n,
                           po__mvp_figures *out);

#endif
