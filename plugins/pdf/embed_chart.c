/* embed_chart.c — places a chart block in the flow: measured first, kept
 * whole on one page with its title (a new page when it does not fit), then
 * laid out by the chart layout (plugins/common/chart.h) on the page
 * layer's canvas, in both passes: the first checks the glyphs of exactly
 * the text the second draws. */
#include "pdf.h"
#include "tags.h"

#include <stdio.h>
#include <string.h>

#include "chart.h"

/* 1 when the block after the chart's is the table it draws: that table's
 * title follows, so the chart does not repeat it. */
static int chart_table_follows(const pdf_ctx *ctx, const quire_chart *chart)
{
    const quire_template *tp = ctx->tp;
    for (size_t i = 0; i + 1 < tp->n_blocks; i++)
        if (&quire_block_at(tp, i)->chart == chart) {
            const quire_block *next = quire_block_at(tp, i + 1);
            return next->kind == QUIRE_BLOCK_TABLE && next->table == chart->table;
        }
    return 0;
}

void embed_chart(pdf_ctx *ctx, const quire_chart *chart)
{
    char where[160], err[256] = "";
    if (!chart->table)
        return;
    snprintf(where, sizeof where, "chart of table '%s'", chart->table->id);
    ctx->where = where;
    /* the layout's figure group carries chart->alt, the text alternative */
    chart_style style = {ctx->tp->palette, ctx->tp->n_palette, ctx->ds, PDF_BODY_SIZE,
                         chart_table_follows(ctx, chart)};
    canvas_pdf cv;
    canvas_pdf_init(&cv, ctx);
    double h = chart_height(&cv.cv, &style, chart, ctx->width);
    double room = ctx->top - ctx->bottom;
    if (h > room)
        h = room; /* taller than a page: drawn into the whole page */
    page_need(ctx, h + 10);
    page_space(ctx, 10);
    double top = page_take(ctx, h + 12);
    links_dest(ctx, chart->id, top);
    if (chart_draw(&cv.cv, &style, chart, ctx->left, top, ctx->width, h, err, sizeof err))
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "%s: %s", where, err[0] ? err : "cannot draw");
    ctx->where = NULL;
}
