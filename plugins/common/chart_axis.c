/* chart_axis.c — the value axis (ticks, grid, zero line) and the
 * category labels, laid out so that no two labels collide. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_internal.h"
#include "datefmt.h"

#define CHART_SIN45 0.70710678

static double chart_axis_label_width(const chart_ctx *ctx, const chart_axis *ax)
{
    const ticks *t = &ax->t;
    double w = 0;
    char buf[64];

    for (int i = 0; i < t->count; i++) {
        size_t n = chart_tick_label(ctx, ax->right, t, i, buf, sizeof buf);
        w = fmax(w, chart_text_width(ctx, CANVAS_REGULAR, ctx->fs, buf, n));
    }
    return w;
}

/* Ticks over [lo, hi] that end at the next minor tick beyond the data,
 * or exactly at y_min / y_max on the left axis when the template gives
 * them. A range no tick can divide gets the axis 0 to 1. */
static void chart_axis_ticks(const chart_ctx *ctx, chart_axis *ax, double lo, double hi,
                             int target)
{
    double a = lo, b = hi;

    ax->fixed = 0;
    if (!ax->right) {
        if (!isnan(ctx->y_min)) a = ctx->y_min, ax->fixed = 1;
        if (!isnan(ctx->y_max)) b = ctx->y_max, ax->fixed = 1;
        if (!(a < b)) a = lo, b = hi, ax->fixed = 0;
    }
    if (ax->fixed && !isnan(ctx->y_min) && !isnan(ctx->y_max) &&
        ticks_fixed(a, b, target, &ax->t) == 0)
        return;
    if (ticks_compute(a, b, target, &ax->t) != 0 || !(ax->t.step > 0) || ax->t.count < 1 ||
        ax->t.count > 1000) {
        ticks_compute(0, 1, target, &ax->t);
        ax->fixed = 0;
        return;
    }
    ticks_trim(&ax->t, a, b);
    if (!ax->right && !isnan(ctx->y_min) && ax->fixed) ax->t.lo_end = ctx->y_min;
    if (!ax->right && !isnan(ctx->y_max) && ax->fixed) ax->t.hi_end = ctx->y_max;
}

/* Values along y: about one tick every 42 points. */
void chart_axis_vertical(const chart_ctx *ctx, double lo, double hi, double length,
                         chart_axis *ax)
{
    int target = (int)lround(length / 42);

    if (target < 2) target = 2;
    if (target > 7) target = 7;
    chart_axis_ticks(ctx, ax, lo, hi, target);
    ax->label_w = chart_axis_label_width(ctx, ax);
}

/* Values along x: as many ticks as fit with their labels apart. */
void chart_axis_horizontal(const chart_ctx *ctx, double lo, double hi, double length,
                           chart_axis *ax)
{
    int target = (int)lround(length / 50);

    if (target > 8) target = 8;
    for (; target >= 2; target--) {
        chart_axis_ticks(ctx, ax, lo, hi, target);
        ax->label_w = chart_axis_label_width(ctx, ax);
        if (ax->t.count < 2 ||
            length * (ax->t.max - ax->t.min) / (ax->t.hi_end - ax->t.lo_end) / (ax->t.count - 1)
                >= ax->label_w + ctx->fs)
            return;
    }
    chart_axis_ticks(ctx, ax, lo, hi, 1);
    ax->label_w = chart_axis_label_width(ctx, ax);
}

double chart_axis_pos(const chart_axis *ax, double v, double from, double length)
{
    double span = ax->t.hi_end - ax->t.lo_end;

    return span > 0 ? from + (v - ax->t.lo_end) / span * length : from;
}

void chart_axis_draw_vertical(const chart_ctx *ctx, const chart_axis *ax, chart_rect plot)
{
    char buf[64];

    for (int i = 0; i < ax->t.count; i++) {
        double v = ticks_value(&ax->t, i);
        double y = chart_axis_pos(ax, v, plot.y, plot.h);
        size_t n = chart_tick_label(ctx, 0, &ax->t, i, buf, sizeof buf);
        if (v != 0) chart_hline(ctx, plot.x, plot.x + plot.w, y, 0.4, CHART_GRID);
        chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK_SOFT, plot.x - 4,
                   y - ctx->fs * 0.35, buf, n, 2);
    }
}

/* The secondary axis: its labels to the right of the plot, and a short
 * tick, but no grid (the left axis' grid is the one to read). */
