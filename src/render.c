/* render.c — running the exports of a render: dataset × format, -j N.
 *
 * Loading and checking happened before (serially); here each task only
 * reads the shared, immutable dataset and template, so tasks run in any
 * order on any thread. */
#include "render.h"

#include "host.h"
#include "output.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct runner {
    const render_task *tasks;
    size_t n;
    const render_opts *opts;
    atomic_size_t next;
    int *codes;           /* exit code per task */
} runner;

static int status_code(quire_status st)
{
    if (output_interrupted())
        return 128 + output_interrupted();
    return st == QUIRE_ERR_INPUT ? 2 : 4;
}

static void report_wrote(const output_set *set)
{
    for (size_t i = 0; i < set->count; i++)
        fprintf(stderr, "quire: wrote %s\n", set->files[i].final);
}

/* Runs one export and renames or removes its outputs. */
static int run_task(const render_task *t, const render_opts *opts)
{
    const quire_plugin *p = t->plugin;
    host_job hj = {0};
    hj.quiet = opts->quiet;
    hj.show_progress = !opts->quiet && isatty(STDERR_FILENO);
    if (host_job_init(&hj, t->dataset, t->tmpl, opts->outdir, p->name, p->extension) != 0) {
        fprintf(stderr, "quire: %s: %s/%s.%s: %s\n", p->name, opts->outdir, t->dataset->id,
                p->extension, strerror(errno));
        output_set_free(&hj.outputs);
        return 4;
    }
    hj.pub.options = t->options;
    hj.pub.n_options = t->n_options;
    hj.pub.option_size = sizeof(quire_option);
    char err[1024] = "";
    quire_status st = p->export_fn(&hj.pub, err, sizeof err);
    host_job_end_progress(&hj);
    int code = 0;
    const char *failed = NULL;
    if (st == QUIRE_OK && !output_interrupted()) {
        if (output_commit(&hj.outputs, &failed) == 0) {
            if (!opts->quiet)
                report_wrote(&hj.outputs);
        } else {
            fprintf(stderr, "quire: %s: %s: %s\n", p->name, failed, strerror(errno));
            code = 4;
        }
    } else {
        output_abort(&hj.outputs);
        code = status_code(st);
        if (!output_interrupted())
            fprintf(stderr, "quire: %s: %s: %s\n", p->name, hj.pub.final_path,
                    err[0] ? err : "export failed");
    }
    output_set_free(&hj.outputs);
    return code;
}

static void *worker(void *arg)
{
    runner *r = arg;
    for (;;) {
        size_t i = atomic_fetch_add(&r->next, 1);
        if (i >= r->n || output_interrupted())
            break;
        r->codes[i] = run_task(&r->tasks[i], r->opts);
    }
    return NULL;
}

/* The worst code wins: an interruption, then I/O failure, then input. */
static int combine(const int *codes, size_t n)
{
    int code = 0;
    for (size_t i = 0; i < n; i++)
        if (codes[i] > code)
            code = codes[i];
    if (output_interrupted())
        code = 128 + output_interrupted();
    return code;
}

int render_run(const render_task *tasks, size_t n, const render_opts *opts)
{
    runner r = {tasks, n, opts, 0, calloc(n ? n : 1, sizeof(int))};
    size_t n_threads = (size_t)opts->jobs < n ? (size_t)opts->jobs : n;
    pthread_t *threads = calloc(n_threads ? n_threads : 1, sizeof *threads);
    if (!r.codes || !threads || output_guard_start() != 0) {
        fprintf(stderr, "quire: cannot start the render: %s\n", strerror(errno));
        free(r.codes);
        free(threads);
        return 4;
    }
    size_t started = 0;
    if (n_threads > 1) {
        for (; started < n_threads - 1; started++)
            if (pthread_create(&threads[started], NULL, worker, &r) != 0)
                break;
    }
    worker(&r);   /* the main thread works too (alone with -j 1) */
    for (size_t i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    output_guard_stop();
    int code = combine(r.codes, n);
    if (output_interrupted())
        fprintf(stderr, "quire: interrupted (%s); unfinished outputs removed\n",
                strsignal(output_interrupted()));
    free(r.codes);
    free(threads);
    return code;
}
