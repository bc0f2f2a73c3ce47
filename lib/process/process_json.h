/*
 * process_json.h -- the JSON reader's shared helpers: walking jansson's
 * tree and the position tree (process_jpos.h) in step.  Private to
 * process_json*.c.
 */
#ifndef PO_PROCESS_JSON_H
#define PO_PROCESS_JSON_H

#include <jansson.h>

#include "process.h"
#include "process_jpos.h"

typedef struct po__rd {
    po_process *p;        /* the model being read (errors collect here) */
    const po__jpos *jp;   /* positions, or NULL when unknown */
} po__rd;

/* An object member or array element with the node of its position. */
typedef struct po__jm {
    const char *key; /* NULL for array elements */
    json_t *v;
    int node;        /* -1 when positions are unknown */
} po__jm;

/* Position of a value / of its key (pos {0,0} without positions). */
po__pos po__rd_vpos(const po__rd *r, int node);
po__pos po__rd_kpos(const po__rd *r, int node);

/* The members of object v (node: its position node) in the order they were
 * written, or the elements of array v.  *out is malloc'ed (NULL when
 * empty); returns the count, or -1 when out of memory (recorded). */
int po__rd_members(po__rd *r, json_t *v, int node, po__jm **out);

/* "a string", "an object", ... for messages. */
const char *po__json_kind(const json_t *v);

/* Read a number or an array of numbers.  On success *vals (n values) and
 * *pos (the key, then each value) are malloc'ed and the count is returned;
 * on error (recorded, naming `owner` and `key`) -1. */
int po__rd_numbers(po__rd *r, const po__jm *m, const char *owner,
                   const char *key, double **vals, po__pos **pos);

/* The "unknown key" error with a suggestion from `table`. */
void po__rd_unknown_key(po__rd *r, const po__jm *m, const char *where,
                        const char *const *table, int n);

/* The parts (process_json_parts.c).  Each records its errors and goes on. */
void po__rd_items(po__rd *r, const po__jm *m);
void po__rd_activities(po__rd *r, const po__jm *m);
void po__rd_constraints(po__rd *r, const po__jm *m);
void po__rd_baseline(po__rd *r, const po__jm *m);
void po__rd_uncertainty(po__rd *r, const po__jm *m);
void po__rd_mvp(po__rd *r, const po__jm *m);

#endif
