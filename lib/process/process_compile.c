/*
 * process_compile.c -- a process model becomes a generic LP/MIP.
 *
 * The equations are those of docs/model-format.md, one block per period:
 *   cap.I.t   sum in*x - sum out*x - buy <= capacity        (capacity items)
 *   bal.I.t   stock[t-1] + buy + sum out*x - sum in*x - sold - disp
 *             - stock[t] = 0, with stock[-1] = initial moved to the
 *             right-hand side (disp: the extension key dispose_cost)
 *   dem.I.t   sold + short = demand            (when shortage_cost is given)
 *   onmax.A.t x - M*on <= 0     onmin.A.t x - min_batch*on >= 0
 *   con.C.t   min <= sum coef*x <= max
 *   base.A.t  x = baseline level                 (baseline models only)
 * The objective is the total cost, minimized, with no constant: shortage is
 * a variable of its own rather than demand*shortage_cost - shortage_cost*
 * sold, because GLPK's LP writer keeps an objective constant only as a
 * comment and MPS readers disagree on its sign, and exported models must
 * give every peer solver the same optimum.
 */
#include "process.h"
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Name components: 5 (prefix) + 1 + 120 + 1 + 120 < PO_NAME_MAX. */
#define COMP_MAX 120

typedef struct cc {
    po_process *p;
    po_model *m;
    po__pmap *map;
    int T, baseline;
    char **item, **act, **con, **per; /* safe name components */
    double *ub;                       /* proven level bounds */
    int *idx;                         /* row scratch */
    double *val;
    po_status st;
} cc;

static void nm(const cc *c, char *buf, const char *prefix, const char *comp,
               int t)
{
    if (c->p->periods)
        snprintf(buf, PO_NAME_MAX + 1, "%s.%s.%s", prefix, comp, c->per[t]);
    else
        snprintf(buf, PO_NAME_MAX + 1, "%s.%s", prefix, comp);
}

static int add_var(cc *c, const char *prefix, const char *comp, int t,
                   double lb, double ub, double obj, po_vartype type)
{
    char name[PO_NAME_MAX + 1];
    int j = -1;
    if (c->st)
        return -1;
    nm(c, name, prefix, comp, t);
    c->st = po_model_add_var(c->m, name, lb, ub, obj, type, &j);
    return c->st ? -1 : j;
}

static int add_row(cc *c, const char *prefix, const char *comp, int t,
                   double lb, double ub, int n)
{
    char name[PO_NAME_MAX + 1];
    int i = -1;
    if (c->st)
        return -1;
    nm(c, name, prefix, comp, t);
    c->st = po_model_add_constr(c->m, name, lb, ub, n, c->idx, c->val, &i);
    return c->st ? -1 : i;
}

static int at(const cc *c, int k, int t)
{
    return k * c->T + t;
}

static double baseline_level(const po_process *p, int a, int t)
{
    for (int b = 0; b < p->nbase; b++)
        if (p->base[b].act == a)
            return po__pv(&p->base[b].level, t, 0);
    return 0;
}

static void activities(cc *c)
{
    const po_process *p = c->p;
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        po_vartype type = act->binary    ? PO_BINARY
                          : act->integer ? PO_INTEGER
                                         : PO_CONTINUOUS;
        for (int t = 0; t < c->T; t++) {
            double lb = po__pv(&act->p[PO__A_MIN], t, 0);
            double ub = po__pv(&act->p[PO__A_MAX], t, INFINITY);
            double obj = po__pv(&act->p[PO__A_COST], t, 0);
            double mb = po__pv(&act->p[PO__A_MIN_BATCH], t, 0);
            if (act->binary) {
                /* the level is its own on/off switch: on == x */
                obj += po__pv(&act->p[PO__A_FIXED_COST], t, 0);
                if (mb > 1)
                    ub = 0; /* x = 0 or x >= min_batch > 1: only 0 is left */
                if (ub > 1)
                    ub = 1;
            }
            c->map->x[at(c, a, t)] = add_var(c, "x", c->act[a], t, lb, ub,
                                             obj, type);
        }
    }
}

