/*
 * procopt.h -- the one public header of libprocopt.
 *
 * procopt builds LP/MIP models (directly, from standard files, or from a
 * process description), solves them with GLPK and reports plans and savings.
 * If it is not in this file, it is not API.
 *
 * Conventions (they hold for every function below unless its comment says
 * otherwise):
 *  - Every fallible call returns a po_status; PO_OK is 0.  The message of the
 *    last failed call on a handle is kept on that handle (po_model_errmsg) and
 *    names the variable, constraint, file and line concerned.
 *  - A rejected call leaves the handle exactly as it was before the call.
 *  - Inputs are copied: the caller may free or reuse its arrays and strings
 *    as soon as the call returns.
 *  - Returned strings and arrays are borrowed: they stay valid until the
 *    handle that returned them is freed or modified.
 *  - Indices are 0-based.  Infinite bounds are written as -INFINITY/INFINITY
 *    (from <math.h>) or -PO_INF/PO_INF.
 *  - Freeing NULL is a no-op.
 *  - The library never prints, never exits, never aborts.  A handle is used
 *    by one thread at a time; different handles may be used in different
 *    threads at the same time.
 *
 * Copyright (C) 2026 the procopt developers.  GPL-3.0-or-later.
 */
#ifndef PROCOPT_H
#define PROCOPT_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(_WIN32) && defined(PO_BUILDING_LIBRARY)
#define PO_API __declspec(dllexport)
#elif defined(__GNUC__) || defined(__clang__)
#define PO_API __attribute__((visibility("default")))
#else
#define PO_API
#endif

/* ------------------------------------------------------------------ */
/* Version                                                            */
/* ------------------------------------------------------------------ */

#define PO_VERSION_MAJOR 0
#define PO_VERSION_MINOR 1
#define PO_VERSION_PATCH 0
#define PO_VERSION_STRING "0.1.0"
/* One number that grows with every release: major*10000 + minor*100 + patch. */
#define PO_VERSION_NUMBER \
    (PO_VERSION_MAJOR * 10000 + PO_VERSION_MINOR * 100 + PO_VERSION_PATCH)

/* The version of the library actually linked, e.g. "0.1.0". */
PO_API const char *po_version(void);

/* The version of GLPK the library is linked against, e.g. "5.0". */
PO_API const char *po_glpk_version(void);

/* Positive infinity, for bounds (same value as INFINITY from <math.h>). */
#if defined(__GNUC__) || defined(__clang__)
#define PO_INF (__builtin_inf())
#else
#define PO_INF (1e300 * 1e300)
#endif

/* ------------------------------------------------------------------ */
/* Status codes: did the call succeed?                                */
/* ------------------------------------------------------------------ */

typedef enum po_status {
    PO_OK = 0,
    PO_ENOMEM,       /* out of memory; nothing was changed */
    PO_EINVAL,       /* invalid argument: NULL pointer, negative count, bad enum */
    PO_ENAN,         /* a value is NaN */
    PO_EINF,         /* an infinity where only finite values are allowed */
    PO_EBOUNDS,      /* lower bound greater than upper bound */
    PO_ENAME,        /* empty name, or a name longer than PO_NAME_MAX */
    PO_EDUPNAME,     /* the name is already used by another variable/constraint */
    PO_ERANGE,       /* an index is out of range */
    PO_EDUPENTRY,    /* the same variable appears twice in one row (or row in one column) */
    PO_ENOTFOUND,    /* no variable/constraint/item of that name */
    PO_EIO,          /* a file cannot be opened, read or written */
    PO_EPARSE,       /* a file or string is malformed (message has file:line) */
    PO_EFORMAT,      /* unknown or unsupported file format */
    PO_ESOLVER,      /* GLPK failed or stopped on a fatal error (message is GLPK's) */
    PO_ENOSOLUTION,  /* the request needs a solution or basis the result does not hold */
    PO_ETOOBIG,      /* a size exceeds what the library (or GLPK) can handle */
    PO_EMODEL        /* the (process) model is inconsistent; the message says where */
} po_status;

/* A static English description of a status code ("out of memory", ...). */
PO_API const char *po_strerror(po_status status);

/* Longest name accepted for a variable or constraint (GLPK's limit). */
#define PO_NAME_MAX 255

