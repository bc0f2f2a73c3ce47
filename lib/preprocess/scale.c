/*
 * scale.c -- power-of-2 scale factors of the constraint matrix (see
 * scale.h for the algorithm and for what runs through BLAS).
 *
 * Factors are kept as integer exponents while they are computed, so each
 * pass changes them exactly and the working copies of |A| always hold
 * exactly R A S: a product by a power of 2 is exact (short of the
 * subnormal range, which the exponent clamp keeps away from any matrix
 * GLPK can solve).
 */
#include "scale.h"

#include "blas.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>

#define GM_PASSES 15  /* as GLPK's gm_iterate(lp, 15, 0.90) */
#define GM_TAU 0.90   /* a pass must cut the ratio by 10 % to go on */
#define EXP_LIMIT 256 /* |log2| of any factor: far beyond real data */

/* po__scale's choice per run (bench/scale_vs_loop.c and its note in
 * docs/benchmarks.md): below these lengths the call overhead of OpenBLAS
 * costs more than its kernels gain.  Measured per element on this machine
 * (OpenBLAS 0.3.21, SkylakeX kernels, gcc -O2): idamin + idamax against
 * the loop 0.17x at 2 entries, 0.55x at 64, 1.1x at 256, 1.8x at 4096;
 * dscal 0.3x at 2-4 entries, 0.9x at 16, 1.1x-1.45x from 32 on. */
#define HYBRID_MINMAX_LEN 256
#define HYBRID_SCAL_LEN 32

/* po__scale opens OpenBLAS only for matrices this large.  Opening it costs
 * a process 1.4 ms once (blas.h); what the BLAS runs save is less below
 * about a million nonzeros (bench/scale_vs_loop, whole scaling, loop
 * against by-length: 80bau3b 21k nonzeros 1.5 vs 2.7 ms, pilot87 73k 2.63
 * vs 2.42 ms, a generated process LP of 531k 25.8 vs 24.4 ms). */
#define HYBRID_MIN_NNZ 1000000L

enum { KERNEL_LOOP, KERNEL_BLAS, KERNEL_BY_LENGTH };

/* |A| by rows and by columns, the exponents, and the factors of a pass. */
typedef struct sc_mat {
    int m, n, nnz;
    int *rp, *ci; /* CSR: row i is rv[rp[i] .. rp[i+1]-1], columns ci */
    int *cp, *ri; /* CSC: column j is cv[cp[j] .. cp[j+1]-1], rows ri */
    double *rv, *cv;
    int *er, *ec; /* log2 of the factors found so far */
    double *f;    /* one pass's factors, max(m, n) */
    int kernel;   /* KERNEL_*: OpenBLAS, plain loops, or by run length */
    po__blas blas; /* open unless kernel is KERNEL_LOOP */
} sc_mat;

static void sc_free(sc_mat *M)
{
    free(M->rp);
    free(M->ci);
    free(M->cp);
    free(M->ri);
    free(M->rv);
    free(M->cv);
    free(M->er);
    free(M->ec);
    free(M->f);
}

/* ---- the two kernels that differ between the twins ---- */

/* Smallest and largest of len > 0 values, all >= 0 (so |x| is x). */
static void run_minmax(const sc_mat *M, int len, const double *v, double *mn,
                       double *mx)
{
    if (M->kernel == KERNEL_BLAS ||
        (M->kernel == KERNEL_BY_LENGTH && len >= HYBRID_MINMAX_LEN)) {
        *mx = v[M->blas.idamax(len, v, 1)];
        *mn = v[M->blas.idamin(len, v, 1)];
        return;
    }
    double a = v[0], b = v[0];
    for (int k = 1; k < len; k++) {
        if (v[k] < a)
            a = v[k];
        if (v[k] > b)
            b = v[k];
    }
    *mn = a;
    *mx = b;
}

static void run_scale(const sc_mat *M, int len, double f, double *v)
{
    if (M->kernel == KERNEL_BLAS ||
        (M->kernel == KERNEL_BY_LENGTH && len >= HYBRID_SCAL_LEN)) {
        M->blas.dscal(len, f, v, 1);
        return;
    }
    for (int k = 0; k < len; k++)
        v[k] *= f;
}

/* ---- shared by both ---- */

static po_status check_args(int m, int n, long nnz, const int *ia,
                            const int *ja, const double *ar, int base)
{
    if (m < 0 || n < 0 || nnz < 0 || (base != 0 && base != 1))
        return PO_EINVAL;
    if (nnz > 0 && (ia == NULL || ja == NULL || ar == NULL))
        return PO_EINVAL;
    if (nnz > INT_MAX)
        return PO_ETOOBIG;
    po_status st = PO_OK;
    for (long k = 0; k < nnz; k++) {
        long i = (long)ia[k] - base, j = (long)ja[k] - base;
        if (i < 0 || i >= m || j < 0 || j >= n)
            return PO_ERANGE;
        if (isnan(ar[k]))
            return PO_ENAN;
        if (isinf(ar[k]))
            st = PO_EINF;
    }
    return st;
}

