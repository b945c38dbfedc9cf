/* chart_bar.c — bar charts: grouped or stacked, columns or horizontal
 * bars, with a zero line for negative values and optional value labels. */
#include <math.h>
#include <string.h>

#include "chart_internal.h"

#define CHART_HBAR_MAX_PLOT 460.0   /* beyond this, bars get thinner, not the chart taller */
#define CHART_HBAR_TOP 4.0          /* air between the legend and the first bar */

static void chart_range_with_zero(const chart_ctx *ctx, double *lo, double *hi)
{
    chart_range(ctx, lo, hi);
    *lo = fmin(*lo, 0);
    *hi = fmax(*hi, 0);
}

/* A bar's colour: its series', muted when a highlight leaves its row out. */
static uint32_t chart_bar_color(const chart_ctx *ctx, size_t s, size_t r)
{
    uint32_t rgb = chart_color(ctx, s);
    return chart_has_highlight(ctx) && !chart_highlighted(ctx, r) ? chart_muted(rgb) : rgb;
}

/* The axis a bar series is measured on. */
static const chart_axis *chart_bar_axis(const chart_ctx *ctx, const chart_vplot *vp, size_t s)
{
    return chart_series_right(ctx, s) ? &vp->ax2 : &vp->ax;
}

static void chart_bar_rect(const chart_ctx *ctx, uint32_t rgb, double x, double y, double w, double h)
{
    chart_fill_rect(ctx, rgb, x, y, w, h);
}

/* How a value label may sit where lines pass. */
enum { LABEL_CLEAR, LABEL_GROUND, LABEL_IN_BAR };

/* A value label centred at cx with its baseline at base, if it fits.
 * LABEL_CLEAR: not across a reference line; LABEL_GROUND: anywhere, on a
 * white ground, so that reference lines and line series drawn before it
 * do not strike it through; LABEL_IN_BAR: inside its bar, bare. */
static int chart_bar_label(chart_ctx *ctx, size_t s, size_t r, double cx, double base,
                           uint32_t rgb, const chart_rect *within, int align, int how)
{
    char buf[64];
    size_t n = chart_value_label(ctx, s, r, buf, sizeof buf);
    double fs = ctx->fs * 0.92, w = chart_text_width(ctx, CANVAS_REGULAR, fs, buf, n);
    double x = align == 1 ? cx - w / 2 : align == 2 ? cx - w : cx;
    chart_rect rect = {x, base - fs * 0.22, w, fs * 0.95};

    if (how == LABEL_CLEAR && chart_crosses_reference(ctx, rect)) return -1;
    if (chart_place_in(ctx, rect, within, how == LABEL_IN_BAR)) return -1;
    if (how != LABEL_IN_BAR) chart_fill_rect(ctx, CHART_WHITE, x - 1, rect.y, w + 2, rect.h);
    chart_text(ctx, CANVAS_REGULAR, fs, rgb, x, base, buf, n, 0);
    return 0;
}

/* Where a stacked bar of series s starts in row r: the sum of the earlier
 * bar series' values of the same sign. */
static double chart_stack_from(const chart_ctx *ctx, size_t s, size_t r, double v)
{
    double from = 0;

    for (size_t e = 0; e < s; e++) {
        double u = chart_series_line(ctx, e) ? NAN : chart_value(ctx, e, r);
        if (!isnan(u) && (u >= 0) == (v >= 0)) from += u;
    }
    return from;
}

/* Bar series before s: the place of s's bar in its group. */
static size_t chart_bar_place(const chart_ctx *ctx, size_t s)
{
    size_t k = 0;

    for (size_t e = 0; e < s; e++) k += !chart_series_line(ctx, e);
    return k;
}

