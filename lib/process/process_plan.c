/*
 * process_plan.c -- solving a process model and reading the solution back
 * in process terms: levels, buys, sales, stocks, shortages, use and slack
 * of capacities, and the cost split by kind.
 *
 * A plan copies every name and number it reports, so it outlives the
 * process it came from; it keeps the compiled model and the solver's
 * result for callers that want duals or the raw values.
 *
 * Plan numbers are cleaned of solver noise (-2.8e-14 where 0 is meant,
 * 99.99999999997 for a demand of 100): a variable's value within
 * SNAP_TOL * max(1, |bound|) of 0 or of one of its bounds becomes that
 * value, integer and binary variables are rounded to the nearest integer,
 * and derived series (shortage, slack) within SNAP_TOL of the scale of
 * their terms become 0.  GLPK's own tolerances are 1e-7 relative (primal
 * feasibility) and 1e-5 (integrality), so nothing the solver distinguishes
 * is lost.  The result keeps the raw values (po_plan_result).
 */
#include "process.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define NSERIES 8

/* Relative tolerance of the clean-up of plan values (see above). */
#define SNAP_TOL 1e-9

struct po_plan {
    po_outcome outcome;
    int has_solution;
    po_objective kind;
    double total_cost;
    int T, nacts, nitems;
    char **periods, **acts, **items;
    unsigned char *is_cap;
    double *levels;                  /* nacts * T */
    double *series[NSERIES];         /* nitems * T each */
    unsigned char *has[NSERIES];     /* per item: the series exists */
    double cost[PO_COST_NKINDS];
    double *cost_t[PO_COST_NKINDS];  /* T each */
    po_model *model;
    po_result *result;
};

static const char *const series_names[NSERIES] = {
    "buy", "sold", "shortage", "stock", "used", "produced", "slack",
    "disposed"};
static const char *const cost_names[PO_COST_NKINDS] = {
    "buying", "storing", "activity", "fixed", "shortage", "revenue",
    "disposal"};

void po_plan_free(po_plan *pl)
{
    if (pl == NULL)
        return;
    po__free_strings(pl->periods, pl->T);
    po__free_strings(pl->acts, pl->nacts);
    po__free_strings(pl->items, pl->nitems);
    free(pl->is_cap);
    free(pl->levels);
    for (int s = 0; s < NSERIES; s++) {
        free(pl->series[s]);
        free(pl->has[s]);
    }
    for (int k = 0; k < PO_COST_NKINDS; k++)
        free(pl->cost_t[k]);
    po_result_free(pl->result);
    po_model_free(pl->model);
    free(pl);
}

static char **copy_names(const char *const *src, size_t stride, int n)
{
    char **out = calloc((size_t)n + 1, sizeof *out);
    if (out == NULL)
        return NULL;
    for (int k = 0; k < n; k++) {
        const char *s;
        memcpy(&s, (const char *)src + (size_t)k * stride, sizeof s);
        if ((out[k] = po__strdup(s ? s : "")) == NULL) {
            po__free_strings(out, k);
            return NULL;
        }
    }
    return out;
}

static int alloc_plan(po_plan *pl, const po_process *p)
{
    size_t T = (size_t)p->nperiods;
    static const char *const empty = "";
    pl->T = p->nperiods;
    pl->nacts = p->nacts;
    pl->nitems = p->nitems;
    pl->kind = p->objective;
    if (p->periods) {
        pl->periods = copy_names((const char *const *)p->periods,
                                 sizeof(char *), p->nperiods);
    } else {
        pl->periods = copy_names(&empty, 0, 1);
    }
    pl->acts = copy_names((const char *const *)(p->nacts ? &p->acts[0].name
                                                         : NULL),
                          sizeof *p->acts, p->nacts);
    pl->items = copy_names((const char *const *)(p->nitems ? &p->items[0].name
                                                           : NULL),
                           sizeof *p->items, p->nitems);
    pl->is_cap = calloc((size_t)p->nitems + 1, 1);
    if (!pl->periods || !pl->acts || !pl->items || !pl->is_cap)
        return -1;
    for (int i = 0; i < p->nitems; i++)
        pl->is_cap[i] = p->items[i].p[PO__I_CAPACITY].n > 0;
    if (!pl->has_solution)
        return 0;
    pl->levels = calloc((size_t)p->nacts * T + 1, sizeof *pl->levels);
    if (pl->levels == NULL)
        return -1;
    for (int s = 0; s < NSERIES; s++) {
        pl->series[s] = calloc((size_t)p->nitems * T + 1, sizeof(double));
        pl->has[s] = calloc((size_t)p->nitems + 1, 1);
        if (!pl->series[s] || !pl->has[s])
            return -1;
    }
    for (int k = 0; k < PO_COST_NKINDS; k++)
        if ((pl->cost_t[k] = calloc(T + 1, sizeof(double))) == NULL)
            return -1;
    return 0;
}

