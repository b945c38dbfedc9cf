/* Test plugin: writes half of its output and of an extra output, then
 * fails with TP_STATUS, as a full disk (or an unfit input) would. Nothing
 * of it may remain. */
#include <quire/quire-plugin.h>

#include <stdio.h>

static int half(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs("half a fi", f);
    return fclose(f);
}

static quire_status fail_halfway(const quire_job *job, char *err, size_t size)
{
    char extra[4096];
    if (half(job->output_path) != 0 ||
        job->host->open_output(job, ".extra.fail", extra, sizeof extra) != QUIRE_OK ||
        half(extra) != 0)
        return QUIRE_ERR_EXPORT;
    job->host->diag(job, QUIRE_WARNING, "test-code", "about to fail");
    snprintf(err, size, "disk on fire after %d bytes", 9);
    return TP_STATUS;
}

QUIRE_PLUGIN_DEFINE(TP_NAME, "fail", "0.0.1", "fails halfway", fail_halfway)
