/*
 * xlsx.c — the XLSX exporter: an analyst's workbook of the dataset.
 *
 * Sheets in order: Summary (title, period, date, headline figures), one
 * sheet per table (an Excel table, continued on numbered sheets past
 * Excel's row limit), native charts on the tables' sheets, and Sources.
 * Large workbooks are written in libxlsxwriter's constant_memory mode,
 * row by row, with temporary files beside the output.
 */
#include <libgen.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

/* Data rows per sheet: Excel's rows less the title rows, the header and
 * the notes under. */
#define NOTE_ROWS 4
/* From this many cells the workbook streams rows (constant_memory):
 * libxlsxwriter otherwise keeps every cell in memory, ~150 bytes each. */
#define CONSTANT_MEMORY_CELLS 1000000
/* 1980-01-01T00:00:00Z: the created date when the dataset gives none. */
#define DEFAULT_CREATED 315532800

xlsx_options xlsx_options_default(void)
{
    return (xlsx_options){.rows_per_sheet = LXW_ROW_MAX - XLSX_TABLE_TOP - 1 - NOTE_ROWS,
                          .constant_memory_cells = CONSTANT_MEMORY_CELLS,
                          .summary_sheet = 1, .charts = 1};
}

quire_status xlsx_failf(xlsx_ctx *ctx, quire_status status, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    if (ctx->err && ctx->err_size)
        vsnprintf(ctx->err, ctx->err_size, fmt, ap);
    va_end(ap);
    return status;
}

quire_status xlsx_fail(xlsx_ctx *ctx, lxw_error e, const char *what)
{
    return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "%s: %s", what, lxw_strerror(e));
}

quire_status xlsx_progress(xlsx_ctx *ctx, size_t rows)
{
    const quire_host *h = ctx->job->host;

    ctx->rows_done += rows;
    if (!h || !h->progress || ctx->rows_total == 0)
        return QUIRE_OK;
    if (h->progress(ctx->job, (double)ctx->rows_done / (double)ctx->rows_total))
        return xlsx_failf(ctx, QUIRE_ERR_CANCELLED, "interrupted");
    return QUIRE_OK;
}

/* Sizes the job, refusing what Excel cannot hold. */
static quire_status measure(xlsx_ctx *ctx, size_t *cells)
{
    *cells = 0;
    for (size_t t = 0; t < ctx->ds->n_tables; t++) {
        const quire_table *tab = quire_table_at(ctx->ds, t);
        if (tab->n_columns > LXW_COL_MAX)
            return xlsx_failf(ctx, QUIRE_ERR_INPUT,
                              "table '%s' has %zu columns; Excel allows %d", tab->id,
                              tab->n_columns, LXW_COL_MAX);
        *cells += tab->n_rows * tab->n_columns;
        ctx->rows_total += tab->n_rows;
    }
    return QUIRE_OK;
}

/* Title, author, company and a created date that never is the clock. */
static quire_status set_properties(xlsx_ctx *ctx)
{
    const quire_dataset *ds = ctx->ds;
    const char *from[] = {ds->title, ds->subtitle, ds->author, ds->organization};
    char *copy[4] = {0};
    quire_status st = QUIRE_OK;

    for (int i = 0; i < 4; i++) {
        const char *clean = from[i] ? xlsx_clean_text(ctx, from[i]) : NULL;
        if (from[i] && (!clean || !(copy[i] = strdup(clean)))) {
            st = xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
            goto cleanup;
        }
    }
    lxw_doc_properties p = {.title = copy[0], .subject = copy[1], .author = copy[2],
                            .company = copy[3],
                            .created = ds->timestamp >= 0 ? (time_t)ds->timestamp
                                                          : DEFAULT_CREATED};
    lxw_error e = workbook_set_properties(ctx->wb, &p);
    if (e)
        st = xlsx_fail(ctx, e, "workbook properties");
cleanup:
    for (int i = 0; i < 4; i++)
        free(copy[i]);
    return st;
}