static double value(const double *v, int j)
{
    return j >= 0 ? v[j] : 0;
}

/* x snapped to target when within tol of it. */
static double snap(double x, double target, double tol)
{
    return fabs(x - target) <= tol ? target : x;
}

/* The model's values without solver noise (see the file comment). */
static void clean_values(const po_model *m, const double *v, double *out)
{
    int n = po_model_num_vars(m);
    for (int j = 0; j < n; j++) {
        double x = v[j];
        po_vartype type = po_model_var_type(m, j);
        if (type == PO_INTEGER || type == PO_BINARY) {
            out[j] = round(x) == 0 ? 0 : round(x); /* never -0 */
            continue;
        }
        double lb = po_model_var_lb(m, j), ub = po_model_var_ub(m, j);
        double scale = 1;
        if (isfinite(lb) && fabs(lb) > scale)
            scale = fabs(lb);
        if (isfinite(ub) && fabs(ub) > scale)
            scale = fabs(ub);
        double tol = SNAP_TOL * scale;
        x = snap(x, 0, tol);
        if (isfinite(lb))
            x = snap(x, lb, tol);
        if (isfinite(ub))
            x = snap(x, ub, tol);
        out[j] = x == 0 ? 0 : x;
    }
}

/* A derived number: 0 when it is within SNAP_TOL of the scale of the
 * terms it came from. */
static double snap_derived(double x, double scale)
{
    return fabs(x) <= SNAP_TOL * fmax(1, scale) ? 0 : x;
}

