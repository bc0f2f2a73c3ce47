/*
 * timed_run -- run one command under a CPU-time limit and write what it
 * cost: the benchmark driver's (bench/run.sh) stopwatch.
 *
 * The limit is on CPU seconds (RLIMIT_CPU: SIGXCPU, SIGKILL 5 s later) so
 * that a solver on a loaded, shared machine gets the same work done before
 * it is stopped as one run alone; a wall-clock guard of 30x the limit + 60 s
 * stops a command that sleeps or waits.
 *
 *   timed_run -t SECONDS -o FILE [--] COMMAND [ARG...]
 *
 * FILE receives one line: "wall user sys maxrss" -- wall-clock seconds
 * (monotonic clock, from fork to the end of the wait), user and system CPU
 * seconds of the command and every descendant it waited for (getrusage
 * RUSAGE_CHILDREN: microseconds, where GNU time prints hundredths, which
 * is too coarse for the many netlib instances solved in a few
 * milliseconds), and the peak resident set in kB.
 *
 * The command runs in its own process group.  When the limit passes, the
 * group gets SIGTERM, and SIGKILL 5 s later if it is still there; SIGINT,
 * SIGTERM and SIGHUP sent to timed_run are passed on to the group.  Exit
 * status: the command's; 124 when the limit was reached (as timeout(1));
 * 128 + N when the command died of signal N; 125 when timed_run itself
 * failed (usage, fork), 127 when the command could not be run.
 *
 * Copyright (C) 2026 the procopt developers.  GPL-3.0-or-later.
 */
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Shared with the signal handlers, so volatile sig_atomic_t (the command's
 * process group id is a pid_t, which fits). */
static volatile sig_atomic_t child_pgid;
static volatile sig_atomic_t timed_out;
static volatile sig_atomic_t killed;

static void on_alarm(int sig)
{
    (void)sig;
    if (child_pgid <= 0)
        return;
    if (!timed_out) {
        timed_out = 1;
        kill(-(pid_t)child_pgid, SIGTERM);
        alarm(5);
    } else if (!killed) {
        killed = 1;
        kill(-(pid_t)child_pgid, SIGKILL);
    }
}

static void on_stop_request(int sig)
{
    if (child_pgid > 0)
        kill(-(pid_t)child_pgid, sig);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double tv_s(struct timeval tv)
{
    return (double)tv.tv_sec + 1e-6 * (double)tv.tv_usec;
}

static int usage(void)
{
    fputs("usage: timed_run -t SECONDS -o FILE [--] COMMAND [ARG...]\n", stderr);
    return 125;
}

int main(int argc, char **argv)
{
    const char *out_path = NULL;
    double limit = -1.0, t0, t1, cpu_s;
    struct sigaction sa;
    struct rusage ru;
    unsigned secs;
    pid_t pid;
    FILE *out;
    int i, wstatus, rc;

    for (i = 1; i < argc; i++) {
        if (strcmp(argv[i], "-t") == 0 && i + 1 < argc) {
            char *end;
            limit = strtod(argv[++i], &end);
            if (end == argv[i] || *end != '\0' || !(limit > 0) || limit > 1e6)
                return usage();
        } else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc) {
            out_path = argv[++i];
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else if (argv[i][0] == '-') {
            return usage();
        } else {
            break;
        }
    }
    if (limit < 0 || out_path == NULL || i >= argc)
        return usage();
    out = fopen(out_path, "w");
    if (out == NULL) {
        fprintf(stderr, "timed_run: %s: %s\n", out_path, strerror(errno));
        return 125;
    }

    /* No SA_RESTART: the alarm must interrupt waitpid. */
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_alarm;
    sigaction(SIGALRM, &sa, NULL);
    sa.sa_handler = on_stop_request;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);

    t0 = now_s();
    pid = fork();
    if (pid < 0) {
        fprintf(stderr, "timed_run: fork: %s\n", strerror(errno));
        fclose(out);
        return 125;
    }
    if (pid == 0) {
        setpgid(0, 0);
        struct rlimit cpu = {(rlim_t)ceil(limit), (rlim_t)ceil(limit) + 5};
        setrlimit(RLIMIT_CPU, &cpu);
        signal(SIGINT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        signal(SIGHUP, SIG_DFL);
        execvp(argv[i], argv + i);
        fprintf(stderr, "timed_run: %s: %s\n", argv[i], strerror(errno));
        _exit(127);
    }
    /* Both sides set the group, so it exists before anyone signals it. */
    setpgid(pid, pid);
    child_pgid = pid;
    secs = 30 * (unsigned)ceil(limit) + 60; /* the wall-clock guard */
    alarm(secs);
    while (waitpid(pid, &wstatus, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "timed_run: waitpid: %s\n", strerror(errno));
            fclose(out);
            return 125;
        }
    }
    t1 = now_s();
    alarm(0);
    child_pgid = 0;
    /* A descendant that outlived the command still counts as the run's. */
    kill(-pid, SIGKILL);

    getrusage(RUSAGE_CHILDREN, &ru);
    fprintf(out, "%.6f %.6f %.6f %ld\n", t1 - t0, tv_s(ru.ru_utime),
            tv_s(ru.ru_stime), (long)ru.ru_maxrss);
    if (fclose(out) != 0) {
        fprintf(stderr, "timed_run: %s: write error\n", out_path);
        return 125;
    }
    cpu_s = tv_s(ru.ru_utime) + tv_s(ru.ru_stime);
    if (timed_out ||
        (WIFSIGNALED(wstatus) &&
         (WTERMSIG(wstatus) == SIGXCPU ||
          (WTERMSIG(wstatus) == SIGKILL && cpu_s >= 0.9 * ceil(limit)))))
        rc = 124;
    else if (WIFEXITED(wstatus))
        rc = WEXITSTATUS(wstatus);
    else if (WIFSIGNALED(wstatus))
        rc = 128 + WTERMSIG(wstatus);
    else
        rc = 125;
    return rc;
}
