/* Test plugin: copies the file named by $TP_COPY_FROM to its output and
 * reports success, whatever the file holds: the host's check of what a
 * plugin wrote (a whole ZIP, a whole PDF) is tested with it. */
#include <quire/quire-plugin.h>

#include <stdio.h>
#include <stdlib.h>

static quire_status copy(const quire_job *job, char *err, size_t size)
{
    const char *from = getenv("TP_COPY_FROM");
    FILE *in = from ? fopen(from, "rb") : NULL;
    FILE *out = in ? fopen(job->output_path, "wb") : NULL;
    if (!out) {
        snprintf(err, size, "cannot copy %s", from ? from : "(TP_COPY_FROM not set)");
        if (in)
            fclose(in);
        return QUIRE_ERR_EXPORT;
    }
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        fwrite(buf, 1, n, out);
    fclose(in);
    return fclose(out) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE(TP_NAME, TP_EXT, "0.0.1", "copies $TP_COPY_FROM", copy)
