/*
 * test_scale.c -- lib/preprocess/scale.c (power-of-2 scale factors, BLAS and loop
 * twins), options.scaling, and the interior point method with its
 * crossover (lib/backend/glpk_backend.c).
 *
 * What is checked, and why it could be wrong:
 *  - the BLAS twin, the loop twin and po__scale give bit-identical factors
 *    (scale.h claims it: minima, maxima and products by powers of 2 are
 *    exact) on the sample LPs and MIPs and on seeded random matrices with
 *    long and short runs, empty rows and columns;
 *  - every factor is a power of 2, and the scaled matrix is never worse
 *    scaled than the original (max/min |a_ij|);
 *  - two matrices whose factors were worked out by hand below;
 *  - argument errors and their status codes;
 *  - the sample LPs solved with each scaling, presolver on and off, reach
 *    the published optima (SoPlex's netlib values, as in test_instances.c;
 *    e226's objective constant -7.113 as GLPK reads it);
 *  - options.scaling is validated with an exact message;
 *  - interior point on brandy, where GLPK's interior point does not
 *    converge (glpsol still exits 0): the result is the optimum with a basis
 *    and duals, the log says what happened, and a warm start from that basis
 *    needs no iteration; on the others (converged) the crossover gives a
 *    basis with sensitivity ranges; an infeasible LP stays infeasible.
 */
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "model.h"
#include "procopt.h"
#include "lp_fixtures.h"
#include "rng.h"
#include "scale.h"

#define INF PO_INF

typedef struct sample {
    const char *name;
    double optimum;  /* published, without the objective constant */
    double constant; /* as GLPK reads it */
} sample;

static const sample lps[] = {
    {"afiro", -464.75314285714285, 0},
    {"brandy", 1518.5098964881283, 0},
    {"e226", -18.75192906637055, -7.113},
    {"finnis", 172791.06559561158, 0},
};
#define N_LPS (sizeof lps / sizeof lps[0])
static const char *const mips[] = {"p0033", "p0201", "p0548", "lseu"};

static void check_rel(double got, double want, double tol, const char *what)
{
    if (!(fabs(got - want) <= tol * fmax(1.0, fabs(want)))) {
        print_error("%s: got %.17g, want %.17g\n", what, got, want);
        fail();
    }
}

static int is_pow2(double f)
{
    int e;
    return f > 0 && isfinite(f) && frexp(f, &e) == 0.5;
}

/* All three ways on one matrix (0-based triplets): identical factors,
 * powers of 2, no worse scaled.  Returns the scaled ratio. */
static double check_twins(int m, int n, long nnz, const int *ia,
                          const int *ja, const double *ar, const char *what)
{
    size_t mm = (size_t)m + 1, nn = (size_t)n + 1;
    double *r1 = malloc(mm * sizeof(double)), *s1 = malloc(nn * sizeof(double));
    double *r2 = malloc(mm * sizeof(double)), *s2 = malloc(nn * sizeof(double));
    double *r3 = malloc(mm * sizeof(double)), *s3 = malloc(nn * sizeof(double));
    assert_true(r1 && s1 && r2 && s2 && r3 && s3);
    assert_int_equal(po__scale_loop(m, n, nnz, ia, ja, ar, 0, r1, s1), PO_OK);
    assert_int_equal(po__scale_blas(m, n, nnz, ia, ja, ar, 0, r2, s2), PO_OK);
    assert_int_equal(po__scale(m, n, nnz, ia, ja, ar, 0, r3, s3), PO_OK);
    if (memcmp(r1, r2, (size_t)m * sizeof(double)) != 0 ||
        memcmp(s1, s2, (size_t)n * sizeof(double)) != 0 ||
        memcmp(r1, r3, (size_t)m * sizeof(double)) != 0 ||
        memcmp(s1, s3, (size_t)n * sizeof(double)) != 0) {
        print_error("%s: the twins' factors differ\n", what);
        fail();
    }
    for (int i = 0; i < m; i++)
        if (!is_pow2(r1[i])) {
            print_error("%s: row factor %d = %.17g\n", what, i, r1[i]);
            fail();
        }
    for (int j = 0; j < n; j++)
        if (!is_pow2(s1[j])) {
            print_error("%s: column factor %d = %.17g\n", what, j, s1[j]);
            fail();
        }
    double before = po__scale_ratio(m, n, nnz, ia, ja, ar, 0, NULL, NULL);
    double after = po__scale_ratio(m, n, nnz, ia, ja, ar, 0, r1, s1);
    if (!(after <= before)) {
        print_error("%s: max/min |a| %.3g before, %.3g after\n", what, before,
                    after);
        fail();
    }
    free(r1);
    free(s1);
    free(r2);
    free(s2);
    free(r3);
    free(s3);
    return after;
}

