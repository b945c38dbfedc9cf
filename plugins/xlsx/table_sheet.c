/*
 * table_sheet.c — one worksheet per dataset table, row by row.
 *
 * Each sheet starts with the table's full title (the sheet's name is
 * short) and the line saying when its numbers were true (as_of), then
 * holds an Excel table (header, autofilter, banded rows) with a frozen
 * header row, fitted widths and typed cells; under it the table's
 * sources and description. A table longer than a sheet goes on
 * numbered continuation sheets, each with its header and a note. In
 * constant_memory mode libxlsxwriter cannot write Excel tables, so the
 * header is written as cells under an autofilter instead.
 */
#define _GNU_SOURCE  /* asprintf */
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>

#include "xlsx.h"

#define WIDE_TABLE_CHARS 110  /* wider than this prints landscape */
#define TABLE_NAME_MAX 200
/* Excel's table headers hold 255 characters; room is left for " (n)". */
#define HEADER_MAX 240

typedef struct part {
    const quire_table *tab;
    char **headers;          /* unique, with units; owned */
    lxw_format **custom;     /* the columns' own `format:`, or NULL */
    size_t from, to;         /* rows of this sheet */
    size_t index, count;     /* part index and number of parts */
} part;

/* 1 when needle appears in hay once white space is ignored in both:
 * "사업비(억 원)" already names the unit "억원". */
static int contains_ignoring_space(const char *hay, const char *needle)
{
    char *h = strdup(hay), *n = strdup(needle);
    int found = 0;

    if (h && n) {
        char *p[2] = {h, n};
        for (int k = 0; k < 2; k++) {
            char *w = p[k];
            for (const char *r = p[k]; *r; r++)
                if (!strchr(" \t\r\n", *r))
                    *w++ = *r;
            *w = '\0';
        }
        found = n[0] && strstr(h, n) != NULL;
    }
    free(h);
    free(n);
    return found;
}

/* "매출 (억원)": the label with the currency unit and scale, once. */
static char *header_text(const xlsx_ctx *ctx, const quire_column *c)
{
    /* Excel tables refuse an empty header: fall back on the id. */
    const char *label = c->label && *c->label ? c->label
                        : c->id && *c->id     ? c->id
                                              : xlsx_label(ctx, XL_COLUMN_FALLBACK);
    char *out = NULL;
    int show_unit = c->unit_label && *c->unit_label && c->type != QUIRE_PERCENT &&
                    c->type != QUIRE_TEXT && c->type != QUIRE_DATE &&
                    !contains_ignoring_space(label, c->unit_label);

    if (show_unit ? asprintf(&out, "%s (%s)", label, c->unit_label) < 0
                  : !(out = strdup(label)))
        return NULL;
    return out;
}

/* A copy of s of at most n characters. */
static char *cut_chars(const char *s, size_t n)
{
    const char *end = s;
    for (size_t i = 0; *end && i < n; i++)
        utf8_next(&end);
    return strndup(s, (size_t)(end - s));
}

static int header_taken(char **headers, size_t n, const char *h)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(headers[i], h) == 0)
            return 1;
    return 0;
}

/* Excel tables need distinct header names: the second "x" becomes "x (2)". */
static quire_status make_headers(xlsx_ctx *ctx, part *p)
{
    const quire_table *tab = p->tab;

    p->headers = calloc(tab->n_columns + 1, sizeof *p->headers);
    if (!p->headers)
        return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
    for (size_t c = 0; c < tab->n_columns; c++) {
        char *h = header_text(ctx, quire_column_at(tab, c));
        const char *clean = h ? xlsx_clean_text(ctx, h) : NULL;
        char *base = clean ? cut_chars(clean, HEADER_MAX) : NULL;
        char *u = base ? strdup(base) : NULL;
        free(h);
        for (unsigned n = 2; u && header_taken(p->headers, c, u); n++) {
            free(u);
            if (asprintf(&u, "%s (%u)", base, n) < 0)
                u = NULL;
        }
        free(base);
        if (!u)
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        p->headers[c] = u;
    }
    return QUIRE_OK;
}

