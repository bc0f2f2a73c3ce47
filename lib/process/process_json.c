/*
 * process_json.c -- loading a process model from JSON: the entry points
 * (file, string, stream), the top-level keys and the reader's helpers.
 *
 * jansson parses (and rejects duplicate keys); process_jpos.c supplies the
 * positions jansson does not keep.  The reader never stops at the first
 * error: each part records what is wrong and goes on, so a file's errors
 * come back together (up to PO_PROCESS_MAX_ERRORS).  It reads into a fresh
 * model and swaps it in only when everything passed, so a failed load
 * leaves the handle as it was.
 */
#include "process_json.h"
#include "model.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NAMEBUF 64

static const char *const top_keys[] = {
    "name", "currency", "periods", "horizons_per_year", "objective", "items",
    "activities", "constraints", "baseline", "uncertainty", "mvp",
    "description"};
#define NTOP ((int)(sizeof top_keys / sizeof top_keys[0]))

static const char *const objectives[] = {"min_cost", "max_margin"};

/* ------------------------------------------------------------------ */
/* Helpers                                                            */
/* ------------------------------------------------------------------ */

po__pos po__rd_vpos(const po__rd *r, int node)
{
    if (r->jp == NULL || node < 0)
        return (po__pos){0, 0};
    return (po__pos){r->jp->n[node].line, r->jp->n[node].col};
}

po__pos po__rd_kpos(const po__rd *r, int node)
{
    if (r->jp == NULL || node < 0)
        return (po__pos){0, 0};
    if (r->jp->n[node].key == NULL)
        return po__rd_vpos(r, node);
    return (po__pos){r->jp->n[node].kline, r->jp->n[node].kcol};
}

const char *po__json_kind(const json_t *v)
{
    switch (json_typeof(v)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER:
    case JSON_REAL: return "a number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    default: return "null";
    }
}

int po__rd_members(po__rd *r, json_t *v, int node, po__jm **out)
{
    *out = NULL;
    size_t n = json_is_object(v) ? json_object_size(v) : json_array_size(v);
    if (n == 0)
        return 0;
    if (n > 0x7fffffff / sizeof **out) {
        po__perr(r->p, PO_ETOOBIG, NULL, "too many entries");
        return -1;
    }
    po__jm *m = malloc(n * sizeof *m);
    if (m == NULL) {
        po__perr(r->p, PO_ENOMEM, NULL, "out of memory");
        return -1;
    }
    size_t k = 0;
    if (r->jp && node >= 0) {
        /* text order, from the position tree */
        for (int c = r->jp->n[node].first; c >= 0 && k < n;
             c = r->jp->n[c].next) {
            const char *key = r->jp->n[c].key;
            json_t *e = json_is_object(v) ? json_object_get(v, key ? key : "")
                                          : json_array_get(v, k);
            if (e == NULL)
                continue; /* the scanner and jansson disagree: skip */
            m[k++] = (po__jm){json_is_object(v) ? key : NULL, e, c};
        }
        if (k == n) {
            *out = m;
            return (int)n;
        }
        k = 0; /* disagreement: fall back to jansson's order, no positions */
    }
    if (json_is_object(v)) {
        const char *key;
        json_t *e;
        json_object_foreach(v, key, e) m[k++] = (po__jm){key, e, -1};
    } else {
        for (k = 0; k < n; k++)
            m[k] = (po__jm){NULL, json_array_get(v, k), -1};
    }
    *out = m;
    return (int)n;
}

