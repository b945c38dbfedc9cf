/* main.c — the quire program: dispatches the subcommands. */
#include "batch.h"
#include "batch_list.h"
#include "cli.h"
#include "exit_code.h"
#include "fonts.h"
#include "footnote_order.h"
#include "manifest_check.h"
#include "options.h"
#include "registry.h"
#include "render.h"
#include "watch.h"
#include "schema.h"
#include "source_cite.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

static registry *open_registry(const cli_options *o)
{
    registry *reg = registry_new(o->plugin_dirs, o->n_plugin_dirs, getenv("QUIRE_PLUGIN_PATH"));
    if (!reg)
        fprintf(stderr, "quire: out of memory\n");
    return reg;
}

/* render, and each pass of watch: the datasets of the command line and
 * --datasets-from, those of --shard. */
static int cmd_render(const cli_options *o, watch_pass *pass)
{
    batch_list list;
    int code = batch_list_make(o, &list, stderr);
    if (code == 0) {
        cli_options run = *o;
        run.datasets = list.paths;
        run.n_datasets = list.n;
        code = batch_render(&run, pass);
    }
    batch_list_free(&list);
    return code;
}

static int cmd_validate(const cli_options *o)
{
    batch_list list;
    int code = batch_list_make(o, &list, stderr);
    if (code == 0) {
        cli_options run = *o;
        run.datasets = list.paths;
        run.n_datasets = list.n;
        code = batch_validate(&run);
    }
    batch_list_free(&list);
    return code;
}

/* manifest check: the list (if any) against the manifests. */
static int cmd_manifest(const cli_options *o)
{
    batch_list list = {0};
    int code = o->n_datasets || o->datasets_from ? batch_list_make(o, &list, stderr) : 0;
    if (code == 0) {
        manifest_check_input in = {list.paths, list.n, o->formats, o->n_formats, o->manifests,
                                   o->n_manifests};
        code = manifest_check(&in, stdout, stderr, o->quiet ? NULL : stderr);
    }
    batch_list_free(&list);
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

/* QUIRE_STATS=FILE: the peak resident sizes of this process and of its
 * largest export child, in KiB, for the tests that check that a batch's
 * memory does not grow with its length (docs/batch.md); and the work
 * counts of steps that were once quadratic (tests/hostile/costs.sh); and
 * how many export workers were started (tests/batch/workers.sh). */
static void write_stats(void)
{
    const char *path = getenv("QUIRE_STATS");
    struct rusage self, children;
    if (!path || !*path || getrusage(RUSAGE_SELF, &self) != 0 ||
        getrusage(RUSAGE_CHILDREN, &children) != 0)
        return;
    FILE *f = fopen(path, "w");
    if (!f)
        return;
    fprintf(f, "maxrss_self_kib %ld\nmaxrss_children_kib %ld\n", self.ru_maxrss,
            children.ru_maxrss);
    fprintf(f, "source_cite_compares %lu\nfootnote_order_steps %llu\n", source_cite_compares(),
            footnote_order_steps());
    fprintf(f, "export_processes %lu\n", render_processes_started());
    fprintf(f, "workers_retired %lu\n", render_workers_retired());
    fclose(f);
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
    else if (o.command == CLI_MANIFEST)
        code = cmd_manifest(&o);
    else if (o.command == CLI_SCHEMA)
        code = schema_write(o.schema, stdout) == 0 ? EXIT_OK : EXIT_USAGE;
    else
        code = EXIT_USAGE;   /* CLI_NONE without --help: cli_parse reported it */
cleanup:
    cli_free(&o);
    fonts_shutdown();
    write_stats();
    return code;
}
