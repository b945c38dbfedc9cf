/* text_rich.c — rich text: spans in several faces, broken into lines
 * across faces, drawn with links and raised footnote numbers, justified
 * within limits. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A footnote number: this share of the size, raised by RAISE of it. */
#define NOTE_SCALE 0.62
#define NOTE_RAISE 0.36
/* Justification: a share of the slack goes between letters (Korean words
 * are long and gaps few), at most MAX_LETTER em per letter; no gap may
 * grow beyond MAX_GAP em, or the line is left ragged. */
#define LETTER_SHARE 0.4
#define MAX_LETTER 0.025
#define MAX_GAP 0.5

static int push_span(text_rich *r, size_t *cap, text_span s)
{
    if (r->n_spans == *cap) {
        size_t c = *cap ? *cap * 2 : 8;
        text_span *p = realloc(r->spans, c * sizeof *p);
        if (!p)
            return -1;
        r->spans = p;
        *cap = c;
    }
    r->spans[r->n_spans++] = s;
    return 0;
}

static int rich_fill(text_rich *r, const quire_text *t, const char *plain);

int text_rich_from(text_rich *r, const quire_text *t, const char *plain)
{
    if (rich_fill(r, t, plain)) {
        text_rich_free(r); /* nothing half-made is left to the caller */
        return -1;
    }
    return 0;
}

static int rich_fill(text_rich *r, const quire_text *t, const char *plain)
{
    memset(r, 0, sizeof *r);
    size_t total = 0, cap = 0;
    size_t n_runs = t && t->runs ? t->n_runs : 0;
    if (!n_runs && !plain && t)
        plain = t->plain;
    if (!n_runs)
        total = plain ? strlen(plain) : 0;
    for (size_t i = 0; i < n_runs; i++)
        total += strlen(quire_run_at(t, i)->text);
    r->text = malloc(total + 1);
    if (!r->text)
        return -1;
    if (!n_runs) {
        memcpy(r->text, plain ? plain : "", total);
        r->len = total;
        r->text[total] = '\0';
        return push_span(r, &cap, (text_span){0, total, 0, NULL, 0, 0});
    }
    for (size_t i = 0; i < n_runs; i++) {
        const quire_run *run = quire_run_at(t, i);
        size_t n = strlen(run->text);
        memcpy(r->text + r->len, run->text, n);
        text_span s = {r->len, r->len + n, 0, NULL, 0, run->footnote};
        s.flags = (run->flags & QUIRE_RUN_STRONG ? TEXT_BOLD : 0) |
                  (run->flags & QUIRE_RUN_EMPHASIS ? TEXT_ITALIC : 0);
        if (run->target != QUIRE_TARGET_NONE && run->link) {
            s.link = run->link;
            s.internal = run->target != QUIRE_TARGET_URL;
        }
        r->len += n;
        if (push_span(r, &cap, s))
            return -1;
    }
    r->text[r->len] = '\0';
    return 0;
}

void text_rich_free(text_rich *r)
{
    free(r->text);
    free(r->spans);
    memset(r, 0, sizeof *r);
}