static void free_part(part *p)
{
    if (p->headers)
        for (size_t c = 0; c < p->tab->n_columns; c++)
            free(p->headers[c]);
    free(p->headers);
    free(p->custom);
}

/* T_<id>, with '-' as '_'. Ids hold no '.', so ".<n>" suffixes (the
 * table's position when ids collide, the part number) stay unique. */
static void table_name(const quire_dataset *ds, size_t t, size_t part_index, char *out,
                       size_t size)
{
    char base[TABLE_NAME_MAX + 1];
    const char *id = quire_table_at(ds, t)->id;
    size_t n = 0;

    for (; id[n] && n < TABLE_NAME_MAX; n++)
        base[n] = id[n] == '-' ? '_' : id[n];
    base[n] = '\0';
    int clash = 0;
    for (size_t j = 0; j < t && !clash; j++) {
        const char *a = quire_table_at(ds, j)->id, *b = quire_table_at(ds, t)->id;
        while (*a && *b && (*a == *b || (*a == '-' && *b == '_') || (*a == '_' && *b == '-')))
            a++, b++;
        clash = !*a && !*b;
    }
    int len = snprintf(out, size, "T_%s", base);
    if (clash)
        len += snprintf(out + len, size - (size_t)len, ".%zu", t + 1);
    if (part_index)
        snprintf(out + len, size - (size_t)len, ".%zu", part_index + 1);
}

/* Rows 1 and 2: the full title and "2025-06 기준" / "As of 2025-06". */
static quire_status write_title(xlsx_ctx *ctx, lxw_worksheet *ws, const part *p)
{
    const quire_table *tab = p->tab;
    const char *title = xlsx_clean_text(ctx, tab->title ? tab->title : tab->id);
    lxw_error e = title ? worksheet_write_string(ws, 0, 0, title, ctx->fmt.bold)
                        : LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (!e && tab->as_of.text) {
        char *line = NULL;
        if (asprintf(&line, xlsx_label(ctx, XL_AS_OF_LINE), tab->as_of.text) < 0)
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        const char *clean = xlsx_clean_text(ctx, line);
        e = clean ? worksheet_write_string(ws, 1, 0, clean, ctx->fmt.note)
                  : LXW_ERROR_MEMORY_MALLOC_FAILED;
        free(line);
    }
    return e ? xlsx_fail(ctx, e, "table title") : QUIRE_OK;
}

static quire_status add_table(xlsx_ctx *ctx, lxw_worksheet *ws, const part *p, size_t t)
{
    size_t nc = p->tab->n_columns, rows = p->to - p->from;
    const lxw_row_t top = XLSX_TABLE_TOP;
    lxw_row_t last = top + (lxw_row_t)(rows ? rows : 1);  /* Excel wants a data row */
    lxw_error e;

    if (ctx->constant_memory) {
        for (size_t c = 0; c < nc; c++)
            if ((e = worksheet_write_string(ws, top, (lxw_col_t)c, p->headers[c],
                                            ctx->fmt.header)))
                return xlsx_fail(ctx, e, "table header");
        e = worksheet_autofilter(ws, top, 0, last, (lxw_col_t)(nc - 1));
        return e ? xlsx_fail(ctx, e, "autofilter") : QUIRE_OK;
    }
    lxw_table_column *cols = calloc(nc, sizeof *cols);
    lxw_table_column **list = calloc(nc + 1, sizeof *list);
    char name[TABLE_NAME_MAX + 32];
    quire_status st = QUIRE_OK;

    if (!cols || !list) {
        st = xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        goto cleanup;
    }
    for (size_t c = 0; c < nc; c++) {
        cols[c].header = p->headers[c];
        list[c] = &cols[c];
    }
    table_name(ctx->ds, t, p->index, name, sizeof name);
    lxw_table_options o = {.name = name, .columns = list};
    e = worksheet_add_table(ws, top, 0, last, (lxw_col_t)(nc - 1), &o);
    if (e)
        st = xlsx_fail(ctx, e, "Excel table");
cleanup:
    free(cols);
    free(list);
    return st;
}

