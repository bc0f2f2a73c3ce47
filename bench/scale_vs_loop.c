/*
 * scale_vs_loop.c -- the scaling of lib/preprocess/scale.c through OpenBLAS against
 * its plain-loop twin, and what scaling does to a whole solve.
 *
 *   scale_vs_loop [--reps N] [--only a,b,...] [--no-process] [--sc "ARGS"]
 *                 [--solve] [--interior] [--time-limit S] [DIR]
 *
 * DIR holds NAME.mps.gz (or NAME.mps) files and an OPTIMA.tsv (name, rows,
 * cols, nonzeros, optimal_objective, ...); default $PROCOPT_DATA, else
 * ../shared/data/netlib, else the Debian samples ($PROCOPT_SAMPLE, default
 * /usr/share/coin/Data/Sample, with bench/sample-optima.tsv).  Besides
 * those, a large process LP: examples/gen_supply_chain.py ARGS (--sc,
 * default "--plants 8 --products 40 --dcs 12 --customers 200 --periods
 * 12") compiled with po_process_compile, integer variables relaxed.
 *
 * Default mode, per matrix (median of N runs after a warm-up):
 *   norms  the smallest and largest |a_ij| of every row (CSR copy) and
 *          every column (CSC copy): loop vs idamin + idamax per run;
 *   scal   one row pass and one column pass of power-of-2 factors over
 *          those runs: loop vs dscal per run;
 *   whole  min and max over the whole value array (one run of nnz): loop
 *          vs idamin + idamax;
 *   full   po__scale_loop vs po__scale_blas, and po__scale (BLAS for long
 *          runs, loops for short ones: the library's choice), factors
 *          checked bit-identical;
 * ratios loop/blas (> 1: BLAS faster; for "full" also loop/po__scale), the
 * geometric mean of each over the matrices, and the matrix's max/min |a_ij|
 * before and after scaling.
 * --solve: po_solve with presolver off (GLPK's presolver re-scales what it
 * keeps itself, see po_scaling) for PO_SCALE_GLPK, PO_SCALE_OWN and
 * PO_SCALE_NONE: time (median of up to N rounds of the three in turn, as
 * many as fit in 9 s),
 * simplex iterations, objective checked against the
 * optimum (1e-6 relative; the objective constant, e226's -7.113 as GLPK
 * reads it, taken off first), and the geometric-mean time ratios.
 * --interior: primal simplex from GLPK's advanced basis (presolver off),
 * primal simplex with the presolver, and the interior point method with
 * procopt's crossover: times, iterations (interior / crossover simplex),
 * basis and duals present, objective checked (against the first run's
 * where no optimum is published) and printed last.
 *
 * Exit status 1 when a factor differs between the twins or a solve gives a
 * wrong objective; times never fail.
 */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "model.h"
#include "procopt.h"
#include "scale.h"

#define MAX_INST 256
#define NAME_LEN 64

typedef struct inst {
    char name[NAME_LEN];
    double opt; /* NaN: not known */
} inst;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp_dbl(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *t, int n)
{
    qsort(t, (size_t)n, sizeof t[0], cmp_dbl);
    return n % 2 ? t[n / 2] : 0.5 * (t[n / 2 - 1] + t[n / 2]);
}

/* ---- the matrix in the two layouts scale.c uses ---- */

typedef struct mat {
    int m, n, nnz;
    int *rp, *ci, *cp, *ri;
    double *rv, *cv, *fr, *fc;
} mat;

static void mat_free(mat *A)
{
    free(A->rp);
    free(A->ci);
    free(A->cp);
    free(A->ri);
    free(A->rv);
    free(A->cv);
    free(A->fr);
    free(A->fc);
    memset(A, 0, sizeof *A);
}

