/* datefmt.c — Excel date formats on a day (see datefmt.h for the codes).
 *
 * One walk over the format serves both questions: what it shows (the
 * finest unit, names, quarters) and the text of one date. */
#include "datefmt.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const months_en[12] = {"January", "February", "March",     "April",
                                          "May",     "June",     "July",      "August",
                                          "September", "October", "November", "December"};
static const char *const days_en[7] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
static const char *const days_ko[7] = {"일", "월", "화", "수", "목", "금", "토"};

/* What the walk found. */
typedef struct datefmt_info {
    int unit;       /* finest DATEFMT_* seen */
    int quarter;    /* q seen */
    int names;      /* mmm+ or ddd+ seen */
} datefmt_info;

/* The output being written: buf of size, len wanted so far. */
typedef struct datefmt_out {
    char *buf;
    size_t size, len;
} datefmt_out;

static void put(datefmt_out *o, const char *s, size_t n)
{
    if (!o) return;
    for (size_t i = 0; i < n; i++, o->len++)
        if (o->len + 1 < o->size) o->buf[o->len] = s[i];
    if (o->size) o->buf[o->len < o->size ? o->len : o->size - 1] = '\0';
}

/* v in decimal, at least two digits when two. */
static void putn(datefmt_out *o, int v, int two)
{
    char tmp[32];
    int n = snprintf(tmp, sizeof tmp, two ? "%02d" : "%d", v);
    if (n > 0) put(o, tmp, (size_t)n);
}

static void puts_(datefmt_out *o, const char *s)
{
    put(o, s, strlen(s));
}