int po__rd_numbers(po__rd *r, const po__jm *m, const char *owner,
                   const char *key, double **vals, po__pos **pos)
{
    char nb[NAMEBUF];
    po__pos vp = po__rd_vpos(r, m->node);
    *vals = NULL;
    *pos = NULL;
    if (json_is_number(m->v)) {
        *vals = malloc(sizeof **vals);
        *pos = malloc(2 * sizeof **pos);
        if (*vals == NULL || *pos == NULL)
            goto nomem;
        (*vals)[0] = json_number_value(m->v);
        (*pos)[0] = po__rd_kpos(r, m->node);
        (*pos)[1] = vp;
        return 1;
    }
    if (!json_is_array(m->v)) {
        po__perr(r->p, PO_EMODEL, &vp,
                 "%s: \"%s\" must be a number or an array of numbers, not %s",
                 owner, key, po__json_kind(m->v));
        return -1;
    }
    po__jm *el;
    int n = po__rd_members(r, m->v, m->node, &el);
    if (n < 0)
        return -1;
    if (n == 0) {
        po__perr(r->p, PO_EMODEL, &vp,
                 "%s: \"%s\" is an empty array: give a number, or one per "
                 "period", owner, key);
        return -1;
    }
    int bad = 0;
    for (int k = 0; k < n; k++)
        if (!json_is_number(el[k].v)) {
            po__pos ep = po__rd_vpos(r, el[k].node);
            if (n == r->p->nperiods && r->p->periods)
                po__perr(r->p, PO_EMODEL, &ep,
                         "%s: \"%s\" in period \"%s\" must be a number, not %s",
                         owner, key,
                         po__name_for_msg(r->p->periods[k], nb, sizeof nb),
                         po__json_kind(el[k].v));
            else
                po__perr(r->p, PO_EMODEL, &ep,
                         "%s: \"%s\" value %d must be a number, not %s", owner,
                         key, k + 1, po__json_kind(el[k].v));
            bad = 1;
        }
    if (bad) {
        free(el);
        return -1;
    }
    *vals = malloc((size_t)n * sizeof **vals);
    *pos = malloc((size_t)(n + 1) * sizeof **pos);
    if (*vals == NULL || *pos == NULL) {
        free(el);
        goto nomem;
    }
    (*pos)[0] = po__rd_kpos(r, m->node);
    for (int k = 0; k < n; k++) {
        (*vals)[k] = json_number_value(el[k].v);
        (*pos)[1 + k] = po__rd_vpos(r, el[k].node);
    }
    free(el);
    return n;
nomem:
    free(*vals);
    free(*pos);
    *vals = NULL;
    *pos = NULL;
    po__perr(r->p, PO_ENOMEM, &vp, "%s: out of memory", owner);
    return -1;
}

void po__rd_unknown_key(po__rd *r, const po__jm *m, const char *where,
                        const char *const *table, int n)
{
    char kb[NAMEBUF], sb[NAMEBUF + 32];
    po__pos kp = po__rd_kpos(r, m->node);
    po__perr(r->p, PO_EMODEL, &kp, "unknown key \"%s\"%s%s%s",
             po__name_for_msg(m->key, kb, sizeof kb), where[0] ? " in " : "",
             where, po__did_you_mean(po__suggest(m->key, table, n), sb,
                                     sizeof sb));
}

/* ------------------------------------------------------------------ */
/* Top level                                                          */
/* ------------------------------------------------------------------ */

static void read_string(po__rd *r, const po__jm *m, char **slot)
{
    po__pos vp = po__rd_vpos(r, m->node);
    if (!json_is_string(m->v)) {
        po__perr(r->p, PO_EMODEL, &vp, "\"%s\" must be a string, not %s",
                 m->key, po__json_kind(m->v));
        return;
    }
    char *c = po__strdup(json_string_value(m->v));
    if (c == NULL) {
        po__perr(r->p, PO_ENOMEM, &vp, "\"%s\": out of memory", m->key);
        return;
    }
    free(*slot);
    *slot = c;
}

static void read_periods(po__rd *r, const po__jm *m)
{
    po__pos vp = po__rd_vpos(r, m->node);
    if (!json_is_array(m->v)) {
        po__perr(r->p, PO_EMODEL, &vp,
                 "\"periods\" must be an array of period names, not %s",
                 po__json_kind(m->v));
        return;
    }
    po__jm *el;
    int n = po__rd_members(r, m->v, m->node, &el);
    if (n < 0)
        return;
    const char **names = calloc((size_t)n + 1, sizeof *names);
    po__pos *pos = malloc(((size_t)n + 1) * sizeof *pos);
    if (names == NULL || pos == NULL) {
        po__perr(r->p, PO_ENOMEM, &vp, "periods: out of memory");
        goto out;
    }
    pos[0] = po__rd_kpos(r, m->node);
    int bad = 0;
    for (int k = 0; k < n; k++) {
        pos[1 + k] = po__rd_vpos(r, el[k].node);
        if (!json_is_string(el[k].v)) {
            po__perr(r->p, PO_EMODEL, &pos[1 + k],
                     "\"periods\": period %d must be a name (a string), not %s",
                     k + 1, po__json_kind(el[k].v));
            bad = 1;
        } else {
            names[k] = json_string_value(el[k].v);
        }
    }
    if (!bad && po__set_periods(r->p, n, names, pos) == PO_OK)
        goto out;
    if (n > 0) {
        /* keep checking arrays against the number of periods written, so
         * one bad period name does not turn every array into an error */
        char (*num)[16] = malloc((size_t)n * sizeof *num);
        if (num) {
            for (int k = 0; k < n; k++) {
                int keep = names[k] != NULL && names[k][0] != '\0';
                for (int j = 0; keep && j < k; j++)
                    keep = strcmp(names[j], names[k]) != 0;
                if (!keep) {
                    snprintf(num[k], sizeof num[k], "#%d", k + 1);
                    names[k] = num[k];
                }
            }
            po__set_periods(r->p, n, names, NULL);
            free(num);
        }
    }
out:
    free(names);
    free(pos);
    free(el);
}

