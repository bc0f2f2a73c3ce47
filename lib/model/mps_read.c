/*
 * mps_read.c -- procopt's own reader of MPS files (fixed and free), the
 * fast path of po_model_read.  GLPK's glp_read_mps takes about 200
 * instructions per byte (it reads one character at a time through its own
 * stream layer, and keeps its matrix as linked lists); reading the netlib
 * LPs was 30-55 % of a whole glpsol run below 0.1 s.  This reader takes
 * 3.5x-4x fewer instructions (docs/benchmarks.md, "LP defaults") and
 * builds exactly the model po_model_read builds through GLPK: it follows
 * glp_read_mps's rules (GLPK 5.0, api/mps.c) for what it takes, and
 * declines (PO_EPARSE, nothing built) whatever GLPK would reject, warn
 * about or treat in its own way, so that GLPK reads those files and its
 * messages stay the messages.  Checked field by field against GLPK's
 * reading on the 91 netlib LPs, the 65 MIPLIB 3 MIPs and the Debian sample
 * files, as fixed and as free MPS (tests/test_mps_read.c on the samples).
 *
 * The rules kept from GLPK: indicator records NAME, ROWS, COLUMNS, [RHS],
 * [RANGES], [BOUNDS], ENDATA in that order; '*' in column 1 starts a
 * comment record; fixed MPS takes fields at positions 2-3, 5-12, 15-22,
 * 25-36, 40-47, 50-61, removes the blanks inside names, and a field 3 or
 * 5 starting with '$' ends the record; free MPS splits at blanks and has
 * no field 1 in COLUMNS, RHS and RANGES records (nor field 4 in MARKER
 * records).  The first N row is the objective (its RHS is the objective
 * constant as it is); every N row is dropped.  A value below 1e-12 in
 * magnitude is 0 and a zero coefficient is not stored.  Columns between
 * 'INTORG' and 'INTEND' markers are integer with bounds [0, 1]; LI, UI and
 * BV make a column integer (LI's upper bound infinite unless given).
 * Ranges: [rhs, rhs + |R|] for G rows, [rhs - |R|, rhs] for L rows, and
 * for E rows [rhs, rhs + R] or [rhs + R, rhs] by the sign of R.  Entries
 * are stored with the rows ascending in each column (glp_sort_matrix).
 */
#include "mps_read.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "model.h"

#define NOT_TAKEN PO_EPARSE
#define TOL_MPS 1e-12 /* GLPK's glp_mpscp.tol_mps */

/* ---- names: open addressing over pointers into the file buffer ---- */

typedef struct names {
    char **key;
    int *val;
    size_t cap, cnt; /* cap a power of 2, at most half full */
} names;

