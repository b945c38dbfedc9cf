/* template_body.c — reading `body:`, the template's list of blocks. Each
 * item is a bare name (`- cover`) or a one-key mapping (`- heading: ...`);
 * a chart's options are checked here for what makes sense together, and
 * against the dataset's columns at bind time (template_bind.c). */
#include "schema_keys.h"
#include "template_model.h"

#include "cells.h"
#include "suggest.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Blocks written as a bare name. */
static const char *const bare_names[] = {BARE_BLOCK_NAMES, NULL};
static const tpl_kind bare_kinds[] = {TPL_COVER, TPL_CONTENTS, TPL_SUMMARY, TPL_PAGE_BREAK,
                                      TPL_SOURCES};
/* Blocks written as `name: value`. */
enum { KB_HEADING, KB_FIGURES, KB_SECTION, KB_SECTIONS, KB_TABLE, KB_TABLES, KB_CHART,
       KB_IMAGE };
static const char *const keyed_names[] = {"heading", "figures", "section", "sections",
                                          "table", "tables", "chart", "image", NULL};
static const char *const all_names[] = {"cover", "contents", "summary", "page_break",
                                        "sources", "heading", "figures", "section",
                                        "sections", "table", "tables", "chart", "image", NULL};

static const char *const chart_keys[] = {CHART_KEYS(KEY_NAME) NULL};
_Static_assert(sizeof chart_keys / sizeof chart_keys[0] == CH_N_KEYS + 1, "one per CH_");

static const char *const chart_types[] = {CHART_TYPE_NAMES, NULL};

static int is_word(const yev *ev, const char *word)
{
    return ev->kind == YEV_SCALAR && ev->length == strlen(word) &&
           memcmp(ev->value, word, ev->length) == 0;
}

static int read_id(ywalk *w, const yev *ev, const char *key, tpl_id *out)
{
    const char *s = NULL;
    if (!yw_string(w, ev, key, &s))
        return 0;
    if (!s || !*s) {
        yw_error(w, ev, "'%s' expects an id, got %s", key, s ? "an empty string" : "nothing");
        return 0;
    }
    out->id = s;
    out->pos = yw_mark(ev);
    return 1;
}

/* More ids than this in one list is a mistake, and keeps the duplicate
 * check below cheap. */
#define TPL_MAX_IDS 1000

/* An id or a list of them (texts, for highlight:); 0 on any error. */
static int read_ids(ywalk *w, const yev *v, const char *key, tpl_id **ids, size_t *count)
{
    tpl_list list = {0};
    int ok = 1;
    *ids = NULL;
    *count = 0;
    if (v->kind == YEV_MAP_START) {
        yw_error(w, v, "'%s' expects an id or a list of ids, not a mapping", key);
        yw_skip(w, v);
        return 0;
    }
    int seq = v->kind == YEV_SEQ_START;
    yev item = *v;
    while (!seq || (yw_next(w, &item) && item.kind != YEV_SEQ_END)) {
        tpl_id id;
        if (list.n == TPL_MAX_IDS) {
            yw_error(w, &item, "'%s' lists more than %d ids", key, TPL_MAX_IDS);
            yw_skip(w, &item);
            ok = 0;
        } else if (!read_id(w, &item, key, &id)) {
            ok = 0;
        } else {
            const tpl_id *have = list.items;
            int twice = 0;
            for (size_t j = 0; j < list.n && !twice; j++)
                twice = !strcmp(have[j].id, id.id);
            if (twice) {
                yw_error(w, &item, "'%s' is listed twice in %s", id.id, key);
                ok = 0;
            } else {
                tpl_id *slot = tpl_push(w, &list, sizeof *slot);
                if (slot)
                    *slot = id;
            }
        }
        if (!seq)
            break;
    }
    *ids = list.items;
    *count = list.n;
    return ok && !w->fatal;
}

/* ---- charts ---- */

typedef struct chart_read {
    tpl_chart *c;
    tpl_list series, refs;
} chart_read;

enum { SERIES_KEYS(KEY_ENUM) };
static const char *const series_keys[] = {SERIES_KEYS(KEY_NAME) NULL};
static const char *const as_names[] = {SERIES_AS_NAMES, NULL};
static const char *const axis_names[] = {AXIS_NAMES, NULL};

