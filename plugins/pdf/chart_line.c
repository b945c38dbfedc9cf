/* chart_line.c — line charts: one line per series through the band
 * centres, a marker on every value, a gap where a value is missing. */
#include <math.h>

#include "chart_internal.h"

#define CHART_MARKER_R 2.2
#define CHART_DENSE_BAND 10.0   /* points between values below which markers go */

/* Lines start at zero only when zero is close to the data anyway. */
static void chart_line_range(const chart_ctx *ctx, double *lo, double *hi)
{
    double pad;

    chart_range(ctx, lo, hi);
    if (*lo > 0 && *lo < *hi * 0.5) *lo = 0;
    if (*hi < 0 && *hi > *lo * 0.5) *hi = 0;
    /* a floating axis gets air, so that no point sits on its ends */
    pad = (*hi - *lo) * 0.05;
    if (*lo != 0) *lo -= pad;
    if (*hi != 0) *hi += pad;
}

static void chart_line_series(const chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    chart_rect p = vp->plot;
    double band = p.w / ctx->n_rows;
    int open = 0;

    HPDF_Page_SetLineWidth(ctx->page, 1.6f);
    HPDF_Page_SetLineJoin(ctx->page, HPDF_ROUND_JOIN);
    HPDF_Page_SetLineCap(ctx->page, HPDF_ROUND_END);
    chart_stroke_rgb(ctx, chart_color(ctx, s));
    for (size_t r = 0; r < ctx->n_rows; r++) {
        double v = chart_value(ctx, s, r);
        if (isnan(v)) {       /* the gap: stroke what we have, start again after */
            if (open) HPDF_Page_Stroke(ctx->page);
            open = 0;
            continue;
        }
        double x = p.x + (r + 0.5) * band, y = chart_axis_pos(&vp->ax, v, p.y, p.h);
        if (open) HPDF_Page_LineTo(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y);
        else HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y);
        open = 1;
    }
    if (open) HPDF_Page_Stroke(ctx->page);
    HPDF_Page_SetLineCap(ctx->page, HPDF_BUTT_END);
    HPDF_Page_SetLineJoin(ctx->page, HPDF_MITER_JOIN);
}

/* 1 when the value at r has no neighbour to draw a line to: without a
 * marker it would not show at all. */
static int chart_line_alone(const chart_ctx *ctx, size_t s, size_t r)
{
    return (r == 0 || isnan(chart_value(ctx, s, r - 1))) &&
           (r + 1 >= ctx->n_rows || isnan(chart_value(ctx, s, r + 1)));
}

/* Markers on every value, but for dense series, where they would merge
 * into a bead string: then only on values that stand alone. */
static void chart_line_markers(chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    chart_rect p = vp->plot;
    double band = p.w / ctx->n_rows;

    for (size_t r = 0; r < ctx->n_rows; r++) {
        double v = chart_value(ctx, s, r);
        if (isnan(v) || (band < CHART_DENSE_BAND && !chart_line_alone(ctx, s, r))) continue;
        double x = p.x + (r + 0.5) * band, y = chart_axis_pos(&vp->ax, v, p.y, p.h);
        chart_fill_rgb(ctx, chart_color(ctx, s));
        chart_stroke_rgb(ctx, CHART_WHITE);
        HPDF_Page_SetLineWidth(ctx->page, 0.8f);
        HPDF_Page_Circle(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)CHART_MARKER_R);
        HPDF_Page_FillStroke(ctx->page);
    }
}

/* A label on a white ground, so that lines passing under it do not cross
 * its digits. */
static void chart_line_label(const chart_ctx *ctx, chart_rect r, double fs, double base,
                             const char *s, size_t n)
{
    chart_fill_rgb(ctx, CHART_WHITE);
    HPDF_Page_Rectangle(ctx->page, (HPDF_REAL)(r.x - 1), (HPDF_REAL)r.y, (HPDF_REAL)(r.w + 2),
                        (HPDF_REAL)r.h);
    HPDF_Page_Fill(ctx->page);
    chart_text(ctx, ctx->style->font, fs, CHART_INK, r.x, base, s, n, 0);
}

/* Value labels above each point, else below, else left out. */
static void chart_line_labels(chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    chart_rect p = vp->plot;
    double band = p.w / ctx->n_rows, fs = ctx->fs * 0.92;

    for (size_t r = 0; r < ctx->n_rows; r++) {
        double v = chart_value(ctx, s, r);
        char buf[64];
        if (isnan(v)) continue;
        size_t n = chart_value_label(ctx, s, r, buf, sizeof buf);
        double w = chart_text_width(ctx, ctx->style->font, fs, buf, n);
        double x = p.x + (r + 0.5) * band, y = chart_axis_pos(&vp->ax, v, p.y, p.h);
        double above = y + CHART_MARKER_R + 2, below = y - CHART_MARKER_R - 2 - fs * 0.75;
        chart_rect a = {x - w / 2, above - fs * 0.22, w, fs * 0.95};
        chart_rect b = {x - w / 2, below - fs * 0.22, w, fs * 0.95};
        if (chart_place(ctx, a, &p) == 0)
            chart_line_label(ctx, a, fs, above, buf, n);
        else if (chart_place(ctx, b, &p) == 0)
            chart_line_label(ctx, b, fs, below, buf, n);
    }
}

double chart_line_height(const chart_ctx *ctx, double w)
{
    chart_vplot vp;
    double lo, hi;

    if (ctx->n_rows == 0) return ctx->lh * 2;
    chart_line_range(ctx, &lo, &hi);
    chart_vplot_layout(ctx, lo, hi, ctx->chart->value_labels, w, NULL, &vp);
    return vp.height;
}

void chart_line_draw(chart_ctx *ctx, chart_rect box)
{
    chart_vplot vp;
    double lo, hi;

    if (ctx->n_rows == 0) return;
    chart_line_range(ctx, &lo, &hi);
    chart_vplot_layout(ctx, lo, hi, ctx->chart->value_labels, box.w, &box, &vp);
    chart_vplot_draw_frame(ctx, &vp, box.x);
    if (vp.ax.t.min < 0 && vp.ax.t.max > 0)
        chart_hline(ctx, vp.plot.x, vp.plot.x + vp.plot.w,
                    chart_axis_pos(&vp.ax, 0, vp.plot.y, vp.plot.h), 0.7, CHART_ZERO);
    else
        chart_hline(ctx, vp.plot.x, vp.plot.x + vp.plot.w, vp.plot.y, 0.7, CHART_ZERO);
    for (size_t s = 0; s < ctx->chart->n_y; s++) chart_line_series(ctx, &vp, s);
    for (size_t s = 0; s < ctx->chart->n_y; s++) chart_line_markers(ctx, &vp, s);
    /* markers are not labels, but labels must not cover them */
    for (size_t s = 0; s < ctx->chart->n_y && ctx->chart->value_labels; s++)
        for (size_t r = 0; r < ctx->n_rows; r++) {
            double v = chart_value(ctx, s, r);
            if (isnan(v)) continue;
            double x = vp.plot.x + (r + 0.5) * vp.plot.w / ctx->n_rows;
            double y = chart_axis_pos(&vp.ax, v, vp.plot.y, vp.plot.h);
            chart_place(ctx, (chart_rect){x - CHART_MARKER_R, y - CHART_MARKER_R,
                                          2 * CHART_MARKER_R, 2 * CHART_MARKER_R}, NULL);
        }
    for (size_t s = 0; s < ctx->chart->n_y && ctx->chart->value_labels; s++)
        chart_line_labels(ctx, &vp, s);
}
