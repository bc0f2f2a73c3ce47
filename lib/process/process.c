/*
 * process.c -- the process-model handle: lifetime, the error list, the
 * top-level settings and read-back.  Items, activities and the other parts
 * are built in process_build.c.
 */
#include "process.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *po__strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *c = malloc(n);
    if (c)
        memcpy(c, s, n);
    return c;
}

/* ------------------------------------------------------------------ */
/* Errors                                                             */
/* ------------------------------------------------------------------ */

void po__process_clear_errors(po_process *p)
{
    for (int k = 0; k < p->nerrs; k++)
        free(p->errs[k].msg);
    p->nerrs = 0;
    p->dropped = 0;
    p->errmsg[0] = '\0';
}

/* errmsg always mirrors the first kept error. */
static void format_first(po_process *p)
{
    if (p->nerrs == 0) {
        p->errmsg[0] = '\0';
        return;
    }
    const po__perror *e = &p->errs[0];
    const char *msg = e->msg ? e->msg : "out of memory";
    if (e->line > 0)
        snprintf(p->errmsg, sizeof p->errmsg, "%s:%d:%d: %s",
                 p->source ? p->source : "<string>", e->line, e->col, msg);
    else
        snprintf(p->errmsg, sizeof p->errmsg, "%s", msg);
}

po_status po__perr(po_process *p, po_status status, const po__pos *pos,
                   const char *fmt, ...)
{
    if (p->nerrs >= PO_PROCESS_MAX_ERRORS) {
        p->dropped++;
        return status;
    }
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    po__perror *e = &p->errs[p->nerrs++];
    e->status = status;
    e->line = pos ? pos->line : 0;
    e->col = pos ? pos->col : 0;
    e->msg = po__strdup(buf);
    format_first(p);
    return status;
}

void po__process_sort_errors(po_process *p)
{
    for (int i = 1; i < p->nerrs; i++) {
        po__perror e = p->errs[i];
        int j = i;
        /* errors without a position (0) go last */
        long key = e.line > 0 ? (long)e.line * 100000L + e.col : 0x7fffffffL;
        while (j > 0) {
            const po__perror *q = &p->errs[j - 1];
            long qk = q->line > 0 ? (long)q->line * 100000L + q->col
                                  : 0x7fffffffL;
            if (qk <= key)
                break;
            p->errs[j] = p->errs[j - 1];
            j--;
        }
        p->errs[j] = e;
    }
    format_first(p);
}

po_status po__process_status(const po_process *p)
{
    return p->nerrs > 0 ? p->errs[0].status : PO_OK;
}

int po_process_num_errors(const po_process *p)
{
    return p ? p->nerrs : 0;
}

int po_process_num_dropped_errors(const po_process *p)
{
    return p ? p->dropped : 0;
}

const char *po_process_error_message(const po_process *p, int k)
{
    if (p == NULL || k < 0 || k >= p->nerrs)
        return NULL;
    return p->errs[k].msg ? p->errs[k].msg : "out of memory";
}

int po_process_error_line(const po_process *p, int k)
{
    return p && k >= 0 && k < p->nerrs ? p->errs[k].line : 0;
}

int po_process_error_column(const po_process *p, int k)
{
    return p && k >= 0 && k < p->nerrs ? p->errs[k].col : 0;
}

const char *po_process_errmsg(const po_process *p)
{
    return p ? p->errmsg : "";
}

po_status po_process_errcode(const po_process *p)
{
    return p ? po__process_status(p) : PO_EINVAL;
}

/* ------------------------------------------------------------------ */
/* Lifetime                                                           */
/* ------------------------------------------------------------------ */

static void init_contents(po_process *p)
{
    p->nperiods = 1;
    p->objective = PO_OBJECTIVE_MIN_COST;
    po__names_init(&p->item_index);
    po__names_init(&p->act_index);
    po__names_init(&p->con_index);
}

po_process *po_process_new(void)
{
    po_process *p = calloc(1, sizeof *p);
    if (p)
        init_contents(p);
    return p;
}

static void free_params(po__param *prm, int n)
{
    for (int k = 0; k < n; k++)
        free(prm[k].v);
}

