/* test_chart_canvas.c — the chart layout (plugins/common/chart.h) drawn on
 * a recording canvas: what it draws follows from the data, whatever the
 * canvas. A bar chart has one bar per value in its series' group, inside
 * the chart's box, value labels inside the plot, tick labels that climb
 * with their values, a legend naming the series; a pie chart one slice per
 * value and a legend naming each. Groups nest with the figure outermost,
 * labelled with the chart's text alternative. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "chart.h"
#include "record_canvas.h"

static const char *const regions[] = {"서울", "부산", "대구", "광주", "대전"};
static const unsigned char dec[5] = {0, 0, 0, 0, 0};
static const double sales[] = {12, 40, -5, 27, 33};
static const double costs[] = {8, NAN, 6, 20, 15};

#define BOX_X 40.0
#define BOX_TOP 700.0
#define BOX_W 420.0

typedef struct item_place {
    int group;        /* innermost group's kind, -1: none */
    size_t index;     /* its index */
} item_place;

/* The innermost group of every recorded item. */
static item_place *places_of(const record_canvas *rc)
{
    item_place *pl = calloc(rc->n + 1, sizeof *pl);
    int kinds[64];
    size_t idx[64], depth = 0;

    assert_non_null(pl);
    for (size_t i = 0; i < rc->n; i++) {
        const rec_item *it = &rc->items[i];
        if (it->kind == REC_GROUP) {
            assert_true(depth < 64);
            kinds[depth] = (int)it->group, idx[depth] = it->index, depth++;
        } else if (it->kind == REC_UNGROUP) {
            assert_true(depth > 0);
            depth--;
        }
        pl[i].group = depth ? kinds[depth - 1] : -1;
        pl[i].index = depth ? idx[depth - 1] : 0;
    }
    assert_int_equal(depth, 0);
    return pl;
}

static size_t count_in(const record_canvas *rc, const item_place *pl, int kind, int group,
                       size_t index)
{
    size_t n = 0;
    for (size_t i = 0; i < rc->n; i++)
        if (rc->items[i].kind == kind && pl[i].group == group && pl[i].index == index)
            n++;
    return n;
}

static void draw(record_canvas *rc, const quire_chart *c, double *height)
{
    static const uint32_t palette[] = {0x1f4e79, 0xe07b39, 0x5b9a68, 0xc0504d};
    chart_style style = {palette, 4, NULL, 10, 0};
    char err[200] = "";

    *height = chart_height(&rc->cv, &style, c, BOX_W);
    assert_true(*height > 50 && *height < 1000);
    assert_int_equal(rc->n, 0);               /* measuring draws nothing */
    assert_true(rc->widths > 0);              /* but measures */
    assert_int_equal(chart_draw(&rc->cv, &style, c, BOX_X, BOX_TOP, BOX_W, *height, err,
                                sizeof err), 0);
    assert_false(rc->bad);
    assert_int_equal(rc->depth, 0);
    assert_int_equal(rc->clips, 0);
    /* one figure around everything, labelled with the alternative */
    assert_int_equal(rc->items[0].kind, REC_GROUP);
    assert_int_equal(rc->items[0].group, CANVAS_GROUP_FIGURE);
    assert_string_equal(rc->items[0].text, c->alt);
    assert_int_equal(rc->items[rc->n - 1].kind, REC_UNGROUP);
    assert_int_equal(record_count(rc, REC_GROUP, CANVAS_GROUP_FIGURE), 1);
}

/* Everything drawn lies in the chart's box. */
static void assert_inside_box(const record_canvas *rc, double height)
{
    for (size_t i = 0; i < rc->n; i++) {
        const rec_item *it = &rc->items[i];
        if (it->kind != REC_TEXT && it->kind != REC_RECT && it->kind != REC_PATH)
            continue;
        double x0 = it->x, x1 = it->x + it->w, y0 = it->y, y1 = it->y + it->h;
        if (it->kind == REC_TEXT && it->angle == 0)
            y0 = it->y - it->h * 0.3, y1 = it->y + it->h * 0.8;
        if (it->kind == REC_TEXT && it->angle != 0)
            continue; /* turned labels: their start is checked with the others */
        if (!(x0 >= BOX_X - 0.5 && x1 <= BOX_X + BOX_W + 0.5 && y0 >= BOX_TOP - height - 0.5 &&
              y1 <= BOX_TOP + 0.5))
            fail_msg("item %zu (kind %d, '%s') at %.1f,%.1f %.1fx%.1f is outside the box", i,
                     it->kind, it->text, it->x, it->y, it->w, it->h);
    }
}

