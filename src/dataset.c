/* dataset.c — dataset_load(): the top level of a dataset, the checks that
 * need all of it (source references, required keys, links and footnotes),
 * --set overrides, and the finishing touches of the view.
 *
 * Where SPEC.md is silent, the loader chooses:
 *  - `summary` and a section's `body` take a string or a list whose entries
 *    are paragraphs or lists of items (bulleted lists); a figure's or
 *    table's `source` a string or a list of strings; null means none.
 *  - A column needs `type:`; a currency column needs `currency:` (an ISO
 *    code); `currency`/`scale` on another type is an error. A table needs
 *    `columns:` and either `rows:` (may be empty) or `csv:`, and `rows:`
 *    must come after `columns:` because rows stream into typed columns.
 *  - Labels, titles and headings default to the id; the language is
 *    inferred (dataset_finish.c).
 *  - --set takes title, subtitle, period, date, author, organization, id
 *    (so `--set id=../x` is checked like the file: exit 2) and params keys;
 *    a bad value is reported as "FILE: error: --set KEY=VALUE: ..." with no
 *    line, since the value is not in the file.
 *  - Limits (read_limits.h): nesting 64 levels, alias expansions capped in
 *    nodes and bytes; after 100 errors a file stops being read; strings
 *    of at most 32,767 characters, ids of at most 100.
 *  - An empty quoted scalar in a text column is an empty text, not null;
 *    in CSV every empty field is null. */
#include "language.h"
#include "dataset_build.h"

#include "cells.h"
#include "input_path.h"
#include "schema_keys.h"
#include "suggest.h"

#include <limits.h>
#include <pthread.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { DATASET_KEYS(KEY_ENUM) };
static const char *const top_keys[] = {DATASET_KEYS(KEY_NAME) NULL};

static void top_version(loader *ld, const yev *v)
{
    double version;
    unsigned char dec;
    char buf[64];
    ld->have_quire = 1;
    if (v->kind == YEV_SCALAR && v->plain &&
        cells_parse_number(v->value, v->length, &version, &dec) == CELL_OK) {
        if (version != 1)
            load_error(ld, v, "unsupported quire version %.*s (this quire reads 1)",
                       (int)(v->length > 20 ? 20 : v->length), v->value);
        return;
    }
    if (v->kind != YEV_SCALAR) {
        load_error(ld, v, "'quire' expects the format version 1, not %s", load_kind_name(v));
        load_skip(ld, v);
        return;
    }
    load_error(ld, v, "'quire' expects the format version 1, got %s",
               load_quote(v->value, v->length, buf, sizeof buf));
}

static void top_date(loader *ld, const yev *v, const char **out)
{
    int64_t days;
    char buf[64];
    if (!load_string(ld, v, "date", out) || !*out)
        return;
    if (cells_parse_date(*out, strlen(*out), &days) != 0) {
        load_error(ld, v, "'date' expects a calendar date YYYY-MM-DD, got %s",
                   load_quote(*out, strlen(*out), buf, sizeof buf));
        *out = NULL;
    }
}

static void top_key(loader *ld, void *obj, int key, const yev *v)
{
    quire_dataset *ds = obj;
    switch (key) {
    case TOP_QUIRE: top_version(ld, v); break;
    case TOP_ID:
        ld->have_id = 1;
        load_id(ld, v, "dataset", 0, &ds->id);
        break;
    case TOP_TITLE:
        ld->have_title = 1;
        if (load_string(ld, v, "title", &ds->title) && !ds->title)
            load_error(ld, v, "'title' must not be empty");
        break;
    case TOP_SUBTITLE: load_string(ld, v, "subtitle", &ds->subtitle); break;
    case TOP_PERIOD: load_string(ld, v, "period", &ds->period); break;
    case TOP_DATE: top_date(ld, v, &ds->date); break;
    case TOP_LANGUAGE:
        if (load_string(ld, v, "language", &ds->language) && ds->language &&
            !cells_valid_language(ds->language))
            load_error(ld, v, "'language' expects a BCP 47 tag such as ko or en-US, got '%s'",
                       ds->language);
        else
            language_check(ld->d, ld->path, v->line, v->col, ds->language);
        break;
    case TOP_AUTHOR: load_string(ld, v, "author", &ds->author); break;
    case TOP_ORGANIZATION: load_string(ld, v, "organization", &ds->organization); break;
    case TOP_TEMPLATE:
        ld->ds->template_at = (ds_mark){v->line, v->col};
        load_string(ld, v, "template", &ld->ds->template_name);
        break;
    case TOP_SUMMARY: load_prose_list(ld, v, "summary", &ds->summary, &ds->summary_text); break;
    case TOP_FOOTNOTES: load_sequence(ld, v, "footnotes", load_footnote); break;
    case TOP_IMAGES: load_sequence(ld, v, "images", load_image); break;
    case TOP_FIGURES: load_sequence(ld, v, "figures", load_figure); break;
    case TOP_TABLES: load_sequence(ld, v, "tables", load_table); break;
    case TOP_SECTIONS: load_sequence(ld, v, "sections", load_section); break;
    case TOP_SOURCES: load_sequence(ld, v, "sources", load_source); break;
    case TOP_PARAMS: load_params(ld, v); break;
    case TOP_AS_OF: load_as_of(ld, v, &ds->as_of); break;
    }
}

