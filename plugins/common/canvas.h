/* canvas.h — what the chart layout draws on.
 *
 * The chart layout (chart.h) knows scales, ticks, labels, legends and
 * where everything goes; it knows nothing of PDF or SVG. It measures and
 * draws only through a canvas: a table of functions and the data they
 * get. The PDF plugin's canvas (plugins/pdf/canvas_pdf.c) draws through
 * its page layer; another exporter implements the same table (an SVG
 * canvas writes elements), and a test records the calls.
 *
 * The contract, for whoever implements a canvas:
 *
 * Units and axes. Every length is in points (1/72 inch). x grows to the
 * right, y grows UPWARDS, as in PDF: a rectangle's (x, y) is its
 * bottom-left corner, a text's y is its baseline. The layout places the
 * chart in the box the caller gave chart_draw() (top-left corner at
 * (x, top)). A canvas whose y grows downwards (SVG) asks for the box at
 * x = 0, top = H (the drawing's height) and maps every y to H - y and
 * every angle to its negative.
 *
 * Colours are 0xRRGGBB; CANVAS_NONE means "not filled" or "not stroked".
 *
 * Faces. Text has a role, CANVAS_REGULAR or CANVAS_BOLD: the canvas
 * decides which font that is (the document's body and bold faces).
 * text_width must return what text would take when drawn in that face
 * and size, because the layout wraps, shortens and avoids collisions
 * with it. The layout places lines itself: a line's baseline sits
 * 0.95 x size below the line's top and lines are 1.3 x size apart, so
 * a canvas needs no font metrics beyond advance widths.
 *
 * Calls. Every call draws at once, in order (later things over earlier
 * ones); nothing is buffered by the layout. A canvas must copy what it
 * keeps: the strings, paths and paints passed are the caller's and live
 * only for the call. Strings are UTF-8 and NOT NUL-terminated (s, len).
 *
 * Measuring. chart_height() calls only text_width. chart_draw() calls
 * everything. A canvas that cannot draw (a first pass that only checks
 * which characters the fonts have) may ignore every drawing call, but
 * must accept them.
 *
 * Groups. group_begin/group_end bracket parts of the chart and always
 * nest and balance; the outermost is CANVAS_GROUP_FIGURE around the
 * whole chart, with its text alternative as label. A canvas may ignore
 * them (each call still draws), tag with them (the PDF canvas makes the
 * figure a Figure structure element with /Alt) or group with them (SVG
 * <g>). Nothing but group_end closes a group.
 *
 * Clipping. clip_begin(rect) .. clip_end() brackets drawing that must
 * stay inside rect (a value axis cut short by the template's ends); they
 * nest inside a group and balance.
 *
 * Every function must be set (no NULLs). */
#ifndef QUIRE_COMMON_CANVAS_H
#define QUIRE_COMMON_CANVAS_H

#include <stddef.h>
#include <stdint.h>

#define CANVAS_NONE 0xffffffffu   /* a paint's fill or stroke: none */

/* Which face of the document text is drawn in. */
typedef enum canvas_face { CANVAS_REGULAR, CANVAS_BOLD } canvas_face;

/* Where a text's (x, y) is on its baseline: its start (left end), its
 * middle, or its end (right end). The layout measured the text with
 * text_width, so a canvas may compute the left end as x - width * 0 / 0.5 / 1
 * or hand the anchor to its renderer (SVG text-anchor). */
typedef enum canvas_anchor { CANVAS_START, CANVAS_MIDDLE, CANVAS_END } canvas_anchor;

/* One run of text. */
typedef struct canvas_text {
    const char *s;       /* UTF-8, len bytes, not NUL-terminated */
    size_t len;
    canvas_face face;
    double size;         /* points */
    uint32_t rgb;
    double x, y;         /* the anchor point on the baseline */
    canvas_anchor anchor;
    double angle;        /* degrees counter-clockwise around (x, y); 0: level */
} canvas_text;

/* How a shape is painted: filled, stroked, or both (fill first). */
typedef struct canvas_paint {
    uint32_t fill;       /* 0xRRGGBB or CANVAS_NONE */
    uint32_t stroke;     /* 0xRRGGBB or CANVAS_NONE */
    double width;        /* stroke width, points */
    double dash_on, dash_off; /* dash pattern in points; 0, 0: solid */
    int round;           /* 1: round joins and caps; 0: miter joins, butt caps */
    int even_odd;        /* fill rule: 1 even-odd (a ring), 0 nonzero */
} canvas_paint;

/* A path: subpaths of straight lines and cubic Bézier curves. */
typedef enum canvas_op {
    CANVAS_MOVE,         /* starts a subpath at p[0] */
    CANVAS_LINE,         /* straight to p[0] */
    CANVAS_CURVE,        /* cubic: control points p[0], p[1], end p[2] */
    CANVAS_CLOSE         /* back to the subpath's start */
} canvas_op;

typedef struct canvas_point {
    double x, y;
} canvas_point;

typedef struct canvas_seg {
    canvas_op op;
    canvas_point p[3];
} canvas_seg;

typedef struct canvas_path {
    canvas_seg *seg;
    size_t n, cap;
    int failed;          /* out of memory: the path is not drawn */
} canvas_path;

/* Parts of a chart, for group_begin. */
typedef enum canvas_group {
    CANVAS_GROUP_FIGURE,    /* the whole chart; label: its text alternative */
    CANVAS_GROUP_TITLE,
    CANVAS_GROUP_LEGEND,
    CANVAS_GROUP_AXIS,      /* axis lines, grid, ticks and their labels */
    CANVAS_GROUP_SERIES,    /* one series' marks (bars, line, points, slices);
                               label: the series' name */
    CANVAS_GROUP_LABELS,    /* value labels */
    CANVAS_GROUP_REFERENCE, /* reference lines and their labels */
    CANVAS_GROUP_NOTE       /* the unit, notes and the source line */
} canvas_group;

typedef struct canvas_ops {
    /* Width in points of s[0..len) in face at size. */
    double (*text_width)(void *data, canvas_face face, double size, const char *s, size_t len);
    void (*text)(void *data, const canvas_text *t);
    /* x, y: bottom-left corner; w, h > 0. */
    void (*rect)(void *data, double x, double y, double w, double h, const canvas_paint *p);
    void (*path)(void *data, const canvas_path *path, const canvas_paint *p);
    /* A circle (a marker, a dot) centred at (cx, cy). */
    void (*circle)(void *data, double cx, double cy, double r, const canvas_paint *p);
    void (*clip_begin)(void *data, double x, double y, double w, double h);
    void (*clip_end)(void *data);
    /* label may be NULL; index: a series' number for SERIES, else 0. */
    void (*group_begin)(void *data, canvas_group kind, size_t index, const char *label);
    void (*group_end)(void *data);
} canvas_ops;

typedef struct canvas {
    const canvas_ops *ops;
    void *data;
} canvas;

/* Paints the layout uses. */
canvas_paint canvas_fill(uint32_t rgb);
canvas_paint canvas_stroke(uint32_t rgb, double width);

/* Building a path; each call after running out of memory does nothing
 * but leaves path->failed set. canvas_path_free() releases it. */
void canvas_path_move(canvas_path *path, double x, double y);
void canvas_path_line(canvas_path *path, double x, double y);
void canvas_path_curve(canvas_path *path, double x1, double y1, double x2, double y2,
                       double x3, double y3);
void canvas_path_close(canvas_path *path);
/* A full circle as four curves, starting and ending at (cx + r, cy). */
void canvas_path_circle(canvas_path *path, double cx, double cy, double r);
void canvas_path_free(canvas_path *path);

#endif
