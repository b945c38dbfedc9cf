/*
 * check.c — the workbook's check(): every refusal the exporter can make
 * about its input, made before anything is written, at the input's
 * position (issue 20 §3), so that `validate` refuses what `render` does.
 * What Excel cannot hold otherwise is written another way with a warning
 * (long texts, links past Excel's count, rows past a sheet's): not a
 * refusal. export (xlsx.c) keeps its own test as a guard.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "xlsx.h"

/* An error at a position when the host can place it (ABI 2's report),
 * else a plain diagnostic. Returns 1. */
static int refuse(const quire_job *job, const quire_pos *at, const char *fmt, ...)
    QUIRE_PRINTF(3, 4);
static int refuse(const quire_job *job, const quire_pos *at, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const quire_host *h = job->host;
    if (h->struct_size >= offsetof(quire_host, report) + sizeof h->report && h->report)
        h->report(job, QUIRE_ERROR, at, "%s", msg);
    else if (h->diag)
        h->diag(job, QUIRE_ERROR, "xlsx-check", "%s", msg);
    return 1;
}

quire_status xlsx_check(const quire_job *job, char *err, size_t err_size)
{
    const quire_dataset *ds = job->dataset;
    int bad = 0;

    for (size_t t = 0; t < ds->n_tables; t++) {
        const quire_table *tab = quire_table_at(ds, t);
        if (tab->n_columns > LXW_COL_MAX)
            bad |= refuse(job, &tab->at, "table '%s' has %zu columns; an Excel sheet holds %d",
                          tab->id, tab->n_columns, LXW_COL_MAX);
    }
    if (bad)
        snprintf(err, err_size, "the workbook cannot be made from this dataset");
    return bad ? QUIRE_ERR_INPUT : QUIRE_OK;
}
