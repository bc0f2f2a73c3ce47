/*
 * process_flow.c -- the facility-location split of production, added to
 * optimized models whose on/off binaries feed demand.
 *
 * Why: with x <= M*on alone, the LP relaxation pays a setup in proportion
 * x/M, and M (a capacity, a max) is usually several periods of demand, so
 * the relaxation pays a fraction of each setup and GLPK's tree explodes.
 * What a generic solver cannot see, the process structure says: a unit
 * made in period u can only leave the process through sales (at most the
 * demand) or through bounded uses, in period u or later.  Split each
 * maker's output by the period k in which it leaves:
 *
 *     z[a,u,k] <= outmax[k] * on[a,u]            (fzl.A.u.k)
 *
 * and the relaxation must open a setup in proportion to each period's
 * share of demand it serves, not to M -- the facility-location (shortest
 * path) formulation of lot sizing (Krarup and Bilde 1977; Eppen and Martin
 * 1987), whose LP relaxation implies the (l,S) inequalities of Barany, Van
 * Roy and Wolsey (1984) and is exact for single-item uncapacitated lot
 * sizing.
 *
 * Product systems.  Items joined by transfers (activities with exactly one
 * non-capacity item in and one out, such as shipping or repacking) form one
 * system, each item weighted so that a transfer keeps the weighted quantity:
 * w[out] * rate_out = w[in] * rate_in.  Inside a system the weighted stock
 * S[k] = sum w[i] stock[i][k] obeys one balance (transfers cancel):
 *
 *     S[k] = S[k-1] + inflow[k] - outflow[k],   S >= 0,
 *
 * inflow = makers (activities whose weighted net output f > 0), buys,
 * initial stock; outflow = sales and consumers (f < 0).  Since S >= 0,
 * cumulative outflow never passes cumulative inflow, so the units leaving
 * in k can be assigned first-in first-out to units that entered in k or
 * before.  That assignment is what the new columns hold, for every
 * feasible plan -- so the rows below cut off no plan of the model: they
 * change the LP relaxation, never the optimum.
 *
 *   fzx.A.u:  f * x[a,u] = sum_{k=u}^{kend-1} z[a,u,k] + late[a,u]
 *   fzl.A.u.k: z[a,u,k] <= outmax[k] * on[a,u]  (only where outmax[k] < f*M)
 *   fo.S.k:   tracked outflow[k] <= sum_u z[.,u,k] + free[k]
 *   fb.S.k:   pool[k] = pool[k-1] + other inflow[k] + late entering in k
 *                       - free[k],   pool[-1] = initial weighted stock
 *
 * Makers with an on/off binary (fixed_cost, min_batch) get z columns for
 * the window k = u .. kend-1, where kend is the first period by which the
 * outflow the system can have since u reaches f*M: a setup cannot serve
 * more than that anyway, and the window keeps the size linear in the
 * horizon.  What such a maker makes for later periods (late) joins a pool
 * in period kend -- which is still no later than when it leaves -- with
 * the other inflows (buys, initial stock, makers without a binary), and
 * the pool serves outflow through free[k].  Units that never leave stay in
 * late or in the pool.
 *
 * Any subset of the outflows may be tracked: leaving some out only weakens
 * the rows.  Tracked are sales (at most demand) and consumers with a finite
 * proven bound; untracked are disposal and unbounded consumers.  outmax[k]
 * is the largest tracked outflow of period k.  Demands come from the
 * envelope when the scenario layer will rewrite them.
 *
 * Systems whose weights conflict (a cycle of transfers that does not keep
 * quantity) are left alone, as are systems where no row would be tighter
 * than x <= M*on.  A budget on the columns added keeps huge models from
 * doubling: systems beyond it are skipped.
 */
#include "process.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Columns the formulation may add: twice the model's columns, at least
 * this many. */
#define MIN_BUDGET 20000

/* Relative tolerance under which a weighted net flow counts as zero (a
 * transfer inside its own system). */
#define NET_TOL 1e-9

typedef struct fctx {
    const po__flowctx *f;
    const po_process *p;
    int T;
    int *sys;      /* per item: system id, -1 for capacity items */
    double *w;     /* per item: weight */
    int nsys;
    unsigned char *bad; /* per system: conflicting weights */
    /* scratch for rows */
    int *idx;
    double *val;
    size_t cap;
    po_status st;
} fctx;

