/* canvas_pdf.c — the chart canvas (canvas.h) of the PDF plugin: each
 * call goes to the page layer, which checks glyphs in the first pass and
 * draws in the second, and tags what it draws. The chart's figure group
 * becomes a Figure structure element with the chart's text alternative;
 * the other groups are parts of that figure and tag nothing more. */
#include "pdf.h"
#include "tags.h"

#include <math.h>

static const text_face *canvas_pdf_face(const pdf_ctx *ctx, canvas_face face)
{
    return face == CANVAS_BOLD ? ctx->bold : ctx->body;
}

static double canvas_pdf_text_width(void *data, canvas_face face, double size, const char *s,
                                    size_t len)
{
    const canvas_pdf *c = data;
    text_style st = {canvas_pdf_face(c->ctx, face), size, 0};
    return text_width(&st, s, len);
}

static void canvas_pdf_text(void *data, const canvas_text *t)
{
    canvas_pdf *c = data;
    text_style st = {canvas_pdf_face(c->ctx, t->face), t->size, t->rgb};
    double x = t->x, y = t->y;
    if (t->anchor != CANVAS_START) {
        /* the start lies back along the baseline, which may be turned */
        double back = text_width(&st, t->s, t->len) * (t->anchor == CANVAS_MIDDLE ? 0.5 : 1.0);
        double a = t->angle * M_PI / 180;
        x -= back * cos(a);
        y -= back * sin(a);
    }
    page_text_turned(c->ctx, &st, x, y, t->angle, t->s, t->len);
}

static void canvas_pdf_rect(void *data, double x, double y, double w, double h,
                            const canvas_paint *p)
{
    canvas_pdf *c = data;
    page_rect(c->ctx, x, y, w, h, p);
}

static void canvas_pdf_path(void *data, const canvas_path *path, const canvas_paint *p)
{
    canvas_pdf *c = data;
    page_path(c->ctx, path, p);
}

static void canvas_pdf_circle(void *data, double cx, double cy, double r, const canvas_paint *p)
{
    canvas_pdf *c = data;
    page_circle(c->ctx, cx, cy, r, p);
}

static void canvas_pdf_clip_begin(void *data, double x, double y, double w, double h)
{
    canvas_pdf *c = data;
    page_save(c->ctx);
    page_clip(c->ctx, x, y, w, h);
}

static void canvas_pdf_clip_end(void *data)
{
    canvas_pdf *c = data;
    page_restore(c->ctx);
}

static void canvas_pdf_group_begin(void *data, canvas_group kind, size_t index, const char *label)
{
    canvas_pdf *c = data;
    (void)index;
    if (c->n_groups < sizeof c->groups)
        c->groups[c->n_groups] = (unsigned char)kind;
    c->n_groups++;
    if (kind != CANVAS_GROUP_FIGURE)
        return;
    page_begin(c->ctx, PDF_ROLE_FIGURE);
    tags_alt(c->ctx, label);
    page_save(c->ctx);
}

static void canvas_pdf_group_end(void *data)
{
    canvas_pdf *c = data;
    if (!c->n_groups)
        return;
    c->n_groups--;
    if (c->n_groups < sizeof c->groups && c->groups[c->n_groups] == CANVAS_GROUP_FIGURE) {
        page_restore(c->ctx);
        page_end(c->ctx);
    }
}

static const canvas_ops canvas_pdf_ops = {
    canvas_pdf_text_width, canvas_pdf_text,       canvas_pdf_rect,
    canvas_pdf_path,       canvas_pdf_circle,     canvas_pdf_clip_begin,
    canvas_pdf_clip_end,   canvas_pdf_group_begin, canvas_pdf_group_end,
};

void canvas_pdf_init(canvas_pdf *c, pdf_ctx *ctx)
{
    c->cv.ops = &canvas_pdf_ops;
    c->cv.data = c;
    c->ctx = ctx;
    c->n_groups = 0;
}
