/*
 * parallel.h -- a small worker pool: run task(ctx, i, worker) for every i
 * in [0, n) on a few threads.
 *
 * Made for scenario sweeps, where every scenario is independent: the task
 * writes its results into the caller's arrays at index i, so the output
 * does not depend on the thread count or on which thread ran what.  A pool
 * lives for one call: threads are created, used and joined inside
 * po__parallel_for; there is no global state.  The calling thread works as
 * worker 0.
 */
#ifndef PO_PARALLEL_H
#define PO_PARALLEL_H

#include <stddef.h>

#include "names.h" /* po__realloc_fn */
#include "procopt.h"

/* Most threads one call will use. */
#define PO__PARALLEL_MAX_THREADS 1024

/* One task.  `worker` in [0, threads) names the thread running it, so the
 * caller can give each thread its own scratch space (a GLPK problem, a
 * buffer).  Which worker runs which index varies from run to run: results
 * must depend on `index` only.  Anything but PO_OK is a failure. */
typedef po_status (*po__task_fn)(void *ctx, size_t index, int worker);

typedef enum po__schedule {
    PO__SCHEDULE_DYNAMIC = 0, /* threads claim the next chunk when idle
                                 (default: scenario solves vary in cost) */
    PO__SCHEDULE_STATIC       /* chunk b goes to worker b mod threads */
} po__schedule;

/* Progress: `done` of `total` tasks finished.  Called after each chunk,
 * from whichever pool thread finished it, with the pool's lock held: calls
 * never overlap and `done` only grows.  Keep it short; never call back
 * into the pool. */
typedef void (*po__progress_fn)(void *user, size_t done, size_t total);

typedef struct po__parallel {
    int threads;            /* 1..PO__PARALLEL_MAX_THREADS; default 1 */
    po__schedule schedule;  /* default PO__SCHEDULE_DYNAMIC */
    size_t chunk;           /* indices per chunk; 0 (default): 1 for
                               dynamic, n/threads rounded up for static */
    po__progress_fn progress; /* default NULL */
    void *progress_user;
    po__realloc_fn alloc;   /* the pool's bookkeeping (a few bytes per
                               thread) is allocated with alloc(alloc_ctx,
                               NULL, size) and released with free();
                               default NULL: malloc */
    void *alloc_ctx;
} po__parallel;

/* Defaults as above. */
void po__parallel_init(po__parallel *opt);

/* Processors online (at least 1): the default for --threads. */
int po__parallel_default_threads(void);

/* Run task(ctx, i, worker) for i in [0, n).  opt may be NULL (defaults).
 * No more than n threads are started.
 *
 * Failure is deterministic: the call returns the status of the failing
 * task with the lowest index, and *failed_index (if not NULL) receives
 * that index -- the same whatever the thread count and schedule, provided
 * each task's outcome depends on its index only.  To guarantee that, every
 * index below a known failure is still run; indices above it may or may
 * not be (their outputs are unspecified).  On success *failed_index = n.
 *
 * PO_EINVAL: task NULL, threads out of range, unknown schedule.
 * PO_ENOMEM: the pool's own bookkeeping could not be allocated (no task
 * has run).  A thread that cannot be started is not an error: the others
 * do its share. */
po_status po__parallel_for(const po__parallel *opt, size_t n,
                           po__task_fn task, void *ctx, size_t *failed_index);

#endif
