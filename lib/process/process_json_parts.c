/*
 * process_json_parts.c -- reading the parts of a process model: items,
 * activities, side constraints, baseline, uncertainty and MVP economics.
 * Values go through the same building calls as the C API (process_build.c);
 * this file adds the JSON shapes and where each value was written.
 */
#include "process_json.h"
#include "model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAMEBUF 64

static const char *const item_all[] = {
    "buy_cost", "buy_max", "store_cost", "store_max", "capacity", "demand",
    "price", "shortage_cost", "initial", "dispose_cost", "description"};
static const char *const act_all[] = {
    "cost", "min", "max", "fixed_cost", "min_batch", "integer", "binary",
    "in", "out", "description"};
static const char *const con_all[] = {"name", "terms", "min", "max",
                                      "description"};
static const char *const unc_all[] = {"scenarios", "seed", "demand", "price",
                                      "buy_cost", "cost", "capacity"};
static const char *const dist_all[] = {"rel_sd", "rel_range"};
static const char *const mvp_all[] = {"build_cost", "run_cost_per_year",
                                      "years"};
#define N(t) ((int)(sizeof t / sizeof t[0]))

static const char *nm(const char *s, char buf[NAMEBUF])
{
    return po__name_for_msg(s, buf, NAMEBUF);
}

/* Members of an object value, or an error saying what it should be. */
static int object_members(po__rd *r, const po__jm *m, const char *what,
                          po__jm **out)
{
    *out = NULL;
    if (!json_is_object(m->v)) {
        po__pos vp = po__rd_vpos(r, m->node);
        po__perr(r->p, PO_EMODEL, &vp, "%s must be an object, not %s", what,
                 po__json_kind(m->v));
        return -1;
    }
    return po__rd_members(r, m->v, m->node, out);
}

static void read_description(po__rd *r, const po__jm *m, char **slot,
                             const char *owner)
{
    po__pos vp = po__rd_vpos(r, m->node);
    if (!json_is_string(m->v)) {
        po__perr(r->p, PO_EMODEL, &vp,
                 "%s: \"description\" must be a string, not %s", owner,
                 po__json_kind(m->v));
        return;
    }
    char *c = po__strdup(json_string_value(m->v));
    if (c == NULL) {
        po__perr(r->p, PO_ENOMEM, &vp, "%s: out of memory", owner);
        return;
    }
    free(*slot);
    *slot = c;
}

/* ------------------------------------------------------------------ */
/* Items                                                              */
/* ------------------------------------------------------------------ */

static void read_item(po__rd *r, const po__jm *im)
{
    char nb[NAMEBUF], owner[600], where[600];
    po__pos kp = po__rd_kpos(r, im->node);
    int item;
    if (po__add_item(r->p, im->key, &kp, &item))
        return;
    snprintf(owner, sizeof owner, "item \"%s\"", nm(im->key, nb));
    po__jm *m;
    int n = object_members(r, im, owner, &m);
    for (int k = 0; k < n; k++) {
        int key = po__key_index(po__item_keys, PO__I_NKEYS, m[k].key);
        if (key < 0) {
            if (strcmp(m[k].key, "description") == 0) {
                read_description(r, &m[k], &r->p->items[item].description,
                                 owner);
                continue;
            }
            snprintf(where, sizeof where, "item \"%s\"", nm(im->key, nb));
            po__rd_unknown_key(r, &m[k], where, item_all, N(item_all));
            continue;
        }
        double *v;
        po__pos *pos;
        int cnt = po__rd_numbers(r, &m[k], owner, m[k].key, &v, &pos);
        if (cnt > 0)
            po__set_item_param(r->p, item, key, v, cnt, pos);
        free(v);
        free(pos);
    }
    free(m);
}

void po__rd_items(po__rd *r, const po__jm *m)
{
    po__jm *items;
    int n = object_members(r, m, "\"items\"", &items);
    for (int k = 0; k < n; k++)
        read_item(r, &items[k]);
    free(items);
}

/* ------------------------------------------------------------------ */
/* Activities                                                         */
/* ------------------------------------------------------------------ */

