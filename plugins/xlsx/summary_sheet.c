/*
 * summary_sheet.c — the first sheet: what the workbook is about, the
 * headline figures as numbers (a "%" figure as a fraction shown in %,
 * its unit cell left empty so that it does not read "42% %"), the summary
 * as rich text, the footnotes, and the template's logo. When the data
 * are dated (as_of), the title block says so and each figure's date is
 * a column of its own, as written ("2025-Q2" is no date cell).
 */
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

enum { COL_LABEL, COL_VALUE, COL_UNIT, COL_CHANGE, COL_CHANGE_UNIT, COL_BASIS,
       COL_SOURCE, COL_NOTE, COL_AS_OF, N_COLS };

static const xlsx_label_id figure_headers[N_COLS] = {
    XL_FIG_LABEL, XL_FIG_VALUE, XL_FIG_UNIT, XL_FIG_CHANGE, XL_FIG_CHANGE_UNIT,
    XL_FIG_BASIS, XL_FIG_SOURCE, XL_FIG_NOTE, XL_FIG_AS_OF};
static const double widths[N_COLS] = {40, 12, 10, 10, 12, 8, 50, 40, 12};

static lxw_error text(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                      const char *s, lxw_format *f)
{
    if (!s)
        return LXW_NO_ERROR;
    const char *clean = xlsx_clean_text(ctx, s);
    return clean ? worksheet_write_string(ws, r, c, clean, f) : LXW_ERROR_MEMORY_MALLOC_FAILED;
}

static int is_percent(const char *unit)
{
    return unit && strcmp(unit, "%") == 0;
}

/* A value with its unit: "%" values become fractions shown as percent. */
static lxw_error value(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                       double v, unsigned decimals, const char *unit)
{
    if (is_percent(unit))
        return worksheet_write_number(ws, r, c, xlsx_percent_fraction(v, decimals),
                                      xlsx_format_percent(ctx, decimals));
    return worksheet_write_number(ws, r, c, v, xlsx_format_number(ctx, decimals));
}

/* Lines a wrapped text takes in a column (10 % slack for proportional fonts). */
static size_t lines_in(const char *s, int col)
{
    return s ? (size_t)((double)xlsx_text_width(s) * 1.1 / widths[col]) + 1 : 1;
}

/* Rows with wrapped text get their height: readers do not all refit them. */
static lxw_error fit_row(lxw_worksheet *ws, lxw_row_t r, const char *source, const char *note)
{
    size_t a = lines_in(source, COL_SOURCE), b = lines_in(note, COL_NOTE);
    size_t lines = a > b ? a : b;
    return lines > 1 ? worksheet_set_row(ws, r, 15.0 * (double)lines, NULL) : LXW_NO_ERROR;
}

static lxw_error figure_row(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r,
                            const quire_figure *f)
{
    char *cite = xlsx_cite(ctx->ds, &f->sources);
    lxw_error e = fit_row(ws, r, cite, f->note);

    if (!e)
        e = text(ctx, ws, r, COL_LABEL, f->label ? f->label : f->id, NULL);

    if (!e)
        e = value(ctx, ws, r, COL_VALUE, f->value, f->decimals, f->unit);
    /* The percent format already shows "%". */
    if (!e && !is_percent(f->unit))
        e = text(ctx, ws, r, COL_UNIT, f->unit, NULL);
    if (!e && f->has_change)
        e = value(ctx, ws, r, COL_CHANGE, f->change_value, f->change_decimals, f->change_unit);
    if (!e && f->has_change && !is_percent(f->change_unit))
        e = text(ctx, ws, r, COL_CHANGE_UNIT, f->change_unit, NULL);
    if (!e && f->has_change)
        e = text(ctx, ws, r, COL_BASIS, f->change_basis, NULL);
    if (!e)
        e = text(ctx, ws, r, COL_SOURCE, cite, ctx->fmt.wrap);
    if (!e && f->note)
        e = xlsx_write_prose(ctx, ws, r, COL_NOTE, NULL, &f->note_text, f->note, ctx->fmt.wrap);
    if (!e)
        e = text(ctx, ws, r, COL_AS_OF, f->as_of.text, NULL);
    free(cite);
    return e;
}

