/* batch.c — render: a run of any number of datasets in one process (see
 * batch.h). */
#include "batch.h"

#include "clobber.h"
#include "depfile.h"
#include "exit_code.h"
#include "manifest.h"
#include "output.h"
#include "plan.h"
#include "prepare.h"
#include "registry.h"
#include "render.h"
#include "strmap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* What every window of a run shares. */
typedef struct batch {
    const cli_options *o;
    registry *reg;       /* each plugin loaded once */
    prepared p;          /* each template parsed once (its cache) */
    manifest man;        /* --manifest: the outputs written so far */
    int swept;           /* OUTDIR swept of killed runs' leftovers (once a run) */
    size_t n_valid, n_invalid, n_rendered;   /* --keep-going's closing line */
    clobber_set inputs;  /* every input of the run, which no output may replace */
} batch;

static int open_registry(batch *b)
{
    if (b->reg)
        return 0;
    b->reg = registry_new(b->o->plugin_dirs, b->o->n_plugin_dirs, getenv("QUIRE_PLUGIN_PATH"));
    if (!b->reg)
        fprintf(stderr, "quire: out of memory\n");
    return b->reg ? 0 : -1;
}

/* What render and validate share, for the datasets of w: each loaded, its
 * template bound, its plugins loaded with their options, and their checks
 * passed. Returns the exit code so far; with EXIT_INVALID the items that
 * are valid keep .ok (--keep-going renders them). */
static int check_window(batch *b, const cli_options *w, diag *d, plan *pl)
{
    int code = prepare_window(w, d, &b->p);
    if (code != 0 && code != EXIT_INVALID)
        return code;
    if (clobber_add_prepared(&b->inputs, &b->p) != 0)
        return EXIT_EXPORT;
    if (open_registry(b) != 0)
        return EXIT_EXPORT;
    int planned = plan_make(w, &b->p, b->reg, d, pl);
    if (planned != 0 && planned != EXIT_INVALID)
        return planned;
    int checked = plan_check(pl, &b->p, d);
    return code ? code : planned ? planned : checked;
}

/* The outputs the tasks committed, for --manifest. */
static int keep_for_manifest(batch *b, const render_task *tasks, const render_result *results,
                             size_t n)
{
    for (size_t k = 0; k < n; k++) {
        const render_result *res = &results[k];
        for (size_t i = 0; res->committed && res->bytes && i < res->n_files; i++) {
            manifest_entry e = {(char *)tasks[k].dataset->path, (char *)tasks[k].dataset->id,
                                (char *)tasks[k].plugin->name, res->files[i], res->bytes[i],
                                {0}, NULL, 0};
            memcpy(e.sha256, res->sha256[i], sizeof e.sha256);
            if (manifest_add(&b->man, &e) != 0) {
                fprintf(stderr, "quire: out of memory\n");
                return EXIT_EXPORT;
            }
        }
    }
    return 0;
}

/* The valid datasets of the window whose every output was committed. */
static size_t datasets_committed(const batch *b, const render_task *tasks,
                                 const render_result *results, size_t n_tasks)
{
    size_t n = 0;
    for (size_t i = 0; i < b->p.n_items; i++) {
        const prepared_item *it = &b->p.items[i];
        int all = it->ok;
        for (size_t k = 0; all && k < n_tasks; k++)
            all = tasks[k].dataset != it->dataset || results[k].committed;
        n += all != 0;
    }
    return n;
}

