/* numfmt.c — numbers as text: decimals as written, or an Excel format.
 *
 * Rounding is decimal and half away from zero on the value's 15 significant
 * digits, as Excel shows it (2.675 -> 2.68, 0.125 -> 0.13), not the binary
 * round-half-even of printf.
 *
 * Percent: quire percent columns hold percent points (31 = 31 %), which is
 * exactly what Excel shows for the stored fraction 0.31 under a '%' format.
 * So for percent columns a '%' in the format does not multiply; for any
 * other column it multiplies by 100, as Excel does, so the PDF agrees with
 * the XLSX. A percent column without '%' in its format gets no '%' added:
 * the format is taken as written. Formats outside the subset (dates, E+,
 * '@', 'General') fall back to the default rendering. */
#include "numfmt.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NUMFMT_MAX_DECIMALS 20
#define NUMFMT_DIGITS 512

/* One section of an Excel format, parsed. */
typedef struct numfmt_section {
    char prefix[64], suffix[64];
    int min_int;      /* '0's before the point */
    int min_dec;      /* '0's after the point */
    int max_dec;      /* digit placeholders after the point */
    int grouping;     /* ',' between digit placeholders */
    int scale_k;      /* trailing ',': divide by 1000 each */
    int percent;      /* '%' seen */
    int has_digits;
} numfmt_section;

/* The decimal exponent of a "%e" string. */
static int numfmt_exponent(const char *sci)
{
    const char *e = strchr(sci, 'e');
    return e ? (int)strtol(e + 1, NULL, 10) : 0;
}

/* Writes |value| rounded to decimals places as plain digits ("1234.50"). */
static void numfmt_digits(char *out, double value, int decimals)
{
    char sci[40];
    char d[NUMFMT_DIGITS];
    int exp10, n_int, keep, i, len = 0;

    value = fabs(value);
    if (value == 0) {
        exp10 = 0;
        memset(d, '0', 15);
    } else {
        snprintf(sci, sizeof sci, "%.14e", value);
        d[0] = sci[0];
        memcpy(d + 1, sci + 2, 14);
        exp10 = numfmt_exponent(sci);
    }
    /* d holds 15 digits of value = 0.d1d2... * 10^(exp10 + 1) */
    n_int = exp10 + 1;
    keep = n_int + decimals;
    if (keep < 0) keep = -1;
    if (keep >= 0 && keep < 15) {
        int carry = d[keep] >= '5';
        for (i = keep; i < 15; i++) d[i] = '0';
        for (i = keep - 1; i >= 0 && carry; i--) {
            if (d[i] == '9') d[i] = '0';
            else d[i]++, carry = 0;
        }
        if (carry) {           /* 9.99 -> 10.0: one more integer digit */
            memmove(d + 1, d, 14);
            d[0] = '1';
            n_int++;
        }
    } else if (keep < 0) {
        memset(d, '0', 15);
    }
    /* integer part */
    if (n_int <= 0) {
        out[len++] = '0';
    } else {
        for (i = 0; i < n_int; i++) out[len++] = i < 15 ? d[i] : '0';
    }
    if (decimals > 0) {
        out[len++] = '.';
        for (i = 0; i < decimals; i++) {
            int pos = n_int + i;
            out[len++] = pos >= 0 && pos < 15 ? d[pos] : '0';
        }
    }
    out[len] = '\0';
}

/* Appends s to buf of size, tracking the would-be length in *len. */
static void numfmt_put(char *buf, size_t size, size_t *len, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, (*len)++)
        if (*len + 1 < size) buf[*len] = s[i];
    if (size) buf[*len < size ? *len : size - 1] = '\0';
}

/* What actually landed in a buffer of size after wanting len bytes. */
static size_t numfmt_written(size_t size, size_t len)
{
    return size == 0 ? 0 : len < size ? len : size - 1;
}

/* Writes digits (from numfmt_digits) with ',' every three integer digits,
 * padded to min_int integer digits, trailing decimal zeros trimmed down to
 * min_dec. */