/* ---- names ---- */

/* prefix.comp[.per[u]][.per[k]] (u, k < 0: left out); falls back to
 * period numbers behind prefix "n" when the names do not fit. */
static void fname(const fctx *c, char *buf, const char *prefix,
                  const char *comp, int u, int k)
{
    char *const *per = c->f->per;
    int n;
    if (per == NULL || u < 0)
        n = snprintf(buf, PO_NAME_MAX + 1, "%s.%s", prefix, comp);
    else if (k < 0)
        n = snprintf(buf, PO_NAME_MAX + 1, "%s.%s.%s", prefix, comp, per[u]);
    else
        n = snprintf(buf, PO_NAME_MAX + 1, "%s.%s.%s.%s", prefix, comp,
                     per[u], per[k]);
    if (n >= 0 && n <= PO_NAME_MAX)
        return;
    if (k < 0)
        snprintf(buf, PO_NAME_MAX + 1, "%sn.%s.%d", prefix, comp, u + 1);
    else
        snprintf(buf, PO_NAME_MAX + 1, "%sn.%s.%d.%d", prefix, comp, u + 1,
                 k + 1);
}

static int col(fctx *c, const char *prefix, const char *comp, int u, int k,
               double ub)
{
    char name[PO_NAME_MAX + 1];
    int j = -1;
    if (c->st)
        return -1;
    fname(c, name, prefix, comp, u, k);
    c->st = po_model_add_var(c->f->m, name, 0, ub, 0, PO_CONTINUOUS, &j);
    return c->st ? -1 : j;
}

static void row(fctx *c, const char *prefix, const char *comp, int u, int k,
                double lb, double ub, int n)
{
    char name[PO_NAME_MAX + 1];
    if (c->st)
        return;
    fname(c, name, prefix, comp, u, k);
    c->st = po_model_add_constr(c->f->m, name, lb, ub, n, c->idx, c->val,
                                NULL);
}

/* Room for n row entries. */
static int room(fctx *c, size_t n)
{
    if (n <= c->cap)
        return 0;
    size_t m = c->cap * 2 > n ? c->cap * 2 : n;
    int *i = realloc(c->idx, m * sizeof *i);
    if (i)
        c->idx = i;
    double *v = realloc(c->val, m * sizeof *v);
    if (v)
        c->val = v;
    if (!i || !v) {
        c->st = PO_ENOMEM;
        return -1;
    }
    c->cap = m;
    return 0;
}

/* ---- systems ---- */

/* The net entries of activity a on non-capacity items: out - in per item
 * (an item both used and made counts once).  n entries into it/nt. */
static int net_entries(const po_process *p, int a, int *it, double *nt,
                       int max)
{
    const po__activity *act = &p->acts[a];
    int n = 0;
    for (int k = 0; k < act->nin + act->nout; k++) {
        const po__rate *r = k < act->nin ? &act->in[k]
                                         : &act->out[k - act->nin];
        if (p->items[r->item].p[PO__I_CAPACITY].n > 0)
            continue;
        double v = k < act->nin ? -r->rate : r->rate;
        int e = 0;
        while (e < n && it[e] != r->item)
            e++;
        if (e == n) {
            if (n == max)
                return -1;
            it[n] = r->item;
            nt[n++] = 0;
        }
        nt[e] += v;
    }
    int o = 0;
    for (int e = 0; e < n; e++)
        if (nt[e] != 0) {
            it[o] = it[e];
            nt[o++] = nt[e];
        }
    return o;
}

