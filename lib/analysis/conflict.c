/*
 * conflict.c -- why a process model is infeasible: a minimal set of its
 * requirements that cannot hold together.
 *
 * Requirements are the parts of the model a manager could change: a
 * capacity, a side constraint, a demand (sales within it, all of it when
 * orders must be met), buy_max, store_max, an activity's min and max, a
 * min_batch.  The rest always holds: balances (material does not appear
 * or vanish), nonnegativity, integrality.  Each requirement is rows of the
 * compiled model (dropped when relaxed) and/or bounds of one column (set
 * back to the bounds the model has without that key).  The dem rows are
 * left out altogether: with 0 <= short <= demand, "sold + short = demand"
 * says no more than 0 <= sold <= demand, which the demand requirement sets
 * on the sold column.  Rows of on/off switches that serve only a fixed cost
 * are left out too: their M is a bound the rest of the model implies, so
 * they never decide feasibility.
 *
 * Method (Chinneck's filters):
 *  1. elastic filter: every requirement may be violated at a price of 1 per
 *     unit; requirements violated at the optimum are made hard, and the
 *     elastic problem solved again, until it is infeasible: the hard ones
 *     then form an infeasible set, usually a small one;
 *  2. deletion filter over that set, in chunks: drop a chunk if the rest
 *     stays infeasible, else halve the chunk; a single requirement whose
 *     removal makes the rest feasible stays.  What is left is irreducible:
 *     removing any member makes the rest feasible.
 * When the LP relaxation is infeasible, the filters run on LPs (an
 * LP-infeasible set is MIP-infeasible too), and a last deletion pass with
 * integrality drops the members the integer model does without; when the
 * LP relaxation is feasible, everything runs on MIPs.
 * Finally each member's amount: the smallest violation of that member
 * alone that lets the other members hold (one elastic solve each).
 */
#include "conflict.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct req {
    po_req_kind kind;
    int obj, t;
    int row[2];  /* rows it consists of, -1 when unused */
    int col;     /* column whose bounds it sets, -1 when none */
    double lb, ub; /* those bounds (-INFINITY / INFINITY: not set) */
    int maxrow;    /* min_batch switches: the x <= M on row, its level and */
    int xcol, oncol; /* on/off columns (-1 otherwise) */
} req;

struct po_conflict {
    int infeasible, minimal;
    long solves;
    po__findings entries;
};

typedef struct cctx {
    po_process *p;
    const po_options *opt;
    po_model *m;
    po__roles r;
    int nr, nc;
    req *q;
    int nq, qcap;
    double *lb0, *ub0;    /* column bounds with every requirement relaxed */
    unsigned char *keep0; /* rows that always hold */
    int continuous;
    long solves;
    int undecided;        /* a test stopped at a limit */
    po_status st;
    /* scratch for building tests */
    unsigned char *keep;
    double *lb, *ub, *wlo, *whi, *elb, *wlb, *eub, *wub;
    /* re-proving the M of min_batch switches per test */
    int nswitch;          /* min_batch requirements with rows */
    po__csr a;            /* the model's rows */
    unsigned char *pkeep; /* rows the proof may use */
    double *plb, *pub;
    int *ov_col;
    double *ov_val;
} cctx;

/* Preference for dropping: requirements earlier in this order are tested
 * for removal first, so among alternative conflicts the one kept names
 * capacities and demands, which managers can act on, before buy and store
 * limits. */
static const int drop_order[PO_REQ_NKINDS] = {
    [PO_REQ_STORE_MAX] = 0,    [PO_REQ_BUY_MAX] = 1,
    [PO_REQ_ACTIVITY_MAX] = 2, [PO_REQ_MIN_BATCH] = 3,
    [PO_REQ_CONSTRAINT] = 4,   [PO_REQ_ACTIVITY_MIN] = 5,
    [PO_REQ_CAPACITY] = 6,     [PO_REQ_DEMAND] = 7,
    [PO_REQ_BALANCE] = 8,      [PO_REQ_INTEGER] = 9};

/* ------------------------------------------------------------------ */
/* The catalog                                                        */
/* ------------------------------------------------------------------ */

