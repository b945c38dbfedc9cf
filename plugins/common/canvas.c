/* canvas.c — paints and paths for whoever draws on a canvas (canvas.h). */
#include "canvas.h"

#include <stdlib.h>

canvas_paint canvas_fill(uint32_t rgb)
{
    return (canvas_paint){.fill = rgb, .stroke = CANVAS_NONE};
}

canvas_paint canvas_stroke(uint32_t rgb, double width)
{
    return (canvas_paint){.fill = CANVAS_NONE, .stroke = rgb, .width = width};
}

static canvas_seg *path_add(canvas_path *path, canvas_op op)
{
    if (path->failed)
        return NULL;
    if (path->n == path->cap) {
        size_t cap = path->cap ? path->cap * 2 : 16;
        canvas_seg *seg = realloc(path->seg, cap * sizeof *seg);
        if (!seg) {
            path->failed = 1;
            return NULL;
        }
        path->seg = seg;
        path->cap = cap;
    }
    canvas_seg *s = &path->seg[path->n++];
    s->op = op;
    return s;
}

void canvas_path_move(canvas_path *path, double x, double y)
{
    canvas_seg *s = path_add(path, CANVAS_MOVE);
    if (s)
        s->p[0] = (canvas_point){x, y};
}

void canvas_path_line(canvas_path *path, double x, double y)
{
    canvas_seg *s = path_add(path, CANVAS_LINE);
    if (s)
        s->p[0] = (canvas_point){x, y};
}

void canvas_path_curve(canvas_path *path, double x1, double y1, double x2, double y2,
                       double x3, double y3)
{
    canvas_seg *s = path_add(path, CANVAS_CURVE);
    if (s) {
        s->p[0] = (canvas_point){x1, y1};
        s->p[1] = (canvas_point){x2, y2};
        s->p[2] = (canvas_point){x3, y3};
    }
}

void canvas_path_close(canvas_path *path)
{
    path_add(path, CANVAS_CLOSE);
}

/* The control points of a quarter circle lie this far along its tangents
 * (4/3 (sqrt 2 - 1) of the radius). */
#define CANVAS_KAPPA 0.5522847498

void canvas_path_circle(canvas_path *path, double cx, double cy, double r)
{
    double k = r * CANVAS_KAPPA;
    canvas_path_move(path, cx + r, cy);
    canvas_path_curve(path, cx + r, cy + k, cx + k, cy + r, cx, cy + r);
    canvas_path_curve(path, cx - k, cy + r, cx - r, cy + k, cx - r, cy);
    canvas_path_curve(path, cx - r, cy - k, cx - k, cy - r, cx, cy - r);
    canvas_path_curve(path, cx + k, cy - r, cx + r, cy - k, cx + r, cy);
    canvas_path_close(path);
}

void canvas_path_free(canvas_path *path)
{
    free(path->seg);
    *path = (canvas_path){0};
}
