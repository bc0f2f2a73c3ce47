/*
 * presolve.c -- the presolve object: the working copy of the model, the
 * primitives every reduction uses (drop a row, remove a column, change
 * bounds, record a step), the loop that runs the reductions until none
 * applies, and the reduced model handed to the backend.
 *
 * Rows and columns that a change may affect go on work lists, so a chain
 * of reductions (a fixed column makes a row a singleton, whose bound fixes
 * the next column, ...) costs the rows and columns it touches, not a pass
 * over the model each.  The duplicate and MIP reductions are passes over
 * the whole model, run between drained work lists for a few rounds.
 */
#include "presolve.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* Rounds of whole-model passes (duplicates, MIP bounds and coefficients);
 * each round after the first found little on the netlib and MIPLIB 3 sets
 * (see po__presolve_run). */
#define MAX_ROUNDS 8

double po__ps_tol(double rel, double value)
{
    double a = fabs(value);
    return rel * (a > 1.0 ? a : 1.0);
}

double po__ps_int_lb(double lb, double tol)
{
    if (isinf(lb))
        return lb;
    double r = nearbyint(lb);
    return fabs(lb - r) <= po__ps_tol(tol, lb) ? r : ceil(lb);
}

double po__ps_int_ub(double ub, double tol)
{
    if (isinf(ub))
        return ub;
    double r = nearbyint(ub);
    return fabs(ub - r) <= po__ps_tol(tol, ub) ? r : floor(ub);
}

static int finite_or(double v, int inf_sign)
{
    if (isnan(v))
        return 0;
    if (isinf(v))
        return inf_sign != 0 && (v > 0) == (inf_sign > 0);
    return 1;
}

int po__presolve_model_ok(const po_model *mod)
{
    if (mod == NULL || mod->nrows < 0 || mod->ncols < 0 || mod->nnz < 0 ||
        mod->nnz > PO__MAX_NNZ)
        return 0;
    if (!isfinite(mod->obj_constant) ||
        (mod->sense != PO_MINIMIZE && mod->sense != PO_MAXIMIZE))
        return 0;
    for (int j = 0; j < mod->ncols; j++) {
        double lb = mod->col_lb[j], ub = mod->col_ub[j];
        if (!finite_or(lb, -1) || !finite_or(ub, +1) || !(lb <= ub) ||
            !isfinite(mod->col_obj[j]) || mod->col_type[j] > PO_BINARY)
            return 0;
        if (mod->col_type[j] == PO_BINARY && (lb < 0 || ub > 1))
            return 0;
    }
    for (int i = 0; i < mod->nrows; i++) {
        double lb = mod->row_lb[i], ub = mod->row_ub[i];
        if (!finite_or(lb, -1) || !finite_or(ub, +1) || !(lb <= ub))
            return 0;
    }
    for (long k = 0; k < mod->nnz; k++) {
        int i = mod->nz_row[k], j = mod->nz_col[k];
        if (i < 0 || i >= mod->nrows || j < 0 || j >= mod->ncols ||
            !isfinite(mod->nz_val[k]))
            return 0;
    }
    return 1;
}

void po__presolve_free(po__presolve *ps)
{
    if (ps == NULL)
        return;
    free(ps->erow);
    free(ps->ecol);
    free(ps->eval);
    free(ps->rbeg);
    free(ps->rent);
    free(ps->cbeg);
    free(ps->clb);
    free(ps->cub);
    free(ps->cost);
    free(ps->rlb);
    free(ps->rub);
    free(ps->col_alive);
    free(ps->row_alive);
    free(ps->is_int);
    free(ps->row_subst);
    free(ps->rlen);
    free(ps->clen);
    free(ps->rq);
    free(ps->cq);
    free(ps->rin);
    free(ps->cin);
    free(ps->steps);
    free(ps->lcol);
    free(ps->lval);
    free(ps->lcoef);
    free(ps->lfix);
    free(ps->row_new);
    free(ps->col_new);
    free(ps->row_old);
    free(ps->col_old);
    free(ps);
}

