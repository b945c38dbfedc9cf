/* blocks.c — the template's blocks: which block draws what. The page
 * layer runs the blocks in order for each pass and knows none of them. */
#include "pdf.h"

#include <stddef.h>

void blocks_draw(pdf_ctx *ctx, size_t i)
{
    const quire_block *b = quire_block_at(ctx->tp, i);
    switch (b->kind) {
    case QUIRE_BLOCK_COVER: cover_draw(ctx); break;
    case QUIRE_BLOCK_CONTENTS: contents_draw(ctx); break;
    case QUIRE_BLOCK_HEADING:
        ctx->where = "heading";
        heading_draw(ctx, b->text ? b->text : "", 0, NULL);
        break;
    case QUIRE_BLOCK_FIGURES: figures_draw(ctx, b->figures, b->n_figures); break;
    case QUIRE_BLOCK_SUMMARY: summary_draw(ctx); break;
    case QUIRE_BLOCK_SECTION:
        if (b->section)
            section_draw(ctx, b->section);
        break;
    case QUIRE_BLOCK_CHART: embed_chart(ctx, &b->chart); break;
    case QUIRE_BLOCK_TABLE:
        if (b->table)
            table_draw(ctx, b->table);
        break;
    case QUIRE_BLOCK_PAGE_BREAK: page_fresh(ctx); break;
    case QUIRE_BLOCK_SOURCES: sources_draw(ctx); break;
    case QUIRE_BLOCK_IMAGE:
        if (b->image) {
            /* width_mm and align: from a host whose blocks carry them */
            int given = ctx->tp->block_size >= offsetof(quire_block, image_align) +
                                                   sizeof b->image_align;
            image_draw(ctx, b->image, given ? b->image_width_pt : 0,
                       given ? b->image_align : QUIRE_ALIGN_CENTER);
        }
        break;
    }
    ctx->where = NULL;
}