/* The span holding byte off (the last one at the end). */
static size_t span_at(const text_rich *r, size_t off)
{
    size_t lo = 0, hi = r->n_spans;
    while (hi - lo > 1) {
        size_t mid = (lo + hi) / 2;
        if (r->spans[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

static text_style span_style(const text_look *lk, const text_span *s)
{
    text_style st = {lk->family->face[(s->flags | lk->flags) & 3u], lk->size,
                     s->link || s->footnote ? lk->link_rgb : lk->rgb};
    if (s->footnote)
        st.size *= NOTE_SCALE;
    return st;
}

double text_rich_width(const text_rich *r, const text_look *lk, size_t start, size_t end)
{
    double w = 0;
    if (!r->n_spans)
        return 0;
    for (size_t i = span_at(r, start); i < r->n_spans && start < end; i++) {
        const text_span *s = &r->spans[i];
        size_t e = s->end < end ? s->end : end;
        if (e > start) {
            text_style st = span_style(lk, s);
            w += text_width(&st, r->text + start, e - start);
            start = e;
        }
    }
    return w;
}

typedef struct measure_ctx {
    const text_rich *r;
    const text_look *lk;
} measure_ctx;

static double measure_rich(void *p, const char *s, size_t len)
{
    measure_ctx *m = p;
    size_t off = (size_t)(s - m->r->text);
    return text_rich_width(m->r, m->lk, off, off + len);
}

int text_rich_break(const text_rich *r, const text_look *lk, double width, lb_lines *out)
{
    measure_ctx m = {r, lk};
    return linebreak(r->text, width, measure_rich, &m, out);
}

/* Letters (code points other than spaces) in s[0..len). */
static size_t count_letters(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i += lb_char_len(s + i))
        n += s[i] != ' ';
    return n;
}

static size_t count_gaps(const char *s, size_t len)
{
    size_t gaps = 0;
    for (size_t i = 1; i < len; i++)
        gaps += s[i] == ' ' && s[i - 1] != ' ';
    return gaps;
}

typedef struct spacing {
    double letter, gap;    /* extra per letter, per gap */
} spacing;

static spacing justify_line(const text_rich *r, const text_look *lk, const lb_line *l,
                            double width)
{
    spacing k = {0, 0};
    const char *s = r->text + l->start;
    size_t len = l->end - l->start, letters = count_letters(s, len), gaps = count_gaps(s, len);
    double slack = width - text_rich_width(r, lk, l->start, l->end);
    double space = text_face_width(lk->family->face[lk->flags & 3u], lk->size, " ", 1);
    double cap = MAX_LETTER * lk->size;
    if (slack <= 0 || letters < 2)
        return k;
    k.letter = slack * LETTER_SHARE / (double)(letters - 1);
    for (int pass = 0; pass < 2; pass++) {
        if (k.letter > cap)
            k.letter = cap;
        double rest = slack - k.letter * (double)(letters - 1);
        k.gap = gaps ? rest / (double)gaps : 0;
        if (gaps ? space + k.gap <= MAX_GAP * lk->size : rest <= 0.01)
            return k;
        k.letter = cap; /* the gaps would gape: give the letters all they may take */
    }
    return (spacing){0, 0};
}

/* The open text object's current font, size and colour. */
typedef struct pen {
    HPDF_Page page;
    const text_face *face;
    double size, char_space;
    uint32_t rgb;
    int have_rgb;
} pen;

static void pen_set(pen *p, const text_style *st, double char_space)
{
    p->face = st->face; /* the font is set by each piece shown */
    p->size = st->size;
    if (!p->have_rgb || p->rgb != st->rgb) {
        HPDF_Page_SetRGBFill(p->page, ((st->rgb >> 16) & 0xFF) / 255.0f,
                             ((st->rgb >> 8) & 0xFF) / 255.0f, (st->rgb & 0xFF) / 255.0f);
        p->rgb = st->rgb;
        p->have_rgb = 1;
    }
    if (p->char_space != char_space) {
        HPDF_Page_SetCharSpace(p->page, (HPDF_REAL)char_space);
        p->char_space = char_space;
    }
}

static void pen_show(pen *p, const text_style *st, double x, double baseline, const char *s,
                     size_t len)
{
    text_show_in_text(p->page, st->face, st->size, x, baseline, s, len);
}

/* The first span of the link span si belongs to, or NULL when it is no
 * link. The runs of one link in several styles share its target string;
 * two links, even to one URL, have a string each (markup.c). A footnote
 * reference is a link of its own, to its note. */
static const text_span *link_head(const text_rich *r, size_t si)
{
    const text_span *s = &r->spans[si];
    if (s->footnote)
        return s;
    if (!s->link)
        return NULL;
    while (si > 0 && r->spans[si - 1].link == s->link && !r->spans[si - 1].footnote)
        si--;
    return &r->spans[si];
}

/* A line being drawn: the link its text belongs to now, and that link's
 * box on the line, grown piece by piece. */
typedef struct drawing {
    HPDF_Page page;
    const text_marks *marks;
    const text_span *link;   /* the link shown now (its head span), or NULL */
    int begun, in_text;
    double x0, x1, bottom, top;
    int boxed;               /* x0..x1 holds a visible piece of the link */
} drawing;

/* Text of link (or of none) is shown next. Crossing into or out of a
 * link ends the text object, so the page layer's marked content nests
 * outside text objects. */
static void show_as(drawing *d, const text_span *link)
{
    if (!d->begun || link != d->link) {
        if (d->in_text)
            HPDF_Page_EndText(d->page);
        d->in_text = 0;
        if (d->begun && d->link && d->marks && d->marks->leave)
            d->marks->leave(d->marks->data, d->link, d->x0, d->bottom, d->boxed ? d->x1 : d->x0,
                            d->top);
        if (d->marks && d->marks->enter)
            d->marks->enter(d->marks->data, link);
        d->link = link;
        d->begun = 1;
        d->boxed = 0;
    }
    if (!d->in_text)
        HPDF_Page_BeginText(d->page);
    d->in_text = 1;
}

void text_rich_draw_line(HPDF_Page page, const text_rich *r, const text_look *lk,
                         const lb_line *line, double x, double baseline, double width,
                         int justify, const text_marks *marks)
{
    if (!page || line->end <= line->start || !r->n_spans)
        return;
    spacing k = justify && line->justify ? justify_line(r, lk, line, width) : (spacing){0, 0};
    pen p = {page, NULL, 0, 0, 0, 0};
    drawing d = {page, marks, NULL, 0, 0, 0, 0, 0, 0, 0};
    size_t pos = line->start;
    while (pos < line->end) {
        size_t si = span_at(r, pos);
        const text_span *s = &r->spans[si];
        size_t lim = s->end < line->end ? s->end : line->end, end = pos;
        int space = r->text[pos] == ' ';
        while (end < lim && (r->text[end] == ' ') == space)
            end++;
        text_style st = span_style(lk, s);
        double w = text_width(&st, r->text + pos, end - pos);
        const text_span *link = link_head(r, si);
        /* a space is the link's only between its words on the line */
        show_as(&d, space && link != d.link ? NULL : link);
        if (space) {
            /* shown although invisible: text extraction and screen readers
             * get the space (the next word is placed on its own anyway) */
            pen_set(&p, &st, k.letter);
            pen_show(&p, &st, x, baseline, r->text + pos, end - pos);
            w += k.gap;
        } else {
            double rise = s->footnote ? lk->size * NOTE_RAISE : 0;
            pen_set(&p, &st, k.letter);
            char note[32];
            if (s->footnote) { /* "[3]" to extraction: never one number with digits beside it */
                snprintf(note, sizeof note, "[%.*s]", (int)(end - pos), r->text + pos);
                embed_actual_begin(page, note);
            }
            pen_show(&p, &st, x, baseline + rise, r->text + pos, end - pos);
            if (s->footnote)
                embed_actual_end(page);
            w += k.letter * (double)count_letters(r->text + pos, end - pos);
        }
        if (link && link == d.link && !(space && !d.boxed)) {
            if (!d.boxed)
                d.x0 = x, d.bottom = baseline - lk->size * 0.25, d.top = baseline + lk->size * 0.85;
            d.x1 = x + w;
            d.boxed = 1;
        }
        x += w;
        pos = end;
    }
    if (line->end < r->len && r->text[line->end] == ' ' && p.face) {
        /* the space the line broke at, after its last word: lines joined
         * by a reader stay words apart (inside a link only when the link
         * goes on after it) */
        size_t si = span_at(r, line->end);
        const text_span *link = link_head(r, si);
        show_as(&d, link == d.link ? link : NULL);
        text_style st = span_style(lk, &r->spans[si]);
        pen_set(&p, &st, k.letter);
        pen_show(&p, &st, x, baseline, " ", 1);
    }
    if (p.char_space != 0)
        HPDF_Page_SetCharSpace(page, 0); /* character spacing outlives the text object */
    if (d.in_text)
        HPDF_Page_EndText(page);
    if (d.link && marks && marks->leave)
        marks->leave(marks->data, d.link, d.x0, d.bottom, d.boxed ? d.x1 : d.x0, d.top);
}
