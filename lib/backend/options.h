/*
 * options.h -- private: validation of the tuning options (options.c).  Not
 * installed.
 */
#ifndef PO_OPTIONS_H
#define PO_OPTIONS_H

#include "procopt.h"

/* options.lp_interior_nonzeros = 0: PO_METHOD_AUTO takes the interior
 * point method from this many nonzeros (after presolve) on, when the
 * columns are short (PO_INTERIOR_MAX_FILL); docs/benchmarks.md, "LP
 * defaults".  CPU time against primal simplex: generated process LPs 0.56x
 * at 3.8k nonzeros, 0.29x at 8.6k, 0.13x at 20k, 0.08x and 0.05x at 67k and
 * 128k as generated; the netlib LPs with short columns 0.5x-1.6x below 5k
 * nonzeros (so not there), 0.71x-1.31x from 5k to 10k (czprob, ship04l,
 * ship08l, ship12s: 1.0x together), 0.82x and 0.50x above (ship12l,
 * 80bau3b). */
#define PO_INTERIOR_NONZEROS 5000

/* At most this many times the nonzeros for the sum of the squared column
 * lengths (an upper bound of the nonzeros of A*A^T, which the interior
 * point method factorizes every iteration): above it PO_METHOD_AUTO keeps
 * the simplex method.  Process LPs (flows and balances) have 1.9x and
 * gain the most; netlib 80bau3b (3.05x) 0.5x the time; above, the interior
 * point method lost: dfl001 (3.6x after presolve: it stops unconverged
 * and the crossover takes 2.2x the simplex method's time), woodw (5.5x:
 * 1.4x), pilot (27x: 10x), fit2p (1474x: over 60 s against 1 s). */
#define PO_INTERIOR_MAX_FILL 3.2

/* PO_OK when the tuning fields of `o` (lp_pricing ... mip_proximity_time)
 * hold allowed values; otherwise PO_EINVAL or PO_ENAN with the message on
 * `model`, naming the field and the call `fn`. */
po_status po__options_check_tuning(po_model *model, const po_options *o,
                                   const char *fn);

#endif
