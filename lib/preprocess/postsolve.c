/*
 * postsolve.c -- from the reduced model's result back to the original
 * model: the steps of presolve undone in reverse order (the rules are in
 * presolve.h).
 *
 * Duals are handled in minimization terms (y = sigma * dual, sigma = -1
 * for a maximization), where a row at its lower bound has y >= 0 and a
 * column at its lower bound a reduced cost d >= 0; the result gets them
 * back in GLPK's signs.  During the walk, the reduced cost of a column is
 * c_j - sum_i a_ij y_i over the rows whose dual is known: rows removed
 * before the step being undone still count 0, and their own steps, undone
 * later, correct the reduced costs they touch.
 *
 * The basis: the reduced basis, then one basic variable per removed row
 * and none per removed column, as each rule says; which bound a non-basic
 * variable sits at is read from its final value against the original
 * bounds.  A basis that does not come out with exactly one basic variable
 * per row, or with a non-basic variable away from its bounds, is dropped
 * (the result then has none; that never happened on the netlib set).
 */
#include "presolve.h"

#include <math.h>
#include <stdlib.h>

#include "model.h"

enum { NONBASIC = 255 }; /* placeholder until the final pass */

typedef struct post {
    const po__presolve *ps;
    double *x, *y;        /* x: the result's values; y: min terms */
    double *c;            /* costs of the problem the step being undone
                             left (min terms): substitutions change them */
    unsigned char *rs, *cs; /* the result's basis arrays, or NULL */
    int dual, basis;
} post;

/* c_j - sum a_ij y_i in minimization terms, with c_j the cost in the
 * problem being undone to. */
static double redcost_at(const post *P, int j, double c)
{
    const po__presolve *ps = P->ps;
    double d = c;
    for (int e = ps->cbeg[j]; e < ps->cbeg[j + 1]; e++)
        d -= ps->eval[e] * P->y[ps->erow[e]];
    return d;
}

static double redcost(const post *P, int j)
{
    return redcost_at(P, j, P->c[j]);
}

static int near(double v, double b)
{
    return !isinf(b) && fabs(v - b) <= po__ps_tol(PO__PS_EPS, b);
}

static void undo_singleton(post *P, const po__ps_step *s)
{
    P->y[s->i] = 0;
    if (P->basis)
        P->rs[s->i] = PO_BASIS_BASIC;
    if (!P->dual && !P->basis)
        return;
    int j = s->j;
    double d = P->dual ? redcost(P, j) : 0;
    int nonbasic = P->basis ? P->cs[j] != PO_BASIS_BASIC : d != 0;
    if (!nonbasic)
        return;
    int at_l = near(P->x[j], s->b[0]), at_u = near(P->x[j], s->b[1]);
    int side = 0; /* 1: at the lower bound, 2: at the upper */
    if (at_l && at_u)
        side = d > 0                           ? 1
               : d < 0                         ? 2
               : (s->flags & PO__PS_SET_LB) ? 1
                                               : 2;
    else if (at_l)
        side = 1;
    else if (at_u)
        side = 2;
    if ((side == 1 && (s->flags & PO__PS_SET_LB)) ||
        (side == 2 && (s->flags & PO__PS_SET_UB))) {
        /* the row's bound is the active one: the row takes the reduced
         * cost, the column becomes basic */
        P->y[s->i] = d / s->a;
        if (P->basis) {
            P->cs[j] = PO_BASIS_BASIC;
            P->rs[s->i] = NONBASIC;
        }
    }
}

