/*
 * test_formats.c -- reading and writing LP/MIP files through GLPK: round
 * trips, gzip, GNU MathProg with a data file, read errors naming file and
 * line, writes that fail leaving nothing behind, format names.
 * Files live in a mkdtemp directory removed at the end.
 */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "procopt.h"

#define INF PO_INF

static char g_dir[256];

static const char *tmp(const char *name)
{
    static char buf[4][512];
    static int k;
    k = (k + 1) % 4;
    snprintf(buf[k], sizeof buf[k], "%s/%s", g_dir, name);
    return buf[k];
}

static void write_text(const char *path, const char *text, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static void write_str(const char *path, const char *text)
{
    write_text(path, text, strlen(text));
}

static int exists(const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0;
}

/* Entries in g_dir other than . and .. (temporary files left behind?) */
static int dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0)
            n++;
    closedir(d);
    return n;
}

static void rm_rf(const char *dir)
{
    DIR *d = opendir(dir);
    if (d == NULL)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char p[1024];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        struct stat sb;
        if (lstat(p, &sb) == 0 && S_ISDIR(sb.st_mode))
            rm_rf(p);
        else
            unlink(p);
    }
    closedir(d);
    rmdir(dir);
}

static int setup(void **state)
{
    (void)state;
    snprintf(g_dir, sizeof g_dir, "/tmp/po-formats-XXXXXX");
    return mkdtemp(g_dir) != NULL ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    rm_rf(g_dir);
    return 0;
}

static void near(double got, double want, const char *what)
{
    if (!(fabs(got - want) <= 1e-9 * fmax(1.0, fabs(want)))) {
        print_error("%s: got %.17g, want %.17g\n", what, got, want);
        fail();
    }
}

static double solve_obj(po_model *m)
{
    po_result *r = NULL;
    po_status st = po_solve(m, NULL, &r);
    if (st != PO_OK) {
        print_error("po_solve: %s\n", po_model_errmsg(m));
        fail();
    }
    assert_int_equal(po_result_outcome(r), PO_OUTCOME_OPTIMAL);
    double obj = po_result_objective(r);
    po_result_free(r);
    return obj;
}

/*
 * A model touching every bound type, both integer kinds, a range and an
 * equation:
 *   min x - y + 0.1v + 2k - 3b + 0.5u + 2
 *   e:  x + y + v  = 3
 *   g:  x + k     >= 1.5
 *   l:  y + u     <= 10
 *   rg: 1 <= x + b + u <= 7
 *   x in [0,4], y >= -2, v free, k integer >= 0, b binary, u <= 5.
 * By hand: v = 3 - x - y leaves 0.9x - 1.1y + 2k - 3b + 0.5u + 2.3; y as
 * large as l allows (y = 10 - u) gives 0.9x + 1.6u + 2k - 3b - 8.7; u as
 * small as rg allows (u = 1 - x - b) gives -0.7x + 2k - 4.6b - 7.1; so
 * x = 4, b = 1, k = 0 (g holds: 4 >= 1.5): objective -2.8 - 4.6 - 7.1 =
 * -14.5 at u = -4, y = 14, v = -15 (all within their bounds).
 */
static const char *rt_cols[] = {"x", "y", "v", "k", "b", "u"};
static const char *rt_rows[] = {"e", "g", "l", "rg"};
#define RT_OPT (-14.5)

static po_model *roundtrip_model(po_sense sense)
{
    double s = sense == PO_MAXIMIZE ? -1 : 1; /* max of the negation */
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_name(m, "RT"), PO_OK);
    assert_int_equal(po_model_set_sense(m, sense), PO_OK);
    assert_int_equal(po_model_set_obj_constant(m, 2 * s), PO_OK);
    double lb[] = {0, -2, -INF, 0, 0, -INF}, ub[] = {4, INF, INF, INF, 1, 5};
    double obj[] = {1 * s, -1 * s, 0.1 * s, 2 * s, -3 * s, 0.5 * s};
    po_vartype t[] = {PO_CONTINUOUS, PO_CONTINUOUS, PO_CONTINUOUS,
                      PO_INTEGER,    PO_BINARY,     PO_CONTINUOUS};
    assert_int_equal(po_model_add_vars(m, 6, rt_cols, lb, ub, obj, t, NULL,
                                       NULL, NULL),
                     PO_OK);
    double rlb[] = {3, 1.5, -INF, 1}, rub[] = {3, INF, 10, 7};
    int start[] = {0, 3, 5, 7, 10};
    int idx[] = {0, 1, 2, 0, 3, 1, 5, 0, 4, 5};
    double val[] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
    assert_int_equal(po_model_add_constrs(m, 4, rt_rows, rlb, rub, start, idx,
                                          val),
                     PO_OK);
    return m;
}

