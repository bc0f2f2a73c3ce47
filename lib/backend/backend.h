/*
 * backend.h -- private declarations of the GLPK backend (glpk_backend.c,
 * the only file that includes <glpk.h>).  Not installed.
 */
#ifndef PO_BACKEND_H
#define PO_BACKEND_H

#include "procopt.h"

/* Test hook: run a glp_* call with an invalid argument inside the same
 * fatal-error trap that po_solve/po_model_read/po_model_write use, so tests
 * can check that a GLPK fatal error becomes PO_ESOLVER with GLPK's message
 * (on `model`) and that the thread can use GLPK again afterwards.
 * `log`, when not NULL, receives GLPK's text as during a solve. */
po_status po__backend_test_fatal(po_model *model, po_log_fn log,
                                 void *log_user);

/* po_solve without procopt's presolve: the model as it is goes to GLPK
 * (solve.c defines po_solve around it).  Same contract as po_solve;
 * messages name "po_solve". */
po_status po__backend_solve(po_model *model, const po_options *options,
                            po_result **result);

/* po_model_read with GLPK's MPS reader only (po_model_read takes MPS
 * files through lib/model/mps_read.c first): tests compare the two. */
po_status po__model_read_glpk(po_model *model, const char *path,
                              po_format format, const char *data_path);

/* "GLP_ENOPFS (no primal feasible solution)" for a GLPK return code of
 * glp_simplex/glp_interior/glp_intopt; "0 (success)" for 0. */
const char *po__glpk_code_name(int code);

#endif
