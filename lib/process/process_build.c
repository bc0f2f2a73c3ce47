/*
 * process_build.c -- adding items, activities, side constraints, baseline
 * levels and uncertainty to a process model.  The JSON reader and the
 * public builder calls share these functions, so a number is accepted or
 * rejected for the same reason and with the same words whichever way it
 * arrives; the reader only adds where it was written.
 */
#include "process.h"
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Which per-period keys may be negative, and why:
 *  - price: a negative price is a delivery fee (take-back contracts); sales
 *    are bounded by demand, so it cannot make a model unbounded;
 *  - an activity's cost: a credit per unit (a subsidy, a by-product's value
 *    folded into the activity);
 *  - a side constraint's min and max: terms may have any sign.
 * Everything else counts money spent, quantities or levels, where a
 * negative number is a typo: buy_cost (a paid take-in is an activity with a
 * negative cost), buy_max, store_cost, store_max, capacity, demand,
 * shortage_cost, initial, min, max, fixed_cost, min_batch, baseline levels
 * and rates (an input with a negative rate is an output).  dispose_cost
 * too: a negative one would pay for making things only to throw them
 * away (unbounded as soon as something is cheap enough to buy); a salvage
 * market is a sale with a demand and a price. */
static const unsigned char item_neg_ok[PO__I_NKEYS] = {
    [PO__I_PRICE] = 1};
static const unsigned char act_neg_ok[PO__A_NKEYS] = {[PO__A_COST] = 1};

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

#define NAMEBUF 64

static const char *nm(const char *s, char buf[NAMEBUF])
{
    return po__name_for_msg(s, buf, NAMEBUF);
}

/* Grow *arr (of *cap elements of size el) to hold need elements. */
static int grow(void *arr, int *cap, int need, size_t el)
{
    if (need <= *cap)
        return 0;
    int c = *cap < 8 ? 8 : *cap;
    while (c < need) {
        if (c > 0x3fffffff)
            return -1;
        c *= 2;
    }
    void **p = arr;
    void *n = realloc(*p, (size_t)c * el);
    if (n == NULL)
        return -1;
    *p = n;
    *cap = c;
    return 0;
}

static const po__pos *key_pos(const po__pos *pos)
{
    return pos;
}

/* Position of value k of n (pos holds the key, then the n values). */
static const po__pos *val_pos(const po__pos *pos, int k)
{
    return pos ? &pos[1 + k] : NULL;
}

static po_status check_name(po_process *p, const char *what, const char *name,
                            const po__pos *pos)
{
    if (name == NULL)
        return po__perr(p, PO_EINVAL, pos, "%s: NULL name", what);
    if (name[0] == '\0')
        return po__perr(p, PO_ENAME, pos, "%s: the name is empty", what);
    return PO_OK;
}

/* Check n numbers of key `key` of `owner` (e.g. `item "flour"`); every bad
 * number is reported.  neg_ok: negative values allowed. */
static po_status check_values(po_process *p, const char *owner,
                              const char *key, const double *v, int n,
                              int neg_ok, int scalar_only, const po__pos *pos)
{
    if (v == NULL || n < 1)
        return po__perr(p, PO_EINVAL, key_pos(pos),
                        "%s: \"%s\" needs at least one value", owner, key);
    if (scalar_only && n != 1)
        return po__perr(p, PO_EINVAL, key_pos(pos),
                        "%s: \"%s\" is one number, not one per period", owner,
                        key);
    if (n != 1 && n != p->nperiods)
        return po__perr(p, PO_EINVAL, key_pos(pos),
                        "%s: \"%s\" has %d values but there %s %d period%s",
                        owner, key, n, p->nperiods == 1 ? "is" : "are",
                        p->nperiods, p->nperiods == 1 ? "" : "s");
    po_status st = PO_OK;
    for (int k = 0; k < n; k++) {
        char where[600] = "", nb[NAMEBUF], num[32];
        if (n > 1)
            snprintf(where, sizeof where, " in period \"%s\"",
                     nm(po__period_name(p, k), nb));
        const po__pos *vp = val_pos(pos, k);
        if (isnan(v[k]))
            st = po__perr(p, PO_ENAN, vp, "%s: \"%s\" is NaN%s", owner, key,
                          where);
        else if (isinf(v[k]))
            st = po__perr(p, PO_EINF, vp, "%s: \"%s\" is infinite%s", owner,
                          key, where);
        else if (fabs(v[k]) > PO__PMAX_ABS)
            st = po__perr(p, PO_EINVAL, vp,
                          "%s: \"%s\" is too large (%s)%s: at most 1e15 in "
                          "magnitude; leave the key out for unlimited",
                          owner, key, po__fmt_num(v[k], num), where);
        else if (v[k] < 0 && !neg_ok)
            st = po__perr(p, PO_EINVAL, vp, "%s: \"%s\" is negative (%s)%s%s",
                          owner, key, po__fmt_num(v[k], num), where,
                          strcmp(key, "dispose_cost") == 0
                              ? " (a salvage value is a sale: give the item "
                                "a \"demand\" and a \"price\")"
                              : "");
    }
    return st;
}

