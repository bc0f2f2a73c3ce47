/*
 * model.c -- the generic LP/MIP model: lifetime, error state, memory,
 * attribute setters and read-back.  Adding variables and constraints (the
 * validating bulk paths) lives in model_build.c.
 */
#include "model.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ */
/* Memory                                                             */
/* ------------------------------------------------------------------ */

void *po__model_realloc(po_model *model, void *ptr, size_t size)
{
    if (model->alloc_fail_after >= 0) {
        if (model->alloc_fail_after == 0)
            return NULL;
        model->alloc_fail_after--;
    }
    return realloc(ptr, size ? size : 1);
}

int po__model_fail_alloc_after(po_model *model, long n)
{
    model->alloc_fail_after = n < 0 ? -1 : n;
    return 0;
}

/* Adapter for the name tables. */
static void *names_realloc(void *ctx, void *ptr, size_t size)
{
    return po__model_realloc(ctx, ptr, size);
}

/* Grow *arr to cap elements of elsize bytes.  On failure *arr is still the
 * old (valid) block. */
static int grow(po_model *m, void *arr, size_t cap, size_t elsize)
{
    void **p = arr;
    if (cap > SIZE_MAX / elsize)
        return -1;
    void *n = po__model_realloc(m, *p, cap * elsize);
    if (n == NULL)
        return -1;
    *p = n;
    return 0;
}

static long next_cap(long cap, long need, long max)
{
    long c = cap < 16 ? 16 : cap;
    while (c < need)
        c = c > max / 2 ? max : c * 2;
    return c;
}

/* The arrays are grown one by one; a failure part way leaves some arrays
 * larger than cols_cap says, which is harmless: cols_cap only moves once all
 * of them have room. */
po_status po__model_reserve_cols(po_model *m, long more)
{
    long need = (long)m->ncols + more;
    if (need > 2147483647L)
        return PO_ETOOBIG;
    if (need <= m->cols_cap)
        return PO_OK;
    size_t cap = (size_t)next_cap(m->cols_cap, need, 2147483647L);
    if (grow(m, &m->col_name, cap, sizeof *m->col_name) ||
        grow(m, &m->col_lb, cap, sizeof *m->col_lb) ||
        grow(m, &m->col_ub, cap, sizeof *m->col_ub) ||
        grow(m, &m->col_obj, cap, sizeof *m->col_obj) ||
        grow(m, &m->col_type, cap, sizeof *m->col_type) ||
        grow(m, &m->col_head, cap, sizeof *m->col_head) ||
        grow(m, &m->col_tail, cap, sizeof *m->col_tail) ||
        grow(m, &m->col_len, cap, sizeof *m->col_len) ||
        grow(m, &m->col_mark, cap, sizeof *m->col_mark))
        return PO_ENOMEM;
    memset(m->col_mark + m->cols_cap, 0,
           (cap - (size_t)m->cols_cap) * sizeof *m->col_mark);
    m->cols_cap = (int)cap;
    return PO_OK;
}

po_status po__model_reserve_rows(po_model *m, long more)
{
    long need = (long)m->nrows + more;
    if (need > 2147483647L)
        return PO_ETOOBIG;
    if (need <= m->rows_cap)
        return PO_OK;
    size_t cap = (size_t)next_cap(m->rows_cap, need, 2147483647L);
    if (grow(m, &m->row_name, cap, sizeof *m->row_name) ||
        grow(m, &m->row_lb, cap, sizeof *m->row_lb) ||
        grow(m, &m->row_ub, cap, sizeof *m->row_ub) ||
        grow(m, &m->row_head, cap, sizeof *m->row_head) ||
        grow(m, &m->row_tail, cap, sizeof *m->row_tail) ||
        grow(m, &m->row_len, cap, sizeof *m->row_len) ||
        grow(m, &m->row_mark, cap, sizeof *m->row_mark))
        return PO_ENOMEM;
    memset(m->row_mark + m->rows_cap, 0,
           (cap - (size_t)m->rows_cap) * sizeof *m->row_mark);
    m->rows_cap = (int)cap;
    return PO_OK;
}

