/* Test plugin for the export workers (tests/batch/workers.sh): its export
 * of dataset region-3 crashes (SIGSEGV), of region-5 calls exit(0), of
 * region-7 returns an error, of region-9 puts /dev/null in place of the
 * worker's report pipe (then writes its output and returns as if all were
 * well); every other export writes the dataset's id.
 * Each export also leaves the pid of its process in $TP_CRASH_DIR/ID.pid,
 * so that the test can tell which exports shared a worker. */
#include <quire/quire-plugin.h>

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a careless plugin may do: dup2 over a descriptor it does not own,
 * here every pipe open for writing (the worker's report pipe). */
static void replace_write_pipes(void)
{
    int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
    for (int fd = 3; fd < 1024; fd++) {
        struct stat st;
        int fl = fcntl(fd, F_GETFL);
        if (fd != null && fl >= 0 && (fl & O_ACCMODE) == O_WRONLY && fstat(fd, &st) == 0 &&
            S_ISFIFO(st.st_mode))
            dup2(null, fd);
    }
    close(null);
}

static quire_status crash(const quire_job *job, char *err, size_t size)
{
    const char *id = job->dataset->id;
    const char *dir = getenv("TP_CRASH_DIR");
    char path[4096];
    if (!dir || snprintf(path, sizeof path, "%s/%s.pid", dir, id) >= (int)sizeof path) {
        snprintf(err, size, "TP_CRASH_DIR is not set");
        return QUIRE_ERR_EXPORT;
    }
    FILE *p = fopen(path, "w");
    if (!p || fprintf(p, "%ld\n", (long)getpid()) < 0 || fclose(p) != 0) {
        snprintf(err, size, "cannot write %s", path);
        return QUIRE_ERR_EXPORT;
    }
    if (strcmp(id, "region-3") == 0)
        raise(SIGSEGV);
    if (strcmp(id, "region-5") == 0)
        exit(0);
    if (strcmp(id, "region-9") == 0)
        replace_write_pipes();
    if (strcmp(id, "region-7") == 0) {
        snprintf(err, size, "refused %s", id);
        return QUIRE_ERR_EXPORT;
    }
    FILE *out = fopen(job->output_path, "w");
    if (!out) {
        snprintf(err, size, "cannot write the output");
        return QUIRE_ERR_EXPORT;
    }
    fprintf(out, "%s\n", id);
    return fclose(out) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE("crashy", "txt", "0.0.1", "crashes on region-3, exits on region-5", crash)