/* Title block: title, subtitle, then Period/Date/Author/Organization. */
static lxw_error head(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t *r)
{
    const quire_dataset *ds = ctx->ds;
    const xlsx_label_id keys[] = {XL_PERIOD, XL_DATE, XL_DATA_AS_OF, XL_AUTHOR,
                                  XL_ORGANIZATION};
    const char *vals[] = {ds->period, ds->date, ds->as_of.text, ds->author, ds->organization};
    lxw_error e = text(ctx, ws, (*r)++, 0, ds->title ? ds->title : ds->id, ctx->fmt.title);

    if (!e && ds->subtitle)
        e = text(ctx, ws, (*r)++, 0, ds->subtitle, ctx->fmt.bold);
    (*r)++;
    for (int i = 0; i < 5 && !e; i++) {
        if (!vals[i])
            continue;
        e = text(ctx, ws, *r, 0, xlsx_label(ctx, keys[i]), ctx->fmt.bold);
        if (!e)
            e = i == 1 ? xlsx_write_date_text(ctx, ws, *r, 1, vals[i])
                       : text(ctx, ws, *r, 1, vals[i], NULL);
        (*r)++;
    }
    return e;
}

static lxw_error figures(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t *r)
{
    const quire_dataset *ds = ctx->ds;
    lxw_error e = LXW_NO_ERROR;

    if (!ds->n_figures)
        return e;
    (*r)++;
    e = text(ctx, ws, (*r)++, 0, xlsx_label(ctx, XL_HEADLINE), ctx->fmt.bold);
    for (int c = 0; c < N_COLS && !e; c++)
        e = text(ctx, ws, *r, (lxw_col_t)c, xlsx_label(ctx, figure_headers[c]),
                 ctx->fmt.header);
    (*r)++;
    for (size_t i = 0; i < ds->n_figures && !e; i++)
        e = figure_row(ctx, ws, (*r)++, quire_figure_at(ds, i));
    return e;
}

/* Merges row r from column first to the figures' last, wrapped, the row
 * tall enough for the lines plain takes: Excel never fits merged cells. */
static lxw_error merged_row(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, int first,
                            const char *plain)
{
    double across = 0;
    for (int c = first; c < N_COLS; c++)
        across += widths[c];
    const char *clean = xlsx_clean_text(ctx, plain ? plain : "");
    if (!clean)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    size_t lines = (size_t)((double)(xlsx_text_width(clean) + 2) * 1.1 / across) + 1;
    lxw_error e = worksheet_set_row(ws, r, 15.0 * (double)lines, NULL);
    return e ? e : worksheet_merge_range(ws, r, (lxw_col_t)first, r, N_COLS - 1, "",
                                         ctx->fmt.wrap);
}

/* A paragraph across the figures' width. */
static lxw_error paragraph(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, const char *prefix,
                           const quire_text *t, const char *plain)
{
    lxw_error e = merged_row(ctx, ws, r, 0, plain);
    /* the merged range's first cell takes the rich text */
    return e ? e : xlsx_write_prose(ctx, ws, r, 0, prefix, t, plain, ctx->fmt.wrap);
}