static req *add_req(cctx *c, po_req_kind kind, int obj, int t)
{
    if (c->nq == c->qcap) {
        int cap = c->qcap ? c->qcap * 2 : 64;
        req *q = realloc(c->q, (size_t)cap * sizeof *q);
        if (q == NULL) {
            c->st = PO_ENOMEM;
            return NULL;
        }
        c->q = q;
        c->qcap = cap;
    }
    req *q = &c->q[c->nq++];
    q->kind = kind;
    q->obj = obj;
    q->t = t;
    q->row[0] = q->row[1] = -1;
    q->col = -1;
    q->lb = -INFINITY;
    q->ub = INFINITY;
    q->maxrow = q->xcol = q->oncol = -1;
    return q;
}

static void col_reqs(cctx *c, int j)
{
    const po_process *p = c->p;
    int obj = c->r.col_obj[j], t = c->r.col_t[j];
    double lb = po_model_var_lb(c->m, j), ub = po_model_var_ub(c->m, j);
    int binary = po_model_var_type(c->m, j) == PO_BINARY;
    req *q;
    c->lb0[j] = lb;
    c->ub0[j] = ub;
    switch (c->r.col_role[j]) {
    case PO__COL_LEVEL: {
        const po__activity *act = &p->acts[obj];
        double mn = po__pv(&act->p[PO__A_MIN], t, 0);
        double mx = po__pv(&act->p[PO__A_MAX], t, INFINITY);
        double mb = po__pv(&act->p[PO__A_MIN_BATCH], t, 0);
        if (mn > 0 && (q = add_req(c, PO_REQ_ACTIVITY_MIN, obj, t))) {
            q->col = j;
            q->lb = lb;
            c->lb0[j] = 0;
        }
        c->ub0[j] = binary ? 1 : INFINITY;
        if (mx < c->ub0[j] && (q = add_req(c, PO_REQ_ACTIVITY_MAX, obj, t))) {
            q->col = j;
            q->ub = mx;
        }
        if (binary && mb > 1 && (q = add_req(c, PO_REQ_MIN_BATCH, obj, t))) {
            q->col = j;
            q->ub = 0; /* 0 or at least mb > 1: only 0 */
        }
        break;
    }
    case PO__COL_BUY:
        if (isfinite(ub) && (q = add_req(c, PO_REQ_BUY_MAX, obj, t))) {
            q->col = j;
            q->ub = ub;
            c->ub0[j] = INFINITY;
        }
        break;
    case PO__COL_STOCK:
        if (isfinite(ub) && (q = add_req(c, PO_REQ_STORE_MAX, obj, t))) {
            q->col = j;
            q->ub = ub;
            c->ub0[j] = INFINITY;
        }
        break;
    case PO__COL_SOLD:
        if ((q = add_req(c, PO_REQ_DEMAND, obj, t))) {
            q->col = j;
            q->lb = lb > 0 ? lb : -INFINITY;
            q->ub = ub;
            c->lb0[j] = fmin(lb, 0);
            c->ub0[j] = INFINITY;
        }
        break;
    default:
        break;
    }
}

static void row_reqs(cctx *c, int i)
{
    int obj = c->r.row_obj[i], t = c->r.row_t[i];
    req *q;
    c->keep0[i] = 0;
    switch (c->r.row_role[i]) {
    case PO__ROW_CAPACITY:
        if ((q = add_req(c, PO_REQ_CAPACITY, obj, t)))
            q->row[0] = i;
        break;
    case PO__ROW_CONSTRAINT:
        if ((q = add_req(c, PO_REQ_CONSTRAINT, obj, t)))
            q->row[0] = i;
        break;
    case PO__ROW_BATCH_MAX:
    case PO__ROW_BATCH_MIN:
        /* the pair of rows of one switch is one requirement */
        q = NULL;
        for (int k = 0; k < c->nq && q == NULL; k++)
            if (c->q[k].kind == PO_REQ_MIN_BATCH && c->q[k].obj == obj &&
                c->q[k].t == t && c->q[k].col < 0)
                q = &c->q[k];
        if (q == NULL && (q = add_req(c, PO_REQ_MIN_BATCH, obj, t)) == NULL)
            break;
        q->row[q->row[0] < 0 ? 0 : 1] = i;
        if (c->r.row_role[i] == PO__ROW_BATCH_MAX) {
            q->maxrow = i;
            c->nswitch++;
        }
        break;
    case PO__ROW_DEMAND:
    case PO__ROW_SWITCH:
        break; /* left out, see the top of the file */
    default:
        c->keep0[i] = 1; /* balances (and anything unknown) always hold */
        break;
    }
}

