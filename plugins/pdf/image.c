/* image.c — an image block: the picture scaled to the text width (no
 * taller than two thirds of the page's text area), kept on one page with
 * its caption and source line. */
#include "pdf.h"

#include <stdio.h>
#include <string.h>

#define CAPTION_SIZE 8.4
#define CAPTION_LEADING 12.0

void image_draw(pdf_ctx *ctx, const quire_image *im)
{
    char where[160], source[512];
    if (!im->width_px || !im->height_px)
        return;
    snprintf(where, sizeof where, "image '%s'", im->id ? im->id : "");
    ctx->where = where;
    double w = ctx->width, h = w * im->height_px / im->width_px;
    double most = (ctx->top - ctx->bottom) * 2 / 3;
    if (h > most)
        h = most, w = h * im->width_px / im->height_px;
    text_rich caption;
    if (text_rich_from(&caption, &im->caption, NULL)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return;
    }
    text_look lk = pdf_look(ctx, 0, CAPTION_SIZE, PDF_TEXT_RGB);
    text_style src = {ctx->body, 7.2, 0x888888u};
    sources_line(ctx, &im->sources, source, sizeof source);
    double cap_h = caption.len ? flow_height(ctx, &caption, &lk, ctx->width, CAPTION_LEADING) : 0;
    double src_h = source[0] ? 11 : 0;
    page_need(ctx, 10 + h + 4 + cap_h + src_h + notes_need_all(ctx, &caption));
    page_space(ctx, 10);
    page_begin(ctx, PDF_ROLE_FIGURE);
    double top = page_take(ctx, h + 4);
    links_dest(ctx, im->id, top);
    page_image(ctx, im, ctx->left + (ctx->width - w) / 2, top - h, w, h);
    page_end(ctx);
    if (caption.len) {
        page_begin(ctx, PDF_ROLE_CAPTION);
        top = page_take(ctx, cap_h);
        flow_block(ctx, &caption, &lk, ctx->left, top, ctx->width, CAPTION_LEADING, 0);
        page_end(ctx);
    }
    if (source[0]) {
        page_begin(ctx, PDF_ROLE_P);
        top = page_take(ctx, src_h);
        page_text_block(ctx, &src, source, ctx->left, top, ctx->width, 11);
        page_end(ctx);
    }
    page_space(ctx, 12);
    text_rich_free(&caption);
    ctx->where = NULL;
}
