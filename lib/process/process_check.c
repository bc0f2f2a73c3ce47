/*
 * process_check.c -- the checks that need the whole model: capacity items'
 * keys, keys that need another key, min <= max, names used by activities,
 * side constraints, the baseline and uncertainty, and a provable bound for
 * every on/off binary.  Every error is collected, so a file reports all of
 * them at once.
 */
#include "process.h"
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAMEBUF 64

static const char *nm(const char *s, char buf[NAMEBUF])
{
    return po__name_for_msg(s, buf, NAMEBUF);
}

/* Keys a capacity item does not take: it is renewable, not sold or
 * stored. */
static const int capacity_forbids[] = {
    PO__I_DEMAND, PO__I_PRICE, PO__I_SHORTAGE_COST, PO__I_STORE_COST,
    PO__I_STORE_MAX, PO__I_INITIAL, PO__I_DISPOSE_COST};

static void check_items(po_process *p)
{
    char nb[NAMEBUF];
    for (int i = 0; i < p->nitems; i++) {
        po__item *it = &p->items[i];
        if (it->p[PO__I_CAPACITY].n > 0) {
            for (size_t k = 0; k < sizeof capacity_forbids / sizeof(int); k++) {
                const po__param *prm = &it->p[capacity_forbids[k]];
                if (prm->n > 0)
                    po__perr(p, PO_EMODEL, &prm->pos,
                             "item \"%s\": a capacity item takes no \"%s\" "
                             "(capacity is renewable: it is neither sold, "
                             "stored nor disposed of)",
                             nm(it->name, nb), po__item_keys[capacity_forbids[k]]);
            }
            continue;
        }
        /* price and shortage_cost speak of sales, which only demand creates */
        static const int need_demand[] = {PO__I_PRICE, PO__I_SHORTAGE_COST};
        for (int k = 0; k < 2; k++) {
            const po__param *prm = &it->p[need_demand[k]];
            if (prm->n > 0 && it->p[PO__I_DEMAND].n == 0)
                po__perr(p, PO_EMODEL, &prm->pos,
                         "item \"%s\": \"%s\" needs \"demand\" (only demand "
                         "creates sales)",
                         nm(it->name, nb), po__item_keys[need_demand[k]]);
        }
    }
}

/* min <= max in every period, for the two params of an owner. */
static void check_min_max(po_process *p, const po__param *lo,
                          const po__param *hi, const char *owner)
{
    char a[32], b[32], nb[NAMEBUF];
    if (lo->n == 0 || hi->n == 0)
        return;
    for (int t = 0; t < p->nperiods; t++) {
        double l = po__pv(lo, t, 0), u = po__pv(hi, t, 0);
        if (l <= u)
            continue;
        if (lo->n == 1 && hi->n == 1)
            po__perr(p, PO_EMODEL, &lo->pos,
                     "%s: \"min\" (%s) is greater than \"max\" (%s)", owner,
                     po__fmt_num(l, a), po__fmt_num(u, b));
        else
            po__perr(p, PO_EMODEL, &lo->pos,
                     "%s: \"min\" (%s) is greater than \"max\" (%s) in period "
                     "\"%s\"",
                     owner, po__fmt_num(l, a), po__fmt_num(u, b),
                     nm(po__period_name(p, t), nb));
        return; /* one error per owner is enough */
    }
}

static int resolve_item(po_process *p, po__rate *r, const char *owner,
                        const char *dir)
{
    char ib[NAMEBUF], sb[NAMEBUF + 32];
    r->item = po__names_find(&p->item_index, r->name);
    if (r->item >= 0)
        return 0;
    if (!po__perr_room(p))
        return po__perr(p, PO_EMODEL, &r->pos, "undefined item"), -1;
    po__perr(p, PO_EMODEL, &r->pos, "%s: \"%s\" uses undefined item \"%s\"%s",
             owner, dir, nm(r->name, ib),
             po__did_you_mean(po__suggest_name(r->name,
                                               p->nitems ? &p->items[0].name
                                                         : NULL,
                                               p->nitems, sizeof *p->items),
                              sb, sizeof sb));
    return -1;
}

/* Index of an activity, or -1 after an error that names what refers to it. */
static int resolve_act(po_process *p, const char *name, const po__pos *pos,
                       const char *who)
{
    char ab[NAMEBUF], sb[NAMEBUF + 32];
    int a = po__names_find(&p->act_index, name);
    if (a >= 0)
        return a;
    if (!po__perr_room(p))
        return po__perr(p, PO_EMODEL, pos, "undefined activity"), -1;
    po__perr(p, PO_EMODEL, pos, "%s names undefined activity \"%s\"%s", who,
             nm(name, ab),
             po__did_you_mean(po__suggest_name(name,
                                               p->nacts ? &p->acts[0].name
                                                        : NULL,
                                               p->nacts, sizeof *p->acts),
                              sb, sizeof sb));
    return -1;
}

static void check_activities(po_process *p)
{
    char nb[NAMEBUF], owner[600], num[32];
    for (int a = 0; a < p->nacts; a++) {
        po__activity *act = &p->acts[a];
        snprintf(owner, sizeof owner, "activity \"%s\"", nm(act->name, nb));
        check_min_max(p, &act->p[PO__A_MIN], &act->p[PO__A_MAX], owner);
        if (act->binary)
            for (int t = 0; t < p->nperiods; t++) {
                double l = po__pv(&act->p[PO__A_MIN], t, 0);
                if (l > 1) {
                    po__perr(p, PO_EMODEL, &act->p[PO__A_MIN].pos,
                             "%s is binary (0 or 1) but its \"min\" is %s",
                             owner, po__fmt_num(l, num));
                    break;
                }
            }
        for (int k = 0; k < act->nin; k++)
            resolve_item(p, &act->in[k], owner, "in");
        for (int k = 0; k < act->nout; k++)
            resolve_item(p, &act->out[k], owner, "out");
    }
}

