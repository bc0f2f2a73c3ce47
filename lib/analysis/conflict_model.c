/*
 * conflict_model.c -- roles of the rows and columns of a compiled process
 * model, and derived models for analysis (subsets, elastic copies).
 *
 * Roles come from the compiler's map: bal/cap rows and side-constraint rows
 * are recorded there; the other rows are found through the columns the map
 * records (the dem row is the one row of a shortage column, onmax/onmin are
 * the rows of an on/off column, told apart by their bounds; a base row is
 * the single-entry row left on a level column).  Nothing depends on names.
 */
#include "conflict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void po__roles_free(po__roles *r)
{
    if (r == NULL)
        return;
    free(r->row_role);
    free(r->col_role);
    free(r->row_obj);
    free(r->row_t);
    free(r->col_obj);
    free(r->col_t);
    memset(r, 0, sizeof *r);
}

static void set_col(po__roles *r, int j, int role, int obj, int t)
{
    if (j < 0 || j >= r->ncols)
        return;
    r->col_role[j] = (unsigned char)role;
    r->col_obj[j] = obj;
    r->col_t[j] = t;
}

static void set_row(po__roles *r, int i, int role, int obj, int t)
{
    if (i < 0 || i >= r->nrows)
        return;
    r->row_role[i] = (unsigned char)role;
    r->row_obj[i] = obj;
    r->row_t[i] = t;
}

/* Rows of column j (at most cap of them) into rows[]; the count. */
static int col_rows(const po_model *m, int j, int *rows, double *val, int cap)
{
    int n = po_model_var_col(m, j, NULL, NULL);
    if (n < 0 || n > cap)
        return 0;
    return po_model_var_col(m, j, rows, val);
}

po_status po__roles_build(po__roles *r, const po_process *p,
                          const po__pmap *mp, const po_model *m)
{
    memset(r, 0, sizeof *r);
    int nr = po_model_num_constrs(m), nc = po_model_num_vars(m);
    int T = p->nperiods;
    r->nrows = nr;
    r->ncols = nc;
    r->nperiods = T;
    r->row_role = calloc((size_t)nr + 1, 1);
    r->col_role = calloc((size_t)nc + 1, 1);
    r->row_obj = malloc(((size_t)nr + 1) * sizeof(int));
    r->row_t = malloc(((size_t)nr + 1) * sizeof(int));
    r->col_obj = malloc(((size_t)nc + 1) * sizeof(int));
    r->col_t = malloc(((size_t)nc + 1) * sizeof(int));
    /* longest column: a level appears in its items' rows, side
     * constraints, onmax/onmin and base rows */
    int *rows = malloc(((size_t)nr + 1) * sizeof(int));
    double *val = malloc(((size_t)nr + 1) * sizeof(double));
    if (!r->row_role || !r->col_role || !r->row_obj || !r->row_t ||
        !r->col_obj || !r->col_t || !rows || !val) {
        free(rows);
        free(val);
        po__roles_free(r);
        return PO_ENOMEM;
    }
    for (int i = 0; i < nr; i++)
        r->row_obj[i] = r->row_t[i] = -1;
    for (int j = 0; j < nc; j++)
        r->col_obj[j] = r->col_t[j] = -1;

    for (int i = 0; i < p->nitems; i++) {
        int cap = p->items[i].p[PO__I_CAPACITY].n > 0;
        for (int t = 0; t < T; t++) {
            size_t k = (size_t)i * T + t;
            set_row(r, mp->row_item[k], cap ? PO__ROW_CAPACITY
                                            : PO__ROW_BALANCE, i, t);
            set_col(r, mp->buy[k], PO__COL_BUY, i, t);
            set_col(r, mp->sold[k], PO__COL_SOLD, i, t);
            set_col(r, mp->stock[k], PO__COL_STOCK, i, t);
            set_col(r, mp->shortv[k], PO__COL_SHORT, i, t);
            if (mp->shortv[k] >= 0) {
                int n = col_rows(m, mp->shortv[k], rows, val, nr);
                for (int e = 0; e < n; e++)
                    set_row(r, rows[e], PO__ROW_DEMAND, i, t);
            }
        }
    }
    for (int c = 0; c < p->ncons; c++)
        for (int t = 0; t < T; t++)
            set_row(r, mp->row_con[(size_t)c * T + t], PO__ROW_CONSTRAINT, c,
                    t);
    for (int a = 0; a < p->nacts; a++) {
        const po__activity *act = &p->acts[a];
        for (int t = 0; t < T; t++) {
            size_t k = (size_t)a * T + t;
            set_col(r, mp->x[k], PO__COL_LEVEL, a, t);
            set_col(r, mp->on[k], PO__COL_ON, a, t);
            if (mp->on[k] >= 0) {
                int batch = po__pv(&act->p[PO__A_MIN_BATCH], t, 0) > 0;
                int n = col_rows(m, mp->on[k], rows, val, nr);
                for (int e = 0; e < n; e++) {
                    int i = rows[e];
                    if (r->row_role[i] != PO__ROW_OTHER)
                        continue;
                    if (po_model_constr_ub(m, i) == 0 &&
                        isinf(po_model_constr_lb(m, i)))
                        set_row(r, i, batch ? PO__ROW_BATCH_MAX
                                            : PO__ROW_SWITCH, a, t);
                    else
                        set_row(r, i, PO__ROW_BATCH_MIN, a, t);
                }
            }
        }
    }
    /* what is left on a level column with one entry is its base row */
    for (int a = 0; a < p->nacts; a++)
        for (int t = 0; t < T; t++) {
            int x = mp->x[(size_t)a * T + t];
            if (x < 0)
                continue;
            int n = col_rows(m, x, rows, val, nr);
            for (int e = 0; e < n; e++) {
                int i = rows[e];
                if (r->row_role[i] == PO__ROW_OTHER &&
                    po_model_constr_row(m, i, NULL, NULL) == 1)
                    set_row(r, i, PO__ROW_BASE, a, t);
            }
        }
    free(rows);
    free(val);
    return PO_OK;
}