static int mat_build(mat *A, const po_model *M)
{
    memset(A, 0, sizeof *A);
    int m = M->nrows, n = M->ncols, nz = 0;
    for (long k = 0; k < M->nnz; k++)
        nz += M->nz_val[k] != 0.0;
    A->m = m;
    A->n = n;
    A->nnz = nz;
    A->rp = calloc((size_t)m + 2, sizeof(int));
    A->cp = calloc((size_t)n + 2, sizeof(int));
    A->ci = malloc(((size_t)nz + 1) * sizeof(int));
    A->ri = malloc(((size_t)nz + 1) * sizeof(int));
    A->rv = malloc(((size_t)nz + 1) * sizeof(double));
    A->cv = malloc(((size_t)nz + 1) * sizeof(double));
    A->fr = malloc(((size_t)m + 1) * sizeof(double));
    A->fc = malloc(((size_t)n + 1) * sizeof(double));
    if (!A->rp || !A->cp || !A->ci || !A->ri || !A->rv || !A->cv || !A->fr ||
        !A->fc)
        return -1;
    for (long k = 0; k < M->nnz; k++)
        if (M->nz_val[k] != 0.0) {
            A->rp[M->nz_row[k] + 2]++;
            A->cp[M->nz_col[k] + 2]++;
        }
    for (int i = 0; i < m; i++)
        A->rp[i + 2] += A->rp[i + 1];
    for (int j = 0; j < n; j++)
        A->cp[j + 2] += A->cp[j + 1];
    for (long k = 0; k < M->nnz; k++) {
        if (M->nz_val[k] == 0.0)
            continue;
        int p = A->rp[M->nz_row[k] + 1]++, q = A->cp[M->nz_col[k] + 1]++;
        A->ci[p] = M->nz_col[k];
        A->rv[p] = fabs(M->nz_val[k]);
        A->ri[q] = M->nz_row[k];
        A->cv[q] = fabs(M->nz_val[k]);
    }
    /* factors that a pass might use: alternate 2 and 1/2, so that two
     * passes give the values back exactly */
    for (int i = 0; i < m; i++)
        A->fr[i] = i % 2 ? 2.0 : 0.5;
    for (int j = 0; j < n; j++)
        A->fc[j] = j % 2 ? 0.5 : 2.0;
    return 0;
}

/* ---- the kernels, as scale.c runs them ---- */

static volatile double sink; /* keeps the minima and maxima alive */

static void norms_loop(const mat *A)
{
    double acc = 0.0;
    for (int pass = 0; pass < 2; pass++) {
        int cnt = pass ? A->n : A->m;
        const int *ptr = pass ? A->cp : A->rp;
        const double *v = pass ? A->cv : A->rv;
        for (int t = 0; t < cnt; t++) {
            int a = ptr[t], b = ptr[t + 1];
            if (a == b)
                continue;
            double mn = v[a], mx = v[a];
            for (int k = a + 1; k < b; k++) {
                if (v[k] < mn)
                    mn = v[k];
                if (v[k] > mx)
                    mx = v[k];
            }
            acc += mx / mn;
        }
    }
    sink = acc;
}

static void norms_blas(const mat *A)
{
    double acc = 0.0;
    for (int pass = 0; pass < 2; pass++) {
        int cnt = pass ? A->n : A->m;
        const int *ptr = pass ? A->cp : A->rp;
        const double *v = pass ? A->cv : A->rv;
        for (int t = 0; t < cnt; t++) {
            int len = ptr[t + 1] - ptr[t];
            if (len == 0)
                continue;
            const double *r = v + ptr[t];
            acc += r[cblas_idamax(len, r, 1)] / r[cblas_idamin(len, r, 1)];
        }
    }
    sink = acc;
}

static void scal_loop(mat *A)
{
    for (int i = 0; i < A->m; i++)
        for (int k = A->rp[i]; k < A->rp[i + 1]; k++)
            A->rv[k] *= A->fr[i];
    for (int j = 0; j < A->n; j++)
        for (int k = A->cp[j]; k < A->cp[j + 1]; k++)
            A->cv[k] *= A->fc[j];
}

static void scal_blas(mat *A)
{
    for (int i = 0; i < A->m; i++)
        if (A->rp[i + 1] > A->rp[i])
            cblas_dscal(A->rp[i + 1] - A->rp[i], A->fr[i], A->rv + A->rp[i],
                        1);
    for (int j = 0; j < A->n; j++)
        if (A->cp[j + 1] > A->cp[j])
            cblas_dscal(A->cp[j + 1] - A->cp[j], A->fc[j], A->cv + A->cp[j],
                        1);
}

/* the factors back to where they were, so every run sees the same data */
static void flip(mat *A)
{
    for (int i = 0; i < A->m; i++)
        A->fr[i] = 1.0 / A->fr[i];
    for (int j = 0; j < A->n; j++)
        A->fc[j] = 1.0 / A->fc[j];
}