/* The column of series s in row r; 0 when there is one (a value). */
static int chart_column(const chart_ctx *ctx, const chart_vplot *vp, size_t s, size_t r,
                        chart_rect *bar, double *x, double *bw, double *ya, double *yb)
{
    const quire_chart *c = ctx->chart;
    chart_rect p = vp->plot;
    double band = p.w / ctx->n_rows;
    double group = band * (c->stacked ? 0.55 : 0.72);
    double v = chart_value(ctx, s, r), from;
    const chart_axis *ax = chart_bar_axis(ctx, vp, s);

    *bw = c->stacked ? group : group / (ctx->n_bars ? ctx->n_bars : 1);
    double gap = *bw > 6 ? 1 : 0, left = p.x + r * band + (band - group) / 2;
    *x = c->stacked ? left : left + chart_bar_place(ctx, s) * *bw;
    if (isnan(v)) return -1;
    from = c->stacked ? chart_stack_from(ctx, s, r, v) : 0;
    *ya = chart_axis_pos(ax, from, p.y, p.h);
    *yb = chart_axis_pos(ax, from + v, p.y, p.h);
    *bar = (chart_rect){*x + gap / 2, fmin(*ya, *yb), *bw - gap, fabs(*yb - *ya)};
    return 0;
}

/* The columns, series by series (grouped ones with labels become
 * obstacles for the labels). */
static void chart_columns_bars(chart_ctx *ctx, const chart_vplot *vp)
{
    const quire_chart *c = ctx->chart;

    for (size_t s = 0; s < c->n_y; s++) {
        if (chart_series_line(ctx, s)) continue;
        chart_group_begin(ctx, CANVAS_GROUP_SERIES, s, chart_series(ctx, s)->label);
        for (size_t r = 0; r < ctx->n_rows; r++) {
            chart_rect bar;
            double x, bw, ya, yb;
            if (chart_column(ctx, vp, s, r, &bar, &x, &bw, &ya, &yb)) continue;
            chart_bar_rect(ctx, chart_bar_color(ctx, s, r), bar.x, bar.y, bar.w, bar.h);
            /* obstacles for labels; in a combined chart the lines' labels
             * come first, on a white ground over the bars */
            if (c->value_labels && !c->stacked && ctx->n_bars == (int)c->n_y)
                chart_place(ctx, bar, NULL);
        }
        chart_group_end(ctx);
    }
}

/* The columns' value labels. */
static void chart_columns_labels(chart_ctx *ctx, const chart_vplot *vp)
{
    const quire_chart *c = ctx->chart;
    chart_rect p = vp->plot;

    chart_group_begin(ctx, CANVAS_GROUP_LABELS, 0, NULL);
    for (size_t r = 0; r < ctx->n_rows; r++) {
        for (size_t s = 0; s < c->n_y; s++) {
            chart_rect bar;
            double x, bw, ya, yb, v = chart_value(ctx, s, r);
            if (chart_series_line(ctx, s) || chart_column(ctx, vp, s, r, &bar, &x, &bw, &ya, &yb))
                continue;
            if (c->stacked) {
                if (bar.h >= ctx->fs * 1.1)
                    chart_bar_label(ctx, s, r, x + bw / 2, (ya + yb) / 2 - ctx->fs * 0.32,
                                    chart_ink_on(chart_color(ctx, s)), &bar, 1, LABEL_IN_BAR);
            } else {
                double base = v >= 0 ? yb + 2.5 : yb - 2.5 - ctx->fs * 0.72;
                /* beyond the bar's end, clear of reference lines; else just
                 * inside it; else beyond it on a white ground */
                double inside = v >= 0 ? yb - 2.5 - ctx->fs * 0.72 : yb + 2.5;
                if (chart_bar_label(ctx, s, r, x + bw / 2, base, CHART_INK, &p, 1, LABEL_CLEAR) &&
                    chart_bar_label(ctx, s, r, x + bw / 2, inside,
                                    chart_ink_on(chart_bar_color(ctx, s, r)), &bar, 1,
                                    LABEL_IN_BAR))
                    chart_bar_label(ctx, s, r, x + bw / 2, base, CHART_INK, &p, 1, LABEL_GROUND);
            }
        }
    }
    chart_group_end(ctx);
}