/* malloc of n elements, at least one (so that empty models work). */
static void *alloc_n(size_t n, size_t size)
{
    return malloc((n > 0 ? n : 1) * size);
}

static void *calloc_n(size_t n, size_t size)
{
    return calloc(n > 0 ? n : 1, size);
}

/* The working copy: the matrix by columns (the model's column lists are
 * row-ascending) and by rows (filled column by column, so each row comes
 * out column-ascending). */
static int setup(po__presolve *ps, const po_model *mod)
{
    int m = mod->nrows, n = mod->ncols;
    size_t ne = 0;
    for (int j = 0; j < n; j++)
        for (int k = mod->col_head[j]; k >= 0; k = mod->nz_next_col[k])
            if (mod->nz_val[k] != 0)
                ne++;
    ps->m = m;
    ps->n = n;
    ps->ne = (long)ne;
    ps->erow = alloc_n(ne, sizeof(int));
    ps->ecol = alloc_n(ne, sizeof(int));
    ps->eval = alloc_n(ne, sizeof(double));
    ps->rent = alloc_n(ne, sizeof(int));
    ps->rbeg = calloc_n((size_t)m + 1, sizeof(int));
    ps->cbeg = alloc_n((size_t)n + 1, sizeof(int));
    ps->clb = alloc_n((size_t)n, sizeof(double));
    ps->cub = alloc_n((size_t)n, sizeof(double));
    ps->cost = alloc_n((size_t)n, sizeof(double));
    ps->rlb = alloc_n((size_t)m, sizeof(double));
    ps->rub = alloc_n((size_t)m, sizeof(double));
    ps->col_alive = alloc_n((size_t)n, 1);
    ps->row_alive = alloc_n((size_t)m, 1);
    ps->is_int = alloc_n((size_t)n, 1);
    ps->row_subst = calloc_n((size_t)m, 1);
    ps->rlen = calloc_n((size_t)m, sizeof(int));
    ps->clen = calloc_n((size_t)n, sizeof(int));
    ps->rq = alloc_n((size_t)m, sizeof(int));
    ps->cq = alloc_n((size_t)n, sizeof(int));
    ps->rin = calloc_n((size_t)m, 1);
    ps->cin = calloc_n((size_t)n, 1);
    if (!ps->erow || !ps->ecol || !ps->eval || !ps->rent || !ps->rbeg ||
        !ps->cbeg || !ps->clb || !ps->cub || !ps->cost || !ps->rlb ||
        !ps->rub || !ps->col_alive || !ps->row_alive || !ps->is_int ||
        !ps->row_subst || !ps->rlen || !ps->clen || !ps->rq || !ps->cq || !ps->rin || !ps->cin)
        return -1;

    int e = 0;
    for (int j = 0; j < n; j++) {
        ps->cbeg[j] = e;
        for (int k = mod->col_head[j]; k >= 0; k = mod->nz_next_col[k]) {
            if (mod->nz_val[k] == 0)
                continue;
            ps->erow[e] = mod->nz_row[k];
            ps->ecol[e] = j;
            ps->eval[e] = mod->nz_val[k];
            ps->rlen[mod->nz_row[k]]++;
            e++;
        }
        ps->clen[j] = e - ps->cbeg[j];
    }
    ps->cbeg[n] = e;
    for (int i = 0; i < m; i++)
        ps->rbeg[i + 1] = ps->rbeg[i] + ps->rlen[i];
    int *fill = alloc_n((size_t)m, sizeof(int));
    if (fill == NULL)
        return -1;
    memcpy(fill, ps->rbeg, (size_t)m * sizeof(int));
    for (e = 0; e < (int)ne; e++)
        ps->rent[fill[ps->erow[e]]++] = e;
    free(fill);

    ps->sigma = mod->sense == PO_MAXIMIZE ? -1.0 : 1.0;
    ps->obj_const = mod->obj_constant;
    for (int j = 0; j < n; j++) {
        ps->clb[j] = mod->col_lb[j];
        ps->cub[j] = mod->col_ub[j];
        ps->cost[j] = mod->col_obj[j];
        ps->col_alive[j] = 1;
        ps->is_int[j] = mod->col_type[j] != PO_CONTINUOUS;
        if (ps->is_int[j])
            ps->mip = 1;
    }
    for (int i = 0; i < m; i++) {
        ps->rlb[i] = mod->row_lb[i];
        ps->rub[i] = mod->row_ub[i];
        ps->row_alive[i] = 1;
    }
    ps->unbounded_col = -1;
    return 0;
}

