/* record_canvas.c — the recording canvas of the chart layout tests. */
#include "record_canvas.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

static rec_item *rec_add(record_canvas *rc, int kind)
{
    if (rc->n == rc->cap) {
        size_t cap = rc->cap ? rc->cap * 2 : 256;
        rec_item *items = realloc(rc->items, cap * sizeof *items);
        if (!items) {
            rc->bad = 1;
            return NULL;
        }
        rc->items = items, rc->cap = cap;
    }
    rec_item *it = &rc->items[rc->n++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->depth = rc->depth;
    return it;
}

static void rec_check(record_canvas *rc, double v)
{
    if (!isfinite(v))
        rc->bad = 1;
}

static void rec_check_paint(record_canvas *rc, const canvas_paint *p)
{
    if (!p || (p->fill > 0xffffff && p->fill != CANVAS_NONE) ||
        (p->stroke > 0xffffff && p->stroke != CANVAS_NONE) || !(p->width >= 0))
        rc->bad = 1;
}

static double rec_text_width(void *data, canvas_face face, double size, const char *s, size_t len)
{
    record_canvas *rc = data;
    (void)face;
    rc->widths++;
    rc->measured += len;
    return (double)utf8_count(s, len) * size * 0.5;
}

static void rec_text(void *data, const canvas_text *t)
{
    record_canvas *rc = data;
    rec_item *it = rec_add(rc, REC_TEXT);
    if (!it)
        return;
    size_t n = t->len < sizeof it->text - 1 ? t->len : sizeof it->text - 1;
    memcpy(it->text, t->s, n);
    it->w = (double)utf8_count(t->s, t->len) * t->size * 0.5;
    it->x = t->x - it->w * (t->anchor == CANVAS_MIDDLE ? 0.5 : t->anchor == CANVAS_END ? 1 : 0);
    it->y = t->y, it->h = t->size, it->angle = t->angle;
    it->paint = canvas_fill(t->rgb);
    rec_check(rc, t->x), rec_check(rc, t->y), rec_check(rc, t->angle);
    if (!t->s || t->len == 0 || !(t->size > 0) || t->anchor > CANVAS_END || t->rgb > 0xffffff)
        rc->bad = 1;
}

static void rec_rect(void *data, double x, double y, double w, double h, const canvas_paint *p)
{
    record_canvas *rc = data;
    rec_item *it = rec_add(rc, REC_RECT);
    if (!it)
        return;
    it->x = x, it->y = y, it->w = w, it->h = h, it->paint = *p;
    rec_check(rc, x), rec_check(rc, y), rec_check(rc, w), rec_check(rc, h);
    rec_check_paint(rc, p);
    if (!(w > 0 && h > 0))
        rc->bad = 1;
}

static void rec_path(void *data, const canvas_path *path, const canvas_paint *p)
{
    record_canvas *rc = data;
    rec_item *it = rec_add(rc, REC_PATH);
    if (!it)
        return;
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    int started = 0;
    for (size_t i = 0; i < path->n; i++) {
        const canvas_seg *s = &path->seg[i];
        size_t np = s->op == CANVAS_CURVE ? 3 : s->op == CANVAS_CLOSE ? 0 : 1;
        if (s->op == CANVAS_MOVE)
            started = 1;
        else if (!started)
            rc->bad = 1; /* a line before any move */
        for (size_t k = 0; k < np; k++) {
            rec_check(rc, s->p[k].x), rec_check(rc, s->p[k].y);
            if (k + 1 < np)
                continue; /* a curve's control points lie off it */
            x0 = fmin(x0, s->p[k].x), x1 = fmax(x1, s->p[k].x);
            y0 = fmin(y0, s->p[k].y), y1 = fmax(y1, s->p[k].y);
        }
    }
    if (path->n == 0 || path->failed)
        rc->bad = 1;
    it->x = x0, it->y = y0, it->w = x1 - x0, it->h = y1 - y0;
    it->paint = *p, it->segments = path->n;
    rec_check_paint(rc, p);
}

static void rec_circle(void *data, double cx, double cy, double r, const canvas_paint *p)
{
    record_canvas *rc = data;
    rec_item *it = rec_add(rc, REC_CIRCLE);
    if (!it)
        return;
    it->x = cx, it->y = cy, it->w = r, it->paint = *p;
    rec_check(rc, cx), rec_check(rc, cy), rec_check(rc, r);
    rec_check_paint(rc, p);
}

static void rec_clip_begin(void *data, double x, double y, double w, double h)
{
    record_canvas *rc = data;
    rec_item *it = rec_add(rc, REC_CLIP);
    if (it)
        it->x = x, it->y = y, it->w = w, it->h = h;
    rec_check(rc, x), rec_check(rc, y), rec_check(rc, w), rec_check(rc, h);
    rc->clips++;
}

static void rec_clip_end(void *data)
{
    record_canvas *rc = data;
    rec_add(rc, REC_UNCLIP);
    if (!rc->clips)
        rc->bad = 1;
    else
        rc->clips--;
}

static void rec_group_begin(void *data, canvas_group kind, size_t index, const char *label)
{
    record_canvas *rc = data;
    rec_item *it = rec_add(rc, REC_GROUP);
    if (it) {
        it->group = kind, it->index = index;
        if (label)
            strncpy(it->text, label, sizeof it->text - 1);
    }
    if (kind > CANVAS_GROUP_NOTE || (rc->depth == 0) != (kind == CANVAS_GROUP_FIGURE))
        rc->bad = 1; /* the figure is the outermost group, and only it */
    rc->depth++;
}

static void rec_group_end(void *data)
{
    record_canvas *rc = data;
    if (!rc->depth)
        rc->bad = 1;
    else
        rc->depth--;
    rec_add(rc, REC_UNGROUP);
}

static const canvas_ops rec_ops = {rec_text_width, rec_text,       rec_rect,
                                   rec_path,       rec_circle,     rec_clip_begin,
                                   rec_clip_end,   rec_group_begin, rec_group_end};

void record_canvas_init(record_canvas *rc)
{
    memset(rc, 0, sizeof *rc);
    rc->cv.ops = &rec_ops;
    rc->cv.data = rc;
}

void record_canvas_free(record_canvas *rc)
{
    free(rc->items);
    memset(rc, 0, sizeof *rc);
}

size_t record_count(const record_canvas *rc, int kind, int g)
{
    size_t n = 0;
    for (size_t i = 0; i < rc->n; i++)
        if (rc->items[i].kind == kind && (g < 0 || (int)rc->items[i].group == g))
            n++;
    return n;
}

size_t record_find_text(const record_canvas *rc, const char *s)
{
    for (size_t i = 0; i < rc->n; i++)
        if (rc->items[i].kind == REC_TEXT && strcmp(rc->items[i].text, s) == 0)
            return i;
    return (size_t)-1;
}