/* on/off binaries for fixed_cost and min_batch (not for binary levels). */
static void switches(cc *c)
{
    const po_process *p = c->p;
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        if (act->binary)
            continue;
        for (int t = 0; t < c->T; t++) {
            double fc = po__pv(&act->p[PO__A_FIXED_COST], t, 0);
            double mb = po__pv(&act->p[PO__A_MIN_BATCH], t, 0);
            if (!(fc > 0) && !(mb > 0))
                continue;
            double M = c->ub[at(c, a, t)];
            if (M < 0)
                M = 0;
            double lb = 0, ub = 1;
            if (c->baseline)
                lb = ub = baseline_level(p, a, t) > 0;
            int y = add_var(c, "on", c->act[a], t, lb, ub, fc, PO_BINARY);
            c->map->on[at(c, a, t)] = y;
            c->map->bigm[at(c, a, t)] = M;
            c->idx[0] = c->map->x[at(c, a, t)];
            c->val[0] = 1;
            c->idx[1] = y;
            c->val[1] = -M;
            add_row(c, "onmax", c->act[a], t, -INFINITY, 0, 2);
            if (mb > 0) {
                c->val[1] = -mb;
                add_row(c, "onmin", c->act[a], t, 0, INFINITY, 2);
            }
        }
    }
}

static void item_vars(cc *c)
{
    const po_process *p = c->p;
    po__pmap *mp = c->map;
    for (int i = 0; i < p->nitems; i++) {
        const po__item *it = &p->items[i];
        const po__param *q = it->p;
        int has_buy = q[PO__I_BUY_COST].n > 0 || q[PO__I_BUY_MAX].n > 0;
        int has_demand = q[PO__I_DEMAND].n > 0;
        int has_short = q[PO__I_SHORTAGE_COST].n > 0;
        int has_stock = q[PO__I_STORE_COST].n > 0 ||
                        q[PO__I_STORE_MAX].n > 0 || q[PO__I_INITIAL].n > 0;
        int has_disp = q[PO__I_DISPOSE_COST].n > 0;
        for (int t = 0; t < c->T; t++) {
            int k = at(c, i, t);
            if (has_buy)
                mp->buy[k] = add_var(c, "buy", c->item[i], t, 0,
                                     po__pv(&q[PO__I_BUY_MAX], t, INFINITY),
                                     po__pv(&q[PO__I_BUY_COST], t, 0),
                                     PO_CONTINUOUS);
            if (has_demand) {
                double d = po__pv(&q[PO__I_DEMAND], t, 0);
                mp->sold[k] = add_var(c, "sold", c->item[i], t,
                                      has_short ? 0 : d, d,
                                      -po__pv(&q[PO__I_PRICE], t, 0),
                                      PO_CONTINUOUS);
                if (has_short)
                    mp->shortv[k] = add_var(
                        c, "short", c->item[i], t, 0, d,
                        po__pv(&q[PO__I_SHORTAGE_COST], t, 0), PO_CONTINUOUS);
            }
            if (has_stock)
                mp->stock[k] = add_var(c, "stock", c->item[i], t, 0,
                                       po__pv(&q[PO__I_STORE_MAX], t, INFINITY),
                                       po__pv(&q[PO__I_STORE_COST], t, 0),
                                       PO_CONTINUOUS);
            if (has_disp)
                mp->disp[k] = add_var(c, "disp", c->item[i], t, 0, INFINITY,
                                      po__pv(&q[PO__I_DISPOSE_COST], t, 0),
                                      PO_CONTINUOUS);
        }
    }
}

static void item_rows(cc *c, const po__netuse *g)
{
    const po_process *p = c->p;
    po__pmap *mp = c->map;
    for (int i = 0; i < p->nitems; i++) {
        const po__item *it = &p->items[i];
        int cap = it->p[PO__I_CAPACITY].n > 0;
        for (int t = 0; t < c->T; t++) {
            int k = at(c, i, t), n = 0;
            /* used - made (+ sold + stock[t] - stock[t-1]) - buy */
            for (int e = g->start[i]; e < g->start[i + 1]; e++) {
                if (g->e[e].coef == 0)
                    continue;
                c->idx[n] = mp->x[at(c, g->e[e].act, t)];
                c->val[n++] = g->e[e].coef;
            }
            if (mp->buy[k] >= 0) {
                c->idx[n] = mp->buy[k];
                c->val[n++] = -1;
            }
            if (cap) {
                double capa = po__pv(&it->p[PO__I_CAPACITY], t, 0);
                if (n > 0)
                    mp->row_item[k] = add_row(c, "cap", c->item[i], t,
                                              -INFINITY, capa, n);
                continue;
            }
            if (mp->sold[k] >= 0) {
                c->idx[n] = mp->sold[k];
                c->val[n++] = 1;
            }
            if (mp->disp[k] >= 0) {
                c->idx[n] = mp->disp[k];
                c->val[n++] = 1;
            }
            double rhs = 0;
            if (mp->stock[k] >= 0) {
                c->idx[n] = mp->stock[k];
                c->val[n++] = 1;
                if (t > 0) {
                    c->idx[n] = mp->stock[at(c, i, t - 1)];
                    c->val[n++] = -1;
                } else {
                    rhs = po__pv(&it->p[PO__I_INITIAL], 0, 0);
                }
            }
            if (n > 0)
                mp->row_item[k] = add_row(c, "bal", c->item[i], t, rhs, rhs,
                                          n);
            if (mp->shortv[k] >= 0) {
                double d = po__pv(&it->p[PO__I_DEMAND], t, 0);
                c->idx[0] = mp->sold[k];
                c->val[0] = 1;
                c->idx[1] = mp->shortv[k];
                c->val[1] = 1;
                add_row(c, "dem", c->item[i], t, d, d, 2);
            }
        }
    }
}