static void check_constraints(po_process *p)
{
    char nb[NAMEBUF], owner[600], who[700];
    for (int c = 0; c < p->ncons; c++) {
        po__constraint *con = &p->cons[c];
        snprintf(owner, sizeof owner, "constraint \"%s\"", nm(con->name, nb));
        if (con->p[PO__C_MIN].n == 0 && con->p[PO__C_MAX].n == 0)
            po__perr(p, PO_EMODEL, &con->pos,
                     "%s has neither \"min\" nor \"max\"", owner);
        check_min_max(p, &con->p[PO__C_MIN], &con->p[PO__C_MAX], owner);
        snprintf(who, sizeof who, "%s: a term", owner);
        for (int k = 0; k < con->nterms; k++)
            con->terms[k].act = resolve_act(p, con->terms[k].name,
                                            &con->terms[k].pos, who);
    }
}

static void check_baseline(po_process *p)
{
    for (int b = 0; b < p->nbase; b++)
        p->base[b].act = resolve_act(p, p->base[b].name, &p->base[b].level.pos,
                                     "the baseline");
}

static const int unc_item_key[] = {PO__I_DEMAND, PO__I_PRICE, PO__I_BUY_COST,
                                   -1, PO__I_CAPACITY};

static void check_uncertainty(po_process *p)
{
    char nb[NAMEBUF], sb[NAMEBUF + 32];
    for (int u = 0; u < p->nunc; u++) {
        po__uncertain *e = &p->unc[u];
        const char *what = po__unc_params[e->param];
        int act = e->param == PO_UNC_COST;
        e->target = -1;
        if (strcmp(e->name, "*") == 0)
            continue;
        e->target = act ? po__names_find(&p->act_index, e->name)
                        : po__names_find(&p->item_index, e->name);
        if (e->target < 0) {
            const char *s =
                act ? po__suggest_name(e->name, p->nacts ? &p->acts[0].name
                                                         : NULL,
                                       p->nacts, sizeof *p->acts)
                    : po__suggest_name(e->name, p->nitems ? &p->items[0].name
                                                          : NULL,
                                       p->nitems, sizeof *p->items);
            po__perr(p, PO_EMODEL, &e->pos,
                     "uncertainty of %s \"%s\": no such %s%s", what,
                     nm(e->name, nb), act ? "activity" : "item",
                     po__did_you_mean(s, sb, sizeof sb));
            continue;
        }
        const po__param *prm = act ? &p->acts[e->target].p[PO__A_COST]
                                   : &p->items[e->target].p[unc_item_key[e->param]];
        if (prm->n == 0)
            po__perr(p, PO_EMODEL, &e->pos,
                     "uncertainty of %s \"%s\": the %s has no \"%s\"", what,
                     nm(e->name, nb), act ? "activity" : "item", what);
    }
}

/* fixed_cost and min_batch need x <= M * on with a finite M. */
static void check_bounds(po_process *p)
{
    char nb[NAMEBUF], pb[NAMEBUF];
    if (p->nacts == 0)
        return;
    size_t n = (size_t)p->nacts * (size_t)p->nperiods;
    double *ub = malloc(n * sizeof *ub);
    if (ub == NULL || po__process_bounds(p, ub)) {
        free(ub);
        po__perr(p, PO_ENOMEM, NULL, "bounds: out of memory");
        return;
    }
    static const int keys[] = {PO__A_FIXED_COST, PO__A_MIN_BATCH};
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        if (act->binary)
            continue; /* the level is its own on/off switch */
        for (int k = 0; k < 2; k++) {
            const po__param *prm = &act->p[keys[k]];
            for (int t = 0; prm->n > 0 && t < p->nperiods; t++) {
                if (!(po__pv(prm, t, 0) > 0) ||
                    isfinite(ub[(size_t)a * (size_t)p->nperiods + (size_t)t]))
                    continue;
                char inp[NAMEBUF + 16] = "";
                if (p->periods)
                    snprintf(inp, sizeof inp, " in period \"%s\"",
                             nm(p->periods[t], pb));
                po__perr(p, PO_EMODEL, &prm->pos,
                         "activity \"%s\": \"%s\" needs a finite bound on the "
                         "level%s, and none can be proven: give \"max\" (or "
                         "bound what the activity uses or makes)",
                         nm(act->name, nb), po__activity_keys[keys[k]], inp);
                break;
            }
        }
    }
    free(ub);
}

po_status po__process_check(po_process *p)
{
    int before = p->nerrs + p->dropped;
    if (p->nitems == 0 && p->nacts == 0 && p->nerrs == 0)
        po__perr(p, PO_EMODEL, NULL,
                 "the model defines no items and no activities");
    check_items(p);
    check_activities(p);
    check_constraints(p);
    check_baseline(p);
    check_uncertainty(p);
    /* bounds only mean something once every name is resolved */
    if (p->nerrs + p->dropped == before && p->nerrs == 0)
        check_bounds(p);
    if (p->nerrs + p->dropped > before) {
        p->validated = 0;
        return p->errs[0].status == PO_ENOMEM ? PO_ENOMEM : PO_EMODEL;
    }
    p->validated = 1;
    return PO_OK;
}