/* Checks and renders the datasets of w (one window), reporting to d. */
static int render_window(batch *b, const cli_options *w, watch_pass *pass, diag *d)
{
    plan pl = {0};
    render_task *tasks = NULL;
    render_result *results = NULL;
    size_t n_tasks = 0;
    int code = check_window(b, w, d, &pl);
    for (size_t i = 0; i < b->p.n_items; i++)
        *(b->p.items[i].ok ? &b->n_valid : &b->n_invalid) += 1;
    if (pass && watch_collect(pass, w, &b->p) != 0)
        code = EXIT_EXPORT;
    if (code != 0 && !(code == EXIT_INVALID && w->keep_going))
        goto cleanup;
    tasks = malloc((pl.n_tasks ? pl.n_tasks : 1) * sizeof *tasks);
    if (!tasks) {
        code = EXIT_EXPORT;
        goto cleanup;
    }
    n_tasks = plan_valid_tasks(&pl, &b->p, tasks);
    if (n_tasks == 0)
        goto cleanup;
    if (w->depfile && depfile_check(w->outdir, tasks, n_tasks, d) != 0) {
        code = EXIT_INVALID;   /* a name make or ninja would misread */
        goto cleanup;
    }
    const char *const extra[] = {w->depfile, w->manifest, NULL};
    if (clobber_check(&b->inputs, w->outdir, tasks, n_tasks, w->depfile ? extra : extra + 1,
                      d) != 0) {
        code = EXIT_INVALID;   /* an output would replace an input */
        goto cleanup;
    }
    if (output_make_dir(w->outdir) != 0) {
        fprintf(stderr, "quire: %s: cannot create or write the output directory: %s\n",
                w->outdir, strerror(errno));
        code = EXIT_EXPORT;
        goto cleanup;
    }
    int want = w->depfile || w->manifest || w->keep_going;
    results = want ? calloc(n_tasks, sizeof *results) : NULL;
    if (want && !results) {
        code = EXIT_EXPORT;
        goto cleanup;
    }
    render_opts ro = {w->outdir, w->jobs, w->quiet, results, w->manifest != NULL, b->swept};
    clobber_use_for_exports(&b->inputs);
    int rendered = render_run(tasks, n_tasks, &ro);
    b->swept = 1;
    if (w->keep_going)
        b->n_rendered += datasets_committed(b, tasks, results, n_tasks);
    if (rendered > code)
        code = rendered;
    if (w->depfile && rendered < EXIT_SIGNAL) {
        char err[512];
        if (depfile_write(w->depfile, tasks, results, n_tasks, err, sizeof err) != 0) {
            fprintf(stderr, "quire: %s: cannot write the dependency file: %s\n", w->depfile, err);
            if (code < EXIT_EXPORT)
                code = EXIT_EXPORT;
        }
    }
    if (w->manifest && rendered < EXIT_SIGNAL && keep_for_manifest(b, tasks, results, n_tasks))
        code = code < EXIT_EXPORT ? EXIT_EXPORT : code;
cleanup:
    render_results_free(results, n_tasks);
    free(results);
    free(tasks);
    plan_free(&pl);
    return code;
}

static int worse(int a, int b)
{
    return a > b ? a : b;
}

/* The datasets of o from start, at most one window of them. */
static cli_options window_of(const cli_options *o, const char **paths, size_t n, size_t start)
{
    cli_options w = *o;
    w.datasets = paths + start;
    w.n_datasets = n - start < BATCH_WINDOW ? n - start : BATCH_WINDOW;
    return w;
}

/* Checks every dataset of o a window at a time, reporting every error;
 * valid[i] tells whether o->datasets[i] may be rendered. Two datasets of
 * different windows with one id are both invalid (prepare.c finds those of
 * one window). */
static int check_all(batch *b, char *valid)
{
    const cli_options *o = b->o;
    strmap ids;
    strmap_init(&ids);
    char **id_copy = calloc(o->n_datasets ? o->n_datasets : 1, sizeof *id_copy);
    int code = id_copy ? 0 : EXIT_EXPORT;
    for (size_t start = 0; (code == EXIT_OK || code == EXIT_INVALID) && start < o->n_datasets;
         start += BATCH_WINDOW) {
        cli_options w = window_of(o, o->datasets, o->n_datasets, start);
        diag d;
        diag_init(&d, stderr);
        plan pl = {0};
        int c = check_window(b, &w, &d, &pl);
        plan_free(&pl);
        code = c != EXIT_OK && c != EXIT_INVALID ? c : worse(code, c);
        if (code != EXIT_OK && code != EXIT_INVALID)
            break;
        for (size_t i = 0; i < w.n_datasets; i++) {
            const quire_dataset *ds = b->p.items[i].dataset;
            valid[start + i] = (char)b->p.items[i].ok;
            if (!ds)
                continue;
            size_t *j = strmap_get(&ids, ds->id);
            if (j && *j < start) {   /* in an earlier window */
                diag_error(&d, ds->path, 0, 0, "dataset id '%s' is also the id of %s: their "
                           "outputs would collide", ds->id, o->datasets[*j]);
                valid[start + i] = valid[*j] = 0;
                code = worse(code, EXIT_INVALID);
            } else if (!j && (!(id_copy[start + i] = strdup(ds->id)) ||
                              strmap_put(&ids, id_copy[start + i], start + i) != 0)) {
                code = EXIT_EXPORT;
            }
        }
    }
    for (size_t i = 0; id_copy && i < o->n_datasets; i++)
        free(id_copy[i]);
    free(id_copy);
    strmap_free(&ids);
    return code;
}

