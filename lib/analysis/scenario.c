/*
 * scenario.c -- po_process_scenarios_run: the nominal solves, the sweep
 * over scenarios on the worker pool, the fixed-plan values of cost-only
 * scenarios, and the figures.
 *
 * Each worker thread owns one compiled copy of each model (a po_model is
 * used by one thread at a time) and rewrites every uncertain number of it
 * before each solve, so what a scenario solves depends on its index only,
 * never on which scenario the worker solved before.  For the same reason a
 * warm start begins from the nominal basis every time, not from the
 * worker's previous scenario: results stay identical whatever the thread
 * count.
 */
#include "scenario.h"
#include "mvp.h"
#include "parallel.h"
#include "scenario_eval.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Fixed-plan products are built in blocks of scenarios whose cost rows
 * fit this many bytes. */
#define COST_BLOCK_BYTES ((size_t)32 << 20)

#define MSG_MAX 512

typedef struct worker {
    po_model *model[2];
    double *f;
    long solves, warm_solves, iterations;
    size_t fail_index;
    char msg[MSG_MAX];
} worker;

typedef struct run {
    po_process *p;
    po__unc_set unc;
    uint64_t seed;
    int nmodels; /* 1, or 2 with a baseline */
    po_model *nominal[2];
    po_result *start[2];
    po__pmap map[2];
    po__envelope env; /* demands and capacities the scenarios may take */
    double *env_mem;
    po_options solver; /* without the log */
    int warm;
    worker *w;
    int nworkers;
    po_scenarios *sc;
    po_scenario_progress_fn progress;
    void *progress_user;
} run;

