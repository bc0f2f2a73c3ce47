/*
 * process_jpos.c -- a position scanner for JSON texts jansson accepted.
 *
 * It validates just enough to stay in bounds on any input: it is a second
 * reader of a text jansson has already checked, so on anything surprising
 * it gives up (-2) and the caller reports positions as unknown.
 */
#include "process_jpos.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 2048 /* jansson's own nesting limit */

typedef struct scan {
    const char *s;
    size_t len, i;
    int line, col;
    po__jpos *jp;
    int nomem;
} scan;

static int peek(const scan *sc)
{
    return sc->i < sc->len ? (unsigned char)sc->s[sc->i] : -1;
}

static void advance(scan *sc)
{
    unsigned char c = (unsigned char)sc->s[sc->i++];
    if (c == '\n') {
        sc->line++;
        sc->col = 1;
    } else if ((c & 0xC0) != 0x80) {
        sc->col++;
    }
}

static void skip_ws(scan *sc)
{
    int c;
    while ((c = peek(sc)) == ' ' || c == '\t' || c == '\n' || c == '\r')
        advance(sc);
}

static int new_node(scan *sc)
{
    po__jpos *jp = sc->jp;
    if (jp->count == jp->cap) {
        int cap = jp->cap ? jp->cap * 2 : 64;
        if (cap > INT32_MAX / 2) {
            sc->nomem = 1;
            return -1;
        }
        po__jnode *n = realloc(jp->n, (size_t)cap * sizeof *n);
        if (n == NULL) {
            sc->nomem = 1;
            return -1;
        }
        jp->n = n;
        jp->cap = cap;
    }
    po__jnode *n = &jp->n[jp->count];
    memset(n, 0, sizeof *n);
    n->line = sc->line;
    n->col = sc->col;
    n->first = n->next = -1;
    return jp->count++;
}

