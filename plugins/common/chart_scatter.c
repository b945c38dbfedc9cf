/* chart_scatter.c — scatter charts: numeric (or date) x against the value
 * axis, a marker per row and series, optional point names from a text
 * column set beside their points wherever they collide with nothing. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_internal.h"

#define CHART_DOT_R 2.6

typedef struct chart_scatter {
    chart_vplot vp;             /* the plot, the y axis and, for dates, the time axis */
    chart_axis xax;             /* numeric x */
} chart_scatter;

static void chart_scatter_y(const chart_ctx *ctx, double *lo, double *hi)
{
    chart_range(ctx, lo, hi);
    double pad = (*hi - *lo) * 0.06;
    if (*lo > 0 && *lo < *hi * 0.5) *lo = 0;
    if (*lo != 0) *lo -= pad;
    if (*hi != 0) *hi += pad;
}

static void chart_scatter_layout(const chart_ctx *ctx, double w, const chart_rect *box,
                                 chart_scatter *sc)
{
    double nat = ctx->chart->height_pt > 0 ? fmax(ctx->chart->height_pt * 0.6, 40)
                                           : fmin(fmax(w * 0.4, 110), 220);
    double lo, hi, axis_h = ctx->lh * 2 + 4, xpad = (ctx->x_hi - ctx->x_lo) * 0.05;
    chart_vplot *vp = &sc->vp;

    memset(sc, 0, sizeof *sc);
    chart_scatter_y(ctx, &lo, &hi);
    chart_axis_vertical(ctx, lo, hi, nat, &vp->ax);
    vp->plot.x = vp->ax.label_w + 6;
    vp->plot.w = w - vp->plot.x - 4;
    if (ctx->time) {
        chart_time_layout(ctx, vp->plot.w, &vp->tm);
    } else {
        if (xpad == 0) xpad = fabs(ctx->x_lo) * 0.1 + 1;
        chart_axis_horizontal(ctx, ctx->x_lo - (ctx->x_lo != 0) * xpad, ctx->x_hi + xpad,
                              vp->plot.w, &sc->xax);
        vp->plot.w -= sc->xax.label_w / 2;
    }
    vp->plot.y = axis_h;
    vp->plot.h = nat;
    vp->height = nat + axis_h + ctx->fs * 0.5;
    if (box) {
        vp->plot.x += box->x;
        vp->plot.y += box->y;
        vp->plot.h = fmax(box->h - axis_h - ctx->fs * 0.5, 20);
        if (vp->plot.h < nat) chart_axis_vertical(ctx, lo, hi, vp->plot.h, &vp->ax);
    }
}

static double chart_scatter_px(const chart_ctx *ctx, const chart_scatter *sc, size_t r)
{
    if (ctx->time) return chart_row_x(ctx, &sc->vp, r);
    return chart_axis_pos(&sc->xax, chart_x(ctx, r), sc->vp.plot.x, sc->vp.plot.w);
}

/* The name of point r, from the label column. */
static const char *chart_scatter_name(const chart_ctx *ctx, size_t r)
{
    const quire_column *c = &ctx->table->columns[ctx->chart->label];
    size_t row = ctx->order ? ctx->order[r] : r;
    return c->texts ? c->texts[row] : NULL;
}

/* A point's name to its right, left, above or below, then at its four
 * corners: the first place that overlaps no marker, name or edge of
 * room (the plot, and the margin right of and above it); none when all
 * eight do. */
static void chart_scatter_label(chart_ctx *ctx, const chart_rect *room, double x, double y,
                                const char *name)
{
    double fs = ctx->fs * 0.9, d = CHART_DOT_R + 2, e = CHART_DOT_R * 0.7;
    char buf[128];
    size_t n = chart_text_shorten(ctx, CANVAS_REGULAR, fs, name, 120, buf, sizeof buf);
    double w = chart_text_width(ctx, CANVAS_REGULAR, fs, buf, n), h = fs * 1.15;
    const chart_rect spots[] = {{x + d, y - h / 2, w, h},     {x - d - w, y - h / 2, w, h},
                                {x - w / 2, y + d, w, h},     {x - w / 2, y - d - h, w, h},
                                {x + e, y + e, w, h},         {x - e - w, y + e, w, h},
                                {x + e, y - e - h, w, h},     {x - e - w, y - e - h, w, h}};

    for (size_t i = 0; i < sizeof spots / sizeof *spots; i++)
        if (chart_place(ctx, spots[i], room) == 0) {
            chart_text(ctx, CANVAS_REGULAR, fs, CHART_INK, spots[i].x, spots[i].y + fs * 0.25,
                       buf, n, 0);
            return;
        }
}

/* Labelling order: the points farthest from the plot's centre first, so
 * that the extremes a reader looks for get their places before the
 * crowd. */
typedef struct chart_scatter_pick {
    double far;
    size_t s, r;
} chart_scatter_pick;

static int chart_scatter_pick_cmp(const void *a, const void *b)
{
    const chart_scatter_pick *x = a, *y = b;
    if (x->far != y->far) return x->far > y->far ? -1 : 1;
    if (x->s != y->s) return x->s < y->s ? -1 : 1;
    return x->r < y->r ? -1 : x->r > y->r;
}

/* The template's x_title, else the x column's label, with its unit,
 * under the x axis at its right end. */