static void check_same_structure(po_model *a, po_model *b, int extra_cols)
{
    assert_int_equal(po_model_num_constrs(b), po_model_num_constrs(a));
    assert_int_equal(po_model_num_vars(b), po_model_num_vars(a) + extra_cols);
    for (int i = 0; i < po_model_num_constrs(a); i++) {
        const char *nm = po_model_constr_name(a, i);
        int k = po_model_find_constr(b, nm);
        assert_true(k >= 0);
        assert_true(po_model_constr_lb(a, i) == po_model_constr_lb(b, k) ||
                    extra_cols > 0); /* LP writes ranges as equations */
    }
    for (int j = 0; j < po_model_num_vars(a); j++) {
        const char *nm = po_model_var_name(a, j);
        int k = po_model_find_var(b, nm);
        if (k < 0) {
            print_error("variable %s lost\n", nm);
            fail();
        }
        assert_true(po_model_var_lb(a, j) == po_model_var_lb(b, k));
        assert_true(po_model_var_ub(a, j) == po_model_var_ub(b, k));
        assert_int_equal(po_model_var_type(a, j), po_model_var_type(b, k));
    }
}

static void test_roundtrip(void **state)
{
    (void)state;
    struct {
        const char *file;
        po_format fmt;
    } cases[] = {
        {"rt-fixed.mps", PO_FORMAT_MPS},
        {"rt-free.mps", PO_FORMAT_FREEMPS},
        {"rt-auto.mps", PO_FORMAT_AUTO}, /* free MPS */
        {"rt.lp", PO_FORMAT_LP},
        {"rt-auto.lp", PO_FORMAT_AUTO},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        po_model *m = roundtrip_model(PO_MINIMIZE);
        near(solve_obj(m), RT_OPT, "original");
        const char *path = tmp(cases[c].file);
        if (po_model_write(m, path, cases[c].fmt) != PO_OK) {
            print_error("write %s: %s\n", path, po_model_errmsg(m));
            fail();
        }
        po_model *b = po_model_new();
        if (po_model_read(b, path, cases[c].fmt, NULL) != PO_OK) {
            print_error("read %s: %s\n", path, po_model_errmsg(b));
            fail();
        }
        int is_lp = strstr(cases[c].file, ".lp") != NULL;
        /* the constant comes back as variable "objconst" fixed at 1; CPLEX
         * LP adds "~r_4" for the range rg */
        int objconst = po_model_find_var(b, "objconst");
        assert_true(objconst >= 0);
        assert_true(po_model_var_lb(b, objconst) == 1);
        assert_true(po_model_var_ub(b, objconst) == 1);
        assert_true(po_model_var_obj(b, objconst) == 2);
        assert_true(po_model_obj_constant(b) == 0);
        if (is_lp)
            assert_true(po_model_find_var(b, "~r_4") >= 0);
        check_same_structure(m, b, is_lp ? 2 : 1);
        assert_int_equal(po_model_num_integer_vars(b), 2);
        assert_int_equal(po_model_var_type(b, po_model_find_var(b, "b")),
                         PO_BINARY);
        near(solve_obj(b), RT_OPT, cases[c].file);
        if (!is_lp)
            assert_string_equal(po_model_name(b), "RT");
        po_model_free(b);
        po_model_free(m);
    }
    assert_int_equal(dir_entries(g_dir), 5); /* no temporary files left */
}

/* MPS has no objective sense in GLPK's dialect: a maximization is written
 * as the minimization of its negation; CPLEX LP keeps "Maximize". */
