/*
 * scenario_eval.h -- objective values of fixed plans under many cost and
 * price scenarios at once.
 *
 * Scenarios that change only costs and prices leave every plan feasible
 * and change only its objective value, which is linear in the costs: with
 * the scenarios' cost vectors as the rows of C (S x n) and the plans as the
 * columns of X (n x P), the S x P values are one matrix product V = C X.
 * po__scenario_eval_blas computes it with one BLAS Level-3 call (dgemm);
 * po__scenario_eval_loop is the plain-loop twin with the same contract,
 * kept for tests and bench/blas_vs_loop.c.
 *
 * Layout (dense, row-major, no padding):
 *   costs[s*n + k]  coefficient k in scenario s          (C, S x n)
 *   plans[j*n + k]  value of variable k in plan j        (X stored by
 *                   column: each plan is one contiguous vector of n
 *                   values, as po_result_values gives it)
 *   values[s*P + j] objective of plan j in scenario s    (V, S x P), written
 * Constant terms (the objective constant, costs that are not coefficients
 * of a column) are the caller's to add.
 *
 * The two functions differ only in summation order, so their results agree
 * to rounding (the tests require 1e-9 relative to sum |c_k x_k|).  The
 * loop gives the same bits on every run and thread setup.  dgemm does not:
 * its kernels differ between CPUs, and OpenBLAS's own thread count changes
 * how it splits and blocks the product, so the last bits of V change with
 * OPENBLAS_NUM_THREADS (measured: most entries of a 1000 x 1000 x 2
 * product, by at most 4e-16 of sum |c_k x_k| in our runs).  Results are identical
 * across runs only while OpenBLAS's thread count stays the same: never
 * tie it to the scenario thread count (docs/savings.md).
 *
 * Neither function allocates or changes threading state: OpenBLAS's thread
 * count is process-wide (openblas_set_num_threads, OPENBLAS_NUM_THREADS)
 * and belongs to the program, not to this library.  Call
 * po__scenario_eval_blas from one thread, outside a po__parallel_for pool
 * (docs/savings.md says why).
 */
#ifndef PO_SCENARIO_EVAL_H
#define PO_SCENARIO_EVAL_H

#include <stddef.h>

#include "procopt.h"

/* values = costs * plans, as described above.
 * Nothing to do (PO_OK) when scenarios == 0 or nplans == 0; when
 * ncoefs == 0 every value is 0.  Pointers must be non-NULL whenever the
 * matrix they point to has entries (PO_EINVAL); values must not overlap
 * the inputs.  PO_ETOOBIG when ncoefs or nplans exceeds INT_MAX (BLAS's
 * index type; scenarios are split into blocks, so any count works).
 * Inputs are expected finite; a NaN or infinite value (or an overflow)
 * shows up in the product and returns PO_ENAN or PO_EINF after values has
 * been fully written, so the caller can find the entries concerned. */
po_status po__scenario_eval_blas(const double *costs, const double *plans,
                                 size_t scenarios, size_t ncoefs,
                                 size_t nplans, double *values);

/* The same product with plain loops: every value is one dot product of two
 * contiguous vectors, summed in four partial sums. */
po_status po__scenario_eval_loop(const double *costs, const double *plans,
                                 size_t scenarios, size_t ncoefs,
                                 size_t nplans, double *values);

/* Up to this many plans the loop is used, beyond it dgemm. */
#define PO__SCENARIO_EVAL_LOOP_MAX_PLANS 2

/* The product by the path bench/blas_vs_loop.c recommends: with one or two
 * plans (optimized and baseline) V is a pair of dot products per scenario,
 * bound by reading C once; there the loop is as fast as dgemm from a few
 * MB of C on (faster at the largest shapes) and gives the same bits
 * whatever OpenBLAS's thread count.  From four plans on dgemm's register
 * blocking usually wins (up to 16 times at 32 plans).  Same contract as
 * the two above. */
po_status po__scenario_eval(const double *costs, const double *plans,
                            size_t scenarios, size_t ncoefs, size_t nplans,
                            double *values);

#endif
