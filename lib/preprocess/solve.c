/*
 * solve.c -- po_solve: procopt's presolve, the GLPK backend on the
 * reduced model, postsolve back to the caller's model.
 *
 * The presolve is bypassed (the backend solves the model itself) when
 * options.reductions is 0, when options.sensitivity asks for ranging (the
 * ranges belong to the original model's basis, which GLPK must hold), when
 * the model has values the backend rejects (so its messages stay the same
 * whatever the options), and when the reductions found nothing.
 * po_solve_warm never presolves: it starts from a basis of the original
 * model, which a po_solve result holds also after presolve (postsolve
 * rebuilds it).
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "backend.h"
#include "model.h"
#include "options.h"
#include "presolve.h"
#include "result.h"

#define FN "po_solve"

static double seconds_since(const struct timespec *t0)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - t0->tv_sec) +
           1e-9 * (double)(t.tv_nsec - t0->tv_nsec);
}

static void note(const po_options *o, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void note(const po_options *o, const char *fmt, ...)
{
    if (o->log == NULL)
        return;
    char buf[768];
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(buf, sizeof buf - 1, fmt, ap);
    va_end(ap);
    if (len < 0)
        return;
    if ((size_t)len > sizeof buf - 2)
        len = (int)sizeof buf - 2;
    buf[len] = '\n';
    buf[len + 1] = '\0';
    o->log(o->log_user, buf);
}

/* The same checks, with the same messages, as the backend makes (it makes
 * them again for the model it is given): they must come before presolve,
 * which may answer without the backend. */
static po_status check_options(po_model *mod, const po_options *o)
{
    if ((int)o->method < PO_METHOD_AUTO || o->method > PO_METHOD_INTERIOR)
        return po__model_fail(mod, PO_EINVAL,
                              FN ": options.method = %d is not a po_method",
                              (int)o->method);
    if (o->presolve != 0 && o->presolve != 1)
        return po__model_fail(mod, PO_EINVAL,
                              FN ": options.presolve = %d (must be 0 or 1)",
                              o->presolve);
    if (o->mip_cuts != 0 && o->mip_cuts != 1)
        return po__model_fail(mod, PO_EINVAL,
                              FN ": options.mip_cuts = %d (must be 0 or 1)",
                              o->mip_cuts);
    if (o->sensitivity != 0 && o->sensitivity != 1)
        return po__model_fail(mod, PO_EINVAL,
                              FN ": options.sensitivity = %d (must be 0 or "
                                 "1)",
                              o->sensitivity);
    if (o->scaling != PO_SCALE_GLPK && o->scaling != PO_SCALE_OWN &&
        o->scaling != PO_SCALE_NONE)
        return po__model_fail(mod, PO_EINVAL,
                              FN ": options.scaling = %d is not a po_scaling",
                              o->scaling);
    if (isnan(o->time_limit))
        return po__model_fail(mod, PO_ENAN, FN ": options.time_limit is NaN");
    if (o->time_limit < 0)
        return po__model_fail(mod, PO_EINVAL,
                              FN ": options.time_limit = %g is negative",
                              o->time_limit);
    if (isnan(o->mip_gap))
        return po__model_fail(mod, PO_ENAN, FN ": options.mip_gap is NaN");
    if (o->mip_gap < 0 || isinf(o->mip_gap))
        return po__model_fail(mod, PO_EINVAL,
                              FN ": options.mip_gap = %g (must be finite and "
                                 ">= 0)",
                              o->mip_gap);
    if (o->iteration_limit < 0)
        return po__model_fail(mod, PO_EINVAL,
                              FN ": options.iteration_limit = %ld is "
                                 "negative",
                              o->iteration_limit);
    if ((o->reductions & ~PO_REDUCE_ALL) != 0)
        return po__model_fail(mod, PO_EINVAL,
                              FN ": options.reductions = %d has bits other "
                                 "than PO_REDUCE_*",
                              o->reductions);
    return po__options_check_tuning(mod, o, FN);
}

