/*
 * scenario.h -- private declarations of the scenario driver: which numbers
 * of a compiled process model are uncertain (scenario_data.c), the sweep
 * over scenarios (scenario.c) and the result it leaves (scenario_api.c).
 * Not installed.
 */
#ifndef PO_SCENARIO_H
#define PO_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "process.h"
#include "rng.h"

/* Most scenarios one run accepts: the per-scenario arrays stay below a few
 * GB. */
#define PO__SCENARIOS_MAX 100000000L

/* Where one uncertain number lives in a compiled model. */
typedef struct po__unc_slot {
    int var;   /* demand: sold; price: sold; buy_cost: buy; cost: x; -1 none */
    int var2;  /* demand: short (-1 without shortage_cost) */
    int row;   /* demand: dem row (with shortage_cost); capacity: cap row */
} po__unc_slot;

/* One uncertain number: a kind, an item or activity, a period. */
typedef struct po__unc_entry {
    po_unc_param param;
    const char *name; /* the item's or activity's name (borrowed from the
                         process for the duration of the run) */
    int target;       /* item or activity index */
    int t;            /* period */
    po__dist dist;
    double nominal;   /* the value the factor multiplies */
    double extra;     /* added after scaling: the fixed_cost a binary
                         activity's level carries in its objective */
    int fixed_demand; /* demand without shortage_cost: sold == demand */
    po__unc_slot slot[2]; /* [0] optimized model, [1] baseline model */
} po__unc_entry;

typedef struct po__unc_set {
    po__unc_entry *e;
    size_t n;
    int cost_only; /* every entry is a price, buy_cost or activity cost */
} po__unc_set;

/* The uncertain numbers of p (checked: names resolved) for the models
 * compiled with maps m0 (optimized) and m1 (baseline; NULL when there is
 * none).  Entries whose number is absent, or has no place in the model (a
 * capacity no activity uses), are left out.  PO_OK or PO_ENOMEM. */
po_status po__unc_collect(const po_process *p, const po__pmap *m0,
                          const po_model *model0, const po__pmap *m1,
                          const po_model *model1, po__unc_set *out);
void po__unc_free(po__unc_set *set);

/* The range of every demand and capacity over the nominal values and
 * scenarios 0 .. count-1 (the envelope the compiled models' big-M and flow
 * rows must stay valid for): arrays of nitems * nperiods, [i * T + t],
 * allocated in one block *mem (free it; NULL when count is 0 and nothing is
 * uncertain).  PO_OK, PO_ENOMEM or a drawing error. */
po_status po__unc_envelope(const po_process *p, uint64_t seed, long count,
                           po__envelope *env, double **mem);

/* Factors of scenario `scenario` for every entry, into f[0..n-1]. */
po_status po__unc_draw(const po__unc_set *set, uint64_t seed,
                       uint64_t scenario, double *f);

/* Write the scenario values (entry k scaled by f[k]) into a model compiled
 * like slot `which` (0 optimized, 1 baseline).  Every entry is written, so
 * the model holds exactly that scenario's data whatever it held before.
 * Fails only on a model that does not match (message on the model). */
po_status po__unc_apply(const po__unc_set *set, int which, const double *f,
                        po_model *model);

/* Cost-only sets: overwrite the objective coefficients of the entries in
 * obj[] (a copy of the optimized model's objective), scaled by f. */
void po__unc_apply_costs(const po__unc_set *set, const double *f,
                         double *obj);

/* ---- the result ---- */

typedef struct po__series_stats {
    double *sorted; /* the non-NaN values, ascending (NULL when none) */
    size_t valid;
    double mean, sd;
} po__series_stats;

struct po_scenarios {
    long count;
    unsigned long seed;
    int threads;
    int has_baseline, per_year, cost_only;
    double *values[PO_SCENARIO_NSERIES];   /* count each */
    po__series_stats stats[PO_SCENARIO_NSERIES];
    double nominal[PO_SCENARIO_NSERIES];
    double *fixed_opt_cost;                /* cost-only: the nominal optimized
                                              plan at each scenario's costs */
    int nominal_outcome[2];
    unsigned char *outcome[2];             /* count each; [1] NULL without a
                                              baseline */
    long infeasible[2], unsolved[2];
    int has_mvp;
    double payback_months, roi, p_cover;
    double time;
    long solves, warm_solves, iterations;
};

/* How the fixed-plan product is computed: po__scenario_eval's choice,
 * or forced to dgemm or to the plain loop (tests compare the two). */
enum { PO__EVAL_AUTO = 0, PO__EVAL_BLAS, PO__EVAL_LOOP };

/* po_process_scenarios_run with the product's path chosen. */
po_status po__scenarios_run(po_process *p, const po_scenario_options *opt,
                            int eval_mode, po_scenarios **out);
/* The nominal optimized plan's value at each scenario's costs (cost-only
 * runs; NaN otherwise), for tests. */
const double *po__scenarios_fixed_optimized(const po_scenarios *sc);

/* Fill stats[] from values[] (sorted copies).  PO_OK or PO_ENOMEM. */
po_status po__scenarios_finish(po_scenarios *sc);

#endif
