/*
 * process_names.c -- name components for compiled models.
 *
 * Compiled names read "x.bake_baguette.Mon": a prefix, the item or
 * activity, the period.  GLPK's CPLEX LP writer rewrites or replaces names
 * holding characters outside its symbol set (a '-' becomes '~', a space '_',
 * and names it cannot fix become r_N / x_N), and free MPS cannot hold
 * spaces; so each component keeps letters, digits and '_' only and every
 * other character (one per UTF-8 sequence) becomes '_'.  The '.' separators
 * then cannot appear inside a component, which keeps full names unique as
 * long as components are unique within their kind: collisions ("a b" and
 * "a_b") get "_2", "_3", ... appended.
 */
#include "process.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int safe_char(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || c == '_';
}

/* The sanitized form of s, at most maxlen bytes (maxlen >= 8). */
static char *sanitize(const char *s, size_t maxlen)
{
    char *o = malloc(maxlen + 1);
    if (o == NULL)
        return NULL;
    size_t n = 0;
    for (const unsigned char *c = (const unsigned char *)s; *c && n < maxlen;
         c++) {
        if ((*c & 0xC0) == 0x80)
            continue; /* continuation byte: its sequence is already a '_' */
        o[n++] = safe_char(*c) ? (char)*c : '_';
    }
    o[n] = '\0';
    return o;
}

void po__free_strings(char **s, int n)
{
    if (s == NULL)
        return;
    for (int k = 0; k < n; k++)
        free(s[k]);
    free(s);
}

po_status po__safe_names(const char *const *names, int n, size_t maxlen,
                         char ***out)
{
    *out = NULL;
    char **res = calloc((size_t)n + 1, sizeof *res);
    po__names seen;
    po__names_init(&seen);
    if (res == NULL || po__names_reserve(&seen, (size_t)n, NULL, NULL))
        goto nomem;
    for (int k = 0; k < n; k++) {
        char *s = sanitize(names[k], maxlen);
        if (s == NULL)
            goto nomem;
        if (po__names_find(&seen, s) >= 0) {
            /* room for the suffix within maxlen */
            char *t = malloc(maxlen + 1);
            if (t == NULL) {
                free(s);
                goto nomem;
            }
            for (long d = 2;; d++) {
                char suf[24];
                int sl = snprintf(suf, sizeof suf, "_%ld", d);
                size_t keep = strlen(s);
                if (keep + (size_t)sl > maxlen)
                    keep = maxlen - (size_t)sl;
                memcpy(t, s, keep);
                memcpy(t + keep, suf, (size_t)sl + 1);
                if (po__names_find(&seen, t) < 0)
                    break;
            }
            free(s);
            s = t;
        }
        res[k] = s;
        po__names_insert(&seen, s, k);
    }
    po__names_free(&seen);
    *out = res;
    return PO_OK;
nomem:
    po__names_free(&seen);
    po__free_strings(res, n);
    return PO_ENOMEM;
}
