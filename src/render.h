/* render.h — running the exports of a render: dataset × format, -j N. */
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

typedef struct render_opts {
    const char *outdir;   /* exists and is writable */
    int jobs;             /* threads, >= 1 */
    int quiet;
} render_opts;

/* Runs every task, each writing atomically into OUTDIR; a failed task
 * leaves the others' outputs in place. Handles SIGINT/SIGTERM while it
 * runs. Returns the exit code: 0, 2 (a plugin found the input unfit),
 * 4 (an export or I/O failure) or 128 + signal. */
int render_run(const render_task *tasks, size_t n, const render_opts *opts);

#endif
