/* table.c — data tables: bold header on a tinted band, text left and
 * numbers right, numbers formatted per column, zebra rows, cells wrapped
 * in their column, and the header repeated on every page a table spans.
 *
 * Column widths come from the content: each column gets at least the
 * width of its widest number or word (nothing is ever broken inside), the
 * rest of the line is shared by how much more each column would like.
 * When even the least does not fit, the cells step down to FLOOR_SIZE,
 * then header words may break, then the table is set in column groups,
 * each repeating the key (first) column. */
#include "pdf.h"
#include "palette.h"
#include "tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datefmt.h"
#include "numfmt.h"

#define CELL_SIZE 8.4
#define FLOOR_SIZE 7.0
#define SIZE_STEP 0.4
#define HPAD 5.0
#define VPAD 3.6
#define NULL_MARK "–"
#define ZEBRA_RGB 0xf3f5f8u

typedef struct tcol {
    const quire_column *c;
    char header[256];
    double w;              /* column width, padding included */
    double least, most;    /* widest word or number; whole widest cell */
    int right;             /* numbers are right-aligned */
    text_rich cell;        /* the current row's cell */
    lb_lines lines;        /* ... broken */
} tcol;

typedef struct tbl {
    pdf_ctx *ctx;
    const quire_table *t;
    tcol *cols;            /* all columns */
    size_t n;
    size_t *group;         /* the columns set now: indices into cols */
    size_t n_group;
    size_t rows;           /* shown: at most max_rows */
    double size, leading;
    int header_breaks;     /* header words may break */
    double notes_h;        /* footnotes the row last broken brings */
    double tail_h;         /* the lines under it (table_notes): kept with the last rows */
} tbl;

static int is_numeric(const quire_column *c)
{
    return c->type != QUIRE_TEXT && c->type != QUIRE_DATE;
}

/* The text of a cell as shown: formatted number, date, text or a dash. */
static const char *cell_text(const quire_column *c, size_t row, int korean, char *buf,
                             size_t size)
{
    if (quire_cell_is_null(c, row))
        return NULL_MARK;
    /* a date under its column's format, as the workbook shows it */
    if (c->type == QUIRE_DATE && c->numbers &&
        datefmt_format(buf, size, c->numbers[row], c->format, korean))
        return buf;
    if (c->texts)
        return c->texts[row];
    numfmt_format(buf, size, c->numbers[row], c->decimals ? c->decimals[row] : 0, c->format,
                  c->type == QUIRE_PERCENT);
    return buf;
}

/* The cell (row SIZE_MAX: the header) as rich text: markup cells keep
 * their runs. */
static int cell_rich(const tbl *tb, const tcol *col, size_t row, text_rich *out)
{
    char buf[128];
    if (row == SIZE_MAX)
        return text_rich_from(out, NULL, col->header);
    const quire_column *c = col->c;
    if (c->markup && c->rich && !quire_cell_is_null(c, row))
        return text_rich_from(out, QUIRE_AT(c->rich, c->text_size, row), NULL);
    return text_rich_from(out, NULL, cell_text(c, row, tb->ctx->korean, buf, sizeof buf));
}

static text_look cell_look(const tbl *tb, size_t row, const tcol *col)
{
    int head = row == SIZE_MAX;
    uint32_t rgb = !head && quire_cell_is_null(col->c, row) ? 0x9aa0a6u : PDF_TEXT_RGB;
    return pdf_look(tb->ctx, head ? TEXT_BOLD : 0, tb->size, rgb);
}

static void header_text(tcol *col)
{
    const quire_column *c = col->c;
    /* an empty label would be an empty TH, which PDF/UA forbids: the id */
    const char *label = c->label && c->label[strspn(c->label, " ")] ? c->label : c->id;
    if (c->unit_label && c->type != QUIRE_PERCENT && c->type != QUIRE_TEXT)
        snprintf(col->header, sizeof col->header, "%s (%s)", label, c->unit_label);
    else
        snprintf(col->header, sizeof col->header, "%s", label);
}

/* Widest word of r (a number is one word), and its whole width. */
static void measure_words(const text_rich *r, const text_look *lk, int whole, double *least,
                          double *most)
{
    double w = text_rich_width(r, lk, 0, r->len);
    *most = w > *most ? w : *most;
    if (whole) {
        *least = w > *least ? w : *least;
        return;
    }
    for (size_t i = 0; i < r->len;) {
        while (i < r->len && (r->text[i] == ' ' || r->text[i] == '\n'))
            i++;
        size_t e = i;
        while (e < r->len && r->text[e] != ' ' && r->text[e] != '\n')
            e++;
        double ww = e > i ? text_rich_width(r, lk, i, e) : 0;
        *least = ww > *least ? ww : *least;
        i = e;
    }
}