static void test_twins_samples(void **state)
{
    (void)state;
    int seen = 0;
    for (size_t k = 0; k < N_LPS + 4; k++) {
        const char *name = k < N_LPS ? lps[k].name : mips[k - N_LPS];
        po_model *m = read_sample(name);
        if (m == NULL)
            continue;
        seen++;
        double after = check_twins(m->nrows, m->ncols, m->nnz, m->nz_row,
                                   m->nz_col, m->nz_val, name);
        /* brandy, e226 and finnis range over 7e4 to 6e6 before: scaling
         * brings them to a few hundred (measured: 5.6e2, 4.0e2, 2.9e2) */
        if (k >= 1 && k <= 3 && !(after < 1e3)) {
            print_error("%s: scaled ratio %.3g\n", name, after);
            fail();
        }
        po_model_free(m);
    }
    if (seen == 0)
        skip();
}

/* Seeded random matrices: magnitudes over 2^-40 .. 2^40, a few long rows
 * and columns (so that po__scale takes BLAS for them and loops for the
 * rest), some empty rows and columns, explicit zeros. */
static void test_twins_random(void **state)
{
    (void)state;
    for (int t = 0; t < 12; t++) {
        po__rng g;
        po__rng_seed(&g, 7, (uint64_t)t);
        int m = 20 + (int)(po__rng_uniform(&g) * 600);
        int n = 20 + (int)(po__rng_uniform(&g) * 600);
        long cap = (long)m * 3 + 2000;
        int *ia = malloc((size_t)cap * sizeof(int));
        int *ja = malloc((size_t)cap * sizeof(int));
        double *ar = malloc((size_t)cap * sizeof(double));
        unsigned char *used = calloc((size_t)m * (size_t)n, 1);
        assert_true(ia && ja && ar && used);
        long nnz = 0;
        /* a dense row 0 and a dense column 0 (runs of 300+ entries when
         * the matrix is that big) */
        for (int j = 0; j < n; j += 1 + (t % 2)) {
            ia[nnz] = 0, ja[nnz] = j, used[j] = 1;
            ar[nnz++] = ldexp(1.0 + po__rng_uniform(&g), (j % 81) - 40);
        }
        for (int i = 1; i < m; i++) {
            ia[nnz] = i, ja[nnz] = 0, used[(size_t)i * (size_t)n] = 1;
            ar[nnz++] = -ldexp(1.0 + po__rng_uniform(&g), (i % 61) - 30);
        }
        while (nnz < cap) {
            int i = (int)(po__rng_uniform(&g) * m);
            int j = (int)(po__rng_uniform(&g) * n);
            if (i % 17 == 5 || j % 13 == 7 || used[(size_t)i * n + j])
                continue; /* leaves rows and columns empty but for 0 */
            used[(size_t)i * n + j] = 1;
            double v = ldexp(0.5 + po__rng_uniform(&g),
                             (int)(po__rng_uniform(&g) * 81) - 40);
            ia[nnz] = i, ja[nnz] = j;
            ar[nnz] = nnz % 97 == 0 ? 0.0 : nnz % 2 ? v : -v;
            nnz++;
        }
        char what[32];
        snprintf(what, sizeof what, "random %d", t);
        check_twins(m, n, nnz, ia, ja, ar, what);
        free(ia);
        free(ja);
        free(ar);
        free(used);
    }
}

