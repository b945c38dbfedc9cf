/* chart_internal.h — what the chart_*.c files share: the drawing context,
 * text measuring and placing, the data accessors, axes and legends.
 * Not used outside the chart code. */
#ifndef QUIRE_COMMON_CHART_INTERNAL_H
#define QUIRE_COMMON_CHART_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "chart.h"
#include "ticks.h"
#include "words.h"

#define CHART_MAX_PLACED 1024   /* value labels checked against each other */
#define CHART_MAX_LINES 16      /* of a title, note or source line */
#define CHART_MAX_REFS 32       /* reference lines drawn */

/* Colours of the chart's ink other than the palette. */
enum {
    CHART_INK = 0x1a1a1a,       /* titles, labels */
    CHART_INK_SOFT = 0x595959,  /* tick labels, unit, notes */
    CHART_GRID = 0xdcdcdc,
    CHART_ZERO = 0x808080,
    CHART_WHITE = 0xffffff,
    CHART_REFERENCE = 0x7f7f7f,  /* reference lines */
    CHART_REFERENCE_INK = 0x404040
};

typedef struct chart_rect {
    double x, y, w, h;          /* y is the bottom edge */
} chart_rect;

/* The x axis of a time chart: dates placed by time, ticks on month,
 * quarter or year boundaries. */
typedef struct chart_time {
    double lo, hi;              /* days since 1970 at the plot's edges */
    int months;                 /* months between ticks: 1, 3, 6, 12, 24, ... */
    int n;                      /* ticks */
    double at[64];              /* their days */
} chart_time;

typedef struct chart_ctx {
    const canvas *cv;           /* measures, and draws when drawing */
    int drawing;                /* 0: only measuring (chart_height, a legend's size) */
    const chart_style *style;
    const quire_chart *chart;
    const quire_table *table;
    double fs;                  /* label size */
    double fs_title;
    double fs_small;            /* source line and notes */
    double lh;                  /* label line height */
    words_lang lang;            /* the words' language (words.h) */
    char **cats;                /* category labels, one per drawn row, in order */
    size_t *order;              /* drawn row i is table row order[i] (sort, dates) */
    const quire_column *xcol;   /* the x column */
    int time;                   /* x is a date placed by time (line, area, scatter) */
    int has_right;              /* some series is on the secondary axis */
    int n_bars;                 /* series drawn as bars (bar charts) */
    int horizontal;             /* bars sideways: never with lines or a second axis */
    double y_min, y_max;        /* the template's ends, NaN when not given */
    double x_lo, x_hi;          /* scatter and time: the data's x range */
    size_t n_rows;
    const uint32_t *legend_rgb; /* swatch colours by index, instead of the palette's */
    chart_rect ref_at[CHART_MAX_REFS];  /* where reference labels go */
    int ref_ok[CHART_MAX_REFS];
    chart_rect ref_line[CHART_MAX_REFS];  /* each reference line, 1 pt thick */
    size_t n_ref_lines;
    chart_rect placed[CHART_MAX_PLACED];
    size_t n_placed;
} chart_ctx;

/* A line of wrapped text: a slice of the source string. */
typedef struct chart_line {
    size_t off, len;
} chart_line;

/* chart_data.c */
int chart_ctx_init(chart_ctx *ctx, const canvas *cv, int drawing, const chart_style *style,
                   const quire_chart *chart, char *err, size_t err_size);
void chart_ctx_free(chart_ctx *ctx);
const quire_column *chart_series(const chart_ctx *ctx, size_t s);
int chart_series_line(const chart_ctx *ctx, size_t s);   /* drawn as a line */
int chart_series_right(const chart_ctx *ctx, size_t s);  /* on the secondary axis */
double chart_x(const chart_ctx *ctx, size_t row);        /* x value (scatter, time) */
int chart_highlighted(const chart_ctx *ctx, size_t row);
int chart_has_highlight(const chart_ctx *ctx);
uint32_t chart_muted(uint32_t rgb);
double chart_value(const chart_ctx *ctx, size_t s, size_t row);
size_t chart_value_label(const chart_ctx *ctx, size_t s, size_t row, char *buf, size_t size);
const char *chart_unit(const chart_ctx *ctx);
const char *chart_series_unit(const chart_ctx *ctx, size_t s);
uint32_t chart_color(const chart_ctx *ctx, size_t i);
int chart_range(const chart_ctx *ctx, double *lo, double *hi);
/* The range of one value axis (0 left, 1 right): its series, stacked when
 * drawn stacked, and its reference lines. */
int chart_axis_range(const chart_ctx *ctx, int right, double *lo, double *hi);
const char *chart_axis_unit(const chart_ctx *ctx, int right);
/* The label of a value in the axis' format (y_format on the left). */
size_t chart_tick_label(const chart_ctx *ctx, int right, const ticks *t, int i, char *buf,
                        size_t size);

/* chart_text.c */
double chart_text_width(const chart_ctx *ctx, canvas_face face, double size, const char *s,
                        size_t len);
void chart_text(const chart_ctx *ctx, canvas_face face, double size, uint32_t rgb,
                double x, double y, const char *s, size_t len, int align);
void chart_text_rotated(const chart_ctx *ctx, canvas_face face, double size, uint32_t rgb,
                        double x, double y, double degrees, const char *s, size_t len);
size_t chart_text_wrap(const chart_ctx *ctx, canvas_face face, double size, const char *s, double width,
                       chart_line *lines, size_t max_lines, int *broke_word);
size_t chart_text_shorten(const chart_ctx *ctx, canvas_face face, double size, const char *s, double width,
                          char *buf, size_t buf_size);
size_t chart_paragraph_lines(const chart_ctx *ctx, canvas_face face, double size,
                             const char *s, double width);