static void whole_loop(const mat *A)
{
    double mn = A->cv[0], mx = A->cv[0];
    for (int k = 1; k < A->nnz; k++) {
        if (A->cv[k] < mn)
            mn = A->cv[k];
        if (A->cv[k] > mx)
            mx = A->cv[k];
    }
    sink = mx / mn;
}

static void whole_blas(const mat *A)
{
    sink = A->cv[cblas_idamax(A->nnz, A->cv, 1)] /
           A->cv[cblas_idamin(A->nnz, A->cv, 1)];
}

typedef void (*kern_c)(const mat *);
typedef void (*kern_m)(mat *);

static double time_c(kern_c f, const mat *A, int reps)
{
    double t[64];
    f(A);
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        f(A);
        t[r] = now() - t0;
    }
    return median(t, reps);
}

static double time_m(kern_m f, mat *A, int reps)
{
    double t[64];
    f(A);
    flip(A);
    f(A);
    flip(A);
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        f(A);
        t[r] = now() - t0;
        flip(A);
        f(A); /* undo, untimed */
        flip(A);
    }
    return median(t, reps);
}

typedef po_status (*scale_fn)(int, int, long, const int *, const int *,
                              const double *, int, double *, double *);

static double time_full(scale_fn f, const po_model *M, double *r, double *s,
                        int reps, po_status *st)
{
    double t[64];
    *st = f(M->nrows, M->ncols, M->nnz, M->nz_row, M->nz_col, M->nz_val, 0,
            r, s);
    for (int k = 0; k < reps && *st == PO_OK; k++) {
        double t0 = now();
        *st = f(M->nrows, M->ncols, M->nnz, M->nz_row, M->nz_col, M->nz_val,
                0, r, s);
        t[k] = now() - t0;
    }
    return *st == PO_OK ? median(t, reps) : NAN;
}

/* ---- instances ---- */

static int read_optima(const char *path, inst *list, int max)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    char line[4096];
    int n = 0;
    if (fgets(line, sizeof line, f) == NULL) { /* header */
        fclose(f);
        return 0;
    }
    while (n < max && fgets(line, sizeof line, f) != NULL) {
        char *fields[6] = {0};
        int nf = 0;
        for (char *p = strtok(line, "\t\n"); p != NULL && nf < 6;
             p = strtok(NULL, "\t\n"))
            fields[nf++] = p;
        if (nf < 5)
            continue;
        snprintf(list[n].name, NAME_LEN, "%s", fields[0]);
        char *end;
        list[n].opt = strtod(fields[4], &end);
        if (end == fields[4])
            list[n].opt = NAN;
        n++;
    }
    fclose(f);
    return n;
}

static int listed(const char *only, const char *name)
{
    if (only == NULL)
        return 1;
    size_t len = strlen(name);
    for (const char *p = only; *p != '\0';) {
        const char *c = strchr(p, ',');
        size_t l = c != NULL ? (size_t)(c - p) : strlen(p);
        if (l == len && strncmp(p, name, len) == 0)
            return 1;
        p += l + (c != NULL);
    }
    return 0;
}

static po_model *read_instance(const char *dir, const char *name)
{
    char path[4096];
    static const char *const ext[] = {".mps.gz", ".mps"};
    for (int e = 0; e < 2; e++) {
        snprintf(path, sizeof path, "%s/%s%s", dir, name, ext[e]);
        if (access(path, R_OK) != 0)
            continue;
        po_model *M = po_model_new();
        if (M == NULL)
            return NULL;
        /* netlib is fixed MPS (some names hold blanks) */
        if (po_model_read(M, path, PO_FORMAT_MPS, NULL) == PO_OK)
            return M;
        fprintf(stderr, "scale_vs_loop: %s\n", po_model_errmsg(M));
        po_model_free(M);
        return NULL;
    }
    fprintf(stderr, "scale_vs_loop: no %s/%s.mps[.gz]\n", dir, name);
    return NULL;
}

