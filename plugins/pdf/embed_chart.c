/* embed_chart.c — places a chart block in the flow: measured first, kept
 * whole on one page with its title (a new page when it does not fit), then
 * drawn by the chart module. */
#include "pdf.h"

#include <stdio.h>

#include "chart.h"

/* In the dry pass the chart is not drawn, so its words are checked here. */
static void chart_check_glyphs(pdf_ctx *ctx, const quire_chart *chart)
{
    const quire_table *t = chart->table;
    fonts_check(ctx, ctx->bold, chart->title);
    if (chart->x < t->n_columns && t->columns[chart->x].texts)
        for (size_t r = 0; r < t->n_rows; r++)
            fonts_check(ctx, ctx->body, t->columns[chart->x].texts[r]);
    for (size_t i = 0; i < chart->n_y; i++)
        if (chart->y[i] < t->n_columns)
            fonts_check(ctx, ctx->body, t->columns[chart->y[i]].label);
    for (size_t i = 0; i < chart->n_references; i++)
        if (quire_reference_at(chart, i)->label)
            fonts_check(ctx, ctx->body, quire_reference_at(chart, i)->label);
    if (chart->has_label && chart->label < t->n_columns && t->columns[chart->label].texts)
        for (size_t r = 0; r < t->n_rows; r++)
            fonts_check(ctx, ctx->body, t->columns[chart->label].texts[r]);
}

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
    /* chart->alt, the text alternative, is there for the tagged structure */
    chart_style style = {ctx->body, ctx->bold, ctx->tp->palette, ctx->tp->n_palette,
                         ctx->ds, PDF_BODY_SIZE, chart_table_follows(ctx, chart)};
    double h = chart_height(&style, chart, ctx->width);
    double room = ctx->top - ctx->bottom;
    if (h > room)
        h = room; /* taller than a page: drawn into the whole page */
    layout_need(ctx, h + 10);
    if (ctx->page_used)
        ctx->y -= 10;
    if (ctx->dry)
        chart_check_glyphs(ctx, chart);
    else if (ctx->page && chart_draw(ctx->page, &style, chart, ctx->left, ctx->y, ctx->width,
                                     h, err, sizeof err))
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "%s: %s", where, err[0] ? err : "cannot draw");
    ctx->y -= h + 12;
    ctx->page_used = 1;
    ctx->where = NULL;
}
