/* embed_chart.c — places a chart block in the flow: measured first, kept
 * whole on one page with its title and what is printed under it (a new
 * page when it does not fit), then laid out by the chart layout
 * (plugins/common/chart.h) on the page layer's canvas, in both passes: the
 * first checks the glyphs of exactly the text the second draws.
 *
 * Under the chart (issue 19): the table's description, so that a caveat
 * written for the table reaches readers who see only the chart (left out
 * when the table itself follows at once and prints it), then the block's
 * own note:. A title with footnote references is set here as rich text,
 * since the chart layout draws plain titles. */
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

#define CAPTION_LEADING 12.0
#define TITLE_LEADING 14.0

/* 1 when t holds a footnote reference. */
static int has_footnote(const quire_text *t)
{
    for (size_t i = 0; i < t->n_runs; i++)
        if (QUIRE_AT(t->runs, t->run_size, i)->footnote)
            return 1;
    return 0;
}

/* The texts set around the chart: a rich title, the description, the note. */
typedef struct chart_texts {
    text_rich title, desc, note;
    double title_h, desc_h, note_h;
    double notes;           /* the footnotes they refer to, at the page's foot */
} chart_texts;

static void texts_free(chart_texts *t)
{
    text_rich_free(&t->title);
    text_rich_free(&t->desc);
    text_rich_free(&t->note);
}

static int texts_measure(pdf_ctx *ctx, const quire_chart *chart, int table_follows,
                         chart_texts *t)
{
    text_look tl = pdf_look(ctx, QUIRE_RUN_STRONG, PDF_BODY_SIZE * 1.1, PDF_TEXT_RGB);
    text_look cl = pdf_look(ctx, 0, 8.6, PDF_GREY_RGB);
    const quire_table *tab = chart->table;
    *t = (chart_texts){0};
    if (has_footnote(&chart->title_text) &&
        text_rich_from(&t->title, &chart->title_text, chart->title))
        return -1;
    if (!table_follows && tab->description &&
        text_rich_from(&t->desc, &tab->description_text, tab->description))
        return -1;
    if (chart->note.plain && text_rich_from(&t->note, &chart->note, chart->note.plain))
        return -1;
    t->title_h = t->title.len ? flow_height(ctx, &t->title, &tl, ctx->width, TITLE_LEADING) : 0;
    t->desc_h = t->desc.len ? flow_height(ctx, &t->desc, &cl, ctx->width, CAPTION_LEADING) : 0;
    t->note_h = t->note.len ? flow_height(ctx, &t->note, &cl, ctx->width, CAPTION_LEADING) : 0;
    t->notes = (t->title.len ? notes_need_all(ctx, &t->title) : 0) +
               (t->desc.len ? notes_need_all(ctx, &t->desc) : 0) +
               (t->note.len ? notes_need_all(ctx, &t->note) : 0);
    return 0;
}

static void caption_draw(pdf_ctx *ctx, const text_rich *r, double h, const text_look *lk,
                         double leading)
{
    if (!r->len)
        return;
    page_begin(ctx, PDF_ROLE_P);
    double top = page_take(ctx, h);
    flow_block(ctx, r, lk, ctx->left, top, ctx->width, leading, 0);
    page_end(ctx);
}

void embed_chart(pdf_ctx *ctx, const quire_chart *given)
{
    char where[160], err[256] = "";
    if (!given->table)
        return;
    snprintf(where, sizeof where, "chart of table '%s'", given->table->id);
    ctx->where = where;
    int follows = chart_table_follows(ctx, given);
    chart_texts tx;
    if (texts_measure(ctx, given, follows, &tx)) {
        texts_free(&tx);
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        ctx->where = NULL;
        return;
    }
    /* a title set here is left out of the chart layout's drawing */
    quire_chart own = *given;
    if (tx.title.len) {
        own.title = "";
        own.title_given = 1;
    }
    const quire_chart *chart = &own;
    /* the layout's figure group carries chart->alt, the text alternative */
    chart_style style = {ctx->tp->palette, ctx->tp->n_palette, ctx->ds, PDF_BODY_SIZE, follows};
    canvas_pdf cv;
    canvas_pdf_init(&cv, ctx);
    double h = chart_height(&cv.cv, &style, chart, ctx->width);
    double around = tx.title_h + (tx.desc_h ? 4 + tx.desc_h : 0) +
                    (tx.note_h ? 4 + tx.note_h : 0) + tx.notes;
    double room = ctx->top - ctx->bottom - around;
    if (room < (ctx->top - ctx->bottom) / 2)
        room = (ctx->top - ctx->bottom) / 2;  /* long notes: they flow on */
    if (h > room)
        h = room; /* taller than a page: drawn into the whole page */
    page_need(ctx, h + 10 + around);
    page_space(ctx, 10);
    text_look tl = pdf_look(ctx, QUIRE_RUN_STRONG, PDF_BODY_SIZE * 1.1, PDF_TEXT_RGB);
    caption_draw(ctx, &tx.title, tx.title_h, &tl, TITLE_LEADING);
    double top = page_take(ctx, h + 12);
    links_dest(ctx, chart->id, top);
    if (chart_draw(&cv.cv, &style, chart, ctx->left, top, ctx->width, h, err, sizeof err))
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "%s: %s", where, err[0] ? err : "cannot draw");
    text_look cl = pdf_look(ctx, 0, 8.6, PDF_GREY_RGB);
    if (tx.desc.len)
        page_take(ctx, 4);
    caption_draw(ctx, &tx.desc, tx.desc_h, &cl, CAPTION_LEADING);
    if (tx.note.len)
        page_take(ctx, 4);
    caption_draw(ctx, &tx.note, tx.note_h, &cl, CAPTION_LEADING);
    texts_free(&tx);
    ctx->where = NULL;
}
