/*
 * build_vs_glpk -- what procopt's model building costs against loading the
 * same arrays straight into GLPK (issue 5: "model building at most 1.3x the
 * time of loading the same arrays straight into GLPK").
 *
 *   build_vs_glpk [--reps N] [--sizes LIST] [--process FILE.json]...
 *                 [--no-random] [--header]
 *
 * For each set of arrays (random sparse columns of about each size in
 * --sizes, default 1e3,1e4,1e5,1e6 nonzeros, seeded; and the LP
 * relaxation of each --process model, compiled by procopt), every
 * repetition times, in CPU seconds of the process
 * (CLOCK_PROCESS_CPUTIME_ID), interleaved so both sides see the same load:
 *
 *   po_build   what a service does: po_model_new, po_model_add_constrs (all
 *              rows with names and bounds, no entries), po_model_add_vars
 *              (all columns with names, bounds, costs and their entries in
 *              compressed sparse column form);
 *   po_load    what po_solve then does before GLPK's simplex starts:
 *              checking the model, the result's arrays, the GLPK problem
 *              (glp_create_prob, rows, columns, bounds, costs,
 *              glp_load_matrix).  There is no public call for that alone,
 *              so po_solve runs (method primal, procopt's reductions off,
 *              GLPK's presolver on, so that neither scaling nor an
 *              advanced basis comes before the simplex call) with a log
 *              callback, and po_load ends at the first log line: the one
 *              the backend writes just before glp_simplex.  The rest of
 *              the solve (stopped after one iteration) is not counted;
 *   glpk       the same arrays straight into GLPK: glp_create_prob,
 *              glp_add_rows, glp_add_cols, glp_set_row_name/_col_name,
 *              glp_set_row_bnds/_col_bnds, glp_set_obj_coef,
 *              glp_load_matrix.  GLPK gets its matrix in its own
 *              1-based triplet form, prepared outside the clock (as
 *              procopt gets its CSC arrays); glp_delete_prob is not
 *              counted, nor is po_model_free.
 *
 * and prints one tab-separated line per set with the medians:
 *   set rows cols nnz json_s compile_s po_build_s po_load_s glpk_s
 *   build_ratio total_ratio
 * build_ratio = po_build / glpk, total_ratio = (po_build + po_load) /
 * glpk.  json_s and compile_s (process models only, else "-") are the
 * medians of po_process_load_file and po_process_compile: procopt's model
 * building from a JSON file, for bench/process_sweep.sh's time-against-size
 * curve.  Progress notes go to stderr.
 *
 * A benchmark, not library code: it includes <glpk.h> itself.
 *
 * Copyright (C) 2026 the procopt developers.  GPL-3.0-or-later.
 */
#include <glpk.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "procopt.h"

/* The timed steps stay functions of their own, so that callgrind can
 * count each one's instructions (--toggle-collect or the inclusive
 * costs). */
#if defined(__GNUC__) || defined(__clang__)
#define NOINLINE __attribute__((noinline))
#else
#define NOINLINE
#endif

#define MAX_SIZES 16
#define MAX_PROCESS 16
#define MAX_REPS 99

/* The arrays both sides load: 0-based CSC for procopt, and the same
 * entries as 1-based triplets for glp_load_matrix. */
typedef struct arrays {
    char label[256];
    int m, n;
    long nnz;
    char **row_name, **col_name;
    double *row_lb, *row_ub;
    double *col_lb, *col_ub, *obj;
    int *col_start, *row_index; /* CSC, col_start[n] == nnz */
    double *value;
    int *ia, *ja; /* [1..nnz] */
    double *ar;
    double json_s, compile_s; /* process models; NAN for random arrays */
} arrays;

static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n > 0 ? n : 1);
    if (p == NULL) {
        fprintf(stderr, "build_vs_glpk: out of memory\n");
        exit(1);
    }
    return p;
}

static char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

static void arrays_alloc(arrays *A, int m, int n, long nnz)
{
    A->m = m;
    A->n = n;
    A->nnz = nnz;
    A->row_name = xmalloc((size_t)m * sizeof(char *));
    A->col_name = xmalloc((size_t)n * sizeof(char *));
    A->row_lb = xmalloc((size_t)m * sizeof(double));
    A->row_ub = xmalloc((size_t)m * sizeof(double));
    A->col_lb = xmalloc((size_t)n * sizeof(double));
    A->col_ub = xmalloc((size_t)n * sizeof(double));
    A->obj = xmalloc((size_t)n * sizeof(double));
    A->col_start = xmalloc(((size_t)n + 1) * sizeof(int));
    A->row_index = xmalloc((size_t)nnz * sizeof(int));
    A->value = xmalloc((size_t)nnz * sizeof(double));
    A->json_s = A->compile_s = NAN;
}

