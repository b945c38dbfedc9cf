/*
 * charts.c — a native Excel chart for every chart block of the template,
 * placed beside its table and drawing on the table's own cells, so that
 * editing a cell redraws the chart.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

#define CHART_ROWS 18   /* rows one chart occupies, for stacking them */
/* Rows a chart draws: beyond this Excel slows to a crawl and no reader
 * can tell the bars apart; a longer table is charted from its start. */
#define CHART_MAX_ROWS 1000
#define CHART_MAX_SERIES 255   /* Excel's limit per chart */

static uint8_t chart_kind(const quire_chart *ch)
{
    switch (ch->type) {
    case QUIRE_CHART_LINE:
        return LXW_CHART_LINE;
    case QUIRE_CHART_PIE:
        return ch->donut ? LXW_CHART_DOUGHNUT : LXW_CHART_PIE;
    default:
        if (ch->horizontal)
            return ch->stacked ? LXW_CHART_BAR_STACKED : LXW_CHART_BAR;
        return ch->stacked ? LXW_CHART_COLUMN_STACKED : LXW_CHART_COLUMN;
    }
}

/* libxlsxwriter reads colour 0 as "unset": black has its own value. */
static lxw_color_t palette_color(const quire_template *t, size_t i)
{
    uint32_t rgb = t->palette[i % t->n_palette] & 0xffffff;
    return rgb ? rgb : LXW_COLOR_BLACK;
}

/* Every slice its palette colour; points are copied by libxlsxwriter. */
static quire_status color_slices(xlsx_ctx *ctx, lxw_chart_series *s, size_t n)
{
    lxw_chart_fill *fills = calloc(n, sizeof *fills);
    lxw_chart_point *points = calloc(n, sizeof *points);
    lxw_chart_point **list = calloc(n + 1, sizeof *list);
    quire_status st = QUIRE_OK;

    if (!fills || !points || !list) {
        st = xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        fills[i].color = palette_color(ctx->tmpl, i);
        points[i].fill = &fills[i];
        list[i] = &points[i];
    }
    lxw_error e = chart_series_set_points(s, list);
    if (e)
        st = xlsx_fail(ctx, e, "chart colours");
cleanup:
    free(fills);
    free(points);
    free(list);
    return st;
}

static void color_series(xlsx_ctx *ctx, const quire_chart *ch, lxw_chart_series *s, size_t i)
{
    if (!ctx->tmpl->n_palette)
        return;
    lxw_chart_fill fill = {.color = palette_color(ctx->tmpl, i)};
    lxw_chart_line line = {.color = fill.color, .width = 2.25};
    if (ch->type == QUIRE_CHART_LINE) {
        chart_series_set_line(s, &line);
        chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
        chart_series_set_marker_fill(s, &fill);
        chart_series_set_marker_line(s, &line);
    } else {
        chart_series_set_fill(s, &fill);
    }
}

static size_t chart_rows(const xlsx_placement *pl)
{
    size_t rows = pl->rows ? pl->rows : 1;
    return rows < CHART_MAX_ROWS ? rows : CHART_MAX_ROWS;
}