static int lower(char c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static void finer(datefmt_info *in, int unit)
{
    if (!in->unit || unit < in->unit) in->unit = unit;
}

/* The next date/time code letter after p (skipping literals), or 0. */
static int next_code(const char *p)
{
    for (; *p && *p != ';'; p++) {
        if (*p == '"') {
            const char *q = strchr(p + 1, '"');
            if (!q) return 0;
            p = q;
        } else if (*p == '\\' && p[1]) {
            p++;
        } else if (*p == '[') {
            const char *q = strchr(p, ']');
            if (!q) return 0;
            p = q;
        } else if (strchr("ymdqehs", lower(*p))) {
            return lower(*p);
        }
    }
    return 0;
}

/* Walks the first section of format: fills in and, when o is given,
 * writes the date y-m-d (weekday wd). Returns -1 when format is not a
 * date format. */
static int walk(const char *format, datefmt_info *in, datefmt_out *o, int y, int m, int d,
                int wd, int korean)
{
    int last = 0;   /* the previous code letter: 'h' makes m minutes */

    memset(in, 0, sizeof *in);
    for (const char *p = format; *p && *p != ';';) {
        char c = (char)lower(*p);
        size_t run = 1;
        while (lower(p[run]) == c && strchr("ymdqehs", c)) run++;
        if (*p == '"') {
            const char *q = strchr(p + 1, '"');
            if (!q) return -1;
            put(o, p + 1, (size_t)(q - p - 1));
            p = q + 1;
            continue;
        }
        if (*p == '\\' && p[1]) {
            size_t n = 1;   /* the whole UTF-8 character */
            while (((unsigned char)p[1 + n] & 0xc0) == 0x80) n++;
            put(o, p + 1, n);
            p += 1 + n;
            continue;
        }
        if (*p == '[') {    /* [$-412], [Red]: not shown */
            const char *q = strchr(p, ']');
            if (!q) return -1;
            p = q + 1;
            continue;
        }
        if (*p == '_' || *p == '*') {   /* padding: a space; fill: nothing */
            if (*p == '_') put(o, " ", 1);
            p += p[1] ? 2 : 1;
            continue;
        }
        switch (c) {
        case 'y':
        case 'e':
            finer(in, DATEFMT_YEAR);
            if (c == 'y' && run <= 2) putn(o, ((y % 100) + 100) % 100, 1);
            else putn(o, y, 0);
            break;
        case 'q':
            finer(in, DATEFMT_QUARTER);
            in->quarter = 1;
            putn(o, (m - 1) / 3 + 1, 0);
            break;
        case 'm':
            if (last == 'h' || next_code(p + run) == 's') {   /* minutes */
                putn(o, 0, run >= 2);
                break;
            }
            finer(in, DATEFMT_MONTH);
            if (run <= 2) {
                putn(o, m, run == 2);
                break;
            }
            in->names = 1;
            if (korean) putn(o, m, 0), puts_(o, "월");
            else if (run == 3) put(o, months_en[m - 1], 3);
            else if (run == 4) puts_(o, months_en[m - 1]);
            else put(o, months_en[m - 1], 1);
            break;
        case 'd':
            finer(in, DATEFMT_DAY);
            if (run <= 2) {
                putn(o, d, run == 2);
                break;
            }
            in->names = 1;
            if (korean) {
                puts_(o, days_ko[wd]);
                if (run >= 4) puts_(o, "요일");
            } else {
                put(o, days_en[wd], run == 3 ? 3 : strlen(days_en[wd]));
            }
            break;
        case 'h':
        case 's':
            putn(o, 0, run >= 2);
            break;
        default:
            if (strchr("-/.,: ()+$'!^&~{}<>=", *p) || (unsigned char)*p >= 0x80) {
                put(o, p, 1);
                break;
            }
            return -1;  /* digits, @, E+, other letters: not a date format */
        }
        if (strchr("ymdqehs", c)) last = c;
        p += run;
    }
    return in->unit ? 0 : -1;
}

int datefmt_unit(const char *format)
{
    datefmt_info in;
    if (!format || walk(format, &in, NULL, 2000, 1, 1, 0, 0)) return DATEFMT_NONE;
    return in.unit;
}

int datefmt_has_quarter(const char *format)
{
    datefmt_info in;
    return format && walk(format, &in, NULL, 2000, 1, 1, 0, 0) == 0 && in.quarter;
}

int datefmt_has_names(const char *format)
{
    datefmt_info in;
    return format && walk(format, &in, NULL, 2000, 1, 1, 0, 0) == 0 && in.names;
}

size_t datefmt_months_as_numbers(char *buf, size_t size, const char *format)
{
    datefmt_out o = {buf, size, 0};
    int last = 0;

    if (size) buf[0] = '\0';
    for (const char *p = format; p && *p;) {
        char c = (char)lower(*p);
        size_t run = 1;
        if (*p == '"' || *p == '[') {       /* copied whole */
            const char *q = strchr(p + 1, *p == '"' ? '"' : ']');
            size_t n = q ? (size_t)(q - p + 1) : strlen(p);
            put(&o, p, n);
            p += n;
            continue;
        }
        if (*p == '\\' && p[1]) {
            put(&o, p, 2);
            p += 2;
            continue;
        }
        while (lower(p[run]) == c && strchr("ymdqehs", c)) run++;
        if (c == 'm' && run >= 3 && last != 'h' && next_code(p + run) != 's')
            puts_(&o, "m\"월\"");
        else
            put(&o, p, run);
        if (strchr("ymdqehs", c)) last = c;
        p += run;
    }
    return size == 0 ? 0 : o.len < size ? o.len : size - 1;
}

/* Hinnant's civil_from_days. */
void datefmt_civil(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

size_t datefmt_format(char *buf, size_t size, double days, const char *format, int korean)
{
    datefmt_info in;
    datefmt_out o = {buf, size, 0};
    int y, m, d;

    if (size) buf[0] = '\0';
    /* beyond ±5 million years the year no longer fits the text */
    if (!format || !isfinite(days) || fabs(days) > 2e9) return 0;
    long z = lround(floor(days));
    datefmt_civil(z, &y, &m, &d);
    int wd = (int)(((z % 7) + 11) % 7);   /* 1970-01-01 was a Thursday (4) */
    if (walk(format, &in, &o, y, m, d, wd, korean)) {
        if (size) buf[0] = '\0';
        return 0;
    }
    return size == 0 ? 0 : o.len < size ? o.len : size - 1;
}
