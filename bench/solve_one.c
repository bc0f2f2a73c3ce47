/*
 * solve_one -- read one LP/MIP file through libprocopt, solve it, print one
 * line.  The benchmark driver (bench/run.sh) times this whole process, so
 * procopt is measured the way a user meets it: start-up, reading, solving.
 *
 *   solve_one [--format auto|mps|freemps|lp|gmpl] [--method auto|primal|dual|interior]
 *             [--no-presolve] [--no-reductions] [--reductions BITS]
 *             [--scaling own|glpk|none] [--no-cuts] [--time-limit S] [--gap G]
 *             FILE
 *
 * --no-presolve: GLPK's presolver off (options.presolve = 0);
 * --no-reductions: procopt's own presolve off (options.reductions = 0), or
 * --reductions BITS a set of PO_REDUCE_* bits (decimal or 0x hex);
 * --scaling: options.scaling.  The benchmark's "procopt-raw" column is
 * --no-reductions --scaling glpk: procopt without its own preprocessing.
 *
 * Output, one line on stdout of space-separated key=value fields (values
 * never contain blanks; the name comes first):
 *   name=afiro status=optimal objective=-464.75314285714285 constant=0
 *   rows=27 cols=32 nonzeros=83 ints=0 iterations=10 nodes=0
 *   read_s=0.000412 solve_s=0.000971
 * status is po_outcome_name() of the result, or "error" when a call failed
 * (the message goes to stderr).  constant is the objective constant as read
 * (included in objective): the driver needs it because published netlib
 * optima exclude it.  Exit status: 0 when the solve call succeeded (whatever
 * the outcome), 1 on an error, 2 on a usage error.
 *
 * Copyright (C) 2026 the procopt developers.  GPL-3.0-or-later.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "procopt.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The instance name: the file's base name without .gz and .mps/.lp. */
static void instance_name(const char *path, char *out, size_t size)
{
    const char *base = strrchr(path, '/');
    static const char *const suffixes[] = {".gz", ".mps", ".lp", ".mod"};
    size_t len, i;

    base = base ? base + 1 : path;
    len = strlen(base);
    for (i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t sl = strlen(suffixes[i]);
        if (len > sl && memcmp(base + len - sl, suffixes[i], sl) == 0)
            len -= sl;
    }
    if (len >= size)
        len = size - 1;
    memcpy(out, base, len);
    out[len] = '\0';
    /* Keep the line machine-readable whatever the file is called. */
    for (i = 0; i < len; i++)
        if (out[i] == ' ' || out[i] == '\t' || out[i] == '=')
            out[i] = '_';
}

static int usage(void)
{
    fputs("usage: solve_one [--format auto|mps|freemps|lp|gmpl] "
          "[--method auto|primal|dual|interior]\n"
          "                 [--no-presolve] [--no-reductions] "
          "[--reductions BITS]\n"
          "                 [--scaling own|glpk|none] [--no-cuts] "
          "[--time-limit S] [--gap G] FILE\n",
          stderr);
    return 2;
}

static int parse_double(const char *s, double *out)
{
    char *end;
    double v = strtod(s, &end);
    if (end == s || *end != '\0' || !isfinite(v) || v < 0)
        return -1;
    *out = v;
    return 0;
}

int main(int argc, char **argv)
{
    po_format format = PO_FORMAT_AUTO;
    po_options opt;
    const char *path = NULL;
    char name[256];
    po_model *model;
    po_result *result = NULL;
    po_status st;
    double t0, t1, t2;
    int i;

    po_options_init(&opt);
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--format") == 0 && i + 1 < argc) {
            if (po_format_parse(argv[++i], &format) != PO_OK)
                return usage();
        } else if (strcmp(a, "--method") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            if (strcmp(m, "auto") == 0)
                opt.method = PO_METHOD_AUTO;
            else if (strcmp(m, "primal") == 0)
                opt.method = PO_METHOD_PRIMAL;
            else if (strcmp(m, "dual") == 0)
                opt.method = PO_METHOD_DUAL;
            else if (strcmp(m, "interior") == 0)
                opt.method = PO_METHOD_INTERIOR;
            else
                return usage();
        } else if (strcmp(a, "--no-presolve") == 0) {
            opt.presolve = 0;
        } else if (strcmp(a, "--no-reductions") == 0) {
            opt.reductions = 0;
        } else if (strcmp(a, "--reductions") == 0 && i + 1 < argc) {
            char *end;
            unsigned long bits = strtoul(argv[++i], &end, 0);
            if (end == argv[i] || *end != '\0' || bits > PO_REDUCE_ALL)
                return usage();
            opt.reductions = (int)bits;
        } else if (strcmp(a, "--scaling") == 0 && i + 1 < argc) {
            const char *m = argv[++i];
            if (strcmp(m, "own") == 0)
                opt.scaling = PO_SCALE_OWN;
            else if (strcmp(m, "glpk") == 0)
                opt.scaling = PO_SCALE_GLPK;
            else if (strcmp(m, "none") == 0)
                opt.scaling = PO_SCALE_NONE;
            else
                return usage();
        } else if (strcmp(a, "--no-cuts") == 0) {
            opt.mip_cuts = 0;
        } else if (strcmp(a, "--time-limit") == 0 && i + 1 < argc) {
            if (parse_double(argv[++i], &opt.time_limit) != 0)
                return usage();
        } else if (strcmp(a, "--gap") == 0 && i + 1 < argc) {
            if (parse_double(argv[++i], &opt.mip_gap) != 0)
                return usage();
        } else if (a[0] == '-' && a[1] != '\0') {
            return usage();
        } else if (path == NULL) {
            path = a;
        } else {
            return usage();
        }
    }
    if (path == NULL)
        return usage();
    instance_name(path, name, sizeof name);

    model = po_model_new();
    if (model == NULL) {
        fprintf(stderr, "solve_one: %s: out of memory\n", path);
        printf("name=%s status=error\n", name);
        return 1;
    }
    t0 = now_s();
    st = po_model_read(model, path, format, NULL);
    t1 = now_s();
    if (st == PO_OK)
        st = po_solve(model, &opt, &result);
    t2 = now_s();
    if (st != PO_OK) {
        fprintf(stderr, "solve_one: %s\n", po_model_errmsg(model));
        printf("name=%s status=error\n", name);
        po_model_free(model);
        return 1;
    }

    printf("name=%s status=%s objective=%.17g constant=%.17g rows=%d cols=%d "
           "nonzeros=%ld ints=%d iterations=%ld nodes=%ld read_s=%.6f "
           "solve_s=%.6f\n",
           name, po_outcome_name(po_result_outcome(result)),
           po_result_objective(result), po_model_obj_constant(model),
           po_model_num_constrs(model), po_model_num_vars(model),
           po_model_num_nonzeros(model), po_model_num_integer_vars(model),
           po_result_iterations(result), po_result_nodes(result), t1 - t0,
           t2 - t1);
    po_result_free(result);
    po_model_free(model);
    return 0;
}
