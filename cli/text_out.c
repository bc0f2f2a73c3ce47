/*
 * text_out.c -- the human summary of `procopt solve` (without --json).
 *
 * Short on purpose: the headline figures, then the nonzero variables up to a
 * limit (a plan is read for what is done, not for the thousands of zeros);
 * --all lists every variable, and --json gives everything exactly.
 */
#include <math.h>
#include <string.h>

#include "cli.h"

#define TEXT_MAX_VARS 20 /* nonzero variables listed without --all */
#define TEXT_NAME_WIDTH 32

/* Ten significant digits are plenty to read; -0 shows as 0. */
static const char *num(char buf[32], double v)
{
    if (isnan(v))
        return "n/a";
    snprintf(buf, 32, "%.10g", v == 0 ? 0.0 : v);
    return buf;
}

static void list_variables(cli_buf *out, const cli_report *rep,
                           const po_model *model, const po_result *result)
{
    const double *x = po_result_values(result);
    int n = po_result_num_vars(result), nonzero = 0, shown = 0, width = 1;
    char b[32];

    if (!x)
        return;
    for (int j = 0; j < n; j++)
        if (x[j] != 0)
            nonzero++;
    /* One pass to size the name column over what will be shown. */
    for (int j = 0, k = 0; j < n; j++) {
        int len;
        if (!rep->show_all && (x[j] == 0 || k++ >= TEXT_MAX_VARS))
            continue;
        len = (int)strlen(po_model_var_name(model, j));
        if (len > width)
            width = len > TEXT_NAME_WIDTH ? TEXT_NAME_WIDTH : len;
    }
    if (rep->show_all)
        cli_buf_printf(out, "variables (all %d, %d nonzero):\n", n, nonzero);
    else
        cli_buf_printf(out, "variables (%d nonzero of %d):\n", nonzero, n);
    for (int j = 0; j < n; j++) {
        if (!rep->show_all && x[j] == 0)
            continue;
        if (!rep->show_all && shown == TEXT_MAX_VARS) {
            cli_buf_printf(out, "  ... %d more (--all lists every variable)\n",
                           nonzero - shown);
            break;
        }
        cli_buf_printf(out, "  %-*s  %s\n", width, po_model_var_name(model, j),
                       num(b, x[j]));
        shown++;
    }
}

void cli_text_report(cli_buf *out, const cli_report *rep,
                     const po_model *model, const po_result *result)
{
    int mip = po_result_is_mip(result);
    int nint = po_model_num_integer_vars(model);
    char b[32];

    cli_buf_printf(out, "file:        %s (%s)\n", rep->file,
                   po_format_name(rep->format));
    cli_buf_printf(out, "status:      %s\n",
                   po_outcome_name(po_result_outcome(result)));
    if (po_result_has_solution(result))
        cli_buf_printf(out, "objective:   %s\n",
                       num(b, po_result_objective(result)));
    else
        cli_buf_printf(out, "objective:   none (no solution)\n");
    if (mip) {
        double bound = po_result_best_bound(result), gap = po_result_gap(result);
        cli_buf_printf(out, "best bound:  %s\n", num(b, bound));
        if (!isnan(gap))
            cli_buf_printf(out, "gap:         %.4g%%\n", 100 * gap);
    }
    cli_buf_printf(out, "model:       %s, %s, %d rows, %d columns", mip ? "MIP" : "LP",
                   po_model_sense(model) == PO_MAXIMIZE ? "maximize" : "minimize",
                   po_model_num_constrs(model), po_model_num_vars(model));
    if (nint > 0)
        cli_buf_printf(out, " (%d integer)", nint);
    cli_buf_printf(out, ", %ld nonzeros\n", po_model_num_nonzeros(model));
    cli_buf_printf(out, "solve:       %.3f s, %ld iterations", po_result_time(result),
                   po_result_iterations(result));
    if (mip)
        cli_buf_printf(out, ", %ld nodes", po_result_nodes(result));
    cli_buf_printf(out, "\n");
    list_variables(out, rep, model, result);
}
