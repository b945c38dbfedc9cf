/* chart_data.c — what a chart reads from its table: checked once, then
 * categories, values, their labels, the unit and the colours. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_internal.h"
#include "datefmt.h"
#include "numfmt.h"
#include "palette.h"

static int chart_is_numeric(const quire_column *c)
{
    return c->numbers != NULL && c->type != QUIRE_TEXT && c->type != QUIRE_DATE;
}

static const char *chart_name(const quire_chart *chart)
{
    return chart->title ? chart->title : chart->table ? chart->table->id : "";
}

/* A value out of what an axis can show: refused, with the value named. */
static int chart_check_values(const quire_chart *chart, const quire_column *c, char *err,
                              size_t err_size)
{
    for (size_t r = 0; c->numbers && r < chart->table->n_rows; r++) {
        if (!chart_value_fits(c->numbers[r])) {
            snprintf(err, err_size, "chart '%s': value %g of column '%s' is out of the range a "
                     "chart can show (%g to %g)", chart_name(chart), c->numbers[r], c->id,
                     CHART_VALUE_MIN, CHART_VALUE_MAX);
            return -1;
        }
    }
    return 0;
}

/* Checks the chart against its table; a reason in err when it cannot be drawn. */
static int chart_check(const quire_chart *chart, char *err, size_t err_size)
{
    const quire_table *t = chart->table;

    if (!t) {
        snprintf(err, err_size, "chart '%s' has no table", chart->title ? chart->title : "");
        return -1;
    }
    if (chart->x >= t->n_columns) {
        snprintf(err, err_size, "chart '%s': category column out of range", chart_name(chart));
        return -1;
    }
    if (chart->n_y == 0 || !chart->y) {
        snprintf(err, err_size, "chart '%s': no value column", chart_name(chart));
        return -1;
    }
    if (chart->type == QUIRE_CHART_SCATTER && !t->columns[chart->x].numbers) {
        snprintf(err, err_size, "chart '%s': a scatter chart needs a numeric or date x column",
                 chart_name(chart));
        return -1;
    }
    if (chart->type == QUIRE_CHART_SCATTER && chart->has_label &&
        (chart->label >= t->n_columns || !t->columns[chart->label].texts)) {
        snprintf(err, err_size, "chart '%s': the label column is not a text column", chart_name(chart));
        return -1;
    }
    for (size_t i = 0; i < chart->n_y; i++) {
        if (chart->y[i] >= t->n_columns) {
            snprintf(err, err_size, "chart '%s': value column out of range", chart_name(chart));
            return -1;
        }
        if (!chart_is_numeric(&t->columns[chart->y[i]])) {
            snprintf(err, err_size, "chart '%s': column '%s' is not numeric", chart_name(chart),
                     t->columns[chart->y[i]].id);
            return -1;
        }
        if (chart_check_values(chart, &t->columns[chart->y[i]], err, err_size)) return -1;
    }
    if (t->columns[chart->x].numbers && chart_is_numeric(&t->columns[chart->x]) &&
        chart_check_values(chart, &t->columns[chart->x], err, err_size))
        return -1;
    for (size_t i = 0; i < chart->n_references; i++) {
        double v = quire_reference_at(chart, i)->value;
        if (!isfinite(v) || (v != 0 && (fabs(v) > CHART_VALUE_MAX || fabs(v) < CHART_VALUE_MIN))) {
            snprintf(err, err_size, "chart '%s': reference %g is out of the range a chart can show",
                     chart_name(chart), v);
            return -1;
        }
    }
    return 0;
}

/* Sorting the drawn rows: by a key, missing keys last, ties in row order. */
typedef struct chart_key {
    double key;
    size_t row;
} chart_key;

static int chart_key_cmp(const void *a, const void *b)
{
    const chart_key *x = a, *y = b;
    int xn = isnan(x->key), yn = isnan(y->key);

    if (xn != yn) return xn - yn;
    if (!xn && x->key != y->key) return x->key < y->key ? -1 : 1;
    return x->row < y->row ? -1 : x->row > y->row;
}

/* Row order: the template's sort: by the first series; else by date for a
 * date x; else as in the table. */