/* Widths, landscape when wide, header repeated, one page wide. */
static void layout(xlsx_ctx *ctx, lxw_worksheet *ws, const part *p)
{
    double total = 0;
    const char *size = ctx->tmpl->page_size;

    for (size_t c = 0; c < p->tab->n_columns; c++) {
        double w = xlsx_column_width(quire_column_at(p->tab, c), p->headers[c], p->from, p->to);
        worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w, NULL);
        total += w;
    }
    worksheet_freeze_panes(ws, XLSX_TABLE_TOP + 1, 0);
    if (total > WIDE_TABLE_CHARS || ctx->tmpl->landscape)
        worksheet_set_landscape(ws);
    if (size) /* Excel's paper codes */
        worksheet_set_paper(ws, !strcmp(size, "A4") ? 9 : !strcmp(size, "A5") ? 11
                                : !strcmp(size, "Legal") ? 5 : 1);
    worksheet_repeat_rows(ws, XLSX_TABLE_TOP, XLSX_TABLE_TOP);
    worksheet_fit_to_pages(ws, 1, 0);
}

static quire_status write_rows(xlsx_ctx *ctx, lxw_worksheet *ws, const part *p)
{
    const quire_table *tab = p->tab;
    size_t pending = 0;
    quire_status st;

    for (size_t r = p->from; r < p->to; r++) {
        lxw_row_t row = (lxw_row_t)(XLSX_TABLE_TOP + 1 + r - p->from);
        for (size_t c = 0; c < tab->n_columns; c++) {
            lxw_error e = xlsx_write_cell(ctx, ws, row, (lxw_col_t)c, quire_column_at(tab, c), r,
                                          p->custom[c]);
            if (e)
                return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "table '%s' row %zu: %s", tab->id,
                                  r + 1, lxw_strerror(e));
        }
        if (++pending == XLSX_PROGRESS_ROWS) {
            if ((st = xlsx_progress(ctx, pending)))
                return st;
            pending = 0;
        }
    }
    return xlsx_progress(ctx, pending);
}

static lxw_error write_note(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, const char *s)
{
    const char *clean = xlsx_clean_text(ctx, s);
    return clean ? worksheet_write_string(ws, r, 0, clean, ctx->fmt.note)
                 : LXW_ERROR_MEMORY_MALLOC_FAILED;
}

/* Under the table: sources, description, and where the rest of it is. */
static quire_status write_notes(xlsx_ctx *ctx, lxw_worksheet *ws, const part *p)
{
    lxw_row_t r = (lxw_row_t)(XLSX_TABLE_TOP + 1 + (p->to > p->from ? p->to - p->from : 1) + 1);
    char *cite = xlsx_cite(ctx->ds, &p->tab->sources), *line = NULL;
    lxw_error e = LXW_NO_ERROR;

    if (cite && asprintf(&line, xlsx_label(ctx, XL_SOURCE_LINE), cite) >= 0) {
        e = write_note(ctx, ws, r++, line);
        free(line);
    }
    free(cite);
    if (!e && p->tab->description)
        e = xlsx_write_prose(ctx, ws, r++, 0, NULL, &p->tab->description_text,
                             p->tab->description, ctx->fmt.note);
    if (!e && p->count > 1) {
        line = NULL;
        char *part = NULL;
        int n = asprintf(&part, xlsx_label(ctx, XL_PART_LINE), p->index + 1, p->count,
                         p->from + 1, p->to, p->tab->n_rows);
        if (n < 0 || asprintf(&line, "%s%s", part, p->index + 1 < p->count
                                                       ? xlsx_label(ctx, XL_CONTINUED) : "") < 0) {
            free(part);
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        }
        free(part);
        e = write_note(ctx, ws, r, line);
        free(line);
    }
    return e ? xlsx_fail(ctx, e, "table notes") : QUIRE_OK;
}

