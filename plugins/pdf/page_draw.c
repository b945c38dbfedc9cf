/* page_draw.c — the page layer's drawing calls: everything a block or a
 * chart puts on a page goes through here. Only this layer knows which
 * pass runs: in the first, text is checked against the fonts (every
 * character a face lacks is reported) and nothing is drawn; in the
 * second, the same calls draw. Each call tells the tagging what it draws
 * (tags_draw) before drawing it. */
#include "pdf.h"
#include "tags.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int drawing(const pdf_ctx *ctx)
{
    return !ctx->dry && ctx->page;
}

static void set_rgb(HPDF_Page page, uint32_t rgb, int stroke)
{
    float r = ((rgb >> 16) & 0xFF) / 255.0f, g = ((rgb >> 8) & 0xFF) / 255.0f,
          b = (rgb & 0xFF) / 255.0f;
    if (stroke)
        HPDF_Page_SetRGBStroke(page, r, g, b);
    else
        HPDF_Page_SetRGBFill(page, r, g, b);
}

void page_fill(pdf_ctx *ctx, double x, double y, double w, double h, uint32_t rgb)
{
    if (!drawing(ctx))
        return;
    tags_draw(ctx, TAGS_DECOR);
    set_rgb(ctx->page, rgb, 0);
    HPDF_Page_Rectangle(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    HPDF_Page_Fill(ctx->page);
}

void page_rule(pdf_ctx *ctx, double x0, double x1, double y, double lw, uint32_t rgb)
{
    if (!drawing(ctx))
        return;
    tags_draw(ctx, TAGS_DECOR);
    set_rgb(ctx->page, rgb, 1);
    HPDF_Page_SetLineWidth(ctx->page, (HPDF_REAL)lw);
    HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)x0, (HPDF_REAL)y);
    HPDF_Page_LineTo(ctx->page, (HPDF_REAL)x1, (HPDF_REAL)y);
    HPDF_Page_Stroke(ctx->page);
}

void page_text(pdf_ctx *ctx, const text_style *st, double x, double baseline, const char *s,
               size_t len)
{
    if (ctx->dry)
        fonts_check(ctx, st->face, s, len);
    else if (ctx->page) {
        tags_draw(ctx, TAGS_TEXT);
        text_show(ctx->page, st, x, baseline, s, len);
    }
}

void page_text_right(pdf_ctx *ctx, const text_style *st, double x_right, double baseline,
                     const char *s)
{
    size_t len = strlen(s);
    page_text(ctx, st, x_right - text_width(st, s, len), baseline, s, len);
}

void page_text_center(pdf_ctx *ctx, const text_style *st, double x_center, double baseline,
                      const char *s)
{
    size_t len = strlen(s);
    page_text(ctx, st, x_center - text_width(st, s, len) / 2, baseline, s, len);
}

/* Baseline of a line whose box starts at top: the text sits in the middle
 * of the leading, as in word processors. */
static double baseline_in(double size, double top, double leading)
{
    return top - (leading + size * 0.72) / 2;
}

double page_text_block(pdf_ctx *ctx, const text_style *st, const char *s, double x,
                       double top, double width, double leading)
{
    lb_lines lines = {0};
    if (!s || text_break(st, s, width, &lines)) {
        lb_lines_free(&lines);
        return 0;
    }
    for (size_t i = 0; i < lines.count; i++) {
        const lb_line *l = &lines.items[i];
        /* with the space the line broke at: lines a reader joins (the
         * structure's text) stay words apart */
        page_text(ctx, st, x, baseline_in(st->size, top - (double)i * leading, leading),
                  s + l->start, l->end - l->start + (s[l->end] == ' '));
    }
    double h = (double)lines.count * leading;
    lb_lines_free(&lines);
    return h;
}

/* The image of the dataset (or the logo), loaded once per document. */
static HPDF_Image image_of(pdf_ctx *ctx, const quire_image *im)
{
    size_t slot = ctx->ds->n_images; /* the logo's */
    for (size_t i = 0; i < ctx->ds->n_images; i++)
        if (quire_image_at(ctx->ds, i) == im)
            slot = i;
    if (!ctx->images[slot])
        ctx->images[slot] = pdf_image_load(ctx->doc, ctx->ds, im);
    if (!ctx->images[slot])
        pdf_fail(ctx, QUIRE_ERR_INPUT, "image %s cannot be embedded (libharu error 0x%04X)",
                 im->path, (unsigned)ctx->hpdf_error);
    return ctx->images[slot];
}

void page_image(pdf_ctx *ctx, const quire_image *im, double x, double y, double w, double h)
{
    if (!drawing(ctx) || !im || !im->path)
        return;
    tags_image(ctx, im);
    tags_draw(ctx, TAGS_GRAPHIC);
    HPDF_Image img = image_of(ctx, im);
    if (img)
        HPDF_Page_DrawImage(ctx->page, img, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w,
                            (HPDF_REAL)h);
}


/* Rich text: the second pass draws one line of r (links become
 * annotations); the first checks the glyphs of each span's face. */
void page_rich_line(pdf_ctx *ctx, const text_rich *r, const text_look *lk, const lb_line *l,
                    double x, double baseline, double width, int justify)
{
    if (ctx->dry) {
        for (size_t i = 0; i < r->n_spans; i++) {
            const text_span *s = &r->spans[i];
            size_t a = s->start > l->start ? s->start : l->start;
            size_t b = s->end < l->end ? s->end : l->end;
            if (b > a)
                fonts_check(ctx, lk->family->face[(s->flags | lk->flags) & 3u], r->text + a,
                            b - a);
        }
        return;
    }
    if (!ctx->page)
        return;
    text_marks marks = links_marks(ctx); /* which opens the line's marked content */
    text_rich_draw_line(ctx->page, r, lk, l, x, baseline, width, justify, &marks);
}