po_status po__model_reserve_nnz(po_model *m, long more)
{
    if (more > PO__MAX_NNZ - m->nnz)
        return PO_ETOOBIG;
    long need = m->nnz + more;
    if (need <= m->nz_cap)
        return PO_OK;
    size_t cap = (size_t)next_cap(m->nz_cap, need, PO__MAX_NNZ);
    if (grow(m, &m->nz_row, cap, sizeof *m->nz_row) ||
        grow(m, &m->nz_col, cap, sizeof *m->nz_col) ||
        grow(m, &m->nz_val, cap, sizeof *m->nz_val) ||
        grow(m, &m->nz_next_row, cap, sizeof *m->nz_next_row) ||
        grow(m, &m->nz_next_col, cap, sizeof *m->nz_next_col))
        return PO_ENOMEM;
    m->nz_cap = (long)cap;
    return PO_OK;
}

unsigned po__model_next_stamp(po_model *m)
{
    if (++m->mark_stamp == 0) {
        /* wrapped: forget every old mark so none can match a new stamp */
        if (m->cols_cap)
            memset(m->col_mark, 0, (size_t)m->cols_cap * sizeof *m->col_mark);
        if (m->rows_cap)
            memset(m->row_mark, 0, (size_t)m->rows_cap * sizeof *m->row_mark);
        m->mark_stamp = 1;
    }
    return m->mark_stamp;
}

/* ------------------------------------------------------------------ */
/* Lifetime and errors                                                */
/* ------------------------------------------------------------------ */

po_model *po_model_new(void)
{
    po_model *m = calloc(1, sizeof *m);
    if (m == NULL)
        return NULL;
    m->sense = PO_MINIMIZE;
    m->alloc_fail_after = -1;
    po__names_init(&m->col_index);
    po__names_init(&m->row_index);
    return m;
}

void po_model_free(po_model *m)
{
    if (m == NULL)
        return;
    po__model_free_names(m);
    free(m->name);
    free(m->col_name);
    free(m->col_lb);
    free(m->col_ub);
    free(m->col_obj);
    free(m->col_type);
    free(m->col_head);
    free(m->col_tail);
    free(m->col_len);
    free(m->col_mark);
    free(m->row_name);
    free(m->row_lb);
    free(m->row_ub);
    free(m->row_head);
    free(m->row_tail);
    free(m->row_len);
    free(m->row_mark);
    free(m->nz_row);
    free(m->nz_col);
    free(m->nz_val);
    free(m->nz_next_row);
    free(m->nz_next_col);
    po__names_free(&m->col_index);
    po__names_free(&m->row_index);
    free(m);
}

void po__model_clear(po_model *m)
{
    po__model_free_names(m);
    po__names_free(&m->col_index);
    po__names_free(&m->row_index);
    free(m->name);
    m->name = NULL;
    m->ncols = m->nrows = 0;
    m->nint = 0;
    m->nnz = 0;
    m->sense = PO_MINIMIZE;
    m->obj_constant = 0;
}

po_status po__model_fail(po_model *m, po_status status, const char *fmt, ...)
{
    va_list ap;
    m->err = status;
    va_start(ap, fmt);
    vsnprintf(m->errmsg, sizeof m->errmsg, fmt, ap);
    va_end(ap);
    return status;
}

void po__model_clear_error(po_model *m)
{
    m->err = PO_OK;
    m->errmsg[0] = '\0';
}

const char *po_model_errmsg(const po_model *m)
{
    return m ? m->errmsg : "no model (NULL)";
}

po_status po_model_errcode(const po_model *m)
{
    return m ? m->err : PO_EINVAL;
}

/* ------------------------------------------------------------------ */
/* Names                                                              */
/* ------------------------------------------------------------------ */

/* GLPK's glp_set_col_name/glp_set_row_name reject names longer than 255
 * bytes and names holding a character for which iscntrl() is true in the C
 * locale (0x01-0x1F, 0x7F); we refuse the same names up front so that any
 * model we accept can be loaded into GLPK.  Bytes >= 0x80 pass (UTF-8). */
static int is_ctrl(unsigned char c)
{
    return c < 0x20 || c == 0x7F;
}

/* Whether name[0..len-1] holds a control character, eight bytes at a time
 * (every name of a model is checked: byte by byte this took a sixth of the
 * time of building one).  A byte b of x is below 0x20 when (b - 0x20)
 * borrows into its high bit while b's own high bit is clear; b == 0x7F when
 * b ^ 0x7F is zero, found the same way.  False positives cannot happen:
 * a borrow only starts at a byte that is itself a hit. */
