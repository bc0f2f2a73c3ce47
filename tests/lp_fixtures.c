/*
 * lp_fixtures.c -- see lp_fixtures.h.  Linked into every test binary.
 */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include <cmocka.h>

#include "lp_fixtures.h"

#define INF PO_INF

po_model *wyndor(void)
{
    po_model *m = po_model_new();
    assert_non_null(m);
    assert_int_equal(po_model_set_sense(m, PO_MAXIMIZE), PO_OK);
    assert_int_equal(po_model_add_var(m, "x", 0, INF, 3, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "y", 0, INF, 5, PO_CONTINUOUS, NULL),
                     PO_OK);
    int i0[] = {0}, i1[] = {1}, i01[] = {0, 1};
    double one[] = {1}, two[] = {2}, c3[] = {3, 2};
    assert_int_equal(po_model_add_constr(m, "c1", -INF, 4, 1, i0, one, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "c2", -INF, 12, 1, i1, two, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "c3", -INF, 18, 2, i01, c3, NULL),
                     PO_OK);
    return m;
}

po_model *bounded(po_sense sense)
{
    double s = sense == PO_MAXIMIZE ? -1 : 1;
    po_model *m = po_model_new();
    assert_non_null(m);
    assert_int_equal(po_model_set_sense(m, sense), PO_OK);
    assert_int_equal(po_model_set_obj_constant(m, 10 * s), PO_OK);
    const char *names[] = {"x", "y", "z"};
    double lb[] = {0, 0, 0}, ub[] = {3, INF, INF};
    double obj[] = {1 * s, 2 * s, 5 * s};
    assert_int_equal(po_model_add_vars(m, 3, names, lb, ub, obj, NULL, NULL,
                                       NULL, NULL),
                     PO_OK);
    int idx[] = {0, 1, 2};
    double val[] = {1, 1, 1};
    assert_int_equal(po_model_add_constr(m, "r1", 4, INF, 3, idx, val, NULL),
                     PO_OK);
    return m;
}

po_result *solve_ok(po_model *m, const po_options *o)
{
    po_result *r = NULL;
    po_status st = po_solve(m, o, &r);
    if (st != PO_OK) {
        print_error("po_solve: %s\n", po_model_errmsg(m));
        fail();
    }
    assert_non_null(r);
    return r;
}

void assert_near(double got, double want, double tol, const char *what)
{
    int ok = isinf(want) ? got == want
                         : fabs(got - want) <= tol * fmax(1.0, fabs(want));
    if (!ok) {
        print_error("%s: got %.17g, want %.17g\n", what, got, want);
        fail();
    }
}

const char *sample_dir(void)
{
    const char *d = getenv("PROCOPT_SAMPLE");
    return d != NULL && d[0] != '\0' ? d : "/usr/share/coin/Data/Sample";
}

po_model *read_sample(const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.mps", sample_dir(), name);
    if (access(path, R_OK) != 0) {
        print_message("%s missing: skipped\n", path);
        return NULL;
    }
    po_model *m = po_model_new();
    assert_non_null(m);
    if (po_model_read(m, path, PO_FORMAT_MPS, NULL) != PO_OK) {
        print_error("%s: %s\n", path, po_model_errmsg(m));
        fail();
    }
    return m;
}
