/*
 * presolve_rows.c -- reductions of one row: empty and free rows, singleton
 * rows (to bounds of their column), forcing and redundant rows from the
 * row's activity bounds.  The postsolve rule of each is in presolve.h.
 */
#include "presolve.h"

#include <math.h>
#include <stdlib.h>

#include "model.h"

static const char *row_name(const po__presolve *ps, int i)
{
    return ps->model->row_name[i];
}

static int drop(po__presolve *ps, int i)
{
    po__ps_step s = {.kind = PO__PS_ROW_DROP, .i = i, .j = -1};
    if (po__ps_add_step(ps, &s) != 0)
        return 0;
    po__ps_drop_row(ps, i);
    return 1;
}

static int empty_row(po__presolve *ps, int i)
{
    double L = ps->rlb[i], U = ps->rub[i];
    if (L > po__ps_tol(PO__PS_FEAS, L) || U < -po__ps_tol(PO__PS_FEAS, U))
        return po__ps_infeasible(ps,
                                 "constraint \"%s\" has no variables left "
                                 "and needs %.12g <= 0 <= %.12g",
                                 row_name(ps, i), L, U);
    return drop(ps, i);
}

/* Row i has one living entry: it is a bound of that column. */
static int singleton(po__presolve *ps, int i)
{
    int e = -1;
    for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++)
        if (ps->col_alive[ps->ecol[ps->rent[p]]]) {
            e = ps->rent[p];
            break;
        }
    if (e < 0)
        return 0;
    int j = ps->ecol[e];
    double a = ps->eval[e], L = ps->rlb[i], U = ps->rub[i];
    /* inf / a keeps the right sign of infinity */
    double il = a > 0 ? L / a : U / a, iu = a > 0 ? U / a : L / a;
    if (ps->is_int[j] && (ps->reductions & PO_REDUCE_INT_ROUND)) {
        il = po__ps_int_lb(il, PO__PS_EPS);
        iu = po__ps_int_ub(iu, PO__PS_EPS);
    }
    double l = ps->clb[j], u = ps->cub[j];
    int flags = 0;
    if (il > l) {
        l = il;
        flags |= PO__PS_SET_LB;
    }
    if (iu < u) {
        u = iu;
        flags |= PO__PS_SET_UB;
    }
    if (l > u) {
        if (l - u > po__ps_tol(PO__PS_FEAS, fmax(fabs(l), fabs(u))))
            return po__ps_infeasible(ps,
                                     "constraint \"%s\" bounds variable "
                                     "\"%s\" to [%.12g, %.12g] and its "
                                     "bounds allow [%.12g, %.12g]",
                                     row_name(ps, i),
                                     ps->model->col_name[j], il, iu,
                                     ps->clb[j], ps->cub[j]);
        /* crossing by rounding only: the bound the row did not set
         * stands */
        if (flags == PO__PS_SET_LB)
            l = u;
        else if (flags == PO__PS_SET_UB)
            u = l;
        else
            l = u = 0.5 * (l + u);
    }
    po__ps_step s = {.kind = PO__PS_SINGLETON,
                     .flags = flags,
                     .i = i,
                     .j = j,
                     .a = a,
                     .b = {l, u, 0, 0}};
    if (po__ps_add_step(ps, &s) != 0)
        return 0;
    po__ps_drop_row(ps, i);
    if (flags != 0)
        po__ps_set_bounds(ps, j, l, u);
    return 1;
}

/* Every living column of row i goes to the bound that gives the row its
 * smallest activity (at_upper: the row can just reach its upper bound) or
 * its largest (the row can just reach its lower bound). */