static int has_ctrl(const char *name, size_t len)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t k = 0;
    for (; k + 8 <= len; k += 8) {
        uint64_t x;
        memcpy(&x, name + k, 8);
        uint64_t y = x ^ (0x7F * ones);
        if (((x - 0x20 * ones) & ~x & highs) | ((y - ones) & ~y & highs))
            return 1;
    }
    if (k < len) {
        uint64_t x = 0x41 * ones; /* the tail, padded with 'A' */
        memcpy(&x, name + k, len - k);
        uint64_t y = x ^ (0x7F * ones);
        if (((x - 0x20 * ones) & ~x & highs) | ((y - ones) & ~y & highs))
            return 1;
    }
    return 0;
}

po_status po__check_name(const char *name, char *why, size_t size)
{
    if (name == NULL) {
        snprintf(why, size, "name is NULL");
        return PO_EINVAL;
    }
    size_t len = strlen(name);
    if (len <= PO_NAME_MAX && has_ctrl(name, len)) {
        size_t k = 0;
        while (!is_ctrl((unsigned char)name[k]))
            k++;
        snprintf(why, size, "name contains control character 0x%02X",
                 (unsigned)(unsigned char)name[k]);
        return PO_ENAME;
    }
    if (len == 0) {
        snprintf(why, size, "name is empty");
        return PO_ENAME;
    }
    if (len > PO_NAME_MAX) {
        snprintf(why, size, "name is %zu bytes long (at most %d)", len,
                 PO_NAME_MAX);
        return PO_ENAME;
    }
    return PO_OK;
}

const char *po__name_for_msg(const char *name, char *buf, size_t size)
{
    if (name == NULL)
        return "(null)";
    size_t len = strlen(name);
    int valid = len <= PO_NAME_MAX;
    for (size_t k = 0; valid && k < len; k++)
        valid = !is_ctrl((unsigned char)name[k]);
    if (valid)
        return name;
    /* shorten to 40 source bytes, escape control characters */
    size_t o = 0;
    for (size_t k = 0; k < len && k < 40 && o + 5 < size; k++) {
        unsigned char c = (unsigned char)name[k];
        if (is_ctrl(c))
            o += (size_t)snprintf(buf + o, size - o, "\\x%02X", (unsigned)c);
        else
            buf[o++] = (char)c;
    }
    if (len > 40 && o + 4 < size) {
        memcpy(buf + o, "...", 3);
        o += 3;
    }
    buf[o < size ? o : size - 1] = '\0';
    return buf;
}

static char *dup_str(po_model *m, const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = po__model_realloc(m, NULL, n);
    if (d)
        memcpy(d, s, n);
    return d;
}

po_status po_model_set_name(po_model *m, const char *name)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    char *copy = NULL;
    if (name != NULL && name[0] != '\0') {
        char why[96], nb[200];
        po_status st = po__check_name(name, why, sizeof why);
        if (st != PO_OK)
            return po__model_fail(m, st, "model \"%s\": %s",
                                  po__name_for_msg(name, nb, sizeof nb), why);
        copy = dup_str(m, name);
        if (copy == NULL)
            return po__model_fail(m, PO_ENOMEM, "model name: out of memory");
    }
    free(m->name);
    m->name = copy;
    return PO_OK;
}

const char *po_model_name(const po_model *m)
{
    if (m == NULL)
        return NULL;
    return m->name ? m->name : "";
}

/* ------------------------------------------------------------------ */
/* Objective                                                          */
/* ------------------------------------------------------------------ */

po_status po_model_set_sense(po_model *m, po_sense sense)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    if (sense != PO_MINIMIZE && sense != PO_MAXIMIZE)
        return po__model_fail(m, PO_EINVAL, "invalid objective sense %d",
                              (int)sense);
    m->sense = sense;
    return PO_OK;
}

po_sense po_model_sense(const po_model *m)
{
    return m ? m->sense : PO_MINIMIZE;
}

po_status po_model_set_obj_constant(po_model *m, double constant)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    if (isnan(constant))
        return po__model_fail(m, PO_ENAN, "objective constant is NaN");
    if (isinf(constant))
        return po__model_fail(m, PO_EINF, "objective constant is infinite");
    m->obj_constant = constant;
    return PO_OK;
}

double po_model_obj_constant(const po_model *m)
{
    return m ? m->obj_constant : NAN;
}

/* ------------------------------------------------------------------ */
/* Changing existing variables and constraints                        */
/* ------------------------------------------------------------------ */

