/*
 * limits.c -- what limits the savings: shadow prices of capacities and side
 * constraints with the range over which each holds, and the ranges over
 * which activity costs, item prices and buy costs can move before the
 * optimal plan changes, in process terms and in a manager's words.
 *
 * Everything comes from one solve of the compiled model with the backend's
 * sensitivity analysis (for a MIP: the LP with the integer decisions fixed
 * at their optimum, so the figures describe the chosen configuration).
 * The compiled model minimizes total cost, and the backend's duals are the
 * change of that objective per unit increase of a row's bound, so the
 * value of one more unit of a bound is minus the dual: a saving.
 */
#include "conflict.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lprice {
    po_req_kind kind; /* capacity or constraint */
    int obj, t, binding;
    int upper;        /* the bound concerned is the row's upper one */
    double value;     /* total cost saved per unit increase of that bound */
    double bound, lo, hi;
    char *name, *period, *message;
} lprice;

typedef struct lrange {
    po_unc_param param;
    int obj, t;
    double value, lo, hi;
    char *name, *period, *message;
} lrange;

struct po_limits {
    po_outcome outcome;
    int available;
    lprice *pr;
    int npr, nbinding;
    lrange *rg;
    int nrg;
};

void po_limits_free(po_limits *l)
{
    if (l == NULL)
        return;
    for (int k = 0; k < l->npr; k++) {
        free(l->pr[k].name);
        free(l->pr[k].period);
        free(l->pr[k].message);
    }
    for (int k = 0; k < l->nrg; k++) {
        free(l->rg[k].name);
        free(l->rg[k].period);
        free(l->rg[k].message);
    }
    free(l->pr);
    free(l->rg);
    free(l);
}

/* Money: two decimals from 1 on ("41.20"), significant digits below. */
static const char *money(double x, char buf[40])
{
    if (isfinite(x) && fabs(x) >= 1 && fabs(x) < 1e15) {
        snprintf(buf, 40, "%.2f", x);
        return buf;
    }
    return po__fmt_amount(x, buf);
}

