/* font_measure.c — see font_measure.h. */
#include "font_measure.h"

#include "font_fallback.h"
#include "font_shape.h"
#include "utf8.h"

static int blank(uint32_t cp)
{
    return cp == ' ' || cp < 0x20;
}

/* A combining mark: it stays in the face of the letter before it when
 * that face has it. */
static int mark(uint32_t cp)
{
    return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
           (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
           (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F);
}

/* The face that sets cp after the letters before it were set in prev. */
static const font_face *face_of(const font_face *face, const char *pattern, uint32_t cp,
                                const font_face *prev)
{
    if (mark(cp) && prev && font_face_glyph(prev, cp))
        return prev;
    if (blank(cp) || font_face_glyph(face, cp))
        return face;
    return pattern ? font_fallback(pattern, cp) : NULL;
}

double font_measure(const font_face *face, const char *pattern, double size, const char *s,
                    size_t len)
{
    double width = 0;
    size_t at = 0;
    while (at < len) {
        /* one run: all blanks, or letters of one face */
        size_t n, end = at;
        uint32_t cp = utf8_decode(s + at, len - at, &n);
        int blanks = blank(cp);
        const font_face *f = face_of(face, pattern, cp, NULL);
        long count = 0;
        while (end < len) {
            cp = utf8_decode(s + end, len - end, &n);
            if (blank(cp) != blanks || (!blanks && face_of(face, pattern, cp, f) != f))
                break;
            end += n ? n : 1;
            count++;
        }
        if (f && blanks)
            width += (double)count * font_face_advance(f, font_face_glyph(f, ' ')) * size / f->upem;
        else if (f)
            width += (double)font_shape_width(f, s + at, end - at) * size / f->upem;
        at = end;
    }
    return width;
}
