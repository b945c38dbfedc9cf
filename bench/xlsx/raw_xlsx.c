/*
 * raw_xlsx.c — the floor for the XLSX writer: plain libxlsxwriter in
 * constant_memory mode writing the same cells as `quire render -f xlsx`
 * on the benchmark dataset (same number formats, header row, autofilter),
 * from values computed in place rather than loaded.
 *
 *   bench_xlsx_raw N OUT.xlsx
 */
#include <stdlib.h>
#include <xlsxwriter.h>

#include "cells.h"

static const char *const headers[BENCH_COLS] = {"region", "n", "amount", "share",
                                                 "revenue (USD 1e6)", "day", "qty", "ratio",
                                                 "code", "score"};

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_xlsx_raw N OUT.xlsx\n");
        return 1;
    }
    long n = atol(argv[1]);
    lxw_workbook_options o = {.constant_memory = 1, .use_zip64 = 1};
    lxw_workbook *wb = workbook_new_opt(argv[2], &o);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "Big table");
    lxw_format *num[4], *pct = workbook_add_format(wb), *date = workbook_add_format(wb);
    const char *spec[4] = {"#,##0", "#,##0.0", "#,##0.00", "#,##0.000"};

    for (int d = 0; d < 4; d++) {
        num[d] = workbook_add_format(wb);
        format_set_num_format(num[d], spec[d]);
    }
    format_set_num_format(pct, "0.0%");
    format_set_num_format(date, "yyyy-mm-dd");
    for (int i = 0; i < BENCH_COLS; i++)
        worksheet_write_string(ws, 0, (lxw_col_t)i, headers[i], NULL);
    worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, BENCH_COLS - 1);
    worksheet_freeze_panes(ws, 1, 0);
    for (long r = 0; r < n; r++) {
        for (int i = 0; i < BENCH_COLS; i++) {
            char text[64];
            double v;
            int dec, kind = bench_cell(r, i, text, sizeof text, &v, &dec);
            lxw_row_t row = (lxw_row_t)(r + 1);
            if (kind == 0)
                worksheet_write_string(ws, row, (lxw_col_t)i, text, NULL);
            else if (kind == 2)
                worksheet_write_number(ws, row, (lxw_col_t)i, v + 25569, date);
            else if (i == 3)
                worksheet_write_number(ws, row, (lxw_col_t)i, v / 100, pct);
            else
                worksheet_write_number(ws, row, (lxw_col_t)i, v, num[dec]);
        }
    }
    return workbook_close(wb) != LXW_NO_ERROR;
}
