/*
 * charts.c — a native Excel chart for every chart block of the template,
 * placed beside its table and drawing on the table's own cells, so that
 * editing a cell redraws the chart. Every chart option means what it
 * means in the PDF (SPEC "Version 2", Template › Charts).
 *
 * libxlsxwriter 1.1.4 (Debian 12) writes one chart type per chart and has
 * no secondary axis and no date axis. A combined chart is therefore built
 * as one chart holding every series (so libxlsxwriter fills their caches
 * from the sheet), and combo.c splits it when the chart's XML is written:
 * the series drawn as lines or on the right axis move into further chart
 * groups of the same plot area, with a secondary value axis, reference
 * lines as literal series, and the category axis turned into a date axis.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "palette.h"
#include "datefmt.h"
#include "xlsx.h"
#include "xlsx_combo.h"

#define CHART_ROWS 18   /* rows one chart of the default height occupies */
#define CHART_ROW_PX 20.0
#define CHART_DEFAULT_PX 288.0   /* libxlsxwriter's chart height */
/* Rows a chart draws: beyond this Excel slows to a crawl and no reader
 * can tell the bars apart; a longer table is charted from its start. */
#define CHART_MAX_ROWS 1000
#define CHART_MAX_SERIES 255   /* Excel's limit per chart */

static const quire_column *column(const quire_chart *ch, size_t i)
{
    return quire_column_at(ch->table, i);
}

static int series_line(const quire_chart *ch, size_t s)
{
    if (ch->type == QUIRE_CHART_LINE)
        return 1;
    return ch->type == QUIRE_CHART_BAR && ch->series && ch->n_series == ch->n_y &&
           quire_series_at(ch, s)->as_line;
}

static int series_right(const quire_chart *ch, size_t s)
{
    return (ch->type == QUIRE_CHART_BAR || ch->type == QUIRE_CHART_LINE ||
            ch->type == QUIRE_CHART_AREA) &&
           ch->series && ch->n_series == ch->n_y && quire_series_at(ch, s)->right_axis;
}

static int has_right(const quire_chart *ch)
{
    for (size_t s = 0; s < ch->n_y; s++)
        if (series_right(ch, s))
            return 1;
    return 0;
}

static int has_lines(const quire_chart *ch)
{
    for (size_t s = 0; s < ch->n_y; s++)
        if (ch->type == QUIRE_CHART_BAR && series_line(ch, s))
            return 1;
    return 0;
}

/* Bars go sideways only when nothing else shares the plot (as in the PDF). */
static int horizontal(const quire_chart *ch)
{
    return ch->type == QUIRE_CHART_BAR && ch->horizontal && !has_right(ch) && !has_lines(ch) &&
           ch->n_references == 0;
}

/* The template's sort: applies to every chart but scatter and time charts. */
static int sorted(const quire_chart *ch)
{
    int time = column(ch, ch->x)->type == QUIRE_DATE &&
               (ch->type == QUIRE_CHART_LINE || ch->type == QUIRE_CHART_AREA);
    return ch->sort != QUIRE_SORT_NONE && ch->type != QUIRE_CHART_SCATTER && !time;
}

/* A date x on a line, area or bar chart: Excel's date axis. */
static int date_axis(const quire_chart *ch)
{
    /* a quarter format's cells are text ("2025 Q1"): a category axis */
    return column(ch, ch->x)->type == QUIRE_DATE && ch->type != QUIRE_CHART_PIE &&
           ch->type != QUIRE_CHART_SCATTER && !horizontal(ch) && !sorted(ch) &&
           !datefmt_has_quarter(column(ch, ch->x)->format);
}

/* Sorting rows by the first series, missing values last, ties in row order
 * (as the PDF sorts them). */
typedef struct sort_key {
    double key;
    size_t row;
} sort_key;

