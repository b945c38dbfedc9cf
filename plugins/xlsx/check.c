/*
 * check.c — the workbook's check(): every refusal the exporter can make
 * about its input, made before anything is written, at the input's
 * position (issue 20 §3), so that `validate` refuses what `render` does.
 * What Excel cannot hold otherwise is written another way with a warning
 * (long texts, links past Excel's count, rows past a sheet's): not a
 * refusal. export (xlsx.c) keeps its own test as a guard.
 */
#include <stdio.h>

#include "check_report.h"
#include "xlsx.h"

quire_status xlsx_check(const quire_job *job, char *err, size_t err_size)
{
    const quire_dataset *ds = job->dataset;
    int bad = 0;

    for (size_t t = 0; t < ds->n_tables; t++) {
        const quire_table *tab = quire_table_at(ds, t);
        if (tab->n_columns > LXW_COL_MAX)
            bad |= check_refuse(job, "xlsx-check", &tab->at,
                                "table '%s' has %zu columns; an Excel sheet holds %d", tab->id,
                                tab->n_columns, LXW_COL_MAX);
    }
    if (bad)
        snprintf(err, err_size, "the workbook cannot be made from this dataset");
    return bad ? QUIRE_ERR_INPUT : QUIRE_OK;
}
