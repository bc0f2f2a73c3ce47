/*
 * process_cmd.c -- `procopt solve MODEL.json`: process models.
 *
 * solve_cmd.c hands every process model (a .json file, or --format json)
 * here with the parsed options; the plan is reported with the helpers of
 * cli.h (cli_json_dump, cli_emit, cli_outcome_exit) so that exit statuses,
 * --json, -o and --quiet mean the same as for LP/MIP files.  The process
 * layer's API is not in include/procopt.h yet: until it is, this says so.
 */
#include "cli.h"

int cli_solve_process(const cli_solve_opts *opts)
{
    cli_error("%s: process models (.json) are not supported by this build yet",
              opts->file);
    return CLI_EXIT_ERROR;
}
