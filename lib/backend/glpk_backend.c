/*
 * glpk_backend.c -- the one file of procopt that talks to GLPK (and the
 * only one that includes <glpk.h>): solving (with sensitivity ranging and
 * warm starts from a kept basis), reading and writing files.
 *
 * Rules this file keeps, and why:
 *  - Every input is validated before the first glp_* call.  GLPK answers
 *    misuse with a fatal error that ends in abort(); the trap below is a
 *    last resort, not the way errors are found.
 *  - Every call that uses GLPK runs inside a "session": terminal output is
 *    routed to term_hook (which never lets GLPK print, keeps the last text
 *    for error messages and forwards lines to the caller's log), and
 *    error_hook traps fatal errors: it frees this thread's GLPK environment
 *    and longjmps back (as GLPK's examples/threads/multiseed.c does).  After
 *    a trap every GLPK object of the thread is gone, so nothing touches the
 *    glp_prob again.
 *  - No GLPK object outlives a procopt call, and each session ends with
 *    glp_free_env(): GLPK 5 keeps its environment in thread-local storage
 *    and frees it only on request, so a thread that exits would otherwise
 *    leak it.  (A host program that also uses GLPK directly must not keep
 *    GLPK objects in a thread while calling procopt in that same thread.)
 *  - All per-call state lives in a job struct on the heap; nothing is
 *    global, so different threads may solve different models at once.
 *    State that must survive a longjmp lives in that struct (reached
 *    through an unmodified pointer), never in locals changed after setjmp.
 */
#include "backend.h"
#include "model.h"
#include "mps_read.h"
#include "options.h"
#include "result.h"
#include "scale.h"

#include <glpk.h>

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* GLPK's own size limits (M_MAX, N_MAX and NNZ_MAX in its sources). */
#define GLPK_MAX_DIM 100000000
#define GLPK_MAX_NNZ 500000000

#define TAIL_SIZE 4096 /* last GLPK text kept for error messages */
#define LINE_SIZE 1024 /* longest log line passed at once */
#define MSG_SIZE 768

const char *po_glpk_version(void)
{
    return glp_version();
}

/* ------------------------------------------------------------------ */
/* GLPK return codes                                                  */
/* ------------------------------------------------------------------ */

const char *po__glpk_code_name(int code)
{
    switch (code) {
    case 0: return "0 (success)";
    case GLP_EBADB: return "GLP_EBADB (invalid basis)";
    case GLP_ESING: return "GLP_ESING (singular matrix)";
    case GLP_ECOND: return "GLP_ECOND (ill-conditioned matrix)";
    case GLP_EBOUND: return "GLP_EBOUND (invalid bounds)";
    case GLP_EFAIL: return "GLP_EFAIL (solver failed)";
    case GLP_EOBJLL: return "GLP_EOBJLL (objective lower limit reached)";
    case GLP_EOBJUL: return "GLP_EOBJUL (objective upper limit reached)";
    case GLP_EITLIM: return "GLP_EITLIM (iteration limit exceeded)";
    case GLP_ETMLIM: return "GLP_ETMLIM (time limit exceeded)";
    case GLP_ENOPFS: return "GLP_ENOPFS (no primal feasible solution)";
    case GLP_ENODFS: return "GLP_ENODFS (no dual feasible solution)";
    case GLP_EROOT: return "GLP_EROOT (root LP optimum not provided)";
    case GLP_ESTOP: return "GLP_ESTOP (search terminated by application)";
    case GLP_EMIPGAP: return "GLP_EMIPGAP (relative MIP gap tolerance reached)";
    case GLP_ENOFEAS: return "GLP_ENOFEAS (no primal/dual feasible solution)";
    case GLP_ENOCVG: return "GLP_ENOCVG (no convergence)";
    case GLP_EINSTAB: return "GLP_EINSTAB (numerical instability)";
    case GLP_EDATA: return "GLP_EDATA (invalid data)";
    case GLP_ERANGE: return "GLP_ERANGE (result out of range)";
    }
    return "unknown GLPK return code";
}

/* ------------------------------------------------------------------ */
/* Sessions: terminal hook, error trap                                */
/* ------------------------------------------------------------------ */

typedef struct glpk_ctx {
    jmp_buf jmp;
    po_log_fn log;
    void *log_user;
    char line[LINE_SIZE]; /* log line being assembled */
    size_t line_len;
    char tail[TAIL_SIZE]; /* the last text GLPK printed */
    size_t tail_len;
    int count_ipm;        /* parse interior-point iteration lines */
    long ipm_iters;
} glpk_ctx;

static void ctx_init(glpk_ctx *c, po_log_fn log, void *log_user)
{
    memset(c, 0, sizeof *c);
    c->log = log;
    c->log_user = log_user;
}

/* GLPK hands over pieces of lines ("file:12: " and the message are two
 * calls); the log gets whole lines. */
static void log_flush(glpk_ctx *c)
{
    if (c->line_len > 0 && c->log != NULL) {
        c->line[c->line_len] = '\0';
        c->log(c->log_user, c->line);
    }
    c->line_len = 0;
}

static void log_text(glpk_ctx *c, const char *s)
{
    if (c->log == NULL)
        return;
    for (; *s != '\0'; s++) {
        c->line[c->line_len++] = *s;
        if (*s == '\n' || c->line_len == LINE_SIZE - 1)
            log_flush(c);
    }
}

/* A note from procopt itself into the log ("procopt: ..."). */
static void ctx_note(glpk_ctx *c, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static void ctx_note(glpk_ctx *c, const char *fmt, ...)
{
    if (c->log == NULL)
        return;
    char buf[LINE_SIZE];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    log_flush(c);
    log_text(c, "procopt: ");
    log_text(c, buf);
    log_text(c, "\n");
}

static void tail_add(glpk_ctx *c, const char *s)
{
    size_t n = strlen(s);
    if (n >= TAIL_SIZE - 1) {
        s += n - (TAIL_SIZE - 1);
        n = TAIL_SIZE - 1;
        c->tail_len = 0;
    } else if (c->tail_len + n > TAIL_SIZE - 1) {
        size_t keep = TAIL_SIZE - 1 - n;
        memmove(c->tail, c->tail + c->tail_len - keep, keep);
        c->tail_len = keep;
    }
    memcpy(c->tail + c->tail_len, s, n);
    c->tail_len += n;
    c->tail[c->tail_len] = '\0';
}

static void tail_clear(glpk_ctx *c)
{
    c->tail_len = 0;
    c->tail[0] = '\0';
}

/* glp_interior does not update the iteration count of the problem; its
 * progress lines ("%3d: obj = ...; rpi = ...") are the only public record
 * of how many iterations it made. */
static void note_ipm_line(glpk_ctx *c, const char *s)
{
    while (*s == ' ')
        s++;
    if (!isdigit((unsigned char)*s))
        return;
    char *end;
    long k = strtol(s, &end, 10);
    if (strncmp(end, ": obj =", 7) == 0 && strstr(end, "rpi =") != NULL &&
        k > c->ipm_iters)
        c->ipm_iters = k;
}

static int term_hook(void *info, const char *s)
{
    glpk_ctx *c = info;
    tail_add(c, s);
    if (c->count_ipm)
        note_ipm_line(c, s);
    log_text(c, s);
    return 1; /* nonzero: GLPK prints nothing itself */
}

static void error_hook(void *info)
{
    glpk_ctx *c = info;
    /* Frees every GLPK object of this thread and the environment itself
     * (with both hooks); GLPK calls abort() if the hook returns, so it must
     * not return. */
    glp_free_env();
    longjmp(c->jmp, 1);
}

/* Call right after setjmp(c->jmp). */
static void session_begin(glpk_ctx *c)
{
    /* Terminal output must be on for the hook to see anything (read errors
     * are printed through it); the hook swallows all of it. */
    glp_term_out(GLP_ON);
    glp_term_hook(term_hook, c);
    glp_error_hook(error_hook, c);
}

static void session_end(glpk_ctx *c)
{
    log_flush(c);
    /* Also uninstalls both hooks.  After a trap the environment is already
     * gone and this is a no-op. */
    glp_free_env();
}

/* Split a copy of the tail into lines; returns the count. */
static int tail_lines(const glpk_ctx *c, char *buf, size_t size, char **lines,
                      int max)
{
    snprintf(buf, size, "%s", c->tail);
    int n = 0;
    char *p = buf;
    while (*p != '\0' && n < max) {
        char *nl = strchr(p, '\n');
        if (nl != NULL)
            *nl = '\0';
        while (*p == ' ')
            p++;
        if (*p != '\0')
            lines[n++] = p;
        if (nl == NULL)
            break;
        p = nl + 1;
    }
    return n;
}

/* Turn a trapped fatal error into a status with GLPK's message.  GLPK's
 * fatal-error text is "<message>\nError detected in file F at line N\n". */
static po_status trap_status(po_model *model, const glpk_ctx *c,
                             const char *fn)
{
    char buf[TAIL_SIZE];
    char *lines[128];
    int n = tail_lines(c, buf, sizeof buf, lines, 128);
    const char *msg = "unknown error", *where = "";
    for (int k = n - 1; k >= 0; k--) {
        if (strncmp(lines[k], "Error detected in file", 22) == 0) {
            where = lines[k];
            if (k > 0)
                msg = lines[k - 1];
            break;
        }
    }
    if (*where == '\0' && n > 0)
        msg = lines[n - 1];
    po_status st = PO_ESOLVER;
    if (strstr(msg, "no memory") != NULL ||
        strstr(msg, "memory limit exceeded") != NULL)
        st = PO_ENOMEM;
    if (model == NULL)
        return st;
    if (*where != '\0')
        return po__model_fail(model, st, "%s: GLPK fatal error: %s (%s)", fn,
                              msg, where);
    return po__model_fail(model, st, "%s: GLPK fatal error: %s", fn, msg);
}

/* ------------------------------------------------------------------ */
/* Loading a model into GLPK                                          */
/* ------------------------------------------------------------------ */

/* A model checked and converted for GLPK (1-based matrix arrays). */
typedef struct prep {
    int m, n;          /* rows and columns given to GLPK */
    int ne;            /* nonzeros given to GLPK */
    int *row_of;       /* model row -> GLPK row (1-based), 0 = dropped */
    int *ia, *ja;      /* [1..ne] */
    double *ar;
    double *clb, *cub; /* column bounds to load (integers rounded) */
    int nint;
    int empty_int_col; /* integer column with no integer value, or -1 */
} prep;

static void prep_free(prep *L)
{
    free(L->row_of);
    free(L->ia);
    free(L->ja);
    free(L->ar);
    free(L->clb);
    free(L->cub);
    memset(L, 0, sizeof *L);
}

static po_status check_value(po_model *mod, const char *fn, const char *what,
                             const char *name, double v, int inf_ok_sign)
{
    /* inf_ok_sign: 0 none allowed, -1 only -inf, +1 only +inf */
    if (isnan(v))
        return po__model_fail(mod, PO_ENAN, "%s: %s of \"%s\" is NaN", fn,
                              what, name);
    if (isinf(v) && (inf_ok_sign == 0 || (v > 0) != (inf_ok_sign > 0)))
        return po__model_fail(mod, PO_EINF, "%s: %s of \"%s\" is %s", fn, what,
                              name, v > 0 ? "+infinity" : "-infinity");
    return PO_OK;
}

/* Integer bounds within this distance of an integer are taken as that
 * integer, so 2.9999999999 from a computation does not lose the value 3. */
static double int_lb(double lb)
{
    if (isinf(lb))
        return lb;
    double r = nearbyint(lb);
    return fabs(lb - r) <= 1e-9 * fmax(1.0, fabs(lb)) ? r : ceil(lb);
}

static double int_ub(double ub)
{
    if (isinf(ub))
        return ub;
    double r = nearbyint(ub);
    return fabs(ub - r) <= 1e-9 * fmax(1.0, fabs(ub)) ? r : floor(ub);
}

/*
 * Check every number, index and size GLPK will see, and build its arrays.
 * drop_free_rows: rows with no finite bound are left out (file writers:
 * they constrain nothing and GLPK's MPS/LP writers cannot represent them).
 * round_int: integer columns get integral bounds (glp_intopt requires them).
 */
static po_status prep_model(po_model *mod, const char *fn, prep *L,
                            int drop_free_rows, int round_int)
{
    memset(L, 0, sizeof *L);
    L->empty_int_col = -1;
    int m = mod->nrows, n = mod->ncols;
    if (m < 0 || n < 0 || mod->nnz < 0)
        return po__model_fail(mod, PO_EINVAL, "%s: corrupt model sizes", fn);
    if (m > GLPK_MAX_DIM || n > GLPK_MAX_DIM)
        return po__model_fail(mod, PO_ETOOBIG,
                              "%s: %d constraints and %d variables exceed "
                              "GLPK's limit of %d",
                              fn, m, n, GLPK_MAX_DIM);
    if (mod->nnz > GLPK_MAX_NNZ)
        return po__model_fail(mod, PO_ETOOBIG,
                              "%s: %ld nonzeros exceed GLPK's limit of %d", fn,
                              mod->nnz, GLPK_MAX_NNZ);
    if (isnan(mod->obj_constant))
        return po__model_fail(mod, PO_ENAN, "%s: objective constant is NaN",
                              fn);
    if (isinf(mod->obj_constant))
        return po__model_fail(mod, PO_EINF,
                              "%s: objective constant is infinite", fn);
    if (mod->sense != PO_MINIMIZE && mod->sense != PO_MAXIMIZE)
        return po__model_fail(mod, PO_EINVAL, "%s: bad objective sense %d",
                              fn, (int)mod->sense);

    po_status st;
    for (int j = 0; j < n; j++) {
        const char *nm = mod->col_name[j];
        double lb = mod->col_lb[j], ub = mod->col_ub[j];
        if ((st = check_value(mod, fn, "lower bound", nm, lb, -1)) ||
            (st = check_value(mod, fn, "upper bound", nm, ub, +1)) ||
            (st = check_value(mod, fn, "objective coefficient", nm,
                              mod->col_obj[j], 0)))
            return st;
        if (lb > ub)
            return po__model_fail(mod, PO_EBOUNDS,
                                  "%s: variable \"%s\" has lower bound %g > "
                                  "upper bound %g",
                                  fn, nm, lb, ub);
        if (mod->col_type[j] > PO_BINARY)
            return po__model_fail(mod, PO_EINVAL,
                                  "%s: variable \"%s\" has bad type %d", fn,
                                  nm, mod->col_type[j]);
        if (mod->col_type[j] != PO_CONTINUOUS)
            L->nint++;
    }
    for (int i = 0; i < m; i++) {
        const char *nm = mod->row_name[i];
        double lb = mod->row_lb[i], ub = mod->row_ub[i];
        if ((st = check_value(mod, fn, "lower bound", nm, lb, -1)) ||
            (st = check_value(mod, fn, "upper bound", nm, ub, +1)))
            return st;
        if (lb > ub)
            return po__model_fail(mod, PO_EBOUNDS,
                                  "%s: constraint \"%s\" has lower bound %g > "
                                  "upper bound %g",
                                  fn, nm, lb, ub);
    }

    size_t nnz = (size_t)mod->nnz;
    L->row_of = malloc(((size_t)m + 1) * sizeof(int));
    int *start = calloc((size_t)m + 2, sizeof(int));
    int *mark = malloc(((size_t)n + 1) * sizeof(int));
    L->ia = malloc((nnz + 1) * sizeof(int));
    L->ja = malloc((nnz + 1) * sizeof(int));
    L->ar = malloc((nnz + 1) * sizeof(double));
    L->clb = malloc(((size_t)n + 1) * sizeof(double));
    L->cub = malloc(((size_t)n + 1) * sizeof(double));
    if (!L->row_of || !start || !mark || !L->ia || !L->ja || !L->ar ||
        !L->clb || !L->cub) {
        free(start);
        free(mark);
        prep_free(L);
        return po__model_fail(mod, PO_ENOMEM, "%s: out of memory", fn);
    }

    for (int i = 0; i < m; i++) {
        int is_free = isinf(mod->row_lb[i]) && isinf(mod->row_ub[i]);
        L->row_of[i] = drop_free_rows && is_free ? 0 : ++L->m;
    }
    L->n = n;

    /* Entries grouped by row (counting sort), which also finds a variable
     * twice in a row: glp_load_matrix would stop the process on that. */
    for (size_t k = 0; k < nnz; k++) {
        int i = mod->nz_row[k], j = mod->nz_col[k];
        double v = mod->nz_val[k];
        if (i < 0 || i >= m || j < 0 || j >= n) {
            free(start);
            free(mark);
            prep_free(L);
            return po__model_fail(mod, PO_ERANGE,
                                  "%s: matrix entry %zu has row %d, column %d "
                                  "(model has %d rows, %d columns)",
                                  fn, k, i, j, m, n);
        }
        if (!isfinite(v)) {
            po_status s2 = isnan(v) ? PO_ENAN : PO_EINF;
            po__model_fail(mod, s2,
                           "%s: coefficient of \"%s\" in \"%s\" is %s", fn,
                           mod->col_name[j], mod->row_name[i],
                           isnan(v) ? "NaN" : "infinite");
            free(start);
            free(mark);
            prep_free(L);
            return s2;
        }
        if (v != 0 && L->row_of[i] != 0)
            start[i + 2]++;
    }
    for (int i = 0; i < m; i++)
        start[i + 2] += start[i + 1];
    for (size_t k = 0; k < nnz; k++) {
        int i = mod->nz_row[k];
        if (mod->nz_val[k] == 0 || L->row_of[i] == 0)
            continue;
        int p = ++start[i + 1]; /* 1-based slot */
        L->ia[p] = L->row_of[i];
        L->ja[p] = mod->nz_col[k] + 1;
        L->ar[p] = mod->nz_val[k];
    }
    L->ne = start[m];
    for (int j = 0; j <= n; j++)
        mark[j] = 0;
    for (int i = 0; i < m; i++) {
        for (int p = start[i] + 1; p <= start[i + 1]; p++) {
            int j = L->ja[p];
            if (mark[j] == i + 1) {
                po__model_fail(mod, PO_EDUPENTRY,
                               "%s: variable \"%s\" appears twice in "
                               "constraint \"%s\"",
                               fn, mod->col_name[j - 1], mod->row_name[i]);
                free(start);
                free(mark);
                prep_free(L);
                return PO_EDUPENTRY;
            }
            mark[j] = i + 1;
        }
    }
    free(start);
    free(mark);

    for (int j = 0; j < n; j++) {
        double lb = mod->col_lb[j], ub = mod->col_ub[j];
        if (mod->col_type[j] == PO_BINARY) {
            lb = fmax(lb, 0.0);
            ub = fmin(ub, 1.0);
        }
        if (round_int && mod->col_type[j] != PO_CONTINUOUS) {
            lb = int_lb(lb);
            ub = int_ub(ub);
            if (lb > ub) {
                if (L->empty_int_col < 0)
                    L->empty_int_col = j;
                ub = lb; /* never loaded: the MIP is infeasible */
            }
        }
        L->clb[j] = lb;
        L->cub[j] = ub;
    }
    return PO_OK;
}

static int bound_type(double lb, double ub)
{
    if (isinf(lb))
        return isinf(ub) ? GLP_FR : GLP_UP;
    if (isinf(ub))
        return GLP_LO;
    return lb == ub ? GLP_FX : GLP_DB;
}

static void set_row(glp_prob *P, int i, double lb, double ub)
{
    int t = bound_type(lb, ub);
    glp_set_row_bnds(P, i, t, isinf(lb) ? 0.0 : lb, isinf(ub) ? 0.0 : ub);
}

static void set_col(glp_prob *P, int j, double lb, double ub)
{
    int t = bound_type(lb, ub);
    glp_set_col_bnds(P, j, t, isinf(lb) ? 0.0 : lb, isinf(ub) ? 0.0 : ub);
}

/* Inside a session only.  Names are loaded only for writing files: GLPK
 * does not need them to solve. */
static void load_prob(glp_prob *P, const po_model *mod, const prep *L,
                      int with_names, int as_mip)
{
    glp_set_obj_dir(P, mod->sense == PO_MAXIMIZE ? GLP_MAX : GLP_MIN);
    glp_set_obj_coef(P, 0, mod->obj_constant);
    if (with_names && mod->name != NULL && mod->name[0] != '\0')
        glp_set_prob_name(P, mod->name);
    if (L->m > 0)
        glp_add_rows(P, L->m);
    if (L->n > 0)
        glp_add_cols(P, L->n);
    for (int i = 0; i < mod->nrows; i++) {
        int gi = L->row_of[i];
        if (gi == 0)
            continue;
        set_row(P, gi, mod->row_lb[i], mod->row_ub[i]);
        if (with_names)
            glp_set_row_name(P, gi, mod->row_name[i]);
    }
    for (int j = 0; j < L->n; j++) {
        set_col(P, j + 1, L->clb[j], L->cub[j]);
        glp_set_obj_coef(P, j + 1, mod->col_obj[j]);
        if (as_mip && mod->col_type[j] != PO_CONTINUOUS)
            glp_set_col_kind(P, j + 1, GLP_IV);
        if (with_names)
            glp_set_col_name(P, j + 1, mod->col_name[j]);
    }
    if (L->ne > 0)
        glp_load_matrix(P, L->ne, L->ia, L->ja, L->ar);
}

/* ------------------------------------------------------------------ */
/* Solving                                                            */
/* ------------------------------------------------------------------ */

typedef struct solve_job {
    glpk_ctx c;
    po_model *model;
    po_options opt;
    prep L;
    po_result *r;
    glp_prob *P;
    struct timespec t0;
    /* MIP search as last seen by the callback */
    long mip_iters, mip_nodes;
    double mip_bound;
    int have_bound;
    int stopped; /* the callback ended the search (iteration limit) */
    int heur_calls; /* PO_HEUR_LP_ROUNDING runs so far (mip_lp_rounding) */
    long heur_next; /* node count at which it runs next */
    double heur_time; /* seconds spent in it */
    const char *fn;         /* "po_solve" or "po_solve_warm", for messages */
    const po_result *start; /* po_solve_warm: basis to start from, or NULL */
    int basis_opt;  /* J->P holds an optimal basis of the solution in J->r */
    int have_basis; /* J->r's basis arrays were filled */
    int have_sens;  /* J->r's sensitivity arrays were filled */
    int in_sens;    /* inside the ranging: a trap loses only the ranges */
    int *ind;       /* ranging work arrays (ncols + 1), allocated before */
    double *val;    /* GLPK runs */
    double *scale;  /* PO_SCALE_OWN: row then column factors (L.m + L.n) */
    int scaled;     /* options.scaling applied to P (ensure_scaled) */
    int wide;       /* PO_METHOD_AUTO took dual simplex, long-step ratio
                       test (auto_wide) */
} solve_job;

static double elapsed(const solve_job *J)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)(t.tv_sec - J->t0.tv_sec) +
           1e-9 * (double)(t.tv_nsec - J->t0.tv_nsec);
}

