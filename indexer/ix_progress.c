/* ix_progress.c - the progress line of an index run (see ix_progress.h). */
#include "ix_progress.h"

#include <string.h>

/* Seconds between two lines: often enough to look alive, rarely enough
 * that printing costs nothing. */
#define IX_PROGRESS_EVERY 0.25

static double elapsed(const ix_progress *p)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - p->t0.tv_sec) +
           (double)(now.tv_nsec - p->t0.tv_nsec) / 1e9;
}

void ix_progress_start(ix_progress *p, FILE *log, int on, size_t files,
                       uint64_t bytes)
{
    memset(p, 0, sizeof *p);
    p->log = log;
    p->on = on && files > 0;
    p->files_total = files;
    p->bytes_total = bytes;
    atomic_init(&p->files_done, 0);
    atomic_init(&p->bytes_done, 0);
    clock_gettime(CLOCK_MONOTONIC, &p->t0);
}

void ix_progress_add(ix_progress *p, uint64_t bytes)
{
    atomic_fetch_add_explicit(&p->files_done, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&p->bytes_done, bytes, memory_order_relaxed);
}

void ix_progress_show(ix_progress *p, int force)
{
    if (!p->on)
        return;
    double s = elapsed(p);
    if (!force && p->shown && s - p->shown_at < IX_PROGRESS_EVERY)
        return;
    size_t files = atomic_load_explicit(&p->files_done, memory_order_relaxed);
    uint64_t bytes = atomic_load_explicit(&p->bytes_done, memory_order_relaxed);
    double rate = s > 0 ? (double)bytes / s : 0;
    char left[32] = "";
    /* No estimate until there is something to estimate from. */
    if (rate > 0 && s >= 1 && bytes < p->bytes_total) {
        unsigned long t = (unsigned long)((double)(p->bytes_total - bytes) / rate + 0.5);
        snprintf(left, sizeof left, ", %lu:%02lu left", t / 60, t % 60);
    }
    fprintf(p->log, "\rindexing: %zu/%zu files, %.1f/%.1f MB, %.1f MB/s%s   ",
            files, p->files_total, (double)bytes / 1e6,
            (double)p->bytes_total / 1e6, rate / 1e6, left);
    fflush(p->log);
    p->shown = 1;
    p->shown_at = s;
}

void ix_progress_phase(ix_progress *p, const char *what)
{
    if (!p->on)
        return;
    fprintf(p->log, "\r%-70s\r%s", "", what);
    fflush(p->log);
    p->shown = 1;
}

void ix_progress_end(ix_progress *p)
{
    if (p->on && p->shown)
        fputc('\n', p->log);
    p->shown = 0;
}
