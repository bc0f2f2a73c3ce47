/*
 * options.h -- private: validation of the tuning options (options.c).  Not
 * installed.
 */
#ifndef PO_OPTIONS_H
#define PO_OPTIONS_H

#include "procopt.h"

/* PO_OK when the tuning fields of `o` (lp_pricing ... mip_proximity_time)
 * hold allowed values; otherwise PO_EINVAL or PO_ENAN with the message on
 * `model`, naming the field and the call `fn`. */
po_status po__options_check_tuning(po_model *model, const po_options *o,
                                   const char *fn);

#endif
