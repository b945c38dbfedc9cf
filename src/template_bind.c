/* template_bind.c — tying a parsed template to one dataset: every id the
 * template names is resolved (errors at the template's file:line:col, with
 * the nearest id), `all` is expanded, and chart columns are chosen and
 * checked. The result borrows strings from the template_src and dataset. */
#include "template.h"
#include "template_model.h"
#include "suggest.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Series a chart made by `tables: all` draws at most: one per palette
 * colour of the default palette. */
#define AUTO_CHART_MAX_Y 6

/* Every kind of dataset item starts with its id, so one lookup serves all. */
_Static_assert(offsetof(quire_figure, id) == 0, "id first");
_Static_assert(offsetof(quire_table, id) == 0, "id first");
_Static_assert(offsetof(quire_section, id) == 0, "id first");
_Static_assert(offsetof(quire_column, id) == 0, "id first");

typedef struct binder {
    const template_src *t;
    const quire_dataset *ds;
    diag *d;
    quire_block *out;
    size_t n_out;
} binder;

static const char *id_at(const void *items, size_t stride, size_t i)
{
    return *(const char *const *)((const char *)items + stride * i);
}

static void error_at(binder *b, tpl_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void error_at(binder *b, tpl_pos pos, const char *fmt, ...)
{
    char msg[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_error(b->d, b->t->path, pos.line, pos.col, "%s", msg);
}

/* Index of id among n items, or -1 after reporting "no KIND 'id' in WHERE"
 * with the nearest existing id. */
static long find_id(binder *b, const tpl_id *ref, const void *items, size_t n, size_t stride,
                    const char *kind, const char *where)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(id_at(items, stride, i), ref->id))
            return (long)i;
    const char **names = calloc(n + 1, sizeof *names);
    const char *near = NULL;
    if (names) {
        for (size_t i = 0; i < n; i++)
            names[i] = id_at(items, stride, i);
        near = suggest_nearest(ref->id, names);
    }
    if (near)
        error_at(b, ref->pos, "no %s '%s' in %s; did you mean '%s'?", kind, ref->id, where, near);
    else
        error_at(b, ref->pos, "no %s '%s' in %s", kind, ref->id, where);
    free(names);
    return -1;
}

static const char *dataset_name(const binder *b)
{
    return b->ds->path ? b->ds->path : "the dataset";
}

static quire_block *next_block(binder *b, quire_block_kind kind)
{
    quire_block *q = &b->out[b->n_out++];
    q->kind = kind;
    return q;
}

/* ---- column roles ---- */

static const char *type_name(quire_type type)
{
    static const char *const names[] = {"text", "number", "integer", "percent", "currency",
                                        "date"};
    return (unsigned)type < sizeof names / sizeof names[0] ? names[type] : "unknown";
}

static int is_numeric(quire_type type)
{
    return type == QUIRE_NUMBER || type == QUIRE_INTEGER || type == QUIRE_PERCENT ||
           type == QUIRE_CURRENCY;
}

/* Categories: text for every chart; a date also works along a bar/line axis. */
static int fits_x(quire_type type, quire_chart_type chart)
{
    return type == QUIRE_TEXT || (type == QUIRE_DATE && chart != QUIRE_CHART_PIE);
}

static long first_column(const quire_table *tab, quire_type type)
{
    for (size_t i = 0; i < tab->n_columns; i++)
        if (tab->columns[i].type == type)
            return (long)i;
    return -1;
}

static size_t count_numeric(const quire_table *tab)
{
    size_t n = 0;
    for (size_t i = 0; i < tab->n_columns; i++)
        n += is_numeric(tab->columns[i].type);
    return n;
}

/* Indices of the first max numeric columns; the count in *n. */
static size_t *numeric_columns(const quire_table *tab, size_t max, size_t *n)
{
    size_t *y = calloc(tab->n_columns ? tab->n_columns : 1, sizeof *y);
    *n = 0;
    for (size_t i = 0; y && i < tab->n_columns && *n < max; i++)
        if (is_numeric(tab->columns[i].type))
            y[(*n)++] = i;
    return y;
}

/* Whether two columns measure in the same unit, so one value axis fits both. */
static int same_unit(const quire_column *a, const quire_column *b)
{
    if (a->type != b->type || a->scale != b->scale)
        return 0;
    if (!a->currency || !b->currency)
        return a->currency == b->currency;
    return strcmp(a->currency, b->currency) == 0;
}

/* Like numeric_columns(), but only those in the first one's unit: an
 * automatic chart never mixes USD, KRW and percent on one axis. */
static size_t *same_unit_columns(const quire_table *tab, size_t max, size_t *n)
{
    size_t *y = numeric_columns(tab, tab->n_columns, n);
    size_t kept = 0;
    for (size_t k = 0; y && k < *n && kept < max; k++)
        if (same_unit(&tab->columns[y[0]], &tab->columns[y[k]]))
            y[kept++] = y[k];
    *n = kept;
    return y;
}

/* ---- charts ---- */