static void fill_values(po_plan *pl, const po_process *p, const po__pmap *mp,
                        const double *v)
{
    int T = pl->T;
    double **S = pl->series;
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        for (int t = 0; t < T; t++) {
            size_t k = (size_t)a * T + t;
            double x = value(v, mp->x[k]);
            pl->levels[k] = x;
            pl->cost_t[PO_COST_ACTIVITY][t] +=
                po__pv(&act->p[PO__A_COST], t, 0) * x;
            double on = act->binary ? x : value(v, mp->on[k]);
            pl->cost_t[PO_COST_FIXED][t] +=
                po__pv(&act->p[PO__A_FIXED_COST], t, 0) * on;
            for (int r = 0; r < act->nin; r++)
                S[PO_PLAN_USED][(size_t)act->in[r].item * T + t] +=
                    act->in[r].rate * x;
            for (int r = 0; r < act->nout; r++)
                S[PO_PLAN_PRODUCED][(size_t)act->out[r].item * T + t] +=
                    act->out[r].rate * x;
        }
    }
    for (int i = 0; i < p->nitems; i++) {
        const po__param *q = p->items[i].p;
        pl->has[PO_PLAN_USED][i] = pl->has[PO_PLAN_PRODUCED][i] = 1;
        for (int t = 0; t < T; t++) {
            size_t k = (size_t)i * T + t;
            if (mp->buy[k] >= 0) {
                pl->has[PO_PLAN_BUY][i] = 1;
                S[PO_PLAN_BUY][k] = v[mp->buy[k]];
                pl->cost_t[PO_COST_BUYING][t] +=
                    po__pv(&q[PO__I_BUY_COST], t, 0) * v[mp->buy[k]];
            }
            if (mp->sold[k] >= 0) {
                double d = po__pv(&q[PO__I_DEMAND], t, 0), s = v[mp->sold[k]];
                pl->has[PO_PLAN_SOLD][i] = pl->has[PO_PLAN_SHORTAGE][i] = 1;
                S[PO_PLAN_SOLD][k] = s;
                S[PO_PLAN_SHORTAGE][k] = snap_derived(d - s, d);
                pl->cost_t[PO_COST_REVENUE][t] +=
                    po__pv(&q[PO__I_PRICE], t, 0) * s;
                pl->cost_t[PO_COST_SHORTAGE][t] +=
                    po__pv(&q[PO__I_SHORTAGE_COST], t, 0) *
                    value(v, mp->shortv[k]);
            }
            if (mp->stock[k] >= 0) {
                pl->has[PO_PLAN_STOCK][i] = 1;
                S[PO_PLAN_STOCK][k] = v[mp->stock[k]];
                pl->cost_t[PO_COST_STORING][t] +=
                    po__pv(&q[PO__I_STORE_COST], t, 0) * v[mp->stock[k]];
            }
            if (mp->disp[k] >= 0) {
                pl->has[PO_PLAN_DISPOSED][i] = 1;
                S[PO_PLAN_DISPOSED][k] = v[mp->disp[k]];
                pl->cost_t[PO_COST_DISPOSAL][t] +=
                    po__pv(&q[PO__I_DISPOSE_COST], t, 0) * v[mp->disp[k]];
            }
            double cap = po__pv(&q[PO__I_CAPACITY], t, 0);
            double used = S[PO_PLAN_USED][k], made = S[PO_PLAN_PRODUCED][k];
            double scale = fmax(fmax(fabs(cap), fabs(S[PO_PLAN_BUY][k])),
                                fmax(made, used));
            S[PO_PLAN_USED][k] = snap_derived(used, used);
            S[PO_PLAN_PRODUCED][k] = snap_derived(made, made);
            if (pl->is_cap[i]) {
                pl->has[PO_PLAN_SLACK][i] = 1;
                S[PO_PLAN_SLACK][k] = snap_derived(
                    cap + S[PO_PLAN_BUY][k] + made - used, scale);
            }
        }
    }
    for (int kind = 0; kind < PO_COST_NKINDS; kind++) {
        pl->cost[kind] = 0;
        for (int t = 0; t < T; t++)
            pl->cost[kind] += pl->cost_t[kind][t];
    }
}

static po_status solve(po_process *p, int baseline, const po_options *opt,
                       po_plan **out)
{
    if (p == NULL || out == NULL)
        return PO_EINVAL;
    *out = NULL;
    po__process_clear_errors(p);
    if (!p->validated) {
        po_status st = po__process_check(p);
        if (st)
            return st;
    }
    if (baseline && !p->has_baseline)
        return po__perr(p, PO_EMODEL, NULL, "the model has no \"baseline\"");
    po__pmap map;
    po_model *m;
    /* The flow rows also when the plan is solved for its duals: with the
     * binaries fixed they cut off no plan, for any capacity or side-rule
     * bound either, so a capacity's dual is still a true shadow price
     * (po_process_limits compiles the same way).  Baselines have their
     * binaries fixed: the flow rows would change nothing. */
    po__copts co = {baseline, !baseline, NULL};
    po_status st = po__process_compile_opts(p, &co, &m, &map);
    if (st)
        return st;
    po_plan *pl = calloc(1, sizeof *pl);
    if (pl == NULL) {
        po__pmap_free(&map);
        po_model_free(m);
        return po__perr(p, PO_ENOMEM, NULL, "solve: out of memory");
    }
    pl->model = m;
    st = po_solve(m, opt, &pl->result);
    if (st) {
        po__perr(p, st, NULL, "solve: %s", po_model_errmsg(m));
        po__pmap_free(&map);
        po_plan_free(pl);
        return st;
    }
    pl->outcome = po_result_outcome(pl->result);
    pl->has_solution = po_result_has_solution(pl->result);
    if (alloc_plan(pl, p)) {
        po__pmap_free(&map);
        po_plan_free(pl);
        return po__perr(p, PO_ENOMEM, NULL, "solve: out of memory");
    }
    pl->total_cost = NAN;
    for (int k = 0; k < PO_COST_NKINDS; k++)
        pl->cost[k] = NAN;
    if (pl->has_solution) {
        double *v = malloc(((size_t)po_model_num_vars(m) + 1) * sizeof *v);
        if (v == NULL) {
            po__pmap_free(&map);
            po_plan_free(pl);
            return po__perr(p, PO_ENOMEM, NULL, "solve: out of memory");
        }
        clean_values(m, po_result_values(pl->result), v);
        fill_values(pl, p, &map, v);
        free(v);
        pl->total_cost = po_result_objective(pl->result);
    }
    po__pmap_free(&map);
    *out = pl;
    return PO_OK;
}