static po_status store_param(po_process *p, po__param *prm, const double *v,
                             int n, const po__pos *pos, const char *owner,
                             const char *key)
{
    double *copy = malloc((size_t)n * sizeof *copy);
    if (copy == NULL)
        return po__perr(p, PO_ENOMEM, key_pos(pos), "%s: \"%s\": out of memory",
                        owner, key);
    memcpy(copy, v, (size_t)n * sizeof *copy);
    free(prm->v);
    prm->v = copy;
    prm->n = n;
    prm->pos = pos ? pos[0] : (po__pos){0, 0};
    p->validated = 0;
    return PO_OK;
}

/* ------------------------------------------------------------------ */
/* Periods                                                            */
/* ------------------------------------------------------------------ */

/* A per-period array of another length than n, if any (its owner and key
 * go into the message). */
static int find_array_not(const po_process *p, int n, char *msg, size_t size)
{
    char nb[NAMEBUF];
    for (int i = 0; i < p->nitems; i++)
        for (int k = 0; k < PO__I_NKEYS; k++)
            if (p->items[i].p[k].n > 1 && p->items[i].p[k].n != n) {
                snprintf(msg, size, "item \"%s\" has \"%s\" with %d values",
                         nm(p->items[i].name, nb), po__item_keys[k],
                         p->items[i].p[k].n);
                return 1;
            }
    for (int a = 0; a < p->nacts; a++)
        for (int k = 0; k < PO__A_NKEYS; k++)
            if (p->acts[a].p[k].n > 1 && p->acts[a].p[k].n != n) {
                snprintf(msg, size, "activity \"%s\" has \"%s\" with %d values",
                         nm(p->acts[a].name, nb), po__activity_keys[k],
                         p->acts[a].p[k].n);
                return 1;
            }
    for (int c = 0; c < p->ncons; c++)
        for (int k = 0; k < PO__C_NKEYS; k++)
            if (p->cons[c].p[k].n > 1 && p->cons[c].p[k].n != n) {
                snprintf(msg, size,
                         "constraint \"%s\" has \"%s\" with %d values",
                         nm(p->cons[c].name, nb), po__constraint_keys[k],
                         p->cons[c].p[k].n);
                return 1;
            }
    for (int b = 0; b < p->nbase; b++)
        if (p->base[b].level.n > 1 && p->base[b].level.n != n) {
            snprintf(msg, size, "the baseline of \"%s\" has %d values",
                     nm(p->base[b].name, nb), p->base[b].level.n);
            return 1;
        }
    return 0;
}

po_status po__set_periods(po_process *p, int n, const char *const *names,
                          const po__pos *pos)
{
    char nb[NAMEBUF];
    if (n < 1 || names == NULL)
        return po__perr(p, PO_EINVAL, key_pos(pos),
                        "\"periods\" is empty: name at least one period, or "
                        "leave \"periods\" out for a single period");
    po_status st = PO_OK;
    po__names seen;
    po__names_init(&seen);
    if (po__names_reserve(&seen, (size_t)n, NULL, NULL))
        return po__perr(p, PO_ENOMEM, key_pos(pos), "periods: out of memory");
    for (int t = 0; t < n; t++) {
        if (names[t] == NULL || names[t][0] == '\0') {
            st = po__perr(p, names[t] ? PO_ENAME : PO_EINVAL, val_pos(pos, t),
                          "\"periods\": period %d has an empty name", t + 1);
            continue;
        }
        if (po__names_find(&seen, names[t]) >= 0) {
            st = po__perr(p, PO_EDUPNAME, val_pos(pos, t),
                          "\"periods\": period \"%s\" is named twice",
                          nm(names[t], nb));
            continue;
        }
        po__names_insert(&seen, names[t], t);
    }
    po__names_free(&seen);
    if (st != PO_OK)
        return st;
    char msg[256];
    if (find_array_not(p, n, msg, sizeof msg))
        return po__perr(p, PO_EINVAL, key_pos(pos),
                        "cannot set %d periods: %s", n, msg);
    char **copy = calloc((size_t)n, sizeof *copy);
    if (copy == NULL)
        return po__perr(p, PO_ENOMEM, key_pos(pos), "periods: out of memory");
    for (int t = 0; t < n; t++)
        if ((copy[t] = po__strdup(names[t])) == NULL) {
            po__free_strings(copy, t);
            return po__perr(p, PO_ENOMEM, key_pos(pos),
                            "periods: out of memory");
        }
    if (p->periods)
        po__free_strings(p->periods, p->nperiods);
    p->periods = copy;
    p->nperiods = n;
    p->periods_pos = pos ? pos[0] : (po__pos){0, 0};
    p->validated = 0;
    return PO_OK;
}

