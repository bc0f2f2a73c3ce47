/*
 * status.c -- status code descriptions and the library version.
 * (po_glpk_version lives in glpk_backend.c: only that file sees glpk.h.)
 */
#include "procopt.h"

const char *po_version(void)
{
    return PO_VERSION_STRING;
}

const char *po_strerror(po_status status)
{
    switch (status) {
    case PO_OK: return "success";
    case PO_ENOMEM: return "out of memory";
    case PO_EINVAL: return "invalid argument";
    case PO_ENAN: return "value is NaN";
    case PO_EINF: return "infinite value where a finite one is required";
    case PO_EBOUNDS: return "lower bound greater than upper bound";
    case PO_ENAME: return "invalid name";
    case PO_EDUPNAME: return "duplicate name";
    case PO_ERANGE: return "index out of range";
    case PO_EDUPENTRY: return "duplicate entry in a row or column";
    case PO_ENOTFOUND: return "no such name";
    case PO_EIO: return "input/output error";
    case PO_EPARSE: return "malformed input";
    case PO_EFORMAT: return "unknown or unsupported format";
    case PO_ESOLVER: return "solver failure";
    case PO_ENOSOLUTION: return "no solution available";
    case PO_ETOOBIG: return "size limit exceeded";
    case PO_EMODEL: return "inconsistent model";
    }
    return "unknown status code";
}
