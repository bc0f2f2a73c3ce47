/*
 * presolve_cols.c -- reductions of one column: empty columns (set at the
 * bound their cost prefers) and fixed columns (removed, their part moved
 * into the row bounds and the objective constant).
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
    return 0;
}
