/* heading.c — a heading (level 0) or section heading (level 1): kept with
 * the first lines of what follows, with its bookmark and link target. */
#include "pdf.h"

void heading_draw(pdf_ctx *ctx, const char *text, int level, const char *id)
{
    text_style st = {ctx->bold, level ? 12.0 : 15.5, level ? PDF_TEXT_RGB : pdf_color(ctx, 0)};
    double leading = st.size * 1.35, before = level ? 10 : 16, after = level ? 4 : 9;
    lb_lines lines = {0};
    if (text_break(&st, text, ctx->width, &lines)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return;
    }
    double h = (double)lines.count * leading;
    lb_lines_free(&lines);
    /* keep the heading with the first lines of what follows */
    if (page_heading_moves(ctx))
        page_fresh(ctx);
    page_need(ctx, before + h + after + 3 * PDF_BODY_LEADING);
    page_space(ctx, before);
    page_begin(ctx, level ? PDF_ROLE_H2 : PDF_ROLE_H1);
    double top = page_take(ctx, h);
    links_toc_mark(ctx, text, level, top);
    links_dest(ctx, id, top);
    page_text_block(ctx, &st, text, ctx->left, top, ctx->width, leading);
    page_end(ctx);
    if (level == 0) {
        page_begin(ctx, PDF_ROLE_ARTIFACT);
        page_rule(ctx, ctx->left, ctx->right, top - h - 2, 0.8, pdf_color(ctx, 0));
        page_end(ctx);
    }
    page_take(ctx, after);
    page_heading_placed(ctx);
}