static int bind_x(binder *b, const tpl_block *tb, const quire_table *tab, quire_chart *c)
{
    const tpl_chart *tc = &tb->chart;
    if (tc->has_x) {
        char where[300];
        snprintf(where, sizeof where, "table '%s'", tab->id);
        long i = find_id(b, &tc->x, tab->columns, tab->n_columns, sizeof *tab->columns,
                         "column", where);
        if (i < 0)
            return 0;
        if (!fits_x(tab->columns[i].type, c->type)) {
            error_at(b, tc->x.pos, "chart x column '%s' is %s; x takes a %s column", tc->x.id,
                     type_name(tab->columns[i].type),
                     c->type == QUIRE_CHART_PIE ? "text" : "text or date");
            return 0;
        }
        c->x = (size_t)i;
        return 1;
    }
    long i = first_column(tab, QUIRE_TEXT);
    if (i < 0 && c->type != QUIRE_CHART_PIE)
        i = first_column(tab, QUIRE_DATE);
    if (i < 0) {
        error_at(b, tb->pos, "table '%s' has no %s column for the chart's categories", tab->id,
                 c->type == QUIRE_CHART_PIE ? "text" : "text or date");
        return 0;
    }
    c->x = (size_t)i;
    return 1;
}

static int bind_given_y(binder *b, const tpl_chart *tc, const quire_table *tab, size_t *y)
{
    char where[300];
    snprintf(where, sizeof where, "table '%s'", tab->id);
    int ok = 1;
    for (size_t k = 0; k < tc->n_y; k++) {
        long i = find_id(b, &tc->y[k], tab->columns, tab->n_columns, sizeof *tab->columns,
                         "column", where);
        if (i >= 0 && !is_numeric(tab->columns[i].type)) {
            error_at(b, tc->y[k].pos, "chart y column '%s' is %s; y takes numeric columns "
                     "(number, integer, percent, currency)", tc->y[k].id,
                     type_name(tab->columns[i].type));
            i = -1;
        }
        if (i < 0)
            ok = 0;
        else
            y[k] = (size_t)i;
    }
    return ok;
}

static int bind_default_y(binder *b, const tpl_block *tb, const quire_table *tab,
                          quire_chart *c, size_t **y)
{
    size_t n = count_numeric(tab);
    if (n == 0) {
        error_at(b, tb->pos, "table '%s' has no numeric column to chart", tab->id);
        return 0;
    }
    if (c->type == QUIRE_CHART_PIE && n > 1) {
        error_at(b, tb->pos, "a pie chart takes one y column and table '%s' has %zu numeric "
                 "columns; choose one with 'y:'", tab->id, n);
        return 0;
    }
    *y = numeric_columns(tab, n, &c->n_y);
    return *y != NULL;
}

static void bind_chart(binder *b, const tpl_block *tb)
{
    const tpl_chart *tc = &tb->chart;
    long ti = find_id(b, &tc->table, b->ds->tables, b->ds->n_tables, sizeof *b->ds->tables,
                      "table", dataset_name(b));
    if (ti < 0)
        return;
    const quire_table *tab = &b->ds->tables[ti];
    quire_chart c = {.type = tc->type, .table = tab, .stacked = tc->stacked,
                     .horizontal = tc->horizontal, .donut = tc->donut,
                     .value_labels = tc->value_labels};
    c.title = tc->title ? tc->title : tab->title;
    size_t *y = NULL;
    int ok = bind_x(b, tb, tab, &c);
    if (tc->y) {
        y = calloc(tc->n_y, sizeof *y);
        c.n_y = tc->n_y;
        ok = y && bind_given_y(b, tc, tab, y) && ok;
    } else {
        ok = bind_default_y(b, tb, tab, &c, &y) && ok;
    }
    if (!ok) {
        free(y);
        return;
    }
    c.y = y;
    next_block(b, QUIRE_BLOCK_CHART)->chart = c;
}

/* `tables: all`: a bar chart of each table that has categories, numbers
 * (those in the first numeric column's unit) and at least one row (an empty chart says nothing), then the table. */
static void expand_tables(binder *b)
{
    for (size_t i = 0; i < b->ds->n_tables; i++) {
        const quire_table *tab = &b->ds->tables[i];
        long x = tab->n_rows ? first_column(tab, QUIRE_TEXT) : -1;
        size_t n_y = 0;
        size_t *y = x >= 0 ? same_unit_columns(tab, AUTO_CHART_MAX_Y, &n_y) : NULL;
        if (y && n_y) {
            quire_block *q = next_block(b, QUIRE_BLOCK_CHART);
            q->chart = (quire_chart){.type = QUIRE_CHART_BAR, .table = tab, .x = (size_t)x,
                                     .y = y, .n_y = n_y, .title = tab->title};
        } else {
            free(y);
        }
        next_block(b, QUIRE_BLOCK_TABLE)->table = tab;
    }
}

/* ---- the other blocks ---- */