static char *vprint(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static char *vprint(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return NULL;
    char *s = malloc((size_t)len + 1);
    if (s == NULL)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(s, (size_t)len + 1, fmt, ap);
    va_end(ap);
    return s;
}

/* " on Sat" for a named period, "" otherwise. */
static const char *on_period(const po_process *p, int t, char *buf,
                             size_t size)
{
    if (p->periods == NULL || t < 0 || t >= p->nperiods) {
        buf[0] = '\0';
        return buf;
    }
    snprintf(buf, size, " on %s", p->periods[t]);
    return buf;
}

static const char *cur(const po_process *p, char *buf, size_t size)
{
    if (p->currency && p->currency[0])
        snprintf(buf, size, " %s", p->currency);
    else
        buf[0] = '\0';
    return buf;
}

static char *price_message(const po_process *p, const lprice *e)
{
    char ob[PO_NAME_MAX + 8], cb[64], b1[40], b2[40];
    const char *on = on_period(p, e->t, ob, sizeof ob);
    const char *cu = cur(p, cb, sizeof cb);
    if (!e->binding)
        return e->kind == PO_REQ_CAPACITY
                   ? vprint("one more %s%s is worth nothing: it does not "
                            "limit the plan",
                            e->name, on)
                   : vprint("moving %s%s is worth nothing: it does not "
                            "limit the plan",
                            e->name, on);
    /* the direction that loosens the binding bound */
    int raise = e->value > 0;
    double worth = fabs(e->value);
    double room = raise ? e->hi - e->bound : e->bound - e->lo;
    char roomtxt[80];
    if (isfinite(room))
        snprintf(roomtxt, sizeof roomtxt, ", up to %s %s",
                 po__fmt_amount(room, b2), raise ? "more" : "less");
    else
        snprintf(roomtxt, sizeof roomtxt, ", with no limit");
    if (e->kind == PO_REQ_CAPACITY)
        return vprint("one more %s%s is worth %s%s%s", e->name, on,
                      money(worth, b1), cu, roomtxt);
    return vprint("%s %s%s by one is worth %s%s%s",
                  raise ? "raising" : "lowering", e->name, on,
                  money(worth, b1), cu, roomtxt);
}

static char *range_message(const po_process *p, const lrange *e)
{
    static const char *const what[] = {[PO_UNC_DEMAND] = "demand",
                                       [PO_UNC_PRICE] = "price",
                                       [PO_UNC_BUY_COST] = "buy cost",
                                       [PO_UNC_COST] = "cost",
                                       [PO_UNC_CAPACITY] = "capacity"};
    char ob[PO_NAME_MAX + 8], cb[64], b1[40], b2[40], b3[40];
    const char *on = on_period(p, e->t, ob, sizeof ob);
    const char *cu = cur(p, cb, sizeof cb);
    money(e->value, b3);
    if (isinf(e->lo) && isinf(e->hi))
        return vprint("%s of %s%s (now %s%s) can take any value without "
                      "changing the plan",
                      what[e->param], e->name, on, b3, cu);
    if (isinf(e->lo))
        return vprint("%s of %s%s (now %s%s) can rise to %s%s without "
                      "changing the plan",
                      what[e->param], e->name, on, b3, cu, money(e->hi, b1),
                      cu);
    if (isinf(e->hi))
        return vprint("%s of %s%s (now %s%s) can fall to %s%s without "
                      "changing the plan",
                      what[e->param], e->name, on, b3, cu, money(e->lo, b1),
                      cu);
    return vprint("%s of %s%s (now %s%s) can move between %s and %s%s "
                  "without changing the plan",
                  what[e->param], e->name, on, b3, cu, money(e->lo, b1),
                  money(e->hi, b2), cu);
}

static int cmp_price(const void *x, const void *y)
{
    const lprice *a = x, *b = y;
    if (a->binding != b->binding)
        return a->binding ? -1 : 1;
    if (a->binding && fabs(a->value) != fabs(b->value))
        return fabs(a->value) > fabs(b->value) ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->obj != b->obj)
        return a->obj < b->obj ? -1 : 1;
    return (a->t > b->t) - (a->t < b->t);
}

static char *period_copy(const po_process *p, int t)
{
    return po__strdup(p->periods && t >= 0 && t < p->nperiods ? p->periods[t]
                                                               : "");
}

/* Shadow prices of the capacity and side-constraint rows. */
static int prices(po_limits *l, const po_process *p, const po__roles *r,
                  const po_model *m, const po_result *res)
{
    const double *y = po_result_duals(res);
    l->pr = calloc((size_t)r->nrows + 1, sizeof *l->pr);
    if (l->pr == NULL || y == NULL)
        return l->pr == NULL ? -1 : 0;
    for (int i = 0; i < r->nrows; i++) {
        int role = r->row_role[i];
        if (role != PO__ROW_CAPACITY && role != PO__ROW_CONSTRAINT)
            continue;
        lprice *e = &l->pr[l->npr];
        e->kind = role == PO__ROW_CAPACITY ? PO_REQ_CAPACITY
                                           : PO_REQ_CONSTRAINT;
        e->obj = r->row_obj[i];
        e->t = r->row_t[i];
        int status = po_result_row_status(res, i);
        double lo = po_model_constr_lb(m, i), hi = po_model_constr_ub(m, i);
        /* Binding = a nonzero price.  Its sign tells which bound is in play
         * (minimizing, a price of a row at its upper bound is <= 0); MIP
         * results keep no basis, so the status is only a fallback for rows
         * without a price: the bound they sit at, else the finite one
         * (upper first: capacities and maxima are what limit a plan). */
        e->binding = fabs(y[i]) > 1e-9;
        e->upper = e->binding                 ? y[i] < 0
                   : status == PO_BASIS_LOWER ? 0
                   : status == PO_BASIS_UPPER ? 1
                                              : isfinite(hi) || !isfinite(lo);
        e->bound = e->upper ? hi : lo;
        e->value = e->binding ? -y[i] : 0;
        if (po_result_row_range(res, i, &e->lo, &e->hi) != PO_OK)
            e->lo = e->hi = NAN;
        e->name = po__strdup(po__req_object_name(p, e->kind, e->obj));
        e->period = period_copy(p, e->t);
        l->npr++;
        if (!e->name || !e->period)
            return -1;
        l->nbinding += e->binding;
    }
    if (l->npr > 1)
        qsort(l->pr, (size_t)l->npr, sizeof *l->pr, cmp_price);
    for (int k = 0; k < l->npr; k++)
        if ((l->pr[k].message = price_message(p, &l->pr[k])) == NULL)
            return -1;
    return 0;
}

