/* main.c — the quire program: dispatches the subcommands. */
#include "cli.h"
#include "depfile.h"
#include "exit_code.h"
#include "fonts.h"
#include "options.h"
#include "output.h"
#include "plan.h"
#include "prepare.h"
#include "registry.h"
#include "render.h"
#include "watch.h"
#include "schema.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static registry *open_registry(const cli_options *o)
{
    registry *reg = registry_new(o->plugin_dirs, o->n_plugin_dirs, getenv("QUIRE_PLUGIN_PATH"));
    if (!reg)
        fprintf(stderr, "quire: out of memory\n");
    return reg;
}

/* What render and validate share: every dataset loaded, its template
 * bound, its plugins loaded with their options, and their checks passed.
 * Returns the exit code so far; with --keep-going an invalid dataset
 * leaves the others to render (the code stays EXIT_INVALID). */
static int prepare_run(const cli_options *o, diag *d, prepared *p, registry **reg, plan *pl)
{
    int code = prepare_all(o, d, p);
    if (code != 0 && code != EXIT_INVALID)
        return code;
    if (!(*reg = open_registry(o)))
        return EXIT_EXPORT;
    int planned = plan_make(o, p, *reg, d, pl);
    if (planned != 0 && planned != EXIT_INVALID)
        return planned;
    int checked = plan_check(pl, p, d);
    return code ? code : planned ? planned : checked;
}

/* render, and each pass of watch (which gets the inputs back in pass). */
static int cmd_render(const cli_options *o, watch_pass *pass)
{
    diag d;
    diag_init(&d, stderr);
    prepared p;
    registry *reg = NULL;
    plan pl = {0};
    render_task *tasks = NULL;
    render_result *results = NULL;
    size_t n_tasks = 0;
    int code = prepare_run(o, &d, &p, &reg, &pl);
    if (pass && watch_collect(pass, o, &p) != 0)
        code = EXIT_EXPORT;
    if (code != 0 && !(code == EXIT_INVALID && o->keep_going))
        goto cleanup;
    tasks = malloc((pl.n_tasks ? pl.n_tasks : 1) * sizeof *tasks);
    if (!tasks) {
        code = EXIT_EXPORT;
        goto cleanup;
    }
    n_tasks = plan_valid_tasks(&pl, &p, tasks);
    if (n_tasks == 0)
        goto cleanup;
    if (output_make_dir(o->outdir) != 0) {
        fprintf(stderr, "quire: %s: cannot create or write the output directory: %s\n",
                o->outdir, strerror(errno));
        code = EXIT_EXPORT;
        goto cleanup;
    }
    results = o->depfile ? calloc(n_tasks, sizeof *results) : NULL;
    if (o->depfile && !results) {
        code = EXIT_EXPORT;
        goto cleanup;
    }
    render_opts ro = {o->outdir, o->jobs, o->quiet, results};
    int rendered = render_run(tasks, n_tasks, &ro);
    if (rendered > code)
        code = rendered;
    if (o->depfile && rendered < EXIT_SIGNAL) {
        char err[512];
        if (depfile_write(o->depfile, tasks, results, n_tasks, err, sizeof err) != 0) {
            fprintf(stderr, "quire: %s: cannot write the dependency file: %s\n", o->depfile, err);
            if (code < EXIT_EXPORT)
                code = EXIT_EXPORT;
        }
    }
cleanup:
    render_results_free(results, n_tasks);
    free(results);
    free(tasks);
    plan_free(&pl);
    prepare_free(&p);
    registry_free(reg);
    return code;
}

static int cmd_validate(const cli_options *o)
{
    diag d;
    diag_init(&d, stderr);
    prepared p;
    registry *reg = NULL;
    plan pl = {0};
    int code = prepare_run(o, &d, &p, &reg, &pl);
    plan_free(&pl);
    prepare_free(&p);
    registry_free(reg);
    return code;
}

/* quire plugins --options: each plugin's options, one per line. */
static void list_options(registry *reg)
{
    char names[4096];
    registry_names(reg, names, sizeof names);
    char *save = NULL;
    for (char *w = strtok_r(names, ", ", &save); w; w = strtok_r(NULL, ", ", &save)) {
        char err[1024];
        const quire_plugin *pl = registry_load(reg, w, err, sizeof err);
        if (pl)
            options_list(pl, stdout);
    }
}

static int cmd_plugins(const cli_options *o)
{
    registry *reg = open_registry(o);
    if (!reg)
        return EXIT_EXPORT;
    if (o->list_options) {
        list_options(reg);
    } else if (registry_list(reg, stdout, stderr) == 0) {
        fprintf(stderr, "quire: warning: no plugins found\n");
    }
    registry_free(reg);
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    cli_options o;
    int code = cli_parse(argc, argv, &o, stderr);
    if (code != 0)
        goto cleanup;
    if (o.help)
        cli_help(o.command, stdout);
    else if (o.command == CLI_VERSION)
        cli_version(stdout);
    else if (o.command == CLI_RENDER)
        code = cmd_render(&o, NULL);
    else if (o.command == CLI_WATCH)
        code = watch_run(&o, cmd_render);
    else if (o.command == CLI_VALIDATE)
        code = cmd_validate(&o);
    else if (o.command == CLI_PLUGINS)
        code = cmd_plugins(&o);
    else if (o.command == CLI_SCHEMA)
        code = schema_write(o.schema, stdout) == 0 ? EXIT_OK : EXIT_USAGE;
    else
        code = EXIT_USAGE;   /* CLI_NONE without --help: cli_parse reported it */
cleanup:
    cli_free(&o);
    fonts_shutdown();
    return code;
}