static void test_roundtrip_maximize(void **state)
{
    (void)state;
    po_model *m = roundtrip_model(PO_MAXIMIZE);
    near(solve_obj(m), -RT_OPT, "original");
    assert_int_equal(po_model_write(m, tmp("max.mps"), PO_FORMAT_FREEMPS),
                     PO_OK);
    assert_int_equal(po_model_write(m, tmp("max.lp"), PO_FORMAT_LP), PO_OK);
    po_model *b = po_model_new();
    assert_int_equal(po_model_read(b, tmp("max.mps"), PO_FORMAT_AUTO, NULL),
                     PO_OK);
    assert_int_equal(po_model_sense(b), PO_MINIMIZE);
    near(solve_obj(b), RT_OPT, "max as MPS");
    po_model_free(b);
    b = po_model_new();
    assert_int_equal(po_model_read(b, tmp("max.lp"), PO_FORMAT_AUTO, NULL),
                     PO_OK);
    assert_int_equal(po_model_sense(b), PO_MAXIMIZE);
    near(solve_obj(b), -RT_OPT, "max as LP");
    po_model_free(b);
    po_model_free(m);
    unlink(tmp("max.mps"));
    unlink(tmp("max.lp"));
}

/* Long names: kept by free MPS and LP; fixed MPS cannot hold more than 8
 * characters, so GLPK writes R0000001/C0000001-style names instead.  LP
 * writes '[' ']' as '(' ')'. */
