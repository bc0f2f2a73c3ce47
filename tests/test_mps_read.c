/*
 * test_mps_read.c -- procopt's MPS reader (lib/model/mps_read.c), the fast
 * path of po_model_read: every file it takes must give exactly the model
 * GLPK's reader gives (po__model_read_glpk), and whatever it leaves to
 * GLPK must still read (or fail) as before, with GLPK's message.  Checked
 * on the Debian sample files as fixed and free MPS, and on small files
 * written here for each rule (ranges, markers, bound types, blanks inside
 * fixed-MPS names, comments, tiny values, sections after ENDATA), with
 * hand-checked values where the rule is procopt's to get right.
 */
#include <dirent.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "backend.h"
#include "lp_fixtures.h"
#include "mps_read.h"
#include "procopt.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "/tmp/po-mps-XXXXXX");
    return mkdtemp(dir) != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    DIR *d = opendir(dir);
    if (d != NULL) {
        struct dirent *e;
        char p[512];
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
            unlink(p);
        }
        closedir(d);
    }
    return rmdir(dir);
}

static const char *write_file(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

static int same_double(double a, double b)
{
    return a == b || (isnan(a) && isnan(b));
}

/* Every part of two models equal, bit for bit. */
static void assert_same_model(const po_model *a, const po_model *b,
                              const char *what)
{
    int n = po_model_num_vars(a), m = po_model_num_constrs(a);
    if (n != po_model_num_vars(b) || m != po_model_num_constrs(b) ||
        po_model_num_nonzeros(a) != po_model_num_nonzeros(b)) {
        print_error("%s: sizes differ\n", what);
        fail();
    }
    assert_true(same_double(po_model_obj_constant(a),
                            po_model_obj_constant(b)));
    assert_int_equal(po_model_sense(a), po_model_sense(b));
    assert_string_equal(po_model_name(a), po_model_name(b));
    int *ia = malloc(((size_t)m + 1) * sizeof(int));
    int *ib = malloc(((size_t)m + 1) * sizeof(int));
    double *va = malloc(((size_t)m + 1) * sizeof(double));
    double *vb = malloc(((size_t)m + 1) * sizeof(double));
    assert_true(ia && ib && va && vb);
    for (int j = 0; j < n; j++) {
        assert_string_equal(po_model_var_name(a, j), po_model_var_name(b, j));
        assert_true(same_double(po_model_var_lb(a, j), po_model_var_lb(b, j)));
        assert_true(same_double(po_model_var_ub(a, j), po_model_var_ub(b, j)));
        assert_true(same_double(po_model_var_obj(a, j),
                                po_model_var_obj(b, j)));
        assert_int_equal(po_model_var_type(a, j), po_model_var_type(b, j));
        int la = po_model_var_col(a, j, ia, va);
        int lb = po_model_var_col(b, j, ib, vb);
        assert_int_equal(la, lb);
        for (int k = 0; k < la; k++) {
            assert_int_equal(ia[k], ib[k]);
            assert_true(va[k] == vb[k]);
        }
    }
    for (int i = 0; i < m; i++) {
        assert_string_equal(po_model_constr_name(a, i),
                            po_model_constr_name(b, i));
        assert_true(same_double(po_model_constr_lb(a, i),
                                po_model_constr_lb(b, i)));
        assert_true(same_double(po_model_constr_ub(a, i),
                                po_model_constr_ub(b, i)));
    }
    free(ia);
    free(ib);
    free(va);
    free(vb);
}

/*
 * Read `path` both ways as `fmt`: the same status, the same message, the
 * same model.  Returns whether procopt's reader took the file (then the
 * model is *out, for more checks; else *out is NULL).
 */
static int read_both(const char *path, po_format fmt, po_model **out)
{
    po_model *a = po_model_new(), *b = po_model_new();
    assert_true(a && b);
    po_status sa = po_model_read(a, path, fmt, NULL);
    po_status sb = po__model_read_glpk(b, path, fmt, NULL);
    assert_int_equal(sa, sb);
    assert_string_equal(po_model_errmsg(a), po_model_errmsg(b));
    if (sa == PO_OK)
        assert_same_model(a, b, path);
    po_model *c = NULL;
    int taken = 0;
    if (fmt != PO_FORMAT_AUTO) {
        po_status sc = po__mps_read(path, fmt == PO_FORMAT_MPS, -1, &c);
        assert_true(sc == PO_OK || sc == PO_EPARSE);
        taken = sc == PO_OK;
        if (taken) {
            assert_int_equal(sa, PO_OK); /* never where GLPK fails */
            assert_same_model(c, b, path);
        }
        po_model_free(c);
    }
    po_model_free(b);
    if (out != NULL && sa == PO_OK && taken) {
        *out = a;
    } else {
        if (out != NULL)
            *out = NULL;
        po_model_free(a);
    }
    return taken;
}

/* Every Debian sample, as fixed and as free MPS. */
static void test_samples(void **state)
{
    (void)state;
    DIR *d = opendir(sample_dir());
    if (d == NULL) {
        print_message("%s missing: skipped\n", sample_dir());
        skip();
    }
    struct dirent *e;
    int files = 0, taken = 0;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 5 || strcmp(e->d_name + n - 4, ".mps") != 0)
            continue;
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", sample_dir(), e->d_name);
        taken += read_both(path, PO_FORMAT_MPS, NULL);
        taken += read_both(path, PO_FORMAT_FREEMPS, NULL);
        read_both(path, PO_FORMAT_AUTO, NULL);
        files++;
    }
    closedir(d);
    print_message("%d sample files, %d of %d readings taken by procopt's "
                  "reader\n",
                  files, taken, 2 * files);
    /* afiro, brandy, e226, finnis, p0033, ... are plain MPS */
    if (files >= 20)
        assert_true(taken >= files);
}

