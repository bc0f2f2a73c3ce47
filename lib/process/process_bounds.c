/*
 * process_bounds.c -- provable upper bounds on activity levels, for the M
 * of on/off binaries (x <= M * on).  GLPK's branch-and-cut lives or dies by
 * M: the LP relaxation of x <= M * on is on >= x / M, so a loose M makes
 * fixed costs almost free in the relaxation and the tree explodes.
 *
 * Method: feasibility-based bound tightening over the process structure.
 * Every row of the compiled model is read as  sum coef * x <= rhs  with
 * everything that is not an activity level moved to rhs at its most
 * favourable value:
 *  - a capacity item:  sum (in - out) x <= capacity + buy_max;
 *  - a balanced item, uses side:
 *        sum (in - out) x <= stock[t-1]max + buy_max - sold_min
 *    (sold_min = demand when shortage is not allowed), and produce side
 *    (not for items with dispose_cost, whose disposal is unlimited):
 *        sum (out - in) x <= sold_max + stock[t]max - stock[t-1]min,
 *    with stock bounds themselves propagated period by period from
 *    initial, store_max and the bounds of buy and production;
 *  - a side constraint:  sum coef x <= max  and  sum -coef x <= -min.
 * For each row and each positive coefficient c_a:
 *        x_a <= (rhs - sum_{b != a} min(c_b x_b)) / c_a,
 * with min(c_b x_b) = c_b lb_b (c_b > 0) or c_b ub_b (c_b < 0).  Each new
 * bound is valid for every feasible plan given the previous ones, so the
 * fixpoint is valid too.  Integer levels are rounded down.  Rounds stop when
 * nothing tightens by more than a relative 1e-9, or after MAX_ROUNDS.
 */
#include "process.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_ROUNDS 50

po_status po__net_use(const po_process *p, po__netuse *g)
{
    int nnz = 0;
    for (int a = 0; a < p->nacts; a++)
        nnz += p->acts[a].nin + p->acts[a].nout;
    g->start = calloc((size_t)p->nitems + 1, sizeof *g->start);
    g->e = malloc(((size_t)nnz + 1) * sizeof *g->e);
    int *fill = calloc((size_t)p->nitems + 1, sizeof *fill);
    if (g->start == NULL || g->e == NULL || fill == NULL) {
        free(fill);
        po__net_use_free(g);
        return PO_ENOMEM;
    }
    for (int a = 0; a < p->nacts; a++) {
        for (int k = 0; k < p->acts[a].nin; k++)
            g->start[p->acts[a].in[k].item + 1]++;
        for (int k = 0; k < p->acts[a].nout; k++)
            g->start[p->acts[a].out[k].item + 1]++;
    }
    for (int i = 0; i < p->nitems; i++)
        g->start[i + 1] += g->start[i];
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        for (int k = 0; k < act->nin + act->nout; k++) {
            const po__rate *r = k < act->nin ? &act->in[k]
                                             : &act->out[k - act->nin];
            double c = k < act->nin ? r->rate : -r->rate;
            /* an item both used and made by one activity: one net entry.
             * Activities are visited in order, so an entry of this one can
             * only be the item's last. */
            int s = g->start[r->item], f = fill[r->item];
            if (f > 0 && g->e[s + f - 1].act == a)
                g->e[s + f - 1].coef += c;
            else
                g->e[s + fill[r->item]++] = (po__ent){a, c};
        }
    }
    /* compact away the slots merged entries left unused */
    int o = 0;
    for (int i = 0; i < p->nitems; i++) {
        int s = g->start[i], len = fill[i];
        g->start[i] = o;
        memmove(&g->e[o], &g->e[s], (size_t)len * sizeof *g->e);
        o += len;
    }
    g->start[p->nitems] = o;
    free(fill);
    return PO_OK;
}

void po__net_use_free(po__netuse *g)
{
    free(g->start);
    free(g->e);
    g->start = NULL;
    g->e = NULL;
}