static void series_key(ywalk *w, void *obj, int key, const yev *v)
{
    tpl_series *s = obj;
    int i;
    switch (key) {
    case SER_COLUMN: read_id(w, v, "series.column", &s->column); break;
    case SER_AS:
        s->as_at = yw_mark(v);
        if (yw_choice(w, v, "series.as", as_names, &i))
            s->as_line = i == 1;
        break;
    case SER_AXIS:
        s->axis_at = yw_mark(v);
        if (yw_choice(w, v, "series.axis", axis_names, &i))
            s->right_axis = i == 1;
        break;
    }
}

static void read_series(ywalk *w, const yev *v, chart_read *cr)
{
    if (v->kind != YEV_SEQ_START) {
        yw_error(w, v, "'series' expects a list of {column, as, axis}, not %s",
                 yw_kind_name(v));
        yw_skip(w, v);
        return;
    }
    yev item;
    while (yw_next(w, &item) && item.kind != YEV_SEQ_END) {
        tpl_series *s = tpl_push(w, &cr->series, sizeof *s);
        if (!s)
            return;
        if (item.kind == YEV_SCALAR) {   /* a bare column id */
            if (!read_id(w, &item, "series", &s->column))
                cr->series.n--;
            continue;
        }
        if (!yw_mapping(w, &item, "a series", series_keys, series_key, s) || w->fatal) {
            cr->series.n--;
            continue;
        }
        if (!s->column.id) {
            yw_error(w, &item, "a series needs 'column: ID'");
            cr->series.n--;
        }
    }
    if (!w->fatal && cr->series.n == 0)
        yw_error(w, v, "'series' expects at least one column");
}

/* y: ids become series drawn as the chart's type, on the left axis. */
static void read_y(ywalk *w, const yev *v, chart_read *cr)
{
    tpl_id *ids;
    size_t n;
    if (!read_ids(w, v, "chart.y", &ids, &n))
        return;
    if (n == 0) {
        yw_error(w, v, "'chart.y' expects at least one column id");
        return;
    }
    for (size_t i = 0; i < n; i++) {
        tpl_series *s = tpl_push(w, &cr->series, sizeof *s);
        if (s)
            s->column = ids[i];
    }
}

enum { REFERENCE_KEYS(KEY_ENUM) };
static const char *const ref_keys[] = {REFERENCE_KEYS(KEY_NAME) NULL};

typedef struct ref_read {
    tpl_reference *r;
    int given, ok;      /* value: written, and a number */
} ref_read;

static void ref_key(ywalk *w, void *obj, int key, const yev *v)
{
    ref_read *rr = obj;
    int i;
    switch (key) {
    case REF_VALUE:
        rr->given = 1;
        rr->ok = yw_number(w, v, "reference.value", &rr->r->value, NULL);
        break;
    case REF_LABEL: yw_text(w, v, "reference.label", &rr->r->label); break;
    case REF_AXIS:
        rr->r->axis_at = yw_mark(v);
        if (yw_choice(w, v, "reference.axis", axis_names, &i))
            rr->r->right_axis = i == 1;
        break;
    }
}

static void read_one_ref(ywalk *w, const yev *item, chart_read *cr)
{
    tpl_reference *r = tpl_push(w, &cr->refs, sizeof *r);
    if (!r)
        return;
    r->pos = yw_mark(item);
    ref_read rr = {r, 0, 0};
    if (!yw_mapping(w, item, "a reference", ref_keys, ref_key, &rr) || w->fatal) {
        cr->refs.n--;
        return;
    }
    if (!rr.given)
        yw_error(w, item, "a reference needs 'value:', a number");
    if (!rr.ok)
        cr->refs.n--;
}

static void read_references(ywalk *w, const yev *v, chart_read *cr)
{
    if (v->kind == YEV_MAP_START) {
        read_one_ref(w, v, cr);
        return;
    }
    if (v->kind != YEV_SEQ_START) {
        yw_error(w, v, "'reference' expects a list of {value, label, axis}, not %s",
                 yw_kind_name(v));
        return;
    }
    yev item;
    while (yw_next(w, &item) && item.kind != YEV_SEQ_END)
        read_one_ref(w, &item, cr);
}

