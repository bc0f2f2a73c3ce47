/*
 * result.h -- private view of a solve result, filled by the GLPK backend
 * and read through the po_result_* accessors (result.c).  Not installed.
 */
#ifndef PO_RESULT_H
#define PO_RESULT_H

#include "procopt.h"

struct po_result {
    po_outcome outcome;
    int is_mip;
    int ncols, nrows;
    double objective;     /* with the constant, NaN without a solution */
    double best_bound;    /* MIP only, NaN when unknown */
    double gap;           /* MIP only, NaN when unknown */
    long iterations;
    long nodes;
    double time;          /* wall seconds */
    /* Each array is NULL when the result does not hold it. */
    double *values;       /* ncols */
    double *activities;   /* nrows */
    double *duals;        /* nrows */
    double *redcosts;     /* ncols */
    /* Sensitivity ranges (all four NULL, or all set). */
    double *row_range;    /* 2*nrows: lo, hi of row i at [2i], [2i+1] */
    double *obj_range;    /* 2*ncols */
    double *var_range;    /* 2*ncols */
    /* Optimal simplex basis (both NULL, or both set): po_basis_status. */
    unsigned char *row_stat; /* nrows */
    unsigned char *col_stat; /* ncols */
    int warm;             /* solved from a start basis */
};

/* A new result for a model of that size: no solution, outcome
 * numerical failure, NaN figures.  NULL when out of memory. */
po_result *po__result_new(int ncols, int nrows);
/* Allocate values + activities (primal) or duals + reduced costs (dual),
 * zero-filled.  0 on success, -1 when out of memory (nothing changed). */
int po__result_alloc_primal(po_result *result);
int po__result_alloc_dual(po_result *result);
/* Allocate the sensitivity arrays (NaN-filled) / the basis arrays.
 * 0 on success, -1 when out of memory (nothing changed). */
int po__result_alloc_sensitivity(po_result *result);
int po__result_alloc_basis(po_result *result);
void po__result_drop_sensitivity(po_result *result);
void po__result_drop_basis(po_result *result);
/* Drop the arrays again (a solution that turned out unusable), with the
 * sensitivity and the basis that belong to it. */
void po__result_drop_solution(po_result *result);

#endif
