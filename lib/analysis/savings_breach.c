/*
 * savings_breach.c -- what today's plan breaks, when the baseline cannot
 * be run.
 *
 * Two sources:
 *  1. the levels themselves, checked against each activity's min, max,
 *     min_batch and integrality (no solve needed: the levels are given);
 *  2. an elastic copy of the baseline model: levels fixed by their bounds,
 *     every balance (both ways), capacity and side constraint allowed to be
 *     violated at a price of 1 per unit, orders that must be met allowed to
 *     go short at 1/2 per unit; buys, sales and stocks keep their bounds.
 *     Minimizing the total violation leaves positive violations exactly
 *     where the plan cannot be completed.  Weighting unmet orders below a
 *     balance deficit makes a plan that makes too little for its orders
 *     read "delivers only 855 of the 900 ordered" rather than "the balance
 *     of bracket is short".
 * The on/off rows are left out: their M is a bound the rest of the model
 * implies, so a level above it breaks some other row, which is named
 * instead; min_batch is checked directly.
 */
#include "savings.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define W_ROW 1.0
#define W_ORDER 0.5

typedef struct bctx {
    po_process *p;
    int T;
    double *level; /* nacts * T */
    double *used, *made; /* nitems * T: by the plan's activities */
    po__findings *out;
} bctx;

static double viol_tol(double bound)
{
    return 1e-6 * fmax(1.0, fabs(bound));
}

static void direct_checks(bctx *c)
{
    const po_process *p = c->p;
    char pb[PO_NAME_MAX + 8], b1[40], b2[40], b3[40];
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        for (int t = 0; t < c->T; t++) {
            double L = c->level[(size_t)a * c->T + t];
            const char *P = po__period_prefix(p, t, pb, sizeof pb);
            double lo = po__pv(&act->p[PO__A_MIN], t, 0);
            double hi = po__pv(&act->p[PO__A_MAX], t, INFINITY);
            double mb = po__pv(&act->p[PO__A_MIN_BATCH], t, 0);
            if ((act->binary || act->integer) &&
                (fabs(L - nearbyint(L)) > 1e-9 * fmax(1, fabs(L)) ||
                 (act->binary && (L < 0 || L > 1))))
                po__findings_add(
                    c->out, p, PO_REQ_INTEGER, a, t,
                    act->binary ? (L > 1 ? L - 1 : L < 0 ? -L
                                                         : fabs(L - nearbyint(L)))
                                : fabs(L - nearbyint(L)),
                    "%stoday's plan runs %s at %s, but its level is %s", P,
                    act->name, po__fmt_amount(L, b1),
                    act->binary ? "0 or 1" : "a whole number");
            if (L < lo - viol_tol(lo))
                po__findings_add(c->out, p, PO_REQ_ACTIVITY_MIN, a, t, lo - L,
                                 "%stoday's plan runs %s at %s, its min is %s "
                                 "\u2014 under by %s",
                                 P, act->name, po__fmt_amount(L, b1),
                                 po__fmt_amount(lo, b2),
                                 po__fmt_amount(lo - L, b3));
            if (L > hi + viol_tol(hi))
                po__findings_add(c->out, p, PO_REQ_ACTIVITY_MAX, a, t, L - hi,
                                 "%stoday's plan runs %s at %s, its max is %s "
                                 "\u2014 over by %s",
                                 P, act->name, po__fmt_amount(L, b1),
                                 po__fmt_amount(hi, b2),
                                 po__fmt_amount(L - hi, b3));
            if (mb > 0 && L > viol_tol(0) && L < mb - viol_tol(mb))
                po__findings_add(c->out, p, PO_REQ_MIN_BATCH, a, t, mb - L,
                                 "%stoday's plan runs %s at %s, but a batch "
                                 "is 0 or at least %s \u2014 under by %s",
                                 P, act->name, po__fmt_amount(L, b1),
                                 po__fmt_amount(mb, b2),
                                 po__fmt_amount(mb - L, b3));
        }
    }
}