static po_status check_var(po_model *m, int var)
{
    if (var < 0 || var >= m->ncols)
        return po__model_fail(m, PO_ERANGE,
                              "variable index %d out of range (model has %d "
                              "variables)",
                              var, m->ncols);
    return PO_OK;
}

static po_status check_constr(po_model *m, int constr)
{
    if (constr < 0 || constr >= m->nrows)
        return po__model_fail(m, PO_ERANGE,
                              "constraint index %d out of range (model has %d "
                              "constraints)",
                              constr, m->nrows);
    return PO_OK;
}

/* Shared by every path that sets bounds, so messages are the same whether a
 * bound comes from po_model_add_var, a bulk add or a setter.  `what` is
 * e.g. "variable \"x\"" or "variable \"x\" (position 3)". */
po_status po__check_bounds(po_model *m, const char *what, double lb,
                           double ub)
{
    if (isnan(lb))
        return po__model_fail(m, PO_ENAN, "%s: lower bound is NaN", what);
    if (isnan(ub))
        return po__model_fail(m, PO_ENAN, "%s: upper bound is NaN", what);
    if (isinf(lb) && lb > 0)
        return po__model_fail(m, PO_EINF, "%s: lower bound is +infinity",
                              what);
    if (isinf(ub) && ub < 0)
        return po__model_fail(m, PO_EINF, "%s: upper bound is -infinity",
                              what);
    if (lb > ub) {
        char a[32], b[32];
        return po__model_fail(m, PO_EBOUNDS,
                              "%s: lower bound %s is greater than upper "
                              "bound %s",
                              what, po__fmt_num(lb, a), po__fmt_num(ub, b));
    }
    return PO_OK;
}

/* The shortest of %.15g/%.16g/%.17g that reads back as the same double:
 * "0.1" rather than "0.10000000000000001", yet two different bounds never
 * print the same. */
const char *po__fmt_num(double x, char buf[32])
{
    for (int prec = 15; prec <= 17; prec++) {
        snprintf(buf, 32, "%.*g", prec, x);
        if (prec == 17 || strtod(buf, NULL) == x)
            break;
    }
    return buf;
}

/* Binary variables keep their bounds intersected with [0,1]. */
po_status po__binary_bounds(po_model *m, const char *what, double *lb,
                            double *ub)
{
    double l = *lb > 0 ? *lb : 0, u = *ub < 1 ? *ub : 1;
    if (l > u) {
        char a[32], b[32];
        return po__model_fail(m, PO_EBOUNDS,
                              "%s: binary variable with bounds [%s, %s], "
                              "which do not meet [0, 1]",
                              what, po__fmt_num(*lb, a), po__fmt_num(*ub, b));
    }
    *lb = l;
    *ub = u;
    return PO_OK;
}

static void var_what(const po_model *m, int var, char *buf, size_t size)
{
    snprintf(buf, size, "variable \"%s\"", m->col_name[var]);
}

po_status po_model_set_var_bounds(po_model *m, int var, double lb, double ub)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    po_status st = check_var(m, var);
    if (st != PO_OK)
        return st;
    char what[PO_NAME_MAX + 32];
    var_what(m, var, what, sizeof what);
    if ((st = po__check_bounds(m, what, lb, ub)) != PO_OK)
        return st;
    if (m->col_type[var] == PO_BINARY &&
        (st = po__binary_bounds(m, what, &lb, &ub)) != PO_OK)
        return st;
    m->col_lb[var] = lb;
    m->col_ub[var] = ub;
    return PO_OK;
}

po_status po_model_set_var_obj(po_model *m, int var, double obj)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    po_status st = check_var(m, var);
    if (st != PO_OK)
        return st;
    if (isnan(obj))
        return po__model_fail(m, PO_ENAN,
                              "variable \"%s\": objective coefficient is NaN",
                              m->col_name[var]);
    if (isinf(obj))
        return po__model_fail(m, PO_EINF,
                              "variable \"%s\": objective coefficient is "
                              "infinite",
                              m->col_name[var]);
    m->col_obj[var] = obj;
    return PO_OK;
}

