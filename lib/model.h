/*
 * model.h -- private view of the generic model, shared by the files of the
 * model layer and the GLPK backend.  Not installed.
 */
#ifndef PO_MODEL_H
#define PO_MODEL_H

#include "procopt.h"
#include "names.h"

/* Canonical storage: column and row attributes in parallel arrays, the
 * matrix as (row, col, value) triplets in the order they were added.  The
 * backend loads the triplets into GLPK as they are; read-back by row or
 * column goes through indexes built lazily (see model.c). */
struct po_model {
    char *name;
    po_sense sense;
    double obj_constant;

    int ncols, cols_cap;
    char **col_name;
    double *col_lb, *col_ub, *col_obj;
    unsigned char *col_type; /* po_vartype */

    int nrows, rows_cap;
    char **row_name;
    double *row_lb, *row_ub;

    long nnz, nz_cap;
    int *nz_row, *nz_col;
    double *nz_val;

    po__names col_index; /* name -> column */
    po__names row_index; /* name -> row */

    po_status err;
    char errmsg[1024];
};

/* Record a failure on the model and return `status` (printf-style message).
 * Every failing public call goes through here so po_model_errmsg is set. */
po_status po__model_fail(po_model *model, po_status status, const char *fmt,
                         ...) __attribute__((format(printf, 3, 4)));
/* Clear the error state at the start of a call. */
void po__model_clear_error(po_model *model);

#endif