/* Remaining time for GLPK's tm_lim (milliseconds; INT_MAX = none). */
static int tm_left(const solve_job *J)
{
    if (!(J->opt.time_limit > 0) || isinf(J->opt.time_limit))
        return INT_MAX;
    double left = (J->opt.time_limit - elapsed(J)) * 1000.0;
    if (left < 1.0)
        return 1;
    return left >= (double)INT_MAX ? INT_MAX : (int)ceil(left);
}

/* Remaining simplex iterations for GLPK's it_lim (INT_MAX = none). */
static int it_left(const solve_job *J)
{
    if (J->opt.iteration_limit <= 0)
        return INT_MAX;
    long left = J->opt.iteration_limit - glp_get_it_cnt(J->P);
    if (left < 0)
        left = 0;
    return left >= INT_MAX ? INT_MAX : (int)left;
}

static void count_iterations(solve_job *J)
{
    long its = glp_get_it_cnt(J->P);
    if (J->mip_iters > its)
        its = J->mip_iters;
    J->r->iterations = J->c.ipm_iters + its;
}

/* The simplex method of PO_METHOD_AUTO (when auto_interior does not take
 * the interior point method) is primal: on the 90 netlib LPs (presolver on,
 * scaled, advanced basis) it beat GLP_DUALP on 70, took 38 s in all against
 * 86 s, and solved dfl001 in 62 s where GLP_DUALP ran past 120 s
 * (measured with po_solve, one run each, 2 cores, other jobs running); in
 * the sweep of docs/benchmarks.md ("LP defaults") dual simplex with the
 * long-step ratio test was 1.02x-1.10x its CPU time.  A failing run is
 * retried with the other method. */
static int glpk_method(po_method m)
{
    switch (m) {
    case PO_METHOD_DUAL: return GLP_DUAL;
    default: return GLP_PRIMAL;
    }
}

static const char *meth_name(int meth)
{
    return meth == GLP_PRIMAL ? "primal simplex"
           : meth == GLP_DUAL ? "dual simplex"
                              : "dual simplex (primal fallback)";
}

/* ---- Options -> GLPK's control parameters ----
 * The AUTO values are procopt's measured defaults (docs/benchmarks.md,
 * "Defaults that win"; bench/tune.sh and bench/tune-results.md). */

static int glpk_pricing(const po_options *o)
{
    return o->lp_pricing == PO_PRICING_DANTZIG ? GLP_PT_STD : GLP_PT_PSE;
}

static int glpk_ratio_test(const po_options *o)
{
    return o->lp_ratio_test == PO_RATIO_FLIP ? GLP_RT_FLIP : GLP_RT_HAR;
}

static void lp_params(solve_job *J, glp_smcp *p)
{
    p->pricing = glpk_pricing(&J->opt);
    p->r_test = J->wide && J->opt.lp_ratio_test == PO_RATIO_AUTO
                    ? GLP_RT_FLIP
                    : glpk_ratio_test(&J->opt);
    ctx_note(&J->c, "simplex: %s, %s pricing, %s ratio test, presolver %s",
             meth_name(p->meth),
             p->pricing == GLP_PT_PSE ? "steepest edge" : "Dantzig",
             p->r_test == GLP_RT_FLIP ? "long-step" : "Harris",
             p->presolve == GLP_ON ? "on" : "off");
}

/* PO_BRANCH_AUTO is hybrid pseudocost: on 20 MIPLIB 3 instances (6 CPU
 * seconds each) it solved 19 where Driebeck-Tomlin solved 16
 * (docs/benchmarks.md, "MIP defaults"). */
static int glpk_branching(const po_options *o)
{
    switch (o->mip_branching) {
    case PO_BRANCH_DRIEBECK_TOMLIN: return GLP_BR_DTH;
    case PO_BRANCH_MOST_FRACTIONAL: return GLP_BR_MFV;
    case PO_BRANCH_FIRST: return GLP_BR_FFV;
    case PO_BRANCH_LAST: return GLP_BR_LFV;
    default: return GLP_BR_PCH;
    }
}

static int glpk_backtrack(const po_options *o)
{
    switch (o->mip_backtrack) {
    case PO_BACKTRACK_BEST_PROJECTION: return GLP_BT_BPH;
    case PO_BACKTRACK_DEPTH_FIRST: return GLP_BT_DFS;
    case PO_BACKTRACK_BREADTH_FIRST: return GLP_BT_BFS;
    default: return GLP_BT_BLB;
    }
}

static int on_off(int flag)
{
    return flag ? GLP_ON : GLP_OFF;
}

/* Everything of glp_iocp that options decide, but the limits. */
static void mip_params(solve_job *J, glp_iocp *p)
{
    static const char *const br_names[] = {
        "", "first fractional", "last fractional", "most fractional",
        "Driebeck-Tomlin", "pseudocost"};
    static const char *const bt_names[] = {
        "", "depth first", "breadth first", "best bound", "best projection"};
    const po_options *o = &J->opt;
    int cuts = o->mip_cuts ? o->mip_cut_kinds : 0;
    int heur = o->mip_heuristics;
    p->gmi_cuts = on_off(cuts & PO_CUT_GOMORY);
    p->mir_cuts = on_off(cuts & PO_CUT_MIR);
    p->cov_cuts = on_off(cuts & PO_CUT_COVER);
    p->clq_cuts = on_off(cuts & PO_CUT_CLIQUE);
    p->br_tech = glpk_branching(o);
    p->bt_tech = glpk_backtrack(o);
    p->sr_heur = on_off(heur & PO_HEUR_ROUNDING);
    p->fp_heur = on_off(heur & PO_HEUR_FPUMP);
    p->ps_heur = on_off(heur & PO_HEUR_PROXIMITY);
    /* proximity search has its own clock: never past the time left */
    double ps = o->mip_proximity_time * 1000.0;
    int left = tm_left(J);
    p->ps_tm_lim = ps >= (double)left ? left : (int)ceil(ps);
    p->binarize = on_off(o->mip_binarize && p->presolve == GLP_ON);
    p->flip = on_off(o->lp_ratio_test == PO_RATIO_FLIP);
    ctx_note(&J->c,
             "branch-and-cut: %s branching, %s backtracking, cuts%s%s%s%s%s, "
             "heuristics%s%s%s%s%s, binarize %s, %s ratio test",
             br_names[p->br_tech], bt_names[p->bt_tech],
             cuts == 0 ? " none" : "",
             cuts & PO_CUT_GOMORY ? " gomory" : "",
             cuts & PO_CUT_MIR ? " mir" : "",
             cuts & PO_CUT_COVER ? " cover" : "",
             cuts & PO_CUT_CLIQUE ? " clique" : "", heur == 0 ? " none" : "",
             heur & PO_HEUR_ROUNDING ? " rounding" : "",
             heur & PO_HEUR_FPUMP ? " fpump" : "",
             heur & PO_HEUR_PROXIMITY ? " proximity" : "",
             heur & PO_HEUR_LP_ROUNDING ? " lp-rounding" : "",
             p->binarize == GLP_ON ? "on" : "off",
             p->flip == GLP_ON ? "long-step" : "Harris");
}

static void ensure_scaled(solve_job *J);

static int simplex_call(solve_job *J, int meth, int presolve)
{
    if (!presolve)
        ensure_scaled(J);
    glp_smcp p;
    glp_init_smcp(&p);
    p.msg_lev = J->c.log != NULL ? GLP_MSG_ALL : GLP_MSG_ERR;
    p.meth = meth;
    p.presolve = presolve ? GLP_ON : GLP_OFF;
    lp_params(J, &p);
    p.it_lim = it_left(J);
    p.tm_lim = tm_left(J);
    int ret = glp_simplex(J->P, &p);
    count_iterations(J);
    return ret;
}

