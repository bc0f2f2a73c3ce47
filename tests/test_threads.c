/*
 * test_threads.c -- different models solved in different threads at the
 * same time give the same answers as alone.  GLPK 5 keeps its environment
 * in thread-local storage (Debian's libglpk40 has a .tbss section) and
 * procopt keeps no global state, so this must hold; the test would catch a
 * build of GLPK without thread-local storage, or shared state in procopt.
 *
 * Each of 4 threads solves a different mix of models several times:
 * hand-made LPs and MIPs (answers computed by hand in test_solve.c and
 * repeated below), and, when the Debian sample files are present
 * ($PROCOPT_SAMPLE), afiro, brandy and p0033 read from file in the thread
 * (published optima from SoPlex's netlib.solu and SCIP's miplib3.solu).
 * One thread also provokes GLPK fatal errors between its solves: the trap
 * frees only that thread's GLPK environment.
 *
 * A second test shares one start result between the threads: each
 * re-solves its own changed copy of a model warm from it (po_solve_warm
 * only reads the start) with sensitivity on, and must find the answers
 * computed alone beforehand.
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

#include "backend.h"
#include "procopt.h"

#define INF PO_INF
#define THREADS 4
#define ROUNDS 6

/* max 3x + 5y; x <= 4; 2y <= 12; 3x + 2y <= 18 -> 36 at (2, 6) */
static po_model *wyndor(void)
{
    po_model *m = po_model_new();
    if (m == NULL)
        return NULL;
    po_model_set_sense(m, PO_MAXIMIZE);
    po_model_add_var(m, "x", 0, INF, 3, PO_CONTINUOUS, NULL);
    po_model_add_var(m, "y", 0, INF, 5, PO_CONTINUOUS, NULL);
    int i0[] = {0}, i1[] = {1}, i01[] = {0, 1};
    double one[] = {1}, two[] = {2}, c3[] = {3, 2};
    po_model_add_constr(m, "c1", -INF, 4, 1, i0, one, NULL);
    po_model_add_constr(m, "c2", -INF, 12, 1, i1, two, NULL);
    po_model_add_constr(m, "c3", -INF, 18, 2, i01, c3, NULL);
    return m;
}

/* max 10a + 13b + 7c + 8d, 4a + 6b + 3c + 5d <= 10, binary -> 23 */
static po_model *knapsack(void)
{
    po_model *m = po_model_new();
    if (m == NULL)
        return NULL;
    po_model_set_sense(m, PO_MAXIMIZE);
    const char *names[] = {"a", "b", "c", "d"};
    double obj[] = {10, 13, 7, 8};
    po_vartype t[] = {PO_BINARY, PO_BINARY, PO_BINARY, PO_BINARY};
    po_model_add_vars(m, 4, names, NULL, NULL, obj, t, NULL, NULL, NULL);
    int idx[] = {0, 1, 2, 3};
    double w[] = {4, 6, 3, 5};
    po_model_add_constr(m, "w", -INF, 10, 4, idx, w, NULL);
    return m;
}

/* min x + 2y + 5z + 10, x + y + z >= 4, x <= 3 -> 15 */
static po_model *bounded(void)
{
    po_model *m = po_model_new();
    if (m == NULL)
        return NULL;
    po_model_set_obj_constant(m, 10);
    const char *names[] = {"x", "y", "z"};
    double ub[] = {3, INF, INF}, obj[] = {1, 2, 5};
    po_model_add_vars(m, 3, names, NULL, ub, obj, NULL, NULL, NULL, NULL);
    int idx[] = {0, 1, 2};
    double val[] = {1, 1, 1};
    po_model_add_constr(m, "r1", 4, INF, 3, idx, val, NULL);
    return m;
}

typedef struct job {
    const char *file; /* sample name, or NULL for a built model */
    po_model *(*build)(void);
    double optimum;
} job;

static const job jobs[] = {
    {NULL, wyndor, 36},
    {NULL, knapsack, 23},
    {NULL, bounded, 15},
    {"afiro", NULL, -464.75314285714285},
    {"brandy", NULL, 1518.5098964881283},
    {"p0033", NULL, 3089},
};
#define N_JOBS (sizeof jobs / sizeof jobs[0])

typedef struct worker {
    int id;
    int have_samples;
    const char *sample_dir;
    int solves, failures;
    char why[1600];
} worker;