void po_scenario_options_init(po_scenario_options *o)
{
    if (o == NULL)
        return;
    memset(o, 0, sizeof *o);
    o->warm_start = 1;
    po_options_init(&o->solver);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* The value a solve contributes: its objective when it is a proven
 * optimum, NaN otherwise (counted by outcome). */
static double value_of(const po_result *r)
{
    if (po_result_outcome(r) != PO_OUTCOME_OPTIMAL ||
        !po_result_has_solution(r))
        return NAN;
    double v = po_result_objective(r);
    return isfinite(v) ? v : NAN;
}

static po_status solve_one(run *r, po_model *m, int which,
                           po_result **res)
{
    if (r->warm && r->start[which] != NULL &&
        po_result_has_basis(r->start[which]))
        return po_solve_warm(m, &r->solver, r->start[which], res);
    return po_solve(m, &r->solver, res);
}

static po_status task(void *ctx, size_t s, int wid)
{
    run *r = ctx;
    worker *w = &r->w[wid];
    po_scenarios *sc = r->sc;
    po_status st = po__unc_draw(&r->unc, r->seed, (uint64_t)s, w->f);
    for (int which = 0; which < r->nmodels && st == PO_OK; which++) {
        po_model *m = w->model[which];
        po_result *res = NULL;
        st = po__unc_apply(&r->unc, which, w->f, m);
        if (st == PO_OK)
            st = solve_one(r, m, which, &res);
        if (st != PO_OK) {
            if (s < w->fail_index) {
                w->fail_index = s;
                snprintf(w->msg, sizeof w->msg, "scenario %zu: %s", s,
                         po_model_errmsg(m));
            }
            return st;
        }
        sc->outcome[which][s] = (unsigned char)po_result_outcome(res);
        sc->values[which ? PO_SCENARIO_BASELINE_COST
                         : PO_SCENARIO_OPTIMIZED_COST][s] = value_of(res);
        w->solves++;
        w->warm_solves += po_result_warm_started(res);
        w->iterations += po_result_iterations(res);
        po_result_free(res);
    }
    return st;
}

static void progress_hook(void *user, size_t done, size_t total)
{
    run *r = user;
    r->progress(r->progress_user, (long)done, (long)total);
}

static void run_free(run *r)
{
    for (int k = 0; k < 2; k++) {
        po_model_free(r->nominal[k]);
        po_result_free(r->start[k]);
        po__pmap_free(&r->map[k]);
    }
    if (r->w)
        for (int k = 0; k < r->nworkers; k++) {
            po_model_free(r->w[k].model[0]);
            po_model_free(r->w[k].model[1]);
            free(r->w[k].f);
        }
    free(r->w);
    free(r->env_mem);
    po__unc_free(&r->unc);
}

/* Every model of the run is compiled alike: big-M and the flow rows proven
 * for every demand and capacity the scenarios draw (a bound proven from
 * the nominal demand would cut off a scenario's plan), the flow rows in
 * both models so that their columns stay the same. */
static po_status compile(run *r, int which, po_model **m, po__pmap *map)
{
    po__copts o = {which, 1, &r->env};
    return po__process_compile_opts(r->p, &o, m, map);
}

/* Compile and solve the nominal model `which` (the caller's options, log
 * included). */
static po_status nominal(run *r, int which, const po_options *opt)
{
    po_status st = compile(r, which, &r->nominal[which], &r->map[which]);
    if (st != PO_OK)
        return st;
    st = po_solve(r->nominal[which], opt, &r->start[which]);
    if (st != PO_OK)
        return po__perr(r->p, st, NULL, "%s solve: %s",
                        which ? "baseline" : "nominal",
                        po_model_errmsg(r->nominal[which]));
    r->sc->nominal_outcome[which] = (int)po_result_outcome(r->start[which]);
    /* The nominal figure comes from the path the scenarios take: a warm
     * solve from the optimal basis (0 iterations here) rounds differently
     * from the presolved cold solve in the last bits, and zero-variance
     * scenarios must give exactly the nominal figures. */
    po_result *again = NULL;
    if (r->warm && po_result_has_basis(r->start[which])) {
        st = po_solve_warm(r->nominal[which], &r->solver, r->start[which],
                           &again);
        if (st != PO_OK)
            return po__perr(r->p, st, NULL, "%s solve: %s",
                            which ? "baseline" : "nominal",
                            po_model_errmsg(r->nominal[which]));
    }
    r->sc->nominal[which ? PO_SCENARIO_BASELINE_COST
                         : PO_SCENARIO_OPTIMIZED_COST] =
        value_of(again ? again : r->start[which]);
    po_result_free(again);
    return PO_OK;
}

static po_status workers(run *r, int n)
{
    r->w = calloc((size_t)n, sizeof *r->w);
    if (r->w == NULL)
        return PO_ENOMEM;
    r->nworkers = n;
    for (int k = 0; k < n; k++) {
        worker *w = &r->w[k];
        w->fail_index = (size_t)-1;
        w->f = malloc((r->unc.n + 1) * sizeof *w->f);
        if (w->f == NULL)
            return PO_ENOMEM;
        for (int which = 0; which < r->nmodels; which++) {
            po_status st = compile(r, which, &w->model[which], NULL);
            if (st != PO_OK)
                return st;
        }
    }
    return PO_OK;
}

/* Cost-only uncertainty: the nominal solutions' values at every
 * scenario's costs, V = C X, in blocks of scenarios. */
static po_status fixed_plans(run *r, int eval_mode)
{
    po_scenarios *sc = r->sc;
    const po_model *m0 = r->nominal[0];
    size_t n = (size_t)po_model_num_vars(m0);
    size_t P = (size_t)r->nmodels;
    for (int which = 0; which < r->nmodels; which++)
        if (!po_result_has_solution(r->start[which]) ||
            isnan(sc->nominal[which ? PO_SCENARIO_BASELINE_COST
                                    : PO_SCENARIO_OPTIMIZED_COST]) ||
            (size_t)po_model_num_vars(r->nominal[which]) != n)
            return PO_OK; /* no nominal plan to keep */
    if (n == 0)
        return PO_OK;
    double *obj = malloc(n * sizeof *obj);
    double *X = malloc(n * P * sizeof *X);
    size_t block = COST_BLOCK_BYTES / (n * sizeof(double));
    if (block == 0)
        block = 1;
    if (block > (size_t)sc->count)
        block = (size_t)sc->count;
    double *C = malloc(block * n * sizeof *C);
    double *V = malloc(block * P * sizeof *V);
    double *f = malloc((r->unc.n + 1) * sizeof *f);
    po_status st = obj && X && C && V && f ? PO_OK : PO_ENOMEM;
    for (size_t j = 0; j < n && st == PO_OK; j++) {
        obj[j] = po_model_var_obj(m0, (int)j);
        /* both models carry the same objective; the product assumes it */
        if (P > 1 && po_model_var_obj(r->nominal[1], (int)j) != obj[j])
            st = PO_EMODEL;
    }
    for (size_t k = 0; k < P && st == PO_OK; k++)
        memcpy(X + k * n, po_result_values(r->start[k]), n * sizeof *X);
    for (size_t s0 = 0; s0 < (size_t)sc->count && st == PO_OK; s0 += block) {
        size_t rows = (size_t)sc->count - s0 < block ? (size_t)sc->count - s0
                                                     : block;
        for (size_t i = 0; i < rows && st == PO_OK; i++) {
            memcpy(C + i * n, obj, n * sizeof *C);
            st = po__unc_draw(&r->unc, r->seed, s0 + i, f);
            po__unc_apply_costs(&r->unc, f, C + i * n);
        }
        if (st != PO_OK)
            break;
        if (eval_mode == PO__EVAL_BLAS)
            st = po__scenario_eval_blas(C, X, rows, n, P, V);
        else if (eval_mode == PO__EVAL_LOOP)
            st = po__scenario_eval_loop(C, X, rows, n, P, V);
        else
            st = po__scenario_eval(C, X, rows, n, P, V);
        for (size_t i = 0; i < rows && st == PO_OK; i++) {
            sc->values[PO_SCENARIO_FIXED_SAVINGS][s0 + i] =
                P > 1 ? V[i * P + 1] - V[i * P] : NAN;
            sc->fixed_opt_cost[s0 + i] = V[i * P];
        }
    }
    free(obj);
    free(X);
    free(C);
    free(V);
    free(f);
    if (st == PO_EMODEL)
        return PO_OK; /* models differ: no fixed-plan figures */
    return st;
}

static void counts(po_scenarios *sc, int which)
{
    sc->infeasible[which] = sc->unsolved[which] = 0;
    for (long s = 0; s < sc->count; s++) {
        po_outcome o = (po_outcome)sc->outcome[which][s];
        if (o == PO_OUTCOME_INFEASIBLE || o == PO_OUTCOME_INF_OR_UNBD)
            sc->infeasible[which]++;
        else if (isnan(sc->values[which ? PO_SCENARIO_BASELINE_COST
                                        : PO_SCENARIO_OPTIMIZED_COST][s]))
            sc->unsolved[which]++;
    }
}

static void savings(po_scenarios *sc, double mult)
{
    double *sv = sc->values[PO_SCENARIO_SAVINGS];
    const double *o = sc->values[PO_SCENARIO_OPTIMIZED_COST];
    const double *b = sc->values[PO_SCENARIO_BASELINE_COST];
    double *fx = sc->values[PO_SCENARIO_FIXED_SAVINGS];
    for (long s = 0; s < sc->count; s++) {
        sv[s] = sc->has_baseline ? (b[s] - o[s]) * mult : NAN;
        fx[s] *= mult;
    }
    sc->nominal[PO_SCENARIO_SAVINGS] =
        sc->has_baseline ? (sc->nominal[PO_SCENARIO_BASELINE_COST] -
                            sc->nominal[PO_SCENARIO_OPTIMIZED_COST]) *
                               mult
                         : NAN;
    sc->nominal[PO_SCENARIO_FIXED_SAVINGS] =
        sc->cost_only ? sc->nominal[PO_SCENARIO_SAVINGS] : NAN;
}

static po_status mvp_figures(po_scenarios *sc, const po_process *p)
{
    sc->payback_months = sc->roi = sc->p_cover = NAN;
    sc->has_mvp = p->has_mvp && sc->per_year && sc->has_baseline;
    if (!sc->has_mvp)
        return PO_OK;
    po__mvp mvp = {p->mvp_build, p->mvp_run, p->mvp_years};
    double nom = sc->nominal[PO_SCENARIO_SAVINGS];
    po_status st = po__mvp_p_cover(&mvp, sc->values[PO_SCENARIO_SAVINGS],
                                   (size_t)sc->count, &sc->p_cover, NULL,
                                   NULL, NULL);
    if (st == PO_OK && isfinite(nom))
        st = po__mvp_payback_months(&mvp, nom, &sc->payback_months);
    if (st == PO_OK && isfinite(nom))
        st = po__mvp_roi(&mvp, nom, &sc->roi);
    return st;
}

static po_status settings(run *r, const po_scenario_options *o, long *count,
                          int *threads)
{
    po_process *p = r->p;
    if (o->scenarios < 0)
        return po__perr(p, PO_EINVAL, NULL,
                        "scenarios: the count must be at least 1 (got %ld)",
                        o->scenarios);
    if (o->threads < 0 || o->threads > PO__PARALLEL_MAX_THREADS)
        return po__perr(p, PO_EINVAL, NULL,
                        "scenarios: threads must be between 1 and %d "
                        "(0: the processors online; got %d)",
                        PO__PARALLEL_MAX_THREADS, o->threads);
    *count = o->scenarios > 0 ? o->scenarios
             : p->has_uncertainty ? p->scenarios
                                  : 0;
    if (*count == 0)
        return po__perr(p, PO_EMODEL, NULL,
                        "the model has no \"uncertainty\" and no scenario "
                        "count was given");
    if (*count > PO__SCENARIOS_MAX)
        return po__perr(p, PO_ETOOBIG, NULL,
                        "scenarios: %ld is more than the %ld one run accepts",
                        *count, PO__SCENARIOS_MAX);
    r->seed = o->use_seed ? (uint64_t)o->seed : (uint64_t)p->seed;
    *threads = o->threads > 0 ? o->threads : po__parallel_default_threads();
    if ((long)*threads > *count)
        *threads = (int)*count;
    return PO_OK;
}

static po_status alloc_result(po_scenarios *sc, int baseline)
{
    size_t S = (size_t)sc->count;
    for (int k = 0; k < PO_SCENARIO_NSERIES; k++) {
        if ((sc->values[k] = malloc(S * sizeof(double))) == NULL)
            return PO_ENOMEM;
        for (size_t s = 0; s < S; s++)
            sc->values[k][s] = NAN;
        sc->nominal[k] = NAN;
    }
    if ((sc->fixed_opt_cost = malloc(S * sizeof(double))) == NULL)
        return PO_ENOMEM;
    for (size_t s = 0; s < S; s++)
        sc->fixed_opt_cost[s] = NAN;
    for (int k = 0; k <= baseline; k++)
        if ((sc->outcome[k] = calloc(S, 1)) == NULL)
            return PO_ENOMEM;
    return PO_OK;
}

static po_status sweep(run *r, const po_scenario_options *o, int threads)
{
    po__parallel par;
    po__parallel_init(&par);
    par.threads = threads;
    if (o->progress) {
        r->progress = o->progress;
        r->progress_user = o->progress_user;
        par.progress = progress_hook;
        par.progress_user = r;
    }
    size_t failed = 0;
    double t0 = now_s();
    po_status st = po__parallel_for(&par, (size_t)r->sc->count, task, r,
                                    &failed);
    r->sc->time = now_s() - t0;
    for (int k = 0; k < r->nworkers; k++) {
        r->sc->solves += r->w[k].solves;
        r->sc->warm_solves += r->w[k].warm_solves;
        r->sc->iterations += r->w[k].iterations;
    }
    if (st == PO_OK)
        return PO_OK;
    for (int k = 0; k < r->nworkers; k++)
        if (r->w[k].fail_index == failed)
            return po__perr(r->p, st, NULL, "%s", r->w[k].msg);
    return po__perr(r->p, st, NULL, "scenarios: %s", po_strerror(st));
}

po_status po__scenarios_run(po_process *p, const po_scenario_options *opt,
                            int eval_mode, po_scenarios **out)
{
    if (p == NULL || out == NULL)
        return PO_EINVAL;
    *out = NULL;
    po__process_clear_errors(p);
    po_scenario_options defaults;
    if (opt == NULL) {
        po_scenario_options_init(&defaults);
        opt = &defaults;
    }
    if (!p->validated) {
        po_status st = po__process_check(p);
        if (st != PO_OK)
            return st;
    }
    run r;
    memset(&r, 0, sizeof r);
    r.p = p;
    long count = 0;
    int threads = 1;
    po_status st = settings(&r, opt, &count, &threads);
    if (st != PO_OK)
        return st;
    po_scenarios *sc = calloc(1, sizeof *sc);
    if (sc == NULL)
        return po__perr(p, PO_ENOMEM, NULL, "scenarios: out of memory");
    r.sc = sc;
    sc->count = count;
    sc->seed = (unsigned long)r.seed;
    sc->threads = threads;
    sc->has_baseline = p->has_baseline;
    sc->per_year = p->horizons_per_year > 0;
    r.nmodels = p->has_baseline ? 2 : 1;
    r.solver = opt->solver;
    r.solver.log = NULL;
    r.solver.log_user = NULL;
    r.solver.sensitivity = 0; /* ranging of every scenario: unused, costly */
    r.warm = opt->warm_start != 0;

    st = alloc_result(sc, p->has_baseline);
    if (st == PO_OK)
        st = po__unc_envelope(p, r.seed, count, &r.env, &r.env_mem);
    for (int which = 0; which < r.nmodels && st == PO_OK; which++)
        st = nominal(&r, which, &opt->solver);
    if (st == PO_OK)
        st = po__unc_collect(p, &r.map[0], r.nominal[0],
                             r.nmodels > 1 ? &r.map[1] : NULL, r.nominal[1],
                             &r.unc);
    if (st == PO_OK) {
        sc->cost_only = r.unc.cost_only;
        st = workers(&r, threads);
    }
    if (st == PO_OK)
        st = sweep(&r, opt, threads);
    if (st == PO_OK && sc->cost_only)
        st = fixed_plans(&r, eval_mode);
    if (st == PO_OK) {
        for (int which = 0; which < r.nmodels; which++)
            counts(sc, which);
        savings(sc, sc->per_year ? p->horizons_per_year : 1.0);
        st = mvp_figures(sc, p);
    }
    if (st == PO_OK)
        st = po__scenarios_finish(sc);
    if (st != PO_OK && po_process_errcode(p) == PO_OK)
        po__perr(p, st, NULL, "scenarios: %s", po_strerror(st));
    run_free(&r);
    if (st != PO_OK) {
        po_scenarios_free(sc);
        return st;
    }
    *out = sc;
    return PO_OK;
}

po_status po_process_scenarios_run(po_process *p,
                                   const po_scenario_options *opt,
                                   po_scenarios **out)
{
    return po__scenarios_run(p, opt, PO__EVAL_AUTO, out);
}