static int cmp_req(const void *x, const void *y)
{
    const req *a = x, *b = y;
    if (a->kind != b->kind)
        return drop_order[a->kind] < drop_order[b->kind] ? -1 : 1;
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    return (a->obj > b->obj) - (a->obj < b->obj);
}

/* The columns of each min_batch switch, the model's rows for the proofs,
 * and which rows those may use: not the switches' own (they would bring
 * the compiled M back). */
static po_status switches(cctx *c)
{
    size_t nr = (size_t)c->nr, nc = (size_t)c->nc;
    po_status st = po__csr_of(c->m, &c->a);
    if (st)
        return st;
    c->pkeep = malloc(nr + 1);
    c->plb = malloc((nc + 1) * sizeof(double));
    c->pub = malloc((nc + 1) * sizeof(double));
    c->ov_col = malloc((nr + 1) * sizeof(int));
    c->ov_val = malloc((nr + 1) * sizeof(double));
    if (!c->pkeep || !c->plb || !c->pub || !c->ov_col || !c->ov_val)
        return PO_ENOMEM;
    for (int k = 0; k < c->nq; k++) {
        req *q = &c->q[k];
        if (q->maxrow < 0)
            continue;
        for (int e = c->a.start[q->maxrow]; e < c->a.start[q->maxrow + 1];
             e++) {
            int j = c->a.idx[e];
            if (c->r.col_role[j] == PO__COL_LEVEL)
                q->xcol = j;
            else if (c->r.col_role[j] == PO__COL_ON)
                q->oncol = j;
        }
    }
    for (int i = 0; i < c->nr; i++) {
        c->ov_col[i] = -1;
        c->ov_val[i] = 0;
    }
    return PO_OK;
}

/* The compiled M of a switch (minus its on column's coefficient). */
static double m_of(const cctx *c, const req *q)
{
    for (int e = c->a.start[q->maxrow]; e < c->a.start[q->maxrow + 1]; e++)
        if (c->a.idx[e] == q->oncol)
            return -c->a.val[e];
    return 0;
}

/* Each active switch gets the M its test can prove: the level's bound from
 * the rows kept (without the switches), or the compiled M when none is
 * finite. */
static void switch_bounds(cctx *c, const unsigned char *state)
{
    int any = 0;
    for (int k = 0; k < c->nq && !any; k++)
        any = state[k] && c->q[k].maxrow >= 0;
    if (!any)
        return;
    for (int i = 0; i < c->nr; i++) {
        int role = c->r.row_role[i];
        c->pkeep[i] = c->keep[i] && role != PO__ROW_BATCH_MAX &&
                      role != PO__ROW_BATCH_MIN;
        c->ov_col[i] = -1;
    }
    memcpy(c->plb, c->lb, (size_t)c->nc * sizeof(double));
    memcpy(c->pub, c->ub, (size_t)c->nc * sizeof(double));
    po__propagate(&c->a, c->pkeep, c->plb, c->pub, 20);
    for (int k = 0; k < c->nq; k++) {
        const req *q = &c->q[k];
        if (!state[k] || q->maxrow < 0 || q->xcol < 0 || q->oncol < 0)
            continue;
        double m = c->pub[q->xcol];
        if (!isfinite(m)) {
            /* nothing the test keeps bounds the level: a bound far above
             * any level the model can prove, so the switch no longer caps
             * it (not beyond: GLPK's integrality tolerance of 1e-5 on the
             * on/off column would let 1e-5 x M of level through) */
            double mb = po__pv(&c->p->acts[q->obj].p[PO__A_MIN_BATCH], q->t,
                               0);
            m = 1e3 * fmax(fmax(m_of(c, q), mb), 1.0);
        }
        c->ov_col[q->maxrow] = q->oncol;
        c->ov_val[q->maxrow] = -fmax(m, 0);
    }
}