static void *run(void *arg)
{
    worker *w = arg;
    for (int round = 0; round < ROUNDS; round++) {
        for (size_t k = 0; k < N_JOBS; k++) {
            /* each thread walks the jobs from its own starting point, so
             * different models run side by side */
            const job *j = &jobs[(k + (size_t)w->id * 2 + (size_t)round) %
                                 N_JOBS];
            if (j->file != NULL && !w->have_samples)
                continue;
            po_model *m;
            if (j->file != NULL) {
                char path[1024];
                snprintf(path, sizeof path, "%s/%s.mps", w->sample_dir,
                         j->file);
                m = po_model_new();
                if (m == NULL ||
                    po_model_read(m, path, PO_FORMAT_AUTO, NULL) != PO_OK) {
                    snprintf(w->why, sizeof w->why, "read %s: %s", path,
                             m ? po_model_errmsg(m) : "out of memory");
                    w->failures++;
                    po_model_free(m);
                    continue;
                }
            } else {
                m = j->build();
            }
            if (w->id == 0 && round % 2 == 1 &&
                po__backend_test_fatal(m, NULL, NULL) != PO_ESOLVER) {
                snprintf(w->why, sizeof w->why, "fatal trap: %s",
                         po_model_errmsg(m));
                w->failures++;
            }
            po_result *r = NULL;
            if (po_solve(m, NULL, &r) != PO_OK) {
                snprintf(w->why, sizeof w->why, "solve: %s",
                         po_model_errmsg(m));
                w->failures++;
            } else {
                double obj = po_result_objective(r);
                if (po_result_outcome(r) != PO_OUTCOME_OPTIMAL ||
                    !(fabs(obj - j->optimum) <=
                      1e-6 * fmax(1.0, fabs(j->optimum)))) {
                    snprintf(w->why, sizeof w->why,
                             "job %zu: outcome %s, objective %.15g, want "
                             "%.15g",
                             k, po_outcome_name(po_result_outcome(r)), obj,
                             j->optimum);
                    w->failures++;
                }
                w->solves++;
            }
            po_result_free(r);
            po_model_free(m);
        }
    }
    return NULL;
}

static void test_concurrent_solves(void **state)
{
    (void)state;
    const char *dir = getenv("PROCOPT_SAMPLE");
    if (dir == NULL || dir[0] == '\0')
        dir = "/usr/share/coin/Data/Sample";
    char probe[1024];
    snprintf(probe, sizeof probe, "%s/afiro.mps", dir);
    struct stat sb;
    int have = stat(probe, &sb) == 0;
    if (!have)
        print_message("%s missing: built models only\n", probe);

    pthread_t tid[THREADS];
    worker w[THREADS];
    for (int t = 0; t < THREADS; t++) {
        memset(&w[t], 0, sizeof w[t]);
        w[t].id = t;
        w[t].have_samples = have;
        w[t].sample_dir = dir;
        assert_int_equal(pthread_create(&tid[t], NULL, run, &w[t]), 0);
    }
    int total = 0;
    for (int t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_join(tid[t], NULL), 0);
        if (w[t].failures > 0) {
            print_error("thread %d: %d failures, last: %s\n", t,
                        w[t].failures, w[t].why);
            fail();
        }
        total += w[t].solves;
    }
    int per_thread = ROUNDS * (have ? (int)N_JOBS : 3);
    assert_int_equal(total, THREADS * per_thread);
}

/* ---- Warm starts from one shared result ---- */

#define WARM_CASES 4

typedef struct warm_shared {
    const po_result *wyndor_start; /* read by every thread */
    const po_result *brandy_start; /* NULL without the sample files */
    const char *brandy_path;
    double brandy_cold[WARM_CASES]; /* cold optimum of each change */
} warm_shared;

typedef struct warm_worker {
    int id;
    const warm_shared *sh;
    int solves, failures;
    char why[1600];
} warm_worker;

/* Case k of brandy: every finite row bound scaled by 1 + (k+1)/100. */
static void brandy_change(po_model *m, int k)
{
    double f = 1 + (k + 1) / 100.0;
    for (int i = 0; i < po_model_num_constrs(m); i++) {
        double lb = po_model_constr_lb(m, i), ub = po_model_constr_ub(m, i);
        po_model_set_constr_bounds(m, i, isinf(lb) ? lb : lb * f,
                                   isinf(ub) ? ub : ub * f);
    }
}

