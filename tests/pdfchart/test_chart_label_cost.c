/* test_chart_label_cost.c — issue 21, 6: a chart over long category
 * labels and long series names costs work linear in the text. Every chart
 * type (bars upright and lying, lines, areas, pies, scatter labels, the
 * legend) is laid out and drawn on the recording canvas, whose text_width
 * counts its calls and the bytes it measured; the text is then made four
 * times longer (each label, and the number of labels), and the work may
 * grow at most five times. Labels of words, of one endless word, of
 * Korean without spaces and of single letters between spaces: the shapes
 * that once made line breaking measure a label once per line. */
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

#define MAX_ROWS 160
#define MAX_SERIES 3

enum { WORDS, ENDLESS, KOREAN, LETTERS, N_STYLES };
static const char *const style_names[] = {"words", "one endless word", "Korean, no spaces",
                                          "letters between spaces"};

/* A label of about len bytes in style, different for each i. */
static char *make_label(int style, size_t len, size_t i)
{
    static const char *const units[] = {"growth ", "x", "가", "a "};
    const char *u = units[style];
    size_t ul = strlen(u);
    char *s = malloc(len + 32);
    size_t n = (size_t)snprintf(s, 32, "%zu", i);
    while (n + ul <= len) memcpy(s + n, u, ul), n += ul;
    s[n] = '\0';
    return s;
}

typedef struct shape {
    quire_chart_type type;
    int horizontal, stacked, value_labels, scatter_labels;
    size_t n_series;
    const char *name;
} shape;

static const shape shapes[] = {
    {QUIRE_CHART_BAR, 0, 0, 0, 0, 1, "bars"},
    {QUIRE_CHART_BAR, 0, 0, 1, 0, 3, "grouped bars with a legend"},
    {QUIRE_CHART_BAR, 1, 0, 1, 0, 1, "horizontal bars"},
    {QUIRE_CHART_BAR, 1, 1, 0, 0, 3, "stacked horizontal bars"},
    {QUIRE_CHART_LINE, 0, 0, 1, 0, 2, "lines"},
    {QUIRE_CHART_AREA, 0, 1, 0, 0, 3, "stacked areas"},
    {QUIRE_CHART_PIE, 0, 0, 1, 0, 1, "pie"},
    {QUIRE_CHART_SCATTER, 0, 0, 0, 1, 1, "scatter with point names"},
};

/* Work (text_width calls plus bytes measured) of measuring and drawing
 * one chart of rows labels of len bytes in style, series named alike. */
static size_t chart_work(const shape *sh, int style, size_t rows, size_t len, double width)
{
    static double values[MAX_SERIES + 1][MAX_ROWS];
    static unsigned char dec[MAX_ROWS];
    char *labels[MAX_ROWS], *names[MAX_SERIES];
    quire_column cols[MAX_SERIES + 2];
    size_t y[MAX_SERIES];
    record_canvas rc;
    chart_style st;
    char err[200] = "";

    memset(&st, 0, sizeof st);
    memset(cols, 0, sizeof cols);
    for (size_t r = 0; r < rows; r++) {
        labels[r] = make_label(style, len, r);
        for (size_t s = 0; s <= MAX_SERIES; s++) values[s][r] = (double)((r * 37 + s * 11) % 97) + 1;
    }
    cols[0] = (quire_column){"x", "Category", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL,
                             (const char *const *)labels};
    for (size_t s = 0; s < sh->n_series; s++) {
        names[s] = make_label(style, len, 1000 + s);
        cols[s + 1] = (quire_column){"v", names[s], QUIRE_NUMBER, NULL, 1, NULL, NULL,
                                     values[s], dec, NULL};
        y[s] = s + 1;
    }
    /* scatter: x is a number column, the names come from the text column */
    cols[sh->n_series + 1] = (quire_column){"n", "n", QUIRE_NUMBER, NULL, 1, NULL, NULL,
                                            values[MAX_SERIES], dec, NULL};
    quire_table t = {"t", "t", NULL, {NULL, 0}, cols, sh->n_series + 2, rows};
    quire_chart c = {sh->type, &t, 0, y, sh->n_series, "Title", sh->stacked, sh->horizontal, 0,
                     sh->value_labels};
    c.y_min = c.y_max = NAN;
    if (sh->scatter_labels) c.x = sh->n_series + 1, c.has_label = 1, c.label = 0;

    record_canvas_init(&rc);
    double h = chart_height(&rc.cv, &st, &c, width);
    assert_true(isfinite(h) && h > 0);
    assert_int_equal(chart_draw(&rc.cv, &st, &c, 40, 800, width, h, err, sizeof err), 0);
    assert_false(rc.bad);
    size_t work = rc.widths + rc.measured;
    record_canvas_free(&rc);
    for (size_t r = 0; r < rows; r++) free(labels[r]);
    for (size_t s = 0; s < sh->n_series; s++) free(names[s]);
    return work;
}

/* Each label four times longer: at most five times the work. */
static void test_longer_labels(void **state)
{
    (void)state;
    enum { LEN = 2000 };
    for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++)
        for (int style = 0; style < N_STYLES; style++) {
            size_t a = chart_work(&shapes[k], style, 40, LEN, 400);
            size_t b = chart_work(&shapes[k], style, 40, 4 * LEN, 400);
            print_message("%-28s %-24s 40 labels of %5d B: %9zu, of %5d B: %9zu (x%.2f)\n",
                          shapes[k].name, style_names[style], LEN, a, 4 * LEN, b,
                          (double)b / (double)a);
            assert_true(a >= LEN);        /* the labels were measured at all */
            assert_true(b <= 5 * a);
        }
}

/* Four times as many labels: at most five times the work. */
static void test_more_labels(void **state)
{
    (void)state;
    enum { LEN = 1000 };
    for (size_t k = 0; k < sizeof shapes / sizeof *shapes; k++)
        for (int style = 0; style < N_STYLES; style++) {
            size_t a = chart_work(&shapes[k], style, MAX_ROWS / 4, LEN, 400);
            size_t b = chart_work(&shapes[k], style, MAX_ROWS, LEN, 400);
            print_message("%-28s %-24s %3d labels: %9zu, %3d labels: %9zu (x%.2f)\n",
                          shapes[k].name, style_names[style], MAX_ROWS / 4, a, MAX_ROWS, b,
                          (double)b / (double)a);
            assert_true(a >= LEN);
            assert_true(b <= 5 * a);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_longer_labels),
        cmocka_unit_test(test_more_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