void po__process_reset(po_process *p)
{
    free(p->name);
    free(p->currency);
    free(p->description);
    if (p->periods)
        for (int t = 0; t < p->nperiods; t++)
            free(p->periods[t]);
    free(p->periods);
    for (int i = 0; i < p->nitems; i++) {
        free(p->items[i].name);
        free(p->items[i].description);
        free_params(p->items[i].p, PO__I_NKEYS);
    }
    free(p->items);
    for (int a = 0; a < p->nacts; a++) {
        po__activity *act = &p->acts[a];
        free(act->name);
        free(act->description);
        free_params(act->p, PO__A_NKEYS);
        for (int k = 0; k < act->nin; k++)
            free(act->in[k].name);
        for (int k = 0; k < act->nout; k++)
            free(act->out[k].name);
        free(act->in);
        free(act->out);
    }
    free(p->acts);
    for (int c = 0; c < p->ncons; c++) {
        po__constraint *con = &p->cons[c];
        free(con->name);
        free(con->description);
        free_params(con->p, PO__C_NKEYS);
        for (int k = 0; k < con->nterms; k++)
            free(con->terms[k].name);
        free(con->terms);
    }
    free(p->cons);
    for (int b = 0; b < p->nbase; b++) {
        free(p->base[b].name);
        free(p->base[b].level.v);
    }
    free(p->base);
    for (int u = 0; u < p->nunc; u++)
        free(p->unc[u].name);
    free(p->unc);
    po__names_free(&p->item_index);
    po__names_free(&p->act_index);
    po__names_free(&p->con_index);

    /* keep the error state, clear everything else */
    char *source = p->source;
    po__perror errs[PO_PROCESS_MAX_ERRORS];
    memcpy(errs, p->errs, sizeof errs);
    int nerrs = p->nerrs, dropped = p->dropped;
    char errmsg[sizeof p->errmsg];
    memcpy(errmsg, p->errmsg, sizeof errmsg);
    memset(p, 0, sizeof *p);
    init_contents(p);
    p->source = source;
    memcpy(p->errs, errs, sizeof errs);
    p->nerrs = nerrs;
    p->dropped = dropped;
    memcpy(p->errmsg, errmsg, sizeof errmsg);
}

void po__process_swap(po_process *a, po_process *b)
{
    po_process t = *a;
    *a = *b;
    *b = t;
    /* the error state stays where it was */
    po_process e = *a;
    a->source = b->source;
    memcpy(a->errs, b->errs, sizeof a->errs);
    a->nerrs = b->nerrs;
    a->dropped = b->dropped;
    memcpy(a->errmsg, b->errmsg, sizeof a->errmsg);
    b->source = e.source;
    memcpy(b->errs, e.errs, sizeof b->errs);
    b->nerrs = e.nerrs;
    b->dropped = e.dropped;
    memcpy(b->errmsg, e.errmsg, sizeof b->errmsg);
}

void po_process_free(po_process *p)
{
    if (p == NULL)
        return;
    po__process_reset(p);
    po__process_clear_errors(p);
    free(p->source);
    free(p);
}

/* ------------------------------------------------------------------ */
/* Top-level settings                                                 */
/* ------------------------------------------------------------------ */

