/*
 * presolve_mip.c -- reductions for MIPs only: bounds of integer columns
 * implied by the rows' activity bounds (rounded inward), and coefficient
 * tightening of 0/1 columns in one-sided rows, which turns a loose big-M
 * (x - M y <= 0 with x <= u < M) into the tightest one (x - u y <= 0).
 *
 * Continuous columns keep their bounds: a bound implied by the rows adds
 * nothing to the LP relaxation, and written into the model it made
 * GLPK's interior point method fail (GLP_EINSTAB) on the root LP of a
 * generated process MIP, whose 37792 tightened flow bounds then cost the
 * crossover 9796 simplex iterations instead of 28 (docs/benchmarks.md,
 * "MIP defaults"; on 12 MIPLIB 3 instances it changed nothing but noise).
 *
 * Both write into the reduced model what the original one implies, so the
 * LP relaxation gets tighter and branch-and-cut has less to do.  Neither
 * needs a postsolve step: the integer solutions are the same, and row
 * activities are recomputed from the model's own coefficients.  They are
 * not used for LPs, whose duals they would change (presolve.h).
 */
#include "presolve.h"

#include <math.h>

#include "model.h"

/* Bounds beyond this are not worth writing (they only add numerical
 * trouble). */
#define BIG 1e9
/* Integer bounds within this of an integer are that integer. */
#define INT_TOL 1e-6

/* Tighten integer column j to [nl, nu] rounded inward where that is
 * tighter; 1 when changed.  Continuous columns keep their bounds (see the
 * top of this file). */
static int tighten(po__presolve *ps, int j, double nl, double nu)
{
    if (!ps->is_int[j])
        return 0;
    double l = ps->clb[j], u = ps->cub[j];
    nl = po__ps_int_lb(nl, INT_TOL);
    nu = po__ps_int_ub(nu, INT_TOL);
    int tl = nl > l && fabs(nl) < BIG, tu = nu < u && fabs(nu) < BIG;
    if (!tl && !tu)
        return 0;
    if (tl)
        l = nl;
    if (tu)
        u = nu;
    if (l > u) {
        po__ps_infeasible(ps,
                          "the constraints leave variable \"%s\" no value: "
                          "[%.12g, %.12g]",
                          ps->model->col_name[j], l, u);
        return 0;
    }
    po__ps_set_bounds(ps, j, l, u);
    return 1;
}

/* Add (sign +1) or take out (-1) a column's part of activity bounds. */
static void contribution(po__ps_act *A, double a, double l, double u,
                         int sign)
{
    double lo_b = a > 0 ? l : u, hi_b = a > 0 ? u : l;
    if (isinf(lo_b))
        A->nlo += sign;
    else
        A->lo += sign * a * lo_b;
    if (isinf(hi_b))
        A->nhi += sign;
    else
        A->hi += sign * a * hi_b;
}

/* Bounds of every integer column of row i from the row's bounds and the
 * other columns' bounds. */
static int row_bounds(po__presolve *ps, int i)
{
    double L = ps->rlb[i], U = ps->rub[i];
    int changed = 0;
    po__ps_act A;
    po__ps_activity(ps, i, &A);
    if (A.nlo > 1 && A.nhi > 1)
        return 0;
    if (fabs(A.lo) > BIG || fabs(A.hi) > BIG)
        return 0; /* the differences below would lose their digits */
    for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1] && !ps->infeasible; p++) {
        int e = ps->rent[p], j = ps->ecol[e];
        if (!ps->col_alive[j] || !ps->is_int[j])
            continue;
        double a = ps->eval[e], l = ps->clb[j], u = ps->cub[j];
        double lo_b = a > 0 ? l : u, hi_b = a > 0 ? u : l;
        /* the activity of the other columns: smallest and largest */
        double rlo = NAN, rhi = NAN;
        if (isinf(lo_b)) {
            if (A.nlo == 1)
                rlo = A.lo;
        } else if (A.nlo == 0) {
            rlo = A.lo - a * lo_b;
        }
        if (isinf(hi_b)) {
            if (A.nhi == 1)
                rhi = A.hi;
        } else if (A.nhi == 0) {
            rhi = A.hi - a * hi_b;
        }
        double nl = -INFINITY, nu = INFINITY;
        /* a x_j <= U - rlo and a x_j >= L - rhi */
        if (!isinf(U) && !isnan(rlo)) {
            double t = (U - rlo) / a;
            if (a > 0)
                nu = t;
            else
                nl = t;
        }
        if (!isinf(L) && !isnan(rhi)) {
            double t = (L - rhi) / a;
            if (a > 0)
                nl = fmax(nl, t);
            else
                nu = fmin(nu, t);
        }
        if (tighten(ps, j, nl, nu)) {
            /* j's part of the activity bounds, old out and new in */
            changed++;
            contribution(&A, a, l, u, -1);
            contribution(&A, a, ps->clb[j], ps->cub[j], +1);
        }
    }
    return changed;
}