static void chart_columns_draw(chart_ctx *ctx, const chart_vplot *vp)
{
    chart_rect p = vp->plot;
    const quire_chart *c = ctx->chart;

    chart_references(ctx, &vp->ax, 0, p, 0, 0);
    if (ctx->has_right) chart_references(ctx, &vp->ax2, 1, p, 0, 0);
    if (vp->ax.fixed) chart_clip_begin(ctx, p);
    chart_columns_bars(ctx, vp);
    if (vp->ax.fixed) chart_clip_end(ctx);
    if (vp->ax.t.lo_end <= 0 && vp->ax.t.hi_end >= 0)
        chart_hline(ctx, p.x, p.x + p.w, chart_axis_pos(&vp->ax, 0, p.y, p.h), 0.7, CHART_ZERO);
    /* the lines of a combined chart over the bars */
    for (size_t s = 0; s < c->n_y; s++)
        if (chart_series_line(ctx, s)) chart_line_one(ctx, vp, s, 1);
    chart_references(ctx, &vp->ax, 0, p, 0, 1);
    if (ctx->has_right) chart_references(ctx, &vp->ax2, 1, p, 0, 1);
    for (size_t s = 0; s < c->n_y && c->value_labels; s++)
        if (chart_series_line(ctx, s)) chart_line_value_labels(ctx, vp, s);
    if (c->value_labels) chart_columns_labels(ctx, vp);
}

/* ---- horizontal bars ------------------------------------------------ */

/* The layout of horizontal bars: a column of category labels on the left,
 * the value axis at the bottom. */
typedef struct chart_hbar {
    double cat_w;               /* width of the label column */
    size_t lines;               /* label lines per band (1 or 2) */
    size_t every;               /* thinning of labels */
    chart_axis ax;
    chart_rect plot;
    double height;
} chart_hbar;

/* Category labels for bands band points high: one line when two do not
 * fit, and only every n-th label when one line does not. */
static void chart_hbar_thin(const chart_ctx *ctx, chart_hbar *hb, double band)
{
    if (band < hb->lines * ctx->lh) hb->lines = 1;
    hb->every = band >= ctx->lh ? 1 : (size_t)ceil(ctx->lh / band);
}

static void chart_hbar_layout(const chart_ctx *ctx, double w, const chart_rect *box, chart_hbar *hb)
{
    const quire_chart *c = ctx->chart;
    double max_w = 0, band, lo, hi, label_w = 0, nat, axis_h = ctx->lh + 4;
    int two = 0;

    memset(&hb->ax, 0, sizeof hb->ax);
    for (size_t r = 0; r < ctx->n_rows; r++)
        max_w = fmax(max_w, chart_text_width(ctx, CANVAS_REGULAR, ctx->fs, ctx->cats[r], strlen(ctx->cats[r])));
    hb->cat_w = fmin(max_w, w * 0.3);
    for (size_t r = 0; r < ctx->n_rows && max_w > hb->cat_w; r++)
        if (chart_text_wrap(ctx, CANVAS_REGULAR, ctx->fs, ctx->cats[r], hb->cat_w, NULL, 0, NULL) > 1)
            two = 1;
    hb->lines = two ? 2 : 1;
    band = fmax(fmax(hb->lines * ctx->lh + 5, c->stacked ? 16 : c->n_y * 9.0 + 7), 18);
    nat = fmin(band * ctx->n_rows, fmax(CHART_HBAR_MAX_PLOT, 0));
    chart_hbar_thin(ctx, hb, nat / ctx->n_rows);

    chart_range_with_zero(ctx, &lo, &hi);
    hb->plot.x = hb->cat_w + 8;
    if (c->value_labels) {   /* room at the bar ends for the widest label */
        char buf[64];
        for (size_t s = 0; s < c->n_y; s++)
            for (size_t r = 0; r < ctx->n_rows; r++) {
                size_t n = chart_value_label(ctx, s, r, buf, sizeof buf);
                label_w = fmax(label_w, chart_text_width(ctx, CANVAS_REGULAR, ctx->fs * 0.92, buf, n));
            }
    }
    /* the axis, then the labels at its scale: widened until the labels at
     * both ends fit, which the last tick label's overhang can undo once */
    double need_lo = lo, need_hi = hi;
    for (int round = 0; round < 4; round++) {
        hb->plot.w = w - hb->plot.x - 4;
        chart_axis_horizontal(ctx, lo, hi, hb->plot.w, &hb->ax);
        /* the last tick label is centred on the plot's right edge */
        hb->plot.w -= hb->ax.label_w / 2;
        if (!c->value_labels || c->stacked) break;
        double span = hb->ax.t.hi_end - hb->ax.t.lo_end, per = span > 0 ? hb->plot.w / span : 0;
        if (per <= 0) break;
        double room = (label_w + 4) / per;   /* in values */
        double want_lo = need_lo < 0 ? need_lo - room : lo, want_hi = need_hi > 0 || need_lo >= 0 ? need_hi + room : hi;
        if (hb->ax.t.lo_end <= want_lo + 1e-12 * span && hb->ax.t.hi_end >= want_hi - 1e-12 * span) break;
        lo = fmin(lo, want_lo), hi = fmax(hi, want_hi);
    }
    hb->height = nat + axis_h + CHART_HBAR_TOP;
    hb->plot.y = axis_h;
    hb->plot.h = nat;
    if (box) {
        hb->plot.x += box->x;
        hb->plot.y += box->y;
        hb->plot.h = fmax(box->h - axis_h - CHART_HBAR_TOP, 20);
        chart_hbar_thin(ctx, hb, hb->plot.h / ctx->n_rows);
    }
}

