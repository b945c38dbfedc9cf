/* test_chart_edges.c — charts of awkward tables: empty, all missing, one
 * row, hundreds of rows, huge and tiny values, endless labels, bad column
 * indices. Each must lay out on a recording canvas with every call sane
 * (finite numbers, groups and clips balanced, the figure outermost) or be
 * refused with a reason, with a finite height; the sanitizer build
 * catches the rest. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart.h"
#include "record_canvas.h"

#define MANY 300

typedef struct fixture {
    record_canvas rc;
    const canvas *cv;
    chart_style style;
    int errors;          /* layouts whose calls were not sane */
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    record_canvas_init(&f->rc);
    f->cv = &f->rc.cv;
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    record_canvas_free(&f->rc);
    free(f);
    return 0;
}

/* Checks the calls of the last layout and starts a fresh record. */
static void settle(fixture *f)
{
    if (f->rc.bad || f->rc.depth || f->rc.clips)
        f->errors++;
    record_canvas_free(&f->rc);
    record_canvas_init(&f->rc);
}

/* Draws chart in a box of width w at the height it asks for; every type. */
static void draw_all_types(fixture *f, quire_chart c, double w)
{
    static const int kinds[][4] = {{QUIRE_CHART_BAR, 0, 0, 0}, {QUIRE_CHART_BAR, 1, 0, 0},
                                   {QUIRE_CHART_BAR, 0, 1, 0}, {QUIRE_CHART_BAR, 1, 1, 0},
                                   {QUIRE_CHART_LINE, 0, 0, 0}, {QUIRE_CHART_PIE, 0, 0, 0},
                                   {QUIRE_CHART_PIE, 0, 0, 1}, {QUIRE_CHART_AREA, 0, 0, 0},
                                   {QUIRE_CHART_AREA, 1, 0, 0}};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        char err[200] = "";
        for (int labels = 0; labels < 2; labels++) {
            c.type = kinds[k][0], c.stacked = kinds[k][1], c.horizontal = kinds[k][2];
            c.donut = kinds[k][3], c.value_labels = labels;
            double h = chart_height(f->cv, &f->style, &c, w);
            assert_true(isfinite(h) && h > 0 && h < 5000);
            assert_int_equal(chart_draw(f->cv, &f->style, &c, 40, 800, w, h, err, sizeof err), 0);
            settle(f);
            /* a box smaller than asked still draws */
            assert_int_equal(chart_draw(f->cv, &f->style, &c, 40, 800, w, h / 3, err, sizeof err), 0);
            settle(f);
        }
    }
    assert_int_equal(f->errors, 0);
}

static const char *const three[] = {"가", "나", "다"};
static const unsigned char dec[MANY];

static void test_empty_and_missing(void **state)
{
    fixture *f = *state;
    static const double nan3[] = {NAN, NAN, NAN};
    quire_column cols[] = {
        {"x", "x", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, three},
        {"y", "y", QUIRE_NUMBER, NULL, 1, NULL, NULL, nan3, dec, NULL},
    };
    quire_table t = {"t", "빈 표", NULL, {NULL, 0}, cols, 2, 0};
    static const size_t y[] = {1};
    quire_chart c = {QUIRE_CHART_BAR, &t, 0, y, 1, NULL, 0, 0, 0, 0};

    draw_all_types(f, c, 400);      /* no rows */
    t.n_rows = 3;
    draw_all_types(f, c, 400);      /* every value missing */
}

static void test_one_row_and_zero_span(void **state)
{
    fixture *f = *state;
    static const double one[] = {42}, same[] = {7, 7, 7}, zeros[] = {0, 0, 0};
    quire_column cols[] = {
        {"x", "x", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, three},
        {"y", "y", QUIRE_PERCENT, NULL, 1, NULL, NULL, one, dec, NULL},
    };
    quire_table t = {"t", "한 행", NULL, {NULL, 0}, cols, 2, 1};
    static const size_t y[] = {1};
    quire_chart c = {QUIRE_CHART_BAR, &t, 0, y, 1, NULL, 0, 0, 0, 0};

    draw_all_types(f, c, 300);
    t.n_rows = 3;
    cols[1].numbers = same;
    draw_all_types(f, c, 300);
    cols[1].numbers = zeros;
    draw_all_types(f, c, 300);
}

