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
#include <stdio.h> /* FILE, for po_process_load_stream */

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

/* The format a path's extension suggests (".gz" is looked through, case
 * ignored): .mps -> PO_FORMAT_MPS, .lp -> PO_FORMAT_LP, .mod ->
 * PO_FORMAT_GMPL, .json -> PO_FORMAT_JSON; PO_FORMAT_AUTO when the
 * extension is unknown.  (Given PO_FORMAT_AUTO, po_model_read reads .mps as
 * free MPS, then fixed; po_model_write writes .mps as free MPS.) */
PO_API po_format po_format_from_path(const char *path);
/* "mps", "freemps", "lp", "gmpl", "json", "auto" (NULL for a bad value). */
PO_API const char *po_format_name(po_format format);
/* Parse a format name as above (case ignored; also "fixedmps", "cplex",
 * "mathprog"); returns PO_EFORMAT for unknown names, leaving *format. */
PO_API po_status po_format_parse(const char *name, po_format *format);

/* Read an LP/MIP file into `model`, which must be empty (no variables or
 * constraints).  data_path: GNU MathProg data file, or NULL.  Gzipped files
 * (.gz) are read transparently.  On error the model stays empty and
 * po_model_errmsg() is "FILE:LINE: message" (LINE omitted when unknown;
 * the message is GLPK's, and names the data file for MathProg data
 * errors).  A missing or unreadable file is PO_EIO with the system's
 * message; malformed contents are PO_EPARSE.
 * PO_FORMAT_JSON is not accepted here (process models compile to a
 * po_model, see po_process_compile).
 * MPS files go through procopt's own reader, which builds exactly the
 * model GLPK's reader builds in a quarter of the instructions, and leaves
 * every file it does not take as GLPK would (errors, warnings) to GLPK.
 * What is read (GLPK's readers): the model name, sense, objective constant,
 * names, bounds, integer kinds (an integer variable with bounds [0,1]
 * reads as PO_BINARY).  Rows with no bounds are not constraints and are
 * not read: the MPS objective row and any other N row, and the rows
 * glp_mpl_build_prob makes for MathProg objectives.  MPS has no objective
 * sense (minimize).  The RHS of the MPS objective row is read, as GLPK
 * does, as the objective constant itself (netlib e226: -7.113); most other
 * readers take minus that value. */
PO_API po_status po_model_read(po_model *model, const char *path,
                               po_format format, const char *data_path);

/* Write the model as MPS (fixed or free) or CPLEX LP, through GLPK's
 * writers; a path ending in ".gz" is written gzipped.  The file is written
 * whole or not at all: into a temporary directory beside the target, then
 * rename()d into place (PO_EIO when the directory does not exist or cannot
 * be written; nothing is left behind).
 * So that every reader (GLPK, CBC, CPLEX, HiGHS) reads the same problem:
 *  - a nonzero objective constant is written as a variable "objconst" (or
 *    "objconst<k>" if that name is taken) fixed at 1 whose cost is the
 *    constant: reading the file back gives that extra variable;
 *  - MPS has no objective sense: a maximization is written as the
 *    minimization of the negated objective (same solutions, negated
 *    optimum); CPLEX LP keeps "Maximize";
 *  - rows with no bounds (free rows) constrain nothing and are not
 *    written.
 * What GLPK's writers do with names and numbers: MPS turns blanks into
 * '_'; fixed MPS replaces names longer than 8 characters by R0000001 /
 * C0000001 (row / column number).  CPLEX LP turns ' ' into '_', '-' into
 * '~', '[' ']' into '(' ')', and replaces names still invalid (starting
 * with a digit or '.', or holding other characters) by r_<i> / x_<j>-style
 * names; it writes a ranged row as an equation with an extra variable
 * "~r_<i>" in [0, range].  Numbers are written with 12 significant digits
 * in MPS and 15 in CPLEX LP.  When two names would come out the same, the
 * call fails with PO_ENAME and writes nothing.  CPLEX LP cannot hold a
 * model without constraints or without variables, and MPS cannot hold a
 * variable without any coefficient in a model without constraints:
 * PO_EFORMAT. */
PO_API po_status po_model_write(po_model *model, const char *path,
                                po_format format);

/* ------------------------------------------------------------------ */
/* Solving                                                            */
/* ------------------------------------------------------------------ */

typedef enum po_method {
    PO_METHOD_AUTO = 0, /* default: primal simplex, dual if that fails
                           (faster than dual simplex on 70 of the 90 netlib
                           LPs, 38 s against 86 s in all); for an LP with
                           many nonzeros and short columns (process
                           models: flows and balances) the interior point
                           method and its crossover, as PO_METHOD_INTERIOR
                           (see options.lp_interior_nonzeros); for an LP
                           with 10 or more columns per row dual simplex
                           with the long-step ratio test (netlib fit2d:
                           0.07x the time); for a MIP whose LP relaxation
                           the interior rule picks, its root LP as
                           PO_METHOD_INTERIOR does */
    PO_METHOD_PRIMAL,   /* primal simplex */
    PO_METHOD_DUAL,     /* dual simplex */
    PO_METHOD_INTERIOR  /* interior point (for a MIP: its root LP, then
                           branch-and-cut from that basis without GLPK's
                           MIP presolver; the nodes use simplex), then
                           a crossover: a basis from the interior point and
                           the simplex method from it, so the result is a
                           basic optimum like the simplex method's (basis,
                           duals, warm starts, ranging).  The simplex
                           method decides the outcome: a point the
                           interior method did not bring to convergence
                           (brandy, with GLPK's scaling) only starts the
                           crossover, and when the crossover fails the
                           simplex method solves from scratch.  The log
                           ("procopt: interior point ...", "procopt:
                           crossover: ...") tells which happened.  GLPK's
                           interior point ignores time and iteration
                           limits; when the crossover's simplex runs into
                           one after a converged interior point, the
                           result is that interior optimum, without a
                           basis. */
} po_method;

/* How the constraint matrix is scaled for GLPK (GLPK undoes the scaling
 * in every value it reports, so results never depend on it, only the path
 * and the speed do).  GLPK's presolver, when it runs (options.presolve),
 * scales the reduced LP itself with GLP_SF_AUTO whatever is chosen here:
 * this choice applies to the simplex method without presolver (and warm
 * starts), to the interior point method and to branch-and-cut without
 * the MIP presolver, and costs nothing before a presolved solve. */
typedef enum po_scaling {
    PO_SCALE_OWN = 0, /* default: procopt's, GLPK's algorithm (below) with
                         every factor a power of 2, so scaling adds no
                         rounding error.  Measured on the 91 netlib LPs
                         without presolver: 0.92x the time of GLPK's scaling
                         (geometric mean), 1.5 % more iterations; computing
                         the factors takes 1/3 to 1/55 of glp_scale_prob's
                         time (70 ms against 1.9 s on a process LP of 455k
                         nonzeros), which every warm start pays again */
    PO_SCALE_GLPK,    /* GLPK's glp_scale_prob(GLP_SF_AUTO): geometric mean
                         then equilibration, skipped when every |a_ij| is
                         in [0.1, 10] (glpsol's default) */
    PO_SCALE_NONE     /* no scaling (netlib pilot87 then ends at a wrong
                         optimum) */
} po_scaling;

/* Pricing of the simplex method (options.lp_pricing): how the entering
 * (primal) or leaving (dual) variable is chosen.  Also used for the LPs of
 * branch-and-cut. */
typedef enum po_pricing {
    PO_PRICING_AUTO = 0, /* default: steepest edge (measured: see
                            docs/benchmarks.md, "Defaults that win") */
    PO_PRICING_STEEPEST, /* projected steepest edge (GLPK's GLP_PT_PSE) */
    PO_PRICING_DANTZIG   /* textbook, Dantzig's rule (GLP_PT_STD) */
} po_pricing;

