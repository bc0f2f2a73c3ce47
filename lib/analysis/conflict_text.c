/*
 * conflict_text.c -- findings (requirements named in process terms) and
 * the number format of their sentences.
 */
#include "conflict.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[PO_REQ_NKINDS] = {
    "balance",      "capacity",     "demand",    "constraint", "buy_max",
    "store_max",    "activity_min", "activity_max", "min_batch", "integer"};

const char *po_req_kind_name(po_req_kind kind)
{
    return (unsigned)kind < PO_REQ_NKINDS ? kind_names[kind] : NULL;
}

const char *po__fmt_amount(double x, char buf[40])
{
    if (isnan(x))
        return strcpy(buf, "?");
    if (isinf(x))
        return strcpy(buf, x > 0 ? "unlimited" : "-unlimited");
    double ax = fabs(x);
    if (ax != 0 && (ax < 1e-4 || ax >= 1e15)) {
        snprintf(buf, 40, "%.6g", x);
        return buf;
    }
    /* six significant digits, as decimals */
    int decimals = ax == 0 ? 0 : 5 - (int)floor(log10(ax));
    if (decimals < 0)
        decimals = 0;
    snprintf(buf, 40, "%.*f", decimals, x);
    if (strchr(buf, '.')) {
        size_t n = strlen(buf);
        while (n > 0 && buf[n - 1] == '0')
            buf[--n] = '\0';
        if (n > 0 && buf[n - 1] == '.')
            buf[--n] = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    return buf;
}

const char *po__period_prefix(const po_process *p, int t, char *buf,
                              size_t size)
{
    if (p->periods == NULL || t < 0 || t >= p->nperiods) {
        buf[0] = '\0';
        return buf;
    }
    snprintf(buf, size, "%s: ", p->periods[t]);
    return buf;
}

const char *po__req_object_name(const po_process *p, po_req_kind kind,
                                int obj)
{
    switch (kind) {
    case PO_REQ_BALANCE:
    case PO_REQ_CAPACITY:
    case PO_REQ_DEMAND:
    case PO_REQ_BUY_MAX:
    case PO_REQ_STORE_MAX:
        return obj >= 0 && obj < p->nitems ? p->items[obj].name : "";
    case PO_REQ_CONSTRAINT:
        return obj >= 0 && obj < p->ncons ? p->cons[obj].name : "";
    case PO_REQ_ACTIVITY_MIN:
    case PO_REQ_ACTIVITY_MAX:
    case PO_REQ_MIN_BATCH:
    case PO_REQ_INTEGER:
        return obj >= 0 && obj < p->nacts ? p->acts[obj].name : "";
    }
    return "";
}

void po__findings_add(po__findings *fs, const po_process *p,
                      po_req_kind kind, int obj, int t, double amount,
                      const char *fmt, ...)
{
    if (fs->n == fs->cap) {
        int cap = fs->cap ? fs->cap * 2 : 8;
        po__finding *f = realloc(fs->f, (size_t)cap * sizeof *f);
        if (f == NULL) {
            fs->nomem = 1;
            return;
        }
        fs->f = f;
        fs->cap = cap;
    }
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = len >= 0 ? malloc((size_t)len + 1) : NULL;
    const char *per = p->periods && t >= 0 && t < p->nperiods
                          ? p->periods[t]
                          : "";
    char *name = po__strdup(po__req_object_name(p, kind, obj));
    char *period = po__strdup(per);
    if (msg == NULL || name == NULL || period == NULL) {
        free(msg);
        free(name);
        free(period);
        fs->nomem = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)len + 1, fmt, ap);
    va_end(ap);
    po__finding *f = &fs->f[fs->n++];
    f->kind = kind;
    f->obj = obj;
    f->t = t;
    f->amount = amount;
    f->name = name;
    f->period = period;
    f->message = msg;
}

void po__findings_free(po__findings *fs)
{
    if (fs == NULL)
        return;
    for (int k = 0; k < fs->n; k++) {
        free(fs->f[k].name);
        free(fs->f[k].period);
        free(fs->f[k].message);
    }
    free(fs->f);
    memset(fs, 0, sizeof *fs);
}
