/*
 * scale.h -- scale factors of the constraint matrix: geometric-mean
 * iterations, then equilibration, every factor a power of 2.
 *
 * The scaled matrix is R A S with R = diag(r), S = diag(s).  GLPK takes the
 * factors as they are (glp_set_rii / glp_set_sjj), solves the scaled LP and
 * reports every value of the original one; with powers of 2 the scaled
 * coefficients, bounds and costs are exact, so scaling adds no rounding
 * error of its own.
 *
 * The algorithm is the one of GLPK's glp_scale_prob(GLP_SF_GM | GLP_SF_EQ |
 * GLP_SF_SKIP), which GLP_SF_AUTO means: nothing when every |a_ij| lies in
 * [0.1, 10]; else up to 15 geometric-mean passes (each row, then each
 * column -- or columns first when the rows are already the better scaled --
 * divided by sqrt(min |a| * max |a|)) while a pass cuts the ratio
 * max |a| / min |a| of the whole matrix by 10 % or more; then one
 * equilibration pass (max |a| of each row and column brought to about 1).
 * The difference: each pass's factors are rounded to the nearest power of
 * 2 at once (GLPK rounds only at the end, with GLP_SF_2N), so the working
 * copies below always hold exactly R A S.
 *
 * The work runs on two copies of |A|: by rows (CSR) and by columns (CSC),
 * each row or column one contiguous run of values.
 *  - po__scale_blas: the minimum and maximum of each row and column, and of
 *    the whole matrix, are OpenBLAS's idamin / idamax over those runs, and a
 *    row's (column's) factor is applied to its run with dscal.
 *  - po__scale_loop: the same with plain loops.
 * What BLAS cannot do here, in both: sqrt(min * max) and the rounding to a
 * power of 2 (scalar work per row or column), and bringing the other copy
 * up to date after a pass (value k of the CSC copy times the factor of its
 * row: a gather through an index array, which Level-1 BLAS has no call
 * for).
 * Both give bit-identical factors: minima and maxima are exact, and the
 * products by powers of 2 are exact (the same IEEE multiplication in dscal
 * and in the loop).  bench/scale_vs_loop.c measures which is faster: on
 * the short rows and columns of LPs (a few to a dozen entries) the loop,
 * by 2x-5x for the minima and maxima, because OpenBLAS's call overhead
 * outweighs its kernels below about 256 entries (32 for dscal); on long
 * runs BLAS (1.8x at 4096 entries).  po__scale takes each run by its
 * length: BLAS from those lengths on, the loop below -- the same factors
 * again -- and only on matrices of a million nonzeros or more: below that,
 * loops throughout, because opening OpenBLAS costs a process more than the
 * long runs save (blas.h, scale.c).  Where OpenBLAS cannot be opened,
 * po__scale_blas and po__scale run the loops.
 *
 * Thread-safe (no state; the work arrays are the call's own), never prints.
 * The BLAS calls are Level-1 on single rows and columns: OpenBLAS runs them
 * on the calling thread (it splits dscal only past a million entries).
 */
#ifndef PO_SCALE_H
#define PO_SCALE_H

#include "procopt.h"

/* Factors for the m x n matrix given as nnz triplets (ia[k], ja[k], ar[k]),
 * indices counted from `base` (0 or 1); the triplets may come in any order,
 * zeros are ignored, a (row, column) pair must not repeat.  r gets m
 * factors, s gets n; an empty row or column gets 1.  Returns PO_OK,
 * PO_EINVAL (NULL pointer where entries exist, negative size, base not 0 or
 * 1), PO_ERANGE (an index out of range), PO_ENAN / PO_EINF (a coefficient
 * that is not finite), PO_ETOOBIG (nnz > INT_MAX), PO_ENOMEM.  On failure r
 * and s are left unspecified. */
po_status po__scale_blas(int m, int n, long nnz, const int *ia,
                         const int *ja, const double *ar, int base,
                         double *r, double *s);
po_status po__scale_loop(int m, int n, long nnz, const int *ia,
                         const int *ja, const double *ar, int base,
                         double *r, double *s);
/* BLAS for long runs, loops for short ones (scale.c has the figures). */
po_status po__scale(int m, int n, long nnz, const int *ia, const int *ja,
                    const double *ar, int base, double *r, double *s);

/* Quality of a scaling: max |r_i a_ij s_j| / min |r_i a_ij s_j| over the
 * nonzeros (1 for a matrix without nonzeros; r or s NULL: factors 1).
 * Same arguments as above; NaN on bad input. */
double po__scale_ratio(int m, int n, long nnz, const int *ia, const int *ja,
                       const double *ar, int base, const double *r,
                       const double *s);

#endif
