/*
 * model_build.c -- adding variables and constraints, one or many at a time.
 *
 * Every add runs in three phases so that a rejected call leaves the model
 * exactly as it was:
 *   1. validate all input without allocating (duplicate entries are found
 *      with the *_mark scratch arrays, stamped once per row or column);
 *   2. reserve every byte the commit needs (arrays, name table, name
 *      copies, which go into the reserved but still invisible slots);
 *   3. insert the names (catching duplicates inside the call, rolled back)
 *      and commit, which can no longer fail.
 */
#include "model.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "variable \"x\"" for a single add, "variable \"x\" (position 3)" for a
 * bulk one; for a name that is itself invalid, the shortened escaped form. */
static const char *describe(char *buf, size_t size, const char *noun,
                            const char *name, int bulk, long pos)
{
    char nb[200];
    if (name == NULL || name[0] == '\0') {
        if (bulk)
            snprintf(buf, size, "%s at position %ld", noun, pos);
        else
            snprintf(buf, size, "%s", noun);
        return buf;
    }
    const char *shown = po__name_for_msg(name, nb, sizeof nb);
    if (bulk)
        snprintf(buf, size, "%s \"%s\" (position %ld)", noun, shown, pos);
    else
        snprintf(buf, size, "%s \"%s\"", noun, shown);
    return buf;
}

/* The structure of a CSC/CSR start array; entries in [start[0], start[n]). */
static po_status check_starts(po_model *m, const char *fn, const char *arr,
                              int n, const int *start, const int *index,
                              const char *index_name, const double *value)
{
    if (start == NULL) {
        if (index != NULL || value != NULL)
            return po__model_fail(m, PO_EINVAL,
                                  "%s: %s is NULL but %s or value is not",
                                  fn, arr, index_name);
        return PO_OK;
    }
    if (start[0] != 0)
        return po__model_fail(m, PO_EINVAL, "%s: %s[0] is %d (must be 0)",
                              fn, arr, start[0]);
    for (int k = 0; k < n; k++)
        if (start[k + 1] < start[k])
            return po__model_fail(m, PO_EINVAL,
                                  "%s: %s[%d] = %d is less than %s[%d] = %d",
                                  fn, arr, k + 1, start[k + 1], arr, k,
                                  start[k]);
    if (start[n] > 0 && (index == NULL || value == NULL))
        return po__model_fail(m, PO_EINVAL,
                              "%s: %s has %d entries but %s or value is NULL",
                              fn, arr, start[n], index_name);
    return PO_OK;
}

/* What is being added, for messages; described only when a check fails
 * (formatting it for every variable of a bulk add took most of the time
 * of building a model). */
typedef struct subject {
    const char *noun, *name;
    int bulk;
    long pos;
} subject;

static const char *say(const subject *s, char *buf, size_t size)
{
    return describe(buf, size, s->noun, s->name, s->bulk, s->pos);
}

/* One row's (or column's) entries: indices in range, values finite, no
 * index twice.  Adds the count of nonzero values to *nz. */
static po_status check_entries(po_model *m, const subject *who, int len,
                               const int *idx, const double *val, int limit,
                               unsigned *mark, char *const *other_name,
                               const char *other, long *nz)
{
    char what[PO_NAME_MAX + 64];
    unsigned stamp = po__model_next_stamp(m);
    long count = 0;
    for (int p = 0; p < len; p++) {
        int j = idx[p];
        if (j < 0 || j >= limit)
            return po__model_fail(m, PO_ERANGE,
                                  "%s: %s index %d out of range (model has %d "
                                  "%ss)",
                                  say(who, what, sizeof what), other, j, limit,
                                  other);
        if (!isfinite(val[p]))
            return po__model_fail(m, isnan(val[p]) ? PO_ENAN : PO_EINF,
                                  "%s: coefficient of %s \"%s\" is %s",
                                  say(who, what, sizeof what), other,
                                  other_name[j],
                                  isnan(val[p]) ? "NaN" : "infinite");
        if (mark[j] == stamp)
            return po__model_fail(m, PO_EDUPENTRY,
                                  "%s: %s \"%s\" appears twice",
                                  say(who, what, sizeof what), other,
                                  other_name[j]);
        mark[j] = stamp;
        count += val[p] != 0;
    }
    *nz += count;
    return PO_OK;
}