void chart_axis_draw_right(const chart_ctx *ctx, const chart_axis *ax, chart_rect plot)
{
    char buf[64];
    double x = plot.x + plot.w;

    chart_vline(ctx, x, plot.y, plot.y + plot.h, 0.5, CHART_ZERO);
    for (int i = 0; i < ax->t.count; i++) {
        double y = chart_axis_pos(ax, ticks_value(&ax->t, i), plot.y, plot.h);
        size_t n = chart_tick_label(ctx, 1, &ax->t, i, buf, sizeof buf);
        chart_hline(ctx, x, x + 3, y, 0.5, CHART_ZERO);
        chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK_SOFT, x + 5, y - ctx->fs * 0.35,
                   buf, n, 0);
    }
}

void chart_axis_draw_horizontal(const chart_ctx *ctx, const chart_axis *ax, chart_rect plot)
{
    char buf[64];

    for (int i = 0; i < ax->t.count; i++) {
        double v = ticks_value(&ax->t, i);
        double x = chart_axis_pos(ax, v, plot.x, plot.w);
        size_t n = chart_tick_label(ctx, 0, &ax->t, i, buf, sizeof buf);
        if (v != 0) chart_vline(ctx, x, plot.y, plot.y + plot.h, 0.4, CHART_GRID);
        chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK_SOFT, x,
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
        max_w = fmax(max_w, chart_text_width(ctx, CANVAS_REGULAR, ctx->fs, ctx->cats[r],
                                             strlen(ctx->cats[r])));
        n = chart_text_wrap(ctx, CANVAS_REGULAR, ctx->fs, ctx->cats[r], band - 4, lines, 3, &broke);
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
    size_t n = chart_text_shorten(ctx, CANVAS_REGULAR, ctx->fs, label, room, buf, sizeof buf);
    double w = chart_text_width(ctx, CANVAS_REGULAR, ctx->fs, buf, n);
    /* the text's middle line ends at the band's centre, just under the axis */
    double ex = cx + 0.25 * ctx->fs, ey = top - 2 - 0.25 * ctx->fs;

    chart_text_rotated(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK, ex - w * CHART_SIN45,
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
            size_t n = chart_text_wrap(ctx, CANVAS_REGULAR, ctx->fs, s,
                                       cl->mode == CHART_CATS_WRAP ? band - 4 : 1e9, lines, 2, NULL);
            for (size_t i = 0; i < n && i < 2; i++)
                chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK, cx,
                           top - ctx->fs * 0.95 - i * ctx->lh, s + lines[i].off, lines[i].len, 1);
        }
    }
}

/* The secondary axis' range: zero included for bars, and for lines when
 * it is near; a little air at a floating end. */
static void chart_right_range(const chart_ctx *ctx, double *lo, double *hi)
{
    int bars = 0;

    chart_axis_range(ctx, 1, lo, hi);
    for (size_t s = 0; s < ctx->chart->n_y; s++)
        bars |= chart_series_right(ctx, s) && !chart_series_line(ctx, s);
    if (bars || (*lo > 0 && *lo < *hi * 0.5)) *lo = fmin(*lo, 0);
    if (bars || (*hi < 0 && *hi > *lo * 0.5)) *hi = fmax(*hi, 0);
    double pad = (*hi - *lo) * 0.05;
    if (*lo != 0) *lo -= pad;
    if (*hi != 0) *hi += pad;
}

static void chart_labels_room(const chart_ctx *ctx, double nat, double *lo, double *hi)
{
    double extra = (*hi - *lo) * (ctx->lh + 2) / nat;
    if (*hi > 0 || *lo >= 0) *hi += extra;
    if (*lo < 0) *lo -= extra;
}

/* Lays out a column or line plot in width w: ticks chosen for the natural
 * plot height, so that chart_height() and chart_draw() agree; with a box,
 * the plot stretches to fill it. labels: leave room for value labels. */
void chart_vplot_layout(const chart_ctx *ctx, double lo, double hi, int labels, double w,
                        const chart_rect *box, chart_vplot *vp)
{
    double nat = fmin(fmax(w * 0.36, 100), 200), left, right = 2, lo2 = 0, hi2 = 1;

    if (ctx->chart->height_pt > 0) nat = fmax(ctx->chart->height_pt * 0.6, 40);
    memset(vp, 0, sizeof *vp);
    vp->ax2.right = 1;
    if (labels) chart_labels_room(ctx, nat, &lo, &hi);
    chart_axis_vertical(ctx, lo, hi, nat, &vp->ax);
    left = vp->ax.label_w + 6;
    if (ctx->has_right) {
        chart_right_range(ctx, &lo2, &hi2);
        if (labels) chart_labels_room(ctx, nat, &lo2, &hi2);
        chart_axis_vertical(ctx, lo2, hi2, nat, &vp->ax2);
        right = vp->ax2.label_w + 8;
    }
    if (ctx->time) {
        chart_time_layout(ctx, w - left - right, &vp->tm);
        vp->cats.height = ctx->lh + 3;
        vp->cats.every = 1;
    } else {
        chart_cats_layout(ctx, w - left - right, &vp->cats);
    }
    vp->height = nat + vp->cats.height + ctx->fs * 0.5;
    vp->plot = (chart_rect){left, vp->cats.height, w - left - right, nat};
    if (box) {
        vp->plot.x += box->x;
        vp->plot.y += box->y;
        vp->plot.h = box->h - vp->cats.height - ctx->fs * 0.5;
        if (vp->plot.h < 20) vp->plot.h = 20;
        /* squeezed: fewer ticks, so their labels stay apart; a larger step
         * never needs wider labels, so the margins still hold them */
        if (vp->plot.h < nat) {
            chart_axis_vertical(ctx, lo, hi, vp->plot.h, &vp->ax);
            if (ctx->has_right) chart_axis_vertical(ctx, lo2, hi2, vp->plot.h, &vp->ax2);
        }
    }
}