static void fill_basic(solve_job *J, int with_duals)
{
    glp_prob *P = J->P;
    po_result *r = J->r;
    r->objective = glp_get_obj_val(P);
    for (int j = 0; j < r->ncols; j++) {
        r->values[j] = glp_get_col_prim(P, j + 1);
        if (with_duals)
            r->redcosts[j] = glp_get_col_dual(P, j + 1);
    }
    for (int i = 0; i < r->nrows; i++) {
        r->activities[i] = glp_get_row_prim(P, i + 1);
        if (with_duals)
            r->duals[i] = glp_get_row_dual(P, i + 1);
    }
}

static void fill_ipt(solve_job *J)
{
    glp_prob *P = J->P;
    po_result *r = J->r;
    r->objective = glp_ipt_obj_val(P);
    for (int j = 0; j < r->ncols; j++) {
        r->values[j] = glp_ipt_col_prim(P, j + 1);
        r->redcosts[j] = glp_ipt_col_dual(P, j + 1);
    }
    for (int i = 0; i < r->nrows; i++) {
        r->activities[i] = glp_ipt_row_prim(P, i + 1);
        r->duals[i] = glp_ipt_row_dual(P, i + 1);
    }
}

static void fill_mip(solve_job *J)
{
    glp_prob *P = J->P;
    po_result *r = J->r;
    r->objective = glp_mip_obj_val(P);
    for (int j = 0; j < r->ncols; j++)
        r->values[j] = glp_mip_col_val(P, j + 1);
    for (int i = 0; i < r->nrows; i++)
        r->activities[i] = glp_mip_row_val(P, i + 1);
}

/* Basis statuses: procopt's po_basis_status <-> GLPK's GLP_BS ... */
static unsigned char po_stat(int glp_stat)
{
    switch (glp_stat) {
    case GLP_NL: return PO_BASIS_LOWER;
    case GLP_NU: return PO_BASIS_UPPER;
    case GLP_NF: return PO_BASIS_FREE;
    case GLP_NS: return PO_BASIS_FIXED;
    default: return PO_BASIS_BASIC;
    }
}

static int glp_stat_of(unsigned char po_stat_value)
{
    switch (po_stat_value) {
    case PO_BASIS_LOWER: return GLP_NL;
    case PO_BASIS_UPPER: return GLP_NU;
    case PO_BASIS_FREE: return GLP_NF;
    case PO_BASIS_FIXED: return GLP_NS;
    default: return GLP_BS;
    }
}

/* The optimal basis of an LP, or of a MIP's fixed LP (the arrays are
 * allocated before the solve, so nothing can fail here). */
static void keep_basis(solve_job *J)
{
    glp_prob *P = J->P;
    po_result *r = J->r;
    J->basis_opt = 1;
    if (r->row_stat == NULL)
        return;
    for (int i = 0; i < r->nrows; i++)
        r->row_stat[i] = po_stat(glp_get_row_stat(P, i + 1));
    for (int j = 0; j < r->ncols; j++)
        r->col_stat[j] = po_stat(glp_get_col_stat(P, j + 1));
    J->have_basis = 1;
}

/* What the result keeps: set by the solve paths, applied at the end. */
enum { KEEP_NONE, KEEP_PRIMAL, KEEP_ALL };

static po_status unexpected(solve_job *J, const char *call, int ret)
{
    return po__model_fail(J->model, PO_ESOLVER,
                          "%s: %s returned %s, which procopt does not "
                          "expect here",
                          J->fn, call, po__glpk_code_name(ret));
}

/* Tell infeasible from unbounded by primal simplex without presolver
 * (GLPK's presolver and dual simplex can only say "no dual feasible
 * solution").  Returns the outcome. */
static po_outcome classify_lp(solve_job *J)
{
    ctx_note(&J->c, "no dual feasible solution: primal simplex without "
                    "presolver to tell infeasible from unbounded");
    glp_std_basis(J->P);
    int ret = simplex_call(J, GLP_PRIMAL, 0);
    if (ret == 0) {
        int st = glp_get_status(J->P);
        if (st == GLP_NOFEAS)
            return PO_OUTCOME_INFEASIBLE;
        if (st == GLP_UNBND)
            return PO_OUTCOME_UNBOUNDED;
    }
    if (ret == GLP_ETMLIM)
        return PO_OUTCOME_TIME_LIMIT;
    if (ret == GLP_EITLIM)
        return PO_OUTCOME_ITERATION_LIMIT;
    return PO_OUTCOME_INF_OR_UNBD;
}

static int is_simplex_failure(int ret)
{
    return ret == GLP_EBADB || ret == GLP_ESING || ret == GLP_ECOND ||
           ret == GLP_EFAIL;
}

/* The outcome of the last glp_simplex call on an LP. */
static po_status finish_simplex(solve_job *J, int ret, int *keep)
{
    glp_prob *P = J->P;
    po_result *r = J->r;
    *keep = KEEP_NONE;
    switch (ret) {
    case 0: {
        int st = glp_get_status(P);
        if (st == GLP_OPT) {
            r->outcome = PO_OUTCOME_OPTIMAL;
            fill_basic(J, 1);
            keep_basis(J);
            *keep = KEEP_ALL;
        } else if (st == GLP_NOFEAS) {
            r->outcome = PO_OUTCOME_INFEASIBLE;
        } else if (st == GLP_UNBND) {
            r->outcome = PO_OUTCOME_UNBOUNDED;
        } else if (glp_get_dual_stat(P) == GLP_NOFEAS) {
            r->outcome = classify_lp(J);
        } else {
            r->outcome = PO_OUTCOME_NUMERICAL;
        }
        return PO_OK;
    }
    case GLP_EITLIM:
    case GLP_ETMLIM:
        r->outcome = ret == GLP_EITLIM ? PO_OUTCOME_ITERATION_LIMIT
                                       : PO_OUTCOME_TIME_LIMIT;
        /* primal simplex in phase 2 stops on a feasible point: keep it */
        if (glp_get_prim_stat(P) == GLP_FEAS) {
            fill_basic(J, 0);
            *keep = KEEP_PRIMAL;
        }
        return PO_OK;
    case GLP_ENOPFS:
        r->outcome = PO_OUTCOME_INFEASIBLE;
        return PO_OK;
    case GLP_ENODFS:
        r->outcome = classify_lp(J);
        return PO_OK;
    case GLP_EBADB:
    case GLP_ESING:
    case GLP_ECOND:
    case GLP_EFAIL:
        r->outcome = PO_OUTCOME_NUMERICAL;
        return PO_OK;
    default:
        /* GLP_EBOUND (bounds are checked first), GLP_EOBJLL/GLP_EOBJUL
         * (no objective limits are set) and the codes of other solvers */
        return unexpected(J, "glp_simplex", ret);
    }
}

/* ---- Interior point and crossover ---- */

static const char *sol_stat_name(int stat)
{
    switch (stat) {
    case GLP_OPT: return "optimal";
    case GLP_FEAS: return "feasible";
    case GLP_INFEAS: return "infeasible (intermediate)";
    case GLP_NOFEAS: return "no feasible solution";
    case GLP_UNBND: return "unbounded";
    default: return "undefined";
    }
}

/*
 * Where the interior point puts row k (k <= m) or column k - m of P:
 * GLP_BS strictly between its bounds, else GLP_NL / GLP_NU / GLP_NS / GLP_NF
 * (GLPK corrects a status to the bound type when it is set).  With
 * `nonbasic` the nearer bound even for a point strictly inside.  An interior
 * point only approaches its bounds, so "at a bound" is decided as
 * complementarity suggests: the distance to the nearer bound against the
 * size of the reduced cost, both in GLPK's scaled units (a row's activity
 * is scaled by r, its dual by 1/r; a column's value by 1/s, its reduced
 * cost by s), or else the choice would depend on the units of the data; a
 * bound nearer than 1e-9 (relative) counts as reached whatever the dual.
 */
static int ipt_stat(glp_prob *P, int k, int m, int nonbasic)
{
    int type;
    double lb, ub, x, d, w;
    if (k <= m) {
        type = glp_get_row_type(P, k);
        lb = glp_get_row_lb(P, k);
        ub = glp_get_row_ub(P, k);
        x = glp_ipt_row_prim(P, k);
        d = glp_ipt_row_dual(P, k);
        double r = glp_get_rii(P, k);
        w = r * r;
    } else {
        type = glp_get_col_type(P, k - m);
        lb = glp_get_col_lb(P, k - m);
        ub = glp_get_col_ub(P, k - m);
        x = glp_ipt_col_prim(P, k - m);
        d = glp_ipt_col_dual(P, k - m);
        double s = glp_get_sjj(P, k - m);
        w = 1.0 / (s * s);
    }
    if (type == GLP_FR)
        return nonbasic ? GLP_NF : GLP_BS;
    if (type == GLP_FX)
        return GLP_NS;
    double dl = type == GLP_UP ? INFINITY : x - lb;
    double du = type == GLP_LO ? INFINITY : ub - x;
    int upper = du < dl;
    double dist = upper ? du : dl, bnd = upper ? ub : lb;
    int at = upper ? GLP_NU : GLP_NL;
    if (nonbasic || dist <= 1e-9 * (1.0 + fabs(bnd)))
        return at;
    return dist * w > fabs(d) ? GLP_BS : at;
}

/* Bounds of every row and column exactly as load_prob set them. */
static void restore_bounds(solve_job *J)
{
    const po_model *mod = J->model;
    const prep *L = &J->L;
    for (int i = 0; i < mod->nrows; i++)
        if (L->row_of[i] != 0)
            set_row(J->P, L->row_of[i], mod->row_lb[i], mod->row_ub[i]);
    for (int j = 0; j < L->n; j++)
        set_col(J->P, j + 1, L->clb[j], L->cub[j]);
}

/* Non-basic row (k <= m) or column k - m: its bound on the side the
 * interior point chose moved to the interior point's value x, so that the
 * basic solution is that point (a variable GLPK's simplex keeps at a bound
 * cannot sit inside; this is how a "superbasic" value is kept).  The other
 * bound stays. */
static void shift_bound(glp_prob *P, int k, int m)
{
    int row = k <= m, t = row ? k : k - m;
    int type = row ? glp_get_row_type(P, t) : glp_get_col_type(P, t);
    if (type == GLP_FX && !row)
        return; /* a fixed column is where it must be */
    double lb = row ? glp_get_row_lb(P, t) : glp_get_col_lb(P, t);
    double ub = row ? glp_get_row_ub(P, t) : glp_get_col_ub(P, t);
    double x = row ? glp_ipt_row_prim(P, t) : glp_ipt_col_prim(P, t);
    int has_lb = type == GLP_LO || type == GLP_DB || type == GLP_FX;
    int has_ub = type == GLP_UP || type == GLP_DB || type == GLP_FX;
    int nt, stat;
    double nl = x, nu = x;
    if (type == GLP_FX) {
        nt = GLP_FX; /* an equation: its right-hand side at the activity */
    } else if (ipt_stat(P, k, m, 1) == GLP_NU) {
        nt = has_lb ? (lb < x ? GLP_DB : GLP_FX) : GLP_UP;
        nl = lb;
    } else {
        nt = has_ub ? (ub > x ? GLP_DB : GLP_FX) : GLP_LO;
        nu = ub;
    }
    if (nt == GLP_FX)
        nl = nu = x;
    stat = nt == GLP_FX ? GLP_NS : nt == GLP_UP || (nt == GLP_DB && nu == x)
                                       ? GLP_NU
                                       : GLP_NL;
    if (row) {
        glp_set_row_bnds(P, t, nt, nl, nu);
        glp_set_row_stat(P, t, stat);
    } else {
        glp_set_col_bnds(P, t, nt, nl, nu);
        glp_set_col_stat(P, t, stat);
    }
}

/*
 * A basis from the interior point, for the simplex method to finish from.
 * The rows and columns strictly inside their bounds are the candidates for
 * the basis; as they are they seldom make one (a degenerate or not
 * strictly complementary point gives too many or too few, and they may be
 * linearly dependent).  glp_adv_basis picks the basis: it builds a
 * triangular basis from the fixed rows and the columns that are not fixed
 * (GLPK's advbas.c), then completes it with row slacks.  So for the moment
 * the candidate rows and columns are made free and every other row and
 * column fixed: it takes as many candidate columns as form a triangular,
 * hence nonsingular, matrix with the rows at their bounds.  The bounds go
 * back as they were loaded; then, with `shift`, every non-basic row and
 * column gets its bound on the interior point's side moved to the point
 * (shift_bound), so
 * that the basis is primal feasible at the start: candidates left out and
 * nearly active bounds are kept where the interior point put them instead
 * of being pushed to a bound (which on netlib e226 and finnis took twice
 * the simplex iterations).  Returns glp_warm_up's code (0: the basis is
 * factorized, its primal and dual values computed).
 */
static int crossover_basis(solve_job *J, int shift)
{
    glp_prob *P = J->P;
    int m = J->L.m, n = J->L.n;
    for (int i = 1; i <= m; i++)
        glp_set_row_bnds(P, i, ipt_stat(P, i, m, 0) == GLP_BS ? GLP_FR
                                                               : GLP_FX,
                         0.0, 0.0);
    for (int j = 1; j <= n; j++)
        glp_set_col_bnds(P, j, ipt_stat(P, m + j, m, 0) == GLP_BS ? GLP_FR
                                                                   : GLP_FX,
                         0.0, 0.0);
    glp_adv_basis(P, 0);
    restore_bounds(J);
    int cand = 0, basic_cols = 0;
    for (int k = 1; k <= m + n; k++) {
        cand += ipt_stat(P, k, m, 0) == GLP_BS;
        int stat = k <= m ? glp_get_row_stat(P, k) : glp_get_col_stat(P, k - m);
        basic_cols += k > m && stat == GLP_BS;
        if (stat == GLP_BS)
            continue;
        if (shift)
            shift_bound(P, k, m);
        else if (k <= m)
            glp_set_row_stat(P, k, ipt_stat(P, k, m, 1));
        else
            glp_set_col_stat(P, k - m, ipt_stat(P, k, m, 1));
    }
    ctx_note(&J->c, "crossover: %d of %d rows and columns inside their "
                    "bounds; basis of %d columns and %d row slacks",
             cand, m + n, basic_cols, m - basic_cols);
    return glp_warm_up(P);
}

/* The simplex method from the basis in P (no presolver, which would drop
 * it): primal when the basis is primal feasible or neither, dual when only
 * dual feasible. */
static int crossover_simplex(solve_job *J, const char *phase)
{
    glp_prob *P = J->P;
    int pf = glp_get_prim_stat(P) == GLP_FEAS;
    int df = glp_get_dual_stat(P) == GLP_FEAS;
    int meth = pf ? GLP_PRIMAL : df ? GLP_DUALP : GLP_PRIMAL;
    long it0 = glp_get_it_cnt(P);
    int ret = simplex_call(J, meth, 0);
    ctx_note(&J->c, "crossover: %s: basis primal %sfeasible, dual "
                    "%sfeasible; %s ended with %s after %ld iterations",
             phase, pf ? "" : "in", df ? "" : "in", meth_name(meth),
             po__glpk_code_name(ret), (long)glp_get_it_cnt(P) - it0);
    return ret;
}