/* GLPK's triplets from the CSC arrays (outside the clock). */
static void arrays_triplets(arrays *A)
{
    A->ia = xmalloc(((size_t)A->nnz + 1) * sizeof(int));
    A->ja = xmalloc(((size_t)A->nnz + 1) * sizeof(int));
    A->ar = xmalloc(((size_t)A->nnz + 1) * sizeof(double));
    for (int j = 0; j < A->n; j++)
        for (int p = A->col_start[j]; p < A->col_start[j + 1]; p++) {
            A->ia[p + 1] = A->row_index[p] + 1;
            A->ja[p + 1] = j + 1;
            A->ar[p + 1] = A->value[p];
        }
}

static void arrays_free(arrays *A)
{
    for (int i = 0; i < A->m; i++)
        free(A->row_name[i]);
    for (int j = 0; j < A->n; j++)
        free(A->col_name[j]);
    free(A->row_name);
    free(A->col_name);
    free(A->row_lb);
    free(A->row_ub);
    free(A->col_lb);
    free(A->col_ub);
    free(A->obj);
    free(A->col_start);
    free(A->row_index);
    free(A->value);
    free(A->ia);
    free(A->ja);
    free(A->ar);
    memset(A, 0, sizeof *A);
}

/* ---- random arrays ---- */

