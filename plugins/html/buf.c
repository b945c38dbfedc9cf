/* buf.c — a growable byte buffer with HTML escaping and base64. */
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

void buf_free(buf *b)
{
    free(b->data);
    *b = (buf){0};
}

int buf_failed(const buf *b)
{
    return b->failed;
}

/* Room for n more bytes (and a NUL); 0 when there is none. */
static int grow(buf *b, size_t n)
{
    if (b->failed)
        return 0;
    if (b->len + n + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 65536;
    while (cap < b->len + n + 1) {
        if (cap > SIZE_MAX / 2) {
            b->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void buf_putn(buf *b, const char *s, size_t n)
{
    if (!n || !grow(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void buf_put(buf *b, const char *s)
{
    if (s)
        buf_putn(b, s, strlen(s));
}

void buf_putc(buf *b, char c)
{
    buf_putn(b, &c, 1);
}

void buf_printf(buf *b, const char *fmt, ...)
{
    char small[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        buf_putn(b, small, (size_t)n);
        return;
    }
    if (!grow(b, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
}

/* 1 for a code point an HTML document may not hold as text. */
static int forbidden(uint32_t cp)
{
    if (cp < 0x20)
        return cp != '\t' && cp != '\n' && cp != '\r';
    if (cp >= 0x7F && cp <= 0x9F)
        return 1;
    return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFEu) == 0xFFFEu;
}

static void escaped(buf *b, const char *s, size_t n, int attr)
{
    size_t start = 0, i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        const char *rep = NULL;
        size_t len = 1;
        if (c == '&')
            rep = "&amp;";
        else if (c == '<')
            rep = "&lt;";
        else if (c == '>')
            rep = "&gt;";
        else if (attr && c == '"')
            rep = "&quot;";
        else if (attr && c == '\'')
            rep = "&#39;";
        else if (c < 0x20 || c >= 0x7F) {
            uint32_t cp = utf8_decode(s + i, n - i, &len);
            if (forbidden(cp) || (cp == 0xFFFD && len == 1))
                rep = "\xEF\xBF\xBD"; /* U+FFFD */
        }
        if (rep) {
            buf_putn(b, s + start, i - start);
            buf_put(b, rep);
            start = i + len;
        }
        i += len;
    }
    buf_putn(b, s + start, n - start);
}

void buf_textn(buf *b, const char *s, size_t n)
{
    if (s)
        escaped(b, s, n, 0);
}

void buf_text(buf *b, const char *s)
{
    if (s)
        escaped(b, s, strlen(s), 0);
}

void buf_attr(buf *b, const char *s)
{
    if (s)
        escaped(b, s, strlen(s), 1);
}

void buf_base64(buf *b, const unsigned char *d, size_t n)
{
    static const char abc[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    if (!grow(b, (n + 2) / 3 * 4))
        return;
    char *o = b->data + b->len;
    size_t i = 0;
    for (; i + 3 <= n; i += 3) {
        uint32_t v = (uint32_t)d[i] << 16 | (uint32_t)d[i + 1] << 8 | d[i + 2];
        *o++ = abc[v >> 18], *o++ = abc[(v >> 12) & 63], *o++ = abc[(v >> 6) & 63],
        *o++ = abc[v & 63];
    }
    if (i < n) {
        uint32_t v = (uint32_t)d[i] << 16 | (i + 1 < n ? (uint32_t)d[i + 1] << 8 : 0);
        *o++ = abc[v >> 18], *o++ = abc[(v >> 12) & 63];
        *o++ = i + 1 < n ? abc[(v >> 6) & 63] : '=';
        *o++ = '=';
    }
    b->len = (size_t)(o - b->data);
    b->data[b->len] = '\0';
}

void buf_url(buf *b, const char *url)
{
    static const char hex[] = "0123456789ABCDEF";
    const char *start = url;
    for (const char *p = url; p && *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c > ' ' && c < 0x7F && !strchr("\"<>\\^`{|}", c))
            continue;
        if (c >= 0x80)
            continue; /* non-ASCII: an IRI, allowed as it is */
        escaped(b, start, (size_t)(p - start), 1);
        char enc[3] = {'%', hex[c >> 4], hex[c & 15]};
        buf_putn(b, enc, 3);
        start = p + 1;
    }
    if (url)
        escaped(b, start, strlen(start), 1);
}