/* Both copies of |A| (zeros left out) by counting sort. */
static po_status sc_build(sc_mat *M, int m, int n, long nnz, const int *ia,
                          const int *ja, const double *ar, int base)
{
    int nz = 0;
    for (long k = 0; k < nnz; k++)
        nz += ar[k] != 0.0;
    size_t z = (size_t)nz > 0 ? (size_t)nz : 1;
    size_t big = (size_t)(m > n ? m : n) + 1;
    M->m = m;
    M->n = n;
    M->nnz = nz;
    M->rp = calloc((size_t)m + 1, sizeof(int));
    M->cp = calloc((size_t)n + 1, sizeof(int));
    M->ci = malloc(z * sizeof(int));
    M->ri = malloc(z * sizeof(int));
    M->rv = malloc(z * sizeof(double));
    M->cv = malloc(z * sizeof(double));
    M->er = calloc((size_t)m + 1, sizeof(int));
    M->ec = calloc((size_t)n + 1, sizeof(int));
    M->f = malloc(big * sizeof(double));
    if (!M->rp || !M->cp || !M->ci || !M->ri || !M->rv || !M->cv || !M->er ||
        !M->ec || !M->f)
        return PO_ENOMEM;
    for (long k = 0; k < nnz; k++) {
        if (ar[k] == 0.0)
            continue;
        M->rp[ia[k] - base]++;
        M->cp[ja[k] - base]++;
    }
    /* counts -> starts, then each start moves to its run's end as filled */
    int sum = 0;
    for (int i = 0; i < m; i++) {
        int c = M->rp[i];
        M->rp[i] = sum;
        sum += c;
    }
    M->rp[m] = sum;
    sum = 0;
    for (int j = 0; j < n; j++) {
        int c = M->cp[j];
        M->cp[j] = sum;
        sum += c;
    }
    M->cp[n] = sum;
    for (long k = 0; k < nnz; k++) {
        if (ar[k] == 0.0)
            continue;
        int i = ia[k] - base, j = ja[k] - base;
        double v = fabs(ar[k]);
        int p = M->rp[i]++, q = M->cp[j]++;
        M->ci[p] = j;
        M->rv[p] = v;
        M->ri[q] = i;
        M->cv[q] = v;
    }
    for (int i = m; i > 0; i--)
        M->rp[i] = M->rp[i - 1];
    M->rp[0] = 0;
    for (int j = n; j > 0; j--)
        M->cp[j] = M->cp[j - 1];
    M->cp[0] = 0;
    return PO_OK;
}

/* Exponent of the power of 2 nearest to 1/x (in log terms), x > 0. */
static int inv_pow2_exp(double x)
{
    int e;
    double fr = frexp(x, &e); /* x = fr 2^e, 0.5 <= fr < 1 */
    /* log2 x = e + log2 fr with log2 fr in [-1, 0): nearest integer is e
     * when fr >= 2^-1/2, else e - 1 */
    int l = fr >= 0.70710678118654752 ? e : e - 1;
    return -l;
}

/* Largest max/min ratio over the runs of one copy (1 when none). */
static double worst_ratio(const sc_mat *M, int by_rows)
{
    int cnt = by_rows ? M->m : M->n;
    const int *ptr = by_rows ? M->rp : M->cp;
    const double *val = by_rows ? M->rv : M->cv;
    double worst = 1.0;
    for (int t = 0; t < cnt; t++) {
        int len = ptr[t + 1] - ptr[t];
        if (len == 0)
            continue;
        double mn, mx;
        run_minmax(M, len, val + ptr[t], &mn, &mx);
        if (mx / mn > worst)
            worst = mx / mn;
    }
    return worst;
}

/* One pass over the rows (by_rows) or the columns: each run divided by
 * sqrt(min * max) (geometric mean) or by its max (equilibration), rounded
 * to a power of 2; then the other copy brought up to date. */
