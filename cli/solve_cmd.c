/*
 * solve_cmd.c -- `procopt solve [options] FILE`: read an LP/MIP file (or
 * hand a process model to the process layer), solve it, report the result.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char solve_help[] =
    "Usage: procopt solve [OPTIONS] FILE\n"
    "Solve an LP/MIP model and report the result on standard output.\n"
    "\n"
    "FILE is an MPS (.mps, .mps.gz: free MPS, falling back to fixed), CPLEX LP\n"
    "(.lp, .lp.gz), GNU MathProg (.mod) or process model (.json) file; '-'\n"
    "reads standard input (then --format is required).\n"
    "\n"
    "Input:\n"
    "  -f, --format=FMT         mps, freemps, lp, gmpl or json (default: from\n"
    "                           the file name's extension)\n"
    "  -d, --data=FILE          GNU MathProg data file\n"
    "Solver:\n"
    "  -m, --method=METHOD      auto (default: primal simplex, dual if needed;\n"
    "                           interior point + crossover for large LPs with\n"
    "                           short columns), simplex (primal, dual if\n"
    "                           needed), primal, dual or interior\n"
    "  -t, --time-limit=SECONDS stop after this wall time (default 0: none)\n"
    "  -g, --gap=G              relative MIP gap to stop at (default 1e-6)\n"
    "      --iteration-limit=N  stop after N simplex iterations (default 0: none)\n"
    "      --no-presolve        do not use GLPK's presolver\n"
    "      --no-cuts            no cutting planes in branch-and-cut\n"
    "      --log                GLPK's log on standard error\n"
    "Output:\n"
    "  -j, --json               one JSON object (see docs/cli.md for its fields)\n"
    "  -a, --all                text: list every variable, not only the first\n"
    "                           nonzero ones\n"
    "      --limits             process models: always report what limits the\n"
    "                           plan (shadow prices, ranges); by default only up\n"
    "                           to 20000 nonzeros, as ranging is slow beyond\n"
    "      --no-limits          process models: never report it\n"
    "  -o, --output=FILE        write the report to FILE (whole or not at all)\n"
    "                           instead of standard output\n"
    "  -q, --quiet              no report on standard output; only the exit status\n"
    "  -h, --help               this help\n"
    "\n"
    "Exit status: 0 optimal, 1 bad input or error, 2 usage error, 3 infeasible\n"
    "(or infeasible or unbounded), 4 unbounded, 5 stopped at a limit (time,\n"
    "iterations; also a MIP solution not proven optimal).\n";

enum {
    OPT_NO_PRESOLVE = 256,
    OPT_NO_CUTS,
    OPT_ITER_LIMIT,
    OPT_LOG,
    OPT_LIMITS,
    OPT_NO_LIMITS
};

static const struct option solve_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"data", required_argument, NULL, 'd'},
    {"method", required_argument, NULL, 'm'},
    {"time-limit", required_argument, NULL, 't'},
    {"gap", required_argument, NULL, 'g'},
    {"iteration-limit", required_argument, NULL, OPT_ITER_LIMIT},
    {"no-presolve", no_argument, NULL, OPT_NO_PRESOLVE},
    {"no-cuts", no_argument, NULL, OPT_NO_CUTS},
    {"log", no_argument, NULL, OPT_LOG},
    {"json", no_argument, NULL, 'j'},
    {"all", no_argument, NULL, 'a'},
    {"limits", no_argument, NULL, OPT_LIMITS},
    {"no-limits", no_argument, NULL, OPT_NO_LIMITS},
    {"output", required_argument, NULL, 'o'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

int cli_outcome_exit(po_outcome outcome)
{
    switch (outcome) {
    case PO_OUTCOME_OPTIMAL:
        return CLI_EXIT_OPTIMAL;
    case PO_OUTCOME_INFEASIBLE:
    case PO_OUTCOME_INF_OR_UNBD:
        return CLI_EXIT_INFEASIBLE;
    case PO_OUTCOME_UNBOUNDED:
        return CLI_EXIT_UNBOUNDED;
    case PO_OUTCOME_FEASIBLE:
    case PO_OUTCOME_TIME_LIMIT:
    case PO_OUTCOME_ITERATION_LIMIT:
        return CLI_EXIT_LIMIT;
    case PO_OUTCOME_NUMERICAL:
        break;
    }
    return CLI_EXIT_ERROR;
}

void cli_log_to_stderr(void *user, const char *text)
{
    (void)user;
    fputs(text, stderr);
}

int cli_emit(const cli_solve_opts *opts, const cli_buf *report)
{
    if (report->failed) {
        cli_error("%s: out of memory while writing the report", opts->file);
        return -1;
    }
    if (opts->output)
        return cli_write_output(opts->output, report->data, report->len);
    if (opts->quiet)
        return 0;
    return cli_write_output("-", report->data, report->len);
}

static int parse_method(const char *text, po_method *method)
{
    static const struct { const char *name; po_method method; } names[] = {
        {"simplex", PO_METHOD_PRIMAL}, {"auto", PO_METHOD_AUTO},
        {"primal", PO_METHOD_PRIMAL}, {"dual", PO_METHOD_DUAL},
        {"interior", PO_METHOD_INTERIOR}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(text, names[i].name) == 0) {
            *method = names[i].method;
            return 0;
        }
    return -1;
}

/* Name of the temporary copy of standard input, so that GLPK, which reads
 * files by name, sees the format it expects. */