/* The generated supply chain, compiled, integer variables relaxed. */
static po_model *process_lp(const char *args, char *label, size_t size)
{
    char dir[] = "/tmp/po-scale-bench-XXXXXX";
    if (mkdtemp(dir) == NULL)
        return NULL;
    char path[256], cmd[2048];
    snprintf(path, sizeof path, "%s/sc.json", dir);
    const char *src = getenv("PROCOPT_SRC");
    snprintf(cmd, sizeof cmd,
             "python3 %s/examples/gen_supply_chain.py %s -o %s >/dev/null",
             src != NULL ? src : ".", args, path);
    po_model *M = NULL;
    po_process *P = po_process_new();
    if (P != NULL && system(cmd) == 0 &&
        po_process_load_file(P, path) == PO_OK &&
        po_process_compile(P, &M) == PO_OK) {
        for (int j = 0; j < po_model_num_vars(M); j++)
            if (po_model_var_type(M, j) != PO_CONTINUOUS)
                po_model_set_var_type(M, j, PO_CONTINUOUS);
    } else {
        fprintf(stderr, "scale_vs_loop: cannot build the process LP (%s)\n",
                P != NULL ? po_process_errmsg(P) : "out of memory");
    }
    po_process_free(P);
    unlink(path);
    rmdir(dir);
    snprintf(label, size, "process-lp");
    return M;
}

/* ---- modes ---- */

typedef struct geo {
    double sum;
    int n;
} geo;

static void geo_add(geo *g, double ratio)
{
    if (ratio > 0 && isfinite(ratio)) {
        g->sum += log(ratio);
        g->n++;
    }
}

static double geo_mean(const geo *g)
{
    return g->n > 0 ? exp(g->sum / g->n) : NAN;
}

static geo g_norms, g_scal, g_whole, g_full, g_hyb;

static int bench_scaling(const char *name, const po_model *M, int reps)
{
    mat A;
    if (mat_build(&A, M) != 0) {
        mat_free(&A);
        printf("  %-10s no memory\n", name);
        return 0;
    }
    int bad = 0;
    double tn_l = time_c(norms_loop, &A, reps);
    double tn_b = time_c(norms_blas, &A, reps);
    double ts_l = time_m(scal_loop, &A, reps);
    double ts_b = time_m(scal_blas, &A, reps);
    double tw_l = A.nnz > 0 ? time_c(whole_loop, &A, reps) : NAN;
    double tw_b = A.nnz > 0 ? time_c(whole_blas, &A, reps) : NAN;
    size_t mm = (size_t)M->nrows + 1, nn = (size_t)M->ncols + 1;
    double *r1 = malloc(mm * sizeof(double)), *s1 = malloc(nn * sizeof(double));
    double *r2 = malloc(mm * sizeof(double)), *s2 = malloc(nn * sizeof(double));
    double tf_l = NAN, tf_b = NAN, tf_h = NAN, q0 = NAN, q1 = NAN;
    const char *same = "?";
    if (r1 && s1 && r2 && s2) {
        po_status st1, st2, st3;
        tf_l = time_full(po__scale_loop, M, r1, s1, reps, &st1);
        tf_b = time_full(po__scale_blas, M, r2, s2, reps, &st2);
        int eq = memcmp(r1, r2, (size_t)M->nrows * sizeof(double)) == 0 &&
                 memcmp(s1, s2, (size_t)M->ncols * sizeof(double)) == 0;
        tf_h = time_full(po__scale, M, r2, s2, reps, &st3);
        eq = eq && memcmp(r1, r2, (size_t)M->nrows * sizeof(double)) == 0 &&
             memcmp(s1, s2, (size_t)M->ncols * sizeof(double)) == 0;
        if (st1 == PO_OK && st2 == PO_OK && st3 == PO_OK) {
            same = eq ? "yes" : "NO";
            bad |= !eq;
            q0 = po__scale_ratio(M->nrows, M->ncols, M->nnz, M->nz_row,
                                 M->nz_col, M->nz_val, 0, NULL, NULL);
            q1 = po__scale_ratio(M->nrows, M->ncols, M->nnz, M->nz_row,
                                 M->nz_col, M->nz_val, 0, r1, s1);
        } else {
            same = "ERR";
            bad = 1;
        }
    }
    free(r1);
    free(s1);
    free(r2);
    free(s2);
    printf("  %-10s %7d %7d %8d %6.1f %8.3f %8.3f %6.2f %8.3f %8.3f %6.2f "
           "%8.3f %8.3f %6.2f %8.3f %8.3f %6.2f %8.3f %6.2f %-4s %8.1e "
           "%8.1e\n",
           name, A.m, A.n, A.nnz, A.m > 0 ? (double)A.nnz / A.m : 0.0,
           1e3 * tn_l, 1e3 * tn_b, tn_l / tn_b, 1e3 * ts_l, 1e3 * ts_b,
           ts_l / ts_b, 1e3 * tw_l, 1e3 * tw_b, tw_l / tw_b, 1e3 * tf_l,
           1e3 * tf_b, tf_l / tf_b, 1e3 * tf_h, tf_l / tf_h, same, q0, q1);
    fflush(stdout);
    geo_add(&g_norms, tn_l / tn_b);
    geo_add(&g_scal, ts_l / ts_b);
    geo_add(&g_whole, tw_l / tw_b);
    geo_add(&g_full, tf_l / tf_b);
    geo_add(&g_hyb, tf_l / tf_h);
    mat_free(&A);
    return bad;
}

