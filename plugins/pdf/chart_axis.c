/* chart_axis.c — the value axis (ticks, grid, zero line) and the
 * category labels, laid out so that no two labels collide. */
#include <math.h>
#include <string.h>

#include "chart_internal.h"

#define CHART_SIN45 0.70710678

static double chart_axis_label_width(const chart_ctx *ctx, const ticks *t)
{
    double w = 0;
    char buf[64];

    for (int i = 0; i < t->count; i++) {
        size_t n = ticks_label(buf, sizeof buf, t, i);
        w = fmax(w, chart_text_width(ctx, ctx->style->font, ctx->fs, buf, n));
    }
    return w;
}

/* Values along y: about one tick every 42 points. */
void chart_axis_vertical(const chart_ctx *ctx, double lo, double hi, double length,
                         chart_axis *ax)
{
    int target = (int)lround(length / 42);

    if (target < 2) target = 2;
    if (target > 7) target = 7;
    ticks_compute(lo, hi, target, &ax->t);
    ax->label_w = chart_axis_label_width(ctx, &ax->t);
}

/* Values along x: as many ticks as fit with their labels apart. */
void chart_axis_horizontal(const chart_ctx *ctx, double lo, double hi, double length,
                           chart_axis *ax)
{
    int target = (int)lround(length / 50);

    if (target > 8) target = 8;
    for (; target >= 2; target--) {
        ticks_compute(lo, hi, target, &ax->t);
        ax->label_w = chart_axis_label_width(ctx, &ax->t);
        if (ax->t.count < 2 || length / (ax->t.count - 1) >= ax->label_w + ctx->fs) return;
    }
    ticks_compute(lo, hi, 1, &ax->t);
    ax->label_w = chart_axis_label_width(ctx, &ax->t);
}

double chart_axis_pos(const chart_axis *ax, double v, double from, double length)
{
    double span = ax->t.max - ax->t.min;

    return span > 0 ? from + (v - ax->t.min) / span * length : from;
}

void chart_axis_draw_vertical(const chart_ctx *ctx, const chart_axis *ax, chart_rect plot)
{
    char buf[64];

    for (int i = 0; i < ax->t.count; i++) {
        double v = ticks_value(&ax->t, i);
        double y = chart_axis_pos(ax, v, plot.y, plot.h);
        size_t n = ticks_label(buf, sizeof buf, &ax->t, i);
        if (v != 0) chart_hline(ctx, plot.x, plot.x + plot.w, y, 0.4, CHART_GRID);
        chart_text(ctx, ctx->style->font, ctx->fs, CHART_INK_SOFT, plot.x - 4,
                   y - ctx->fs * 0.35, buf, n, 2);
    }
}

void chart_axis_draw_horizontal(const chart_ctx *ctx, const chart_axis *ax, chart_rect plot)
{
    char buf[64];

    for (int i = 0; i < ax->t.count; i++) {
        double v = ticks_value(&ax->t, i);
        double x = chart_axis_pos(ax, v, plot.x, plot.w);
        size_t n = ticks_label(buf, sizeof buf, &ax->t, i);
        if (v != 0) chart_vline(ctx, x, plot.y, plot.y + plot.h, 0.4, CHART_GRID);
        chart_text(ctx, ctx->style->font, ctx->fs, CHART_INK_SOFT, x,
                   plot.y - ctx->fs - 3, buf, n, 1);
    }
}

/* Picks how category labels fit under bands of plot_w / n points: on one
 * line, wrapped on two, or rotated 45 degrees and thinned. */
void chart_cats_layout(const chart_ctx *ctx, double plot_w, chart_cats *cl)
{
    double band, max_w = 0;
    int wraps = 1;
    size_t max_lines = 1;

    memset(cl, 0, sizeof *cl);
    cl->every = 1;
    if (ctx->n_rows == 0) return;
    band = plot_w / ctx->n_rows;
    for (size_t r = 0; r < ctx->n_rows; r++) {
        chart_line lines[3];
        int broke;
        size_t n;
        max_w = fmax(max_w, chart_text_width(ctx, ctx->style->font, ctx->fs, ctx->cats[r],
                                             strlen(ctx->cats[r])));
        n = chart_text_wrap(ctx, ctx->style->font, ctx->fs, ctx->cats[r], band - 4, lines, 3, &broke);
        if (n > 2 || broke) wraps = 0;
        if (n > max_lines) max_lines = n;
    }
    if (max_w <= band - 4) {
        cl->mode = CHART_CATS_STRAIGHT;
        cl->height = ctx->lh + 3;
    } else if (wraps) {
        cl->mode = CHART_CATS_WRAP;
        cl->height = max_lines * ctx->lh + 3;
    } else {
        cl->mode = CHART_CATS_ROTATE;
        /* one blank line's worth between rotated labels, for reading */
        cl->every = (size_t)ceil(ctx->fs * 1.6 / (band * CHART_SIN45));
        if (cl->every < 1) cl->every = 1;
        cl->max_w = fmin(max_w, 110);
        cl->height = cl->max_w * CHART_SIN45 + ctx->fs * 0.5 + 4;
    }
}

