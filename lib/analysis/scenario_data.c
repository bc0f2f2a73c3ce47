/*
 * scenario_data.c -- the uncertain numbers of a process model: where each
 * lives in the compiled models, its factor in a scenario, and writing a
 * scenario's values into a model.
 *
 * Scenario values are nominal * factor (+ the fixed cost a binary
 * activity's level carries), computed exactly as the compiler computes
 * the nominal coefficients, so a factor of exactly 1 writes back the very
 * bits the compiler wrote: zero-variance scenarios solve the nominal model.
 */
#include "scenario.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The key of an item that each kind scales (-1: activities' "cost"). */
static int item_key(po_unc_param param)
{
    switch (param) {
    case PO_UNC_DEMAND:
        return PO__I_DEMAND;
    case PO_UNC_PRICE:
        return PO__I_PRICE;
    case PO_UNC_BUY_COST:
        return PO__I_BUY_COST;
    case PO_UNC_CAPACITY:
        return PO__I_CAPACITY;
    case PO_UNC_COST:
        break;
    }
    return -1;
}

/* The entry of `param` naming target (it overrides "*"), else the "*"
 * entry, else NULL. */
static const po__uncertain *spec_for(const po_process *p, po_unc_param param,
                                     int target)
{
    const po__uncertain *all = NULL;
    for (int u = 0; u < p->nunc; u++) {
        const po__uncertain *e = &p->unc[u];
        if (e->param != param)
            continue;
        if (e->target == target && strcmp(e->name, "*") != 0)
            return e;
        if (strcmp(e->name, "*") == 0)
            all = e;
    }
    return all;
}

/* The row of the only constraint a column appears in (-1 if none): the
 * dem row of a shortage column, which the map does not record. */
static int only_row(const po_model *m, int var)
{
    int row = -1;
    if (var < 0 || po_model_var_col(m, var, NULL, NULL) != 1)
        return -1;
    po_model_var_col(m, var, &row, NULL);
    return row;
}

static int slot_of(const po__pmap *m, const po_model *model,
                   po_unc_param param, int k, po__unc_slot *s)
{
    s->var = s->var2 = s->row = -1;
    switch (param) {
    case PO_UNC_DEMAND:
        s->var = m->sold[k];
        s->var2 = m->shortv[k];
        s->row = only_row(model, s->var2);
        return s->var >= 0 && (s->var2 < 0 || s->row >= 0);
    case PO_UNC_PRICE:
        s->var = m->sold[k];
        return s->var >= 0;
    case PO_UNC_BUY_COST:
        s->var = m->buy[k];
        return s->var >= 0;
    case PO_UNC_COST:
        s->var = m->x[k];
        return s->var >= 0;
    case PO_UNC_CAPACITY:
        s->row = m->row_item[k];
        return s->row >= 0;
    }
    return 0;
}

static const po__param *param_of(const po_process *p, po_unc_param param,
                                 int target)
{
    if (param == PO_UNC_COST)
        return &p->acts[target].p[PO__A_COST];
    return &p->items[target].p[item_key(param)];
}

static const char *name_of(const po_process *p, po_unc_param param,
                           int target)
{
    return param == PO_UNC_COST ? p->acts[target].name
                                : p->items[target].name;
}

