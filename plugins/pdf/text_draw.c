/* text_draw.c — plain text in one face: measure, show, break, shorten. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define ELLIPSIS "…"

double text_width(const text_style *st, const char *s, size_t len)
{
    return text_face_width(st->face, st->size, s, len);
}

/* s as drawn, NUL-terminated, into buf (at least 2 * len + 8 bytes). */
static void sanitize(const text_face *f, const char *s, size_t len, char *buf)
{
    size_t o = 0;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp = text_utf8_decode(s + i, &n);
        if (i + n > len)
            n = len - i;
        if (cp < 0x20)
            buf[o++] = ' ';
        else if (!text_face_has(f, cp))
            buf[o++] = '?';
        else
            memcpy(buf + o, s + i, n), o += n;
    }
    buf[o] = '\0';
}

static void set_fill(HPDF_Page page, uint32_t rgb)
{
    HPDF_Page_SetRGBFill(page, ((rgb >> 16) & 0xFF) / 255.0f, ((rgb >> 8) & 0xFF) / 255.0f,
                         (rgb & 0xFF) / 255.0f);
}

void text_show_in_text(HPDF_Page page, const text_face *f, double x, double baseline,
                         const char *s, size_t len)
{
    char stack[512], *buf = len * 2 + 8 <= sizeof stack ? stack : malloc(len * 2 + 8);
    if (!buf)
        return;
    sanitize(f, s, len, buf);
    HPDF_Page_SetTextMatrix(page, 1, 0, (HPDF_REAL)f->slant, 1, (HPDF_REAL)x,
                            (HPDF_REAL)baseline);
    HPDF_Page_ShowText(page, buf);
    if (buf != stack)
        free(buf);
}

void text_show(HPDF_Page page, const text_style *st, double x, double baseline,
               const char *s, size_t len)
{
    if (!page || !len)
        return;
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, st->face->font, (HPDF_REAL)st->size);
    set_fill(page, st->rgb);
    text_show_in_text(page, st->face, x, baseline, s, len);
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
