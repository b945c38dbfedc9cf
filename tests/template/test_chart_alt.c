/* test_chart_alt.c — chart text alternatives written from the data: type,
 * title and unit, values as written, long series summarised, Korean and
 * English. */
#include "chart_alt.h"

#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void expect_alt(const quire_chart *c, const char *language, const char *expected)
{
    char *alt = chart_alt_text(c, language);
    assert_non_null(alt);
    assert_string_equal(alt, expected);
    free(alt);
}

static const char *const providers[] = {"AWS", "마이크로소프트", "구글"};
static const double share[] = {31, 25, 11}, share_dec[] = {31.5, NAN, 11.25};
static const unsigned char zero[3] = {0}, dec[3] = {1, 0, 2};
static const quire_column share_cols[] = {
    {.id = "provider", .label = "사업자", .type = QUIRE_TEXT, .texts = providers},
    {.id = "q1", .label = "2024 Q1", .type = QUIRE_PERCENT, .unit_label = "%",
     .numbers = share, .decimals = zero},
    {.id = "q2", .label = "2024 Q2", .type = QUIRE_PERCENT, .unit_label = "%",
     .numbers = share_dec, .decimals = dec},
};
static const quire_table share_table = {.id = "share",
                                        .title = "글로벌 클라우드 인프라 시장 점유율",
                                        .columns = share_cols, .n_columns = 3, .n_rows = 3};

static void the_example(void **state)
{
    static const size_t y[] = {1};
    quire_chart c = {.type = QUIRE_CHART_BAR, .table = &share_table, .x = 0, .y = y, .n_y = 1,
                     .title = share_table.title};
    expect_alt(&c, "ko", "막대 차트, 글로벌 클라우드 인프라 시장 점유율(%): AWS 31, "
                         "마이크로소프트 25, 구글 11");
    expect_alt(&c, "ko-KR", "막대 차트, 글로벌 클라우드 인프라 시장 점유율(%): AWS 31, "
                            "마이크로소프트 25, 구글 11");
    c.title = "Cloud market share";
    expect_alt(&c, "en", "Bar chart, Cloud market share (%): AWS 31, 마이크로소프트 25, 구글 11");
    /* "kok" is not Korean */
    expect_alt(&c, "kok", "Bar chart, Cloud market share (%): AWS 31, 마이크로소프트 25, "
                          "구글 11");
}

/* Decimals as written, a missing value named, one list per series. */
static void decimals_nulls_series(void **state)
{
    static const size_t y[] = {1, 2};
    quire_chart c = {.type = QUIRE_CHART_LINE, .table = &share_table, .x = 0, .y = y,
                     .n_y = 2, .title = "Share"};
    expect_alt(&c, "en", "Line chart, Share (%): 2024 Q1 — AWS 31, 마이크로소프트 25, 구글 11; "
                         "2024 Q2 — AWS 31.5, 마이크로소프트 no data, 구글 11.25");
    expect_alt(&c, "ko", "꺾은선 차트, Share(%): 2024 Q1 — AWS 31, 마이크로소프트 25, 구글 11; "
                         "2024 Q2 — AWS 31.5, 마이크로소프트 자료 없음, 구글 11.25");
}