static void undo_forcing(post *P, const po__ps_step *s)
{
    const po__presolve *ps = P->ps;
    for (long q = s->first; q < s->first + s->count; q++) {
        P->x[ps->lcol[q]] = ps->lval[q];
        if (P->basis)
            P->cs[ps->lcol[q]] = NONBASIC;
    }
    P->y[s->i] = 0;
    if (P->basis)
        P->rs[s->i] = PO_BASIS_BASIC;
    if (!P->dual)
        return;
    /* at its lower bound the row needs y >= d_j / a_ij for every column
     * (y >= 0 besides), at its upper bound y <= d_j / a_ij (y <= 0) */
    int at_upper = (s->flags & PO__PS_AT_UPPER) != 0;
    double best = 0;
    long arg = -1;
    for (long q = s->first; q < s->first + s->count; q++) {
        if (ps->lfix[q])
            continue;
        double ratio = redcost(P, ps->lcol[q]) / ps->lcoef[q];
        if (at_upper ? ratio < best : ratio > best) {
            best = ratio;
            arg = q;
        }
    }
    if (arg >= 0) {
        P->y[s->i] = best;
        if (P->basis) {
            P->cs[ps->lcol[arg]] = PO_BASIS_BASIC;
            P->rs[s->i] = NONBASIC;
        }
    }
}

/* Activity of row i over the columns whose value is known now (those that
 * were living when the step was taken). */
static double partial_activity(const post *P, int i)
{
    const po__presolve *ps = P->ps;
    double act = 0;
    for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++) {
        int e = ps->rent[p];
        double v = P->x[ps->ecol[e]];
        if (!isnan(v))
            act += ps->eval[e] * v;
    }
    return act;
}

static void undo_dup_row(post *P, const po__ps_step *s)
{
    int i = s->i, k = s->j;
    P->y[k] = 0;
    if (P->basis)
        P->rs[k] = PO_BASIS_BASIC;
    if (!P->dual && !P->basis)
        return;
    double yi = P->dual ? P->y[i] : 0;
    int nonbasic = P->basis ? P->rs[i] != PO_BASIS_BASIC : yi != 0;
    if (!nonbasic)
        return;
    int side = yi > 0 ? 1 : yi < 0 ? 2 : 0;
    if (side == 0) {
        double act = partial_activity(P, i);
        side = near(act, s->b[0]) ? 1 : near(act, s->b[1]) ? 2 : 0;
    }
    if ((side == 1 && (s->flags & PO__PS_LB_FROM_J)) ||
        (side == 2 && (s->flags & PO__PS_UB_FROM_J))) {
        /* row k's bound is the active one: r_k = lambda r_i */
        P->y[k] = yi / s->a;
        P->y[i] = 0;
        if (P->basis) {
            P->rs[i] = PO_BASIS_BASIC;
            P->rs[k] = NONBASIC;
        }
    }
}

static double clamp(double v, double l, double u)
{
    return v < l ? l : v > u ? u : v;
}

/* x_j from its equation; the other columns (those living then: their
 * value is known) give back the cost they took, and the row's dual gets
 * it; x_j basic exactly when the (ranged) reduced row was, the equation
 * itself non-basic. */
static void undo_col_singleton(post *P, const po__ps_step *s)
{
    const po__presolve *ps = P->ps;
    int i = s->i, j = s->j;
    /* within x_j's bounds: the reduced row meets its range only within
     * the simplex method's tolerance, and the rounding error is better
     * left in the equation's activity (relative to its size) than in a
     * bound such as x_j >= 0 */
    P->x[j] = clamp((s->b[0] - partial_activity(P, i)) / s->a, s->b[2],
                    s->b[3]);
    double cj = ps->sigma * s->b[1];
    if (cj != 0)
        for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++) {
            int e = ps->rent[p], k = ps->ecol[e];
            if (k != j && !isnan(P->x[k]))
                P->c[k] += cj * ps->eval[e] / s->a;
        }
    if (P->dual)
        P->y[i] += cj / s->a;
    if (P->basis) {
        P->cs[j] = P->rs[i] == PO_BASIS_BASIC ? PO_BASIS_BASIC : NONBASIC;
        P->rs[i] = NONBASIC;
    }
}

