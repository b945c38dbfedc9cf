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
    double lo_end, hi_end; /* where the axis ends: min and max, unless ticks_trim() */
} ticks;

/* Ticks covering [lo, hi] in about target intervals (5 when target < 1).
 * A zero span (lo == hi) is widened around the value. Returns 0, or -1
 * when lo or hi is not finite. */
int ticks_compute(double lo, double hi, int target, ticks *out);

/* Pulls the axis ends in to the next minor tick (a fifth of a step, a
 * quarter for steps of 2) beyond lo and hi, so that the axis never runs
 * a whole step past the data: [-0.8, 80] ends at -5, not -20. The
 * labelled ticks (min .. max, count) shrink to those inside the ends. */
void ticks_trim(ticks *t, double lo, double hi);

/* Ticks for an axis that must end exactly at lo and hi (the template's
 * y_min, y_max): labelled ticks are the steps inside. */
int ticks_fixed(double lo, double hi, int target, ticks *out);

/* Value of tick i (0 .. count-1), with rounding noise near zero removed. */
double ticks_value(const ticks *t, int i);

/* Label of tick i: t->decimals digits, thousands separators, '-' when
 * negative. Returns the length written into buf (size bytes). */
size_t ticks_label(char *buf, size_t size, const ticks *t, int i);

#endif
