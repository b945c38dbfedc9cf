/*
 * sources_sheet.c — the last sheet: every source of the dataset, dates
 * as dates and URLs as live hyperlinks. A date the author inferred
 * (date_inferred) is text that says so, "2024-03 (추정)", never a date
 * cell a reader would take as printed by the source; a month alone is
 * text too.
 */
#define _GNU_SOURCE  /* asprintf */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsx.h"

enum { COL_ID, COL_TITLE, COL_PUBLISHER, COL_AUTHOR, COL_DATE, COL_URL, N_COLS };

static const xlsx_label_id headers[N_COLS] = {XL_SRC_ID, XL_SRC_TITLE, XL_SRC_PUBLISHER,
                                              XL_SRC_AUTHOR, XL_SRC_DATE, XL_SRC_URL};

static const double widths[N_COLS] = {20, 60, 20, 16, 12, 60};

static lxw_error text(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                      const char *s)
{
    if (!s)
        return LXW_NO_ERROR;
    const char *clean = xlsx_clean_text(ctx, s);
    return clean ? worksheet_write_string(ws, r, c, clean, NULL) : LXW_ERROR_MEMORY_MALLOC_FAILED;
}

/* A URL Excel will not take as a link (too long, odd) is kept as text. */
static lxw_error url(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, const char *u)
{
    if (!u)
        return LXW_NO_ERROR;
    const char *clean = xlsx_clean_text(ctx, u);
    if (!clean)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    /* Web and mail addresses only: libxlsxwriter would turn "external:..."
     * into a link to a local file. */
    if (xlsx_is_web_url(clean) && xlsx_link_room(ctx, ws) &&
        worksheet_write_url(ws, r, COL_URL, clean, NULL) == LXW_NO_ERROR)
        return LXW_NO_ERROR;
    return worksheet_write_string(ws, r, COL_URL, clean, NULL);
}

static lxw_error source_row(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r,
                            const quire_source *s)
{
    lxw_error e = text(ctx, ws, r, COL_ID, s->id);
    if (!e)
        e = text(ctx, ws, r, COL_TITLE, s->title);
    if (!e)
        e = text(ctx, ws, r, COL_PUBLISHER, s->publisher);
    if (!e)
        e = text(ctx, ws, r, COL_AUTHOR, s->author);
    if (!e && s->date && s->date_inferred) {
        char *shown = NULL;
        if (asprintf(&shown, xlsx_label(ctx, XL_INFERRED), s->date) < 0)
            return LXW_ERROR_MEMORY_MALLOC_FAILED;
        e = text(ctx, ws, r, COL_DATE, shown);
        free(shown);
    } else if (!e) {
        e = xlsx_write_date_text(ctx, ws, r, COL_DATE, s->date);
    }
    if (!e)
        e = url(ctx, ws, r, s->url);
    return e;
}

static lxw_error header(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t last)
{
    lxw_error e = LXW_NO_ERROR;

    if (ctx->constant_memory) { /* no Excel tables in that mode */
        for (int c = 0; c < N_COLS && !e; c++)
            e = worksheet_write_string(ws, 0, (lxw_col_t)c, xlsx_label(ctx, headers[c]),
                                       ctx->fmt.header);
        return e ? e : worksheet_autofilter(ws, 0, 0, last, N_COLS - 1);
    }
    lxw_table_column cols[N_COLS], *list[N_COLS + 1];
    memset(cols, 0, sizeof cols);
    for (int c = 0; c < N_COLS; c++) {
        cols[c].header = (char *)xlsx_label(ctx, headers[c]);
        list[c] = &cols[c];
    }
    list[N_COLS] = NULL;
    /* The table's name is an identifier for formulas, not shown: ASCII. */
    lxw_table_options o = {.name = "Sources", .columns = list};
    return worksheet_add_table(ws, 0, 0, last, N_COLS - 1, &o);
}

quire_status xlsx_sources_sheet(xlsx_ctx *ctx)
{
    const quire_dataset *ds = ctx->ds;
    const char *name = xlsx_label(ctx, XL_SHEET_SOURCES);
    lxw_worksheet *ws = workbook_add_worksheet(ctx->wb, name);

    if (!ws)
        return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "cannot add sheet '%s'", name);
    for (int c = 0; c < N_COLS; c++)
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, widths[c], NULL);
    worksheet_freeze_panes(ws, 1, 0);
    lxw_error e = header(ctx, ws, (lxw_row_t)ds->n_sources);
    for (size_t i = 0; i < ds->n_sources && !e; i++)
        e = source_row(ctx, ws, (lxw_row_t)(i + 1), quire_source_at(ds, i));
    return e ? xlsx_fail(ctx, e, "Sources sheet") : QUIRE_OK;
}