/* Grid, tick labels and category labels; the zero line comes after the
 * data so that it lies on top. */
void chart_vplot_draw_frame(const chart_ctx *ctx, const chart_vplot *vp, double x0)
{
    chart_group_begin(ctx, CANVAS_GROUP_AXIS, 0, NULL);
    chart_axis_draw_vertical(ctx, &vp->ax, vp->plot);
    if (ctx->has_right) chart_axis_draw_right(ctx, &vp->ax2, vp->plot);
    if (ctx->time) chart_time_draw(ctx, &vp->tm, vp->plot);
    else chart_cats_draw(ctx, &vp->cats, vp->plot, x0);
    chart_group_end(ctx);
}

/* Where drawn row i lies along x: the centre of its band, or its date. */
double chart_row_x(const chart_ctx *ctx, const chart_vplot *vp, size_t i)
{
    const chart_rect *p = &vp->plot;

    if (ctx->time) {
        double span = vp->tm.hi - vp->tm.lo;
        return p->x + (span > 0 ? (chart_x(ctx, i) - vp->tm.lo) / span : 0.5) * p->w;
    }
    return p->x + (i + 0.5) * p->w / ctx->n_rows;
}

/* ---- the time axis ------------------------------------------------- */

static long chart_days(int y, int m)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void chart_civil(long z, int *y, int *m)
{
    int d;
    datefmt_civil(z, y, m, &d);
}

/* The x column's date format, when it is one (else NULL). */
static const char *chart_time_format(const chart_ctx *ctx)
{
    const char *f = ctx->xcol->format;
    return datefmt_unit(f) != DATEFMT_NONE ? f : NULL;
}

/* Under the x column's date format ("Jan 2025", "2025 Q1"); without one,
 * "2025-01" between years, "2025" on year boundaries or coarser. */
static size_t chart_time_label(const chart_ctx *ctx, const chart_time *tm, double day, char *buf,
                               size_t size)
{
    int y, m;
    size_t k = datefmt_format(buf, size, day, chart_time_format(ctx), ctx->lang == WORDS_KO);
    if (k) return k;
    chart_civil(lround(day), &y, &m);
    int n = tm->months >= 12 ? snprintf(buf, size, "%d", y) : snprintf(buf, size, "%d-%02d", y, m);
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

/* The month step whose labels fit: 1, 3, 6 months, then 1, 2, 5, 10... years. */
void chart_time_layout(const chart_ctx *ctx, double plot_w, chart_time *tm)
{
    static const int steps[] = {1, 3, 6, 12, 24, 60, 120, 240, 600, 1200, 2400, 6000};
    double span = ctx->x_hi - ctx->x_lo, pad = span > 0 ? span * 0.03 : 15;
    const char *format = chart_time_format(ctx);
    int unit = datefmt_unit(format);
    char sample[64] = "2025-00";
    /* the widest label the format gives: 2025-09-24, a Wednesday in September */
    size_t sn = format ? datefmt_format(sample, sizeof sample, 20355, format, ctx->lang == WORDS_KO)
                       : 7;
    double label_w = chart_text_width(ctx, CANVAS_REGULAR, ctx->fs, sample, sn) + ctx->fs;
    int y0, m0, y1, m1;

    memset(tm, 0, sizeof *tm);
    tm->lo = ctx->x_lo - pad, tm->hi = ctx->x_hi + pad;
    chart_civil(lround(tm->lo), &y0, &m0);
    chart_civil(lround(tm->hi), &y1, &m1);
    long first = (long)y0 * 12 + m0 - 1, last = (long)y1 * 12 + m1 - 1;
    for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
        int st = steps[k];
        /* no finer ticks than the format shows: quarters, years */
        if ((unit == DATEFMT_QUARTER && st < 3) || (unit == DATEFMT_YEAR && st < 12)) continue;
        long start = first + ((st - first % st) % st);
        long count = start > last ? 0 : (last - start) / st + 1;
        tm->months = st;
        if (count <= 64 && (count <= 1 || plot_w / count >= label_w)) break;
    }
    long start = first + ((tm->months - first % tm->months) % tm->months);
    for (long mi = start; mi <= last && tm->n < 64; mi += tm->months) {
        double d = (double)chart_days((int)(mi / 12), (int)(mi % 12) + 1);
        if (d >= tm->lo && d <= tm->hi) tm->at[tm->n++] = d;
    }
}