static po_status catalog(cctx *c)
{
    size_t nr = (size_t)c->nr, nc = (size_t)c->nc;
    c->lb0 = malloc((nc + 1) * sizeof(double));
    c->ub0 = malloc((nc + 1) * sizeof(double));
    c->keep0 = malloc(nr + 1);
    c->keep = malloc(nr + 1);
    c->lb = malloc((nc + 1) * sizeof(double));
    c->ub = malloc((nc + 1) * sizeof(double));
    c->wlo = malloc((nr + 1) * sizeof(double));
    c->whi = malloc((nr + 1) * sizeof(double));
    c->elb = malloc((nc + 1) * sizeof(double));
    c->wlb = malloc((nc + 1) * sizeof(double));
    c->eub = malloc((nc + 1) * sizeof(double));
    c->wub = malloc((nc + 1) * sizeof(double));
    if (!c->lb0 || !c->ub0 || !c->keep0 || !c->keep || !c->lb || !c->ub ||
        !c->wlo || !c->whi || !c->elb || !c->wlb || !c->eub || !c->wub)
        return PO_ENOMEM;
    for (int j = 0; j < c->nc && !c->st; j++)
        col_reqs(c, j);
    for (int i = 0; i < c->nr && !c->st; i++)
        row_reqs(c, i);
    if (!c->st && c->nswitch > 0)
        c->st = switches(c);
    if (!c->st && c->nq > 1)
        qsort(c->q, (size_t)c->nq, sizeof *c->q, cmp_req);
    return c->st;
}

/* ------------------------------------------------------------------ */
/* Tests                                                              */
/* ------------------------------------------------------------------ */

enum { HARD = 1, SOFT = 2 }; /* state of a requirement in a test */

/* Build and solve the model with requirements in state[k] (0 relaxed, HARD,
 * SOFT = elastic at price 1).  Returns 0 with *res set, 1 when hard bounds
 * cross (min above max: infeasible without a solve), -1 on failure (c->st
 * set).  *el / *nel (el may be NULL) describe the elastic columns. */
static int run(cctx *c, const unsigned char *state, po_result **res,
               po__elastic **el, int *nel)
{
    int any_soft = 0;
    *res = NULL;
    memcpy(c->keep, c->keep0, (size_t)c->nr);
    memcpy(c->lb, c->lb0, (size_t)c->nc * sizeof(double));
    memcpy(c->ub, c->ub0, (size_t)c->nc * sizeof(double));
    for (int i = 0; i < c->nr; i++)
        c->wlo[i] = c->whi[i] = 0;
    for (int j = 0; j < c->nc; j++) {
        c->wlb[j] = c->wub[j] = 0;
        c->elb[j] = -INFINITY;
        c->eub[j] = INFINITY;
    }
    for (int k = 0; k < c->nq; k++) {
        const req *q = &c->q[k];
        if (!state[k])
            continue;
        for (int s = 0; s < 2; s++) {
            int i = q->row[s];
            if (i < 0)
                continue;
            c->keep[i] = 1;
            if (state[k] == SOFT) {
                c->wlo[i] = isfinite(po_model_constr_lb(c->m, i)) ? 1 : 0;
                c->whi[i] = isfinite(po_model_constr_ub(c->m, i)) ? 1 : 0;
                any_soft = 1;
            }
        }
        int j = q->col;
        if (j < 0)
            continue;
        if (state[k] == HARD) {
            c->lb[j] = fmax(c->lb[j], q->lb);
            c->ub[j] = fmin(c->ub[j], q->ub);
        } else {
            /* the tightest elastic bound of a column stands for all */
            if (isfinite(q->lb) && q->lb > c->elb[j]) {
                c->elb[j] = q->lb;
                c->wlb[j] = 1;
            }
            if (isfinite(q->ub) && q->ub < c->eub[j]) {
                c->eub[j] = q->ub;
                c->wub[j] = 1;
            }
            any_soft = 1;
        }
    }
    for (int j = 0; j < c->nc; j++)
        if (c->lb[j] > c->ub[j]) {
            c->solves++;
            return 1;
        }
    if (c->nswitch > 0)
        switch_bounds(c, state);
    po__derive d = {.m = c->m,
                    .keep_row = c->keep,
                    .lb = c->lb,
                    .ub = c->ub,
                    .continuous = c->continuous,
                    .row_wlo = any_soft ? c->wlo : NULL,
                    .row_whi = any_soft ? c->whi : NULL,
                    .col_elb = c->elb,
                    .col_wlb = c->wlb,
                    .col_eub = c->eub,
                    .col_wub = c->wub,
                    .ov_col = c->nswitch > 0 ? c->ov_col : NULL,
                    .ov_val = c->ov_val};
    po_model *dm = NULL;
    po_status st = po__derive_model(&d, &dm, el, nel);
    if (!st)
        st = po__analysis_solve(dm, c->opt, res);
    po_model_free(dm);
    c->solves++;
    if (st) {
        c->st = st;
        if (el) {
            free(*el);
            *el = NULL;
        }
        return -1;
    }
    return 0;
}

