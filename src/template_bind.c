/* template_bind.c — tying a parsed template to one dataset: every id the
 * template names is resolved (errors at the template's file:line:col, with
 * the nearest id), `all` is expanded, chart columns are chosen and checked,
 * header/footer placeholders must name something, and every chart gets
 * its alt text. The result borrows strings from the template_src and
 * dataset; what binding makes lives in the bound template's arena. */
#include "template.h"
#include "template_model.h"

#include "chart_alt.h"
#include "dataset.h"
#include "footnote_order.h"
#include "markup.h"
#include "strmap.h"
#include "suggest.h"

#include <math.h>
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
_Static_assert(offsetof(quire_image, id) == 0, "id first");

/* The bound template and the arena of what binding made. */
typedef struct bound {
    quire_template q;     /* first: a quire_template* is a bound* */
    arena mem;
} bound;

typedef struct binder {
    const template_src *t;
    const quire_dataset *ds;
    diag *d;
    arena *a;
    quire_block *out;
    size_t n_out;
} binder;

static void *alloc_n(binder *b, size_t n, size_t size)
{
    void *p = arena_alloc(b->a, (n ? n : 1) * size);
    if (p)
        memset(p, 0, (n ? n : 1) * size);
    else
        diag_out_of_memory(b->d, b->t->path, 0, 0);
    return p;
}

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
        if (id_at(items, stride, i) && !strcmp(id_at(items, stride, i), ref->id))
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

/* Strides of the dataset's arrays: 0 (a view built by hand) means the
 * struct's own size. */
#define STRIDE(size, type) ((size) ? (size) : sizeof(type))

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

static const quire_column *col(const quire_table *tab, size_t i)
{
    return quire_column_at(tab, i);
}

/* What x takes: categories (text; a date along a bar, line or area axis),
 * or for a scatter chart numbers or dates. */
static int fits_x(quire_type type, quire_chart_type chart)
{
    if (chart == QUIRE_CHART_SCATTER)
        return is_numeric(type) || type == QUIRE_DATE;
    return type == QUIRE_TEXT || (type == QUIRE_DATE && chart != QUIRE_CHART_PIE);
}

static const char *x_takes(quire_chart_type chart)
{
    return chart == QUIRE_CHART_PIE       ? "text"
           : chart == QUIRE_CHART_SCATTER ? "numeric or date"
                                          : "text or date";
}

static long first_column(const quire_table *tab, quire_type type)
{
    for (size_t i = 0; i < tab->n_columns; i++)
        if (col(tab, i)->type == type)
            return (long)i;
    return -1;
}

static long first_numeric(const quire_table *tab)
{
    for (size_t i = 0; i < tab->n_columns; i++)
        if (is_numeric(col(tab, i)->type))
            return (long)i;
    return -1;
}

