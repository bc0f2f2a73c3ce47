/*
 * test_parallel.c -- the worker pool: every index exactly once, output
 * independent of thread count and schedule, deterministic failure (lowest
 * failing index wins even when a higher one fails first), progress, and
 * argument errors.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdatomic.h>
#include <string.h>
#include <time.h>

#include "parallel.h"
#include "rng.h"

#define N 1000

typedef struct job {
    double out[N];
    atomic_int runs[N];
    atomic_int bad_worker;
    int threads;
    /* failure injection */
    size_t fail_at[3];
    po_status fail_status[3];
    size_t slow_index; /* sleeps before finishing; N = none */
} job;

static void job_init(job *j, int threads)
{
    memset(j->out, 0, sizeof j->out);
    for (size_t i = 0; i < N; i++)
        atomic_init(&j->runs[i], 0);
    atomic_init(&j->bad_worker, 0);
    j->threads = threads;
    for (int k = 0; k < 3; k++) {
        j->fail_at[k] = N;
        j->fail_status[k] = PO_OK;
    }
    j->slow_index = N;
}

static po_status task(void *ctx, size_t i, int worker)
{
    job *j = ctx;
    atomic_fetch_add(&j->runs[i], 1);
    if (worker < 0 || worker >= j->threads)
        atomic_store(&j->bad_worker, 1);
    if (i == j->slow_index) {
        struct timespec ts = {0, 30 * 1000 * 1000};
        nanosleep(&ts, NULL);
    }
    /* A result that depends on the index only: a few normal deviates from
     * the index's own stream, as a scenario would draw them. */
    po__rng rng;
    po__rng_seed(&rng, 2024, i);
    double acc = 0.0;
    for (int k = 0; k < 50; k++)
        acc += po__rng_normal(&rng);
    j->out[i] = acc;
    for (int k = 0; k < 3; k++)
        if (i == j->fail_at[k])
            return j->fail_status[k];
    return PO_OK;
}

static job ref, got; /* large: keep them off the stack */

static void same_output_for_any_thread_count(void **state)
{
    (void)state;
    po__parallel opt;
    po__parallel_init(&opt);
    job_init(&ref, 1);
    assert_int_equal(po__parallel_for(&opt, N, task, &ref, NULL), PO_OK);

    const int threads[] = {1, 2, 4, 7};
    const po__schedule sched[] = {PO__SCHEDULE_DYNAMIC, PO__SCHEDULE_STATIC};
    const size_t chunks[] = {0, 1, 3, 64, 5000};
    for (size_t t = 0; t < 4; t++)
        for (size_t s = 0; s < 2; s++)
            for (size_t c = 0; c < 5; c++) {
                opt.threads = threads[t];
                opt.schedule = sched[s];
                opt.chunk = chunks[c];
                job_init(&got, threads[t]);
                size_t failed = 0;
                assert_int_equal(po__parallel_for(&opt, N, task, &got, &failed), PO_OK);
                assert_int_equal(failed, N);
                assert_memory_equal(got.out, ref.out, sizeof ref.out);
                for (size_t i = 0; i < N; i++)
                    assert_int_equal(atomic_load(&got.runs[i]), 1);
                assert_int_equal(atomic_load(&got.bad_worker), 0);
            }
}

static void lowest_failing_index_wins(void **state)
{
    (void)state;
    const int threads[] = {1, 2, 4};
    const po__schedule sched[] = {PO__SCHEDULE_DYNAMIC, PO__SCHEDULE_STATIC};
    for (size_t t = 0; t < 3; t++)
        for (size_t s = 0; s < 2; s++) {
            po__parallel opt;
            po__parallel_init(&opt);
            opt.threads = threads[t];
            opt.schedule = sched[s];
            job_init(&got, threads[t]);
            got.fail_at[0] = 700;
            got.fail_status[0] = PO_EMODEL;
            got.fail_at[1] = 37;
            got.fail_status[1] = PO_ESOLVER;
            got.fail_at[2] = 501;
            got.fail_status[2] = PO_ENOMEM;
            size_t failed = 0;
            assert_int_equal(po__parallel_for(&opt, N, task, &got, &failed), PO_ESOLVER);
            assert_int_equal(failed, 37);
            /* Everything below the failure ran, exactly once. */
            for (size_t i = 0; i <= 37; i++)
                assert_int_equal(atomic_load(&got.runs[i]), 1);
            for (size_t i = 0; i < N; i++)
                assert_true(atomic_load(&got.runs[i]) <= 1);
        }
}

/* Index 10 is slow and fails; index 11 fails at once.  With several
 * threads 11 is recorded first, yet 10 must be the answer. */