/* The checks of po__check_bounds without formatting anything. */
static int bounds_ok(double lb, double ub)
{
    return !isnan(lb) && !isnan(ub) && lb != PO_INF && ub != -PO_INF &&
           lb <= ub;
}

static po_status check_one_name(po_model *m, const char *noun,
                                const char *name, int bulk, long pos,
                                const po__names *table)
{
    char why[96], what[PO_NAME_MAX + 64];
    po_status st = po__check_name(name, why, sizeof why);
    if (st != PO_OK)
        return po__model_fail(m, st, "%s: %s",
                              describe(what, sizeof what, noun, name, bulk,
                                       pos),
                              why);
    int other = po__names_find(table, name);
    if (other >= 0)
        return po__model_fail(m, PO_EDUPNAME,
                              "%s: name already used by %s %d",
                              describe(what, sizeof what, noun, name, bulk,
                                       pos),
                              noun, other);
    return PO_OK;
}

/* The names of one add call live in one block (a malloc per name took a
 * fifth of the time of building a model); the model keeps the blocks in a
 * list, newest first. */
typedef struct name_block {
    struct name_block *prev;
} name_block;

void po__model_free_names(po_model *m)
{
    name_block *b = m->name_blocks;
    while (b != NULL) {
        name_block *prev = b->prev;
        free(b);
        b = prev;
    }
    m->name_blocks = NULL;
}

/* The name of new column/row `pos` as given, or its default ("x12") in
 * buf. */
static const char *name_or_default(const char *const *names, int k,
                                   char prefix, long pos, char buf[32])
{
    if (names && names[k])
        return names[k];
    snprintf(buf, 32, "%c%ld", prefix, pos + 1);
    return buf;
}

/* Copy names into slots[0..n-1] (reserved, invisible), in a new block. */
static po_status copy_names(po_model *m, char **slots, int n,
                            const char *const *names, char prefix, long base)
{
    char buf[32];
    size_t total = 0;
    if (n == 0)
        return PO_OK;
    for (int k = 0; k < n; k++) {
        size_t len = strlen(name_or_default(names, k, prefix, base + k, buf));
        if (len + 1 > SIZE_MAX - sizeof(name_block) - total)
            return PO_ENOMEM;
        total += len + 1;
    }
    name_block *b = po__model_realloc(m, NULL, sizeof *b + total);
    if (b == NULL)
        return PO_ENOMEM;
    char *p = (char *)(b + 1);
    for (int k = 0; k < n; k++) {
        const char *nm = name_or_default(names, k, prefix, base + k, buf);
        size_t len = strlen(nm) + 1;
        memcpy(p, nm, len);
        slots[k] = p;
        p += len;
    }
    b->prev = m->name_blocks;
    m->name_blocks = b;
    return PO_OK;
}

/* Insert slots[0..n-1] into table as base+k; on a duplicate inside the call,
 * remove what was inserted and report it. */
static po_status insert_names(po_model *m, po__names *table, char **slots,
                              int n, int base, const char *noun, int bulk)
{
    for (int k = 0; k < n; k++) {
        int prev = po__names_insert_new(table, slots[k], base + k);
        if (prev >= 0) {
            char what[PO_NAME_MAX + 64];
            po__model_fail(m, PO_EDUPNAME,
                           "%s: name already used at position %d of this call",
                           describe(what, sizeof what, noun, slots[k], bulk,
                                    k),
                           prev - base);
            while (k-- > 0)
                po__names_remove(table, slots[k]);
            return PO_EDUPNAME;
        }
    }
    return PO_OK;
}

/* Undo copy_names of n names (the newest block). */
static void free_slots(po_model *m, int n)
{
    if (n == 0)
        return;
    name_block *b = m->name_blocks;
    m->name_blocks = b->prev;
    free(b);
}

