/* chart_text.c — measuring, wrapping, shortening and placing chart text,
 * and the few drawing primitives every chart type uses.
 *
 * Everything goes through the canvas (canvas.h): its text_width measures,
 * the document's line breaker wraps with it, so a chart measures its words
 * exactly as the exporter that draws them. While only measuring
 * (ctx->drawing 0) the drawing calls do nothing. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_internal.h"
#include "linebreak.h"

#define CHART_ELLIPSIS "…"

double chart_text_width(const chart_ctx *ctx, canvas_face face, double size, const char *s,
                        size_t len)
{
    if (len == 0) return 0;
    return ctx->cv->ops->text_width(ctx->cv->data, face, size, s, len);
}

static void chart_text_at(const chart_ctx *ctx, canvas_face face, double size, uint32_t rgb,
                          double x, double y, double degrees, const char *s, size_t len,
                          int align)
{
    if (!ctx->drawing || len == 0) return;
    canvas_text t = {s, len, face, size, rgb, x, y,
                     align == 1 ? CANVAS_MIDDLE : align == 2 ? CANVAS_END : CANVAS_START, degrees};
    ctx->cv->ops->text(ctx->cv->data, &t);
}

/* align: 0 left, 1 centre, 2 right of x; y is the baseline. */
void chart_text(const chart_ctx *ctx, canvas_face face, double size, uint32_t rgb,
                double x, double y, const char *s, size_t len, int align)
{
    chart_text_at(ctx, face, size, rgb, x, y, 0, s, len, align);
}

/* Text whose baseline starts at (x, y) and climbs at degrees. */
void chart_text_rotated(const chart_ctx *ctx, canvas_face face, double size, uint32_t rgb,
                        double x, double y, double degrees, const char *s, size_t len)
{
    chart_text_at(ctx, face, size, rgb, x, y, degrees, s, len, 0);
}

/* Measures for the line breaker: a chart's text in one font and size. */
typedef struct chart_measure {
    const chart_ctx *ctx;
    canvas_face face;
    double size;
} chart_measure;

static double chart_measure_fn(void *data, const char *s, size_t len)
{
    const chart_measure *m = data;
    return chart_text_width(m->ctx, m->face, m->size, s, len);
}

/* Breaks s into lines at most width wide with the document's line
 * breaker (at spaces, Korean like English; a word wider than a line is
 * split, and *broke_word says so). Returns the number of lines needed,
 * storing at most max_lines of them; on running out of memory, one line. */
size_t chart_text_wrap(const chart_ctx *ctx, canvas_face face, double size, const char *s, double width,
                       chart_line *lines, size_t max_lines, int *broke_word)
{
    chart_measure m = {ctx, face, size};
    lb_lines out = {0};
    size_t n;

    if (broke_word) *broke_word = 0;
    if (linebreak(s, width, chart_measure_fn, &m, &out) != 0) {
        lb_lines_free(&out);
        if (max_lines) lines[0].off = 0, lines[0].len = strlen(s);
        return 1;
    }
    n = out.count;
    for (size_t i = 0; i < n; i++) {
        const lb_line *l = &out.items[i];
        if (i < max_lines) lines[i].off = l->start, lines[i].len = l->end - l->start;
        /* a line that ends inside a word split it */
        if (broke_word && l->end > l->start && s[l->end] && s[l->end] != ' ' && s[l->end] != '\n' &&
            s[l->end - 1] != ' ')
            *broke_word = 1;
    }
    lb_lines_free(&out);
    return n;
}

/* Copies s into buf, cut with an ellipsis so that it is at most width wide. */
size_t chart_text_shorten(const chart_ctx *ctx, canvas_face face, double size, const char *s, double width,
                          char *buf, size_t buf_size)
{
    size_t len = strlen(s), keep = 0, el = strlen(CHART_ELLIPSIS);
    double ew = chart_text_width(ctx, face, size, CHART_ELLIPSIS, el);

    if (buf_size == 0) return 0;
    if (chart_text_width(ctx, face, size, s, len) <= width && len < buf_size) {
        memcpy(buf, s, len + 1);
        return len;
    }
    while (keep < len) {
        size_t cl = lb_char_len(s + keep);
        if (keep + cl + el >= buf_size ||
            chart_text_width(ctx, face, size, s, keep + cl) + ew > width)
            break;
        keep += cl;
    }
    while (keep > 0 && s[keep - 1] == ' ') keep--;
    memcpy(buf, s, keep);
    if (keep + el < buf_size) memcpy(buf + keep, CHART_ELLIPSIS, el), keep += el;
    buf[keep] = '\0';
    return keep;
}

/* Lines chart_paragraph() draws for s. */
size_t chart_paragraph_lines(const chart_ctx *ctx, canvas_face face, double size,
                             const char *s, double width)
{
    size_t n = chart_text_wrap(ctx, face, size, s, width, NULL, 0, NULL);
    return n < CHART_MAX_LINES ? n : CHART_MAX_LINES;
}

/* Wrapped text from top down, at most CHART_MAX_LINES lines; returns the
 * height it takes. */