/*
 * PO_METHOD_INTERIOR: GLPK's interior point method, then a crossover to an
 * optimal basis, so that the result holds what a simplex result holds
 * (duals of a basis, the basis for warm starts, ranging):
 *  1. a basis from the interior point with shifted bounds (crossover_basis);
 *  2. the simplex method on those bounds, from a primal feasible basis
 *     (steps 1 and 2 without the shift for a point that did not converge);
 *  3. the bounds put back -- a basis optimal for the shifted bounds stays
 *     dual feasible, bounds do not enter the reduced costs -- and the
 *     simplex method (dual, usually) to the optimum of the model itself.
 * The simplex method of step 3 has the last word, and it runs on the
 * model's own bounds: a point the interior method did not bring to
 * convergence (on brandy GLPK stops with GLP_ENOCVG and status
 * "infeasible", which glpsol reports with exit status 0) still gives the
 * crossover its start, and only the simplex method's verdict is reported.
 * Returns 1 with *st set when this produced the result, 0 when the caller
 * should solve with the simplex method from scratch (bounds restored).
 */
static int interior_crossover(solve_job *J, int *keep, po_status *st)
{
    glp_prob *P = J->P;
    if (J->L.m == 0 || J->L.n == 0) {
        ctx_note(&J->c, "interior point needs constraints and variables; "
                        "using the simplex method");
        return 0;
    }
    ensure_scaled(J);
    glp_iptcp p;
    glp_init_iptcp(&p);
    /* at least GLP_MSG_ON so the iteration lines can be counted; the text
     * reaches the caller only through options.log */
    p.msg_lev = J->c.log != NULL ? GLP_MSG_ALL : GLP_MSG_ON;
    J->c.count_ipm = 1;
    int ret = glp_interior(P, &p);
    J->c.count_ipm = 0;
    count_iterations(J);
    int ist = glp_ipt_status(P);
    int converged = ret == 0 && ist == GLP_OPT;
    if (!converged && ist == GLP_UNDEF) {
        ctx_note(&J->c, "interior point ended with %s and no point; solving "
                        "with the simplex method",
                 po__glpk_code_name(ret));
        return 0;
    }
    if (converged)
        ctx_note(&J->c, "interior point: optimal after %ld iterations, "
                        "objective %.12g; crossover to an optimal basis",
                 J->c.ipm_iters, glp_ipt_obj_val(P));
    else
        ctx_note(&J->c, "interior point ended with %s, solution status %s: "
                        "no optimum; crossover from its last point, the "
                        "simplex method decides",
                 po__glpk_code_name(ret), sol_stat_name(ist));
    /* the bounds are shifted to a converged point only: to the last point
     * of a run that did not converge they make an LP with no feasible
     * point (brandy: 192 iterations in all instead of 144 unshifted) */
    int w = crossover_basis(J, converged);
    ret = 0;
    if (w == 0 && converged) {
        ret = crossover_simplex(J, "shifted bounds");
        restore_bounds(J);
        if (!is_simplex_failure(ret))
            w = glp_warm_up(P);
    } else if (w != 0) {
        restore_bounds(J);
    }
    if (w != 0 || is_simplex_failure(ret)) {
        ctx_note(&J->c, "crossover: failed (%s); solving with the simplex "
                        "method from scratch",
                 po__glpk_code_name(w != 0 ? w : ret));
        return 0;
    }
    ret = crossover_simplex(J, "model's bounds");
    if (ret == 0 && glp_get_status(P) == GLP_OPT) {
        *st = finish_simplex(J, ret, keep);
        return 1;
    }
    if (converged && (ret == GLP_ETMLIM || ret == GLP_EITLIM)) {
        /* the converged interior optimum stands; only its basis is
         * missing */
        ctx_note(&J->c, "crossover: stopped by a limit; the result is the "
                        "interior optimum, without a basis");
        J->r->outcome = PO_OUTCOME_OPTIMAL;
        fill_ipt(J);
        *keep = KEEP_ALL;
        *st = PO_OK;
        return 1;
    }
    if (is_simplex_failure(ret)) {
        ctx_note(&J->c, "crossover: the simplex method failed; solving "
                        "with it from scratch");
        return 0;
    }
    *st = finish_simplex(J, ret, keep);
    return 1;
}

/*
 * PO_METHOD_AUTO on an LP: the interior point method and the crossover
 * for a large model without dense columns (options.h says where the
 * bounds come from), the simplex method otherwise.  Not with an iteration
 * limit, which counts simplex iterations, nor for warm starts (solve_lp
 * tries those first).  A time limit does not stop GLPK's interior point
 * method, but on the models chosen here it is the fast part; the
 * crossover's simplex method keeps to the limit.  The column lengths come
 * from the loaded arrays; without memory for them, the simplex method.
 */
static int auto_interior(solve_job *J)
{
    const prep *L = &J->L;
    int limit = J->opt.lp_interior_nonzeros;
    if (limit == 0)
        limit = PO_INTERIOR_NONZEROS;
    if (J->opt.method != PO_METHOD_AUTO || limit < 0 || L->ne < limit ||
        L->m == 0 || L->n == 0 || J->opt.iteration_limit > 0)
        return 0;
    int *len = calloc((size_t)L->n + 1, sizeof *len);
    if (len == NULL)
        return 0;
    for (int k = 1; k <= L->ne; k++)
        len[L->ja[k]]++;
    double fill = 0.0;
    for (int j = 1; j <= L->n; j++)
        fill += (double)len[j] * (double)len[j];
    free(len);
    fill /= (double)L->ne;
    int use = fill <= PO_INTERIOR_MAX_FILL;
    ctx_note(&J->c, "method: %d nonzeros (interior point from %d), squared "
                    "column lengths %.2fx the nonzeros (at most %.2fx): %s",
             L->ne, limit, fill, PO_INTERIOR_MAX_FILL,
             use ? "interior point and crossover" : "simplex method");
    return use;
}

/*
 * PO_METHOD_AUTO's simplex method for an LP with at least 10 columns per
 * row (after presolve): dual simplex with the long-step ratio test, which
 * pays where many columns are boxed or priced per row.  netlib, CPU time
 * against primal simplex with Harris: fit2d (420 columns per row) 0.03x,
 * fit1d (43) 0.15x, d6cube (15) 0.44x, wood1p (11) 0.52x; below 10 it
 * lost as often as it won (scsd1 at 9.9: 1.7x, scsd6 at 9.2: 2.9x,
 * scsd8: 4.4x, pilotnov: 3.9x; 1.02x over all 90).  Sets J->wide.
 */
static int auto_wide(solve_job *J)
{
    const prep *L = &J->L;
    if (J->opt.method != PO_METHOD_AUTO || L->m == 0 ||
        L->n < 10 * (long)L->m)
        return 0;
    J->wide = 1;
    ctx_note(&J->c, "method: %d columns for %d rows (10 or more per row): "
                    "dual simplex, long-step ratio test",
             L->n, L->m);
    return 1;
}

/*
 * Start from J->start's basis.  GLPK corrects the status of a non-basic
 * variable whose bounds changed kind (at upper -> at lower when the upper
 * bound is gone, ...), so only the count of basic variables and the
 * factorization can make a basis unusable; glp_warm_up reports both.  The
 * method follows what the changes kept: after cost changes the basis is
 * still primal feasible (primal simplex continues), after bound and
 * right-hand-side changes it is still dual feasible (dual simplex, primal
 * if that fails).  Returns 1 with the simplex return code in *ret, or 0
 * when the caller should solve cold.
 */
static int warm_start(solve_job *J, int *ret)
{
    glp_prob *P = J->P;
    const po_result *s = J->start;
    for (int i = 0; i < s->nrows; i++)
        glp_set_row_stat(P, i + 1, glp_stat_of(s->row_stat[i]));
    for (int j = 0; j < s->ncols; j++)
        glp_set_col_stat(P, j + 1, glp_stat_of(s->col_stat[j]));
    int w = glp_warm_up(P);
    if (w != 0) {
        ctx_note(&J->c, "warm start: the start basis is unusable (%s); "
                        "solving cold",
                 po__glpk_code_name(w));
        return 0;
    }
    int pf = glp_get_prim_stat(P) == GLP_FEAS;
    int df = glp_get_dual_stat(P) == GLP_FEAS;
    int meth = pf ? GLP_PRIMAL : df ? GLP_DUALP : GLP_PRIMAL;
    ctx_note(&J->c, "warm start: basis primal %sfeasible, dual %sfeasible: "
                    "%s",
             pf ? "" : "in", df ? "" : "in", meth_name(meth));
    *ret = simplex_call(J, meth, 0);
    if (is_simplex_failure(*ret)) {
        ctx_note(&J->c, "warm start: %s failed with %s; solving cold",
                 meth_name(meth), po__glpk_code_name(*ret));
        return 0;
    }
    J->r->warm = 1;
    return 1;
}

static po_status solve_lp(solve_job *J, int *keep)
{
    glp_prob *P = J->P;
    int meth = glpk_method(J->opt.method);
    int ret;
    if (J->start != NULL && warm_start(J, &ret))
        return finish_simplex(J, ret, keep);
    if (J->opt.method == PO_METHOD_INTERIOR || auto_interior(J)) {
        po_status st;
        if (interior_crossover(J, keep, &st))
            return st;
    }
    if (auto_wide(J))
        meth = GLP_DUALP;
    int presolve = J->opt.presolve;
    if (!presolve)
        glp_adv_basis(P, 0);
    ret = simplex_call(J, meth, presolve);
    if (is_simplex_failure(ret)) {
        int other = meth == GLP_PRIMAL ? GLP_DUALP : GLP_PRIMAL;
        ctx_note(&J->c,
                 "%s failed with %s; retrying with %s from an advanced "
                 "basis, presolver off",
                 meth_name(meth), po__glpk_code_name(ret), meth_name(other));
        glp_adv_basis(P, 0);
        ret = simplex_call(J, other, 0);
    }
    return finish_simplex(J, ret, keep);
}

/*
 * PO_HEUR_LP_ROUNDING: procopt's primal heuristic, run from the callback
 * (GLP_IHEUR) at the root and then at geometrically spaced nodes.  GLPK's
 * simple rounding keeps the continuous part of the LP point, so on models
 * with setups (x <= M*on, minimum batches) it rarely finds a plan: the
 * rows a binary sits in move when it is rounded.  Here the integer
 * variables of the node's LP point are rounded (every fraction up, then
 * to nearest), fixed, and the rest is re-solved as an LP by dual simplex
 * from the node's basis (only bounds changed, so the basis stays dual
 * feasible); then every integer variable whose cost prefers a lower
 * (higher) value moves there one step at a time while every row stays
 * within its bounds (a setup left open with nothing made is closed), and
 * the LP is solved again for those values.  The best point goes to GLPK
 * (glp_ios_heur_sol checks only integrality and the objective; the rows
 * were kept by the LP).  It runs on a copy of the tree's problem (the
 * presolved one when GLPK's presolver ran), whatever GLPK did before; the
 * copy and the work arrays are GLPK's memory, gone with the environment
 * if GLPK fails.
 */
#define HEUR_INT_TOL 1e-6   /* a value this close to an integer is one */
#define HEUR_ROW_TOL 1e-9   /* relative slack of the one-step moves */
#define HEUR_MAX_STEPS 1000 /* one-step moves per column and pass */

typedef struct heur_ws {
    glp_prob *Q;
    int m, n;
    double *v;      /* the node's LP point */
    double *x;      /* the candidate's integer values */
    double *lo, *hi; /* integer columns' bounds in the tree's problem */
    double *act;    /* row activities of the candidate */
    int *ind;       /* a column of Q */
    double *val;
} heur_ws;

/* Round the integer columns of the LP point by threshold theta (a
 * fraction at or above it goes up) and fix them in Q. */
static void heur_round(heur_ws *w, glp_prob *mip, double theta)
{
    for (int j = 1; j <= w->n; j++) {
        if (glp_get_col_kind(mip, j) == GLP_CV)
            continue;
        double fl = floor(w->v[j]), f = w->v[j] - fl;
        double r = f < HEUR_INT_TOL         ? fl
                   : f > 1.0 - HEUR_INT_TOL ? fl + 1.0
                   : f >= theta             ? fl + 1.0
                                            : fl;
        r = fmin(fmax(r, w->lo[j]), w->hi[j]);
        w->x[j] = r;
        glp_set_col_bnds(w->Q, j, GLP_FX, r, r);
    }
}

/* Dual simplex on Q from its current basis; 1 when optimal. */
static int heur_lp(solve_job *J, glp_prob *Q)
{
    glp_smcp p;
    glp_init_smcp(&p);
    p.msg_lev = GLP_MSG_OFF;
    p.meth = GLP_DUALP;
    p.tm_lim = tm_left(J);
    int ret = glp_simplex(Q, &p);
    if (is_simplex_failure(ret)) {
        glp_adv_basis(Q, 0);
        ret = glp_simplex(Q, &p);
    }
    return ret == 0 && glp_get_status(Q) == GLP_OPT;
}

/* Would row i stay within its bounds at activity a? */
static int heur_row_ok(glp_prob *Q, int i, double a)
{
    int t = glp_get_row_type(Q, i);
    double tol = HEUR_ROW_TOL * fmax(1.0, fabs(a));
    if ((t == GLP_LO || t == GLP_DB || t == GLP_FX) &&
        a < glp_get_row_lb(Q, i) - tol)
        return 0;
    if ((t == GLP_UP || t == GLP_DB || t == GLP_FX) &&
        a > glp_get_row_ub(Q, i) + tol)
        return 0;
    return 1;
}

/* From Q's optimal point, move integer columns one step at a time the way
 * their cost prefers while every row stays within its bounds; Q's fixed
 * bounds follow.  Returns the number of moves. */
static int heur_descend(heur_ws *w)
{
    glp_prob *Q = w->Q;
    double dir = glp_get_obj_dir(Q) == GLP_MIN ? 1.0 : -1.0;
    int moves = 0;
    for (int i = 1; i <= w->m; i++)
        w->act[i] = glp_get_row_prim(Q, i);
    for (int j = 1; j <= w->n; j++) {
        if (glp_get_col_kind(Q, j) == GLP_CV)
            continue;
        double c = dir * glp_get_obj_coef(Q, j);
        if (c == 0.0)
            continue;
        double step = c > 0 ? -1.0 : 1.0;
        int len = glp_get_mat_col(Q, j, w->ind, w->val);
        int k, s;
        for (s = 0; s < HEUR_MAX_STEPS; s++) {
            double to = w->x[j] + step;
            if (to < w->lo[j] || to > w->hi[j])
                break;
            for (k = 1; k <= len; k++)
                if (!heur_row_ok(Q, w->ind[k],
                                 w->act[w->ind[k]] + step * w->val[k]))
                    break;
            if (k <= len)
                break;
            for (k = 1; k <= len; k++)
                w->act[w->ind[k]] += step * w->val[k];
            w->x[j] = to;
        }
        if (s > 0) {
            glp_set_col_bnds(Q, j, GLP_FX, w->x[j], w->x[j]);
            moves++;
        }
    }
    return moves;
}

/* Q's point with the integer columns exactly at x, into out. */
static void heur_point(const heur_ws *w, double *out)
{
    for (int j = 1; j <= w->n; j++)
        out[j] = glp_get_col_kind(w->Q, j) != GLP_CV
                     ? w->x[j]
                     : glp_get_col_prim(w->Q, j);
}