/* "use, sell or store" from the verbs that apply. */
static const char *verbs(char *buf, size_t size, const char *const *w, int n)
{
    buf[0] = '\0';
    for (int k = 0; k < n; k++) {
        size_t len = strlen(buf);
        const char *sep = k == 0 ? "" : k == n - 1 ? " or " : ", ";
        snprintf(buf + len, size - len, "%s%s", sep, w[k]);
    }
    return buf;
}

static void balance_msg(bctx *c, int i, int t, int deficit, double v)
{
    const po_process *p = c->p;
    const po__item *it = &p->items[i];
    const po__param *q = it->p;
    size_t k = (size_t)i * c->T + t;
    double used = c->used[k], made = c->made[k];
    int can_buy = q[PO__I_BUY_COST].n > 0 || q[PO__I_BUY_MAX].n > 0;
    int can_store = q[PO__I_STORE_COST].n > 0 || q[PO__I_STORE_MAX].n > 0 ||
                    q[PO__I_INITIAL].n > 0;
    int can_sell = q[PO__I_DEMAND].n > 0;
    char pb[PO_NAME_MAX + 8], b1[40], b2[40], b3[40], vb[64];
    const char *P = po__period_prefix(p, t, pb, sizeof pb);
    const char *w[3];
    int n = 0;
    if (!deficit) {
        if (used > 0)
            w[n++] = "use";
        if (can_sell)
            w[n++] = "sell";
        if (can_store)
            w[n++] = "store";
        if (made >= v && n > 0)
            po__findings_add(c->out, p, PO_REQ_BALANCE, i, t, v,
                             "%stoday's plan makes %s %s but can %s only %s "
                             "of them \u2014 %s too many",
                             P, po__fmt_amount(made, b1), it->name,
                             verbs(vb, sizeof vb, w, n),
                             po__fmt_amount(made - v, b2),
                             po__fmt_amount(v, b3));
        else
            po__findings_add(c->out, p, PO_REQ_BALANCE, i, t, v,
                             "%stoday's plan leaves %s %s more than can be "
                             "used, sold or stored",
                             P, po__fmt_amount(v, b1), it->name);
        return;
    }
    if (made > 0)
        w[n++] = "make";
    if (can_buy)
        w[n++] = "buy";
    if (can_store)
        w[n++] = "take from stock";
    if (used >= v && n > 0)
        po__findings_add(c->out, p, PO_REQ_BALANCE, i, t, v,
                         "%stoday's plan uses %s %s but can %s only %s "
                         "\u2014 short by %s",
                         P, po__fmt_amount(used, b1), it->name,
                         verbs(vb, sizeof vb, w, n),
                         po__fmt_amount(used - v, b2), po__fmt_amount(v, b3));
    else
        po__findings_add(c->out, p, PO_REQ_BALANCE, i, t, v,
                         "%stoday's plan needs %s %s more than it can make, "
                         "buy or take from stock",
                         P, po__fmt_amount(v, b1), it->name);
}

static void capacity_msg(bctx *c, int i, int t, double v)
{
    const po_process *p = c->p;
    const po__item *it = &p->items[i];
    size_t k = (size_t)i * c->T + t;
    double used = c->used[k], made = c->made[k];
    int can_buy =
        it->p[PO__I_BUY_COST].n > 0 || it->p[PO__I_BUY_MAX].n > 0;
    char pb[PO_NAME_MAX + 8], b1[40], b2[40], b3[40];
    const char *what = can_buy && made > 0 ? "capacity, purchases and "
                                             "production allow"
                       : can_buy           ? "capacity plus purchases allow"
                       : made > 0          ? "capacity plus production allow"
                                           : "capacity allows";
    po__findings_add(c->out, p, PO_REQ_CAPACITY, i, t, v,
                     "%stoday's plan uses %s %s, %s at most %s \u2014 short "
                     "by %s",
                     po__period_prefix(p, t, pb, sizeof pb),
                     po__fmt_amount(used, b1), it->name, what,
                     po__fmt_amount(used - v, b2), po__fmt_amount(v, b3));
}