double chart_paragraph(const chart_ctx *ctx, canvas_face face, double size, uint32_t rgb,
                       const char *s, double x, double top, double width)
{
    chart_line lines[CHART_MAX_LINES];
    size_t n = chart_text_wrap(ctx, face, size, s, width, lines, CHART_MAX_LINES, NULL);
    double lh = size * 1.3;

    if (n > CHART_MAX_LINES) n = CHART_MAX_LINES;
    for (size_t i = 0; i < n; i++)
        chart_text(ctx, face, size, rgb, x, top - size * 0.95 - i * lh, s + lines[i].off,
                   lines[i].len, 0);
    return n * lh;
}

void chart_fill_rect(const chart_ctx *ctx, uint32_t rgb, double x, double y, double w, double h)
{
    if (!ctx->drawing || w <= 0 || h <= 0) return;
    canvas_paint p = canvas_fill(rgb);
    ctx->cv->ops->rect(ctx->cv->data, x, y, w, h, &p);
}

void chart_circle(const chart_ctx *ctx, double cx, double cy, double r, canvas_paint paint)
{
    if (ctx->drawing) ctx->cv->ops->circle(ctx->cv->data, cx, cy, r, &paint);
}

void chart_path(const chart_ctx *ctx, const canvas_path *path, canvas_paint paint)
{
    if (ctx->drawing && !path->failed && path->n) ctx->cv->ops->path(ctx->cv->data, path, &paint);
}

void chart_group_begin(const chart_ctx *ctx, canvas_group kind, size_t index, const char *label)
{
    if (ctx->drawing) ctx->cv->ops->group_begin(ctx->cv->data, kind, index, label);
}

void chart_group_end(const chart_ctx *ctx)
{
    if (ctx->drawing) ctx->cv->ops->group_end(ctx->cv->data);
}

static void chart_segment(const chart_ctx *ctx, double x0, double y0, double x1, double y1,
                          double lw, uint32_t rgb)
{
    canvas_path path = {0};

    if (!ctx->drawing) return;
    canvas_path_move(&path, x0, y0);
    canvas_path_line(&path, x1, y1);
    chart_path(ctx, &path, canvas_stroke(rgb, lw));
    canvas_path_free(&path);
}

void chart_hline(const chart_ctx *ctx, double x0, double x1, double y, double lw, uint32_t rgb)
{
    chart_segment(ctx, x0, y, x1, y, lw, rgb);
}

void chart_vline(const chart_ctx *ctx, double x, double y0, double y1, double lw, uint32_t rgb)
{
    chart_segment(ctx, x, y0, x, y1, lw, rgb);
}

/* Reserves r for a label: 0 when it lies inside within (if given) and
 * overlaps nothing placed before, -1 when it must not be drawn. */
int chart_place(chart_ctx *ctx, chart_rect r, const chart_rect *within)
{
    return chart_place_in(ctx, r, within, 0);
}

/* As chart_place; own: within is r's own bar, an obstacle r may lie on. */
int chart_place_in(chart_ctx *ctx, chart_rect r, const chart_rect *within, int own)
{
    if (within && (r.x < within->x - 0.5 || r.y < within->y - 0.5 ||
                   r.x + r.w > within->x + within->w + 0.5 ||
                   r.y + r.h > within->y + within->h + 0.5))
        return -1;
    for (size_t i = 0; i < ctx->n_placed; i++) {
        const chart_rect *p = &ctx->placed[i];
        if (own && p->x == within->x && p->y == within->y && p->w == within->w &&
            p->h == within->h)
            continue;
        if (r.x < p->x + p->w && p->x < r.x + r.w && r.y < p->y + p->h && p->y < r.y + r.h)
            return -1;
    }
    if (ctx->n_placed == CHART_MAX_PLACED) return -1;
    ctx->placed[ctx->n_placed++] = r;
    return 0;
}

int chart_crosses_reference(const chart_ctx *ctx, chart_rect r)
{
    for (size_t i = 0; i < ctx->n_ref_lines; i++) {
        const chart_rect *p = &ctx->ref_line[i];
        if (r.x < p->x + p->w && p->x < r.x + r.w && r.y < p->y + p->h && p->y < r.y + r.h)
            return 1;
    }
    return 0;
}

/* White on dark fills, ink on light ones. */
uint32_t chart_ink_on(uint32_t rgb)
{
    double l = 0.299 * ((rgb >> 16) & 0xff) + 0.587 * ((rgb >> 8) & 0xff) + 0.114 * (rgb & 0xff);
    return l < 150 ? CHART_WHITE : CHART_INK;
}

/* Everything drawn until chart_clip_end() stays inside r (an axis that
 * y_min/y_max cut short leaves data beyond its ends). */
void chart_clip_begin(const chart_ctx *ctx, chart_rect r)
{
    if (ctx->drawing) ctx->cv->ops->clip_begin(ctx->cv->data, r.x - 3, r.y, r.w + 6, r.h);
}

void chart_clip_end(const chart_ctx *ctx)
{
    if (ctx->drawing) ctx->cv->ops->clip_end(ctx->cv->data);
}