/* Ratio test of the simplex method (options.lp_ratio_test). */
typedef enum po_ratio_test {
    PO_RATIO_AUTO = 0, /* default: Harris (measured, see po_pricing);
                          long-step where PO_METHOD_AUTO takes dual
                          simplex for an LP of 10 or more columns per row */
    PO_RATIO_HARRIS,   /* Harris' two-pass ratio test (GLP_RT_HAR) */
    PO_RATIO_FLIP      /* long-step ("bound flipping") ratio test
                          (GLP_RT_FLIP), in the primal and the dual simplex
                          method.  For a MIP, branch-and-cut re-solves its
                          nodes with it too (GLPK's glp_iocp.flip). */
} po_ratio_test;

/* Branching rule of branch-and-cut (options.mip_branching). */
typedef enum po_branching {
    PO_BRANCH_AUTO = 0,        /* default: hybrid pseudocost (measured:
                                  docs/benchmarks.md, "MIP defaults") */
    PO_BRANCH_DRIEBECK_TOMLIN, /* GLPK's and glpsol's default (GLP_BR_DTH) */
    PO_BRANCH_PSEUDOCOST,      /* hybrid pseudocost (GLP_BR_PCH) */
    PO_BRANCH_MOST_FRACTIONAL, /* GLP_BR_MFV */
    PO_BRANCH_FIRST,           /* first fractional variable (GLP_BR_FFV) */
    PO_BRANCH_LAST             /* last fractional variable (GLP_BR_LFV) */
} po_branching;

/* Which open node branch-and-cut takes next (options.mip_backtrack). */
typedef enum po_backtrack {
    PO_BACKTRACK_AUTO = 0,        /* default: best local bound (measured,
                                     see po_pricing) */
    PO_BACKTRACK_BEST_BOUND,      /* best local bound (GLP_BT_BLB; GLPK's
                                     and glpsol's default) */
    PO_BACKTRACK_BEST_PROJECTION, /* best projection heuristic (GLP_BT_BPH) */
    PO_BACKTRACK_DEPTH_FIRST,     /* GLP_BT_DFS */
    PO_BACKTRACK_BREADTH_FIRST    /* GLP_BT_BFS */
} po_backtrack;

/* Cut families (options.mip_cut_kinds, a bitwise or). */
#define PO_CUT_GOMORY 0x1 /* Gomory's mixed integer cuts */
#define PO_CUT_MIR    0x2 /* mixed integer rounding cuts */
#define PO_CUT_COVER  0x4 /* mixed cover cuts */
#define PO_CUT_CLIQUE 0x8 /* clique cuts */
#define PO_CUT_ALL    0xF

/* Primal heuristics of branch-and-cut (options.mip_heuristics, a bitwise
 * or). */
#define PO_HEUR_ROUNDING  0x1 /* GLPK's simple rounding (on in GLPK) */
#define PO_HEUR_FPUMP     0x2 /* feasibility pump, at the root */
#define PO_HEUR_PROXIMITY 0x4 /* proximity search from the first solution,
                                 for at most options.mip_proximity_time */
#define PO_HEUR_LP_ROUNDING 0x8 /* procopt's: the integer variables of the
                                 LP point rounded (up, and to nearest) and
                                 fixed, the rest re-solved as an LP, then
                                 each integer moved the way its cost prefers
                                 while the rows allow (an unused setup is
                                 closed), then up to 30 of them lowered one
                                 at a time with the LP re-solved, kept when
                                 the plan gets cheaper; at the root and at
                                 nodes 16, 64, 256, ... */
#define PO_HEUR_ALL       0xF

/* procopt's own presolve reductions (options.reductions, a bitwise or).
 * They run before GLPK (and before GLPK's presolver, options.presolve,
 * which stays available on the reduced model); postsolve gives back the
 * primal values, row activities, duals, reduced costs and the optimal
 * basis of the model itself, so a result looks the same with or without
 * them (po_solve_warm can start from it).  Not used when
 * options.sensitivity is 1 (the ranging needs GLPK to hold the model
 * itself) nor by po_solve_warm.  BOUNDS, COEFS and INT_ROUND change only
 * MIPs (for an LP they would change the duals); the others apply to LPs
 * and MIPs. */
#define PO_REDUCE_EMPTY     0x001 /* empty rows; empty columns (set at the
                                     bound their cost prefers) */
#define PO_REDUCE_SINGLETON 0x002 /* rows of one variable become its bounds */
#define PO_REDUCE_FIXED     0x004 /* fixed variables leave the model */
#define PO_REDUCE_DUP_ROWS  0x008 /* proportional rows merged */
#define PO_REDUCE_DUP_COLS  0x010 /* proportional continuous columns with
                                     proportional costs merged */
#define PO_REDUCE_FORCING   0x020 /* forcing rows (their bound can only be
                                     met with every variable at a bound)
                                     and redundant rows or row sides, from
                                     activity bounds; free rows */
#define PO_REDUCE_BOUNDS    0x040 /* MIP: bounds implied by the rows */
#define PO_REDUCE_COEFS     0x080 /* MIP: coefficient (big-M) tightening of
                                     0/1 variables in inequalities */
#define PO_REDUCE_INT_ROUND 0x100 /* MIP: integer bounds rounded inward */
#define PO_REDUCE_COL_SINGLETON 0x200 /* a continuous variable found in one
                                     equation only is substituted out (the
                                     row keeps the range its bounds allow) */
#define PO_REDUCE_ALL       0x3FF

/* Receives GLPK's and procopt's log text, one whole line (ending in '\n')
 * per call, when set.  Called from the solving thread during the call. */
typedef void (*po_log_fn)(void *user, const char *text);

/* Solver options.  Always fill with po_options_init() first, then change
 * fields: new fields get their defaults that way. */
