/* chart.c — a chart's frame: title, legend, unit, the plot of its type,
 * the note on left-out values and the source line, stacked top down.
 * chart_height() and chart_draw() run the same layout, so the height asked
 * for is the height drawn. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "chart_internal.h"
#include "source_line.h"

#define CHART_GAP 5.0
#define CHART_MIN_BODY 40.0     /* a box too small for the chart still gets this */

/* Heights of the parts around the plot. */
typedef struct chart_frame {
    double title, legend, unit, body, x_title, note, source;
    double legend_right;        /* height of a legend beside the plot */
    char note_text[512];
    char source_text[1024];
} chart_frame;

static const char *chart_title(const chart_ctx *ctx)
{
    const char *t = ctx->chart->title ? ctx->chart->title : ctx->table->title;
    /* a title the template wrote (or one other than the table's) stays */
    if (ctx->style->no_title && !ctx->chart->title_given &&
        (!ctx->chart->title || !ctx->table->title || strcmp(ctx->chart->title, ctx->table->title) == 0))
        return "";
    return t ? t : "";
}

/* "출처: A, B · 2025-06 기준" / "Source: A, B · as of 2025-06" from the
 * table's sources and as_of (source_line.h). */
static void chart_source_line(const chart_ctx *ctx, char *buf, size_t size)
{
    source_line_as_of(ctx->style->dataset, &ctx->table->sources, ctx->table->as_of.text,
                      ctx->lang, buf, size);
}

/* The legend's names: the series labels, each with its unit when the
 * series do not share one. At most CHART_MAX_LEGEND entries. */
#define CHART_MAX_LEGEND 64
typedef struct chart_names {
    const char *ptr[CHART_MAX_LEGEND];
    char text[CHART_MAX_LEGEND][200];
    int lines[CHART_MAX_LEGEND];    /* 1: a line swatch */
    size_t n;
} chart_names;

/* Each series' label, with its unit when its axis has none of its own,
 * and "right axis" for those on the secondary axis. */
static void chart_legend_names(const chart_ctx *ctx, chart_names *names)
{
    names->n = ctx->chart->n_y < CHART_MAX_LEGEND ? ctx->chart->n_y : CHART_MAX_LEGEND;
    for (size_t s = 0; s < names->n; s++) {
        int right = chart_series_right(ctx, s);
        const char *unit = chart_axis_unit(ctx, right) ? NULL : chart_series_unit(ctx, s);
        const char *label = chart_series(ctx, s)->label;
        const char *side = right ? words(ctx->lang, WORD_RIGHT_AXIS) : NULL;
        if (unit && side)
            snprintf(names->text[s], sizeof names->text[s], "%s (%s, %s)", label, unit, side);
        else if (unit || side)
            snprintf(names->text[s], sizeof names->text[s], "%s (%s)", label, unit ? unit : side);
        else snprintf(names->text[s], sizeof names->text[s], "%s", label);
        names->ptr[s] = names->text[s];
        names->lines[s] = ctx->chart->type == QUIRE_CHART_BAR && chart_series_line(ctx, s) ? 1
                        : ctx->chart->type == QUIRE_CHART_LINE ? 1 : 0;
    }
}

/* AUTO: a legend when there is more than one series to tell apart. */
static quire_legend chart_legend_place(const chart_ctx *ctx)
{
    quire_legend l = ctx->chart->legend;
    if (ctx->chart->type == QUIRE_CHART_PIE) return QUIRE_LEGEND_NONE;   /* its own */
    if (l == QUIRE_LEGEND_AUTO) return ctx->chart->n_y > 1 ? QUIRE_LEGEND_TOP : QUIRE_LEGEND_NONE;
    return l;
}

#define CHART_LEGEND_RIGHT_SHARE 0.28   /* of the width, for a legend on the right */

/* The width the plot gets beside a legend on the right. */
static double chart_body_width(const chart_ctx *ctx, double width)
{
    return chart_legend_place(ctx) == QUIRE_LEGEND_RIGHT ? width * (1 - CHART_LEGEND_RIGHT_SHARE) - 8
                                                         : width;
}

static double chart_body_height(chart_ctx *ctx, double w)
{
    switch (ctx->chart->type) {
    case QUIRE_CHART_PIE: return chart_pie_height(ctx, w);
    case QUIRE_CHART_LINE:
    case QUIRE_CHART_AREA: return chart_line_height(ctx, w);
    case QUIRE_CHART_SCATTER: return chart_scatter_height(ctx, w);
    default: return chart_bar_height(ctx, w);
    }
}