static void constraint_msg(bctx *c, int con, int t, int upper, double v,
                           double bound)
{
    const po_process *p = c->p;
    char pb[PO_NAME_MAX + 8], b1[40], b2[40], b3[40];
    double value = upper ? bound + v : bound - v;
    po__findings_add(c->out, p, PO_REQ_CONSTRAINT, con, t, v,
                     "%stoday's plan gives %s = %s, its %s is %s \u2014 %s "
                     "by %s",
                     po__period_prefix(p, t, pb, sizeof pb), p->cons[con].name,
                     po__fmt_amount(value, b1), upper ? "max" : "min",
                     po__fmt_amount(bound, b2), upper ? "over" : "under",
                     po__fmt_amount(v, b3));
}

static void demand_msg(bctx *c, int i, int t, double v)
{
    const po_process *p = c->p;
    double d = po__pv(&p->items[i].p[PO__I_DEMAND], t, 0);
    char pb[PO_NAME_MAX + 8], b1[40], b2[40], b3[40];
    po__findings_add(c->out, p, PO_REQ_DEMAND, i, t, v,
                     "%stoday's plan delivers only %s of the %s %s ordered, "
                     "and every order must be met \u2014 short by %s",
                     po__period_prefix(p, t, pb, sizeof pb),
                     po__fmt_amount(d - v, b1), po__fmt_amount(d, b2),
                     p->items[i].name, po__fmt_amount(v, b3));
}

static void flows(bctx *c)
{
    const po_process *p = c->p;
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        for (int t = 0; t < c->T; t++) {
            double L = c->level[(size_t)a * c->T + t];
            for (int r = 0; r < act->nin; r++)
                c->used[(size_t)act->in[r].item * c->T + t] +=
                    act->in[r].rate * L;
            for (int r = 0; r < act->nout; r++)
                c->made[(size_t)act->out[r].item * c->T + t] +=
                    act->out[r].rate * L;
        }
    }
}

/* The elastic copy of the baseline model, solved; findings from its
 * positive violations. */
