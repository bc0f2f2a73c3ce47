/*
 * cli.h -- declarations shared by the files of the procopt command.
 *
 * The command is a pure client of the library: it includes only the public
 * header (as lua.c and SQLite's shell do), plus jansson for JSON and libc.
 */
#ifndef PO_CLI_H
#define PO_CLI_H

#include <stdio.h>

#include <jansson.h>

#include "procopt.h"

/* Exit statuses (documented in docs/cli.md and docs/procopt.1). */
enum {
    CLI_EXIT_OPTIMAL = 0,
    CLI_EXIT_ERROR = 1,      /* bad input, I/O error, solver or internal error */
    CLI_EXIT_USAGE = 2,      /* bad command line */
    CLI_EXIT_INFEASIBLE = 3, /* also "infeasible_or_unbounded" */
    CLI_EXIT_UNBOUNDED = 4,
    CLI_EXIT_LIMIT = 5       /* stopped at a time/iteration limit, or feasible only */
};

#define CLI_PROG "procopt"

/* ---- diagnostics (cli_util.c) ------------------------------------- */

/* "procopt: MESSAGE" on one line of stderr (newlines in the message are
 * turned into spaces so the one-line promise holds). */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* A usage error for subcommand `cmd` (NULL: the top level): the message,
 * then a hint to --help.  Returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* A usage error for an option getopt_long rejected ("unknown option",
 * "missing value for option"), naming it as the user wrote it. */
int cli_bad_option(const char *cmd, char **argv, const char *what);
/* The one operand left after getopt_long (argv[optind]) into *operand;
 * `name` is its name in the usage ("FILE", "MODEL").  0, or a usage error
 * (CLI_EXIT_USAGE) when there is none or more than one. */
int cli_one_operand(const char *cmd, const char *name, int argc, char **argv,
                    const char **operand);
/* Report a library failure about `path`.  The library's messages for file
 * errors already start with "PATH:" (or "PATH:LINE:"); others get "PATH: "
 * put in front.  `shown` is the name to print instead of `path` (used for
 * standard input, read through a temporary file); NULL means `path`. */
void cli_lib_error(const char *path, const char *shown, const char *msg);

/* ---- strict numbers (cli_util.c) ---------------------------------- */

/* A finite number >= 0 with nothing after it; 0 on success, -1 if not. */
int cli_parse_nonneg(const char *text, double *value);
/* A decimal integer >= 0 that fits a long; 0 on success, -1 if not. */
int cli_parse_count(const char *text, long *value);

/* ---- files (cli_util.c) ------------------------------------------- */

/* A private temporary directory, created on first use and removed, with
 * everything the command put into it, by cli_tmp_cleanup(). */
typedef struct cli_tmp {
    char dir[64]; /* "" until created */
    char *files[4];
    int nfiles;
} cli_tmp;

/* Copy standard input to a new file named `name` in the temporary
 * directory; *path receives its path (owned by tmp).  0 on success, -1 after
 * printing a message. */
int cli_stdin_to_file(cli_tmp *tmp, const char *name, const char **path);
/* A fresh path `name` inside the temporary directory (owned by tmp), or NULL
 * after printing a message. */
const char *cli_tmp_path(cli_tmp *tmp, const char *name);
void cli_tmp_cleanup(cli_tmp *tmp);

/* Write `len` bytes to `path`: "-" is standard output; any other path is
 * written whole or not at all (a temporary file in the same directory,
 * renamed into place).  0 on success, -1 after printing a message. */
int cli_write_output(const char *path, const char *data, size_t len);
/* Copy the file at `src` to standard output; 0 or -1 after a message. */
int cli_cat_to_stdout(const char *src);

/* ---- LP/MIP output files (lp_output.c) ---------------------------- */

/* The format `convert` and `export` write OUT in: --to (`to_name`, NULL
 * when not given), else OUT's extension, .mps meaning free MPS.  0, or a
 * usage error (CLI_EXIT_USAGE) when it is not mps, freemps or lp. */