/* ---- Primitives ---- */

void po__ps_push_row(po__presolve *ps, int i)
{
    if (!ps->rin[i] && ps->row_alive[i]) {
        ps->rin[i] = 1;
        ps->rq[ps->nrq++] = i;
    }
}

void po__ps_push_col(po__presolve *ps, int j)
{
    if (!ps->cin[j] && ps->col_alive[j]) {
        ps->cin[j] = 1;
        ps->cq[ps->ncq++] = j;
    }
}

int po__ps_add_step(po__presolve *ps, const po__ps_step *s)
{
    if (ps->nsteps == ps->steps_cap) {
        long cap = ps->steps_cap > 0 ? 2 * ps->steps_cap : 64;
        po__ps_step *p = realloc(ps->steps, (size_t)cap * sizeof *p);
        if (p == NULL) {
            ps->nomem = 1;
            return -1;
        }
        ps->steps = p;
        ps->steps_cap = cap;
    }
    ps->steps[ps->nsteps++] = *s;
    return 0;
}

void po__ps_drop_row(po__presolve *ps, int i)
{
    ps->row_alive[i] = 0;
    ps->n_rows_removed++;
    for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++) {
        int e = ps->rent[p], j = ps->ecol[e];
        if (ps->col_alive[j]) {
            ps->clen[j]--;
            po__ps_push_col(ps, j);
        }
    }
}

/* The column leaves the model at `value`: the rows keep its part of their
 * activity in their bounds, the objective in its constant. */
void po__ps_remove_col(po__presolve *ps, int j, double value)
{
    ps->col_alive[j] = 0;
    ps->n_cols_removed++;
    ps->obj_const += ps->cost[j] * value;
    for (int e = ps->cbeg[j]; e < ps->cbeg[j + 1]; e++) {
        int i = ps->erow[e];
        if (!ps->row_alive[i])
            continue;
        double d = ps->eval[e] * value;
        if (d != 0) {
            if (!isinf(ps->rlb[i]))
                ps->rlb[i] -= d;
            if (!isinf(ps->rub[i]))
                ps->rub[i] -= d;
        }
        ps->rlen[i]--;
        po__ps_push_row(ps, i);
    }
}

void po__ps_set_bounds(po__presolve *ps, int j, double lb, double ub)
{
    ps->clb[j] = lb;
    ps->cub[j] = ub;
    ps->n_bounds++;
    po__ps_push_col(ps, j);
    for (int e = ps->cbeg[j]; e < ps->cbeg[j + 1]; e++)
        po__ps_push_row(ps, ps->erow[e]);
}

int po__ps_infeasible(po__presolve *ps, const char *fmt, ...)
{
    if (!ps->infeasible) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(ps->why, sizeof ps->why, fmt, ap);
        va_end(ap);
        ps->infeasible = 1;
    }
    return 1;
}

void po__ps_activity(const po__presolve *ps, int i, po__ps_act *a)
{
    a->lo = a->hi = 0;
    a->nlo = a->nhi = 0;
    for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++) {
        int e = ps->rent[p], j = ps->ecol[e];
        if (!ps->col_alive[j])
            continue;
        double v = ps->eval[e], l = ps->clb[j], u = ps->cub[j];
        double lo_b = v > 0 ? l : u, hi_b = v > 0 ? u : l;
        if (isinf(lo_b))
            a->nlo++;
        else
            a->lo += v * lo_b;
        if (isinf(hi_b))
            a->nhi++;
        else
            a->hi += v * hi_b;
    }
}