/* Feasibility of the requirements in state (no elastic ones): 1
 * infeasible, 0 feasible, -1 undecided (a limit) or failed (c->st). */
static int test(cctx *c, const unsigned char *state)
{
    po_result *res;
    int rc = run(c, state, &res, NULL, NULL);
    if (rc)
        return rc > 0 ? 1 : -1;
    po_outcome o = po_result_outcome(res);
    po_result_free(res);
    if (po__outcome_infeasible(o))
        return 1;
    if (o == PO_OUTCOME_OPTIMAL || o == PO_OUTCOME_FEASIBLE)
        return 0;
    c->undecided = 1;
    return -1;
}

/* Violation of requirement k in an elastic solution. */
static double violation(const cctx *c, int k, const double *v,
                        const po__elastic *el, int nel)
{
    const req *q = &c->q[k];
    double sum = 0;
    for (int e = 0; e < nel; e++)
        if (!el[e].col && (el[e].index == q->row[0] ||
                           el[e].index == q->row[1]))
            sum += v[c->nc + e];
    if (q->col >= 0) {
        double x = v[q->col];
        if (x < q->lb)
            sum += q->lb - x;
        if (x > q->ub)
            sum += x - q->ub;
    }
    return sum;
}

static double tol_of(double x)
{
    return 1e-6 * fmax(1.0, fabs(x));
}

/* The elastic filter: state[] in: every candidate SOFT; out: HARD for the
 * members of an infeasible set, 0 for the others.  Returns 0, or -1 when
 * it could not finish (state is then every candidate HARD). */
static int elastic_filter(cctx *c, unsigned char *state)
{
    for (;;) {
        po_result *res;
        po__elastic *el = NULL;
        int nel = 0;
        int rc = run(c, state, &res, &el, &nel);
        if (rc > 0)
            break; /* hard bounds already cross */
        if (rc < 0)
            return -1;
        po_outcome o = po_result_outcome(res);
        if (po__outcome_infeasible(o)) {
            po_result_free(res);
            free(el);
            break;
        }
        int grew = 0;
        if (o == PO_OUTCOME_OPTIMAL || o == PO_OUTCOME_FEASIBLE) {
            const double *v = po_result_values(res);
            for (int k = 0; k < c->nq; k++)
                if (state[k] == SOFT &&
                    violation(c, k, v, el, nel) > tol_of(0)) {
                    state[k] = HARD;
                    grew = 1;
                }
        } else {
            c->undecided = 1;
        }
        po_result_free(res);
        free(el);
        if (!grew) {
            /* nothing violated (numerically feasible) or undecided: fall
             * back to every candidate */
            memset(state, HARD, (size_t)c->nq);
            return -1;
        }
    }
    for (int k = 0; k < c->nq; k++)
        if (state[k] == SOFT)
            state[k] = 0;
    return 0;
}

