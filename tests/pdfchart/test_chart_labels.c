/* test_chart_labels.c — value labels are never struck through, and a
 * scatter chart's extreme point keeps its name (issue 20 §7). On a recording canvas: a bar chart whose bars end just under a
 * reference line, with a line series on the right axis crossing the bars'
 * labels, vertical and horizontal. Every value label whose box a reference
 * line or a line series' path crosses must lie on a white ground drawn
 * after the line and before the label; and every bar keeps its label. */
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

#define WHITE 0xffffffu

static const char *const names[] = {"A", "B", "C", "D", "E"};
static const unsigned char dec1[5] = {1, 0, 1, 0, 0};
static const unsigned char dec0[5] = {0, 0, 0, 0, 0};
static const double bars[] = {28.5, 29, 27.8, 12, 45};
static const double share[] = {40, 41, 39, 35, 30};

static int overlaps(double ax, double ay, double aw, double ah, double bx, double by, double bw,
                    double bh)
{
    return ax < bx + bw && bx < ax + aw && ay < by + bh && by < ay + ah;
}

/* The label's box: baseline y, size h (record_canvas.h). */
static void text_box(const rec_item *t, double *x, double *y, double *w, double *h)
{
    *x = t->x, *y = t->y - t->h * 0.25, *w = t->w, *h = t->h * 0.95;
}

/* Item i (a label) sits on a white rect recorded after item line. */
static int on_ground(const record_canvas *rc, size_t line, size_t i)
{
    double x, y, w, h;
    text_box(&rc->items[i], &x, &y, &w, &h);
    for (size_t k = line + 1; k < i; k++) {
        const rec_item *r = &rc->items[k];
        if (r->kind == REC_RECT && r->paint.fill == WHITE && r->x <= x + 0.01 &&
            r->x + r->w >= x + w - 0.01 && r->y <= y + h * 0.2 && r->y + r->h >= y + h * 0.8)
            return 1;
    }
    return 0;
}

/* Every value label outside its bar (dark ink) lies on a white ground
 * drawn after every reference line and line series before it, and one
 * that a reference line crosses does too; returns the number of value
 * labels. */
static size_t check_labels(const record_canvas *rc)
{
    size_t labels = 0, last_line = 0, depth = 0;
    int stack[64], in_labels = 0;
    for (size_t i = 0; i < rc->n; i++) {
        const rec_item *it = &rc->items[i];
        if (it->kind == REC_PATH && (it->paint.dash_on > 0 || it->paint.stroke == 0xe07b39))
            last_line = i;   /* a reference (dashed) or the line series */
        if (it->kind == REC_GROUP && depth < 64)
            stack[depth++] = it->group == CANVAS_GROUP_LABELS;
        else if (it->kind == REC_UNGROUP && depth)
            depth--;
        in_labels = depth && stack[depth - 1];
        if (it->kind != REC_TEXT || !in_labels || !it->text[0] || strchr(it->text, '%'))
            continue;
        labels++;
        double x, y, w, h;
        text_box(it, &x, &y, &w, &h);
        if (it->paint.fill != WHITE && last_line && !on_ground(rc, last_line, i))
            fail_msg("label '%s' at (%.1f, %.1f) outside its bar without a ground", it->text, x, y);
        for (size_t k = 0; k < i; k++) {
            const rec_item *p = &rc->items[k];
            /* a reference line: a flat box */
            if (p->kind == REC_PATH && p->paint.dash_on > 0 &&
                overlaps(x, y, w, h, p->x - 0.5, p->y - 0.5, p->w + 1, p->h + 1) &&
                !on_ground(rc, k, i))
                fail_msg("label '%s' at (%.1f, %.1f) struck through by a reference line at y %.1f",
                         it->text, x, y, p->y);
        }
    }
    return labels;
}

