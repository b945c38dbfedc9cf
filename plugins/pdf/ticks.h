/* ticks.h — 'nice' axis ticks: steps of 1, 2 or 5 times a power of ten.
 *
 * Pure functions, no PDF: the chart code asks for ticks covering its data
 * range and formats their labels with ticks_label(). */
#ifndef QUIRE_PDF_TICKS_H
#define QUIRE_PDF_TICKS_H

#include <stddef.h>

typedef struct ticks {
    double min, max;   /* first and last tick; min <= data low, max >= data high */
    double step;       /* 1, 2 or 5 x 10^k */
    int count;         /* number of ticks, min and max included */
    int decimals;      /* digits after the point a label needs for step */
} ticks;

/* Ticks covering [lo, hi] in about target intervals (5 when target < 1).
 * A zero span (lo == hi) is widened around the value. Returns 0, or -1
 * when lo or hi is not finite. */
int ticks_compute(double lo, double hi, int target, ticks *out);

/* Value of tick i (0 .. count-1), with rounding noise near zero removed. */
double ticks_value(const ticks *t, int i);

/* Label of tick i: t->decimals digits, thousands separators, '-' when
 * negative. Returns the length written into buf (size bytes). */
size_t ticks_label(char *buf, size_t size, const ticks *t, int i);

#endif