/* Indices of the numeric columns but skip (at most max); the count in *n. */
static size_t *numeric_columns(binder *b, const quire_table *tab, size_t max, long skip,
                               size_t *n)
{
    size_t *y = alloc_n(b, tab->n_columns, sizeof *y);
    *n = 0;
    for (size_t i = 0; y && i < tab->n_columns && *n < max; i++)
        if (is_numeric(col(tab, i)->type) && (long)i != skip)
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
static size_t *same_unit_columns(binder *b, const quire_table *tab, size_t max, size_t *n)
{
    size_t *y = numeric_columns(b, tab, tab->n_columns, -1, n);
    size_t kept = 0;
    for (size_t k = 0; y && k < *n && kept < max; k++)
        if (same_unit(col(tab, y[0]), col(tab, y[k])))
            y[kept++] = y[k];
    *n = kept;
    return y;
}

static long find_column(binder *b, const quire_table *tab, const tpl_id *ref)
{
    char where[300];
    snprintf(where, sizeof where, "table '%s'", tab->id);
    return find_id(b, ref, tab->columns, tab->n_columns,
                   STRIDE(tab->column_size, quire_column), "column", where);
}

/* ---- charts ---- */

static int bind_x(binder *b, const tpl_block *tb, const quire_table *tab, quire_chart *c)
{
    const tpl_chart *tc = &tb->chart;
    if (tc->x.id) {
        long i = find_column(b, tab, &tc->x);
        if (i < 0)
            return 0;
        if (!fits_x(col(tab, i)->type, c->type)) {
            error_at(b, tc->x.pos, "chart x column '%s' is %s; x %stakes a %s column", tc->x.id,
                     type_name(col(tab, i)->type),
                     c->type == QUIRE_CHART_SCATTER ? "of a scatter chart " : "",
                     x_takes(c->type));
            return 0;
        }
        c->x = (size_t)i;
        return 1;
    }
    long i;
    if (c->type == QUIRE_CHART_SCATTER) {
        i = first_numeric(tab);
        if (i < 0)
            i = first_column(tab, QUIRE_DATE);
    } else {
        i = first_column(tab, QUIRE_TEXT);
        if (i < 0 && c->type != QUIRE_CHART_PIE)
            i = first_column(tab, QUIRE_DATE);
    }
    if (i < 0) {
        error_at(b, tb->pos, "table '%s' has no %s column for the chart's %s", tab->id,
                 x_takes(c->type), c->type == QUIRE_CHART_SCATTER ? "x axis" : "categories");
        return 0;
    }
    c->x = (size_t)i;
    return 1;
}

/* The series the template names, checked against the table. */
static int bind_given_series(binder *b, const tpl_chart *tc, const quire_table *tab,
                             size_t *y, quire_series *series)
{
    int ok = 1;
    for (size_t k = 0; k < tc->n_series; k++) {
        const tpl_id *ref = &tc->series[k].column;
        long i = find_column(b, tab, ref);
        if (i >= 0 && !is_numeric(col(tab, i)->type)) {
            error_at(b, ref->pos, "chart y column '%s' is %s; y takes numeric columns "
                     "(number, integer, percent, currency)", ref->id,
                     type_name(col(tab, i)->type));
            i = -1;
        }
        if (i < 0) {
            ok = 0;
            continue;
        }
        y[k] = (size_t)i;
        series[k] = (quire_series){(size_t)i, tc->series[k].as_line,
                                   tc->series[k].right_axis};
    }
    return ok;
}

static int bind_default_y(binder *b, const tpl_block *tb, const quire_table *tab,
                          quire_chart *c, size_t **y)
{
    long skip = c->type == QUIRE_CHART_SCATTER ? (long)c->x : -1;
    size_t n = 0;
    for (size_t i = 0; i < tab->n_columns; i++)
        n += is_numeric(col(tab, i)->type) && (long)i != skip;
    if (n == 0) {
        error_at(b, tb->pos, "table '%s' has no numeric column to chart", tab->id);
        return 0;
    }
    if (c->type == QUIRE_CHART_PIE && n > 1) {
        error_at(b, tb->pos, "a pie chart takes one y column and table '%s' has %zu numeric "
                 "columns; choose one with 'y:'", tab->id, n);
        return 0;
    }
    *y = numeric_columns(b, tab, n, skip, &c->n_y);
    return *y != NULL;
}

static int bind_label(binder *b, const tpl_chart *tc, const quire_table *tab, quire_chart *c)
{
    if (!tc->label.id)
        return 1;
    long i = find_column(b, tab, &tc->label);
    if (i < 0)
        return 0;
    if (col(tab, i)->type != QUIRE_TEXT) {
        error_at(b, tc->label.pos, "chart label column '%s' is %s; label takes a text column",
                 tc->label.id, type_name(col(tab, i)->type));
        return 0;
    }
    c->has_label = 1;
    c->label = (size_t)i;
    return 1;
}

/* Categories beyond this are not searched for a did-you-mean: the exact
 * lookup is a hash, the suggestion an edit distance per category. */
#define MAX_SUGGEST_CATEGORIES 2000

/* highlight: names categories of x, as they are written in the table. */
static int bind_highlight(binder *b, const tpl_chart *tc, quire_chart *c)
{
    if (!tc->n_highlight)
        return 1;
    const quire_column *x = col(c->table, c->x);
    size_t n = c->table->n_rows;
    const char **items = alloc_n(b, tc->n_highlight, sizeof *items);
    if (!items)
        return 0;
    strmap cats;
    strmap_init(&cats);
    int ok = 1;
    for (size_t r = 0; ok && x->texts && r < n; r++)
        if (x->texts[r] && strmap_put(&cats, x->texts[r], r) != 0) {
            diag_out_of_memory(b->d, b->t->path, 0, 0);
            ok = 0;
        }
    const char **names = NULL;
    if (ok && n <= MAX_SUGGEST_CATEGORIES && (names = alloc_n(b, n + 1, sizeof *names))) {
        size_t k = 0;
        for (size_t r = 0; x->texts && r < n; r++)
            if (x->texts[r])
                names[k++] = x->texts[r];
        names[k] = NULL;
    }
    int indexed = ok;   /* the categories are in cats */
    for (size_t i = 0; indexed && i < tc->n_highlight; i++) {
        const tpl_id *h = &tc->highlight[i];
        items[i] = h->id;
        if (strmap_get(&cats, h->id))
            continue;
        const char *near = names ? suggest_nearest(h->id, names) : NULL;
        if (near)
            error_at(b, h->pos, "highlight '%s' is no category of column '%s'; did you mean "
                     "'%s'?", h->id, x->id, near);
        else
            error_at(b, h->pos, "highlight '%s' is no category of column '%s'", h->id, x->id);
        ok = 0;
    }
    strmap_free(&cats);
    c->highlight = (quire_strings){items, tc->n_highlight};
    return ok;
}

/* ---- a chart's title and note: markup over the dataset's ids ---- */

static long index_of(const void *items, size_t n, size_t stride, const char *id)
{
    for (size_t i = 0; i < n; i++)
        if (id_at(items, stride, i) && !strcmp(id_at(items, stride, i), id))
            return (long)i;
    return -1;
}

/* The chart block of the template whose id: is id, or NULL. */
static const tpl_chart *chart_named(const template_src *t, const char *id)
{
    for (size_t i = 0; i < t->n_blocks; i++)
        if (t->blocks[i].kind == TPL_CHART && t->blocks[i].chart.id &&
            !strcmp(t->blocks[i].chart.id, id))
            return &t->blocks[i].chart;
    return NULL;
}

/* [text](#id): the same kinds, in the same order, as the dataset's prose,
 * then the template's charts. */
static quire_target chart_link_target(void *ctx, const char *id)
{
    const binder *b = ctx;
    const quire_dataset *ds = b->ds;
    if (index_of(ds->tables, ds->n_tables, STRIDE(ds->table_size, quire_table), id) >= 0)
        return QUIRE_TARGET_TABLE;
    if (index_of(ds->figures, ds->n_figures, STRIDE(ds->figure_size, quire_figure), id) >= 0)
        return QUIRE_TARGET_FIGURE;
    if (index_of(ds->sections, ds->n_sections, STRIDE(ds->section_size, quire_section), id) >= 0)
        return QUIRE_TARGET_SECTION;
    if (index_of(ds->images, ds->n_images, STRIDE(ds->image_size, quire_image), id) >= 0)
        return QUIRE_TARGET_IMAGE;
    if (index_of(ds->footnotes, ds->n_footnotes, STRIDE(ds->footnote_size, quire_footnote),
                 id) >= 0)
        return QUIRE_TARGET_FOOTNOTE;
    return chart_named(b->t, id) ? QUIRE_TARGET_CHART : QUIRE_TARGET_NONE;
}

/* The dataset's links to ids it does not have name charts of this template. */
static void check_chart_links(binder *b)
{
    const char *id;
    long line, col;
    for (size_t i = 0; dataset_chart_link(b->ds, i, &id, &line, &col); i++)
        if (!chart_named(b->t, id))
            diag_error(b->d, b->ds->path, line, col, "unknown link target '#%s': no table, "
                       "figure, section, image or footnote of the dataset, nor chart of "
                       "template %s, has that id", id, b->t->path);
}

/* [^id]: the footnote's number; one that only the template references
 * gets the next free number (footnote_order.c renumbers them all in the
 * order the document shows them). */
static int chart_footnote(void *ctx, const char *id)
{
    const quire_dataset *ds = ((const binder *)ctx)->ds;
    long k = index_of(ds->footnotes, ds->n_footnotes, STRIDE(ds->footnote_size, quire_footnote),
                      id);
    if (k < 0)
        return 0;
    quire_footnote *fn = (quire_footnote *)quire_footnote_at(ds, (size_t)k);
    if (fn->number == 0) {
        int top = 0;
        for (size_t i = 0; i < ds->n_footnotes; i++)
            if (quire_footnote_at(ds, i)->number > top)
                top = quire_footnote_at(ds, i)->number;
        fn->number = top + 1;
    }
    return fn->number;
}

/* Parses a chart's title or note written at `at`; 0 after reporting. */
static int chart_text(binder *b, const char *s, tpl_pos at, const char *key, quire_text *out)
{
    markup_resolver r = {chart_link_target, chart_footnote, b};
    markup_error err;
    if (markup_parse(b->a, s, strlen(s), &r, out, &err) == 0)
        return 1;
    if (strcmp(err.message, "out of memory") == 0) {
        diag_out_of_memory(b->d, b->t->path, at.line, at.col);
        return 0;
    }
    size_t chars = 0;
    for (size_t i = 0; i < err.offset; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    error_at(b, at, "%s: %s (at character %zu)", key, err.message, chars + 1);
    return 0;
}

/* The fields every chart has, whether the template wrote it or `tables:
 * all` made it: series from y, NaN axis limits, the alt text. */
static int finish_chart(binder *b, quire_chart *c, quire_series *series)
{
    if (!series) {
        series = alloc_n(b, c->n_y, sizeof *series);
        if (!series)
            return 0;
        for (size_t i = 0; i < c->n_y; i++)
            series[i].column = c->y[i];
    }
    c->series = series;
    c->n_series = c->n_y;
    c->series_size = sizeof *series;
    c->reference_size = sizeof(quire_reference);
    if (!c->alt) {
        char *alt = chart_alt_text(c, b->ds->language);
        c->alt = alt ? arena_strdup(b->a, alt) : NULL;
        free(alt);
        if (!c->alt) {
            diag_out_of_memory(b->d, b->t->path, 0, 0);
            return 0;
        }
    }
    return 1;
}

static void bind_chart(binder *b, const tpl_block *tb)
{
    const tpl_chart *tc = &tb->chart;
    const quire_dataset *ds = b->ds;
    long ti = find_id(b, &tc->table, ds->tables, ds->n_tables,
                      STRIDE(ds->table_size, quire_table), "table", dataset_name(b));
    if (ti < 0)
        return;
    const quire_table *tab = quire_table_at(ds, (size_t)ti);
    quire_chart c = {.type = tc->type, .table = tab, .stacked = tc->stacked,
                     .horizontal = tc->horizontal, .donut = tc->donut,
                     .value_labels = tc->value_labels, .id = tc->id,
                     .y_min = tc->y_min, .y_max = tc->y_max, .y_format = tc->y_format,
                     .legend = tc->legend, .height_pt = tc->height_mm * MM_TO_PT,
                     .sort = tc->sort, .percent_labels = tc->percent_labels, .alt = tc->alt,
                     .x_title = tc->x_title, .y_title = tc->y_title,
                     .alt_given = tc->alt != NULL, .title_given = tc->title != NULL,
                     .at = {b->t->path, tb->pos.line, tb->pos.col}};
    int ok = tc->title ? chart_text(b, tc->title, tc->at[CH_TITLE], "chart.title", &c.title_text)
                       : markup_plain(b->a, tab->title, &c.title_text) == 0;
    if (!tc->title && !ok)
        diag_out_of_memory(b->d, b->t->path, tb->pos.line, tb->pos.col);
    if (tc->note)
        ok = chart_text(b, tc->note, tc->at[CH_NOTE], "chart.note", &c.note) && ok;
    if (!ok)
        return;
    c.title = c.title_text.plain;
    size_t *y = NULL;
    quire_series *series = NULL;
    ok = bind_x(b, tb, tab, &c);
    if (tc->series) {
        y = alloc_n(b, tc->n_series, sizeof *y);
        series = alloc_n(b, tc->n_series, sizeof *series);
        c.n_y = tc->n_series;
        ok = y && series && bind_given_series(b, tc, tab, y, series) && ok;
    } else {
        ok = bind_default_y(b, tb, tab, &c, &y) && ok;
    }
    ok = bind_label(b, tc, tab, &c) && ok;
    if (ok)
        ok = bind_highlight(b, tc, &c);
    if (!ok)
        return;
    if (tc->n_refs) {
        quire_reference *refs = alloc_n(b, tc->n_refs, sizeof *refs);
        if (!refs)
            return;
        for (size_t i = 0; i < tc->n_refs; i++)
            refs[i] = (quire_reference){tc->refs[i].value, tc->refs[i].label,
                                        tc->refs[i].right_axis};
        c.references = refs;
        c.n_references = tc->n_refs;
    }
    c.y = y;
    if (finish_chart(b, &c, series)) {
        quire_block *q = next_block(b, QUIRE_BLOCK_CHART);
        q->chart = c;
    }
}

/* How `tables: all` charts a table, so that every chart it draws can be
 * read (issue 11): bars for at most AUTO_CHART_MAX_BARS categories; a
 * longer table with a date column as a line over time, up to
 * AUTO_CHART_MAX_POINTS rows (the workbook's charts draw as many); any
 * other table gets no chart. Returns the x column, or -1 for no chart. */
#define AUTO_CHART_MAX_BARS 40
#define AUTO_CHART_MAX_POINTS 1000
static long auto_chart(const quire_table *tab, quire_chart_type *type)
{
    long text = first_column(tab, QUIRE_TEXT), date = first_column(tab, QUIRE_DATE);
    if (tab->n_rows == 0)
        return -1;
    if (tab->n_rows <= AUTO_CHART_MAX_BARS && (text >= 0 || date >= 0)) {
        *type = QUIRE_CHART_BAR;
        return text >= 0 ? text : date;
    }
    if (date >= 0 && tab->n_rows <= AUTO_CHART_MAX_POINTS) {
        *type = QUIRE_CHART_LINE;
        return date;
    }
    return -1;
}

/* `tables: all`: the chart auto_chart() chooses of each table that has
 * one, with the numbers in the first numeric column's unit, then the
 * table. */
static void expand_tables(binder *b)
{
    for (size_t i = 0; i < b->ds->n_tables; i++) {
        const quire_table *tab = quire_table_at(b->ds, i);
        quire_chart_type type = QUIRE_CHART_BAR;
        long x = auto_chart(tab, &type);
        size_t n_y = 0;
        size_t *y = x >= 0 ? same_unit_columns(b, tab, AUTO_CHART_MAX_Y, &n_y) : NULL;
        if (y && n_y) {
            quire_chart c = {.type = type, .table = tab, .x = (size_t)x, .y = y,
                             .n_y = n_y, .title = tab->title, .y_min = NAN, .y_max = NAN,
                             .at = {b->t->path, 0, 0}};
            if (markup_plain(b->a, tab->title, &c.title_text) != 0) {
                diag_out_of_memory(b->d, b->t->path, 0, 0);
                return;
            }
            if (finish_chart(b, &c, NULL))
                next_block(b, QUIRE_BLOCK_CHART)->chart = c;
        }
        next_block(b, QUIRE_BLOCK_TABLE)->table = tab;
    }
}

/* ---- the other blocks ---- */

static void bind_figures(binder *b, const tpl_block *tb)
{
    const quire_dataset *ds = b->ds;
    size_t n = tb->all ? ds->n_figures : tb->n_ids;
    const quire_figure **list = alloc_n(b, n, sizeof *list);
    if (!list)
        return;
    size_t got = 0;
    for (size_t i = 0; i < n; i++) {
        long k = tb->all ? (long)i
                         : find_id(b, &tb->ids[i], ds->figures, ds->n_figures,
                                   STRIDE(ds->figure_size, quire_figure), "figure",
                                   dataset_name(b));
        if (k >= 0)
            list[got++] = quire_figure_at(ds, (size_t)k);
    }
    quire_block *q = next_block(b, QUIRE_BLOCK_FIGURES);
    q->figures = list;
    q->n_figures = got;
}

static void bind_section(binder *b, const tpl_block *tb)
{
    const quire_dataset *ds = b->ds;
    long k = find_id(b, &tb->ids[0], ds->sections, ds->n_sections,
                     STRIDE(ds->section_size, quire_section), "section", dataset_name(b));
    if (k >= 0)
        next_block(b, QUIRE_BLOCK_SECTION)->section = quire_section_at(ds, (size_t)k);
}

static void bind_table(binder *b, const tpl_block *tb)
{
    const quire_dataset *ds = b->ds;
    long k = find_id(b, &tb->ids[0], ds->tables, ds->n_tables,
                     STRIDE(ds->table_size, quire_table), "table", dataset_name(b));
    if (k >= 0)
        next_block(b, QUIRE_BLOCK_TABLE)->table = quire_table_at(ds, (size_t)k);
}

static void bind_image(binder *b, const tpl_block *tb)
{
    const quire_dataset *ds = b->ds;
    long k = find_id(b, &tb->ids[0], ds->images, ds->n_images,
                     STRIDE(ds->image_size, quire_image), "image", dataset_name(b));
    if (k >= 0) {
        quire_block *out = next_block(b, QUIRE_BLOCK_IMAGE);
        out->image = quire_image_at(ds, (size_t)k);
        out->image_width_pt = tb->width_mm * MM_TO_PT;
        out->image_align = tb->align;
    }
}

static void bind_block(binder *b, const tpl_block *tb)
{
    size_t before = b->n_out;
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
            next_block(b, QUIRE_BLOCK_SECTION)->section = quire_section_at(b->ds, i);
        break;
    case TPL_TABLE: bind_table(b, tb); break;
    case TPL_TABLES_ALL: expand_tables(b); break;
    case TPL_CHART: bind_chart(b, tb); break;
    case TPL_IMAGE: bind_image(b, tb); break;
    }
    for (size_t i = before; i < b->n_out; i++)
        b->out[i].at = (quire_pos){b->t->path, tb->pos.line, tb->pos.col};
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

/* ---- header and footer placeholders ---- */

/* What a placeholder may name: host->expand's fields, then params keys. */
static const char *const placeholder_fields[] = {"title", "subtitle", "period", "date",
                                                 "author", "organization", "id",
                                                 "language", "page", "pages"};
#define N_FIELDS (sizeof placeholder_fields / sizeof placeholder_fields[0])

static void check_placeholders(binder *b, const char *pattern, const char *key, tpl_pos at)
{
    if (!pattern)
        return;
    const quire_dataset *ds = b->ds;
    const char **names = alloc_n(b, N_FIELDS + ds->n_params + 1, sizeof *names);
    if (!names)
        return;
    size_t n = 0;
    for (size_t i = 0; i < N_FIELDS; i++)
        names[n++] = placeholder_fields[i];
    for (size_t i = 0; i < ds->n_params; i++)
        names[n++] = quire_param_at(ds, i)->key;
    names[n] = NULL;
    /* The same scan as expand.c: {name} with no brace inside. */
    for (const char *p = pattern; (p = strchr(p, '{'));) {
        const char *close = strchr(p + 1, '}');
        if (!close)
            break;
        const char *inner = memchr(p + 1, '{', (size_t)(close - p - 1));
        if (inner) {
            p = inner;
            continue;
        }
        char name[128];
        snprintf(name, sizeof name, "%.*s", (int)(close - p - 1), p + 1);
        if (yw_lookup(name, names) < 0) {
            const char *near = suggest_nearest(name, names);
            if (near)
                error_at(b, at, "%s placeholder '{%s}' names nothing in %s; did you mean "
                         "'{%s}'?", key, name, dataset_name(b), near);
            else
                error_at(b, at, "%s placeholder '{%s}' names nothing in %s (title, period, "
                         "date, page, pages, a top-level scalar or a params key)", key, name,
                         dataset_name(b));
        }
        p = close + 1;
    }
}

quire_template *template_bind(const template_src *t, const quire_dataset *ds, diag *d)
{
    int errors = d->errors;
    bound *bt = calloc(1, sizeof *bt);
    if (!bt) {
        diag_out_of_memory(d, t->path, 0, 0);
        return NULL;
    }
    arena_init(&bt->mem);
    quire_template *q = &bt->q;
    binder b = {.t = t, .ds = ds, .d = d, .a = &bt->mem};
    b.out = alloc_n(&b, max_blocks(t, ds), sizeof *b.out);
    if (!b.out) {
        template_free(q);
        return NULL;
    }
    q->struct_size = sizeof *q;
    q->path = t->path;
    q->name = t->name;
    bind_page(q, t);
    q->font_body = t->font_body;
    q->font_bold = t->font_bold;
    q->fonts_at = (quire_pos){t->path, t->fonts_at.line, t->fonts_at.col};
    q->palette = t->palette;
    q->n_palette = t->n_palette;
    q->header = t->header;
    q->footer = t->footer;
    check_placeholders(&b, t->header, "header", t->header_at);
    check_placeholders(&b, t->footer, "footer", t->footer_at);
    q->formats = template_formats(t);
    q->block_size = sizeof(quire_block);
    q->dir = t->dir;
    if (t->logo.given) {
        q->logo.image = &t->logo.image;
        q->logo.width_pt = t->logo.width_mm * MM_TO_PT;
        q->logo.on_cover = t->logo.on_cover;
        q->logo.on_header = t->logo.on_header;
    }
    check_chart_links(&b);
    for (size_t i = 0; i < t->n_blocks; i++)
        bind_block(&b, &t->blocks[i]);
    q->blocks = b.out;
    q->n_blocks = b.n_out;
    /* numbers in the order the document shows them, now that it is known */
    if (d->errors == errors)
        footnote_order((quire_dataset *)ds, q, &bt->mem, d);
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
    bound *bt = (bound *)(void *)q;
    arena_free(&bt->mem);
    free(bt);
}