static int chart_order(chart_ctx *ctx)
{
    const quire_chart *c = ctx->chart;
    const quire_column *key = NULL;
    double sign = 1;
    chart_key *keys;

    ctx->order = malloc(ctx->n_rows * sizeof *ctx->order);
    if (!ctx->order) return -1;
    for (size_t r = 0; r < ctx->n_rows; r++) ctx->order[r] = r;
    if (c->sort != QUIRE_SORT_NONE && !ctx->time && c->type != QUIRE_CHART_SCATTER)
        key = &ctx->table->columns[c->y[0]], sign = c->sort == QUIRE_SORT_DESC ? -1 : 1;
    else if (ctx->xcol->type == QUIRE_DATE || c->type == QUIRE_CHART_SCATTER)
        key = ctx->xcol;
    if (!key || !key->numbers) return 0;
    keys = malloc(ctx->n_rows * sizeof *keys);
    if (!keys) return -1;
    for (size_t r = 0; r < ctx->n_rows; r++) keys[r] = (chart_key){key->numbers[r] * sign, r};
    qsort(keys, ctx->n_rows, sizeof *keys, chart_key_cmp);
    for (size_t r = 0; r < ctx->n_rows; r++) ctx->order[r] = keys[r].row;
    free(keys);
    return 0;
}

/* y_min and y_max as given; a pair that is no range (both 0 in a chart
 * built without them) counts as not given. */
static void chart_ends(chart_ctx *ctx)
{
    double a = ctx->chart->y_min, b = ctx->chart->y_max;

    ctx->y_min = ctx->y_max = NAN;
    if (!isnan(a) && !isnan(b) && !(a < b)) return;
    ctx->y_min = isfinite(a) ? a : NAN;
    ctx->y_max = isfinite(b) ? b : NAN;
}

/* The text a category shows: text as written, numbers formatted. */
static char *chart_category_dup(const quire_column *c, size_t row, int korean)
{
    char buf[128];

    if (quire_cell_is_null(c, row)) return strdup("–");
    /* a date under its column's format ("Jan 2025", "2025 Q1") */
    if (c->type == QUIRE_DATE && c->numbers &&
        datefmt_format(buf, sizeof buf, c->numbers[row], c->format, korean))
        return strdup(buf);
    if (c->texts) return strdup(c->texts[row]);
    /* whole numbers of four digits on a category axis are years: 2024, not 2,024 */
    double v = c->numbers[row];
    if (!c->format && c->type != QUIRE_PERCENT && v == floor(v) && fabs(v) >= 1000 && fabs(v) < 10000) {
        snprintf(buf, sizeof buf, "%.0f", v);
        return strdup(buf);
    }
    numfmt_format(buf, sizeof buf, c->numbers[row], c->decimals ? c->decimals[row] : 0,
                  c->format, c->type == QUIRE_PERCENT);
    return strdup(buf);
}

int chart_ctx_init(chart_ctx *ctx, const canvas *cv, int drawing, const chart_style *style,
                   const quire_chart *chart, char *err, size_t err_size)
{
    double fs = style->font_size > 0 ? style->font_size : 10;

    memset(ctx, 0, sizeof *ctx);
    if (chart_check(chart, err, err_size)) return -1;
    ctx->cv = cv;
    ctx->drawing = drawing;
    ctx->style = style;
    ctx->chart = chart;
    ctx->table = chart->table;
    ctx->fs = fs * 0.8;
    ctx->fs_title = fs * 1.1;
    ctx->fs_small = fs * 0.72;
    ctx->lh = ctx->fs * 1.3;
    /* the host's one decision (quire_dataset_korean); a view built by hand
     * without a language reads Korean */
    ctx->lang = style->dataset && style->dataset->language
                    ? (quire_dataset_korean(style->dataset) ? WORDS_KO : WORDS_EN)
                    : WORDS_KO;
    ctx->n_rows = ctx->table->n_rows;
    ctx->xcol = &ctx->table->columns[chart->x];
    ctx->time = ctx->xcol->type == QUIRE_DATE && ctx->xcol->numbers &&
                (chart->type == QUIRE_CHART_LINE || chart->type == QUIRE_CHART_AREA ||
                 chart->type == QUIRE_CHART_SCATTER);
    chart_ends(ctx);
    for (size_t s = 0; s < chart->n_y; s++) {
        ctx->has_right |= chart_series_right(ctx, s);
        ctx->n_bars += chart->type == QUIRE_CHART_BAR && !chart_series_line(ctx, s);
    }
    ctx->horizontal = chart->type == QUIRE_CHART_BAR && chart->horizontal && !ctx->has_right &&
                      ctx->n_bars == (int)chart->n_y;
    if (ctx->n_rows == 0) return 0;
    if (chart_order(ctx)) goto oom;
    ctx->cats = calloc(ctx->n_rows, sizeof *ctx->cats);
    if (!ctx->cats) goto oom;
    ctx->x_lo = INFINITY, ctx->x_hi = -INFINITY;
    for (size_t r = 0; r < ctx->n_rows; r++) {
        ctx->cats[r] = chart_category_dup(ctx->xcol, ctx->order[r], ctx->lang == WORDS_KO);
        if (!ctx->cats[r]) goto oom;
        if (ctx->xcol->numbers && !isnan(chart_x(ctx, r)))
            ctx->x_lo = fmin(ctx->x_lo, chart_x(ctx, r)), ctx->x_hi = fmax(ctx->x_hi, chart_x(ctx, r));
    }
    if (!(ctx->x_lo <= ctx->x_hi)) ctx->x_lo = 0, ctx->x_hi = 1;
    return 0;
oom:
    chart_ctx_free(ctx);
    snprintf(err, err_size, "out of memory drawing a chart");
    return -1;
}