/* ------------------------------------------------------------------ */
/* Items and activities                                               */
/* ------------------------------------------------------------------ */

po_status po__add_item(po_process *p, const char *name, const po__pos *pos,
                       int *index)
{
    char nb[NAMEBUF];
    po_status st = check_name(p, "item", name, pos);
    if (st)
        return st;
    if (po__names_find(&p->item_index, name) >= 0)
        return po__perr(p, PO_EDUPNAME, pos, "item \"%s\" is defined twice",
                        nm(name, nb));
    char *copy = po__strdup(name);
    if (copy == NULL ||
        grow(&p->items, &p->items_cap, p->nitems + 1, sizeof *p->items) ||
        po__names_reserve(&p->item_index, 1, NULL, NULL)) {
        free(copy);
        return po__perr(p, PO_ENOMEM, pos, "item \"%s\": out of memory",
                        nm(name, nb));
    }
    po__item *it = &p->items[p->nitems];
    memset(it, 0, sizeof *it);
    it->name = copy;
    it->pos = pos ? *pos : (po__pos){0, 0};
    po__names_insert(&p->item_index, copy, p->nitems);
    if (index)
        *index = p->nitems;
    p->nitems++;
    p->validated = 0;
    return PO_OK;
}

po_status po__set_item_param(po_process *p, int item, int key,
                             const double *v, int n, const po__pos *pos)
{
    char owner[600], nb[NAMEBUF];
    snprintf(owner, sizeof owner, "item \"%s\"", nm(p->items[item].name, nb));
    const char *k = po__item_keys[key];
    po_status st = check_values(p, owner, k, v, n, item_neg_ok[key],
                                key == PO__I_INITIAL, pos);
    if (st)
        return st;
    return store_param(p, &p->items[item].p[key], v, n, pos, owner, k);
}

po_status po__add_activity(po_process *p, const char *name,
                           const po__pos *pos, int *index)
{
    char nb[NAMEBUF];
    po_status st = check_name(p, "activity", name, pos);
    if (st)
        return st;
    if (po__names_find(&p->act_index, name) >= 0)
        return po__perr(p, PO_EDUPNAME, pos,
                        "activity \"%s\" is defined twice", nm(name, nb));
    char *copy = po__strdup(name);
    if (copy == NULL ||
        grow(&p->acts, &p->acts_cap, p->nacts + 1, sizeof *p->acts) ||
        po__names_reserve(&p->act_index, 1, NULL, NULL)) {
        free(copy);
        return po__perr(p, PO_ENOMEM, pos, "activity \"%s\": out of memory",
                        nm(name, nb));
    }
    po__activity *a = &p->acts[p->nacts];
    memset(a, 0, sizeof *a);
    a->name = copy;
    a->pos = pos ? *pos : (po__pos){0, 0};
    po__names_insert(&p->act_index, copy, p->nacts);
    if (index)
        *index = p->nacts;
    p->nacts++;
    p->validated = 0;
    return PO_OK;
}

po_status po__set_activity_param(po_process *p, int act, int key,
                                 const double *v, int n, const po__pos *pos)
{
    char owner[600], nb[NAMEBUF];
    snprintf(owner, sizeof owner, "activity \"%s\"",
             nm(p->acts[act].name, nb));
    const char *k = po__activity_keys[key];
    po_status st = check_values(p, owner, k, v, n, act_neg_ok[key], 0, pos);
    if (st)
        return st;
    return store_param(p, &p->acts[act].p[key], v, n, pos, owner, k);
}