void chart_time_draw(const chart_ctx *ctx, const chart_time *tm, chart_rect plot)
{
    double span = tm->hi - tm->lo;
    char buf[128];

    for (int i = 0; i < tm->n && span > 0; i++) {
        double x = plot.x + (tm->at[i] - tm->lo) / span * plot.w;
        size_t n = chart_time_label(ctx, tm, tm->at[i], buf, sizeof buf);
        chart_vline(ctx, x, plot.y - 2, plot.y, 0.5, CHART_ZERO);
        chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK, x, plot.y - 3 - ctx->fs * 0.95,
                   buf, n, 1);
    }
}

/* ---- reference lines ----------------------------------------------- */

/* The reference lines of one axis: phase 0 reserves a place for each
 * label (before bars and value labels take theirs), phase 1 draws the
 * dashed lines on top of the data and the labels in their places; a
 * label with no free place is left out. */
void chart_references(chart_ctx *ctx, const chart_axis *ax, int right, chart_rect plot,
                      int vertical, int phase)
{
    const quire_chart *c = ctx->chart;
    double fs = ctx->fs * 0.92, h = fs * 1.1;

    for (size_t i = 0; i < c->n_references && i < CHART_MAX_REFS; i++) {
        const quire_reference *ref = quire_reference_at(c, i);
        char buf[200];
        if ((ref->right_axis && ctx->has_right) != right) continue;
        double p = vertical ? chart_axis_pos(ax, ref->value, plot.x, plot.w)
                            : chart_axis_pos(ax, ref->value, plot.y, plot.h);
        size_t n = ref->label ? chart_text_shorten(ctx, CANVAS_REGULAR, fs, ref->label,
                                                   plot.w * 0.5, buf, sizeof buf) : 0;
        double w = chart_text_width(ctx, CANVAS_REGULAR, fs, buf, n);
        if (phase == 0) {
            if (ctx->n_ref_lines < CHART_MAX_REFS)   /* value labels keep off it */
                ctx->ref_line[ctx->n_ref_lines++] =
                    vertical ? (chart_rect){p - 0.5, plot.y, 1, plot.h}
                             : (chart_rect){plot.x, p - 0.5, plot.w, 1};
            /* at the line's right end above it, else below, else at its left end */
            chart_rect spots[4] = {
                {plot.x + plot.w - w - 2, p + 1.5, w, h}, {plot.x + plot.w - w - 2, p - 1.5 - h, w, h},
                {plot.x + 2, p + 1.5, w, h}, {plot.x + 2, p - 1.5 - h, w, h}};
            if (vertical)
                spots[0] = (chart_rect){p + 2, plot.y + plot.h - h, w, h},
                spots[1] = (chart_rect){p - 2 - w, plot.y + plot.h - h, w, h},
                spots[2] = spots[0], spots[3] = spots[1];
            ctx->ref_ok[i] = 0;
            for (int k = 0; k < 4 && n; k++)
                if (chart_place(ctx, spots[k], &plot) == 0) {
                    ctx->ref_at[i] = spots[k], ctx->ref_ok[i] = 1;
                    break;
                }
            continue;
        }
        if (!ctx->drawing) continue;
        canvas_path line = {0};
        canvas_paint dash = canvas_stroke(CHART_REFERENCE, 1.0);
        dash.dash_on = 4, dash.dash_off = 2;
        canvas_path_move(&line, vertical ? p : plot.x, vertical ? plot.y : p);
        canvas_path_line(&line, vertical ? p : plot.x + plot.w, vertical ? plot.y + plot.h : p);
        chart_group_begin(ctx, CANVAS_GROUP_REFERENCE, i, ref->label);
        chart_path(ctx, &line, dash);
        canvas_path_free(&line);
        if (ctx->ref_ok[i]) {
            chart_rect r = ctx->ref_at[i];
            /* a ground: bars may pass under it */
            chart_fill_rect(ctx, CHART_WHITE, r.x - 1, r.y, r.w + 2, r.h);
            chart_text(ctx, CANVAS_REGULAR, fs, CHART_REFERENCE_INK, r.x, r.y + fs * 0.25, buf, n, 0);
        }
        chart_group_end(ctx);
    }
}