/*
 * By hand, following scale.h:
 * (a) A = [1024] (1x1): not within [0.1, 10], so not skipped.  Geometric
 *     mean, rows first (row and column ratios are both 1): row 0 divided
 *     by sqrt(1024 * 1024) = 2^10 -> r = 2^-10, entry 1; the column pass
 *     finds 1 -> s = 1.  Second pass: ratio 1 is not below 0.9 * 1: stop.
 *     Equilibration: max 1 -> nothing.  r = 2^-10, s = 1.
 * (b) A = diag(1e4, 1e-4): row 0: log2(1e4) = 13.29 -> nearest 13, r0 =
 *     2^-13, entry 1.2207; row 1: log2(1e-4) = -13.29 -> r1 = 2^13, entry
 *     0.8192.  Columns: log2 1.2207 = 0.29, log2 0.8192 = -0.29 -> 1, 1.
 *     Pass 2: ratio 1.49 < 0.9 * 1e8: the passes change nothing, pass 3
 *     stops.  Equilibration: maxima 1.2207, 0.8192 round to 1.  r = (2^-13,
 *     2^13), s = (1, 1).
 * (c) well scaled: every |a_ij| in [0.1, 10] -> all factors 1, as GLPK's
 *     GLP_SF_SKIP.
 * (d) 1-based indices give the same as 0-based.
 */
static void test_by_hand(void **state)
{
    (void)state;
    int i0[] = {0}, j0[] = {0};
    double a[] = {1024}, r[2], s[2];
    assert_int_equal(po__scale_loop(1, 1, 1, i0, j0, a, 0, r, s), PO_OK);
    assert_true(r[0] == ldexp(1, -10) && s[0] == 1);

    int i1[] = {0, 1}, j1[] = {0, 1};
    double b[] = {1e4, 1e-4};
    assert_int_equal(po__scale_blas(2, 2, 2, i1, j1, b, 0, r, s), PO_OK);
    assert_true(r[0] == ldexp(1, -13) && r[1] == ldexp(1, 13));
    assert_true(s[0] == 1 && s[1] == 1);

    int i2[] = {0, 0, 1, 1}, j2[] = {0, 1, 0, 1};
    double c[] = {0.1, -10, 3, 0.5};
    assert_int_equal(po__scale(2, 2, 4, i2, j2, c, 0, r, s), PO_OK);
    assert_true(r[0] == 1 && r[1] == 1 && s[0] == 1 && s[1] == 1);
    assert_true(po__scale_ratio(2, 2, 4, i2, j2, c, 0, NULL, NULL) == 100);

    int i3[] = {1, 2}, j3[] = {1, 2};
    assert_int_equal(po__scale(2, 2, 2, i3, j3, b, 1, r, s), PO_OK);
    assert_true(r[0] == ldexp(1, -13) && r[1] == ldexp(1, 13));
}

static void test_arguments(void **state)
{
    (void)state;
    int ia[] = {0, 1}, ja[] = {0, 1};
    double ar[] = {1, 2}, r[2], s[2];
    assert_int_equal(po__scale(-1, 2, 2, ia, ja, ar, 0, r, s), PO_EINVAL);
    assert_int_equal(po__scale(2, 2, -1, ia, ja, ar, 0, r, s), PO_EINVAL);
    assert_int_equal(po__scale(2, 2, 2, NULL, ja, ar, 0, r, s), PO_EINVAL);
    assert_int_equal(po__scale(2, 2, 2, ia, ja, NULL, 0, r, s), PO_EINVAL);
    assert_int_equal(po__scale(2, 2, 2, ia, ja, ar, 2, r, s), PO_EINVAL);
    assert_int_equal(po__scale(2, 2, 2, ia, ja, ar, 0, NULL, s), PO_EINVAL);
    assert_int_equal(po__scale(2, 2, 2, ia, ja, ar, 0, r, NULL), PO_EINVAL);
    assert_int_equal(po__scale(1, 2, 2, ia, ja, ar, 0, r, s), PO_ERANGE);
    assert_int_equal(po__scale_blas(2, 2, 2, ia, ja, ar, 1, r, s), PO_ERANGE);
    double bad[] = {1, NAN};
    assert_int_equal(po__scale_loop(2, 2, 2, ia, ja, bad, 0, r, s), PO_ENAN);
    bad[1] = -INFINITY;
    assert_int_equal(po__scale_loop(2, 2, 2, ia, ja, bad, 0, r, s), PO_EINF);
    assert_true(isnan(po__scale_ratio(2, 2, 2, ia, ja, bad, 0, NULL, NULL)));
    /* nothing to scale: every factor 1 */
    r[0] = r[1] = s[0] = s[1] = 0;
    assert_int_equal(po__scale(2, 2, 0, NULL, NULL, NULL, 0, r, s), PO_OK);
    assert_true(r[0] == 1 && r[1] == 1 && s[0] == 1 && s[1] == 1);
    assert_int_equal(po__scale(0, 0, 0, NULL, NULL, NULL, 0, NULL, NULL),
                     PO_OK);
    assert_true(po__scale_ratio(0, 0, 0, NULL, NULL, NULL, 0, NULL, NULL) ==
                1);
}