static void numfmt_put_number(char *buf, size_t size, size_t *len, const char *digits,
                              int grouping, int min_int, int min_dec)
{
    const char *point = strchr(digits, '.');
    size_t n_int = point ? (size_t)(point - digits) : strlen(digits);
    const char *int_start = digits;
    char pad[NUMFMT_DIGITS];
    size_t n_pad = 0, total, i;

    /* "0" integer part with min_int 0 shows nothing (#.## on 0.5 -> .5) */
    if (n_int == 1 && digits[0] == '0' && min_int == 0 && point) n_int = 0, int_start++;
    while ((int)(n_int + n_pad) < min_int && n_pad < sizeof pad) pad[n_pad++] = '0';
    total = n_int + n_pad;
    for (i = 0; i < total; i++) {
        char c = i < n_pad ? pad[i] : int_start[i - n_pad];
        if (grouping && i > 0 && (total - i) % 3 == 0) numfmt_put(buf, size, len, ",", 1);
        numfmt_put(buf, size, len, &c, 1);
    }
    if (point) {
        size_t n_dec = strlen(point + 1);
        while ((int)n_dec > min_dec && point[n_dec] == '0') n_dec--;
        if (n_dec > 0) numfmt_put(buf, size, len, point, n_dec + 1);
    }
}

/* 1 when the digit string is all zeros: "-0.00" must not be written. */
static int numfmt_is_zero(const char *digits)
{
    for (; *digits; digits++)
        if (*digits >= '1' && *digits <= '9') return 0;
    return 1;
}

static size_t numfmt_default(char *buf, size_t size, double value, int decimals, int percent)
{
    char digits[NUMFMT_DIGITS];
    size_t len = 0;

    if (decimals < 0) decimals = 0;
    if (decimals > NUMFMT_MAX_DECIMALS) decimals = NUMFMT_MAX_DECIMALS;
    numfmt_digits(digits, value, decimals);
    if (value < 0 && !numfmt_is_zero(digits)) numfmt_put(buf, size, &len, "-", 1);
    numfmt_put_number(buf, size, &len, digits, 1, 1, decimals);
    if (percent) numfmt_put(buf, size, &len, "%", 1);
    return numfmt_written(size, len);
}

/* Appends one literal byte sequence to the prefix or suffix. */
static int numfmt_literal(numfmt_section *s, const char *p, size_t n)
{
    char *dst = s->has_digits ? s->suffix : s->prefix;
    size_t have = strlen(dst);
    if (have + n >= sizeof s->prefix) return -1;
    memcpy(dst + have, p, n);
    dst[have + n] = '\0';
    return 0;
}

/* Parses one section [p, end). Returns 0, or -1 when outside the subset. */
static int numfmt_parse(numfmt_section *s, const char *p, const char *end)
{
    int after_point = 0, last_was_digit = 0;

    memset(s, 0, sizeof *s);
    if (end - p == 7 && strncmp(p, "General", 7) == 0) return -1;
    while (p < end) {
        char c = *p;
        if (c == '"') {
            const char *q = memchr(p + 1, '"', (size_t)(end - p - 1));
            if (!q || numfmt_literal(s, p + 1, (size_t)(q - p - 1))) return -1;
            p = q + 1;
            last_was_digit = 0;
            continue;
        }
        if (c == '\\' && p + 1 < end) {
            size_t n = 1;   /* the whole UTF-8 character after the backslash */
            while (p + 1 + n < end && ((unsigned char)p[1 + n] & 0xc0) == 0x80) n++;
            if (numfmt_literal(s, p + 1, n)) return -1;
            p += 1 + n;
            last_was_digit = 0;
            continue;
        }
        if (c == '[') {     /* [Red], [>100]: ignored; [$€-407]: the symbol */
            const char *q = memchr(p, ']', (size_t)(end - p));
            if (!q) return -1;
            if (p[1] == '$') {
                const char *dash = memchr(p + 2, '-', (size_t)(q - p - 2));
                if (numfmt_literal(s, p + 2, (size_t)((dash ? dash : q) - p - 2))) return -1;
            }
            p = q + 1;
            continue;
        }
        if (c == '_' || c == '*') {   /* padding and fill: a space, or nothing */
            if (c == '_' && numfmt_literal(s, " ", 1)) return -1;
            p += p + 1 < end ? 2 : 1;
            continue;
        }
        if (c == '0' || c == '#' || c == '?') {
            if (s->scale_k) s->grouping = 1, s->scale_k = 0;  /* "#,##0": a separator */
            if (after_point) {
                s->max_dec++;
                if (c == '0') s->min_dec = s->max_dec;
            } else if (c == '0') {
                s->min_int++;
            }
            s->has_digits = 1;
            last_was_digit = 1;
        } else if (c == '.' && !after_point) {
            after_point = 1;
            s->has_digits = 1;
            last_was_digit = 1;
        } else if (c == ',' && last_was_digit) {
            s->scale_k++;   /* a separator if digits follow, else a scale */
        } else if (c == '%') {
            s->percent = 1;
            if (numfmt_literal(s, "%", 1)) return -1;
            last_was_digit = 0;
        } else if (strchr("$-+/():!^&'~{}<>= ", c) || (unsigned char)c >= 0x80) {
            if (numfmt_literal(s, p, 1)) return -1;
            last_was_digit = 0;
        } else {
            return -1;      /* dates, E+, @, text: not in the subset */
        }
        p++;
    }
    return 0;   /* a section of literals only ("-") shows just them */
}

