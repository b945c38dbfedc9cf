/* table.c — data tables: bold header on a tinted band, text left and
 * numbers right, numbers formatted per column, zebra rows, cells wrapped
 * in their column, and the header repeated on every page a table spans. */
#include "pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numfmt.h"

#define CELL_SIZE 8.4
#define CELL_LEADING 11.5
#define HPAD 5.0
#define VPAD 3.6
#define NULL_MARK "–"
#define ZEBRA_RGB 0xf3f5f8u

typedef struct tcol {
    const quire_column *c;
    char header[256];
    double w;              /* column width, padding included */
    int right;             /* numbers are right-aligned */
    lb_lines lines;        /* the current row's cell, broken */
} tcol;

typedef struct tbl {
    pdf_ctx *ctx;
    const quire_table *t;
    tcol *cols;
    size_t n;
    pdf_style cell, head, null;
} tbl;

static int is_numeric(const quire_column *c)
{
    return c->type != QUIRE_TEXT && c->type != QUIRE_DATE;
}

/* The text of a cell as shown: formatted number, date, text or a dash. */
static const char *cell_text(const quire_column *c, size_t row, char *buf, size_t size)
{
    if (quire_cell_is_null(c, row))
        return NULL_MARK;
    if (c->texts)
        return c->texts[row];
    numfmt_format(buf, size, c->numbers[row], c->decimals ? c->decimals[row] : 0, c->format,
                  c->type == QUIRE_PERCENT);
    return buf;
}

static void header_text(tcol *col)
{
    const quire_column *c = col->c;
    const char *label = c->label ? c->label : c->id;
    if (c->unit_label && c->type != QUIRE_PERCENT && c->type != QUIRE_TEXT)
        snprintf(col->header, sizeof col->header, "%s (%s)", label, c->unit_label);
    else
        snprintf(col->header, sizeof col->header, "%s", label);
}

/* Widest content of each column; numbers do not wrap, so they keep theirs. */
static void natural_widths(tbl *tb, double *nat)
{
    char buf[128];
    for (size_t j = 0; j < tb->n; j++) {
        const quire_column *c = tb->cols[j].c;
        double w = text_width(tb->ctx, tb->head.font, tb->head.size, tb->cols[j].header,
                              strlen(tb->cols[j].header));
        for (size_t r = 0; r < tb->t->n_rows; r++) {
            const char *s = cell_text(c, r, buf, sizeof buf);
            double cw = text_width(tb->ctx, tb->cell.font, tb->cell.size, s, strlen(s));
            w = cw > w ? cw : w;
        }
        nat[j] = w + 2 * HPAD;
    }
}

static void column_widths(tbl *tb, double *nat)
{
    double W = tb->ctx->width, total = 0, fixed = 0, flex = 0;
    for (size_t j = 0; j < tb->n; j++) {
        total += nat[j];
        if (tb->cols[j].right)
            fixed += nat[j];
        else
            flex += nat[j];
    }
    for (size_t j = 0; j < tb->n; j++) {
        double w = nat[j] * W / total; /* fits: widen all alike; or shrink all */
        if (total > W && flex > 0 && fixed < W * 0.75)
            w = tb->cols[j].right ? nat[j] : nat[j] * (W - fixed) / flex;
        tb->cols[j].w = w;
    }
}

/* Breaks every cell of a row (row == SIZE_MAX: the header); returns its
 * height. */
static double row_break(tbl *tb, size_t row)
{
    char buf[128];
    size_t most = 1;
    for (size_t j = 0; j < tb->n; j++) {
        tcol *col = &tb->cols[j];
        int head = row == SIZE_MAX;
        const char *s = head ? col->header : cell_text(col->c, row, buf, sizeof buf);
        col->lines.count = 0;
        text_lines(tb->ctx, head ? &tb->head : &tb->cell, s, col->w - 2 * HPAD, &col->lines);
        most = col->lines.count > most ? col->lines.count : most;
    }
    return (double)most * CELL_LEADING + 2 * VPAD;
}

static void row_draw(tbl *tb, size_t row, double h)
{
    pdf_ctx *ctx = tb->ctx;
    char buf[128];
    int head = row == SIZE_MAX;
    if (head)
        layout_fill_rect(ctx, ctx->left, ctx->y - h, ctx->width, h,
                         pdf_tint(pdf_color(ctx, 0), 0.16));
    else if (row % 2 == 1)
        layout_fill_rect(ctx, ctx->left, ctx->y - h, ctx->width, h, ZEBRA_RGB);
    double x = ctx->left;
    for (size_t j = 0; j < tb->n; j++) {
        tcol *col = &tb->cols[j];
        const char *s = head ? col->header : cell_text(col->c, row, buf, sizeof buf);
        const pdf_style *st = head                                ? &tb->head
                              : quire_cell_is_null(col->c, row) ? &tb->null
                                                                : &tb->cell;
        for (size_t i = 0; i < col->lines.count; i++) {
            const lb_line *l = &col->lines.items[i];
            double base = ctx->y - VPAD - (double)(i + 1) * CELL_LEADING + 3.2;
            double lw = text_width(ctx, st->font, st->size, s + l->start, l->end - l->start);
            double lx = col->right ? x + col->w - HPAD - lw : x + HPAD;
            text_draw(ctx, st, lx, base, s + l->start, l->end - l->start);
        }
        x += col->w;
    }
    ctx->y -= h;
    ctx->page_used = 1;
}