static void chart_scatter_x_title(const chart_ctx *ctx, chart_rect p)
{
    char buf[400], out[400];
    const quire_column *x = ctx->xcol;
    const char *unit = x->unit_label ? x->unit_label : x->type == QUIRE_PERCENT ? "%" : NULL;
    const char *title = chart_x_title(ctx) ? chart_x_title(ctx) : x->label ? x->label : x->id;
    int n = unit ? snprintf(buf, sizeof buf, "%s (%s)", title, unit)
                 : snprintf(buf, sizeof buf, "%s", title);

    if (n <= 0) return;
    size_t len = chart_text_shorten(ctx, CANVAS_REGULAR, ctx->fs, buf, p.w, out, sizeof out);
    chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK_SOFT, p.x + p.w,
               p.y - 3 - ctx->lh - ctx->fs * 0.95, out, len, 2);
}

static void chart_scatter_names(chart_ctx *ctx, const chart_scatter *sc, chart_rect box);

double chart_scatter_height(const chart_ctx *ctx, double w)
{
    chart_scatter sc;

    if (ctx->n_rows == 0) return ctx->lh * 2;
    chart_scatter_layout(ctx, w, NULL, &sc);
    return sc.vp.height;
}

void chart_scatter_draw(chart_ctx *ctx, chart_rect box)
{
    const quire_chart *c = ctx->chart;
    chart_scatter sc;
    chart_rect p;

    if (ctx->n_rows == 0) return;
    chart_scatter_layout(ctx, box.w, &box, &sc);
    p = sc.vp.plot;
    chart_group_begin(ctx, CANVAS_GROUP_AXIS, 0, NULL);
    chart_axis_draw_vertical(ctx, &sc.vp.ax, p);
    if (ctx->time) chart_time_draw(ctx, &sc.vp.tm, p);
    else chart_axis_draw_horizontal(ctx, &sc.xax, p);
    chart_hline(ctx, p.x, p.x + p.w, p.y, 0.7, CHART_ZERO);
    chart_vline(ctx, p.x, p.y, p.y + p.h, 0.7, CHART_ZERO);
    chart_scatter_x_title(ctx, p);
    chart_group_end(ctx);
    chart_references(ctx, &sc.vp.ax, 0, p, 0, 0);
    chart_references(ctx, &sc.vp.ax, 0, p, 0, 1);
    /* every marker first: names must not cover any of them */
    for (size_t s = 0; s < c->n_y; s++) {
        chart_group_begin(ctx, CANVAS_GROUP_SERIES, s, chart_series(ctx, s)->label);
        for (size_t r = 0; r < ctx->n_rows; r++) {
            double v = chart_value(ctx, s, r), x = chart_scatter_px(ctx, &sc, r);
            if (isnan(v) || isnan(x)) continue;
            double y = chart_axis_pos(&sc.vp.ax, v, p.y, p.h);
            canvas_paint paint = {chart_color(ctx, s), CHART_WHITE, 0.6, 0, 0, 0, 0};
            chart_circle(ctx, x, y, CHART_DOT_R, paint);
            if (c->has_label || c->value_labels)
                chart_place(ctx, (chart_rect){x - CHART_DOT_R, y - CHART_DOT_R, 2 * CHART_DOT_R,
                                              2 * CHART_DOT_R}, NULL);
        }
        chart_group_end(ctx);
    }
    chart_group_begin(ctx, CANVAS_GROUP_LABELS, 0, NULL);
    if (c->has_label || c->value_labels) chart_scatter_names(ctx, &sc, box);
    chart_group_end(ctx);
}

/* Every point's name (or value), extremes first. */
static void chart_scatter_names(chart_ctx *ctx, const chart_scatter *psc, chart_rect box)
{
    const quire_chart *c = ctx->chart;
    const chart_scatter sc = *psc;
    chart_rect p = sc.vp.plot;
    /* names may run into the margin right of and above the plot */
    chart_rect room = {p.x, p.y, box.x + box.w - p.x, box.y + box.h - p.y};
    size_t n = 0;
    chart_scatter_pick *picks = calloc(c->n_y * ctx->n_rows + 1, sizeof *picks);
    if (!picks) return;
    for (size_t s = 0; s < c->n_y; s++)
        for (size_t r = 0; r < ctx->n_rows; r++) {
            double v = chart_value(ctx, s, r), x = chart_scatter_px(ctx, &sc, r);
            if (isnan(v) || isnan(x)) continue;
            double dx = (x - (p.x + p.w / 2)) / (p.w > 0 ? p.w : 1);
            double dy = (chart_axis_pos(&sc.vp.ax, v, p.y, p.h) - (p.y + p.h / 2)) / (p.h > 0 ? p.h : 1);
            picks[n++] = (chart_scatter_pick){dx * dx + dy * dy, s, r};
        }
    qsort(picks, n, sizeof *picks, chart_scatter_pick_cmp);
    for (size_t k = 0; k < n; k++) {
        size_t s = picks[k].s, r = picks[k].r;
        double v = chart_value(ctx, s, r), x = chart_scatter_px(ctx, &sc, r);
        const char *name = c->has_label ? chart_scatter_name(ctx, r) : NULL;
        char buf[64];
        if (!name) {
            chart_value_label(ctx, s, r, buf, sizeof buf);
            name = buf;
        }
        chart_scatter_label(ctx, &room, x, chart_axis_pos(&sc.vp.ax, v, p.y, p.h), name);
    }
    free(picks);
}
