/* Test plugin: writes which copy it is (TP_WHERE) so tests can see which
 * directory of the search path won. Built as several names and copies. */
#include <quire/quire-plugin.h>

#include <stdio.h>

static quire_status write_where(const quire_job *job, char *err, size_t size)
{
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return QUIRE_ERR_EXPORT;
    fprintf(f, "%s\n", TP_WHERE);
    return fclose(f) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE(TP_NAME, TP_EXT, "0.0.1", "search-order probe " TP_WHERE, write_where)