static void read_rates(po__rd *r, int act, const po__jm *m, int out,
                       const char *owner)
{
    char what[700], ib[NAMEBUF];
    snprintf(what, sizeof what, "%s: \"%s\"", owner, m->key);
    po__jm *rates;
    int n = object_members(r, m, what, &rates);
    for (int k = 0; k < n; k++) {
        po__pos kp = po__rd_kpos(r, rates[k].node);
        if (!json_is_number(rates[k].v)) {
            po__pos vp = po__rd_vpos(r, rates[k].node);
            po__perr(r->p, PO_EMODEL, &vp,
                     "%s: the rate of \"%s\" must be a number, not %s", what,
                     nm(rates[k].key, ib), po__json_kind(rates[k].v));
            continue;
        }
        po__add_rate(r->p, act, out, rates[k].key,
                     json_number_value(rates[k].v), &kp);
    }
    free(rates);
}

static void read_activity(po__rd *r, const po__jm *am)
{
    char nb[NAMEBUF], owner[600];
    po__pos kp = po__rd_kpos(r, am->node);
    int act;
    if (po__add_activity(r->p, am->key, &kp, &act))
        return;
    snprintf(owner, sizeof owner, "activity \"%s\"", nm(am->key, nb));
    po__jm *m;
    int n = object_members(r, am, owner, &m);
    for (int k = 0; k < n; k++) {
        const char *key = m[k].key;
        int pk = po__key_index(po__activity_keys, PO__A_NKEYS, key);
        if (pk >= 0) {
            double *v;
            po__pos *pos;
            int cnt = po__rd_numbers(r, &m[k], owner, key, &v, &pos);
            if (cnt > 0)
                po__set_activity_param(r->p, act, pk, v, cnt, pos);
            free(v);
            free(pos);
        } else if (strcmp(key, "integer") == 0 || strcmp(key, "binary") == 0) {
            po__pos vp = po__rd_vpos(r, m[k].node);
            po__pos mkp = po__rd_kpos(r, m[k].node);
            if (!json_is_boolean(m[k].v))
                po__perr(r->p, PO_EMODEL, &vp,
                         "%s: \"%s\" must be true or false, not %s", owner, key,
                         po__json_kind(m[k].v));
            else
                po__set_activity_flag(r->p, act, key, json_is_true(m[k].v),
                                      &mkp);
        } else if (strcmp(key, "in") == 0 || strcmp(key, "out") == 0) {
            read_rates(r, act, &m[k], key[0] == 'o', owner);
        } else if (strcmp(key, "description") == 0) {
            read_description(r, &m[k], &r->p->acts[act].description, owner);
        } else {
            po__rd_unknown_key(r, &m[k], owner, act_all, N(act_all));
        }
    }
    free(m);
}

void po__rd_activities(po__rd *r, const po__jm *m)
{
    po__jm *acts;
    int n = object_members(r, m, "\"activities\"", &acts);
    for (int k = 0; k < n; k++)
        read_activity(r, &acts[k]);
    free(acts);
}

/* ------------------------------------------------------------------ */
/* Side constraints                                                   */
/* ------------------------------------------------------------------ */

static void read_terms(po__rd *r, int con, const po__jm *m, const char *owner)
{
    char what[700], ab[NAMEBUF];
    snprintf(what, sizeof what, "%s: \"terms\"", owner);
    po__jm *t;
    int n = object_members(r, m, what, &t);
    if (n == 0) {
        po__pos vp = po__rd_vpos(r, m->node);
        po__perr(r->p, PO_EMODEL, &vp, "%s is empty", what);
    }
    for (int k = 0; k < n; k++) {
        po__pos kp = po__rd_kpos(r, t[k].node);
        if (!json_is_number(t[k].v)) {
            po__pos vp = po__rd_vpos(r, t[k].node);
            po__perr(r->p, PO_EMODEL, &vp,
                     "%s: the coefficient of \"%s\" must be a number, not %s",
                     owner, nm(t[k].key, ab), po__json_kind(t[k].v));
            continue;
        }
        po__add_term(r->p, con, t[k].key, json_number_value(t[k].v), &kp);
    }
    free(t);
}