static void undo_dup_col(post *P, const po__ps_step *s)
{
    int j = s->i, k = s->j;
    double lam = s->a, lj = s->b[0], uj = s->b[1], lk = s->b[2], uk = s->b[3];
    double xp = P->x[j];
    /* x_k at a bound (non-basic) and x_j = the rest, unless x_j leaves
     * its range: then x_j at that bound and x_k the rest.  When the merged
     * column sits at a bound, both end at theirs. */
    double xk = !isinf(lk) ? lk : !isinf(uk) ? uk : 0, xj = xp - lam * xk;
    if (xj < lj) {
        xj = lj;
        xk = (xp - lj) / lam;
    } else if (xj > uj) {
        xj = uj;
        xk = (xp - uj) / lam;
    }
    xk = clamp(xk, lk, uk);
    P->x[j] = xj;
    P->x[k] = xk;
    if (P->basis) {
        /* one basic variable for a basic merged column: the one inside its
         * range (x_j when both sit at bounds) */
        P->cs[k] = NONBASIC;
        if (P->cs[j] == PO_BASIS_BASIC && !(lj < xj && xj < uj) &&
            lk < xk && xk < uk) {
            P->cs[j] = NONBASIC;
            P->cs[k] = PO_BASIS_BASIC;
        }
    }
}

/* Which bound a non-basic variable with value v sits at (-1: none near
 * enough, which makes the basis unusable). */
static int nonbasic_kind(double v, double l, double u)
{
    if (l == u)
        return PO_BASIS_FIXED;
    if (isinf(l) && isinf(u))
        return PO_BASIS_FREE;
    double dl = isinf(l) ? INFINITY : fabs(v - l);
    double du = isinf(u) ? INFINITY : fabs(v - u);
    int lower = dl <= du;
    double b = lower ? l : u;
    if ((lower ? dl : du) > po__ps_tol(1e-6, b))
        return -1;
    return lower ? PO_BASIS_LOWER : PO_BASIS_UPPER;
}

static int finish_basis(post *P, po_result *r)
{
    const po_model *mod = P->ps->model;
    long basic = 0;
    for (int i = 0; i < r->nrows; i++) {
        if (P->rs[i] == PO_BASIS_BASIC) {
            basic++;
            continue;
        }
        int k = nonbasic_kind(r->activities[i], mod->row_lb[i],
                              mod->row_ub[i]);
        if (k < 0)
            return -1;
        P->rs[i] = (unsigned char)k;
    }
    for (int j = 0; j < r->ncols; j++) {
        if (P->cs[j] == PO_BASIS_BASIC) {
            basic++;
            continue;
        }
        int k = nonbasic_kind(P->x[j], mod->col_lb[j], mod->col_ub[j]);
        if (k < 0)
            return -1;
        P->cs[j] = (unsigned char)k;
    }
    return basic == r->nrows ? 0 : -1;
}

/* The outcome when presolve found a column that improves without limit:
 * unbounded if the rest is feasible. */
static po_outcome unbounded_outcome(const po_result *red)
{
    switch (red->outcome) {
    case PO_OUTCOME_OPTIMAL:
    case PO_OUTCOME_FEASIBLE:
    case PO_OUTCOME_UNBOUNDED:
        return PO_OUTCOME_UNBOUNDED;
    case PO_OUTCOME_INFEASIBLE:
    case PO_OUTCOME_INF_OR_UNBD:
        return red->outcome;
    default: /* limits, numerical trouble: a feasible point settles it */
        return red->values != NULL ? PO_OUTCOME_UNBOUNDED : red->outcome;
    }
}

