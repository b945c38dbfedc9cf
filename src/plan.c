/* plan.c — the exports a run makes and the plugins' checks.
 *
 * Everything a render would refuse is found here, before anything is
 * written, and `validate` runs the same code: the plugins' own check()
 * (fonts, images, standards, limits of the format) included. */
#include "plan.h"

#include "exit_code.h"
#include "host.h"
#include "suggest.h"
#include "template.h"

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

static int grow(plan *pl, size_t *cap)
{
    if (pl->n_tasks < *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 8;
    render_task *t = realloc(pl->tasks, n * sizeof *t);
    if (t)
        pl->tasks = t;
    size_t *items = realloc(pl->item_of, n * sizeof *items);
    if (items)
        pl->item_of = items;
    option_values *v = realloc(pl->values, n * sizeof *v);
    if (v)
        pl->values = v;
    if (!t || !items || !v)
        return -1;
    *cap = n;
    return 0;
}

/* The names of the plugins found, for "did you mean". */
static const char *nearest_plugin(registry *reg, const char *name, char *buf, size_t size)
{
    registry_names(reg, buf, size);
    const char *list[65];
    size_t n = 0;
    char *save = NULL;
    for (char *w = strtok_r(buf, ", ", &save); w && n < 64; w = strtok_r(NULL, ", ", &save))
        list[n++] = w;
    list[n] = NULL;
    return suggest_nearest(name, list);
}

/* -O naming a plugin that no format of the run uses must still name a
 * plugin that exists (a typo would otherwise be ignored silently). */
static int check_cli_plugins(const cli_options *o, registry *reg)
{
    for (size_t i = 0; i < o->n_plugin_options; i++) {
        char err[1024];
        const quire_plugin *pl = registry_load(reg, o->plugin_options[i].plugin, err, sizeof err);
        if (pl) {
            if (!options_find(pl, o->plugin_options[i].key)) {
                const char *near = options_suggest(pl, o->plugin_options[i].key);
                fprintf(stderr, "quire: -O %s: plugin %s has no option '%s'%s%s%s\n",
                        o->plugin_options[i].arg, pl->name, o->plugin_options[i].key,
                        near ? " (did you mean '" : "", near ? near : "", near ? "'?)" : "");
                return EXIT_USAGE;
            }
            continue;
        }
        char names[1024];
        const char *near = nearest_plugin(reg, o->plugin_options[i].plugin, names, sizeof names);
        fprintf(stderr, "quire: -O %s: no plugin named '%s'%s%s%s\n", o->plugin_options[i].arg,
                o->plugin_options[i].plugin, near ? " (did you mean '" : "", near ? near : "",
                near ? "'?)" : "");
        return EXIT_USAGE;
    }
    return 0;
}

/* Every plugin section of every template names a plugin that exists and
 * only its options, whether or not this run uses the plugin: validate
 * then finds what a later render with other formats would refuse. */
static int check_sections(const cli_options *o, prepared *p, registry *reg, diag *d)
{
    int any_bad = 0;
    for (size_t c = 0; c < p->n_cache; c++) {
        const template_src *t = p->cache[c].src;
        /* checked in an earlier window of the batch: not reported again */
        int bad = p->cache[c].sections_bad;
        for (size_t i = 0; t && !p->cache[c].sections_checked && i < template_n_sections(t);
             i++) {
            const template_section *s = template_section_at(t, i);
            char err[1024], names[1024];
            const quire_plugin *pl = registry_load(reg, s->name, err, sizeof err);
            if (!pl) {
                /* A typo of a plugin found is an error; a plugin that is not
                 * installed here is only an error when a format needs it. */
                const char *near = nearest_plugin(reg, s->name, names, sizeof names);
                if (near && strcmp(near, s->name) == 0) {
                    /* Its file is there but does not load: not the template's
                     * fault, and only an error when a format needs it. */
                    diag_warning(d, p->cache[c].path, s->at.line, s->at.col,
                                 "%s; its options are not checked", err);
                } else if (near) {
                    diag_error(d, p->cache[c].path, s->at.line, s->at.col,
                               "unknown key '%s': no template key and no plugin of that name "
                               "(did you mean '%s'?)", s->name, near);
                    bad = 1;
                } else {
                    diag_warning(d, p->cache[c].path, s->at.line, s->at.col,
                                 "no plugin '%s' is installed: its options are not checked",
                                 s->name);
                }
                continue;
            }
            option_values v;
            int code = options_resolve(pl, s->settings, s->n_settings, p->cache[c].path, NULL,
                                       d, stderr, &v);
            option_values_free(&v);
            if (code) {
                if (code != EXIT_INVALID)
                    return code;
                bad = 1;
            }
        }
        p->cache[c].sections_checked = 1;
        p->cache[c].sections_bad = bad;
        for (size_t k = 0; bad && k < p->n_items; k++)
            if (p->items[k].src == t)
                p->items[k].ok = 0;
        any_bad |= bad;
    }
    return any_bad ? EXIT_INVALID : 0;
}

static int add_task(const cli_options *o, prepared *p, size_t item, const quire_plugin *pl,
                    diag *d, plan *out)
{
    const prepared_item *it = &p->items[item];
    option_setting buf[16];
    size_t n_settings = 0;
    const option_setting *settings = template_plugin_settings(it->src, pl->name, buf, &n_settings);
    option_values *v = &out->values[out->n_tasks];
    int code = options_resolve(pl, settings, n_settings, it->tmpl->path, o, d, stderr, v);
    out->tasks[out->n_tasks] = (render_task){it->dataset, it->tmpl, pl, v->items, v->n};
    out->item_of[out->n_tasks++] = item;
    if (code == EXIT_INVALID)
        p->items[item].ok = 0;
    return code;
}

int plan_make(const cli_options *o, prepared *p, registry *reg, diag *d, plan *out)
{
    *out = (plan){0};
    size_t cap = 0;
    int code = check_cli_plugins(o, reg);
    if (code == 0)
        code = check_sections(o, p, reg, d);
    for (size_t i = 0; i < p->n_items && (code == 0 || code == EXIT_INVALID); i++) {
        if (!p->items[i].ok)
            continue;
        quire_strings f = formats_of(o, &p->items[i]);
        for (size_t k = 0; k < f.count; k++) {
            char err[1024];
            const quire_plugin *pl = registry_load(reg, f.items[k], err, sizeof err);
            if (!pl) {
                fprintf(stderr, "quire: %s\n", err);
                return EXIT_PLUGIN;
            }
            if (grow(out, &cap) != 0) {
                fprintf(stderr, "quire: out of memory\n");
                return EXIT_EXPORT;
            }
            int c = add_task(o, p, i, pl, d, out);
            if (c && (code == 0 || code == EXIT_INVALID))
                code = c;   /* a usage or plugin error outranks an invalid input */
        }
    }
    return code;
}

int plan_check(const plan *pl, prepared *p, diag *d)
{
    int bad = 0;
    for (size_t i = 0; i < pl->n_tasks; i++) {
        const render_task *t = &pl->tasks[i];
        if (!t->plugin->check_fn)
            continue;
        host_job hj = {0};
        host_job_init_check(&hj, t->dataset, t->tmpl, t->plugin->name, d);
        hj.pub.options = t->options;
        hj.pub.n_options = t->n_options;
        hj.pub.option_size = sizeof(quire_option);
        char err[1024] = "";
        quire_status st = t->plugin->check_fn(&hj.pub, err, sizeof err);
        if (st != QUIRE_OK && err[0])
            diag_error(d, t->dataset->path, 0, 0, "%s: %s", t->plugin->name, err);
        else if (st != QUIRE_OK && !hj.reported_errors)
            diag_error(d, t->dataset->path, 0, 0, "%s: the plugin cannot export this dataset",
                       t->plugin->name);
        if (st != QUIRE_OK || hj.reported_errors) {
            p->items[pl->item_of[i]].ok = 0;
            bad = 1;
        }
    }
    return bad ? EXIT_INVALID : 0;
}

size_t plan_valid_tasks(const plan *pl, const prepared *p, render_task *out)
{
    size_t n = 0;
    for (size_t i = 0; i < pl->n_tasks; i++)
        if (p->items[pl->item_of[i]].ok)
            out[n++] = pl->tasks[i];
    return n;
}

void plan_free(plan *pl)
{
    for (size_t i = 0; i < pl->n_tasks; i++)
        option_values_free(&pl->values[i]);
    free(pl->tasks);
    free(pl->item_of);
    free(pl->values);
    *pl = (plan){0};
}