static void chart_hbar_cat(const chart_ctx *ctx, const chart_hbar *hb, size_t r, double mid)
{
    chart_line lines[2];
    char buf[256];
    size_t n = hb->lines == 2 ? chart_text_wrap(ctx, CANVAS_REGULAR, ctx->fs, ctx->cats[r],
                                                hb->cat_w, lines, 2, NULL) : 1;
    double x = hb->plot.x - 6;

    if (n == 1 || n > 2) {
        size_t len = chart_text_shorten(ctx, CANVAS_REGULAR, ctx->fs, ctx->cats[r], hb->cat_w, buf, sizeof buf);
        chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK, x, mid - ctx->fs * 0.35, buf, len, 2);
        return;
    }
    for (size_t i = 0; i < 2; i++)
        chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK, x,
                   mid + ctx->lh * 0.5 - ctx->fs * 0.35 - i * ctx->lh,
                   ctx->cats[r] + lines[i].off, lines[i].len, 2);
}

/* The bar of series s in row r; 0 when there is one (a value). */
static int chart_hbar_at(const chart_ctx *ctx, const chart_hbar *hb, size_t s, size_t r,
                         chart_rect *bar, double *base, double *xa, double *xb)
{
    const quire_chart *c = ctx->chart;
    chart_rect p = hb->plot;
    double band = p.h / ctx->n_rows;
    double group = band * (c->stacked ? 0.6 : 0.72);
    double bh = c->stacked ? group : group / c->n_y;
    double gap = bh > 6 ? 1 : 0;
    double top = p.y + p.h - r * band - (band - group) / 2;
    double v = chart_value(ctx, s, r), y = c->stacked ? top - bh : top - (s + 1) * bh;

    if (isnan(v)) return -1;
    double from = c->stacked ? chart_stack_from(ctx, s, r, v) : 0;
    *xa = chart_axis_pos(&hb->ax, from, p.x, p.w);
    *xb = chart_axis_pos(&hb->ax, from + v, p.x, p.w);
    *bar = (chart_rect){fmin(*xa, *xb), y + gap / 2, fabs(*xb - *xa), bh - gap};
    *base = y + bh / 2 - ctx->fs * 0.32;
    return 0;
}

/* The category labels, then the bars series by series. */
static void chart_hbars_bars(chart_ctx *ctx, const chart_hbar *hb)
{
    const quire_chart *c = ctx->chart;
    chart_rect p = hb->plot;
    double band = p.h / ctx->n_rows;

    chart_group_begin(ctx, CANVAS_GROUP_AXIS, 0, NULL);
    for (size_t r = 0; r < ctx->n_rows; r += hb->every)
        chart_hbar_cat(ctx, hb, r, p.y + p.h - (r + 0.5) * band);
    chart_group_end(ctx);
    for (size_t s = 0; s < c->n_y; s++) {
        chart_group_begin(ctx, CANVAS_GROUP_SERIES, s, chart_series(ctx, s)->label);
        for (size_t r = 0; r < ctx->n_rows; r++) {
            chart_rect bar;
            double base, xa, xb;
            if (chart_hbar_at(ctx, hb, s, r, &bar, &base, &xa, &xb)) continue;
            chart_bar_rect(ctx, chart_bar_color(ctx, s, r), bar.x, bar.y, bar.w, bar.h);
            if (c->value_labels && !c->stacked) chart_place(ctx, bar, NULL);
        }
        chart_group_end(ctx);
    }
}