/* A result presolve decided alone (infeasible). */
static po_status decided(po_model *model, const po__presolve *ps,
                         po_outcome outcome, const struct timespec *t0,
                         po_result **result)
{
    po_result *r = po__result_new(model->ncols, model->nrows);
    if (r == NULL)
        return po__model_fail(model, PO_ENOMEM, FN ": out of memory");
    r->outcome = outcome;
    r->is_mip = ps->mip;
    r->time = seconds_since(t0);
    *result = r;
    return PO_OK;
}

static po_status solve_reduced(po_model *model, const po_options *o,
                               const po__presolve *ps,
                               const struct timespec *t0, po_result **result)
{
    po_model *red = po__presolve_build(ps);
    if (red == NULL) {
        note(o, "presolve: the reduced model could not be built; solving "
                "the model itself");
        return po__backend_solve(model, o, result);
    }
    double t_pre = seconds_since(t0);
    note(o,
         "presolve: %d of %d rows, %d of %d columns, %ld of %ld nonzeros "
         "left (%ld bounds, %ld coefficients, %ld row sides changed; %d "
         "rounds, %.3f s)",
         ps->rm, ps->m, ps->rn, ps->n, ps->rne, ps->ne, ps->n_bounds,
         ps->n_coefs, ps->n_sides, ps->rounds, t_pre);
    po_options ro = *o;
    if (o->time_limit > 0 && !isinf(o->time_limit))
        ro.time_limit = fmax(o->time_limit - t_pre, 1e-3);
    po_result *rr = NULL;
    po_status st = po__backend_solve(red, &ro, &rr);
    if (st != PO_OK) {
        po__model_fail(model, st, "%s", po_model_errmsg(red));
        po_model_free(red);
        return st;
    }
    po_model_free(red);
    po_result *out = NULL;
    st = po__postsolve(ps, rr, &out);
    po_result_free(rr);
    if (st == PO_ENOMEM)
        return po__model_fail(model, PO_ENOMEM, FN ": out of memory");
    if (st != PO_OK) {
        note(o, "postsolve: a value is missing; solving the model itself");
        return po__backend_solve(model, o, result);
    }
    out->time = seconds_since(t0);
    note(o, "postsolve: %s%s", po_outcome_name(out->outcome),
         ps->unbounded_col >= 0 && out->outcome == PO_OUTCOME_UNBOUNDED
             ? " (a variable without constraints improves the objective "
               "without limit)"
             : "");
    *result = out;
    return PO_OK;
}

po_status po_solve(po_model *model, const po_options *options,
                   po_result **result)
{
    if (result != NULL)
        *result = NULL;
    if (model == NULL)
        return PO_EINVAL;
    po__model_clear_error(model);
    if (result == NULL)
        return po__model_fail(model, PO_EINVAL, FN ": result is NULL");
    po_options o;
    if (options != NULL)
        o = *options;
    else
        po_options_init(&o);
    po_status st = check_options(model, &o);
    if (st != PO_OK)
        return st;
    if (o.reductions == 0 || o.sensitivity ||
        !po__presolve_model_ok(model))
        return po__backend_solve(model, &o, result);

    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    po__presolve *ps = NULL;
    if (po__presolve_run(model, o.reductions, &ps) != PO_OK)
        return po__model_fail(model, PO_ENOMEM, FN ": out of memory");
    if (po__presolve_is_identity(ps)) {
        note(&o, "presolve: nothing to reduce (%.3f s)",
             seconds_since(&t0));
        po__presolve_free(ps);
        return po__backend_solve(model, &o, result);
    }
    if (ps->infeasible) {
        note(&o, "presolve: infeasible: %s", ps->why);
        st = decided(model, ps, PO_OUTCOME_INFEASIBLE, &t0, result);
    } else {
        st = solve_reduced(model, &o, ps, &t0, result);
    }
    po__presolve_free(ps);
    return st;
}