/* Cost ranging of activity levels, sales and buys (continuous columns). */
static int ranges(po_limits *l, const po_process *p, const po__roles *r,
                  const po_model *m, const po_result *res)
{
    static const int order[] = {PO_UNC_COST, PO_UNC_PRICE, PO_UNC_BUY_COST};
    l->rg = calloc((size_t)r->ncols + 1, sizeof *l->rg);
    if (l->rg == NULL)
        return -1;
    for (int pass = 0; pass < 3; pass++) {
        int role = order[pass] == PO_UNC_COST    ? PO__COL_LEVEL
                   : order[pass] == PO_UNC_PRICE ? PO__COL_SOLD
                                                 : PO__COL_BUY;
        /* by object, then period: columns are laid out that way already
         * within each role, but the roles interleave */
        for (int j = 0; j < r->ncols; j++) {
            if (r->col_role[j] != role ||
                po_model_var_type(m, j) != PO_CONTINUOUS)
                continue;
            double lo, hi;
            if (po_result_obj_range(res, j, &lo, &hi) != PO_OK || isnan(lo))
                continue;
            lrange *e = &l->rg[l->nrg];
            e->param = (po_unc_param)order[pass];
            e->obj = r->col_obj[j];
            e->t = r->col_t[j];
            double c = po_model_var_obj(m, j);
            if (role == PO__COL_SOLD) { /* the coefficient is -price */
                e->value = -c;
                e->lo = -hi;
                e->hi = -lo;
            } else {
                e->value = c;
                e->lo = lo;
                e->hi = hi;
            }
            e->name = po__strdup(role == PO__COL_LEVEL ? p->acts[e->obj].name
                                                       : p->items[e->obj].name);
            e->period = period_copy(p, e->t);
            l->nrg++;
            if (!e->name || !e->period ||
                (e->message = range_message(p, e)) == NULL)
                return -1;
        }
    }
    return 0;
}

/* The model p compiles to is the one `m` holds: same columns and rows,
 * same names (the plan's model may come from an earlier state of p). */
static int same_model(const po_model *a, const po_model *b)
{
    if (po_model_num_vars(a) != po_model_num_vars(b) ||
        po_model_num_constrs(a) != po_model_num_constrs(b))
        return 0;
    for (int j = 0; j < po_model_num_vars(a); j++)
        if (strcmp(po_model_var_name(a, j), po_model_var_name(b, j)) != 0)
            return 0;
    for (int i = 0; i < po_model_num_constrs(a); i++)
        if (strcmp(po_model_constr_name(a, i), po_model_constr_name(b, i)) !=
            0)
            return 0;
    return 1;
}

/* Limits of p from `plan` (which holds a result with sensitivity), or from
 * a solve of its own when plan is NULL. */
