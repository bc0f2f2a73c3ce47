/*
 * test_model.c -- the generic model: validation (code and exact message of
 * every error), rejected calls changing nothing, bulk adds equal to single
 * adds, read-back, name lookup at scale, out-of-memory at every allocation.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "model.h"
#include "names.h"
#include "procopt.h"

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

/* Everything the public API can tell about a model, as one string.
 * Doubles in %a so that equal strings mean bit-equal values. */
static char *dump(const po_model *m)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    assert_non_null(f);
    fprintf(f, "name=%s sense=%d const=%a vars=%d constrs=%d nnz=%ld int=%d\n",
            po_model_name(m), (int)po_model_sense(m), po_model_obj_constant(m),
            po_model_num_vars(m), po_model_num_constrs(m),
            po_model_num_nonzeros(m), po_model_num_integer_vars(m));
    int nv = po_model_num_vars(m), nc = po_model_num_constrs(m);
    int *idx = malloc(sizeof *idx * (size_t)(nv > nc ? nv + 1 : nc + 1));
    double *val = malloc(sizeof *val * (size_t)(nv > nc ? nv + 1 : nc + 1));
    assert_non_null(idx);
    assert_non_null(val);
    for (int j = 0; j < nv; j++) {
        const char *nm = po_model_var_name(m, j);
        fprintf(f, "var %d %s [%a,%a] obj=%a type=%d find=%d col:", j, nm,
                po_model_var_lb(m, j), po_model_var_ub(m, j),
                po_model_var_obj(m, j), po_model_var_type(m, j),
                po_model_find_var(m, nm));
        int n = po_model_var_col(m, j, idx, val);
        assert_int_equal(n, po_model_var_col(m, j, NULL, NULL));
        for (int k = 0; k < n; k++)
            fprintf(f, " %d:%a", idx[k], val[k]);
        fputc('\n', f);
    }
    for (int i = 0; i < nc; i++) {
        const char *nm = po_model_constr_name(m, i);
        fprintf(f, "constr %d %s [%a,%a] find=%d row:", i, nm,
                po_model_constr_lb(m, i), po_model_constr_ub(m, i),
                po_model_find_constr(m, nm));
        int n = po_model_constr_row(m, i, idx, val);
        assert_int_equal(n, po_model_constr_row(m, i, NULL, NULL));
        for (int k = 0; k < n; k++)
            fprintf(f, " %d:%a", idx[k], val[k]);
        fputc('\n', f);
    }
    free(idx);
    free(val);
    fclose(f);
    return buf;
}

/* The call must fail with `code` and exactly `msg`, and change nothing. */
#define REJECT(m, call, code, msg)                                          \
    do {                                                                    \
        char *before_ = dump(m);                                            \
        po_status st_ = (call);                                             \
        assert_string_equal(po_model_errmsg(m), (msg));                     \
        assert_int_equal(st_, (code));                                      \
        assert_int_equal(po_model_errcode(m), (code));                      \
        char *after_ = dump(m);                                             \
        assert_string_equal(after_, before_);                               \
        free(after_);                                                       \
        free(before_);                                                      \
    } while (0)

#define OK(call) assert_int_equal((call), PO_OK)

/* x [0,10] obj 1; y integer [-5,5] obj -2; b binary obj 3; z [0,inf).
 * cap_mon: x + 2y + z <= 4;  bal: x - b = 0. */
static void add_base(po_model *m)
{
    OK(po_model_add_var(m, "x", 0, 10, 1, PO_CONTINUOUS, NULL));
    OK(po_model_add_var(m, "y", -5, 5, -2, PO_INTEGER, NULL));
    OK(po_model_add_var(m, "b", -PO_INF, PO_INF, 3, PO_BINARY, NULL));
    OK(po_model_add_var(m, "z", 0, PO_INF, 0, PO_CONTINUOUS, NULL));
    int i1[3] = {0, 1, 3};
    double v1[3] = {1, 2, 1};
    OK(po_model_add_constr(m, "cap_mon", -PO_INF, 4, 3, i1, v1, NULL));
    int i2[2] = {0, 2};
    double v2[2] = {1, -1};
    OK(po_model_add_constr(m, "bal", 0, 0, 2, i2, v2, NULL));
}

