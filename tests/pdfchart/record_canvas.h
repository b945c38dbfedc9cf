/* record_canvas.h — a canvas (canvas.h) that draws nothing and keeps a
 * record of every call, so that tests check the chart layout itself:
 * how many bars, where the labels are, which groups open and close.
 * Text is measured as if every character were half an em wide. */
#ifndef QUIRE_TEST_RECORD_CANVAS_H
#define QUIRE_TEST_RECORD_CANVAS_H

#include <stddef.h>

#include "canvas.h"

enum { REC_TEXT, REC_RECT, REC_PATH, REC_CIRCLE, REC_CLIP, REC_UNCLIP, REC_GROUP, REC_UNGROUP };

typedef struct rec_item {
    int kind;              /* REC_* */
    canvas_group group;    /* REC_GROUP: its kind */
    size_t index;          /* REC_GROUP: its index */
    char text[128];        /* REC_TEXT: the text; REC_GROUP: the label */
    double x, y, w, h;     /* text: its box (y the baseline, w its width, h its size);
                              rect, clip: the rectangle; circle: centre in x, y, radius in w;
                              path: the bounding box of its points on the path
                              (a curve's end, not its control points) */
    double angle;          /* text */
    canvas_paint paint;
    size_t segments;       /* path */
    size_t depth;          /* groups open around it */
} rec_item;

typedef struct record_canvas {
    canvas cv;
    rec_item *items;
    size_t n, cap;
    size_t depth;          /* groups open now */
    size_t clips;          /* clips open now */
    int bad;               /* a call with a non-finite number, an unbalanced end,
                              a NULL, an empty path or a bad anchor */
    size_t widths;         /* text_width calls */
    size_t measured;       /* bytes they measured */
} record_canvas;

void record_canvas_init(record_canvas *rc);
void record_canvas_free(record_canvas *rc);
/* Items of kind (and, for REC_GROUP, of group g; -1: any). */
size_t record_count(const record_canvas *rc, int kind, int g);
/* Index of the first REC_TEXT item equal to s, or (size_t)-1. */
size_t record_find_text(const record_canvas *rc, const char *s);

#endif