static int measure_columns(tbl *tb)
{
    for (size_t j = 0; j < tb->n; j++) {
        tcol *col = &tb->cols[j];
        col->least = col->most = 0;
        for (size_t r = 0; r < tb->rows + 1; r++) {
            size_t row = r == tb->rows ? SIZE_MAX : r;
            text_rich cr;
            if (cell_rich(tb, col, row, &cr))
                return -1;
            text_look lk = cell_look(tb, row, col);
            double least = 0;
            measure_words(&cr, &lk, col->right && row != SIZE_MAX, &least, &col->most);
            if (row != SIZE_MAX || !tb->header_breaks)
                col->least = least > col->least ? least : col->least;
            text_rich_free(&cr);
        }
        col->least += 2 * HPAD;
        col->most += 2 * HPAD;
    }
    return 0;
}

/* Widths of the columns of the group in the text width; 0 when even their
 * least does not fit. */
static int group_widths(tbl *tb)
{
    double W = tb->ctx->width, least = 0, most = 0;
    for (size_t k = 0; k < tb->n_group; k++) {
        least += tb->cols[tb->group[k]].least;
        most += tb->cols[tb->group[k]].most;
    }
    if (least > W + 0.01)
        return 0;
    for (size_t k = 0; k < tb->n_group; k++) {
        tcol *col = &tb->cols[tb->group[k]];
        if (most <= W)
            col->w = col->most * W / most; /* room enough: widen all alike */
        else
            col->w = col->least + (W - least) * (col->most - col->least) /
                                      (most - least > 0 ? most - least : 1);
    }
    return 1;
}

/* Breaks every cell of a row (row == SIZE_MAX: the header); returns its
 * height. */
static double row_break(tbl *tb, size_t row)
{
    size_t most = 1;
    double notes = 0;
    for (size_t k = 0; k < tb->n_group; k++) {
        tcol *col = &tb->cols[tb->group[k]];
        text_rich_free(&col->cell);
        col->lines.count = 0;
        if (cell_rich(tb, col, row, &col->cell))
            continue;
        text_look lk = cell_look(tb, row, col);
        text_rich_break(&col->cell, &lk, col->w - 2 * HPAD, &col->lines);
        most = col->lines.count > most ? col->lines.count : most;
        notes += notes_need_all(tb->ctx, &col->cell);
    }
    tb->notes_h = notes; /* a row's footnotes must fit under it, same page */
    return (double)most * tb->leading + 2 * VPAD;
}

static void row_draw(tbl *tb, size_t row, double h, int repeated)
{
    pdf_ctx *ctx = tb->ctx;
    int head = row == SIZE_MAX;
    page_begin(ctx, repeated ? PDF_ROLE_ARTIFACT : PDF_ROLE_TABLE_HEADER + !head);
    double top = page_take(ctx, h);
    page_begin(ctx, PDF_ROLE_ARTIFACT);
    if (head)
        page_fill(ctx, ctx->left, top - h, ctx->width, h, palette_tint(pdf_color(ctx, 0), 0.16));
    else if (row % 2 == 1)
        page_fill(ctx, ctx->left, top - h, ctx->width, h, ZEBRA_RGB);
    page_end(ctx);
    double x = ctx->left;
    for (size_t k = 0; k < tb->n_group; k++) {
        tcol *col = &tb->cols[tb->group[k]];
        text_look lk = cell_look(tb, row, col);
        tags_cell(ctx, k == 0 && !col->right && tb->n_group > 1); /* TH of its row */
        for (size_t i = 0; i < col->lines.count; i++) {
            const lb_line *l = &col->lines.items[i];
            double base = top - VPAD - (double)(i + 1) * tb->leading + 3.2 * tb->size / CELL_SIZE;
            double lw = text_rich_width(&col->cell, &lk, l->start, l->end);
            double lx = col->right ? x + col->w - HPAD - lw : x + HPAD;
            page_rich_line(ctx, &col->cell, &lk, l, lx, base, col->w - 2 * HPAD, 0);
            notes_place(ctx, &col->cell, l);
        }
        x += col->w;
    }
    page_end(ctx);
}

/* "Title (계속)" above the repeated header on a following page. */
static void continued_title(tbl *tb)
{
    pdf_ctx *ctx = tb->ctx;
    char buf[512];
    snprintf(buf, sizeof buf, "%s %s", tb->t->title, words(ctx->lang, WORD_CONTINUED));
    text_style st = {ctx->body, 8.4, PDF_GREY_RGB};
    page_begin(ctx, PDF_ROLE_ARTIFACT);
    double top = page_take(ctx, 15);
    page_text_block(ctx, &st, buf, ctx->left, top, ctx->width, 13);
    page_end(ctx);
}

