/* main.c — the quire program: dispatches the subcommands. */
#include "cli.h"
#include "fonts.h"
#include "output.h"
#include "prepare.h"
#include "registry.h"
#include "render.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const char *const default_formats[] = {"pdf", "xlsx"};

/* The formats of one dataset: -f, else the template's, else pdf,xlsx. */
static quire_strings formats_of(const cli_options *o, const prepared_item *it)
{
    if (o->n_formats > 0)
        return (quire_strings){(const char *const *)o->formats, o->n_formats};
    quire_strings f = template_formats(it->src);
    if (f.count > 0)
        return f;
    return (quire_strings){default_formats, 2};
}

/* The PDF needs the template's fonts: a family fontconfig cannot match is
 * an input error, found before anything is written. */
static int check_fonts(const prepared *p, size_t upto, diag *d)
{
    const quire_template *t = p->items[upto].tmpl;
    for (size_t i = 0; i < upto; i++)
        if (p->items[i].src == p->items[upto].src)
            return 0;   /* same template file, already checked */
    int bad = 0;
    if (t->font_body)
        bad |= fonts_check(t->font_body, t->path, d) != 0;
    if (t->font_bold && (!t->font_body || strcmp(t->font_bold, t->font_body) != 0))
        bad |= fonts_check(t->font_bold, t->path, d) != 0;
    return bad ? 2 : 0;
}

/* One task per dataset and format, each with its loaded plugin. */
static int plan_tasks(const cli_options *o, const prepared *p, registry *reg, diag *d,
                      render_task **out, size_t *n_out)
{
    size_t n = 0, cap = 0;
    render_task *tasks = NULL;
    int code = 0;
    for (size_t i = 0; i < p->n_items && code == 0; i++) {
        quire_strings f = formats_of(o, &p->items[i]);
        for (size_t k = 0; k < f.count && code == 0; k++) {
            char err[1024];
            const quire_plugin *pl = registry_load(reg, f.items[k], err, sizeof err);
            if (!pl) {
                fprintf(stderr, "quire: %s\n", err);
                code = 3;
                break;
            }
            if (strcmp(f.items[k], "pdf") == 0)
                code = check_fonts(p, i, d);
            if (n == cap) {
                cap = cap ? cap * 2 : 8;
                render_task *t = realloc(tasks, cap * sizeof *t);
                if (!t) {
                    code = 4;
                    break;
                }
                tasks = t;
            }
            tasks[n++] = (render_task){p->items[i].dataset, p->items[i].tmpl, pl};
        }
    }
    *out = tasks;
    *n_out = n;
    return code;
}

static int cmd_render(const cli_options *o)
{
    diag d;
    diag_init(&d, stderr);
    prepared p;
    registry *reg = NULL;
    render_task *tasks = NULL;
    size_t n_tasks = 0;
    int code = prepare_all(o, &d, &p);
    if (code != 0)
        goto cleanup;
    reg = registry_new(o->plugin_dirs, o->n_plugin_dirs, getenv("QUIRE_PLUGIN_PATH"));
    if (!reg) {
        code = 4;
        goto cleanup;
    }
    code = plan_tasks(o, &p, reg, &d, &tasks, &n_tasks);
    if (code != 0)
        goto cleanup;
    if (output_make_dir(o->outdir) != 0) {
        fprintf(stderr, "quire: %s: cannot create or write the output directory: %s\n",
                o->outdir, strerror(errno));
        code = 4;
        goto cleanup;
    }
    render_opts ro = {o->outdir, o->jobs, o->quiet};
    code = render_run(tasks, n_tasks, &ro);
cleanup:
    free(tasks);
    prepare_free(&p);
    registry_free(reg);
    return code;
}

static int cmd_validate(const cli_options *o)
{
    diag d;
    diag_init(&d, stderr);
    prepared p;
    int code = prepare_all(o, &d, &p);
    prepare_free(&p);
    return code;
}

static int cmd_plugins(const cli_options *o)
{
    registry *reg = registry_new(o->plugin_dirs, o->n_plugin_dirs, getenv("QUIRE_PLUGIN_PATH"));
    if (!reg)
        return 4;
    if (registry_list(reg, stdout, stderr) == 0)
        fprintf(stderr, "quire: warning: no plugins found\n");
    registry_free(reg);
    return 0;
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
        code = cmd_render(&o);
    else if (o.command == CLI_VALIDATE)
        code = cmd_validate(&o);
    else if (o.command == CLI_PLUGINS)
        code = cmd_plugins(&o);
cleanup:
    cli_free(&o);
    fonts_shutdown();
    return code;
}
