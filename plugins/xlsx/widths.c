/*
 * widths.c — column widths fitted to the content, in Excel's unit (the
 * width of one digit). East Asian wide characters take two.
 */
#include <math.h>
#include <stdio.h>

#include "xlsx.h"

#define WIDTH_MIN 6.0
#define WIDTH_MAX 60.0
#define FILTER_BUTTON 3   /* the header's autofilter arrow */

/* East Asian Wide and Fullwidth ranges (UAX #11), the ones that occur. */
static int is_wide(uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) ||
           (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
           (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
           (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7a3) ||
           (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
           (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) ||
           (cp >= 0x1f300 && cp <= 0x1f64f) || (cp >= 0x1f900 && cp <= 0x1f9ff) ||
           (cp >= 0x20000 && cp <= 0x3fffd);
}

size_t xlsx_text_width(const char *s)
{
    size_t w = 0, line = 0;

    while (*s) {
        uint32_t cp = utf8_next(&s);
        if (cp == '\n') {  /* a multi-line cell is as wide as its widest line */
            line = 0;
            continue;
        }
        line += is_wide(cp) ? 2 : 1;
        if (line > w)
            w = line;
    }
    return w;
}

size_t xlsx_number_width(double v, unsigned decimals)
{
    size_t w = v < 0 ? 1 : 0, digits = 1;
    double a = fabs(v);

    if (decimals > XLSX_MAX_DECIMALS)
        decimals = XLSX_MAX_DECIMALS;
    if (a >= 1e15) {
        digits = (size_t)floor(log10(a)) + 1;
    } else {
        for (double p = 10; p <= a; p *= 10)
            digits++;
    }
    w += digits + (digits - 1) / 3;   /* thousands separators */
    if (decimals)
        w += 1 + decimals;
    return w;
}

static size_t cell_width(const quire_column *c, size_t row)
{
    if (quire_cell_is_null(c, row))
        return 0;
    switch (c->type) {
    case QUIRE_TEXT:
        return xlsx_text_width(c->texts[row]);
    case QUIRE_DATE:
        return 10;
    case QUIRE_PERCENT:
        return xlsx_number_width(c->numbers[row], c->decimals[row]) + 1;
    default:
        return xlsx_number_width(c->numbers[row], c->decimals[row]);
    }
}

double xlsx_column_width(const quire_column *c, const char *header, size_t from, size_t to)
{
    size_t w = xlsx_text_width(header) + FILTER_BUTTON;

    for (size_t r = from; r < to; r++) {
        size_t cw = cell_width(c, r);
        if (cw > w)
            w = cw;
    }
    /* A custom format may add literal text; its length is a fair bound. */
    if (c->format && c->type != QUIRE_TEXT) {
        size_t fw = xlsx_text_width(c->format);
        if (fw > w)
            w = fw;
    }
    double width = (double)w + 1.0;
    return width < WIDTH_MIN ? WIDTH_MIN : width > WIDTH_MAX ? WIDTH_MAX : width;
}