/* ---- solving ---- */

static po_result *solve(po_model *m, const po_options *o)
{
    po_result *r = NULL;
    if (po_solve(m, o, &r) != PO_OK) {
        print_error("po_solve: %s\n", po_model_errmsg(m));
        fail();
    }
    return r;
}

static void check_optimum(const po_result *r, const sample *s,
                          const char *what)
{
    if (po_result_outcome(r) != PO_OUTCOME_OPTIMAL) {
        print_error("%s %s: outcome %s\n", s->name, what,
                    po_outcome_name(po_result_outcome(r)));
        fail();
    }
    char buf[128];
    snprintf(buf, sizeof buf, "%s %s objective", s->name, what);
    check_rel(po_result_objective(r) - s->constant, s->optimum, 1e-6, buf);
}

static void test_scaled_solves(void **state)
{
    (void)state;
    static const po_scaling sc[] = {PO_SCALE_GLPK, PO_SCALE_OWN,
                                    PO_SCALE_NONE};
    int seen = 0;
    for (size_t k = 0; k < N_LPS; k++) {
        po_model *m = read_sample(lps[k].name);
        if (m == NULL)
            continue;
        seen++;
        assert_true(po_model_obj_constant(m) == lps[k].constant);
        for (int t = 0; t < 3; t++)
            for (int pre = 0; pre <= 1; pre++) {
                po_options o;
                po_options_init(&o);
                o.scaling = sc[t];
                o.presolve = pre;
                po_result *r = solve(m, &o);
                char what[64];
                snprintf(what, sizeof what, "scaling %d presolve %d", t, pre);
                check_optimum(r, &lps[k], what);
                assert_true(po_result_has_basis(r));
                po_result_free(r);
            }
        po_model_free(m);
    }
    if (seen == 0)
        skip();
}

/* min x + y  s.t.  x + y >= 1e6 * z? -- a small model with badly scaled
 * rows whose answer is known: min 1000x + 0.001y s.t. 1000x + 0.002y >= 2,
 * 0 <= x <= 1, 0 <= y <= 500.  Per unit of the row, x costs 1 and y costs
 * 0.5: y first, up to 500 (0.002 * 500 = 1), then x = 1/1000.  Objective
 * 1000 * 0.001 + 0.001 * 500 = 1.5.  Same with every scaling. */
