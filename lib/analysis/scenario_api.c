/*
 * scenario_api.c -- reading a scenario result: settings, per-scenario
 * values, their distributions, outcomes, MVP figures, work done.
 *
 * Every figure is computed once, when the run ends (sorted copies of each
 * series included), so the accessors only read: a result may be read from
 * several threads at once.
 */
#include "scenario.h"
#include "stats.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int cmp_double(const void *pa, const void *pb)
{
    const double a = *(const double *)pa, b = *(const double *)pb;
    return (a > b) - (a < b);
}

po_status po__scenarios_finish(po_scenarios *sc)
{
    size_t S = (size_t)sc->count;
    for (int k = 0; k < PO_SCENARIO_NSERIES; k++) {
        po__series_stats *st = &sc->stats[k];
        const double *v = sc->values[k];
        size_t m = 0;
        st->mean = st->sd = NAN;
        for (size_t s = 0; s < S; s++)
            m += !isnan(v[s]);
        st->valid = m;
        if (m == 0)
            continue;
        if ((st->sorted = malloc(m * sizeof *st->sorted)) == NULL)
            return PO_ENOMEM;
        m = 0;
        for (size_t s = 0; s < S; s++)
            if (!isnan(v[s]))
                st->sorted[m++] = v[s];
        qsort(st->sorted, m, sizeof *st->sorted, cmp_double);
        po__mean(st->sorted, m, &st->mean, NULL);
        if (m > 1) {
            double ss = 0;
            for (size_t i = 0; i < m; i++)
                ss += (st->sorted[i] - st->mean) * (st->sorted[i] - st->mean);
            st->sd = sqrt(ss / (double)(m - 1));
        }
    }
    return PO_OK;
}

void po_scenarios_free(po_scenarios *sc)
{
    if (sc == NULL)
        return;
    for (int k = 0; k < PO_SCENARIO_NSERIES; k++) {
        free(sc->values[k]);
        free(sc->stats[k].sorted);
    }
    free(sc->fixed_opt_cost);
    free(sc->outcome[0]);
    free(sc->outcome[1]);
    free(sc);
}

long po_scenarios_count(const po_scenarios *sc)
{
    return sc ? sc->count : 0;
}

unsigned long po_scenarios_seed(const po_scenarios *sc)
{
    return sc ? sc->seed : 0;
}

int po_scenarios_threads(const po_scenarios *sc)
{
    return sc ? sc->threads : 0;
}

int po_scenarios_has_baseline(const po_scenarios *sc)
{
    return sc ? sc->has_baseline : 0;
}

int po_scenarios_per_year(const po_scenarios *sc)
{
    return sc ? sc->per_year : 0;
}

int po_scenarios_cost_only(const po_scenarios *sc)
{
    return sc ? sc->cost_only : 0;
}

static int series_ok(const po_scenarios *sc, po_scenario_series series)
{
    return sc != NULL && (unsigned)series < PO_SCENARIO_NSERIES;
}

const double *po_scenarios_values(const po_scenarios *sc,
                                  po_scenario_series series)
{
    return series_ok(sc, series) ? sc->values[series] : NULL;
}

const double *po__scenarios_fixed_optimized(const po_scenarios *sc)
{
    return sc ? sc->fixed_opt_cost : NULL;
}

double po_scenarios_nominal(const po_scenarios *sc, po_scenario_series series)
{
    return series_ok(sc, series) ? sc->nominal[series] : NAN;
}

po_status po_scenarios_summary(const po_scenarios *sc,
                               po_scenario_series series,
                               po_scenario_summary *out)
{
    if (!series_ok(sc, series) || out == NULL)
        return PO_EINVAL;
    const po__series_stats *st = &sc->stats[series];
    po_scenario_summary s;
    memset(&s, 0, sizeof s);
    s.count = sc->count;
    s.valid = (long)st->valid;
    s.mean = st->mean;
    s.sd = st->sd;
    s.min = s.p5 = s.p50 = s.p95 = s.max = NAN;
    if (st->valid > 0) {
        s.min = st->sorted[0];
        s.max = st->sorted[st->valid - 1];
        po__quantile_sorted(st->sorted, st->valid, 0.05, &s.p5);
        po__quantile_sorted(st->sorted, st->valid, 0.50, &s.p50);
        po__quantile_sorted(st->sorted, st->valid, 0.95, &s.p95);
    }
    *out = s;
    return PO_OK;
}

double po_scenarios_quantile(const po_scenarios *sc,
                             po_scenario_series series, double p)
{
    double q = NAN;
    if (!series_ok(sc, series) || sc->stats[series].valid == 0)
        return NAN;
    if (po__quantile_sorted(sc->stats[series].sorted, sc->stats[series].valid,
                            p, &q) != PO_OK)
        return NAN;
    return q;
}

static int which_ok(const po_scenarios *sc, int baseline)
{
    return sc != NULL && (baseline == 0 || (baseline == 1 && sc->has_baseline));
}

int po_scenarios_nominal_outcome(const po_scenarios *sc, int baseline)
{
    return which_ok(sc, baseline) ? sc->nominal_outcome[baseline] : -1;
}

int po_scenarios_outcome(const po_scenarios *sc, int baseline, long k)
{
    if (!which_ok(sc, baseline) || k < 0 || k >= sc->count)
        return -1;
    return sc->outcome[baseline][k];
}

long po_scenarios_infeasible_count(const po_scenarios *sc, int baseline)
{
    return which_ok(sc, baseline) ? sc->infeasible[baseline] : 0;
}

double po_scenarios_infeasible_share(const po_scenarios *sc, int baseline)
{
    if (!which_ok(sc, baseline) || sc->count == 0)
        return NAN;
    return (double)sc->infeasible[baseline] / (double)sc->count;
}

long po_scenarios_unsolved_count(const po_scenarios *sc, int baseline)
{
    return which_ok(sc, baseline) ? sc->unsolved[baseline] : 0;
}

int po_scenarios_has_mvp(const po_scenarios *sc)
{
    return sc ? sc->has_mvp : 0;
}

double po_scenarios_payback_months(const po_scenarios *sc)
{
    return sc ? sc->payback_months : NAN;
}

double po_scenarios_roi(const po_scenarios *sc)
{
    return sc ? sc->roi : NAN;
}

double po_scenarios_p_cover(const po_scenarios *sc)
{
    return sc ? sc->p_cover : NAN;
}

double po_scenarios_time(const po_scenarios *sc)
{
    return sc ? sc->time : NAN;
}

long po_scenarios_solves(const po_scenarios *sc)
{
    return sc ? sc->solves : 0;
}

long po_scenarios_warm_solves(const po_scenarios *sc)
{
    return sc ? sc->warm_solves : 0;
}

long po_scenarios_iterations(const po_scenarios *sc)
{
    return sc ? sc->iterations : 0;
}