static void chart_key(ywalk *w, void *obj, int key, const yev *v)
{
    static const char *const legends[] = {LEGEND_NAMES, NULL};
    static const char *const sorts[] = {SORT_NAMES, NULL};
    chart_read *cr = obj;
    tpl_chart *c = cr->c;
    int i;
    c->at[key] = yw_mark(v);   /* errors about an option point at its value */
    switch (key) {
    case CH_TABLE: read_id(w, v, "chart.table", &c->table); break;
    case CH_TYPE: {
        const char *s = NULL;
        if (!yw_string(w, v, "chart.type", &s) || !s) {
            if (!s && v->kind == YEV_SCALAR)
                yw_error(w, v, "'chart.type' expects bar, line, pie, area or scatter, got nothing");
            break;
        }
        int t = yw_lookup(s, chart_types);
        const char *near = t < 0 ? suggest_nearest(s, chart_types) : NULL;
        if (t >= 0)
            c->type = (quire_chart_type)t;
        else if (near)
            yw_error(w, v, "unknown chart type '%s'; did you mean '%s'?", s, near);
        else
            yw_error(w, v, "unknown chart type '%s' (bar, line, pie, area or scatter)", s);
        break;
    }
    case CH_X: read_id(w, v, "chart.x", &c->x); break;
    case CH_Y: read_y(w, v, cr); break;
    case CH_TITLE: yw_text(w, v, "chart.title", &c->title); break;
    case CH_VALUE_LABELS: yw_bool(w, v, "chart.value_labels", &c->value_labels); break;
    case CH_STACKED: yw_bool(w, v, "chart.stacked", &c->stacked); break;
    case CH_HORIZONTAL: yw_bool(w, v, "chart.horizontal", &c->horizontal); break;
    case CH_DONUT: yw_bool(w, v, "chart.donut", &c->donut); break;
    case CH_ID:
        if (yw_text(w, v, "chart.id", &c->id) && !cells_valid_id(c->id, 1)) {
            char buf[80];
            yw_error(w, v, "chart id %s is not valid: use [a-z0-9][a-z0-9_-]*",
                     yw_quote(c->id, strlen(c->id), buf, sizeof buf));
        }
        break;
    case CH_SERIES: read_series(w, v, cr); break;
    case CH_LABEL: read_id(w, v, "chart.label", &c->label); break;
    case CH_REFERENCE: read_references(w, v, cr); break;
    case CH_HIGHLIGHT: read_ids(w, v, "chart.highlight", &c->highlight, &c->n_highlight); break;
    case CH_Y_MIN: yw_number(w, v, "chart.y_min", &c->y_min, NULL); break;
    case CH_Y_MAX: yw_number(w, v, "chart.y_max", &c->y_max, NULL); break;
    case CH_Y_FORMAT: yw_text(w, v, "chart.y_format", &c->y_format); break;
    case CH_X_TITLE: yw_text(w, v, "chart.x_title", &c->x_title); break;
    case CH_Y_TITLE: yw_text(w, v, "chart.y_title", &c->y_title); break;
    case CH_LEGEND:
        if (yw_choice(w, v, "chart.legend", legends, &i))
            c->legend = (quire_legend)(i + 1);
        break;
    case CH_HEIGHT_MM:
        if (yw_number(w, v, "chart.height_mm", &c->height_mm, NULL) && !(c->height_mm > 0)) {
            yw_error(w, v, "'chart.height_mm' must be greater than 0");
            c->height_mm = 0;
        }
        break;
    case CH_SORT:
        if (yw_choice(w, v, "chart.sort", sorts, &i))
            c->sort = (quire_sort)i;
        break;
    case CH_PERCENT_LABELS: yw_bool(w, v, "chart.percent_labels", &c->percent_labels); break;
    case CH_ALT: yw_text(w, v, "chart.alt", &c->alt); break;
    case CH_NOTE: yw_text(w, v, "chart.note", &c->note); break;   /* markup: at bind time */
    }
}

static const char *type_name(quire_chart_type t)
{
    return chart_types[t];
}

/* An option given for a chart type it does not apply to. */
static void only_for(ywalk *w, const tpl_chart *c, int key, int applies, const char *which)
{
    if (c->at[key].line && !applies)
        yw_error_at(w, c->at[key], "'%s' applies to %s only, not to a %s chart",
                    chart_keys[key], which, type_name(c->type));
}