/*
 * From the best plan found (its point in best), try lowering one at a
 * time the integer columns whose cost prefers it, least used in the LP
 * point first (a setup the relaxation barely opened), re-solving the LP
 * each time and keeping each move that lowers the objective: a setup
 * whose demand the open ones can take over closes.  At most
 * HEUR_DROP_TRIES tries and about twice the time the rounding took
 * (spent).  Returns the objective of best.
 */
#define HEUR_DROP_TRIES 30
static double heur_drop(solve_job *J, heur_ws *w, double *best,
                        double best_obj, double spent)
{
    glp_prob *Q = w->Q;
    double dir = glp_get_obj_dir(Q) == GLP_MIN ? 1.0 : -1.0;
    double t0 = elapsed(J);
    char *tried = glp_alloc(w->n + 1, 1);
    for (int j = 1; j <= w->n; j++) {
        tried[j] = glp_get_col_kind(Q, j) == GLP_CV;
        if (!tried[j]) {
            w->x[j] = best[j];
            glp_set_col_bnds(Q, j, GLP_FX, best[j], best[j]);
            double c = dir * glp_get_obj_coef(Q, j);
            /* only a column whose cost prefers a step down */
            tried[j] = !(c > 0) || best[j] - 1.0 < w->lo[j];
        }
    }
    for (int k = 0; k < HEUR_DROP_TRIES; k++) {
        if (elapsed(J) - t0 > 2.0 * spent + 0.01)
            break;
        int jb = 0;
        for (int j = 1; j <= w->n; j++)
            if (!tried[j] && (jb == 0 || w->v[j] < w->v[jb]))
                jb = j;
        if (jb == 0)
            break;
        tried[jb] = 1;
        double to = best[jb] - 1.0;
        glp_set_col_bnds(Q, jb, GLP_FX, to, to);
        if (heur_lp(J, Q) && dir * glp_get_obj_val(Q) < dir * best_obj -
                                  1e-9 * fmax(1.0, fabs(best_obj))) {
            w->x[jb] = to;
            best_obj = glp_get_obj_val(Q);
            heur_point(w, best);
        } else {
            glp_set_col_bnds(Q, jb, GLP_FX, best[jb], best[jb]);
        }
    }
    glp_free(tried);
    return best_obj;
}

static void mip_lp_rounding(solve_job *J, glp_tree *T)
{
    static const double thetas[] = {HEUR_INT_TOL, 0.5};
    glp_prob *mip = glp_ios_get_prob(T);
    heur_ws w;
    double t0 = elapsed(J);
    w.m = glp_get_num_rows(mip);
    w.n = glp_get_num_cols(mip);
    if (w.n == 0)
        return;
    size_t n1 = (size_t)w.n + 1, m1 = (size_t)w.m + 1;
    double *best = glp_alloc((int)n1, sizeof(double));
    w.v = glp_alloc((int)n1, sizeof(double));
    w.x = glp_alloc((int)n1, sizeof(double));
    w.lo = glp_alloc((int)n1, sizeof(double));
    w.hi = glp_alloc((int)n1, sizeof(double));
    w.act = glp_alloc((int)m1, sizeof(double));
    w.ind = glp_alloc((int)m1, sizeof(int));
    w.val = glp_alloc((int)m1, sizeof(double));
    for (int j = 1; j <= w.n; j++) {
        int t = glp_get_col_type(mip, j);
        w.v[j] = glp_get_col_prim(mip, j);
        w.lo[j] = t == GLP_LO || t == GLP_DB || t == GLP_FX
                      ? ceil(glp_get_col_lb(mip, j) - HEUR_INT_TOL)
                      : -DBL_MAX;
        w.hi[j] = t == GLP_UP || t == GLP_DB || t == GLP_FX
                      ? floor(glp_get_col_ub(mip, j) + HEUR_INT_TOL)
                      : DBL_MAX;
    }
    w.Q = glp_create_prob();
    glp_copy_prob(w.Q, mip, GLP_OFF);
    int dir = glp_get_obj_dir(mip) == GLP_MIN ? 1 : -1, found = 0;
    double best_obj = 0.0;
    for (size_t k = 0; k < sizeof thetas / sizeof thetas[0]; k++) {
        heur_round(&w, mip, thetas[k]);
        if (!heur_lp(J, w.Q))
            continue;
        if (heur_descend(&w) > 0 && !heur_lp(J, w.Q))
            continue;
        double obj = glp_get_obj_val(w.Q);
        if (!found || dir * obj < dir * best_obj) {
            heur_point(&w, best);
            best_obj = obj;
            found = 1;
        }
    }
    if (found)
        best_obj = heur_drop(J, &w, best, best_obj, elapsed(J) - t0);
    glp_delete_prob(w.Q);
    int took = found && glp_ios_heur_sol(T, best) == 0;
    J->heur_calls++;
    J->heur_time += elapsed(J) - t0;
    ctx_note(&J->c, "lp rounding: %s%.12g (%.3f s)",
             !found ? "no plan found, " : took ? "new incumbent " : "not better: ",
             found ? best_obj : 0.0, elapsed(J) - t0);
    glp_free(w.val);
    glp_free(w.ind);
    glp_free(w.act);
    glp_free(w.hi);
    glp_free(w.lo);
    glp_free(w.x);
    glp_free(w.v);
    glp_free(best);
}

/* When PO_HEUR_LP_ROUNDING runs: twice at the root (before and after the
 * first round of cuts), then at node counts 16, 64, 256, ..., while it
 * has taken at most a fifth of the time so far. */
static int lp_rounding_due(solve_job *J, glp_tree *T, int t_cnt)
{
    if (!(J->opt.mip_heuristics & PO_HEUR_LP_ROUNDING))
        return 0;
    if (glp_ios_node_level(T, glp_ios_curr_node(T)) == 0)
        return J->heur_calls < 2;
    if (t_cnt < J->heur_next || J->heur_time > 0.2 * elapsed(J))
        return 0;
    J->heur_next = 4 * (J->heur_next > 0 ? J->heur_next : 4);
    return 1;
}

static void mip_callback(glp_tree *T, void *info)
{
    solve_job *J = info;
    glp_prob *mip = glp_ios_get_prob(T);
    long its = glp_get_it_cnt(mip);
    if (its > J->mip_iters)
        J->mip_iters = its;
    int a_cnt, n_cnt, t_cnt;
    glp_ios_tree_size(T, &a_cnt, &n_cnt, &t_cnt);
    if (t_cnt > J->mip_nodes)
        J->mip_nodes = t_cnt;
    int best = glp_ios_best_node(T);
    if (best != 0) {
        J->mip_bound = glp_ios_node_bound(T, best);
        J->have_bound = 1;
    }
    if (J->opt.iteration_limit > 0 && its >= J->opt.iteration_limit &&
        !J->stopped) {
        J->stopped = 1;
        glp_ios_terminate(T);
        return;
    }
    if (glp_ios_reason(T) == GLP_IHEUR && lp_rounding_due(J, T, t_cnt))
        mip_lp_rounding(J, T);
}

/* MIP whose LP relaxation was found without a dual feasible solution:
 * infeasible if the relaxation is, otherwise not told apart (an unbounded
 * relaxation says nothing about integer feasibility). */
static po_outcome classify_mip(solve_job *J)
{
    po_outcome o = classify_lp(J);
    return o == PO_OUTCOME_INFEASIBLE ? o
           : o == PO_OUTCOME_TIME_LIMIT || o == PO_OUTCOME_ITERATION_LIMIT
               ? o
               : PO_OUTCOME_INF_OR_UNBD;
}

/* For sensitivity of a MIP solution (the issue's rule: shadow prices of
 * the LP with the integer decisions fixed at their optimum): fix every
 * integer column at its value, solve that LP and take its solution, which
 * has the same integer part and the best continuous part for it.  1 when
 * that LP was solved to optimality. */
static int mip_fixed_lp(solve_job *J)
{
    glp_prob *P = J->P;
    const po_model *mod = J->model;
    ctx_note(&J->c, "sensitivity: solving the LP with the integer variables "
                    "fixed at their values");
    for (int j = 0; j < mod->ncols; j++) {
        if (mod->col_type[j] == PO_CONTINUOUS)
            continue;
        double v = nearbyint(glp_mip_col_val(P, j + 1));
        glp_set_col_bnds(P, j + 1, GLP_FX, v, v);
    }
    glp_adv_basis(P, 0);
    int ret = simplex_call(J, GLP_PRIMAL, 0);
    if (ret == 0 && glp_get_status(P) == GLP_OPT) {
        fill_basic(J, 1);
        keep_basis(J); /* which rows bind, for the caller's analysis */
        return 1;
    }
    ctx_note(&J->c, "sensitivity: the fixed LP ended with %s, status %d; no "
                    "sensitivity",
             po__glpk_code_name(ret), glp_get_status(P));
    return 0;
}

/*
 * The LP relaxation solved by procopt, for glp_intopt to start from its
 * optimal basis without GLPK's MIP presolver (which would solve it again
 * with primal simplex from scratch).  With `interior` (PO_METHOD_INTERIOR,
 * or PO_METHOD_AUTO on a model auto_interior picks: the flow and balance
 * rows of process models) by interior point and crossover (a generated
 * process MIP's root: 0.5 s against 5 s; docs/benchmarks.md, "MIP
 * defaults"), otherwise, or when that fails, by the simplex method.  1 when P holds an optimal basis; 0 when the relaxation decided
 * the outcome (infeasible, a limit, a failure), with *st set.
 */
static int mip_root_lp(solve_job *J, int interior, int *keep, po_status *st)
{
    glp_prob *P = J->P;
    po_result *r = J->r;
    int ret = 0, done = 0;
    *st = PO_OK;
    if (interior) {
        done = interior_crossover(J, keep, st);
        if (done && *st != PO_OK)
            return 0;
        if (done && glp_get_status(P) != GLP_OPT) {
            /* an interior optimum without basis (the crossover hit a
             * limit) is no start for branch-and-cut */
            if (r->outcome == PO_OUTCOME_OPTIMAL)
                r->outcome = J->opt.iteration_limit > 0 && it_left(J) == 0
                                 ? PO_OUTCOME_ITERATION_LIMIT
                                 : PO_OUTCOME_TIME_LIMIT;
            *keep = KEEP_NONE;
            if (r->outcome == PO_OUTCOME_UNBOUNDED)
                r->outcome = PO_OUTCOME_INF_OR_UNBD;
            return 0;
        }
    }
    if (!done) {
        int meth = glpk_method(J->opt.method);
        glp_adv_basis(P, 0);
        ret = simplex_call(J, meth, 0);
        if (is_simplex_failure(ret)) {
            glp_adv_basis(P, 0);
            ret = simplex_call(J, meth == GLP_PRIMAL ? GLP_DUALP : GLP_PRIMAL,
                               0);
        }
    }
    if (ret != 0 || glp_get_status(P) != GLP_OPT) {
        *st = finish_simplex(J, ret, keep);
        *keep = KEEP_NONE; /* a relaxation's point is no MIP solution */
        if (r->outcome == PO_OUTCOME_UNBOUNDED)
            r->outcome = PO_OUTCOME_INF_OR_UNBD;
        return 0;
    }
    *keep = KEEP_NONE;
    return 1;
}

static po_status solve_mip(solve_job *J, int *keep)
{
    glp_prob *P = J->P;
    po_result *r = J->r;
    *keep = KEEP_NONE;
    /* without the MIP presolver glp_intopt needs an optimal basis of the
     * LP relaxation; the interior method implies it */
    int interior = J->opt.method == PO_METHOD_INTERIOR || auto_interior(J);
    int presolve = J->opt.presolve && !interior;
    if (!presolve) {
        po_status st;
        if (!mip_root_lp(J, interior, keep, &st))
            return st;
    }
    glp_iocp p;
    glp_init_iocp(&p);
    p.msg_lev = J->c.log != NULL ? GLP_MSG_ALL : GLP_MSG_ERR;
    p.presolve = presolve ? GLP_ON : GLP_OFF;
    p.mip_gap = J->opt.mip_gap;
    p.tm_lim = tm_left(J);
    mip_params(J, &p);
    p.cb_func = mip_callback;
    p.cb_info = J;
    int ret = glp_intopt(P, &p);
    count_iterations(J);
    r->nodes = J->mip_nodes;
    int st = glp_mip_status(P);
    int have = st == GLP_OPT || st == GLP_FEAS;
    switch (ret) {
    case 0:
        r->outcome = st == GLP_OPT      ? PO_OUTCOME_OPTIMAL
                     : st == GLP_NOFEAS ? PO_OUTCOME_INFEASIBLE
                     : st == GLP_FEAS   ? PO_OUTCOME_FEASIBLE
                                        : PO_OUTCOME_NUMERICAL;
        break;
    case GLP_EMIPGAP:
        /* stopped because the gap reached options.mip_gap: optimal within
         * the tolerance the caller asked for */
        r->outcome = have ? PO_OUTCOME_OPTIMAL : PO_OUTCOME_NUMERICAL;
        break;
    case GLP_ETMLIM:
        r->outcome = PO_OUTCOME_TIME_LIMIT;
        break;
    case GLP_ESTOP:
        if (!J->stopped)
            return unexpected(J, "glp_intopt", ret);
        r->outcome = PO_OUTCOME_ITERATION_LIMIT;
        break;
    case GLP_EFAIL:
        r->outcome = PO_OUTCOME_NUMERICAL;
        break;
    case GLP_ENOPFS:
        r->outcome = PO_OUTCOME_INFEASIBLE;
        have = 0;
        break;
    case GLP_ENODFS:
        r->outcome = classify_mip(J);
        have = 0;
        break;
    default:
        /* GLP_EBOUND (integer bounds are rounded first), GLP_EROOT (the
         * relaxation is solved first when the presolver is off) */
        return unexpected(J, "glp_intopt", ret);
    }
    if (have) {
        fill_mip(J);
        *keep = KEEP_PRIMAL;
        if (J->opt.sensitivity && mip_fixed_lp(J))
            *keep = KEEP_ALL;
    }
    int maximize = J->model->sense == PO_MAXIMIZE;
    if (have && ret == 0 && st == GLP_OPT) {
        /* the search tree was exhausted: the incumbent is proven optimal */
        r->best_bound = r->objective;
    } else if (J->have_bound) {
        r->best_bound = J->mip_bound;
        /* the bound of a node never passes the incumbent in exact terms */
        if (have && (maximize ? r->best_bound < r->objective
                              : r->best_bound > r->objective))
            r->best_bound = r->objective;
    }
    if (have && !isnan(r->best_bound))
        r->gap = fabs(r->objective - r->best_bound) /
                 fmax(1e-10, fabs(r->objective));
    return PO_OK;
}

/* GLPK's "no limit" (+-DBL_MAX) as an infinity. */
static double glpk_limit(double v)
{
    return v <= -DBL_MAX ? -INFINITY : v >= DBL_MAX ? INFINITY : v;
}

/* Range of a basic row or column: where its bounds may move while it stays
 * basic (see po_result_row_range). */
static void basic_range(int type, double x, double *out)
{
    out[0] = type == GLP_FR || type == GLP_LO ? -INFINITY : x;
    out[1] = type == GLP_FR || type == GLP_UP ? INFINITY : x;
}

/* Range of the active bound of non-basic variable k (row k <= m, column
 * k - m otherwise).  GLPK's ratio test looks only at the basic variables;
 * an active bound moved past the variable's other bound would make the
 * bounds contradict each other, so the range stops there. */