/* Visit every (param, target, period) with a spec; add == 0 only counts. */
static size_t walk(const po_process *p, const po__pmap *m0,
                   const po_model *model0, const po__pmap *m1,
                   const po_model *model1, po__unc_entry *out)
{
    static const po_unc_param kinds[] = {PO_UNC_DEMAND, PO_UNC_PRICE,
                                         PO_UNC_BUY_COST, PO_UNC_COST,
                                         PO_UNC_CAPACITY};
    size_t n = 0;
    int T = p->nperiods;
    for (size_t q = 0; q < sizeof kinds / sizeof kinds[0]; q++) {
        po_unc_param param = kinds[q];
        int ntargets = param == PO_UNC_COST ? p->nacts : p->nitems;
        for (int target = 0; target < ntargets; target++) {
            const po__param *prm = param_of(p, param, target);
            if (prm->n == 0)
                continue;
            const po__uncertain *spec = spec_for(p, param, target);
            if (spec == NULL)
                continue;
            for (int t = 0; t < T; t++) {
                int k = target * T + t;
                po__unc_entry e;
                memset(&e, 0, sizeof e);
                if (!slot_of(m0, model0, param, k, &e.slot[0]))
                    continue;
                if (m1 && !slot_of(m1, model1, param, k, &e.slot[1]))
                    continue;
                if (!m1)
                    e.slot[1] = (po__unc_slot){-1, -1, -1};
                if (out) {
                    e.param = param;
                    e.name = name_of(p, param, target);
                    e.target = target;
                    e.t = t;
                    e.dist.kind = spec->dist == PO_UNC_REL_SD
                                      ? PO__DIST_REL_SD
                                      : PO__DIST_REL_RANGE;
                    e.dist.param = spec->value;
                    e.nominal = po__pv(prm, t, 0);
                    if (param == PO_UNC_COST && p->acts[target].binary)
                        e.extra = po__pv(&p->acts[target].p[PO__A_FIXED_COST],
                                         t, 0);
                    e.fixed_demand = param == PO_UNC_DEMAND &&
                                     e.slot[0].var2 < 0;
                    out[n] = e;
                }
                n++;
            }
        }
    }
    return n;
}

po_status po__unc_collect(const po_process *p, const po__pmap *m0,
                          const po_model *model0, const po__pmap *m1,
                          const po_model *model1, po__unc_set *out)
{
    memset(out, 0, sizeof *out);
    size_t n = walk(p, m0, model0, m1, model1, NULL);
    out->cost_only = 1;
    if (n == 0)
        return PO_OK;
    out->e = malloc(n * sizeof *out->e);
    if (out->e == NULL)
        return PO_ENOMEM;
    out->n = walk(p, m0, model0, m1, model1, out->e);
    for (size_t k = 0; k < out->n; k++)
        if (out->e[k].param == PO_UNC_DEMAND ||
            out->e[k].param == PO_UNC_CAPACITY)
            out->cost_only = 0;
    return PO_OK;
}

void po__unc_free(po__unc_set *set)
{
    if (set == NULL)
        return;
    free(set->e);
    memset(set, 0, sizeof *set);
}

/* Smallest and largest factor of (param, item i, period t) over the
 * scenarios, 1 (the nominal model) included. */
static po_status factor_range(const po_process *p, const po__uncertain *spec,
                              uint64_t seed, long count, po_unc_param param,
                              int i, int t, double *lo, double *hi)
{
    po__dist dist;
    dist.kind = spec->dist == PO_UNC_REL_SD ? PO__DIST_REL_SD
                                            : PO__DIST_REL_RANGE;
    dist.param = spec->value;
    *lo = *hi = 1;
    for (long s = 0; s < count; s++) {
        double f;
        po_status st = po__rng_draw_factor(seed, (uint64_t)s, param,
                                           p->items[i].name, (uint64_t)t,
                                           &dist, &f);
        if (st != PO_OK)
            return st;
        *lo = f < *lo ? f : *lo;
        *hi = f > *hi ? f : *hi;
    }
    return PO_OK;
}