/* Options that only make sense for some chart types, or together. */
static void check_chart(ywalk *w, const tpl_chart *c)
{
    quire_chart_type t = c->type;
    int bar = t == QUIRE_CHART_BAR, pie = t == QUIRE_CHART_PIE;
    /* false is harmless: only a true flag is checked */
    if (c->stacked)
        only_for(w, c, CH_STACKED, bar || t == QUIRE_CHART_AREA, "bar and area charts");
    if (c->horizontal)
        only_for(w, c, CH_HORIZONTAL, bar, "bar charts");
    if (c->donut)
        only_for(w, c, CH_DONUT, pie, "pie charts");
    if (c->percent_labels)
        only_for(w, c, CH_PERCENT_LABELS, pie, "pie charts");
    only_for(w, c, CH_LABEL, t == QUIRE_CHART_SCATTER, "scatter charts");
    only_for(w, c, CH_HIGHLIGHT, bar || pie, "bar and pie charts");
    only_for(w, c, CH_SORT, t != QUIRE_CHART_SCATTER, "bar, line, area and pie charts");
    only_for(w, c, CH_REFERENCE, !pie, "charts with a value axis");
    only_for(w, c, CH_Y_MIN, !pie, "charts with a value axis");
    only_for(w, c, CH_Y_MAX, !pie, "charts with a value axis");
    only_for(w, c, CH_Y_FORMAT, !pie, "charts with a value axis");
    only_for(w, c, CH_X_TITLE, !pie, "charts with axes");
    only_for(w, c, CH_Y_TITLE, !pie, "charts with axes");
    if (c->at[CH_Y].line && c->at[CH_SERIES].line)
        yw_error_at(w, c->at[CH_SERIES], "'y' and 'series' cannot both be given; list the "
                    "columns in 'series' only");
    if (pie && c->n_series > 1)
        yw_error_at(w, c->at[c->at[CH_SERIES].line ? CH_SERIES : CH_Y],
                    "a pie chart takes exactly one y column, got %zu", c->n_series);
    if (!isnan(c->y_min) && !isnan(c->y_max) && !(c->y_max > c->y_min))
        yw_error_at(w, c->at[CH_Y_MAX], "'y_max' (%g) must be greater than 'y_min' (%g)",
                    c->y_max, c->y_min);
    size_t right = 0;
    for (size_t i = 0; i < c->n_series; i++) {
        const tpl_series *s = &c->series[i];
        right += s->right_axis;
        if (s->as_line && !bar)
            yw_error_at(w, s->as_at, "'as: line' applies to bar charts only (it makes a "
                        "combined bar-and-line chart), not to a %s chart", type_name(t));
        else if (s->as_line && c->horizontal)
            yw_error_at(w, s->as_at, "'as: line' does not combine with horizontal bars");
        if (s->right_axis && pie)
            yw_error_at(w, s->axis_at, "'axis: right' does not apply to a pie chart");
    }
    if (c->n_series && right == c->n_series && !pie)
        yw_error_at(w, c->series[0].axis_at, "every series is on the right axis; keep at "
                    "least one on the left");
    for (size_t i = 0; i < c->n_refs; i++)
        if (c->refs[i].right_axis && !right && !pie)
            yw_error_at(w, c->refs[i].axis_at, "a reference on the right axis, but no series "
                        "is on it");
}

static void read_chart(ywalk *w, const yev *v, tpl_block *b)
{
    tpl_chart *c = &b->chart;
    chart_read cr = {.c = c};
    c->type = QUIRE_CHART_BAR;
    c->y_min = c->y_max = NAN;
    int ok = yw_mapping(w, v, "chart", chart_keys, chart_key, &cr);
    c->series = cr.series.items;
    c->n_series = cr.series.n;
    c->refs = cr.refs.items;
    c->n_refs = cr.refs.n;
    if (!ok || w->fatal)
        return;
    if (!c->at[CH_TABLE].line)
        yw_error(w, v, "chart needs 'table: ID', the table it draws");
    check_chart(w, c);
}

/* ---- the other blocks ---- */

