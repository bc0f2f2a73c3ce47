/*
 * names.c -- string -> index hash table.
 *
 * Open addressing with linear probing keeps the table in three flat arrays
 * (one allocation), and the load factor stays at most 1/2 so probe
 * sequences stay short.  Deletion (only used to roll back a rejected bulk
 * add) shifts later entries back instead of leaving tombstones, so lookups
 * never degrade.
 */
#include "names.h"

#include <stdlib.h>
#include <string.h>

/* Eight bytes at a time (strlen is vectorized; a byte-by-byte hash took a
 * tenth of the time of building a model), each word folded in with a
 * multiply and rotate, then MurmurHash3's 64-bit finalizer, which spreads
 * names that differ only in their last digits ("x1", "x2", ...) over the
 * low bits used as the slot index. */
static uint32_t hash_str(const char *s)
{
    size_t len = strlen(s), k = 0;
    uint64_t h = 0x9E3779B97F4A7C15u ^ len, w;
    for (; k + 8 <= len; k += 8) {
        memcpy(&w, s + k, 8);
        h ^= w;
        h = (h << 27 | h >> 37) * 0xFF51AFD7ED558CCDu;
    }
    if (k < len) {
        w = 0;
        memcpy(&w, s + k, len - k);
        h ^= w;
        h = (h << 27 | h >> 37) * 0xFF51AFD7ED558CCDu;
    }
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDu;
    h ^= h >> 33;
    h *= 0xC4CEB9FE1A85EC53u;
    h ^= h >> 33;
    return (uint32_t)h;
}

void po__names_init(po__names *t)
{
    t->keys = NULL;
    t->values = NULL;
    t->hashes = NULL;
    t->cap = 0;
    t->count = 0;
}

void po__names_free(po__names *t)
{
    free(t->keys); /* the three arrays share one block */
    po__names_init(t);
}

int po__names_find(const po__names *t, const char *key)
{
    if (t->cap == 0 || key == NULL)
        return -1;
    uint32_t h = hash_str(key);
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        if (t->keys[i] == NULL)
            return -1;
        if (t->hashes[i] == h && strcmp(t->keys[i], key) == 0)
            return t->values[i];
    }
}

static void put(po__names *t, const char *key, uint32_t h, int value)
{
    size_t mask = t->cap - 1;
    size_t i = h & mask;
    while (t->keys[i] != NULL)
        i = (i + 1) & mask;
    t->keys[i] = key;
    t->hashes[i] = h;
    t->values[i] = value;
}

int po__names_reserve(po__names *t, size_t extra, po__realloc_fn alloc,
                      void *ctx)
{
    if (extra > SIZE_MAX / 4 - t->count)
        return -1;
    size_t need = (t->count + extra) * 2; /* load factor <= 1/2 */
    if (need <= t->cap)
        return 0;
    size_t cap = t->cap ? t->cap : 16;
    while (cap < need) {
        if (cap > SIZE_MAX / 2)
            return -1;
        cap *= 2;
    }
    size_t slot = sizeof(const char *) + sizeof(int) + sizeof(uint32_t);
    if (cap > SIZE_MAX / slot)
        return -1;
    /* keys first: pointers have the strictest alignment of the three */
    char *block = alloc ? alloc(ctx, NULL, cap * slot) : malloc(cap * slot);
    if (block == NULL)
        return -1;
    po__names n;
    n.keys = (const char **)(void *)block;
    n.values = (int *)(void *)(block + cap * sizeof(const char *));
    n.hashes = (uint32_t *)(void *)(block + cap * (sizeof(const char *) +
                                                   sizeof(int)));
    n.cap = cap;
    n.count = t->count;
    memset(n.keys, 0, cap * sizeof(const char *));
    for (size_t i = 0; i < t->cap; i++)
        if (t->keys[i] != NULL)
            put(&n, t->keys[i], t->hashes[i], t->values[i]);
    free(t->keys);
    *t = n;
    return 0;
}

void po__names_insert(po__names *t, const char *key, int value)
{
    put(t, key, hash_str(key), value);
    t->count++;
}

int po__names_insert_new(po__names *t, const char *key, int value)
{
    uint32_t h = hash_str(key);
    size_t mask = t->cap - 1;
    size_t i = h & mask;
    for (; t->keys[i] != NULL; i = (i + 1) & mask)
        if (t->hashes[i] == h && strcmp(t->keys[i], key) == 0)
            return t->values[i];
    t->keys[i] = key;
    t->hashes[i] = h;
    t->values[i] = value;
    t->count++;
    return -1;
}

void po__names_remove(po__names *t, const char *key)
{
    if (t->cap == 0 || key == NULL)
        return;
    uint32_t h = hash_str(key);
    size_t mask = t->cap - 1;
    size_t i = h & mask;
    for (;; i = (i + 1) & mask) {
        if (t->keys[i] == NULL)
            return;
        if (t->hashes[i] == h && strcmp(t->keys[i], key) == 0)
            break;
    }
    /* Backward shift: a later member of the probe run moves into the hole
     * unless its home slot lies cyclically in (hole, j]. */
    size_t hole = i;
    for (size_t j = (i + 1) & mask; t->keys[j] != NULL; j = (j + 1) & mask) {
        size_t home = t->hashes[j] & mask;
        int stays = hole <= j ? (hole < home && home <= j)
                              : (hole < home || home <= j);
        if (!stays) {
            t->keys[hole] = t->keys[j];
            t->hashes[hole] = t->hashes[j];
            t->values[hole] = t->values[j];
            hole = j;
        }
    }
    t->keys[hole] = NULL;
    t->count--;
}
