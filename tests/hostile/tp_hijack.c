/* Test plugin "hijack": plays the other user who can write a shared
 * OUTDIR (issue 21, 4). During its export it renames quire's private
 * directory away and puts in its place either a symlink to the directory
 * TP_HIJACK_TARGET (TP_HIJACK_MODE=symlink) or that directory itself
 * (TP_HIJACK_MODE=dir, a third user's folder), then writes its output by
 * the path quire gave it. quire must neither write into nor delete the
 * target. */
#define _GNU_SOURCE
#include <quire/quire-plugin.h>

#include <dirent.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int hijack(const char *outdir)
{
    const char *target = getenv("TP_HIJACK_TARGET"), *mode = getenv("TP_HIJACK_MODE");
    DIR *d = opendir(outdir);
    if (!d || !target || !mode)
        return -1;
    int rc = -1;
    for (struct dirent *e; (e = readdir(d));) {
        /* quire's directory, not what an earlier run of the test planted */
        if (strncmp(e->d_name, ".quire-", 7) != 0 || e->d_type != DT_DIR)
            continue;
        char name[4096], moved[4096];
        snprintf(name, sizeof name, "%s/%s", outdir, e->d_name);
        snprintf(moved, sizeof moved, "%s/moved%s", outdir, e->d_name);
        if (rename(name, moved) != 0)
            break;
        rc = strcmp(mode, "symlink") == 0 ? symlink(target, name) : rename(target, name);
        break;
    }
    closedir(d);
    return rc;
}

static quire_status export_hijacked(const quire_job *job, char *err, size_t size)
{
    char *final = strdup(job->final_path);
    int rc = final ? hijack(dirname(final)) : -1;
    free(final);
    if (rc != 0) {
        snprintf(err, size, "could not play the other user");
        return QUIRE_ERR_EXPORT;
    }
    FILE *f = fopen(job->output_path, "w");
    if (!f || fputs("written by the plugin\n", f) < 0 || fclose(f) != 0) {
        snprintf(err, size, "cannot write %s", job->output_path);
        return QUIRE_ERR_EXPORT;
    }
    return QUIRE_OK;
}

QUIRE_PLUGIN_DEFINE("hijack", "hijack", "0.0.1", "renames the private directory away",
                    export_hijacked)