static void slow_lower_failure_still_wins(void **state)
{
    (void)state;
    for (int t = 1; t <= 4; t++) {
        po__parallel opt;
        po__parallel_init(&opt);
        opt.threads = t;
        job_init(&got, t);
        got.slow_index = 10;
        got.fail_at[0] = 10;
        got.fail_status[0] = PO_ESOLVER;
        got.fail_at[1] = 11;
        got.fail_status[1] = PO_EMODEL;
        size_t failed = 0;
        assert_int_equal(po__parallel_for(&opt, 40, task, &got, &failed), PO_ESOLVER);
        assert_int_equal(failed, 10);
        assert_int_equal(atomic_load(&got.runs[10]), 1);
    }
}

typedef struct prog {
    size_t calls, last, total;
    int decreasing;
} prog;

static void on_progress(void *user, size_t done, size_t total)
{
    prog *p = user;
    if (done < p->last)
        p->decreasing = 1;
    p->last = done;
    p->total = total;
    p->calls++;
}

static void progress_reports(void **state)
{
    (void)state;
    prog pr = {0, 0, 0, 0};
    po__parallel opt;
    po__parallel_init(&opt);
    opt.threads = 3;
    opt.chunk = 10;
    opt.progress = on_progress;
    opt.progress_user = &pr;
    job_init(&got, 3);
    assert_int_equal(po__parallel_for(&opt, 95, task, &got, NULL), PO_OK);
    assert_int_equal(pr.calls, 10); /* ten chunks: 9 of 10, one of 5 */
    assert_int_equal(pr.last, 95);
    assert_int_equal(pr.total, 95);
    assert_int_equal(pr.decreasing, 0);
}

static void small_and_empty(void **state)
{
    (void)state;
    po__parallel opt;
    po__parallel_init(&opt);
    opt.threads = 8; /* more threads than tasks */
    job_init(&got, 8);
    size_t failed = 99;
    assert_int_equal(po__parallel_for(&opt, 0, task, &got, &failed), PO_OK);
    assert_int_equal(failed, 0);
    assert_int_equal(po__parallel_for(&opt, 3, task, &got, &failed), PO_OK);
    assert_int_equal(failed, 3);
    for (size_t i = 0; i < 3; i++)
        assert_int_equal(atomic_load(&got.runs[i]), 1);
    assert_int_equal(atomic_load(&got.runs[3]), 0);
    /* NULL options: one thread, the caller's. */
    job_init(&got, 1);
    assert_int_equal(po__parallel_for(NULL, 5, task, &got, NULL), PO_OK);
    assert_int_equal(atomic_load(&got.runs[4]), 1);
    assert_true(po__parallel_default_threads() >= 1);
}

static void argument_errors(void **state)
{
    (void)state;
    po__parallel opt;
    po__parallel_init(&opt);
    job_init(&got, 1);
    assert_int_equal(po__parallel_for(&opt, 5, NULL, &got, NULL), PO_EINVAL);
    opt.threads = 0;
    assert_int_equal(po__parallel_for(&opt, 5, task, &got, NULL), PO_EINVAL);
    opt.threads = PO__PARALLEL_MAX_THREADS + 1;
    assert_int_equal(po__parallel_for(&opt, 5, task, &got, NULL), PO_EINVAL);
    opt.threads = 2;
    opt.schedule = (po__schedule)9;
    assert_int_equal(po__parallel_for(&opt, 5, task, &got, NULL), PO_EINVAL);
    for (size_t i = 0; i < N; i++)
        assert_int_equal(atomic_load(&got.runs[i]), 0); /* nothing ran */
    po__parallel_init(NULL); /* harmless */
}

static void *failing_alloc(void *ctx, void *ptr, size_t size)
{
    (void)ptr;
    (void)size;
    ++*(int *)ctx;
    return NULL;
}

static void out_of_memory(void **state)
{
    (void)state;
    int calls = 0;
    po__parallel opt;
    po__parallel_init(&opt);
    opt.threads = 3;
    opt.alloc = failing_alloc;
    opt.alloc_ctx = &calls;
    job_init(&got, 3);
    size_t failed = 5;
    assert_int_equal(po__parallel_for(&opt, 10, task, &got, &failed), PO_ENOMEM);
    assert_int_equal(calls, 1);
    for (size_t i = 0; i < 10; i++)
        assert_int_equal(atomic_load(&got.runs[i]), 0); /* nothing ran */
    /* One thread needs no bookkeeping: the hook is not even called. */
    opt.threads = 1;
    assert_int_equal(po__parallel_for(&opt, 10, task, &got, &failed), PO_OK);
    assert_int_equal(calls, 1);
    assert_int_equal(failed, 10);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_output_for_any_thread_count),
        cmocka_unit_test(lowest_failing_index_wins),
        cmocka_unit_test(slow_lower_failure_still_wins),
        cmocka_unit_test(progress_reports),
        cmocka_unit_test(small_and_empty),
        cmocka_unit_test(argument_errors),
        cmocka_unit_test(out_of_memory),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