po_status po__set_activity_flag(po_process *p, int act, const char *key,
                                int on, const po__pos *pos)
{
    po__activity *a = &p->acts[act];
    if (strcmp(key, "integer") == 0) {
        a->integer = on != 0;
        a->integer_pos = pos ? *pos : (po__pos){0, 0};
    } else if (strcmp(key, "binary") == 0) {
        a->binary = on != 0;
        a->binary_pos = pos ? *pos : (po__pos){0, 0};
    } else {
        char nb[NAMEBUF], sb[64];
        static const char *const flags[] = {"integer", "binary"};
        return po__perr(p, PO_EINVAL, pos,
                        "activity \"%s\": unknown flag \"%s\"%s",
                        nm(a->name, nb), key,
                        po__did_you_mean(po__suggest(key, flags, 2), sb,
                                         sizeof sb));
    }
    p->validated = 0;
    return PO_OK;
}

po_status po__add_rate(po_process *p, int act, int out, const char *item,
                       double rate, const po__pos *pos)
{
    char nb[NAMEBUF], ib[NAMEBUF], owner[600];
    po__activity *a = &p->acts[act];
    po_status st = check_name(p, "rate", item, pos);
    if (st)
        return st;
    snprintf(owner, sizeof owner, "activity \"%s\": \"%s\" rate of \"%s\"",
             nm(a->name, nb), out ? "out" : "in", nm(item, ib));
    /* the message reads: activity "bake": "in" rate of "flour" is negative */
    if (isnan(rate) || isinf(rate) || fabs(rate) > PO__PMAX_ABS || rate < 0) {
        char num[32];
        const char *why = isnan(rate)   ? "is NaN"
                          : isinf(rate) ? "is infinite"
                          : rate < 0    ? "is negative"
                                        : "is too large";
        return po__perr(p,
                        isnan(rate)   ? PO_ENAN
                        : isinf(rate) ? PO_EINF
                                      : PO_EINVAL,
                        pos, "%s %s (%s)%s", owner, why,
                        po__fmt_num(rate, num),
                        rate < 0 && !isinf(rate)
                            ? ": an input with a negative rate is an output"
                            : "");
    }
    po__rate **list = out ? &a->out : &a->in;
    int *cnt = out ? &a->nout : &a->nin;
    int *cap = out ? &a->out_cap : &a->in_cap;
    for (int k = 0; k < *cnt; k++)
        if (strcmp((*list)[k].name, item) == 0) {
            (*list)[k].rate = rate;
            (*list)[k].pos = pos ? *pos : (po__pos){0, 0};
            p->validated = 0;
            return PO_OK;
        }
    char *copy = po__strdup(item);
    if (copy == NULL || grow(list, cap, *cnt + 1, sizeof **list)) {
        free(copy);
        return po__perr(p, PO_ENOMEM, pos, "%s: out of memory", owner);
    }
    (*list)[*cnt] = (po__rate){copy, -1, rate, pos ? *pos : (po__pos){0, 0}};
    (*cnt)++;
    p->validated = 0;
    return PO_OK;
}

/* ------------------------------------------------------------------ */
/* Side constraints, baseline, uncertainty                            */
/* ------------------------------------------------------------------ */

po_status po__add_constraint(po_process *p, const char *name,
                             const po__pos *pos, int *index)
{
    char nb[NAMEBUF];
    po_status st = check_name(p, "constraint", name, pos);
    if (st)
        return st;
    if (po__names_find(&p->con_index, name) >= 0)
        return po__perr(p, PO_EDUPNAME, pos,
                        "constraint \"%s\" is defined twice", nm(name, nb));
    char *copy = po__strdup(name);
    if (copy == NULL ||
        grow(&p->cons, &p->cons_cap, p->ncons + 1, sizeof *p->cons) ||
        po__names_reserve(&p->con_index, 1, NULL, NULL)) {
        free(copy);
        return po__perr(p, PO_ENOMEM, pos, "constraint \"%s\": out of memory",
                        nm(name, nb));
    }
    po__constraint *c = &p->cons[p->ncons];
    memset(c, 0, sizeof *c);
    c->name = copy;
    c->pos = pos ? *pos : (po__pos){0, 0};
    po__names_insert(&p->con_index, copy, p->ncons);
    if (index)
        *index = p->ncons;
    p->ncons++;
    p->validated = 0;
    return PO_OK;
}

po_status po__set_constraint_param(po_process *p, int con, int key,
                                   const double *v, int n, const po__pos *pos)
{
    char owner[600], nb[NAMEBUF];
    snprintf(owner, sizeof owner, "constraint \"%s\"",
             nm(p->cons[con].name, nb));
    const char *k = po__constraint_keys[key];
    po_status st = check_values(p, owner, k, v, n, 1, 0, pos);
    if (st)
        return st;
    return store_param(p, &p->cons[con].p[key], v, n, pos, owner, k);
}

