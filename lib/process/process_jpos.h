/*
 * process_jpos.h -- where each value of a JSON text starts.
 *
 * jansson parses process models but keeps no positions of values, and
 * every error must name a line and a column.  After jansson has accepted a
 * text, this scanner walks the same text once and records, for every value,
 * the line and column of its first character (and of its key, for object
 * members) in a tree shaped like the document.  The reader walks that tree
 * and jansson's in step.  Lines and columns are 1-based and count
 * characters (UTF-8 sequences count once), as jansson's do.
 */
#ifndef PO_PROCESS_JPOS_H
#define PO_PROCESS_JPOS_H

#include <stddef.h>

typedef struct po__jnode {
    int line, col;   /* first character of the value */
    int kline, kcol; /* first character of its key (object members) */
    char *key;       /* decoded key of an object member, else NULL */
    int first, next; /* first child, next sibling (node indices, -1: none) */
} po__jnode;

typedef struct po__jpos {
    po__jnode *n; /* n[0] is the root value */
    int count, cap;
} po__jpos;

/* Scan `len` bytes of JSON text.  0 on success, -1 out of memory, -2 when
 * the text is not JSON the scanner understands (jansson rejects it too).
 * On failure jp holds nothing to free. */
int po__jpos_scan(po__jpos *jp, const char *text, size_t len);
void po__jpos_free(po__jpos *jp);

#endif
