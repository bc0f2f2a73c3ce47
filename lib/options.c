/*
 * options.c -- solver option defaults.  Kept apart from the backend so the
 * defaults are documented in one place and testable without GLPK.
 */
#include "procopt.h"

#include <string.h>

void po_options_init(po_options *options)
{
    if (options == NULL)
        return;
    /* memset first so that reserved fields (and padding) are zero: a later
     * version gives meaning to a reserved field with 0 as its default. */
    memset(options, 0, sizeof *options);
    options->method = PO_METHOD_AUTO;
    options->presolve = 1;
    options->time_limit = 0.0;
    options->mip_gap = 1e-6;
    options->iteration_limit = 0;
    options->log = NULL;
    options->log_user = NULL;
    options->mip_cuts = 1;
    options->sensitivity = 0;
}
