/*
 * presolve_cols.c -- reductions of one column: empty columns (set at the
 * bound their cost prefers), fixed columns (removed, their part moved
 * into the row bounds and the objective constant), and continuous columns
 * of a single equation (substituted out).
 */
#include "presolve.h"

#include <math.h>

#include "model.h"

static int remove_at(po__presolve *ps, int j, double v)
{
    po__ps_step s = {.kind = PO__PS_COL_FIX, .i = -1, .j = j, .b = {v}};
    if (po__ps_add_step(ps, &s) != 0)
        return 0;
    po__ps_remove_col(ps, j, v);
    return 1;
}

/* An empty column only adds c_j x_j: in minimization terms a positive
 * cost wants the lower bound, a negative one the upper bound, no cost the
 * value nearest 0.  A missing preferred bound makes the model unbounded as
 * soon as it is feasible, which the reduced model's solve tells (the
 * column sits at a finite value meanwhile). */
static int empty_col(po__presolve *ps, int j)
{
    double c = ps->sigma * ps->cost[j], l = ps->clb[j], u = ps->cub[j];
    double v;
    if (ps->is_int[j]) {
        /* integral even when the bounds were not rounded */
        l = po__ps_int_lb(l, PO__PS_EPS);
        u = po__ps_int_ub(u, PO__PS_EPS);
        if (l > u)
            return po__ps_infeasible(ps,
                                     "integer variable \"%s\" has no "
                                     "integer value within its bounds",
                                     ps->model->col_name[j]);
    }
    if (c > 0 && !isinf(l))
        v = l;
    else if (c < 0 && !isinf(u))
        v = u;
    else {
        v = 0 < l ? l : 0 > u ? u : 0;
        if (c != 0 && ps->unbounded_col < 0)
            ps->unbounded_col = j;
    }
    return remove_at(ps, j, v);
}

/*
 * Column j (continuous) lives in equation i only: a_ij x_j + sum a_ik x_k
 * = b.  Then x_j = (b - sum a_ik x_k) / a_ij; its bounds [l, u] become the
 * range b - a_ij [u, l] of the rest of the row (a free x_j leaves a free
 * row, which goes), and its cost moves to the other columns: c_k -= c_j
 * a_ik / a_ij, constant += c_j b / a_ij.  One row and one column fewer at
 * the price of a ranged row.  Only when |a_ij| is at least 1e-3 of the
 * row's largest coefficient: the division must not blow up the costs.
 */
static int col_singleton(po__presolve *ps, int j)
{
    int e = -1;
    for (int q = ps->cbeg[j]; q < ps->cbeg[j + 1]; q++)
        if (ps->row_alive[ps->erow[q]]) {
            e = q;
            break;
        }
    if (e < 0)
        return 0;
    int i = ps->erow[e];
    double a = ps->eval[e], b = ps->rlb[i];
    if (ps->rub[i] != b || isinf(b))
        return 0;
    double amax = 0;
    for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++) {
        int f = ps->rent[p];
        if (ps->col_alive[ps->ecol[f]])
            amax = fmax(amax, fabs(ps->eval[f]));
    }
    if (fabs(a) < 1e-3 * amax)
        return 0;
    double c = ps->cost[j], l = ps->clb[j], u = ps->cub[j];
    po__ps_step s = {.kind = PO__PS_COL_SINGLETON,
                     .i = i,
                     .j = j,
                     .a = a,
                     .b = {b, c, ps->clb[j], ps->cub[j]}};
    if (po__ps_add_step(ps, &s) != 0)
        return 0;
    /* a * inf keeps the sign of infinity; b - a u is finite or infinite
     * but never NaN (l <= u, one of them may be infinite) */
    double lo = a > 0 ? b - a * u : b - a * l;
    double up = a > 0 ? b - a * l : b - a * u;
    if (c != 0) {
        for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++) {
            int f = ps->rent[p], k = ps->ecol[f];
            if (k == j || !ps->col_alive[k])
                continue;
            ps->cost[k] -= c * ps->eval[f] / a;
            po__ps_push_col(ps, k);
        }
        ps->obj_const += c * b / a;
    }
    ps->col_alive[j] = 0;
    ps->n_cols_removed++;
    ps->rlen[i]--;
    ps->rlb[i] = lo;
    ps->rub[i] = up;
    ps->row_subst[i] = 1;
    po__ps_push_row(ps, i);
    return 1;
}

int po__ps_col(po__presolve *ps, int j)
{
    int R = ps->reductions;
    if (ps->clen[j] == 0 && (R & PO_REDUCE_EMPTY))
        return empty_col(ps, j);
    if (ps->clb[j] == ps->cub[j] && (R & PO_REDUCE_FIXED)) {
        double v = ps->clb[j];
        if (ps->is_int[j] && po__ps_int_lb(v, PO__PS_EPS) !=
                                 po__ps_int_ub(v, PO__PS_EPS))
            return po__ps_infeasible(ps,
                                     "integer variable \"%s\" is fixed at "
                                     "%.12g",
                                     ps->model->col_name[j], v);
        if (ps->is_int[j])
            v = nearbyint(v);
        return remove_at(ps, j, v);
    }
    if (ps->clen[j] == 1 && !ps->is_int[j] && (R & PO_REDUCE_COL_SINGLETON))
        return col_singleton(ps, j);
    return 0;
}
