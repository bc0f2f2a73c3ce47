/*
 * blas_vs_loop.c -- cost-scenario evaluation V = C X (S scenarios x n
 * coefficients times n x P plans, each plan one contiguous vector) through OpenBLAS dgemm against the plain
 * loop, for the shapes a scenario sweep produces.
 *
 *   blas_vs_loop [--quick] [--reps N]
 *
 * For each shape: median wall time over N repetitions (after one untimed
 * warm-up) of the loop, of dgemm on one OpenBLAS thread and on all of
 * them, the ratios loop/blas, and the largest difference between the two
 * results relative to sum |c_k x_k| (must stay below 1e-9).  Shapes whose
 * cost matrix exceeds 800 MB are skipped (the scenario driver evaluates
 * such sweeps in blocks of scenarios), and so are those with more than
 * 1e9 multiply-adds (minutes of loop time for little information).
 */
#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "rng.h"
#include "scenario_eval.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

typedef po_status (*eval_fn)(const double *, const double *, size_t, size_t,
                             size_t, double *);

static double median_time(eval_fn f, const double *c, const double *x,
                          size_t S, size_t n, size_t P, double *v, int reps)
{
    double t[64];
    if (f(c, x, S, n, P, v) != PO_OK) /* warm-up: caches, BLAS threads */
        return NAN;
    for (int r = 0; r < reps; r++) {
        double t0 = now();
        po_status st = f(c, x, S, n, P, v);
        t[r] = now() - t0;
        if (st != PO_OK)
            return NAN;
    }
    qsort(t, (size_t)reps, sizeof t[0], cmp);
    return reps % 2 ? t[reps / 2] : 0.5 * (t[reps / 2 - 1] + t[reps / 2]);
}

/* Largest |a - b| / sum_k |c_k x_k| over all entries (sampled rows for
 * big shapes: the magnitudes cost as much as a product). */
static double max_rel_diff(const double *c, const double *x, const double *a,
                           const double *b, size_t S, size_t n, size_t P)
{
    double worst = 0.0;
    size_t step = S > 64 ? S / 64 : 1;
    for (size_t s = 0; s < S; s += step)
        for (size_t j = 0; j < P; j++) {
            double mag = 0.0;
            for (size_t k = 0; k < n; k++)
                mag += fabs(c[s * n + k] * x[j * n + k]);
            double d = fabs(a[s * P + j] - b[s * P + j]) / (mag > 0 ? mag : 1.0);
            if (d > worst)
                worst = d;
        }
    return worst;
}

int main(int argc, char **argv)
{
    int quick = 0, reps = 5;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--quick") == 0) {
            quick = 1;
        } else if (strcmp(argv[i], "--reps") == 0 && i + 1 < argc) {
            reps = atoi(argv[++i]);
        } else {
            fprintf(stderr, "usage: %s [--quick] [--reps N]\n", argv[0]);
            return 2;
        }
    }
    if (quick && reps == 5)
        reps = 3;
    if (reps < 1 || reps > 64) {
        fprintf(stderr, "blas_vs_loop: --reps must be in 1..64\n");
        return 2;
    }
    static const size_t S_full[] = {100, 1000, 10000}, S_quick[] = {100, 1000};
    static const size_t n_full[] = {100, 1000, 10000, 100000}, n_quick[] = {100, 1000, 10000};
    static const size_t P_full[] = {2, 4, 8, 32}, P_quick[] = {2, 8};
    const size_t *Ss = quick ? S_quick : S_full, *ns = quick ? n_quick : n_full;
    const size_t *Ps = quick ? P_quick : P_full;
    size_t nS = quick ? 2 : 3, nn = quick ? 3 : 4, nP = quick ? 2 : 4;

    const int procs = openblas_get_num_procs();
    printf("# blas_vs_loop: V = C X, C is S x n, X is n x P; median of %d runs\n", reps);
    printf("# OpenBLAS %s, %d processors; 'blasT' uses %d OpenBLAS threads\n",
           openblas_get_config(), procs, procs);
    printf("# %6s %7s %3s %9s %10s %10s %10s %9s %9s %9s\n", "S", "n", "P",
           "C_MB", "loop_ms", "blas1_ms", "blasT_ms", "loop/b1", "loop/bT",
           "maxreldif");
    for (size_t a = 0; a < nS; a++)
        for (size_t b = 0; b < nn; b++)
            for (size_t d = 0; d < nP; d++) {
                size_t S = Ss[a], n = ns[b], P = Ps[d];
                double mb = (double)S * (double)n * 8.0 / 1e6;
                if (mb > 800.0 || (double)S * (double)n * (double)P > 1e9) {
                    printf("  %6zu %7zu %3zu %9.1f %10s\n", S, n, P, mb, "skipped");
                    continue;
                }
                double *c = malloc(S * n * sizeof(double));
                double *x = malloc(n * P * sizeof(double));
                double *v1 = malloc(S * P * sizeof(double));
                double *v2 = malloc(S * P * sizeof(double));
                if (c == NULL || x == NULL || v1 == NULL || v2 == NULL) {
                    printf("  %6zu %7zu %3zu %9.1f %10s\n", S, n, P, mb, "no-memory");
                    free(c); free(x); free(v1); free(v2);
                    continue;
                }
                po__rng rng;
                po__rng_seed(&rng, 1, S * 1000003u + n * 31u + P);
                for (size_t i = 0; i < S * n; i++)
                    c[i] = 0.5 + po__rng_uniform(&rng); /* cost factors x cost */
                for (size_t i = 0; i < n * P; i++)
                    x[i] = 100.0 * po__rng_uniform(&rng);
                int r = mb > 200.0 && reps > 3 ? 3 : reps;
                double tl = median_time(po__scenario_eval_loop, c, x, S, n, P, v2, r);
                openblas_set_num_threads(1);
                double t1 = median_time(po__scenario_eval_blas, c, x, S, n, P, v1, r);
                openblas_set_num_threads(procs);
                double tt = median_time(po__scenario_eval_blas, c, x, S, n, P, v1, r);
                double diff = max_rel_diff(c, x, v1, v2, S, n, P);
                printf("  %6zu %7zu %3zu %9.1f %10.3f %10.3f %10.3f %9.2f %9.2f %9.1e\n",
                       S, n, P, mb, 1e3 * tl, 1e3 * t1, 1e3 * tt, tl / t1, tl / tt, diff);
                fflush(stdout);
                free(c);
                free(x);
                free(v1);
                free(v2);
            }
    return 0;
}