static void chart_cats_draw_rotated(const chart_ctx *ctx, const chart_cats *cl, double cx,
                                    double top, double x0, const char *label)
{
    char buf[256];
    double room = fmin(cl->max_w, (cx - x0) / CHART_SIN45);
    size_t n = chart_text_shorten(ctx, ctx->style->font, ctx->fs, label, room, buf, sizeof buf);
    double w = chart_text_width(ctx, ctx->style->font, ctx->fs, buf, n);
    /* the text's middle line ends at the band's centre, just under the axis */
    double ex = cx + 0.25 * ctx->fs, ey = top - 2 - 0.25 * ctx->fs;

    chart_text_rotated(ctx, ctx->style->font, ctx->fs, CHART_INK, ex - w * CHART_SIN45,
                       ey - w * CHART_SIN45, 45, buf, n);
}

/* Draws the labels under plot; x0 is the chart's left edge, which rotated
 * labels must not cross. */
void chart_cats_draw(const chart_ctx *ctx, const chart_cats *cl, chart_rect plot, double x0)
{
    double band = ctx->n_rows ? plot.w / ctx->n_rows : 0, top = plot.y - 3;

    for (size_t r = 0; r < ctx->n_rows; r += cl->every) {
        double cx = plot.x + (r + 0.5) * band;
        const char *s = ctx->cats[r];
        if (cl->mode == CHART_CATS_ROTATE) {
            chart_cats_draw_rotated(ctx, cl, cx, top, x0, s);
        } else {
            chart_line lines[2];
            size_t n = chart_text_wrap(ctx, ctx->style->font, ctx->fs, s,
                                       cl->mode == CHART_CATS_WRAP ? band - 4 : 1e9, lines, 2, NULL);
            for (size_t i = 0; i < n && i < 2; i++)
                chart_text(ctx, ctx->style->font, ctx->fs, CHART_INK, cx,
                           top - ctx->fs * 0.95 - i * ctx->lh, s + lines[i].off, lines[i].len, 1);
        }
    }
}

/* Lays out a column or line plot in width w: ticks chosen for the natural
 * plot height, so that chart_height() and chart_draw() agree; with a box,
 * the plot stretches to fill it. labels: leave room for value labels. */
void chart_vplot_layout(const chart_ctx *ctx, double lo, double hi, int labels, double w,
                        const chart_rect *box, chart_vplot *vp)
{
    double nat = fmin(fmax(w * 0.36, 100), 200), left;

    if (labels) {
        double extra = (hi - lo) * (ctx->lh + 2) / nat;
        if (hi > 0 || lo >= 0) hi += extra;
        if (lo < 0) lo -= extra;
    }
    chart_axis_vertical(ctx, lo, hi, nat, &vp->ax);
    left = vp->ax.label_w + 6;
    chart_cats_layout(ctx, w - left - 2, &vp->cats);
    vp->height = nat + vp->cats.height + ctx->fs * 0.5;
    vp->plot = (chart_rect){left, vp->cats.height, w - left - 2, nat};
    if (box) {
        vp->plot.x += box->x;
        vp->plot.y += box->y;
        vp->plot.h = box->h - vp->cats.height - ctx->fs * 0.5;
        if (vp->plot.h < 20) vp->plot.h = 20;
        /* squeezed: fewer ticks, so their labels stay apart; a larger step
         * never needs wider labels, so the left margin still holds them */
        if (vp->plot.h < nat) chart_axis_vertical(ctx, lo, hi, vp->plot.h, &vp->ax);
    }
}

/* Grid, tick labels and category labels; the zero line comes after the
 * data so that it lies on top. */
void chart_vplot_draw_frame(const chart_ctx *ctx, const chart_vplot *vp, double x0)
{
    chart_axis_draw_vertical(ctx, &vp->ax, vp->plot);
    chart_cats_draw(ctx, &vp->cats, vp->plot, x0);
}
