/* contents.c — the contents page: every heading and section with its page
 * number, found by the first pass, joined by dot leaders; each entry links
 * to its place. Left out when it would list a single entry. */
#include "pdf.h"

#include <stdio.h>
#include <math.h>
#include <string.h>

#define NUMBER_BOX 28.0 /* room kept on the right for the page number */

int contents_wanted(const pdf_ctx *ctx)
{
    return ctx->n_toc > 1;
}

/* Dots from x0 to x1 on baseline, on a grid of DOT_STEP points from the
 * left margin so that the dots of every entry line up. The leader is one
 * dashed stroke (1-point dashes, square): a dot drawn as its own text
 * object made the contents 70% of the content streams, and shaping a run
 * of dots half the time, of a document of 30,000 sections. */
#define DOT_STEP 6 /* points; libharu's dash pattern takes whole points */
#define DOT_SIZE 0.9

static void dot_leader(pdf_ctx *ctx, double x0, double x1, double baseline)
{
    double first = ctx->left + DOT_STEP * ceil((x0 - ctx->left) / DOT_STEP);
    double last = ctx->left + DOT_STEP * floor((x1 - ctx->left) / DOT_STEP);
    if (last < first)
        return;
    canvas_paint dots = {CANVAS_NONE, PDF_RULE_RGB, DOT_SIZE, 1, DOT_STEP - 1, 0, 0};
    canvas_path path = {0};
    double y = baseline + DOT_SIZE / 2; /* the dashes sit on the baseline */
    canvas_path_move(&path, first, y);
    canvas_path_line(&path, last + 1, y); /* a dash starts at each grid point, the last too */
    page_begin(ctx, PDF_ROLE_ARTIFACT);
    page_path(ctx, &path, &dots);
    page_end(ctx);
    canvas_path_free(&path);
}

static void contents_entry(pdf_ctx *ctx, const pdf_toc *t)
{
    text_style st = {t->level ? ctx->body : ctx->bold, t->level ? 9.8 : 10.5,
                     t->level ? PDF_TEXT_RGB : pdf_color(ctx, 0)};
    double indent = t->level ? 16 : 0, leading = t->level ? 17 : 20;
    double width = ctx->width - indent - NUMBER_BOX;
    lb_lines lines = {0};
    if (text_break(&st, t->text, width, &lines) || !lines.count)
        goto cleanup;
    page_need(ctx, leading * (double)lines.count + (t->level ? 0 : 6));
    if (!t->level)
        page_space(ctx, 6);
    page_begin(ctx, PDF_ROLE_TOC_ITEM);
    double top = page_take(ctx, leading * (double)lines.count), baseline = 0, end = 0;
    for (size_t i = 0; i < lines.count; i++) {
        const lb_line *l = &lines.items[i];
        baseline = top - (double)(i + 1) * leading + (leading - st.size) / 2 + 1;
        page_text(ctx, &st, ctx->left + indent, baseline, t->text + l->start,
                  l->end - l->start + (t->text[l->end] == ' ')); /* the break's space too */
        end = ctx->left + indent + text_width(&st, t->text + l->start, l->end - l->start);
    }
    char num[16];
    snprintf(num, sizeof num, "%d", t->page);
    double num_w = text_width(&st, num, strlen(num));
    dot_leader(ctx, end + 4, ctx->right - num_w - 4, baseline);
    page_text_right(ctx, &st, ctx->right, baseline, num);
    links_goto(ctx, t->page, t->y, ctx->left + indent, top - leading * (double)lines.count,
               ctx->right, top);
    page_end(ctx);
cleanup:
    lb_lines_free(&lines);
}

void contents_draw(pdf_ctx *ctx)
{
    if (!contents_wanted(ctx))
        return;
    ctx->where = "the contents";
    page_fresh(ctx);
    text_style title = {ctx->bold, 20, PDF_TEXT_RGB};
    const char *label = words(ctx->lang, WORD_CONTENTS);
    page_begin(ctx, PDF_ROLE_TOC);
    double top = page_take(ctx, 30);
    page_text_block(ctx, &title, label, ctx->left, top, ctx->width, 30);
    page_begin(ctx, PDF_ROLE_ARTIFACT);
    page_rule(ctx, ctx->left, ctx->right, top - 34, 0.8, pdf_color(ctx, 0));
    page_end(ctx);
    page_take(ctx, 16);
    for (size_t i = 0; i < ctx->n_toc; i++)
        contents_entry(ctx, &ctx->toc[i]);
    page_end(ctx);
    page_close(ctx); /* the body starts on a new page */
}