int cli_output_format(const char *cmd, const char *to_name, const char *out,
                      po_format *fmt);
/* A path in `tmp` for a file of format `fmt` ("out.lp" or "out.mps"), for
 * output that cannot be written in place; NULL after a message. */
const char *cli_tmp_out_path(cli_tmp *tmp, po_format fmt);

/* ---- growing text buffer (cli_util.c) ----------------------------- */

typedef struct cli_buf {
    char *data;
    size_t len, cap;
    int failed; /* out of memory at some point: contents incomplete */
} cli_buf;

void cli_buf_printf(cli_buf *buf, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void cli_buf_append(cli_buf *buf, const char *text, size_t len);
void cli_buf_free(cli_buf *buf);

/* The shortest "%.*g" text (15 to 17 digits) that reads back as the same
 * double: the output round-trips without showing 0.1 as 0.10000000000000001.
 * Non-finite values give "nan", "inf", "-inf". */
void cli_format_double(char out[32], double value);

/* ---- solve reports (json_out.c, text_out.c) ----------------------- */

/* What a report needs besides the model and result. */
typedef struct cli_report {
    const char *file;     /* as given on the command line ("-" for stdin) */
    const char *data;     /* MathProg data file or NULL */
    po_format format;     /* the format actually read */
    int show_all;         /* text: list every variable, zeros included */
} cli_report;

/* JSON helpers (json_out.c), also for the process layer's reports.
 * cli_json_dump writes `value` indented, reals as the shortest text that
 * round-trips, then a newline.  cli_json_num maps NaN/Inf to null.
 * cli_json_str and cli_json_set replace bytes that are not UTF-8 (names in
 * MPS/LP files are bytes) by U+FFFD; cli_json_set steals `value` and
 * returns 0, or -1 when out of memory (value NULL counts as that). */
void cli_json_dump(cli_buf *out, const json_t *value);
char *cli_utf8_clean(const char *s);
json_t *cli_json_num(double v);
json_t *cli_json_str(const char *s);
int cli_json_set(json_t *obj, const char *key, json_t *value);
/* Add the size and effort keys both reports share ("rows", "cols",
 * "nonzeros", "integer_vars", "iterations", "nodes", "time_s"); 0, or -1
 * when out of memory. */
int cli_json_solver_stats(json_t *obj, const po_model *model,
                          const po_result *result);

/* Append the JSON report (one object, then a newline) to `out`. */
void cli_json_report(cli_buf *out, const cli_report *rep,
                     const po_model *model, const po_result *result);
/* Append the human summary to `out`. */
void cli_text_report(cli_buf *out, const cli_report *rep,
                     const po_model *model, const po_result *result);

/* ---- subcommands -------------------------------------------------- */

/* Each takes the arguments after the subcommand name: argv[0] is the
 * subcommand itself.  The return value is the exit status. */
int cli_cmd_solve(int argc, char **argv);
int cli_cmd_convert(int argc, char **argv);

/* Process models (.json): the process layer's entry for `solve`.  Returns
 * an exit status.  (cli/process_cmd.c) */
typedef struct cli_solve_opts cli_solve_opts;
int cli_solve_process(const cli_solve_opts *opts);

/* The options of `procopt solve`, shared with the process entry so a
 * process model is solved with the same options and reported the same
 * way. */
struct cli_solve_opts {
    const char *file;      /* as given ("-" = standard input) */
    const char *read_path; /* the path actually read (a temp copy for "-") */
    const char *data;      /* --data, as given, or NULL */
    const char *data_path; /* --data actually read */
    po_format format;      /* resolved: never PO_FORMAT_AUTO */
    int format_given;      /* by --format; else from the extension, and the
                              library chooses between free and fixed MPS */
    po_options solver;
    int json, quiet, show_all, log;
    int limits;            /* process models: 1 --limits, 0 --no-limits,
                              -1 by size (CLI_LIMITS_AUTO_NONZEROS) */
    const char *output;    /* -o FILE, or NULL for standard output */
};

/* `procopt solve MODEL.json` reports what limits the plan (shadow prices
 * and their ranges, cost ranges) by default only up to this many nonzeros
 * of the compiled model: ranging costs a simplex-table row or column per
 * variable and row, and switches procopt's presolve off.  Measured on the
 * generated supply chain (docs/benchmarks.md, "Process models"): 9.5k
 * nonzeros 0.26 s with ranging against 0.05 s without; 98k nonzeros over
 * 120 CPU-s against 0.40 s. */
#define CLI_LIMITS_AUTO_NONZEROS 20000L

/* ---- process models (process_cmd.c, plan_out.c, export_cmd.c) ---- */

/* Every error the process layer collected on `process`, one line each as
 * "procopt: SHOWN:LINE:COL: message" (messages without a position as by
 * cli_lib_error), then "... and N more errors" when some were dropped.
 * path: the file read; shown: its name for the user (NULL: path). */
void cli_process_errors(const po_process *process, const char *path,
                        const char *shown);

/* What a process report needs: the plan, and the process for its name and
 * currency. */
typedef struct cli_plan_report {
    const char *file;           /* as given ("-" for standard input) */
    const po_process *process;
    const po_plan *plan;
    int show_all;               /* text: all-zero rows too, no row limit */
} cli_plan_report;

/* Append the JSON report of a process plan (one object and a newline), or
 * the human summary with its plan tables.  Out of memory sets out->failed. */
void cli_plan_json(cli_buf *out, const cli_plan_report *rep);
/* cli_plan_json's object, for reports that add keys to it (NULL when out of
 * memory; the caller json_decref's it). */
json_t *cli_plan_json_object(const cli_plan_report *rep);
void cli_plan_text(cli_buf *out, const cli_plan_report *rep);

/* The analysis figures of a process report (savings_out.c): any of them
 * may be NULL (no baseline; no sensitivity figures; a feasible model). */
typedef struct cli_analysis {
    const po_savings *savings;
    const po_limits *limits;
    const po_conflict *conflict;
    int top;                    /* plan-diff entries listed; <= 0: all */
    long limits_skipped;        /* > 0: limits not computed for a model of
                                   this many nonzeros (say so) */
} cli_analysis;

/* Add "baseline", "savings", "limits", "conflict" to a report object
 * (0, or -1 when out of memory); cli_analysis_add_json writes the plan's
 * JSON report (cli_plan_json) with them added.  cli_analysis_text appends
 * the text blocks that follow cli_plan_text's summary. */
int cli_analysis_json(json_t *report, const cli_analysis *a);
void cli_analysis_add_json(cli_buf *out, const cli_plan_report *rep,
                           const cli_analysis *a);
void cli_analysis_text(cli_buf *out, const cli_analysis *a,
                       const char *currency);

/* `procopt export`: compile a process model and write its LP/MIP. */
int cli_cmd_export(int argc, char **argv);
/* `procopt assess`: savings under uncertainty and the MVP's economics
 * (assess_cmd.c). */
int cli_cmd_assess(int argc, char **argv);
/* Load the process model at in_path (shown to the user as `in`; "-" reads
 * standard input), compile it (the baseline-fixed model when `baseline`)
 * and write it to out_path in out_fmt.  Returns an exit status. */
int cli_export_process(const char *in, const char *in_path, int baseline,
                       const char *out, const char *out_path, po_format out_fmt);

/* The exit status for an outcome (see the enum above). */
int cli_outcome_exit(po_outcome outcome);
/* The log callback: GLPK's log text to stderr. */
void cli_log_to_stderr(void *user, const char *text);
/* Deliver a finished report: to opts->output or standard output, unless
 * --quiet.  0 on success, -1 after a message. */
int cli_emit(const cli_solve_opts *opts, const cli_buf *report);

#endif
