/*
 * process_keys.c -- the key names of the process format and the "did you
 * mean" suggestions for misspelt keys and names.
 */
#include "process.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const po__item_keys[PO__I_NKEYS] = {
    "buy_cost", "buy_max", "store_cost", "store_max", "capacity",
    "demand", "price", "shortage_cost", "initial", "dispose_cost"};
const char *const po__activity_keys[PO__A_NKEYS] = {
    "cost", "min", "max", "fixed_cost", "min_batch"};
const char *const po__constraint_keys[PO__C_NKEYS] = {"min", "max"};
const char *const po__unc_params[5] = {"demand", "price", "buy_cost", "cost",
                                       "capacity"};

int po__key_index(const char *const *table, int n, const char *key)
{
    for (int k = 0; k < n; k++)
        if (strcmp(table[k], key) == 0)
            return k;
    return -1;
}

/* Optimal string alignment distance (Levenshtein plus adjacent
 * transpositions, the commonest typo), capped: words longer than 64 bytes
 * are never suggested for. */
#define MAXW 64
static int distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > MAXW || m > MAXW)
        return MAXW * 2;
    int d[MAXW + 1][MAXW + 1];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++)
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[n][m];
}

/* Close enough to be a typo: a third of the longer word, at least 2 -- so
 * "captiy" (distance 3 from "capacity") is caught while "foo" is not taken
 * for "max". */
static int close_enough(const char *word, const char *cand, int dist)
{
    size_t lw = strlen(word), lc = strlen(cand);
    size_t longer = lw > lc ? lw : lc;
    int limit = (int)(longer + 2) / 3;
    if (limit < 2)
        limit = 2;
    return dist <= limit && dist < (int)longer;
}

static const char *best_of(const char *word, const char *cand,
                           const char *best, int *best_d)
{
    if (cand == NULL || strcmp(cand, word) == 0)
        return best;
    /* the distance is at least the difference of lengths: skip the table
     * for candidates that cannot be close enough */
    size_t lw = strlen(word), lc = strlen(cand);
    size_t diff = lw > lc ? lw - lc : lc - lw;
    size_t longer = lw > lc ? lw : lc;
    if (diff > 2 && diff > (longer + 2) / 3)
        return best;
    int d = distance(word, cand);
    if (d < *best_d && close_enough(word, cand, d)) {
        *best_d = d;
        return cand;
    }
    return best;
}

const char *po__suggest(const char *word, const char *const *table, int n)
{
    const char *best = NULL;
    int best_d = MAXW * 2;
    for (int k = 0; k < n; k++)
        best = best_of(word, table[k], best, &best_d);
    return best;
}

const char *po__suggest_name(const char *word, const void *names, int count,
                             size_t stride)
{
    const char *best = NULL;
    int best_d = MAXW * 2;
    /* long lists: a suggestion is a courtesy, not worth quadratic time */
    if (count > 5000)
        return NULL;
    for (int k = 0; k < count; k++) {
        const char *cand;
        memcpy(&cand, (const char *)names + (size_t)k * stride, sizeof cand);
        best = best_of(word, cand, best, &best_d);
    }
    return best;
}

const char *po__did_you_mean(const char *s, char *buf, size_t size)
{
    if (s == NULL)
        return "";
    snprintf(buf, size, " (did you mean \"%s\"?)", s);
    return buf;
}