double po__env_demand_lo(const po_process *p, const po__envelope *env, int i,
                         int t)
{
    if (env && env->demand_lo)
        return env->demand_lo[(size_t)i * (size_t)p->nperiods + (size_t)t];
    return po__pv(&p->items[i].p[PO__I_DEMAND], t, 0);
}

double po__env_demand_hi(const po_process *p, const po__envelope *env, int i,
                         int t)
{
    if (env && env->demand_hi)
        return env->demand_hi[(size_t)i * (size_t)p->nperiods + (size_t)t];
    return po__pv(&p->items[i].p[PO__I_DEMAND], t, 0);
}

double po__env_capacity_hi(const po_process *p, const po__envelope *env,
                           int i, int t)
{
    if (env && env->capacity_hi)
        return env->capacity_hi[(size_t)i * (size_t)p->nperiods + (size_t)t];
    return po__pv(&p->items[i].p[PO__I_CAPACITY], t, 0);
}

typedef struct ctx {
    const po_process *p;
    const po__envelope *env;
    int T;
    double *lb, *ub; /* per activity and period */
    int changed;
} ctx;

static double *at(double *v, const ctx *c, int a, int t)
{
    return &v[(size_t)a * (size_t)c->T + (size_t)t];
}

/* sign * sum(e) <= rhs: tighten the upper bounds it implies in period t. */
static void row(ctx *c, const po__ent *e, int n, double sign, double rhs, int t)
{
    if (!(rhs < INFINITY) || n == 0)
        return;
    double minact = 0;
    int ninf = 0;
    for (int k = 0; k < n; k++) {
        double co = sign * e[k].coef;
        if (co > 0)
            minact += co * *at(c->lb, c, e[k].act, t);
        else if (co < 0) {
            double u = *at(c->ub, c, e[k].act, t);
            if (isinf(u))
                ninf++;
            else
                minact += co * u;
        }
    }
    if (ninf > 0)
        return; /* positive terms only get bounds when all others are finite */
    for (int k = 0; k < n; k++) {
        double co = sign * e[k].coef;
        if (!(co > 0))
            continue;
        int a = e[k].act;
        double l = *at(c->lb, c, a, t);
        double bound = (rhs - (minact - co * l)) / co;
        const po__activity *act = &c->p->acts[a];
        if (act->integer || act->binary)
            bound = floor(bound + 1e-9 * fmax(1, fabs(bound)));
        double *u = at(c->ub, c, a, t);
        if (bound < *u - 1e-9 * fmax(1, fabs(bound))) {
            *u = bound;
            c->changed = 1;
        }
    }
}

/* Upper bound of sum(-e) (production net of use) in period t: the most an
 * activity set can add to an item. */
static double max_net_out(const ctx *c, const po__ent *e, int n, int t)
{
    double s = 0;
    for (int k = 0; k < n; k++) {
        double co = -e[k].coef;
        double v = co > 0 ? co * *at(c->ub, c, e[k].act, t)
                          : co * *at(c->lb, c, e[k].act, t);
        s += v;
    }
    return s; /* may be +INFINITY */
}