/* ------------------------------------------------------------------ */
/* The generic model                                                  */
/* ------------------------------------------------------------------ */

typedef struct po_model po_model;

typedef enum po_vartype {
    PO_CONTINUOUS = 0,
    PO_INTEGER = 1,
    PO_BINARY = 2 /* integer in [0,1]; given bounds are intersected with [0,1] */
} po_vartype;

typedef enum po_sense { PO_MINIMIZE = 0, PO_MAXIMIZE = 1 } po_sense;

/* A new empty model (minimize, constant 0), or NULL when out of memory. */
PO_API po_model *po_model_new(void);
PO_API void po_model_free(po_model *model);

/* The message of the last failed call on this model ("" if none).  Every
 * call that can fail clears it (and the code) first, as SQLite does, so
 * after a successful call it is "".  Borrowed until the next call on the
 * model. */
PO_API const char *po_model_errmsg(const po_model *model);
/* The status of the last failed call on this model (PO_OK if none). */
PO_API po_status po_model_errcode(const po_model *model);

/* Model name (may be empty).  The name is copied. */
PO_API po_status po_model_set_name(po_model *model, const char *name);
PO_API const char *po_model_name(const po_model *model);

PO_API po_status po_model_set_sense(po_model *model, po_sense sense);
PO_API po_sense po_model_sense(const po_model *model);
/* Constant added to the objective; must be finite. */
PO_API po_status po_model_set_obj_constant(po_model *model, double constant);
PO_API double po_model_obj_constant(const po_model *model);

/* Add one variable.  name: non-empty, unique among variables, at most
 * PO_NAME_MAX bytes, without control characters (bytes 0x01-0x1F and 0x7F,
 * which GLPK refuses in names; UTF-8 is fine): PO_ENAME otherwise, PO_EINVAL
 * for NULL.  lb may be -INFINITY, ub may be INFINITY; lb must not be
 * +INFINITY, ub not -INFINITY; lb <= ub; obj finite.  PO_BINARY: the bounds
 * kept are [max(lb,0), min(ub,1)], PO_EBOUNDS when that is empty; integer
 * bounds are kept as given (GLPK rounds them).  On success *index (if not
 * NULL) receives the new variable's index. */
PO_API po_status po_model_add_var(po_model *model, const char *name, double lb,
                                  double ub, double obj, po_vartype type,
                                  int *index);

/* Add n variables at once with their coefficients in existing constraints,
 * in compressed sparse column form: the entries of new variable k are
 * row_index[col_start[k] .. col_start[k+1]-1] with value[...]; col_start has
 * n+1 non-decreasing entries and col_start[0] == 0.  col_start/row_index/
 * value may all be NULL (no coefficients).  names may be NULL, and so may
 * single names[k] (then "x<index+1>" is used); lb/ub/obj/type may be NULL
 * (defaults 0, INFINITY, 0, PO_CONTINUOUS).  Same rules as
 * po_model_add_var and po_model_add_constr per entry; messages name the
 * position k in the call.  All or nothing: any error leaves the model
 * unchanged. */
PO_API po_status po_model_add_vars(po_model *model, int n,
                                   const char *const *names, const double *lb,
                                   const double *ub, const double *obj,
                                   const po_vartype *type,
                                   const int *col_start, const int *row_index,
                                   const double *value);

/* Add one constraint lb <= sum value[k]*x[var_index[k]] <= ub.  Use
 * lb == ub for an equation, -INFINITY / INFINITY for one-sided rows.  Each
 * variable at most once (a zero value counts too); values finite; zero
 * values are then dropped.  Names follow the rules of po_model_add_var. */
PO_API po_status po_model_add_constr(po_model *model, const char *name,
                                     double lb, double ub, int nnz,
                                     const int *var_index, const double *value,
                                     int *index);

/* Add n constraints in compressed sparse row form (row_start has n+1
 * non-decreasing entries, row_start[0] == 0; row_start/var_index/value may
 * all be NULL: empty rows).  names (or single names[k]) may be NULL
 * ("r<index+1>"); lb/ub may be NULL (defaults -INFINITY / INFINITY).  All or
 * nothing. */
PO_API po_status po_model_add_constrs(po_model *model, int n,
                                      const char *const *names,
                                      const double *lb, const double *ub,
                                      const int *row_start,
                                      const int *var_index,
                                      const double *value);