/* What the sheet is named after: the table's sheet:, else its title. */
static const char *sheet_base(const quire_table *tab)
{
    return tab->sheet ? tab->sheet : tab->title ? tab->title : tab->id;
}

static quire_status write_part(xlsx_ctx *ctx, size_t t, part *p)
{
    char name[LXW_MAX_SHEETNAME_LENGTH];
    quire_status st = xlsx_names_make(ctx, sheet_base(p->tab),
                                      p->index ? (unsigned)(p->index + 1) : 1, name);
    if (st)
        return st;
    lxw_worksheet *ws = workbook_add_worksheet(ctx->wb, name);
    if (!ws)
        return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "cannot add sheet '%s'", name);
    if (p->index == 0) {
        xlsx_placement *pl = &ctx->placed[t];
        snprintf(pl->sheet, sizeof pl->sheet, "%s", name);
        pl->ws = ws;
        pl->rows = p->to - p->from;
    }
    layout(ctx, ws, p);
    if ((st = write_title(ctx, ws, p)))
        return st;
    if (p->tab->n_columns == 0)
        return write_notes(ctx, ws, p);
    if ((st = add_table(ctx, ws, p, t)) || (st = write_rows(ctx, ws, p)))
        return st;
    return write_notes(ctx, ws, p);
}

/* Sheets a table takes: one per rows_per_sheet rows, at least one. */
static size_t parts_of(const xlsx_ctx *ctx, const quire_table *tab)
{
    size_t cap = ctx->opt.rows_per_sheet ? ctx->opt.rows_per_sheet : 1;
    return tab->n_rows ? (tab->n_rows + cap - 1) / cap : 1;
}

quire_status xlsx_plan_sheet_names(xlsx_ctx *ctx)
{
    char name[LXW_MAX_SHEETNAME_LENGTH];
    quire_status st = QUIRE_OK;
    for (size_t t = 0; !st && t < ctx->ds->n_tables; t++) {
        const quire_table *tab = quire_table_at(ctx->ds, t);
        size_t count = parts_of(ctx, tab);
        for (size_t i = 0; !st && i < count; i++) {
            /* as write_part takes them, in the same order */
            st = xlsx_names_make(ctx, sheet_base(tab), i ? (unsigned)(i + 1) : 1, name);
            if (!st && i == 0)
                snprintf(ctx->placed[t].sheet, sizeof ctx->placed[t].sheet, "%s", name);
            /* the workbook's own sheets (Summary, Sources) keep their names */
            if (!st && i == 0 && tab->sheet && strcmp(name, tab->sheet) != 0)
                ctx->job->host->diag(ctx->job, QUIRE_WARNING, "xlsx-sheet-name",
                                     "table '%s': sheet '%s' is the name of one of the "
                                     "workbook's own sheets; the table's sheet is '%s'",
                                     tab->id, tab->sheet, name);
        }
    }
    return st;
}

quire_status xlsx_table_sheets(xlsx_ctx *ctx, size_t t)
{
    const quire_table *tab = quire_table_at(ctx->ds, t);
    size_t cap = ctx->opt.rows_per_sheet ? ctx->opt.rows_per_sheet : 1;
    part p = {.tab = tab, .count = parts_of(ctx, tab)};
    quire_status st = make_headers(ctx, &p);

    p.custom = calloc(tab->n_columns + 1, sizeof *p.custom);
    if (!st && !p.custom)
        st = xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
    for (size_t c = 0; !st && c < tab->n_columns; c++)
        p.custom[c] = xlsx_format_column(ctx, quire_column_at(tab, c));
    for (p.index = 0; !st && p.index < p.count; p.index++) {
        p.from = p.index * cap;
        p.to = p.from + cap < tab->n_rows ? p.from + cap : tab->n_rows;
        st = write_part(ctx, t, &p);
    }
    free_part(&p);
    return st;
}