static void read_hpy(po__rd *r, const po__jm *m)
{
    po__pos vp = po__rd_vpos(r, m->node);
    double h = json_is_number(m->v) ? json_number_value(m->v) : -1;
    if (!(h > 0 && h <= PO__PMAX_ABS)) {
        char num[32];
        if (json_is_number(m->v))
            po__perr(r->p, PO_EMODEL, &vp,
                     "\"horizons_per_year\" must be a number > 0, not %s",
                     po__fmt_num(h, num));
        else
            po__perr(r->p, PO_EMODEL, &vp,
                     "\"horizons_per_year\" must be a number > 0, not %s",
                     po__json_kind(m->v));
        return;
    }
    r->p->horizons_per_year = h;
    r->p->hpy_pos = vp;
}

static void read_objective(po__rd *r, const po__jm *m)
{
    char kb[NAMEBUF], sb[NAMEBUF + 32];
    po__pos vp = po__rd_vpos(r, m->node);
    const char *s = json_is_string(m->v) ? json_string_value(m->v) : NULL;
    int k = s ? po__key_index(objectives, 2, s) : -1;
    if (k >= 0) {
        r->p->objective = k == 0 ? PO_OBJECTIVE_MIN_COST
                                 : PO_OBJECTIVE_MAX_MARGIN;
        return;
    }
    if (s == NULL)
        po__perr(r->p, PO_EMODEL, &vp,
                 "\"objective\" must be \"min_cost\" or \"max_margin\", not %s",
                 po__json_kind(m->v));
    else
        po__perr(r->p, PO_EMODEL, &vp,
                 "unknown objective \"%s\": \"min_cost\" or \"max_margin\"%s",
                 po__name_for_msg(s, kb, sizeof kb),
                 po__did_you_mean(po__suggest(s, objectives, 2), sb,
                                  sizeof sb));
}

static void read_model(po__rd *r, json_t *root)
{
    int node = r->jp ? 0 : -1;
    if (!json_is_object(root)) {
        po__pos vp = po__rd_vpos(r, node);
        po__perr(r->p, PO_EMODEL, &vp,
                 "a process model is a JSON object, not %s",
                 po__json_kind(root));
        return;
    }
    po__jm *m;
    int n = po__rd_members(r, root, node, &m);
    if (n < 0)
        return;
    /* the number of periods decides how long every array must be */
    for (int k = 0; k < n; k++)
        if (strcmp(m[k].key, "periods") == 0)
            read_periods(r, &m[k]);
    for (int k = 0; k < n; k++) {
        const char *key = m[k].key;
        if (strcmp(key, "periods") == 0)
            continue;
        else if (strcmp(key, "name") == 0)
            read_string(r, &m[k], &r->p->name);
        else if (strcmp(key, "currency") == 0)
            read_string(r, &m[k], &r->p->currency);
        else if (strcmp(key, "description") == 0)
            read_string(r, &m[k], &r->p->description);
        else if (strcmp(key, "horizons_per_year") == 0)
            read_hpy(r, &m[k]);
        else if (strcmp(key, "objective") == 0)
            read_objective(r, &m[k]);
        else if (strcmp(key, "items") == 0)
            po__rd_items(r, &m[k]);
        else if (strcmp(key, "activities") == 0)
            po__rd_activities(r, &m[k]);
        else if (strcmp(key, "constraints") == 0)
            po__rd_constraints(r, &m[k]);
        else if (strcmp(key, "baseline") == 0)
            po__rd_baseline(r, &m[k]);
        else if (strcmp(key, "uncertainty") == 0)
            po__rd_uncertainty(r, &m[k]);
        else if (strcmp(key, "mvp") == 0)
            po__rd_mvp(r, &m[k]);
        else
            po__rd_unknown_key(r, &m[k], "the model", top_keys, NTOP);
    }
    free(m);
}

/* ------------------------------------------------------------------ */
/* Entry points                                                       */
/* ------------------------------------------------------------------ */