static void read_all_only(ywalk *w, const yev *v, tpl_block *b, tpl_kind kind,
                          const char *name, const char *one)
{
    b->kind = kind;
    if (!is_word(v, "all")) {
        yw_error(w, v, "'%s' expects 'all'; write '%s: ID' for a single one", name, one);
        yw_skip(w, v);
    }
}

static void read_one_id(ywalk *w, const yev *v, tpl_block *b, const char *name,
                        const char *plural)
{
    if (plural && is_word(v, "all")) {
        yw_error(w, v, "'%s' names one id; write '%s: all' for every one", name, plural);
        return;
    }
    b->ids = arena_alloc(w->a, sizeof *b->ids);
    if (b->ids && read_id(w, v, name, &b->ids[0]))
        b->n_ids = 1;
}

static void table_key(ywalk *w, void *obj, int key, const yev *v)
{
    read_one_id(w, v, obj, "table", "tables");
}

static void read_table(ywalk *w, const yev *v, tpl_block *b)
{
    static const char *const keys[] = {"table", NULL};
    b->kind = TPL_TABLE;
    if (v->kind != YEV_MAP_START) {
        read_one_id(w, v, b, "table", "tables");
        return;
    }
    if (yw_mapping(w, v, "table", keys, table_key, b) && !b->n_ids && !w->fatal)
        yw_error(w, v, "table needs 'table: ID', the table to show");
}

/* image: ID, or {image: ID, width_mm: N, align: left|center|right}. */
static void image_key(ywalk *w, void *obj, int key, const yev *v)
{
    static const char *const aligns[] = {"center", "left", "right", NULL};
    tpl_block *b = obj;
    int i;
    switch (key) {
    case 0: read_one_id(w, v, b, "image", NULL); break;
    case 1:
        if (yw_number(w, v, "image.width_mm", &b->width_mm, NULL) && !(b->width_mm > 0)) {
            yw_error(w, v, "'image.width_mm' must be greater than 0");
            b->width_mm = 0;
        }
        break;
    case 2:
        if (yw_choice(w, v, "image.align", aligns, &i))
            b->align = (quire_align)i;
        break;
    }
}

static void read_image(ywalk *w, const yev *v, tpl_block *b)
{
    static const char *const keys[] = {"image", "width_mm", "align", NULL};
    b->kind = TPL_IMAGE;
    if (v->kind != YEV_MAP_START) {
        read_one_id(w, v, b, "image", NULL);
        return;
    }
    if (yw_mapping(w, v, "image", keys, image_key, b) && !b->n_ids && !w->fatal)
        yw_error(w, v, "image needs 'image: ID', the image to show");
}

static void read_figures(ywalk *w, const yev *v, tpl_block *b)
{
    b->kind = TPL_FIGURES;
    if (is_word(v, "all")) {
        b->all = 1;
        return;
    }
    if (v->kind != YEV_SEQ_START) {
        yw_error(w, v, "'figures' expects 'all' or a list of figure ids");
        yw_skip(w, v);
        return;
    }
    read_ids(w, v, "figures", &b->ids, &b->n_ids);
}

static void read_keyed(ywalk *w, int which, const yev *v, tpl_block *b)
{
    switch (which) {
    case KB_HEADING:
        b->kind = TPL_HEADING;
        yw_text(w, v, "heading", &b->text);
        break;
    case KB_FIGURES: read_figures(w, v, b); break;
    case KB_SECTION:
        b->kind = TPL_SECTION;
        read_one_id(w, v, b, "section", "sections");
        break;
    case KB_SECTIONS: read_all_only(w, v, b, TPL_SECTIONS_ALL, "sections", "section"); break;
    case KB_TABLE: read_table(w, v, b); break;
    case KB_TABLES: read_all_only(w, v, b, TPL_TABLES_ALL, "tables", "table"); break;
    case KB_CHART:
        b->kind = TPL_CHART;
        read_chart(w, v, b);
        break;
    case KB_IMAGE: read_image(w, v, b); break;
    }
}

static void unknown_block(ywalk *w, const yev *n)
{
    const char *near = suggest_nearest(n->value, all_names);
    if (near)
        yw_error(w, n, "unknown block '%s'; did you mean '%s'?", n->value, near);
    else
        yw_error(w, n, "unknown block '%s'", n->value);
}