/* Transfers, systems and weights (breadth first over transfer edges). */
static po_status systems(fctx *c)
{
    const po_process *p = c->p;
    int ni = p->nitems, na = p->nacts;
    /* transfer edges as an adjacency list over items */
    int *deg = calloc((size_t)ni + 1, sizeof *deg);
    int *from = malloc(((size_t)na + 1) * sizeof *from);
    int *to = malloc(((size_t)na + 1) * sizeof *to);
    double *ratio = malloc(((size_t)na + 1) * sizeof *ratio);
    c->sys = malloc(((size_t)ni + 1) * sizeof *c->sys);
    c->w = malloc(((size_t)ni + 1) * sizeof *c->w);
    c->bad = calloc((size_t)ni + 1, 1);
    int ne = 0;
    po_status st = deg && from && to && ratio && c->sys && c->w && c->bad
                       ? PO_OK
                       : PO_ENOMEM;
    for (int a = 0; a < na && !st; a++) {
        int it[3];
        double nt[3];
        int n = net_entries(p, a, it, nt, 3);
        if (n != 2 || (nt[0] > 0) == (nt[1] > 0))
            continue;
        int in = nt[0] < 0 ? 0 : 1;
        from[ne] = it[in];
        to[ne] = it[1 - in];
        ratio[ne] = -nt[in] / nt[1 - in]; /* w[to] = w[from] * ratio */
        deg[it[0]]++;
        deg[it[1]]++;
        ne++;
    }
    int *start = NULL, *adj = NULL, *queue = NULL;
    if (!st) {
        start = calloc((size_t)ni + 2, sizeof *start);
        adj = malloc(((size_t)2 * ne + 1) * sizeof *adj);
        queue = malloc(((size_t)ni + 1) * sizeof *queue);
        if (!start || !adj || !queue)
            st = PO_ENOMEM;
    }
    if (!st) {
        for (int i = 0; i < ni; i++)
            start[i + 1] = start[i] + deg[i];
        memset(deg, 0, (size_t)ni * sizeof *deg);
        for (int e = 0; e < ne; e++) {
            adj[start[from[e]] + deg[from[e]]++] = e;
            adj[start[to[e]] + deg[to[e]]++] = e;
        }
        for (int i = 0; i < ni; i++)
            c->sys[i] = -2; /* unvisited */
        for (int s0 = 0; s0 < ni; s0++) {
            if (c->sys[s0] != -2)
                continue;
            if (p->items[s0].p[PO__I_CAPACITY].n > 0) {
                c->sys[s0] = -1;
                continue;
            }
            int id = c->nsys++, qh = 0, qt = 0;
            c->sys[s0] = id;
            c->w[s0] = 1;
            queue[qt++] = s0;
            while (qh < qt) {
                int i = queue[qh++];
                for (int k = start[i]; k < start[i + 1]; k++) {
                    int e = adj[k];
                    int j = from[e] == i ? to[e] : from[e];
                    double wj = from[e] == i ? c->w[i] * ratio[e]
                                             : c->w[i] / ratio[e];
                    if (c->sys[j] == -2) {
                        c->sys[j] = id;
                        c->w[j] = wj;
                        queue[qt++] = j;
                    } else if (fabs(c->w[j] - wj) >
                               NET_TOL * fmax(fabs(wj), fabs(c->w[j]))) {
                        c->bad[id] = 1; /* transfers that do not keep
                                           quantity around a cycle */
                    }
                }
            }
        }
    }
    free(deg);
    free(from);
    free(to);
    free(ratio);
    free(start);
    free(adj);
    free(queue);
    return st;
}

/* Weighted net flow of activity a into system s (0 for transfers inside
 * it). */
static double net_flow(const fctx *c, int a, int s)
{
    const po_process *p = c->p;
    const po__activity *act = &p->acts[a];
    double f = 0, scale = 0;
    for (int k = 0; k < act->nin + act->nout; k++) {
        const po__rate *r = k < act->nin ? &act->in[k]
                                         : &act->out[k - act->nin];
        if (c->sys[r->item] != s)
            continue;
        double v = c->w[r->item] * r->rate;
        f += k < act->nin ? -v : v;
        scale += fabs(v);
    }
    return fabs(f) <= NET_TOL * scale ? 0 : f;
}

/* ---- one system ---- */

typedef struct sysdata {
    int s;
    int *items, nitems;
    int *acts, nacts; /* activities with a net flow */
    double *flow;     /* their f */
    double *outmax;   /* per period: the largest tracked outflow */
} sysdata;

static int is_switch_maker(const fctx *c, int a, double f)
{
    return f > 0 && !c->p->acts[a].binary;
}

/* The proven bound of a level, as the compiler uses it for M (a negative
 * bound -- an infeasible model -- counts as 0). */
static double M_of(const fctx *c, int a, int u)
{
    double M = c->f->ub[(size_t)a * (size_t)c->T + (size_t)u];
    return M > 0 ? M : 0;
}