static const char *stdin_name(po_format format)
{
    switch (format) {
    case PO_FORMAT_LP:
        return "stdin.lp";
    case PO_FORMAT_GMPL:
        return "stdin.mod";
    case PO_FORMAT_JSON:
        return "stdin.json";
    default:
        return "stdin.mps";
    }
}

/* A read error names the file as the user gave it, "-" included. */
static void read_error(const cli_solve_opts *o, const char *msg)
{
    size_t n = o->data_path ? strlen(o->data_path) : 0;
    if (o->data_path && strncmp(msg, o->data_path, n) == 0 && msg[n] == ':')
        cli_lib_error(o->data_path, o->data, msg);
    else
        cli_lib_error(o->read_path, o->file, msg);
}

static int solve_model(const cli_solve_opts *o)
{
    po_model *model = po_model_new();
    po_result *result = NULL;
    cli_buf out = {0};
    cli_report rep;
    po_status st;
    int rc;

    if (!model) {
        cli_error("%s: out of memory", o->file);
        return CLI_EXIT_ERROR;
    }
    st = po_model_read(model, o->read_path,
                       o->format_given ? o->format : PO_FORMAT_AUTO, o->data_path);
    if (st != PO_OK) {
        read_error(o, po_model_errmsg(model));
        po_model_free(model);
        return CLI_EXIT_ERROR;
    }
    st = po_solve(model, &o->solver, &result);
    if (st != PO_OK) {
        cli_lib_error(o->read_path, o->file, po_model_errmsg(model));
        po_model_free(model);
        return CLI_EXIT_ERROR;
    }

    rep.file = o->file;
    rep.data = o->data;
    rep.format = o->format;
    rep.show_all = o->show_all;
    if (o->json)
        cli_json_report(&out, &rep, model, result);
    else
        cli_text_report(&out, &rep, model, result);

    rc = cli_outcome_exit(po_result_outcome(result));
    if (cli_emit(o, &out) != 0)
        rc = CLI_EXIT_ERROR;
    else if (po_result_outcome(result) == PO_OUTCOME_NUMERICAL)
        cli_error("%s: the solver stopped on a numerical failure", o->file);

    cli_buf_free(&out);
    po_result_free(result);
    po_model_free(model);
    return rc;
}