static void chart_hbars_labels(chart_ctx *ctx, const chart_hbar *hb)
{
    const quire_chart *c = ctx->chart;
    chart_rect p = hb->plot;

    chart_group_begin(ctx, CANVAS_GROUP_LABELS, 0, NULL);
    for (size_t r = 0; r < ctx->n_rows; r++)
        for (size_t s = 0; s < c->n_y; s++) {
            chart_rect bar;
            double base, xa, xb, v = chart_value(ctx, s, r);
            if (chart_hbar_at(ctx, hb, s, r, &bar, &base, &xa, &xb)) continue;
            if (c->stacked)
                chart_bar_label(ctx, s, r, (xa + xb) / 2, base, chart_ink_on(chart_color(ctx, s)),
                                &bar, 1, LABEL_IN_BAR);
            else if (chart_bar_label(ctx, s, r, v >= 0 ? xb + 3 : xb - 3, base, CHART_INK, &p,
                                     v >= 0 ? 0 : 2, LABEL_GROUND))
                /* the end taken (a reference's label): just inside the bar */
                chart_bar_label(ctx, s, r, v >= 0 ? xb - 3 : xb + 3, base,
                                chart_ink_on(chart_bar_color(ctx, s, r)), &bar, v >= 0 ? 2 : 0,
                                LABEL_IN_BAR);
        }
    chart_group_end(ctx);
}

static void chart_hbars_draw(chart_ctx *ctx, const chart_hbar *hb)
{
    chart_rect p = hb->plot;

    chart_group_begin(ctx, CANVAS_GROUP_AXIS, 0, NULL);
    chart_axis_draw_horizontal(ctx, &hb->ax, p);
    chart_group_end(ctx);
    chart_references(ctx, &hb->ax, 0, p, 1, 0);
    chart_hbars_bars(ctx, hb);
    if (hb->ax.t.lo_end <= 0 && hb->ax.t.hi_end >= 0)
        chart_vline(ctx, chart_axis_pos(&hb->ax, 0, p.x, p.w), p.y, p.y + p.h, 0.7, CHART_ZERO);
    chart_references(ctx, &hb->ax, 0, p, 1, 1);
    if (ctx->chart->value_labels) chart_hbars_labels(ctx, hb);
}

/* ---- entry points --------------------------------------------------- */

double chart_bar_height(const chart_ctx *ctx, double w)
{
    double lo, hi;

    if (ctx->n_rows == 0) return ctx->lh * 2;
    if (ctx->horizontal) {
        chart_hbar hb;
        chart_hbar_layout(ctx, w, NULL, &hb);
        return hb.height;
    }
    chart_vplot vp;
    chart_range_with_zero(ctx, &lo, &hi);
    chart_vplot_layout(ctx, lo, hi, ctx->chart->value_labels, w, NULL, &vp);
    return vp.height;
}

void chart_bar_draw(chart_ctx *ctx, chart_rect box)
{
    double lo, hi;

    if (ctx->n_rows == 0) return;
    if (ctx->horizontal) {
        chart_hbar hb;
        chart_hbar_layout(ctx, box.w, &box, &hb);
        chart_hbars_draw(ctx, &hb);
        return;
    }
    chart_vplot vp;
    chart_range_with_zero(ctx, &lo, &hi);
    chart_vplot_layout(ctx, lo, hi, ctx->chart->value_labels, box.w, &box, &vp);
    chart_vplot_draw_frame(ctx, &vp, box.x);
    chart_columns_draw(ctx, &vp);
}