/* The deletion filter over the HARD members of state, in chunks. */
static int deletion_filter(cctx *c, unsigned char *state)
{
    int *cand = malloc(((size_t)c->nq + 1) * sizeof *cand);
    if (cand == NULL) {
        c->st = PO_ENOMEM;
        return -1;
    }
    int n = 0;
    for (int k = 0; k < c->nq; k++)
        if (state[k] == HARD)
            cand[n++] = k;
    int pos = 0, chunk = n / 4 > 1 ? n / 4 : 1;
    while (pos < n) {
        int len = chunk < n - pos ? chunk : n - pos;
        for (int k = pos; k < pos + len; k++)
            state[cand[k]] = 0;
        int rc = test(c, state);
        if (c->st) {
            free(cand);
            return -1;
        }
        if (rc == 1) { /* still infeasible without them: they go */
            pos += len;
            chunk = len * 2;
            continue;
        }
        for (int k = pos; k < pos + len; k++)
            state[cand[k]] = HARD;
        if (len > 1) {
            chunk = len / 2;
        } else {
            /* needed (or undecided: kept, so the set stays infeasible) */
            pos++;
        }
    }
    free(cand);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Amounts and sentences                                              */
/* ------------------------------------------------------------------ */

/* Member k elastic, the other members hard: its smallest violation, and
 * whether it is on the upper side. */
static double amount(cctx *c, unsigned char *state, int k, int *upper)
{
    po_result *res;
    po__elastic *el = NULL;
    int nel = 0;
    double a = NAN;
    *upper = 1;
    state[k] = SOFT;
    int rc = run(c, state, &res, &el, &nel);
    state[k] = HARD;
    if (rc)
        return NAN;
    if (po_result_outcome(res) == PO_OUTCOME_OPTIMAL) {
        const double *v = po_result_values(res);
        const req *q = &c->q[k];
        double up = 0, down = 0;
        for (int e = 0; e < nel; e++)
            if (el[e].upper)
                up += v[c->nc + e];
            else
                down += v[c->nc + e];
        if (q->col >= 0) {
            double x = v[q->col];
            if (x < q->lb)
                down = fmax(down, q->lb - x);
            if (x > q->ub)
                up = fmax(up, x - q->ub);
        }
        *upper = up >= down;
        a = up + down;
    }
    po_result_free(res);
    free(el);
    return a;
}

static void describe(cctx *c, po__findings *out, int k, double v, int upper)
{
    const po_process *p = c->p;
    const req *q = &c->q[k];
    char pb[PO_NAME_MAX + 8], b1[40], b2[40], b3[40];
    const char *P = po__period_prefix(p, q->t, pb, sizeof pb);
    const char *nm = po__req_object_name(p, q->kind, q->obj);
    int known = !isnan(v);
    double bound = NAN;
    switch (q->kind) {
    case PO_REQ_CAPACITY:
        bound = po_model_constr_ub(c->m, q->row[0]);
        if (known)
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%scapacity of %s is %s, %s would be needed "
                             "\u2014 short by %s",
                             P, nm, po__fmt_amount(bound, b1),
                             po__fmt_amount(bound + v, b2),
                             po__fmt_amount(v, b3));
        else
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%scapacity of %s is %s", P, nm,
                             po__fmt_amount(bound, b1));
        return;
    case PO_REQ_DEMAND:
        bound = q->ub;
        if (known && !upper)
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%sdemand of %s is %s, at most %s can be "
                             "delivered \u2014 short by %s",
                             P, nm, po__fmt_amount(bound, b1),
                             po__fmt_amount(bound - v, b2),
                             po__fmt_amount(v, b3));
        else if (known)
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%sdemand of %s is %s, %s would have to be "
                             "sold \u2014 %s too many",
                             P, nm, po__fmt_amount(bound, b1),
                             po__fmt_amount(bound + v, b2),
                             po__fmt_amount(v, b3));
        else
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%sdemand of %s is %s%s", P, nm,
                             po__fmt_amount(bound, b1),
                             q->lb > 0 ? " and must be met" : "");
        return;
    case PO_REQ_CONSTRAINT: {
        double lo = po_model_constr_lb(c->m, q->row[0]);
        double hi = po_model_constr_ub(c->m, q->row[0]);
        upper = known ? upper : isfinite(hi);
        bound = upper ? hi : lo;
        if (known)
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%s%s is at %s %s, %s would be needed \u2014 "
                             "%s by %s",
                             P, nm, upper ? "most" : "least",
                             po__fmt_amount(bound, b1),
                             po__fmt_amount(upper ? bound + v : bound - v, b2),
                             upper ? "over" : "under", po__fmt_amount(v, b3));
        else
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%s%s is at %s %s", P, nm,
                             upper ? "most" : "least",
                             po__fmt_amount(bound, b1));
        return;
    }
    case PO_REQ_BUY_MAX:
    case PO_REQ_STORE_MAX: {
        const char *verb = q->kind == PO_REQ_BUY_MAX ? "bought" : "stored";
        bound = q->ub;
        if (known && q->kind == PO_REQ_BUY_MAX)
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%sat most %s %s can be bought, %s would be "
                             "needed \u2014 short by %s",
                             P, po__fmt_amount(bound, b1), nm,
                             po__fmt_amount(bound + v, b2),
                             po__fmt_amount(v, b3));
        else if (known)
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%sat most %s %s can be stored, %s would have "
                             "to be \u2014 over by %s",
                             P, po__fmt_amount(bound, b1), nm,
                             po__fmt_amount(bound + v, b2),
                             po__fmt_amount(v, b3));
        else
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%sat most %s %s can be %s", P,
                             po__fmt_amount(bound, b1), nm, verb);
        return;
    }
    case PO_REQ_ACTIVITY_MIN:
        bound = q->lb;
        if (known)
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%s%s runs at least %s, at most %s is possible "
                             "\u2014 over by %s",
                             P, nm, po__fmt_amount(bound, b1),
                             po__fmt_amount(bound - v, b2),
                             po__fmt_amount(v, b3));
        else
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%s%s runs at least %s", P, nm,
                             po__fmt_amount(bound, b1));
        return;
    case PO_REQ_ACTIVITY_MAX:
        bound = q->ub;
        if (known)
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%s%s runs at most %s, %s would be needed "
                             "\u2014 short by %s",
                             P, nm, po__fmt_amount(bound, b1),
                             po__fmt_amount(bound + v, b2),
                             po__fmt_amount(v, b3));
        else
            po__findings_add(out, p, q->kind, q->obj, q->t, v,
                             "%s%s runs at most %s", P, nm,
                             po__fmt_amount(bound, b1));
        return;
    case PO_REQ_MIN_BATCH:
    default: {
        double mb = po__pv(&p->acts[q->obj].p[PO__A_MIN_BATCH], q->t, 0);
        if (known)
            po__findings_add(out, p, PO_REQ_MIN_BATCH, q->obj, q->t, v,
                             "%s%s runs 0 or at least %s (min_batch) "
                             "\u2014 off by %s",
                             P, nm, po__fmt_amount(mb, b1),
                             po__fmt_amount(v, b2));
        else
            po__findings_add(out, p, PO_REQ_MIN_BATCH, q->obj, q->t, v,
                             "%s%s runs 0 or at least %s (min_batch)", P, nm,
                             po__fmt_amount(mb, b1));
        return;
    }
    }
}

