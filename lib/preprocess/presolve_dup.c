/*
 * presolve_dup.c -- duplicate rows (a_k = lambda a_i over the living
 * columns) and duplicate columns (a_k = lambda a_j over the living rows,
 * c_k = lambda c_j, both continuous).
 *
 * Candidates are found by hashing each row's (column's) pattern with its
 * values divided by its first value, rounded to single precision (so
 * that ratios equal up to rounding fall together nearly always; a missed
 * pair is only a reduction not made); rows with the same hash are then
 * compared exactly, within a relative 1e-12 (find_dups).
 */
#include "presolve.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

/* Ratios equal within this (relative) make duplicates. */
#define DUP_TOL 1e-12
/* Each row (column) is compared with at most this many earlier ones of
 * the same hash: bounds the work when many share a pattern by chance. */
#define DUP_TRIES 8

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    return h * 0xff51afd7ed558ccdULL;
}

static uint64_t quant(double r)
{
    float f = (float)r;
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

static int same_ratio(double r, double lambda)
{
    return fabs(r - lambda) <= DUP_TOL * fmax(fabs(r), fabs(lambda));
}

/* ---- Rows ---- */

static uint64_t row_hash(const po__presolve *ps, int i)
{
    uint64_t h = 0x12345;
    double v0 = 0;
    for (int p = ps->rbeg[i]; p < ps->rbeg[i + 1]; p++) {
        int e = ps->rent[p], j = ps->ecol[e];
        if (!ps->col_alive[j])
            continue;
        if (v0 == 0)
            v0 = ps->eval[e];
        h = mix(h, (uint64_t)j);
        h = mix(h, quant(ps->eval[e] / v0));
    }
    return h;
}

/* 1 when row k = *lambda * row i over the living columns (both walk their
 * entries in column order). */
static int rows_equal(const po__presolve *ps, int i, int k, double *lambda)
{
    if (ps->rlen[i] != ps->rlen[k])
        return 0;
    int p = ps->rbeg[i], q = ps->rbeg[k];
    int pe = ps->rbeg[i + 1], qe = ps->rbeg[k + 1];
    double lam = 0;
    for (;;) {
        while (p < pe && !ps->col_alive[ps->ecol[ps->rent[p]]])
            p++;
        while (q < qe && !ps->col_alive[ps->ecol[ps->rent[q]]])
            q++;
        if (p == pe || q == qe)
            return p == pe && q == qe && lam != 0 ? (*lambda = lam, 1) : 0;
        int a = ps->rent[p], b = ps->rent[q];
        if (ps->ecol[a] != ps->ecol[b])
            return 0;
        double r = ps->eval[b] / ps->eval[a];
        if (lam == 0)
            lam = r;
        else if (!same_ratio(r, lam))
            return 0;
        p++;
        q++;
    }
}

/* Row k = lambda * row i: row i keeps the intersection of both ranges. */
static int merge_rows(po__presolve *ps, int i, int k, double lambda)
{
    double Lk = ps->rlb[k], Uk = ps->rub[k];
    double lo_k = lambda > 0 ? Lk / lambda : Uk / lambda;
    double up_k = lambda > 0 ? Uk / lambda : Lk / lambda;
    double lo = ps->rlb[i], up = ps->rub[i];
    int flags = 0;
    if (lo_k > lo) {
        lo = lo_k;
        flags |= PO__PS_LB_FROM_J;
    }
    if (up_k < up) {
        up = up_k;
        flags |= PO__PS_UB_FROM_J;
    }
    if (lo > up) {
        if (lo - up > po__ps_tol(PO__PS_FEAS, fmax(fabs(lo), fabs(up))))
            return po__ps_infeasible(ps,
                                     "constraints \"%s\" and \"%s\" are "
                                     "proportional and their ranges do not "
                                     "meet",
                                     ps->model->row_name[i],
                                     ps->model->row_name[k]);
        if (flags == PO__PS_LB_FROM_J)
            lo = up;
        else if (flags == PO__PS_UB_FROM_J)
            up = lo;
        else
            lo = up = 0.5 * (lo + up);
    }
    po__ps_step s = {.kind = PO__PS_DUP_ROW,
                     .flags = flags,
                     .i = i,
                     .j = k,
                     .a = lambda,
                     .b = {lo, up, 0, 0}};
    if (po__ps_add_step(ps, &s) != 0)
        return 0;
    ps->rlb[i] = lo;
    ps->rub[i] = up;
    po__ps_drop_row(ps, k);
    po__ps_push_row(ps, i);
    return 1;
}

/* Candidates meet in a hash table (open addressing, one chain of keys per
 * distinct hash): each key is compared with up to DUP_TRIES living earlier
 * ones of its chain, and merged into the first equal one (so the row or
 * column kept is the one with the smaller index).  same(a, b, &lambda),
 * merge(a, b, lambda).  Linear in the number of keys (a sort was 30 % of
 * the time of presolve on a 365k-column process LP). */
static int find_dups(po__presolve *ps, int nk, const int *id,
                     const uint64_t *h,
                     int (*same)(const po__presolve *, int, int, double *),
                     int (*merge)(po__presolve *, int, int, double),
                     const unsigned char *alive)
{
    size_t cap = 16;
    while (cap < 2 * (size_t)nk)
        cap *= 2;
    int *slot = malloc(cap * sizeof(int));
    int *next = malloc((size_t)(nk > 0 ? nk : 1) * sizeof(int));
    if (slot == NULL || next == NULL) {
        free(slot);
        free(next);
        ps->nomem = 1;
        return 0;
    }
    for (size_t s = 0; s < cap; s++)
        slot[s] = -1;
    int found = 0;
    for (int b = 0; b < nk && !ps->infeasible && !ps->nomem; b++) {
        size_t s = (size_t)h[b] & (cap - 1);
        while (slot[s] >= 0 && h[slot[s]] != h[b])
            s = (s + 1) & (cap - 1);
        int merged = 0, tries = 0;
        for (int a = slot[s]; a >= 0 && tries < DUP_TRIES; a = next[a]) {
            if (!alive[id[a]])
                continue;
            tries++;
            double lambda;
            if (same(ps, id[a], id[b], &lambda)) {
                found += merge(ps, id[a], id[b], lambda);
                merged = 1;
                break;
            }
        }
        if (!merged) {
            next[b] = slot[s];
            slot[s] = b;
        }
    }
    free(slot);
    free(next);
    return found;
}

int po__ps_dup_rows(po__presolve *ps)
{
    size_t cnt = (size_t)(ps->m > 0 ? ps->m : 1);
    int *id = malloc(cnt * sizeof(int));
    uint64_t *h = malloc(cnt * sizeof(uint64_t));
    if (id == NULL || h == NULL) {
        free(id);
        free(h);
        ps->nomem = 1;
        return 0;
    }
    int nk = 0;
    for (int i = 0; i < ps->m; i++)
        if (ps->row_alive[i] && ps->rlen[i] > 0) {
            h[nk] = row_hash(ps, i);
            id[nk++] = i;
        }
    int found = find_dups(ps, nk, id, h, rows_equal, merge_rows,
                          ps->row_alive);
    free(id);
    free(h);
    return found;
}

/* ---- Columns ---- */

static int first_live(const po__presolve *ps, int j)
{
    for (int e = ps->cbeg[j]; e < ps->cbeg[j + 1]; e++)
        if (ps->row_alive[ps->erow[e]])
            return e;
    return -1;
}

static uint64_t col_hash(const po__presolve *ps, int j)
{
    uint64_t h = 0x54321;
    int e0 = first_live(ps, j);
    double v0 = ps->eval[e0];
    h = mix(h, quant(ps->cost[j] / v0));
    for (int e = e0; e < ps->cbeg[j + 1]; e++) {
        int i = ps->erow[e];
        if (!ps->row_alive[i])
            continue;
        h = mix(h, (uint64_t)i);
        h = mix(h, quant(ps->eval[e] / v0));
    }
    return h;
}

static int cols_equal(const po__presolve *ps, int j, int k, double *lambda)
{
    if (ps->clen[j] != ps->clen[k])
        return 0;
    int p = ps->cbeg[j], q = ps->cbeg[k];
    int pe = ps->cbeg[j + 1], qe = ps->cbeg[k + 1];
    double lam = 0;
    for (;;) {
        while (p < pe && !ps->row_alive[ps->erow[p]])
            p++;
        while (q < qe && !ps->row_alive[ps->erow[q]])
            q++;
        if (p == pe || q == qe)
            break;
        if (ps->erow[p] != ps->erow[q])
            return 0;
        double r = ps->eval[q] / ps->eval[p];
        if (lam == 0)
            lam = r;
        else if (!same_ratio(r, lam))
            return 0;
        p++;
        q++;
    }
    if (p != pe || q != qe || lam == 0)
        return 0;
    double cj = ps->cost[j], ck = ps->cost[k];
    if (cj == 0 && ck == 0) {
        *lambda = lam;
        return 1;
    }
    if (cj == 0 || !same_ratio(ck / cj, lam))
        return 0;
    *lambda = lam;
    return 1;
}

/* Column k = lambda * column j: x_j + lambda x_k becomes column j. */
static int merge_cols(po__presolve *ps, int j, int k, double lambda)
{
    double lj = ps->clb[j], uj = ps->cub[j], lk = ps->clb[k],
           uk = ps->cub[k];
    double lo = lj + (lambda > 0 ? lambda * lk : lambda * uk);
    double up = uj + (lambda > 0 ? lambda * uk : lambda * lk);
    po__ps_step s = {.kind = PO__PS_DUP_COL,
                     .i = j,
                     .j = k,
                     .a = lambda,
                     .b = {lj, uj, lk, uk}};
    if (po__ps_add_step(ps, &s) != 0)
        return 0;
    ps->col_alive[k] = 0;
    ps->n_cols_removed++;
    for (int e = ps->cbeg[k]; e < ps->cbeg[k + 1]; e++) {
        int i = ps->erow[e];
        if (ps->row_alive[i]) {
            ps->rlen[i]--;
            po__ps_push_row(ps, i);
        }
    }
    po__ps_set_bounds(ps, j, lo, up);
    return 1;
}

int po__ps_dup_cols(po__presolve *ps)
{
    size_t cnt = (size_t)(ps->n > 0 ? ps->n : 1);
    int *id = malloc(cnt * sizeof(int));
    uint64_t *h = malloc(cnt * sizeof(uint64_t));
    if (id == NULL || h == NULL) {
        free(id);
        free(h);
        ps->nomem = 1;
        return 0;
    }
    int nk = 0;
    for (int j = 0; j < ps->n; j++)
        if (ps->col_alive[j] && !ps->is_int[j] && ps->clen[j] > 0) {
            h[nk] = col_hash(ps, j);
            id[nk++] = j;
        }
    int found = find_dups(ps, nk, id, h, cols_equal, merge_cols,
                          ps->col_alive);
    free(id);
    free(h);
    return found;
}