static void test_scaled_by_hand(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    assert_non_null(m);
    assert_int_equal(po_model_add_var(m, "x", 0, 1, 1000, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(
        po_model_add_var(m, "y", 0, 500, 0.001, PO_CONTINUOUS, NULL), PO_OK);
    int idx[] = {0, 1};
    double val[] = {1000, 0.002};
    assert_int_equal(po_model_add_constr(m, "r", 2, INF, 2, idx, val, NULL),
                     PO_OK);
    for (int sc = PO_SCALE_OWN; sc <= PO_SCALE_NONE; sc++)
        for (int meth = PO_METHOD_PRIMAL; meth <= PO_METHOD_INTERIOR; meth++) {
            po_options o;
            po_options_init(&o);
            o.scaling = sc;
            o.method = meth;
            o.presolve = 0;
            po_result *r = solve(m, &o);
            assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
            check_rel(po_result_objective(r), 1.5, 1e-9, "objective");
            check_rel(po_result_values(r)[0], 0.001, 1e-9, "x");
            check_rel(po_result_values(r)[1], 500, 1e-9, "y");
            /* dual of r: x is basic, 1000 = 1000 * y_r -> 1 */
            check_rel(po_result_duals(r)[0], 1, 1e-9, "dual");
            assert_true(po_result_has_basis(r));
            assert_int_equal(po_result_var_status(r, 0), PO_BASIS_BASIC);
            assert_int_equal(po_result_var_status(r, 1), PO_BASIS_UPPER);
            po_result_free(r);
        }
    po_model_free(m);
}

static void test_option_checked(void **state)
{
    (void)state;
    po_options o;
    po_options_init(&o);
    assert_int_equal(o.scaling, PO_SCALE_OWN); /* the default, measured */
    po_model *m = po_model_new();
    assert_non_null(m);
    assert_int_equal(po_model_add_var(m, "x", 0, 1, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    po_result *r = (po_result *)&o; /* must be reset to NULL */
    o.scaling = 3;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    assert_null(r);
    assert_string_equal(po_model_errmsg(m),
                        "po_solve: options.scaling = 3 is not a po_scaling");
    o.scaling = -1;
    assert_int_equal(po_solve(m, &o, &r), PO_EINVAL);
    assert_string_equal(po_model_errmsg(m),
                        "po_solve: options.scaling = -1 is not a po_scaling");
    o.scaling = PO_SCALE_NONE;
    assert_int_equal(po_solve(m, &o, &r), PO_OK);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    po_result_free(r);
    po_model_free(m);
}

/* ---- interior point and crossover ---- */

typedef struct logbuf {
    char text[1 << 16];
    size_t len;
} logbuf;

static void log_fn(void *user, const char *text)
{
    logbuf *b = user;
    size_t n = strlen(text);
    if (b->len + n < sizeof b->text) {
        memcpy(b->text + b->len, text, n + 1);
        b->len += n;
    }
}

static po_result *solve_interior(po_model *m, logbuf *b, int sensitivity,
                                 po_scaling sc)
{
    po_options o;
    po_options_init(&o);
    o.method = PO_METHOD_INTERIOR;
    o.reductions = 0; /* GLPK's interior point on brandy itself */
    o.sensitivity = sensitivity;
    o.scaling = sc;
    o.log = log_fn;
    o.log_user = b;
    memset(b, 0, sizeof *b);
    return solve(m, &o);
}

/* The warm start from the result's basis: optimal at once. */
static void check_basis_warm(po_model *m, const po_result *start,
                             const sample *s)
{
    po_result *w = NULL;
    assert_int_equal(po_solve_warm(m, NULL, start, &w), PO_OK);
    assert_true(po_result_warm_started(w));
    assert_int_equal(po_result_iterations(w), 0);
    check_optimum(w, s, "warm start from the crossover's basis");
    po_result_free(w);
}

static void test_interior_brandy(void **state)
{
    (void)state;
    po_model *m = read_sample("brandy");
    if (m == NULL)
        skip();
    logbuf *b = malloc(sizeof *b);
    assert_non_null(b);
    for (int sc = PO_SCALE_OWN; sc <= PO_SCALE_NONE; sc++) {
        po_result *r = solve_interior(m, b, 0, sc);
        check_optimum(r, &lps[1], "interior");
        assert_true(po_result_has_basis(r));
        assert_non_null(po_result_duals(r));
        assert_non_null(po_result_reduced_costs(r));
        /* With GLPK's scaling (glpsol's) and ours, GLPK's interior point
         * stops without convergence on brandy (GLPK 5.0; unscaled it
         * converges); the log says so and how the answer was found */
        const char *nocvg = strstr(b->text, "procopt: interior point ended "
                                            "with GLP_ENOCVG (no convergence)");
        if ((sc != PO_SCALE_NONE && nocvg == NULL) ||
            strstr(b->text, "procopt: crossover: ") == NULL) {
            print_error("log (scaling %d):\n%s\n", sc, b->text);
            fail();
        }
        if (sc != PO_SCALE_NONE)
            assert_null(strstr(b->text, "procopt: interior point: optimal"));
        check_basis_warm(m, r, &lps[1]);
        po_result_free(r);
    }
    free(b);
    po_model_free(m);
}

static void test_interior_converged(void **state)
{
    (void)state;
    logbuf *b = malloc(sizeof *b);
    assert_non_null(b);
    int seen = 0;
    for (size_t k = 0; k < N_LPS; k++) {
        if (k == 1)
            continue; /* brandy: above */
        po_model *m = read_sample(lps[k].name);
        if (m == NULL)
            continue;
        seen++;
        po_result *r = solve_interior(m, b, 1, PO_SCALE_OWN);
        check_optimum(r, &lps[k], "interior");
        assert_true(po_result_has_basis(r));
        assert_true(po_result_has_sensitivity(r));
        if (strstr(b->text, "procopt: interior point: optimal after ") ==
                NULL ||
            strstr(b->text, "crossover to an optimal basis") == NULL) {
            print_error("%s log:\n%s\n", lps[k].name, b->text);
            fail();
        }
        /* the basic duals: the same objective by the dual (strong
         * duality), y'b + d'x-bounds with every row and column at its
         * status; checked through the warm start */
        check_basis_warm(m, r, &lps[k]);
        po_result_free(r);
        po_model_free(m);
    }
    free(b);
    if (seen == 0)
        skip();
}

/*
 * A hand-made LP where the interior point converges and the basis is
 * known: max 3x + 5y  s.t.  c1: x <= 4,  c2: 2y <= 12,  c3: 3x + 2y <= 18
 * (Hillier & Lieberman's wyndor): x = 2, y = 6, objective 36; c1 slack
 * (basic), c2 and c3 at their upper bounds with duals 1.5 and 1.
 */
static void test_interior_basis_by_hand(void **state)
{
    (void)state;
    po_model *m = wyndor();
    logbuf *b = malloc(sizeof *b);
    assert_non_null(b);
    po_result *r = solve_interior(m, b, 0, PO_SCALE_OWN);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    check_rel(po_result_objective(r), 36, 1e-12, "objective");
    check_rel(po_result_values(r)[0], 2, 1e-12, "x");
    check_rel(po_result_values(r)[1], 6, 1e-12, "y");
    check_rel(po_result_duals(r)[1], 1.5, 1e-12, "c2 dual");
    check_rel(po_result_duals(r)[2], 1, 1e-12, "c3 dual");
    assert_true(po_result_has_basis(r));
    assert_int_equal(po_result_var_status(r, 0), PO_BASIS_BASIC);
    assert_int_equal(po_result_var_status(r, 1), PO_BASIS_BASIC);
    assert_int_equal(po_result_row_status(r, 0), PO_BASIS_BASIC);
    assert_int_equal(po_result_row_status(r, 1), PO_BASIS_UPPER);
    assert_int_equal(po_result_row_status(r, 2), PO_BASIS_UPPER);
    assert_non_null(strstr(b->text, "procopt: interior point: optimal"));
    po_result_free(r);

    /* infeasible (x >= 5 against c1): the simplex method says so */
    assert_int_equal(po_model_set_var_bounds(m, 0, 5, INF), PO_OK);
    r = solve_interior(m, b, 0, PO_SCALE_OWN);
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_INFEASIBLE);
    assert_false(po_result_has_solution(r));
    assert_false(po_result_has_basis(r));
    po_result_free(r);
    free(b);
    po_model_free(m);
}

/* Two threads, each its own model, solving by interior point with our
 * scaling at the same time: both answers right. */
static void *thread_main(void *arg)
{
    po_model *m = arg;
    po_options o;
    po_options_init(&o);
    o.method = PO_METHOD_INTERIOR;
    o.scaling = PO_SCALE_OWN;
    double *obj = malloc(sizeof *obj);
    if (obj == NULL)
        return NULL;
    *obj = NAN;
    for (int k = 0; k < 4; k++) {
        po_result *r = NULL;
        if (po_solve(m, &o, &r) != PO_OK ||
            po_result_outcome(r) != PO_OUTCOME_OPTIMAL ||
            !po_result_has_basis(r)) {
            po_result_free(r);
            *obj = NAN;
            break;
        }
        *obj = po_result_objective(r);
        po_result_free(r);
    }
    return obj;
}

static void test_threads(void **state)
{
    (void)state;
    po_model *a = read_sample("brandy"), *b = read_sample("e226");
    if (a == NULL || b == NULL) {
        po_model_free(a);
        po_model_free(b);
        skip();
    }
    pthread_t ta, tb;
    assert_int_equal(pthread_create(&ta, NULL, thread_main, a), 0);
    assert_int_equal(pthread_create(&tb, NULL, thread_main, b), 0);
    void *ra, *rb;
    pthread_join(ta, &ra);
    pthread_join(tb, &rb);
    assert_non_null(ra);
    assert_non_null(rb);
    check_rel(*(double *)ra, lps[1].optimum, 1e-6, "brandy");
    check_rel(*(double *)rb - lps[2].constant, lps[2].optimum, 1e-6, "e226");
    free(ra);
    free(rb);
    po_model_free(a);
    po_model_free(b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_twins_samples),
        cmocka_unit_test(test_twins_random),
        cmocka_unit_test(test_by_hand),
        cmocka_unit_test(test_arguments),
        cmocka_unit_test(test_scaled_solves),
        cmocka_unit_test(test_scaled_by_hand),
        cmocka_unit_test(test_option_checked),
        cmocka_unit_test(test_interior_brandy),
        cmocka_unit_test(test_interior_converged),
        cmocka_unit_test(test_interior_basis_by_hand),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