static int rel_ok(double got, double want)
{
    return fabs(got - want) <= 1e-6 * fmax(1.0, fabs(want));
}

static geo g_own, g_none;
static int n_wrong;

static geo g_own_it;

static int bench_solve(const char *name, po_model *M, double opt,
                       double time_limit, int reps)
{
    static const po_scaling sc[] = {PO_SCALE_GLPK, PO_SCALE_OWN,
                                    PO_SCALE_NONE};
    double tr[3][64], t[3], spent = 0.0;
    long its[3] = {0, 0, 0};
    const char *verdict[3] = {"ok", "ok", "ok"};
    int runs = 0;
    /* the three in turn, up to `reps` rounds while they take under 9 s in
     * all, so that a change of the machine's load falls on all three */
    do {
        for (int k = 0; k < 3; k++) {
            po_options o;
            po_options_init(&o);
            o.presolve = 0;
            o.scaling = sc[k];
            o.time_limit = time_limit;
            po_result *r = NULL;
            double t0 = now();
            po_status st = po_solve(M, &o, &r);
            tr[k][runs] = now() - t0;
            spent += tr[k][runs];
            if (st != PO_OK) {
                verdict[k] = "ERR";
            } else {
                its[k] = po_result_iterations(r);
                po_outcome out = po_result_outcome(r);
                double obj = po_result_objective(r) - po_model_obj_constant(M);
                if (out == PO_OUTCOME_TIME_LIMIT)
                    verdict[k] = "time";
                else if (out != PO_OUTCOME_OPTIMAL)
                    verdict[k] = "FAIL";
                else if (!isnan(opt) && !rel_ok(obj, opt))
                    verdict[k] = "WRONG";
            }
            po_result_free(r);
        }
        runs++;
    } while (runs < reps && spent < 9.0);
    printf("  %-10s", name);
    for (int k = 0; k < 3; k++) {
        t[k] = strcmp(verdict[k], "ok") == 0 ? median(tr[k], runs) : NAN;
        if (strcmp(verdict[k], "WRONG") == 0 ||
            strcmp(verdict[k], "FAIL") == 0 || strcmp(verdict[k], "ERR") == 0)
            n_wrong++;
        printf(" %9.3f %7ld %-5s", t[k], its[k], verdict[k]);
    }
    printf(" %6.2f %6.2f\n", t[1] / t[0], t[2] / t[0]);
    fflush(stdout);
    if (!isnan(t[0]) && !isnan(t[1]) && !isnan(t[2])) {
        geo_add(&g_own, t[1] / t[0]);
        geo_add(&g_none, t[2] / t[0]);
        geo_add(&g_own_it, (double)its[1] / (double)its[0]);
    }
    return 0;
}

/* Iterations of the interior point method and of the crossover's simplex
 * runs, from procopt's log notes. */
typedef struct xlog {
    long ipm, cross;
    int converged, fallback;
} xlog;

static void xlog_fn(void *user, const char *text)
{
    xlog *x = user;
    const char *p;
    if (strncmp(text, "procopt: ", 9) != 0)
        return;
    text += 9;
    if ((p = strstr(text, "interior point: optimal after ")) != NULL) {
        x->ipm = strtol(p + 30, NULL, 10);
        x->converged = 1;
    }
    if (strncmp(text, "crossover: ", 11) == 0 &&
        (p = strstr(text, " after ")) != NULL &&
        strstr(text, "iterations") != NULL)
        x->cross += strtol(p + 7, NULL, 10);
    if (strstr(text, "from scratch") != NULL ||
        strstr(text, "solving with the simplex method") != NULL)
        x->fallback = 1;
}

