/* section.c — narrative text: a section (heading, paragraphs and lists)
 * and the summary (paragraphs marked by a bar in the accent colour). */
#include "pdf.h"

#include <stdio.h>

#define PARAGRAPH_GAP 7.0

void section_draw(pdf_ctx *ctx, const quire_section *section)
{
    char where[160];
    snprintf(where, sizeof where, "section '%s'", section->id ? section->id : "");
    ctx->where = where;
    heading_draw(ctx, section->heading ? section->heading : "", 1, section->id);
    text_look lk = pdf_look(ctx, 0, PDF_BODY_SIZE, PDF_TEXT_RGB);
    flow_prose(ctx, &section->body, &section->paragraphs, &lk, 0, PDF_BODY_LEADING,
               PARAGRAPH_GAP, 0);
    page_space(ctx, PARAGRAPH_GAP + 4);
    ctx->where = NULL;
}

void summary_draw(pdf_ctx *ctx)
{
    ctx->where = "the summary";
    const quire_prose *p = &ctx->ds->summary_text;
    if (!ctx->ds->summary.count && !p->n_paras)
        return;
    text_look lk = pdf_look(ctx, 0, PDF_BODY_SIZE + 0.4, PDF_TEXT_RGB);
    text_style label = {ctx->bold, 10, pdf_color(ctx, 0)};
    page_need(ctx, 2 * PDF_BODY_LEADING + 30);
    page_space(ctx, 8);
    page_begin(ctx, PDF_ROLE_H2);
    double top = page_take(ctx, 18);
    const char *name = words(ctx->lang, WORD_SUMMARY);
    /* in the contents and the bookmarks: under the heading before it, else
     * of its own but no parent of the sections after it */
    int level = ctx->next_toc < ctx->n_toc ? ctx->toc[ctx->next_toc].level : 0;
    HPDF_Outline parent = ctx->outline;
    links_toc_mark(ctx, name, level, top);
    ctx->outline = parent;
    page_text_block(ctx, &label, name, ctx->left, top, ctx->width, 18);
    page_end(ctx);
    page_take(ctx, 2);
    flow_prose(ctx, p, &ctx->ds->summary, &lk, 12, PDF_BODY_LEADING + 0.6, PARAGRAPH_GAP,
               pdf_color(ctx, 0));
    page_space(ctx, 12);
    ctx->where = NULL;
}