static void side_rows(cc *c)
{
    const po_process *p = c->p;
    for (int k = 0; k < p->ncons; k++) {
        const po__constraint *con = &p->cons[k];
        for (int t = 0; t < c->T; t++) {
            int n = 0;
            for (int j = 0; j < con->nterms; j++) {
                if (con->terms[j].coef == 0)
                    continue;
                c->idx[n] = c->map->x[at(c, con->terms[j].act, t)];
                c->val[n++] = con->terms[j].coef;
            }
            c->map->row_con[at(c, k, t)] = add_row(
                c, "con", c->con[k], t,
                po__pv(&con->p[PO__C_MIN], t, -INFINITY),
                po__pv(&con->p[PO__C_MAX], t, INFINITY), n);
        }
    }
}

static void baseline_rows(cc *c)
{
    for (int a = 0; a < c->p->nacts; a++)
        for (int t = 0; t < c->T; t++) {
            double v = baseline_level(c->p, a, t);
            c->idx[0] = c->map->x[at(c, a, t)];
            c->val[0] = 1;
            add_row(c, "base", c->act[a], t, v, v, 1);
        }
}

void po__pmap_free(po__pmap *m)
{
    if (m == NULL)
        return;
    free(m->x);
    free(m->on);
    free(m->buy);
    free(m->sold);
    free(m->shortv);
    free(m->stock);
    free(m->disp);
    free(m->row_item);
    free(m->row_con);
    free(m->bigm);
    memset(m, 0, sizeof *m);
}

static int *ints(size_t n)
{
    int *v = malloc((n + 1) * sizeof *v);
    if (v)
        for (size_t k = 0; k <= n; k++)
            v[k] = -1;
    return v;
}

static int pmap_init(po__pmap *m, const po_process *p)
{
    size_t T = (size_t)p->nperiods;
    size_t na = (size_t)p->nacts * T, ni = (size_t)p->nitems * T;
    memset(m, 0, sizeof *m);
    m->nperiods = p->nperiods;
    m->nitems = p->nitems;
    m->nacts = p->nacts;
    m->ncons = p->ncons;
    m->x = ints(na);
    m->on = ints(na);
    m->buy = ints(ni);
    m->sold = ints(ni);
    m->shortv = ints(ni);
    m->stock = ints(ni);
    m->disp = ints(ni);
    m->row_item = ints(ni);
    m->row_con = ints((size_t)p->ncons * T);
    m->bigm = malloc((na + 1) * sizeof *m->bigm);
    if (!m->x || !m->on || !m->buy || !m->sold || !m->shortv || !m->stock ||
        !m->disp || !m->row_item || !m->row_con || !m->bigm) {
        po__pmap_free(m);
        return -1;
    }
    for (size_t k = 0; k < na; k++)
        m->bigm[k] = NAN;
    return 0;
}

static po_status names_of(cc *c)
{
    const po_process *p = c->p;
    const char **tmp = malloc(((size_t)p->nitems + (size_t)p->nacts +
                               (size_t)p->ncons + 1) * sizeof *tmp);
    if (tmp == NULL)
        return PO_ENOMEM;
    for (int i = 0; i < p->nitems; i++)
        tmp[i] = p->items[i].name;
    po_status st = po__safe_names(tmp, p->nitems, COMP_MAX, &c->item);
    for (int a = 0; a < p->nacts && !st; a++)
        tmp[a] = p->acts[a].name;
    if (!st)
        st = po__safe_names(tmp, p->nacts, COMP_MAX, &c->act);
    for (int k = 0; k < p->ncons && !st; k++)
        tmp[k] = p->cons[k].name;
    if (!st)
        st = po__safe_names(tmp, p->ncons, COMP_MAX, &c->con);
    free(tmp);
    if (!st && p->periods)
        st = po__safe_names((const char *const *)p->periods, p->nperiods,
                            COMP_MAX, &c->per);
    return st;
}