static int bench_interior(const char *name, po_model *M, double opt,
                          double time_limit)
{
    printf("  %-10s", name);
    for (int k = 0; k < 3; k++) {
        po_options o;
        po_options_init(&o);
        o.time_limit = time_limit;
        xlog x = {0};
        if (k == 0)
            o.presolve = 0;
        if (k == 2) {
            o.method = PO_METHOD_INTERIOR;
            o.log = xlog_fn;
            o.log_user = &x;
        }
        po_result *r = NULL;
        double t0 = now();
        po_status st = po_solve(M, &o, &r);
        double t = now() - t0;
        const char *verdict = "ok";
        if (st != PO_OK) {
            verdict = "ERR";
        } else if (po_result_outcome(r) == PO_OUTCOME_TIME_LIMIT) {
            verdict = "time";
        } else if (po_result_outcome(r) != PO_OUTCOME_OPTIMAL) {
            verdict = "FAIL";
        } else if (!isnan(opt) &&
                   !rel_ok(po_result_objective(r) - po_model_obj_constant(M),
                           opt)) {
            verdict = "WRONG";
        }
        if (strcmp(verdict, "WRONG") == 0 || strcmp(verdict, "FAIL") == 0 ||
            strcmp(verdict, "ERR") == 0)
            n_wrong++;
        /* without a published optimum the first run's is the reference */
        if (isnan(opt) && strcmp(verdict, "ok") == 0)
            opt = po_result_objective(r) - po_model_obj_constant(M);
        long its = st == PO_OK ? po_result_iterations(r) : 0;
        if (k < 2)
            printf(" %8.3f %7ld %-5s", t, its, verdict);
        else
            printf(" %8.3f %5ld%c %7ld %5s %-5s %s", t, x.ipm,
                   x.converged ? ' ' : '*', x.cross,
                   st == PO_OK && po_result_has_basis(r) &&
                           po_result_duals(r) != NULL
                       ? "yes"
                       : "no",
                   verdict, x.fallback ? "fallback" : "");
        po_result_free(r);
    }
    printf(" %.12g\n", opt);
    fflush(stdout);
    return 0;
}

static int usage(void)
{
    fprintf(stderr,
            "usage: scale_vs_loop [--reps N] [--only a,b] [--no-process] "
            "[--sc ARGS]\n"
            "                     [--solve] [--interior] [--time-limit S] "
            "[DIR]\n");
    return 2;
}

