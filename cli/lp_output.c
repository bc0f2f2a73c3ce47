/*
 * lp_output.c -- the LP/MIP files `procopt convert` and `procopt export`
 * write: which format, and where standard output is staged.
 */
#include "cli.h"

static int writable(po_format f)
{
    return f == PO_FORMAT_MPS || f == PO_FORMAT_FREEMPS || f == PO_FORMAT_LP;
}

int cli_output_format(const char *cmd, const char *to_name, const char *out,
                      po_format *fmt)
{
    if (to_name) {
        if (po_format_parse(to_name, fmt) != PO_OK || !writable(*fmt))
            return cli_usage_error(cmd, "cannot write format '%s' (mps, "
                                   "freemps or lp)", to_name);
        return 0;
    }
    if (out[0] == '-' && out[1] == '\0')
        return cli_usage_error(cmd, "writing standard output needs --to");
    *fmt = po_format_from_path(out);
    /* ".mps" means free MPS: it keeps names of any length, where fixed MPS
     * is limited to 8 characters, and every reader we know (GLPK, CBC,
     * CLP, HiGHS) takes it. */
    if (*fmt == PO_FORMAT_MPS)
        *fmt = PO_FORMAT_FREEMPS;
    if (!writable(*fmt))
        return cli_usage_error(cmd, "%s: cannot tell the output format from "
                               "the file name (.mps or .lp); use --to", out);
    return 0;
}

const char *cli_tmp_out_path(cli_tmp *tmp, po_format fmt)
{
    return cli_tmp_path(tmp, fmt == PO_FORMAT_LP ? "out.lp" : "out.mps");
}
