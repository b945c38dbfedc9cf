/* contents.c — the contents page: every heading and section with its page
 * number, found by the dry pass, joined by dot leaders. */
#include "pdf.h"

#include <stdio.h>
#include <string.h>

#define NUMBER_BOX 28.0 /* room kept on the right for the page number */

/* Dots from x0 to x1 on baseline, aligned to a grid so columns line up. */
static void dot_leader(pdf_ctx *ctx, const pdf_style *st, double x0, double x1,
                       double baseline)
{
    double step = st->size * 0.55;
    pdf_style dots = {ctx->body, st->size, PDF_RULE_RGB};
    for (double x = ctx->left + step * (double)(long)((x0 - ctx->left) / step + 1.5);
         x + step < x1; x += step)
        text_draw(ctx, &dots, x, baseline, ".", 1);
}

static void contents_entry(pdf_ctx *ctx, const pdf_toc *t)
{
    pdf_style st = {t->level ? ctx->body : ctx->bold, t->level ? 9.8 : 10.5,
                    t->level ? PDF_TEXT_RGB : pdf_color(ctx, 0)};
    double indent = t->level ? 16 : 0, leading = t->level ? 17 : 20;
    double width = ctx->width - indent - NUMBER_BOX;
    lb_lines lines = {0};
    if (text_lines(ctx, &st, t->text, width, &lines) || !lines.count)
        goto cleanup;
    layout_need(ctx, leading * (double)lines.count + (t->level ? 0 : 6));
    if (!t->level && ctx->page_used)
        ctx->y -= 6;
    double baseline = 0, end = 0;
    for (size_t i = 0; i < lines.count; i++) {
        const lb_line *l = &lines.items[i];
        baseline = ctx->y - leading + (leading - st.size) / 2 + 1;
        text_draw_line(ctx, &st, t->text, l, ctx->left + indent, baseline, width, 0);
        end = ctx->left + indent +
              text_width(ctx, st.font, st.size, t->text + l->start, l->end - l->start);
        ctx->y -= leading;
    }
    char num[16];
    snprintf(num, sizeof num, "%d", t->page);
    double num_w = text_width(ctx, st.font, st.size, num, strlen(num));
    dot_leader(ctx, &st, end + 4, ctx->right - num_w - 4, baseline);
    text_draw_right(ctx, &st, ctx->right, baseline, num);
    ctx->page_used = 1;
cleanup:
    lb_lines_free(&lines);
}

void contents_draw(pdf_ctx *ctx)
{
    ctx->where = "the contents";
    layout_fresh_page(ctx);
    pdf_style title = {ctx->bold, 20, PDF_TEXT_RGB};
    const char *label = pdf_label(ctx, "목차", "Contents");
    ctx->y -= text_block(ctx, &title, label, ctx->left, ctx->y, ctx->width, 30, 0);
    layout_hline(ctx, ctx->left, ctx->right, ctx->y - 4, 0.8, pdf_color(ctx, 0));
    ctx->y -= 16;
    ctx->page_used = 1;
    for (size_t i = 0; i < ctx->n_toc; i++)
        contents_entry(ctx, &ctx->toc[i]);
    ctx->y = ctx->bottom - 1; /* the body starts on a new page */
}