/* The first period after u by which the tracked outflow since u reaches
 * f*M (T when it never does). */
static int window_end(const fctx *c, const sysdata *d, double f, double M,
                      int u)
{
    double acc = 0;
    for (int k = u; k < c->T; k++) {
        acc += d->outmax[k];
        if (acc >= f * M)
            return k + 1;
    }
    return c->T;
}

/* Columns this system adds, and whether any link row would be tighter than
 * x <= M*on. */
static size_t system_size(const fctx *c, const sysdata *d, int *useful)
{
    size_t n = 2 * (size_t)c->T; /* free, pool */
    *useful = 0;
    for (int e = 0; e < d->nacts; e++) {
        int a = d->acts[e];
        double f = d->flow[e];
        if (!is_switch_maker(c, a, f))
            continue;
        for (int u = 0; u < c->T; u++) {
            if (c->f->map->on[(size_t)a * c->T + u] < 0)
                continue;
            double M = M_of(c, a, u);
            int kend = window_end(c, d, f, M, u);
            n += (size_t)(kend - u) + 1;
            for (int k = u; k < kend; k++)
                if (d->outmax[k] < f * M * (1 - 1e-9))
                    *useful = 1;
        }
    }
    return n;
}

static const char *sys_name(const fctx *c, const sysdata *d)
{
    return c->f->item[d->items[0]];
}