static quire_status add_series(xlsx_ctx *ctx, lxw_chart *chart, const quire_chart *ch,
                               const xlsx_placement *pl)
{
    size_t rows = chart_rows(pl);
    lxw_row_t last = (lxw_row_t)rows;
    size_t n_y = ch->type == QUIRE_CHART_PIE ? 1 : ch->n_y;

    if (n_y > CHART_MAX_SERIES)
        n_y = CHART_MAX_SERIES;

    for (size_t i = 0; i < n_y; i++) {
        lxw_col_t y = (lxw_col_t)ch->y[i];
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        if (!s)
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        chart_series_set_categories(s, pl->sheet, 1, (lxw_col_t)ch->x, last, (lxw_col_t)ch->x);
        /* In constant_memory mode libxlsxwriter cannot read the cells back
         * to see that the categories are text, and would write them as a
         * number reference: say so ourselves. */
        if (ctx->constant_memory && ch->table->columns[ch->x].type == QUIRE_TEXT)
            s->categories->has_string_cache = LXW_TRUE;
        chart_series_set_values(s, pl->sheet, 1, y, last, y);
        chart_series_set_name_range(s, pl->sheet, 0, y);
        if (ch->value_labels)
            chart_series_set_labels(s);
        if (ch->type == QUIRE_CHART_LINE && !ctx->tmpl->n_palette)
            chart_series_set_marker_type(s, LXW_CHART_MARKER_AUTOMATIC);
        if (ch->type == QUIRE_CHART_PIE && ctx->tmpl->n_palette) {
            quire_status st = color_slices(ctx, s, rows);
            if (st)
                return st;
        } else {
            color_series(ctx, ch, s, i);
        }
    }
    return QUIRE_OK;
}

/* The value axis is titled with the series' unit when they share one. */
static const char *value_axis_title(const quire_chart *ch)
{
    const quire_column *cols = ch->table->columns;
    const quire_column *first = &cols[ch->y[0]];
    const char *unit = first->type == QUIRE_PERCENT ? "%" : first->unit_label;

    if (ch->n_y == 1)
        return unit ? unit : first->label;
    for (size_t i = 1; i < ch->n_y; i++) {
        const quire_column *c = &cols[ch->y[i]];
        const char *u = c->type == QUIRE_PERCENT ? "%" : c->unit_label;
        if (!unit || !u || strcmp(unit, u) != 0)
            return NULL;
    }
    return unit;
}

/* Excel's x axis is the horizontal one: in a bar chart, the values. */
static lxw_chart_axis *category_axis(lxw_chart *chart, const quire_chart *ch)
{
    return ch->type == QUIRE_CHART_BAR && ch->horizontal ? chart->y_axis : chart->x_axis;
}

static lxw_chart_axis *value_axis(lxw_chart *chart, const quire_chart *ch)
{
    return ch->type == QUIRE_CHART_BAR && ch->horizontal ? chart->x_axis : chart->y_axis;
}

static int all_percent(const quire_chart *ch)
{
    for (size_t i = 0; i < ch->n_y; i++)
        if (ch->table->columns[ch->y[i]].type != QUIRE_PERCENT)
            return 0;
    return 1;
}

static quire_status set_titles(xlsx_ctx *ctx, lxw_chart *chart, const quire_chart *ch)
{
    const char *parts[3] = {ch->title ? ch->title : ch->table->title,
                            ch->table->columns[ch->x].label, value_axis_title(ch)};
    char *copy[3] = {0};

    /* Each cleaned string is copied: the cleaner reuses one buffer. */
    for (int i = 0; i < 3; i++) {
        const char *c = parts[i] ? xlsx_clean_text(ctx, parts[i]) : NULL;
        if (parts[i] && (!c || !(copy[i] = strdup(c)))) {
            for (int j = 0; j < i; j++)
                free(copy[j]);
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        }
    }
    if (copy[0])
        chart_title_set_name(chart, copy[0]);
    if (ch->type != QUIRE_CHART_PIE) {
        if (copy[1])
            chart_axis_set_name(category_axis(chart, ch), copy[1]);
        if (copy[2])
            chart_axis_set_name(value_axis(chart, ch), copy[2]);
    }
    for (int i = 0; i < 3; i++)
        free(copy[i]);
    return QUIRE_OK;
}

/* Horizontal bars read top-down in table order, value axis at the bottom. */
static void style_axes(lxw_chart *chart, const quire_chart *ch)
{
    if (ch->type == QUIRE_CHART_PIE) {
        chart_legend_set_position(chart, LXW_CHART_LEGEND_RIGHT);
        return;
    }
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    if (ch->type == QUIRE_CHART_BAR && ch->horizontal) {
        chart_axis_set_reverse(category_axis(chart, ch));
        chart_axis_set_crossing_max(category_axis(chart, ch));
    }
    /* Percent columns hold fractions: the axis shows them as percent. */
    if (all_percent(ch))
        chart_axis_set_num_format(value_axis(chart, ch), "0%");
}

