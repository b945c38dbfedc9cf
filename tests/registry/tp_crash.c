/* Test plugin: writes half of its output and of an extra output, says so
 * on stderr through the host, then ends its process without returning, as
 * TP_MODE says: a segmentation fault, abort(), exit(0), _exit(7) or
 * SIGKILL. The run must go on, exit 4 naming the plugin, and leave
 * nothing behind. */
#include <quire/quire-plugin.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#define MODE_SEGV 1
#define MODE_ABORT 2
#define MODE_EXIT 3
#define MODE_QUICKEXIT 4
#define MODE_KILLED 5

static int half(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs("half a fi", f);
    return fclose(f);
}

static quire_status crash(const quire_job *job, char *err, size_t size)
{
    char extra[4096];
    if (half(job->output_path) != 0 ||
        job->host->open_output(job, ".extra.crash", extra, sizeof extra) != QUIRE_OK ||
        half(extra) != 0)
        return QUIRE_ERR_EXPORT;
    job->host->diag(job, QUIRE_WARNING, "test-code", "about to end the process");
#if TP_MODE == MODE_SEGV
    raise(SIGSEGV);   /* what a wild pointer does, without undefined behaviour */
#elif TP_MODE == MODE_ABORT
    abort();
#elif TP_MODE == MODE_EXIT
    exit(0);
#elif TP_MODE == MODE_QUICKEXIT
    _exit(7);
#elif TP_MODE == MODE_KILLED
    raise(SIGKILL);   /* as the OOM killer would */
#else
#error "TP_MODE: one of MODE_SEGV, MODE_ABORT, MODE_EXIT, MODE_QUICKEXIT, MODE_KILLED"
#endif
    snprintf(err, size, "still alive");
    return QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE(TP_NAME, "crash", "0.0.1", "ends its process", crash)