static void test_bar_chart(void **state)
{
    (void)state;
    quire_column cols[] = {
        {"region", "지역", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, regions},
        {"sales", "매출", QUIRE_NUMBER, NULL, 1, NULL, NULL, sales, dec, NULL},
        {"costs", "비용", QUIRE_NUMBER, NULL, 1, NULL, NULL, costs, dec, NULL},
    };
    quire_table t = {"t", "지역별 매출과 비용", NULL, {NULL, 0}, cols, 3, 5};
    static const size_t y[] = {1, 2};
    quire_chart c = {QUIRE_CHART_BAR, &t, 0, y, 2, "매출과 비용", 0, 0, 0, 1};
    c.alt = "지역별 매출과 비용 막대 차트";
    c.y_min = NAN, c.y_max = NAN;
    record_canvas rc;
    double h;

    record_canvas_init(&rc);
    draw(&rc, &c, &h);
    item_place *pl = places_of(&rc);

    /* one bar per value: five sales, four costs (one is missing) */
    assert_int_equal(count_in(&rc, pl, REC_RECT, CANVAS_GROUP_SERIES, 0), 5);
    assert_int_equal(count_in(&rc, pl, REC_RECT, CANVAS_GROUP_SERIES, 1), 4);
    assert_int_equal(record_count(&rc, REC_GROUP, CANVAS_GROUP_SERIES), 2);
    /* the negative value's bar hangs below the others' base */
    double base = INFINITY, low = INFINITY;
    for (size_t i = 0; i < rc.n; i++)
        if (rc.items[i].kind == REC_RECT && pl[i].group == CANVAS_GROUP_SERIES) {
            low = fmin(low, rc.items[i].y);
            if (pl[i].index == 0 && rc.items[i].h > 0 && rc.items[i].paint.fill == 0x1f4e79)
                base = fmin(base, rc.items[i].y + rc.items[i].h);
        }
    assert_true(low < base);
    /* the bars in their palette colours */
    for (size_t i = 0; i < rc.n; i++)
        if (rc.items[i].kind == REC_RECT && pl[i].group == CANVAS_GROUP_SERIES)
            assert_true(rc.items[i].paint.fill == (pl[i].index ? 0xe07b39u : 0x1f4e79u));

    /* value labels: as many as values, each a number drawn in the plot */
    size_t labels = 0;
    for (size_t i = 0; i < rc.n; i++)
        if (rc.items[i].kind == REC_TEXT && pl[i].group == CANVAS_GROUP_LABELS) {
            char *end;
            strtod(rc.items[i].text, &end);
            assert_true(*end == '\0');
            labels++;
        }
    assert_true(labels >= 7 && labels <= 9);

    /* every category once, and tick labels climbing with their values */
    for (size_t k = 0; k < 5; k++) assert_true(record_find_text(&rc, regions[k]) != (size_t)-1);
    double last_v = -INFINITY, last_y = -INFINITY;
    size_t ticks = 0;
    for (size_t i = 0; i < rc.n; i++) {
        const rec_item *it = &rc.items[i];
        char *end;
        if (it->kind != REC_TEXT || pl[i].group != CANVAS_GROUP_AXIS) continue;
        double v = strtod(it->text, &end);
        if (*end || end == it->text) continue;
        assert_true(v > last_v && it->y > last_y);
        last_v = v, last_y = it->y, ticks++;
    }
    assert_true(ticks >= 3);
    assert_true(last_v >= 40);

    /* a legend naming both series, and the title */
    assert_int_equal(record_count(&rc, REC_GROUP, CANVAS_GROUP_LEGEND), 1);
    assert_true(record_find_text(&rc, "매출") != (size_t)-1);
    assert_true(record_find_text(&rc, "비용") != (size_t)-1);
    assert_true(record_find_text(&rc, "매출과 비용") != (size_t)-1);
    assert_inside_box(&rc, h);
    free(pl);
    record_canvas_free(&rc);
}

static void test_pie_chart(void **state)
{
    (void)state;
    static const double share[] = {45, 25, 20, 10, 0};
    quire_column cols[] = {
        {"region", "지역", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, regions},
        {"share", "비중", QUIRE_PERCENT, NULL, 1, NULL, NULL, share, dec, NULL},
    };
    quire_table t = {"t", "지역별 비중", NULL, {NULL, 0}, cols, 2, 4};
    static const size_t y[] = {1};
    quire_chart c = {QUIRE_CHART_PIE, &t, 0, y, 1, "비중", 0, 0, 0, 1};
    c.alt = "지역별 비중 원형 차트";
    c.y_min = NAN, c.y_max = NAN;
    record_canvas rc;
    double h;

    record_canvas_init(&rc);
    draw(&rc, &c, &h);
    item_place *pl = places_of(&rc);

    /* four slices, each a closed path of its own colour */
    assert_int_equal(count_in(&rc, pl, REC_PATH, CANVAS_GROUP_SERIES, 0), 4);
    uint32_t seen[4];
    size_t n = 0;
    for (size_t i = 0; i < rc.n; i++)
        if (rc.items[i].kind == REC_PATH && pl[i].group == CANVAS_GROUP_SERIES) {
            for (size_t k = 0; k < n; k++) assert_true(seen[k] != rc.items[i].paint.fill);
            seen[n++] = rc.items[i].paint.fill;
            assert_true(rc.items[i].segments >= 4); /* centre, edge, arc, back */
        }
    /* the slices are as wide as their shares: the largest spans the most */
    double widest = 0;
    size_t widest_at = 0;
    for (size_t i = 0, k = 0; i < rc.n; i++)
        if (rc.items[i].kind == REC_PATH && pl[i].group == CANVAS_GROUP_SERIES) {
            double area = rc.items[i].w * rc.items[i].h;
            if (area > widest) widest = area, widest_at = k;
            k++;
        }
    assert_int_equal(widest_at, 0);
    /* a legend naming each region shown */
    for (size_t k = 0; k < 4; k++) {
        size_t at = record_find_text(&rc, regions[k]);
        assert_true(at != (size_t)-1);
        assert_int_equal(pl[at].group, CANVAS_GROUP_LEGEND);
    }
    assert_inside_box(&rc, h);
    free(pl);
    record_canvas_free(&rc);

    /* the same pie with five rows, the last zero: still four slices */
    t.n_rows = 5;
    record_canvas_init(&rc);
    draw(&rc, &c, &h);
    pl = places_of(&rc);
    assert_int_equal(count_in(&rc, pl, REC_PATH, CANVAS_GROUP_SERIES, 0), 4);
    free(pl);
    record_canvas_free(&rc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_bar_chart),
        cmocka_unit_test(test_pie_chart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