double chart_paragraph(const chart_ctx *ctx, canvas_face face, double size, uint32_t rgb,
                       const char *s, double x, double top, double width);
/* Drawing: nothing happens while only measuring. */
void chart_fill_rect(const chart_ctx *ctx, uint32_t rgb, double x, double y, double w, double h);
void chart_circle(const chart_ctx *ctx, double cx, double cy, double r, canvas_paint paint);
void chart_path(const chart_ctx *ctx, const canvas_path *path, canvas_paint paint);
void chart_group_begin(const chart_ctx *ctx, canvas_group kind, size_t index, const char *label);
void chart_group_end(const chart_ctx *ctx);
void chart_hline(const chart_ctx *ctx, double x0, double x1, double y, double lw, uint32_t rgb);
void chart_vline(const chart_ctx *ctx, double x, double y0, double y1, double lw, uint32_t rgb);
int chart_place(chart_ctx *ctx, chart_rect r, const chart_rect *within);
/* The template's axis titles (x_title, y_title), or NULL: an empty one,
 * or one a host too old to pass them, counts as none. */
const char *chart_x_title(const chart_ctx *ctx);
const char *chart_y_title(const chart_ctx *ctx);
/* As chart_place, own: within is the label's own bar (an obstacle it may lie on). */
int chart_place_in(chart_ctx *ctx, chart_rect r, const chart_rect *within, int own);
/* 1 when r crosses a reference line (a value label there would be struck
 * through: it goes elsewhere, or on a white ground). */
int chart_crosses_reference(const chart_ctx *ctx, chart_rect r);
uint32_t chart_ink_on(uint32_t rgb);
void chart_clip_begin(const chart_ctx *ctx, chart_rect r);
void chart_clip_end(const chart_ctx *ctx);

/* chart_axis.c: the value axis and the category labels */
typedef struct chart_axis {
    ticks t;
    double label_w;             /* widest tick label */
    int right;                  /* the secondary axis */
    int fixed;                  /* ends set by y_min/y_max */
} chart_axis;

void chart_axis_vertical(const chart_ctx *ctx, double lo, double hi, double length,
                         chart_axis *ax);
void chart_axis_draw_right(const chart_ctx *ctx, const chart_axis *ax, chart_rect plot);
/* Reference lines of one axis across plot, with their labels. */
void chart_references(chart_ctx *ctx, const chart_axis *ax, int right, chart_rect plot,
                      int vertical, int phase);
void chart_time_layout(const chart_ctx *ctx, double plot_w, chart_time *tm);
void chart_time_draw(const chart_ctx *ctx, const chart_time *tm, chart_rect plot);
void chart_axis_horizontal(const chart_ctx *ctx, double lo, double hi, double length,
                           chart_axis *ax);
void chart_axis_draw_vertical(const chart_ctx *ctx, const chart_axis *ax, chart_rect plot);
void chart_axis_draw_horizontal(const chart_ctx *ctx, const chart_axis *ax, chart_rect plot);
double chart_axis_pos(const chart_axis *ax, double v, double from, double length);

typedef struct chart_cats {
    int mode;                   /* CHART_CATS_* */
    size_t every;               /* draw every n-th label */
    double height;              /* of the label band under the plot */
    double max_w;               /* rotated labels: longest allowed */
} chart_cats;

enum { CHART_CATS_STRAIGHT, CHART_CATS_WRAP, CHART_CATS_ROTATE };

void chart_cats_layout(const chart_ctx *ctx, double plot_w, chart_cats *cl);
void chart_cats_draw(const chart_ctx *ctx, const chart_cats *cl, chart_rect plot, double x0);

/* A plot with values up the y axis and categories along x (columns,
 * lines): its axis, its category labels and where it lies. */
typedef struct chart_vplot {
    chart_axis ax;
    chart_axis ax2;             /* the secondary axis, when the chart has one */
    chart_time tm;              /* time charts: the x axis */
    chart_cats cats;
    chart_rect plot;
    double height;              /* natural: plot and category labels */
} chart_vplot;

void chart_vplot_layout(const chart_ctx *ctx, double lo, double hi, int labels, double w,
                        const chart_rect *box, chart_vplot *vp);
void chart_vplot_draw_frame(const chart_ctx *ctx, const chart_vplot *vp, double x0);
/* x position of drawn row i: its band's centre, or its time. */
double chart_row_x(const chart_ctx *ctx, const chart_vplot *vp, size_t i);

/* chart_legend.c */
/* lines[i] (or NULL): entry i gets a line swatch, not a square. */
double chart_legend(const chart_ctx *ctx, const char *const *names, const int *lines, size_t n,
                    size_t first_color, double x, double top, double width);

/* chart_bar.c, chart_line.c, chart_pie.c: the plot and its axes, in a
 * body of width w; *_height gives the natural height, *_draw fills box. */
double chart_bar_height(const chart_ctx *ctx, double w);
void chart_bar_draw(chart_ctx *ctx, chart_rect box);
double chart_line_height(const chart_ctx *ctx, double w);
void chart_line_draw(chart_ctx *ctx, chart_rect box);
/* chart_line.c: one line or area series against an axis */
void chart_line_one(chart_ctx *ctx, const chart_vplot *vp, size_t s, int markers);
void chart_line_value_labels(chart_ctx *ctx, const chart_vplot *vp, size_t s);
double chart_scatter_height(const chart_ctx *ctx, double w);
void chart_scatter_draw(chart_ctx *ctx, chart_rect box);
double chart_pie_height(const chart_ctx *ctx, double w);
void chart_pie_draw(chart_ctx *ctx, chart_rect box);
size_t chart_pie_note(const chart_ctx *ctx, char *buf, size_t size);

#endif