po_status po_process_solve(po_process *p, const po_options *opt,
                           po_plan **plan)
{
    return solve(p, 0, opt, plan);
}

po_status po_process_solve_baseline(po_process *p, const po_options *opt,
                                    po_plan **plan)
{
    return solve(p, 1, opt, plan);
}

/* ------------------------------------------------------------------ */
/* Read-back                                                          */
/* ------------------------------------------------------------------ */

po_outcome po_plan_outcome(const po_plan *pl)
{
    return pl ? pl->outcome : PO_OUTCOME_NUMERICAL;
}

int po_plan_has_solution(const po_plan *pl)
{
    return pl ? pl->has_solution : 0;
}

double po_plan_total_cost(const po_plan *pl)
{
    return pl ? pl->total_cost : NAN;
}

double po_plan_objective(const po_plan *pl)
{
    if (pl == NULL)
        return NAN;
    return pl->kind == PO_OBJECTIVE_MAX_MARGIN ? -pl->total_cost
                                               : pl->total_cost;
}

po_objective po_plan_objective_kind(const po_plan *pl)
{
    return pl ? pl->kind : PO_OBJECTIVE_MIN_COST;
}

int po_plan_num_periods(const po_plan *pl)
{
    return pl ? pl->T : 0;
}

const char *po_plan_period_name(const po_plan *pl, int t)
{
    return pl && t >= 0 && t < pl->T ? pl->periods[t] : NULL;
}

int po_plan_num_activities(const po_plan *pl)
{
    return pl ? pl->nacts : 0;
}

const char *po_plan_activity_name(const po_plan *pl, int a)
{
    return pl && a >= 0 && a < pl->nacts ? pl->acts[a] : NULL;
}

int po_plan_num_items(const po_plan *pl)
{
    return pl ? pl->nitems : 0;
}

const char *po_plan_item_name(const po_plan *pl, int i)
{
    return pl && i >= 0 && i < pl->nitems ? pl->items[i] : NULL;
}

int po_plan_item_is_capacity(const po_plan *pl, int i)
{
    return pl && i >= 0 && i < pl->nitems ? pl->is_cap[i] : -1;
}

const double *po_plan_levels(const po_plan *pl, int a)
{
    if (pl == NULL || !pl->has_solution || a < 0 || a >= pl->nacts)
        return NULL;
    return &pl->levels[(size_t)a * pl->T];
}

const double *po_plan_item_series(const po_plan *pl, int i,
                                  po_plan_series s)
{
    if (pl == NULL || !pl->has_solution || i < 0 || i >= pl->nitems ||
        (unsigned)s >= NSERIES || !pl->has[s][i])
        return NULL;
    return &pl->series[s][(size_t)i * pl->T];
}

const char *po_plan_series_name(po_plan_series s)
{
    return (unsigned)s < NSERIES ? series_names[s] : NULL;
}

const char *po_cost_kind_name(po_cost_kind kind)
{
    return (unsigned)kind < PO_COST_NKINDS ? cost_names[kind] : NULL;
}

double po_plan_cost(const po_plan *pl, po_cost_kind kind)
{
    if (pl == NULL || (unsigned)kind >= PO_COST_NKINDS)
        return NAN;
    return pl->cost[kind];
}

const double *po_plan_cost_by_period(const po_plan *pl, po_cost_kind kind)
{
    if (pl == NULL || !pl->has_solution || (unsigned)kind >= PO_COST_NKINDS)
        return NULL;
    return pl->cost_t[kind];
}

const po_model *po_plan_model(const po_plan *pl)
{
    return pl ? pl->model : NULL;
}

const po_result *po_plan_result(const po_plan *pl)
{
    return pl ? pl->result : NULL;
}