/* ------------------------------------------------------------------ */
/* Derived models                                                     */
/* ------------------------------------------------------------------ */

static double pick(const double *v, int j, double dflt)
{
    return v ? v[j] : dflt;
}

typedef struct dbuf {
    int nrows, nnz, cap_rows, cap_nnz;
    int *start, *idx;
    double *val, *lb, *ub;
} dbuf;

static int dbuf_room(dbuf *b, int rows, int nnz)
{
    if (b->nrows + rows > b->cap_rows) {
        int cap = (b->nrows + rows) * 2 + 8;
        int *s = realloc(b->start, ((size_t)cap + 1) * sizeof *s);
        if (s == NULL)
            return -1;
        b->start = s;
        double *l = realloc(b->lb, (size_t)cap * sizeof *l);
        if (l == NULL)
            return -1;
        b->lb = l;
        double *u = realloc(b->ub, (size_t)cap * sizeof *u);
        if (u == NULL)
            return -1;
        b->ub = u;
        b->cap_rows = cap;
    }
    if (b->nnz + nnz > b->cap_nnz) {
        int cap = (b->nnz + nnz) * 2 + 16;
        int *i = realloc(b->idx, (size_t)cap * sizeof *i);
        if (i == NULL)
            return -1;
        b->idx = i;
        double *v = realloc(b->val, (size_t)cap * sizeof *v);
        if (v == NULL)
            return -1;
        b->val = v;
        b->cap_nnz = cap;
    }
    return 0;
}

static void dbuf_free(dbuf *b)
{
    free(b->start);
    free(b->idx);
    free(b->val);
    free(b->lb);
    free(b->ub);
}