static int cmp_finding(const void *x, const void *y)
{
    const po__finding *a = x, *b = y;
    if (a->t != b->t)
        return a->t < b->t ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return (a->obj > b->obj) - (a->obj < b->obj);
}

/* ------------------------------------------------------------------ */
/* The public call                                                    */
/* ------------------------------------------------------------------ */

static void cctx_free(cctx *c)
{
    po_model_free(c->m);
    po__roles_free(&c->r);
    free(c->q);
    free(c->lb0);
    free(c->ub0);
    free(c->keep0);
    free(c->keep);
    free(c->lb);
    free(c->ub);
    free(c->wlo);
    free(c->whi);
    free(c->elb);
    free(c->wlb);
    free(c->eub);
    free(c->wub);
    po__csr_free(&c->a);
    free(c->pkeep);
    free(c->plb);
    free(c->pub);
    free(c->ov_col);
    free(c->ov_val);
}

static po_status find(cctx *c, po_conflict *cf)
{
    unsigned char *state = malloc((size_t)c->nq + 1);
    if (state == NULL)
        return PO_ENOMEM;
    /* the LP relaxation first: when it is infeasible, LPs suffice */
    memset(state, HARD, (size_t)c->nq);
    c->continuous = 1;
    int rc = test(c, state);
    if (rc != 1 && !c->st) {
        c->continuous = 0;
        rc = test(c, state);
    }
    if (rc != 1 || c->st) {
        /* feasible, or not decided */
        free(state);
        return c->st;
    }
    cf->infeasible = 1;
    c->undecided = 0;
    memset(state, SOFT, (size_t)c->nq);
    if (elastic_filter(c, state) < 0 && c->st) {
        free(state);
        return c->st;
    }
    if (deletion_filter(c, state) < 0) {
        free(state);
        return c->st;
    }
    /* a set irreducible for the LP relaxation may hold a member the
     * integer model does without: one more pass with integrality */
    if (c->continuous && po_model_num_integer_vars(c->m) > 0) {
        c->continuous = 0;
        if (deletion_filter(c, state) < 0) {
            free(state);
            return c->st;
        }
    }
    cf->minimal = !c->undecided;
    /* amounts are measured on the set alone, with integrality: found on
     * the LP relaxation, the set is also infeasible for the MIP, but an
     * amount is only meaningful for the model as it is */
    c->continuous = 0;
    for (int k = 0; k < c->nq && !c->st; k++) {
        if (state[k] != HARD)
            continue;
        int upper;
        double v = amount(c, state, k, &upper);
        describe(c, &cf->entries, k, v, upper);
    }
    free(state);
    if (!c->st && cf->entries.nomem)
        c->st = PO_ENOMEM;
    if (!c->st && cf->entries.n > 1)
        qsort(cf->entries.f, (size_t)cf->entries.n, sizeof *cf->entries.f,
              cmp_finding);
    return c->st;
}