/* Title and description, kept on one page with the header and the first
 * two rows (a short table whole). */
static void table_head(tbl *tb, int first_group)
{
    pdf_ctx *ctx = tb->ctx;
    text_style title = {ctx->bold, 10.5, PDF_TEXT_RGB};
    text_look dl = pdf_look(ctx, 0, 8.6, PDF_GREY_RGB);
    text_rich desc = {0};
    if (first_group && text_rich_from(&desc, &tb->t->description_text, tb->t->description))
        desc.len = 0;
    double head_h = row_break(tb, SIZE_MAX);
    size_t keep = tb->rows <= 4 ? tb->rows : 2;
    double rows_h = 0;
    for (size_t r = 0; r < keep; r++)
        rows_h += row_break(tb, r) + tb->notes_h;
    double desc_h = desc.len ? flow_height(ctx, &desc, &dl, ctx->width, 12.5) : 0;
    double tail = keep == tb->rows ? tb->tail_h : 0;   /* a short table: with its source */
    page_need(ctx, 6 + 15 + desc_h + 4 + head_h + rows_h + tail +
                   (desc.len ? notes_need_all(ctx, &desc) : 0));
    page_space(ctx, 6);
    page_begin(ctx, PDF_ROLE_CAPTION);
    double top = page_take(ctx, 15);
    if (first_group)
        links_dest(ctx, tb->t->id, top);
    /* the next group of columns repeats the title, saying it goes on */
    const char *more = words(ctx->lang, WORD_CONTINUED);
    char *cont = first_group ? NULL : malloc(strlen(tb->t->title) + strlen(more) + 2);
    if (cont)
        sprintf(cont, "%s %s", tb->t->title, more);
    page_text_block(ctx, &title, cont ? cont : tb->t->title, ctx->left, top, ctx->width, 15);
    free(cont);
    if (desc.len) {
        top = page_take(ctx, desc_h);
        flow_block(ctx, &desc, &dl, ctx->left, top, ctx->width, 12.5, 0);
    }
    page_end(ctx);
    text_rich_free(&desc);
    page_take(ctx, 4);
}

static void table_body(tbl *tb, int first_group)
{
    pdf_ctx *ctx = tb->ctx;
    table_head(tb, first_group);
    page_begin(ctx, PDF_ROLE_TABLE);
    row_draw(tb, SIZE_MAX, row_break(tb, SIZE_MAX), 0);
    for (size_t r = 0; r < tb->rows && !ctx->status; r++) {
        double h = row_break(tb, r), notes = tb->notes_h;
        /* the last row does not go alone to a new page */
        int widow = 0;
        if (r > 0 && r + 2 == tb->rows) {
            widow = page_room(ctx) - h - notes - row_break(tb, r + 1) - tb->notes_h -
                    tb->tail_h < 0;
            h = row_break(tb, r);
        }
        /* the last row keeps the source line with it */
        double tail = r + 1 == tb->rows ? tb->tail_h : 0;
        if (page_room(ctx) < h + notes + tail || widow) {
            page_begin(ctx, PDF_ROLE_ARTIFACT);
            page_rule(ctx, ctx->left, ctx->right, ctx->y, 0.6, PDF_RULE_RGB);
            page_end(ctx);
            page_new(ctx);
            continued_title(tb);
            row_draw(tb, SIZE_MAX, row_break(tb, SIZE_MAX), 1);
            h = row_break(tb, r);
        }
        row_draw(tb, r, h, 0);
    }
    page_end(ctx);
    page_begin(ctx, PDF_ROLE_ARTIFACT);
    page_rule(ctx, ctx->left, ctx->right, ctx->y, 0.6, pdf_color(ctx, 0));
    page_end(ctx);
}

/* Under the table: how many rows were left out, and the sources (with
 * the table's as_of). Either is "" when there is nothing to say. */
static void tail_texts(tbl *tb, char *more_buf, size_t more_size, char *src, size_t src_size)
{
    pdf_ctx *ctx = tb->ctx;
    more_buf[0] = '\0';
    if (tb->rows < tb->t->n_rows) {
        size_t more = tb->t->n_rows - tb->rows;
        if (ctx->korean)
            snprintf(more_buf, more_size, "… 나머지 %zu행은 여기에 싣지 않았습니다. 통합 문서(XLSX)에 모든 행이 있습니다.", more);
        else
            snprintf(more_buf, more_size, "… %zu more row%s not shown here; the workbook (XLSX) has them all.",
                     more, more == 1 ? " is" : "s are");
    }
    sources_line_as_of(ctx, &tb->t->sources, &tb->t->as_of, src, src_size);
}

