/*
 * assess_cmd.c -- `procopt assess MODEL.json`: the savings of a process
 * model under its "uncertainty" block, and the MVP's economics.
 *
 * The nominal plan is solved and reported exactly as `procopt solve` does
 * (cli_plan_json / the text headline), so `assess --json` is `solve --json`
 * plus the "scenarios" and "mvp" objects; the scenarios themselves come
 * from po_process_scenarios_run.
 */
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

static const char assess_help[] =
    "Usage: procopt assess [OPTIONS] MODEL\n"
    "Savings of a process model (.json) under uncertainty, and the MVP's\n"
    "economics.\n"
    "\n"
    "Solves the model and its baseline, then draws the model's \"uncertainty\"\n"
    "block: in each scenario the plan is re-optimized with that scenario's\n"
    "data and the baseline re-settled with its activity levels still fixed.\n"
    "Reports the quantiles of the savings per year (per horizon without\n"
    "horizons_per_year), the shares of scenarios in which the optimized plan\n"
    "and the baseline are infeasible, and from the \"mvp\" block the payback,\n"
    "the return over its years and the probability that the savings cover\n"
    "the MVP's costs.  MODEL '-' reads standard input.\n"
    "\n"
    "  -n, --scenarios=N        how many scenarios (default: the model's\n"
    "                           \"scenarios\"; needed when it has none)\n"
    "  -s, --seed=S             seed, 0 to 4294967295 (default: the model's)\n"
    "  -T, --threads=N          worker threads (default: the processors online);\n"
    "                           the results do not depend on it\n"
    "      --cold               solve every scenario from scratch instead of\n"
    "                           from the nominal optimal basis (for timing)\n"
    "  -t, --time-limit=SECONDS per solve (default 0: none; a limit that stops\n"
    "                           solves makes results depend on timing)\n"
    "  -g, --gap=G              relative MIP gap (default 1e-6)\n"
    "  -j, --json               one JSON object: the fields of `procopt solve\n"
    "                           --json` plus \"scenarios\" and \"mvp\"\n"
    "  -o, --output=FILE        write the report to FILE (whole or not at all)\n"
    "  -q, --quiet              no report on standard output\n"
    "  -h, --help               this help\n"
    "\n"
    "A progress line goes to standard error when it is a terminal and the\n"
    "work lasts over a second.\n"
    "\n"
    "Exit status: as `procopt solve` for the nominal model: 0 optimal, 1 bad\n"
    "input or error, 2 usage error, 3 infeasible, 4 unbounded, 5 limit.\n";

enum { OPT_COLD = 256 };

static const struct option assess_options[] = {
    {"scenarios", required_argument, NULL, 'n'},
    {"seed", required_argument, NULL, 's'},
    {"threads", required_argument, NULL, 'T'},
    {"cold", no_argument, NULL, OPT_COLD},
    {"time-limit", required_argument, NULL, 't'},
    {"gap", required_argument, NULL, 'g'},
    {"json", no_argument, NULL, 'j'},
    {"output", required_argument, NULL, 'o'},
    {"quiet", no_argument, NULL, 'q'},
    {"help", no_argument, NULL, 'h'},
    {NULL, 0, NULL, 0}};

#define MAX_SCENARIOS 100000000L
#define MAX_SEED 4294967295.0

/* ------------------------------------------------------------------ */
/* Progress                                                           */
/* ------------------------------------------------------------------ */

typedef struct progress {
    double start, last;
    int shown; /* a line is on the terminal */
} progress;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Called by the library from its worker threads, never two at a time. */
static void on_progress(void *user, long done, long total)
{
    progress *pr = user;
    double t = now_s();
    if (t - pr->start < 1.0 || (t - pr->last < 0.1 && done < total))
        return;
    pr->last = t;
    pr->shown = 1;
    fprintf(stderr, "\r%s: %ld of %ld scenarios (%.0f%%), %.0f s", CLI_PROG,
            done, total, 100.0 * (double)done / (double)total, t - pr->start);
    fflush(stderr);
}

