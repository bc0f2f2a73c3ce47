/*
 * savings.c -- the optimized plan against today's: savings per horizon,
 * per year, relative, by cost kind, and the plan diff.
 *
 * Both plans come from the process layer's own solves, so the figures are
 * exactly those po_process_solve and po_process_solve_baseline report; the
 * handle keeps the two plans so a caller that wants them (the command's
 * plan tables) does not solve twice.
 */
#include "savings.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct change {
    int act, t;
    double base, opt;
} change;

struct po_savings {
    po_plan *opt, *base;
    int has_value;
    double per_horizon, per_year, relative;
    double by_kind[PO_COST_NKINDS];
    change *ch;
    int nch;
    po__findings breaches;
};

void po_savings_free(po_savings *s)
{
    if (s == NULL)
        return;
    po_plan_free(s->opt);
    po_plan_free(s->base);
    free(s->ch);
    po__findings_free(&s->breaches);
    free(s);
}

static void figures(po_savings *s, double hpy)
{
    s->per_horizon = s->per_year = s->relative = NAN;
    for (int k = 0; k < PO_COST_NKINDS; k++)
        s->by_kind[k] = NAN;
    s->has_value =
        po_plan_has_solution(s->opt) && po_plan_has_solution(s->base);
    if (!s->has_value)
        return;
    double b = po_plan_total_cost(s->base), o = po_plan_total_cost(s->opt);
    s->per_horizon = b - o;
    if (hpy > 0)
        s->per_year = s->per_horizon * hpy;
    if (b != 0)
        s->relative = s->per_horizon / fabs(b);
    for (int k = 0; k < PO_COST_NKINDS; k++) {
        double cb = po_plan_cost(s->base, (po_cost_kind)k);
        double co = po_plan_cost(s->opt, (po_cost_kind)k);
        /* revenue lowers the total cost: more of it is a saving */
        s->by_kind[k] = k == PO_COST_REVENUE ? co - cb : cb - co;
    }
}

static int cmp_change(const void *x, const void *y)
{
    const change *a = x, *b = y;
    double da = fabs(a->opt - a->base), db = fabs(b->opt - b->base);
    if (da != db)
        return da > db ? -1 : 1;
    if (a->act != b->act)
        return a->act < b->act ? -1 : 1;
    return (a->t > b->t) - (a->t < b->t);
}

static int diff(po_savings *s, const po_process *p)
{
    int T = p->nperiods, n = 0;
    if (!po_plan_has_solution(s->opt))
        return 0;
    s->ch = malloc(((size_t)p->nacts * (size_t)T + 1) * sizeof *s->ch);
    if (s->ch == NULL)
        return -1;
    for (int a = 0; a < p->nacts; a++) {
        const double *lv = po_plan_levels(s->opt, a);
        for (int t = 0; t < T; t++) {
            double b = po_process_baseline_level(p, a, t), o = lv[t];
            double tol = 1e-9 * fmax(1.0, fmax(fabs(b), fabs(o)));
            if (fabs(o - b) > tol)
                s->ch[n++] = (change){a, t, b, o};
        }
    }
    qsort(s->ch, (size_t)n, sizeof *s->ch, cmp_change);
    s->nch = n;
    return 0;
}

po_status po_process_savings(po_process *p, const po_options *opt,
                             po_savings **out)
{
    if (out)
        *out = NULL;
    if (p == NULL || out == NULL)
        return PO_EINVAL;
    po_savings *s = calloc(1, sizeof *s);
    if (s == NULL) {
        po__process_clear_errors(p);
        return po__perr(p, PO_ENOMEM, NULL, "savings: out of memory");
    }
    /* the baseline first: it fails with "no baseline" before any solve */
    po_status st = po_process_solve_baseline(p, opt, &s->base);
    if (!st)
        st = po_process_solve(p, opt, &s->opt);
    if (st) {
        po_savings_free(s);
        return st;
    }
    figures(s, p->horizons_per_year);
    if (diff(s, p)) {
        po_savings_free(s);
        return po__perr(p, PO_ENOMEM, NULL, "savings: out of memory");
    }
    if (po__outcome_infeasible(po_plan_outcome(s->base))) {
        st = po__baseline_breaches(p, opt, &s->breaches);
        if (st) {
            po_savings_free(s);
            if (st == PO_ENOMEM)
                po__perr(p, st, NULL, "savings: out of memory");
            return st;
        }
    }
    *out = s;
    return PO_OK;
}

const po_plan *po_savings_optimized_plan(const po_savings *s)
{
    return s ? s->opt : NULL;
}

const po_plan *po_savings_baseline_plan(const po_savings *s)
{
    return s ? s->base : NULL;
}

po_outcome po_savings_baseline_outcome(const po_savings *s)
{
    return s ? po_plan_outcome(s->base) : PO_OUTCOME_NUMERICAL;
}

double po_savings_baseline_total_cost(const po_savings *s)
{
    return s ? po_plan_total_cost(s->base) : NAN;
}

double po_savings_optimized_total_cost(const po_savings *s)
{
    return s ? po_plan_total_cost(s->opt) : NAN;
}

int po_savings_has_value(const po_savings *s)
{
    return s ? s->has_value : 0;
}

double po_savings_per_horizon(const po_savings *s)
{
    return s ? s->per_horizon : NAN;
}

double po_savings_per_year(const po_savings *s)
{
    return s ? s->per_year : NAN;
}

double po_savings_relative(const po_savings *s)
{
    return s ? s->relative : NAN;
}

double po_savings_by_kind(const po_savings *s, po_cost_kind kind)
{
    if (s == NULL || (unsigned)kind >= PO_COST_NKINDS)
        return NAN;
    return s->by_kind[kind];
}

int po_savings_num_changes(const po_savings *s)
{
    return s ? s->nch : 0;
}

po_status po_savings_change(const po_savings *s, int k, const char **activity,
                            const char **period, double *baseline_level,
                            double *optimized_level)
{
    if (s == NULL)
        return PO_EINVAL;
    if (k < 0 || k >= s->nch)
        return PO_ERANGE;
    const change *c = &s->ch[k];
    if (activity)
        *activity = po_plan_activity_name(s->opt, c->act);
    if (period)
        *period = po_plan_period_name(s->opt, c->t);
    if (baseline_level)
        *baseline_level = c->base;
    if (optimized_level)
        *optimized_level = c->opt;
    return PO_OK;
}

int po_savings_num_breaches(const po_savings *s)
{
    return s ? s->breaches.n : 0;
}

po_status po_savings_breach(const po_savings *s, int k, po_req_kind *kind,
                            const char **name, const char **period,
                            double *amount)
{
    if (s == NULL)
        return PO_EINVAL;
    if (k < 0 || k >= s->breaches.n)
        return PO_ERANGE;
    const po__finding *f = &s->breaches.f[k];
    if (kind)
        *kind = f->kind;
    if (name)
        *name = f->name;
    if (period)
        *period = f->period;
    if (amount)
        *amount = f->amount;
    return PO_OK;
}

const char *po_savings_breach_message(const po_savings *s, int k)
{
    if (s == NULL || k < 0 || k >= s->breaches.n)
        return NULL;
    return s->breaches.f[k].message;
}
