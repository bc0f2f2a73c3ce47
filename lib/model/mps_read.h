/*
 * mps_read.h -- private: procopt's own MPS reader (mps_read.c).  Not
 * installed.
 */
#ifndef PO_MPS_READ_H
#define PO_MPS_READ_H

#include "procopt.h"

/* Read the MPS file `path` (fixed MPS when `fixed`, else free MPS; gzipped
 * or not) into a new model, exactly as GLPK's glp_read_mps followed by
 * po_model_read's copy would build it.  PO_OK: *out is the model (the
 * caller frees it).  PO_ENOMEM: out of memory.  PO_EPARSE: not taken --
 * the file holds something this reader leaves to GLPK (an error, a
 * warning GLPK would print, a case GLPK treats in its own way); nothing is
 * allocated and the caller reads the file with GLPK.  `alloc_fail_after`
 * is handed to the new model (the test hook of struct po_model). */
po_status po__mps_read(const char *path, int fixed, long alloc_fail_after,
                       po_model **out);

#endif
