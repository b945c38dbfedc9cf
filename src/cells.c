/* cells.c — numbers, dates and ids as the dataset writes them. */
#include "cells.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static int same_word(const char *s, size_t len, const char *w)
{
    return strlen(w) == len && memcmp(s, w, len) == 0;
}

/* .inf / .nan in the spellings YAML allows. */
static cell_status parse_special(const char *s, size_t len, double *value)
{
    int neg = 0;
    if (len && (*s == '-' || *s == '+')) {
        neg = *s == '-';
        s++, len--;
    }
    if (same_word(s, len, ".inf") || same_word(s, len, ".Inf") || same_word(s, len, ".INF")) {
        *value = neg ? -INFINITY : INFINITY;
        return CELL_NOT_FINITE;
    }
    if (same_word(s, len, ".nan") || same_word(s, len, ".NaN") || same_word(s, len, ".NAN")) {
        *value = NAN;
        return CELL_NOT_FINITE;
    }
    return CELL_NOT_NUMBER;
}

/* Exact powers of ten: a mantissa below 2^53 divided by one of these is
 * rounded correctly, which makes the fast path give strtod's answer. */
static const double pow10_exact[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                     1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                     1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

cell_status cells_parse_number(const char *s, size_t len, double *value,
                               unsigned char *decimals)
{
    size_t i = 0, int_digits = 0, frac_digits = 0;
    int neg = 0, has_exp = 0, has_point = 0, nonzero = 0;
    long exp = 0;
    uint64_t mant = 0;
    int mant_exact = 1;

    if (i < len && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    for (; i < len && is_digit(s[i]); i++, int_digits++) {
        if (mant > (UINT64_C(1) << 53) / 10) mant_exact = 0;
        mant = mant * 10 + (uint64_t)(s[i] - '0');
        nonzero |= s[i] != '0';
    }
    if (i < len && s[i] == '.') {
        has_point = 1;
        for (i++; i < len && is_digit(s[i]); i++, frac_digits++) {
            if (mant > (UINT64_C(1) << 53) / 10) mant_exact = 0;
            mant = mant * 10 + (uint64_t)(s[i] - '0');
            nonzero |= s[i] != '0';
        }
    }
    if (int_digits + frac_digits == 0)
        return parse_special(s, len, value);
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        int eneg = 0;
        size_t edigits = 0;
        has_exp = 1;
        i++;
        if (i < len && (s[i] == '-' || s[i] == '+'))
            eneg = s[i++] == '-';
        for (; i < len && is_digit(s[i]); i++, edigits++)
            if (exp < 100000) exp = exp * 10 + (s[i] - '0');
        if (edigits == 0)
            return CELL_NOT_NUMBER;
        if (eneg) exp = -exp;
    }
    if (i != len)
        return CELL_NOT_NUMBER;

    long dec = (long)frac_digits - exp;
    *decimals = dec < 0 ? 0 : dec > 255 ? 255 : (unsigned char)dec;
    /* An integer as written is exact or an error: 9007199254740993 would
     * silently become ...992. */
    if (!has_exp && !has_point && (!mant_exact || mant > (UINT64_C(1) << 53)))
        return CELL_NOT_EXACT;

    if (!has_exp && mant_exact && mant < (UINT64_C(1) << 53) && frac_digits <= 22) {
        double v = (double)mant / pow10_exact[frac_digits];
        *value = neg ? -v : v;
        return CELL_OK;
    }
    /* The slow path needs a NUL-terminated copy. */
    char buf[128];
    char *tmp = len < sizeof buf ? buf : malloc(len + 1);
    if (!tmp)
        return CELL_NOT_NUMBER;
    memcpy(tmp, s, len);
    tmp[len] = '\0';
    double v = strtod(tmp, NULL);
    if (tmp != buf)
        free(tmp);
    *value = v;
    if (!isfinite(v))
        return CELL_NOT_FINITE;
    if (nonzero && !isnormal(v))
        return CELL_UNDERFLOW;
    return CELL_OK;
}

const char *cells_status_reason(cell_status st)
{
    switch (st) {
    case CELL_OK: return "a number";
    case CELL_NOT_NUMBER: return "not a number";
    case CELL_NOT_FINITE: return "not a finite number";
    case CELL_NOT_EXACT: return "an integer beyond \u00b12^53, which a double cannot hold exactly";
    case CELL_UNDERFLOW: return "too close to 0 for a double: below 2.2e-308 in magnitude";
    }
    return "not a number";
}

int cells_parse_bool(const char *s, size_t len, int *out)
{
    if (same_word(s, len, "true") || same_word(s, len, "True") || same_word(s, len, "TRUE")) {
        *out = 1;
        return 0;
    }
    if (same_word(s, len, "false") || same_word(s, len, "False") || same_word(s, len, "FALSE")) {
        *out = 0;
        return 0;
    }
    return -1;
}

int cells_is_integer(double value)
{
    return isfinite(value) && value == floor(value) && fabs(value) <= 9007199254740992.0;
}

/* Days from civil, after H. Hinnant's public-domain algorithm. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static int digits(const char *s, size_t n, unsigned *out)
{
    unsigned v = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return -1;
        v = v * 10 + (unsigned)(s[i] - '0');
    }
    *out = v;
    return 0;
}

int cells_parse_date(const char *s, size_t len, int64_t *days)
{
    static const unsigned mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    unsigned y, m, d;
    if (len != 10 || s[4] != '-' || s[7] != '-')
        return -1;
    if (digits(s, 4, &y) || digits(s + 5, 2, &m) || digits(s + 8, 2, &d))
        return -1;
    if (m < 1 || m > 12 || d < 1)
        return -1;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[m - 1] + (m == 2 && leap))
        return -1;
    *days = days_from_civil(y, m, d);
    return 0;
}

int cells_parse_period(const char *s, size_t len, int quarters, int64_t *first,
                       int64_t *last)
{
    unsigned y, m, q;
    if (cells_parse_date(s, len, first) == 0) {
        *last = *first;
        return 0;
    }
    if (len != 7 || s[4] != '-' || digits(s, 4, &y))
        return -1;
    if (digits(s + 5, 2, &m) == 0 && m >= 1 && m <= 12) {
        *first = days_from_civil(y, m, 1);
        *last = (m == 12 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, m + 1, 1)) - 1;
        return 0;
    }
    if (quarters && s[5] == 'Q' && digits(s + 6, 1, &q) == 0 && q >= 1 && q <= 4) {
        *first = days_from_civil(y, 3 * q - 2, 1);
        *last = (q == 4 ? days_from_civil(y + 1, 1, 1) : days_from_civil(y, 3 * q + 1, 1)) - 1;
        return 0;
    }
    return -1;
}

int cells_is_null(const char *s, size_t len)
{
    return len == 0 || same_word(s, len, "~") || same_word(s, len, "null") ||
           same_word(s, len, "Null") || same_word(s, len, "NULL");
}

int cells_valid_id(const char *s, int with_underscore)
{
    if (!((*s >= 'a' && *s <= 'z') || is_digit(*s)))
        return 0;
    for (s++; *s; s++) {
        int ok = (*s >= 'a' && *s <= 'z') || is_digit(*s) || *s == '-' ||
                 (with_underscore && *s == '_');
        if (!ok)
            return 0;
    }
    return 1;
}

static int is_alnum(char c)
{
    return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int cells_valid_language(const char *s)
{
    size_t n = 0;
    for (; (*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z'); s++)
        n++;
    if (n < 2 || n > 8)
        return 0;
    while (*s == '-') {
        s++;
        for (n = 0; is_alnum(*s); s++)
            n++;
        if (n < 1 || n > 8)
            return 0;
    }
    return *s == '\0';
}