static void test_many_rows_long_labels(void **state)
{
    fixture *f = *state;
    static double v[MANY], w[MANY];
    static const char *labels[MANY];
    static char text[MANY][40];
    static char endless[2000];
    quire_column cols[] = {
        {"x", "x", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, labels},
        {"a", "첫째 계열", QUIRE_NUMBER, NULL, 1, "MW", NULL, v, dec, NULL},
        {"b", endless, QUIRE_CURRENCY, "KRW", 1e12, NULL, "#,##0\"조원\"", w, dec, NULL},
    };
    quire_table t = {"t", endless, NULL, {NULL, 0}, cols, 3, MANY};
    static const size_t y[] = {1, 2};
    quire_chart c = {QUIRE_CHART_BAR, &t, 0, y, 2, NULL, 0, 0, 0, 0};

    for (size_t i = 0; i + 3 < sizeof endless; i += 3) memcpy(endless + i, "가", 3);
    for (int i = 0; i < MANY; i++) {
        snprintf(text[i], sizeof text[i], "지역 %d 데이터센터", i);
        labels[i] = i == 7 ? endless : text[i];
        v[i] = i % 7 == 0 ? NAN : (i * 37 % 101) - 30;
        w[i] = i * 1e3;
    }
    draw_all_types(f, c, 480);
    draw_all_types(f, c, 120);      /* a narrow column */
}

static void test_extreme_values(void **state)
{
    fixture *f = *state;
    static const double huge[] = {1e15, -3e14, 2.5e15}, tiny[] = {1e-9, 3e-9, -2e-9};
    static const unsigned char d9[] = {9, 9, 9};
    quire_column cols[] = {
        {"x", "x", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, three},
        {"h", "huge", QUIRE_NUMBER, NULL, 1, NULL, NULL, huge, dec, NULL},
        {"t", "tiny", QUIRE_NUMBER, NULL, 1, NULL, NULL, tiny, d9, NULL},
    };
    quire_table t = {"t", "extremes", NULL, {NULL, 0}, cols, 3, 3};
    static const size_t y[] = {1, 2}, yt[] = {2};
    quire_chart c = {QUIRE_CHART_BAR, &t, 0, y, 2, NULL, 0, 0, 0, 0};

    draw_all_types(f, c, 400);
    c.y = yt, c.n_y = 1;
    draw_all_types(f, c, 400);
}

static void test_no_dataset_palette_or_size(void **state)
{
    fixture *f = *state;
    static const double v[] = {3, 1, 2};
    static const double dates[] = {19000, 19001, NAN};
    static const char *const date_texts[] = {"2022-01-08", "2022-01-09", NULL};
    static const char *const ids[] = {"nowhere"};
    quire_column cols[] = {
        {"d", "날짜", QUIRE_DATE, NULL, 1, NULL, NULL, dates, dec, date_texts},
        {"y", "y", QUIRE_INTEGER, NULL, 1, NULL, NULL, v, dec, NULL},
    };
    quire_table t = {"t", NULL, NULL, {ids, 1}, cols, 2, 3};
    static const size_t y[] = {1};
    quire_chart c = {QUIRE_CHART_LINE, &t, 0, y, 1, NULL, 0, 0, 0, 0};
    chart_style saved = f->style;

    f->style.dataset = NULL, f->style.palette = NULL, f->style.n_palette = 0;
    f->style.font_size = 0;
    draw_all_types(f, c, 400);
    f->style = saved;
}