static void read_document(loader *ld)
{
    yev root, end;
    if (!load_next(ld, &root))
        return;
    if (root.kind == YEV_END) {
        load_error(ld, &root, "the file is empty: a dataset starts with 'quire: 1'");
        return;
    }
    load_mapping(ld, &root, "the dataset", top_keys, top_key, &ld->ds->view);
    if (ld->fatal || root.kind != YEV_MAP_START)
        return;
    static const char *const required[] = {"quire", "id", "title"};
    int have[] = {ld->have_quire, ld->have_id, ld->have_title};
    for (int i = 0; i < 3; i++)
        if (!have[i])
            load_error(ld, &root, "missing required key '%s'", required[i]);
    load_next(ld, &end);  /* reports a second document */
}

static void check_refs(loader *ld)
{
    const ds_ref *refs = ld->refs.items;
    const char **ids = arena_alloc(ld->a, (ld->sources.n + 1) * sizeof *ids);
    const quire_source *src = ld->sources.items;
    if (!ids)
        return;
    for (size_t i = 0; i < ld->sources.n; i++)
        ids[i] = src[i].id ? src[i].id : "";
    ids[ld->sources.n] = NULL;
    for (size_t i = 0; i < ld->refs.n; i++) {
        if (strmap_get(&ld->source_ids.index, refs[i].id))
            continue;
        const char *near = suggest_nearest(refs[i].id, ids);
        if (near)
            diag_error(ld->d, ld->path, refs[i].at.line, refs[i].at.col,
                       "unknown source '%s' (did you mean '%s'?)", refs[i].id, near);
        else
            diag_error(ld->d, ld->path, refs[i].at.line, refs[i].at.col,
                       "unknown source '%s'", refs[i].id);
    }
}

/* Ties the lists built while reading to the view, so dataset_free sees them. */
static void attach_lists(loader *ld)
{
    quire_dataset *v = &ld->ds->view;
    v->figures = ld->figures.items;   v->n_figures = ld->figures.n;
    v->tables = ld->tables.items;     v->n_tables = ld->tables.n;
    v->sections = ld->sections.items; v->n_sections = ld->sections.n;
    v->sources = ld->sources.items;   v->n_sources = ld->sources.n;
    v->params = ld->params.items;     v->n_params = ld->params.n;
    v->footnotes = ld->footnotes.items; v->n_footnotes = ld->footnotes.n;
    v->images = ld->images.items;     v->n_images = ld->images.n;
}

/* An --set value is checked like the file's own; errors carry the file name
 * and no line, since the value is not in the file. */
static const char *const set_keys[] = {"title", "subtitle", "period", "date", "author",
                                       "organization", "id", NULL};

static const char **set_target(quire_dataset *v, int i)
{
    const char **fields[] = {&v->title, &v->subtitle, &v->period, &v->date, &v->author,
                             &v->organization, &v->id};
    return fields[i];
}