static po_status elastic(bctx *c, const po_options *opt)
{
    po_process *p = c->p;
    po__pmap map;
    po_model *m = NULL, *dm = NULL;
    po_result *res = NULL;
    po__roles r;
    po__elastic *el = NULL;
    int nel = 0;
    po_status st = po__process_compile(p, 1, &m, &map);
    if (st)
        return st;
    st = po__roles_build(&r, p, &map, m);
    po__pmap_free(&map);
    if (st) {
        po_model_free(m);
        return st;
    }
    int nr = r.nrows, nc = r.ncols;
    unsigned char *keep = malloc((size_t)nr + 1);
    double *wlo = calloc((size_t)nr + 1, sizeof *wlo);
    double *whi = calloc((size_t)nr + 1, sizeof *whi);
    double *lb = malloc(((size_t)nc + 1) * sizeof *lb);
    double *ub = malloc(((size_t)nc + 1) * sizeof *ub);
    double *elb = calloc((size_t)nc + 1, sizeof *elb);
    double *wlb = calloc((size_t)nc + 1, sizeof *wlb);
    if (!keep || !wlo || !whi || !lb || !ub || !elb || !wlb) {
        st = PO_ENOMEM;
        goto done;
    }
    for (int i = 0; i < nr; i++) {
        int role = r.row_role[i];
        double rlo = po_model_constr_lb(m, i), rhi = po_model_constr_ub(m, i);
        keep[i] = role == PO__ROW_BALANCE || role == PO__ROW_CAPACITY ||
                  role == PO__ROW_CONSTRAINT || role == PO__ROW_DEMAND ||
                  role == PO__ROW_OTHER;
        if (role == PO__ROW_BALANCE || role == PO__ROW_CAPACITY ||
            role == PO__ROW_CONSTRAINT) {
            wlo[i] = isfinite(rlo) ? W_ROW : 0;
            whi[i] = isfinite(rhi) ? W_ROW : 0;
        }
    }
    for (int j = 0; j < nc; j++) {
        lb[j] = po_model_var_lb(m, j);
        ub[j] = po_model_var_ub(m, j);
        if (r.col_role[j] == PO__COL_LEVEL) {
            lb[j] = ub[j] =
                c->level[(size_t)r.col_obj[j] * c->T + r.col_t[j]];
        } else if (r.col_role[j] == PO__COL_SOLD && lb[j] > 0) {
            elb[j] = lb[j];
            wlb[j] = W_ORDER;
            lb[j] = 0;
        }
    }
    po__derive d = {.m = m,
                    .keep_row = keep,
                    .lb = lb,
                    .ub = ub,
                    .continuous = 1,
                    .row_wlo = wlo,
                    .row_whi = whi,
                    .col_elb = elb,
                    .col_wlb = wlb};
    st = po__derive_model(&d, &dm, &el, &nel);
    if (!st)
        st = po__analysis_solve(dm, opt, &res);
    if (st) {
        if (dm)
            po__perr(p, st, NULL, "baseline analysis: %s",
                     po_model_errmsg(dm));
        else if (st != PO_ENOMEM) /* out of memory is named by the caller */
            po__perr(p, st, NULL, "baseline analysis: %s", po_strerror(st));
        goto done;
    }
    if (po_result_outcome(res) != PO_OUTCOME_OPTIMAL)
        goto done; /* no figures to report; the levels' checks stand */
    const double *v = po_result_values(res);
    for (int k = 0; k < nel; k++) {
        double e = v[nc + k];
        int ix = el[k].index;
        if (el[k].col) {
            if (e > viol_tol(elb[ix]))
                demand_msg(c, r.col_obj[ix], r.col_t[ix], e);
            continue;
        }
        double bound = el[k].upper ? po_model_constr_ub(m, ix)
                                   : po_model_constr_lb(m, ix);
        if (!(e > viol_tol(bound)))
            continue;
        int obj = r.row_obj[ix], t = r.row_t[ix];
        switch (r.row_role[ix]) {
        case PO__ROW_BALANCE:
            /* the row is used - made - buy + sold + stock - stock[t-1]:
             * above its right-hand side = more needed than available */
            balance_msg(c, obj, t, el[k].upper, e);
            break;
        case PO__ROW_CAPACITY:
            capacity_msg(c, obj, t, e);
            break;
        case PO__ROW_CONSTRAINT:
            constraint_msg(c, obj, t, el[k].upper, e, bound);
            break;
        default:
            break;
        }
    }
done:
    free(keep);
    free(wlo);
    free(whi);
    free(lb);
    free(ub);
    free(elb);
    free(wlb);
    free(el);
    po_result_free(res);
    po_model_free(dm);
    po_model_free(m);
    po__roles_free(&r);
    return st;
}

static int cmp_finding(const void *x, const void *y)
{
    const po__finding *a = x, *b = y;
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->obj != b->obj)
        return a->obj < b->obj ? -1 : 1;
    return 0;
}

po_status po__baseline_breaches(po_process *p, const po_options *opt,
                                po__findings *out)
{
    size_t T = (size_t)p->nperiods;
    bctx c = {p, p->nperiods, NULL, NULL, NULL, out};
    c.level = calloc((size_t)p->nacts * T + 1, sizeof *c.level);
    c.used = calloc((size_t)p->nitems * T + 1, sizeof *c.used);
    c.made = calloc((size_t)p->nitems * T + 1, sizeof *c.made);
    po_status st = PO_OK;
    if (!c.level || !c.used || !c.made) {
        st = PO_ENOMEM;
    } else {
        for (int a = 0; a < p->nacts; a++)
            for (int t = 0; t < p->nperiods; t++)
                c.level[(size_t)a * T + t] = po_process_baseline_level(p, a, t);
        flows(&c);
        direct_checks(&c);
        st = elastic(&c, opt);
    }
    free(c.level);
    free(c.used);
    free(c.made);
    if (!st && out->nomem)
        st = PO_ENOMEM;
    if (st) {
        po__findings_free(out);
        return st;
    }
    /* each (kind, obj, t) is found once, so the order is total */
    if (out->n > 1)
        qsort(out->f, (size_t)out->n, sizeof *out->f, cmp_finding);
    return PO_OK;
}
