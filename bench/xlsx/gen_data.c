/*
 * gen_data.c — writes the benchmark dataset: a YAML file with one table
 * of N rows x 10 columns (text, integer, number, percent, currency, date),
 * rows inline so that the run measures the YAML loader too.
 *
 *   bench_xlsx_gen N OUT.yaml
 */
#include <stdlib.h>
#include <time.h>

#include "cells.h"

static void header(FILE *f)
{
    fputs("quire: 1\nid: bench\ntitle: XLSX benchmark\ndate: 2025-01-01\n"
          "tables:\n  - id: big\n    title: Big table\n    columns:\n"
          "      - {id: region, type: text}\n"
          "      - {id: n, type: integer}\n"
          "      - {id: amount, type: number}\n"
          "      - {id: share, type: percent}\n"
          "      - {id: revenue, type: currency, currency: USD, scale: 1e6}\n"
          "      - {id: day, type: date}\n"
          "      - {id: qty, type: integer}\n"
          "      - {id: ratio, type: number}\n"
          "      - {id: code, type: text}\n"
          "      - {id: score, type: number}\n"
          "    rows:\n", f);
}

static void cell(FILE *f, long r, int i)
{
    char text[64];
    double v;
    int dec, kind = bench_cell(r, i, text, sizeof text, &v, &dec);

    if (kind == 0) {
        fputs(text, f);
    } else if (kind == 2) {
        time_t t = (time_t)v * 86400;
        struct tm tm;
        gmtime_r(&t, &tm);
        fprintf(f, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    } else {
        fprintf(f, "%.*f", dec, v);
    }
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: bench_xlsx_gen N OUT.yaml\n");
        return 1;
    }
    long n = atol(argv[1]);
    FILE *f = fopen(argv[2], "w");
    if (!f)
        return 1;
    header(f);
    for (long r = 0; r < n; r++) {
        fputs("      - [", f);
        for (int i = 0; i < BENCH_COLS; i++) {
            if (i)
                fputs(", ", f);
            cell(f, r, i);
        }
        fputs("]\n", f);
    }
    return fclose(f) != 0;
}
