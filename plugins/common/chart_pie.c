/* chart_pie.c — pie and donut charts of the first value column: slices
 * clockwise from twelve o'clock, the legend to the right, missing and
 * non-positive values left out and named in the note under the chart. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_internal.h"

#define CHART_DONUT_HOLE 0.56   /* inner radius / outer radius */

static int chart_pie_shown(const chart_ctx *ctx, size_t r)
{
    double v = chart_value(ctx, 0, r);
    return !isnan(v) && v > 0;
}

static double chart_pie_total(const chart_ctx *ctx)
{
    double t = 0;
    for (size_t r = 0; r < ctx->n_rows; r++)
        if (chart_pie_shown(ctx, r)) t += chart_value(ctx, 0, r);
    return t;
}

/* A slice's label: its value, or with percent_labels its share of the total. */
static size_t chart_pie_value(const chart_ctx *ctx, size_t row, char *buf, size_t size)
{
    if (!ctx->chart->percent_labels) return chart_value_label(ctx, 0, row, buf, size);
    double total = chart_pie_total(ctx), share = total > 0 ? chart_value(ctx, 0, row) / total * 100 : 0;
    int n = snprintf(buf, size, "%.0f%%", share);
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

static int chart_pie_labels(const chart_ctx *ctx)
{
    return ctx->chart->value_labels || ctx->chart->percent_labels;
}

static size_t chart_pie_count(const chart_ctx *ctx)
{
    size_t n = 0;
    for (size_t r = 0; r < ctx->n_rows; r++) n += chart_pie_shown(ctx, r);
    return n;
}

/* Appends the categories of rows that match (missing, or not positive). */
static size_t chart_pie_list(const chart_ctx *ctx, int missing, const char *head,
                             char *buf, size_t size, size_t len)
{
    int first = 1;

    buf[0] = '\0';
    for (size_t r = 0; r < ctx->n_rows && len < size; r++) {
        double v = chart_value(ctx, 0, r);
        if (missing ? !isnan(v) : (isnan(v) || v > 0)) continue;
        len += (size_t)snprintf(buf + len, size - len, "%s%s", first ? head : ", ", ctx->cats[r]);
        first = 0;
    }
    return len < size ? len : size - 1;
}

size_t chart_pie_note(const chart_ctx *ctx, char *buf, size_t size)
{
    char missing[512], negative[512];
    int n;

    chart_pie_list(ctx, 1, words(ctx->lang, WORD_NO_VALUE), missing, sizeof missing, 0);
    chart_pie_list(ctx, 0, words(ctx->lang, WORD_NOT_SHOWN),
                   negative, sizeof negative, 0);
    n = snprintf(buf, size, "%s%s%s", missing, missing[0] && negative[0] ? " · " : "", negative);
    return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

/* A point at angle a (radians clockwise from twelve o'clock). */
static void chart_pie_point(double cx, double cy, double r, double a, double *x, double *y)
{
    *x = cx + r * sin(a);
    *y = cy + r * cos(a);
}

/* Appends an arc from a0 to a1 (either direction) as Bézier curves; the
 * current point is already at its start. */
static void chart_pie_arc(canvas_path *path, double cx, double cy, double r, double a0, double a1)
{
    int n = (int)ceil(fabs(a1 - a0) / (M_PI / 2));
    double step = (a1 - a0) / (n ? n : 1);

    for (int i = 0; i < n; i++) {
        double t0 = a0 + i * step, t1 = t0 + step, k = 4.0 / 3 * tan(step / 4) * r;
        double x0, y0, x3, y3;
        chart_pie_point(cx, cy, r, t0, &x0, &y0);
        chart_pie_point(cx, cy, r, t1, &x3, &y3);
        /* the tangent of (sin a, cos a) is (cos a, -sin a) */
        canvas_path_curve(path, x0 + k * cos(t0), y0 - k * sin(t0), x3 - k * cos(t1),
                          y3 + k * sin(t1), x3, y3);
    }
}

static void chart_pie_slice(const chart_ctx *ctx, double cx, double cy, double r, double hole,
                            double a0, double a1, uint32_t rgb)
{
    canvas_path path = {0};
    canvas_paint paint = {rgb, CHART_WHITE, 1.0, 0, 0, 0, 0};
    double x, y;

    if (!ctx->drawing) return;
    if (a1 - a0 >= 2 * M_PI - 1e-9) {     /* one slice: the whole disc or ring */
        canvas_path_circle(&path, cx, cy, r);
        if (hole > 0) canvas_path_circle(&path, cx, cy, hole);
        paint.stroke = CANVAS_NONE;
        paint.even_odd = hole > 0;
    } else {
        chart_pie_point(cx, cy, hole, a0, &x, &y);
        canvas_path_move(&path, x, y);
        chart_pie_point(cx, cy, r, a0, &x, &y);
        canvas_path_line(&path, x, y);
        chart_pie_arc(&path, cx, cy, r, a0, a1);
        chart_pie_point(cx, cy, hole, a1, &x, &y);
        canvas_path_line(&path, x, y);
        if (hole > 0) chart_pie_arc(&path, cx, cy, hole, a1, a0);
        canvas_path_close(&path);
    }
    chart_path(ctx, &path, paint);
    canvas_path_free(&path);
}

/* Where the value of a slice goes: inside it, at radius *rl, when it fits
 * between the slice's edges and the ring's; 0 when it does not. */
static int chart_pie_label_fits(const chart_ctx *ctx, size_t row, double r_out, double hole,
                                double sweep, double *rl)
{
    char buf[64];
    size_t n = chart_pie_value(ctx, row, buf, sizeof buf);
    double fs = ctx->fs * 0.92, w = chart_text_width(ctx, CANVAS_REGULAR, fs, buf, n);

    *rl = hole > 0 ? (r_out + hole) / 2 : r_out * 0.64;
    double chord = 2 * *rl * sin(fmin(sweep, M_PI) / 2);
    return w + 4 <= chord * 0.9 && fs * 1.2 <= (r_out - hole) * 0.8;
}

/* The pie's size and its legend's place for a body w wide: the legend to
 * the right, or under the pie when the box is too narrow for both. */
typedef struct chart_pie_layout {
    double d;                   /* diameter */
    int below;
    double legend_x, legend_w;  /* from the body's left edge */
    const char **names;         /* per shown slice; value added when not inside */
    uint32_t *rgb;              /* per shown slice: its colour (muted outside a highlight) */
    char *store;
    size_t n;
} chart_pie_layout;

static void chart_pie_layout_free(chart_pie_layout *pl)
{
    free(pl->rgb);
    free(pl->names);
    free(pl->store);
}

#define CHART_PIE_NAME 320

static int chart_pie_lay_out(const chart_ctx *ctx, double w, chart_pie_layout *pl)
{
    double total = chart_pie_total(ctx), hole, rl;
    size_t k = 0;

    memset(pl, 0, sizeof *pl);
    pl->d = fmin(fmax(w * 0.3, 90), 150);
    if (pl->d > w - 8) pl->d = fmax(w - 8, 10);
    pl->legend_x = pl->d + 28;
    pl->legend_w = w - pl->legend_x;
    if (pl->legend_w < 100) pl->below = 1, pl->legend_x = 0, pl->legend_w = w;
    pl->n = chart_pie_count(ctx);
    if (pl->n == 0) return 0;
    pl->names = calloc(pl->n, sizeof *pl->names);
    pl->store = malloc(pl->n * CHART_PIE_NAME);
    pl->rgb = calloc(pl->n, sizeof *pl->rgb);
    if (!pl->names || !pl->store || !pl->rgb) {
        chart_pie_layout_free(pl);
        memset(pl, 0, sizeof *pl);
        return -1;
    }
    hole = ctx->chart->donut ? pl->d / 2 * CHART_DONUT_HOLE : 0;
    for (size_t row = 0; row < ctx->n_rows; row++) {
        if (!chart_pie_shown(ctx, row)) continue;
        char *name = pl->store + k * CHART_PIE_NAME;
        double sweep = chart_value(ctx, 0, row) / total * 2 * M_PI;
        /* a value that finds no room in its slice goes beside its name */
        if (chart_pie_labels(ctx) && !chart_pie_label_fits(ctx, row, pl->d / 2, hole, sweep, &rl)) {
            char v[64];
            chart_pie_value(ctx, row, v, sizeof v);
            snprintf(name, CHART_PIE_NAME, "%s (%s)", ctx->cats[row], v);
        } else {
            snprintf(name, CHART_PIE_NAME, "%s", ctx->cats[row]);
        }
        pl->rgb[k] = chart_color(ctx, k);
        if (chart_has_highlight(ctx) && !chart_highlighted(ctx, row)) pl->rgb[k] = chart_muted(pl->rgb[k]);
        pl->names[k++] = name;
    }
    return 0;
}

/* Height of the legend: one name a line beside the pie, flowing under it. */
static double chart_pie_legend_height(const chart_ctx *ctx, const chart_pie_layout *pl)
{
    chart_ctx measure = *ctx;

    if (!pl->below) return pl->n * ctx->lh;
    measure.drawing = 0;
    return chart_legend(&measure, pl->names, NULL, pl->n, 0, 0, 0, pl->legend_w);
}

double chart_pie_height(const chart_ctx *ctx, double w)
{
    chart_pie_layout pl;
    double h;

    if (chart_pie_lay_out(ctx, w, &pl)) return w * 0.4;
    h = pl.below ? pl.d + 10 + chart_pie_legend_height(ctx, &pl)
                 : fmax(pl.d + 10, chart_pie_legend_height(ctx, &pl) + 4);
    chart_pie_layout_free(&pl);
    return h;
}

static void chart_pie_slices(chart_ctx *ctx, const chart_pie_layout *pl, double cx, double cy,
                             double r)
{
    double total = chart_pie_total(ctx), a = 0, rl, x, y;
    double hole = ctx->chart->donut ? r * CHART_DONUT_HOLE : 0, fs = ctx->fs * 0.92;
    size_t k = 0;

    chart_group_begin(ctx, CANVAS_GROUP_SERIES, 0, chart_series(ctx, 0)->label);
    for (size_t row = 0; row < ctx->n_rows; row++) {
        if (!chart_pie_shown(ctx, row)) continue;
        double sweep = chart_value(ctx, 0, row) / total * 2 * M_PI;
        uint32_t rgb = pl->rgb[k++];
        chart_pie_slice(ctx, cx, cy, r, hole, a, a + sweep, rgb);
        if (chart_pie_labels(ctx) && chart_pie_label_fits(ctx, row, r, hole, sweep, &rl)) {
            char buf[64];
            size_t n = chart_pie_value(ctx, row, buf, sizeof buf);
            chart_pie_point(cx, cy, rl, a + sweep / 2, &x, &y);
            chart_text(ctx, CANVAS_REGULAR, fs, chart_ink_on(rgb), x, y - fs * 0.35, buf, n, 1);
        }
        a += sweep;
    }
    chart_group_end(ctx);
}

void chart_pie_draw(chart_ctx *ctx, chart_rect box)
{
    chart_pie_layout pl;
    double lh, r, cx, cy, top = box.y + box.h;

    if (chart_pie_total(ctx) <= 0 || chart_pie_lay_out(ctx, box.w, &pl)) return;
    lh = chart_pie_legend_height(ctx, &pl);
    ctx->legend_rgb = pl.rgb;
    if (pl.below) {
        r = fmin(pl.d / 2, (box.h - lh - 10) / 2);
        cx = box.x + pl.d / 2 + 4, cy = top - 4 - r;
        if (r >= 5) chart_pie_slices(ctx, &pl, cx, cy, r);
        chart_group_begin(ctx, CANVAS_GROUP_LEGEND, 0, NULL);
        chart_legend(ctx, pl.names, NULL, pl.n, 0, box.x, top - pl.d - 10, pl.legend_w);
        chart_group_end(ctx);
    } else {
        r = fmin(pl.d / 2, box.h / 2 - 4);
        cx = box.x + r + 4, cy = box.y + box.h / 2;
        if (r >= 5) chart_pie_slices(ctx, &pl, cx, cy, r);
        /* beside the pie as drawn, which a small box makes smaller */
        double lx = 2 * fmax(r, 5) + 28;
        chart_group_begin(ctx, CANVAS_GROUP_LEGEND, 0, NULL);
        for (size_t k = 0; k < pl.n; k++)
            chart_legend(ctx, &pl.names[k], NULL, 1, k, box.x + lx, cy + lh / 2 - k * ctx->lh,
                         pl.legend_w + pl.legend_x - lx);
        chart_group_end(ctx);
    }
    ctx->legend_rgb = NULL;
    chart_pie_layout_free(&pl);
}