static void link_entry(po_model *m, int e, int row, int col, double v)
{
    m->nz_row[e] = row;
    m->nz_col[e] = col;
    m->nz_val[e] = v;
    m->nz_next_row[e] = -1;
    if (m->row_tail[row] < 0)
        m->row_head[row] = e;
    else
        m->nz_next_row[m->row_tail[row]] = e;
    m->row_tail[row] = e;
    m->row_len[row]++;
}

static void link_col(po_model *m, int e, int col)
{
    m->nz_next_col[e] = -1;
    if (m->col_tail[col] < 0)
        m->col_head[col] = e;
    else
        m->nz_next_col[m->col_tail[col]] = e;
    m->col_tail[col] = e;
    m->col_len[col]++;
}

static po_status oom(po_model *m, const char *fn, po_status st)
{
    if (st == PO_ETOOBIG)
        return po__model_fail(m, st, "%s: the model would exceed the size "
                                     "limit (2^31-1 variables, constraints "
                                     "or nonzeros)",
                              fn);
    return po__model_fail(m, PO_ENOMEM, "%s: out of memory", fn);
}

/* ------------------------------------------------------------------ */
/* Variables                                                          */
/* ------------------------------------------------------------------ */

typedef struct {
    int row, e;
} row_entry;

static int cmp_row_entry(const void *a, const void *b)
{
    const row_entry *x = a, *y = b;
    return (x->row > y->row) - (x->row < y->row);
}