static void emit(fctx *c, const sysdata *d)
{
    const po_process *p = c->p;
    const po__pmap *mp = c->f->map;
    int T = c->T;
    const char *sn = sys_name(c, d);
    /* per period: the z columns leaving then, and late columns entering the
     * pool then */
    int **zk = calloc((size_t)T, sizeof *zk);
    int *nz = calloc((size_t)T, sizeof *nz), *capz = calloc((size_t)T,
                                                            sizeof *capz);
    int **lk = calloc((size_t)T, sizeof *lk);
    int *nl = calloc((size_t)T, sizeof *nl), *capl = calloc((size_t)T,
                                                            sizeof *capl);
    int *zrow = malloc(((size_t)T + 1) * sizeof *zrow);
    if (!zk || !nz || !capz || !lk || !nl || !capl || !zrow)
        c->st = PO_ENOMEM;
    for (int e = 0; e < d->nacts && !c->st; e++) {
        int a = d->acts[e];
        double f = d->flow[e];
        if (!is_switch_maker(c, a, f))
            continue;
        for (int u = 0; u < T && !c->st; u++) {
            size_t au = (size_t)a * T + u;
            int on = mp->on[au];
            if (on < 0)
                continue;
            double M = M_of(c, a, u);
            int kend = window_end(c, d, f, M, u);
            for (int k = u; k < kend && !c->st; k++) {
                double zub = fmin(d->outmax[k], f * M);
                int z = col(c, "fz", c->f->act[a], u, k, zub);
                zrow[k - u] = z;
                if (z < 0)
                    break;
                if (nz[k] == capz[k]) {
                    int nc = capz[k] ? 2 * capz[k] : 8;
                    int *g = realloc(zk[k], (size_t)nc * sizeof *g);
                    if (g == NULL) {
                        c->st = PO_ENOMEM;
                        break;
                    }
                    zk[k] = g;
                    capz[k] = nc;
                }
                zk[k][nz[k]++] = z;
                if (d->outmax[k] < f * M * (1 - 1e-9)) {
                    c->idx[0] = z;
                    c->val[0] = 1;
                    c->idx[1] = on;
                    c->val[1] = -d->outmax[k];
                    row(c, "fzl", c->f->act[a], u, k, -INFINITY, 0, 2);
                }
            }
            int late = col(c, "fl", c->f->act[a], u, -1, INFINITY);
            if (c->st || room(c, (size_t)(kend - u) + 2))
                break;
            int n = 0;
            c->idx[n] = mp->x[au];
            c->val[n++] = f;
            for (int k = u; k < kend; k++) {
                c->idx[n] = zrow[k - u];
                c->val[n++] = -1;
            }
            c->idx[n] = late;
            c->val[n++] = -1;
            row(c, "fzx", c->f->act[a], u, -1, 0, 0, n);
            if (kend < T && !c->st) {
                if (nl[kend] == capl[kend]) {
                    int nc = capl[kend] ? 2 * capl[kend] : 8;
                    int *g = realloc(lk[kend], (size_t)nc * sizeof *g);
                    if (g == NULL) {
                        c->st = PO_ENOMEM;
                        break;
                    }
                    lk[kend] = g;
                    capl[kend] = nc;
                }
                lk[kend][nl[kend]++] = late;
            }
        }
    }
    /* outflow and pool rows per period */
    double initial = 0;
    for (int k = 0; k < d->nitems; k++) {
        int i = d->items[k];
        initial += c->w[i] * po__pv(&p->items[i].p[PO__I_INITIAL], 0, 0);
    }
    int prev_pool = -1;
    for (int k = 0; k < T && !c->st; k++) {
        int fr = col(c, "ff", sn, k, -1, INFINITY);
        int pool = col(c, "fp", sn, k, -1, INFINITY);
        if (c->st ||
            room(c, (size_t)nz[k] + (size_t)nl[k] + (size_t)d->nitems * 2 +
                        (size_t)d->nacts + 4))
            break;
        /* fo: tracked outflow - z - free <= 0 */
        int n = 0;
        for (int e = 0; e < d->nitems; e++) {
            int i = d->items[e];
            int sold = mp->sold[(size_t)i * T + k];
            if (sold >= 0) {
                c->idx[n] = sold;
                c->val[n++] = c->w[i];
            }
        }
        for (int e = 0; e < d->nacts; e++) {
            int a = d->acts[e];
            if (d->flow[e] < 0 && isfinite(M_of(c, a, k))) {
                c->idx[n] = mp->x[(size_t)a * T + k];
                c->val[n++] = -d->flow[e];
            }
        }
        for (int e = 0; e < nz[k]; e++) {
            c->idx[n] = zk[k][e];
            c->val[n++] = -1;
        }
        c->idx[n] = fr;
        c->val[n++] = -1;
        row(c, "fo", sn, k, -1, -INFINITY, 0, n);
        /* fb: pool - pool[k-1] + free - other inflow - late = initial|0 */
        n = 0;
        c->idx[n] = pool;
        c->val[n++] = 1;
        if (prev_pool >= 0) {
            c->idx[n] = prev_pool;
            c->val[n++] = -1;
        }
        c->idx[n] = fr;
        c->val[n++] = 1;
        for (int e = 0; e < d->nitems; e++) {
            int i = d->items[e];
            int buy = mp->buy[(size_t)i * T + k];
            if (buy >= 0) {
                c->idx[n] = buy;
                c->val[n++] = -c->w[i];
            }
        }
        for (int e = 0; e < d->nacts; e++) {
            int a = d->acts[e];
            size_t ak = (size_t)a * T + k;
            /* makers without a binary of their own in this period */
            if (d->flow[e] > 0 &&
                (!is_switch_maker(c, a, d->flow[e]) || mp->on[ak] < 0)) {
                c->idx[n] = mp->x[ak];
                c->val[n++] = -d->flow[e];
            }
        }
        for (int e = 0; e < nl[k]; e++) {
            c->idx[n] = lk[k][e];
            c->val[n++] = -1;
        }
        double rhs = k == 0 ? initial : 0;
        row(c, "fb", sn, k, -1, rhs, rhs, n);
        prev_pool = pool;
    }
    if (zk)
        for (int k = 0; k < T; k++)
            free(zk[k]);
    if (lk)
        for (int k = 0; k < T; k++)
            free(lk[k]);
    free(zk);
    free(nz);
    free(capz);
    free(lk);
    free(nl);
    free(capl);
    free(zrow);
}

static void sysdata_free(sysdata *d)
{
    free(d->items);
    free(d->acts);
    free(d->flow);
    free(d->outmax);
}

/* Visit the (activity, system, net flow) triples, each once: last[s] is
 * the last activity seen for system s.  all == NULL only counts, into
 * all_n[s]. */