/* The chart's table, checked: the view's pointers index dataset tables. */
static xlsx_placement *placement(xlsx_ctx *ctx, const quire_chart *ch)
{
    for (size_t t = 0; t < ctx->ds->n_tables; t++)
        if (&ctx->ds->tables[t] == ch->table ||
            (ch->table && strcmp(ctx->ds->tables[t].id, ch->table->id) == 0))
            return ctx->placed[t].ws ? &ctx->placed[t] : NULL;
    return NULL;
}

static int chart_usable(const quire_chart *ch)
{
    if (!ch->table || !ch->n_y || ch->x >= ch->table->n_columns)
        return 0;
    for (size_t i = 0; i < ch->n_y; i++)
        if (ch->y[i] >= ch->table->n_columns || ch->table->columns[ch->y[i]].type == QUIRE_TEXT)
            return 0;
    return 1;
}

static void warn(xlsx_ctx *ctx, const char *code, const char *fmt, ...) QUIRE_PRINTF(3, 4);
static void warn(xlsx_ctx *ctx, const char *code, const char *fmt, ...)
{
    const quire_host *h = ctx->job->host;
    char msg[512];
    va_list ap;

    if (!h || !h->diag)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    h->diag(ctx->job, QUIRE_WARNING, code, "%s", msg);
}

/* Beside the table, one under the other; never past Excel's last column. */
static lxw_error place(xlsx_placement *pl, const quire_chart *ch, lxw_chart *chart)
{
    size_t col = ch->table->n_columns + 1;
    if (col > LXW_COL_MAX - 16)
        col = LXW_COL_MAX - 16;
    lxw_row_t row = (lxw_row_t)(1 + pl->n_charts++ * CHART_ROWS);
    return worksheet_insert_chart(pl->ws, row, (lxw_col_t)col, chart);
}

static quire_status one_chart(xlsx_ctx *ctx, const quire_chart *ch)
{
    xlsx_placement *pl = placement(ctx, ch);
    if (!pl || !chart_usable(ch)) {
        warn(ctx, "xlsx-chart", "chart '%s' left out: its table or columns cannot be charted",
             ch->title ? ch->title : "(untitled)");
        return QUIRE_OK;
    }
    lxw_chart *chart = workbook_add_chart(ctx->wb, chart_kind(ch));
    if (!chart)
        return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "cannot add chart");
    if (ch->type != QUIRE_CHART_PIE && ch->n_y > CHART_MAX_SERIES)
        warn(ctx, "xlsx-chart-series", "chart '%s' draws the first %d of %zu series",
             ch->title ? ch->title : ch->table->title, CHART_MAX_SERIES, ch->n_y);
    if (ch->table->n_rows > CHART_MAX_ROWS)
        warn(ctx, "xlsx-chart-rows", "chart '%s' draws the first %d of %zu rows",
             ch->title ? ch->title : ch->table->title, CHART_MAX_ROWS, ch->table->n_rows);
    quire_status st = add_series(ctx, chart, ch, pl);
    if (!st)
        st = set_titles(ctx, chart, ch);
    if (st)
        return st;
    style_axes(chart, ch);
    lxw_error e = place(pl, ch, chart);
    return e ? xlsx_fail(ctx, e, "chart") : QUIRE_OK;
}

quire_status xlsx_charts(xlsx_ctx *ctx)
{
    quire_status st = QUIRE_OK;

    for (size_t b = 0; !st && b < ctx->tmpl->n_blocks; b++)
        if (ctx->tmpl->blocks[b].kind == QUIRE_BLOCK_CHART)
            st = one_chart(ctx, &ctx->tmpl->blocks[b].chart);
    return st;
}
