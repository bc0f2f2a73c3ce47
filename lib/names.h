/*
 * names.h -- a string -> index hash table (open addressing) for O(1)
 * lookup of variable and constraint names.  The table borrows the strings:
 * they are owned by the model arrays.
 */
#ifndef PO_NAMES_H
#define PO_NAMES_H

#include <stddef.h>

typedef struct po__names {
    const char **keys; /* borrowed, NULL = empty slot */
    int *values;
    size_t cap;        /* power of two or 0 */
    size_t count;
} po__names;

void po__names_init(po__names *t);
void po__names_free(po__names *t);
/* Index stored for key, or -1. */
int po__names_find(const po__names *t, const char *key);
/* Make room for `extra` more keys; 0 on success, -1 when out of memory.
 * Call before a batch of inserts so the inserts cannot fail. */
int po__names_reserve(po__names *t, size_t extra);
/* Insert key (not already present) after po__names_reserve succeeded. */
void po__names_insert(po__names *t, const char *key, int value);
/* Remove the last `n` inserted keys given by keys[0..n-1] (rollback). */
void po__names_remove(po__names *t, const char *key);

#endif