static void bind_figures(binder *b, const tpl_block *tb)
{
    const quire_dataset *ds = b->ds;
    size_t n = tb->all ? ds->n_figures : tb->n_ids;
    const quire_figure **list = n ? calloc(n, sizeof *list) : NULL;
    if (n && !list)
        return;
    size_t got = 0;
    for (size_t i = 0; i < n; i++) {
        long k = tb->all ? (long)i
                         : find_id(b, &tb->ids[i], ds->figures, ds->n_figures,
                                   sizeof *ds->figures, "figure", dataset_name(b));
        if (k >= 0)
            list[got++] = &ds->figures[k];
    }
    quire_block *q = next_block(b, QUIRE_BLOCK_FIGURES);
    q->figures = list;
    q->n_figures = got;
}

static void bind_section(binder *b, const tpl_block *tb)
{
    const quire_dataset *ds = b->ds;
    long k = find_id(b, &tb->ids[0], ds->sections, ds->n_sections, sizeof *ds->sections,
                     "section", dataset_name(b));
    if (k >= 0)
        next_block(b, QUIRE_BLOCK_SECTION)->section = &ds->sections[k];
}

static void bind_table(binder *b, const tpl_block *tb)
{
    const quire_dataset *ds = b->ds;
    long k = find_id(b, &tb->ids[0], ds->tables, ds->n_tables, sizeof *ds->tables, "table",
                     dataset_name(b));
    if (k >= 0)
        next_block(b, QUIRE_BLOCK_TABLE)->table = &ds->tables[k];
}

static void bind_block(binder *b, const tpl_block *tb)
{
    switch (tb->kind) {
    case TPL_COVER: next_block(b, QUIRE_BLOCK_COVER); break;
    case TPL_CONTENTS: next_block(b, QUIRE_BLOCK_CONTENTS); break;
    case TPL_SUMMARY: next_block(b, QUIRE_BLOCK_SUMMARY); break;
    case TPL_PAGE_BREAK: next_block(b, QUIRE_BLOCK_PAGE_BREAK); break;
    case TPL_SOURCES: next_block(b, QUIRE_BLOCK_SOURCES); break;
    case TPL_HEADING: next_block(b, QUIRE_BLOCK_HEADING)->text = tb->text; break;
    case TPL_FIGURES: bind_figures(b, tb); break;
    case TPL_SECTION: bind_section(b, tb); break;
    case TPL_SECTIONS_ALL:
        for (size_t i = 0; i < b->ds->n_sections; i++)
            next_block(b, QUIRE_BLOCK_SECTION)->section = &b->ds->sections[i];
        break;
    case TPL_TABLE: bind_table(b, tb); break;
    case TPL_TABLES_ALL: expand_tables(b); break;
    case TPL_CHART: bind_chart(b, tb); break;
    }
}

/* Blocks the bound template can hold: `all` expands to many. */
static size_t max_blocks(const template_src *t, const quire_dataset *ds)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n_blocks; i++) {
        if (t->blocks[i].kind == TPL_SECTIONS_ALL)
            n += ds->n_sections;
        else if (t->blocks[i].kind == TPL_TABLES_ALL)
            n += 2 * ds->n_tables;
        else
            n++;
    }
    return n;
}

static void bind_page(quire_template *q, const template_src *t)
{
    q->page_size = t->page_size;
    q->landscape = t->landscape;
    q->page_width_pt = t->landscape ? t->page_h : t->page_w;
    q->page_height_pt = t->landscape ? t->page_w : t->page_h;
    for (int i = 0; i < 4; i++)
        q->margin_pt[i] = t->margin_mm[i] * MM_TO_PT;
}

quire_template *template_bind(const template_src *t, const quire_dataset *ds, diag *d)
{
    int errors = d->errors;
    quire_template *q = calloc(1, sizeof *q);
    size_t cap = max_blocks(t, ds);
    binder b = {.t = t, .ds = ds, .d = d, .out = calloc(cap ? cap : 1, sizeof *b.out)};
    if (!q || !b.out) {
        diag_error(d, t->path, 0, 0, "out of memory binding template");
        free(q);
        free(b.out);
        return NULL;
    }
    q->struct_size = sizeof *q;
    q->path = t->path;
    q->name = t->name;
    bind_page(q, t);
    q->font_body = t->font_body;
    q->font_bold = t->font_bold;
    q->palette = t->palette;
    q->n_palette = t->n_palette;
    q->header = t->header;
    q->footer = t->footer;
    q->formats = template_formats(t);
    q->block_size = sizeof(quire_block);
    for (size_t i = 0; i < t->n_blocks; i++)
        bind_block(&b, &t->blocks[i]);
    q->blocks = b.out;
    q->n_blocks = b.n_out;
    if (d->errors > errors) {
        template_free(q);
        return NULL;
    }
    return q;
}

void template_free(quire_template *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->n_blocks; i++) {
        free((void *)q->blocks[i].figures);
        free((void *)q->blocks[i].chart.y);
    }
    free((void *)q->blocks);
    free(q);
}