/* Values no axis can divide: refused with the value named, never an
 * infinite sum, an axis left unset or a hang. */
static void test_out_of_range(void **state)
{
    fixture *f = *state;
    static const double huge[] = {1.7e308, -1.7e308, 1e308}, denormal[] = {0, 1e-322, 5e-324};
    static const double big[] = {1e300, 1e300, -1e300};
    quire_column cols[] = {
        {"x", "x", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, three},
        {"y", "y", QUIRE_NUMBER, NULL, 1, NULL, NULL, huge, dec, NULL},
    };
    quire_table t = {"t", "t", NULL, {NULL, 0}, cols, 2, 3};
    static const size_t y[] = {1, 1};
    quire_chart c = {QUIRE_CHART_BAR, &t, 0, y, 2, NULL, 1, 0, 0, 1};
    const double *bad[] = {huge, denormal};

    for (size_t i = 0; i < 2; i++) {
        char err[200] = "";
        cols[1].numbers = bad[i];
        assert_true(isfinite(chart_height(f->cv, &f->style, &c, 400)));
        assert_int_equal(chart_draw(f->cv, &f->style, &c, 40, 800, 400, 300, err, sizeof err), -1);
        assert_non_null(strstr(err, "out of the range"));
        print_message("refused: %s\n", err);
    }
    cols[1].numbers = big;      /* the largest that stack without overflow */
    draw_all_types(f, c, 400);
}

/* A title of one endless word: wrapped with work linear in its length
 * (the bytes measured double when the title doubles, not quadruple). */
static void test_wrap_linear(void **state)
{
    fixture *f = *state;
    enum { LEN = 100000 };
    char *title = malloc(2 * LEN + 1);
    static const double v[] = {1, 2, 3};
    quire_column cols[] = {
        {"x", "x", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, three},
        {"y", "y", QUIRE_NUMBER, NULL, 1, NULL, NULL, v, dec, NULL},
    };
    quire_table t = {"t", "t", NULL, {NULL, 0}, cols, 2, 3};
    static const size_t y[] = {1};

    assert_non_null(title);
    for (size_t i = 0; i < 2 * LEN; i++) title[i] = (char)('a' + i % 26);
    quire_chart c = {QUIRE_CHART_BAR, &t, 0, y, 1, title, 0, 0, 0, 0};
    size_t bytes[2];
    for (int k = 0; k < 2; k++) {
        title[(k + 1) * LEN] = '\0';
        f->rc.measured = 0;
        assert_true(chart_height(f->cv, &f->style, &c, 400) > 0);
        bytes[k] = f->rc.measured;
    }
    print_message("bytes measured for a %d- and a %d-character title: %zu, %zu\n", LEN,
                  2 * LEN, bytes[0], bytes[1]);
    assert_true(bytes[0] > LEN);
    assert_true(bytes[1] < bytes[0] * 3);
    free(title);
}

