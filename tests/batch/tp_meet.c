/* Test plugin: proves two exports run at the same time, without timing
 * anything. Its export leaves a mark named after itself in $TP_MEET_DIR,
 * then waits for the mark of its partner (TP_OTHER). Run one after the
 * other, the first export waits in vain and fails; run concurrently, both
 * see each other and succeed. The wait is only a guard against hanging
 * ($TP_MEET_WAIT_MS, default 30 s), never a measure. */
#include <quire/quire-plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static int mark_path(char *buf, size_t size, const char *name)
{
    const char *dir = getenv("TP_MEET_DIR");
    return dir && snprintf(buf, size, "%s/%s", dir, name) < (int)size ? 0 : -1;
}

static quire_status meet(const quire_job *job, char *err, size_t size)
{
    char mine[4096], theirs[4096];
    if (mark_path(mine, sizeof mine, TP_NAME) || mark_path(theirs, sizeof theirs, TP_OTHER)) {
        snprintf(err, size, "TP_MEET_DIR is not set");
        return QUIRE_ERR_EXPORT;
    }
    FILE *m = fopen(mine, "w");
    if (!m || fclose(m) != 0) {
        snprintf(err, size, "cannot write %s", mine);
        return QUIRE_ERR_EXPORT;
    }
    const char *wait = getenv("TP_MEET_WAIT_MS");
    long ticks = (wait ? atol(wait) : 30000) / 10;
    struct timespec tick = {0, 10 * 1000 * 1000};
    long t = 0;
    while (access(theirs, F_OK) != 0 && t++ < ticks)
        nanosleep(&tick, NULL);
    if (access(theirs, F_OK) != 0) {
        snprintf(err, size, "%s never ran while %s ran", TP_OTHER, TP_NAME);
        return QUIRE_ERR_EXPORT;
    }
    FILE *out = fopen(job->output_path, "w");
    if (!out) {
        snprintf(err, size, "cannot write the output");
        return QUIRE_ERR_EXPORT;
    }
    fprintf(out, "%s met %s\n", TP_NAME, TP_OTHER);
    return fclose(out) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE(TP_NAME, TP_NAME, "0.0.1", "waits for its partner's export", meet)
