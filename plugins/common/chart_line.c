/* chart_line.c — line and area charts, and the lines of combined charts:
 * one line per series through the band centres (or at their dates), a
 * marker on every value, a gap where a value is missing; areas filled
 * down to zero or, stacked, to the series below. */
#include <math.h>

#include "chart_internal.h"

#define CHART_MARKER_R 2.2
#define CHART_DENSE_BAND 10.0   /* points between values below which markers go */

static int chart_is_area(const chart_ctx *ctx)
{
    return ctx->chart->type == QUIRE_CHART_AREA;
}

/* Lines start at zero only when zero is close to the data anyway; areas
 * always do. */
static void chart_line_range(const chart_ctx *ctx, double *lo, double *hi)
{
    double pad;

    chart_range(ctx, lo, hi);
    if (chart_is_area(ctx)) {
        *lo = fmin(*lo, 0), *hi = fmax(*hi, 0);
        return;
    }
    if (*lo > 0 && *lo < *hi * 0.5) *lo = 0;
    if (*hi < 0 && *hi > *lo * 0.5) *hi = 0;
    /* a floating axis gets air, so that no point sits on its ends */
    pad = (*hi - *lo) * 0.05;
    if (*lo != 0) *lo -= pad;
    if (*hi != 0) *hi += pad;
}

static const chart_axis *chart_line_axis(const chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    return chart_series_right(ctx, s) ? &vp->ax2 : &vp->ax;
}

/* Where series s starts at row r in a stacked area: the sum of the series
 * before it on the same side of zero. 0 when not stacked. */
static double chart_area_base(const chart_ctx *ctx, size_t s, size_t r)
{
    double base = 0, v = chart_value(ctx, s, r);

    if (!chart_is_area(ctx) || !ctx->chart->stacked) return 0;
    for (size_t k = 0; k < s; k++) {
        double u = chart_value(ctx, k, r);
        if (isnan(u) || chart_series_right(ctx, k) != chart_series_right(ctx, s)) continue;
        if ((u >= 0) == (isnan(v) || v >= 0)) base += u;
    }
    return base;
}

/* The value a point of s shows at row r: NaN when it is not drawn. A
 * stacked area carries a missing value as 0, so the stack stays closed. */
static double chart_line_top(const chart_ctx *ctx, size_t s, size_t r)
{
    double v = chart_value(ctx, s, r);

    if (isnan(chart_x(ctx, r)) && ctx->time) return NAN;
    if (isnan(v) && chart_is_area(ctx) && ctx->chart->stacked) v = 0;
    return isnan(v) ? NAN : chart_area_base(ctx, s, r) + v;
}

/* One run of an area: the values from r0 to r1 down to their base. */
static void chart_area_run(const chart_ctx *ctx, const chart_vplot *vp, size_t s, size_t r0,
                           size_t r1, canvas_path *path)
{
    const chart_axis *ax = chart_line_axis(ctx, vp, s);
    chart_rect p = vp->plot;
    double zero = fmin(fmax(0, ax->t.lo_end), ax->t.hi_end);

    for (size_t r = r0; r <= r1; r++) {
        double x = chart_row_x(ctx, vp, r), y = chart_axis_pos(ax, chart_line_top(ctx, s, r), p.y, p.h);
        if (r == r0) canvas_path_move(path, x, y);
        else canvas_path_line(path, x, y);
    }
    for (size_t r = r1 + 1; r-- > r0;) {
        double base = ctx->chart->stacked ? chart_area_base(ctx, s, r) : zero;
        double x = chart_row_x(ctx, vp, r), y = chart_axis_pos(ax, base, p.y, p.h);
        canvas_path_line(path, x, y);
    }
    canvas_path_close(path);
}

