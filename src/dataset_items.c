/* dataset_items.c — the small parts of a dataset: figures, sections,
 * sources and params. */
#include "dataset_build.h"

#include "cells.h"
#include "schema_keys.h"

#include <string.h>
#include <strings.h>

enum { FIGURE_KEYS(KEY_ENUM) };
static const char *const figure_keys[] = {FIGURE_KEYS(KEY_NAME) NULL};
enum { CHANGE_KEYS(KEY_ENUM) };
static const char *const change_keys[] = {CHANGE_KEYS(KEY_NAME) NULL};
enum { SECTION_KEYS(KEY_ENUM) };
static const char *const section_keys[] = {SECTION_KEYS(KEY_NAME) NULL};
enum { SOURCE_KEYS(KEY_ENUM) };
static const char *const source_keys[] = {SOURCE_KEYS(KEY_NAME) NULL};

/* SPEC: an absolute http, https or mailto URL, with no spaces or controls. */
static int valid_url(const char *s)
{
    static const char *const schemes[] = {"http://", "https://", "mailto:"};
    size_t rest = 0;
    for (size_t i = 0; i < 3 && !rest; i++)
        if (strncasecmp(s, schemes[i], strlen(schemes[i])) == 0)
            rest = strlen(schemes[i]);
    if (!rest || !s[rest] || s[rest] == '/')
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= ' ' || *p == 0x7f)
            return 0;
    return 1;
}

int load_as_of(loader *ld, const yev *v, quire_as_of *out)
{
    int64_t first, last;
    char buf[64];
    const char *s = NULL;
    if (!load_string(ld, v, "as_of", &s) || !s)
        return 0;
    if (cells_parse_period(s, strlen(s), 1, &first, &last) != 0 || first < INT32_MIN + 1 ||
        last > INT32_MAX) {
        load_error(ld, v, "'as_of' expects a date YYYY-MM-DD, a month YYYY-MM or a quarter "
                   "YYYY-Qn, got %s", load_quote(s, strlen(s), buf, sizeof buf));
        return 0;
    }
    *out = (quire_as_of){s, (quire_day)first, (quire_day)last, 0};
    return 1;
}

typedef struct figure_read {
    quire_figure f;
    int have_value, have_change_value;
} figure_read;

static void change_key(loader *ld, void *obj, int key, const yev *v)
{
    figure_read *fr = obj;
    switch (key) {
    case CHG_VALUE:
        fr->have_change_value = 1;
        load_number(ld, v, "value", &fr->f.change_value, &fr->f.change_decimals);
        break;
    case CHG_UNIT: load_string(ld, v, "unit", &fr->f.change_unit); break;
    case CHG_BASIS: load_string(ld, v, "basis", &fr->f.change_basis); break;
    }
}

static void figure_change(loader *ld, figure_read *fr, const yev *v)
{
    load_mapping(ld, v, "'change'", change_keys, change_key, fr);
    if (v->kind != YEV_MAP_START)
        return;
    fr->f.has_change = 1;
    if (!fr->have_change_value && !ld->fatal)
        load_error(ld, v, "'change' needs a 'value'");
}

static void figure_key(loader *ld, void *obj, int key, const yev *v)
{
    figure_read *fr = obj;
    switch (key) {
    case FIG_ID:
        if (load_id(ld, v, "figure", 1, &fr->f.id))
            load_unique(ld, &ld->figure_ids, "figure", fr->f.id, (ds_mark){v->line, v->col});
        break;
    case FIG_LABEL: load_string(ld, v, "label", &fr->f.label); break;
    case FIG_VALUE:
        fr->have_value = 1;  /* a bad value is reported once, by load_number */
        load_number(ld, v, "value", &fr->f.value, &fr->f.decimals);
        break;
    case FIG_UNIT: load_string(ld, v, "unit", &fr->f.unit); break;
    case FIG_CHANGE: figure_change(ld, fr, v); break;
    case FIG_SOURCE: load_refs(ld, v, "source", &fr->f.sources); break;
    case FIG_NOTE:
        if (load_prose(ld, v, "note", &fr->f.note_text))
            fr->f.note = fr->f.note_text.plain;
        break;
    case FIG_AS_OF: load_as_of(ld, v, &fr->f.as_of); break;
    }
}

void load_figure(loader *ld, const yev *ev)
{
    figure_read fr = {.f = {.at = {ld->path, ev->line, ev->col},
                            .as_of = {NULL, QUIRE_NO_DAY, QUIRE_NO_DAY, 0}}};
    load_mapping(ld, ev, "a figure", figure_keys, figure_key, &fr);
    if (ev->kind != YEV_MAP_START || ld->fatal)
        return;
    if (!fr.f.id)
        load_error(ld, ev, "a figure needs an 'id'");
    else if (!fr.have_value)
        load_error(ld, ev, "figure '%s' needs a 'value'", fr.f.id);
    if (!fr.f.label)
        fr.f.label = fr.f.id;
    quire_figure *f = load_push(ld, &ld->figures, sizeof *f);
    if (f)
        *f = fr.f;
}