po_status po__postsolve(const po__presolve *ps, const po_result *red,
                        po_result **out)
{
    *out = NULL;
    const po_model *mod = ps->model;
    int m = ps->m, n = ps->n;
    po_result *r = po__result_new(n, m);
    if (r == NULL)
        return PO_ENOMEM;
    r->is_mip = ps->mip;
    r->outcome = red->outcome;
    r->iterations = red->iterations;
    r->nodes = red->is_mip ? red->nodes : 0;
    r->best_bound = red->best_bound;
    r->gap = red->gap;
    if (ps->unbounded_col >= 0) {
        r->outcome = unbounded_outcome(red);
        r->best_bound = r->gap = NAN;
        *out = r;
        return PO_OK;
    }
    if (red->values == NULL) {
        *out = r;
        return PO_OK;
    }
    post P = {.ps = ps};
    P.dual = !ps->mip && red->duals != NULL && red->redcosts != NULL;
    P.basis = !ps->mip && red->row_stat != NULL && red->col_stat != NULL;
    if (po__result_alloc_primal(r) != 0 ||
        (P.dual && po__result_alloc_dual(r) != 0) ||
        (P.basis && po__result_alloc_basis(r) != 0) ||
        (P.y = calloc(m > 0 ? (size_t)m : 1, sizeof(double))) == NULL ||
        (P.c = malloc((n > 0 ? (size_t)n : 1) * sizeof(double))) == NULL) {
        free(P.y);
        po_result_free(r);
        return PO_ENOMEM;
    }
    for (int j = 0; j < n; j++)
        P.c[j] = ps->sigma * ps->cost[j];
    P.x = r->values;
    P.rs = r->row_stat;
    P.cs = r->col_stat;
    for (int j = 0; j < n; j++)
        P.x[j] = NAN;
    for (int k = 0; k < ps->rn; k++) {
        P.x[ps->col_old[k]] = red->values[k];
        if (P.basis)
            P.cs[ps->col_old[k]] = red->col_stat[k];
    }
    for (int k = 0; k < ps->rm; k++) {
        if (P.dual)
            P.y[ps->row_old[k]] = ps->sigma * red->duals[k];
        if (P.basis)
            P.rs[ps->row_old[k]] = red->row_stat[k];
    }

    for (long t = ps->nsteps - 1; t >= 0; t--) {
        const po__ps_step *s = &ps->steps[t];
        switch (s->kind) {
        case PO__PS_COL_FIX:
            P.x[s->j] = s->b[0];
            if (P.basis)
                P.cs[s->j] = NONBASIC;
            break;
        case PO__PS_ROW_DROP:
            P.y[s->i] = 0;
            if (P.basis)
                P.rs[s->i] = PO_BASIS_BASIC;
            break;
        case PO__PS_SINGLETON: undo_singleton(&P, s); break;
        case PO__PS_FORCING: undo_forcing(&P, s); break;
        case PO__PS_DUP_ROW: undo_dup_row(&P, s); break;
        case PO__PS_DUP_COL: undo_dup_col(&P, s); break;
        case PO__PS_COL_SINGLETON: undo_col_singleton(&P, s); break;
        default: break;
        }
    }

    int bad = 0;
    double obj = mod->obj_constant;
    for (int j = 0; j < n; j++) {
        if (!isfinite(P.x[j]))
            bad = 1;
        obj += mod->col_obj[j] * P.x[j];
    }
    if (bad) {
        /* a column no step gave a value: a presolve defect; the caller
         * solves without presolve */
        free(P.y);
        free(P.c);
        po_result_free(r);
        return PO_ESOLVER;
    }
    r->objective = obj;
    for (int i = 0; i < m; i++)
        r->activities[i] = 0;
    for (long k = 0; k < mod->nnz; k++)
        r->activities[mod->nz_row[k]] += mod->nz_val[k] * P.x[mod->nz_col[k]];
    if (P.dual) {
        for (int i = 0; i < m; i++)
            r->duals[i] = ps->sigma * P.y[i];
        for (int j = 0; j < n; j++)
            r->redcosts[j] =
                ps->sigma * redcost_at(&P, j, ps->sigma * mod->col_obj[j]);
    }
    if (P.basis && finish_basis(&P, r) != 0)
        po__result_drop_basis(r);
    if (ps->mip && !red->is_mip && red->outcome == PO_OUTCOME_OPTIMAL) {
        /* every integer column was removed: the LP left is the MIP */
        r->best_bound = obj;
        r->gap = 0;
    }
    free(P.y);
    free(P.c);
    *out = r;
    return PO_OK;
}
