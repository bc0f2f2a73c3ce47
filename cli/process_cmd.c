/*
 * process_cmd.c -- `procopt solve MODEL.json`: process models.
 *
 * solve_cmd.c hands every process model (a .json file, or --format json)
 * here with the parsed options; the plan is reported by plan_out.c and
 * delivered with the helpers of cli.h (cli_emit, cli_outcome_exit), so exit
 * statuses, --json, -o and --quiet mean the same as for LP/MIP files.
 */
#include <string.h>

#include "cli.h"

void cli_process_errors(const po_process *p, const char *path,
                        const char *shown)
{
    int n = po_process_num_errors(p);
    int dropped = po_process_num_dropped_errors(p);

    if (!shown)
        shown = path;
    if (n == 0) {
        const char *msg = po_process_errmsg(p);
        cli_lib_error(path, shown,
                      msg && *msg ? msg : po_strerror(po_process_errcode(p)));
        return;
    }
    /* The process layer collects every error of a file: an analyst fixes
     * them in one pass instead of one run per typo. */
    for (int k = 0; k < n; k++) {
        int line = po_process_error_line(p, k);
        const char *msg = po_process_error_message(p, k);
        if (line > 0)
            cli_error("%s:%d:%d: %s", shown, line,
                      po_process_error_column(p, k), msg);
        else
            cli_lib_error(path, shown, msg);
    }
    if (dropped > 0)
        cli_error("%s: ... and %d more error%s", shown, dropped,
                  dropped == 1 ? "" : "s");
}

/* Topmost plan-diff entries shown (text and JSON). */
#define CHANGES_SHOWN 10

static int is_infeasible(po_outcome o)
{
    return o == PO_OUTCOME_INFEASIBLE || o == PO_OUTCOME_INF_OR_UNBD;
}

int cli_solve_process(const cli_solve_opts *o)
{
    po_process *p = po_process_new();
    po_plan *own_plan = NULL;
    const po_plan *plan;
    po_savings *sv = NULL;
    po_limits *lim = NULL;
    po_conflict *cf = NULL;
    po_options opts;
    cli_buf out = {0};
    cli_plan_report rep;
    cli_analysis an;
    po_status st;
    int rc;

    if (!p) {
        cli_error("%s: out of memory", o->file);
        return CLI_EXIT_ERROR;
    }
    if (po_process_load_file(p, o->read_path) != PO_OK) {
        cli_process_errors(p, o->read_path, o->file);
        po_process_free(p);
        return CLI_EXIT_ERROR;
    }
    /* Sensitivity on, so the plan's own solve gives what limits it; with a
     * baseline the savings' optimized plan is the reported one: nothing is
     * solved twice.  By default only on models small enough for ranging to
     * be cheap (CLI_LIMITS_AUTO_NONZEROS). */
    long skipped = 0;
    opts = o->solver;
    if (o->limits < 0) {
        po_model *m = NULL;
        if (po_process_compile(p, &m) != PO_OK) {
            cli_process_errors(p, o->read_path, o->file);
            po_process_free(p);
            return CLI_EXIT_ERROR;
        }
        if (po_model_num_nonzeros(m) > CLI_LIMITS_AUTO_NONZEROS)
            skipped = po_model_num_nonzeros(m);
        po_model_free(m);
    }
    int want_limits = o->limits > 0 || (o->limits < 0 && skipped == 0);
    opts.sensitivity = want_limits;
    if (po_process_has_baseline(p))
        st = po_process_savings(p, &opts, &sv);
    else
        st = po_process_solve(p, &opts, &own_plan);
    if (st != PO_OK) {
        cli_process_errors(p, o->read_path, o->file);
        po_process_free(p);
        return CLI_EXIT_ERROR;
    }
    plan = sv ? po_savings_optimized_plan(sv) : own_plan;

    if (want_limits && po_plan_has_solution(plan) &&
        po_plan_outcome(plan) == PO_OUTCOME_OPTIMAL) {
        st = po_plan_limits(p, plan, &lim);
        if (st == PO_ENOMEM) {
            cli_error("%s: out of memory", o->file);
            rc = CLI_EXIT_ERROR;
            goto done;
        }
        if (st != PO_OK) /* no sensitivity figures: report without them */
            lim = NULL;
    }
    if (is_infeasible(po_plan_outcome(plan))) {
        if (po_process_conflict(p, &o->solver, &cf) != PO_OK) {
            cli_process_errors(p, o->read_path, o->file);
            rc = CLI_EXIT_ERROR;
            goto done;
        }
    }

    rep.file = o->file;
    rep.process = p;
    rep.plan = plan;
    rep.show_all = o->show_all;
    an.savings = sv;
    an.limits = lim;
    an.conflict = cf;
    an.top = o->show_all ? 0 : CHANGES_SHOWN;
    an.limits_skipped = skipped;
    if (o->json) {
        cli_analysis_add_json(&out, &rep, &an);
    } else {
        cli_plan_text(&out, &rep);
        cli_analysis_text(&out, &an, po_process_currency(p));
    }

    rc = cli_outcome_exit(po_plan_outcome(plan));
    if (cli_emit(o, &out) != 0)
        rc = CLI_EXIT_ERROR;
    else if (po_plan_outcome(plan) == PO_OUTCOME_NUMERICAL)
        cli_error("%s: the solver stopped on a numerical failure", o->file);

done:
    cli_buf_free(&out);
    po_conflict_free(cf);
    po_limits_free(lim);
    po_savings_free(sv);
    po_plan_free(own_plan);
    po_process_free(p);
    return rc;
}