static uint64_t splitmix(uint64_t *s)
{
    uint64_t z = (*s += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
}

static double unif(uint64_t *s)
{
    return (double)(splitmix(s) >> 11) * (1.0 / 9007199254740992.0);
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* About `target` nonzeros in the shape of a process LP (compiled models
 * have about 0.28 rows and 0.57 columns per nonzero): n = 0.57 target
 * columns of 1 to 3 entries in distinct random rows, m = n / 2 rows,
 * names as long as the compiled ones ("flow.ship_P3_D7_K12.W05").  Bounds:
 * columns [0, inf) or [0, ub], rows equations, <= or >=. */
static void random_arrays(arrays *A, long target, uint64_t seed)
{
    int n = (int)(0.57 * (double)target);
    if (n < 2)
        n = 2;
    int m = n / 2;
    long cap = 3L * n;
    arrays_alloc(A, m, n, cap);
    uint64_t s = seed;
    char buf[64];
    long p = 0;
    for (int j = 0; j < n; j++) {
        int k = 1 + (int)(unif(&s) * 2.75); /* mean about 1.9 */
        if (k > 3)
            k = 3;
        A->col_start[j] = (int)p;
        int rows[3];
        for (int q = 0; q < k; q++) {
            int r;
            int again;
            do {
                r = (int)(unif(&s) * m);
                again = 0;
                for (int t = 0; t < q; t++)
                    again |= rows[t] == r;
            } while (again);
            rows[q] = r;
        }
        qsort(rows, (size_t)k, sizeof rows[0], cmp_int);
        for (int q = 0; q < k; q++) {
            A->row_index[p] = rows[q];
            A->value[p] = q == 0 ? 1.0 : -(0.01 + unif(&s) * 3);
            p++;
        }
        snprintf(buf, sizeof buf, "flow.act_P%d_D%d_K%d.W%02d", j % 8,
                 (j / 8) % 12, j / 96, j % 52 + 1);
        A->col_name[j] = xstrdup(buf);
        A->col_lb[j] = 0;
        A->col_ub[j] = unif(&s) < 0.3 ? floor(10 + unif(&s) * 1000) : INFINITY;
        A->obj[j] = floor(unif(&s) * 10000) / 100;
    }
    A->col_start[n] = (int)p;
    A->nnz = p;
    for (int i = 0; i < m; i++) {
        snprintf(buf, sizeof buf, "bal.item_D%d_K%d.W%02d", i % 12, i / 12,
                 i % 52 + 1);
        A->row_name[i] = xstrdup(buf);
        double u = unif(&s), rhs = floor(unif(&s) * 500);
        A->row_lb[i] = u < 0.5 ? rhs : u < 0.75 ? -INFINITY : rhs;
        A->row_ub[i] = u < 0.5 ? rhs : u < 0.75 ? rhs : INFINITY;
    }
    snprintf(A->label, sizeof A->label, "random-%ld", target);
    arrays_triplets(A);
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Sorts v. */
static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof v[0], cmp_double);
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

/* ---- arrays of a compiled process model ---- */

static int process_arrays(arrays *A, const char *path, int reps)
{
    double json[MAX_REPS], comp[MAX_REPS];
    po_model *M = NULL;
    for (int r = 0; r < reps; r++) {
        po_process *P = po_process_new();
        if (P == NULL) {
            fprintf(stderr, "build_vs_glpk: out of memory\n");
            return -1;
        }
        double t0 = cpu_now();
        po_status st = po_process_load_file(P, path);
        double t1 = cpu_now();
        po_model *m1 = NULL;
        if (st == PO_OK)
            st = po_process_compile(P, &m1);
        double t2 = cpu_now();
        if (st != PO_OK) {
            fprintf(stderr, "build_vs_glpk: %s: %s\n", path,
                    po_process_errmsg(P));
            po_process_free(P);
            po_model_free(M);
            return -1;
        }
        po_process_free(P);
        json[r] = t1 - t0;
        comp[r] = t2 - t1;
        if (M == NULL)
            M = m1;
        else
            po_model_free(m1);
    }
    int m = po_model_num_constrs(M), n = po_model_num_vars(M);
    long nnz = po_model_num_nonzeros(M);
    arrays_alloc(A, m, n, nnz);
    long p = 0;
    for (int j = 0; j < n; j++) {
        A->col_name[j] = xstrdup(po_model_var_name(M, j));
        A->col_lb[j] = po_model_var_lb(M, j);
        A->col_ub[j] = po_model_var_ub(M, j);
        A->obj[j] = po_model_var_obj(M, j);
        A->col_start[j] = (int)p;
        p += po_model_var_col(M, j, A->row_index + p, A->value + p);
    }
    A->col_start[n] = (int)p;
    for (int i = 0; i < m; i++) {
        A->row_name[i] = xstrdup(po_model_constr_name(M, i));
        A->row_lb[i] = po_model_constr_lb(M, i);
        A->row_ub[i] = po_model_constr_ub(M, i);
    }
    po_model_free(M);
    const char *base = strrchr(path, '/');
    snprintf(A->label, sizeof A->label, "%s", base ? base + 1 : path);
    arrays_triplets(A);
    A->json_s = median(json, reps);
    A->compile_s = median(comp, reps);
    return 0;
}

/* ---- the three timings ---- */

NOINLINE static po_model *po_build(const arrays *A)
{
    po_model *M = po_model_new();
    if (M == NULL ||
        po_model_add_constrs(M, A->m, (const char *const *)A->row_name,
                             A->row_lb, A->row_ub, NULL, NULL,
                             NULL) != PO_OK ||
        po_model_add_vars(M, A->n, (const char *const *)A->col_name,
                          A->col_lb, A->col_ub, A->obj, NULL, A->col_start,
                          A->row_index, A->value) != PO_OK) {
        fprintf(stderr, "build_vs_glpk: %s: %s\n", A->label,
                M ? po_model_errmsg(M) : "out of memory");
        exit(1);
    }
    return M;
}

typedef struct stamp {
    double t; /* CPU time of the first log line, or 0 */
} stamp;

static void first_line(void *user, const char *text)
{
    stamp *s = user;
    (void)text;
    if (s->t == 0)
        s->t = cpu_now();
}

/* CPU seconds from po_solve's call to the first log line. */
NOINLINE static double po_load(po_model *M, const char *label)
{
    po_options o;
    po_options_init(&o);
    o.method = PO_METHOD_PRIMAL;
    o.reductions = 0;
    o.presolve = 1;
    o.iteration_limit = 1;
    stamp s = {0};
    o.log = first_line;
    o.log_user = &s;
    po_result *r = NULL;
    double t0 = cpu_now();
    po_status st = po_solve(M, &o, &r);
    if (st != PO_OK || s.t == 0) {
        fprintf(stderr, "build_vs_glpk: %s: po_solve: %s\n", label,
                st != PO_OK ? po_model_errmsg(M) : "no log line");
        exit(1);
    }
    po_result_free(r);
    return s.t - t0;
}

NOINLINE static double glpk_load(const arrays *A)
{
    double t0 = cpu_now();
    glp_prob *P = glp_create_prob();
    glp_set_obj_dir(P, GLP_MIN);
    if (A->m > 0)
        glp_add_rows(P, A->m);
    if (A->n > 0)
        glp_add_cols(P, A->n);
    for (int i = 0; i < A->m; i++) {
        double lb = A->row_lb[i], ub = A->row_ub[i];
        int type = isinf(lb) ? (isinf(ub) ? GLP_FR : GLP_UP)
                   : isinf(ub) ? GLP_LO
                   : lb == ub  ? GLP_FX
                               : GLP_DB;
        glp_set_row_name(P, i + 1, A->row_name[i]);
        glp_set_row_bnds(P, i + 1, type, isinf(lb) ? 0 : lb, isinf(ub) ? 0 : ub);
    }
    for (int j = 0; j < A->n; j++) {
        double lb = A->col_lb[j], ub = A->col_ub[j];
        int type = isinf(lb) ? (isinf(ub) ? GLP_FR : GLP_UP)
                   : isinf(ub) ? GLP_LO
                   : lb == ub  ? GLP_FX
                               : GLP_DB;
        glp_set_col_name(P, j + 1, A->col_name[j]);
        glp_set_col_bnds(P, j + 1, type, isinf(lb) ? 0 : lb, isinf(ub) ? 0 : ub);
        glp_set_obj_coef(P, j + 1, A->obj[j]);
    }
    if (A->nnz > 0)
        glp_load_matrix(P, (int)A->nnz, A->ia, A->ja, A->ar);
    double t = cpu_now() - t0;
    glp_delete_prob(P);
    return t;
}

static void measure(const arrays *A, int reps)
{
    double b[MAX_REPS], l[MAX_REPS], g[MAX_REPS];
    for (int r = 0; r < reps; r++) {
        /* alternate which side goes first, against drift of the load */
        if (r % 2 == 0)
            g[r] = glpk_load(A);
        double t0 = cpu_now();
        po_model *M = po_build(A);
        b[r] = cpu_now() - t0;
        glp_free_env(); /* procopt's calls must not meet our GLPK objects */
        l[r] = po_load(M, A->label);
        po_model_free(M);
        if (r % 2 == 1)
            g[r] = glpk_load(A);
    }
    glp_free_env();
    double mb = median(b, reps), ml = median(l, reps), mg = median(g, reps);
    char js[32] = "-", cs[32] = "-";
    if (!isnan(A->json_s)) {
        snprintf(js, sizeof js, "%.6f", A->json_s);
        snprintf(cs, sizeof cs, "%.6f", A->compile_s);
    }
    printf("%s\t%d\t%d\t%ld\t%s\t%s\t%.6f\t%.6f\t%.6f\t%.3f\t%.3f\n", A->label,
           A->m, A->n, A->nnz, js, cs, mb, ml, mg, mb / mg, (mb + ml) / mg);
    fflush(stdout);
}

static int usage(void)
{
    fputs("usage: build_vs_glpk [--reps N] [--sizes 1e3,1e4,1e5,1e6] "
          "[--process FILE.json]... [--no-random] [--header]\n",
          stderr);
    return 2;
}

int main(int argc, char **argv)
{
    int reps = 5, nsizes = 0, nproc = 0, random = 1, header = 0;
    long sizes[MAX_SIZES];
    const char *proc[MAX_PROCESS];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--reps") == 0 && i + 1 < argc) {
            reps = atoi(argv[++i]);
            if (reps < 1 || reps > MAX_REPS)
                return usage();
        } else if (strcmp(a, "--sizes") == 0 && i + 1 < argc) {
            char *s = argv[++i], *end;
            while (*s != '\0' && nsizes < MAX_SIZES) {
                double v = strtod(s, &end);
                if (end == s || !(v >= 1 && v <= 2e8))
                    return usage();
                sizes[nsizes++] = (long)v;
                s = *end == ',' ? end + 1 : end;
                if (*end != ',' && *end != '\0')
                    return usage();
            }
        } else if (strcmp(a, "--process") == 0 && i + 1 < argc) {
            if (nproc == MAX_PROCESS)
                return usage();
            proc[nproc++] = argv[++i];
        } else if (strcmp(a, "--no-random") == 0) {
            random = 0;
        } else if (strcmp(a, "--header") == 0) {
            header = 1;
        } else {
            return usage();
        }
    }
    if (nsizes == 0 && random) {
        static const long def[] = {1000, 10000, 100000, 1000000};
        for (int k = 0; k < 4; k++)
            sizes[nsizes++] = def[k];
    }
    glp_term_out(GLP_OFF);
    if (header)
        printf("set\trows\tcols\tnnz\tjson_s\tcompile_s\tpo_build_s\t"
               "po_load_s\tglpk_s\tbuild_ratio\ttotal_ratio\n");
    for (int k = 0; random && k < nsizes; k++) {
        arrays A;
        memset(&A, 0, sizeof A);
        random_arrays(&A, sizes[k], 12345u + (uint64_t)k);
        fprintf(stderr, "build_vs_glpk: %s: %d rows, %d columns, %ld nonzeros\n",
                A.label, A.m, A.n, A.nnz);
        measure(&A, reps);
        arrays_free(&A);
    }
    for (int k = 0; k < nproc; k++) {
        arrays A;
        memset(&A, 0, sizeof A);
        if (process_arrays(&A, proc[k], reps) != 0)
            return 1;
        fprintf(stderr, "build_vs_glpk: %s: %d rows, %d columns, %ld nonzeros\n",
                A.label, A.m, A.n, A.nnz);
        measure(&A, reps);
        arrays_free(&A);
    }
    return 0;
}