static void read_constraint(po__rd *r, const po__jm *cm, int index)
{
    char nb[NAMEBUF], owner[600], dflt[32];
    po__pos vp = po__rd_vpos(r, cm->node);
    snprintf(owner, sizeof owner, "constraint %d", index + 1);
    po__jm *m;
    int n = object_members(r, cm, owner, &m);
    if (n < 0 || !json_is_object(cm->v))
        return;
    /* the name first: every other message names the constraint */
    const char *name = NULL;
    po__pos name_pos = vp;
    for (int k = 0; k < n; k++)
        if (strcmp(m[k].key, "name") == 0) {
            name_pos = po__rd_vpos(r, m[k].node);
            if (json_is_string(m[k].v))
                name = json_string_value(m[k].v);
            else
                po__perr(r->p, PO_EMODEL, &name_pos,
                         "%s: \"name\" must be a string, not %s", owner,
                         po__json_kind(m[k].v));
        }
    if (name == NULL) {
        snprintf(dflt, sizeof dflt, "c%d", index + 1);
        name = dflt;
    }
    int con;
    if (po__add_constraint(r->p, name, &name_pos, &con)) {
        free(m);
        return;
    }
    snprintf(owner, sizeof owner, "constraint \"%s\"", nm(name, nb));
    int has_terms = 0;
    for (int k = 0; k < n; k++) {
        const char *key = m[k].key;
        int pk = po__key_index(po__constraint_keys, PO__C_NKEYS, key);
        if (pk >= 0) {
            double *v;
            po__pos *pos;
            int cnt = po__rd_numbers(r, &m[k], owner, key, &v, &pos);
            if (cnt > 0)
                po__set_constraint_param(r->p, con, pk, v, cnt, pos);
            free(v);
            free(pos);
        } else if (strcmp(key, "terms") == 0) {
            has_terms = 1;
            read_terms(r, con, &m[k], owner);
        } else if (strcmp(key, "description") == 0) {
            read_description(r, &m[k], &r->p->cons[con].description, owner);
        } else if (strcmp(key, "name") != 0) {
            po__rd_unknown_key(r, &m[k], owner, con_all, N(con_all));
        }
    }
    if (!has_terms)
        po__perr(r->p, PO_EMODEL, &vp, "%s has no \"terms\"", owner);
    free(m);
}

void po__rd_constraints(po__rd *r, const po__jm *m)
{
    po__pos vp = po__rd_vpos(r, m->node);
    if (!json_is_array(m->v)) {
        po__perr(r->p, PO_EMODEL, &vp,
                 "\"constraints\" must be an array of objects, not %s",
                 po__json_kind(m->v));
        return;
    }
    po__jm *cons;
    int n = po__rd_members(r, m->v, m->node, &cons);
    for (int k = 0; k < n; k++)
        read_constraint(r, &cons[k], k);
    free(cons);
}

/* ------------------------------------------------------------------ */
/* Baseline                                                           */
/* ------------------------------------------------------------------ */

void po__rd_baseline(po__rd *r, const po__jm *m)
{
    char nb[NAMEBUF], owner[600];
    po__jm *b;
    int n = object_members(r, m, "\"baseline\"", &b);
    if (n >= 0) {
        r->p->has_baseline = 1;
        r->p->baseline_pos = po__rd_kpos(r, m->node);
    }
    for (int k = 0; k < n; k++) {
        snprintf(owner, sizeof owner, "baseline of \"%s\"", nm(b[k].key, nb));
        double *v;
        po__pos *pos;
        int cnt = po__rd_numbers(r, &b[k], owner, "level", &v, &pos);
        if (cnt > 0)
            po__set_baseline(r->p, b[k].key, v, cnt, pos);
        free(v);
        free(pos);
    }
    free(b);
}

/* ------------------------------------------------------------------ */
/* Uncertainty and MVP economics                                      */
/* ------------------------------------------------------------------ */

/* A whole number in [lo, hi], or an error. */
static int read_whole(po__rd *r, const po__jm *m, const char *owner,
                      double lo, double hi, double *out)
{
    char a[32], b[32];
    po__pos vp = po__rd_vpos(r, m->node);
    double v = json_is_number(m->v) ? json_number_value(m->v) : NAN;
    if (!(v >= lo && v <= hi && v == floor(v))) {
        po__perr(r->p, PO_EMODEL, &vp,
                 "%s: \"%s\" must be a whole number from %s to %s", owner,
                 m->key, po__fmt_num(lo, a), po__fmt_num(hi, b));
        return -1;
    }
    *out = v;
    return 0;
}