/* The summary: paragraphs, and a bulleted list as one row per item. */
static lxw_error paragraphs(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t *r)
{
    const quire_dataset *ds = ctx->ds;
    const quire_prose *p = &ds->summary_text;
    lxw_error e = LXW_NO_ERROR;

    if (!ds->summary.count && !p->n_paras)
        return e;
    (*r)++;
    e = text(ctx, ws, (*r)++, 0, xlsx_label(ctx, XL_SUMMARY), ctx->fmt.bold);
    if (!p->n_paras) {   /* a view without prose (ABI 1 fields only) */
        for (size_t i = 0; i < ds->summary.count && !e; i++)
            e = paragraph(ctx, ws, (*r)++, NULL, NULL, ds->summary.items[i]);
        return e;
    }
    for (size_t i = 0; i < p->n_paras && !e; i++) {
        const quire_para *para = quire_para_at(p, i);
        if (para->kind == QUIRE_PARA_TEXT)
            e = paragraph(ctx, ws, (*r)++, NULL, &para->text, para->text.plain);
        for (size_t k = 0; para->kind == QUIRE_PARA_LIST && k < para->n_items && !e; k++) {
            const quire_text *item = quire_item_at(para, k);
            e = paragraph(ctx, ws, (*r)++, "\u2022 ", item, item->plain);
        }
    }
    return e;
}

/* The footnotes the text references, in number order: "1" and its text. */
static lxw_error footnotes(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t *r)
{
    const quire_dataset *ds = ctx->ds;
    lxw_error e = LXW_NO_ERROR;
    int shown = 0;

    for (int n = 1; !e; n++) {
        const quire_footnote *fn = quire_find_footnote(ds, n);
        if (!fn)
            break;
        if (!shown++) {
            (*r)++;
            e = text(ctx, ws, (*r)++, 0, xlsx_label(ctx, XL_FOOTNOTES), ctx->fmt.bold);
        }
        if (!e)
            e = worksheet_write_number(ws, *r, 0, n, NULL);
        if (!e)
            e = merged_row(ctx, ws, *r, 1, fn->text.plain);
        if (!e)
            e = xlsx_write_prose(ctx, ws, *r, 1, NULL, &fn->text, fn->text.plain, ctx->fmt.wrap);
        (*r)++;
    }
    return e;
}

/* The logo's column: top right, past where the title and subtitle run
 * (overflowing text would go under the picture). Title font 16 pt, the
 * columns' units are 11 pt characters. */
static lxw_col_t logo_column(xlsx_ctx *ctx)
{
    const char *title = ctx->ds->title ? ctx->ds->title : ctx->ds->id;
    const char *sub = ctx->ds->subtitle;
    const char *t = title ? xlsx_clean_text(ctx, title) : NULL;
    double need = t ? (double)xlsx_text_width(t) * 16.0 / 11.0 : 0;
    const char *u = sub ? xlsx_clean_text(ctx, sub) : NULL;
    double sub_need = u ? (double)xlsx_text_width(u) * 1.1 : 0;   /* bold */
    if (sub_need > need)
        need = sub_need;
    double before = 0;
    int c = 0;
    for (; c < N_COLS; c++) {
        if (c >= COL_SOURCE && before >= need)
            break;
        before += widths[c];
    }
    return (lxw_col_t)c;
}

quire_status xlsx_summary_sheet(xlsx_ctx *ctx)
{
    const char *name = xlsx_label(ctx, XL_SHEET_SUMMARY);
    lxw_worksheet *ws = workbook_add_worksheet(ctx->wb, name);
    lxw_row_t r = 0;

    if (!ws)
        return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "cannot add sheet '%s'", name);
    for (int c = 0; c < N_COLS; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    worksheet_set_landscape(ws);     /* the figures are wide: one page across */
    worksheet_fit_to_pages(ws, 1, 0);
    lxw_error e = xlsx_logo(ctx, ws, logo_column(ctx));
    if (!e)
        e = head(ctx, ws, &r);
    /* what follows the title block, wide, starts under the logo */
    double logo_rows = xlsx_logo_rows(ctx);
    if (!e && (double)r < logo_rows)
        r = (lxw_row_t)logo_rows;
    if (!e)
        e = figures(ctx, ws, &r);
    if (!e)
        e = paragraphs(ctx, ws, &r);
    if (!e)
        e = footnotes(ctx, ws, &r);
    return e ? xlsx_fail(ctx, e, "Summary sheet") : QUIRE_OK;
}
