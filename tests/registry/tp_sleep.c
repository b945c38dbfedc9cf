/* Test plugin: works for a long time, as a big PDF would. With TP_POLITE
 * it calls progress() and stops when asked; without, it never asks, and
 * the host must clean up on its own after a grace period. TP_CHATTY
 * writes a note on every tick. */
#include <quire/quire-plugin.h>

#include <stdio.h>
#include <time.h>

static quire_status slow(const quire_job *job, char *err, size_t size)
{
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return QUIRE_ERR_EXPORT;
    fputs("started\n", f);
    fflush(f);   /* the test waits for this line before it sends a signal */
    struct timespec tick = {0, 20 * 1000 * 1000};
    for (int i = 0; i < 1500; i++) {   /* 30 s at most */
#ifdef TP_CHATTY
        /* stderr may be a pipe nobody reads any more: SIGPIPE comes here */
        job->host->diag(job, QUIRE_NOTE, "tick", "%d", i);
#endif
        if (TP_POLITE && job->host->progress(job, i / 1500.0)) {
            fclose(f);
            snprintf(err, size, "cancelled");
            return QUIRE_ERR_CANCELLED;
        }
        nanosleep(&tick, NULL);
    }
    fclose(f);
    return QUIRE_OK;
}

QUIRE_PLUGIN_DEFINE(TP_NAME, TP_NAME, "0.0.1", "sleeps", slow)
