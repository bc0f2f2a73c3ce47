/*
 * test_instances.c -- the sample instances Debian's coinor-libcoinutils-dev
 * installs (directory $PROCOPT_SAMPLE, default /usr/share/coin/Data/Sample),
 * read through po_model_read and solved to their published optima.
 *
 * Published optima: netlib (afiro, brandy, e226, finnis) from SoPlex's
 * check/netlib.solu (scipopt/soplex@da4788a9, T. Koch's exact values);
 * MIPLIB 3 (p0033, p0201, p0548, lseu) from SCIP's
 * check/testset/miplib3.solu (scipopt/scip@a25d8cd8f9).  Both are the
 * `optimal_objective` column of the project's shared data OPTIMA.tsv files.
 *
 * e226: its MPS file gives the objective row an RHS of -7.113.  The netlib
 * value -18.75192906637055 leaves that constant out.  GLPK (and so procopt)
 * reads the RHS of the objective row as the objective constant itself
 * (GLPK manual, appendix B, "non-standard"), giving -25.864929066; Clp and
 * HiGHS read it as minus the constant (-11.638929066).  procopt keeps
 * GLPK's convention; the test checks the constant and the optimum without
 * it.
 *
 * These files are in fixed MPS; their names have no blanks, so they read as
 * free MPS too (PO_FORMAT_AUTO tries free first), and both give the same
 * model.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <cmocka.h>

#include "procopt.h"
#include "lp_fixtures.h"

typedef struct instance {
    const char *name;
    double optimum;  /* published, without objective constant */
    double constant; /* as GLPK reads it */
    int rows, cols;  /* after reading: objective row not counted */
    int integers;
} instance;

static const instance instances[] = {
    {"afiro", -464.75314285714285, 0, 27, 32, 0},
    {"brandy", 1518.5098964881283, 0, 220, 249, 0},
    {"e226", -18.75192906637055, -7.113, 223, 282, 0},
    {"finnis", 172791.06559561158, 0, 497, 614, 0},
    {"p0033", 3089, 0, 16, 33, 33},
    {"p0201", 7615, 0, 133, 201, 201},
    {"p0548", 8691, 0, 176, 548, 548},
    {"lseu", 1120, 0, 28, 89, 89},
};
#define N_INSTANCES (sizeof instances / sizeof instances[0])

static int sample_path(char *buf, size_t size, const char *name)
{
    snprintf(buf, size, "%s/%s.mps", sample_dir(), name);
    struct stat sb;
    return stat(buf, &sb) == 0;
}

static void check_rel(double got, double want, const char *what)
{
    double rel = fabs(got - want) / fmax(1.0, fabs(want));
    if (!(rel <= 1e-6)) {
        print_error("%s: got %.15g, want %.15g (relative error %.3g)\n", what,
                    got, want, rel);
        fail();
    }
}

static void read_checked(po_model *m, const char *path, po_format fmt,
                         const instance *in)
{
    po_status st = po_model_read(m, path, fmt, NULL);
    if (st != PO_OK) {
        print_error("%s: %s\n", path, po_model_errmsg(m));
        fail();
    }
    assert_int_equal(po_model_num_constrs(m), in->rows);
    assert_int_equal(po_model_num_vars(m), in->cols);
    assert_int_equal(po_model_num_integer_vars(m), in->integers);
    assert_true(po_model_obj_constant(m) == in->constant);
    assert_int_equal(po_model_sense(m), PO_MINIMIZE);
}

static void solve_instance(const instance *in)
{
    char path[1024];
    if (!sample_path(path, sizeof path, in->name)) {
        print_message("%s missing: skipped\n", path);
        skip();
    }
    po_model *m = po_model_new();
    read_checked(m, path, PO_FORMAT_AUTO, in);
    po_result *r = NULL;
    po_status st = po_solve(m, NULL, &r);
    if (st != PO_OK) {
        print_error("%s: %s\n", in->name, po_model_errmsg(m));
        fail();
    }
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    assert_int_equal(po_result_is_mip(r), in->integers > 0);
    check_rel(po_result_objective(r) - po_model_obj_constant(m), in->optimum,
              in->name);
    if (in->integers > 0) {
        check_rel(po_result_best_bound(r), po_result_objective(r), "bound");
        assert_true(po_result_gap(r) <= 1e-6);
        /* integral values */
        const double *x = po_result_values(r);
        for (int j = 0; j < in->cols; j++)
            assert_true(fabs(x[j] - nearbyint(x[j])) < 1e-6);
    } else {
        assert_non_null(po_result_duals(r));
    }
    print_message("%-7s %-8s obj %.12g  iterations %ld  nodes %ld  %.3f s\n",
                  in->name, po_outcome_name(po_result_outcome(r)),
                  po_result_objective(r), po_result_iterations(r),
                  po_result_nodes(r), po_result_time(r));
    po_result_free(r);
    po_model_free(m);
}