static int set_one(loader *ld, const dataset_override *s)
{
    quire_dataset *v = &ld->ds->view;
    int64_t days;
    const char *value = arena_strdup(ld->a, s->value);
    for (int i = 0; set_keys[i]; i++) {
        if (strcmp(s->key, set_keys[i]) != 0)
            continue;
        if (strcmp(s->key, "date") == 0 && cells_parse_date(value, strlen(value), &days) != 0)
            diag_error(ld->d, ld->path, 0, 0, "--set date=%s: expects a calendar date "
                                              "YYYY-MM-DD", value);
        else if (strcmp(s->key, "id") == 0 && !cells_valid_id(value, 0))
            diag_error(ld->d, ld->path, 0, 0, "--set id=%s: dataset id is not valid: use "
                                              "[a-z0-9][a-z0-9-]*", value);
        else if (strcmp(s->key, "title") == 0 && !*value)
            diag_error(ld->d, ld->path, 0, 0, "--set title=: the title must not be empty");
        else if (strlen(value) > LOAD_MAX_TEXT)
            diag_error(ld->d, ld->path, 0, 0, "--set %s: the value is longer than %d bytes",
                       s->key, LOAD_MAX_TEXT);
        else
            *set_target(v, i) = value;
        return 1;
    }
    quire_param *p = ld->params.items;
    for (size_t i = 0; i < ld->params.n; i++) {
        if (strcmp(p[i].key, s->key) == 0) {
            p[i].value = value;
            return 1;
        }
    }
    return 0;
}

static void usage_error(loader *ld, const char *key)
{
    char allowed[600] = "title, subtitle, period, date, author, organization, id";
    size_t used = strlen(allowed);
    const quire_param *p = ld->params.items;
    for (size_t i = 0; i < ld->params.n && used < sizeof allowed; i++)
        used += (size_t)snprintf(allowed + used, sizeof allowed - used, ", %s", p[i].key);
    diag_error(ld->d, ld->path, 0, 0, "--set: unknown key '%s' (allowed: %s)", key, allowed);
}

static int apply_overrides(loader *ld, const dataset_override *sets, size_t n_sets)
{
    int usage = 0;
    quire_param *applied = n_sets ? arena_alloc(ld->a, n_sets * sizeof *applied) : NULL;
    for (size_t i = 0; i < n_sets; i++) {
        if (!set_one(ld, &sets[i])) {
            usage_error(ld, sets[i].key);
            usage = 1;
        }
        /* kept for plugins: a PDF/A-3 attaches them beside the dataset */
        if (applied)
            applied[i] = (quire_param){arena_strdup(ld->a, sets[i].key),
                                       arena_strdup(ld->a, sets[i].value)};
    }
    ld->ds->view.sets = applied;
    ld->ds->view.n_sets = applied ? n_sets : 0;
    return usage;
}

/* A figure or table without its own as_of: takes the dataset's. */
static void inherit_as_of(quire_dataset *v)
{
    quire_as_of none = {NULL, QUIRE_NO_DAY, QUIRE_NO_DAY, 0}, top = v->as_of;
    if (!top.text)
        v->as_of = top = none;
    top.inherited = top.text != NULL;
    for (size_t i = 0; i < v->n_figures; i++)
        if (!v->figures[i].as_of.text)
            ((quire_figure *)&v->figures[i])->as_of = top;
    for (size_t i = 0; i < v->n_tables; i++)
        if (!v->tables[i].as_of.text)
            ((quire_table *)&v->tables[i])->as_of = top;
}

/* The datasets dataset_load made and dataset_free has not freed: only
 * they have the private part the accessors below read. Templates are also
 * bound to views built by hand (tests, tools), which have none, and a view
 * must never be read past its end (ASan found it). */
static pthread_mutex_t loaded_lock = PTHREAD_MUTEX_INITIALIZER;
static ds_private *loaded;

static void loaded_add(ds_private *ds)
{
    pthread_mutex_lock(&loaded_lock);
    ds->next_loaded = loaded;
    loaded = ds;
    pthread_mutex_unlock(&loaded_lock);
}

static void loaded_remove(const ds_private *ds)
{
    pthread_mutex_lock(&loaded_lock);
    for (ds_private **p = &loaded; *p; p = &(*p)->next_loaded)
        if (*p == ds) {
            *p = ds->next_loaded;
            break;
        }
    pthread_mutex_unlock(&loaded_lock);
}

