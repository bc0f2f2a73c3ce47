/*
 * process.h -- private view of a process model (items, activities, side
 * constraints, baseline, uncertainty, MVP economics), shared by the files of
 * the process layer: building (process_build.c), JSON reading
 * (process_json*.c), validation (process_check.c), big-M bounds
 * (process_bounds.c), compiling (process_compile.c) and plans
 * (process_plan.c).  Not installed.
 */
#ifndef PO_PROCESS_H
#define PO_PROCESS_H

#include <stddef.h>

#include "procopt.h"
#include "names.h"

/* Largest magnitude accepted for any number of a process model: beyond it
 * a model is almost surely a typo or a stand-in for "unlimited" (which is
 * written by leaving the key out), and GLPK's tolerances stop making sense. */
#define PO__PMAX_ABS 1e15

/* Scenarios drawn when "uncertainty" gives none. */
#define PO__DEFAULT_SCENARIOS 1000

/* Where something was written: 1-based line and column, 0 when it came from
 * the builder API. */
typedef struct po__pos {
    int line, col;
} po__pos;

/* A per-period number: absent (n == 0), one value for every period
 * (n == 1), or one value per period (n == number of periods). */
typedef struct po__param {
    int n;
    double *v;
    po__pos pos; /* of the key */
} po__param;

/* The value of `p` in period t, or dflt when absent. */
static inline double po__pv(const po__param *p, int t, double dflt)
{
    return p->n == 0 ? dflt : p->v[p->n == 1 ? 0 : t];
}

/* Per-period keys of an item, in the order of the format reference. */
enum {
    PO__I_BUY_COST, PO__I_BUY_MAX, PO__I_STORE_COST, PO__I_STORE_MAX,
    PO__I_CAPACITY, PO__I_DEMAND, PO__I_PRICE, PO__I_SHORTAGE_COST,
    PO__I_INITIAL, /* a number, not per period (n is 0 or 1) */
    PO__I_DISPOSE_COST, /* extension: makes the item disposable */
    PO__I_NKEYS
};
/* Per-period keys of an activity. */
enum {
    PO__A_COST, PO__A_MIN, PO__A_MAX, PO__A_FIXED_COST, PO__A_MIN_BATCH,
    PO__A_NKEYS
};
/* Per-period keys of a side constraint. */
enum { PO__C_MIN, PO__C_MAX, PO__C_NKEYS };

/* JSON key names of the enums above (static tables). */
extern const char *const po__item_keys[PO__I_NKEYS];
extern const char *const po__activity_keys[PO__A_NKEYS];
extern const char *const po__constraint_keys[PO__C_NKEYS];
/* Names of po_unc_param values, as in "uncertainty". */
extern const char *const po__unc_params[5];

typedef struct po__item {
    char *name;
    po__pos pos;
    po__param p[PO__I_NKEYS];
    char *description;
} po__item;

/* An item used or made by an activity; the name is resolved to `item` by
 * validation (so the builder may name items it adds later). */
typedef struct po__rate {
    char *name;
    int item;   /* -1 until resolved */
    double rate;
    po__pos pos;
} po__rate;

typedef struct po__activity {
    char *name;
    po__pos pos;
    po__param p[PO__A_NKEYS];
    int integer, binary;
    po__pos integer_pos, binary_pos;
    po__rate *in, *out;
    int nin, nout, in_cap, out_cap;
    char *description;
} po__activity;

/* A term of a side constraint (activity -> coefficient). */
typedef struct po__term {
    char *name;
    int act; /* -1 until resolved */
    double coef;
    po__pos pos;
} po__term;

typedef struct po__constraint {
    char *name;
    po__pos pos;
    po__param p[PO__C_NKEYS];
    po__term *terms;
    int nterms, terms_cap;
    char *description;
} po__constraint;

/* A baseline entry: activity -> levels. */
typedef struct po__base {
    char *name;
    int act; /* -1 until resolved */
    po__param level;
} po__base;

typedef struct po__uncertain {
    po_unc_param param;
    char *name;  /* "*" = every item or activity the parameter applies to */
    int target;  /* resolved index, -1 for "*" or until resolved */
    po_unc_dist dist;
    double value;
    po__pos pos;
} po__uncertain;

/* One collected error. */
typedef struct po__perror {
    po_status status;
    int line, col;
    char *msg;
} po__perror;

struct po_process {
    char *name, *currency, *description;

    int nperiods;     /* >= 1 */
    char **periods;   /* NULL when not given: one period named "" */
    po__pos periods_pos;

    double horizons_per_year; /* 0 = not given */
    po__pos hpy_pos;
    po_objective objective;

    po__item *items;
    int nitems, items_cap;
    po__names item_index;

