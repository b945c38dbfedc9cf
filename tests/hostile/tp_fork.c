/* Test plugin "fork": starts a helper process that outlives it (a forked
 * grandchild that sleeps 30 s, holding every descriptor the plugin's
 * process had, the report pipe among them), writes the helper's pid as
 * its output and reports success; a helper that sleeps its 30 s creates
 * the file $TP_FORK_MARK. quire must end the export when this process
 * reports and exits, not when the helper lets go of the pipe. */
#include <quire/quire-plugin.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static quire_status export_fork(const quire_job *job, char *err, size_t size)
{
    pid_t pid = fork();
    if (pid < 0) {
        snprintf(err, size, "fork failed");
        return QUIRE_ERR_EXPORT;
    }
    if (pid == 0) {
        sleep(30);
        const char *mark = getenv("TP_FORK_MARK");   /* it slept its 30 s */
        FILE *m = mark ? fopen(mark, "w") : NULL;
        if (m)
            fclose(m);
        _exit(0);
    }
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return QUIRE_ERR_EXPORT;
    fprintf(f, "%ld\n", (long)pid);
    return fclose(f) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE("fork", "fork", "0.0.1", "leaves a helper process behind", export_fork)
