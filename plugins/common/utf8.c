/* utf8.c — see utf8.h. */
#include "utf8.h"

uint32_t utf8_decode(const char *s, size_t len, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s;
    *n = 1;
    if (u[0] < 0x80)
        return u[0];
    size_t need;
    uint32_t cp, min;
    if ((u[0] & 0xE0u) == 0xC0u) {
        need = 2, cp = u[0] & 0x1Fu, min = 0x80;
    } else if ((u[0] & 0xF0u) == 0xE0u) {
        need = 3, cp = u[0] & 0x0Fu, min = 0x800;
    } else if ((u[0] & 0xF8u) == 0xF0u) {
        need = 4, cp = u[0] & 0x07u, min = 0x10000;
    } else {
        return 0xFFFD;
    }
    if (need > len)
        return 0xFFFD;
    for (size_t i = 1; i < need; i++) {
        if ((u[i] & 0xC0u) != 0x80u)
            return 0xFFFD;
        cp = (cp << 6) | (u[i] & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0xFFFD;
    *n = need;
    return cp;
}

size_t utf8_encode(uint32_t cp, char out[4])
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0u | (cp >> 6));
        out[1] = (char)(0x80u | (cp & 0x3Fu));
        return 2;
    }
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    if (cp < 0x10000) {
        out[0] = (char)(0xE0u | (cp >> 12));
        out[1] = (char)(0x80u | ((cp >> 6) & 0x3Fu));
        out[2] = (char)(0x80u | (cp & 0x3Fu));
        return 3;
    }
    if (cp > 0x10FFFF)
        return 0;
    out[0] = (char)(0xF0u | (cp >> 18));
    out[1] = (char)(0x80u | ((cp >> 12) & 0x3Fu));
    out[2] = (char)(0x80u | ((cp >> 6) & 0x3Fu));
    out[3] = (char)(0x80u | (cp & 0x3Fu));
    return 4;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t count = 0, n;
    for (size_t i = 0; i < len; i += n, count++)
        utf8_decode(s + i, len - i, &n);
    return count;
}

/* A sequence is read byte by byte and ends at the first byte that does
 * not continue it, so a NUL is never passed. */
uint32_t utf8_next(const char **s)
{
    size_t n;
    uint32_t cp = utf8_decode(*s, 4, &n);
    *s += n;
    return cp;
}

size_t utf8_strlen(const char *s)
{
    size_t count = 0;
    while (*s) {
        utf8_next(&s);
        count++;
    }
    return count;
}