static double chart_legend_draw(chart_ctx *ctx, double x, double top, double width)
{
    chart_names names;
    double h;

    chart_legend_names(ctx, &names);
    chart_group_begin(ctx, CANVAS_GROUP_LEGEND, 0, NULL);
    h = chart_legend(ctx, names.ptr, names.lines, names.n, 0, x, top, width);
    chart_group_end(ctx);
    return h;
}

static void chart_frame_layout(chart_ctx *ctx, double width, chart_frame *f)
{
    int drawing = ctx->drawing;
    quire_legend where = chart_legend_place(ctx);
    double bw = chart_body_width(ctx, width);
    size_t n;

    ctx->drawing = 0;   /* measure only: the legend draws when drawing */
    memset(f, 0, sizeof *f);
    n = chart_paragraph_lines(ctx, CANVAS_BOLD, ctx->fs_title, chart_title(ctx), width);
    f->title = n ? n * ctx->fs_title * 1.3 + CHART_GAP : 0;
    if (where != QUIRE_LEGEND_NONE) {
        f->legend = chart_legend_draw(ctx, 0, 0, where == QUIRE_LEGEND_RIGHT
                                                      ? width * CHART_LEGEND_RIGHT_SHARE : width) + 2;
        if (where == QUIRE_LEGEND_RIGHT) f->legend_right = f->legend, f->legend = 0;
    }
    if (ctx->chart->type != QUIRE_CHART_PIE &&
        (chart_unit(ctx) || (ctx->has_right && chart_axis_unit(ctx, 1)) || chart_y_title(ctx) ||
         (ctx->horizontal && chart_x_title(ctx))))
        f->unit = ctx->lh + 3;
    /* the x axis' title under a column, line or area plot (a scatter's
     * has its line under the axis; horizontal bars' goes over the names) */
    if (chart_x_title(ctx) && !ctx->horizontal && ctx->chart->type != QUIRE_CHART_SCATTER)
        f->x_title = ctx->lh + 1;
    f->body = chart_body_height(ctx, bw);
    if (ctx->chart->height_pt > 0) {    /* the template's height: the plot takes what is left */
        double rest = f->title + f->legend + f->unit + f->x_title + CHART_GAP;
        f->body = fmax(ctx->chart->height_pt - rest, CHART_MIN_BODY);
    }
    f->body = fmax(f->body, f->legend_right);
    if (ctx->chart->type == QUIRE_CHART_PIE)
        chart_pie_note(ctx, f->note_text, sizeof f->note_text);
    if (f->note_text[0])
        f->note = chart_paragraph_lines(ctx, CANVAS_REGULAR, ctx->fs_small, f->note_text, width)
                  * ctx->fs_small * 1.3 + 2;
    chart_source_line(ctx, f->source_text, sizeof f->source_text);
    if (f->source_text[0])
        f->source = chart_paragraph_lines(ctx, CANVAS_REGULAR, ctx->fs_small, f->source_text, width)
                    * ctx->fs_small * 1.3 + 3;
    ctx->drawing = drawing;
}

static double chart_frame_total(const chart_frame *f)
{
    return f->title + f->legend + f->unit + f->body + f->x_title + CHART_GAP + f->note + f->source;
}

double chart_height(const canvas *cv, const chart_style *style, const quire_chart *chart,
                    double width)
{
    chart_ctx ctx;
    chart_frame f;
    char err[128];
    double h;

    if (chart_ctx_init(&ctx, cv, 0, style, chart, err, sizeof err))
        return (style->font_size > 0 ? style->font_size : 10) * 3;
    chart_frame_layout(&ctx, width, &f);
    h = chart_frame_total(&f);
    chart_ctx_free(&ctx);
    return h;
}

static void chart_unit_one(const chart_ctx *ctx, const char *unit, double x, double top, int align)
{
    char buf[160];
    int n = snprintf(buf, sizeof buf, "%s%s", words(ctx->lang, WORD_UNIT_PREFIX), unit);

    if (n < 0) return;
    if ((size_t)n >= sizeof buf) n = sizeof buf - 1;
    chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK_SOFT, x, top - ctx->fs * 0.95, buf,
               (size_t)n, align);
}

/* A title of the template (y_title, x_title), with the axis' unit when
 * it has one: "Revenue growth (%)"; shortened to width. */
static void chart_axis_title_one(const chart_ctx *ctx, const char *title, const char *unit,
                                 double x, double y, double width, int align)
{
    char buf[400], out[400];
    int n = unit ? snprintf(buf, sizeof buf, "%s (%s)", title, unit)
                 : snprintf(buf, sizeof buf, "%s", title);

    if (n <= 0) return;
    size_t len = chart_text_shorten(ctx, CANVAS_REGULAR, ctx->fs, buf, width, out, sizeof out);
    chart_text(ctx, CANVAS_REGULAR, ctx->fs, CHART_INK_SOFT, x, y, out, len, align);
}