/* Fixed MPS: names with blanks (GLPK removes them), '$' comments in field
 * 3 and 5, the objective's RHS as the constant, ranges of every sign on
 * every row type, a second N row dropped, all bound types.  Each record
 * puts its fields at positions 2-3, 5-12, 15-22, 25-36, 40-47, 50-61. */
static const char *const fixed_records[][6] = {
    {"*", "a comment"},
    {"NAME", "", "RULES 1"},
    {"ROWS"},
    {"N", "COST"},
    {"L", "LIM 1"},
    {"G", "LIM2"},
    {"E", "EQ+"},
    {"E", "EQ-"},
    {"E", "EQ0"},
    {"N", "OTHER"},
    {"L", "PLAIN"},
    {"COLUMNS"},
    {"", "X 1", "COST", "1.0", "LIM 1", "2.0"},
    {"", "X 1", "LIM2", "1.0", "OTHER", "5.0"},
    {"", "X 1", "EQ+", "1.0"},
    {"", "Y", "COST", "-2.5", "EQ-", "1.0"},
    {"", "Y", "EQ0", "3.0", "PLAIN", "1e-13"},
    {"", "Y", "LIM2", "0.0"},
    {"", "Z", "COST", "1.5", "PLAIN", "1.0"},
    {"", "Z", "LIM2", "2.0", "$ the rest is a comment"},
    {"RHS"},
    {"", "RHS", "COST", "-7.5", "LIM 1", "10.0"},
    {"", "RHS", "LIM2", "1.0", "EQ+", "2.0"},
    {"", "RHS", "EQ-", "3.0", "EQ0", "4.0"},
    {"RANGES"},
    {"", "RNG", "LIM 1", "4.0", "LIM2", "-5.0"},
    {"", "RNG", "EQ+", "1.5", "EQ-", "-2.0"},
    {"", "RNG", "EQ0", "0.0"},
    {"BOUNDS"},
    {"UP", "BND", "X 1", "8.0"},
    {"MI", "BND", "Y"},
    {"UP", "BND", "Y", "6.0"},
    {"FR", "BND", "Z"},
    {"ENDATA"},
};

/* The text of fixed_records: a record whose first entry is a word of more
 * than two letters (or "*") starts in column 1 as it is. */
static void fixed_text(char *out, size_t size)
{
    static const int beg[6] = {2, 5, 15, 25, 40, 50};
    size_t n = 0;
    out[0] = '\0';
    for (size_t r = 0; r < sizeof fixed_records / sizeof fixed_records[0];
         r++) {
        const char *const *f = fixed_records[r];
        char line[96];
        memset(line, ' ', sizeof line);
        size_t len = 0;
        if (strlen(f[0]) > 2 || strcmp(f[0], "*") == 0) {
            len = (size_t)snprintf(line, sizeof line, "%s%s%s", f[0],
                                   f[1] != NULL ? " " : "",
                                   f[1] != NULL && f[0][0] == '*' ? f[1] : "");
            if (strcmp(f[0], "NAME") == 0) {
                memset(line + 4, ' ', 10);
                memcpy(line + 14, f[2], strlen(f[2]));
                len = 14 + strlen(f[2]);
            }
        } else {
            for (int k = 0; k < 6 && f[k] != NULL; k++) {
                size_t l = strlen(f[k]);
                memcpy(line + beg[k] - 1, f[k], l);
                if (beg[k] - 1 + l > len)
                    len = beg[k] - 1 + l;
            }
        }
        line[len] = '\0';
        n += (size_t)snprintf(out + n, size - n, "%s\n", line);
    }
}

