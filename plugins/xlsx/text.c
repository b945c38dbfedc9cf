/*
 * text.c — UTF-8 helpers: decoding, counting, and cleaning text of the
 * control characters that XML 1.0 cannot carry.
 */
#include <stdlib.h>
#include <string.h>

#include "xlsx.h"

uint32_t xlsx_utf8_next(const char **s)
{
    const unsigned char *p = (const unsigned char *)*s;
    uint32_t cp;
    int n;

    if (p[0] < 0x80) { *s += 1; return p[0]; }
    if ((p[0] & 0xe0) == 0xc0) { cp = p[0] & 0x1f; n = 1; }
    else if ((p[0] & 0xf0) == 0xe0) { cp = p[0] & 0x0f; n = 2; }
    else if ((p[0] & 0xf8) == 0xf0) { cp = p[0] & 0x07; n = 3; }
    else { *s += 1; return 0xfffd; }
    for (int i = 1; i <= n; i++) {
        if ((p[i] & 0xc0) != 0x80) { *s += i; return 0xfffd; }
        cp = (cp << 6) | (p[i] & 0x3f);
    }
    *s += n + 1;
    return cp;
}

size_t xlsx_utf8_put(char *out, uint32_t cp)
{
    unsigned char *o = (unsigned char *)out;

    if (cp < 0x80) { o[0] = (unsigned char)cp; return 1; }
    if (cp < 0x800) {
        o[0] = 0xc0 | (cp >> 6); o[1] = 0x80 | (cp & 0x3f);
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = 0xe0 | (cp >> 12); o[1] = 0x80 | ((cp >> 6) & 0x3f);
        o[2] = 0x80 | (cp & 0x3f);
        return 3;
    }
    o[0] = 0xf0 | (cp >> 18); o[1] = 0x80 | ((cp >> 12) & 0x3f);
    o[2] = 0x80 | ((cp >> 6) & 0x3f); o[3] = 0x80 | (cp & 0x3f);
    return 4;
}

size_t xlsx_utf8_len(const char *s)
{
    size_t n = 0;
    while (*s) {
        xlsx_utf8_next(&s);
        n++;
    }
    return n;
}

static int is_xml_control(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\r';
}

const char *xlsx_clean_text(xlsx_ctx *ctx, const char *s)
{
    size_t len = 0;
    int dirty = 0;

    for (const unsigned char *p = (const unsigned char *)s; *p; p++, len++)
        dirty |= is_xml_control(*p);
    if (!dirty)
        return s;
    if (len + 1 > ctx->scratch_size) {
        char *grown = realloc(ctx->scratch, len + 1);
        if (!grown)
            return NULL;
        ctx->scratch = grown;
        ctx->scratch_size = len + 1;
    }
    for (size_t i = 0; i <= len; i++)
        ctx->scratch[i] = is_xml_control((unsigned char)s[i]) && s[i] ? ' ' : s[i];
    return ctx->scratch;
}
