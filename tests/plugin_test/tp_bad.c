/* tp_bad.c — a deliberately bad exporter, one defect per build (BAD_*),
 * for the tests of quire-plugin-test. Each writes a correct output
 * otherwise, so that only its one defect can be what the tool catches. */
#include <quire/quire-plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static quire_status bad_export(const quire_job *job, char *err, size_t size)
{
#ifdef BAD_STRAY
    FILE *stray = fopen("stray.txt", "w");   /* in the working directory */
    if (stray)
        fclose(stray);
#endif
#ifdef BAD_TMPLEFT
    const char *tmp = getenv("TMPDIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/bad-scratch", tmp ? tmp : "/tmp");
    FILE *scratch = fopen(path, "w");        /* never removed */
    if (scratch)
        fclose(scratch);
#endif
#ifdef BAD_LEAK
    char *lost = malloc(100);                /* never freed */
    if (lost)
        strcpy(lost, job->dataset->id);
    lost = NULL;
#endif
#ifdef BAD_BACKWARDS
    job->host->progress(job, 0.5);
    job->host->progress(job, 0.25);          /* progress goes back */
#endif
    FILE *f = fopen(job->output_path, "w");
    if (!f) {
#ifdef BAD_NOERR
        return QUIRE_ERR_EXPORT;             /* and err left as it was */
#else
        snprintf(err, size, "cannot create %s", job->final_path);
        return QUIRE_ERR_EXPORT;
#endif
    }
    fprintf(f, "%s\n", job->dataset->title);
    return fclose(f) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE(BAD_NAME, "txt", "0.0.1", "a deliberately bad plugin", bad_export)