static void header_draw(tbl *tb)
{
    row_draw(tb, SIZE_MAX, row_break(tb, SIZE_MAX));
}

/* "Title (계속)" above the repeated header on a following page. */
static void continued_title(tbl *tb)
{
    pdf_ctx *ctx = tb->ctx;
    char buf[512];
    snprintf(buf, sizeof buf, "%s %s", tb->t->title,
             pdf_label(ctx, "(계속)", "(continued)"));
    pdf_style st = {ctx->body, 8.4, PDF_GREY_RGB};
    ctx->y -= text_block(ctx, &st, buf, ctx->left, ctx->y, ctx->width, 13, 0) + 2;
}

static void table_body(tbl *tb)
{
    pdf_ctx *ctx = tb->ctx;
    double head_h = row_break(tb, SIZE_MAX);
    /* a short table is kept whole; a long one starts with two rows at least */
    size_t keep = tb->t->n_rows <= 4 ? tb->t->n_rows : 2;
    double first = (double)keep * (CELL_LEADING + 2 * VPAD);
    layout_need(ctx, 22 + head_h + first);
    pdf_style title = {ctx->bold, 10.5, PDF_TEXT_RGB};
    ctx->y -= 6;
    ctx->y -= text_block(ctx, &title, tb->t->title, ctx->left, ctx->y, ctx->width, 15, 0);
    if (tb->t->description) {
        pdf_style d = {ctx->body, 8.6, PDF_GREY_RGB};
        text_flow(ctx, &d, tb->t->description, 0, 12.5, 0, 0);
        layout_need(ctx, head_h + first);
    }
    ctx->y -= 4;
    header_draw(tb);
    for (size_t r = 0; r < tb->t->n_rows && !ctx->status; r++) {
        double h = row_break(tb, r);
        /* the last row does not go alone to a new page */
        int widow = 0;
        if (r > 0 && r + 2 == tb->t->n_rows) {
            widow = ctx->y - h - row_break(tb, r + 1) < ctx->bottom;
            h = row_break(tb, r);
        }
        if (ctx->y - h < ctx->bottom || widow) {
            layout_hline(ctx, ctx->left, ctx->right, ctx->y, 0.6, PDF_RULE_RGB);
            layout_new_page(ctx);
            continued_title(tb);
            header_draw(tb);
            row_break(tb, r);
        }
        row_draw(tb, r, h);
    }
    layout_hline(ctx, ctx->left, ctx->right, ctx->y, 0.6, pdf_color(ctx, 0));
}

static void table_notes(tbl *tb)
{
    char buf[1024];
    sources_line(tb->ctx, &tb->t->sources, buf, sizeof buf);
    if (!buf[0])
        return;
    pdf_style st = {tb->ctx->body, 7.2, 0x888888u};
    tb->ctx->y -= 3;
    text_flow(tb->ctx, &st, buf, 0, 11, 0, 0);
}

void table_draw(pdf_ctx *ctx, const quire_table *t)
{
    char where[160];
    snprintf(where, sizeof where, "table '%s'", t->id);
    ctx->where = where;
    tbl tb = {ctx, t, NULL, t->n_columns,
              {ctx->body, CELL_SIZE, PDF_TEXT_RGB},
              {ctx->bold, CELL_SIZE, PDF_TEXT_RGB},
              {ctx->body, CELL_SIZE, 0x9aa0a6u}};
    double *nat = calloc(t->n_columns ? t->n_columns : 1, sizeof *nat);
    tb.cols = calloc(t->n_columns ? t->n_columns : 1, sizeof *tb.cols);
    if (!nat || !tb.cols) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        goto cleanup;
    }
    if (!t->n_columns)
        goto cleanup;
    for (size_t j = 0; j < tb.n; j++) {
        tb.cols[j].c = &t->columns[j];
        tb.cols[j].right = is_numeric(&t->columns[j]);
        header_text(&tb.cols[j]);
    }
    natural_widths(&tb, nat);
    column_widths(&tb, nat);
    table_body(&tb);
    table_notes(&tb);
    ctx->y -= 14;
cleanup:
    if (tb.cols)
        for (size_t j = 0; j < tb.n; j++)
            lb_lines_free(&tb.cols[j].lines);
    free(tb.cols);
    free(nat);
    ctx->where = NULL;
}
