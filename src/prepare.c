/* prepare.c — loading every dataset of a run and binding its template.
 *
 * Everything that can be wrong with the input is found here, before any
 * output is written, and all of it is reported in one run. */
#include "prepare.h"

#include "exit_code.h"
#include "locate.h"

#include <stdlib.h>
#include <string.h>

static int load_datasets(const cli_options *o, diag *d, prepared *p)
{
    p->items = calloc(o->n_datasets, sizeof *p->items);
    if (!p->items) {
        diag_out_of_memory(d, "quire", 0, 0);
        return EXIT_EXPORT;
    }
    p->n_items = o->n_datasets;
    int usage = 0, invalid = 0;
    for (size_t i = 0; i < o->n_datasets; i++) {
        load_status st = dataset_load(o->datasets[i], o->sets, o->n_sets, o->allow_any_path, d,
                                      &p->items[i].dataset);
        usage |= st == LOAD_USAGE;
        invalid |= st != LOAD_OK;
        p->items[i].ok = st == LOAD_OK;
    }
    return usage ? EXIT_USAGE : invalid ? EXIT_INVALID : 0;
}

/* Two datasets with one id would write the same files. */
static int check_ids(const prepared *p, diag *d)
{
    int bad = 0;
    for (size_t j = 1; j < p->n_items; j++) {
        const quire_dataset *b = p->items[j].dataset;
        for (size_t i = 0; b && i < j; i++) {
            const quire_dataset *a = p->items[i].dataset;
            if (a && strcmp(a->id, b->id) == 0) {
                diag_error(d, b->path, 0, 0,
                           "dataset id '%s' is also the id of %s: their outputs would collide",
                           b->id, a->path);
                p->items[i].ok = p->items[j].ok = 0;
                bad = 1;
                break;
            }
        }
    }
    return bad ? EXIT_INVALID : 0;
}

/* The parsed template at path, parsing it on first use; NULL when invalid
 * (reported once). */
static const template_src *cached_template(prepared *p, char *path, int allow_any, diag *d,
                                           int *failed)
{
    for (size_t i = 0; i < p->n_cache; i++) {
        if (strcmp(p->cache[i].path, path) == 0) {
            free(path);
            *failed = p->cache[i].src == NULL;
            return p->cache[i].src;
        }
    }
    template_cache_entry *c = realloc(p->cache, (p->n_cache + 1) * sizeof *c);
    if (!c) {
        free(path);
        *failed = 1;
        return NULL;
    }
    p->cache = c;
    c[p->n_cache] = (template_cache_entry){path, template_load(path, allow_any, d), 0, 0};
    *failed = c[p->n_cache].src == NULL;
    return c[p->n_cache++].src;
}

static int bind_templates(const cli_options *o, diag *d, prepared *p)
{
    int invalid = 0;
    for (size_t i = 0; i < p->n_items; i++) {
        prepared_item *it = &p->items[i];
        if (!it->dataset)
            continue;
        char *path = locate_template(o->template_path, it->dataset, o->allow_any_path, d);
        int failed = 1;
        if (path)
            it->src = cached_template(p, path, o->allow_any_path, d, &failed);
        if (!failed)
            it->tmpl = template_bind(it->src, it->dataset, d);
        invalid |= !it->tmpl;
        it->ok &= it->tmpl != NULL;
    }
    return invalid ? EXIT_INVALID : 0;
}

static void free_items(prepared *p)
{
    for (size_t i = 0; i < p->n_items; i++) {
        template_free(p->items[i].tmpl);
        dataset_free(p->items[i].dataset);
    }
    free(p->items);
    p->items = NULL;
    p->n_items = 0;
}

int prepare_all(const cli_options *o, diag *d, prepared *p)
{
    *p = (prepared){0};
    return prepare_window(o, d, p);
}

int prepare_window(const cli_options *o, diag *d, prepared *p)
{
    free_items(p);
    int code = load_datasets(o, d, p);
    if (d->out_of_memory)
        return EXIT_EXPORT;
    if (code == EXIT_USAGE || code == EXIT_EXPORT)
        return code;
    /* Everything is checked even after an invalid dataset: all errors of
     * a run are reported at once, and --keep-going renders the rest. */
    int ids = check_ids(p, d);
    int bound = bind_templates(o, d, p);
    if (d->out_of_memory)
        return EXIT_EXPORT;
    return code ? code : ids ? ids : bound;
}

void prepare_free(prepared *p)
{
    free_items(p);
    for (size_t i = 0; i < p->n_cache; i++) {
        template_src_free(p->cache[i].src);
        free(p->cache[i].path);
    }
    free(p->cache);
    *p = (prepared){0};
}