static po_status add_cols(po_model *m, const char *fn, int bulk, int n,
                          const char *const *names, const double *lb,
                          const double *ub, const double *obj,
                          const po_vartype *type, const int *start,
                          const int *idx, const double *val)
{
    po_status st;
    if (n < 0)
        return po__model_fail(m, PO_EINVAL, "%s: negative count %d", fn, n);
    if ((st = check_starts(m, fn, "col_start", n, start, idx, "row_index",
                           val)) != PO_OK)
        return st;
    if ((long)m->ncols + n > 2147483647L)
        return oom(m, fn, PO_ETOOBIG);

    /* 1. validate */
    long nz = 0;
    int maxlen = 0, unsorted = 0;
    for (int k = 0; k < n; k++) {
        char dflt[32], what[PO_NAME_MAX + 64];
        const char *nm = bulk && (names == NULL || names[k] == NULL) ? dflt
                                                                     : names[k];
        if (nm == dflt)
            snprintf(dflt, sizeof dflt, "x%ld", (long)m->ncols + k + 1);
        if ((st = check_one_name(m, "variable", nm, bulk, k, &m->col_index)) !=
            PO_OK)
            return st;
        subject who = {"variable", nm, bulk, k};
        double l = lb ? lb[k] : 0, u = ub ? ub[k] : PO_INF;
        if (!bounds_ok(l, u))
            return po__check_bounds(m, say(&who, what, sizeof what), l, u);
        double c = obj ? obj[k] : 0;
        if (!isfinite(c))
            return po__model_fail(m, isnan(c) ? PO_ENAN : PO_EINF,
                                  "%s: objective coefficient is %s",
                                  say(&who, what, sizeof what),
                                  isnan(c) ? "NaN" : "infinite");
        po_vartype t = type ? type[k] : PO_CONTINUOUS;
        if (t != PO_CONTINUOUS && t != PO_INTEGER && t != PO_BINARY)
            return po__model_fail(m, PO_EINVAL, "%s: invalid type %d",
                                  say(&who, what, sizeof what), (int)t);
        if (t == PO_BINARY && (l > 1 || u < 0) &&
            (st = po__binary_bounds(m, say(&who, what, sizeof what), &l,
                                    &u)) != PO_OK)
            return st;
        if (start) {
            int len = start[k + 1] - start[k];
            const int *ri = idx + start[k];
            if ((st = check_entries(m, &who, len, ri, val + start[k],
                                    m->nrows, m->row_mark, m->row_name,
                                    "constraint", &nz)) != PO_OK)
                return st;
            if (len > maxlen)
                maxlen = len;
            for (int p = 1; p < len && !unsorted; p++)
                unsorted = ri[p] < ri[p - 1];
        }
    }

    /* 2. reserve */
    row_entry *order = NULL;
    if ((st = po__model_reserve_cols(m, n)) != PO_OK ||
        (st = po__model_reserve_nnz(m, nz)) != PO_OK)
        return oom(m, fn, st);
    if (po__model_names_reserve(m, &m->col_index, (size_t)n) != 0)
        return oom(m, fn, PO_ENOMEM);
    if (unsorted) {
        order = po__model_realloc(m, NULL, (size_t)maxlen * sizeof *order);
        if (order == NULL)
            return oom(m, fn, PO_ENOMEM);
    }
    char **slots = m->col_name + m->ncols;
    if (copy_names(m, slots, n, names, 'x', m->ncols) != PO_OK) {
        free(order);
        return oom(m, fn, PO_ENOMEM);
    }

    /* 3. names, then commit */
    if ((st = insert_names(m, &m->col_index, slots, n, m->ncols, "variable",
                           bulk)) != PO_OK) {
        free_slots(m, n);
        free(order);
        return st;
    }
    for (int k = 0; k < n; k++) {
        int j = m->ncols + k;
        double l = lb ? lb[k] : 0, u = ub ? ub[k] : PO_INF;
        po_vartype t = type ? type[k] : PO_CONTINUOUS;
        if (t == PO_BINARY)
            po__binary_bounds(m, "", &l, &u); /* checked above */
        m->col_lb[j] = l;
        m->col_ub[j] = u;
        m->col_obj[j] = obj ? obj[k] : 0;
        m->col_type[j] = (unsigned char)t;
        m->col_head[j] = m->col_tail[j] = -1;
        m->col_len[j] = 0;
        m->col_mark[j] = 0;
        if (t != PO_CONTINUOUS)
            m->nint++;
        if (!start)
            continue;
        int cnt = 0;
        for (int p = start[k]; p < start[k + 1]; p++) {
            if (val[p] == 0)
                continue;
            int e = (int)m->nnz++;
            link_entry(m, e, idx[p], j, val[p]);
            if (order) {
                order[cnt].row = idx[p];
                order[cnt].e = e;
            } else {
                link_col(m, e, j);
            }
            cnt++;
        }
        if (order) {
            /* column lists are kept in ascending row order */
            qsort(order, (size_t)cnt, sizeof *order, cmp_row_entry);
            for (int p = 0; p < cnt; p++)
                link_col(m, order[p].e, j);
        }
    }
    m->ncols += n;
    free(order);
    return PO_OK;
}

po_status po_model_add_var(po_model *m, const char *name, double lb,
                           double ub, double obj, po_vartype type, int *index)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    const char *names[1] = {name};
    po_status st = add_cols(m, "po_model_add_var", 0, 1, names, &lb, &ub,
                            &obj, &type, NULL, NULL, NULL);
    if (st == PO_OK && index)
        *index = m->ncols - 1;
    return st;
}

po_status po_model_add_vars(po_model *m, int n, const char *const *names,
                            const double *lb, const double *ub,
                            const double *obj, const po_vartype *type,
                            const int *col_start, const int *row_index,
                            const double *value)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    return add_cols(m, "po_model_add_vars", 1, n, names, lb, ub, obj, type,
                    col_start, row_index, value);
}

/* ------------------------------------------------------------------ */
/* Constraints                                                        */
/* ------------------------------------------------------------------ */

