/*
 * cells.h — the benchmark table, one formula per column, shared by the
 * dataset generator and the raw libxlsxwriter writer so that both write
 * the same cells. gen_data.py and raw_python.py repeat these formulas.
 */
#ifndef BENCH_XLSX_CELLS_H
#define BENCH_XLSX_CELLS_H

#include <stdio.h>

#define BENCH_COLS 10

static const char *const bench_regions[] = {"서울", "부산", "대구", "인천", "광주",
                                            "Daejeon", "Ulsan"};

/* Column i of row r: texts through *text, numbers through *num with the
 * decimals written; returns 0 text, 1 number, 2 date (days since 1970). */
static inline int bench_cell(long r, int i, char *text, size_t size, double *num, int *dec)
{
    switch (i) {
    case 0: snprintf(text, size, "%s", bench_regions[r % 7]); return 0;
    case 1: *num = (double)(r + 1); *dec = 0; return 1;
    case 2: *num = (double)(r * 37 % 100000) / 100; *dec = 2; return 1;
    case 3: *num = (double)(r % 1000) / 10; *dec = 1; return 1;
    case 4: *num = (double)(r * 13 % 5000000) / 10; *dec = 1; return 1;
    case 5: *num = (double)(18000 + r % 3650); *dec = 0; return 2;
    case 6: *num = (double)(r % 500); *dec = 0; return 1;
    case 7: *num = (double)(r % 997) / 1000; *dec = 3; return 1;
    case 8: snprintf(text, size, "C%07ld", r); return 0;
    default: *num = (double)(r % 100) / 10; *dec = 1; return 1;
    }
}

#endif
