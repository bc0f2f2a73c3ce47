/*
 * presolve.h -- procopt's own presolve (presolve*.c) and its postsolve
 * (postsolve.c), the "preprocess" layer between the generic model and the
 * GLPK backend.  Not installed.
 *
 * po__presolve_run reduces a model by the reductions asked for (the
 * PO_REDUCE_* bits of options.reductions) and records every removal as a
 * step; po__presolve_build gives the smaller model the backend solves;
 * po__postsolve undoes the steps in reverse order and turns the reduced
 * model's result into one of the original model: primal values, row
 * activities, duals, reduced costs and the basis.
 *
 * The rules are the classical ones (Andersen & Andersen, "Presolving in
 * linear programming", Math. Programming 71, 1995; Gondzio, "Presolve
 * analysis of linear programs prior to applying an interior point method",
 * INFORMS J. Computing 9, 1997):
 *  - a removed column gets its value at its step; a removed row gets its
 *    dual at its step, from the reduced costs of its columns computed with
 *    the duals known at that point (rows removed earlier still count 0:
 *    their own steps, undone later, correct the reduced costs they touch);
 *  - a singleton row becomes a bound of its column: when the column ends
 *    non-basic at that bound, the row takes the column's reduced cost
 *    (y_i = d_j / a_ij) and the column becomes basic;
 *  - a forcing row fixes its columns at the bounds that make its activity
 *    reach its bound; its dual is the largest (smallest) ratio d_j / a_ij
 *    that keeps every reduced cost of the right sign, and the column that
 *    sets it becomes basic;
 *  - a redundant, empty or free row has dual 0 and is basic;
 *  - duplicate rows (a_k = lambda a_i) are merged into row i with the
 *    intersection of their ranges; the dual goes back to the row whose
 *    bound is active;
 *  - duplicate columns (a_k = lambda a_j, c_k = lambda c_j, both
 *    continuous) become one column x_j + lambda x_k with the sum of their
 *    ranges, split again inside the two original ranges;
 *  - a continuous column j found in one equation i only is substituted
 *    out: x_j = (b_i - sum a_ik x_k) / a_ij, the row keeps the range its
 *    bounds on x_j allow, the other columns' costs change by
 *    -c_j a_ik / a_ij; back, y_i = y'_i + c_j / a_ij (so d_j = -a_ij y'_i)
 *    and x_j is basic exactly when the reduced row was.
 * Each step adds one row and one basic variable (or one column and no basic
 * variable), in a way that keeps the basis matrix block triangular, so the
 * postsolved basis is a basis of the original model (po_solve_warm can
 * start from it).
 *
 * Bound tightening from activity bounds, coefficient (big-M) tightening
 * and rounding of integer bounds change only MIPs: they write implied
 * bounds and coefficients into the reduced model, which changes the duals
 * of its LP relaxation (a column at an implied bound has a reduced cost the
 * original model does not have); MIP results carry no duals, and a MIP
 * solved with options.sensitivity is not presolved.
 *
 * Thread-safe: everything lives in the po__presolve object; never prints.
 */
#ifndef PO_PRESOLVE_H
#define PO_PRESOLVE_H

#include "procopt.h"
#include "result.h"

/* Kinds of steps (what postsolve undoes). */
enum {
    PO__PS_COL_FIX = 1, /* column j removed at value b[0] (fixed, empty,
                           or fixed at the best bound of an empty column) */
    PO__PS_ROW_DROP,    /* row i removed: empty, free or redundant */
    PO__PS_SINGLETON,   /* row i (one entry a on column j) became bounds
                           b[0], b[1] of column j; flags PO__PS_SET_LB/UB
                           say which ones it set */
    PO__PS_FORCING,     /* row i forced its columns to bounds: list slice
                           [first, first+count); flags PO__PS_AT_UPPER when
                           the row is at its upper bound (columns at their
                           minimum-activity bounds), else at its lower */
    PO__PS_DUP_ROW,     /* row j (= a * row i) merged into row i; flags
                           PO__PS_LB_FROM_J/UB_FROM_J say which bounds of
                           the merged row came from row j; b[0], b[1]: the
                           merged row's bounds then */
    PO__PS_DUP_COL,     /* column j (= a * column i, cost a * cost i)
                           merged into column i as x_i + a x_j; b[0..3]:
                           bounds of i and j before */
    PO__PS_COL_SINGLETON /* column j (coefficient a, cost b[1], bounds
                           b[2], b[3] then), in equation i (right-hand side
                           b[0] then) only, substituted out
                           (presolve_cols.c) */
};

#define PO__PS_SET_LB 1
#define PO__PS_SET_UB 2
#define PO__PS_AT_UPPER 1
#define PO__PS_LB_FROM_J 1
#define PO__PS_UB_FROM_J 2

typedef struct po__ps_step {
    int kind, flags;
    int i, j;
    double a;
    double b[4];
    long first, count;
} po__ps_step;

typedef struct po__presolve po__presolve;