/* Move the errors collected on src to dst (dst's are dropped). */
static void take_errors(po_process *dst, po_process *src)
{
    po__process_clear_errors(dst);
    memcpy(dst->errs, src->errs, sizeof dst->errs);
    dst->nerrs = src->nerrs;
    dst->dropped = src->dropped;
    memcpy(dst->errmsg, src->errmsg, sizeof dst->errmsg);
    src->nerrs = 0;
    src->dropped = 0;
}

static int set_source(po_process *p, const char *name)
{
    char *c = po__strdup(name);
    if (c == NULL)
        return -1;
    free(p->source);
    p->source = c;
    return 0;
}

/* Parse, read and check into tmp (a fresh model whose errors collect the
 * load's); the status of the load. */
static po_status read_into(po_process *tmp, const char *text, size_t len)
{
    json_error_t je;
    json_t *root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
    if (root == NULL) {
        po__pos at = {je.line > 0 ? je.line : 1, je.column > 0 ? je.column : 1};
        return po__perr(tmp, PO_EPARSE, &at, "%s", je.text);
    }
    po__jpos jp;
    int sr = po__jpos_scan(&jp, text, len);
    if (sr == -1) {
        json_decref(root);
        return po__perr(tmp, PO_ENOMEM, NULL, "%s: out of memory",
                        tmp->source);
    }
    po__rd r = {tmp, sr == 0 ? &jp : NULL};
    read_model(&r, root);
    json_decref(root);
    if (sr == 0)
        po__jpos_free(&jp);
    po__process_check(tmp);

    /* a load reports "the model is wrong", whatever each part said */
    po_status st = PO_OK;
    for (int k = 0; k < tmp->nerrs; k++)
        if (tmp->errs[k].status == PO_ENOMEM)
            st = PO_ENOMEM;
    for (int k = 0; k < tmp->nerrs; k++)
        tmp->errs[k].status = st == PO_ENOMEM ? PO_ENOMEM : PO_EMODEL;
    if (tmp->nerrs + tmp->dropped > 0 && st == PO_OK)
        st = PO_EMODEL;
    po__process_sort_errors(tmp);
    return st;
}

static po_status load_text(po_process *p, const char *text, size_t len,
                           const char *source)
{
    po_process *tmp = po_process_new();
    if (tmp == NULL || set_source(tmp, source)) {
        po_process_free(tmp);
        return po__perr(p, PO_ENOMEM, NULL, "%s: out of memory", source);
    }
    po_status st = read_into(tmp, text, len);
    if (st == PO_OK) {
        /* the contents and their source move in together */
        po__process_swap(p, tmp);
        char *s = p->source;
        p->source = tmp->source;
        tmp->source = s;
        p->validated = 1;
    } else {
        take_errors(p, tmp);
    }
    po_process_free(tmp);
    return st;
}

po_status po_process_load_string(po_process *p, const char *json,
                                 const char *name)
{
    if (p == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (json == NULL)
        return po__perr(p, PO_EINVAL, NULL, "NULL JSON text");
    return load_text(p, json, strlen(json), name ? name : "<string>");
}

/* Read a whole stream into a malloc'ed buffer. */
static int slurp(FILE *f, char **out, size_t *len)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return -1;
    for (;;) {
        if (n == cap) {
            char *b = cap > ((size_t)-1) / 2 ? NULL : realloc(buf, cap * 2);
            if (b == NULL) {
                free(buf);
                return -1;
            }
            buf = b;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(f)) {
        free(buf);
        return -2;
    }
    *out = buf;
    *len = n;
    return 0;
}

static po_status load_stream(po_process *p, FILE *f, const char *source)
{
    char *text;
    size_t len;
    int r = slurp(f, &text, &len);
    if (r == -1)
        return po__perr(p, PO_ENOMEM, NULL, "%s: out of memory", source);
    if (r == -2)
        return po__perr(p, PO_EIO, NULL, "%s: read error: %s", source,
                        strerror(errno));
    po_status st = load_text(p, text, len, source);
    free(text);
    return st;
}

po_status po_process_load_stream(po_process *p, FILE *stream,
                                 const char *name)
{
    if (p == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (stream == NULL)
        return po__perr(p, PO_EINVAL, NULL, "NULL stream");
    return load_stream(p, stream, name ? name : "<stream>");
}

po_status po_process_load_file(po_process *p, const char *path)
{
    if (p == NULL)
        return PO_EINVAL;
    po__process_clear_errors(p);
    if (path == NULL)
        return po__perr(p, PO_EINVAL, NULL, "NULL path");
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return po__perr(p, PO_EIO, NULL, "%s: cannot open: %s", path,
                        strerror(errno));
    po_status st = load_stream(p, f, path);
    fclose(f);
    return st;
}