static int force(po__presolve *ps, int i, int at_upper)
{
    long need = ps->nl + ps->rlen[i];
    if (need > ps->lcap) {
        long cap = ps->lcap > 0 ? ps->lcap : 64;
        while (cap < need)
            cap *= 2;
        int *c = realloc(ps->lcol, (size_t)cap * sizeof(int));
        if (c != NULL)
            ps->lcol = c;
        double *v = realloc(ps->lval, (size_t)cap * sizeof(double));
        if (v != NULL)
            ps->lval = v;
        double *a = realloc(ps->lcoef, (size_t)cap * sizeof(double));
        if (a != NULL)
            ps->lcoef = a;
        unsigned char *f = realloc(ps->lfix, (size_t)cap);
        if (f != NULL)
            ps->lfix = f;
        if (c == NULL || v == NULL || a == NULL || f == NULL) {
            ps->nomem = 1;
            return 0;
        }
        ps->lcap = cap;
    }
    po__ps_step s = {.kind = PO__PS_FORCING,
                     .flags = at_upper ? PO__PS_AT_UPPER : 0,
                     .i = i,
                     .j = -1,
                     .first = ps->nl};
    long k = ps->nl;
    for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++) {
        int e = ps->rent[p], j = ps->ecol[e];
        if (!ps->col_alive[j])
            continue;
        double a = ps->eval[e];
        int lower = (a > 0) == (at_upper != 0);
        ps->lcol[k] = j;
        ps->lval[k] = lower ? ps->clb[j] : ps->cub[j];
        ps->lcoef[k] = a;
        ps->lfix[k] = ps->clb[j] == ps->cub[j];
        k++;
    }
    s.count = k - ps->nl;
    if (po__ps_add_step(ps, &s) != 0)
        return 0;
    ps->nl = k;
    po__ps_drop_row(ps, i);
    for (long q = s.first; q < k; q++)
        po__ps_remove_col(ps, ps->lcol[q], ps->lval[q]);
    return 1;
}

/* Forcing, redundant (whole or one side) or infeasible, from the row's
 * activity bounds over the columns' current bounds. */
static int activity_rules(po__presolve *ps, int i)
{
    double L = ps->rlb[i], U = ps->rub[i];
    po__ps_act A;
    po__ps_activity(ps, i, &A);
    if ((A.nlo == 0 && A.lo > U + po__ps_tol(PO__PS_FEAS, U)) ||
        (A.nhi == 0 && A.hi < L - po__ps_tol(PO__PS_FEAS, L)))
        return po__ps_infeasible(ps,
                                 "constraint \"%s\" needs an activity in "
                                 "[%.12g, %.12g] and its variables' bounds "
                                 "allow [%.12g, %.12g]",
                                 row_name(ps, i), L, U,
                                 A.nlo ? -INFINITY : A.lo,
                                 A.nhi ? INFINITY : A.hi);
    if (!isinf(U) && A.nlo == 0 && A.lo >= U - po__ps_tol(PO__PS_EPS, U))
        return force(ps, i, 1);
    if (!isinf(L) && A.nhi == 0 && A.hi <= L + po__ps_tol(PO__PS_EPS, L))
        return force(ps, i, 0);
    int lo_red = isinf(L) || (A.nlo == 0 && A.lo >= L - po__ps_tol(PO__PS_EPS, L));
    int up_red = isinf(U) || (A.nhi == 0 && A.hi <= U + po__ps_tol(PO__PS_EPS, U));
    if (lo_red && up_red)
        return drop(ps, i);
    /* one side that can never bind goes: fewer ranged rows for GLPK; the
     * side left has the only dual sign the row can have anyway */
    int changed = 0;
    if (lo_red && !isinf(L)) {
        ps->rlb[i] = -INFINITY;
        ps->n_sides++;
        changed = 1;
    }
    if (up_red && !isinf(U)) {
        ps->rub[i] = INFINITY;
        ps->n_sides++;
        changed = 1;
    }
    return changed;
}

int po__ps_row(po__presolve *ps, int i)
{
    int R = ps->reductions;
    if (ps->rlen[i] == 0)
        return (R & PO_REDUCE_EMPTY) ? empty_row(ps, i) : 0;
    if (isinf(ps->rlb[i]) && isinf(ps->rub[i]))
        return (R & PO_REDUCE_FORCING) ? drop(ps, i) : 0;
    if (ps->rlen[i] == 1 && (R & PO_REDUCE_SINGLETON))
        return singleton(ps, i);
    if (R & PO_REDUCE_FORCING)
        return activity_rules(ps, i);
    return 0;
}