static void cc_free(cc *c)
{
    const po_process *p = c->p;
    po__free_strings(c->item, p->nitems);
    po__free_strings(c->act, p->nacts);
    po__free_strings(c->con, p->ncons);
    po__free_strings(c->per, p->nperiods);
    free(c->ub);
    free(c->idx);
    free(c->val);
}

/* Longest row: an item's entries plus buy, sold, disp, two stocks; or a
 * side constraint's terms. */
static size_t longest_row(const po_process *p, const po__netuse *g)
{
    size_t n = 5;
    for (int i = 0; i < p->nitems; i++) {
        size_t len = (size_t)(g->start[i + 1] - g->start[i]) + 5;
        n = len > n ? len : n;
    }
    for (int k = 0; k < p->ncons; k++)
        n = (size_t)p->cons[k].nterms > n ? (size_t)p->cons[k].nterms : n;
    return n;
}

po_status po__process_compile(po_process *p, int baseline, po_model **out,
                              po__pmap *map)
{
    po__copts o = {baseline, 0, NULL};
    return po__process_compile_opts(p, &o, out, map);
}

po_status po__process_compile_opts(po_process *p, const po__copts *o,
                                   po_model **out, po__pmap *map)
{
    int baseline = o->baseline;
    *out = NULL;
    po__pmap own;
    po__pmap *mp = map ? map : &own;
    cc c = {p, NULL, mp, p->nperiods, baseline, NULL, NULL, NULL, NULL,
            NULL, NULL, NULL, PO_OK};
    po__netuse g = {NULL, NULL};
    size_t na = (size_t)p->nacts * (size_t)p->nperiods;
    if (pmap_init(mp, p))
        return po__perr(p, PO_ENOMEM, NULL, "compile: out of memory");
    c.ub = malloc((na + 1) * sizeof *c.ub);
    po_status st = c.ub ? names_of(&c) : PO_ENOMEM;
    if (!st)
        st = po__net_use(p, &g);
    if (!st)
        st = po__process_bounds_env(p, o->env, c.ub);
    if (!st) {
        size_t n = longest_row(p, &g);
        c.idx = malloc(n * sizeof *c.idx);
        c.val = malloc(n * sizeof *c.val);
        c.m = po_model_new();
        if (!c.idx || !c.val || !c.m)
            st = PO_ENOMEM;
    }
    if (!st) {
        char why[128];
        if (p->name && po__check_name(p->name, why, sizeof why) == PO_OK)
            po_model_set_name(c.m, p->name);
        activities(&c);
        switches(&c);
        item_vars(&c);
        item_rows(&c, &g);
        side_rows(&c);
        if (baseline)
            baseline_rows(&c);
        if (!c.st && o->strengthen) {
            po__flowctx f = {p, c.m, mp, c.ub, o->env, c.item, c.act,
                             c.per};
            c.st = po__flow_add(&f);
        }
        st = c.st;
        if (st == PO_ENOMEM)
            po__perr(p, st, NULL, "compile: out of memory");
        else if (st)
            po__perr(p, st, NULL, "compile: %s", po_model_errmsg(c.m));
    } else {
        po__perr(p, st, NULL, "compile: out of memory");
    }
    po__net_use_free(&g);
    cc_free(&c);
    if (st || map == NULL)
        po__pmap_free(mp);
    if (st) {
        po_model_free(c.m);
        return st;
    }
    *out = c.m;
    return PO_OK;
}

static po_status compile_public(po_process *p, int baseline, po_model **model)
{
    if (p == NULL || model == NULL)
        return PO_EINVAL;
    *model = NULL;
    po__process_clear_errors(p);
    if (!p->validated) {
        po_status st = po__process_check(p);
        if (st)
            return st;
    }
    if (baseline && !p->has_baseline)
        return po__perr(p, PO_EMODEL, NULL, "the model has no \"baseline\"");
    po__copts o = {baseline, !baseline, NULL};
    return po__process_compile_opts(p, &o, model, NULL);
}

po_status po_process_compile(po_process *p, po_model **model)
{
    return compile_public(p, 0, model);
}

po_status po_process_compile_baseline(po_process *p, po_model **model)
{
    return compile_public(p, 1, model);
}
