/*
 * savings.h -- private declarations of the savings analysis (savings.c,
 * savings_breach.c).  Not installed.
 */
#ifndef PO_SAVINGS_H
#define PO_SAVINGS_H

#include "conflict.h"

/* What today's plan breaks: the findings of po_savings_breach, sorted by
 * period, kind and model order, into an empty `out`.  The process must
 * have passed validation and have a baseline.  PO_OK (out may stay empty),
 * PO_ENOMEM or a solver failure (recorded on p; out is then empty). */
po_status po__baseline_breaches(po_process *p, const po_options *opt,
                                po__findings *out);

#endif