static void test_instance(void **state)
{
    solve_instance(*state);
}

/* e226 with GLPK's convention, as glpsol reports it. */
static void test_e226_constant(void **state)
{
    (void)state;
    char path[1024];
    if (!sample_path(path, sizeof path, "e226"))
        skip();
    po_model *m = po_model_new();
    assert_int_equal(po_model_read(m, path, PO_FORMAT_MPS, NULL), PO_OK);
    assert_true(po_model_obj_constant(m) == -7.113);
    po_result *r = NULL;
    assert_int_equal(po_solve(m, NULL, &r), PO_OK);
    check_rel(po_result_objective(r), -18.75192906637055 - 7.113, "e226");
    po_result_free(r);
    po_model_free(m);
}

/* Fixed and free MPS give the same model for every sample file. */
static void test_fixed_and_free(void **state)
{
    (void)state;
    for (size_t k = 0; k < N_INSTANCES; k++) {
        char path[1024];
        if (!sample_path(path, sizeof path, instances[k].name))
            continue;
        po_model *a = po_model_new(), *b = po_model_new();
        read_checked(a, path, PO_FORMAT_MPS, &instances[k]);
        read_checked(b, path, PO_FORMAT_FREEMPS, &instances[k]);
        assert_int_equal(po_model_num_nonzeros(a), po_model_num_nonzeros(b));
        for (int j = 0; j < po_model_num_vars(a); j++) {
            assert_string_equal(po_model_var_name(a, j),
                                po_model_var_name(b, j));
            assert_true(po_model_var_obj(a, j) == po_model_var_obj(b, j));
            assert_true(po_model_var_ub(a, j) == po_model_var_ub(b, j));
        }
        for (int i = 0; i < po_model_num_constrs(a); i++)
            assert_string_equal(po_model_constr_name(a, i),
                                po_model_constr_name(b, i));
        po_model_free(a);
        po_model_free(b);
    }
}

/* Names come from the file; the objective row ("COST" in afiro) is not a
 * constraint. */
static void test_afiro_names(void **state)
{
    (void)state;
    char path[1024];
    if (!sample_path(path, sizeof path, "afiro"))
        skip();
    po_model *m = po_model_new();
    assert_int_equal(po_model_read(m, path, PO_FORMAT_AUTO, NULL), PO_OK);
    assert_string_equal(po_model_name(m), "AFIRO");
    assert_int_equal(po_model_find_constr(m, "COST"), -1);
    assert_int_equal(po_model_find_constr(m, "R09"), 0);
    assert_int_equal(po_model_find_var(m, "X01"), 0);
    assert_true(po_model_var_obj(m, po_model_find_var(m, "X02")) == -0.4);
    assert_int_equal(po_model_num_nonzeros(m), 83);
    po_model_free(m);
}

int main(void)
{
    struct CMUnitTest tests[N_INSTANCES + 3];
    for (size_t k = 0; k < N_INSTANCES; k++) {
        struct CMUnitTest t = {instances[k].name, test_instance, NULL, NULL,
                               (void *)&instances[k]};
        tests[k] = t;
    }
    struct CMUnitTest extra[] = {
        cmocka_unit_test(test_e226_constant),
        cmocka_unit_test(test_fixed_and_free),
        cmocka_unit_test(test_afiro_names),
    };
    memcpy(tests + N_INSTANCES, extra, sizeof extra);
    return _cmocka_run_group_tests("test_instances", tests,
                                   sizeof tests / sizeof tests[0], NULL, NULL);
}