static void bound_range(glp_prob *P, int k, int stat, double *out)
{
    double lo, hi;
    glp_analyze_bound(P, k, &lo, NULL, &hi, NULL);
    out[0] = glpk_limit(lo);
    out[1] = glpk_limit(hi);
    int m = glp_get_num_rows(P);
    int type = k <= m ? glp_get_row_type(P, k) : glp_get_col_type(P, k - m);
    if (type != GLP_DB)
        return;
    if (stat == GLP_NU) {
        double lb = k <= m ? glp_get_row_lb(P, k) : glp_get_col_lb(P, k - m);
        out[0] = fmax(out[0], lb);
    } else if (stat == GLP_NL) {
        double ub = k <= m ? glp_get_row_ub(P, k) : glp_get_col_ub(P, k - m);
        out[1] = fmin(out[1], ub);
    }
}

/* Cost range of a non-basic column: where its reduced cost d keeps the
 * sign optimality needs.  A cost change moves d by the same amount (the
 * duals do not change), so the limit is c - d: at lower bound a
 * minimization needs d >= 0 (c' >= c - d), at upper bound d <= 0; a
 * maximization the reverse; a free non-basic column needs d = 0; a fixed
 * one accepts any d. */
static void nonbasic_cost_range(glp_prob *P, int j, int stat, double *out)
{
    double lim = glp_get_obj_coef(P, j) - glp_get_col_dual(P, j);
    int up = (stat == GLP_NL) == (glp_get_obj_dir(P) == GLP_MIN);
    switch (stat) {
    case GLP_NL:
    case GLP_NU:
        out[0] = up ? lim : -INFINITY;
        out[1] = up ? INFINITY : lim;
        break;
    case GLP_NF:
        out[0] = out[1] = lim;
        break;
    default: /* GLP_NS */
        out[0] = -INFINITY;
        out[1] = INFINITY;
        break;
    }
}

/*
 * Cost range of basic column j: the first half of glp_analyze_coef, whose
 * second half (the variable's value in the adjacent basis, two more
 * FTRANs and ratio tests per column) procopt does not report.  Changing
 * c_j by t changes the reduced cost of non-basic x_q by -t alfa[j,q]; the
 * dual ratio test finds the x_q whose reduced cost reaches zero first in
 * each direction, and the limit is c_j - d_q / alfa[j,q].  ind and val
 * hold room for n + 1 entries.
 */
static void basic_cost_range(glp_prob *P, int j, int *ind, double *val,
                             double *out)
{
    int m = glp_get_num_rows(P);
    int len = glp_eval_tab_row(P, m + j, ind, val);
    double c = glp_get_obj_coef(P, j);
    int max = glp_get_obj_dir(P) == GLP_MAX;
    for (int kase = -1; kase <= 1; kase += 2) {
        /* decreasing c_j is increasing its dual value, and vice versa */
        int piv = glp_dual_rtest(P, len, ind, val, max ? kase : -kase, 1e-9);
        double lim;
        if (piv == 0) {
            lim = kase < 0 ? -INFINITY : INFINITY;
        } else {
            int q = ind[piv];
            double d = q <= m ? glp_get_row_dual(P, q)
                              : glp_get_col_dual(P, q - m);
            lim = c - d / val[piv];
        }
        out[kase < 0 ? 0 : 1] = lim;
    }
}

/*
 * Ranging of the optimal basis in J->P.  GLPK's glp_analyze_bound and
 * glp_analyze_coef end the process on misuse, so their preconditions are
 * made sure of here: an optimal basic solution (glp_get_status), a valid
 * factorization (after the presolver there is none: glp_factorize), a
 * non-basic variable for glp_analyze_bound, a basic one for
 * glp_eval_tab_row (non-basic cost ranges come from the reduced cost
 * directly).  Returns 1 when the ranges were filled.
 */
static int analyze(solve_job *J)
{
    glp_prob *P = J->P;
    po_result *r = J->r;
    if (r->row_range == NULL || glp_get_status(P) != GLP_OPT)
        return 0;
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    if (m != r->nrows || n != r->ncols)
        return 0;
    if (m > 0 && !glp_bf_exists(P)) {
        int ret = glp_factorize(P);
        if (ret != 0) {
            ctx_note(&J->c, "sensitivity: the optimal basis cannot be "
                            "factorized (%s); no sensitivity",
                     po__glpk_code_name(ret));
            return 0;
        }
    }
    for (int i = 1; i <= m; i++) {
        double *out = r->row_range + 2 * (i - 1);
        int stat = glp_get_row_stat(P, i);
        if (stat == GLP_BS)
            basic_range(glp_get_row_type(P, i), glp_get_row_prim(P, i), out);
        else
            bound_range(P, i, stat, out);
    }
    int *ind = J->ind;
    double *val = J->val;
    for (int j = 1; j <= n; j++) {
        double *orng = r->obj_range + 2 * (j - 1);
        double *vr = r->var_range + 2 * (j - 1);
        if (r->is_mip && J->model->col_type[j - 1] != PO_CONTINUOUS)
            continue; /* NaN: integer decisions have no LP ranging */
        int stat = glp_get_col_stat(P, j);
        if (stat == GLP_BS) {
            basic_cost_range(P, j, ind, val, orng);
            basic_range(glp_get_col_type(P, j), glp_get_col_prim(P, j), vr);
        } else {
            nonbasic_cost_range(P, j, stat, orng);
            bound_range(P, m + j, stat, vr);
        }
    }
    return 1;
}

/*
 * options.scaling.  GLPK keeps scale factors beside the unscaled data and
 * undoes them in every value it reports.  They matter only to what runs on
 * P itself: the simplex method without presolver (warm starts, fallbacks,
 * a MIP's relaxation without presolver), the interior point method,
 * branch-and-cut without presolver.  GLPK's presolvers copy the problem
 * unscaled and scale their reduced copy themselves, so when one runs first
 * the scaling waits for the first call that needs it, if any: measured,
 * glp_scale_prob(GLP_SF_AUTO) takes 1.9 s on a process LP of 455k nonzeros
 * (po__scale: 70 ms), all of it wasted before a presolved solve.
 * Our factors are computed here, inside the session: po__scale calls no
 * GLPK function, so no trap can interrupt it, and J->scale is freed with
 * the job.  Out of memory, GLPK's scaling stands in.
 */
static void ensure_scaled(solve_job *J)
{
    glp_prob *P = J->P;
    const prep *L = &J->L;
    int m = L->m, n = L->n;
    if (J->scaled)
        return;
    J->scaled = 1;
    if (m == 0 || n == 0 || J->opt.scaling == PO_SCALE_NONE)
        return;
    if (J->opt.scaling == PO_SCALE_OWN) {
        J->scale = malloc(((size_t)m + (size_t)n) * sizeof(double));
        /* the prep arrays are 1-based with entry 0 unused */
        if (J->scale != NULL &&
            po__scale(m, n, L->ne, L->ia + 1, L->ja + 1, L->ar + 1, 1,
                      J->scale, J->scale + m) == PO_OK) {
            for (int i = 1; i <= m; i++)
                glp_set_rii(P, i, J->scale[i - 1]);
            for (int j = 1; j <= n; j++)
                glp_set_sjj(P, j, J->scale[m + j - 1]);
            if (J->c.log != NULL)
                ctx_note(&J->c, "scaling: power-of-2 factors, max/min "
                                "|a_ij| %.3g -> %.3g",
                         po__scale_ratio(m, n, L->ne, L->ia + 1, L->ja + 1,
                                         L->ar + 1, 1, NULL, NULL),
                         po__scale_ratio(m, n, L->ne, L->ia + 1, L->ja + 1,
                                         L->ar + 1, 1, J->scale,
                                         J->scale + m));
            return;
        }
        ctx_note(&J->c, "scaling: out of memory for procopt's factors; "
                        "GLPK's scaling instead");
    }
    glp_scale_prob(P, GLP_SF_AUTO); /* as glpsol does by default */
}

static po_status solve_trapped(solve_job *J, int *keep)
{
    if (setjmp(J->c.jmp) != 0) {
        J->P = NULL; /* freed with the environment */
        if (J->in_sens) {
            /* the solution is already in J->r: lose only the ranges */
            char buf[TAIL_SIZE];
            char *lines[128];
            int n = tail_lines(&J->c, buf, sizeof buf, lines, 128);
            ctx_note(&J->c, "sensitivity: GLPK failed (%s); no sensitivity",
                     n > 0 ? lines[n > 1 ? n - 2 : 0] : "no message");
            J->in_sens = 0;
            J->have_sens = 0;
            return PO_OK;
        }
        return trap_status(J->model, &J->c, J->fn);
    }
    session_begin(&J->c);
    J->P = glp_create_prob();
    int mip = J->L.nint > 0;
    load_prob(J->P, J->model, &J->L, 0, mip);
    /* at once, unless GLPK's presolver runs first (see ensure_scaled) */
    if (!J->opt.presolve || J->start != NULL ||
        (!mip && J->opt.method == PO_METHOD_INTERIOR))
        ensure_scaled(J);
    po_status st = mip ? solve_mip(J, keep) : solve_lp(J, keep);
    if (st == PO_OK && J->opt.sensitivity && J->basis_opt &&
        *keep == KEEP_ALL) {
        J->in_sens = 1;
        J->have_sens = analyze(J);
        J->in_sens = 0;
    }
    glp_delete_prob(J->P);
    J->P = NULL;
    return st;
}

static po_status check_options(po_model *mod, const po_options *o,
                               const char *fn)
{
    if ((int)o->method < PO_METHOD_AUTO || o->method > PO_METHOD_INTERIOR)
        return po__model_fail(mod, PO_EINVAL,
                              "%s: options.method = %d is not a po_method",
                              fn, (int)o->method);
    if (o->presolve != 0 && o->presolve != 1)
        return po__model_fail(mod, PO_EINVAL,
                              "%s: options.presolve = %d (must be 0 or 1)", fn,
                              o->presolve);
    if (o->mip_cuts != 0 && o->mip_cuts != 1)
        return po__model_fail(mod, PO_EINVAL,
                              "%s: options.mip_cuts = %d (must be 0 or 1)", fn,
                              o->mip_cuts);
    if (o->sensitivity != 0 && o->sensitivity != 1)
        return po__model_fail(mod, PO_EINVAL,
                              "%s: options.sensitivity = %d (must be 0 or 1)",
                              fn, o->sensitivity);
    if (o->scaling != PO_SCALE_GLPK && o->scaling != PO_SCALE_OWN &&
        o->scaling != PO_SCALE_NONE)
        return po__model_fail(mod, PO_EINVAL,
                              "%s: options.scaling = %d is not a po_scaling",
                              fn, o->scaling);
    if (isnan(o->time_limit))
        return po__model_fail(mod, PO_ENAN, "%s: options.time_limit is NaN",
                              fn);
    if (o->time_limit < 0)
        return po__model_fail(mod, PO_EINVAL,
                              "%s: options.time_limit = %g is negative", fn,
                              o->time_limit);
    if (isnan(o->mip_gap))
        return po__model_fail(mod, PO_ENAN, "%s: options.mip_gap is NaN", fn);
    if (o->mip_gap < 0 || isinf(o->mip_gap))
        return po__model_fail(mod, PO_EINVAL,
                              "%s: options.mip_gap = %g (must be finite and "
                              ">= 0)",
                              fn, o->mip_gap);
    if (o->iteration_limit < 0)
        return po__model_fail(mod, PO_EINVAL,
                              "%s: options.iteration_limit = %ld is negative",
                              fn, o->iteration_limit);
    return po__options_check_tuning(mod, o, fn);
}

/* po_solve and po_solve_warm: everything but the start basis is shared. */
static po_status solve_common(po_model *model, const po_options *options,
                              const po_result *start, po_result **result,
                              const char *fn)
{
    if (result != NULL)
        *result = NULL;
    if (model == NULL)
        return PO_EINVAL;
    po__model_clear_error(model);
    if (result == NULL)
        return po__model_fail(model, PO_EINVAL, "%s: result is NULL", fn);

    solve_job *J = calloc(1, sizeof *J);
    if (J == NULL)
        return po__model_fail(model, PO_ENOMEM, "%s: out of memory", fn);
    J->model = model;
    J->fn = fn;
    if (options != NULL)
        J->opt = *options;
    else
        po_options_init(&J->opt);
    po_status st = check_options(model, &J->opt, fn);
    if (st == PO_OK)
        st = prep_model(model, fn, &J->L, 0, 1);
    if (st != PO_OK) {
        free(J);
        return st;
    }
    clock_gettime(CLOCK_MONOTONIC, &J->t0);
    int mip = J->L.nint > 0;
    J->r = po__result_new(model->ncols, model->nrows);
    /* Everything the result may hold is allocated before GLPK runs, so a
     * solve never fails half way for memory of ours; unused parts are
     * dropped at the end. */
    if (J->r == NULL || po__result_alloc_primal(J->r) != 0 ||
        po__result_alloc_dual(J->r) != 0 ||
        ((!mip || J->opt.sensitivity) &&
         po__result_alloc_basis(J->r) != 0) ||
        (J->opt.sensitivity &&
         (po__result_alloc_sensitivity(J->r) != 0 ||
          (J->ind = malloc(((size_t)model->ncols + 1) * sizeof(int))) ==
              NULL ||
          (J->val = malloc(((size_t)model->ncols + 1) * sizeof(double))) ==
              NULL))) {
        free(J->ind);
        free(J->val);
        po_result_free(J->r);
        prep_free(&J->L);
        free(J);
        return po__model_fail(model, PO_ENOMEM, "%s: out of memory", fn);
    }
    J->r->is_mip = mip;
    ctx_init(&J->c, J->opt.log, J->opt.log_user);
    if (start != NULL) {
        if (mip)
            ctx_note(&J->c, "warm start: not supported for MIPs; solving "
                            "cold");
        else if (!po_result_has_basis(start))
            ctx_note(&J->c, "warm start: the start result holds no basis; "
                            "solving cold");
        else
            J->start = start;
    }

    int keep = KEEP_NONE;
    if (J->L.empty_int_col >= 0) {
        /* glp_intopt refuses empty integer ranges (GLP_EBOUND): answer
         * without it */
        ctx_note(&J->c, "integer variable \"%s\" has no integer value "
                        "within its bounds: infeasible",
                 model->col_name[J->L.empty_int_col]);
        J->r->outcome = PO_OUTCOME_INFEASIBLE;
        log_flush(&J->c);
    } else {
        st = solve_trapped(J, &keep);
        session_end(&J->c);
    }
    po_result *r = J->r;
    r->time = elapsed(J);
    int have_basis = J->have_basis, have_sens = J->have_sens;
    free(J->ind);
    free(J->val);
    free(J->scale);
    prep_free(&J->L);
    free(J);
    if (st != PO_OK) {
        po_result_free(r);
        return st;
    }
    if (keep == KEEP_NONE) {
        po__result_drop_solution(r);
    } else if (keep == KEEP_PRIMAL) {
        free(r->duals);
        free(r->redcosts);
        r->duals = r->redcosts = NULL;
    }
    if (keep != KEEP_ALL || !have_basis)
        po__result_drop_basis(r);
    if (keep != KEEP_ALL || !have_sens)
        po__result_drop_sensitivity(r);
    *result = r;
    return PO_OK;
}