int po__ps_mip_bounds(po__presolve *ps)
{
    int changed = 0;
    for (int i = 0; i < ps->m && !ps->infeasible; i++)
        if (ps->row_alive[i] && ps->rlen[i] > 1 &&
            !(isinf(ps->rlb[i]) && isinf(ps->rub[i])))
            changed += row_bounds(ps, i);
    return changed;
}

/*
 * Row i written as s * (a x) <= b (s = +1 for an upper bound, -1 for a
 * lower one), M its largest activity.  For a 0/1 column x_j with
 * coefficient a_j (in that form):
 *  - a_j > 0, d = b - (M - a_j) > 0: with x_j = 0 the row cannot bind, so
 *    a_j and b both go down by d (same points with x_j = 1);
 *  - a_j < 0, d = b - (M + a_j) > 0: with x_j = 1 the row cannot bind, so
 *    a_j goes up by d.
 * (d >= |a_j| means the row is redundant: left to the forcing rules.)
 */
static int row_coefs(po__presolve *ps, int i)
{
    double L = ps->rlb[i], U = ps->rub[i];
    if (isinf(L) == isinf(U))
        return 0; /* equations, ranged and free rows */
    if (ps->row_subst[i])
        return 0; /* postsolve needs its coefficients to find x_j */
    double s = isinf(U) ? -1.0 : 1.0;
    double b = s > 0 ? U : -L;
    po__ps_act A;
    po__ps_activity(ps, i, &A);
    if (s > 0 ? A.nhi > 0 : A.nlo > 0)
        return 0;
    double M = s > 0 ? A.hi : -A.lo;
    if (fabs(M) > BIG || fabs(b) > BIG)
        return 0;
    int changed = 0;
    for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++) {
        int e = ps->rent[p], j = ps->ecol[e];
        if (!ps->col_alive[j] || !ps->is_int[j] || ps->clb[j] != 0 ||
            ps->cub[j] != 1)
            continue;
        double a = s * ps->eval[e];
        double tol = po__ps_tol(1e-7, fmax(fabs(a), fabs(b)));
        if (a > 0) {
            double d = b - (M - a);
            if (d > tol && a - d > tol) {
                ps->eval[e] = s * (a - d);
                b -= d;
                M -= d;
                changed++;
            }
        } else if (a < 0) {
            double d = b - (M + a);
            if (d > tol && -a - d > tol) {
                ps->eval[e] = s * (a + d);
                changed++;
            }
        }
    }
    if (changed) {
        if (s > 0)
            ps->rub[i] = b;
        else
            ps->rlb[i] = -b;
        ps->n_coefs += changed;
        po__ps_push_row(ps, i);
        for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++)
            po__ps_push_col(ps, ps->ecol[ps->rent[p]]);
    }
    return changed;
}

int po__ps_mip_coefs(po__presolve *ps)
{
    int changed = 0;
    for (int i = 0; i < ps->m; i++)
        if (ps->row_alive[i] && ps->rlen[i] > 1)
            changed += row_coefs(ps, i);
    return changed;
}
