/*
 * fuzz_scratch.h - the directory a fuzz target builds its index in, new
 * under $TMPDIR (else /tmp) and removed at exit, so that neither a
 * fuzzing run nor a replay test leaves one behind.  Included by the one
 * source file of a target; the directory's path is fuzz_scratch.
 */
#ifndef CITESEARCH_FUZZ_SCRATCH_H
#define CITESEARCH_FUZZ_SCRATCH_H

#include <stdio.h>
#include <stdlib.h>

static char fuzz_scratch[4096];
static void (*fuzz_scratch_release)(void);

static void fuzz_scratch_remove(void)
{
    if (fuzz_scratch_release)
        fuzz_scratch_release();
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", fuzz_scratch);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", fuzz_scratch);
}

/* Makes fuzz_scratch, named after `target`; `release` (may be NULL)
 * closes what the target holds open in it, before it is removed. */
static void fuzz_scratch_make(const char *target, void (*release)(void))
{
    const char *tmp = getenv("TMPDIR");
    snprintf(fuzz_scratch, sizeof fuzz_scratch, "%s/cs-fuzz-%s-XXXXXX",
             tmp && *tmp ? tmp : "/tmp", target);
    if (!mkdtemp(fuzz_scratch))
        abort();
    fuzz_scratch_release = release;
    atexit(fuzz_scratch_remove);
}

#endif