static void test_fixed_rules(void **state)
{
    (void)state;
    char text[4096];
    fixed_text(text, sizeof text);
    po_model *m = NULL;
    assert_true(read_both(write_file("rules.mps", text), PO_FORMAT_MPS, &m));
    assert_non_null(m);
    assert_string_equal(po_model_name(m), "RULES1");
    assert_true(po_model_obj_constant(m) == -7.5);
    assert_int_equal(po_model_num_constrs(m), 6); /* the N rows are out */
    assert_string_equal(po_model_constr_name(m, 0), "LIM1");
    /* L row, range 4: [10 - 4, 10] */
    assert_true(po_model_constr_lb(m, 0) == 6 && po_model_constr_ub(m, 0) == 10);
    /* G row, range -5: [1, 1 + 5] */
    assert_true(po_model_constr_lb(m, 1) == 1 && po_model_constr_ub(m, 1) == 6);
    /* E rows: R > 0 [2, 3.5]; R < 0 [1, 3]; R = 0 stays [4, 4] */
    assert_true(po_model_constr_lb(m, 2) == 2 &&
                po_model_constr_ub(m, 2) == 3.5);
    assert_true(po_model_constr_lb(m, 3) == 1 && po_model_constr_ub(m, 3) == 3);
    assert_true(po_model_constr_lb(m, 4) == 4 && po_model_constr_ub(m, 4) == 4);
    /* PLAIN: no RHS, L row: (-inf, 0]; Y's 1e-13 there is 0, not stored */
    assert_true(isinf(po_model_constr_lb(m, 5)) &&
                po_model_constr_ub(m, 5) == 0);
    assert_int_equal(po_model_constr_row(m, 5, NULL, NULL), 1);
    /* bounds: X [0, 8], Y (-inf, 6], Z free; costs from COST */
    assert_string_equal(po_model_var_name(m, 0), "X1");
    assert_true(po_model_var_lb(m, 0) == 0 && po_model_var_ub(m, 0) == 8);
    assert_true(isinf(po_model_var_lb(m, 1)) && po_model_var_ub(m, 1) == 6);
    assert_true(isinf(po_model_var_lb(m, 2)) && isinf(po_model_var_ub(m, 2)));
    assert_true(po_model_var_obj(m, 1) == -2.5);
    /* X: LIM1 2, LIM2 1, EQ+ 1 (OTHER's 5 went with OTHER) */
    assert_int_equal(po_model_var_col(m, 0, NULL, NULL), 3);
    po_model_free(m);
}

/* Free MPS with integer markers, LI/UI/BV/PL/FX bounds, a blank RHS vector
 * name, no final end of line before... and a section after ENDATA. */
static const char free_mip[] =
    "NAME mip\n"
    "ROWS\n"
    " N obj\n"
    " L c1\n"
    "COLUMNS\n"
    " m1 'MARKER' 'INTORG'\n"
    " a obj 1 c1 1\n"
    " b obj 2 c1 1\n"
    " m2 'MARKER' 'INTEND'\n"
    " c obj 3 c1 1\n"
    " d obj 4 c1 1\n"
    " e obj 5 c1 1\n"
    " f obj 6 c1 1\n"
    "RHS\n"
    " rhs c1 10\n"
    "BOUNDS\n"
    " UP bnd b 7\n"
    " LI bnd c 2\n"
    " UI bnd d 3\n"
    " BV bnd e\n"
    " FX bnd f 2.5\n"
    "ENDATA\n"
    "QUADOBJ\n"
    " a a 1\n";