/* The area under series s, lighter than its line, run by run. */
static void chart_area_fill(const chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    uint32_t rgb = chart_color(ctx, s), tint = 0;

    for (int shift = 0; shift <= 16; shift += 8) {
        double c = (rgb >> shift) & 0xff;
        tint |= (uint32_t)lround(c + (255 - c) * (ctx->chart->stacked ? 0.25 : 0.45)) << shift;
    }
    canvas_path path = {0};
    for (size_t r = 0; r < ctx->n_rows;) {
        if (isnan(chart_line_top(ctx, s, r))) {
            r++;
            continue;
        }
        size_t end = r;
        while (end + 1 < ctx->n_rows && !isnan(chart_line_top(ctx, s, end + 1))) end++;
        chart_area_run(ctx, vp, s, r, end, &path);
        r = end + 1;
    }
    chart_path(ctx, &path, canvas_fill(tint));
    canvas_path_free(&path);
}

static void chart_line_path(const chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    const chart_axis *ax = chart_line_axis(ctx, vp, s);
    chart_rect p = vp->plot;
    canvas_path path = {0};
    canvas_paint paint = canvas_stroke(chart_color(ctx, s), 1.6);
    int open = 0;

    paint.round = 1;
    for (size_t r = 0; r < ctx->n_rows; r++) {
        double v = chart_line_top(ctx, s, r);
        if (isnan(v)) {       /* the gap: the line starts again after it */
            open = 0;
            continue;
        }
        double x = chart_row_x(ctx, vp, r), y = chart_axis_pos(ax, v, p.y, p.h);
        if (open) canvas_path_line(&path, x, y);
        else canvas_path_move(&path, x, y);
        open = 1;
    }
    chart_path(ctx, &path, paint);
    canvas_path_free(&path);
}

/* 1 when the value at r has no neighbour to draw a line to: without a
 * marker it would not show at all. */
static int chart_line_alone(const chart_ctx *ctx, size_t s, size_t r)
{
    return (r == 0 || isnan(chart_line_top(ctx, s, r - 1))) &&
           (r + 1 >= ctx->n_rows || isnan(chart_line_top(ctx, s, r + 1)));
}

/* The smallest distance between two neighbouring points, along x. */
static double chart_line_spacing(const chart_ctx *ctx, const chart_vplot *vp)
{
    double gap = vp->plot.w;

    for (size_t r = 1; r < ctx->n_rows; r++) {
        double d = chart_row_x(ctx, vp, r) - chart_row_x(ctx, vp, r - 1);
        if (isfinite(d)) gap = fmin(gap, fabs(d));
    }
    return gap;
}

/* Markers on every value, but for dense series, where they would merge
 * into a bead string: then only on values that stand alone. */
static void chart_line_markers(const chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    const chart_axis *ax = chart_line_axis(ctx, vp, s);
    int dense = chart_line_spacing(ctx, vp) < CHART_DENSE_BAND;

    for (size_t r = 0; r < ctx->n_rows; r++) {
        double v = chart_line_top(ctx, s, r);
        if (isnan(v) || (dense && !chart_line_alone(ctx, s, r))) continue;
        double x = chart_row_x(ctx, vp, r), y = chart_axis_pos(ax, v, vp->plot.y, vp->plot.h);
        canvas_paint paint = {chart_color(ctx, s), CHART_WHITE, 0.8, 0, 0, 0, 0};
        chart_circle(ctx, x, y, CHART_MARKER_R, paint);
    }
}

void chart_line_one(chart_ctx *ctx, const chart_vplot *vp, size_t s, int markers)
{
    if (!ctx->drawing) return;
    chart_group_begin(ctx, CANVAS_GROUP_SERIES, s, chart_series(ctx, s)->label);
    if (chart_is_area(ctx)) chart_area_fill(ctx, vp, s);
    chart_line_path(ctx, vp, s);
    if (markers && !chart_is_area(ctx)) chart_line_markers(ctx, vp, s);
    chart_group_end(ctx);
}

/* A label on a white ground, so that lines passing under it do not cross
 * its digits. */
static void chart_line_label(const chart_ctx *ctx, chart_rect r, double fs, double base,
                             const char *s, size_t n)
{
    chart_fill_rect(ctx, CHART_WHITE, r.x - 1, r.y, r.w + 2, r.h);
    chart_text(ctx, CANVAS_REGULAR, fs, CHART_INK, r.x, base, s, n, 0);
}