/* Names our own sheets take, so that a table titled "Sources" (or "출처")
 * moves aside. Excel reserves "History" in every language. */
static quire_status reserve_names(xlsx_ctx *ctx)
{
    quire_status st = xlsx_names_reserve(ctx, "History");
    if (!st && ctx->opt.summary_sheet)
        st = xlsx_names_reserve(ctx, xlsx_label(ctx, XL_SHEET_SUMMARY));
    if (!st && ctx->ds->n_sources)
        st = xlsx_names_reserve(ctx, xlsx_label(ctx, XL_SHEET_SOURCES));
    return st;
}

static quire_status write_sheets(xlsx_ctx *ctx)
{
    quire_status st = set_properties(ctx);

    if (!st)
        st = reserve_names(ctx);
    /* The tables' sheet names before any sheet is written, so that prose
     * can link to them; then the names again from the start, as the
     * sheets take them. */
    if (!st)
        st = xlsx_plan_sheet_names(ctx);
    xlsx_names_free(&ctx->names);
    if (!st)
        st = reserve_names(ctx);
    xlsx_formats_init(ctx);
    if (!st && ctx->opt.summary_sheet)
        st = xlsx_summary_sheet(ctx);
    for (size_t t = 0; !st && t < ctx->ds->n_tables; t++)
        st = xlsx_table_sheets(ctx, t);
    if (!st && ctx->opt.charts)
        st = xlsx_charts(ctx);
    if (!st && ctx->ds->n_sources)
        st = xlsx_sources_sheet(ctx);
    return st;
}

static lxw_workbook *open_workbook(xlsx_ctx *ctx, char *tmpdir)
{
    lxw_workbook_options o = {.constant_memory = (uint8_t)ctx->constant_memory,
                              .tmpdir = tmpdir,
                              .use_zip64 = (uint8_t)ctx->constant_memory};
    return workbook_new_opt(ctx->job->output_path, &o);
}

quire_status xlsx_export_opt(const quire_job *job, const xlsx_options *opt, char *err,
                             size_t err_size)
{
    static const quire_template no_template = {0};
    xlsx_ctx ctx = {.job = job, .ds = job->dataset,
                    .tmpl = job->tmpl ? job->tmpl : &no_template,
                    .lang = xlsx_lang_of(job->dataset), .opt = *opt,
                    .err = err, .err_size = err_size};
    char *dir = NULL;
    size_t cells;
    quire_status st = measure(&ctx, &cells);

    if (st)
        goto cleanup;
    ctx.constant_memory = cells >= ctx.opt.constant_memory_cells;
    if (ctx.constant_memory && ctx.ds->n_tables && job->host && job->host->diag)
        job->host->diag(job, QUIRE_NOTE, "xlsx-streaming",
                        "%zu cells: rows are streamed to disk, and tables get an "
                        "autofilter rather than Excel's table format", cells);
    ctx.placed = calloc(ctx.ds->n_tables + 1, sizeof *ctx.placed);
    /* Temporary files go beside the output: same file system, room known. */
    char *path = strdup(job->output_path);
    dir = path ? strdup(dirname(path)) : NULL;
    free(path);
    if (!ctx.placed || !dir) {
        st = xlsx_failf(&ctx, QUIRE_ERR_EXPORT, "out of memory");
        goto cleanup;
    }
    ctx.wb = open_workbook(&ctx, dir);
    if (!ctx.wb) {
        st = xlsx_failf(&ctx, QUIRE_ERR_EXPORT, "cannot create workbook %s", job->final_path);
        goto cleanup;
    }
    st = write_sheets(&ctx);
    if (st) {
        lxw_workbook_free(ctx.wb);
        goto cleanup;
    }
    lxw_error e = workbook_close(ctx.wb);
    if (e)
        st = xlsx_fail(&ctx, e, job->final_path ? job->final_path : job->output_path);
cleanup:
    xlsx_charts_done();
    xlsx_names_free(&ctx.names);
    free(ctx.placed);
    free(ctx.scratch);
    free(dir);
    return st;
}
