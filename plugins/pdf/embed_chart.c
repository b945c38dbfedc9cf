/* embed_chart.c — places a chart block in the flow: measured first, kept
 * whole on one page with its title (a new page when it does not fit), then
 * drawn by the chart module. */
#include "pdf.h"
#include "tags.h"

#include <stdio.h>
#include <string.h>

#include "chart.h"

/* In the dry pass the chart is not drawn, so its words are checked here. */
static void chart_check_glyphs(pdf_ctx *ctx, const quire_chart *chart)
{
    const quire_table *t = chart->table;
    fonts_check(ctx, ctx->bold, chart->title, strlen(chart->title));
    const quire_column *x = chart->x < t->n_columns ? quire_column_at(t, chart->x) : NULL;
    if (x && x->texts)
        for (size_t r = 0; r < t->n_rows; r++)
            if (x->texts[r])
                fonts_check(ctx, ctx->body, x->texts[r], strlen(x->texts[r]));
    for (size_t i = 0; i < chart->n_y; i++)
        if (chart->y[i] < t->n_columns) {
            const char *label = quire_column_at(t, chart->y[i])->label;
            fonts_check(ctx, ctx->body, label, strlen(label));
        }
    for (size_t i = 0; i < chart->n_references; i++) {
        const char *label = quire_reference_at(chart, i)->label;
        if (label)
            fonts_check(ctx, ctx->body, label, strlen(label));
    }
    const quire_column *names = chart->has_label && chart->label < t->n_columns
                                    ? quire_column_at(t, chart->label) : NULL;
    if (names && names->texts)
        for (size_t r = 0; r < t->n_rows; r++)
            if (names->texts[r])
                fonts_check(ctx, ctx->body, names->texts[r], strlen(names->texts[r]));
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
    chart_style style = {ctx->body->font, ctx->bold->font, ctx->tp->palette,
                         ctx->tp->n_palette, ctx->ds, PDF_BODY_SIZE,
                         chart_table_follows(ctx, chart)};
    double h = chart_height(&style, chart, ctx->width);
    double room = ctx->top - ctx->bottom;
    if (h > room)
        h = room; /* taller than a page: drawn into the whole page */
    page_need(ctx, h + 10);
    page_space(ctx, 10);
    page_begin(ctx, PDF_ROLE_FIGURE);
    tags_alt(ctx, chart->alt ? chart->alt : chart->title);
    double top = page_take(ctx, h + 12);
    links_dest(ctx, chart->id, top);
    chart_check_glyphs(ctx, chart); /* first pass only */
    HPDF_Page canvas = page_canvas(ctx);
    if (canvas && chart_draw(canvas, &style, chart, ctx->left, top, ctx->width, h, err,
                             sizeof err))
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "%s: %s", where, err[0] ? err : "cannot draw");
    page_end(ctx);
    ctx->where = NULL;
}