static po_status limits(po_process *p, const po_options *opt,
                        const po_plan *plan, po_limits **out)
{
    if (out)
        *out = NULL;
    if (p == NULL || out == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (!p->validated) {
        po_status st = po__process_check(p);
        if (st)
            return st;
    }
    po__pmap map;
    po_model *m = NULL;
    po_result *own = NULL;
    const po_result *res = NULL;
    po__roles r;
    memset(&r, 0, sizeof r);
    /* compiled as po_process_solve compiles plans (flow rows included) */
    po__copts co = {0, 1, NULL};
    po_status st = po__process_compile_opts(p, &co, &m, &map);
    if (st)
        return st;
    st = po__roles_build(&r, p, &map, m);
    po__pmap_free(&map);
    po_limits *l = st ? NULL : calloc(1, sizeof *l);
    if (!st && l == NULL)
        st = PO_ENOMEM;
    if (st == PO_ENOMEM)
        po__perr(p, st, NULL, "limits: out of memory");
    if (!st && plan) {
        res = po_plan_result(plan);
        if (res == NULL || po_plan_model(plan) == NULL ||
            !same_model(m, po_plan_model(plan)))
            st = po__perr(p, PO_EINVAL, NULL,
                          "limits: the plan was not solved from this model");
        else if (!po_result_has_sensitivity(res) &&
                 po_plan_has_solution(plan))
            st = po__perr(p, PO_ENOSOLUTION, NULL,
                          "limits: the plan was solved without "
                          "options.sensitivity");
    } else if (!st) {
        po_options o;
        if (opt)
            o = *opt;
        else
            po_options_init(&o);
        o.sensitivity = 1;
        st = po_solve(m, &o, &own);
        if (st)
            po__perr(p, st, NULL, "limits: %s", po_model_errmsg(m));
        res = own;
    }
    if (!st) {
        l->outcome = po_result_outcome(res);
        l->available = po_result_has_sensitivity(res);
        if (l->available &&
            (prices(l, p, &r, m, res) || ranges(l, p, &r, m, res)))
            st = po__perr(p, PO_ENOMEM, NULL, "limits: out of memory");
    }
    po_result_free(own);
    po_model_free(m);
    po__roles_free(&r);
    if (st) {
        po_limits_free(l);
        return st;
    }
    *out = l;
    return PO_OK;
}

po_status po_process_limits(po_process *p, const po_options *opt,
                            po_limits **out)
{
    return limits(p, opt, NULL, out);
}

po_status po_plan_limits(po_process *p, const po_plan *plan, po_limits **out)
{
    if (plan == NULL) {
        if (out)
            *out = NULL;
        return PO_EINVAL;
    }
    return limits(p, NULL, plan, out);
}

po_outcome po_limits_outcome(const po_limits *l)
{
    return l ? l->outcome : PO_OUTCOME_NUMERICAL;
}

int po_limits_available(const po_limits *l)
{
    return l ? l->available : 0;
}

int po_limits_num_prices(const po_limits *l)
{
    return l ? l->npr : 0;
}

int po_limits_num_binding(const po_limits *l)
{
    return l ? l->nbinding : 0;
}

po_status po_limits_price(const po_limits *l, int k, po_req_kind *kind,
                          const char **name, const char **period,
                          double *value, double *bound, double *lo,
                          double *hi)
{
    if (l == NULL)
        return PO_EINVAL;
    if (k < 0 || k >= l->npr)
        return PO_ERANGE;
    const lprice *e = &l->pr[k];
    if (kind)
        *kind = e->kind;
    if (name)
        *name = e->name;
    if (period)
        *period = e->period;
    if (value)
        *value = e->value;
    if (bound)
        *bound = e->bound;
    if (lo)
        *lo = e->lo;
    if (hi)
        *hi = e->hi;
    return PO_OK;
}

const char *po_limits_price_message(const po_limits *l, int k)
{
    return l && k >= 0 && k < l->npr ? l->pr[k].message : NULL;
}

int po_limits_num_ranges(const po_limits *l)
{
    return l ? l->nrg : 0;
}

po_status po_limits_range(const po_limits *l, int k, po_unc_param *param,
                          const char **name, const char **period,
                          double *value, double *lo, double *hi)
{
    if (l == NULL)
        return PO_EINVAL;
    if (k < 0 || k >= l->nrg)
        return PO_ERANGE;
    const lrange *e = &l->rg[k];
    if (param)
        *param = e->param;
    if (name)
        *name = e->name;
    if (period)
        *period = e->period;
    if (value)
        *value = e->value;
    if (lo)
        *lo = e->lo;
    if (hi)
        *hi = e->hi;
    return PO_OK;
}

const char *po_limits_range_message(const po_limits *l, int k)
{
    return l && k >= 0 && k < l->nrg ? l->rg[k].message : NULL;
}