static void progress_end(progress *pr)
{
    if (pr->shown)
        fputs("\r\033[K", stderr);
    fflush(stderr);
}

/* ------------------------------------------------------------------ */
/* JSON                                                               */
/* ------------------------------------------------------------------ */

static int set_num(json_t *o, const char *key, double v)
{
    return cli_json_set(o, key, cli_json_num(v));
}

static json_t *summary_object(const po_scenarios *sc, po_scenario_series s)
{
    po_scenario_summary m;
    json_t *o = json_object();
    if (!o || po_scenarios_summary(sc, s, &m) != PO_OK) {
        json_decref(o);
        return NULL;
    }
    if (set_num(o, "nominal", po_scenarios_nominal(sc, s)) ||
        cli_json_set(o, "valid", json_integer(m.valid)) ||
        set_num(o, "p5", m.p5) || set_num(o, "p50", m.p50) ||
        set_num(o, "p95", m.p95) || set_num(o, "mean", m.mean) ||
        set_num(o, "sd", m.sd) || set_num(o, "min", m.min) ||
        set_num(o, "max", m.max)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *scenarios_object(const po_scenarios *sc)
{
    po_scenario_summary m;
    json_t *o = json_object();
    double t = po_scenarios_time(sc);
    int bad = !o || po_scenarios_summary(sc, PO_SCENARIO_SAVINGS, &m) != PO_OK;
    if (bad) {
        json_decref(o);
        return NULL;
    }
    bad |= cli_json_set(o, "count", json_integer(po_scenarios_count(sc)));
    bad |= cli_json_set(o, "seed", json_integer((json_int_t)po_scenarios_seed(sc)));
    bad |= cli_json_set(o, "per", json_string(po_scenarios_per_year(sc) ? "year"
                                                                          : "horizon"));
    bad |= set_num(o, "nominal", po_scenarios_nominal(sc, PO_SCENARIO_SAVINGS));
    bad |= cli_json_set(o, "valid", json_integer(m.valid));
    bad |= set_num(o, "p5", m.p5);
    bad |= set_num(o, "p50", m.p50);
    bad |= set_num(o, "p95", m.p95);
    bad |= set_num(o, "mean", m.mean);
    bad |= set_num(o, "sd", m.sd);
    bad |= set_num(o, "min", m.min);
    bad |= set_num(o, "max", m.max);
    bad |= set_num(o, "infeasible_optimized", po_scenarios_infeasible_share(sc, 0));
    bad |= set_num(o, "infeasible_baseline", po_scenarios_infeasible_share(sc, 1));
    bad |= cli_json_set(o, "unsolved_optimized",
                        json_integer(po_scenarios_unsolved_count(sc, 0)));
    bad |= cli_json_set(o, "unsolved_baseline",
                        json_integer(po_scenarios_unsolved_count(sc, 1)));
    bad |= cli_json_set(o, "optimized_total_cost",
                        summary_object(sc, PO_SCENARIO_OPTIMIZED_COST));
    bad |= cli_json_set(o, "baseline_total_cost",
                        po_scenarios_has_baseline(sc)
                            ? summary_object(sc, PO_SCENARIO_BASELINE_COST)
                            : json_null());
    bad |= cli_json_set(o, "cost_only", json_boolean(po_scenarios_cost_only(sc)));
    bad |= cli_json_set(o, "fixed_plan_savings",
                        po_scenarios_cost_only(sc) && po_scenarios_has_baseline(sc)
                            ? summary_object(sc, PO_SCENARIO_FIXED_SAVINGS)
                            : json_null());
    bad |= cli_json_set(o, "threads", json_integer(po_scenarios_threads(sc)));
    bad |= cli_json_set(o, "solves", json_integer(po_scenarios_solves(sc)));
    bad |= cli_json_set(o, "warm_solves", json_integer(po_scenarios_warm_solves(sc)));
    bad |= cli_json_set(o, "iterations", json_integer(po_scenarios_iterations(sc)));
    bad |= set_num(o, "time_s", t);
    bad |= set_num(o, "scenarios_per_s",
                   t > 0 ? (double)po_scenarios_count(sc) / t : NAN);
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *mvp_object(const po_process *p, const po_scenarios *sc)
{
    double b, r, y;
    json_t *o;
    if (!po_process_mvp(p, &b, &r, &y))
        return json_null();
    o = json_object();
    if (!o || set_num(o, "build_cost", b) || set_num(o, "run_cost_per_year", r) ||
        set_num(o, "years", y) ||
        set_num(o, "payback_months", po_scenarios_payback_months(sc)) ||
        set_num(o, "roi", po_scenarios_roi(sc)) ||
        set_num(o, "p_cover", po_scenarios_p_cover(sc))) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The nominal baseline and savings, for reports whose plan part does not
 * carry them yet (same definitions: docs/savings.md). */
static int add_savings(json_t *o, const po_scenarios *sc, const po_process *p)
{
    double base = po_scenarios_nominal(sc, PO_SCENARIO_BASELINE_COST);
    double opt = po_scenarios_nominal(sc, PO_SCENARIO_OPTIMIZED_COST);
    double hpy = po_process_horizons_per_year(p);
    json_t *b, *s;
    if (!po_scenarios_has_baseline(sc))
        return 0;
    if (!json_object_get(o, "baseline")) {
        b = json_object();
        if (!b || cli_json_set(b, "status", json_string(po_outcome_name(
                                  (po_outcome)po_scenarios_nominal_outcome(sc, 1)))) ||
            set_num(b, "total_cost", base) || cli_json_set(o, "baseline", b))
            return -1;
    }
    if (!json_object_get(o, "savings")) {
        double per = base - opt;
        s = json_object();
        if (!s || set_num(s, "per_horizon", per) ||
            cli_json_set(s, "per_year", hpy > 0 ? cli_json_num(per * hpy) : json_null()) ||
            set_num(s, "relative", base != 0 ? per / fabs(base) : NAN) ||
            cli_json_set(o, "savings", s))
            return -1;
    }
    return 0;
}

static void json_report(cli_buf *out, const cli_plan_report *rep,
                        const po_scenarios *sc)
{
    /* The solve report as `procopt solve --json` writes it, then ours. */
    json_t *o = cli_plan_json_object(rep);
    if (!o || add_savings(o, sc, rep->process) ||
        cli_json_set(o, "scenarios", scenarios_object(sc)) ||
        cli_json_set(o, "mvp", mvp_object(rep->process, sc)))
        out->failed = 1;
    else
        cli_json_dump(out, o);
    json_decref(o);
}

/* ------------------------------------------------------------------ */
/* Text                                                               */
/* ------------------------------------------------------------------ */

static const char *money(char buf[64], double v)
{
    if (isnan(v))
        return "n/a";
    snprintf(buf, 64, "%.2f", v);
    if (strcmp(buf, "-0.00") == 0)
        strcpy(buf, "0.00");
    return buf;
}

/* One decimal, but never rounded to 0 % or 100 % when it is not. */
static const char *percent(char buf[64], double share)
{
    if (isnan(share))
        return "n/a";
    if (share > 0 && share < 0.0005)
        snprintf(buf, 64, "< 0.1 %%");
    else if (share < 1 && share > 0.9995)
        snprintf(buf, 64, "> 99.9 %%");
    else
        snprintf(buf, 64, "%.1f %%", 100 * share);
    return buf;
}

static void text_report(cli_buf *out, const cli_plan_report *rep,
                        const po_scenarios *sc)
{
    const po_process *p = rep->process;
    const po_plan *plan = rep->plan;
    const char *cur = po_process_currency(p);
    const char *name = po_process_name(p);
    const char *unit = po_scenarios_per_year(sc) ? "per year" : "per horizon";
    int margin = po_plan_objective_kind(plan) == PO_OBJECTIVE_MAX_MARGIN;
    double base = po_scenarios_nominal(sc, PO_SCENARIO_BASELINE_COST);
    double hpy = po_process_horizons_per_year(p);
    double build, run, years;
    po_scenario_summary m;
    char b1[64], b2[64], b3[64], b4[64];
    const char *sp;

    if (!cur)
        cur = "";
    sp = *cur ? " " : "";
    po_scenarios_summary(sc, PO_SCENARIO_SAVINGS, &m);
    cli_buf_printf(out, "file:        %s (process model)\n", rep->file);
    if (name && *name)
        cli_buf_printf(out, "model:       %s\n", name);
    cli_buf_printf(out, "status:      %s\n", po_outcome_name(po_plan_outcome(plan)));
    if (po_plan_has_solution(plan))
        cli_buf_printf(out, "objective:   %s%s%s %s\n", money(b1, po_plan_objective(plan)),
                       sp, cur, margin ? "margin (maximized)" : "total cost (minimized)");
    if (po_scenarios_has_baseline(sc)) {
        double per = po_scenarios_nominal(sc, PO_SCENARIO_SAVINGS);
        if (isnan(base))
            cli_buf_printf(out, "baseline:    %s (today's plan cannot be run as given)\n",
                           po_outcome_name((po_outcome)po_scenarios_nominal_outcome(sc, 1)));
        else
            cli_buf_printf(out, "baseline:    %s%s%s %s\n", money(b1, margin ? -base : base),
                           sp, cur, margin ? "margin" : "total cost");
        if (!isnan(per)) {
            double horizon = base - po_scenarios_nominal(sc, PO_SCENARIO_OPTIMIZED_COST);
            cli_buf_printf(out, "savings:     %s%s%s per horizon", money(b1, horizon), sp, cur);
            if (hpy > 0)
                cli_buf_printf(out, ", %s%s%s per year", money(b2, per), sp, cur);
            if (base != 0)
                cli_buf_printf(out, " (%.1f %% of the baseline)",
                               100 * horizon / fabs(base));
            cli_buf_printf(out, "\n");
        }
    } else {
        cli_buf_printf(out, "baseline:    none (the model has no \"baseline\": no savings)\n");
    }

    cli_buf_printf(out, "\nscenarios:   %ld (seed %lu), %d thread%s, %.2f s, %.0f per second",
                   po_scenarios_count(sc), po_scenarios_seed(sc), po_scenarios_threads(sc),
                   po_scenarios_threads(sc) == 1 ? "" : "s", po_scenarios_time(sc),
                   po_scenarios_time(sc) > 0
                       ? (double)po_scenarios_count(sc) / po_scenarios_time(sc)
                       : 0.0);
    cli_buf_printf(out, "; %ld of %ld solves warm-started\n",
                   po_scenarios_warm_solves(sc), po_scenarios_solves(sc));
    if (po_scenarios_has_baseline(sc) && m.valid > 0) {
        cli_buf_printf(out, "savings %s%s%s%s, over %ld scenario%s with a value:\n", unit,
                       *cur ? " (" : "", cur, *cur ? ")" : "", m.valid,
                       m.valid == 1 ? "" : "s");
        cli_buf_printf(out, "  P5 %s   P50 %s   P95 %s   mean %s\n", money(b1, m.p5),
                       money(b2, m.p50), money(b3, m.p95), money(b4, m.mean));
        cli_buf_printf(out, "  min %s   P25 %s   P75 %s   max %s\n", money(b1, m.min),
                       money(b2, po_scenarios_quantile(sc, PO_SCENARIO_SAVINGS, 0.25)),
                       money(b3, po_scenarios_quantile(sc, PO_SCENARIO_SAVINGS, 0.75)),
                       money(b4, m.max));
        if (m.p5 > 0)
            cli_buf_printf(out, "  the plan saves money in at least 95 %% of them\n");
        else if (m.p50 <= 0)
            cli_buf_printf(out, "  the plan saves nothing in at least half of them\n");
    }
    if (po_scenarios_cost_only(sc) && po_scenarios_has_baseline(sc)) {
        po_scenario_summary f;
        po_scenarios_summary(sc, PO_SCENARIO_FIXED_SAVINGS, &f);
        if (f.valid > 0)
            cli_buf_printf(out, "  keeping both nominal plans (no re-planning): "
                           "P5 %s   P50 %s   P95 %s\n",
                           money(b1, f.p5), money(b2, f.p50), money(b3, f.p95));
    }
    cli_buf_printf(out, "infeasible:  optimized plan in %s of the scenarios",
                   percent(b1, po_scenarios_infeasible_share(sc, 0)));
    if (po_scenarios_has_baseline(sc))
        cli_buf_printf(out, ", baseline in %s", percent(b2, po_scenarios_infeasible_share(sc, 1)));
    cli_buf_printf(out, "\n");
    if (po_scenarios_unsolved_count(sc, 0) + po_scenarios_unsolved_count(sc, 1) > 0)
        cli_buf_printf(out, "unsolved:    %ld optimized, %ld baseline (unbounded, a limit, "
                       "or a numerical failure)\n",
                       po_scenarios_unsolved_count(sc, 0), po_scenarios_unsolved_count(sc, 1));
    if (po_scenarios_infeasible_share(sc, 1) >= 0.5)
        cli_buf_printf(out, "             (the baseline keeps today's activity levels: where a "
                       "scenario's demand\n              is below what they make and the surplus "
                       "cannot be stored, it breaks)\n");

    if (!po_process_mvp(p, &build, &run, &years))
        return;
    cli_buf_printf(out, "\nmvp:         build %s%s%s, run %s%s%s per year, judged over %g year%s\n",
                   money(b1, build), sp, cur, money(b2, run), sp, cur, years,
                   years == 1 ? "" : "s");
    if (!po_scenarios_has_mvp(sc)) {
        cli_buf_printf(out, "             no MVP figures: they need savings per year "
                       "(horizons_per_year)%s\n",
                       po_scenarios_has_baseline(sc) ? "" : " and a baseline");
        return;
    }
    double pb = po_scenarios_payback_months(sc);
    if (isinf(pb))
        cli_buf_printf(out, "payback:     never (the nominal savings do not exceed the running cost)\n");
    else
        cli_buf_printf(out, "payback:     %s\n", isnan(pb) ? "n/a" : (snprintf(b1, 64, "%.1f months", pb), b1));
    cli_buf_printf(out, "return:      %s over %g year%s (net gain per unit of build cost)\n",
                   isnan(po_scenarios_roi(sc)) ? "n/a"
                                               : (snprintf(b1, 64, "%.2f", po_scenarios_roi(sc)), b1),
                   years, years == 1 ? "" : "s");
    cli_buf_printf(out, "p_cover:     %s of the scenarios cover build and running costs\n",
                   percent(b1, po_scenarios_p_cover(sc)));
}

/* ------------------------------------------------------------------ */
/* The command                                                        */
/* ------------------------------------------------------------------ */

typedef struct assess_opts {
    cli_solve_opts out;        /* file, output, quiet, json, solver */
    po_scenario_options scen;
} assess_opts;

static int run_assess(assess_opts *a)
{
    cli_solve_opts *o = &a->out;
    po_process *p = po_process_new();
    po_plan *plan = NULL;
    po_scenarios *sc = NULL;
    cli_buf out = {0};
    cli_plan_report rep;
    progress pr;
    po_status st;
    int rc;

    if (!p) {
        cli_error("%s: out of memory", o->file);
        return CLI_EXIT_ERROR;
    }
    pr.start = pr.last = now_s();
    pr.shown = 0;
    if (strcmp(o->file, "-") == 0)
        st = po_process_load_stream(p, stdin, "-");
    else
        st = po_process_load_file(p, o->file);
    if (st == PO_OK)
        st = po_process_solve(p, &o->solver, &plan);
    if (st == PO_OK && a->scen.scenarios == 0 && po_process_scenarios(p) == 0) {
        cli_error("%s: the model has no \"uncertainty\": give --scenarios N "
                  "(each scenario is then the nominal model)", o->file);
        po_plan_free(plan);
        po_process_free(p);
        return CLI_EXIT_ERROR;
    }
    if (st == PO_OK) {
        a->scen.solver = o->solver;
        if (isatty(STDERR_FILENO)) {
            a->scen.progress = on_progress;
            a->scen.progress_user = &pr;
        }
        st = po_process_scenarios_run(p, &a->scen, &sc);
        progress_end(&pr);
    }
    if (st != PO_OK) {
        cli_process_errors(p, o->file, o->file);
        po_plan_free(plan);
        po_process_free(p);
        return CLI_EXIT_ERROR;
    }

    rep.file = o->file;
    rep.process = p;
    rep.plan = plan;
    rep.show_all = 0;
    if (o->json)
        json_report(&out, &rep, sc);
    else
        text_report(&out, &rep, sc);

    rc = cli_outcome_exit(po_plan_outcome(plan));
    if (cli_emit(o, &out) != 0)
        rc = CLI_EXIT_ERROR;
    cli_buf_free(&out);
    po_scenarios_free(sc);
    po_plan_free(plan);
    po_process_free(p);
    return rc;
}

int cli_cmd_assess(int argc, char **argv)
{
    assess_opts a;
    cli_solve_opts *o = &a.out;
    long n;
    double d;
    int c, rc;

    memset(&a, 0, sizeof a);
    po_options_init(&o->solver);
    po_scenario_options_init(&a.scen);

    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":n:s:T:t:g:o:jqh", assess_options, NULL)) != -1) {
        switch (c) {
        case 'n':
            if (cli_parse_count(optarg, &n) != 0 || n < 1 || n > MAX_SCENARIOS)
                return cli_usage_error("assess", "--scenarios: '%s' is not a whole "
                                       "number from 1 to %ld", optarg, MAX_SCENARIOS);
            a.scen.scenarios = n;
            break;
        case 's':
            if (cli_parse_nonneg(optarg, &d) != 0 || d != floor(d) || d > MAX_SEED)
                return cli_usage_error("assess", "--seed: '%s' is not a whole number "
                                       "from 0 to 4294967295", optarg);
            a.scen.use_seed = 1;
            a.scen.seed = (unsigned long)d;
            break;
        case 'T':
            if (cli_parse_count(optarg, &n) != 0 || n < 1 || n > 1024)
                return cli_usage_error("assess", "--threads: '%s' is not a whole "
                                       "number from 1 to 1024", optarg);
            a.scen.threads = (int)n;
            break;
        case OPT_COLD:
            a.scen.warm_start = 0;
            break;
        case 't':
            if (cli_parse_nonneg(optarg, &o->solver.time_limit) != 0)
                return cli_usage_error("assess", "--time-limit: '%s' is not a "
                                       "number of seconds >= 0", optarg);
            break;
        case 'g':
            if (cli_parse_nonneg(optarg, &o->solver.mip_gap) != 0)
                return cli_usage_error("assess", "--gap: '%s' is not a number "
                                       ">= 0", optarg);
            break;
        case 'j':
            o->json = 1;
            break;
        case 'o':
            o->output = optarg;
            break;
        case 'q':
            o->quiet = 1;
            break;
        case 'h':
            fputs(assess_help, stdout);
            return fflush(stdout) == 0 ? 0 : CLI_EXIT_ERROR;
        case ':':
            return cli_bad_option("assess", argv, "missing value for option");
        default:
            return cli_bad_option("assess", argv, "unknown option");
        }
    }
    if ((rc = cli_one_operand("assess", "MODEL", argc, argv, &o->file)) != 0)
        return rc;
    o->read_path = o->file;
    o->format = PO_FORMAT_JSON;
    if (strcmp(o->file, "-") != 0 && po_format_from_path(o->file) != PO_FORMAT_JSON)
        return cli_usage_error("assess", "%s: assess reads process models (.json)",
                               o->file);
    return run_assess(&a);
}