#define TAIL_LEADING 11.0
static text_look tail_look(pdf_ctx *ctx) { return pdf_look(ctx, 0, 7.2, 0x888888u); }

/* The height of the lines under the table, so that a page break never
 * leaves them alone under the next page's heading (issue 19). */
static double tail_height(tbl *tb)
{
    char more[512], src[1024];
    text_look lk = tail_look(tb->ctx);
    double h = 0;
    tail_texts(tb, more, sizeof more, src, sizeof src);
    const char *lines[] = {more, src};
    for (size_t i = 0; i < 2; i++) {
        text_rich r;
        if (!lines[i][0] || text_rich_from(&r, NULL, lines[i]))
            continue;
        h += 3 + flow_height(tb->ctx, &r, &lk, tb->ctx->width, TAIL_LEADING);
        text_rich_free(&r);
    }
    return h;
}

static void table_notes(tbl *tb)
{
    pdf_ctx *ctx = tb->ctx;
    char more[512], src[1024];
    text_look lk = tail_look(ctx);
    tail_texts(tb, more, sizeof more, src, sizeof src);
    const char *lines[] = {more, src};
    for (size_t i = 0; i < 2; i++) {
        if (!lines[i][0])
            continue;
        page_space(ctx, 3);
        flow_text(ctx, NULL, lines[i], &lk, 0, TAIL_LEADING, 0);
    }
}

/* Sets the table: the largest cell size whose least widths fit, else
 * column groups at the floor size. */
static int table_layout(tbl *tb)
{
    for (tb->size = CELL_SIZE;; tb->size -= SIZE_STEP) {
        if (tb->size < FLOOR_SIZE)
            tb->size = FLOOR_SIZE;
        tb->leading = tb->size * 11.5 / CELL_SIZE;
        if (measure_columns(tb))
            return -1;
        tb->n_group = tb->n;
        for (size_t j = 0; j < tb->n; j++)
            tb->group[j] = j;
        if (group_widths(tb)) {
            table_body(tb, 1);
            return 0;
        }
        if (tb->size <= FLOOR_SIZE)
            break;
    }
    tb->header_breaks = 1;
    if (measure_columns(tb))
        return -1;
    if (group_widths(tb)) {
        table_body(tb, 1);
        return 0;
    }
    /* column groups, each with the key column first */
    size_t next = 1;
    int first = 1;
    while (next < tb->n && !tb->ctx->status) {
        tb->group[0] = 0;
        tb->n_group = 1;
        double used = tb->cols[0].least;
        while (next < tb->n && (tb->n_group == 1 || used + tb->cols[next].least <= tb->ctx->width)) {
            used += tb->cols[next].least;
            tb->group[tb->n_group++] = next++;
        }
        if (!group_widths(tb)) { /* one column too wide even alone: squeeze it */
            double W = tb->ctx->width;
            for (size_t k = 0; k < tb->n_group; k++)
                tb->cols[tb->group[k]].w = tb->cols[tb->group[k]].least * W / used;
        }
        table_body(tb, first);
        first = 0;
    }
    return 0;
}

void table_draw(pdf_ctx *ctx, const quire_table *t)
{
    char where[160];
    snprintf(where, sizeof where, "table '%s'", t->id);
    ctx->where = where;
    tbl tb = {ctx, t, NULL, t->n_columns, NULL, 0, t->n_rows, CELL_SIZE, 11.5, 0, 0};
    if (tb.rows > (size_t)ctx->max_rows)
        tb.rows = (size_t)ctx->max_rows;
    if (!t->n_columns)
        goto done;
    tb.cols = calloc(t->n_columns, sizeof *tb.cols);
    tb.group = calloc(t->n_columns, sizeof *tb.group);
    if (!tb.cols || !tb.group) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        goto done;
    }
    for (size_t j = 0; j < tb.n; j++) {
        tb.cols[j].c = quire_column_at(t, j);
        tb.cols[j].right = is_numeric(tb.cols[j].c);
        header_text(&tb.cols[j]);
    }
    tb.tail_h = tail_height(&tb);
    if (table_layout(&tb)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        goto done;
    }
    table_notes(&tb);
    page_space(ctx, 14);
done:
    if (tb.cols)
        for (size_t j = 0; j < tb.n; j++) {
            lb_lines_free(&tb.cols[j].lines);
            text_rich_free(&tb.cols[j].cell);
        }
    free(tb.cols);
    free(tb.group);
    ctx->where = NULL;
}