/* Change data of an existing variable or constraint (same validation).
 * Bounds of a binary variable are intersected with [0,1]; making a variable
 * binary intersects its bounds likewise (PO_EBOUNDS when empty). */
PO_API po_status po_model_set_var_bounds(po_model *model, int var, double lb,
                                         double ub);
PO_API po_status po_model_set_var_obj(po_model *model, int var, double obj);
PO_API po_status po_model_set_var_type(po_model *model, int var,
                                       po_vartype type);
PO_API po_status po_model_set_constr_bounds(po_model *model, int constr,
                                            double lb, double ub);

/* Sizes. */
PO_API int po_model_num_vars(const po_model *model);
PO_API int po_model_num_constrs(const po_model *model);
PO_API long po_model_num_nonzeros(const po_model *model);
/* Number of integer and binary variables. */
PO_API int po_model_num_integer_vars(const po_model *model);

/* Lookup by name in O(1); -1 when there is no such name. */
PO_API int po_model_find_var(const po_model *model, const char *name);
PO_API int po_model_find_constr(const po_model *model, const char *name);

/* Read-back.  Out-of-range indices give NULL / NaN / -1. */
PO_API const char *po_model_var_name(const po_model *model, int var);
PO_API double po_model_var_lb(const po_model *model, int var);
PO_API double po_model_var_ub(const po_model *model, int var);
PO_API double po_model_var_obj(const po_model *model, int var);
PO_API int po_model_var_type(const po_model *model, int var); /* po_vartype or -1 */
PO_API const char *po_model_constr_name(const po_model *model, int constr);
PO_API double po_model_constr_lb(const po_model *model, int constr);
PO_API double po_model_constr_ub(const po_model *model, int constr);
/* Copy row `constr` into var_index/value (either may be NULL to only count);
 * returns the number of entries, or -1 for a bad index.  The arrays must hold
 * that many entries.  Entries come in the order they were added. */
PO_API int po_model_constr_row(const po_model *model, int constr,
                               int *var_index, double *value);
/* Copy column `var` likewise (row indices ascending). */
PO_API int po_model_var_col(const po_model *model, int var, int *constr_index,
                            double *value);

/* ------------------------------------------------------------------ */
/* Files                                                              */
/* ------------------------------------------------------------------ */

typedef enum po_format {
    PO_FORMAT_AUTO = 0, /* from the extension (.mps .mps.gz .lp .lp.gz .mod .json);
                           .mps: free MPS, falling back to fixed */
    PO_FORMAT_MPS,      /* fixed MPS */
    PO_FORMAT_FREEMPS,  /* free MPS */
    PO_FORMAT_LP,       /* CPLEX LP */
    PO_FORMAT_GMPL,     /* GNU MathProg model (+ optional data file) */
    PO_FORMAT_JSON      /* procopt process model (see the process section) */
} po_format;

/* The format a path's extension suggests (".gz" is looked through), or
 * PO_FORMAT_AUTO when the extension is unknown. */
PO_API po_format po_format_from_path(const char *path);
/* "mps", "freemps", "lp", "gmpl", "json", "auto". */
PO_API const char *po_format_name(po_format format);
/* Parse a format name as above; returns PO_EFORMAT for unknown names. */
PO_API po_status po_format_parse(const char *name, po_format *format);

/* Read an LP/MIP file into `model`, which must be empty (no variables or
 * constraints).  data_path: GNU MathProg data file, or NULL.  Gzipped files
 * (.gz) are read transparently.  On error the model stays empty and
 * po_model_errmsg() is "FILE:LINE: message" (LINE omitted when unknown).
 * PO_FORMAT_JSON is not accepted here (process models compile to a
 * po_model, see po_process_compile). */
PO_API po_status po_model_read(po_model *model, const char *path,
                               po_format format, const char *data_path);

/* Write the model as MPS (fixed or free) or CPLEX LP.  The file is written
 * whole or not at all (a temporary file renamed into place). */
PO_API po_status po_model_write(po_model *model, const char *path,
                                po_format format);

/* ------------------------------------------------------------------ */
/* Solving                                                            */
/* ------------------------------------------------------------------ */