static po_status add_rows(po_model *m, const char *fn, int bulk, int n,
                          const char *const *names, const double *lb,
                          const double *ub, const int *start, const int *idx,
                          const double *val)
{
    po_status st;
    if (n < 0)
        return po__model_fail(m, PO_EINVAL, "%s: negative count %d", fn, n);
    if ((st = check_starts(m, fn, "row_start", n, start, idx, "var_index",
                           val)) != PO_OK)
        return st;
    if ((long)m->nrows + n > 2147483647L)
        return oom(m, fn, PO_ETOOBIG);

    /* 1. validate */
    long nz = 0;
    for (int k = 0; k < n; k++) {
        char dflt[32], what[PO_NAME_MAX + 64];
        const char *nm = bulk && (names == NULL || names[k] == NULL) ? dflt
                                                                     : names[k];
        if (nm == dflt)
            snprintf(dflt, sizeof dflt, "r%ld", (long)m->nrows + k + 1);
        if ((st = check_one_name(m, "constraint", nm, bulk, k,
                                 &m->row_index)) != PO_OK)
            return st;
        subject who = {"constraint", nm, bulk, k};
        double l = lb ? lb[k] : -PO_INF, u = ub ? ub[k] : PO_INF;
        if (!bounds_ok(l, u))
            return po__check_bounds(m, say(&who, what, sizeof what), l, u);
        if (start &&
            (st = check_entries(m, &who, start[k + 1] - start[k],
                                idx + start[k], val + start[k], m->ncols,
                                m->col_mark, m->col_name, "variable", &nz)) !=
                PO_OK)
            return st;
    }

    /* 2. reserve */
    if ((st = po__model_reserve_rows(m, n)) != PO_OK ||
        (st = po__model_reserve_nnz(m, nz)) != PO_OK)
        return oom(m, fn, st);
    if (po__model_names_reserve(m, &m->row_index, (size_t)n) != 0)
        return oom(m, fn, PO_ENOMEM);
    char **slots = m->row_name + m->nrows;
    if (copy_names(m, slots, n, names, 'r', m->nrows) != PO_OK)
        return oom(m, fn, PO_ENOMEM);

    /* 3. names, then commit */
    if ((st = insert_names(m, &m->row_index, slots, n, m->nrows,
                           "constraint", bulk)) != PO_OK) {
        free_slots(m, n);
        return st;
    }
    for (int k = 0; k < n; k++) {
        int i = m->nrows + k;
        m->row_lb[i] = lb ? lb[k] : -PO_INF;
        m->row_ub[i] = ub ? ub[k] : PO_INF;
        m->row_head[i] = m->row_tail[i] = -1;
        m->row_len[i] = 0;
        m->row_mark[i] = 0;
        if (!start)
            continue;
        for (int p = start[k]; p < start[k + 1]; p++) {
            if (val[p] == 0)
                continue;
            int e = (int)m->nnz++;
            link_entry(m, e, i, idx[p], val[p]);
            link_col(m, e, idx[p]); /* i is the largest row: stays sorted */
        }
    }
    m->nrows += n;
    return PO_OK;
}

po_status po_model_add_constr(po_model *m, const char *name, double lb,
                              double ub, int nnz, const int *var_index,
                              const double *value, int *index)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    if (nnz < 0)
        return po__model_fail(m, PO_EINVAL,
                              "po_model_add_constr: negative count %d", nnz);
    if (nnz > 0 && (var_index == NULL || value == NULL))
        return po__model_fail(m, PO_EINVAL,
                              "po_model_add_constr: %d entries but var_index "
                              "or value is NULL",
                              nnz);
    const char *names[1] = {name};
    int start[2] = {0, nnz};
    po_status st = add_rows(m, "po_model_add_constr", 0, 1, names, &lb, &ub,
                            nnz > 0 ? start : NULL, nnz > 0 ? var_index : NULL,
                            nnz > 0 ? value : NULL);
    if (st == PO_OK && index)
        *index = m->nrows - 1;
    return st;
}

po_status po_model_add_constrs(po_model *m, int n, const char *const *names,
                               const double *lb, const double *ub,
                               const int *row_start, const int *var_index,
                               const double *value)
{
    if (m == NULL)
        return PO_EINVAL;
    po__model_clear_error(m);
    return add_rows(m, "po_model_add_constrs", 1, n, names, lb, ub, row_start,
                    var_index, value);
}
