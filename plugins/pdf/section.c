/* section.c — narrative text: a section (heading and paragraphs) and the
 * summary (paragraphs marked by a bar in the accent colour). */
#include "pdf.h"

#include <stdio.h>

#define PARAGRAPH_GAP 7.0

void section_draw(pdf_ctx *ctx, const quire_section *section)
{
    char where[160];
    snprintf(where, sizeof where, "section '%s'", section->id ? section->id : "");
    ctx->where = where;
    layout_heading(ctx, section->heading ? section->heading : "", 1);
    pdf_style st = {ctx->body, PDF_BODY_SIZE, PDF_TEXT_RGB};
    for (size_t i = 0; i < section->paragraphs.count; i++)
        text_flow(ctx, &st, section->paragraphs.items[i], 0, PDF_BODY_LEADING,
                  PARAGRAPH_GAP, 0);
    ctx->y -= 4;
    ctx->where = NULL;
}

void summary_draw(pdf_ctx *ctx)
{
    ctx->where = "the summary";
    const quire_strings *p = &ctx->ds->summary;
    if (!p->count)
        return;
    pdf_style st = {ctx->body, PDF_BODY_SIZE + 0.4, PDF_TEXT_RGB};
    pdf_style label = {ctx->bold, 10, pdf_color(ctx, 0)};
    layout_need(ctx, 2 * PDF_BODY_LEADING + 30);
    if (ctx->page_used)
        ctx->y -= 8;
    ctx->y -= text_block(ctx, &label, pdf_label(ctx, "요약", "Summary"), ctx->left, ctx->y,
                         ctx->width, 18, 0) + 2;
    ctx->page_used = 1;
    for (size_t i = 0; i < p->count; i++)
        text_flow(ctx, &st, p->items[i], 12, PDF_BODY_LEADING + 0.6,
                  i + 1 < p->count ? PARAGRAPH_GAP : 0, pdf_color(ctx, 0));
    ctx->y -= 12;
    ctx->where = NULL;
}