typedef enum po_method {
    PO_METHOD_AUTO = 0, /* default: dual simplex, primal if that fails */
    PO_METHOD_PRIMAL,   /* primal simplex */
    PO_METHOD_DUAL,     /* dual simplex */
    PO_METHOD_INTERIOR  /* interior point (LP only; MIPs use simplex) */
} po_method;

/* Receives GLPK's and procopt's log text (one or more lines) when set. */
typedef void (*po_log_fn)(void *user, const char *text);

/* Solver options.  Always fill with po_options_init() first, then change
 * fields: new fields get their defaults that way. */
typedef struct po_options {
    po_method method;      /* default PO_METHOD_AUTO */
    int presolve;          /* 1 (default): use GLPK's presolver; 0: off */
    double time_limit;     /* seconds; default 0 = no limit */
    double mip_gap;        /* relative MIP gap to stop at; default 1e-6 */
    long iteration_limit;  /* simplex iterations; default 0 = no limit */
    po_log_fn log;         /* default NULL: no log at all */
    void *log_user;        /* passed to log */
    int mip_cuts;          /* 1 (default): Gomory, MIR, cover, clique cuts */
    int reserved_int[15];
    double reserved_dbl[16];
} po_options;

PO_API void po_options_init(po_options *options);

/* What the solve found (the call itself succeeded). */
typedef enum po_outcome {
    PO_OUTCOME_OPTIMAL = 0,
    PO_OUTCOME_FEASIBLE,        /* a feasible (MIP) solution, optimality not proven */
    PO_OUTCOME_INFEASIBLE,
    PO_OUTCOME_UNBOUNDED,
    PO_OUTCOME_INF_OR_UNBD,     /* infeasible or unbounded, not told apart */
    PO_OUTCOME_TIME_LIMIT,      /* stopped at the time limit */
    PO_OUTCOME_ITERATION_LIMIT, /* stopped at the iteration limit */
    PO_OUTCOME_NUMERICAL        /* numerical failure */
} po_outcome;

/* "optimal", "feasible", "infeasible", "unbounded",
 * "infeasible_or_unbounded", "time_limit", "iteration_limit",
 * "numerical_failure". */
PO_API const char *po_outcome_name(po_outcome outcome);

typedef struct po_result po_result;

/* Solve the model.  options may be NULL (defaults).  On PO_OK, *result
 * holds a new result the caller frees with po_result_free(); an infeasible
 * or unbounded model is a successful call (see po_result_outcome).  On
 * failure *result is NULL and the message is on the model.  The model is
 * not changed by solving (only its error message). */
PO_API po_status po_solve(po_model *model, const po_options *options,
                          po_result **result);

PO_API void po_result_free(po_result *result);

PO_API po_outcome po_result_outcome(const po_result *result);
/* 1 when primal values are available (optimal, feasible, or a limit reached
 * with an incumbent), else 0. */
PO_API int po_result_has_solution(const po_result *result);
/* 1 for a MIP solve, 0 for an LP. */
PO_API int po_result_is_mip(const po_result *result);
/* Objective value including the constant (NaN without a solution). */
PO_API double po_result_objective(const po_result *result);
/* Variable values / row activities (NULL without a solution).  Borrowed. */
PO_API const double *po_result_values(const po_result *result);
PO_API const double *po_result_row_activities(const po_result *result);
/* LP only, optimal basic solutions: row duals and reduced costs (NULL
 * otherwise).  Signs follow GLPK: the change of the objective per unit
 * increase of the row activity / variable value. */
PO_API const double *po_result_duals(const po_result *result);
PO_API const double *po_result_reduced_costs(const po_result *result);
/* MIP: best proven bound and relative gap |obj-bound|/max(1e-10,|obj|)
 * (NaN when unknown). */
PO_API double po_result_best_bound(const po_result *result);
PO_API double po_result_gap(const po_result *result);
/* Simplex iterations; branch-and-bound nodes (0 for LP); wall seconds. */
PO_API long po_result_iterations(const po_result *result);
PO_API long po_result_nodes(const po_result *result);
PO_API double po_result_time(const po_result *result);
/* Sizes of the solved model (for the arrays above). */
PO_API int po_result_num_vars(const po_result *result);
PO_API int po_result_num_constrs(const po_result *result);

/* PROCESS-API-BEGIN (process models: owned by the process layer) */
/* PROCESS-API-END */

#ifdef __cplusplus
}
#endif
#endif /* PROCOPT_H */