void chart_ctx_free(chart_ctx *ctx)
{
    if (ctx->cats)
        for (size_t r = 0; r < ctx->n_rows; r++) free(ctx->cats[r]);
    free(ctx->cats);
    free(ctx->order);
    ctx->order = NULL;
    ctx->cats = NULL;
}

const quire_column *chart_series(const chart_ctx *ctx, size_t s)
{
    return &ctx->table->columns[ctx->chart->y[s]];
}

/* The table row of drawn row i. */
static size_t chart_row(const chart_ctx *ctx, size_t i)
{
    return ctx->order ? ctx->order[i] : i;
}

int chart_series_line(const chart_ctx *ctx, size_t s)
{
    const quire_chart *c = ctx->chart;
    if (c->type == QUIRE_CHART_LINE || c->type == QUIRE_CHART_AREA) return 1;
    return c->type == QUIRE_CHART_BAR && c->series && c->n_series == c->n_y &&
           quire_series_at(c, s)->as_line;
}

int chart_series_right(const chart_ctx *ctx, size_t s)
{
    const quire_chart *c = ctx->chart;
    return c->type != QUIRE_CHART_PIE && c->series && c->n_series == c->n_y &&
           quire_series_at(c, s)->right_axis;
}

double chart_x(const chart_ctx *ctx, size_t i)
{
    return ctx->xcol->numbers ? ctx->xcol->numbers[chart_row(ctx, i)] : (double)i;
}

double chart_value(const chart_ctx *ctx, size_t s, size_t i)
{
    return chart_series(ctx, s)->numbers[chart_row(ctx, i)];
}

size_t chart_value_label(const chart_ctx *ctx, size_t s, size_t i, char *buf, size_t size)
{
    const quire_column *c = chart_series(ctx, s);
    size_t row = chart_row(ctx, i);

    return numfmt_format(buf, size, c->numbers[row], c->decimals ? c->decimals[row] : 0,
                         c->format, c->type == QUIRE_PERCENT);
}

int chart_has_highlight(const chart_ctx *ctx)
{
    return ctx->chart->highlight.count > 0;
}

/* Drawn row i is one of the highlight: categories, by their text. */
int chart_highlighted(const chart_ctx *ctx, size_t i)
{
    const quire_strings *h = &ctx->chart->highlight;
    const char *cat = ctx->xcol->texts ? ctx->xcol->texts[chart_row(ctx, i)] : ctx->cats[i];
    const char *shown = ctx->cats ? ctx->cats[i] : NULL;   /* a date as its format shows it */

    for (size_t k = 0; cat && k < h->count; k++)
        if (h->items[k] && (strcmp(h->items[k], cat) == 0 || (shown && strcmp(h->items[k], shown) == 0)))
            return 1;
    return 0;
}

/* The colour of the categories a highlight leaves out: faded toward grey. */
uint32_t chart_muted(uint32_t rgb)
{
    return palette_muted(rgb);
}

