/*
 * options.c -- solver option defaults and the validation of the tuning
 * fields.  Kept apart from the backend so the defaults are documented in
 * one place and testable without GLPK.  Why each default is what it is:
 * docs/benchmarks.md ("Defaults that win") and bench/tune-results.md,
 * produced by bench/tune.sh.
 */
#include "options.h"

#include <math.h>
#include <string.h>

#include "model.h"

void po_options_init(po_options *options)
{
    if (options == NULL)
        return;
    /* memset first so that reserved fields (and padding) are zero: a later
     * version gives meaning to a reserved field with 0 as its default. */
    memset(options, 0, sizeof *options);
    options->method = PO_METHOD_AUTO;
    options->presolve = 1;
    options->time_limit = 0.0;
    options->mip_gap = 1e-6;
    options->iteration_limit = 0;
    options->log = NULL;
    options->log_user = NULL;
    options->mip_cuts = 1;
    options->sensitivity = 0;
    options->scaling = PO_SCALE_OWN;
    options->lp_pricing = PO_PRICING_AUTO;
    options->lp_ratio_test = PO_RATIO_AUTO;
    options->mip_cut_kinds = PO_CUT_ALL;
    options->mip_branching = PO_BRANCH_AUTO;
    options->mip_backtrack = PO_BACKTRACK_AUTO;
    options->mip_heuristics = PO_HEUR_ROUNDING | PO_HEUR_LP_ROUNDING;
    options->mip_binarize = 0;
    options->mip_proximity_time = 60.0;
    options->reductions = PO_REDUCE_ALL;
    options->lp_interior_nonzeros = 0; /* PO_INTERIOR_NONZEROS (options.h) */
}

/* An enum field must be one of its names: [lo, hi]. */
static po_status check_enum(po_model *model, const char *fn,
                            const char *field, int v, int hi,
                            const char *type)
{
    if (v >= 0 && v <= hi)
        return PO_OK;
    return po__model_fail(model, PO_EINVAL,
                          "%s: options.%s = %d is not a %s", fn, field, v,
                          type);
}

/* A bitmask field must use only its bits. */
static po_status check_bits(po_model *model, const char *fn,
                            const char *field, int v, int all,
                            const char *names)
{
    if ((v & ~all) == 0)
        return PO_OK;
    return po__model_fail(model, PO_EINVAL,
                          "%s: options.%s = %d has bits other than %s", fn,
                          field, v, names);
}

po_status po__options_check_tuning(po_model *model, const po_options *o,
                                   const char *fn)
{
    po_status st;
    if ((st = check_enum(model, fn, "lp_pricing", o->lp_pricing,
                         PO_PRICING_DANTZIG, "po_pricing")) != PO_OK ||
        (st = check_enum(model, fn, "lp_ratio_test", o->lp_ratio_test,
                         PO_RATIO_FLIP, "po_ratio_test")) != PO_OK ||
        (st = check_enum(model, fn, "mip_branching", o->mip_branching,
                         PO_BRANCH_LAST, "po_branching")) != PO_OK ||
        (st = check_enum(model, fn, "mip_backtrack", o->mip_backtrack,
                         PO_BACKTRACK_BREADTH_FIRST, "po_backtrack")) !=
            PO_OK ||
        (st = check_bits(model, fn, "mip_cut_kinds", o->mip_cut_kinds,
                         PO_CUT_ALL, "PO_CUT_*")) != PO_OK ||
        (st = check_bits(model, fn, "mip_heuristics", o->mip_heuristics,
                         PO_HEUR_ALL, "PO_HEUR_*")) != PO_OK)
        return st;
    if (o->lp_interior_nonzeros < -1)
        return po__model_fail(model, PO_EINVAL,
                              "%s: options.lp_interior_nonzeros = %d (must "
                              "be -1, 0 or positive)",
                              fn, o->lp_interior_nonzeros);
    if (o->mip_binarize != 0 && o->mip_binarize != 1)
        return po__model_fail(model, PO_EINVAL,
                              "%s: options.mip_binarize = %d (must be 0 or "
                              "1)",
                              fn, o->mip_binarize);
    if (isnan(o->mip_proximity_time))
        return po__model_fail(model, PO_ENAN,
                              "%s: options.mip_proximity_time is NaN", fn);
    if (!(o->mip_proximity_time > 0))
        return po__model_fail(model, PO_EINVAL,
                              "%s: options.mip_proximity_time = %g (must be "
                              "> 0)",
                              fn, o->mip_proximity_time);
    return PO_OK;
}