static void chart_types(void **state)
{
    static const size_t y[] = {1};
    static const quire_series line[] = {{1, 1, 0}};
    quire_chart c = {.table = &share_table, .x = 0, .y = y, .n_y = 1, .title = "S"};
    static const struct {
        quire_chart_type type;
        int stacked, horizontal, donut, as_line;
        const char *ko, *en;
    } cases[] = {
        {QUIRE_CHART_BAR, 1, 0, 0, 0, "누적 막대 차트", "Stacked bar chart"},
        {QUIRE_CHART_BAR, 0, 1, 0, 0, "가로 막대 차트", "Horizontal bar chart"},
        {QUIRE_CHART_BAR, 0, 0, 0, 1, "막대·꺾은선 혼합 차트", "Combined bar and line chart"},
        {QUIRE_CHART_AREA, 0, 0, 0, 0, "영역 차트", "Area chart"},
        {QUIRE_CHART_AREA, 1, 0, 0, 0, "누적 영역 차트", "Stacked area chart"},
        {QUIRE_CHART_PIE, 0, 0, 0, 0, "원형 차트", "Pie chart"},
        {QUIRE_CHART_PIE, 0, 0, 1, 0, "도넛 차트", "Donut chart"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        c.type = cases[i].type;
        c.stacked = cases[i].stacked;
        c.horizontal = cases[i].horizontal;
        c.donut = cases[i].donut;
        c.series = cases[i].as_line ? line : NULL;
        c.n_series = cases[i].as_line ? 1 : 0;
        char *ko = chart_alt_text(&c, "ko"), *en = chart_alt_text(&c, "en");
        assert_non_null(ko);
        assert_non_null(en);
        assert_true(strncmp(ko, cases[i].ko, strlen(cases[i].ko)) == 0);
        assert_true(strncmp(en, cases[i].en, strlen(cases[i].en)) == 0);
        assert_int_equal(en[strlen(cases[i].en)], ',');
        free(ko);
        free(en);
    }
}

/* More than CHART_ALT_MAX_POINTS points: count, extent, lowest, highest. */
static void long_series(void **state)
{
    enum { N = 40 };
    static char years[N][8];
    static const char *texts[N];
    static double values[N];
    static unsigned char decs[N];
    for (int i = 0; i < N; i++) {
        snprintf(years[i], sizeof years[i], "%d", 2001 + i);
        texts[i] = years[i];
        values[i] = 50 + (i % 7) * 1.5;
        decs[i] = 1;
    }
    values[12] = 3.25;
    decs[12] = 2;
    values[30] = 97;
    decs[30] = 0;
    values[5] = NAN;
    const quire_column cols[] = {
        {.id = "year", .label = "year", .type = QUIRE_TEXT, .texts = texts},
        {.id = "v", .label = "GPU", .type = QUIRE_INTEGER, .unit_label = "만 개",
         .numbers = values, .decimals = decs},
    };
    const quire_table t = {.id = "t", .title = "GPU 확보 목표", .columns = cols,
                           .n_columns = 2, .n_rows = N};
    static const size_t y[] = {1};
    quire_chart c = {.type = QUIRE_CHART_LINE, .table = &t, .x = 0, .y = y, .n_y = 1,
                     .title = t.title};
    expect_alt(&c, "ko", "꺾은선 차트, GPU 확보 목표(만 개): 40개 항목(2001–2040), "
                         "최저 2013 3.25, 최고 2031 97");
    expect_alt(&c, "en", "Line chart, GPU 확보 목표 (만 개): 40 points (2001–2040), "
                         "lowest 2013 3.25, highest 2031 97");
    /* exactly CHART_ALT_MAX_POINTS points are still listed */
    const quire_table t12 = {.id = "t", .title = "T", .columns = cols, .n_columns = 2,
                             .n_rows = CHART_ALT_MAX_POINTS};
    c.table = &t12;
    c.title = "T";
    char *alt = chart_alt_text(&c, "en");
    assert_non_null(strstr(alt, "2012 56.0"));  /* 50 + 4 * 1.5, one decimal as written */
    assert_null(strstr(alt, "points"));
    free(alt);
}

/* Scatter points are (x, y), named by the label column when there is one;
 * category names longer than 80 bytes are cut on a character boundary. */
static void scatter_and_long_names(void **state)
{
    static char longname[300];
    memset(longname, 0, sizeof longname);
    for (int i = 0; i < 40; i++)
        strcat(longname, "가");   /* 3 bytes each: 120 bytes */
    static const char *const labels[] = {"A", longname};
    static const double xs[] = {1.5, 2}, ys[] = {10, 20};
    static const unsigned char dx[] = {1, 0}, dy[] = {0, 0};
    const quire_column cols[] = {
        {.id = "name", .label = "name", .type = QUIRE_TEXT, .texts = labels},
        {.id = "x", .label = "x", .type = QUIRE_NUMBER, .numbers = xs, .decimals = dx},
        {.id = "y", .label = "y", .type = QUIRE_NUMBER, .numbers = ys, .decimals = dy},
    };
    const quire_table t = {.id = "t", .title = "T", .columns = cols, .n_columns = 3,
                           .n_rows = 2};
    static const size_t y[] = {2};
    quire_chart c = {.type = QUIRE_CHART_SCATTER, .table = &t, .x = 1, .y = y, .n_y = 1,
                     .title = "Points"};
    expect_alt(&c, "en", "Scatter chart, Points: (1.5, 10), (2, 20)");
    c.has_label = 1;
    c.label = 0;
    char *alt = chart_alt_text(&c, "en");
    assert_non_null(alt);
    char want[400];
    snprintf(want, sizeof want, "Scatter chart, Points: A (1.5, 10), %.78s… (2, 20)", longname);
    assert_string_equal(alt, want);
    free(alt);
}

/* Issue 19: a title that names its unit does not get it twice, and a
 * long title keeps its caveat at the end. */
static void title_unit_and_caveat(void **state)
{
    static const size_t y[] = {1};
    quire_chart c = {.type = QUIRE_CHART_BAR, .table = &share_table, .x = 0, .y = y, .n_y = 1,
                     .title = "글로벌 클라우드 인프라 점유율 (%)"};
    expect_alt(&c, "ko", "막대 차트, 글로벌 클라우드 인프라 점유율 (%): AWS 31, "
                         "마이크로소프트 25, 구글 11");
    c.title = "Share (in % of the market)";
    expect_alt(&c, "en", "Bar chart, Share (in % of the market): AWS 31, 마이크로소프트 25, "
                         "구글 11");
    c.title = "설비투자·AI 인프라 투자 규모 (원화 환산, 조원; 항목마다 기간이 다름)";
    char *alt = chart_alt_text(&c, "ko");
    assert_non_null(alt);
    assert_non_null(strstr(alt, "항목마다 기간이 다름)(%): AWS 31"));
    free(alt);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_example),
        cmocka_unit_test(decimals_nulls_series),
        cmocka_unit_test(chart_types),
        cmocka_unit_test(long_series),
        cmocka_unit_test(scatter_and_long_names),
        cmocka_unit_test(title_unit_and_caveat),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