po_status po__add_term(po_process *p, int con, const char *act, double coef,
                       const po__pos *pos)
{
    char nb[NAMEBUF], ab[NAMEBUF], owner[600];
    po__constraint *c = &p->cons[con];
    po_status st = check_name(p, "term", act, pos);
    if (st)
        return st;
    snprintf(owner, sizeof owner, "constraint \"%s\": term \"%s\"",
             nm(c->name, nb), nm(act, ab));
    po__pos two[2];
    if (pos)
        two[0] = two[1] = *pos;
    st = check_values(p, owner, "coefficient", &coef, 1, 1, 1,
                      pos ? two : NULL);
    if (st)
        return st;
    for (int k = 0; k < c->nterms; k++)
        if (strcmp(c->terms[k].name, act) == 0) {
            c->terms[k].coef = coef;
            c->terms[k].pos = pos ? *pos : (po__pos){0, 0};
            p->validated = 0;
            return PO_OK;
        }
    char *copy = po__strdup(act);
    if (copy == NULL ||
        grow(&c->terms, &c->terms_cap, c->nterms + 1, sizeof *c->terms)) {
        free(copy);
        return po__perr(p, PO_ENOMEM, pos, "%s: out of memory", owner);
    }
    c->terms[c->nterms++] =
        (po__term){copy, -1, coef, pos ? *pos : (po__pos){0, 0}};
    p->validated = 0;
    return PO_OK;
}

po_status po__set_baseline(po_process *p, const char *act, const double *v,
                           int n, const po__pos *pos)
{
    char nb[NAMEBUF], owner[600];
    po_status st = check_name(p, "baseline", act, pos);
    if (st)
        return st;
    snprintf(owner, sizeof owner, "baseline of \"%s\"", nm(act, nb));
    st = check_values(p, owner, "level", v, n, 0, 0, pos);
    if (st)
        return st;
    int slot = -1;
    for (int b = 0; b < p->nbase; b++)
        if (strcmp(p->base[b].name, act) == 0)
            slot = b;
    if (slot < 0) {
        char *copy = po__strdup(act);
        if (copy == NULL ||
            grow(&p->base, &p->base_cap, p->nbase + 1, sizeof *p->base)) {
            free(copy);
            return po__perr(p, PO_ENOMEM, pos, "%s: out of memory", owner);
        }
        slot = p->nbase++;
        p->base[slot] = (po__base){copy, -1, {0, NULL, {0, 0}}};
    }
    st = store_param(p, &p->base[slot].level, v, n, pos, owner, "level");
    if (st == PO_OK)
        p->has_baseline = 1;
    return st;
}

po_status po__add_uncertainty(po_process *p, po_unc_param param,
                              const char *name, po_unc_dist dist,
                              double value, const po__pos *pos)
{
    char nb[NAMEBUF], num[32];
    if ((unsigned)param > PO_UNC_CAPACITY || (unsigned)dist > PO_UNC_REL_RANGE)
        return po__perr(p, PO_EINVAL, pos, "uncertainty: bad parameter");
    po_status st = check_name(p, "uncertainty", name, pos);
    if (st)
        return st;
    const char *dn = dist == PO_UNC_REL_SD ? "rel_sd" : "rel_range";
    if (isnan(value) || isinf(value) || value < 0 ||
        value > (dist == PO_UNC_REL_RANGE ? 1 : 100))
        return po__perr(p, isnan(value) ? PO_ENAN : PO_EINVAL, pos,
                        "uncertainty of %s \"%s\": \"%s\" must be between 0 "
                        "and %s, not %s",
                        po__unc_params[param], nm(name, nb), dn,
                        dist == PO_UNC_REL_RANGE ? "1" : "100",
                        po__fmt_num(value, num));
    for (int u = 0; u < p->nunc; u++)
        if (p->unc[u].param == param && strcmp(p->unc[u].name, name) == 0) {
            p->unc[u].dist = dist;
            p->unc[u].value = value;
            p->unc[u].pos = pos ? *pos : (po__pos){0, 0};
            p->validated = 0;
            return PO_OK;
        }
    char *copy = po__strdup(name);
    if (copy == NULL || grow(&p->unc, &p->unc_cap, p->nunc + 1, sizeof *p->unc)) {
        free(copy);
        return po__perr(p, PO_ENOMEM, pos, "uncertainty: out of memory");
    }
    p->unc[p->nunc++] = (po__uncertain){param, copy, -1, dist, value,
                                        pos ? *pos : (po__pos){0, 0}};
    if (!p->has_uncertainty) {
        p->has_uncertainty = 1;
        p->scenarios = PO__DEFAULT_SCENARIOS;
    }
    p->validated = 0;
    return PO_OK;
}