static void round_once(ctx *c, const po__netuse *g, double *stock_ub)
{
    const po_process *p = c->p;
    int T = c->T;
    for (int t = 0; t < T; t++) {
        for (int i = 0; i < p->nitems; i++) {
            const po__item *it = &p->items[i];
            const po__ent *e = &g->e[g->start[i]];
            int n = g->start[i + 1] - g->start[i];
            int has_buy = it->p[PO__I_BUY_COST].n > 0 ||
                          it->p[PO__I_BUY_MAX].n > 0;
            double buymax = has_buy ? po__pv(&it->p[PO__I_BUY_MAX], t, INFINITY)
                                    : 0;
            if (it->p[PO__I_CAPACITY].n > 0) {
                row(c, e, n, 1,
                    po__env_capacity_hi(p, c->env, i, t) + buymax, t);
                continue;
            }
            int has_stock = it->p[PO__I_STORE_COST].n > 0 ||
                            it->p[PO__I_STORE_MAX].n > 0 ||
                            it->p[PO__I_INITIAL].n > 0;
            double initial = po__pv(&it->p[PO__I_INITIAL], 0, 0);
            int has_demand = it->p[PO__I_DEMAND].n > 0;
            double demand = has_demand ? po__env_demand_hi(p, c->env, i, t)
                                       : 0;
            double sold_min = has_demand && it->p[PO__I_SHORTAGE_COST].n == 0
                                  ? po__env_demand_lo(p, c->env, i, t)
                                  : 0;
            double prev_max = !has_stock ? 0
                              : t == 0   ? initial
                                         : stock_ub[(size_t)i * T + t - 1];
            double prev_min = has_stock && t == 0 ? initial : 0;
            /* stock at the end of t: at most what can come in, less sales */
            double *su = &stock_ub[(size_t)i * T + t];
            if (has_stock) {
                double s = prev_max + buymax + max_net_out(c, e, n, t) -
                           sold_min;
                double cap = po__pv(&it->p[PO__I_STORE_MAX], t, INFINITY);
                s = s < cap ? s : cap;
                if (s < *su)
                    *su = s;
            }
            double cur_max = has_stock ? *su : 0;
            row(c, e, n, 1, prev_max + buymax - sold_min, t);
            /* what can be disposed of has no limit */
            if (it->p[PO__I_DISPOSE_COST].n == 0)
                row(c, e, n, -1, demand + cur_max - prev_min, t);
        }
        for (int k = 0; k < p->ncons; k++) {
            const po__constraint *con = &p->cons[k];
            int n = con->nterms;
            po__ent buf[64];
            po__ent *e = n <= 64 ? buf : malloc((size_t)n * sizeof *e);
            if (e == NULL)
                continue; /* a missed tightening is still a valid bound */
            for (int j = 0; j < n; j++)
                e[j] = (po__ent){con->terms[j].act, con->terms[j].coef};
            if (con->p[PO__C_MAX].n > 0)
                row(c, e, n, 1, po__pv(&con->p[PO__C_MAX], t, 0), t);
            if (con->p[PO__C_MIN].n > 0)
                row(c, e, n, -1, -po__pv(&con->p[PO__C_MIN], t, 0), t);
            if (e != buf)
                free(e);
        }
    }
}

po_status po__process_bounds(const po_process *p, double *ub)
{
    return po__process_bounds_env(p, NULL, ub);
}

po_status po__process_bounds_env(const po_process *p,
                                 const po__envelope *env, double *ub)
{
    int T = p->nperiods;
    size_t n = (size_t)p->nacts * (size_t)T;
    po__netuse g = {NULL, NULL};
    double *lb = malloc((n + 1) * sizeof *lb);
    double *stock_ub = malloc(((size_t)p->nitems * T + 1) * sizeof *stock_ub);
    if (lb == NULL || stock_ub == NULL || po__net_use(p, &g)) {
        free(lb);
        free(stock_ub);
        return PO_ENOMEM;
    }
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        for (int t = 0; t < T; t++) {
            double l = po__pv(&act->p[PO__A_MIN], t, 0);
            double u = po__pv(&act->p[PO__A_MAX], t, INFINITY);
            if (act->binary)
                u = u < 1 ? u : 1;
            if (act->integer || act->binary) {
                u = floor(u + 1e-9 * fmax(1, fabs(u)));
                l = ceil(l - 1e-9 * fmax(1, fabs(l)));
            }
            lb[(size_t)a * T + t] = l;
            ub[(size_t)a * T + t] = u;
        }
    }
    for (size_t k = 0; k < (size_t)p->nitems * T; k++)
        stock_ub[k] = INFINITY;
    ctx c = {p, env, T, lb, ub, 1};
    for (int r = 0; r < MAX_ROUNDS && c.changed; r++) {
        c.changed = 0;
        round_once(&c, &g, stock_ub);
    }
    /* a bound past the model's largest number is no bound at all */
    for (size_t k = 0; k < n; k++)
        if (ub[k] > PO__PMAX_ABS)
            ub[k] = INFINITY;
    free(lb);
    free(stock_ub);
    po__net_use_free(&g);
    return PO_OK;
}