static unsigned long hash(const char *s)
{
    unsigned long h = 1469598103934665603UL; /* FNV-1a */
    for (; *s != '\0'; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211UL;
    return h;
}

static int names_init(names *h, size_t cap)
{
    h->cap = cap;
    h->cnt = 0;
    h->key = calloc(cap, sizeof *h->key);
    h->val = calloc(cap, sizeof *h->val);
    return h->key != NULL && h->val != NULL ? 0 : -1;
}

static void names_free(names *h)
{
    free(h->key);
    free(h->val);
}

static int names_find(const names *h, const char *s)
{
    for (size_t i = hash(s) & (h->cap - 1); h->key[i] != NULL;
         i = (i + 1) & (h->cap - 1))
        if (strcmp(h->key[i], s) == 0)
            return h->val[i];
    return -1;
}

/* 0 added, 1 already there, -1 out of memory */
static int names_add(names *h, char *s, int v)
{
    if ((h->cnt + 1) * 2 > h->cap) {
        names g;
        if (names_init(&g, h->cap * 2) != 0) {
            names_free(&g);
            return -1;
        }
        for (size_t i = 0; i < h->cap; i++) {
            if (h->key[i] == NULL)
                continue;
            size_t k = hash(h->key[i]) & (g.cap - 1);
            while (g.key[k] != NULL)
                k = (k + 1) & (g.cap - 1);
            g.key[k] = h->key[i];
            g.val[k] = h->val[i];
        }
        g.cnt = h->cnt;
        names_free(h);
        *h = g;
    }
    size_t i = hash(s) & (h->cap - 1);
    for (; h->key[i] != NULL; i = (i + 1) & (h->cap - 1))
        if (strcmp(h->key[i], s) == 0)
            return 1;
    h->key[i] = s;
    h->val[i] = v;
    h->cnt++;
    return 0;
}

/* ---- the reading ---- */

enum { S_NAME, S_ROWS, S_COLS, S_RHS, S_RANGES, S_BOUNDS, S_END };

typedef struct reader {
    int fixed;
    char *buf;
    size_t len;
    names rows, cols;
    int nr, nc, obj, integer; /* obj: first N row or -1; integer: in markers */
    size_t rcap, ccap, zcap, nz;
    char **rname;
    char *rtype; /* 'N', 'L', 'G', 'E' */
    double *rhs, *rng;
    unsigned char *rflag; /* 1: RHS given, 2: range given */
    char **cname;
    double *clb, *cub, *cobj;
    po_vartype *ctype;
    int *cstart, *rind, *seen; /* seen: row -> last column with an entry */
    double *val;
    unsigned char *bflag; /* per column: 0x01 lower, 0x10 upper bound set */
    double objconst;
    const char *name;
    const char *vec[3]; /* names of the RHS, RANGES and BOUNDS vectors */
    int have_vec[3];
} reader;

/* realloc that keeps *p on failure */
static int grow(void *p, size_t n, size_t size)
{
    void **pp = p;
    void *q = realloc(*pp, n * size);
    if (q == NULL)
        return -1;
    *pp = q;
    return 0;
}

static int grow_rows(reader *R)
{
    size_t c = R->rcap * 2;
    if (grow(&R->rname, c, sizeof *R->rname) || grow(&R->rtype, c, 1) ||
        grow(&R->rhs, c, sizeof(double)) || grow(&R->rng, c, sizeof(double)) ||
        grow(&R->rflag, c, 1))
        return -1;
    R->rcap = c;
    return 0;
}

static int grow_cols(reader *R)
{
    size_t c = R->ccap * 2;
    if (grow(&R->cname, c, sizeof *R->cname) ||
        grow(&R->clb, c, sizeof(double)) || grow(&R->cub, c, sizeof(double)) ||
        grow(&R->cobj, c, sizeof(double)) ||
        grow(&R->ctype, c, sizeof *R->ctype) ||
        grow(&R->cstart, c + 1, sizeof(int)))
        return -1;
    R->ccap = c;
    return 0;
}

static int grow_nz(reader *R)
{
    size_t c = R->zcap * 2;
    if (grow(&R->rind, c, sizeof(int)) || grow(&R->val, c, sizeof(double)))
        return -1;
    R->zcap = c;
    return 0;
}

static void reader_free(reader *R)
{
    names_free(&R->rows);
    names_free(&R->cols);
    free(R->rname);
    free(R->rtype);
    free(R->rhs);
    free(R->rng);
    free(R->rflag);
    free(R->cname);
    free(R->clb);
    free(R->cub);
    free(R->cobj);
    free(R->ctype);
    free(R->cstart);
    free(R->rind);
    free(R->seen);
    free(R->val);
    free(R->bflag);
    free(R->buf);
}

/* The whole file, decompressed if gzipped (zlib reads plain files as they
 * are).  PO_OK, PO_ENOMEM or NOT_TAKEN (GLPK reports what is wrong). */
static po_status slurp(const char *path, reader *R)
{
    gzFile f = gzopen(path, "rb");
    if (f == NULL)
        return NOT_TAKEN;
    size_t cap = 1 << 16, n = 0;
    char *b = malloc(cap + 1);
    po_status st = b == NULL ? PO_ENOMEM : PO_OK;
    while (st == PO_OK) {
        if (n == cap) {
            if (cap > ((size_t)1 << 40) || grow(&b, cap * 2 + 1, 1) != 0) {
                st = PO_ENOMEM;
                break;
            }
            cap *= 2;
        }
        int got = gzread(f, b + n, (unsigned)(cap - n > (1u << 30)
                                                   ? (1u << 30)
                                                   : cap - n));
        if (got < 0)
            st = NOT_TAKEN;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    gzclose(f);
    if (st != PO_OK) {
        free(b);
        return st;
    }
    b[n] = '\0';
    R->buf = b;
    R->len = n;
    return PO_OK;
}

/* GLPK's strspx: names lose every blank */
static void squeeze(char *s)
{
    char *t = s;
    for (; *s != '\0'; s++)
        if (*s != ' ')
            *t++ = *s;
    *t = '\0';
}

static const int fld_beg[7] = {0, 2, 5, 15, 25, 40, 50};
static const int fld_end[7] = {0, 3, 12, 22, 36, 47, 61};

/* Cut data record `line` (length len, NUL at line[len]) into fields 1..6,
 * in place; absent fields are "" (the NUL at the end, writable).  Free
 * MPS records start at field `first`.  -1: GLPK would reject or warn. */
static int fields(char *line, size_t len, int fixed, int first, char **f)
{
    for (int k = 1; k <= 6; k++)
        f[k] = line + len;
    if (fixed) {
        if (len > 80)
            return -1; /* GLPK warns: longer than 80 characters */
        int last = 6;
        /* the gaps before the fields must be blank: check them all before
         * a NUL goes into any (each field ends before a gap) */
        for (int k = 1; k <= 6; k++) {
            if ((size_t)fld_beg[k] > len) {
                last = k - 1;
                break;
            }
            for (int q = k == 1 ? 1 : fld_end[k - 1] + 1; q < fld_beg[k]; q++)
                if (line[q - 1] != ' ')
                    return -1;
            if ((k == 3 || k == 5) && line[fld_beg[k] - 1] == '$') {
                last = k - 1; /* a comment: the rest is blank */
                break;
            }
        }
        if (last == 6)
            for (size_t q = 62; q <= len && q <= 72; q++)
                if (line[q - 1] != ' ')
                    return -1;
        for (int k = 1; k <= last; k++) {
            size_t b = (size_t)fld_beg[k] - 1;
            size_t e = (size_t)fld_end[k] < len ? (size_t)fld_end[k] : len;
            line[e] = '\0';
            while (e > b && line[e - 1] == ' ')
                line[--e] = '\0';
            f[k] = line + b;
        }
        return 0;
    }
    char *p = line, *end = line + len;
    for (int k = first; k <= 6; k++) {
        while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
            p++;
        if (p >= end || *p == '$')
            return 0;
        char *s = p;
        while (p < end && *p != ' ' && *p != '\t' && *p != '\r')
            p++;
        if (p - s > 255)
            return -1; /* GLPK: field too long */
        *p++ = '\0';
        f[k] = s;
    }
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\r'))
        p++;
    return p < end && *p != '$' ? -1 : 0; /* GLPK warns: extra fields */
}

/* A number as GLPK's str2num takes it ([+-]digits[.digits][(e|E)[+-]
 * digits], at least one digit), below TOL_MPS taken as 0.  0: *v set;
 * -1: not a number GLPK takes, or out of range. */
static int number(const char *s, double *v)
{
    while (*s == ' ')
        s++;
    const char *p = s;
    int digits = 0;
    if (*p == '+' || *p == '-')
        p++;
    for (; isdigit((unsigned char)*p); p++)
        digits++;
    if (*p == '.')
        for (p++; isdigit((unsigned char)*p); p++)
            digits++;
    if (digits == 0)
        return -1;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        if (!isdigit((unsigned char)*p))
            return -1;
        while (isdigit((unsigned char)*p))
            p++;
    }
    if (*p != '\0')
        return -1;
    double x = strtod(s, NULL);
    if (!isfinite(x))
        return -1;
    *v = fabs(x) < TOL_MPS ? 0.0 : x;
    return 0;
}

static po_status row_record(reader *R, char **f)
{
    squeeze(f[1]);
    squeeze(f[2]);
    const char *t = f[1];
    if (!(t[0] != '\0' && t[1] == '\0' && strchr("NGLE", t[0]) != NULL) ||
        f[2][0] == '\0' || f[3][0] || f[4][0] || f[5][0] || f[6][0])
        return NOT_TAKEN;
    if ((size_t)R->nr == R->rcap && grow_rows(R) != 0)
        return PO_ENOMEM;
    int h = names_add(&R->rows, f[2], R->nr);
    if (h != 0)
        return h < 0 ? PO_ENOMEM : NOT_TAKEN; /* row named twice */
    if (t[0] == 'N' && R->obj < 0)
        R->obj = R->nr;
    R->rname[R->nr] = f[2];
    R->rtype[R->nr] = t[0];
    R->rhs[R->nr] = R->rng[R->nr] = 0.0;
    R->rflag[R->nr] = 0;
    R->nr++;
    return PO_OK;
}

static po_status column_record(reader *R, char **f)
{
    if (R->fixed && f[1][0] != '\0')
        return NOT_TAKEN;
    squeeze(f[2]);
    squeeze(f[3]);
    if (strcmp(f[3], "'MARKER'") == 0) {
        char *kw = R->fixed ? f[5] : f[4];
        squeeze(kw);
        if ((R->fixed ? f[4][0] : f[5][0]) != '\0' || f[6][0] != '\0')
            return NOT_TAKEN;
        if (strcmp(kw, "'INTORG'") == 0)
            R->integer = 1;
        else if (strcmp(kw, "'INTEND'") == 0)
            R->integer = 0;
        else
            return NOT_TAKEN;
        return PO_OK;
    }
    if (f[2][0] != '\0' &&
        (R->nc == 0 || strcmp(f[2], R->cname[R->nc - 1]) != 0)) {
        if ((size_t)R->nc == R->ccap && grow_cols(R) != 0)
            return PO_ENOMEM;
        int h = names_add(&R->cols, f[2], R->nc);
        if (h != 0)
            return h < 0 ? PO_ENOMEM : NOT_TAKEN; /* column split up */
        int j = R->nc++;
        R->cname[j] = f[2];
        R->cobj[j] = 0.0;
        R->clb[j] = 0.0;
        R->cub[j] = R->integer ? 1.0 : INFINITY;
        R->ctype[j] = R->integer ? PO_INTEGER : PO_CONTINUOUS;
        R->cstart[j] = (int)R->nz;
    } else if (R->nc == 0) {
        return NOT_TAKEN;
    }
    int j = R->nc - 1;
    for (int q = 3; q <= 5; q += 2) {
        if (q == 5) {
            squeeze(f[5]);
            if (f[5][0] == '\0') {
                if (f[6][0] != '\0')
                    return NOT_TAKEN;
                continue;
            }
        }
        int i = f[q][0] != '\0' ? names_find(&R->rows, f[q]) : -1;
        if (i < 0 || R->seen[i] == j)
            return NOT_TAKEN; /* unknown row, or a duplicate entry */
        R->seen[i] = j;
        double v;
        if (number(f[q + 1], &v) != 0)
            return NOT_TAKEN;
        if (v == 0.0)
            continue; /* glp_set_mat_col drops zeros */
        if (i == R->obj) {
            R->cobj[j] = v;
            continue;
        }
        if (R->rtype[i] == 'N')
            continue;
        if (R->nz == R->zcap && grow_nz(R) != 0)
            return PO_ENOMEM;
        R->rind[R->nz] = i;
        R->val[R->nz] = v;
        R->nz++;
    }
    return PO_OK;
}

/* The vector name of an RHS (v = 0), RANGES (1) or BOUNDS (2) record: one
 * vector only, as GLPK (a blank name on the first record only warns,
 * which GLPK prints and nobody sees: taken) */
static int same_vector(reader *R, int v, const char *name)
{
    if (name[0] == '\0')
        return R->have_vec[v] ? 1 : (R->have_vec[v] = 1, R->vec[v] = name, 1);
    if (!R->have_vec[v]) {
        R->have_vec[v] = 1;
        R->vec[v] = name;
        return 1;
    }
    return strcmp(R->vec[v], name) == 0;
}

static po_status rhs_record(reader *R, char **f, int ranges)
{
    if (R->fixed && f[1][0] != '\0')
        return NOT_TAKEN;
    squeeze(f[2]);
    if (!same_vector(R, ranges, f[2]))
        return NOT_TAKEN;
    for (int q = 3; q <= 5; q += 2) {
        squeeze(f[q]);
        if (f[q][0] == '\0') {
            if (q == 3 || f[6][0] != '\0')
                return NOT_TAKEN;
            continue;
        }
        int i = names_find(&R->rows, f[q]);
        unsigned char bit = ranges ? 2 : 1;
        double v;
        if (i < 0 || (R->rflag[i] & bit) || number(f[q + 1], &v) != 0)
            return NOT_TAKEN;
        R->rflag[i] |= bit;
        if (R->rtype[i] == 'N') {
            if (!ranges && i == R->obj)
                R->objconst = v;
            else if (v != 0.0 || ranges)
                return NOT_TAKEN; /* GLPK warns and ignores it */
        } else if (ranges) {
            R->rng[i] = v;
        } else {
            R->rhs[i] = v;
        }
    }
    return PO_OK;
}

static po_status bound_record(reader *R, char **f)
{
    static const char *const types[] = {"LO", "UP", "FX", "FR", "MI",
                                        "PL", "LI", "UI", "BV"};
    static const unsigned char mask[] = {0x01, 0x10, 0x11, 0x11, 0x01,
                                         0x10, 0x01, 0x10, 0x11};
    static const unsigned char data[] = {1, 1, 1, 0, 0, 0, 1, 1, 0};
    int t = -1;
    for (int k = 0; k < 9; k++)
        if (strcmp(f[1], types[k]) == 0)
            t = k;
    if (t < 0)
        return NOT_TAKEN;
    squeeze(f[2]);
    squeeze(f[3]);
    if (!same_vector(R, 2, f[2]) || f[3][0] == '\0')
        return NOT_TAKEN;
    int j = names_find(&R->cols, f[3]);
    if (j < 0 || (R->bflag[j] & mask[t]) || f[5][0] != '\0' ||
        f[6][0] != '\0')
        return NOT_TAKEN;
    double v = 0.0;
    if (data[t] && number(f[4], &v) != 0)
        return NOT_TAKEN;
    double lb = R->clb[j], ub = R->cub[j];
    switch (t) {
    case 0: lb = v; break;
    case 1:
        if (v < 0 && lb == 0.0)
            return NOT_TAKEN; /* a rule readers differ on: GLPK's */
        ub = v;
        break;
    case 2: lb = ub = v; break;
    case 3: lb = -INFINITY, ub = INFINITY; break;
    case 4: lb = -INFINITY; break;
    case 5: ub = INFINITY; break;
    case 6:
        R->ctype[j] = PO_INTEGER;
        lb = ceil(v);
        if (!(R->bflag[j] & 0x10))
            ub = INFINITY;
        break;
    case 7:
        R->ctype[j] = PO_INTEGER;
        ub = floor(v);
        break;
    default:
        R->ctype[j] = PO_INTEGER;
        lb = 0.0, ub = 1.0;
    }
    R->clb[j] = lb;
    R->cub[j] = ub;
    R->bflag[j] |= mask[t];
    return PO_OK;
}

/* Characters GLPK's read_char rejects anywhere: control characters; in
 * fixed MPS any white space but the blank (CR only before LF). */
static int bad_chars(const reader *R)
{
    for (size_t q = 0; q < R->len; q++) {
        unsigned char c = (unsigned char)R->buf[q];
        if (c >= 0x20 && c != 0x7f)
            continue;
        if (c == '\n' || (c == '\r' && q + 1 < R->len && R->buf[q + 1] == '\n'))
            continue;
        if (R->fixed || !(c == '\t' || c == '\r'))
            return 1;
    }
    return 0;
}

/* An indicator record: the section it opens, or -1. */
static int indicator(const char *line, size_t len, size_t *word)
{
    static const char *const words[] = {"NAME",   "ROWS",   "COLUMNS",
                                        "RHS",    "RANGES", "BOUNDS",
                                        "ENDATA"};
    size_t n = 0;
    while (n < len && n < 12 && line[n] != ' ')
        n++;
    *word = n;
    for (int k = 0; k < 7; k++)
        if (strlen(words[k]) == n && memcmp(line, words[k], n) == 0)
            return k;
    return -1;
}

/* The model name from the NAME record (field 3 in fixed MPS). */
static int name_record(reader *R, char *line, size_t len, size_t word)
{
    if (R->fixed) {
        if (len > 80)
            return -1;
        if (len < 15)
            return 0;
        for (size_t x = word; x < 14; x++)
            if (line[x] != ' ')
                return -1;
        size_t e = len < 22 ? len : 22;
        line[e] = '\0';
        squeeze(line + 14);
        if (line[14] != '\0')
            R->name = line + 14;
        return 0;
    }
    char *s = line + word;
    while (*s == ' ' || *s == '\t' || *s == '\r')
        s++;
    if (*s == '$' || *s == '\0')
        return 0;
    char *t = s;
    while (*t != '\0' && *t != ' ' && *t != '\t' && *t != '\r')
        t++;
    if (t - s > 255)
        return -1;
    *t = '\0';
    R->name = s;
    return 0;
}

static po_status parse(reader *R)
{
    if (bad_chars(R))
        return NOT_TAKEN;
    int sec = -1;
    char *p = R->buf, *end = R->buf + R->len;
    while (p < end) {
        char *e = memchr(p, '\n', (size_t)(end - p));
        if (e == NULL)
            e = end; /* no final end of line: GLPK only warns */
        char *line = p;
        size_t len = (size_t)(e - p);
        p = e + 1;
        if (len > 0 && line[len - 1] == '\r')
            len--;
        line[len] = '\0';
        if (len > 0 && line[0] == '*')
            continue;
        if (len == 0)
            return NOT_TAKEN; /* an empty data record: GLPK rejects it */
        po_status st = PO_OK;
        if (line[0] != ' ' && line[0] != '\t') {
            size_t word;
            int next = indicator(line, len, &word);
            /* NAME first, then ROWS, COLUMNS; RHS, RANGES, BOUNDS each
             * at most once and in order; ENDATA last */
            if (next < 0 || next <= sec || (sec < S_COLS && next != sec + 1))
                return NOT_TAKEN;
            if (next == S_NAME && name_record(R, line, len, word) != 0)
                return NOT_TAKEN;
            sec = next;
            if (sec == S_COLS) {
                R->seen = malloc(((size_t)R->nr + 1) * sizeof(int));
                if (R->seen == NULL)
                    return PO_ENOMEM;
                for (int i = 0; i < R->nr; i++)
                    R->seen[i] = -1;
            } else if (sec > S_COLS && R->bflag == NULL) {
                R->cstart[R->nc] = (int)R->nz;
                R->bflag = calloc((size_t)R->nc + 1, 1);
                if (R->bflag == NULL)
                    return PO_ENOMEM;
            }
            if (sec == S_END)
                return PO_OK; /* GLPK reads nothing after ENDATA */
            continue;
        }
        char *f[7];
        int first = sec == S_COLS || sec == S_RHS || sec == S_RANGES ? 2 : 1;
        if (sec <= S_NAME || fields(line, len, R->fixed, first, f) != 0)
            return NOT_TAKEN;
        switch (sec) {
        case S_ROWS: st = row_record(R, f); break;
        case S_COLS: st = column_record(R, f); break;
        case S_RHS: st = rhs_record(R, f, 0); break;
        case S_RANGES: st = rhs_record(R, f, 1); break;
        default: st = bound_record(R, f);
        }
        if (st != PO_OK)
            return st;
    }
    return NOT_TAKEN; /* no ENDATA */
}

/* The model: N rows out, ranges applied, rows ascending in each column. */
static po_status build(reader *R, long alloc_fail_after, po_model **out)
{
    for (int j = 0; j < R->nc; j++) {
        if (!(R->clb[j] <= R->cub[j]) || R->clb[j] == INFINITY ||
            R->cub[j] == -INFINITY)
            return NOT_TAKEN; /* GLPK's answer to empty bounds is its own */
        if (R->ctype[j] == PO_INTEGER && R->clb[j] == 0.0 && R->cub[j] == 1.0)
            R->ctype[j] = PO_BINARY; /* as glp_get_col_kind reports it */
    }
    size_t nr = (size_t)R->nr + 1;
    int *row_of = malloc(nr * sizeof(int));
    double *lo = malloc(nr * sizeof(double)), *hi = malloc(nr * sizeof(double));
    char **rn = malloc(nr * sizeof *rn);
    po_model *m = po_model_new();
    po_status st = PO_OK;
    if (row_of == NULL || lo == NULL || hi == NULL || rn == NULL || m == NULL) {
        st = PO_ENOMEM;
        goto done;
    }
    m->alloc_fail_after = alloc_fail_after;
    int mk = 0;
    for (int i = 0; i < R->nr; i++) {
        row_of[i] = -1;
        if (R->rtype[i] == 'N')
            continue;
        double b = R->rhs[i], r = R->rng[i];
        int has = (R->rflag[i] & 2) != 0;
        double l = b, h = b;
        if (R->rtype[i] == 'L')
            l = has ? b - fabs(r) : -INFINITY;
        else if (R->rtype[i] == 'G')
            h = has ? b + fabs(r) : INFINITY;
        else if (has && r > 0)
            h = b + r;
        else if (has && r < 0)
            l = b + r;
        row_of[i] = mk;
        rn[mk] = R->rname[i];
        lo[mk] = l;
        hi[mk] = h;
        mk++;
    }
    for (int j = 0; j < R->nc; j++)
        for (int a = R->cstart[j] + 1; a < R->cstart[j + 1]; a++) {
            int ri = R->rind[a];
            double rv = R->val[a];
            int b = a - 1;
            for (; b >= R->cstart[j] && R->rind[b] > ri; b--) {
                R->rind[b + 1] = R->rind[b];
                R->val[b + 1] = R->val[b];
            }
            R->rind[b + 1] = ri;
            R->val[b + 1] = rv;
        }
    for (size_t z = 0; z < R->nz; z++)
        R->rind[z] = row_of[R->rind[z]];
    st = po_model_add_constrs(m, mk, (const char *const *)rn, lo, hi, NULL,
                              NULL, NULL);
    if (st == PO_OK)
        st = po_model_add_vars(m, R->nc, (const char *const *)R->cname,
                               R->clb, R->cub, R->cobj, R->ctype, R->cstart,
                               R->rind, R->val);
    if (st == PO_OK)
        st = po_model_set_name(m, R->name != NULL ? R->name : "");
    if (st == PO_OK)
        st = po_model_set_obj_constant(m, R->objconst);
    if (st != PO_OK && st != PO_ENOMEM)
        st = NOT_TAKEN; /* what the model refuses, GLPK's path explains */
done:
    free(row_of);
    free(lo);
    free(hi);
    free(rn);
    if (st == PO_OK)
        *out = m;
    else
        po_model_free(m);
    return st;
}

po_status po__mps_read(const char *path, int fixed, long alloc_fail_after,
                       po_model **out)
{
    *out = NULL;
    reader R;
    memset(&R, 0, sizeof R);
    R.fixed = fixed;
    R.obj = -1;
    R.rcap = R.ccap = 256;
    R.zcap = 1024;
    R.rname = malloc(R.rcap * sizeof *R.rname);
    R.rtype = malloc(R.rcap);
    R.rhs = malloc(R.rcap * sizeof(double));
    R.rng = malloc(R.rcap * sizeof(double));
    R.rflag = malloc(R.rcap);
    R.cname = malloc(R.ccap * sizeof *R.cname);
    R.clb = malloc(R.ccap * sizeof(double));
    R.cub = malloc(R.ccap * sizeof(double));
    R.cobj = malloc(R.ccap * sizeof(double));
    R.ctype = malloc(R.ccap * sizeof *R.ctype);
    R.cstart = malloc((R.ccap + 1) * sizeof(int));
    R.rind = malloc(R.zcap * sizeof(int));
    R.val = malloc(R.zcap * sizeof(double));
    po_status st = PO_OK;
    if (!R.rname || !R.rtype || !R.rhs || !R.rng || !R.rflag || !R.cname ||
        !R.clb || !R.cub || !R.cobj || !R.ctype || !R.cstart || !R.rind ||
        !R.val || names_init(&R.rows, 1024) != 0 ||
        names_init(&R.cols, 1024) != 0)
        st = PO_ENOMEM;
    if (st == PO_OK)
        st = slurp(path, &R);
    if (st == PO_OK)
        st = parse(&R);
    if (st == PO_OK)
        st = build(&R, alloc_fail_after, out);
    reader_free(&R);
    return st;
}