int cli_cmd_solve(int argc, char **argv)
{
    cli_solve_opts o;
    cli_tmp tmp = {0};
    const char *format_name = NULL;
    int c, rc;

    memset(&o, 0, sizeof o);
    po_options_init(&o.solver);
    o.limits = -1;

    opterr = 0; /* our own messages, naming the subcommand */
    optind = 1;
    while ((c = getopt_long(argc, argv, ":f:d:m:t:g:o:jaqh", solve_options,
                            NULL)) != -1) {
        switch (c) {
        case 'f':
            format_name = optarg;
            break;
        case 'd':
            o.data = optarg;
            break;
        case 'm':
            if (parse_method(optarg, &o.solver.method) != 0)
                return cli_usage_error("solve", "unknown method '%s' (simplex, "
                                       "primal, dual or interior)", optarg);
            break;
        case 't':
            if (cli_parse_nonneg(optarg, &o.solver.time_limit) != 0)
                return cli_usage_error("solve", "--time-limit: '%s' is not a "
                                       "number of seconds >= 0", optarg);
            break;
        case 'g':
            if (cli_parse_nonneg(optarg, &o.solver.mip_gap) != 0)
                return cli_usage_error("solve", "--gap: '%s' is not a number "
                                       ">= 0", optarg);
            break;
        case OPT_ITER_LIMIT:
            if (cli_parse_count(optarg, &o.solver.iteration_limit) != 0)
                return cli_usage_error("solve", "--iteration-limit: '%s' is not "
                                       "an integer >= 0", optarg);
            break;
        case OPT_NO_PRESOLVE:
            o.solver.presolve = 0;
            break;
        case OPT_NO_CUTS:
            o.solver.mip_cuts = 0;
            break;
        case OPT_LOG:
            o.log = 1;
            break;
        case 'j':
            o.json = 1;
            break;
        case 'a':
            o.show_all = 1;
            break;
        case OPT_LIMITS:
            o.limits = 1;
            break;
        case OPT_NO_LIMITS:
            o.limits = 0;
            break;
        case 'o':
            o.output = optarg;
            break;
        case 'q':
            o.quiet = 1;
            break;
        case 'h':
            fputs(solve_help, stdout);
            return fflush(stdout) == 0 ? 0 : CLI_EXIT_ERROR;
        case ':':
            return cli_bad_option("solve", argv, "missing value for option");
        default:
            return cli_bad_option("solve", argv, "unknown option");
        }
    }
    if ((rc = cli_one_operand("solve", "FILE", argc, argv, &o.file)) != 0)
        return rc;
    if (o.log) {
        o.solver.log = cli_log_to_stderr;
        o.solver.log_user = NULL;
    }

    if (format_name) {
        if (po_format_parse(format_name, &o.format) != PO_OK)
            return cli_usage_error("solve", "unknown format '%s' (mps, freemps, "
                                   "lp, gmpl or json)", format_name);
        o.format_given = o.format != PO_FORMAT_AUTO;
    }
    if (o.format == PO_FORMAT_AUTO) {
        if (strcmp(o.file, "-") == 0)
            return cli_usage_error("solve", "reading standard input needs "
                                   "--format");
        o.format = po_format_from_path(o.file);
        if (o.format == PO_FORMAT_AUTO)
            return cli_usage_error("solve", "%s: cannot tell the format from "
                                   "the file name; use --format", o.file);
    }
    if (o.data && o.format != PO_FORMAT_GMPL)
        return cli_usage_error("solve", "--data is for GNU MathProg models only");
    if (o.data && strcmp(o.data, "-") == 0 && strcmp(o.file, "-") == 0)
        return cli_usage_error("solve", "standard input can be FILE or --data, "
                               "not both");

    /* GLPK reads files by name: standard input goes through a copy. */
    o.read_path = o.file;
    o.data_path = o.data;
    rc = 0;
    if (strcmp(o.file, "-") == 0)
        rc = cli_stdin_to_file(&tmp, stdin_name(o.format), &o.read_path);
    else if (o.data && strcmp(o.data, "-") == 0)
        rc = cli_stdin_to_file(&tmp, "stdin.dat", &o.data_path);
    if (rc != 0) {
        cli_tmp_cleanup(&tmp);
        return CLI_EXIT_ERROR;
    }

    if (o.format == PO_FORMAT_JSON)
        rc = cli_solve_process(&o);
    else
        rc = solve_model(&o);
    cli_tmp_cleanup(&tmp);
    return rc;
}