/* Scatter, combined, secondary axis, references, highlight, options. */
static void test_new_options(void **state)
{
    fixture *f = *state;
    static const double a[] = {5, -2, 9}, b[] = {0.5, 0.7, NAN}, dates[] = {20100, 20089, NAN};
    static const char *const date_texts[] = {"2025-01-12", "2025-01-01", NULL};
    quire_column cols[] = {
        {"x", "x", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, three},
        {"a", "a", QUIRE_NUMBER, NULL, 1, NULL, NULL, a, dec, NULL},
        {"b", "b", QUIRE_PERCENT, NULL, 1, NULL, NULL, b, dec, NULL},
        {"d", "d", QUIRE_DATE, NULL, 1, NULL, NULL, dates, dec, date_texts},
    };
    quire_table t = {"t", "t", NULL, {NULL, 0}, cols, 4, 3};
    static const size_t y[] = {1, 2};
    static const quire_series ser[] = {{1, 0, 0}, {2, 1, 1}};
    static const quire_reference refs[] = {{3, "three", 0}, {0.6, NULL, 1}, {-1e6, "far", 0}};
    static const char *const hl[] = {"나", "없음"};
    quire_chart c = {QUIRE_CHART_BAR, &t, 0, y, 2, NULL, 0, 0, 0, 1};
    c.series = ser, c.n_series = 2, c.references = refs, c.n_references = 3;
    c.highlight = (quire_strings){hl, 2};
    c.y_min = NAN, c.y_max = NAN;
    draw_all_types(f, c, 400);
    c.y_min = -1, c.y_max = 4, c.y_format = "0.0\"x\"", c.legend = QUIRE_LEGEND_RIGHT;
    c.height_pt = 150, c.sort = QUIRE_SORT_DESC, c.percent_labels = 1;
    draw_all_types(f, c, 400);
    c.x = 3;                     /* a date x, with a missing date */
    draw_all_types(f, c, 300);
    for (int lg = QUIRE_LEGEND_AUTO; lg <= QUIRE_LEGEND_NONE; lg++) {
        char err[200] = "";
        c.type = QUIRE_CHART_SCATTER, c.x = lg % 2 ? 1 : 3, c.has_label = 1, c.label = 0;
        c.legend = (quire_legend)lg, c.y = y + 1, c.n_y = 1, c.series = NULL, c.n_series = 0;
        double h = chart_height(f->cv, &f->style, &c, 300);
        assert_true(isfinite(h) && h > 0);
        assert_int_equal(chart_draw(f->cv, &f->style, &c, 40, 800, 300, h, err, sizeof err), 0);
        settle(f);
        c.x = 0;                 /* text x: refused */
        assert_int_equal(chart_draw(f->cv, &f->style, &c, 40, 800, 300, h, err, sizeof err), -1);
    }
    assert_int_equal(f->errors, 0);
}

static void test_refused(void **state)
{
    fixture *f = *state;
    static const double v[] = {1, 2, 3};
    quire_column cols[] = {
        {"x", "x", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, three},
        {"y", "y", QUIRE_NUMBER, NULL, 1, NULL, NULL, v, dec, NULL},
    };
    quire_table t = {"t", "t", NULL, {NULL, 0}, cols, 2, 3};
    static const size_t text_y[] = {0}, far_y[] = {9}, ok_y[] = {1};
    quire_chart bad[] = {
        {QUIRE_CHART_BAR, &t, 0, text_y, 1, NULL, 0, 0, 0, 0},   /* text as values */
        {QUIRE_CHART_BAR, &t, 0, far_y, 1, NULL, 0, 0, 0, 0},    /* no such column */
        {QUIRE_CHART_BAR, &t, 5, ok_y, 1, NULL, 0, 0, 0, 0},     /* no such category */
        {QUIRE_CHART_BAR, &t, 0, ok_y, 0, NULL, 0, 0, 0, 0},     /* no series */
        {QUIRE_CHART_BAR, NULL, 0, ok_y, 1, NULL, 0, 0, 0, 0},   /* no table */
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        char err[200] = "";
        assert_true(chart_height(f->cv, &f->style, &bad[i], 400) > 0);
        assert_int_equal(chart_draw(f->cv, &f->style, &bad[i], 40, 800, 400, 300, err, sizeof err), -1);
        assert_true(strlen(err) > 0);
        print_message("refused: %s\n", err);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_empty_and_missing, setup, teardown),
        cmocka_unit_test_setup_teardown(test_one_row_and_zero_span, setup, teardown),
        cmocka_unit_test_setup_teardown(test_many_rows_long_labels, setup, teardown),
        cmocka_unit_test_setup_teardown(test_extreme_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_dataset_palette_or_size, setup, teardown),
        cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(test_out_of_range, setup, teardown),
        cmocka_unit_test_setup_teardown(test_wrap_linear, setup, teardown),
        cmocka_unit_test_setup_teardown(test_new_options, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