static void section_key(loader *ld, void *obj, int key, const yev *v)
{
    quire_section *s = obj;
    switch (key) {
    case SEC_ID:
        if (load_id(ld, v, "section", 1, &s->id))
            load_unique(ld, &ld->section_ids, "section", s->id, (ds_mark){v->line, v->col});
        break;
    case SEC_HEADING: load_string(ld, v, "heading", &s->heading); break;
    case SEC_BODY: load_prose_list(ld, v, "body", &s->paragraphs, &s->body); break;
    }
}

void load_section(loader *ld, const yev *ev)
{
    quire_section s = {.at = {ld->path, ev->line, ev->col}};
    load_mapping(ld, ev, "a section", section_keys, section_key, &s);
    if (ev->kind != YEV_MAP_START || ld->fatal)
        return;
    if (!s.id)
        load_error(ld, ev, "a section needs an 'id'");
    if (!s.heading)
        s.heading = s.id;
    quire_section *slot = load_push(ld, &ld->sections, sizeof *slot);
    if (slot)
        *slot = s;
}

typedef struct source_read {
    quire_source s;
    ds_mark inferred_at;      /* where date_inferred: was written */
    int date_given;           /* a bad date is reported once, at the date */
} source_read;

static void source_key(loader *ld, void *obj, int key, const yev *v)
{
    source_read *sr = obj;
    quire_source *s = &sr->s;
    int64_t first, last;
    char buf[64];
    switch (key) {
    case SRC_ID:
        if (load_id(ld, v, "source", 1, &s->id))
            load_unique(ld, &ld->source_ids, "source", s->id, (ds_mark){v->line, v->col});
        break;
    case SRC_TITLE: load_string(ld, v, "title", &s->title); break;
    case SRC_PUBLISHER: load_string(ld, v, "publisher", &s->publisher); break;
    case SRC_AUTHOR: load_string(ld, v, "author", &s->author); break;
    case SRC_DATE:
        sr->date_given = 1;
        /* a month alone when the day is not known (an inferred date) */
        if (load_string(ld, v, "date", &s->date) && s->date &&
            cells_parse_period(s->date, strlen(s->date), 0, &first, &last) != 0) {
            load_error(ld, v, "'date' expects a calendar date YYYY-MM-DD or a month YYYY-MM, "
                       "got %s", load_quote(s->date, strlen(s->date), buf, sizeof buf));
            s->date = NULL;
        }
        break;
    case SRC_DATE_INFERRED:
        sr->inferred_at = (ds_mark){v->line, v->col};
        load_flag(ld, v, "date_inferred", &s->date_inferred);
        break;
    case SRC_URL:
        if (load_string(ld, v, "url", &s->url) && s->url && !valid_url(s->url))
            load_error(ld, v, "'url' expects an absolute http, https or mailto URL, got %s",
                       load_quote(s->url, strlen(s->url), buf, sizeof buf));
        break;
    }
}

void load_source(loader *ld, const yev *ev)
{
    source_read sr = {.s = {.at = {ld->path, ev->line, ev->col}}};
    load_mapping(ld, ev, "a source", source_keys, source_key, &sr);
    if (ev->kind != YEV_MAP_START || ld->fatal)
        return;
    if (!sr.s.id)
        load_error(ld, ev, "a source needs an 'id'");
    if (!sr.s.title)
        sr.s.title = sr.s.id;
    if (sr.s.date_inferred && !sr.date_given)
        diag_error(ld->d, ld->path, sr.inferred_at.line, sr.inferred_at.col,
                   "'date_inferred' marks a 'date', and source '%s' has none",
                   sr.s.id ? sr.s.id : "?");
    quire_source *slot = load_push(ld, &ld->sources, sizeof *slot);
    if (slot)
        *slot = sr.s;
}

/* params: free keys, scalar values (a null becomes ""). */
void load_params(loader *ld, const yev *ev)
{
    yev key, v;
    if (ev->kind != YEV_MAP_START) {
        load_error(ld, ev, "'params' must be a mapping, not %s", load_kind_name(ev));
        load_skip(ld, ev);
        return;
    }
    while (load_next(ld, &key) && key.kind != YEV_MAP_END) {
        const char *k = NULL;
        int ok = key.kind == YEV_SCALAR && !(key.plain && strcmp(key.value, "<<") == 0);
        if (!ok)
            load_error(ld, &key, key.kind == YEV_SCALAR ? "merge keys are not supported"
                                                        : "keys of 'params' must be strings");
        else
            load_string(ld, &key, "params", &k);
        load_skip(ld, &key);
        if (!load_next(ld, &v))
            return;
        const ds_ref *first = k ? idset_add(ld, &ld->param_keys, k, (ds_mark){key.line, key.col})
                                : NULL;
        if (first) {
            load_error(ld, &key, "duplicate key '%s' (first at line %ld, column %ld)", k,
                       first->at.line, first->at.col);
            k = NULL;
        }
        const char *value = NULL;
        if (!load_string(ld, &v, k ? k : "params", &value) || !k)
            continue;
        quire_param *p = load_push(ld, &ld->params, sizeof *p);
        if (p)
            *p = (quire_param){k, value ? value : ""};
    }
}