po_status po__backend_solve(po_model *model, const po_options *options,
                            po_result **result)
{
    return solve_common(model, options, NULL, result, "po_solve");
}

po_status po_solve_warm(po_model *model, const po_options *options,
                        const po_result *start, po_result **result)
{
    if (result != NULL)
        *result = NULL;
    if (model == NULL)
        return PO_EINVAL;
    po__model_clear_error(model);
    if (start == NULL)
        return po__model_fail(model, PO_EINVAL, "po_solve_warm: start is NULL");
    if (start->ncols != model->ncols || start->nrows != model->nrows)
        return po__model_fail(model, PO_EINVAL,
                              "po_solve_warm: the start result has %d "
                              "variables and %d constraints, the model %d "
                              "and %d",
                              start->ncols, start->nrows, model->ncols,
                              model->nrows);
    return solve_common(model, options, start, result, "po_solve_warm");
}

/* ------------------------------------------------------------------ */
/* Reading files                                                      */
/* ------------------------------------------------------------------ */

typedef struct read_job {
    glpk_ctx c;
    po_model *model; /* the caller's (empty) model */
    po_model *tmp;   /* filled, then swapped into model */
    const char *path, *data_path;
    po_format format;
    glp_prob *P;
    glp_tran *tran;
    char msg[MSG_SIZE]; /* GLPK's read error */
    /* copies out of GLPK; freed by read_job_free on every path */
    const char **rnames, **cnames;
    double *rlb, *rub, *clb, *cub, *cobj, *val;
    po_vartype *ctype;
    int *row_of, *cstart, *rind, *ind;
} read_job;

static void read_job_free(read_job *J)
{
    free(J->rnames);
    free(J->cnames);
    free(J->rlb);
    free(J->rub);
    free(J->clb);
    free(J->cub);
    free(J->cobj);
    free(J->val);
    free(J->ctype);
    free(J->row_of);
    free(J->cstart);
    free(J->rind);
    free(J->ind);
    po_model_free(J->tmp);
    free(J);
}

/* GLPK's read errors are "FILE:LINE: message" (warnings "FILE:LINE:
 * warning: ...").  Take the last error line; without one, the last line
 * that is not GLPK's chatter, prefixed with the path.  Returns the line
 * number, or 0. */
static long read_error_text(const glpk_ctx *c, const char *path, char *out,
                            size_t size)
{
    char buf[TAIL_SIZE];
    char *lines[128];
    int n = tail_lines(c, buf, sizeof buf, lines, 128);
    for (int k = n - 1; k >= 0; k--) {
        char *p = lines[k];
        char *colon = strstr(p, ":");
        while (colon != NULL) {
            char *end;
            long line = strtol(colon + 1, &end, 10);
            if (end > colon + 1 && isdigit((unsigned char)colon[1]) &&
                strncmp(end, ": ", 2) == 0 &&
                strncmp(end + 2, "warning:", 8) != 0) {
                snprintf(out, size, "%s", p);
                return line;
            }
            colon = strstr(colon + 1, ":");
        }
    }
    for (int k = n - 1; k >= 0; k--) {
        const char *p = lines[k];
        if (strncmp(p, "Reading ", 8) == 0 || strncmp(p, "Problem:", 8) == 0)
            continue;
        snprintf(out, size, "%s: %s", path, p);
        return 0;
    }
    snprintf(out, size, "%s: cannot read the file", path);
    return 0;
}

static int read_mps_auto(read_job *J)
{
    /* Free MPS first: it also reads most fixed files (names without
     * blanks); fixed second.  When both fail, report the error found
     * further into the file: that format understood more of it. */
    int ret = glp_read_mps(J->P, GLP_MPS_FILE, NULL, J->path);
    if (ret == 0)
        return 0;
    char free_msg[MSG_SIZE];
    long free_line = read_error_text(&J->c, J->path, free_msg, sizeof free_msg);
    tail_clear(&J->c);
    ctx_note(&J->c, "not free MPS; trying fixed MPS");
    ret = glp_read_mps(J->P, GLP_MPS_DECK, NULL, J->path);
    if (ret == 0)
        return 0;
    long fixed_line = read_error_text(&J->c, J->path, J->msg, sizeof J->msg);
    if (free_line >= fixed_line)
        snprintf(J->msg, sizeof J->msg, "%s", free_msg);
    return ret;
}

static int read_gmpl(read_job *J)
{
    J->tran = glp_mpl_alloc_wksp();
    int ret = glp_mpl_read_model(J->tran, J->path, J->data_path != NULL);
    if (ret == 0 && J->data_path != NULL)
        ret = glp_mpl_read_data(J->tran, J->data_path);
    if (ret == 0)
        ret = glp_mpl_generate(J->tran, NULL);
    if (ret == 0)
        glp_mpl_build_prob(J->tran, J->P);
    glp_mpl_free_wksp(J->tran);
    J->tran = NULL;
    return ret;
}

/* Copy the glp_prob into J->tmp through the public bulk calls.  Free rows
 * are not copied: GLPK's MPS reader already drops them (they only define
 * objectives), and glp_mpl_build_prob keeps each MathProg objective as a
 * free row as well as the objective itself. */
static po_status copy_from_glpk(read_job *J)
{
    glp_prob *P = J->P;
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    long nz = glp_get_num_nz(P);
    size_t mm = (size_t)m + 1, nn = (size_t)n + 1, zz = (size_t)nz + 1;
    J->rnames = calloc(mm, sizeof *J->rnames);
    J->cnames = calloc(nn, sizeof *J->cnames);
    J->rlb = calloc(mm, sizeof(double));
    J->rub = calloc(mm, sizeof(double));
    J->row_of = calloc(mm, sizeof(int));
    J->clb = calloc(nn, sizeof(double));
    J->cub = calloc(nn, sizeof(double));
    J->cobj = calloc(nn, sizeof(double));
    J->ctype = calloc(nn, sizeof(po_vartype));
    J->cstart = calloc(nn, sizeof(int));
    J->ind = calloc(mm, sizeof(int));
    J->val = calloc(zz > mm ? zz : mm, sizeof(double));
    J->rind = calloc(zz, sizeof(int));
    J->tmp = po_model_new();
    if (!J->rnames || !J->cnames || !J->rlb || !J->rub || !J->row_of ||
        !J->clb || !J->cub || !J->cobj || !J->ctype || !J->cstart || !J->ind ||
        !J->val || !J->rind || !J->tmp)
        return po__model_fail(J->model, PO_ENOMEM,
                              "po_model_read: out of memory");
    J->tmp->alloc_fail_after = J->model->alloc_fail_after;

    int mk = 0;
    for (int i = 1; i <= m; i++) {
        int t = glp_get_row_type(P, i);
        if (t == GLP_FR)
            continue;
        J->row_of[i] = ++mk;
        J->rnames[mk - 1] = glp_get_row_name(P, i); /* NULL: default name */
        J->rlb[mk - 1] = t == GLP_UP ? -PO_INF : glp_get_row_lb(P, i);
        J->rub[mk - 1] = t == GLP_LO ? PO_INF : glp_get_row_ub(P, i);
    }
    int pos = 0;
    for (int j = 1; j <= n; j++) {
        int t = glp_get_col_type(P, j);
        J->cnames[j - 1] = glp_get_col_name(P, j);
        J->clb[j - 1] = t == GLP_FR || t == GLP_UP ? -PO_INF
                                                  : glp_get_col_lb(P, j);
        J->cub[j - 1] = t == GLP_FR || t == GLP_LO ? PO_INF
                                                  : glp_get_col_ub(P, j);
        J->cobj[j - 1] = glp_get_obj_coef(P, j);
        int kind = glp_get_col_kind(P, j);
        J->ctype[j - 1] = kind == GLP_BV   ? PO_BINARY
                          : kind == GLP_IV ? PO_INTEGER
                                           : PO_CONTINUOUS;
        J->cstart[j - 1] = pos;
        int len = glp_get_mat_col(P, j, J->ind, J->val + pos);
        /* glp_get_mat_col fills [1..len]; shift down, dropping free rows */
        int out = 0;
        for (int k = 1; k <= len; k++) {
            int i = J->row_of[J->ind[k]];
            if (i == 0)
                continue;
            J->rind[pos + out] = i - 1;
            J->val[pos + out] = J->val[pos + k];
            out++;
        }
        pos += out;
    }
    J->cstart[n] = pos;

    po_model *t = J->tmp;
    po_status st = po_model_add_constrs(t, mk, J->rnames, J->rlb, J->rub,
                                        NULL, NULL, NULL);
    if (st == PO_OK)
        st = po_model_add_vars(t, n, J->cnames, J->clb, J->cub, J->cobj,
                               J->ctype, J->cstart, J->rind, J->val);
    const char *name = glp_get_prob_name(P);
    if (st == PO_OK)
        st = po_model_set_name(t, name != NULL ? name : "");
    if (st == PO_OK)
        st = po_model_set_sense(t, glp_get_obj_dir(P) == GLP_MAX
                                       ? PO_MAXIMIZE
                                       : PO_MINIMIZE);
    if (st == PO_OK)
        st = po_model_set_obj_constant(t, glp_get_obj_coef(P, 0));
    if (st != PO_OK)
        return po__model_fail(J->model, st, "%s: %s", J->path,
                              po_model_errmsg(t));
    return PO_OK;
}

static po_status read_trapped(read_job *J)
{
    if (setjmp(J->c.jmp) != 0) {
        J->P = NULL; /* freed with the environment */
        J->tran = NULL;
        return trap_status(J->model, &J->c, "po_model_read");
    }
    session_begin(&J->c);
    J->P = glp_create_prob();
    int ret;
    switch (J->format) {
    case PO_FORMAT_MPS:
        ret = glp_read_mps(J->P, GLP_MPS_DECK, NULL, J->path);
        break;
    case PO_FORMAT_FREEMPS:
        ret = glp_read_mps(J->P, GLP_MPS_FILE, NULL, J->path);
        break;
    case PO_FORMAT_LP:
        ret = glp_read_lp(J->P, NULL, J->path);
        break;
    case PO_FORMAT_GMPL:
        ret = read_gmpl(J);
        break;
    default: /* PO_FORMAT_AUTO on a .mps path */
        ret = read_mps_auto(J);
        break;
    }
    po_status st;
    if (ret != 0) {
        if (J->msg[0] == '\0')
            read_error_text(&J->c, J->path, J->msg, sizeof J->msg);
        st = po__model_fail(J->model, PO_EPARSE, "%s", J->msg);
    } else {
        st = copy_from_glpk(J);
    }
    glp_delete_prob(J->P);
    J->P = NULL;
    return st;
}

/* Missing and unreadable files get the system's words, not GLPK's. */
static po_status check_readable(po_model *model, const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0)
        return po__model_fail(model, PO_EIO, "%s: %s", path, strerror(errno));
    if (S_ISDIR(sb.st_mode))
        return po__model_fail(model, PO_EIO, "%s: %s", path,
                              strerror(EISDIR));
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return po__model_fail(model, PO_EIO, "%s: %s", path, strerror(errno));
    fclose(f);
    return PO_OK;
}

/* po_model_read; `fast`: MPS files through procopt's reader first. */
static po_status model_read(po_model *model, const char *path,
                            po_format format, const char *data_path,
                            int fast)
{
    if (model == NULL)
        return PO_EINVAL;
    po__model_clear_error(model);
    if (path == NULL || path[0] == '\0')
        return po__model_fail(model, PO_EINVAL, "po_model_read: no path");
    if (model->ncols != 0 || model->nrows != 0)
        return po__model_fail(model, PO_EINVAL,
                              "po_model_read: the model is not empty (%d "
                              "variables, %d constraints)",
                              model->ncols, model->nrows);
    po_format fmt = format;
    if (fmt == PO_FORMAT_AUTO) {
        fmt = po_format_from_path(path);
        if (fmt == PO_FORMAT_MPS)
            fmt = PO_FORMAT_AUTO; /* free, then fixed */
        else if (fmt == PO_FORMAT_AUTO)
            return po__model_fail(model, PO_EFORMAT,
                                  "%s: unknown file extension (expected .mps, "
                                  ".lp or .mod, optionally .gz); give the "
                                  "format",
                                  path);
    }
    if (fmt == PO_FORMAT_JSON)
        return po__model_fail(model, PO_EFORMAT,
                              "%s: process models (JSON) are not read with "
                              "po_model_read",
                              path);
    if ((int)fmt < PO_FORMAT_AUTO || fmt > PO_FORMAT_JSON)
        return po__model_fail(model, PO_EFORMAT,
                              "po_model_read: bad format %d", (int)format);
    if (data_path != NULL && fmt != PO_FORMAT_GMPL)
        return po__model_fail(model, PO_EINVAL,
                              "%s: a data file is only used with GNU "
                              "MathProg models",
                              path);
    po_status st = check_readable(model, path);
    if (st == PO_OK && data_path != NULL)
        st = check_readable(model, data_path);
    if (st != PO_OK)
        return st;

    /* MPS: procopt's reader (lib/model/mps_read.c, 3.5x-4x fewer
     * instructions, the same model); what it does not take GLPK reads,
     * with GLPK's messages.  For AUTO (free, then fixed) only the free
     * reading: a file it takes as free MPS GLPK reads as free MPS too. */
    if (fast && (fmt == PO_FORMAT_MPS || fmt == PO_FORMAT_FREEMPS ||
                 fmt == PO_FORMAT_AUTO)) {
        po_model *m = NULL;
        st = po__mps_read(path, fmt == PO_FORMAT_MPS,
                          model->alloc_fail_after, &m);
        if (st == PO_ENOMEM)
            return po__model_fail(model, PO_ENOMEM,
                                  "po_model_read: out of memory");
        if (st == PO_OK) {
            struct po_model old = *model; /* as below: all or nothing */
            *model = *m;
            *m = old;
            po_model_free(m);
            po__model_clear_error(model);
            return PO_OK;
        }
    }

    read_job *J = calloc(1, sizeof *J);
    if (J == NULL)
        return po__model_fail(model, PO_ENOMEM, "po_model_read: out of memory");
    J->model = model;
    J->path = path;
    J->data_path = data_path;
    J->format = fmt;
    ctx_init(&J->c, NULL, NULL);
    st = read_trapped(J);
    session_end(&J->c);
    if (st == PO_OK) {
        /* All or nothing: the filled model takes the place of the empty
         * one (struct po_model holds no pointers into itself). */
        struct po_model old = *model;
        *model = *J->tmp;
        *J->tmp = old;
        po__model_clear_error(model);
    }
    read_job_free(J);
    return st;
}

po_status po_model_read(po_model *model, const char *path, po_format format,
                        const char *data_path)
{
    return model_read(model, path, format, data_path, 1);
}

po_status po__model_read_glpk(po_model *model, const char *path,
                              po_format format, const char *data_path)
{
    return model_read(model, path, format, data_path, 0);
}

/* ------------------------------------------------------------------ */
/* Writing files                                                      */
/* ------------------------------------------------------------------ */

/* GLPK's writers change names they cannot write (see po_model_write in
 * procopt.h); this reproduces what they write, to find names that would
 * come out twice and make the file unreadable. */
#define LP_CHAR_SET "!\"#$%&()/,.;?@_`'{}|~"