po_status po_process_conflict(po_process *p, const po_options *opt,
                              po_conflict **out)
{
    if (out)
        *out = NULL;
    if (p == NULL || out == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (!p->validated) {
        po_status st = po__process_check(p);
        if (st)
            return st;
    }
    cctx c;
    memset(&c, 0, sizeof c);
    c.p = p;
    c.opt = opt;
    po__pmap map;
    po_status st = po__process_compile(p, 0, &c.m, &map);
    if (st)
        return st;
    st = po__roles_build(&c.r, p, &map, c.m);
    po__pmap_free(&map);
    po_conflict *cf = calloc(1, sizeof *cf);
    if (!st && cf == NULL)
        st = PO_ENOMEM;
    if (!st) {
        c.nr = c.r.nrows;
        c.nc = c.r.ncols;
        st = catalog(&c);
    }
    if (!st)
        st = find(&c, cf);
    if (cf)
        cf->solves = c.solves;
    cctx_free(&c);
    if (st) {
        po_conflict_free(cf);
        return st == PO_ENOMEM
                   ? po__perr(p, st, NULL, "conflict: out of memory")
                   : po__perr(p, st, NULL, "conflict: a solve failed (%s)",
                              po_strerror(st));
    }
    *out = cf;
    return PO_OK;
}

void po_conflict_free(po_conflict *cf)
{
    if (cf == NULL)
        return;
    po__findings_free(&cf->entries);
    free(cf);
}

int po_conflict_infeasible(const po_conflict *cf)
{
    return cf ? cf->infeasible : 0;
}

int po_conflict_is_minimal(const po_conflict *cf)
{
    return cf ? cf->minimal : 0;
}

long po_conflict_num_solves(const po_conflict *cf)
{
    return cf ? cf->solves : 0;
}

int po_conflict_num_entries(const po_conflict *cf)
{
    return cf ? cf->entries.n : 0;
}

po_status po_conflict_entry(const po_conflict *cf, int k, po_req_kind *kind,
                            const char **name, const char **period,
                            double *amount_out)
{
    if (cf == NULL)
        return PO_EINVAL;
    if (k < 0 || k >= cf->entries.n)
        return PO_ERANGE;
    const po__finding *f = &cf->entries.f[k];
    if (kind)
        *kind = f->kind;
    if (name)
        *name = f->name;
    if (period)
        *period = f->period;
    if (amount_out)
        *amount_out = f->amount;
    return PO_OK;
}

const char *po_conflict_message(const po_conflict *cf, int k)
{
    if (cf == NULL || k < 0 || k >= cf->entries.n)
        return NULL;
    return cf->entries.f[k].message;
}