po_status po__unc_envelope(const po_process *p, uint64_t seed, long count,
                           po__envelope *env, double **mem)
{
    size_t n = (size_t)p->nitems * (size_t)p->nperiods;
    memset(env, 0, sizeof *env);
    *mem = malloc((3 * n + 1) * sizeof **mem);
    if (*mem == NULL)
        return PO_ENOMEM;
    double *dlo = *mem, *dhi = dlo + n, *chi = dhi + n;
    for (int i = 0; i < p->nitems; i++)
        for (int t = 0; t < p->nperiods; t++) {
            size_t k = (size_t)i * (size_t)p->nperiods + (size_t)t;
            dlo[k] = dhi[k] = po__pv(&p->items[i].p[PO__I_DEMAND], t, 0);
            chi[k] = po__pv(&p->items[i].p[PO__I_CAPACITY], t, 0);
        }
    static const po_unc_param kinds[] = {PO_UNC_DEMAND, PO_UNC_CAPACITY};
    for (int q = 0; q < 2; q++) {
        int key = item_key(kinds[q]);
        for (int i = 0; i < p->nitems; i++) {
            const po__uncertain *spec = spec_for(p, kinds[q], i);
            if (spec == NULL || p->items[i].p[key].n == 0)
                continue;
            for (int t = 0; t < p->nperiods; t++) {
                size_t k = (size_t)i * (size_t)p->nperiods + (size_t)t;
                double lo, hi, v = po__pv(&p->items[i].p[key], t, 0);
                po_status st = factor_range(p, spec, seed, count, kinds[q], i,
                                            t, &lo, &hi);
                if (st != PO_OK)
                    return st;
                /* scenario values are nominal * factor, as po__unc_apply
                 * writes them */
                if (kinds[q] == PO_UNC_DEMAND) {
                    dlo[k] = v * lo;
                    dhi[k] = v * hi;
                } else {
                    chi[k] = v * hi;
                }
            }
        }
    }
    env->demand_lo = dlo;
    env->demand_hi = dhi;
    env->capacity_hi = chi;
    return PO_OK;
}

po_status po__unc_draw(const po__unc_set *set, uint64_t seed,
                       uint64_t scenario, double *f)
{
    for (size_t k = 0; k < set->n; k++) {
        const po__unc_entry *e = &set->e[k];
        po_status st = po__rng_draw_factor(seed, scenario, e->param, e->name,
                                           (uint64_t)e->t, &e->dist, &f[k]);
        if (st != PO_OK)
            return st;
    }
    return PO_OK;
}

/* The scenario's coefficient of an objective entry, as the compiler
 * writes the nominal one (price enters with a minus: revenue). */
static double objective_value(const po__unc_entry *e, double f)
{
    double v = e->nominal * f;
    if (e->param == PO_UNC_PRICE)
        return -v;
    return e->param == PO_UNC_COST ? v + e->extra : v;
}

po_status po__unc_apply(const po__unc_set *set, int which, const double *f,
                        po_model *m)
{
    po_status st = PO_OK;
    for (size_t k = 0; k < set->n && st == PO_OK; k++) {
        const po__unc_entry *e = &set->e[k];
        const po__unc_slot *s = &e->slot[which];
        double v = e->nominal * f[k];
        switch (e->param) {
        case PO_UNC_DEMAND:
            st = po_model_set_var_bounds(m, s->var, e->fixed_demand ? v : 0,
                                         v);
            if (st == PO_OK && s->var2 >= 0)
                st = po_model_set_var_bounds(m, s->var2, 0, v);
            if (st == PO_OK && s->row >= 0)
                st = po_model_set_constr_bounds(m, s->row, v, v);
            break;
        case PO_UNC_CAPACITY:
            st = po_model_set_constr_bounds(m, s->row, -INFINITY, v);
            break;
        case PO_UNC_PRICE:
        case PO_UNC_BUY_COST:
        case PO_UNC_COST:
            st = po_model_set_var_obj(m, s->var, objective_value(e, f[k]));
            break;
        }
    }
    return st;
}

void po__unc_apply_costs(const po__unc_set *set, const double *f, double *obj)
{
    for (size_t k = 0; k < set->n; k++) {
        const po__unc_entry *e = &set->e[k];
        if (e->param == PO_UNC_PRICE || e->param == PO_UNC_BUY_COST ||
            e->param == PO_UNC_COST)
            obj[e->slot[0].var] = objective_value(e, f[k]);
    }
}
