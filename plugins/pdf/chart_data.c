/* chart_data.c — what a chart reads from its table: checked once, then
 * categories, values, their labels, the unit and the colours. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_internal.h"
#include "numfmt.h"

/* Used when the template gives no palette. */
static const uint32_t chart_default_palette[] = {
    0x1f4e79, 0xe07b39, 0x5b9a68, 0xc0504d, 0x8064a2, 0x4bacc6
};

static int chart_is_numeric(const quire_column *c)
{
    return c->numbers != NULL && c->type != QUIRE_TEXT && c->type != QUIRE_DATE;
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
        snprintf(err, err_size, "chart '%s': category column out of range", chart->title ? chart->title : t->id);
        return -1;
    }
    if (chart->n_y == 0 || !chart->y) {
        snprintf(err, err_size, "chart '%s': no value column", chart->title ? chart->title : t->id);
        return -1;
    }
    for (size_t i = 0; i < chart->n_y; i++) {
        if (chart->y[i] >= t->n_columns) {
            snprintf(err, err_size, "chart '%s': value column out of range", chart->title ? chart->title : t->id);
            return -1;
        }
        if (!chart_is_numeric(&t->columns[chart->y[i]])) {
            snprintf(err, err_size, "chart '%s': column '%s' is not numeric",
                     chart->title ? chart->title : t->id, t->columns[chart->y[i]].id);
            return -1;
        }
    }
    return 0;
}

/* The text a category shows: text as written, numbers formatted. */
static char *chart_category_dup(const quire_column *c, size_t row)
{
    char buf[128];

    if (quire_cell_is_null(c, row)) return strdup("–");
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

int chart_ctx_init(chart_ctx *ctx, HPDF_Page page, const chart_style *style,
                   const quire_chart *chart, char *err, size_t err_size)
{
    const char *lang;
    double fs = style->font_size > 0 ? style->font_size : 10;

    memset(ctx, 0, sizeof *ctx);
    if (chart_check(chart, err, err_size)) return -1;
    ctx->page = page;
    ctx->style = style;
    ctx->chart = chart;
    ctx->table = chart->table;
    ctx->fs = fs * 0.8;
    ctx->fs_title = fs * 1.1;
    ctx->fs_small = fs * 0.72;
    ctx->lh = ctx->fs * 1.3;
    lang = style->dataset && style->dataset->language ? style->dataset->language : "ko";
    ctx->ko = strncmp(lang, "ko", 2) == 0 && (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
    ctx->n_rows = ctx->table->n_rows;
    ctx->widths = calloc(1, sizeof *ctx->widths);
    if (!ctx->widths) goto oom;
    if (ctx->n_rows == 0) return 0;
    ctx->cats = calloc(ctx->n_rows, sizeof *ctx->cats);
    if (!ctx->cats) goto oom;
    for (size_t r = 0; r < ctx->n_rows; r++) {
        ctx->cats[r] = chart_category_dup(&ctx->table->columns[chart->x], r);
        if (!ctx->cats[r]) goto oom;
    }
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
    free(ctx->widths);
    ctx->cats = NULL;
    ctx->widths = NULL;
}

const quire_column *chart_series(const chart_ctx *ctx, size_t s)
{
    return &ctx->table->columns[ctx->chart->y[s]];
}

double chart_value(const chart_ctx *ctx, size_t s, size_t row)
{
    return chart_series(ctx, s)->numbers[row];
}

size_t chart_value_label(const chart_ctx *ctx, size_t s, size_t row, char *buf, size_t size)
{
    const quire_column *c = chart_series(ctx, s);

    return numfmt_format(buf, size, c->numbers[row], c->decimals ? c->decimals[row] : 0,
                         c->format, c->type == QUIRE_PERCENT);
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

/* The unit of the value axis, or NULL when there is none or the series
 * disagree (each legend entry then names its own). */
const char *chart_unit(const chart_ctx *ctx)
{
    const char *u = chart_series_unit(ctx, 0);

    for (size_t s = 1; s < ctx->chart->n_y && u; s++) {
        const char *v = chart_series_unit(ctx, s);
        if (!v || strcmp(u, v) != 0) return NULL;
    }
    return u;
}

/* Palette colour i; past the palette's end the colours come round again,
 * each round lighter, so that the first and the seventh slice differ. */
uint32_t chart_color(const chart_ctx *ctx, size_t i)
{
    const uint32_t *pal = ctx->style->palette;
    size_t n = ctx->style->n_palette, round;
    uint32_t rgb, out = 0;
    double mix;

    if (!pal || !n) pal = chart_default_palette, n = sizeof chart_default_palette / sizeof *pal;
    rgb = pal[i % n];
    round = (i / n) % 3;
    mix = round * 0.3;
    for (int shift = 0; shift <= 16; shift += 8) {
        double c = (rgb >> shift) & 0xff;
        out |= (uint32_t)lround(c + (255 - c) * mix) << shift;
    }
    return out;
}

/* The range the value axis must show: every value, or every stack's
 * positive and negative sums. Returns -1 when there is no value at all. */
int chart_range(const chart_ctx *ctx, double *lo, double *hi)
{
    int any = 0;

    *lo = INFINITY, *hi = -INFINITY;
    for (size_t r = 0; r < ctx->n_rows; r++) {
        double pos = 0, neg = 0;
        for (size_t s = 0; s < ctx->chart->n_y; s++) {
            double v = chart_value(ctx, s, r);
            if (isnan(v)) continue;
            any = 1;
            if (ctx->chart->stacked && ctx->chart->type == QUIRE_CHART_BAR) {
                if (v >= 0) pos += v;
                else neg += v;
            } else {
                *lo = fmin(*lo, v), *hi = fmax(*hi, v);
            }
        }
        if (ctx->chart->stacked && ctx->chart->type == QUIRE_CHART_BAR)
            *lo = fmin(*lo, neg), *hi = fmax(*hi, pos);
    }
    if (!any) *lo = 0, *hi = 1;
    return any ? 0 : -1;
}