/* view's private part, or NULL for a view dataset_load did not make. */
static const ds_private *private_of(const quire_dataset *view)
{
    const ds_private *found = NULL;
    pthread_mutex_lock(&loaded_lock);
    for (const ds_private *p = loaded; p && !found; p = p->next_loaded)
        if (&p->view == view)
            found = p;
    pthread_mutex_unlock(&loaded_lock);
    return found;
}

load_status dataset_load(const char *path, const dataset_override *sets, size_t n_sets,
                         int allow_any_path, diag *d, quire_dataset **out)
{
    *out = NULL;
    ds_private *ds = calloc(1, sizeof *ds);
    if (!ds) {
        diag_out_of_memory(d, path, 0, 0);
        return LOAD_INVALID;
    }
    arena_init(&ds->strings);
    loader ld = {.d = d, .path = path, .ds = ds, .a = &ds->strings, .first_error = d->errors,
                 .allow_any_path = allow_any_path};
    ds->view.struct_size = sizeof ds->view;
    ds->view.path = arena_strdup(&ds->strings, path);
    char dir[PATH_MAX], real[PATH_MAX];
    if (input_dir_of(path, dir, sizeof dir) != 0)
        snprintf(dir, sizeof dir, ".");
    ld.dir = arena_strdup(&ds->strings, dir);
    ds->view.dir = realpath(dir, real) ? arena_strdup(&ds->strings, real) : ld.dir;
    if (yev_open(&ld.src, path, d, &ds->strings) != 0) {
        /* a missing file, a directory, a FIFO: yev_open says which */
        if (errno == ENOMEM)
            diag_out_of_memory(d, path, 0, 0);
        else
            diag_error(d, path, 0, 0, "cannot open: %s", ld.src.open_error);
        dataset_free(&ds->view);
        return LOAD_INVALID;
    }
    ds->view.file_data = ld.src.bytes;   /* what was read and parsed */
    ds->view.file_size = ld.src.size;
    read_document(&ld);
    yev_close(&ld.src);
    attach_lists(&ld);
    if (!ld.fatal) {
        check_refs(&ld);
        dataset_markup_cells(&ld);
        dataset_prose_finish(&ld);
    }
    ds_idset *sets_of_ids[] = {&ld.figure_ids, &ld.table_ids, &ld.section_ids,
                               &ld.source_ids, &ld.param_keys, &ld.footnote_ids,
                               &ld.image_ids, &ld.note_refs, &ld.sheet_names};
    for (size_t i = 0; i < sizeof sets_of_ids / sizeof sets_of_ids[0]; i++)
        strmap_free(&sets_of_ids[i]->index);
    int usage = apply_overrides(&ld, sets, n_sets);
    dataset_finish(&ld);
    inherit_as_of(&ds->view);
    if (usage || d->errors > ld.first_error) {
        dataset_free(&ds->view);
        return usage ? LOAD_USAGE : LOAD_INVALID;
    }
    loaded_add(ds);
    *out = &ds->view;
    return LOAD_OK;
}

void dataset_free(quire_dataset *view)
{
    if (!view)
        return;
    ds_private *ds = (ds_private *)view;
    loaded_remove(ds);
    for (size_t t = 0; t < view->n_tables; t++) {
        const quire_table *tab = &view->tables[t];
        for (size_t c = 0; c < tab->n_columns; c++) {
            free((void *)tab->columns[c].numbers);
            free((void *)tab->columns[c].decimals);
            free((void *)tab->columns[c].texts);
        }
    }
    arena_free(&ds->strings);
    free(ds);
}

const char *dataset_template_name(const quire_dataset *view)
{
    const ds_private *ds = private_of(view);
    return ds ? ds->template_name : NULL;
}

void dataset_template_pos(const quire_dataset *view, long *line, long *col)
{
    const ds_private *ds = private_of(view);
    *line = ds ? ds->template_at.line : 0;
    *col = ds ? ds->template_at.col : 0;
}

int dataset_chart_link(const quire_dataset *view, size_t i, const char **id, long *line,
                       long *col)
{
    const ds_private *ds = private_of(view);
    if (!ds || i >= ds->n_chart_links)
        return 0;
    *id = ds->chart_links[i].id;
    *line = ds->chart_links[i].at.line;
    *col = ds->chart_links[i].at.col;
    return 1;
}