static void visit_flows(fctx *c, sysdata *all, int *count, int *last)
{
    const po_process *p = c->p;
    for (int s = 0; s < c->nsys; s++)
        last[s] = -1;
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        for (int k = 0; k < act->nin + act->nout; k++) {
            const po__rate *r = k < act->nin ? &act->in[k]
                                             : &act->out[k - act->nin];
            int s = c->sys[r->item];
            if (s < 0 || last[s] == a)
                continue;
            last[s] = a;
            double f = net_flow(c, a, s);
            if (f == 0)
                continue;
            if (all == NULL) {
                count[s]++;
                continue;
            }
            sysdata *d = &all[s];
            d->acts[d->nacts] = a;
            d->flow[d->nacts++] = f;
        }
    }
}

/* Every system's items and activities with a net flow. */
static po_status gather(fctx *c, sysdata *all)
{
    const po_process *p = c->p;
    int ns = c->nsys;
    int *ni = calloc((size_t)ns + 1, sizeof *ni);
    int *na = calloc((size_t)ns + 1, sizeof *na);
    int *last = malloc(((size_t)ns + 1) * sizeof *last);
    po_status st = ni && na && last ? PO_OK : PO_ENOMEM;
    if (!st) {
        for (int i = 0; i < p->nitems; i++)
            if (c->sys[i] >= 0)
                ni[c->sys[i]]++;
        visit_flows(c, NULL, na, last);
    }
    for (int s = 0; s < ns && !st; s++) {
        sysdata *d = &all[s];
        d->s = s;
        d->items = malloc(((size_t)ni[s] + 1) * sizeof *d->items);
        d->acts = malloc(((size_t)na[s] + 1) * sizeof *d->acts);
        d->flow = malloc(((size_t)na[s] + 1) * sizeof *d->flow);
        d->outmax = calloc((size_t)c->T + 1, sizeof *d->outmax);
        if (!d->items || !d->acts || !d->flow || !d->outmax)
            st = PO_ENOMEM;
    }
    if (!st) {
        for (int i = 0; i < p->nitems; i++)
            if (c->sys[i] >= 0) {
                sysdata *d = &all[c->sys[i]];
                d->items[d->nitems++] = i;
            }
        visit_flows(c, all, NULL, last);
    }
    free(ni);
    free(na);
    free(last);
    return st;
}

/* Tracked outflow bounds: sales up to (the envelope's) demand, consumers
 * up to their proven bound. */
static void outmax(fctx *c, sysdata *d)
{
    const po_process *p = c->p;
    for (int k = 0; k < c->T; k++) {
        double o = 0;
        for (int e = 0; e < d->nitems; e++) {
            int i = d->items[e];
            if (p->items[i].p[PO__I_DEMAND].n > 0)
                o += c->w[i] * po__env_demand_hi(p, c->f->env, i, k);
        }
        for (int e = 0; e < d->nacts; e++)
            if (d->flow[e] < 0 && isfinite(M_of(c, d->acts[e], k)))
                o += -d->flow[e] * M_of(c, d->acts[e], k);
        d->outmax[k] = o;
    }
}

po_status po__flow_add(const po__flowctx *f)
{
    const po_process *p = f->p;
    fctx c;
    memset(&c, 0, sizeof c);
    c.f = f;
    c.p = p;
    c.T = p->nperiods;
    po_status st = systems(&c);
    sysdata *all = NULL;
    if (!st) {
        all = calloc((size_t)c.nsys + 1, sizeof *all);
        if (all == NULL)
            st = PO_ENOMEM;
    }
    if (!st)
        st = gather(&c, all);
    if (!st) {
        c.cap = 16;
        c.idx = malloc(c.cap * sizeof *c.idx);
        c.val = malloc(c.cap * sizeof *c.val);
        if (!c.idx || !c.val)
            st = PO_ENOMEM;
    }
    size_t ncols = (size_t)po_model_num_vars(f->m);
    size_t budget = 2 * ncols > MIN_BUDGET ? 2 * ncols : MIN_BUDGET, used = 0;
    for (int s = 0; s < c.nsys && !st; s++) {
        sysdata *d = &all[s];
        if (c.bad[s])
            continue;
        outmax(&c, d);
        int useful;
        size_t n = system_size(&c, d, &useful);
        if (!useful || used + n > budget)
            continue;
        used += n;
        emit(&c, d);
        st = c.st;
    }
    if (all)
        for (int s = 0; s < c.nsys; s++)
            sysdata_free(&all[s]);
    free(all);
    free(c.sys);
    free(c.w);
    free(c.bad);
    free(c.idx);
    free(c.val);
    return st;
}