/* ---- The loop ---- */

static void drain(po__presolve *ps)
{
    while (!ps->infeasible && !ps->nomem && (ps->nrq > 0 || ps->ncq > 0)) {
        if (ps->ncq > 0) {
            int j = ps->cq[--ps->ncq];
            ps->cin[j] = 0;
            if (ps->col_alive[j])
                po__ps_col(ps, j);
        } else {
            int i = ps->rq[--ps->nrq];
            ps->rin[i] = 0;
            if (ps->row_alive[i])
                po__ps_row(ps, i);
        }
    }
}

static long progress(const po__presolve *ps)
{
    return ps->n_rows_removed + ps->n_cols_removed + ps->n_bounds +
           ps->n_coefs + ps->n_sides;
}

static int stopped(const po__presolve *ps)
{
    return ps->infeasible || ps->nomem;
}

/* Integer bounds rounded to integers at the start (GLPK's branch-and-cut
 * needs them so anyway); the same tolerance as the backend's. */
static void round_int_bounds(po__presolve *ps)
{
    for (int j = 0; j < ps->n && !ps->infeasible; j++) {
        if (!ps->is_int[j])
            continue;
        double l = po__ps_int_lb(ps->clb[j], PO__PS_EPS);
        double u = po__ps_int_ub(ps->cub[j], PO__PS_EPS);
        if (l > u) {
            po__ps_infeasible(ps,
                              "integer variable \"%s\" has no integer value "
                              "within its bounds",
                              ps->model->col_name[j]);
            return;
        }
        if (l != ps->clb[j] || u != ps->cub[j]) {
            ps->clb[j] = l;
            ps->cub[j] = u;
            ps->n_bounds++;
        }
    }
}

static int build_maps(po__presolve *ps)
{
    ps->row_new = alloc_n((size_t)ps->m, sizeof(int));
    ps->col_new = alloc_n((size_t)ps->n, sizeof(int));
    ps->row_old = alloc_n((size_t)ps->m, sizeof(int));
    ps->col_old = alloc_n((size_t)ps->n, sizeof(int));
    if (!ps->row_new || !ps->col_new || !ps->row_old || !ps->col_old)
        return -1;
    ps->rm = ps->rn = 0;
    for (int j = 0; j < ps->n; j++) {
        ps->col_new[j] = ps->col_alive[j] ? ps->rn : -1;
        if (ps->col_alive[j])
            ps->col_old[ps->rn++] = j;
    }
    ps->rne = 0;
    for (int i = 0; i < ps->m; i++) {
        ps->row_new[i] = ps->row_alive[i] ? ps->rm : -1;
        if (ps->row_alive[i]) {
            ps->row_old[ps->rm++] = i;
            ps->rne += ps->rlen[i];
        }
    }
    return 0;
}

