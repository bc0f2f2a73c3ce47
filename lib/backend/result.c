/*
 * result.c -- the po_result object: what a solve found.  Filled only by the
 * GLPK backend; everything here is plain data and accessors.
 */
#include "result.h"

#include <math.h>
#include <stdlib.h>

static const char *const outcome_names[] = {
    "optimal",    "feasible",        "infeasible",
    "unbounded",  "infeasible_or_unbounded",
    "time_limit", "iteration_limit", "numerical_failure",
};

const char *po_outcome_name(po_outcome outcome)
{
    if ((int)outcome < 0 ||
        (size_t)outcome >= sizeof outcome_names / sizeof outcome_names[0])
        return "unknown";
    return outcome_names[outcome];
}

po_result *po__result_new(int ncols, int nrows)
{
    po_result *r = calloc(1, sizeof *r);
    if (r == NULL)
        return NULL;
    r->outcome = PO_OUTCOME_NUMERICAL;
    r->ncols = ncols;
    r->nrows = nrows;
    r->objective = NAN;
    r->best_bound = NAN;
    r->gap = NAN;
    return r;
}

/* calloc(0) may return NULL; ask for at least one element so that "no
 * columns" still gives a valid (empty) array. */
static double *alloc_doubles(int n)
{
    return calloc(n > 0 ? (size_t)n : 1, sizeof(double));
}

int po__result_alloc_primal(po_result *r)
{
    if (r->values != NULL)
        return 0;
    double *v = alloc_doubles(r->ncols);
    double *a = alloc_doubles(r->nrows);
    if (v == NULL || a == NULL) {
        free(v);
        free(a);
        return -1;
    }
    r->values = v;
    r->activities = a;
    return 0;
}

int po__result_alloc_dual(po_result *r)
{
    if (r->duals != NULL)
        return 0;
    double *d = alloc_doubles(r->nrows);
    double *c = alloc_doubles(r->ncols);
    if (d == NULL || c == NULL) {
        free(d);
        free(c);
        return -1;
    }
    r->duals = d;
    r->redcosts = c;
    return 0;
}

int po__result_alloc_sensitivity(po_result *r)
{
    if (r->row_range != NULL)
        return 0;
    double *rr = alloc_doubles(2 * r->nrows);
    double *orng = alloc_doubles(2 * r->ncols);
    double *vr = alloc_doubles(2 * r->ncols);
    if (rr == NULL || orng == NULL || vr == NULL) {
        free(rr);
        free(orng);
        free(vr);
        return -1;
    }
    for (int k = 0; k < 2 * r->nrows; k++)
        rr[k] = NAN;
    for (int k = 0; k < 2 * r->ncols; k++)
        orng[k] = vr[k] = NAN;
    r->row_range = rr;
    r->obj_range = orng;
    r->var_range = vr;
    return 0;
}

void po__result_drop_sensitivity(po_result *r)
{
    free(r->row_range);
    free(r->obj_range);
    free(r->var_range);
    r->row_range = r->obj_range = r->var_range = NULL;
}

int po__result_alloc_basis(po_result *r)
{
    if (r->row_stat != NULL)
        return 0;
    unsigned char *rs = calloc(r->nrows > 0 ? (size_t)r->nrows : 1, 1);
    unsigned char *cs = calloc(r->ncols > 0 ? (size_t)r->ncols : 1, 1);
    if (rs == NULL || cs == NULL) {
        free(rs);
        free(cs);
        return -1;
    }
    r->row_stat = rs;
    r->col_stat = cs;
    return 0;
}

void po__result_drop_basis(po_result *r)
{
    free(r->row_stat);
    free(r->col_stat);
    r->row_stat = r->col_stat = NULL;
}

void po__result_drop_solution(po_result *r)
{
    po__result_drop_sensitivity(r);
    po__result_drop_basis(r);
    free(r->values);
    free(r->activities);
    free(r->duals);
    free(r->redcosts);
    r->values = r->activities = r->duals = r->redcosts = NULL;
    r->objective = NAN;
}

void po_result_free(po_result *result)
{
    if (result == NULL)
        return;
    po__result_drop_solution(result);
    free(result);
}

po_outcome po_result_outcome(const po_result *r)
{
    return r != NULL ? r->outcome : PO_OUTCOME_NUMERICAL;
}

int po_result_has_solution(const po_result *r)
{
    return r != NULL && r->values != NULL;
}

int po_result_is_mip(const po_result *r)
{
    return r != NULL && r->is_mip;
}

double po_result_objective(const po_result *r)
{
    return r != NULL && r->values != NULL ? r->objective : NAN;
}

const double *po_result_values(const po_result *r)
{
    return r != NULL ? r->values : NULL;
}

const double *po_result_row_activities(const po_result *r)
{
    return r != NULL ? r->activities : NULL;
}

const double *po_result_duals(const po_result *r)
{
    return r != NULL ? r->duals : NULL;
}

const double *po_result_reduced_costs(const po_result *r)
{
    return r != NULL ? r->redcosts : NULL;
}

double po_result_best_bound(const po_result *r)
{
    return r != NULL ? r->best_bound : NAN;
}

double po_result_gap(const po_result *r)
{
    return r != NULL ? r->gap : NAN;
}

long po_result_iterations(const po_result *r)
{
    return r != NULL ? r->iterations : 0;
}

long po_result_nodes(const po_result *r)
{
    return r != NULL ? r->nodes : 0;
}

double po_result_time(const po_result *r)
{
    return r != NULL ? r->time : NAN;
}

int po_result_num_vars(const po_result *r)
{
    return r != NULL ? r->ncols : 0;
}

int po_result_num_constrs(const po_result *r)
{
    return r != NULL ? r->nrows : 0;
}

int po_result_has_sensitivity(const po_result *r)
{
    return r != NULL && r->row_range != NULL;
}

static po_status get_range(const po_result *r, const double *range, int n,
                           int k, double *lo, double *hi)
{
    if (r == NULL)
        return PO_EINVAL;
    if (k < 0 || k >= n)
        return PO_ERANGE;
    if (range == NULL)
        return PO_ENOSOLUTION;
    if (lo != NULL)
        *lo = range[2 * k];
    if (hi != NULL)
        *hi = range[2 * k + 1];
    return PO_OK;
}

po_status po_result_row_range(const po_result *r, int constr, double *lo,
                              double *hi)
{
    return get_range(r, r != NULL ? r->row_range : NULL,
                     r != NULL ? r->nrows : 0, constr, lo, hi);
}

po_status po_result_obj_range(const po_result *r, int var, double *lo,
                              double *hi)
{
    return get_range(r, r != NULL ? r->obj_range : NULL,
                     r != NULL ? r->ncols : 0, var, lo, hi);
}

po_status po_result_var_range(const po_result *r, int var, double *lo,
                              double *hi)
{
    return get_range(r, r != NULL ? r->var_range : NULL,
                     r != NULL ? r->ncols : 0, var, lo, hi);
}

int po_result_has_basis(const po_result *r)
{
    return r != NULL && r->row_stat != NULL;
}

int po_result_var_status(const po_result *r, int var)
{
    if (r == NULL || r->col_stat == NULL || var < 0 || var >= r->ncols)
        return -1;
    return r->col_stat[var];
}

int po_result_row_status(const po_result *r, int constr)
{
    if (r == NULL || r->row_stat == NULL || constr < 0 || constr >= r->nrows)
        return -1;
    return r->row_stat[constr];
}

int po_result_warm_started(const po_result *r)
{
    return r != NULL && r->warm;
}