/* Text turned degrees counter-clockwise around its start (x, baseline). */
void page_text_turned(pdf_ctx *ctx, const text_style *st, double x, double baseline,
                      double degrees, const char *s, size_t len)
{
    if (degrees == 0 || ctx->dry) {
        page_text(ctx, st, x, baseline, s, len);
        return;
    }
    if (!ctx->page)
        return;
    double a = degrees * M_PI / 180, c = cos(a), sn = sin(a);
    tags_draw(ctx, TAGS_TEXT);
    HPDF_Page_GSave(ctx->page);
    HPDF_Page_Concat(ctx->page, (HPDF_REAL)c, (HPDF_REAL)sn, (HPDF_REAL)-sn, (HPDF_REAL)c,
                     (HPDF_REAL)x, (HPDF_REAL)baseline);
    text_show(ctx->page, st, 0, 0, s, len);
    HPDF_Page_GRestore(ctx->page);
}

/* Sets what paint needs before the path is built. */
static void paint_begin(HPDF_Page page, const canvas_paint *p)
{
    if (p->fill != CANVAS_NONE)
        set_rgb(page, p->fill, 0);
    if (p->stroke == CANVAS_NONE)
        return;
    set_rgb(page, p->stroke, 1);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)p->width);
    if (p->dash_on > 0) {
        HPDF_UINT16 dash[2] = {(HPDF_UINT16)lround(p->dash_on), (HPDF_UINT16)lround(p->dash_off)};
        HPDF_Page_SetDash(page, dash, 2, 0);
    }
    if (p->round) {
        HPDF_Page_SetLineJoin(page, HPDF_ROUND_JOIN);
        HPDF_Page_SetLineCap(page, HPDF_ROUND_END);
    }
}

/* Paints the path built and puts the stroke state back. */
static void paint_end(HPDF_Page page, const canvas_paint *p)
{
    int fill = p->fill != CANVAS_NONE, stroke = p->stroke != CANVAS_NONE;
    if (fill && stroke)
        p->even_odd ? HPDF_Page_EofillStroke(page) : HPDF_Page_FillStroke(page);
    else if (fill)
        p->even_odd ? HPDF_Page_Eofill(page) : HPDF_Page_Fill(page);
    else if (stroke)
        HPDF_Page_Stroke(page);
    else
        HPDF_Page_EndPath(page);
    if (stroke && p->dash_on > 0)
        HPDF_Page_SetDash(page, NULL, 0, 0);
    if (stroke && p->round) {
        HPDF_Page_SetLineCap(page, HPDF_BUTT_END);
        HPDF_Page_SetLineJoin(page, HPDF_MITER_JOIN);
    }
}

void page_rect(pdf_ctx *ctx, double x, double y, double w, double h, const canvas_paint *p)
{
    if (!drawing(ctx))
        return;
    tags_draw(ctx, TAGS_GRAPHIC);
    paint_begin(ctx->page, p);
    HPDF_Page_Rectangle(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    paint_end(ctx->page, p);
}

void page_path(pdf_ctx *ctx, const canvas_path *path, const canvas_paint *p)
{
    if (!drawing(ctx) || path->failed || !path->n)
        return;
    tags_draw(ctx, TAGS_GRAPHIC);
    paint_begin(ctx->page, p);
    for (size_t i = 0; i < path->n; i++) {
        const canvas_seg *s = &path->seg[i];
        switch (s->op) {
        case CANVAS_MOVE:
            HPDF_Page_MoveTo(ctx->page, (HPDF_REAL)s->p[0].x, (HPDF_REAL)s->p[0].y);
            break;
        case CANVAS_LINE:
            HPDF_Page_LineTo(ctx->page, (HPDF_REAL)s->p[0].x, (HPDF_REAL)s->p[0].y);
            break;
        case CANVAS_CURVE:
            HPDF_Page_CurveTo(ctx->page, (HPDF_REAL)s->p[0].x, (HPDF_REAL)s->p[0].y,
                              (HPDF_REAL)s->p[1].x, (HPDF_REAL)s->p[1].y, (HPDF_REAL)s->p[2].x,
                              (HPDF_REAL)s->p[2].y);
            break;
        case CANVAS_CLOSE: HPDF_Page_ClosePath(ctx->page); break;
        }
    }
    paint_end(ctx->page, p);
}

void page_circle(pdf_ctx *ctx, double cx, double cy, double r, const canvas_paint *p)
{
    if (!drawing(ctx))
        return;
    tags_draw(ctx, TAGS_GRAPHIC);
    paint_begin(ctx->page, p);
    HPDF_Page_Circle(ctx->page, (HPDF_REAL)cx, (HPDF_REAL)cy, (HPDF_REAL)r);
    paint_end(ctx->page, p);
}

/* A graphics state to come back to; it opens inside the current marked
 * content, so that the two nest. */
void page_save(pdf_ctx *ctx)
{
    if (!drawing(ctx))
        return;
    tags_draw(ctx, TAGS_GRAPHIC);
    HPDF_Page_GSave(ctx->page);
}

void page_restore(pdf_ctx *ctx)
{
    if (drawing(ctx))
        HPDF_Page_GRestore(ctx->page);
}

void page_clip(pdf_ctx *ctx, double x, double y, double w, double h)
{
    if (!drawing(ctx))
        return;
    tags_draw(ctx, TAGS_GRAPHIC);
    HPDF_Page_Rectangle(ctx->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w, (HPDF_REAL)h);
    HPDF_Page_Clip(ctx->page);
    HPDF_Page_EndPath(ctx->page);
}