static void read_bare(ywalk *w, const yev *n, tpl_block *b)
{
    int i = yw_lookup(n->value, bare_names);
    if (i >= 0)
        b->kind = bare_kinds[i];
    else if (yw_lookup(n->value, keyed_names) >= 0)
        yw_error(w, n, "block '%s' needs a value ('%s: ...')", n->value, n->value);
    else
        unknown_block(w, n);
}

/* Returns 0 when the block could not be read (nothing to keep). */
static int read_mapping_block(ywalk *w, const yev *start, tpl_block *b)
{
    yev key, value;
    if (!yw_next(w, &key))
        return 0;
    if (key.kind == YEV_MAP_END) {
        yw_error(w, start, "empty block");
        return 0;
    }
    int ok = 1;
    if (key.kind != YEV_SCALAR) {
        yw_error(w, &key, "a block's name must be a plain string, not %s", yw_kind_name(&key));
        yw_skip(w, &key);
        ok = 0;
    }
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(key.length < 63 ? key.length : 63),
             ok ? key.value : "");
    yev k = key;
    k.value = name;
    int which = ok ? yw_lookup(name, keyed_names) : -1;
    if (!yw_next(w, &value))
        return 0;
    w->key = yw_mark(&k);
    if (which >= 0)
        read_keyed(w, which, &value, b);
    else {
        if (ok && yw_lookup(name, bare_names) >= 0)
            yw_error(w, &k, "block '%s' takes no value; write '- %s'", name, name);
        else if (ok)
            unknown_block(w, &k);
        yw_skip(w, &value);
        ok = 0;
    }
    /* A second key is a mis-indented option of the first. */
    if (!yw_next(w, &key) || key.kind == YEV_MAP_END)
        return ok;
    yw_error(w, &key, "a block has one key; start a new list item ('- ') or indent "
             "this key under '%s'", name);
    yw_skip(w, &key);
    while (yw_next(w, &key) && key.kind != YEV_MAP_END)
        yw_skip(w, &key);
    return 0;
}

void tpl_read_body(ywalk *w, const yev *body, template_src *t)
{
    if (body->kind != YEV_SEQ_START) {
        yw_error(w, body, "'body' expects a list of blocks, not %s", yw_kind_name(body));
        yw_skip(w, body);
        return;
    }
    tpl_list blocks = {0};
    yev item;
    while (yw_next(w, &item) && item.kind != YEV_SEQ_END) {
        tpl_block *b = tpl_push(w, &blocks, sizeof *b);
        if (!b)
            return;
        b->pos = yw_mark(&item);
        if (item.kind == YEV_SCALAR)
            read_bare(w, &item, b);
        else if (item.kind == YEV_MAP_START)
            read_mapping_block(w, &item, b);
        else {
            yw_error(w, &item, "a block is a name ('- cover') or a one-key mapping "
                     "('- heading: ...'), got a list");
            yw_skip(w, &item);
        }
    }
    t->blocks = blocks.items;
    t->n_blocks = blocks.n;
    if (!w->fatal && blocks.n == 0)
        yw_error(w, body, "body has no blocks; nothing would be rendered");
}

void tpl_check_body(ywalk *w, const template_src *t)
{
    double page_h = (t->landscape ? t->page_w : t->page_h) / MM_TO_PT;
    double room = page_h - t->margin_mm[0] - t->margin_mm[2];
    for (size_t i = 0; i < t->n_blocks; i++) {
        const tpl_chart *c = &t->blocks[i].chart;
        if (t->blocks[i].kind != TPL_CHART)
            continue;
        if (c->height_mm > room)
            yw_error_at(w, c->at[CH_HEIGHT_MM], "'chart.height_mm' %g is more than the "
                        "page's %.0f mm of content", c->height_mm, room);
        for (size_t j = 0; c->id && j < i; j++)
            if (t->blocks[j].kind == TPL_CHART && t->blocks[j].chart.id &&
                !strcmp(t->blocks[j].chart.id, c->id))
                yw_error_at(w, c->at[CH_ID], "duplicate chart id '%s' (first at line %ld, "
                            "column %ld)", c->id, t->blocks[j].chart.at[CH_ID].line,
                            t->blocks[j].chart.at[CH_ID].col);
    }
}
