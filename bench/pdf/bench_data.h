/* bench_data.h — the numbers of the generated benchmark brief, the same
 * formula as gen_brief.py, so that the floor program draws the same shapes
 * without reading YAML. */
#ifndef QUIRE_BENCH_DATA_H
#define QUIRE_BENCH_DATA_H

#define BENCH_TABLES 10
#define BENCH_ROWS 8
#define BENCH_SERIES 3
#define BENCH_CHARTS 40

static const char *const bench_categories[BENCH_ROWS] = {
    "서울특별시", "부산광역시", "대구광역시", "인천광역시",
    "광주광역시", "대전광역시", "울산광역시", "세종특별자치시"};

/* Value of row r, series c of table t: tenths, all positive but in every
 * third table's last series, which dips below zero. */
static inline double bench_value(int t, int r, int c)
{
    int v = (t * 71 + r * 137 + c * 291) % 500 + 50;
    if (t % 3 == 0 && c == BENCH_SERIES - 1) v -= 300;
    return v / 10.0;
}

/* Chart k: its table and its kind, 0 grouped bars, 1 stacked, 2 horizontal,
 * 3 line, 4 pie, 5 donut. */
static inline int bench_chart_table(int k) { return k / 4; }
static inline int bench_chart_kind(int k) { return k % 6; }

#endif