static po_model *base_model(void)
{
    po_model *m = po_model_new();
    assert_non_null(m);
    add_base(m);
    return m;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Under valgrind or a sanitizer, timings mean nothing. */
static int timing_meaningful(void)
{
    const char *w = getenv("PROCOPT_TEST_WRAP");
#if defined(__SANITIZE_ADDRESS__)
    return 0;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return 0;
#endif
#endif
    return w == NULL || w[0] == '\0';
}

/* ------------------------------------------------------------------ */
/* Basics                                                             */
/* ------------------------------------------------------------------ */

static void test_new_free_defaults(void **state)
{
    (void)state;
    po_model_free(NULL);
    po_model *m = po_model_new();
    assert_non_null(m);
    assert_string_equal(po_model_name(m), "");
    assert_int_equal(po_model_sense(m), PO_MINIMIZE);
    assert_true(po_model_obj_constant(m) == 0.0);
    assert_int_equal(po_model_num_vars(m), 0);
    assert_int_equal(po_model_num_constrs(m), 0);
    assert_int_equal(po_model_num_nonzeros(m), 0);
    assert_int_equal(po_model_num_integer_vars(m), 0);
    assert_string_equal(po_model_errmsg(m), "");
    assert_int_equal(po_model_errcode(m), PO_OK);
    assert_int_equal(po_model_find_var(m, "x"), -1);
    assert_int_equal(po_model_find_constr(m, "x"), -1);
    po_model_free(m);
}

static void test_strerror_version(void **state)
{
    (void)state;
    const char *seen[PO_EMODEL + 1];
    for (int s = PO_OK; s <= PO_EMODEL; s++) {
        seen[s] = po_strerror((po_status)s);
        assert_non_null(seen[s]);
        assert_true(strlen(seen[s]) > 0);
        for (int t = 0; t < s; t++)
            assert_string_not_equal(seen[s], seen[t]);
    }
    assert_string_equal(po_strerror(PO_ENOMEM), "out of memory");
    assert_string_equal(po_strerror((po_status)999), "unknown status code");
    assert_string_equal(po_version(), PO_VERSION_STRING);
    char v[32];
    snprintf(v, sizeof v, "%d.%d.%d", PO_VERSION_MAJOR, PO_VERSION_MINOR,
             PO_VERSION_PATCH);
    assert_string_equal(po_version(), v);
}

static void test_null_model(void **state)
{
    (void)state;
    int i = 0;
    double v = 1;
    assert_int_equal(po_model_set_name(NULL, "a"), PO_EINVAL);
    assert_int_equal(po_model_set_sense(NULL, PO_MAXIMIZE), PO_EINVAL);
    assert_int_equal(po_model_set_obj_constant(NULL, 1), PO_EINVAL);
    assert_int_equal(po_model_add_var(NULL, "x", 0, 1, 0, PO_CONTINUOUS, NULL),
                     PO_EINVAL);
    assert_int_equal(po_model_add_vars(NULL, 1, NULL, NULL, NULL, NULL, NULL,
                                       NULL, NULL, NULL),
                     PO_EINVAL);
    assert_int_equal(po_model_add_constr(NULL, "r", 0, 1, 1, &i, &v, NULL),
                     PO_EINVAL);
    assert_int_equal(po_model_add_constrs(NULL, 1, NULL, NULL, NULL, NULL,
                                          NULL, NULL),
                     PO_EINVAL);
    assert_int_equal(po_model_set_var_bounds(NULL, 0, 0, 1), PO_EINVAL);
    assert_int_equal(po_model_set_var_obj(NULL, 0, 1), PO_EINVAL);
    assert_int_equal(po_model_set_var_type(NULL, 0, PO_INTEGER), PO_EINVAL);
    assert_int_equal(po_model_set_constr_bounds(NULL, 0, 0, 1), PO_EINVAL);
    assert_int_equal(po_model_errcode(NULL), PO_EINVAL);
    assert_true(strlen(po_model_errmsg(NULL)) > 0);
    assert_null(po_model_name(NULL));
    assert_int_equal(po_model_num_vars(NULL), 0);
    assert_int_equal(po_model_num_constrs(NULL), 0);
    assert_int_equal(po_model_num_nonzeros(NULL), 0);
    assert_int_equal(po_model_num_integer_vars(NULL), 0);
    assert_int_equal(po_model_find_var(NULL, "x"), -1);
    assert_int_equal(po_model_find_constr(NULL, "x"), -1);
    assert_null(po_model_var_name(NULL, 0));
    assert_true(isnan(po_model_var_lb(NULL, 0)));
    assert_int_equal(po_model_var_type(NULL, 0), -1);
    assert_int_equal(po_model_constr_row(NULL, 0, NULL, NULL), -1);
    assert_int_equal(po_model_var_col(NULL, 0, NULL, NULL), -1);
    assert_true(isnan(po_model_obj_constant(NULL)));
}

static void test_name_sense_constant(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    OK(po_model_set_name(m, "Bakery, weekly plan"));
    assert_string_equal(po_model_name(m), "Bakery, weekly plan");
    OK(po_model_set_name(m, NULL));
    assert_string_equal(po_model_name(m), "");
    OK(po_model_set_name(m, "p"));
    char longname[300];
    memset(longname, 'n', 256);
    longname[256] = '\0';
    REJECT(m, po_model_set_name(m, longname), PO_ENAME,
           "model \"nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn...\": name is 256 "
           "bytes long (at most 255)");
    REJECT(m, po_model_set_name(m, "a\nb"), PO_ENAME,
           "model \"a\\x0Ab\": name contains control character 0x0A");
    assert_string_equal(po_model_name(m), "p");
    OK(po_model_set_sense(m, PO_MAXIMIZE));
    assert_int_equal(po_model_sense(m), PO_MAXIMIZE);
    REJECT(m, po_model_set_sense(m, (po_sense)5), PO_EINVAL,
           "invalid objective sense 5");
    OK(po_model_set_obj_constant(m, -12.5));
    assert_true(po_model_obj_constant(m) == -12.5);
    REJECT(m, po_model_set_obj_constant(m, NAN), PO_ENAN,
           "objective constant is NaN");
    REJECT(m, po_model_set_obj_constant(m, -PO_INF), PO_EINF,
           "objective constant is infinite");
    assert_true(po_model_obj_constant(m) == -12.5);
    po_model_free(m);
}

/* SQLite's rule: every fallible call clears the last error first; calls
 * that cannot fail leave it alone. */
static void test_errmsg_lifetime(void **state)
{
    (void)state;
    po_model *m = base_model();
    assert_int_equal(po_model_add_var(m, "x", 0, 1, 0, PO_CONTINUOUS, NULL),
                     PO_EDUPNAME);
    assert_int_equal(po_model_num_vars(m), 4);
    assert_int_equal(po_model_find_var(m, "x"), 0);
    assert_int_equal(po_model_errcode(m), PO_EDUPNAME);
    assert_string_equal(po_model_errmsg(m),
                        "variable \"x\": name already used by variable 0");
    OK(po_model_set_sense(m, PO_MAXIMIZE));
    assert_int_equal(po_model_errcode(m), PO_OK);
    assert_string_equal(po_model_errmsg(m), "");
    po_model_free(m);
}

/* ------------------------------------------------------------------ */
/* po_model_add_var                                                   */
/* ------------------------------------------------------------------ */

static void test_add_var_errors(void **state)
{
    (void)state;
    po_model *m = base_model();
    REJECT(m, po_model_add_var(m, "x3", 5, 2, 0, PO_CONTINUOUS, NULL),
           PO_EBOUNDS, "variable \"x3\": lower bound 5 is greater than upper "
                       "bound 2");
    REJECT(m, po_model_add_var(m, "v", 0.30000000000000004, 0.3, 0,
                               PO_CONTINUOUS, NULL),
           PO_EBOUNDS, "variable \"v\": lower bound 0.30000000000000004 is "
                       "greater than upper bound 0.3");
    REJECT(m, po_model_add_var(m, "v", NAN, 1, 0, PO_CONTINUOUS, NULL),
           PO_ENAN, "variable \"v\": lower bound is NaN");
    REJECT(m, po_model_add_var(m, "v", 0, NAN, 0, PO_CONTINUOUS, NULL),
           PO_ENAN, "variable \"v\": upper bound is NaN");
    REJECT(m, po_model_add_var(m, "v", PO_INF, PO_INF, 0, PO_CONTINUOUS, NULL),
           PO_EINF, "variable \"v\": lower bound is +infinity");
    REJECT(m, po_model_add_var(m, "v", -PO_INF, -PO_INF, 0, PO_CONTINUOUS,
                               NULL),
           PO_EINF, "variable \"v\": upper bound is -infinity");
    REJECT(m, po_model_add_var(m, "v", 0, 1, NAN, PO_CONTINUOUS, NULL),
           PO_ENAN, "variable \"v\": objective coefficient is NaN");
    REJECT(m, po_model_add_var(m, "v", 0, 1, -PO_INF, PO_CONTINUOUS, NULL),
           PO_EINF, "variable \"v\": objective coefficient is infinite");
    REJECT(m, po_model_add_var(m, "v", 0, 1, 0, (po_vartype)7, NULL),
           PO_EINVAL, "variable \"v\": invalid type 7");
    REJECT(m, po_model_add_var(m, "v", 0, 1, 0, (po_vartype)-1, NULL),
           PO_EINVAL, "variable \"v\": invalid type -1");
    REJECT(m, po_model_add_var(m, "v", 2, 5, 0, PO_BINARY, NULL), PO_EBOUNDS,
           "variable \"v\": binary variable with bounds [2, 5], which do not "
           "meet [0, 1]");
    REJECT(m, po_model_add_var(m, "v", -3, -0.5, 0, PO_BINARY, NULL),
           PO_EBOUNDS, "variable \"v\": binary variable with bounds [-3, "
                       "-0.5], which do not meet [0, 1]");
    REJECT(m, po_model_add_var(m, "", 0, 1, 0, PO_CONTINUOUS, NULL), PO_ENAME,
           "variable: name is empty");
    REJECT(m, po_model_add_var(m, NULL, 0, 1, 0, PO_CONTINUOUS, NULL),
           PO_EINVAL, "variable: name is NULL");
    REJECT(m, po_model_add_var(m, "y", 0, 1, 0, PO_CONTINUOUS, NULL),
           PO_EDUPNAME, "variable \"y\": name already used by variable 1");
    REJECT(m, po_model_add_var(m, "a\tb", 0, 1, 0, PO_CONTINUOUS, NULL),
           PO_ENAME, "variable \"a\\x09b\": name contains control character "
                     "0x09");
    REJECT(m, po_model_add_var(m, "del\x7f", 0, 1, 0, PO_CONTINUOUS, NULL),
           PO_ENAME, "variable \"del\\x7F\": name contains control character "
                     "0x7F");
    char name[PO_NAME_MAX + 2];
    memset(name, 'a', PO_NAME_MAX + 1);
    name[PO_NAME_MAX + 1] = '\0';
    REJECT(m, po_model_add_var(m, name, 0, 1, 0, PO_CONTINUOUS, NULL),
           PO_ENAME, "variable \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa...\": "
                     "name is 256 bytes long (at most 255)");
    /* a name of exactly PO_NAME_MAX bytes is accepted, and so is UTF-8 */
    name[PO_NAME_MAX] = '\0';
    int j = -1;
    OK(po_model_add_var(m, name, 0, 1, 0, PO_CONTINUOUS, &j));
    assert_int_equal(j, 4);
    assert_int_equal(po_model_find_var(m, name), 4);
    OK(po_model_add_var(m, "Bäckerei €", 0, 1, 0, PO_CONTINUOUS, &j));
    assert_int_equal(po_model_find_var(m, "Bäckerei €"), 5);
    /* variables and constraints have separate name spaces */
    OK(po_model_add_var(m, "cap_mon", 0, 1, 0, PO_CONTINUOUS, &j));
    assert_int_equal(po_model_find_var(m, "cap_mon"), 6);
    assert_int_equal(po_model_find_constr(m, "cap_mon"), 0);
    po_model_free(m);
}

static void test_add_var_values(void **state)
{
    (void)state;
    po_model *m = base_model();
    assert_int_equal(po_model_num_vars(m), 4);
    assert_int_equal(po_model_num_integer_vars(m), 2);
    assert_string_equal(po_model_var_name(m, 1), "y");
    assert_true(po_model_var_lb(m, 1) == -5);
    assert_true(po_model_var_ub(m, 1) == 5);
    assert_true(po_model_var_obj(m, 1) == -2);
    assert_int_equal(po_model_var_type(m, 1), PO_INTEGER);
    /* binary bounds are intersected with [0,1] */
    assert_true(po_model_var_lb(m, 2) == 0);
    assert_true(po_model_var_ub(m, 2) == 1);
    assert_int_equal(po_model_var_type(m, 2), PO_BINARY);
    assert_true(isinf(po_model_var_ub(m, 3)) && po_model_var_ub(m, 3) > 0);
    int j;
    OK(po_model_add_var(m, "half", 0.5, 7, 0, PO_BINARY, &j));
    assert_true(po_model_var_lb(m, j) == 0.5);
    assert_true(po_model_var_ub(m, j) == 1);
    /* integer bounds are kept as given */
    OK(po_model_add_var(m, "frac", 0.5, 2.5, 0, PO_INTEGER, &j));
    assert_true(po_model_var_lb(m, j) == 0.5);
    assert_true(po_model_var_ub(m, j) == 2.5);
    OK(po_model_add_var(m, "fixed", 3, 3, 0, PO_CONTINUOUS, &j));
    OK(po_model_add_var(m, "free", -PO_INF, PO_INF, 0, PO_CONTINUOUS, &j));
    assert_int_equal(po_model_num_integer_vars(m), 4);
    /* out-of-range reads */
    assert_null(po_model_var_name(m, -1));
    assert_null(po_model_var_name(m, 8));
    assert_true(isnan(po_model_var_lb(m, 8)));
    assert_true(isnan(po_model_var_ub(m, -1)));
    assert_true(isnan(po_model_var_obj(m, 8)));
    assert_int_equal(po_model_var_type(m, 8), -1);
    assert_int_equal(po_model_var_col(m, 8, NULL, NULL), -1);
    assert_int_equal(po_model_var_col(m, -1, NULL, NULL), -1);
    assert_int_equal(po_model_find_var(m, "nope"), -1);
    assert_int_equal(po_model_find_var(m, NULL), -1);
    po_model_free(m);
}

/* ------------------------------------------------------------------ */
/* po_model_add_constr                                                */
/* ------------------------------------------------------------------ */

static void test_add_constr_errors(void **state)
{
    (void)state;
    po_model *m = base_model();
    int bad[2] = {0, 12};
    double v2[2] = {1, 2};
    REJECT(m, po_model_add_constr(m, "cap2", 0, 1, 2, bad, v2, NULL),
           PO_ERANGE, "constraint \"cap2\": variable index 12 out of range "
                      "(model has 4 variables)");
    int neg[1] = {-1};
    REJECT(m, po_model_add_constr(m, "cap2", 0, 1, 1, neg, v2, NULL),
           PO_ERANGE, "constraint \"cap2\": variable index -1 out of range "
                      "(model has 4 variables)");
    int twice[3] = {0, 1, 0};
    double v3[3] = {1, 2, 3};
    REJECT(m, po_model_add_constr(m, "r1", 0, 1, 3, twice, v3, NULL),
           PO_EDUPENTRY, "constraint \"r1\": variable \"x\" appears twice");
    double vz[3] = {0, 2, 0}; /* zeros still count as entries */
    REJECT(m, po_model_add_constr(m, "r1", 0, 1, 3, twice, vz, NULL),
           PO_EDUPENTRY, "constraint \"r1\": variable \"x\" appears twice");
    int ok2[2] = {0, 1};
    double vn[2] = {1, NAN};
    REJECT(m, po_model_add_constr(m, "r1", 0, 1, 2, ok2, vn, NULL), PO_ENAN,
           "constraint \"r1\": coefficient of variable \"y\" is NaN");
    double vi[2] = {-PO_INF, 1};
    REJECT(m, po_model_add_constr(m, "r1", 0, 1, 2, ok2, vi, NULL), PO_EINF,
           "constraint \"r1\": coefficient of variable \"x\" is infinite");
    REJECT(m, po_model_add_constr(m, "r1", 3, 1, 2, ok2, v2, NULL),
           PO_EBOUNDS, "constraint \"r1\": lower bound 3 is greater than "
                       "upper bound 1");
    REJECT(m, po_model_add_constr(m, "r1", PO_INF, PO_INF, 2, ok2, v2, NULL),
           PO_EINF, "constraint \"r1\": lower bound is +infinity");
    REJECT(m, po_model_add_constr(m, "r1", -PO_INF, -PO_INF, 2, ok2, v2, NULL),
           PO_EINF, "constraint \"r1\": upper bound is -infinity");
    REJECT(m, po_model_add_constr(m, "r1", NAN, 1, 2, ok2, v2, NULL), PO_ENAN,
           "constraint \"r1\": lower bound is NaN");
    REJECT(m, po_model_add_constr(m, "r1", 0, NAN, 2, ok2, v2, NULL), PO_ENAN,
           "constraint \"r1\": upper bound is NaN");
    REJECT(m, po_model_add_constr(m, "r1", 0, 1, -1, ok2, v2, NULL),
           PO_EINVAL, "po_model_add_constr: negative count -1");
    REJECT(m, po_model_add_constr(m, "r1", 0, 1, 2, NULL, v2, NULL),
           PO_EINVAL, "po_model_add_constr: 2 entries but var_index or value "
                      "is NULL");
    REJECT(m, po_model_add_constr(m, "r1", 0, 1, 2, ok2, NULL, NULL),
           PO_EINVAL, "po_model_add_constr: 2 entries but var_index or value "
                      "is NULL");
    REJECT(m, po_model_add_constr(m, "cap_mon", 0, 1, 2, ok2, v2, NULL),
           PO_EDUPNAME, "constraint \"cap_mon\": name already used by "
                        "constraint 0");
    REJECT(m, po_model_add_constr(m, "", 0, 1, 2, ok2, v2, NULL), PO_ENAME,
           "constraint: name is empty");
    REJECT(m, po_model_add_constr(m, NULL, 0, 1, 2, ok2, v2, NULL), PO_EINVAL,
           "constraint: name is NULL");
    REJECT(m, po_model_add_constr(m, "\x1b[31m", 0, 1, 2, ok2, v2, NULL),
           PO_ENAME, "constraint \"\\x1B[31m\": name contains control "
                     "character 0x1B");
    /* a row with no entries, and NULL arrays for it, is fine */
    int i = -1;
    OK(po_model_add_constr(m, "empty", 0, 1, 0, NULL, NULL, &i));
    assert_int_equal(i, 2);
    assert_int_equal(po_model_constr_row(m, 2, NULL, NULL), 0);
    po_model_free(m);
}

static void test_add_constr_values(void **state)
{
    (void)state;
    po_model *m = base_model();
    assert_int_equal(po_model_num_constrs(m), 2);
    assert_int_equal(po_model_num_nonzeros(m), 5);
    assert_string_equal(po_model_constr_name(m, 0), "cap_mon");
    assert_true(isinf(po_model_constr_lb(m, 0)) && po_model_constr_lb(m, 0) < 0);
    assert_true(po_model_constr_ub(m, 0) == 4);
    assert_true(po_model_constr_lb(m, 1) == 0 && po_model_constr_ub(m, 1) == 0);
    /* zero coefficients are dropped; entries keep the order given */
    int vi[4] = {3, 0, 1, 2};
    double vv[4] = {7, 0, -1.5, 0};
    int r;
    OK(po_model_add_constr(m, "mix", 1, 2, 4, vi, vv, &r));
    assert_int_equal(r, 2);
    assert_int_equal(po_model_num_nonzeros(m), 7);
    int oi[4];
    double ov[4];
    assert_int_equal(po_model_constr_row(m, r, oi, ov), 2);
    assert_int_equal(oi[0], 3);
    assert_true(ov[0] == 7);
    assert_int_equal(oi[1], 1);
    assert_true(ov[1] == -1.5);
    /* either output array may be NULL */
    memset(oi, 0, sizeof oi);
    assert_int_equal(po_model_constr_row(m, r, oi, NULL), 2);
    assert_int_equal(oi[1], 1);
    assert_int_equal(po_model_constr_row(m, r, NULL, ov), 2);
    /* columns: row indices ascending */
    assert_int_equal(po_model_var_col(m, 1, oi, ov), 2);
    assert_int_equal(oi[0], 0);
    assert_true(ov[0] == 2);
    assert_int_equal(oi[1], 2);
    assert_true(ov[1] == -1.5);
    assert_int_equal(po_model_var_col(m, 3, oi, ov), 2);
    assert_int_equal(oi[0], 0);
    assert_int_equal(oi[1], 2);
    assert_true(ov[1] == 7);
    assert_int_equal(po_model_find_constr(m, "mix"), 2);
    assert_int_equal(po_model_find_constr(m, "nope"), -1);
    assert_null(po_model_constr_name(m, 3));
    assert_true(isnan(po_model_constr_lb(m, -1)));
    assert_true(isnan(po_model_constr_ub(m, 3)));
    assert_int_equal(po_model_constr_row(m, 3, NULL, NULL), -1);
    assert_int_equal(po_model_constr_row(m, -1, NULL, NULL), -1);
    po_model_free(m);
}

/* ------------------------------------------------------------------ */
/* Bulk adds                                                          */
/* ------------------------------------------------------------------ */

static void test_add_vars_errors(void **state)
{
    (void)state;
    po_model *m = base_model();
    const char *pqr[3] = {"p", "q", "r"};
    double lb[3] = {0, 5, 0}, ub[3] = {1, 2, 1};
    REJECT(m, po_model_add_vars(m, -1, NULL, NULL, NULL, NULL, NULL, NULL,
                                NULL, NULL),
           PO_EINVAL, "po_model_add_vars: negative count -1");
    REJECT(m, po_model_add_vars(m, 3, pqr, lb, ub, NULL, NULL, NULL, NULL,
                                NULL),
           PO_EBOUNDS, "variable \"q\" (position 1): lower bound 5 is greater "
                       "than upper bound 2");
    double obj[3] = {1, 2, NAN};
    REJECT(m, po_model_add_vars(m, 3, NULL, NULL, NULL, obj, NULL, NULL, NULL,
                                NULL),
           PO_ENAN, "variable \"x7\" (position 2): objective coefficient is "
                    "NaN");
    const char *dup[3] = {"p", "q", "p"};
    REJECT(m, po_model_add_vars(m, 3, dup, NULL, NULL, NULL, NULL, NULL, NULL,
                                NULL),
           PO_EDUPNAME, "variable \"p\" (position 2): name already used at "
                        "position 0 of this call");
    assert_int_equal(po_model_find_var(m, "p"), -1);
    assert_int_equal(po_model_find_var(m, "q"), -1);
    const char *old[2] = {"p", "x"};
    REJECT(m, po_model_add_vars(m, 2, old, NULL, NULL, NULL, NULL, NULL, NULL,
                                NULL),
           PO_EDUPNAME, "variable \"x\" (position 1): name already used by "
                        "variable 0");
    const char *empty[2] = {"p", ""};
    REJECT(m, po_model_add_vars(m, 2, empty, NULL, NULL, NULL, NULL, NULL,
                                NULL, NULL),
           PO_ENAME, "variable at position 1: name is empty");
    po_vartype ty[2] = {PO_BINARY, PO_BINARY};
    double lb2[2] = {0, 1.5};
    REJECT(m, po_model_add_vars(m, 2, NULL, lb2, NULL, NULL, ty, NULL, NULL,
                                NULL),
           PO_EBOUNDS, "variable \"x6\" (position 1): binary variable with "
                       "bounds [1.5, inf], which do not meet [0, 1]");

    /* malformed CSC arrays */
    int rows[3] = {0, 1, 1};
    double vals[3] = {1, 2, 3};
    int s_first[3] = {1, 2, 3};
    REJECT(m, po_model_add_vars(m, 2, NULL, NULL, NULL, NULL, NULL, s_first,
                                rows, vals),
           PO_EINVAL, "po_model_add_vars: col_start[0] is 1 (must be 0)");
    int s_down[3] = {0, 2, 1};
    REJECT(m, po_model_add_vars(m, 2, NULL, NULL, NULL, NULL, NULL, s_down,
                                rows, vals),
           PO_EINVAL, "po_model_add_vars: col_start[2] = 1 is less than "
                      "col_start[1] = 2");
    REJECT(m, po_model_add_vars(m, 2, NULL, NULL, NULL, NULL, NULL, NULL, rows,
                                vals),
           PO_EINVAL, "po_model_add_vars: col_start is NULL but row_index or "
                      "value is not");
    int s_ok[3] = {0, 1, 3};
    REJECT(m, po_model_add_vars(m, 2, NULL, NULL, NULL, NULL, NULL, s_ok, rows,
                                NULL),
           PO_EINVAL, "po_model_add_vars: col_start has 3 entries but "
                      "row_index or value is NULL");
    /* entries */
    REJECT(m, po_model_add_vars(m, 2, pqr, NULL, NULL, NULL, NULL, s_ok, rows,
                                vals),
           PO_EDUPENTRY, "variable \"q\" (position 1): constraint \"bal\" "
                         "appears twice");
    int far[3] = {5, 0, 1};
    REJECT(m, po_model_add_vars(m, 2, pqr, NULL, NULL, NULL, NULL, s_ok, far,
                                vals),
           PO_ERANGE, "variable \"p\" (position 0): constraint index 5 out of "
                      "range (model has 2 constraints)");
    int r01[3] = {1, 0, 1};
    double vnan[3] = {NAN, 1, 1};
    REJECT(m, po_model_add_vars(m, 2, pqr, NULL, NULL, NULL, NULL, s_ok, r01,
                                vnan),
           PO_ENAN, "variable \"p\" (position 0): coefficient of constraint "
                    "\"bal\" is NaN");
    double vinf[3] = {1, 1, PO_INF};
    REJECT(m, po_model_add_vars(m, 2, pqr, NULL, NULL, NULL, NULL, s_ok, r01,
                                vinf),
           PO_EINF, "variable \"q\" (position 1): coefficient of constraint "
                    "\"bal\" is infinite");
    /* default names colliding with a given one */
    OK(po_model_add_var(m, "x6", 0, 1, 0, PO_CONTINUOUS, NULL));
    REJECT(m, po_model_add_vars(m, 1, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                                NULL),
           PO_EDUPNAME, "variable \"x6\" (position 0): name already used by "
                        "variable 4");
    /* n = 0 is a successful no-op */
    char *before = dump(m);
    OK(po_model_add_vars(m, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                         NULL));
    int zero = 0;
    OK(po_model_add_vars(m, 0, NULL, NULL, NULL, NULL, NULL, &zero, NULL,
                         NULL));
    char *after = dump(m);
    assert_string_equal(before, after);
    free(before);
    free(after);
    po_model_free(m);
}

static void test_add_constrs_errors(void **state)
{
    (void)state;
    po_model *m = base_model();
    REJECT(m, po_model_add_constrs(m, -2, NULL, NULL, NULL, NULL, NULL, NULL),
           PO_EINVAL, "po_model_add_constrs: negative count -2");
    const char *st[3] = {"s1", "s2", "s3"};
    int start[4] = {0, 2, 4, 5};
    int vi[5] = {0, 1, 2, 9, 3};
    double vv[5] = {1, 1, 1, 1, 1};
    REJECT(m, po_model_add_constrs(m, 3, st, NULL, NULL, start, vi, vv),
           PO_ERANGE, "constraint \"s2\" (position 1): variable index 9 out of "
                      "range (model has 4 variables)");
    int vd[5] = {0, 1, 2, 3, 2};
    int start2[4] = {0, 2, 2, 5};
    REJECT(m, po_model_add_constrs(m, 3, st, NULL, NULL, start2, vd, vv),
           PO_EDUPENTRY, "constraint \"s3\" (position 2): variable \"b\" "
                         "appears twice");
    const char *dup[3] = {"s1", "s1", "s3"};
    REJECT(m, po_model_add_constrs(m, 3, dup, NULL, NULL, NULL, NULL, NULL),
           PO_EDUPNAME, "constraint \"s1\" (position 1): name already used at "
                        "position 0 of this call");
    assert_int_equal(po_model_find_constr(m, "s1"), -1);
    const char *old[3] = {"s1", "s2", "bal"};
    REJECT(m, po_model_add_constrs(m, 3, old, NULL, NULL, NULL, NULL, NULL),
           PO_EDUPNAME, "constraint \"bal\" (position 2): name already used by "
                        "constraint 1");
    assert_int_equal(po_model_find_constr(m, "s2"), -1);
    double lb[3] = {0, 0, 2}, ub[3] = {1, 1, 1};
    REJECT(m, po_model_add_constrs(m, 3, NULL, lb, ub, NULL, NULL, NULL),
           PO_EBOUNDS, "constraint \"r5\" (position 2): lower bound 2 is "
                       "greater than upper bound 1");
    double ubn[3] = {-PO_INF, 1, 1};
    REJECT(m, po_model_add_constrs(m, 3, NULL, NULL, ubn, NULL, NULL, NULL),
           PO_EINF, "constraint \"r3\" (position 0): upper bound is "
                    "-infinity");
    double vn[5] = {1, 1, 1, 1, NAN};
    REJECT(m, po_model_add_constrs(m, 3, st, NULL, NULL, start, vd, vn),
           PO_ENAN, "constraint \"s3\" (position 2): coefficient of variable "
                    "\"b\" is NaN");
    int bad0[4] = {1, 2, 2, 5};
    REJECT(m, po_model_add_constrs(m, 3, st, NULL, NULL, bad0, vd, vv),
           PO_EINVAL, "po_model_add_constrs: row_start[0] is 1 (must be 0)");
    int down[4] = {0, 3, 2, 5};
    REJECT(m, po_model_add_constrs(m, 3, st, NULL, NULL, down, vd, vv),
           PO_EINVAL, "po_model_add_constrs: row_start[2] = 2 is less than "
                      "row_start[1] = 3");
    REJECT(m, po_model_add_constrs(m, 3, st, NULL, NULL, start, NULL, vv),
           PO_EINVAL, "po_model_add_constrs: row_start has 5 entries but "
                      "var_index or value is NULL");
    REJECT(m, po_model_add_constrs(m, 3, st, NULL, NULL, NULL, vd, NULL),
           PO_EINVAL, "po_model_add_constrs: row_start is NULL but var_index "
                      "or value is not");
    /* names[k] == NULL takes the default name */
    const char *some[2] = {NULL, "named"};
    OK(po_model_add_constrs(m, 2, some, NULL, NULL, NULL, NULL, NULL));
    assert_string_equal(po_model_constr_name(m, 2), "r3");
    assert_string_equal(po_model_constr_name(m, 3), "named");
    assert_true(isinf(po_model_constr_lb(m, 2)) && po_model_constr_lb(m, 2) < 0);
    assert_true(isinf(po_model_constr_ub(m, 3)) && po_model_constr_ub(m, 3) > 0);
    po_model_free(m);
}

/* The same model built three ways must read back identically. */
#define EQ_NV 5
#define EQ_NC 4
static const double EQ_A[EQ_NC][EQ_NV] = {
    {1, 0, 2, 0, -1},
    {0, 3, 0, 0, 0},
    {4, 5, 0, 6, 0},
    {0, 0, 0, 0, 0.25},
};
static const char *const EQ_VN[EQ_NV] = {"a", "b", "c", "d", "e"};
static const char *const EQ_CN[EQ_NC] = {"r_one", "r_two", "r_three", "r_four"};
static const double EQ_LB[EQ_NV] = {0, -1, 0, 2, -PO_INF};
static const double EQ_UB[EQ_NV] = {PO_INF, 1, 1, 2, 3};
static const double EQ_OBJ[EQ_NV] = {1, -1, 0.5, 0, 2};
static const po_vartype EQ_TY[EQ_NV] = {PO_CONTINUOUS, PO_INTEGER, PO_BINARY,
                                        PO_CONTINUOUS, PO_INTEGER};
static const double EQ_RLB[EQ_NC] = {-PO_INF, 0, 1, -3};
static const double EQ_RUB[EQ_NC] = {10, 0, PO_INF, 3};

static void test_bulk_equals_single(void **state)
{
    (void)state;
    /* one at a time: variables, then rows (zeros passed in and dropped) */
    po_model *a = po_model_new();
    for (int j = 0; j < EQ_NV; j++)
        OK(po_model_add_var(a, EQ_VN[j], EQ_LB[j], EQ_UB[j], EQ_OBJ[j],
                            EQ_TY[j], NULL));
    for (int i = 0; i < EQ_NC; i++) {
        int idx[EQ_NV];
        for (int j = 0; j < EQ_NV; j++)
            idx[j] = j;
        OK(po_model_add_constr(a, EQ_CN[i], EQ_RLB[i], EQ_RUB[i], EQ_NV, idx,
                               EQ_A[i], NULL));
    }
    /* empty rows first, then columns in CSC form */
    po_model *b = po_model_new();
    OK(po_model_add_constrs(b, EQ_NC, EQ_CN, EQ_RLB, EQ_RUB, NULL, NULL, NULL));
    int cs[EQ_NV + 1], ri[EQ_NV * EQ_NC];
    double cv[EQ_NV * EQ_NC];
    int n = 0;
    for (int j = 0; j < EQ_NV; j++) {
        cs[j] = n;
        for (int i = EQ_NC - 1; i >= 0; i--) /* unsorted on purpose */
            if (EQ_A[i][j] != 0) {
                ri[n] = i;
                cv[n++] = EQ_A[i][j];
            }
    }
    cs[EQ_NV] = n;
    OK(po_model_add_vars(b, EQ_NV, EQ_VN, EQ_LB, EQ_UB, EQ_OBJ, EQ_TY, cs, ri,
                         cv));
    /* columns first, then rows in CSR form (with explicit zeros) */
    po_model *c = po_model_new();
    OK(po_model_add_vars(c, EQ_NV, EQ_VN, EQ_LB, EQ_UB, EQ_OBJ, EQ_TY, NULL,
                         NULL, NULL));
    int rs[EQ_NC + 1], vi[EQ_NV * EQ_NC];
    double vv[EQ_NV * EQ_NC];
    n = 0;
    for (int i = 0; i < EQ_NC; i++) {
        rs[i] = n;
        for (int j = 0; j < EQ_NV; j++) {
            vi[n] = j;
            vv[n++] = EQ_A[i][j];
        }
    }
    rs[EQ_NC] = n;
    OK(po_model_add_constrs(c, EQ_NC, EQ_CN, EQ_RLB, EQ_RUB, rs, vi, vv));

    char *da = dump(a), *db = dump(b), *dc = dump(c);
    assert_string_equal(da, db);
    assert_string_equal(da, dc);
    assert_int_equal(po_model_num_nonzeros(a), 8);
    assert_int_equal(po_model_num_integer_vars(a), 3);
    /* spot checks of the read-back itself, against the matrix above */
    int oi[EQ_NC];
    double ov[EQ_NC];
    assert_int_equal(po_model_var_col(b, 0, oi, ov), 2);
    assert_int_equal(oi[0], 0);
    assert_true(ov[0] == 1);
    assert_int_equal(oi[1], 2);
    assert_true(ov[1] == 4);
    assert_int_equal(po_model_constr_row(b, 2, oi, ov), 3);
    assert_int_equal(oi[2], 3);
    assert_true(ov[2] == 6);
    assert_true(po_model_var_ub(b, 2) == 1);
    assert_true(po_model_var_lb(b, 4) == -PO_INF);
    /* the triplets the backend loads hold the same matrix */
    for (long e = 0; e < b->nnz; e++)
        assert_true(EQ_A[b->nz_row[e]][b->nz_col[e]] == b->nz_val[e]);
    free(da);
    free(db);
    free(dc);
    po_model_free(a);
    po_model_free(b);
    po_model_free(c);
}

/* Column lists stay in ascending row order when rows and columns arrive
 * interleaved; row lists keep the order of addition. */
static void test_readback_interleaved(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    OK(po_model_add_constrs(m, 4, NULL, NULL, NULL, NULL, NULL, NULL));
    int cs[2] = {0, 3}, ri[3] = {3, 0, 2};
    double cv[3] = {30, 0.5, 20};
    OK(po_model_add_vars(m, 1, NULL, NULL, NULL, NULL, NULL, cs, ri, cv));
    OK(po_model_add_var(m, "w", 0, 1, 0, PO_CONTINUOUS, NULL));
    int vi[2] = {1, 0};
    double vv[2] = {-1, 40};
    OK(po_model_add_constr(m, "late", 0, 0, 2, vi, vv, NULL));
    int ri2[2] = {4, 1};
    double cv2[2] = {9, 8};
    int cs2[2] = {0, 2};
    OK(po_model_add_vars(m, 1, NULL, NULL, NULL, NULL, NULL, cs2, ri2, cv2));

    int oi[8];
    double ov[8];
    assert_int_equal(po_model_var_col(m, 0, oi, ov), 4);
    int want_r[4] = {0, 2, 3, 4};
    double want_v[4] = {0.5, 20, 30, 40};
    for (int k = 0; k < 4; k++) {
        assert_int_equal(oi[k], want_r[k]);
        assert_true(ov[k] == want_v[k]);
    }
    assert_int_equal(po_model_var_col(m, 2, oi, ov), 2);
    assert_int_equal(oi[0], 1);
    assert_true(ov[0] == 8);
    assert_int_equal(oi[1], 4);
    assert_true(ov[1] == 9);
    assert_int_equal(po_model_constr_row(m, 4, oi, ov), 3);
    assert_int_equal(oi[0], 1);
    assert_int_equal(oi[1], 0);
    assert_int_equal(oi[2], 2);
    assert_true(ov[2] == 9);
    assert_string_equal(po_model_var_name(m, 0), "x1");
    assert_string_equal(po_model_var_name(m, 2), "x3");
    assert_int_equal(po_model_num_nonzeros(m), 7);
    po_model_free(m);
}

/* ------------------------------------------------------------------ */
/* Setters                                                            */
/* ------------------------------------------------------------------ */

static void test_setters(void **state)
{
    (void)state;
    po_model *m = base_model();
    REJECT(m, po_model_set_var_bounds(m, 4, 0, 1), PO_ERANGE,
           "variable index 4 out of range (model has 4 variables)");
    REJECT(m, po_model_set_var_bounds(m, -1, 0, 1), PO_ERANGE,
           "variable index -1 out of range (model has 4 variables)");
    REJECT(m, po_model_set_var_bounds(m, 0, 3, 1), PO_EBOUNDS,
           "variable \"x\": lower bound 3 is greater than upper bound 1");
    REJECT(m, po_model_set_var_bounds(m, 0, NAN, 1), PO_ENAN,
           "variable \"x\": lower bound is NaN");
    REJECT(m, po_model_set_var_bounds(m, 0, 0, -PO_INF), PO_EINF,
           "variable \"x\": upper bound is -infinity");
    REJECT(m, po_model_set_var_bounds(m, 2, 2, 3), PO_EBOUNDS,
           "variable \"b\": binary variable with bounds [2, 3], which do not "
           "meet [0, 1]");
    OK(po_model_set_var_bounds(m, 2, -3, 0.5));
    assert_true(po_model_var_lb(m, 2) == 0 && po_model_var_ub(m, 2) == 0.5);
    OK(po_model_set_var_bounds(m, 0, -PO_INF, 2));
    assert_true(po_model_var_lb(m, 0) == -PO_INF && po_model_var_ub(m, 0) == 2);

    REJECT(m, po_model_set_var_obj(m, 9, 1), PO_ERANGE,
           "variable index 9 out of range (model has 4 variables)");
    REJECT(m, po_model_set_var_obj(m, 1, NAN), PO_ENAN,
           "variable \"y\": objective coefficient is NaN");
    REJECT(m, po_model_set_var_obj(m, 1, PO_INF), PO_EINF,
           "variable \"y\": objective coefficient is infinite");
    OK(po_model_set_var_obj(m, 1, 4.5));
    assert_true(po_model_var_obj(m, 1) == 4.5);

    REJECT(m, po_model_set_var_type(m, 0, (po_vartype)3), PO_EINVAL,
           "variable \"x\": invalid type 3");
    REJECT(m, po_model_set_var_type(m, 4, PO_INTEGER), PO_ERANGE,
           "variable index 4 out of range (model has 4 variables)");
    OK(po_model_set_var_bounds(m, 3, 2, 3));
    REJECT(m, po_model_set_var_type(m, 3, PO_BINARY), PO_EBOUNDS,
           "variable \"z\": binary variable with bounds [2, 3], which do not "
           "meet [0, 1]");
    assert_int_equal(po_model_num_integer_vars(m), 2);
    OK(po_model_set_var_type(m, 1, PO_BINARY)); /* y was integer [-5,5] */
    assert_true(po_model_var_lb(m, 1) == 0 && po_model_var_ub(m, 1) == 1);
    assert_int_equal(po_model_num_integer_vars(m), 2);
    OK(po_model_set_var_type(m, 3, PO_INTEGER));
    assert_int_equal(po_model_num_integer_vars(m), 3);
    OK(po_model_set_var_type(m, 2, PO_CONTINUOUS));
    assert_int_equal(po_model_num_integer_vars(m), 2);
    assert_int_equal(po_model_var_type(m, 2), PO_CONTINUOUS);
    OK(po_model_set_var_type(m, 2, PO_CONTINUOUS));
    assert_int_equal(po_model_num_integer_vars(m), 2);

    REJECT(m, po_model_set_constr_bounds(m, 2, 0, 1), PO_ERANGE,
           "constraint index 2 out of range (model has 2 constraints)");
    REJECT(m, po_model_set_constr_bounds(m, 1, NAN, 1), PO_ENAN,
           "constraint \"bal\": lower bound is NaN");
    REJECT(m, po_model_set_constr_bounds(m, 1, PO_INF, PO_INF), PO_EINF,
           "constraint \"bal\": lower bound is +infinity");
    REJECT(m, po_model_set_constr_bounds(m, 1, 1, -1), PO_EBOUNDS,
           "constraint \"bal\": lower bound 1 is greater than upper bound -1");
    OK(po_model_set_constr_bounds(m, 1, -1, PO_INF));
    assert_true(po_model_constr_lb(m, 1) == -1);
    assert_true(po_model_constr_ub(m, 1) == PO_INF);
    po_model_free(m);
}

/* ------------------------------------------------------------------ */
/* Scale: O(1) lookup, read-back of every row and column              */
/* ------------------------------------------------------------------ */

#define BIG 100000

static void test_large(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    char nm[32];
    double t0 = now();
    for (int j = 0; j < BIG; j++) {
        snprintf(nm, sizeof nm, "v%d", j);
        int idx;
        OK(po_model_add_var(m, nm, 0, j, j % 7, PO_CONTINUOUS, &idx));
        assert_int_equal(idx, j);
    }
    /* row i: v[i] + 2 v[(i+1)%BIG] - v[(i*7)%BIG]  (distinct unless i*7 == i
     * or i+1 mod BIG: handled by taking only two entries then) */
    for (int i = 0; i < BIG; i++) {
        int vi[3] = {i, (i + 1) % BIG, (int)((7L * i + 3) % BIG)};
        double vv[3] = {1, 2, -1};
        int n = (vi[2] == vi[0] || vi[2] == vi[1]) ? 2 : 3;
        snprintf(nm, sizeof nm, "c%d", i);
        OK(po_model_add_constr(m, nm, -PO_INF, i, n, vi, vv, NULL));
    }
    double t_add = now() - t0;
    t0 = now();
    for (int j = 0; j < BIG; j++) {
        snprintf(nm, sizeof nm, "v%d", j);
        assert_int_equal(po_model_find_var(m, nm), j);
        snprintf(nm, sizeof nm, "c%d", j);
        assert_int_equal(po_model_find_constr(m, nm), j);
    }
    assert_int_equal(po_model_find_var(m, "v100000"), -1);
    assert_int_equal(po_model_find_constr(m, "v1"), -1);
    double t_find = now() - t0;
    t0 = now();
    long total = 0;
    int oi[8];
    double ov[8];
    for (int i = 0; i < BIG; i++) {
        int n = po_model_constr_row(m, i, oi, ov);
        assert_true(n == 2 || n == 3);
        assert_int_equal(oi[0], i);
        total += n;
    }
    assert_int_equal(total, po_model_num_nonzeros(m));
    long total_c = 0;
    for (int j = 0; j < BIG; j++) {
        int n = po_model_var_col(m, j, NULL, NULL);
        total_c += n;
    }
    assert_int_equal(total_c, total);
    double t_read = now() - t0;
    print_message("    100k vars + 100k rows one at a time: add %.3f s, "
                  "200k finds %.3f s, read all rows+cols %.3f s\n",
                  t_add, t_find, t_read);
    if (timing_meaningful()) {
        /* generous: linear work is ~0.1 s here; a quadratic path is minutes */
        assert_true(t_add < 5.0);
        assert_true(t_find < 2.0);
        assert_true(t_read < 2.0);
    }
    po_model_free(m);
}

static void test_large_bulk(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    OK(po_model_add_vars(m, BIG, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                         NULL));
    int *rs = malloc(sizeof *rs * (BIG + 1));
    int *vi = malloc(sizeof *vi * 2 * BIG);
    double *vv = malloc(sizeof *vv * 2 * BIG);
    assert_non_null(rs);
    assert_non_null(vi);
    assert_non_null(vv);
    for (int i = 0; i < BIG; i++) {
        rs[i] = 2 * i;
        vi[2 * i] = (i + 1) % BIG;
        vi[2 * i + 1] = i;
        vv[2 * i] = 1;
        vv[2 * i + 1] = -1;
    }
    rs[BIG] = 2 * BIG;
    double t0 = now();
    OK(po_model_add_constrs(m, BIG, NULL, NULL, NULL, rs, vi, vv));
    double t = now() - t0;
    print_message("    add_constrs of 100k rows, 200k nonzeros: %.3f s\n", t);
    assert_int_equal(po_model_num_nonzeros(m), 2 * BIG);
    assert_int_equal(po_model_find_constr(m, "r100000"), BIG - 1);
    assert_int_equal(po_model_find_var(m, "x77"), 76);
    int oi[2];
    double ov[2];
    assert_int_equal(po_model_var_col(m, 0, oi, ov), 2);
    assert_int_equal(oi[0], 0);
    assert_true(ov[0] == -1);
    assert_int_equal(oi[1], BIG - 1);
    assert_true(ov[1] == 1);
    /* a duplicate at the very end rolls back all 100k names */
    const char **names = malloc(sizeof *names * BIG);
    char *store = malloc((size_t)BIG * 16);
    assert_non_null(names);
    assert_non_null(store);
    for (int i = 0; i < BIG; i++) {
        snprintf(store + 16 * i, 16, "n%d", i);
        names[i] = store + 16 * i;
    }
    names[BIG - 1] = "n5";
    char msg[128];
    snprintf(msg, sizeof msg, "variable \"n5\" (position %d): name already "
                              "used at position 5 of this call", BIG - 1);
    assert_int_equal(po_model_add_vars(m, BIG, names, NULL, NULL, NULL, NULL,
                                       NULL, NULL, NULL),
                     PO_EDUPNAME);
    assert_string_equal(po_model_errmsg(m), msg);
    assert_int_equal(po_model_num_vars(m), BIG);
    for (int i = 0; i < BIG; i += 997)
        assert_int_equal(po_model_find_var(m, names[i]), -1);
    assert_int_equal(po_model_find_var(m, "n5"), -1);
    assert_int_equal(po_model_find_var(m, "x100000"), BIG - 1);
    free(names);
    free(store);
    free(rs);
    free(vi);
    free(vv);
    if (timing_meaningful())
        assert_true(t < 2.0);
    po_model_free(m);
}

/* The table itself: inserts, removals (backward shift), finds, compared
 * with the truth kept in an array. */
static void test_names_table(void **state)
{
    (void)state;
    enum { N = 20000 };
    po__names t;
    po__names_init(&t);
    assert_int_equal(po__names_find(&t, "a"), -1);
    po__names_remove(&t, "a"); /* empty table: no-op */
    char *keys = malloc((size_t)N * 16);
    char *present = calloc(N, 1);
    assert_non_null(keys);
    assert_non_null(present);
    for (int i = 0; i < N; i++)
        snprintf(keys + 16 * i, 16, "k%d", i);
    assert_int_equal(po__names_reserve(&t, N, NULL, NULL), 0);
    for (int i = 0; i < N; i++) {
        po__names_insert(&t, keys + 16 * i, i);
        present[i] = 1;
    }
    for (int i = 0; i < N; i += 3) {
        po__names_remove(&t, keys + 16 * i);
        present[i] = 0;
    }
    po__names_remove(&t, "absent");
    assert_int_equal(t.count, N - (N + 2) / 3);
    for (int i = 0; i < N; i++)
        assert_int_equal(po__names_find(&t, keys + 16 * i),
                         present[i] ? i : -1);
    /* reinsert some, growing the table on the way */
    assert_int_equal(po__names_reserve(&t, N, NULL, NULL), 0);
    for (int i = 0; i < N; i += 6) {
        po__names_insert(&t, keys + 16 * i, i + 1000000);
        present[i] = 2;
    }
    for (int i = 0; i < N; i++)
        assert_int_equal(po__names_find(&t, keys + 16 * i),
                         present[i] == 2 ? i + 1000000
                                         : present[i] ? i : -1);
    po__names_free(&t);
    free(keys);
    free(present);
}

/* Duplicate detection stamps scratch marks with a counter; when it wraps
 * around, old marks must not be mistaken for new ones. */
static void test_mark_stamp_wrap(void **state)
{
    (void)state;
    po_model *m = base_model();
    m->mark_stamp = 0xFFFFFFFEu;
    int vi[2] = {0, 1};
    double vv[2] = {1, 1};
    OK(po_model_add_constr(m, "w1", 0, 1, 2, vi, vv, NULL)); /* stamp max */
    OK(po_model_add_constr(m, "w2", 0, 1, 2, vi, vv, NULL)); /* wraps */
    assert_int_equal(m->mark_stamp, 1);
    OK(po_model_add_constr(m, "w3", 0, 1, 2, vi, vv, NULL));
    int twice[2] = {1, 1};
    REJECT(m, po_model_add_constr(m, "w4", 0, 1, 2, twice, vv, NULL),
           PO_EDUPENTRY, "constraint \"w4\": variable \"y\" appears twice");
    assert_int_equal(po_model_num_constrs(m), 5);
    po_model_free(m);
}

/* po__model_clear (for file readers failing part way) empties the model
 * and leaves it reusable, names included. */
static void test_clear(void **state)
{
    (void)state;
    po_model *m = base_model();
    OK(po_model_set_name(m, "old"));
    OK(po_model_set_sense(m, PO_MAXIMIZE));
    OK(po_model_set_obj_constant(m, 3));
    po__model_clear(m);
    po_model *fresh = po_model_new();
    char *a = dump(m), *b = dump(fresh);
    assert_string_equal(a, b);
    free(a);
    free(b);
    assert_int_equal(po_model_find_var(m, "x"), -1);
    assert_int_equal(po_model_find_constr(m, "bal"), -1);
    po_model_free(fresh);
    po_model *again = base_model();
    po_model_free(m);
    m = base_model();
    po__model_clear(m);
    /* rebuilding on the cleared model gives the same model as new */
    add_base(m);
    a = dump(m);
    b = dump(again);
    assert_string_equal(a, b);
    free(a);
    free(b);
    po_model_free(again);
    po_model_free(m);
}

/* ------------------------------------------------------------------ */
/* Out of memory at every allocation                                  */
/* ------------------------------------------------------------------ */

typedef po_status (*op_fn)(po_model *m);

static po_status op_add_var(po_model *m)
{
    return po_model_add_var(m, "new_bin", -1, 4, 2, PO_BINARY, NULL);
}

static po_status op_add_vars(po_model *m)
{
    static const char *const names[3] = {"p", NULL, "q"};
    double lb[3] = {0, -1, 0}, ub[3] = {1, 1, PO_INF};
    po_vartype ty[3] = {PO_BINARY, PO_INTEGER, PO_CONTINUOUS};
    int nr = po_model_num_constrs(m);
    int cs[4] = {0, 0, 0, 0}, ri[2] = {0, 0};
    double cv[2] = {2, 0};
    if (nr >= 2) { /* unsorted column: needs the sort buffer */
        cs[2] = 0;
        cs[3] = 2;
        ri[0] = 1;
        cv[1] = 3;
    }
    return po_model_add_vars(m, 3, names, lb, ub, NULL, ty, cs, ri, cv);
}

static po_status op_add_many_vars(po_model *m)
{
    /* enough to grow every array and the name table */
    return po_model_add_vars(m, 40, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
                             NULL);
}

static po_status op_add_constr(po_model *m)
{
    int vi[2] = {0, 1};
    double vv[2] = {1.5, -2};
    int n = po_model_num_vars(m) >= 2 ? 2 : 0;
    return po_model_add_constr(m, "new_row", 0, 8, n, vi, vv, NULL);
}

static po_status op_add_constrs(po_model *m)
{
    enum { N = 20 };
    int rs[N + 1], vi[N];
    double vv[N];
    int nv = po_model_num_vars(m);
    for (int i = 0; i < N; i++) {
        rs[i] = nv ? i : 0;
        vi[i] = nv ? i % nv : 0;
        vv[i] = i + 1;
    }
    rs[N] = nv ? N : 0;
    return po_model_add_constrs(m, N, NULL, NULL, NULL, rs, nv ? vi : NULL,
                                nv ? vv : NULL);
}

static po_status op_set_name(po_model *m)
{
    return po_model_set_name(m, "renamed");
}

static po_model *empty_model(void)
{
    po_model *m = po_model_new();
    assert_non_null(m);
    return m;
}

static void oom_case(po_model *(*build)(void), op_fn op, const char *what)
{
    po_model *ref = build();
    int nv0 = po_model_num_vars(ref), nc0 = po_model_num_constrs(ref);
    OK(op(ref));
    char *want = dump(ref);
    long k;
    for (k = 0;; k++) {
        po_model *m = build();
        char *before = dump(m);
        po__model_fail_alloc_after(m, k);
        po_status st = op(m);
        po__model_fail_alloc_after(m, -1);
        if (st == PO_OK) {
            char *got = dump(m);
            assert_string_equal(got, want);
            free(got);
            free(before);
            po_model_free(m);
            break;
        }
        assert_int_equal(st, PO_ENOMEM);
        assert_int_equal(po_model_errcode(m), PO_ENOMEM);
        assert_non_null(strstr(po_model_errmsg(m), "out of memory"));
        char *after = dump(m);
        assert_string_equal(after, before);
        /* no name of the failed call is left in the lookup tables */
        for (int j = nv0; j < po_model_num_vars(ref); j++)
            assert_int_equal(po_model_find_var(m, po_model_var_name(ref, j)),
                             -1);
        for (int i = nc0; i < po_model_num_constrs(ref); i++)
            assert_int_equal(
                po_model_find_constr(m, po_model_constr_name(ref, i)), -1);
        /* the model is still whole: the same call now succeeds */
        OK(op(m));
        char *got = dump(m);
        assert_string_equal(got, want);
        free(got);
        free(after);
        free(before);
        po_model_free(m);
        assert_true(k < 1000);
    }
    free(want);
    po_model_free(ref);
    print_message("    %s: %ld allocation points failed cleanly\n", what, k);
    assert_true(k >= 1);
}

static void test_oom(void **state)
{
    (void)state;
    oom_case(empty_model, op_add_var, "add_var on empty model");
    oom_case(base_model, op_add_var, "add_var");
    oom_case(empty_model, op_add_vars, "add_vars on empty model");
    oom_case(base_model, op_add_vars, "add_vars (unsorted CSC)");
    oom_case(base_model, op_add_many_vars, "add_vars x40");
    oom_case(empty_model, op_add_constr, "add_constr on empty model");
    oom_case(base_model, op_add_constr, "add_constr");
    oom_case(empty_model, op_add_constrs, "add_constrs on empty model");
    oom_case(base_model, op_add_constrs, "add_constrs x20");
    oom_case(base_model, op_set_name, "set_name");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_new_free_defaults),
        cmocka_unit_test(test_strerror_version),
        cmocka_unit_test(test_null_model),
        cmocka_unit_test(test_name_sense_constant),
        cmocka_unit_test(test_errmsg_lifetime),
        cmocka_unit_test(test_add_var_errors),
        cmocka_unit_test(test_add_var_values),
        cmocka_unit_test(test_add_constr_errors),
        cmocka_unit_test(test_add_constr_values),
        cmocka_unit_test(test_add_vars_errors),
        cmocka_unit_test(test_add_constrs_errors),
        cmocka_unit_test(test_bulk_equals_single),
        cmocka_unit_test(test_readback_interleaved),
        cmocka_unit_test(test_setters),
        cmocka_unit_test(test_names_table),
        cmocka_unit_test(test_large),
        cmocka_unit_test(test_large_bulk),
        cmocka_unit_test(test_mark_stamp_wrap),
        cmocka_unit_test(test_clear),
        cmocka_unit_test(test_oom),
    };
    return cmocka_run_group_tests_name("model", tests, NULL, NULL);
}
