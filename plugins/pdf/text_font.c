/* text_font.c — a template font in a document: its face from the
 * process-wide cache, the faces that stand in for characters it lacks,
 * and widths of shaped text. */
#include "text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "font_fallback.h"
#include "font_shape.h"
#include "utf8.h"

uint32_t text_utf8_decode(const char *s, size_t *n)
{
    size_t len = lb_char_len(s);
    return utf8_decode(s, len, n);
}

int text_face_load(text_face *f, embed_doc *doc, const char *pattern, const char *path,
                   int index, char *err, size_t err_size)
{
    memset(f, 0, sizeof *f);
    f->face = font_face_open(path, (unsigned)(index < 0 ? 0 : index), err, err_size);
    if (!f->face)
        return -1;
    f->pattern = pattern;
    f->doc = doc;
    if (doc && !embed_font_of(doc, f->face)) { /* the template's faces come first */
        snprintf(err, err_size, "out of memory");
        return -1;
    }
    return 0;
}

void text_face_slanted(text_face *f, const text_face *upright)
{
    *f = *upright;
    f->slant = 0.2126; /* tan 12° */
    f->borrowed = 1;
}

void text_face_free(text_face *f)
{
    memset(f, 0, sizeof *f); /* the face belongs to the process cache */
}

static int is_space_cp(uint32_t cp)
{
    return cp == ' ' || cp < 0x20;
}

int text_face_has(const text_face *f, uint32_t cp)
{
    return is_space_cp(cp) || font_face_glyph(f->face, cp) != 0;
}

const font_face *text_face_for(const text_face *f, uint32_t cp)
{
    if (text_face_has(f, cp))
        return f->face;
    return f->pattern ? font_fallback(f->pattern, cp) : NULL;
}

/* A combining mark stays in the face of the letter before it when that
 * face has it. */
static int is_mark(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F);
}

text_piece text_piece_at(const text_face *f, const char *s, size_t len, size_t at)
{
    size_t n;
    uint32_t cp = utf8_decode(s + at, len - at, &n);
    text_piece p = {at, at + n, f->face, is_space_cp(cp)};
    if (!p.space)
        p.face = text_face_for(f, cp);
    while (p.end < len) {
        cp = utf8_decode(s + p.end, len - p.end, &n);
        if (is_space_cp(cp) != p.space)
            break;
        if (!p.space) {
            const font_face *face = is_mark(cp) && p.face && font_face_glyph(p.face, cp)
                ? p.face : text_face_for(f, cp);
            if (face != p.face)
                break;
        }
        p.end += n;
    }
    return p;
}

/* Width of one piece in font units of its face. Spaces and controls are
 * measured as spaces of the face. */
static long piece_units(const text_piece *p, const char *s)
{
    if (!p->face)
        return 0;
    if (p->space) {
        size_t count = 0, n;
        for (size_t i = p->start; i < p->end; i += n) {
            utf8_decode(s + i, p->end - i, &n);
            count++;
        }
        return (long)count * font_face_advance(p->face, font_face_glyph(p->face, ' '));
    }
    /* font_shape keeps the words it shaped: measured again, a word costs
     * a look-up */
    return font_shape_width(p->face, s + p->start, p->end - p->start);
}

double text_face_width(const text_face *f, double size, const char *s, size_t len)
{
    double w = 0;
    for (size_t at = 0; at < len;) {
        text_piece p = text_piece_at(f, s, len, at);
        if (p.face)
            w += (double)piece_units(&p, s) * size / p.face->upem;
        at = p.end;
    }
    return w;
}