/* Value labels above each point, else below, else left out. */
void chart_line_value_labels(chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    const chart_axis *ax = chart_line_axis(ctx, vp, s);
    chart_rect p = vp->plot;
    double fs = ctx->fs * 0.92;

    if (!ctx->drawing) return;
    chart_group_begin(ctx, CANVAS_GROUP_LABELS, s, NULL);
    for (size_t r = 0; r < ctx->n_rows; r++) {
        double v = chart_line_top(ctx, s, r);
        char buf[64];
        if (isnan(v) || isnan(chart_value(ctx, s, r))) continue;
        size_t n = chart_value_label(ctx, s, r, buf, sizeof buf);
        double w = chart_text_width(ctx, CANVAS_REGULAR, fs, buf, n);
        double x = chart_row_x(ctx, vp, r), y = chart_axis_pos(ax, v, p.y, p.h);
        double above = y + CHART_MARKER_R + 2, below = y - CHART_MARKER_R - 2 - fs * 0.75;
        chart_rect a = {x - w / 2, above - fs * 0.22, w, fs * 0.95};
        chart_rect b = {x - w / 2, below - fs * 0.22, w, fs * 0.95};
        if (chart_place(ctx, a, &p) == 0)
            chart_line_label(ctx, a, fs, above, buf, n);
        else if (chart_place(ctx, b, &p) == 0)
            chart_line_label(ctx, b, fs, below, buf, n);
    }
    chart_group_end(ctx);
}

/* Markers are not labels, but labels must not cover them. */
static void chart_line_obstacles(chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    const chart_axis *ax = chart_line_axis(ctx, vp, s);

    for (size_t r = 0; r < ctx->n_rows; r++) {
        double v = chart_line_top(ctx, s, r);
        if (isnan(v)) continue;
        double x = chart_row_x(ctx, vp, r), y = chart_axis_pos(ax, v, vp->plot.y, vp->plot.h);
        chart_place(ctx, (chart_rect){x - CHART_MARKER_R, y - CHART_MARKER_R, 2 * CHART_MARKER_R,
                                      2 * CHART_MARKER_R}, NULL);
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
    const quire_chart *c = ctx->chart;

    if (ctx->n_rows == 0) return;
    chart_line_range(ctx, &lo, &hi);
    chart_vplot_layout(ctx, lo, hi, c->value_labels, box.w, &box, &vp);
    chart_vplot_draw_frame(ctx, &vp, box.x);
    chart_references(ctx, &vp.ax, 0, vp.plot, 0, 0);
    if (ctx->has_right) chart_references(ctx, &vp.ax2, 1, vp.plot, 0, 0);
    /* stacked areas from the top of the stack down, so each shows whole */
    if (vp.ax.fixed) chart_clip_begin(ctx, vp.plot);
    for (size_t k = 0; k < c->n_y; k++)
        chart_line_one(ctx, &vp, chart_is_area(ctx) && c->stacked ? c->n_y - 1 - k : k, 1);
    if (vp.ax.fixed) chart_clip_end(ctx);
    if (vp.ax.t.lo_end < 0 && vp.ax.t.hi_end > 0)
        chart_hline(ctx, vp.plot.x, vp.plot.x + vp.plot.w,
                    chart_axis_pos(&vp.ax, 0, vp.plot.y, vp.plot.h), 0.7, CHART_ZERO);
    else
        chart_hline(ctx, vp.plot.x, vp.plot.x + vp.plot.w, vp.plot.y, 0.7, CHART_ZERO);
    chart_references(ctx, &vp.ax, 0, vp.plot, 0, 1);
    if (ctx->has_right) chart_references(ctx, &vp.ax2, 1, vp.plot, 0, 1);
    for (size_t s = 0; s < c->n_y && c->value_labels && !chart_is_area(ctx); s++)
        chart_line_obstacles(ctx, &vp, s);
    for (size_t s = 0; s < c->n_y && c->value_labels; s++)
        chart_line_value_labels(ctx, &vp, s);
}