static void test_names(void **state)
{
    (void)state;
    po_model *m = po_model_new();
    int i0[] = {0};
    double one[] = {1};
    assert_int_equal(po_model_add_var(m, "bake_baguette[Mon]", 0, 10, -1,
                                      PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_constr(m, "oven_capacity[Mon]", -INF, 4, 1,
                                         i0, one, NULL),
                     PO_OK);
    assert_int_equal(po_model_write(m, tmp("n.mps"), PO_FORMAT_FREEMPS),
                     PO_OK);
    assert_int_equal(po_model_write(m, tmp("n-fixed.mps"), PO_FORMAT_MPS),
                     PO_OK);
    assert_int_equal(po_model_write(m, tmp("n.lp"), PO_FORMAT_LP), PO_OK);
    po_model *b = po_model_new();
    assert_int_equal(po_model_read(b, tmp("n.mps"), PO_FORMAT_FREEMPS, NULL),
                     PO_OK);
    assert_string_equal(po_model_var_name(b, 0), "bake_baguette[Mon]");
    assert_string_equal(po_model_constr_name(b, 0), "oven_capacity[Mon]");
    near(solve_obj(b), -4, "free");
    po_model_free(b);
    b = po_model_new();
    assert_int_equal(po_model_read(b, tmp("n-fixed.mps"), PO_FORMAT_MPS, NULL),
                     PO_OK);
    assert_string_equal(po_model_var_name(b, 0), "C0000001");
    assert_string_equal(po_model_constr_name(b, 0), "R0000001");
    near(solve_obj(b), -4, "fixed");
    po_model_free(b);
    b = po_model_new();
    assert_int_equal(po_model_read(b, tmp("n.lp"), PO_FORMAT_LP, NULL), PO_OK);
    assert_string_equal(po_model_var_name(b, 0), "bake_baguette(Mon)");
    assert_string_equal(po_model_constr_name(b, 0), "oven_capacity(Mon)");
    near(solve_obj(b), -4, "lp");
    po_model_free(b);

    /* "a b" and "a_b" would both be written "a_b": refused, no file */
    assert_int_equal(po_model_add_var(m, "a b", 0, 1, 0, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_add_var(m, "a_b", 0, 1, 0, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_write(m, tmp("dup.mps"), PO_FORMAT_FREEMPS),
                     PO_ENAME);
    assert_non_null(strstr(po_model_errmsg(m), "\"a_b\""));
    assert_false(exists(tmp("dup.mps")));
    assert_int_equal(po_model_write(m, tmp("dup.lp"), PO_FORMAT_LP), PO_ENAME);
    assert_false(exists(tmp("dup.lp")));
    po_model_free(m);
    unlink(tmp("n.mps"));
    unlink(tmp("n-fixed.mps"));
    unlink(tmp("n.lp"));
}

/* .gz is written compressed by GLPK and read back through it. */
static void test_gzip(void **state)
{
    (void)state;
    po_model *m = roundtrip_model(PO_MINIMIZE);
    const char *path = tmp("rt.mps.gz");
    assert_int_equal(po_model_write(m, path, PO_FORMAT_AUTO), PO_OK);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    unsigned char magic[2] = {0, 0};
    assert_int_equal(fread(magic, 1, 2, f), 2);
    fclose(f);
    assert_int_equal(magic[0], 0x1f); /* gzip */
    assert_int_equal(magic[1], 0x8b);
    po_model *b = po_model_new();
    assert_int_equal(po_model_read(b, path, PO_FORMAT_AUTO, NULL), PO_OK);
    near(solve_obj(b), RT_OPT, "gz");
    po_model_free(b);
    b = po_model_new();
    assert_int_equal(po_model_write(m, tmp("rt.lp.gz"), PO_FORMAT_AUTO),
                     PO_OK);
    assert_int_equal(po_model_read(b, tmp("rt.lp.gz"), PO_FORMAT_AUTO, NULL),
                     PO_OK);
    near(solve_obj(b), RT_OPT, "lp.gz");
    po_model_free(b);
    po_model_free(m);
    unlink(path);
    unlink(tmp("rt.lp.gz"));
}

/*
 * Transportation in GNU MathProg, data in a separate file:
 *   sources a (cap 10), b (cap 10); sinks p (demand 8), q (demand 6);
 *   unit costs a->p 1, a->q 4, b->p 3, b->q 2.
 * Each sink served by its cheapest source within capacity: x[a,p] = 8,
 * x[b,q] = 6, cost 8 + 12 = 20 (any other unit costs at least 1 more).
 */
static const char transp_mod[] =
    "set I; set J;\n"
    "param cap{I}; param dem{J}; param c{I,J};\n"
    "var x{I,J} >= 0;\n"
    "minimize cost: sum{i in I, j in J} c[i,j] * x[i,j];\n"
    "s.t. supply{i in I}: sum{j in J} x[i,j] <= cap[i];\n"
    "s.t. demand{j in J}: sum{i in I} x[i,j] >= dem[j];\n"
    "end;\n";
static const char transp_dat[] = "data;\n"
                                 "set I := a b;\n"
                                 "set J := p q;\n"
                                 "param cap := a 10 b 10;\n"
                                 "param dem := p 8 q 6;\n"
                                 "param c : p q :=\n"
                                 "  a 1 4\n"
                                 "  b 3 2;\n"
                                 "end;\n";

static void test_gmpl(void **state)
{
    (void)state;
    write_text(tmp("transp.mod"), transp_mod, sizeof transp_mod - 1);
    write_text(tmp("transp.dat"), transp_dat, sizeof transp_dat - 1);
    po_model *m = po_model_new();
    if (po_model_read(m, tmp("transp.mod"), PO_FORMAT_AUTO,
                      tmp("transp.dat")) != PO_OK) {
        print_error("%s\n", po_model_errmsg(m));
        fail();
    }
    /* the objective is not a constraint */
    assert_int_equal(po_model_num_constrs(m), 4);
    assert_int_equal(po_model_num_vars(m), 4);
    assert_int_equal(po_model_find_constr(m, "cost"), -1);
    assert_true(po_model_find_constr(m, "supply[a]") >= 0);
    assert_true(po_model_find_constr(m, "demand[q]") >= 0);
    int xap = po_model_find_var(m, "x[a,p]"), xbq = po_model_find_var(m,
                                                                     "x[b,q]");
    assert_true(xap >= 0 && xbq >= 0);
    po_result *r = NULL;
    assert_int_equal(po_solve(m, NULL, &r), PO_OK);
    near(po_result_objective(r), 20, "transport");
    near(po_result_values(r)[xap], 8, "x[a,p]");
    near(po_result_values(r)[xbq], 6, "x[b,q]");
    po_result_free(r);
    po_model_free(m);

    /* model and data in one file, and the format given explicitly */
    char both[2048];
    snprintf(both, sizeof both, "%.*s%s", (int)(sizeof transp_mod - 6),
             transp_mod, transp_dat);
    write_text(tmp("both.txt"), both, strlen(both));
    m = po_model_new();
    assert_int_equal(po_model_read(m, tmp("both.txt"), PO_FORMAT_GMPL, NULL),
                     PO_OK);
    near(solve_obj(m), 20, "transport, one file");
    po_model_free(m);

    /* a data error names the data file and its line */
    write_str(tmp("bad.dat"), "data;\nset I := a b;\nset J := p q;\n"
                              "param cap := a 10 b 10;\nparam dem := p 8;\n"
                              "param c : p q := a 1 4 b 3 2;\nend;\n");
    m = po_model_new();
    assert_int_equal(po_model_read(m, tmp("transp.mod"), PO_FORMAT_GMPL,
                                   tmp("bad.dat")),
                     PO_EPARSE);
    /* dem[q] is missing: found while generating constraint demand */
    assert_non_null(strstr(po_model_errmsg(m), "transp.mod:6: "));
    assert_non_null(strstr(po_model_errmsg(m), "dem[q]"));
    assert_int_equal(po_model_num_vars(m), 0);
    po_model_free(m);
    unlink(tmp("transp.mod"));
    unlink(tmp("transp.dat"));
    unlink(tmp("both.txt"));
    unlink(tmp("bad.dat"));
}

/* Read errors: status, "FILE:LINE: message", model still empty. */
static void expect_read_error(const char *path, po_format fmt,
                              po_status want, const char *want_msg)
{
    po_model *m = po_model_new();
    assert_int_equal(po_model_set_name(m, "keep"), PO_OK);
    po_status st = po_model_read(m, path, fmt, NULL);
    if (st != want || strcmp(po_model_errmsg(m), want_msg) != 0) {
        print_error("%s: got %d \"%s\", want %d \"%s\"\n", path, st,
                    po_model_errmsg(m), want, want_msg);
        fail();
    }
    assert_int_equal(po_model_errcode(m), want);
    assert_int_equal(po_model_num_vars(m), 0);
    assert_int_equal(po_model_num_constrs(m), 0);
    assert_string_equal(po_model_name(m), "keep");
    po_model_free(m);
}

static const char afiro_head[] = "NAME          AFIRO\n"
                                 "ROWS\n"
                                 " E  R09\n"
                                 " E  R10\n"
                                 " L  X48\n"
                                 " N  COST\n"
                                 "COLUMNS\n"
                                 "    X01       X48               .301   R09 "
                                 "               -1.\n";

static void test_read_errors(void **state)
{
    (void)state;
    char want[1024];
    /* truncated MPS: 8 lines, ends inside COLUMNS */
    write_text(tmp("trunc.mps"), afiro_head, sizeof afiro_head - 1);
    snprintf(want, sizeof want, "%s:9: unexpected end of file",
             tmp("trunc.mps"));
    expect_read_error(tmp("trunc.mps"), PO_FORMAT_AUTO, PO_EPARSE, want);
    expect_read_error(tmp("trunc.mps"), PO_FORMAT_MPS, PO_EPARSE, want);
    expect_read_error(tmp("trunc.mps"), PO_FORMAT_FREEMPS, PO_EPARSE, want);

    /* a bad row type on line 4 */
    write_str(tmp("badrow.mps"), "NAME X\nROWS\n N obj\n Q r1\nENDATA\n");
    snprintf(want, sizeof want, "%s:4: invalid row type in field 1",
             tmp("badrow.mps"));
    expect_read_error(tmp("badrow.mps"), PO_FORMAT_FREEMPS, PO_EPARSE, want);

    /* binary garbage */
    static const char garbage[] = "\x7f" "ELF\x02\x01\x01\x00\x00\x00\xff\xfe";
    write_text(tmp("garbage.mps"), garbage, sizeof garbage - 1);
    snprintf(want, sizeof want, "%s:1: invalid control character 0x7F",
             tmp("garbage.mps"));
    expect_read_error(tmp("garbage.mps"), PO_FORMAT_AUTO, PO_EPARSE, want);
    write_text(tmp("garbage.lp"), garbage, sizeof garbage - 1);
    snprintf(want, sizeof want, "%s:1: invalid control character 0x7F",
             tmp("garbage.lp"));
    expect_read_error(tmp("garbage.lp"), PO_FORMAT_AUTO, PO_EPARSE, want);

    /* empty files */
    write_text(tmp("empty.mps"), "", 0);
    snprintf(want, sizeof want, "%s:1: unexpected end of file",
             tmp("empty.mps"));
    expect_read_error(tmp("empty.mps"), PO_FORMAT_AUTO, PO_EPARSE, want);
    write_text(tmp("empty.lp"), "", 0);
    snprintf(want, sizeof want,
             "%s:0: 'minimize' or 'maximize' keyword missing",
             tmp("empty.lp"));
    expect_read_error(tmp("empty.lp"), PO_FORMAT_AUTO, PO_EPARSE, want);

    /* MathProg syntax error on line 2 */
    write_str(tmp("bad.mod"), "var x >= 0;\nminimize z: x +;\nend;\n");
    snprintf(want, sizeof want, "%s:2: syntax error in expression",
             tmp("bad.mod"));
    expect_read_error(tmp("bad.mod"), PO_FORMAT_AUTO, PO_EPARSE, want);

    /* LP syntax error on line 3 */
    write_str(tmp("bad.lp"),
              "Minimize\n obj: x\nSubject To\n c: x >= >= 1\nEnd\n");
    snprintf(want, sizeof want, "%s:4: missing right-hand side",
             tmp("bad.lp"));
    expect_read_error(tmp("bad.lp"), PO_FORMAT_LP, PO_EPARSE, want);

    /* missing files and directories: the system's message */
    snprintf(want, sizeof want, "%s: %s", tmp("missing.mps"), strerror(ENOENT));
    expect_read_error(tmp("missing.mps"), PO_FORMAT_AUTO, PO_EIO, want);
    snprintf(want, sizeof want, "%s: %s", g_dir, strerror(EISDIR));
    expect_read_error(g_dir, PO_FORMAT_MPS, PO_EIO, want);
    /* unknown extension, JSON */
    snprintf(want, sizeof want,
             "%s: unknown file extension (expected .mps, .lp or .mod, "
             "optionally .gz); give the format",
             tmp("model.txt"));
    expect_read_error(tmp("model.txt"), PO_FORMAT_AUTO, PO_EFORMAT, want);
    snprintf(want, sizeof want,
             "%s: process models (JSON) are not read with po_model_read",
             tmp("p.json"));
    expect_read_error(tmp("p.json"), PO_FORMAT_AUTO, PO_EFORMAT, want);

    const char *files[] = {"trunc.mps", "badrow.mps", "garbage.mps",
                           "garbage.lp", "empty.mps", "empty.lp",
                           "bad.mod", "bad.lp"};
    for (size_t k = 0; k < sizeof files / sizeof files[0]; k++)
        unlink(tmp(files[k]));
}

static void test_read_nonempty_rejected(void **state)
{
    (void)state;
    po_model *m = roundtrip_model(PO_MINIMIZE);
    assert_int_equal(po_model_write(m, tmp("ne.mps"), PO_FORMAT_FREEMPS),
                     PO_OK);
    assert_int_equal(po_model_read(m, tmp("ne.mps"), PO_FORMAT_AUTO, NULL),
                     PO_EINVAL);
    assert_string_equal(po_model_errmsg(m),
                        "po_model_read: the model is not empty (6 variables, "
                        "4 constraints)");
    assert_int_equal(po_model_num_vars(m), 6);
    near(solve_obj(m), RT_OPT, "unchanged");
    po_model_free(m);
    /* a data file with a non-MathProg format, bad arguments */
    m = po_model_new();
    assert_int_equal(po_model_read(m, tmp("ne.mps"), PO_FORMAT_AUTO,
                                   tmp("ne.mps")),
                     PO_EINVAL);
    assert_int_equal(po_model_read(m, NULL, PO_FORMAT_AUTO, NULL), PO_EINVAL);
    assert_int_equal(po_model_read(m, tmp("ne.mps"), (po_format)42, NULL),
                     PO_EFORMAT);
    assert_int_equal(po_model_read(NULL, tmp("ne.mps"), PO_FORMAT_AUTO, NULL),
                     PO_EINVAL);
    po_model_free(m);
    unlink(tmp("ne.mps"));
}

/* Failed writes leave no file and no temporary behind; a good write
 * replaces an existing file whole. */
static void test_write_failures(void **state)
{
    (void)state;
    po_model *m = roundtrip_model(PO_MINIMIZE);
    int before = dir_entries(g_dir);
    char want[1024];

    /* directory does not exist */
    const char *p = tmp("no/such/dir/x.mps");
    assert_int_equal(po_model_write(m, p, PO_FORMAT_FREEMPS), PO_EIO);
    snprintf(want, sizeof want, "%s: cannot create a file there: %s", p,
             strerror(ENOENT));
    assert_string_equal(po_model_errmsg(m), want);
    assert_false(exists(p));

    /* parent is a regular file */
    write_str(tmp("plain"), "x");
    p = tmp("plain/x.lp");
    assert_int_equal(po_model_write(m, p, PO_FORMAT_LP), PO_EIO);
    snprintf(want, sizeof want, "%s: cannot create a file there: %s", p,
             strerror(ENOTDIR));
    assert_string_equal(po_model_errmsg(m), want);

    /* target is a directory: rename() fails, the directory is untouched */
    assert_int_equal(mkdir(tmp("adir.mps"), 0755), 0);
    assert_int_equal(po_model_write(m, tmp("adir.mps"), PO_FORMAT_MPS),
                     PO_EIO);
    struct stat sb;
    assert_int_equal(stat(tmp("adir.mps"), &sb), 0);
    assert_true(S_ISDIR(sb.st_mode));
    assert_int_equal(dir_entries(tmp("adir.mps")), 0);
    rmdir(tmp("adir.mps"));
    unlink(tmp("plain"));
    assert_int_equal(dir_entries(g_dir), before);

    /* formats that cannot be written */
    assert_int_equal(po_model_write(m, tmp("x.mod"), PO_FORMAT_AUTO),
                     PO_EFORMAT);
    assert_int_equal(po_model_write(m, tmp("x.json"), PO_FORMAT_JSON),
                     PO_EFORMAT);
    assert_int_equal(po_model_write(m, tmp("x.txt"), PO_FORMAT_AUTO),
                     PO_EFORMAT);
    assert_int_equal(dir_entries(g_dir), before);

    /* an existing file is replaced, never appended to */
    write_str(tmp("old.lp"), "old contents\n");
    assert_int_equal(po_model_write(m, tmp("old.lp"), PO_FORMAT_LP), PO_OK);
    po_model *b = po_model_new();
    assert_int_equal(po_model_read(b, tmp("old.lp"), PO_FORMAT_LP, NULL),
                     PO_OK);
    near(solve_obj(b), RT_OPT, "replaced");
    po_model_free(b);
    /* and a refused write leaves it as it was */
    po_model *e = po_model_new(); /* no rows: CPLEX LP cannot hold it */
    assert_int_equal(po_model_add_var(e, "z", 0, 1, 1, PO_CONTINUOUS, NULL),
                     PO_OK);
    assert_int_equal(po_model_write(e, tmp("old.lp"), PO_FORMAT_LP),
                     PO_EFORMAT);
    b = po_model_new();
    assert_int_equal(po_model_read(b, tmp("old.lp"), PO_FORMAT_LP, NULL),
                     PO_OK);
    near(solve_obj(b), RT_OPT, "kept");
    po_model_free(b);
    /* the same model goes to MPS fine (the variable has a cost) */
    assert_int_equal(po_model_write(e, tmp("z.mps"), PO_FORMAT_MPS), PO_OK);
    b = po_model_new();
    assert_int_equal(po_model_read(b, tmp("z.mps"), PO_FORMAT_MPS, NULL),
                     PO_OK);
    assert_int_equal(po_model_num_vars(b), 1);
    near(solve_obj(b), 0, "bounds only");
    po_model_free(b);
    po_model_free(e);
    unlink(tmp("z.mps"));
    unlink(tmp("old.lp"));
    assert_int_equal(dir_entries(g_dir), before);
    po_model_free(m);
}

/* Free rows carry no constraint and are not written (GLPK's MPS writer
 * would drop the objective instead, its LP writer skips them). */
static void test_write_free_row(void **state)
{
    (void)state;
    po_model *m = roundtrip_model(PO_MINIMIZE);
    int idx[] = {0, 1};
    double val[] = {1, 1};
    assert_int_equal(po_model_add_constr(m, "report", -INF, INF, 2, idx, val,
                                         NULL),
                     PO_OK);
    assert_int_equal(po_model_write(m, tmp("fr.mps"), PO_FORMAT_FREEMPS),
                     PO_OK);
    po_model *b = po_model_new();
    assert_int_equal(po_model_read(b, tmp("fr.mps"), PO_FORMAT_FREEMPS, NULL),
                     PO_OK);
    assert_int_equal(po_model_num_constrs(b), 4);
    assert_int_equal(po_model_find_constr(b, "report"), -1);
    near(solve_obj(b), RT_OPT, "objective kept");
    po_model_free(b);
    po_model_free(m);
    unlink(tmp("fr.mps"));
}

/* A FIFO target stays a FIFO: po_model_write writes into it in place
 * (renaming a temporary file over it would replace it, as it would replace
 * /dev/null), and the reader gets the whole file. */
static void test_write_into_fifo(void **state)
{
    (void)state;
    const char *fifo = tmp("out.fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) { /* the reader: count the bytes that come through */
        close(fds[0]);
        alarm(20); /* no writer ever comes if the FIFO was replaced */
        FILE *in = fopen(fifo, "rb");
        long n = 0;
        int ch;
        while (in != NULL && (ch = fgetc(in)) != EOF)
            n += ch == '\n';
        if (in != NULL)
            fclose(in);
        if (write(fds[1], &n, sizeof n) != (ssize_t)sizeof n)
            _exit(1);
        _exit(0);
    }
    close(fds[1]);
    po_model *m = roundtrip_model(PO_MINIMIZE);
    po_status st = po_model_write(m, fifo, PO_FORMAT_LP);
    long lines = -1;
    assert_int_equal(read(fds[0], &lines, sizeof lines), (ssize_t)sizeof lines);
    close(fds[0]);
    int status = 0;
    waitpid(child, &status, 0);
    if (st != PO_OK) {
        print_error("write %s: %s\n", fifo, po_model_errmsg(m));
        fail();
    }
    struct stat sb;
    assert_int_equal(stat(fifo, &sb), 0);
    assert_true(S_ISFIFO(sb.st_mode));
    assert_true(lines > 5); /* an LP file with objective, rows, bounds */
    po_model_free(m);
}

static void test_format_names(void **state)
{
    (void)state;
    assert_int_equal(po_format_from_path("a.mps"), PO_FORMAT_MPS);
    assert_int_equal(po_format_from_path("dir/a.MPS.gz"), PO_FORMAT_MPS);
    assert_int_equal(po_format_from_path("a.lp"), PO_FORMAT_LP);
    assert_int_equal(po_format_from_path("a.lp.gz"), PO_FORMAT_LP);
    assert_int_equal(po_format_from_path("a.mod"), PO_FORMAT_GMPL);
    assert_int_equal(po_format_from_path("a.json"), PO_FORMAT_JSON);
    assert_int_equal(po_format_from_path("a.txt"), PO_FORMAT_AUTO);
    assert_int_equal(po_format_from_path("mps"), PO_FORMAT_AUTO);
    assert_int_equal(po_format_from_path("a.gz"), PO_FORMAT_AUTO);
    assert_int_equal(po_format_from_path(NULL), PO_FORMAT_AUTO);
    const char *names[] = {"auto", "mps", "freemps", "lp", "gmpl", "json"};
    for (int f = PO_FORMAT_AUTO; f <= PO_FORMAT_JSON; f++) {
        assert_string_equal(po_format_name((po_format)f), names[f]);
        po_format got = (po_format)99;
        assert_int_equal(po_format_parse(names[f], &got), PO_OK);
        assert_int_equal(got, f);
    }
    assert_null(po_format_name((po_format)17));
    po_format got = PO_FORMAT_AUTO;
    assert_int_equal(po_format_parse("MPS", &got), PO_OK);
    assert_int_equal(got, PO_FORMAT_MPS);
    assert_int_equal(po_format_parse("mathprog", &got), PO_OK);
    assert_int_equal(got, PO_FORMAT_GMPL);
    got = PO_FORMAT_LP;
    assert_int_equal(po_format_parse("xls", &got), PO_EFORMAT);
    assert_int_equal(got, PO_FORMAT_LP);
    assert_int_equal(po_format_parse(NULL, &got), PO_EINVAL);
    assert_int_equal(po_format_parse("lp", NULL), PO_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_roundtrip),
        cmocka_unit_test(test_roundtrip_maximize),
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_gzip),
        cmocka_unit_test(test_gmpl),
        cmocka_unit_test(test_read_errors),
        cmocka_unit_test(test_read_nonempty_rejected),
        cmocka_unit_test(test_write_failures),
        cmocka_unit_test(test_write_free_row),
        cmocka_unit_test(test_write_into_fifo),
        cmocka_unit_test(test_format_names),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
