/* chart_alt.c — text alternatives of charts, from their data. */
#include "chart_alt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Category names longer than this are cut: the text is read aloud. A
 * title is the author's sentence, often with its caveat at the end
 * ("…(원화 환산; 항목마다 기간이 다름)"): it is cut only past
 * MAX_TITLE_BYTES (issue 19). */
#define MAX_LABEL_BYTES 80
#define MAX_TITLE_BYTES 1000

typedef struct words {
    const char *bar, *stacked_bar, *horizontal_bar, *combined, *line, *area, *stacked_area,
        *pie, *donut, *scatter;
    const char *no_data, *points, *lowest, *highest, *unit_open, *unit_close;
    const char *list_sep;   /* between series */
} words;

static const words ko = {
    "막대 차트", "누적 막대 차트", "가로 막대 차트", "막대·꺾은선 혼합 차트", "꺾은선 차트",
    "영역 차트", "누적 영역 차트", "원형 차트", "도넛 차트", "분산형 차트",
    "자료 없음", "개 항목", "최저", "최고", "(", ")", "; "};
static const words en = {
    "Bar chart", "Stacked bar chart", "Horizontal bar chart", "Combined bar and line chart",
    "Line chart", "Area chart", "Stacked area chart", "Pie chart", "Donut chart",
    "Scatter chart", "no data", " points", "lowest", "highest", " (", ")", "; "};

static int has_line_series(const quire_chart *c)
{
    for (size_t i = 0; c->series && i < c->n_series; i++)
        if (quire_series_at(c, i)->as_line)
            return 1;
    return 0;
}

static const char *type_words(const quire_chart *c, const words *w)
{
    switch (c->type) {
    case QUIRE_CHART_BAR:
        return has_line_series(c) ? w->combined
               : c->stacked       ? w->stacked_bar
               : c->horizontal    ? w->horizontal_bar
                                  : w->bar;
    case QUIRE_CHART_LINE: return w->line;
    case QUIRE_CHART_AREA: return c->stacked ? w->stacked_area : w->area;
    case QUIRE_CHART_PIE: return c->donut ? w->donut : w->pie;
    case QUIRE_CHART_SCATTER: return w->scatter;
    }
    return w->bar;
}

/* s cut on a UTF-8 boundary at max bytes. */
static void put_cut(FILE *f, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        fputs(s, f);
        return;
    }
    n = max;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    fprintf(f, "%.*s…", (int)n, s);
}

static void put_label(FILE *f, const char *s)
{
    put_cut(f, s, MAX_LABEL_BYTES);
}

/* 1 when text already names unit, spaces aside: "점유율 (%)" names "%",
 * "투자 (억 달러)" names "억달러"; the unit is then not added again. */
static int names_unit(const char *text, const char *unit)
{
    char t[MAX_TITLE_BYTES + 1], u[128];
    size_t nt = 0, nu = 0;
    for (const char *p = text; *p && nt < MAX_TITLE_BYTES; p++)
        if (*p != ' ')
            t[nt++] = *p;
    for (const char *p = unit; *p && nu < sizeof u - 1; p++)
        if (*p != ' ')
            u[nu++] = *p;
    t[nt] = u[nu] = '\0';
    return nu && strstr(t, u) != NULL;
}

/* The value of row r as written: its own decimals. */
static void put_value(FILE *f, const quire_column *col, size_t r, const words *w)
{
    if (quire_cell_is_null(col, r)) {
        fputs(w->no_data, f);
        return;
    }
    if (col->type == QUIRE_DATE && col->texts) {
        fputs(col->texts[r], f);
        return;
    }
    int dec = col->decimals ? col->decimals[r] : 0;
    if (dec > 15)
        dec = 15;
    fprintf(f, "%.*f", dec, col->numbers[r]);
}

static void put_category(FILE *f, const quire_column *x, size_t r, const words *w)
{
    if (x->texts && x->texts[r])
        put_label(f, x->texts[r]);
    else
        put_value(f, x, r, w);
}

/* "40 points (2001–2040), lowest 2003 11, highest 2031 97": the extent
 * and extremes of a long series. */
static void put_summary(FILE *f, const quire_column *x, const quire_column *y, size_t n,
                        const words *w)
{
    size_t lo = n, hi = n, count = 0;
    for (size_t r = 0; r < n; r++) {
        if (quire_cell_is_null(y, r))
            continue;
        count++;
        if (lo == n || y->numbers[r] < y->numbers[lo])
            lo = r;
        if (hi == n || y->numbers[r] > y->numbers[hi])
            hi = r;
    }
    fprintf(f, "%zu%s", n, w->points);
    if (n) {
        fputs(w->unit_open, f);
        put_category(f, x, 0, w);
        fputs("–", f);
        put_category(f, x, n - 1, w);
        fputs(w->unit_close, f);
    }
    if (count == 0) {
        fprintf(f, ", %s", w->no_data);
        return;
    }
    fprintf(f, ", %s ", w->lowest);
    put_category(f, x, lo, w);
    fputc(' ', f);
    put_value(f, y, lo, w);
    fprintf(f, ", %s ", w->highest);
    put_category(f, x, hi, w);
    fputc(' ', f);
    put_value(f, y, hi, w);
}

static void put_series(FILE *f, const quire_chart *c, const quire_column *y, const words *w)
{
    const quire_table *t = c->table;
    const quire_column *x = quire_column_at(t, c->x);
    if (t->n_rows > CHART_ALT_MAX_POINTS) {
        put_summary(f, x, y, t->n_rows, w);
        return;
    }
    for (size_t r = 0; r < t->n_rows; r++) {
        if (r)
            fputs(", ", f);
        if (c->type == QUIRE_CHART_SCATTER) {
            if (c->has_label)
                put_category(f, quire_column_at(t, c->label), r, w), fputc(' ', f);
            fputc('(', f);
            put_value(f, x, r, w);
            fputs(", ", f);
            put_value(f, y, r, w);
            fputc(')', f);
            continue;
        }
        put_category(f, x, r, w);
        fputc(' ', f);
        put_value(f, y, r, w);
    }
}

char *chart_alt_text(const quire_chart *c, const char *language)
{
    const words *w = quire_language_korean(language) ? &ko : &en;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    const quire_table *t = c->table;
    const quire_column *first = c->n_y ? quire_column_at(t, c->y[0]) : NULL;
    const char *title = c->title ? c->title : t->title;
    fprintf(f, "%s, ", type_words(c, w));
    put_cut(f, title, MAX_TITLE_BYTES);
    if (first && first->unit_label && *first->unit_label && !names_unit(title, first->unit_label))
        fprintf(f, "%s%s%s", w->unit_open, first->unit_label, w->unit_close);
    fputs(": ", f);
    for (size_t i = 0; i < c->n_y; i++) {
        const quire_column *y = quire_column_at(t, c->y[i]);
        if (i)
            fputs(w->list_sep, f);
        if (c->n_y > 1) {
            put_label(f, y->label ? y->label : y->id);
            if (y->unit_label && first && first->unit_label &&
                strcmp(y->unit_label, first->unit_label) != 0)
                fprintf(f, "%s%s%s", w->unit_open, y->unit_label, w->unit_close);
            fputs(" — ", f);
        }
        put_series(f, c, y, w);
    }
    if (fclose(f) != 0) {
        free(out);
        return NULL;
    }
    return out;
}
