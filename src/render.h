/* render.h — running the exports of a render: dataset × format, -j N,
 * in export workers (child processes that each run export after export). */
#ifndef QUIRE_RENDER_H
#define QUIRE_RENDER_H

#include <quire/quire-plugin.h>

/* One export to run. */
typedef struct render_task {
    const quire_dataset *dataset;
    const quire_template *tmpl;
    const quire_plugin *plugin;
    const quire_option *options;   /* the plugin's typed options (src/options.c) */
    size_t n_options;
} render_task;

/* What became of one task, for --depfile. */
typedef struct render_result {
    int committed;        /* its files replaced OUTDIR's */
    char **files;         /* the final paths written, main output first */
    size_t n_files;
    char **fonts;         /* font files the plugin asked the host for */
    size_t n_fonts;
    unsigned long long *bytes;   /* render_opts.hashes: each file's size ... */
    char (*sha256)[65];          /* ... and SHA-256, as committed */
} render_result;

typedef struct render_opts {
    const char *outdir;   /* exists and is writable */
    int jobs;             /* exports at once, >= 1 */
    int quiet;
    render_result *results;   /* one per task, zeroed; NULL: not wanted */
    int hashes;           /* fill results' bytes and sha256 (--manifest) */
    int swept;            /* OUTDIR was swept by an earlier window of the run */
} render_opts;

/* Runs every task in an export worker, at most jobs at a time: one
 * worker per slot, forked when the slot first has work and kept for the
 * next task (a worker that dies is replaced), each export writing into a
 * private directory of OUTDIR that is committed as a whole (output.h) once
 * the plugin reported success and its files check out (verify.h). A
 * failed or crashed task leaves the others' outputs and the older files in
 * place. Handles SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGALRM, SIGUSR1/2,
 * SIGPIPE and SIGXFSZ while it runs: workers are stopped and unfinished
 * files removed. Returns the exit code: EXIT_OK, EXIT_INVALID (a plugin
 * found the input unfit), EXIT_EXPORT, or EXIT_SIGNAL + the signal. */
int render_run(const render_task *tasks, size_t n, const render_opts *opts);

/* How many export workers this process started (QUIRE_STATS). */
unsigned long render_processes_started(void);
/* How many of them retired after an export whose plugin left a descriptor
 * or a child process behind (QUIRE_STATS). */
unsigned long render_workers_retired(void);

/* Frees the n results (not the array). */
void render_results_free(render_result *results, size_t n);

#endif
