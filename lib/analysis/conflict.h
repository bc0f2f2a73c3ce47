/*
 * conflict.h -- a compiled process model seen in process terms, and models
 * derived from it for analysis.  Shared by the baseline breach report
 * (savings_breach.c), the conflict set of an infeasible model (conflict.c)
 * and shadow prices in process terms (limits.c).  Not installed.
 *
 * The compiler (process_compile.c) records where every process quantity
 * lives (po__pmap); po__roles turns that into a role for every row and
 * column of the compiled model, found from the map and the model's own
 * columns rather than from the names, so that renaming rows cannot break
 * the analysis.
 */
#ifndef PO_CONFLICT_H
#define PO_CONFLICT_H

#include "process.h"

/* What a row of a compiled process model is. */
typedef enum po__row_role {
    PO__ROW_OTHER = 0,
    PO__ROW_BALANCE,    /* bal.ITEM.t                                     */
    PO__ROW_CAPACITY,   /* cap.ITEM.t                                     */
    PO__ROW_DEMAND,     /* dem.ITEM.t: sold + short = demand              */
    PO__ROW_CONSTRAINT, /* con.NAME.t                                     */
    PO__ROW_SWITCH,     /* onmax.ACT.t of an activity without min_batch:
                           implied by the rest of the model (M is a proven
                           bound), it matters only for the fixed cost     */
    PO__ROW_BATCH_MAX,  /* onmax.ACT.t of an activity with min_batch      */
    PO__ROW_BATCH_MIN,  /* onmin.ACT.t                                    */
    PO__ROW_BASE        /* base.ACT.t (baseline models)                   */
} po__row_role;

/* What a column is. */
typedef enum po__col_role {
    PO__COL_OTHER = 0,
    PO__COL_LEVEL, /* x.ACT.t  */
    PO__COL_ON,    /* on.ACT.t */
    PO__COL_BUY,
    PO__COL_SOLD,
    PO__COL_SHORT,
    PO__COL_STOCK
} po__col_role;

/* Roles of every row and column, with the item / activity / constraint
 * (obj) and the period (t) each belongs to; -1 when none. */
typedef struct po__roles {
    int nrows, ncols, nperiods;
    unsigned char *row_role, *col_role;
    int *row_obj, *row_t, *col_obj, *col_t;
} po__roles;

/* Fill `r` for model `m` compiled from `p` with map `mp`.  PO_OK or
 * PO_ENOMEM (r is then empty). */
po_status po__roles_build(po__roles *r, const po_process *p,
                          const po__pmap *mp, const po_model *m);
void po__roles_free(po__roles *r);

/* ---- Derived models ----
 * A copy of `m` with some rows dropped, column bounds replaced, integrality
 * optionally dropped, and nonnegative elastic variables that let rows and
 * column bounds be violated at a price.  The columns of m keep their
 * indices (cost 0); elastic columns follow them, each with its weight as
 * cost; kept rows follow in order, then one row per elastic column bound
 * (x + e >= lb, x - e <= ub).  Bounds are taken as given: a binary column
 * made continuous keeps whatever bounds the caller sets. */
typedef struct po__derive {
    const po_model *m;
    const unsigned char *keep_row; /* per row: 0 drops it (NULL: keep all) */
    const double *lb, *ub;         /* per column (NULL: m's bounds) */
    int continuous;                /* 1: every column continuous */
    /* Per row weights of going below its lower bound / above its upper
     * bound (0 = not elastic; NULL = none elastic).  Only for kept rows. */
    const double *row_wlo, *row_whi;
    /* Per column elastic bounds: lower bound elb[j] at weight wlb[j] > 0
     * (added as a row; the column's own lower bound is lb[j]); likewise
     * upper.  NULL = none. */
    const double *col_elb, *col_wlb, *col_eub, *col_wub;
    /* Per row: the coefficient of column ov_col[i] (-1: none) replaced by
     * ov_val[i] (NULL = no replacements). */
    const int *ov_col;
    const double *ov_val;
} po__derive;

/* What one elastic column stands for. */
typedef struct po__elastic {
    int index;          /* row or column of m */
    unsigned char col;  /* 1: a column bound, 0: a row */
    unsigned char upper;/* 1: above the upper bound, 0: below the lower */
} po__elastic;

/* Build the derived model.  *el (when el is not NULL) receives a malloc'ed
 * array of *nel entries, elastic column m_ncols + k standing for (*el)[k].
 * PO_OK or PO_ENOMEM / the model layer's status (nothing is returned then). */
po_status po__derive_model(const po__derive *d, po_model **out,
                           po__elastic **el, int *nel);

/* Solve a derived model with the caller's options minus the log (many
 * small solves would flood it).  *res is NULL
 * on failure. */
po_status po__analysis_solve(po_model *m, const po_options *opt,
                             po_result **res);

/* 1 when an outcome proves infeasibility of a model whose objective is
 * bounded (analysis models: zero or nonnegative elastic costs). */
int po__outcome_infeasible(po_outcome o);

/* ---- Bound propagation (conflict_bounds.c) ---- */

/* A model's rows in compressed form. */
typedef struct po__csr {
    int nrows;
    int *start, *idx;
    double *val, *rlo, *rhi;
} po__csr;

po_status po__csr_of(const po_model *m, po__csr *a);
void po__csr_free(po__csr *a);
/* Feasibility-based bound tightening of lb/ub over the rows with keep[i]
 * set, at most `rounds` passes.  Bounds only tighten; where they would
 * cross, they meet (the solver then finds the infeasibility). */
void po__propagate(const po__csr *a, const unsigned char *keep, double *lb,
                   double *ub, int rounds);

/* ---- Findings: one requirement named in process terms ---- */
typedef struct po__finding {
    po_req_kind kind;
    int obj, t;        /* item / activity / constraint index, period */
    double amount;     /* by how much (NaN when unknown) */
    char *name;        /* copies: a finding outlives the process */
    char *period;
    char *message;
} po__finding;

typedef struct po__findings {
    po__finding *f;
    int n, cap;
    int nomem; /* an allocation failed on the way */
} po__findings;

/* Append a finding with a printf-style message; the names of obj and t
 * are copied from p.  On failure the list is unchanged and nomem is set. */
void po__findings_add(po__findings *fs, const po_process *p,
                      po_req_kind kind, int obj, int t, double amount,
                      const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void po__findings_free(po__findings *fs);

/* x with at most 6 significant digits, without exponent for ordinary
 * magnitudes and without trailing zeros ("21.6", "7628000", "0.0125"). */
const char *po__fmt_amount(double x, char buf[40]);

/* "Sat: " for a named period, "" for the single unnamed one. */
const char *po__period_prefix(const po_process *p, int t, char *buf,
                              size_t size);

/* The name a finding is about: item, activity or constraint name. */
const char *po__req_object_name(const po_process *p, po_req_kind kind,
                                int obj);

#endif