po_status po__presolve_run(const po_model *model, int reductions,
                           po__presolve **out)
{
    *out = NULL;
    po__presolve *ps = calloc(1, sizeof *ps);
    if (ps == NULL)
        return PO_ENOMEM;
    ps->model = model;
    ps->reductions = reductions;
    if (setup(ps, model) != 0) {
        po__presolve_free(ps);
        return PO_ENOMEM;
    }
    if (ps->mip && (reductions & PO_REDUCE_INT_ROUND))
        round_int_bounds(ps);
    for (int i = ps->m - 1; i >= 0; i--)
        po__ps_push_row(ps, i);
    for (int j = ps->n - 1; j >= 0; j--)
        po__ps_push_col(ps, j);
    for (int round = 0; round < MAX_ROUNDS && !stopped(ps); round++) {
        ps->rounds = round + 1;
        drain(ps);
        long before = progress(ps);
        if (!stopped(ps) && (reductions & PO_REDUCE_DUP_ROWS)) {
            po__ps_dup_rows(ps);
            drain(ps);
        }
        if (!stopped(ps) && (reductions & PO_REDUCE_DUP_COLS)) {
            po__ps_dup_cols(ps);
            drain(ps);
        }
        if (!stopped(ps) && ps->mip && (reductions & PO_REDUCE_BOUNDS)) {
            po__ps_mip_bounds(ps);
            drain(ps);
        }
        if (!stopped(ps) && ps->mip && (reductions & PO_REDUCE_COEFS)) {
            po__ps_mip_coefs(ps);
            drain(ps);
        }
        if (progress(ps) == before)
            break;
    }
    if (ps->nomem || build_maps(ps) != 0) {
        po__presolve_free(ps);
        return PO_ENOMEM;
    }
    *out = ps;
    return PO_OK;
}

int po__presolve_is_identity(const po__presolve *ps)
{
    return !ps->infeasible && ps->unbounded_col < 0 && ps->nsteps == 0 &&
           ps->n_bounds == 0 && ps->n_coefs == 0 && ps->n_sides == 0;
}

/* ---- The reduced model ---- */

po_model *po__presolve_build(const po__presolve *ps)
{
    const po_model *mod = ps->model;
    int rn = ps->rn, rm = ps->rm;
    size_t rne = (size_t)ps->rne;
    po_model *red = po_model_new();
    const char **cname = alloc_n((size_t)rn, sizeof(char *));
    const char **rname = alloc_n((size_t)rm, sizeof(char *));
    double *clb = alloc_n((size_t)rn, sizeof(double));
    double *cub = alloc_n((size_t)rn, sizeof(double));
    double *obj = alloc_n((size_t)rn, sizeof(double));
    po_vartype *type = alloc_n((size_t)rn, sizeof(po_vartype));
    double *rlb = alloc_n((size_t)rm, sizeof(double));
    double *rub = alloc_n((size_t)rm, sizeof(double));
    int *start = alloc_n((size_t)rm + 1, sizeof(int));
    int *ind = alloc_n(rne, sizeof(int));
    double *val = alloc_n(rne, sizeof(double));
    int ok = red && cname && rname && clb && cub && obj && type && rlb &&
             rub && start && ind && val;
    if (ok) {
        for (int k = 0; k < rn; k++) {
            int j = ps->col_old[k];
            cname[k] = mod->col_name[j];
            clb[k] = ps->clb[j];
            cub[k] = ps->cub[j];
            obj[k] = ps->cost[j];
            type[k] = (po_vartype)mod->col_type[j];
        }
        int p = 0;
        for (int k = 0; k < rm; k++) {
            int i = ps->row_old[k];
            rname[k] = mod->row_name[i];
            rlb[k] = ps->rlb[i];
            rub[k] = ps->rub[i];
            start[k] = p;
            for (int q = ps->rbeg[i]; q < ps->rbeg[i + 1]; q++) {
                int e = ps->rent[q], j = ps->ecol[e];
                if (!ps->col_alive[j])
                    continue;
                ind[p] = ps->col_new[j];
                val[p] = ps->eval[e];
                p++;
            }
        }
        start[rm] = p;
        ok = po_model_set_sense(red, mod->sense) == PO_OK &&
             po_model_set_obj_constant(red, ps->obj_const) == PO_OK &&
             po_model_add_vars(red, rn, cname, clb, cub, obj, type, NULL,
                               NULL, NULL) == PO_OK &&
             po_model_add_constrs(red, rm, rname, rlb, rub, start, ind,
                                  val) == PO_OK;
    }
    free(cname);
    free(rname);
    free(clb);
    free(cub);
    free(obj);
    free(type);
    free(rlb);
    free(rub);
    free(start);
    free(ind);
    free(val);
    if (!ok) {
        po_model_free(red);
        return NULL;
    }
    return red;
}
