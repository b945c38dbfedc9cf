/* Test plugin: calls every host service and writes what it got back, one
 * line each, for registry.sh to compare. */
#include <quire/quire-plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static quire_status probe(const quire_job *job, char *err, size_t size)
{
    const quire_host *h = job->host;
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return QUIRE_ERR_EXPORT;
    fprintf(f, "host abi %u, size ok %d\n", h->abi_version, h->struct_size >= sizeof *h);

    char path[4096], small[8];
    int index = -1;
    quire_status st = h->find_font(job, "NanumGothic:bold", path, sizeof path, &index);
    fprintf(f, "font bold %d %s %d\n", st, strstr(path, "NanumGothic") ? "nanum" : path, index);
    st = h->find_font(job, "NoSuchFamilyXyz", path, sizeof path, &index);
    fprintf(f, "font missing %d\n", st);
    st = h->find_font(job, "NanumGothic", small, sizeof small, &index);
    fprintf(f, "font small buffer %d\n", st);

    char text[64];
    size_t n = h->expand(job, "{title}|{region}|{page}/{pages}|{nope}", 2, 9, text, sizeof text);
    fprintf(f, "expand %s (%zu)\n", text, n);

    fprintf(f, "suffix slash %d\n", h->open_output(job, "/../escape", path, sizeof path));
    fprintf(f, "suffix empty %d\n", h->open_output(job, "", path, sizeof path));
    fprintf(f, "suffix ok %d\n", h->open_output(job, ".extra.txt", path, sizeof path));
    FILE *x = fopen(path, "w");
    if (x) {
        fputs("extra\n", x);
        fclose(x);
    }
    fprintf(f, "suffix twice %d\n", h->open_output(job, ".extra.txt", path, sizeof path));
    fprintf(f, "suffix main %d\n", h->open_output(job, ".host", path, sizeof path));
    fprintf(f, "progress %d\n", h->progress(job, 0.5));
    /* The export runs in its private directory's process: TMPDIR is it. */
    const char *tmp = getenv("TMPDIR"), *slash = strrchr(job->output_path, '/');
    fprintf(f, "tmpdir private %d\n", tmp && slash && strlen(tmp) == (size_t)(slash - job->output_path) &&
                                       strncmp(tmp, job->output_path, strlen(tmp)) == 0 &&
                                       (strstr(tmp, "/.quire-") != NULL ||
                                        strncmp(tmp, "/proc/self/fd/", 14) == 0));
    fclose(f);
    return QUIRE_OK;
}

QUIRE_PLUGIN_DEFINE("host", "host", "0.0.1", "calls every host service", probe)