static void warm_check(warm_worker *w, po_model *m, const po_result *start,
                       double want, double c2_hi)
{
    po_options o;
    po_options_init(&o);
    o.sensitivity = 1;
    po_result *r = NULL;
    if (po_solve_warm(m, &o, start, &r) != PO_OK) {
        snprintf(w->why, sizeof w->why, "warm: %s", po_model_errmsg(m));
        w->failures++;
        return;
    }
    double obj = po_result_objective(r), hi = NAN;
    int ok = po_result_warm_started(r) && po_result_has_sensitivity(r) &&
             po_result_outcome(r) == PO_OUTCOME_OPTIMAL &&
             fabs(obj - want) <= 1e-7 * fmax(1.0, fabs(want));
    if (ok && !isnan(c2_hi))
        ok = po_result_row_range(r, 1, NULL, &hi) == PO_OK &&
             fabs(hi - c2_hi) <= 1e-9 * fmax(1.0, fabs(c2_hi));
    if (!ok) {
        snprintf(w->why, sizeof w->why,
                 "warm: outcome %s, warm %d, objective %.15g, want %.15g, "
                 "c2 hi %g",
                 po_outcome_name(po_result_outcome(r)),
                 po_result_warm_started(r), obj, want, hi);
        w->failures++;
    }
    w->solves++;
    po_result_free(r);
}

static void *run_warm(void *arg)
{
    warm_worker *w = arg;
    for (int round = 0; round < ROUNDS; round++) {
        /* wyndor with c3's bound 18 + t, inside c3's range [12, 24]: the
         * basis stays optimal, objective 36 + t (dual 1); c2's range:
         * y = b2/2, x = (18 + t - b2)/3 in [0, 4]: [6 + t, 18 + t]. */
        int t = (w->id + round) % 5;
        po_model *m = wyndor();
        po_model_set_constr_bounds(m, 2, -INF, 18 + t);
        warm_check(w, m, w->sh->wyndor_start, 36 + t, 18 + t);
        po_model_free(m);
        if (w->sh->brandy_start == NULL)
            continue;
        int k = (w->id + round) % WARM_CASES;
        m = po_model_new();
        if (m == NULL || po_model_read(m, w->sh->brandy_path, PO_FORMAT_AUTO,
                                       NULL) != PO_OK) {
            snprintf(w->why, sizeof w->why, "read brandy");
            w->failures++;
            po_model_free(m);
            continue;
        }
        brandy_change(m, k);
        warm_check(w, m, w->sh->brandy_start, w->sh->brandy_cold[k], NAN);
        po_model_free(m);
    }
    return NULL;
}

static void test_concurrent_warm(void **state)
{
    (void)state;
    warm_shared sh;
    memset(&sh, 0, sizeof sh);
    po_model *wy = wyndor();
    po_result *wy0 = NULL, *br0 = NULL;
    assert_int_equal(po_solve(wy, NULL, &wy0), PO_OK);
    assert_true(po_result_has_basis(wy0));
    sh.wyndor_start = wy0;

    const char *dir = getenv("PROCOPT_SAMPLE");
    if (dir == NULL || dir[0] == '\0')
        dir = "/usr/share/coin/Data/Sample";
    char path[1024];
    snprintf(path, sizeof path, "%s/brandy.mps", dir);
    struct stat sb;
    po_model *br = NULL;
    if (stat(path, &sb) == 0) {
        sh.brandy_path = path;
        br = po_model_new();
        assert_int_equal(po_model_read(br, path, PO_FORMAT_AUTO, NULL), PO_OK);
        assert_int_equal(po_solve(br, NULL, &br0), PO_OK);
        sh.brandy_start = br0;
        for (int k = 0; k < WARM_CASES; k++) {
            po_model *m = po_model_new();
            assert_int_equal(po_model_read(m, path, PO_FORMAT_AUTO, NULL),
                             PO_OK);
            brandy_change(m, k);
            po_result *r = NULL;
            assert_int_equal(po_solve(m, NULL, &r), PO_OK);
            assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
            sh.brandy_cold[k] = po_result_objective(r);
            po_result_free(r);
            po_model_free(m);
        }
    } else {
        print_message("%s missing: built models only\n", path);
    }

    pthread_t tid[THREADS];
    warm_worker w[THREADS];
    for (int t = 0; t < THREADS; t++) {
        memset(&w[t], 0, sizeof w[t]);
        w[t].id = t;
        w[t].sh = &sh;
        assert_int_equal(pthread_create(&tid[t], NULL, run_warm, &w[t]), 0);
    }
    int total = 0;
    for (int t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_join(tid[t], NULL), 0);
        if (w[t].failures > 0) {
            print_error("thread %d: %d failures, last: %s\n", t,
                        w[t].failures, w[t].why);
            fail();
        }
        total += w[t].solves;
    }
    assert_int_equal(total, THREADS * ROUNDS * (br0 != NULL ? 2 : 1));
    po_result_free(wy0);
    po_result_free(br0);
    po_model_free(wy);
    po_model_free(br);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_concurrent_solves),
        cmocka_unit_test(test_concurrent_warm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