static void mps_name(char *out, const char *name, int fixed, char kind,
                     int index)
{
    if (fixed && strlen(name) > 8) {
        snprintf(out, PO_NAME_MAX + 1, "%c%07d", kind, index);
        return;
    }
    snprintf(out, PO_NAME_MAX + 1, "%s", name);
    for (char *p = out; *p; p++)
        if (*p == ' ')
            *p = '_';
}

static void lp_name(char *out, const char *name, char kind, int index,
                    const prep *L, const po_model *mod)
{
    snprintf(out, PO_NAME_MAX + 1, "%s", name);
    int bad = out[0] == '.' || isdigit((unsigned char)out[0]);
    for (char *p = out; *p; p++) {
        if (*p == ' ')
            *p = '_';
        else if (*p == '-')
            *p = '~';
        else if (*p == '[')
            *p = '(';
        else if (*p == ']')
            *p = ')';
        if (!isalnum((unsigned char)*p) && strchr(LP_CHAR_SET, *p) == NULL)
            bad = 1;
    }
    if (!bad)
        return;
    if (kind == 'r' || index == 0) {
        snprintf(out, PO_NAME_MAX + 1, "r_%d", index);
        return;
    }
    int j = index - 1;
    char prefix = L->clb[j] == L->cub[j]                     ? 's'
                  : mod->col_type[j] == PO_CONTINUOUS        ? 'x'
                  : (L->clb[j] == 0 && L->cub[j] == 1)       ? 'z'
                                                             : 'y';
    snprintf(out, PO_NAME_MAX + 1, "%c_%d", prefix, index);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* PO_OK when every written name is unique within rows and within columns. */
static po_status check_written_names(po_model *mod, const prep *L,
                                     po_format fmt, const char *path,
                                     const char *const_name)
{
    int nr = L->m + (fmt != PO_FORMAT_LP ? 1 : 0);
    int nc = L->n + (const_name[0] != '\0' ? 1 : 0);
    if (fmt == PO_FORMAT_LP)
        for (int i = 0; i < mod->nrows; i++)
            if (L->row_of[i] != 0 && !isinf(mod->row_lb[i]) &&
                !isinf(mod->row_ub[i]) && mod->row_lb[i] != mod->row_ub[i])
                nc++; /* the writer adds a column "~r_<i>" per range */
    size_t total = (size_t)nr + (size_t)nc;
    char *pool = malloc((total + 1) * (PO_NAME_MAX + 2));
    char **rows = malloc(((size_t)nr + 1) * sizeof(char *));
    char **cols = malloc(((size_t)nc + 1) * sizeof(char *));
    if (!pool || !rows || !cols) {
        free(pool);
        free(rows);
        free(cols);
        return po__model_fail(mod, PO_ENOMEM, "po_model_write: out of memory");
    }
    char *next = pool;
    int r = 0, c = 0;
    if (fmt != PO_FORMAT_LP) {
        strcpy(next, "R0000000"); /* the objective row */
        rows[r++] = next;
        next += PO_NAME_MAX + 2;
    }
    for (int i = 0; i < mod->nrows; i++) {
        int gi = L->row_of[i];
        if (gi == 0)
            continue;
        if (fmt == PO_FORMAT_LP)
            lp_name(next, mod->row_name[i], 'r', gi, L, mod);
        else
            mps_name(next, mod->row_name[i], fmt == PO_FORMAT_MPS, 'R', gi);
        rows[r++] = next;
        next += PO_NAME_MAX + 2;
        if (fmt == PO_FORMAT_LP && !isinf(mod->row_lb[i]) &&
            !isinf(mod->row_ub[i]) && mod->row_lb[i] != mod->row_ub[i]) {
            snprintf(next, PO_NAME_MAX + 1, "~r_%d", gi);
            cols[c++] = next;
            next += PO_NAME_MAX + 2;
        }
    }
    for (int j = 0; j < mod->ncols; j++) {
        if (fmt == PO_FORMAT_LP)
            lp_name(next, mod->col_name[j], 'c', j + 1, L, mod);
        else
            mps_name(next, mod->col_name[j], fmt == PO_FORMAT_MPS, 'C', j + 1);
        cols[c++] = next;
        next += PO_NAME_MAX + 2;
    }
    if (const_name[0] != '\0') {
        if (fmt == PO_FORMAT_LP)
            lp_name(next, const_name, 'x', 0, L, mod);
        else
            mps_name(next, const_name, fmt == PO_FORMAT_MPS, 'C', L->n + 1);
        cols[c++] = next;
    }
    po_status st = PO_OK;
    for (int pass = 0; pass < 2 && st == PO_OK; pass++) {
        char **v = pass == 0 ? rows : cols;
        int cnt = pass == 0 ? r : c;
        qsort(v, (size_t)cnt, sizeof *v, cmp_str);
        for (int k = 1; k < cnt; k++) {
            if (strcmp(v[k - 1], v[k]) == 0) {
                st = po__model_fail(
                    mod, PO_ENAME,
                    "%s: two %s would both be written as \"%s\" in %s "
                    "(GLPK's writer changes names it cannot write); rename "
                    "them or use another format",
                    path, pass == 0 ? "constraints" : "variables", v[k],
                    po_format_name(fmt));
                break;
            }
        }
    }
    free(pool);
    free(rows);
    free(cols);
    return st;
}

typedef struct write_job {
    glpk_ctx c;
    po_model *model;
    prep L;
    po_format format;
    const char *tmp_path;
    glp_prob *P;
    char const_name[32]; /* column carrying the objective constant, or "" */
} write_job;

/*
 * What the file says must mean the same in every reader:
 *  - The objective constant becomes a variable fixed at 1 whose cost is the
 *    constant (J->const_name).  GLPK's LP writer would only write it as a
 *    comment, and in MPS GLPK reads the objective row's RHS as +constant
 *    where most other readers take -constant.
 *  - GLPK's MPS dialect has no objective sense (its reader takes no
 *    OBJSENSE section): a maximization is written as the minimization of
 *    the negated objective.  CPLEX LP keeps "Maximize".
 */
static void adjust_objective(write_job *J)
{
    glp_prob *P = J->P;
    if (J->const_name[0] != '\0') {
        int j = glp_add_cols(P, 1);
        glp_set_col_name(P, j, J->const_name);
        glp_set_col_bnds(P, j, GLP_FX, 1.0, 1.0);
        glp_set_obj_coef(P, j, J->model->obj_constant);
        glp_set_obj_coef(P, 0, 0.0);
    }
    if (J->format != PO_FORMAT_LP && J->model->sense == PO_MAXIMIZE) {
        glp_set_obj_dir(P, GLP_MIN);
        int n = glp_get_num_cols(P);
        for (int j = 1; j <= n; j++)
            glp_set_obj_coef(P, j, -glp_get_obj_coef(P, j));
    }
}

static po_status write_trapped(write_job *J, int *ret)
{
    if (setjmp(J->c.jmp) != 0) {
        J->P = NULL;
        return trap_status(J->model, &J->c, "po_model_write");
    }
    session_begin(&J->c);
    J->P = glp_create_prob();
    load_prob(J->P, J->model, &J->L, 1, 1);
    adjust_objective(J);
    if (J->format == PO_FORMAT_LP)
        *ret = glp_write_lp(J->P, NULL, J->tmp_path);
    else
        *ret = glp_write_mps(J->P,
                             J->format == PO_FORMAT_MPS ? GLP_MPS_DECK
                                                        : GLP_MPS_FILE,
                             NULL, J->tmp_path);
    glp_delete_prob(J->P);
    J->P = NULL;
    return PO_OK;
}

/* Copy a finished temporary file into a device or FIFO target. */
static po_status copy_into(po_model *model, const char *from, const char *to)
{
    FILE *in = fopen(from, "rb");
    FILE *out = in != NULL ? fopen(to, "wb") : NULL;
    po_status st = PO_OK;
    char buf[65536];
    size_t n;
    if (in == NULL || out == NULL)
        st = po__model_fail(model, PO_EIO, "%s: %s", to, strerror(errno));
    while (st == PO_OK && (n = fread(buf, 1, sizeof buf, in)) > 0)
        if (fwrite(buf, 1, n, out) != n)
            st = po__model_fail(model, PO_EIO, "%s: %s", to, strerror(errno));
    if (in != NULL)
        fclose(in);
    if (out != NULL && fclose(out) != 0 && st == PO_OK)
        st = po__model_fail(model, PO_EIO, "%s: %s", to, strerror(errno));
    return st;
}

po_status po_model_write(po_model *model, const char *path, po_format format)
{
    if (model == NULL)
        return PO_EINVAL;
    po__model_clear_error(model);
    if (path == NULL || path[0] == '\0')
        return po__model_fail(model, PO_EINVAL, "po_model_write: no path");
    po_format fmt = format;
    if (fmt == PO_FORMAT_AUTO) {
        fmt = po_format_from_path(path);
        if (fmt == PO_FORMAT_MPS)
            fmt = PO_FORMAT_FREEMPS; /* keeps long names */
        else if (fmt == PO_FORMAT_AUTO)
            return po__model_fail(model, PO_EFORMAT,
                                  "%s: unknown file extension (expected .mps "
                                  "or .lp, optionally .gz); give the format",
                                  path);
    }
    if (fmt != PO_FORMAT_MPS && fmt != PO_FORMAT_FREEMPS &&
        fmt != PO_FORMAT_LP)
        return po__model_fail(model, PO_EFORMAT,
                              "%s: cannot write format \"%s\" (MPS, free MPS "
                              "and CPLEX LP can be written)",
                              path,
                              po_format_name(fmt) ? po_format_name(fmt) : "?");

    write_job *J = calloc(1, sizeof *J);
    if (J == NULL)
        return po__model_fail(model, PO_ENOMEM,
                              "po_model_write: out of memory");
    J->model = model;
    J->format = fmt;
    po_status st = prep_model(model, "po_model_write", &J->L, 1, 0);
    if (st != PO_OK) {
        free(J);
        return st;
    }
    /* Shapes GLPK's writers cannot hold: refuse rather than write a file
     * that does not read back (its MPS writer asserts a row exists for an
     * empty column; its LP writer writes no objective without rows). */
    if (fmt == PO_FORMAT_LP && (J->L.m == 0 || J->L.n == 0))
        st = po__model_fail(model, PO_EFORMAT,
                            "%s: GLPK's CPLEX LP writer cannot write a model "
                            "without constraints or without variables; use "
                            "MPS",
                            path);
    for (int j = 0; st == PO_OK && fmt != PO_FORMAT_LP && J->L.m == 0 &&
                    j < model->ncols;
         j++)
        if (model->col_obj[j] == 0)
            st = po__model_fail(model, PO_EFORMAT,
                                "%s: GLPK's MPS writer cannot write variable "
                                "\"%s\", which has no coefficient at all, in "
                                "a model without constraints",
                                path, model->col_name[j]);
    if (st == PO_OK && model->obj_constant != 0) {
        /* "objconst", or "objconst<k>" if a variable has that name */
        snprintf(J->const_name, sizeof J->const_name, "objconst");
        for (int k = 1; po_model_find_var(model, J->const_name) >= 0; k++)
            snprintf(J->const_name, sizeof J->const_name, "objconst%d", k);
    }
    if (st == PO_OK)
        st = check_written_names(model, &J->L, fmt, path, J->const_name);
    if (st != PO_OK) {
        prep_free(&J->L);
        free(J);
        return st;
    }

    /* Whole or nothing: write into a fresh directory beside the target
     * (same file system, same base name so GLPK still sees ".gz"), then
     * rename() over the target. */
    size_t len = strlen(path);
    const char *slash = strrchr(path, '/');
    const char *base = slash != NULL ? slash + 1 : path;
    size_t dirlen = slash != NULL ? (size_t)(slash - path) : 0;
    char *tmpdir = malloc(len + 32);
    char *tmpfile = malloc(2 * len + 48);
    if (tmpdir == NULL || tmpfile == NULL) {
        free(tmpdir);
        free(tmpfile);
        prep_free(&J->L);
        free(J);
        return po__model_fail(model, PO_ENOMEM,
                              "po_model_write: out of memory");
    }
    /* A device or FIFO (/dev/null, a pipe) must be written in place:
     * renaming over it would replace the device with a regular file. */
    struct stat target;
    int special = stat(path, &target) == 0 && !S_ISREG(target.st_mode) &&
                  !S_ISDIR(target.st_mode);
    if (*base == '\0') {
        st = po__model_fail(model, PO_EIO, "%s: %s", path, strerror(EISDIR));
    } else {
        if (special)
            snprintf(tmpdir, len + 32, "/tmp/.po-write-XXXXXX");
        else if (slash == NULL)
            snprintf(tmpdir, len + 32, ".po-write-XXXXXX");
        else if (dirlen == 0)
            snprintf(tmpdir, len + 32, "/.po-write-XXXXXX");
        else
            snprintf(tmpdir, len + 32, "%.*s/.po-write-XXXXXX", (int)dirlen,
                     path);
        if (mkdtemp(tmpdir) == NULL)
            st = po__model_fail(model, PO_EIO,
                                "%s: cannot create a file there: %s", path,
                                strerror(errno));
    }
    if (st == PO_OK) {
        snprintf(tmpfile, 2 * len + 48, "%s/%s", tmpdir, base);
        J->tmp_path = tmpfile;
        ctx_init(&J->c, NULL, NULL);
        int ret = -1;
        st = write_trapped(J, &ret);
        if (st == PO_OK && ret != 0) {
            char buf[TAIL_SIZE];
            char *lines[128];
            int n = tail_lines(&J->c, buf, sizeof buf, lines, 128);
            st = po__model_fail(model, PO_EIO, "%s: write failed: %s", path,
                                n > 0 ? lines[n - 1] : "GLPK gave no reason");
        }
        session_end(&J->c);
        if (st == PO_OK && special)
            st = copy_into(model, tmpfile, path);
        else if (st == PO_OK && rename(tmpfile, path) != 0)
            st = po__model_fail(model, PO_EIO, "%s: %s", path,
                                strerror(errno));
        if (st != PO_OK)
            unlink(tmpfile);
        rmdir(tmpdir);
    }
    free(tmpdir);
    free(tmpfile);
    prep_free(&J->L);
    free(J);
    return st;
}

/* ------------------------------------------------------------------ */
/* Test hook                                                          */
/* ------------------------------------------------------------------ */

typedef struct fatal_job {
    glpk_ctx c;
    po_model *model;
    glp_prob *P;
} fatal_job;

static po_status fatal_trapped(fatal_job *J)
{
    if (setjmp(J->c.jmp) != 0) {
        J->P = NULL;
        return trap_status(J->model, &J->c, "po__backend_test_fatal");
    }
    session_begin(&J->c);
    J->P = glp_create_prob();
    glp_add_cols(J->P, 1);
    /* column 2 does not exist: GLPK reports a fatal error */
    glp_set_obj_coef(J->P, 2, 1.0);
    glp_delete_prob(J->P);
    J->P = NULL;
    return PO_OK;
}

po_status po__backend_test_fatal(po_model *model, po_log_fn log,
                                 void *log_user)
{
    if (model == NULL)
        return PO_EINVAL;
    po__model_clear_error(model);
    fatal_job *J = calloc(1, sizeof *J);
    if (J == NULL)
        return po__model_fail(model, PO_ENOMEM, "out of memory");
    J->model = model;
    ctx_init(&J->c, log, log_user);
    po_status st = fatal_trapped(J);
    session_end(&J->c);
    free(J);
    return st;
}