struct po__presolve {
    const po_model *model; /* the original: must not change until postsolve */
    int reductions;        /* PO_REDUCE_* bits in use */
    int m, n;
    long ne;               /* nonzeros */
    int mip;               /* the model has integer columns */
    double sigma;          /* +1 minimize, -1 maximize */

    /* The matrix, numbered by columns: the entries of column j are
     * e = cbeg[j] .. cbeg[j+1]-1 (rows ascending), entry e is (erow[e],
     * ecol[e], eval[e]); the entries of row i are rent[rbeg[i] ..
     * rbeg[i+1]-1] (columns ascending).  eval changes only by MIP
     * coefficient tightening (postsolve takes row activities from the
     * model itself). */
    int *erow, *ecol;
    double *eval;
    int *rbeg, *rent, *cbeg;

    /* The current problem. */
    double *clb, *cub, *cost; /* cost in the model's sense: the model's,
                                 changed by substitutions (postsolve uses
                                 the model's own) */
    double *rlb, *rub;
    unsigned char *col_alive, *row_alive, *is_int;
    unsigned char *row_subst; /* a column was substituted out of the row:
                                 its coefficients must stay as they are */
    int *rlen, *clen;         /* entries among living columns / rows */
    double obj_const;         /* model constant + removed columns' costs */

    /* Work lists of rows and columns to look at again. */
    int *rq, *cq;
    int nrq, ncq;
    unsigned char *rin, *cin;

    /* Steps, in the order they were taken. */
    po__ps_step *steps;
    long nsteps, steps_cap;
    /* Forcing rows' columns: column, value, coefficient, 1 if fixed then. */
    int *lcol;
    double *lval, *lcoef;
    unsigned char *lfix;
    long nl, lcap;

    int nomem; /* an allocation failed: the run is void */

    /* What presolve proved. */
    int infeasible;    /* no feasible point */
    int unbounded_col; /* -1, or an empty column whose cost improves without
                          limit: the model is unbounded if it is feasible */
    char why[256];     /* the reason, for the log */

    /* Counts, for the log. */
    long n_rows_removed, n_cols_removed, n_bounds, n_coefs, n_sides;
    int rounds;

    /* The reduced model: index maps (-1: removed). */
    int *row_new, *col_new, *row_old, *col_old;
    int rm, rn;
    long rne;
};

/* 1 when every number and index of `model` is what the backend accepts
 * (else the backend solves the model itself and reports the error). */
int po__presolve_model_ok(const po_model *model);

/* Reduce `model` (which must pass po__presolve_model_ok) with the
 * PO_REDUCE_* bits of `reductions`.  On PO_OK, *out holds the presolve
 * (free with po__presolve_free); check ->infeasible first.  PO_ENOMEM
 * otherwise (nothing to free). */
po_status po__presolve_run(const po_model *model, int reductions,
                           po__presolve **out);
void po__presolve_free(po__presolve *ps);

/* 1 when presolve changed nothing at all (solve the model itself). */
int po__presolve_is_identity(const po__presolve *ps);

/* The reduced model (names, sense and kinds of the original; the
 * objective constant includes the removed columns).  NULL when out of
 * memory. */
po_model *po__presolve_build(const po__presolve *ps);

/* The result of the original model from `red`, the result of the reduced
 * one (outcome, counters and bound copied; time left to the caller).  On
 * PO_OK *out is new; PO_ENOMEM otherwise. */
po_status po__postsolve(const po__presolve *ps, const po_result *red,
                        po_result **out);

/* Internal to presolve*.c: the reductions, run by po__presolve_run. */

/* Tolerances, relative to max(1, |value|): bounds closer than PS_EPS are
 * equal; a violation beyond PS_FEAS proves infeasibility (GLPK's own
 * feasibility tolerance is 1e-7 on scaled values: presolve must not call
 * infeasible what the simplex method calls feasible). */
#define PO__PS_EPS 1e-9
#define PO__PS_FEAS 1e-6
double po__ps_tol(double rel, double value);

/* Activity bounds of a row over its living columns: lo (hi) is the sum of
 * the finite contributions, nlo (nhi) counts the infinite ones. */
typedef struct po__ps_act {
    double lo, hi;
    int nlo, nhi;
} po__ps_act;
void po__ps_activity(const po__presolve *ps, int i, po__ps_act *a);

void po__ps_push_row(po__presolve *ps, int i);
void po__ps_push_col(po__presolve *ps, int j);
int po__ps_add_step(po__presolve *ps, const po__ps_step *s);
void po__ps_drop_row(po__presolve *ps, int i);
void po__ps_remove_col(po__presolve *ps, int j, double value);
void po__ps_set_bounds(po__presolve *ps, int j, double lb, double ub);
int po__ps_infeasible(po__presolve *ps, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
int po__ps_row(po__presolve *ps, int i);
int po__ps_col(po__presolve *ps, int j);
int po__ps_dup_rows(po__presolve *ps);
int po__ps_dup_cols(po__presolve *ps);
int po__ps_mip_bounds(po__presolve *ps);
int po__ps_mip_coefs(po__presolve *ps);
double po__ps_int_lb(double lb, double tol);
double po__ps_int_ub(double ub, double tol);

#endif