po_status po_model_set_var_type(po_model *m, int var, po_vartype type)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    po_status st = check_var(m, var);
    if (st != PO_OK)
        return st;
    if (type != PO_CONTINUOUS && type != PO_INTEGER && type != PO_BINARY)
        return po__model_fail(m, PO_EINVAL,
                              "variable \"%s\": invalid type %d",
                              m->col_name[var], (int)type);
    double lb = m->col_lb[var], ub = m->col_ub[var];
    if (type == PO_BINARY) {
        char what[PO_NAME_MAX + 32];
        var_what(m, var, what, sizeof what);
        if ((st = po__binary_bounds(m, what, &lb, &ub)) != PO_OK)
            return st;
    }
    m->nint += (type != PO_CONTINUOUS) - (m->col_type[var] != PO_CONTINUOUS);
    m->col_type[var] = (unsigned char)type;
    m->col_lb[var] = lb;
    m->col_ub[var] = ub;
    return PO_OK;
}

po_status po_model_set_constr_bounds(po_model *m, int constr, double lb,
                                     double ub)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    po_status st = check_constr(m, constr);
    if (st != PO_OK)
        return st;
    char what[PO_NAME_MAX + 32];
    snprintf(what, sizeof what, "constraint \"%s\"", m->row_name[constr]);
    if ((st = po__check_bounds(m, what, lb, ub)) != PO_OK)
        return st;
    m->row_lb[constr] = lb;
    m->row_ub[constr] = ub;
    return PO_OK;
}

/* ------------------------------------------------------------------ */
/* Sizes, lookup, read-back                                           */
/* ------------------------------------------------------------------ */

int po_model_num_vars(const po_model *m)
{
    return m ? m->ncols : 0;
}

int po_model_num_constrs(const po_model *m)
{
    return m ? m->nrows : 0;
}

long po_model_num_nonzeros(const po_model *m)
{
    return m ? m->nnz : 0;
}

int po_model_num_integer_vars(const po_model *m)
{
    return m ? m->nint : 0;
}

int po_model_find_var(const po_model *m, const char *name)
{
    return m && name ? po__names_find(&m->col_index, name) : -1;
}

int po_model_find_constr(const po_model *m, const char *name)
{
    return m && name ? po__names_find(&m->row_index, name) : -1;
}

#define VAR_OK(m, j) ((m) != NULL && (j) >= 0 && (j) < (m)->ncols)
#define ROW_OK(m, i) ((m) != NULL && (i) >= 0 && (i) < (m)->nrows)

const char *po_model_var_name(const po_model *m, int var)
{
    return VAR_OK(m, var) ? m->col_name[var] : NULL;
}

double po_model_var_lb(const po_model *m, int var)
{
    return VAR_OK(m, var) ? m->col_lb[var] : NAN;
}

double po_model_var_ub(const po_model *m, int var)
{
    return VAR_OK(m, var) ? m->col_ub[var] : NAN;
}

double po_model_var_obj(const po_model *m, int var)
{
    return VAR_OK(m, var) ? m->col_obj[var] : NAN;
}

int po_model_var_type(const po_model *m, int var)
{
    return VAR_OK(m, var) ? (int)m->col_type[var] : -1;
}

const char *po_model_constr_name(const po_model *m, int constr)
{
    return ROW_OK(m, constr) ? m->row_name[constr] : NULL;
}

double po_model_constr_lb(const po_model *m, int constr)
{
    return ROW_OK(m, constr) ? m->row_lb[constr] : NAN;
}

double po_model_constr_ub(const po_model *m, int constr)
{
    return ROW_OK(m, constr) ? m->row_ub[constr] : NAN;
}

int po_model_constr_row(const po_model *m, int constr, int *var_index,
                        double *value)
{
    if (!ROW_OK(m, constr))
        return -1;
    int k = 0;
    for (int e = m->row_head[constr]; e >= 0; e = m->nz_next_row[e], k++) {
        if (var_index)
            var_index[k] = m->nz_col[e];
        if (value)
            value[k] = m->nz_val[e];
    }
    return k;
}

int po_model_var_col(const po_model *m, int var, int *constr_index,
                     double *value)
{
    if (!VAR_OK(m, var))
        return -1;
    int k = 0;
    for (int e = m->col_head[var]; e >= 0; e = m->nz_next_col[e], k++) {
        if (constr_index)
            constr_index[k] = m->nz_row[e];
        if (value)
            value[k] = m->nz_val[e];
    }
    return k;
}

int po__model_names_reserve(po_model *m, po__names *t, size_t extra)
{
    return po__names_reserve(t, extra, names_realloc, m);
}