/* A list longer than a window: checked whole, then rendered a window at a
 * time. The second look at each dataset reports nothing (the first did),
 * unless a dataset changed in between. */
static int render_windows(batch *b)
{
    const cli_options *o = b->o;
    char *valid = calloc(o->n_datasets, 1);
    const char **todo = calloc(o->n_datasets, sizeof *todo);
    FILE *quiet = fopen("/dev/null", "w");
    int code = valid && todo && quiet ? check_all(b, valid) : EXIT_EXPORT;
    if (code == EXIT_OK || (code == EXIT_INVALID && o->keep_going)) {
        size_t n = 0;
        for (size_t i = 0; i < o->n_datasets; i++)
            if (valid[i])
                todo[n++] = o->datasets[i];
        b->n_invalid = o->n_datasets - n;   /* the windows count the rest */
        for (size_t start = 0; start < n; start += BATCH_WINDOW) {
            cli_options w = window_of(o, todo, n, start);
            w.keep_going = 1;
            diag d;
            diag_init(&d, quiet);
            int c = render_window(b, &w, NULL, &d);
            for (size_t i = 0; c == EXIT_INVALID && i < b->p.n_items; i++)
                if (!b->p.items[i].ok)
                    fprintf(stderr, "quire: %s: changed while the batch ran and is now invalid "
                                    "(quire validate shows why); not rendered\n", w.datasets[i]);
            code = worse(code, c);
            if (c >= EXIT_SIGNAL)
                break;
        }
    }
    if (quiet)
        fclose(quiet);
    free(todo);
    free(valid);
    return code;
}

/* A killed run's export children die a moment after it: a worker started
 * again at once (a Job controller does) may find their private folders
 * still locked by them when it sweeps at its start. It sweeps once more
 * at its end, so what they left goes with this run. */
static void sweep_again(const batch *b)
{
    if (!b->swept)
        return;
    int fd = open(b->o->outdir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    output_sweep(fd, b->o->outdir, b->o->quiet ? NULL : stderr);
    close(fd);
}

static int finish(batch *b, int code)
{
    if (code < EXIT_SIGNAL)
        sweep_again(b);
    struct stat st;
    if (b->o->manifest && code < EXIT_SIGNAL && code != EXIT_USAGE &&
        !clobber_path_is_input(&b->inputs, b->o->manifest, &st)) {   /* refused before */
        char err[512];
        if (manifest_write(&b->man, b->o->manifest, err, sizeof err) != 0) {
            fprintf(stderr, "quire: %s: cannot write the manifest: %s\n", b->o->manifest, err);
            code = worse(code, EXIT_EXPORT);
        }
    }
    manifest_free(&b->man);
    clobber_free(&b->inputs);
    prepare_free(&b->p);
    registry_free(b->reg);
    return code;
}

int batch_render(const cli_options *o, watch_pass *pass)
{
    batch b = {.o = o};
    int code;
    if (pass || o->depfile || o->n_datasets <= BATCH_WINDOW) {
        diag d;
        diag_init(&d, stderr);
        code = render_window(&b, o, pass, &d);
    } else {
        code = render_windows(&b);
    }
    /* --keep-going: what came of the batch, after the errors that say why */
    if (o->keep_going && !pass && code != EXIT_USAGE && code < EXIT_SIGNAL) {
        size_t failed = b.n_valid - b.n_rendered;
        fprintf(stderr, "quire: %zu rendered, %zu invalid", b.n_rendered, b.n_invalid);
        if (failed)
            fprintf(stderr, ", %zu failed", failed);
        fputc('\n', stderr);
    }
    return finish(&b, code);
}

int batch_validate(const cli_options *o)
{
    batch b = {.o = o};
    char *valid = calloc(o->n_datasets ? o->n_datasets : 1, 1);
    int code = valid ? check_all(&b, valid) : EXIT_EXPORT;
    free(valid);
    clobber_free(&b.inputs);
    prepare_free(&b.p);
    registry_free(b.reg);
    return code;
}
