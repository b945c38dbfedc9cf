/* chart_legend.c — palette swatches with their names, flowing onto as
 * many lines as the width needs. */
#include <string.h>

#include "chart_internal.h"

#define CHART_SWATCH 7.0
#define CHART_SWATCH_GAP 4.0
#define CHART_ITEM_GAP 14.0

/* The mark before a name: a square, or a line with a dot for line charts. */
static void chart_legend_swatch(const chart_ctx *ctx, size_t i, int line, double x, double mid)
{
    uint32_t rgb = ctx->legend_rgb ? ctx->legend_rgb[i] : chart_color(ctx, i);

    if (!ctx->drawing) return;
    if (line) {
        chart_hline(ctx, x, x + CHART_SWATCH * 1.6, mid, 1.6, rgb);
        chart_circle(ctx, x + CHART_SWATCH * 0.8, mid, 2.2, canvas_fill(rgb));
        return;
    }
    chart_fill_rect(ctx, rgb, x, mid - CHART_SWATCH / 2, CHART_SWATCH, CHART_SWATCH);
}

/* Lays out (and draws, when the context draws) the legend from top
 * down within width; names[i] takes palette colour first_color + i.
 * Returns its height. */
double chart_legend(const chart_ctx *ctx, const char *const *names, const int *lines, size_t n,
                    size_t first_color, double x, double top, double width)
{
    double cur = 0;
    size_t row = 0;

    if (n == 0) return 0;
    for (size_t i = 0; i < n; i++) {
        int line = lines && lines[i];
        double sw = CHART_SWATCH * (line ? 1.6 : 1.0);
        char buf[256];
        size_t len = chart_text_shorten(ctx, CANVAS_REGULAR, ctx->fs, names[i],
                                        width - sw - CHART_SWATCH_GAP, buf, sizeof buf);
        double tw = chart_text_width(ctx, CANVAS_REGULAR, ctx->fs, buf, len);
        double item = sw + CHART_SWATCH_GAP + tw;
        double base;

        if (cur > 0 && cur + item > width) cur = 0, row++;
        base = top - row * ctx->lh - ctx->fs * 0.95;
        chart_legend_swatch(ctx, first_color + i, line, x + cur, base + ctx->fs * 0.33);
        chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK, x + cur + sw + CHART_SWATCH_GAP,
                   base, buf, len, 0);
        cur += item + CHART_ITEM_GAP;
    }
    return (row + 1) * ctx->lh;
}
