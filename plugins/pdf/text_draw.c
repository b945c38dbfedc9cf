/* text_draw.c — plain text in one face: measure, show, break, shorten. */
#include "text.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define ELLIPSIS "…"

double text_width(const text_style *st, const char *s, size_t len)
{
    return text_face_width(st->face, st->size, s, len);
}

static void set_fill(HPDF_Page page, uint32_t rgb)
{
    HPDF_Page_SetRGBFill(page, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f,
                         (rgb & 0xFF) / 255.0f);
}

/* Shapes and shows one piece in its face (a piece no font has: the
 * face's .notdef, which check() has already refused). */
static void show_piece(HPDF_Page page, const text_face *f, double size, const text_piece *p,
                       const char *s, font_run *run)
{
    const font_face *face = p->face ? p->face : f->face;
    embed_font *ef = embed_font_of(f->doc, face);
    if (!ef)
        return;
    const char *text = s + p->start;
    size_t len = p->end - p->start;
    char spaces[64];
    if (p->space) { /* controls are shown as spaces */
        size_t count = 0, n;
        for (size_t i = 0; i < len; i += n, count++)
            text_utf8_decode(text + i, &n);
        len = count < sizeof spaces ? count : sizeof spaces;
        memset(spaces, ' ', len);
        text = spaces;
    }
    if (font_shape(face, text, len, run))
        return;
    embed_select(page, ef, size);
    embed_show(page, ef, run, text, len);
}

/* v written as libharu writes a number (HPDF_FToA, same arithmetic): at
 * most five decimals, no trailing zeros, within ±32767. Returns the end. */
static char *put_real(char *s, float v)
{
    char digits[12], *t = digits + 11, *from = s;
    if (v > 32767)
        v = 32767;
    else if (v < -32767)
        v = -32767;
    *t-- = '\0';
    if (v < 0) {
        *s++ = '-';
        v = -v;
    }
    int32_t whole = (int32_t)(v + 0.000005);
    int32_t part = (int32_t)((float)(v - whole + 0.000005) * 100000);
    for (int i = 0; i < 5; i++, t--) {
        *t = (char)(part % 10 + '0');
        part /= 10;
    }
    *t-- = '.';
    *t = '0';
    if (whole == 0)
        t--;
    for (; whole > 0; t--) {
        *t = (char)(whole % 10 + '0');
        whole /= 10;
    }
    for (t++; *t; )
        *s++ = *t++;
    for (s--; s > from; s--) { /* trailing zeros and a bare point go */
        if (*s != '0') {
            if (*s == '.')
                *s = '\0';
            break;
        }
        *s = '\0';
    }
    return *s ? s + 1 : s;
}

void text_show_in_text(HPDF_Page page, const text_face *f, double size, double x,
                       double baseline, const char *s, size_t len)
{
    if (!f->doc)
        return;
    font_run run = {0};
    /* the text matrix written here, not by HPDF_Page_SetTextMatrix, which
     * clears a 512-byte buffer byte by byte for every call (a line's
     * every run); the same bytes */
    char op[96], *o = op;
    const float m[6] = {1, 0, (float)f->slant, 1, (float)x, (float)baseline};
    for (int i = 0; i < 6; i++) {
        o = put_real(o, m[i]);
        *o++ = ' ';
    }
    memcpy(o, "Tm\n", 4);
    embed_raw(page, op);
    for (size_t at = 0; at < len;) {
        text_piece p = text_piece_at(f, s, len, at);
        show_piece(page, f, size, &p, s, &run);
        at = p.end;
    }
    font_run_free(&run);
}

void text_show(HPDF_Page page, const text_style *st, double x, double baseline,
               const char *s, size_t len)
{
    if (!page || !len)
        return;
    HPDF_Page_BeginText(page);
    set_fill(page, st->rgb);
    text_show_in_text(page, st->face, st->size, x, baseline, s, len);
    HPDF_Page_EndText(page);
}

static double measure_plain(void *p, const char *s, size_t len)
{
    return text_width(p, s, len);
}

int text_break(const text_style *st, const char *s, double width, lb_lines *out)
{
    return linebreak(s ? s : "", width, measure_plain, (void *)st, out);
}

size_t text_shorten(const text_style *st, const char *s, double width, char *buf, size_t size)
{
    size_t len = strlen(s), el = strlen(ELLIPSIS), keep = 0;
    if (!size)
        return 0;
    if (text_width(st, s, len) <= width && len < size) {
        memcpy(buf, s, len + 1);
        return len;
    }
    double room = width - text_width(st, ELLIPSIS, el);
    while (keep < len) {
        size_t n = lb_char_len(s + keep);
        if (keep + n + el >= size || text_width(st, s, keep + n) > room)
            break;
        keep += n;
    }
    while (keep > 0 && s[keep - 1] == ' ')
        keep--;
    memcpy(buf, s, keep);
    if (keep + el < size)
        memcpy(buf + keep, ELLIPSIS, el), keep += el;
    buf[keep] = '\0';
    return keep;
}
