/* utf8.c — UTF-8 well-formedness, after RFC 3629 table 3-7. */
#include "utf8.h"

size_t utf8_check(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned lo = 0x80, hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) n = 1;
        else if (c == 0xE0) n = 2, lo = 0xA0;
        else if (c == 0xED) n = 2, hi = 0x9F;   /* no surrogates */
        else if (c >= 0xE1 && c <= 0xEF) n = 2;
        else if (c == 0xF0) n = 3, lo = 0x90;
        else if (c == 0xF4) n = 3, hi = 0x8F;   /* nothing above U+10FFFF */
        else if (c >= 0xF1 && c <= 0xF3) n = 3;
        else return i;
        if (i + n >= len)
            return i;
        if (s[i + 1] < lo || s[i + 1] > hi)
            return i;
        for (size_t k = 2; k <= n; k++)
            if (s[i + k] < 0x80 || s[i + k] > 0xBF)
                return i;
        i += n + 1;
    }
    return len;
}

size_t utf8_xml_forbidden(const char *str, size_t len, unsigned long *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    for (size_t i = 0; i < len;) {
        unsigned long c = s[i];
        size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + n > len)
            return len;   /* not well-formed: utf8_check's to report */
        if (n > 1) {
            c &= 0xFFu >> (n + 1);
            for (size_t k = 1; k < n; k++)
                c = c << 6 | (s[i + k] & 0x3F);
        }
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') ||
            (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE) {
            *cp = c;
            return i;
        }
        i += n;
    }
    return len;
}