typedef struct po_options {
    po_method method;      /* default PO_METHOD_AUTO */
    int presolve;          /* 1 (default): use GLPK's presolver; 0: off */
    double time_limit;     /* seconds; default 0 (or INFINITY) = no limit */
    double mip_gap;        /* relative MIP gap to stop at (reaching it counts
                              as optimal); default 1e-6 */
    long iteration_limit;  /* simplex iterations; default 0 = no limit.  For
                              a MIP it is checked between branch-and-cut
                              steps, so one node's LP may pass it. */
    po_log_fn log;         /* default NULL: no log at all */
    void *log_user;        /* passed to log */
    int mip_cuts;          /* 1 (default): the cuts of mip_cut_kinds; 0: none */
    int sensitivity;       /* 0 (default); 1: compute the ranging of an
                              optimal solution (po_result_row_range, ...);
                              costs one row or column of the simplex table
                              per row and variable: a solve with it took
                              1.5x-3x as long on netlib e226, finnis and
                              brandy, 6x-7x on a supply chain LP of 6344
                              rows and 12672 columns (loaded machine) */
    int scaling;           /* a po_scaling; see there for the default */
    /* Tuning of GLPK (defaults chosen by measurement: docs/benchmarks.md,
     * "Defaults that win"; bench/tune.sh reproduces it). */
    int lp_pricing;        /* a po_pricing; default PO_PRICING_AUTO */
    int lp_ratio_test;     /* a po_ratio_test; default PO_RATIO_AUTO */
    int mip_cut_kinds;     /* PO_CUT_* bits, used when mip_cuts is 1;
                              default PO_CUT_ALL */
    int mip_branching;     /* a po_branching; default PO_BRANCH_AUTO */
    int mip_backtrack;     /* a po_backtrack; default PO_BACKTRACK_AUTO */
    int mip_heuristics;    /* PO_HEUR_* bits; default PO_HEUR_ROUNDING |
                              PO_HEUR_LP_ROUNDING */
    int mip_binarize;      /* 1: GLPK's MIP presolver replaces general
                              integers by binaries; default 0 */
    int reductions;        /* PO_REDUCE_* bits: procopt's presolve;
                              0 = off; default PO_REDUCE_ALL, with GLPK's
                              presolver on as well: MIPLIB 3 (60 s) solves
                              the same 41 of 65, geometric-mean time 0.86x
                              of GLPK's presolver alone; netlib 3 % slower
                              on LPs above 50 ms (more on tiny ones);
                              process baselines 12x faster (tests/
                              presolve_netlib_check.sh) */
    int lp_interior_nonzeros; /* PO_METHOD_AUTO on an LP solves with the
                              interior point method and a crossover (see
                              PO_METHOD_INTERIOR) instead of the simplex
                              method when the model GLPK gets (after
                              procopt's presolve) has at least this many
                              nonzeros and no dense columns (the squared
                              column lengths sum to at most 3.2x the
                              nonzeros, as in flow and balance models), and
                              no iteration limit is set
                              (the interior point method does not stop at
                              the time limit, its crossover does); 0
                              (default): 5000, measured
                              (docs/benchmarks.md, "LP defaults"); -1:
                              never */
    int reserved_int[4];
    double mip_proximity_time; /* seconds of proximity search (with
                              PO_HEUR_PROXIMITY), > 0; default 60 (GLPK's);
                              never past time_limit */
    double reserved_dbl[15];
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
 * not changed by solving (only its error message).
 * With options.reductions (default PO_REDUCE_ALL) procopt's presolve runs
 * first and GLPK solves the smaller model it leaves; the result is always
 * the model's own (its sizes, values, duals, basis).  Presolve alone may
 * find the model infeasible or unbounded (the log says why); an empty
 * variable whose cost improves without limit makes the model unbounded if
 * the rest is feasible, which the reduced model's solve tells.
 * A fatal error inside GLPK is trapped and returned as PO_ESOLVER with
 * GLPK's message.  GLPK keeps its state per thread; procopt frees that
 * state (glp_free_env) at the end of every call that used GLPK, so a
 * program that also calls GLPK directly must not hold GLPK objects in a
 * thread while calling procopt in that thread. */
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
/* LP only, optimal solutions: row duals and reduced costs (NULL
 * otherwise; a MIP solved with options.sensitivity has those of its LP with
 * the integer variables fixed, see po_result_has_sensitivity).  Signs follow GLPK: the change of the objective per unit
 * increase of the row activity / variable value.  They belong to an
 * optimal basis (the interior point method included: see its crossover),
 * except in an interior-point result without a basis (po_result_has_basis
 * 0: a limit stopped the crossover), where they are the interior
 * optimum's own. */
PO_API const double *po_result_duals(const po_result *result);
PO_API const double *po_result_reduced_costs(const po_result *result);
/* MIP: best proven bound and relative gap |obj-bound|/max(1e-10,|obj|)
 * (NaN when unknown).  When the search tree was exhausted the bound is the
 * objective (gap 0); when it stopped early (gap tolerance, limits) it is the
 * best bound of the open nodes as last seen by procopt's branch-and-cut
 * callback, which never passes the incumbent.  A bound can exist without
 * a solution (gap NaN then). */
PO_API double po_result_best_bound(const po_result *result);
PO_API double po_result_gap(const po_result *result);
/* Simplex iterations (all runs, MIP nodes included; plus interior-point
 * iterations, counted from GLPK's progress lines); branch-and-bound nodes
 * created (0 for LP, 0 when GLPK's MIP presolver solved the model); wall
 * seconds. */
PO_API long po_result_iterations(const po_result *result);
PO_API long po_result_nodes(const po_result *result);
PO_API double po_result_time(const po_result *result);
/* Sizes of the solved model (for the arrays above). */
PO_API int po_result_num_vars(const po_result *result);
PO_API int po_result_num_constrs(const po_result *result);

/* ---- Sensitivity (ranging) ----
 * Computed by po_solve / po_solve_warm when options.sensitivity is 1 and
 * the result is an optimal basic solution: an LP solved by the simplex
 * method, or by the interior point method and its crossover (the result
 * holds that basic optimum); a MIP with a
 * solution: the LP with every integer variable fixed at its value in that
 * solution is solved, and the result's values, row activities, duals and
 * reduced costs are that LP's (the objective is the same for a proven
 * optimum, within tolerances).  Otherwise (infeasible, unbounded, limits,
 * numerical trouble) there is no sensitivity and the accessors below return
 * PO_ENOSOLUTION.  All ranges belong to the optimal basis found: with
 * degeneracy another optimal basis has other ranges.  An unlimited side is
 * -INFINITY / INFINITY.  The ranges are values of the data itself (bounds,
 * costs), not changes, and do not depend on the objective sense. */

/* 1 when the result holds sensitivity ranges. */
PO_API int po_result_has_sensitivity(const po_result *result);
/* Right-hand-side ranging of row `constr`.  For a binding row (non-basic:
 * at a bound, or an equation): [*lo, *hi] is the interval in which its
 * active bound can move while its dual (po_result_duals) stays the rate of
 * change of the objective, i.e. the basis stays optimal (never past the
 * row's other bound, which would contradict it).  For a row not at
 * a bound (basic, dual 0): the interval in which its bound can move while
 * the row stays non-binding: [activity, INFINITY) for a row with only an
 * upper bound, (-INFINITY, activity] for only a lower bound,
 * (-INFINITY, INFINITY) for a free row, and [activity, activity] for a row
 * with two finite bounds (its lower bound may rise and its upper bound fall
 * down to the activity).  lo or hi may be NULL.  PO_EINVAL for a NULL
 * result, PO_ERANGE for a bad index, PO_ENOSOLUTION without sensitivity. */
PO_API po_status po_result_row_range(const po_result *result, int constr,
                                     double *lo, double *hi);
/* Cost ranging of variable `var`: the interval of its objective
 * coefficient over which the optimal basis (so the whole solution) stays
 * optimal; the objective changes at the rate of the variable's value
 * inside it.  For a non-basic variable that is where its reduced cost keeps
 * its sign; for a fixed variable it is (-INFINITY, INFINITY).  For the
 * integer variables of a MIP: NaN, NaN (no LP ranging tells when the
 * integer decisions change). */
PO_API po_status po_result_obj_range(const po_result *result, int var,
                                     double *lo, double *hi);
/* Bound ranging of variable `var`, the column twin of po_result_row_range:
 * for a variable at a bound (non-basic) the interval in which that bound
 * can move while its reduced cost stays the rate of change of the
 * objective; for a basic variable the interval in which its bounds can move
 * without becoming active, by the same rules as for rows (using its value).
 * NaN, NaN for the integer variables of a MIP. */
PO_API po_status po_result_var_range(const po_result *result, int var,
                                     double *lo, double *hi);

/* ---- Basis and warm start ---- */

/* Status of a variable or row in a simplex basis (as GLPK's GLP_BS, GLP_NL,
 * GLP_NU, GLP_NF, GLP_NS). */
typedef enum po_basis_status {
    PO_BASIS_BASIC = 0, /* basic: strictly between its bounds unless degenerate */
    PO_BASIS_LOWER,     /* non-basic at its lower bound */
    PO_BASIS_UPPER,     /* non-basic at its upper bound */
    PO_BASIS_FREE,      /* non-basic free variable (value 0) */
    PO_BASIS_FIXED      /* non-basic fixed variable or equation */
} po_basis_status;

/* 1 when the result keeps the optimal simplex basis it was found with: LP
 * results with outcome optimal that came from the simplex method, and
 * interior-point ones through the crossover (see PO_METHOD_INTERIOR for
 * the one exception).  A MIP result
 * keeps one only with options.sensitivity: the basis of its LP with the
 * integer variables fixed (it tells which rows bind; po_solve_warm solves
 * MIPs cold whatever the start). */
PO_API int po_result_has_basis(const po_result *result);
/* Basis status of a variable / of a row (a po_basis_status), or -1 without
 * a basis or for a bad index. */
PO_API int po_result_var_status(const po_result *result, int var);
PO_API int po_result_row_status(const po_result *result, int constr);

/* Solve `model` starting from the basis kept in `start`, a result of a
 * model with the same variables and rows (typically the same model before
 * changes of bounds, right-hand sides or objective coefficients with the
 * po_model_set_* calls).  Sizes must match: PO_EINVAL otherwise (message on
 * the model).  The basis is installed and factorized, then the simplex
 * method runs without presolver (GLPK's presolver would discard the basis):
 * primal simplex when the basis is still primal feasible (after cost
 * changes), dual simplex when it is still dual feasible (after bound and
 * right-hand-side changes), primal simplex otherwise.  options.method,
 * options.presolve and options.reductions are not used on that path (nor
 * on the cold one: po_solve_warm never runs procopt's presolve; a
 * po_solve result's basis is the model's own whatever presolve removed,
 * so it can start from one).  When `start` holds no basis
 * (po_result_has_basis), when its basis is singular for the new data, or
 * for a MIP (warm starts of MIPs are not supported yet), the model is
 * solved cold exactly as po_solve would; po_result_warm_started tells which
 * happened.  Otherwise as po_solve (options may be NULL; on failure *result
 * is NULL). */
PO_API po_status po_solve_warm(po_model *model, const po_options *options,
                               const po_result *start, po_result **result);
/* 1 when the result was solved from a start basis by po_solve_warm. */
PO_API int po_result_warm_started(const po_result *result);

/* PROCESS-API-BEGIN (process models: owned by the process layer) */

/* ------------------------------------------------------------------ */
/* Process models                                                     */
/* ------------------------------------------------------------------ */
/*
 * A process model describes what a business buys, makes, stores, sells and
 * staffs, period by period (see docs/model-format.md for the JSON format and
 * the equations each key adds).  Load one from JSON or build it with the
 * calls below, then compile it to a po_model or solve it straight into a
 * plan that speaks of items and activities.
 *
 * Loading collects every error of the file (up to PO_PROCESS_MAX_ERRORS),
 * each with its line, column and the item / activity / period concerned.
 * Builder calls fail one at a time, like the po_model calls; checks that
 * need the whole model (references, capacity items' keys, min <= max,
 * provable bounds for on/off binaries) run in po_process_validate, which
 * po_process_compile and po_process_solve call.
 */

typedef struct po_process po_process;

/* Most errors kept by one call (the rest are counted, see
 * po_process_num_errors). */
#define PO_PROCESS_MAX_ERRORS 20

typedef enum po_objective {
    PO_OBJECTIVE_MIN_COST = 0,  /* "min_cost" (default): report total cost */
    PO_OBJECTIVE_MAX_MARGIN = 1 /* "max_margin": report margin = -total cost */
} po_objective;

/* An empty process model (one period, objective min_cost), or NULL when out
 * of memory. */
PO_API po_process *po_process_new(void);
PO_API void po_process_free(po_process *process);

/* Load a JSON process model, replacing the handle's contents.  On failure
 * the contents are unchanged and the errors are on the handle.  Returns
 * PO_EIO (cannot read), PO_EPARSE (JSON syntax), PO_EMODEL (the JSON is
 * well formed but the model is not), PO_ENOMEM.  name: how messages call
 * the source (NULL: "<string>" / "<stream>"); copied.  The stream is read to
 * its end and not closed. */
PO_API po_status po_process_load_file(po_process *process, const char *path);
PO_API po_status po_process_load_string(po_process *process, const char *json,
                                        const char *name);
PO_API po_status po_process_load_stream(po_process *process, FILE *stream,
                                        const char *name);

/* Errors of the last failed call: how many are kept (at most
 * PO_PROCESS_MAX_ERRORS), each message without its position ("unknown key
 * \"captiy\" in item \"oven_h\" (did you mean \"capacity\"?)"), its 1-based
 * line and column (0 when the error has no place in a file).  Out-of-range k
 * gives NULL / 0.  Borrowed until the next call on the handle. */
PO_API int po_process_num_errors(const po_process *process);
PO_API const char *po_process_error_message(const po_process *process, int k);
PO_API int po_process_error_line(const po_process *process, int k);
PO_API int po_process_error_column(const po_process *process, int k);
/* Errors found beyond the kept ones (0 when all are kept). */
PO_API int po_process_num_dropped_errors(const po_process *process);
/* The first error as "SOURCE:LINE:COL: message" (or just the message when
 * it has no position); "" when the last call succeeded. */
PO_API const char *po_process_errmsg(const po_process *process);
/* Status of the last failed call (PO_OK if it succeeded). */
PO_API po_status po_process_errcode(const po_process *process);

/* ---- Building in code (the same model the JSON keys describe) ----
 * Names are copied, non-empty, unique within their kind.  Per-period
 * numbers take n == 1 (the same value in every period) or n == the number
 * of periods (so set the periods first).  Unknown key names are rejected
 * with a suggestion, as in files. */

PO_API po_status po_process_set_name(po_process *process, const char *name);
PO_API po_status po_process_set_currency(po_process *process,
                                         const char *currency);
/* n >= 1 distinct non-empty names.  Only while no per-period array of
 * another length is set. */
PO_API po_status po_process_set_periods(po_process *process, int n,
                                        const char *const *names);
/* > 0; 0 removes it (no per-year figures). */
PO_API po_status po_process_set_horizons_per_year(po_process *process,
                                                  double horizons);
PO_API po_status po_process_set_objective(po_process *process,
                                          po_objective objective);

/* Items.  key: "buy_cost" "buy_max" "store_cost" "store_max" "capacity"
 * "demand" "price" "shortage_cost" "initial" (initial: n == 1), and the
 * extension "dispose_cost" (>= 0: what may not be used, sold or stored is
 * disposed of at this cost per unit; not on capacity items).  Setting a
 * key again replaces its values. */
PO_API po_status po_process_add_item(po_process *process, const char *name);
PO_API po_status po_process_set_item_param(po_process *process,
                                           const char *item, const char *key,
                                           const double *values, int n);

/* Activities.  key: "cost" "min" "max" "fixed_cost" "min_batch"; flag:
 * "integer" or "binary".  Rates: direction "in" (units of item used per
 * unit of level) or "out" (units made); setting a rate again replaces it. */
PO_API po_status po_process_add_activity(po_process *process, const char *name);
PO_API po_status po_process_set_activity_param(po_process *process,
                                               const char *activity,
                                               const char *key,
                                               const double *values, int n);
PO_API po_status po_process_set_activity_flag(po_process *process,
                                              const char *activity,
                                              const char *flag, int on);
PO_API po_status po_process_set_rate(po_process *process, const char *activity,
                                     const char *direction, const char *item,
                                     double rate);

/* Side constraints: min <= sum coef * level <= max in every period.
 * key: "min" or "max". */
PO_API po_status po_process_add_constraint(po_process *process,
                                           const char *name);
PO_API po_status po_process_set_constraint_param(po_process *process,
                                                 const char *constraint,
                                                 const char *key,
                                                 const double *values, int n);
PO_API po_status po_process_set_constraint_term(po_process *process,
                                                const char *constraint,
                                                const char *activity,
                                                double coef);

/* Today's level of an activity (activities never given are at 0 once any
 * baseline level is set). */
PO_API po_status po_process_set_baseline(po_process *process,
                                         const char *activity,
                                         const double *levels, int n);

/* Uncertainty, stored for the analysis layer. */
typedef enum po_unc_param {
    PO_UNC_DEMAND = 0, /* item demand */
    PO_UNC_PRICE,      /* item price */
    PO_UNC_BUY_COST,   /* item buy_cost */
    PO_UNC_COST,       /* activity cost */
    PO_UNC_CAPACITY    /* capacity item capacity */
} po_unc_param;
typedef enum po_unc_dist {
    PO_UNC_REL_SD = 0,  /* factor ~ normal(1, value), floored at 0 */
    PO_UNC_REL_RANGE    /* factor ~ uniform [1 - value, 1 + value] */
} po_unc_dist;
/* scenarios >= 1. */
PO_API po_status po_process_set_scenarios(po_process *process, long scenarios,
                                          unsigned long seed);
/* name: an item (an activity for PO_UNC_COST) or "*" for all of them;
 * value >= 0 (rel_range at most 1).  The same (param, name) again replaces
 * the entry. */
PO_API po_status po_process_add_uncertainty(po_process *process,
                                            po_unc_param param,
                                            const char *name,
                                            po_unc_dist dist, double value);
/* build_cost, run_cost_per_year >= 0, years > 0. */
PO_API po_status po_process_set_mvp(po_process *process, double build_cost,
                                    double run_cost_per_year, double years);

/* Run every whole-model check (also run by compile and solve).  All errors
 * are collected as for a file. */
PO_API po_status po_process_validate(po_process *process);

/* ---- Reading a process model back ---- */
PO_API const char *po_process_name(const po_process *process);     /* "" if none */
PO_API const char *po_process_currency(const po_process *process); /* "" if none */
PO_API po_objective po_process_objective(const po_process *process);
/* 0 when not given. */
PO_API double po_process_horizons_per_year(const po_process *process);
PO_API int po_process_num_periods(const po_process *process);
/* "" for the single period of a model without "periods". */
PO_API const char *po_process_period_name(const po_process *process, int t);
PO_API int po_process_num_items(const po_process *process);
PO_API const char *po_process_item_name(const po_process *process, int item);
/* 1 for a capacity item, 0 for other items, -1 for a bad index. */
PO_API int po_process_item_is_capacity(const po_process *process, int item);
PO_API int po_process_num_activities(const po_process *process);
PO_API const char *po_process_activity_name(const po_process *process, int a);
PO_API int po_process_num_constraints(const po_process *process);
PO_API const char *po_process_constraint_name(const po_process *process, int c);
/* Value of a per-period key in period t: key as in the setters, e.g.
 * po_process_item_param(p, 2, "demand", 0).  NaN when the key is not given
 * (or unknown, or an index is out of range). */
PO_API double po_process_item_param(const po_process *process, int item,
                                    const char *key, int t);
PO_API double po_process_activity_param(const po_process *process, int a,
                                        const char *key, int t);
/* 1 when a baseline is given. */
PO_API int po_process_has_baseline(const po_process *process);
/* Baseline level of activity a in period t (0 for activities not listed;
 * NaN without a baseline or for bad indices). */
PO_API double po_process_baseline_level(const po_process *process, int a,
                                        int t);
/* Scenario count (0 when there is no "uncertainty") and seed. */
PO_API long po_process_scenarios(const po_process *process);
PO_API unsigned long po_process_seed(const po_process *process);
PO_API int po_process_num_uncertainties(const po_process *process);
/* Entry k (any out pointer may be NULL); *name is "*" or an item or
 * activity name, borrowed.  PO_ERANGE for a bad k. */
PO_API po_status po_process_uncertainty(const po_process *process, int k,
                                        po_unc_param *param,
                                        const char **name,
                                        po_unc_dist *dist, double *value);
/* 1 and the three figures when "mvp" is given, else 0. */
PO_API int po_process_mvp(const po_process *process, double *build_cost,
                          double *run_cost_per_year, double *years);

/* ---- Compiling and solving ---- */

/* Validate and compile into a new generic model (minimize total cost; no
 * objective constant), which the caller frees with po_model_free.  Names
 * are readable and safe for the LP and MPS writers: x.ACT.PERIOD,
 * on.ACT.PERIOD, buy/sold/short/stock/disp.ITEM.PERIOD, rows
 * bal/cap/dem.ITEM.PERIOD, onmax/onmin.ACT.PERIOD, con.NAME.PERIOD; models
 * with on/off binaries that feed demand also get the columns and rows of the
 * flow formulation (names beginning with "f": fz, fl, ff, fp, fzl, fzx, fo,
 * fb), valid inequalities that tighten the LP relaxation and never change
 * the optimum (see docs/model-format.md). */
PO_API po_status po_process_compile(po_process *process, po_model **model);
/* The same with every activity level fixed at the baseline (rows
 * base.ACT.PERIOD, no flow formulation); PO_EMODEL when the model has no
 * baseline. */
PO_API po_status po_process_compile_baseline(po_process *process,
                                             po_model **model);

typedef struct po_plan po_plan;

/* Validate, compile, solve.  options may be NULL.  On PO_OK *plan is a new
 * plan (free with po_plan_free) whatever the outcome; the plan owns its
 * copies of every name and does not refer to the process.  The model solved
 * is po_process_compile's (flow formulation included). */
PO_API po_status po_process_solve(po_process *process,
                                  const po_options *options, po_plan **plan);
/* The same for the baseline (levels fixed, the rest settled at its best). */
PO_API po_status po_process_solve_baseline(po_process *process,
                                           const po_options *options,
                                           po_plan **plan);
PO_API void po_plan_free(po_plan *plan);

PO_API po_outcome po_plan_outcome(const po_plan *plan);
/* 1 when the plan holds values (optimal, feasible, limit with incumbent). */
PO_API int po_plan_has_solution(const po_plan *plan);
/* buying + storing + activity + fixed + shortage - revenue: the minimized
 * quantity (NaN without a solution). */
PO_API double po_plan_total_cost(const po_plan *plan);
/* In the model's orientation: total cost for min_cost, margin (= -total
 * cost) for max_margin. */
PO_API double po_plan_objective(const po_plan *plan);
PO_API po_objective po_plan_objective_kind(const po_plan *plan);

PO_API int po_plan_num_periods(const po_plan *plan);
PO_API const char *po_plan_period_name(const po_plan *plan, int t);
PO_API int po_plan_num_activities(const po_plan *plan);
PO_API const char *po_plan_activity_name(const po_plan *plan, int a);
PO_API int po_plan_num_items(const po_plan *plan);
PO_API const char *po_plan_item_name(const po_plan *plan, int item);
PO_API int po_plan_item_is_capacity(const po_plan *plan, int item);

/* Activity levels, one per period (NULL without a solution or for a bad
 * index).  Borrowed until the plan is freed.
 * Plan numbers are cleaned of solver noise: a value within 1e-9 x
 * max(1, |bound|) of 0 or of one of its variable's bounds is that value,
 * integer and binary levels are whole numbers, and shortage and slack within
 * 1e-9 of the scale of their terms are 0.  po_plan_result keeps the raw
 * values; the cost split is computed from the cleaned ones. */
PO_API const double *po_plan_levels(const po_plan *plan, int a);

typedef enum po_plan_series {
    PO_PLAN_BUY = 0,  /* bought; NULL when the item cannot be bought */
    PO_PLAN_SOLD,     /* sold; NULL without demand */
    PO_PLAN_SHORTAGE, /* demand - sold; NULL without demand */
    PO_PLAN_STOCK,    /* end-of-period stock; NULL when not storable */
    PO_PLAN_USED,     /* used by activities (sum of in rates x levels) */
    PO_PLAN_PRODUCED, /* made by activities (sum of out rates x levels) */
    PO_PLAN_SLACK,    /* capacity items: capacity + buy + produced - used;
                         NULL for other items */
    PO_PLAN_DISPOSED  /* disposed of; NULL without "dispose_cost" */
} po_plan_series;
/* One number per period, or NULL when the item has no such quantity (see
 * above), without a solution, or for bad arguments.  Borrowed. */
PO_API const double *po_plan_item_series(const po_plan *plan, int item,
                                         po_plan_series series);
/* "buy", "sold", "shortage", "stock", "used", "produced", "slack",
 * "disposed". */
PO_API const char *po_plan_series_name(po_plan_series series);

typedef enum po_cost_kind {
    PO_COST_BUYING = 0,
    PO_COST_STORING,
    PO_COST_ACTIVITY,
    PO_COST_FIXED,
    PO_COST_SHORTAGE,
    PO_COST_REVENUE, /* counted positive; total cost subtracts it */
    PO_COST_DISPOSAL /* dispose_cost x disposed (appended in 0.1: the kinds
                        above keep their values) */
} po_cost_kind;
#define PO_COST_NKINDS 7
/* "buying", "storing", "activity", "fixed", "shortage", "revenue",
 * "disposal". */
PO_API const char *po_cost_kind_name(po_cost_kind kind);
/* Over the whole horizon (NaN without a solution). */
PO_API double po_plan_cost(const po_plan *plan, po_cost_kind kind);
/* Per period, one number per period (NULL without a solution). */
PO_API const double *po_plan_cost_by_period(const po_plan *plan,
                                            po_cost_kind kind);

/* The compiled model and the solver's result behind the plan (borrowed). */
PO_API const po_model *po_plan_model(const po_plan *plan);
PO_API const po_result *po_plan_result(const po_plan *plan);
/* PROCESS-API-END */

/* SAVINGS-API-BEGIN (baseline, savings, conflicts, limits: owned by the
 * analysis layer) */

/* ------------------------------------------------------------------ */
/* Savings against today, and why a plan or a model cannot be run     */
/* ------------------------------------------------------------------ */
/*
 * A requirement of a process model, named in process terms.  Reports of
 * what today's plan breaks (po_savings_breach) and conflict sets of
 * infeasible models (po_conflict_entry) list requirements of these kinds:
 */
typedef enum po_req_kind {
    PO_REQ_BALANCE = 0,  /* "balance": an item's balance in a period (made +
                            bought + from stock = used + sold + stored) */
    PO_REQ_CAPACITY,     /* "capacity": a capacity item's use within
                            capacity + bought + made */
    PO_REQ_DEMAND,       /* "demand": sales within the demand, all of it for
                            an item without shortage_cost */
    PO_REQ_CONSTRAINT,   /* "constraint": a side constraint's min or max */
    PO_REQ_BUY_MAX,      /* "buy_max" */
    PO_REQ_STORE_MAX,    /* "store_max" */
    PO_REQ_ACTIVITY_MIN, /* "activity_min": an activity's "min" */
    PO_REQ_ACTIVITY_MAX, /* "activity_max": an activity's "max" */
    PO_REQ_MIN_BATCH,    /* "min_batch": level 0 or at least min_batch */
    PO_REQ_INTEGER       /* "integer": whole levels (0 or 1 when binary) */
} po_req_kind;
#define PO_REQ_NKINDS 10

/* The names above ("balance", ...); NULL for a bad value. */
PO_API const char *po_req_kind_name(po_req_kind kind);

/* ---- Baseline and savings ---- */

typedef struct po_savings po_savings;

/* Solve the optimized model and the baseline (every activity level fixed
 * to today's plan, see po_process_solve_baseline) and compare them.
 * options may be NULL.  On PO_OK *savings is a new handle (free with
 * po_savings_free) whatever the two outcomes; it owns copies of every name
 * and number and does not refer to the process.  PO_EMODEL when the model
 * has no baseline (or is invalid; errors on the process as for
 * po_process_solve); PO_ENOMEM; a solver failure's status.
 * When the baseline is infeasible, the handle names what today's plan
 * breaks (po_savings_breach; when the optimized model is infeasible too,
 * see po_process_conflict for why the model itself cannot hold): found with an
 * elastic copy of the baseline model in which balances, capacities and side
 * constraints may be violated at a price, the total violation minimized
 * (shortfalls of demands that must be met count half a balance's, so that
 * unmet orders are named as such), plus direct checks of the levels
 * against each activity's min, max, min_batch and integrality.  That takes
 * one more LP solve. */
PO_API po_status po_process_savings(po_process *process,
                                    const po_options *options,
                                    po_savings **savings);
PO_API void po_savings_free(po_savings *savings);

/* The two plans (borrowed until the handle is freed): the same as
 * po_process_solve and po_process_solve_baseline give. */
PO_API const po_plan *po_savings_optimized_plan(const po_savings *savings);
PO_API const po_plan *po_savings_baseline_plan(const po_savings *savings);
/* Shortcuts: outcome and total cost of each plan (NaN without a
 * solution). */
PO_API po_outcome po_savings_baseline_outcome(const po_savings *savings);
PO_API double po_savings_baseline_total_cost(const po_savings *savings);
PO_API double po_savings_optimized_total_cost(const po_savings *savings);

/* 1 when both plans hold a solution, so the figures below exist.  (With a
 * MIP stopped early, see the plans' outcomes: the figure is then what the
 * solutions found give, not a proven optimum.) */
PO_API int po_savings_has_value(const po_savings *savings);
/* Baseline total cost - optimized total cost, for the model's horizon (its
 * periods).  NaN without a value. */
PO_API double po_savings_per_horizon(const po_savings *savings);
/* per_horizon x horizons_per_year; NaN without horizons_per_year. */
PO_API double po_savings_per_year(const po_savings *savings);
/* per_horizon / |baseline total cost|; NaN when the baseline costs 0. */
PO_API double po_savings_relative(const po_savings *savings);
/* The part of per_horizon that comes from one cost kind: baseline cost -
 * optimized cost for the cost kinds, optimized - baseline revenue for
 * PO_COST_REVENUE, so the parts (PO_COST_NKINDS) add up to per_horizon.  NaN without a
 * value or for a bad kind. */
PO_API double po_savings_by_kind(const po_savings *savings,
                                 po_cost_kind kind);

/* The plan diff: every (activity, period) whose optimized level differs
 * from today's (by more than 1e-9 x max(1, |levels|)), largest |change|
 * first, ties by activity then period in model order.  Needs an optimized
 * solution (0 entries otherwise); today's levels are the baseline's, also
 * when the baseline is infeasible. */
PO_API int po_savings_num_changes(const po_savings *savings);
/* Entry k: activity and period names (borrowed), today's level and the
 * optimized level (change = optimized - baseline).  Any out pointer may be
 * NULL.  PO_ERANGE for a bad k, PO_EINVAL for NULL savings. */
PO_API po_status po_savings_change(const po_savings *savings, int k,
                                   const char **activity, const char **period,
                                   double *baseline_level,
                                   double *optimized_level);

/* What today's plan breaks when the baseline is infeasible (0 entries
 * otherwise), ordered by period, then kind, then model order.  Entry k:
 * kind, name (item, activity or side constraint), period name ("" for a
 * model without periods), amount (by how much, in the requirement's units;
 * NaN when unknown).  Any out pointer may be NULL; strings are borrowed. */
PO_API int po_savings_num_breaches(const po_savings *savings);
PO_API po_status po_savings_breach(const po_savings *savings, int k,
                                   po_req_kind *kind, const char **name,
                                   const char **period, double *amount);
/* The breach as a sentence: "Sat: today's plan uses 21.6 oven_h, capacity
 * plus purchases allow at most 20 — short by 1.6".  NULL for a bad k. */
PO_API const char *po_savings_breach_message(const po_savings *savings,
                                             int k);

/* ---- Conflicts: why a model is infeasible ---- */

typedef struct po_conflict po_conflict;

/* Find a minimal set of requirements of the (optimized) process model that
 * cannot hold together: an irreducible infeasible subset over the model's
 * capacities, side constraints, demands, buy_max, store_max, activity min
 * and max, and min_batch (balances, nonnegativity and integrality always
 * hold).  First an elastic filter (requirements may be violated at a
 * price; those violated are enforced, until no completion exists) narrows
 * the candidates, then a deletion filter drops every requirement without
 * which the rest is still infeasible.  Costs one LP (or, when the LP
 * relaxation is feasible, MIP) solve per test: a few dozen for small
 * models.  options may be NULL; its limits apply to each solve.  The M of
 * a min_batch switch is re-proved in each test from the requirements it
 * keeps, so the switch never stands in for a missing capacity or max.
 * On PO_OK *conflict is a new handle whatever the model's feasibility:
 * a feasible model gives 0 entries.  Errors as po_process_solve. */
PO_API po_status po_process_conflict(po_process *process,
                                     const po_options *options,
                                     po_conflict **conflict);
PO_API void po_conflict_free(po_conflict *conflict);

/* 1 when the model was proven infeasible, 0 when it is feasible or a
 * solve stopped at a limit before that was decided. */
PO_API int po_conflict_infeasible(const po_conflict *conflict);
/* 1 when the set is proven irreducible (every test was decided); 0 when
 * a solve stopped at a limit: the set then still cannot hold, but may not
 * be minimal. */
PO_API int po_conflict_is_minimal(const po_conflict *conflict);
/* Number of feasibility tests solved. */
PO_API long po_conflict_num_solves(const po_conflict *conflict);
PO_API int po_conflict_num_entries(const po_conflict *conflict);
/* Entry k as for po_savings_breach; amount: how far this requirement
 * alone would have to move for the others of the set to hold together
 * (NaN when unknown). */
PO_API po_status po_conflict_entry(const po_conflict *conflict, int k,
                                   po_req_kind *kind, const char **name,
                                   const char **period, double *amount);
/* "Fri: demand of bracket is 900, at most 320 can be delivered — short by
 * 580".  NULL for a bad k. */
PO_API const char *po_conflict_message(const po_conflict *conflict, int k);

/* ---- What limits the savings ---- */

typedef struct po_limits po_limits;

/* Solve the (optimized) model with sensitivity analysis (options.
 * sensitivity is set for this solve; for a MIP the figures are those of the
 * LP with the integer decisions fixed at their optimum: they describe the
 * chosen configuration, not the value of changing it) and report, in
 * process terms:
 *  - shadow prices: for every capacity and side constraint in every
 *    period, what one more unit of it is worth, and over which range of
 *    that capacity or bound the value holds;
 *  - cost ranges: for every activity cost, item price and buy cost of a
 *    continuous decision, per period, the interval over which it can move
 *    before the optimal plan changes (integer and binary levels have none).
 * options may be NULL.  On PO_OK *limits is a new handle whatever the
 * outcome; without an optimal solution it holds no figures
 * (po_limits_available is 0).  Errors as po_process_solve.  The handle owns
 * copies of every name and does not refer to the process. */
PO_API po_status po_process_limits(po_process *process,
                                   const po_options *options,
                                   po_limits **limits);
/* The same figures without a solve, from a plan of this process solved
 * with options.sensitivity = 1 (po_process_solve, or the optimized plan of
 * po_process_savings given such options).  PO_EINVAL when the plan was not
 * solved from the process's current model (message on the process),
 * PO_ENOSOLUTION when it has a solution but no sensitivity figures; a plan
 * without a solution gives a handle without figures. */
PO_API po_status po_plan_limits(po_process *process, const po_plan *plan,
                                po_limits **limits);
PO_API void po_limits_free(po_limits *limits);
/* Outcome of the solve. */
PO_API po_outcome po_limits_outcome(const po_limits *limits);
/* 1 when the solve gave sensitivity figures (an optimum). */
PO_API int po_limits_available(const po_limits *limits);

/* Shadow prices: every capacity and side-constraint row, the binding ones
 * first (non-basic with a nonzero price), sorted by |value| descending,
 * ties by kind, model order, period; then the others in model order.
 * Show entries 0 .. po_limits_num_binding - 1 for "what limits the plan". */
PO_API int po_limits_num_prices(const po_limits *limits);
PO_API int po_limits_num_binding(const po_limits *limits);
/* Entry k (any out pointer may be NULL): kind (PO_REQ_CAPACITY or
 * PO_REQ_CONSTRAINT), name, period (borrowed); value: the reduction of the
 * total cost per unit increase of the bound in play (the capacity; the
 * side constraint's max, or its min when that is the one it sits at), in
 * the model's currency per unit per period, so what one more unit of
 * capacity is worth; negative when raising the bound costs (a binding
 * min).  bound: that bound's value; [lo, hi]: the values of it over which
 * `value` holds (po_result_row_range). */
PO_API po_status po_limits_price(const po_limits *limits, int k,
                                 po_req_kind *kind, const char **name,
                                 const char **period, double *value,
                                 double *bound, double *lo, double *hi);
/* "one more oven_h on Sat is worth 41.20 EUR, up to 3.5 more"; "raising
 * max_baguette on Sat by one is worth ..."; for entries that do not bind,
 * "... is worth nothing: it does not limit the plan".  NULL for a bad k. */
PO_API const char *po_limits_price_message(const po_limits *limits, int k);

/* Cost ranges, in the order activity costs (PO_UNC_COST), item prices
 * (PO_UNC_PRICE), buy costs (PO_UNC_BUY_COST), each by model order then
 * period.  Entry k: what, name, period; value: the number now; [lo, hi]:
 * where it can move while the optimal plan stays the same (an unlimited
 * side is -INFINITY / INFINITY). */
PO_API int po_limits_num_ranges(const po_limits *limits);
PO_API po_status po_limits_range(const po_limits *limits, int k,
                                 po_unc_param *param, const char **name,
                                 const char **period, double *value,
                                 double *lo, double *hi);
/* "price of baguette on Sat (now 1.10 EUR) can move between 0.95 and
 * 1.30 EUR without changing the plan".  NULL for a bad k. */
PO_API const char *po_limits_range_message(const po_limits *limits, int k);

/* SAVINGS-API-END */

/* SCENARIO-API-BEGIN (uncertainty and the MVP's economics: owned by the
 * analysis layer; docs/savings.md explains every figure) */

/* ------------------------------------------------------------------ */
/* Scenarios: savings under uncertainty, and the MVP's economics      */
/* ------------------------------------------------------------------ */
/*
 * po_process_scenarios_run samples the model's "uncertainty" block and, in
 * each scenario, re-optimizes the model with that scenario's data and
 * re-settles the baseline (activity levels still fixed at today's plan;
 * buys, sales, stocks and shortages at their best).  The savings of a
 * scenario are its baseline total cost minus its optimized total cost.
 *
 * Sampling.  For each uncertain number -- one kind (demand, price,
 * buy_cost, cost, capacity), one item or activity, one period -- the
 * scenario's value is the nominal value times a factor drawn from a
 * stream of its own, keyed by (seed, scenario, kind, name, period): the
 * draws do not depend on the thread count, the evaluation order or the
 * other uncertain names.  An entry naming an item or activity overrides
 * the "*" entry of the same kind for that name; "*" covers every item
 * (activity, for "cost") that has the key concerned ("capacity": every
 * capacity item).  Nominal values of 0 stay 0.
 *
 * What is solved.  Every scenario solves both models again, in the pool's
 * threads, each from the nominal model's optimal basis when
 * options.warm_start is set and the nominal result holds one (LPs; MIPs
 * are solved cold, see po_solve_warm).  When the uncertainty changes only
 * costs and prices, both nominal solutions stay feasible in every
 * scenario, and their values at every scenario's costs are also computed,
 * all at once, as one matrix product (PO_SCENARIO_FIXED_SAVINGS: the
 * savings of keeping both nominal plans as they are).
 *
 * Scenarios in which a model has no optimum (infeasible: demand that cannot
 * be met without a shortage_cost, a capacity cut below what the fixed
 * baseline needs; or, rarely, unbounded, a limit or a numerical failure)
 * have no savings value (NaN): they are left out of every quantile, mean
 * and p_cover, and counted.
 *
 * Results are the same for the same seed whatever the thread count (on
 * one machine and build; see docs/savings.md for what rounding can
 * change across builds), provided no time or iteration limit stops a
 * solve.  A po_scenarios owns copies of everything it reports and does
 * not refer to the process.
 */

typedef struct po_scenarios po_scenarios;

/* Progress: `done` of `total` scenarios finished.  Called from the pool's
 * threads, one call at a time (never concurrently), `done` growing; keep it
 * short and do not call the library from it. */
typedef void (*po_scenario_progress_fn)(void *user, long done, long total);

/* Options of a scenario run.  Fill with po_scenario_options_init() first,
 * then change fields. */
typedef struct po_scenario_options {
    long scenarios;     /* how many; 0 (default): the model's "scenarios"
                           (the model then needs an "uncertainty" block);
                           a model without one gives nominal scenarios */
    int use_seed;       /* 0 (default): the model's "seed"; 1: `seed` */
    unsigned long seed;
    int threads;        /* worker threads, 1..1024; 0 (default): the
                           processors online */
    int warm_start;     /* 1 (default): each scenario starts from the
                           nominal optimal basis; 0: every solve is cold */
    po_options solver;  /* for every solve (po_options_init'ed by
                           po_scenario_options_init).  solver.log is used
                           for the two nominal solves only, never from the
                           pool's threads; solver.sensitivity is ignored */
    po_scenario_progress_fn progress; /* default NULL */
    void *progress_user;
    int reserved_int[16];
    double reserved_dbl[8];
} po_scenario_options;

PO_API void po_scenario_options_init(po_scenario_options *options);

/* Solve the model and its baseline (nominal), then every scenario.
 * options may be NULL (defaults).  On PO_OK *scenarios is a new result
 * (free with po_scenarios_free), whatever the outcomes.  Errors (on the
 * process: po_process_errmsg) are those of po_process_solve, and:
 * PO_EMODEL when no scenario count is given and the model has no
 * "uncertainty"; PO_EINVAL for bad options (negative count, threads out of
 * range); PO_ETOOBIG beyond 100 million scenarios; a solver failure in a
 * scenario (PO_ESOLVER, PO_ENOMEM) fails the call with the message of the
 * lowest-numbered failing scenario ("scenario 17: ...").  A model without
 * "baseline" is accepted: the costs of its optimized plans are reported,
 * its savings are NaN. */
PO_API po_status po_process_scenarios_run(po_process *process,
                                          const po_scenario_options *options,
                                          po_scenarios **scenarios);
PO_API void po_scenarios_free(po_scenarios *scenarios);

/* The settings actually used. */
PO_API long po_scenarios_count(const po_scenarios *scenarios);
PO_API unsigned long po_scenarios_seed(const po_scenarios *scenarios);
PO_API int po_scenarios_threads(const po_scenarios *scenarios);
/* 1 when the model has a baseline (savings exist). */
PO_API int po_scenarios_has_baseline(const po_scenarios *scenarios);
/* 1 when savings figures are per year (savings per horizon times
 * horizons_per_year), 0 when per horizon (no horizons_per_year). */
PO_API int po_scenarios_per_year(const po_scenarios *scenarios);
/* 1 when the uncertainty changes only costs and prices (then
 * PO_SCENARIO_FIXED_SAVINGS has values). */
PO_API int po_scenarios_cost_only(const po_scenarios *scenarios);

typedef enum po_scenario_series {
    PO_SCENARIO_SAVINGS = 0,    /* baseline minus optimized total cost, per
                                   year or per horizon (po_scenarios_per_year) */
    PO_SCENARIO_OPTIMIZED_COST, /* total cost of the re-optimized plan, per
                                   horizon */
    PO_SCENARIO_BASELINE_COST,  /* total cost of the re-settled baseline, per
                                   horizon */
    PO_SCENARIO_FIXED_SAVINGS   /* cost-only uncertainty: savings (same unit as
                                   PO_SCENARIO_SAVINGS) when both nominal plans
                                   are kept unchanged at the scenario's costs;
                                   NaN otherwise */
} po_scenario_series;
#define PO_SCENARIO_NSERIES 4

/* One value per scenario, scenario k at [k]; NaN where the scenario has no
 * value.  NULL for a bad series.  Borrowed until the result is freed. */
PO_API const double *po_scenarios_values(const po_scenarios *scenarios,
                                         po_scenario_series series);
/* The nominal (deterministic model's) value of a series: nominal savings
 * for PO_SCENARIO_SAVINGS and PO_SCENARIO_FIXED_SAVINGS.  NaN when a
 * nominal model has no optimum. */
PO_API double po_scenarios_nominal(const po_scenarios *scenarios,
                                   po_scenario_series series);

/* The distribution of a series over the scenarios with a value. */
typedef struct po_scenario_summary {
    long count;   /* scenarios */
    long valid;   /* scenarios with a value (the others are NaN) */
    double mean;  /* NaN when valid == 0 */
    double sd;    /* sample standard deviation; NaN when valid < 2 */
    double min, p5, p50, p95, max; /* NaN when valid == 0 */
} po_scenario_summary;
/* PO_EINVAL for NULL arguments or a bad series. */
PO_API po_status po_scenarios_summary(const po_scenarios *scenarios,
                                      po_scenario_series series,
                                      po_scenario_summary *summary);
/* The quantile of probability p in [0, 1] (definition 7 of Hyndman and
 * Fan, as R's and NumPy's defaults); NaN without values or for bad
 * arguments. */
PO_API double po_scenarios_quantile(const po_scenarios *scenarios,
                                    po_scenario_series series, double p);

/* Outcome of the nominal solve of the optimized model (baseline == 0) or
 * of the baseline (1): a po_outcome, or -1 for a baseline that does not
 * exist. */
PO_API int po_scenarios_nominal_outcome(const po_scenarios *scenarios,
                                        int baseline);
/* Outcome of scenario k of the optimized model (baseline == 0) or of the
 * baseline (baseline == 1): a po_outcome, or -1 for a bad index or a
 * baseline that does not exist. */
PO_API int po_scenarios_outcome(const po_scenarios *scenarios, int baseline,
                                long k);
/* Scenarios in which the optimized model (baseline == 0) or the baseline
 * (1) is infeasible (outcomes infeasible and infeasible_or_unbounded), and
 * their share of all scenarios (NaN without a baseline). */
PO_API long po_scenarios_infeasible_count(const po_scenarios *scenarios,
                                          int baseline);
PO_API double po_scenarios_infeasible_share(const po_scenarios *scenarios,
                                            int baseline);
/* Scenarios without a value for another reason: unbounded, stopped at a
 * limit, numerical failure. */
PO_API long po_scenarios_unsolved_count(const po_scenarios *scenarios,
                                        int baseline);

/* MVP economics (the model's "mvp" block; docs/savings.md).  1 when the
 * model has an "mvp" block and a baseline, and the savings are per year
 * (horizons_per_year); the figures below are NaN otherwise. */
PO_API int po_scenarios_has_mvp(const po_scenarios *scenarios);
/* Months until the nominal savings per year, net of the running cost,
 * repay the build cost: INFINITY when they never do (savings per year at
 * most the running cost), NaN without MVP figures or nominal savings. */
PO_API double po_scenarios_payback_months(const po_scenarios *scenarios);
/* Return over `years`: (years * (savings - run_cost) - build_cost) /
 * build_cost from the nominal savings per year; NaN when build_cost is 0
 * or without MVP figures. */
PO_API double po_scenarios_roi(const po_scenarios *scenarios);
/* Share of the scenarios with a value whose savings over `years` cover
 * build_cost + years * run_cost_per_year; NaN without MVP figures or
 * without any scenario value. */
PO_API double po_scenarios_p_cover(const po_scenarios *scenarios);

/* The work done: wall seconds of the scenario sweep (the nominal solves
 * excluded), solves run, solves that started from the nominal basis, and
 * simplex iterations of all scenario solves. */
PO_API double po_scenarios_time(const po_scenarios *scenarios);
PO_API long po_scenarios_solves(const po_scenarios *scenarios);
PO_API long po_scenarios_warm_solves(const po_scenarios *scenarios);
PO_API long po_scenarios_iterations(const po_scenarios *scenarios);
/* SCENARIO-API-END */

#ifdef __cplusplus
}
#endif
#endif /* PROCOPT_H */