static void draw(const quire_chart *c, record_canvas *rc)
{
    static const uint32_t palette[] = {0x1f4e79, 0xe07b39, 0x5b9a68, 0xc0504d};
    chart_style style = {palette, 4, NULL, 10, 0};
    char err[200] = "";
    double height = chart_height(&rc->cv, &style, c, 420);
    assert_int_equal(chart_draw(&rc->cv, &style, c, 40, 700, 420, height, err, sizeof err), 0);
    assert_false(rc->bad);
}

static void chart_of(quire_chart *c, const quire_table *t, int horizontal, int with_line)
{
    static const size_t y2[] = {1, 2}, y1[] = {1};
    static const quire_series series[] = {{1, 0, 0}, {2, 1, 1}};
    static const quire_reference ref[] = {{30, "Target", 0}};

    memset(c, 0, sizeof *c);
    c->type = QUIRE_CHART_BAR, c->table = t, c->x = 0;
    c->y = with_line ? y2 : y1, c->n_y = with_line ? 2 : 1;
    c->title = "Bars", c->value_labels = 1, c->horizontal = horizontal;
    if (with_line)
        c->series = series, c->n_series = 2, c->series_size = sizeof *series;
    c->references = ref, c->n_references = 1, c->reference_size = sizeof *ref;
    c->y_min = NAN, c->y_max = NAN;
    c->alt = "Bars";
}

static void test_not_struck(void **state)
{
    (void)state;
    quire_column cols[] = {
        {"name", "Name", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, names},
        {"v", "Value", QUIRE_NUMBER, NULL, 1, NULL, NULL, bars, dec1, NULL},
        {"m", "Share", QUIRE_PERCENT, NULL, 1, NULL, NULL, share, dec0, NULL},
    };
    quire_table t = {"t", "T", NULL, {NULL, 0}, cols, 3, 5};
    for (int horizontal = 0; horizontal < 2; horizontal++)
        for (int with_line = 0; with_line < 2; with_line++) {
            quire_chart c;
            record_canvas rc;
            chart_of(&c, &t, horizontal, with_line);
            record_canvas_init(&rc);
            draw(&c, &rc);
            /* every bar keeps its value label */
            assert_int_equal(check_labels(&rc), 5);
            record_canvas_free(&rc);
        }
}

/* A scatter chart's extreme point (top right, a neighbour at its left and
 * one below it) still gets its name: there is room at its corners and in
 * the margin, and the extremes are named first. */
static void test_scatter_extreme_named(void **state)
{
    (void)state;
    static const char *const who[] = {"Middle one", "Middle two", "L", "B", "Extreme", "Low", "A"};
    static const double xs[] = {40, 55, 97, 100, 100, 10, 100};
    static const double ys[] = {20, 30, 50, 47, 50, 5, 53};
    static const unsigned char d0[7] = {0};
    quire_column cols[] = {
        {"who", "Who", QUIRE_TEXT, NULL, 1, NULL, NULL, NULL, NULL, who},
        {"x", "Spend", QUIRE_NUMBER, NULL, 1, NULL, NULL, xs, d0, NULL},
        {"y", "Growth", QUIRE_NUMBER, NULL, 1, NULL, NULL, ys, d0, NULL},
    };
    quire_table t = {"t", "T", NULL, {NULL, 0}, cols, 3, 7};
    static const size_t y[] = {2};
    quire_chart c;
    record_canvas rc;

    memset(&c, 0, sizeof c);
    c.type = QUIRE_CHART_SCATTER, c.table = &t, c.x = 1, c.y = y, c.n_y = 1;
    c.title = "Spend and growth", c.has_label = 1, c.label = 0;
    c.y_min = NAN, c.y_max = NAN, c.alt = "Spend and growth";
    record_canvas_init(&rc);
    draw(&c, &rc);
    for (size_t i = 0; i < sizeof who / sizeof *who; i++)
        if (record_find_text(&rc, who[i]) == (size_t)-1)
            fail_msg("point '%s' left without its name", who[i]);
    record_canvas_free(&rc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_not_struck),
        cmocka_unit_test(test_scatter_extreme_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