    po__activity *acts;
    int nacts, acts_cap;
    po__names act_index;

    po__constraint *cons;
    int ncons, cons_cap;
    po__names con_index;

    po__base *base;
    int nbase, base_cap;
    int has_baseline;
    po__pos baseline_pos;

    int has_uncertainty;
    long scenarios;
    unsigned long seed;
    po__uncertain *unc;
    int nunc, unc_cap;
    po__pos uncertainty_pos;

    int has_mvp;
    double mvp_build, mvp_run, mvp_years;

    int validated; /* validation passed since the last change */

    /* errors of the last failed call */
    char *source; /* file name or the name given to load_string/stream */
    po__perror errs[PO_PROCESS_MAX_ERRORS];
    int nerrs;
    int dropped; /* errors beyond the cap */
    char errmsg[1024];
};

/* ---- errors (process.c) ---- */

/* Forget the errors of the previous call. */
void po__process_clear_errors(po_process *p);
/* Record an error at pos (may be NULL) and return status.  Errors past the
 * cap are counted, not kept.  Out of memory for the message text keeps the
 * entry with a fixed text. */
po_status po__perr(po_process *p, po_status status, const po__pos *pos,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* 0 once the error list is full: callers skip costly details (such as
 * suggestions) for errors that would only be counted. */
static inline int po__perr_room(const po_process *p)
{
    return p->nerrs < PO_PROCESS_MAX_ERRORS;
}
/* Sort the collected errors by line and column (stable), so a file's
 * errors read top to bottom whatever pass found them. */
void po__process_sort_errors(po_process *p);
/* The status a failing call returns for the errors collected. */
po_status po__process_status(const po_process *p);

/* ---- lifetime (process.c) ---- */

/* Free the contents (not the error state) and reset them to an empty
 * model. */
void po__process_reset(po_process *p);
/* Exchange the contents (not the error state) of a and b. */
void po__process_swap(po_process *a, po_process *b);
char *po__strdup(const char *s);

/* ---- building with positions (process_build.c) ----
 * The public builder calls these with pos == NULL.  `pos` points at
 * 1 + n positions: the key, then each array element (n > 1), so errors point
 * at the offending number.  Each returns PO_OK or the status of the error it
 * recorded; a rejected call changes nothing. */
po_status po__set_periods(po_process *p, int n, const char *const *names,
                          const po__pos *pos);
po_status po__add_item(po_process *p, const char *name, const po__pos *pos,
                       int *index);
po_status po__set_item_param(po_process *p, int item, int key,
                             const double *v, int n, const po__pos *pos);
po_status po__add_activity(po_process *p, const char *name,
                           const po__pos *pos, int *index);
po_status po__set_activity_param(po_process *p, int act, int key,
                                 const double *v, int n, const po__pos *pos);
po_status po__set_activity_flag(po_process *p, int act, const char *key,
                                int on, const po__pos *pos);
po_status po__add_rate(po_process *p, int act, int out, const char *item,
                       double rate, const po__pos *pos);
po_status po__add_constraint(po_process *p, const char *name,
                             const po__pos *pos, int *index);
po_status po__set_constraint_param(po_process *p, int con, int key,
                                   const double *v, int n,
                                   const po__pos *pos);
po_status po__add_term(po_process *p, int con, const char *act, double coef,
                       const po__pos *pos);
po_status po__set_baseline(po_process *p, const char *act, const double *v,
                           int n, const po__pos *pos);
po_status po__add_uncertainty(po_process *p, po_unc_param param,
                              const char *name, po_unc_dist dist,
                              double value, const po__pos *pos);
/* The message prefix naming what is being set: `item "x"`, ... */
const char *po__period_name(const po_process *p, int t);

/* ---- keys and suggestions (process_keys.c) ---- */

/* Index of key in table[0..n-1], or -1. */
int po__key_index(const char *const *table, int n, const char *key);
/* The entry of table closest to `word` by edit distance when it is close
 * enough to be a likely typo, else NULL. */
const char *po__suggest(const char *word, const char *const *table, int n);
/* Same over the names of a po__names-indexed array of structs: `names` is
 * an array of `count` string pointers spaced `stride` bytes apart. */
const char *po__suggest_name(const char *word, const void *names, int count,
                             size_t stride);
/* " (did you mean \"x\"?)" into buf, or "" when s is NULL. */
const char *po__did_you_mean(const char *s, char *buf, size_t size);

/* ---- validation (process_check.c) ---- */

/* Resolve names, check everything that needs the whole model (capacity
 * items' keys, min <= max, references, provable bounds for on/off
 * binaries); collect every error.  PO_OK or the status of the first. */
po_status po__process_check(po_process *p);

/* ---- big-M (process_bounds.c) ---- */

/* Net use (in - out) of each item by each activity, grouped by item:
 * entries e[start[i] .. start[i+1]-1] for item i, one per activity. */
typedef struct po__ent {
    int act;
    double coef;
} po__ent;
typedef struct po__netuse {
    int *start; /* nitems + 1 */
    po__ent *e;
} po__netuse;
/* Names must be resolved (po__process_check).  PO_OK or PO_ENOMEM. */
po_status po__net_use(const po_process *p, po__netuse *g);
void po__net_use_free(po__netuse *g);

/* The range of the uncertain numbers a compiled model may be given later
 * (the scenario layer rewrites demands and capacities in place): arrays of
 * nitems * nperiods, [i * nperiods + t], each NULL for the model's own
 * numbers.  Big-M and the valid inequalities of the compiler are proven for
 * every demand in [demand_lo, demand_hi] and every capacity up to
 * capacity_hi, so they stay valid in every scenario. */
typedef struct po__envelope {
    const double *demand_lo, *demand_hi, *capacity_hi;
} po__envelope;

/* Demand / capacity of item i in period t, from env when given. */
double po__env_demand_lo(const po_process *p, const po__envelope *env, int i,
                         int t);
double po__env_demand_hi(const po_process *p, const po__envelope *env, int i,
                         int t);
double po__env_capacity_hi(const po_process *p, const po__envelope *env,
                           int i, int t);

/* Upper bounds on every activity level, ub[a * nperiods + t], as tight as
 * bound propagation over capacities, balances, stocks and side constraints
 * can prove (INFINITY when none).  The model must have passed the checks
 * that resolve names.  PO_OK or PO_ENOMEM. */
po_status po__process_bounds(const po_process *p, double *ub);
/* The same, valid for every number in env's ranges (env may be NULL). */
po_status po__process_bounds_env(const po_process *p,
                                 const po__envelope *env, double *ub);

/* ---- names (process_names.c) ---- */

/* Turn n names into unique LP/MPS-safe components: letters, digits and '_'
 * only, at most maxlen bytes, collisions resolved with "_2", "_3", ...
 * *out receives n malloc'ed strings (free with po__free_strings).
 * PO_OK or PO_ENOMEM. */
po_status po__safe_names(const char *const *names, int n, size_t maxlen,
                         char ***out);
void po__free_strings(char **s, int n);

/* ---- compiling (process_compile.c) ---- */

/* Where each quantity of the process lives in the compiled model: variable
 * and row indices [k * nperiods + t], -1 where there is none. */
typedef struct po__pmap {
    int nperiods, nitems, nacts, ncons;
    int *x, *on;                         /* per activity */
    int *buy, *sold, *shortv, *stock;    /* per item */
    int *disp;                           /* per item: disp.* (dispose_cost) */
    int *row_item;                       /* bal.* or cap.* row per item */
    int *row_con;                        /* per constraint */
    double *bigm;                        /* per activity: M of on.*, NAN if none */
} po__pmap;

void po__pmap_free(po__pmap *m);
/* Compile p (which must have passed po__process_check) into a new model.
 * baseline != 0: every activity level fixed at the baseline (rows
 * base.ACT.PERIOD), on/off binaries following the levels.  map may be NULL.
 * The plain formulation: no valid inequalities beyond big-M (what conflict
 * analysis, breaches and limits read row by row). */
po_status po__process_compile(po_process *p, int baseline, po_model **out,
                              po__pmap *map);

/* How to compile. */
typedef struct po__copts {
    int baseline;   /* levels fixed at the baseline */
    int strengthen; /* add the flow formulation of on/off binaries
                       (process_flow.c); baselines get the same columns
                       (their binaries are fixed: it changes nothing) */
    const po__envelope *env; /* NULL: the model's own numbers */
} po__copts;
po_status po__process_compile_opts(po_process *p, const po__copts *o,
                                   po_model **out, po__pmap *map);

/* ---- the flow formulation (process_flow.c) ---- */

typedef struct po__flowctx {
    const po_process *p;
    po_model *m;
    const po__pmap *map;
    const double *ub;          /* proven level bounds: the M of on.* */
    const po__envelope *env;   /* may be NULL */
    char **item, **act, **per; /* safe name components; per NULL: one
                                  unnamed period */
} po__flowctx;
/* Add the facility-location split of production (columns fz.*, fl.*,
 * ff.*, fp.*; rows fzl.*, fzx.*, fo.*, fb.*) to a compiled optimized model.
 * PO_OK, or the model's status (message on the model). */
po_status po__flow_add(const po__flowctx *f);

#endif