static void pass(sc_mat *M, int by_rows, int geometric)
{
    int cnt = by_rows ? M->m : M->n;
    const int *ptr = by_rows ? M->rp : M->cp;
    double *val = by_rows ? M->rv : M->cv;
    int *ex = by_rows ? M->er : M->ec;
    int changed = 0;
    for (int t = 0; t < cnt; t++) {
        int len = ptr[t + 1] - ptr[t];
        M->f[t] = 1.0;
        if (len == 0)
            continue;
        double mn, mx;
        run_minmax(M, len, val + ptr[t], &mn, &mx);
        /* sqrt of each: the product of two extreme values may overflow */
        double g = geometric ? sqrt(mn) * sqrt(mx) : mx;
        int e = ex[t] + inv_pow2_exp(g);
        if (e > EXP_LIMIT)
            e = EXP_LIMIT;
        if (e < -EXP_LIMIT)
            e = -EXP_LIMIT;
        if (e == ex[t])
            continue;
        M->f[t] = ldexp(1.0, e - ex[t]);
        ex[t] = e;
        run_scale(M, len, M->f[t], val + ptr[t]);
        changed = 1;
    }
    if (!changed)
        return;
    /* the other copy: each value times the factor of its row (column),
     * found through the index array -- a gather, no BLAS call for it */
    const int *idx = by_rows ? M->ri : M->ci;
    double *other = by_rows ? M->cv : M->rv;
    for (int k = 0; k < M->nnz; k++)
        other[k] *= M->f[idx[k]];
}

/* Geometric-mean passes, then equilibration, as glp_scale_prob with
 * GLP_SF_GM | GLP_SF_EQ | GLP_SF_SKIP (GLP_SF_AUTO) does it. */
static void sc_run(sc_mat *M)
{
    if (M->nnz == 0)
        return;
    double mn, mx;
    run_minmax(M, M->nnz, M->cv, &mn, &mx);
    if (mn >= 0.10 && mx <= 10.0)
        return; /* well scaled already: GLPK skips as well */
    /* the worse scaled side first (GLPK: rows first when their worst ratio
     * is not above the columns') */
    int cols_first = worst_ratio(M, 1) > worst_ratio(M, 0);
    double ratio = 0.0;
    for (int k = 1; k <= GM_PASSES; k++) {
        double r_old = ratio;
        run_minmax(M, M->nnz, M->cv, &mn, &mx);
        ratio = mx / mn;
        if (k > 1 && ratio > GM_TAU * r_old)
            break;
        pass(M, !cols_first, 1);
        pass(M, cols_first, 1);
    }
    cols_first = worst_ratio(M, 1) > worst_ratio(M, 0);
    pass(M, !cols_first, 0);
    pass(M, cols_first, 0);
}

static po_status scale_with(int kernel, int m, int n, long nnz, const int *ia,
                            const int *ja, const double *ar, int base,
                            double *r, double *s)
{
    po_status st = check_args(m, n, nnz, ia, ja, ar, base);
    if (st != PO_OK)
        return st;
    if ((m > 0 && r == NULL) || (n > 0 && s == NULL))
        return PO_EINVAL;
    sc_mat M = {0};
    if (kernel == KERNEL_BY_LENGTH && nnz < HYBRID_MIN_NNZ)
        kernel = KERNEL_LOOP;
    if (kernel != KERNEL_LOOP && !po__blas_open(&M.blas))
        kernel = KERNEL_LOOP; /* same factors, by the loops */
    M.kernel = kernel;
    st = sc_build(&M, m, n, nnz, ia, ja, ar, base);
    if (st == PO_OK) {
        sc_run(&M);
        for (int i = 0; i < m; i++)
            r[i] = ldexp(1.0, M.er[i]);
        for (int j = 0; j < n; j++)
            s[j] = ldexp(1.0, M.ec[j]);
    }
    sc_free(&M);
    po__blas_close(&M.blas);
    return st;
}

po_status po__scale_blas(int m, int n, long nnz, const int *ia,
                         const int *ja, const double *ar, int base,
                         double *r, double *s)
{
    return scale_with(KERNEL_BLAS, m, n, nnz, ia, ja, ar, base, r, s);
}

po_status po__scale_loop(int m, int n, long nnz, const int *ia,
                         const int *ja, const double *ar, int base,
                         double *r, double *s)
{
    return scale_with(KERNEL_LOOP, m, n, nnz, ia, ja, ar, base, r, s);
}

po_status po__scale(int m, int n, long nnz, const int *ia, const int *ja,
                    const double *ar, int base, double *r, double *s)
{
    return scale_with(KERNEL_BY_LENGTH, m, n, nnz, ia, ja, ar, base, r, s);
}

double po__scale_ratio(int m, int n, long nnz, const int *ia, const int *ja,
                       const double *ar, int base, const double *r,
                       const double *s)
{
    if (check_args(m, n, nnz, ia, ja, ar, base) != PO_OK)
        return NAN;
    double mn = INFINITY, mx = 0.0;
    for (long k = 0; k < nnz; k++) {
        if (ar[k] == 0.0)
            continue;
        double v = fabs(ar[k]);
        if (r != NULL)
            v *= r[ia[k] - base];
        if (s != NULL)
            v *= s[ja[k] - base];
        if (v < mn)
            mn = v;
        if (v > mx)
            mx = v;
    }
    return mx > 0.0 ? mx / mn : 1.0;
}