/* A series' unit: its label, "%" for percent points, else its currency. */
const char *chart_series_unit(const chart_ctx *ctx, size_t s)
{
    const quire_column *c = chart_series(ctx, s);

    if (c->unit_label && *c->unit_label) return c->unit_label;
    if (c->type == QUIRE_PERCENT) return "%";
    if (c->type == QUIRE_CURRENCY && c->currency) return c->currency;
    return NULL;
}

/* The unit of one value axis, or NULL when there is none or its series
 * disagree (each legend entry then names its own). */
const char *chart_axis_unit(const chart_ctx *ctx, int right)
{
    const char *u = NULL;
    int any = 0;

    for (size_t s = 0; s < ctx->chart->n_y; s++) {
        if (chart_series_right(ctx, s) != right) continue;
        const char *v = chart_series_unit(ctx, s);
        if (!v || (any && strcmp(u, v) != 0)) return NULL;
        u = v, any = 1;
    }
    return u;
}

const char *chart_unit(const chart_ctx *ctx)
{
    return chart_axis_unit(ctx, 0);
}

/* 1 when every series of the axis is in percent points. */
static int chart_axis_percent(const chart_ctx *ctx, int right)
{
    int any = 0;

    for (size_t s = 0; s < ctx->chart->n_y; s++) {
        if (chart_series_right(ctx, s) != right) continue;
        if (chart_series(ctx, s)->type != QUIRE_PERCENT) return 0;
        any = 1;
    }
    return any;
}

size_t chart_tick_label(const chart_ctx *ctx, int right, const ticks *t, int i, char *buf,
                        size_t size)
{
    if (!right && ctx->chart->y_format)
        return numfmt_format(buf, size, ticks_value(t, i), t->decimals, ctx->chart->y_format,
                             chart_axis_percent(ctx, 0));
    return ticks_label(buf, size, t, i);
}

/* Palette colour i; past the palette's end the colours come round again,
 * each round lighter, so that the first and the seventh slice differ. */
uint32_t chart_color(const chart_ctx *ctx, size_t i)
{
    return palette_color_rounds(ctx->style->palette, ctx->style->n_palette, i);
}

/* Series of one axis add up: stacked bars, stacked areas. */
static int chart_stacks(const chart_ctx *ctx, size_t s)
{
    const quire_chart *c = ctx->chart;
    if (!c->stacked) return 0;
    if (c->type == QUIRE_CHART_BAR) return !chart_series_line(ctx, s);
    return c->type == QUIRE_CHART_AREA;
}

int chart_axis_range(const chart_ctx *ctx, int right, double *lo, double *hi)
{
    int any = 0;

    *lo = INFINITY, *hi = -INFINITY;
    for (size_t r = 0; r < ctx->n_rows; r++) {
        double pos = 0, neg = 0;
        int stacked = 0;
        for (size_t s = 0; s < ctx->chart->n_y; s++) {
            double v = chart_value(ctx, s, r);
            if (isnan(v) || chart_series_right(ctx, s) != right) continue;
            any = 1;
            if (chart_stacks(ctx, s)) {
                stacked = 1;
                if (v >= 0) pos += v;
                else neg += v;
            } else {
                *lo = fmin(*lo, v), *hi = fmax(*hi, v);
            }
        }
        if (stacked) *lo = fmin(*lo, neg), *hi = fmax(*hi, pos);
    }
    for (size_t i = 0; i < ctx->chart->n_references; i++) {
        const quire_reference *ref = quire_reference_at(ctx->chart, i);
        if ((ref->right_axis && ctx->has_right) != right) continue;
        *lo = fmin(*lo, ref->value), *hi = fmax(*hi, ref->value);
        any = 1;
    }
    if (!any) *lo = 0, *hi = 1;
    return any ? 0 : -1;
}

int chart_range(const chart_ctx *ctx, double *lo, double *hi)
{
    return chart_axis_range(ctx, 0, lo, hi);
}

int chart_refusal(const quire_chart *chart, char *err, size_t err_size)
{
    return chart_check(chart, err, err_size);
}

const char *chart_x_title(const chart_ctx *ctx)
{
    const char *t = ctx->chart->x_title;
    return t && *t ? t : NULL;
}

const char *chart_y_title(const chart_ctx *ctx)
{
    const char *t = ctx->chart->y_title;
    return t && *t ? t : NULL;
}
