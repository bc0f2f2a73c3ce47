/*
 * names.h -- a string -> index hash table (open addressing, linear probing,
 * backward-shift deletion) for O(1) lookup of variable and constraint names.
 * The table borrows the strings: they are owned by the model arrays.
 */
#ifndef PO_NAMES_H
#define PO_NAMES_H

#include <stddef.h>
#include <stdint.h>

/* The allocator the table grows with (the model's, so that out-of-memory
 * injection reaches the table too).  Same contract as realloc; the block is
 * released with free(). */
typedef void *(*po__realloc_fn)(void *ctx, void *ptr, size_t size);

typedef struct po__names {
    const char **keys; /* borrowed, NULL = empty slot */
    int *values;
    uint32_t *hashes;  /* hash of keys[i], so probes and rehashes skip strcmp */
    size_t cap;        /* power of two or 0 */
    size_t count;
} po__names;

void po__names_init(po__names *t);
void po__names_free(po__names *t);
/* Index stored for key, or -1. */
int po__names_find(const po__names *t, const char *key);
/* Make room for `extra` more keys; 0 on success, -1 when out of memory (the
 * table is then unchanged).  Call before a batch of inserts so the inserts
 * cannot fail.  alloc may be NULL (plain realloc). */
int po__names_reserve(po__names *t, size_t extra, po__realloc_fn alloc,
                      void *ctx);
/* Insert key (not already present) after po__names_reserve succeeded. */
void po__names_insert(po__names *t, const char *key, int value);
/* Insert key after po__names_reserve succeeded, unless it is already
 * present: then nothing changes and its index is returned; -1 when it was
 * inserted.  One hash and one probe sequence for both. */
int po__names_insert_new(po__names *t, const char *key, int value);
/* Remove key if present (used to roll back a batch of inserts). */
void po__names_remove(po__names *t, const char *key);

#endif