int main(int argc, char **argv)
{
    int reps = 7, do_process = 1, mode = 0; /* 0 scaling, 1 solve, 2 ipm */
    const char *only = NULL, *dir = NULL;
    const char *sc = "--plants 8 --products 40 --dcs 12 --customers 200 "
                     "--periods 12";
    double time_limit = 60.0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc)
            reps = atoi(argv[++i]);
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (strcmp(argv[i], "--sc") == 0 && i + 1 < argc)
            sc = argv[++i];
        else if (strcmp(argv[i], "--time-limit") == 0 && i + 1 < argc)
            time_limit = atof(argv[++i]);
        else if (strcmp(argv[i], "--no-process") == 0)
            do_process = 0;
        else if (strcmp(argv[i], "--solve") == 0)
            mode = 1;
        else if (strcmp(argv[i], "--interior") == 0)
            mode = 2;
        else if (argv[i][0] != '-' && dir == NULL)
            dir = argv[i];
        else
            return usage();
    }
    if (reps < 1 || reps > 64 || !(time_limit > 0))
        return usage();

    static inst list[MAX_INST];
    char optima[4096];
    int n = -1;
    if (dir == NULL)
        dir = getenv("PROCOPT_DATA");
    if (dir == NULL && access("../shared/data/netlib/OPTIMA.tsv", R_OK) == 0)
        dir = "../shared/data/netlib";
    if (dir != NULL) {
        snprintf(optima, sizeof optima, "%s/OPTIMA.tsv", dir);
        n = read_optima(optima, list, MAX_INST);
    }
    if (n < 0) { /* no netlib set: the samples, with bench's optima */
        if (dir == NULL)
            dir = getenv("PROCOPT_SAMPLE");
        if (dir == NULL)
            dir = "/usr/share/coin/Data/Sample";
        const char *src = getenv("PROCOPT_SRC");
        snprintf(optima, sizeof optima, "%s/bench/sample-optima.tsv",
                 src != NULL ? src : ".");
        n = read_optima(optima, list, MAX_INST);
        printf("# no OPTIMA.tsv: %s with bench/sample-optima.tsv\n", dir);
    }
    if (n < 0) {
        fprintf(stderr, "scale_vs_loop: cannot read %s\n", optima);
        return 1;
    }
    printf("# scale_vs_loop: %s; OpenBLAS %s, %d processors\n",
           mode == 0   ? "scaling kernels, loop vs BLAS, median ms"
           : mode == 1 ? "po_solve without presolver by scaling"
                       : "simplex vs interior point + crossover",
           openblas_get_config(), openblas_get_num_procs());
    if (mode == 0)
        printf("# %-10s %7s %7s %8s %6s %8s %8s %6s %8s %8s %6s %8s %8s %6s "
               "%8s %8s %6s %8s %6s %-4s %8s %8s\n",
               "name", "rows", "cols", "nnz", "nz/row", "norm_lp", "norm_bl",
               "l/b", "scal_lp", "scal_bl", "l/b", "whol_lp", "whol_bl", "l/b",
               "full_lp", "full_bl", "l/b", "full_hy", "l/h", "same", "ratio0",
               "ratio1");
    else if (mode == 1)
        printf("# %-10s %9s %7s %-5s %9s %7s %-5s %9s %7s %-5s %6s %6s\n",
               "name", "glpk_s", "iters", "", "own_s", "iters", "", "none_s",
               "iters", "", "own/g", "none/g");
    else
        printf("# %-10s %8s %7s %-5s %8s %7s %-5s %8s %6s %7s %5s\n", "name",
               "adv_s", "iters", "", "pre_s", "iters", "", "ipm_s", "ipm_it",
               "x_iters", "basis");

    int bad = 0;
    for (int k = 0; k < n; k++) {
        if (!listed(only, list[k].name))
            continue;
        po_model *M = read_instance(dir, list[k].name);
        if (M == NULL) {
            bad = 1;
            continue;
        }
        if (po_model_num_integer_vars(M) == 0) {
            if (mode == 0)
                bad |= bench_scaling(list[k].name, M, reps);
            else if (mode == 1)
                bench_solve(list[k].name, M, list[k].opt, time_limit, reps);
            else
                bench_interior(list[k].name, M, list[k].opt, time_limit);
        }
        po_model_free(M);
    }
    if (do_process) {
        char label[64];
        po_model *M = process_lp(sc, label, sizeof label);
        if (M != NULL) {
            printf("# %s: gen_supply_chain.py %s: %d rows, %d columns, %ld "
                   "nonzeros\n",
                   label, sc, po_model_num_constrs(M), po_model_num_vars(M),
                   po_model_num_nonzeros(M));
            if (mode == 0)
                bad |= bench_scaling(label, M, reps);
            else if (mode == 1)
                bench_solve(label, M, NAN, time_limit, reps);
            else
                bench_interior(label, M, NAN, time_limit);
            po_model_free(M);
        }
    }
    if (mode == 0)
        printf("# geometric mean loop/BLAS (> 1: BLAS faster): norms %.2f "
               "(%d), scal %.2f, whole-array min/max %.2f, full scaling %.2f; "
               "loop/po__scale %.2f\n",
               geo_mean(&g_norms), g_norms.n, geo_mean(&g_scal),
               geo_mean(&g_whole), geo_mean(&g_full), geo_mean(&g_hyb));
    else if (mode == 1)
        printf("# geometric mean time ratio over %d instances solved by all "
               "three: own/glpk %.3f, none/glpk %.3f (simplex iterations "
               "own/glpk %.3f); %d wrong or failed\n",
               g_own.n, geo_mean(&g_own), geo_mean(&g_none),
               geo_mean(&g_own_it), n_wrong);
    else
        printf("# %d wrong or failed\n", n_wrong);
    return bad || n_wrong > 0;
}