static void read_spread(po__rd *r, po_unc_param param, const po__jm *m)
{
    char what[700], nb[NAMEBUF];
    snprintf(what, sizeof what, "uncertainty: \"%s\"", m->key);
    po__jm *e;
    int n = object_members(r, m, what, &e);
    for (int k = 0; k < n; k++) {
        snprintf(what, sizeof what, "uncertainty of %s \"%s\"", m->key,
                 nm(e[k].key, nb));
        po__jm *d;
        int nd = object_members(r, &e[k], what, &d);
        if (nd < 0)
            continue;
        int found = 0;
        for (int j = 0; j < nd; j++) {
            int di = po__key_index(dist_all, N(dist_all), d[j].key);
            if (di < 0) {
                po__rd_unknown_key(r, &d[j], what, dist_all, N(dist_all));
                continue;
            }
            po__pos vp = po__rd_vpos(r, d[j].node);
            if (found++) {
                po__perr(r->p, PO_EMODEL, &vp,
                         "%s: give \"rel_sd\" or \"rel_range\", not both",
                         what);
                continue;
            }
            if (!json_is_number(d[j].v)) {
                po__perr(r->p, PO_EMODEL, &vp,
                         "%s: \"%s\" must be a number, not %s", what,
                         d[j].key, po__json_kind(d[j].v));
                continue;
            }
            po__pos kp = po__rd_kpos(r, e[k].node);
            po__add_uncertainty(r->p, param, e[k].key, (po_unc_dist)di,
                                json_number_value(d[j].v), &kp);
        }
        if (!found) {
            po__pos vp = po__rd_vpos(r, e[k].node);
            po__perr(r->p, PO_EMODEL, &vp,
                     "%s: give \"rel_sd\" or \"rel_range\"", what);
        }
        free(d);
    }
    free(e);
}

void po__rd_uncertainty(po__rd *r, const po__jm *m)
{
    po__jm *u;
    int n = object_members(r, m, "\"uncertainty\"", &u);
    if (n < 0)
        return;
    po_process *p = r->p;
    p->has_uncertainty = 1;
    p->uncertainty_pos = po__rd_kpos(r, m->node);
    if (p->scenarios == 0)
        p->scenarios = PO__DEFAULT_SCENARIOS;
    for (int k = 0; k < n; k++) {
        double v;
        int key = po__key_index(unc_all, N(unc_all), u[k].key);
        switch (key) {
        case 0:
            if (read_whole(r, &u[k], "uncertainty", 1, 1e9, &v) == 0)
                p->scenarios = (long)v;
            break;
        case 1:
            if (read_whole(r, &u[k], "uncertainty", 0, 4294967295.0, &v) == 0)
                p->seed = (unsigned long)v;
            break;
        case 2: read_spread(r, PO_UNC_DEMAND, &u[k]); break;
        case 3: read_spread(r, PO_UNC_PRICE, &u[k]); break;
        case 4: read_spread(r, PO_UNC_BUY_COST, &u[k]); break;
        case 5: read_spread(r, PO_UNC_COST, &u[k]); break;
        case 6: read_spread(r, PO_UNC_CAPACITY, &u[k]); break;
        default:
            po__rd_unknown_key(r, &u[k], "\"uncertainty\"", unc_all,
                               N(unc_all));
        }
    }
    free(u);
}

void po__rd_mvp(po__rd *r, const po__jm *m)
{
    po__jm *e;
    int n = object_members(r, m, "\"mvp\"", &e);
    if (n < 0)
        return;
    double v[3] = {NAN, 0, NAN};
    for (int k = 0; k < n; k++) {
        int key = po__key_index(mvp_all, N(mvp_all), e[k].key);
        if (key < 0) {
            po__rd_unknown_key(r, &e[k], "\"mvp\"", mvp_all, N(mvp_all));
            continue;
        }
        po__pos vp = po__rd_vpos(r, e[k].node);
        double x = json_is_number(e[k].v) ? json_number_value(e[k].v) : NAN;
        int ok = key == 2 ? x > 0 : x >= 0;
        if (!ok || x > PO__PMAX_ABS) {
            po__perr(r->p, PO_EMODEL, &vp, "mvp: \"%s\" must be a number %s",
                     e[k].key, key == 2 ? "> 0" : ">= 0");
            v[key] = -1;
            continue;
        }
        v[key] = x;
    }
    po__pos vp = po__rd_vpos(r, m->node);
    if (isnan(v[0]))
        po__perr(r->p, PO_EMODEL, &vp, "mvp: \"build_cost\" is missing");
    if (isnan(v[2]))
        po__perr(r->p, PO_EMODEL, &vp, "mvp: \"years\" is missing");
    if (v[0] >= 0 && v[1] >= 0 && v[2] > 0) {
        r->p->has_mvp = 1;
        r->p->mvp_build = v[0];
        r->p->mvp_run = v[1];
        r->p->mvp_years = v[2];
    }
    free(e);
}