/* The unit over the value axis: left for columns, right for horizontal
 * bars; a secondary axis' unit over the right edge. The template's
 * y_title takes the left axis' place with its unit; horizontal bars'
 * x_title goes over the category names. */
static void chart_unit_draw(const chart_ctx *ctx, double x, double top, double width)
{
    const char *unit = chart_unit(ctx), *right = ctx->has_right ? chart_axis_unit(ctx, 1) : NULL;
    const char *yt = chart_y_title(ctx);
    double at = ctx->horizontal ? x + width : x;
    int align = ctx->horizontal ? 2 : 0;

    if (yt)
        chart_axis_title_one(ctx, yt, unit, at, top - ctx->fs * 0.95, width * 0.5, align);
    else if (unit)
        chart_unit_one(ctx, unit, at, top, align);
    if (right) chart_unit_one(ctx, right, x + width, top, 2);
    if (ctx->horizontal && chart_x_title(ctx))
        chart_axis_title_one(ctx, chart_x_title(ctx), NULL, x, top - ctx->fs * 0.95, width * 0.45, 0);
}

static void chart_body_draw(chart_ctx *ctx, chart_rect box)
{
    switch (ctx->chart->type) {
    case QUIRE_CHART_PIE: chart_pie_draw(ctx, box); break;
    case QUIRE_CHART_LINE:
    case QUIRE_CHART_AREA: chart_line_draw(ctx, box); break;
    case QUIRE_CHART_SCATTER: chart_scatter_draw(ctx, box); break;
    default: chart_bar_draw(ctx, box);
    }
}

int chart_draw(const canvas *cv, const chart_style *style, const quire_chart *chart,
               double x, double top, double width, double height, char *err, size_t err_size)
{
    chart_ctx ctx;
    chart_frame f;
    double y = top, body;

    if (!cv || !style || !chart) {
        snprintf(err, err_size, "chart: no canvas");
        return -1;
    }
    if (chart_ctx_init(&ctx, cv, 1, style, chart, err, err_size)) return -1;
    chart_frame_layout(&ctx, width, &f);
    /* the plot takes whatever height the box gives beyond the other parts */
    body = height - (chart_frame_total(&f) - f.body);
    if (body < CHART_MIN_BODY) body = CHART_MIN_BODY;

    chart_group_begin(&ctx, CANVAS_GROUP_FIGURE, 0, chart->alt ? chart->alt : chart->title);
    chart_group_begin(&ctx, CANVAS_GROUP_TITLE, 0, NULL);
    chart_paragraph(&ctx, CANVAS_BOLD, ctx.fs_title, CHART_INK, chart_title(&ctx), x, y, width);
    chart_group_end(&ctx);
    y -= f.title;
    quire_legend where = chart_legend_place(&ctx);
    double bw = chart_body_width(&ctx, width);
    if (where == QUIRE_LEGEND_TOP) {
        chart_legend_draw(&ctx, x, y, width);
        y -= f.legend;
    }
    if (f.unit) {
        chart_group_begin(&ctx, CANVAS_GROUP_NOTE, 0, NULL);
        chart_unit_draw(&ctx, x, y, bw);
        chart_group_end(&ctx);
    }
    y -= f.unit;
    if (where == QUIRE_LEGEND_RIGHT)
        chart_legend_draw(&ctx, x + width - width * CHART_LEGEND_RIGHT_SHARE, y,
                          width * CHART_LEGEND_RIGHT_SHARE);
    chart_body_draw(&ctx, (chart_rect){x, y - body, bw, body});
    y -= body;
    if (f.x_title) {   /* at the plot's right end, under the axis' labels */
        chart_group_begin(&ctx, CANVAS_GROUP_AXIS, 0, NULL);
        chart_axis_title_one(&ctx, chart_x_title(&ctx), NULL, x + bw - 4, y - ctx.fs * 0.95, bw,
                             2);
        chart_group_end(&ctx);
        y -= f.x_title;
    }
    y -= CHART_GAP;
    if (where == QUIRE_LEGEND_BOTTOM) {
        chart_legend_draw(&ctx, x, y, width);
        y -= f.legend;
    }
    chart_group_begin(&ctx, CANVAS_GROUP_NOTE, 0, NULL);
    if (f.note_text[0])
        y -= chart_paragraph(&ctx, CANVAS_REGULAR, ctx.fs_small, CHART_INK_SOFT, f.note_text, x, y, width) + 2;
    if (f.source_text[0])
        chart_paragraph(&ctx, CANVAS_REGULAR, ctx.fs_small, CHART_INK_SOFT, f.source_text, x, y - 3, width);
    chart_group_end(&ctx);
    chart_group_end(&ctx);
    chart_ctx_free(&ctx);
    return 0;
}
