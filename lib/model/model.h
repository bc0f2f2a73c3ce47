/*
 * model.h -- private view of the generic model, shared by the files of the
 * model layer and the GLPK backend.  Not installed.
 */
#ifndef PO_MODEL_H
#define PO_MODEL_H

#include <stddef.h>

#include "procopt.h"
#include "names.h"

/* Most nonzeros a model holds: GLPK's glp_load_matrix takes an int count
 * and 1-based arrays of ne+1 entries. */
#define PO__MAX_NNZ (2147483647L - 1)

/* Canonical storage: column and row attributes in parallel arrays, the
 * matrix as (row, col, value) triplets in the order they were added (no
 * explicit zeros, no duplicate (row, col) pair).  The backend loads the
 * triplets into GLPK as they are.  Read-back by row or column follows the
 * linked lists nz_next_row / nz_next_col, kept up to date by every add, so
 * reading a row or column costs its length and never allocates. */
struct po_model {
    char *name; /* NULL = "" */
    po_sense sense;
    double obj_constant;

    int ncols, cols_cap;
    char **col_name;                   /* in name_blocks, never NULL for j < ncols */
    double *col_lb, *col_ub, *col_obj; /* lb may be -INF, ub +INF */
    unsigned char *col_type;           /* po_vartype; binary bounds within [0,1] */
    int *col_head, *col_tail, *col_len; /* column list: rows ascending */
    unsigned *col_mark;                 /* scratch for duplicate checks */
    int nint;                           /* integer + binary columns */

    int nrows, rows_cap;
    char **row_name;
    double *row_lb, *row_ub;
    int *row_head, *row_tail, *row_len; /* row list: order of addition */
    unsigned *row_mark;

    long nnz, nz_cap;
    int *nz_row, *nz_col;
    double *nz_val;
    int *nz_next_row, *nz_next_col; /* -1 ends a list */

    unsigned mark_stamp; /* current value written into *_mark */

    void *name_blocks; /* the names of variables and constraints: one block
                          per add call, newest first (model_build.c) */
    po__names col_index; /* name -> column */
    po__names row_index; /* name -> row */

    long alloc_fail_after; /* test hook: < 0 = never fail */

    po_status err;
    char errmsg[1024];
};

/* Free the blocks holding the names of variables and constraints. */
void po__model_free_names(po_model *model);

/* Back to the state of po_model_new() (the error state and the test hook
 * excepted), keeping the allocated arrays: for readers that must leave a
 * model empty after a failure part way through a file. */
void po__model_clear(po_model *model);

/* Record a failure on the model and return `status` (printf-style message).
 * Every failing public call goes through here so po_model_errmsg is set. */
po_status po__model_fail(po_model *model, po_status status, const char *fmt,
                         ...) __attribute__((format(printf, 3, 4)));
/* Clear the error state at the start of a call. */
void po__model_clear_error(po_model *model);

/* Every allocation made for a model goes through here (same contract as
 * realloc; release with free()).  It is what the out-of-memory tests hook. */
void *po__model_realloc(po_model *model, void *ptr, size_t size);

/* Test hook: after n more successful allocations, every allocation of this
 * model fails until the hook is reset with n < 0.  Returns 0. */
int po__model_fail_alloc_after(po_model *model, long n);

/* Write a name into buf for a message: as is when it is a valid name,
 * else shortened and with control characters escaped. */
const char *po__name_for_msg(const char *name, char *buf, size_t size);
/* 0 when `name` is acceptable for a variable or constraint, else the
 * status (PO_ENAME / PO_EINVAL) with a reason "name is empty" ... in why. */
po_status po__check_name(const char *name, char *why, size_t size);

/* Make room for `more` columns / rows / nonzeros; 0 or PO_ENOMEM /
 * PO_ETOOBIG.  Visible contents are untouched, also on failure. */
po_status po__model_reserve_cols(po_model *model, long more);
po_status po__model_reserve_rows(po_model *model, long more);
po_status po__model_reserve_nnz(po_model *model, long more);
/* Room for `extra` more names in one of the model's name tables; 0 or -1. */
int po__model_names_reserve(po_model *model, po__names *t, size_t extra);

/* Bound checks shared by every path that sets bounds, so messages agree.
 * `what` names the object, e.g. "variable \"x\"" or
 * "variable \"x\" (position 3)". */
po_status po__check_bounds(po_model *model, const char *what, double lb,
                           double ub);
/* Intersect the bounds of a binary variable with [0,1] (PO_EBOUNDS when
 * that is empty; the bounds are unchanged then). */
po_status po__binary_bounds(po_model *model, const char *what, double *lb,
                            double *ub);

/* x as the shortest decimal that reads back exactly (for messages). */
const char *po__fmt_num(double x, char buf[32]);

/* Next value for the *_mark scratch arrays (never 0: fresh entries are 0). */
unsigned po__model_next_stamp(po_model *model);

#endif
