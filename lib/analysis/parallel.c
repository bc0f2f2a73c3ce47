/*
 * parallel.c -- po__parallel_for over POSIX threads.
 *
 * Claims are lock-free (one atomic counter); the lock is taken only to
 * record a failure and to count progress, once per chunk.
 */
#include "parallel.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

typedef struct pool {
    size_t n, chunk;
    int workers;
    po__schedule schedule;
    po__task_fn task;
    void *ctx;
    po__progress_fn progress;
    void *progress_user;

    atomic_size_t next;       /* dynamic: first unclaimed index */
    atomic_size_t fail_index; /* lowest failing index so far, n if none */
    pthread_mutex_t lock;     /* guards fail_status, fail_index writes, done */
    po_status fail_status;
    size_t done;
} pool;

typedef struct worker_arg {
    pool *p;
    int id;
} worker_arg;

typedef struct thread_slot {
    pthread_t tid;
    worker_arg arg;
    int started;
} thread_slot;

void po__parallel_init(po__parallel *opt)
{
    if (opt == NULL)
        return;
    opt->threads = 1;
    opt->schedule = PO__SCHEDULE_DYNAMIC;
    opt->chunk = 0;
    opt->progress = NULL;
    opt->progress_user = NULL;
    opt->alloc = NULL;
    opt->alloc_ctx = NULL;
}

int po__parallel_default_threads(void)
{
    long n = -1;
#ifdef _SC_NPROCESSORS_ONLN
    n = sysconf(_SC_NPROCESSORS_ONLN);
#endif
    if (n < 1)
        return 1;
    if (n > PO__PARALLEL_MAX_THREADS)
        return PO__PARALLEL_MAX_THREADS;
    return (int)n;
}

/* Run [start, end).  Indices above a recorded failure cannot change the
 * outcome (only the lowest failing index counts), so they are skipped;
 * indices below it always run, which is what makes the outcome
 * independent of timing. */
static void run_range(pool *p, size_t start, size_t end, int id)
{
    size_t ran = 0;
    for (size_t i = start; i < end; i++) {
        if (i > atomic_load(&p->fail_index))
            break;
        po_status st = p->task(p->ctx, i, id);
        ran++;
        if (st != PO_OK) {
            pthread_mutex_lock(&p->lock);
            if (i < atomic_load(&p->fail_index)) {
                atomic_store(&p->fail_index, i);
                p->fail_status = st;
            }
            pthread_mutex_unlock(&p->lock);
            break;
        }
    }
    pthread_mutex_lock(&p->lock);
    p->done += ran;
    if (p->progress != NULL && ran > 0)
        p->progress(p->progress_user, p->done, p->n);
    pthread_mutex_unlock(&p->lock);
}

static void work(pool *p, int id)
{
    if (p->schedule == PO__SCHEDULE_DYNAMIC) {
        for (;;) {
            size_t start = atomic_fetch_add(&p->next, p->chunk);
            if (start >= p->n || start > atomic_load(&p->fail_index))
                return;
            size_t end = p->n - start < p->chunk ? p->n : start + p->chunk;
            run_range(p, start, end, id);
        }
    }
    /* Static: chunks id, id + workers, id + 2*workers, ... */
    for (size_t b = (size_t)id;; b += (size_t)p->workers) {
        if (b >= (p->n + p->chunk - 1) / p->chunk)
            return;
        size_t start = b * p->chunk;
        if (start > atomic_load(&p->fail_index))
            return;
        size_t end = p->n - start < p->chunk ? p->n : start + p->chunk;
        run_range(p, start, end, id);
    }
}

static void *alloc_array(const po__parallel *opt, size_t count, size_t size)
{
    if (count > SIZE_MAX / size)
        return NULL;
    if (opt->alloc != NULL)
        return opt->alloc(opt->alloc_ctx, NULL, count * size);
    return malloc(count * size);
}

static void *thread_main(void *arg)
{
    worker_arg *a = arg;
    work(a->p, a->id);
    return NULL;
}

po_status po__parallel_for(const po__parallel *opt, size_t n,
                           po__task_fn task, void *ctx, size_t *failed_index)
{
    po__parallel defaults;
    if (opt == NULL) {
        po__parallel_init(&defaults);
        opt = &defaults;
    }
    if (task == NULL || opt->threads < 1 ||
        opt->threads > PO__PARALLEL_MAX_THREADS ||
        (opt->schedule != PO__SCHEDULE_DYNAMIC &&
         opt->schedule != PO__SCHEDULE_STATIC))
        return PO_EINVAL;
    if (failed_index != NULL)
        *failed_index = n;
    if (n == 0)
        return PO_OK;
    /* Claims may run past n by up to workers*chunk: keep that in range. */
    if (n > SIZE_MAX / 4)
        return PO_ETOOBIG;

    pool p;
    p.n = n;
    p.workers = (size_t)opt->threads < n ? opt->threads : (int)n;
    p.schedule = opt->schedule;
    p.chunk = opt->chunk;
    if (p.chunk == 0)
        p.chunk = p.schedule == PO__SCHEDULE_DYNAMIC
                      ? 1
                      : (n + (size_t)p.workers - 1) / (size_t)p.workers;
    if (p.chunk > n)
        p.chunk = n;
    p.task = task;
    p.ctx = ctx;
    p.progress = opt->progress;
    p.progress_user = opt->progress_user;
    atomic_init(&p.next, 0);
    atomic_init(&p.fail_index, n);
    p.fail_status = PO_OK;
    p.done = 0;
    if (pthread_mutex_init(&p.lock, NULL) != 0)
        return PO_ENOMEM;

    /* One block for all per-thread bookkeeping: one allocation to fail. */
    thread_slot *slot = NULL;
    const size_t w = (size_t)p.workers;
    if (w > 1) {
        slot = alloc_array(opt, w, sizeof *slot);
        if (slot == NULL) {
            pthread_mutex_destroy(&p.lock);
            return PO_ENOMEM;
        }
        for (size_t k = 1; k < w; k++) {
            slot[k].arg.p = &p;
            slot[k].arg.id = (int)k;
        }
        for (size_t k = 1; k < w; k++)
            slot[k].started = pthread_create(&slot[k].tid, NULL, thread_main,
                                             &slot[k].arg) == 0;
    }
    work(&p, 0);
    /* A static share whose thread did not start is done here, under that
     * worker's id, so its scratch space is still used by one thread only. */
    for (size_t k = 1; k < w; k++)
        if (!slot[k].started && p.schedule == PO__SCHEDULE_STATIC)
            work(&p, (int)k);
    for (size_t k = 1; k < w; k++)
        if (slot[k].started)
            pthread_join(slot[k].tid, NULL);
    free(slot);
    pthread_mutex_destroy(&p.lock);

    size_t f = atomic_load(&p.fail_index);
    if (f < n) {
        if (failed_index != NULL)
            *failed_index = f;
        return p.fail_status;
    }
    return PO_OK;
}