static void test_free_rules(void **state)
{
    (void)state;
    po_model *m = NULL;
    assert_true(read_both(write_file("mip.mps", free_mip), PO_FORMAT_FREEMPS,
                          &m));
    assert_non_null(m);
    /* a: in the markers, no bound: binary [0, 1]; b: integer [0, 7];
     * c: LI 2 -> integer [2, inf); d: UI 3 -> integer [0, 3]; e: BV;
     * f: continuous, fixed at 2.5 */
    assert_int_equal(po_model_var_type(m, 0), PO_BINARY);
    assert_int_equal(po_model_var_type(m, 1), PO_INTEGER);
    assert_true(po_model_var_ub(m, 1) == 7);
    assert_int_equal(po_model_var_type(m, 2), PO_INTEGER);
    assert_true(po_model_var_lb(m, 2) == 2 && isinf(po_model_var_ub(m, 2)));
    assert_int_equal(po_model_var_type(m, 3), PO_INTEGER);
    assert_true(po_model_var_ub(m, 3) == 3);
    assert_int_equal(po_model_var_type(m, 4), PO_BINARY);
    assert_int_equal(po_model_var_type(m, 5), PO_CONTINUOUS);
    assert_true(po_model_var_lb(m, 5) == 2.5 && po_model_var_ub(m, 5) == 2.5);
    po_model_free(m);
    /* the same file read as AUTO (free MPS first) */
    read_both(write_file("mip2.mps", free_mip), PO_FORMAT_AUTO, NULL);
}

/* Files GLPK rejects or warns about: procopt's reader leaves them to GLPK,
 * so the status and the message are GLPK's. */
static void test_left_to_glpk(void **state)
{
    (void)state;
    static const struct {
        const char *name, *text;
        int glpk_ok;
    } cases[] = {
        {"dup-row.mps", "NAME x\nROWS\n N obj\n L r\n L r\nCOLUMNS\nENDATA\n",
         0},
        {"no-row.mps",
         "NAME x\nROWS\n N obj\nCOLUMNS\n a obj 1 nope 2\nENDATA\n", 0},
        {"bad-num.mps", "NAME x\nROWS\n N obj\n L r\nCOLUMNS\n a r 1.2.3\n"
                        "ENDATA\n",
         0},
        {"dup-coef.mps", "NAME x\nROWS\n N obj\n L r\nCOLUMNS\n a r 1 r 2\n"
                         "ENDATA\n",
         0},
        {"blank-line.mps", "NAME x\nROWS\n N obj\n\n L r\nCOLUMNS\nENDATA\n",
         0},
        {"two-rhs.mps", "NAME x\nROWS\n N obj\n L r\nCOLUMNS\n a r 1\nRHS\n"
                        " v1 r 1\n v2 r 2\nENDATA\n",
         0},
        {"neg-up.mps", "NAME x\nROWS\n N obj\n L r\nCOLUMNS\n a r 1\n"
                       "BOUNDS\n UP b a -1\nENDATA\n",
         0}, /* GLPK: bounds [0, -1], which the model refuses */
        {"free-rhs.mps", "NAME x\nROWS\n N obj\n N o2\n L r\nCOLUMNS\n"
                         " a r 1\nRHS\n v o2 3\nENDATA\n",
         1},
        {"no-endata.mps", "NAME x\nROWS\n N obj\n L r\nCOLUMNS\n a r 1\n",
         0},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        const char *path = write_file(cases[k].name, cases[k].text);
        assert_false(read_both(path, PO_FORMAT_FREEMPS, NULL));
        po_model *m = po_model_new();
        po_status st = po_model_read(m, path, PO_FORMAT_FREEMPS, NULL);
        if (cases[k].glpk_ok != (st == PO_OK)) {
            print_error("%s: %s\n", cases[k].name, po_model_errmsg(m));
            fail();
        }
        po_model_free(m);
    }
    /* a tab: a blank in free MPS (both take it), an error in fixed MPS */
    const char *tab = write_file("tab.mps", "NAME x\nROWS\n N obj\n L\tr\n"
                                            "COLUMNS\n a\tr 1\nENDATA\n");
    assert_true(read_both(tab, PO_FORMAT_FREEMPS, NULL));
    assert_false(read_both(tab, PO_FORMAT_MPS, NULL));
    po_model *m = po_model_new();
    assert_int_equal(po_model_read(m, tab, PO_FORMAT_MPS, NULL), PO_EPARSE);
    po_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_samples),
        cmocka_unit_test(test_fixed_rules),
        cmocka_unit_test(test_free_rules),
        cmocka_unit_test(test_left_to_glpk),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