po_status po__derive_model(const po__derive *d, po_model **out,
                           po__elastic **elp, int *nelp)
{
    const po_model *m = d->m;
    int nc = po_model_num_vars(m), nr = po_model_num_constrs(m);
    *out = NULL;
    if (elp)
        *elp = NULL;
    if (nelp)
        *nelp = 0;

    /* elastic columns */
    int ne = 0;
    for (int i = 0; i < nr; i++) {
        if (d->keep_row && !d->keep_row[i])
            continue;
        ne += pick(d->row_wlo, i, 0) > 0;
        ne += pick(d->row_whi, i, 0) > 0;
    }
    for (int j = 0; j < nc; j++) {
        ne += pick(d->col_wlb, j, 0) > 0;
        ne += pick(d->col_wub, j, 0) > 0;
    }
    po__elastic *el = malloc(((size_t)ne + 1) * sizeof *el);
    size_t ntot = (size_t)nc + (size_t)ne;
    double *clb = malloc((ntot + 1) * sizeof *clb);
    double *cub = malloc((ntot + 1) * sizeof *cub);
    double *cobj = calloc(ntot + 1, sizeof *cobj);
    po_vartype *ctype = malloc((ntot + 1) * sizeof *ctype);
    int *rowbuf = malloc(((size_t)nc + 1) * sizeof *rowbuf);
    double *valbuf = malloc(((size_t)nc + 1) * sizeof *valbuf);
    dbuf b = {0, 0, 0, 0, NULL, NULL, NULL, NULL, NULL};
    po_model *dm = po_model_new();
    po_status st = PO_OK;
    if (!el || !clb || !cub || !cobj || !ctype || !rowbuf || !valbuf || !dm)
        st = PO_ENOMEM;

    for (int j = 0; j < nc && !st; j++) {
        int type = po_model_var_type(m, j);
        clb[j] = pick(d->lb, j, po_model_var_lb(m, j));
        cub[j] = pick(d->ub, j, po_model_var_ub(m, j));
        ctype[j] = d->continuous ? PO_CONTINUOUS : (po_vartype)type;
    }
    /* elastic columns, in the order rows then column bounds */
    int k = 0;
    for (int i = 0; i < nr && !st; i++) {
        if (d->keep_row && !d->keep_row[i])
            continue;
        for (int up = 0; up < 2; up++) {
            double w = pick(up ? d->row_whi : d->row_wlo, i, 0);
            if (!(w > 0))
                continue;
            el[k].index = i;
            el[k].col = 0;
            el[k].upper = (unsigned char)up;
            cobj[nc + k] = w;
            k++;
        }
    }
    for (int j = 0; j < nc && !st; j++)
        for (int up = 0; up < 2; up++) {
            double w = pick(up ? d->col_wub : d->col_wlb, j, 0);
            if (!(w > 0))
                continue;
            el[k].index = j;
            el[k].col = 1;
            el[k].upper = (unsigned char)up;
            cobj[nc + k] = w;
            k++;
        }
    for (int e = 0; e < ne && !st; e++) {
        clb[nc + e] = 0;
        cub[nc + e] = INFINITY;
        ctype[nc + e] = PO_CONTINUOUS;
    }
    if (!st && ntot > 0)
        st = po_model_add_vars(dm, (int)ntot, NULL, clb, cub, cobj, ctype,
                               NULL, NULL, NULL);

    /* rows: kept rows with their elastic columns, then bound rows */
    k = 0;
    for (int i = 0; i < nr && !st; i++) {
        if (d->keep_row && !d->keep_row[i])
            continue;
        int len = po_model_constr_row(m, i, rowbuf, valbuf);
        if (dbuf_room(&b, 1, len + 2)) {
            st = PO_ENOMEM;
            break;
        }
        b.start[b.nrows] = b.nnz;
        memcpy(b.idx + b.nnz, rowbuf, (size_t)len * sizeof *rowbuf);
        memcpy(b.val + b.nnz, valbuf, (size_t)len * sizeof *valbuf);
        if (d->ov_col && d->ov_col[i] >= 0)
            for (int e = 0; e < len; e++)
                if (rowbuf[e] == d->ov_col[i])
                    b.val[b.nnz + e] = d->ov_val[i];
        b.nnz += len;
        while (k < ne && !el[k].col && el[k].index == i) {
            /* below the lower bound: row + e >= lb; above: row - e <= ub */
            b.idx[b.nnz] = nc + k;
            b.val[b.nnz++] = el[k].upper ? -1.0 : 1.0;
            k++;
        }
        b.lb[b.nrows] = po_model_constr_lb(m, i);
        b.ub[b.nrows] = po_model_constr_ub(m, i);
        b.nrows++;
    }
    for (; k < ne && !st; k++) {
        int j = el[k].index;
        if (dbuf_room(&b, 1, 2)) {
            st = PO_ENOMEM;
            break;
        }
        b.start[b.nrows] = b.nnz;
        b.idx[b.nnz] = j;
        b.val[b.nnz++] = 1.0;
        b.idx[b.nnz] = nc + k;
        if (el[k].upper) {
            b.val[b.nnz++] = -1.0;
            b.lb[b.nrows] = -INFINITY;
            b.ub[b.nrows] = d->col_eub[j];
        } else {
            b.val[b.nnz++] = 1.0;
            b.lb[b.nrows] = d->col_elb[j];
            b.ub[b.nrows] = INFINITY;
        }
        b.nrows++;
    }
    if (!st && b.nrows > 0) {
        b.start[b.nrows] = b.nnz;
        st = po_model_add_constrs(dm, b.nrows, NULL, b.lb, b.ub, b.start,
                                  b.idx, b.val);
    }
    free(clb);
    free(cub);
    free(cobj);
    free(ctype);
    free(rowbuf);
    free(valbuf);
    dbuf_free(&b);
    if (st) {
        free(el);
        po_model_free(dm);
        return st;
    }
    if (elp)
        *elp = el;
    else
        free(el);
    if (nelp)
        *nelp = ne;
    *out = dm;
    return PO_OK;
}

po_status po__analysis_solve(po_model *m, const po_options *opt,
                             po_result **res)
{
    po_options o;
    if (opt)
        o = *opt;
    else
        po_options_init(&o);
    o.log = NULL;
    o.log_user = NULL;
    o.sensitivity = 0;
    return po_solve(m, &o, res);
}

int po__outcome_infeasible(po_outcome o)
{
    return o == PO_OUTCOME_INFEASIBLE || o == PO_OUTCOME_INF_OR_UNBD;
}
