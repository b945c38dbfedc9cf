/* bench_charts.c — the 40 charts of the benchmark brief drawn straight
 * through the chart layout (chart_height + chart_draw) on the PDF
 * plugin's canvas, two per page, with the text layer's faces: the chart
 * code's own cost beside bench_pdf_floor --charts-only.
 *
 *   bench_pdf_charts OUT.pdf */
#include <stdio.h>

#include "bench_data.h"
#include "chart.h"
#include "chart_page.h"

static double numbers[BENCH_TABLES][BENCH_SERIES][BENCH_ROWS];
static unsigned char decimals[BENCH_ROWS] = {1, 1, 1, 1, 1, 1, 1, 1};
static quire_column columns[BENCH_TABLES][BENCH_SERIES + 1];
static quire_table tables[BENCH_TABLES];
static char titles[BENCH_TABLES][32];
static const char *const source_ids[] = {"src"};
static const quire_source sources[] = {{"src", "합성 데이터", "quire 벤치마크", NULL, NULL, NULL}};
static const char *const labels[BENCH_SERIES] = {"지표 1", "지표 2", "지표 3"};
static const char *const ids[BENCH_SERIES] = {"s0", "s1", "s2"};

static void bench_tables(void)
{
    for (int t = 0; t < BENCH_TABLES; t++) {
        columns[t][0] = (quire_column){"region", "지역", QUIRE_TEXT, NULL, 1, NULL, NULL,
                                       NULL, NULL, bench_categories};
        for (int c = 0; c < BENCH_SERIES; c++) {
            for (int r = 0; r < BENCH_ROWS; r++) numbers[t][c][r] = bench_value(t, r, c);
            columns[t][c + 1] = (quire_column){ids[c], labels[c], QUIRE_NUMBER, NULL, 1, NULL,
                                               NULL, numbers[t][c], decimals, NULL};
        }
        snprintf(titles[t], sizeof titles[t], "지역별 지표 %d", t + 1);
        tables[t] = (quire_table){titles[t], titles[t], NULL, {source_ids, 1}, columns[t],
                                  BENCH_SERIES + 1, BENCH_ROWS};
    }
}

int main(int argc, char **argv)
{
    static const uint32_t palette[] = {0x1f4e79, 0xe07b39, 0x5b9a68, 0xc0504d, 0x8064a2, 0x4bacc6};
    static const size_t y3[] = {1, 2, 3};
    const quire_dataset ds = {.struct_size = sizeof ds, .id = "bench", .title = "bench",
                              .language = "ko", .sources = sources, .n_sources = 1};
    chart_page doc = {0};
    char err[256] = "", title[32];
    int status = 0;

    if (argc != 2) return 2;
    if (chart_page_open(&doc)) {
        chart_page_close(&doc);
        return 2;
    }
    bench_tables();
    chart_style style = {palette, 6, &ds, 10, 0};
    for (int k = 0; k < BENCH_CHARTS && status == 0; k++) {
        int kind = bench_chart_kind(k);
        quire_chart c = {kind >= 4 ? QUIRE_CHART_PIE : kind == 3 ? QUIRE_CHART_LINE : QUIRE_CHART_BAR,
                         &tables[bench_chart_table(k)], 0, y3, kind >= 4 ? 1 : 3, title,
                         kind == 1, kind == 2, kind == 5, k % 2};
        snprintf(title, sizeof title, "차트 %d", k + 1);
        if (k % 2 == 0) chart_page_add(&doc);
        double h = chart_height(&doc.cv.cv, &style, &c, 495);
        status = chart_draw(&doc.cv.cv, &style, &c, 50, k % 2 ? 400 : 790, 495, h, err, sizeof err);
    }
    if (status) fprintf(stderr, "bench_pdf_charts: %s\n", err);
    if (chart_page_save(&doc, argv[1])) status = 1;
    chart_page_close(&doc);
    return status ? 1 : 0;
}