static int hexval(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int read_hex4(scan *sc, unsigned *out)
{
    unsigned v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hexval(peek(sc));
        if (h < 0)
            return -1;
        v = v * 16 + (unsigned)h;
        advance(sc);
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* A string at sc->i (on the opening quote).  With out != NULL the decoded
 * text is returned in a new buffer (decoded text is never longer than the
 * source, so the buffer is sized from it). */
static int read_string(scan *sc, char **out)
{
    if (peek(sc) != '"')
        return -1;
    advance(sc);
    size_t start = sc->i, end = start;
    while (end < sc->len && sc->s[end] != '"') {
        if (sc->s[end] == '\\')
            end++;
        end++;
    }
    if (end >= sc->len)
        return -1;
    char *buf = NULL;
    size_t o = 0;
    if (out) {
        buf = malloc(end - start + 1);
        if (buf == NULL) {
            sc->nomem = 1;
            return -1;
        }
    }
    while (peek(sc) != '"') {
        int c = peek(sc);
        if (c < 0)
            goto bad;
        if (c != '\\') {
            if (buf)
                buf[o++] = (char)c;
            advance(sc);
            continue;
        }
        advance(sc);
        c = peek(sc);
        if (c < 0)
            goto bad;
        advance(sc);
        unsigned cp;
        switch (c) {
        case 'b': cp = '\b'; break;
        case 'f': cp = '\f'; break;
        case 'n': cp = '\n'; break;
        case 'r': cp = '\r'; break;
        case 't': cp = '\t'; break;
        case 'u':
            if (read_hex4(sc, &cp))
                goto bad;
            if (cp >= 0xD800 && cp < 0xDC00) {
                unsigned lo;
                if (peek(sc) != '\\')
                    goto bad;
                advance(sc);
                if (peek(sc) != 'u')
                    goto bad;
                advance(sc);
                if (read_hex4(sc, &lo) || lo < 0xDC00 || lo > 0xDFFF)
                    goto bad;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            }
            break;
        default: cp = (unsigned)c; break; /* \" \\ \/ */
        }
        if (buf)
            o += put_utf8(buf + o, cp);
    }
    advance(sc); /* closing quote */
    if (buf) {
        buf[o] = '\0';
        *out = buf;
    }
    return 0;
bad:
    free(buf);
    return -1;
}

static int scan_value(scan *sc, int depth);

/* Link child after prev (or as first child of parent). */
static void link_child(po__jpos *jp, int parent, int prev, int child)
{
    if (prev < 0)
        jp->n[parent].first = child;
    else
        jp->n[prev].next = child;
}

static int scan_object(scan *sc, int node, int depth)
{
    advance(sc); /* { */
    skip_ws(sc);
    if (peek(sc) == '}') {
        advance(sc);
        return 0;
    }
    int prev = -1;
    for (;;) {
        skip_ws(sc);
        int kline = sc->line, kcol = sc->col;
        char *key = NULL;
        if (read_string(sc, &key))
            return -1;
        skip_ws(sc);
        if (peek(sc) != ':') {
            free(key);
            return -1;
        }
        advance(sc);
        skip_ws(sc);
        int child = scan_value(sc, depth + 1);
        if (child < 0) {
            free(key);
            return -1;
        }
        po__jnode *n = &sc->jp->n[child];
        n->key = key;
        n->kline = kline;
        n->kcol = kcol;
        link_child(sc->jp, node, prev, child);
        prev = child;
        skip_ws(sc);
        int c = peek(sc);
        if (c == ',') {
            advance(sc);
            continue;
        }
        if (c == '}') {
            advance(sc);
            return 0;
        }
        return -1;
    }
}

static int scan_array(scan *sc, int node, int depth)
{
    advance(sc); /* [ */
    skip_ws(sc);
    if (peek(sc) == ']') {
        advance(sc);
        return 0;
    }
    int prev = -1;
    for (;;) {
        skip_ws(sc);
        int child = scan_value(sc, depth + 1);
        if (child < 0)
            return -1;
        link_child(sc->jp, node, prev, child);
        prev = child;
        skip_ws(sc);
        int c = peek(sc);
        if (c == ',') {
            advance(sc);
            continue;
        }
        if (c == ']') {
            advance(sc);
            return 0;
        }
        return -1;
    }
}

/* Numbers and literals: skip to the next delimiter (jansson checked them). */
static int scan_atom(scan *sc)
{
    size_t start = sc->i;
    int c;
    while ((c = peek(sc)) >= 0 && c != ',' && c != '}' && c != ']' &&
           c != ' ' && c != '\t' && c != '\n' && c != '\r')
        advance(sc);
    return sc->i > start ? 0 : -1;
}

/* Scan the value at sc->i; returns its node index or -1. */
static int scan_value(scan *sc, int depth)
{
    if (depth > MAX_DEPTH)
        return -1;
    int node = new_node(sc);
    if (node < 0)
        return -1;
    int c = peek(sc), r;
    if (c == '{')
        r = scan_object(sc, node, depth);
    else if (c == '[')
        r = scan_array(sc, node, depth);
    else if (c == '"')
        r = read_string(sc, NULL);
    else
        r = scan_atom(sc);
    return r ? -1 : node;
}

void po__jpos_free(po__jpos *jp)
{
    for (int k = 0; k < jp->count; k++)
        free(jp->n[k].key);
    free(jp->n);
    jp->n = NULL;
    jp->count = jp->cap = 0;
}

int po__jpos_scan(po__jpos *jp, const char *text, size_t len)
{
    scan sc = {text, len, 0, 1, 1, jp, 0};
    jp->n = NULL;
    jp->count = jp->cap = 0;
    /* a UTF-8 byte order mark is not a character of the document */
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        sc.i = 3;
    skip_ws(&sc);
    if (scan_value(&sc, 0) < 0) {
        int nomem = sc.nomem;
        po__jpos_free(jp);
        return nomem ? -1 : -2;
    }
    return 0;
}