static int sort_cmp(const void *a, const void *b)
{
    const sort_key *x = a, *y = b;
    int xn = isnan(x->key), yn = isnan(y->key);
    if (xn != yn)
        return xn - yn;
    if (!xn && x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* Row order the chart shows (NULL: the sheet's); n rows. */
static size_t *chart_order(const quire_chart *ch, size_t n)
{
    if (!sorted(ch) || n == 0)
        return NULL;
    sort_key *keys = malloc(n * sizeof *keys);
    size_t *order = malloc(n * sizeof *order);
    if (!keys || !order) {
        free(keys);
        free(order);
        return NULL;
    }
    const double *v = column(ch, ch->y[0])->numbers;
    double sign = ch->sort == QUIRE_SORT_DESC ? -1 : 1;
    for (size_t r = 0; r < n; r++)
        keys[r] = (sort_key){v[r] * sign, r};
    qsort(keys, n, sizeof *keys, sort_cmp);
    for (size_t r = 0; r < n; r++)
        order[r] = keys[r].row;
    free(keys);
    return order;
}

static uint8_t chart_kind(const quire_chart *ch)
{
    switch (ch->type) {
    case QUIRE_CHART_LINE:
        return LXW_CHART_LINE;
    case QUIRE_CHART_PIE:
        return ch->donut ? LXW_CHART_DOUGHNUT : LXW_CHART_PIE;
    case QUIRE_CHART_AREA:
        return ch->stacked ? LXW_CHART_AREA_STACKED : LXW_CHART_AREA;
    case QUIRE_CHART_SCATTER:
        return LXW_CHART_SCATTER;
    default:
        if (horizontal(ch))
            return ch->stacked ? LXW_CHART_BAR_STACKED : LXW_CHART_BAR;
        return ch->stacked ? LXW_CHART_COLUMN_STACKED : LXW_CHART_COLUMN;
    }
}

/* Palette colour i as the PDF's chart layout picks it (chart_color():
 * each time round the palette lighter). libxlsxwriter reads colour 0 as
 * "unset": black has its own value. */
static lxw_color_t series_color(const quire_template *t, size_t i)
{
    uint32_t rgb = palette_color_rounds(t->palette, t->n_palette, i);
    return rgb ? rgb : LXW_COLOR_BLACK;
}

static int highlighted(const quire_chart *ch, size_t row)
{
    const quire_column *x = column(ch, ch->x);
    const char *cat = x->texts ? x->texts[row] : NULL;
    for (size_t k = 0; cat && k < ch->highlight.count; k++)
        if (ch->highlight.items[k] && strcmp(ch->highlight.items[k], cat) == 0)
            return 1;
    return 0;
}

/* Per-point fills: every slice its palette colour (pies), or the
 * highlight's colours (bars). Points are copied by libxlsxwriter. */
static quire_status color_points(xlsx_ctx *ctx, const quire_chart *ch, lxw_chart_series *s,
                                 size_t series, size_t n, const size_t *order)
{
    lxw_chart_fill *fills = calloc(n + 1, sizeof *fills);
    lxw_chart_point *points = calloc(n + 1, sizeof *points);
    lxw_chart_point **list = calloc(n + 1, sizeof *list);
    quire_status st = QUIRE_OK;

    if (!fills || !points || !list) {
        st = xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        goto cleanup;
    }
    for (size_t i = 0; i < n; i++) {
        if (ch->type == QUIRE_CHART_PIE)
            fills[i].color = !ch->highlight.count || highlighted(ch, order ? order[i] : i)
                                 ? series_color(ctx->tmpl, i) : palette_muted(series_color(ctx->tmpl, i));
        else
            fills[i].color = highlighted(ch, order ? order[i] : i) ? series_color(ctx->tmpl, series)
                                                : palette_muted(series_color(ctx->tmpl, series));
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
    lxw_chart_fill fill = {.color = series_color(ctx->tmpl, i)};
    lxw_chart_line line = {.color = fill.color, .width = 2.25};
    if (ch->type == QUIRE_CHART_SCATTER) {
        chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
        chart_series_set_marker_fill(s, &fill);
        chart_series_set_marker_line(s, &(lxw_chart_line){.color = LXW_COLOR_WHITE, .width = 0.5});
    } else if (series_line(ch, i)) {
        chart_series_set_line(s, &line);
        chart_series_set_marker_type(s, LXW_CHART_MARKER_CIRCLE);
        chart_series_set_marker_fill(s, &fill);
        chart_series_set_marker_line(s, &line);
    } else {
        chart_series_set_fill(s, &fill);
        if (ch->type == QUIRE_CHART_AREA)
            chart_series_set_line(s, &line);
    }
}

static size_t chart_rows(const xlsx_placement *pl)
{
    size_t rows = pl->rows ? pl->rows : 1;
    return rows < CHART_MAX_ROWS ? rows : CHART_MAX_ROWS;
}

/* The series' name as the PDF's legend gives it: its label, its unit when
 * its axis has none of its own, and "right axis" for the secondary axis. */
static const char *value_axis_title(const quire_chart *ch, int right);
static const char *axis_unit(const quire_chart *ch, int right);

static quire_status name_series(xlsx_ctx *ctx, const quire_chart *ch, lxw_chart_series *s,
                                size_t i, const xlsx_placement *pl)
{
    const quire_column *c = column(ch, ch->y[i]);
    int right = series_right(ch, i);
    const char *unit = axis_unit(ch, right) ? NULL : c->type == QUIRE_PERCENT ? "%"
                       : c->unit_label ? c->unit_label : c->type == QUIRE_CURRENCY ? c->currency : NULL;
    const char *side = right ? (ctx->lang == XLSX_KO ? "오른쪽 축" : "right axis") : NULL;
    char name[600];
    (void)pl;
    if (unit && side)
        snprintf(name, sizeof name, "%s (%s, %s)", c->label, unit, side);
    else if (unit || side)
        snprintf(name, sizeof name, "%s (%s)", c->label, unit ? unit : side);
    else
        snprintf(name, sizeof name, "%s", c->label);
    const char *clean = xlsx_clean_text(ctx, name);
    if (!clean)
        return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
    chart_series_set_name(s, clean);   /* copied */
    return QUIRE_OK;
}

/* Excel sets every value label, overlapping on a dense chart: keep every
 * k-th, k as many points as one label is wide, so that none collide (the
 * PDF thins by collision; both thin, neither overlaps). */
#define CHART_PLOT_PX 380.0     /* plot width of a default-size chart */
#define CHART_DIGIT_PX 7.0
static void thin_labels(const quire_chart *ch, lxw_chart_series *s, size_t i, size_t n)
{
    const quire_column *c = column(ch, ch->y[i]);
    size_t widest = 0, per_band = 1;
    for (size_t r = 0; r < n && r < ch->table->n_rows; r++) {
        char buf[64];
        int len = snprintf(buf, sizeof buf, "%.*f%s", c->decimals ? c->decimals[r] : 0,
                           c->numbers[r], c->type == QUIRE_PERCENT ? "%" : "");
        if (len > 0 && (size_t)len > widest)
            widest = (size_t)len;
    }
    if (ch->type == QUIRE_CHART_BAR && !ch->stacked && !series_line(ch, i))
        for (size_t k = 0; k < ch->n_y; k++)
            per_band += k != i && !series_line(ch, k);
    if (ch->type == QUIRE_CHART_BAR && horizontal(ch))
        return;     /* one label per bar row, each on its own line */
    double slot = CHART_PLOT_PX / (double)(n ? n : 1) / (double)per_band;
    double need = (double)(widest + 1) * CHART_DIGIT_PX;
    if (need <= slot || n < 2)
        return;
    size_t every = (size_t)ceil(need / slot);
    lxw_chart_data_label *labels = calloc(n, sizeof *labels);
    lxw_chart_data_label **list = calloc(n + 1, sizeof *list);
    if (labels && list) {
        for (size_t r = 0; r < n; r++) {
            labels[r].hide = r % every != 0;
            list[r] = &labels[r];
        }
        chart_series_set_labels_custom(s, list);
    }
    free(labels);
    free(list);
}

/* Which points of a scatter series keep their names: each name right of
 * its point, at the chart's default size, kept when it covers no marker
 * and no name kept before (Excel would draw them over each other; the
 * PDF places them by the same rule, trying four sides). NULL: keep all. */
#define CHART_PLOT_H_PX 200.0
static unsigned char *scatter_names_fit(const quire_chart *ch, size_t s, size_t n)
{
    const double *x = column(ch, ch->x)->numbers, *y = column(ch, ch->y[s])->numbers;
    const char *const *names = column(ch, ch->label)->texts;
    double x0 = INFINITY, x1 = -INFINITY, y0 = INFINITY, y1 = -INFINITY;
    if (n > ch->table->n_rows)
        n = ch->table->n_rows;
    unsigned char *keep = calloc(n + 1, 1);
    double (*box)[4] = calloc(2 * n + 1, sizeof *box);
    size_t nb = 0;
    if (!keep || !box) {
        free(keep);
        free(box);
        return NULL;
    }
    for (size_t r = 0; r < n; r++)
        if (!isnan(x[r]) && !isnan(y[r]))
            x0 = fmin(x0, x[r]), x1 = fmax(x1, x[r]), y0 = fmin(y0, y[r]), y1 = fmax(y1, y[r]);
    double sx = x1 > x0 ? CHART_PLOT_PX / (x1 - x0) : 0, sy = y1 > y0 ? CHART_PLOT_H_PX / (y1 - y0) : 0;
    for (size_t r = 0; r < n; r++)          /* the markers */
        if (!isnan(x[r]) && !isnan(y[r])) {
            double px = (x[r] - x0) * sx, py = (y[r] - y0) * sy;
            box[nb][0] = px - 4, box[nb][1] = py - 4, box[nb][2] = px + 4, box[nb][3] = py + 4;
            nb++;
        }
    for (size_t r = 0; r < n; r++) {
        if (isnan(x[r]) || isnan(y[r]) || !names[r])
            continue;
        double px = (x[r] - x0) * sx, py = (y[r] - y0) * sy, w = xlsx_text_width(names[r]) * CHART_DIGIT_PX;
        double b[4] = {px + 5, py - 7, px + 5 + w, py + 7};
        int free_spot = 1;
        for (size_t k = 0; k < nb && free_spot; k++)
            free_spot = b[2] <= box[k][0] || box[k][2] <= b[0] || b[3] <= box[k][1] || box[k][3] <= b[1];
        if (free_spot) {
            keep[r] = 1;
            memcpy(box[nb++], b, sizeof b);
        }
    }
    free(box);
    return keep;
}

static void label_series(const quire_chart *ch, lxw_chart_series *s, size_t i, const xlsx_placement *pl)
{
    if (ch->type == QUIRE_CHART_PIE && ch->percent_labels) {
        chart_series_set_labels_options(s, LXW_FALSE, LXW_FALSE, LXW_FALSE);
        chart_series_set_labels_percentage(s);
        return;
    }
    if (ch->type == QUIRE_CHART_SCATTER && ch->has_label) {
        /* each point named by its row's cell of the label column */
        size_t n = chart_rows(pl);
        lxw_chart_data_label *labels = calloc(n, sizeof *labels);
        lxw_chart_data_label **list = calloc(n + 1, sizeof *list);
        char (*refs)[LXW_MAX_SHEETNAME_LENGTH + 32] = calloc(n, sizeof *refs);
        if (labels && list && refs) {
            char col[8];
            lxw_col_to_name(col, (lxw_col_t)ch->label, LXW_TRUE);
            unsigned char *keep = scatter_names_fit(ch, i, n);
            for (size_t r = 0; r < n; r++) {
                snprintf(refs[r], sizeof refs[r], "='%s'!%s%zu", pl->sheet, col,
                         r + XLSX_TABLE_TOP + 2);
                labels[r].value = refs[r];
                labels[r].hide = keep && !keep[r];
                list[r] = &labels[r];
            }
            free(keep);
            chart_series_set_labels_custom(s, list);
            chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_RIGHT);
        }
        free(labels);
        free(list);
        free(refs);
        return;
    }
    if (!ch->value_labels)
        return;
    chart_series_set_labels(s);
    thin_labels(ch, s, i, chart_rows(pl));
    if (ch->type == QUIRE_CHART_BAR && !series_line(ch, i) && !ch->stacked)
        /* beyond the bar's end: on the negative side for a negative bar */
        chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_OUTSIDE_END);
    else if (series_line(ch, i) || ch->type == QUIRE_CHART_SCATTER)
        chart_series_set_labels_position(s, LXW_CHART_LABEL_POSITION_ABOVE);
}

static quire_status add_series(xlsx_ctx *ctx, lxw_chart *chart, const quire_chart *ch,
                               const xlsx_placement *pl, xlsx_combo *combo, const size_t *order)
{
    size_t rows = chart_rows(pl);
    /* the data under the header, which sits under the title rows */
    const lxw_row_t first = XLSX_TABLE_TOP + 1;
    lxw_row_t last = (lxw_row_t)(XLSX_TABLE_TOP + rows);
    size_t n_y = ch->type == QUIRE_CHART_PIE ? 1 : ch->n_y;

    if (n_y > CHART_MAX_SERIES)
        n_y = CHART_MAX_SERIES;

    for (size_t i = 0; i < n_y; i++) {
        lxw_col_t y = (lxw_col_t)ch->y[i];
        lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
        if (!s)
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        chart_series_set_categories(s, pl->sheet, first, (lxw_col_t)ch->x, last,
                                    (lxw_col_t)ch->x);
        /* In constant_memory mode libxlsxwriter cannot read the cells back
         * to see that the categories are text, and would write them as a
         * number reference: say so ourselves. */
        if (ctx->constant_memory && column(ch, ch->x)->type == QUIRE_TEXT)
            s->categories->has_string_cache = LXW_TRUE;
        chart_series_set_values(s, pl->sheet, first, y, last, y);
        quire_status st = name_series(ctx, ch, s, i, pl);
        if (st)
            return st;
        label_series(ch, s, i, pl);
        if ((ch->type == QUIRE_CHART_PIE && (ctx->tmpl->n_palette || ch->highlight.count)) ||
            (ch->type == QUIRE_CHART_BAR && ch->highlight.count && !series_line(ch, i))) {
            if ((st = color_points(ctx, ch, s, i, rows, order)))
                return st;
        }
        if (ch->type != QUIRE_CHART_PIE)
            color_series(ctx, ch, s, i);
        if (combo && xlsx_combo_series(combo, s))
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        if (combo && (series_right(ch, i) || (ch->type == QUIRE_CHART_BAR && series_line(ch, i))) &&
            xlsx_combo_move(combo, s, series_right(ch, i), series_line(ch, i)))
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
    }
    return QUIRE_OK;
}

static const char *unit_of(const quire_column *c)
{
    return c->type == QUIRE_PERCENT ? "%" : c->unit_label;
}

/* The unit all series of an axis share, or NULL (as chart_axis_unit()). */
static const char *axis_unit(const quire_chart *ch, int right)
{
    const char *unit = NULL;
    int any = 0;
    for (size_t i = 0; i < ch->n_y; i++) {
        if (series_right(ch, i) != right)
            continue;
        const quire_column *c = column(ch, ch->y[i]);
        const char *u = c->unit_label && *c->unit_label ? c->unit_label
                        : c->type == QUIRE_PERCENT ? "%"
                        : c->type == QUIRE_CURRENCY ? c->currency : NULL;
        if (!u || (any && strcmp(unit, u) != 0))
            return NULL;
        unit = u, any = 1;
    }
    return unit;
}

/* A value axis is titled with its series' unit when they share one. */
static const char *value_axis_title(const quire_chart *ch, int right)
{
    const char *unit = NULL;
    size_t n = 0, first = 0;
    for (size_t i = 0; i < ch->n_y; i++) {
        if (series_right(ch, i) != right)
            continue;
        const char *u = unit_of(column(ch, ch->y[i]));
        if (n == 0)
            unit = u, first = i;
        else if (!unit || !u || strcmp(unit, u) != 0)
            return NULL;
        n++;
    }
    if (n == 1 && !unit)
        return column(ch, ch->y[first])->label;
    return unit;
}

/* Excel's x axis is the horizontal one: in a bar chart, the values. */
static lxw_chart_axis *category_axis(lxw_chart *chart, const quire_chart *ch)
{
    return horizontal(ch) ? chart->y_axis : chart->x_axis;
}

static lxw_chart_axis *value_axis(lxw_chart *chart, const quire_chart *ch)
{
    return horizontal(ch) ? chart->x_axis : chart->y_axis;
}

static int all_percent(const quire_chart *ch, int right)
{
    int any = 0;
    for (size_t i = 0; i < ch->n_y; i++) {
        if (series_right(ch, i) != right)
            continue;
        if (column(ch, ch->y[i])->type != QUIRE_PERCENT)
            return 0;
        any = 1;
    }
    return any;
}

/* 1 when the block after this chart's is the table it draws: the chart
 * then does not repeat the table's title (as in the PDF). */
static int table_follows(const xlsx_ctx *ctx, const quire_chart *ch)
{
    const quire_template *tp = ctx->tmpl;
    for (size_t i = 0; i + 1 < tp->n_blocks; i++)
        if (&quire_block_at(tp, i)->chart == ch) {
            const quire_block *next = quire_block_at(tp, i + 1);
            return next->kind == QUIRE_BLOCK_TABLE && next->table == ch->table;
        }
    return 0;
}

static const char *chart_title(const xlsx_ctx *ctx, const quire_chart *ch)
{
    const char *t = ch->title ? ch->title : ch->table->title;
    if (table_follows(ctx, ch) && !ch->title_given &&
        (!ch->title || !ch->table->title || strcmp(ch->title, ch->table->title) == 0))
        return NULL;
    return t;
}

static quire_status set_titles(xlsx_ctx *ctx, lxw_chart *chart, const quire_chart *ch)
{
    /* the template's x_title and y_title over the column's label and the
     * series' unit; y_title carries the axis' unit, as in the PDF:
     * "Revenue growth (%)" */
    char y_named[600];
    const char *unit = axis_unit(ch, 0);
    if (ch->y_title && *ch->y_title && unit)
        snprintf(y_named, sizeof y_named, "%s (%s)", ch->y_title, unit);
    const char *parts[3] = {chart_title(ctx, ch),
                            ch->x_title && *ch->x_title ? ch->x_title : column(ch, ch->x)->label,
                            !ch->y_title || !*ch->y_title ? value_axis_title(ch, 0)
                            : unit                        ? y_named
                                                          : ch->y_title};
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
    else
        chart_title_off(chart);
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

/* AUTO: a legend when there are series to tell apart; top, as in the PDF. */
static void set_legend(lxw_chart *chart, const quire_chart *ch, xlsx_combo *combo)
{
    static const uint8_t where[] = {
        [QUIRE_LEGEND_TOP] = LXW_CHART_LEGEND_TOP, [QUIRE_LEGEND_BOTTOM] = LXW_CHART_LEGEND_BOTTOM,
        [QUIRE_LEGEND_RIGHT] = LXW_CHART_LEGEND_RIGHT, [QUIRE_LEGEND_NONE] = LXW_CHART_LEGEND_NONE};
    quire_legend l = ch->legend;

    if (ch->type == QUIRE_CHART_PIE) {
        chart_legend_set_position(chart, l == QUIRE_LEGEND_NONE ? LXW_CHART_LEGEND_NONE
                                         : l == QUIRE_LEGEND_AUTO ? LXW_CHART_LEGEND_RIGHT
                                                                  : where[l]);
        return;
    }
    if (l == QUIRE_LEGEND_AUTO)
        l = ch->n_y > 1 ? QUIRE_LEGEND_TOP : QUIRE_LEGEND_NONE;
    chart_legend_set_position(chart, where[l]);
    /* reference lines are series to Excel, but not legend entries */
    if (combo && l != QUIRE_LEGEND_NONE)
        xlsx_combo_hide_references(combo, chart);
}

/* A value in the axis' units: percent columns hold fractions in Excel. */
static double axis_value(const quire_chart *ch, int right, double v)
{
    return all_percent(ch, right) ? v / 100 : v;
}

static void style_axes(lxw_chart *chart, const quire_chart *ch)
{
    if (ch->type == QUIRE_CHART_PIE)
        return;
    if (horizontal(ch)) {
        /* horizontal bars read top-down in table order, value axis at the bottom */
        chart_axis_set_reverse(category_axis(chart, ch));
        chart_axis_set_crossing_max(category_axis(chart, ch));
    }
    lxw_chart_axis *va = value_axis(chart, ch);
    /* Percent columns hold fractions: the axis shows them as percent. */
    if (ch->y_format)
        chart_axis_set_num_format(va, ch->y_format);
    else if (all_percent(ch, 0))
        chart_axis_set_num_format(va, "0%");
    double lo = ch->y_min, hi = ch->y_max;
    if (isnan(lo) || isnan(hi) || lo < hi) {    /* a pair that is no range: not given */
        if (isfinite(lo))
            chart_axis_set_min(va, axis_value(ch, 0, lo));
        if (isfinite(hi))
            chart_axis_set_max(va, axis_value(ch, 0, hi));
    }
    if (ch->type == QUIRE_CHART_SCATTER && column(ch, ch->x)->type == QUIRE_DATE)
        chart_axis_set_num_format(chart->x_axis, "yyyy-mm");
    else if (ch->type == QUIRE_CHART_SCATTER && column(ch, ch->x)->type == QUIRE_PERCENT)
        chart_axis_set_num_format(chart->x_axis, "0%");
}

/* The chart's table, checked: the view's pointers index dataset tables. */
static xlsx_placement *placement(xlsx_ctx *ctx, const quire_chart *ch)
{
    for (size_t t = 0; t < ctx->ds->n_tables; t++)
        if (quire_table_at(ctx->ds, t) == ch->table ||
            (ch->table && strcmp(quire_table_at(ctx->ds, t)->id, ch->table->id) == 0))
            return ctx->placed[t].ws ? &ctx->placed[t] : NULL;
    return NULL;
}

static int chart_usable(const quire_chart *ch)
{
    if (!ch->table || !ch->n_y || ch->x >= ch->table->n_columns)
        return 0;
    for (size_t i = 0; i < ch->n_y; i++)
        if (ch->y[i] >= ch->table->n_columns || !column(ch, ch->y[i])->numbers ||
            column(ch, ch->y[i])->type == QUIRE_TEXT || column(ch, ch->y[i])->type == QUIRE_DATE)
            return 0;
    if (ch->type == QUIRE_CHART_SCATTER && !column(ch, ch->x)->numbers)
        return 0;
    if (ch->has_label && (ch->label >= ch->table->n_columns || !column(ch, ch->label)->texts))
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

/* Rows the chart covers at its height. */
static size_t chart_span(const quire_chart *ch)
{
    double px = ch->height_pt > 0 ? ch->height_pt * 96 / 72 : CHART_DEFAULT_PX;
    return (size_t)ceil(px / CHART_ROW_PX) + 3;
}

/* The rows of the notes under a table (source, description, part note,
 * written by table_sheet.c): the chart must not lie over their text,
 * which runs on to the right of column A. */
static void note_rows(const xlsx_ctx *ctx, const quire_table *tab, const xlsx_placement *pl,
                      size_t *first, size_t *last)
{
    size_t n = (tab->sources.count > 0) + (tab->description != NULL) +
               (pl->rows < tab->n_rows);
    *first = XLSX_TABLE_TOP + 1 + (pl->rows ? pl->rows : 1) + 1;
    *last = n ? *first + n - 1 : 0;
    (void)ctx;
}

/* Beside the table, one under the other, clear of the notes under the
 * table; never past Excel's last column. */
static lxw_error place(xlsx_ctx *ctx, xlsx_placement *pl, const quire_chart *ch, lxw_chart *chart)
{
    size_t col = ch->table->n_columns + 1, first, last, span = chart_span(ch);
    if (col > LXW_COL_MAX - 16)
        col = LXW_COL_MAX - 16;
    size_t row = pl->next_row ? pl->next_row : 1;
    note_rows(ctx, ch->table, pl, &first, &last);
    if (last && row <= last && row + span > first)
        row = last + 2;
    pl->next_row = row + span;
    pl->n_charts++;
    lxw_chart_options o = {.x_scale = 1, .y_scale = ch->height_pt > 0
                                                       ? ch->height_pt * 96 / 72 / CHART_DEFAULT_PX
                                                       : 1,
                           .description = (char *)(ch->alt ? xlsx_clean_text(ctx, ch->alt) : NULL)};
    return worksheet_insert_chart_opt(pl->ws, (lxw_row_t)row, (lxw_col_t)col, chart, &o);
}

/* What the plot-area rewriter needs: further groups, references, the
 * secondary and the date axis. NULL when the chart needs none of it. */
/* A sorted chart shows its data as literals in its own order. */
static quire_status sorted_literals(xlsx_ctx *ctx, const quire_chart *ch, xlsx_combo *c,
                                    const size_t *order, size_t rows)
{
    size_t n_y = ch->type == QUIRE_CHART_PIE ? 1 : ch->n_y < CHART_MAX_SERIES ? ch->n_y : CHART_MAX_SERIES;
    const char **cats = calloc(rows + 1, sizeof *cats);
    double **vals = calloc(n_y + 1, sizeof *vals);
    char (*numbers)[32] = calloc(rows + 1, sizeof *numbers);
    int st = !cats || !vals || !numbers;
    const quire_column *x = column(ch, ch->x);
    for (size_t r = 0; !st && r < rows; r++) {
        size_t row = order[r];
        if (xlsx_date_shown(ctx, x, row, numbers[r], sizeof numbers[r])) {
            cats[r] = numbers[r];   /* a date as its format shows it */
        } else if (x->texts) {
            cats[r] = x->texts[row];
        } else {
            snprintf(numbers[r], sizeof numbers[r], "%.15g", x->numbers[row]);
            cats[r] = numbers[r];
        }
    }
    for (size_t k = 0; !st && k < n_y; k++) {
        const quire_column *y = column(ch, ch->y[k]);
        if (!(vals[k] = calloc(rows + 1, sizeof **vals)))
            st = 1;
        for (size_t r = 0; !st && r < rows; r++)
            vals[k][r] = y->type == QUIRE_PERCENT
                             ? xlsx_percent_fraction(y->numbers[order[r]],
                                                     y->decimals ? y->decimals[order[r]] : 0)
                             : y->numbers[order[r]];
    }
    if (!st)
        st = xlsx_combo_literal(c, n_y, cats, (const double *const *)vals, rows) != 0;
    for (size_t k = 0; vals && k < n_y; k++)
        free(vals[k]);
    free(vals);
    free(cats);
    free(numbers);
    return st ? xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory") : QUIRE_OK;
}

/* Reference lines are written as cells right of the charts beside the
 * table (one column each, its label on top), and the chart's reference
 * series draw on them: LibreOffice drops a literal series in a chart
 * whose other series draw on cells. A sorted chart is all literals, and
 * constant_memory cannot go back to rows it has written: literals there. */
#define REF_COLS_GAP 10   /* columns right of the table: a chart's width and a gap */

static lxw_col_t ref_column(const xlsx_placement *pl, const quire_chart *ch)
{
    size_t col = ch->table->n_columns + REF_COLS_GAP + pl->ref_cols;
    return (lxw_col_t)(col < LXW_COL_MAX ? col : LXW_COL_MAX - 1);
}

/* One column of cells: head, then the n values; its range as a formula
 * into range (empty when it cannot be written). */
static quire_status ref_cells(xlsx_ctx *ctx, xlsx_placement *pl, const quire_chart *ch,
                              const char *head, const double *v, double same, size_t n,
                              int percent, char *range, size_t size)
{
    lxw_col_t col = ref_column(pl, ch);
    range[0] = '\0';
    if (col + 1 >= LXW_COL_MAX || size < LXW_MAX_SHEETNAME_LENGTH + 32)
        return QUIRE_OK;
    pl->ref_cols++;
    lxw_error e = worksheet_write_string(pl->ws, 0, col, head, ctx->fmt.header);
    for (size_t r = 0; !e && r < n; r++)
        e = worksheet_write_number(pl->ws, (lxw_row_t)(r + 1), col, v ? v[r] : same,
                                   percent ? xlsx_format_percent(ctx, 1) : NULL);
    if (e)
        return xlsx_fail(ctx, e, "reference line cells");
    lxw_rowcol_to_formula_abs(range, pl->sheet, 1, col, (lxw_row_t)n, col);
    return QUIRE_OK;
}

static quire_status plan_combo(xlsx_ctx *ctx, lxw_chart *chart, const quire_chart *ch,
                               xlsx_placement *pl, const size_t *order, xlsx_combo **out)
{
    int right = has_right(ch), lines = has_lines(ch), dates = date_axis(ch);
    int out_end = ch->type == QUIRE_CHART_BAR && ch->value_labels && !ch->stacked;
    *out = NULL;
    if ((ch->type == QUIRE_CHART_PIE && !sorted(ch)) ||
        (!right && !lines && !dates && !ch->n_references && !out_end && !sorted(ch)))
        return QUIRE_OK;
    xlsx_combo *c = xlsx_combo_new(chart, ch->type == QUIRE_CHART_SCATTER);
    if (!c)
        return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
    *out = c;
    if (out_end)
        xlsx_combo_labels_out_end(c);
    size_t rows = chart_rows(pl);
    if (order) {
        quire_status st = sorted_literals(ctx, ch, c, order, rows);
        if (st)
            return st;
    }
    for (size_t i = 0; i < ch->n_references; i++) {
        const quire_reference *r = quire_reference_at(ch, i);
        int on_right = r->right_axis && right;
        const char *label = r->label ? xlsx_clean_text(ctx, r->label) : NULL;
        double x0 = 0, x1 = 1;
        if (ch->type == QUIRE_CHART_SCATTER) {   /* across the x range */
            const quire_column *x = column(ch, ch->x);
            x0 = INFINITY, x1 = -INFINITY;
            for (size_t k = 0; k < rows && k < ch->table->n_rows; k++)
                if (!isnan(x->numbers[k]))
                    x0 = fmin(x0, x->numbers[k]), x1 = fmax(x1, x->numbers[k]);
            if (!(x0 <= x1))
                x0 = 0, x1 = 1;
            if (x->type == QUIRE_DATE)
                x0 += XLSX_EPOCH_SERIAL, x1 += XLSX_EPOCH_SERIAL;
            else if (x->type == QUIRE_PERCENT)
                x0 /= 100, x1 /= 100;
        }
        char vals[LXW_MAX_SHEETNAME_LENGTH + 32] = "", xs[LXW_MAX_SHEETNAME_LENGTH + 32] = "";
        double value = axis_value(ch, on_right, r->value), xv[2] = {x0, x1};
        int scatter = ch->type == QUIRE_CHART_SCATTER;
        if (!order && !ctx->constant_memory) {
            const char *head = r->label ? r->label : "reference";
            char *copy = strdup(xlsx_clean_text(ctx, head) ? xlsx_clean_text(ctx, head) : "");
            quire_status st = copy ? QUIRE_OK : xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
            if (!st && scatter)
                st = ref_cells(ctx, pl, ch, copy, xv, 0, 2, 0, xs, sizeof xs);
            if (!st)
                st = ref_cells(ctx, pl, ch, copy, NULL, value, scatter ? 2 : rows,
                               all_percent(ch, on_right), vals, sizeof vals);
            free(copy);
            if (st)
                return st;
            label = r->label ? xlsx_clean_text(ctx, r->label) : NULL;
        }
        if (xlsx_combo_reference(c, on_right, label ? label : "", value, rows, x0, x1,
                                 *vals ? vals : NULL, *xs ? xs : NULL))
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
    }
    if (right) {
        char *title = NULL;
        const char *t = value_axis_title(ch, 1);
        if (t && !(title = strdup(xlsx_clean_text(ctx, t) ? xlsx_clean_text(ctx, t) : "")))
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        int st = xlsx_combo_right_axis(c, title, all_percent(ch, 1) ? "0%" : NULL);
        free(title);
        if (st)
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
    }
    if (dates) {
        const quire_column *x = column(ch, ch->x);
        int months = xlsx_combo_date_axis(c, x->numbers, rows < ch->table->n_rows ? rows : ch->table->n_rows);
        /* the labels the PDF's time axis shows: the column's date format,
         * else "2025" or "2025-01" */
        char spec[300];
        const char *own = datefmt_unit(x->format) ? xlsx_date_spec(ctx, x->format, spec, sizeof spec)
                                                  : NULL;
        chart_axis_set_num_format(chart->x_axis, own ? own : months >= 12 ? "yyyy" : "yyyy-mm");
    }
    return QUIRE_OK;
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
    xlsx_combo *combo = NULL;
    size_t *order = chart_order(ch, chart_rows(pl) < ch->table->n_rows ? chart_rows(pl) : ch->table->n_rows);
    quire_status st = sorted(ch) && ch->table->n_rows && !order
                          ? xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory")
                          : plan_combo(ctx, chart, ch, pl, order, &combo);
    if (!st)
        st = add_series(ctx, chart, ch, pl, combo, order);
    free(order);
    if (!st)
        st = set_titles(ctx, chart, ch);
    if (st)
        return st;
    style_axes(chart, ch);
    set_legend(chart, ch, combo);
    if (ch->type == QUIRE_CHART_BAR && ch->n_y > 1 && !ch->stacked && has_lines(ch))
        chart_set_series_overlap(chart, 0);
    lxw_error e = place(ctx, pl, ch, chart);
    return e ? xlsx_fail(ctx, e, "chart") : QUIRE_OK;
}

quire_status xlsx_charts(xlsx_ctx *ctx)
{
    quire_status st = QUIRE_OK;

    for (size_t b = 0; !st && b < ctx->tmpl->n_blocks; b++)
        if (quire_block_at(ctx->tmpl, b)->kind == QUIRE_BLOCK_CHART)
            st = one_chart(ctx, &quire_block_at(ctx->tmpl, b)->chart);
    return st;
}