static po_status set_string(po_process *p, char **slot, const char *s,
                            const char *what)
{
    if (p == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (s == NULL)
        return po__perr(p, PO_EINVAL, NULL, "%s: NULL string", what);
    char *c = po__strdup(s);
    if (c == NULL)
        return po__perr(p, PO_ENOMEM, NULL, "%s: out of memory", what);
    free(*slot);
    *slot = c;
    return PO_OK;
}

po_status po_process_set_name(po_process *p, const char *name)
{
    return set_string(p, p ? &p->name : NULL, name, "name");
}

po_status po_process_set_currency(po_process *p, const char *currency)
{
    return set_string(p, p ? &p->currency : NULL, currency, "currency");
}

po_status po_process_set_horizons_per_year(po_process *p, double h)
{
    if (p == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (!(h >= 0) || h > PO__PMAX_ABS)
        return po__perr(p, isnan(h) ? PO_ENAN : PO_EINVAL, NULL,
                        "\"horizons_per_year\" must be a positive number");
    p->horizons_per_year = h;
    return PO_OK;
}

po_status po_process_set_objective(po_process *p, po_objective objective)
{
    if (p == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (objective != PO_OBJECTIVE_MIN_COST &&
        objective != PO_OBJECTIVE_MAX_MARGIN)
        return po__perr(p, PO_EINVAL, NULL, "unknown objective %d",
                        (int)objective);
    p->objective = objective;
    return PO_OK;
}

po_status po_process_set_scenarios(po_process *p, long scenarios,
                                   unsigned long seed)
{
    if (p == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (scenarios < 1)
        return po__perr(p, PO_EINVAL, NULL,
                        "uncertainty: \"scenarios\" must be at least 1");
    p->has_uncertainty = 1;
    p->scenarios = scenarios;
    p->seed = seed;
    return PO_OK;
}

po_status po_process_set_mvp(po_process *p, double build, double run,
                             double years)
{
    if (p == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (!(build >= 0 && build <= PO__PMAX_ABS))
        return po__perr(p, PO_EINVAL, NULL,
                        "mvp: \"build_cost\" must be a number >= 0");
    if (!(run >= 0 && run <= PO__PMAX_ABS))
        return po__perr(p, PO_EINVAL, NULL,
                        "mvp: \"run_cost_per_year\" must be a number >= 0");
    if (!(years > 0 && years <= PO__PMAX_ABS))
        return po__perr(p, PO_EINVAL, NULL,
                        "mvp: \"years\" must be a number > 0");
    p->has_mvp = 1;
    p->mvp_build = build;
    p->mvp_run = run;
    p->mvp_years = years;
    return PO_OK;
}

/* ------------------------------------------------------------------ */
/* Read-back                                                          */
/* ------------------------------------------------------------------ */

const char *po__period_name(const po_process *p, int t)
{
    return p->periods ? p->periods[t] : "";
}

const char *po_process_name(const po_process *p)
{
    return p && p->name ? p->name : "";
}

const char *po_process_currency(const po_process *p)
{
    return p && p->currency ? p->currency : "";
}

po_objective po_process_objective(const po_process *p)
{
    return p ? p->objective : PO_OBJECTIVE_MIN_COST;
}

double po_process_horizons_per_year(const po_process *p)
{
    return p ? p->horizons_per_year : 0;
}

int po_process_num_periods(const po_process *p)
{
    return p ? p->nperiods : 0;
}

const char *po_process_period_name(const po_process *p, int t)
{
    return p && t >= 0 && t < p->nperiods ? po__period_name(p, t) : NULL;
}

int po_process_num_items(const po_process *p)
{
    return p ? p->nitems : 0;
}

const char *po_process_item_name(const po_process *p, int i)
{
    return p && i >= 0 && i < p->nitems ? p->items[i].name : NULL;
}

int po_process_item_is_capacity(const po_process *p, int i)
{
    if (p == NULL || i < 0 || i >= p->nitems)
        return -1;
    return p->items[i].p[PO__I_CAPACITY].n > 0;
}

int po_process_num_activities(const po_process *p)
{
    return p ? p->nacts : 0;
}

const char *po_process_activity_name(const po_process *p, int a)
{
    return p && a >= 0 && a < p->nacts ? p->acts[a].name : NULL;
}

int po_process_num_constraints(const po_process *p)
{
    return p ? p->ncons : 0;
}

const char *po_process_constraint_name(const po_process *p, int c)
{
    return p && c >= 0 && c < p->ncons ? p->cons[c].name : NULL;
}

double po_process_item_param(const po_process *p, int i, const char *key,
                             int t)
{
    if (p == NULL || i < 0 || i >= p->nitems || t < 0 || t >= p->nperiods ||
        key == NULL)
        return NAN;
    int k = po__key_index(po__item_keys, PO__I_NKEYS, key);
    return k < 0 ? NAN : po__pv(&p->items[i].p[k], t, NAN);
}

double po_process_activity_param(const po_process *p, int a, const char *key,
                                 int t)
{
    if (p == NULL || a < 0 || a >= p->nacts || t < 0 || t >= p->nperiods ||
        key == NULL)
        return NAN;
    int k = po__key_index(po__activity_keys, PO__A_NKEYS, key);
    return k < 0 ? NAN : po__pv(&p->acts[a].p[k], t, NAN);
}

int po_process_has_baseline(const po_process *p)
{
    return p ? p->has_baseline : 0;
}

double po_process_baseline_level(const po_process *p, int a, int t)
{
    if (p == NULL || !p->has_baseline || a < 0 || a >= p->nacts || t < 0 ||
        t >= p->nperiods)
        return NAN;
    for (int b = 0; b < p->nbase; b++)
        if (strcmp(p->base[b].name, p->acts[a].name) == 0)
            return po__pv(&p->base[b].level, t, 0);
    return 0;
}

long po_process_scenarios(const po_process *p)
{
    return p && p->has_uncertainty ? p->scenarios : 0;
}

unsigned long po_process_seed(const po_process *p)
{
    return p ? p->seed : 0;
}

int po_process_num_uncertainties(const po_process *p)
{
    return p ? p->nunc : 0;
}

po_status po_process_uncertainty(const po_process *p, int k,
                                 po_unc_param *param, const char **name,
                                 po_unc_dist *dist, double *value)
{
    if (p == NULL)
        return PO_EINVAL;
    if (k < 0 || k >= p->nunc)
        return PO_ERANGE;
    const po__uncertain *u = &p->unc[k];
    if (param)
        *param = u->param;
    if (name)
        *name = u->name;
    if (dist)
        *dist = u->dist;
    if (value)
        *value = u->value;
    return PO_OK;
}

int po_process_mvp(const po_process *p, double *build, double *run,
                   double *years)
{
    if (p == NULL || !p->has_mvp)
        return 0;
    if (build)
        *build = p->mvp_build;
    if (run)
        *run = p->mvp_run;
    if (years)
        *years = p->mvp_years;
    return 1;
}