/* Finds the end of the section starting at p (a ';' outside quotes). */
static const char *numfmt_section_end(const char *p)
{
    int quoted = 0;
    for (; *p; p++) {
        if (*p == '"') quoted = !quoted;
        else if (*p == '\\' && p[1] && !quoted) p++;
        else if (*p == ';' && !quoted) return p;
    }
    return p;
}

size_t numfmt_format(char *buf, size_t size, double value, int decimals,
                     const char *format, int percent)
{
    const char *starts[3], *ends[3];
    numfmt_section s;
    char digits[NUMFMT_DIGITS];
    size_t len = 0;
    int n = 0, which = 0;
    double v;

    if (size) buf[0] = '\0';
    if (isnan(value)) return 0;
    if (isinf(value)) {
        numfmt_put(buf, size, &len, value < 0 ? "-∞" : "∞", value < 0 ? 4 : 3);
        return numfmt_written(size, len);
    }
    if (!format || !*format) return numfmt_default(buf, size, value, decimals, percent);

    for (const char *p = format; n < 3; n++) {
        starts[n] = p;
        ends[n] = numfmt_section_end(p);
        if (!*ends[n]) { n++; break; }
        p = ends[n] + 1;
    }
    if (value < 0 && n >= 2) which = 1;
    else if (value == 0 && n >= 3) which = 2;
    if (numfmt_parse(&s, starts[which], ends[which]))
        return numfmt_default(buf, size, value, decimals, percent);

    v = value;
    if (s.percent && !percent) v *= 100;
    for (int k = 0; k < s.scale_k; k++) v /= 1000;
    numfmt_digits(digits, v, s.max_dec);
    /* one section: negatives carry a '-'; with a negative section, it
     * writes its own sign (or parentheses) */
    if (v < 0 && which == 0 && !numfmt_is_zero(digits)) numfmt_put(buf, size, &len, "-", 1);
    numfmt_put(buf, size, &len, s.prefix, strlen(s.prefix));
    if (s.has_digits) numfmt_put_number(buf, size, &len, digits, s.grouping, s.min_int, s.min_dec);
    numfmt_put(buf, size, &len, s.suffix, strlen(s.suffix));
    return numfmt_written(size, len);
}

size_t numfmt_with_unit(char *buf, size_t size, double value, int decimals, const char *unit)
{
    size_t n = numfmt_format(buf, size, value, decimals, NULL, 0);
    if (!unit || !*unit || n >= size)
        return n;
    int k = snprintf(buf + n, size - n, "%s%s", unit[0] == '%' ? "" : " ", unit);
    return k < 0 ? n : numfmt_written(size, n + (size_t)k);
}
