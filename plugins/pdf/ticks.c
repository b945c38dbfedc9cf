/* ticks.c — 'nice' axis ticks (1-2-5 steps) and their labels. */
#include "ticks.h"

#include <math.h>

#include "numfmt.h"

/* The smallest 1, 2 or 5 x 10^k at least raw. */
static double ticks_nice_step(double raw)
{
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;

    if (f <= 1 + 1e-9) return mag;
    if (f <= 2 + 1e-9) return 2 * mag;
    if (f <= 5 + 1e-9) return 5 * mag;
    return 10 * mag;
}

/* Widens an empty range so that it has something to divide. */
static void ticks_widen(double *lo, double *hi)
{
    double pad = fabs(*lo) * 0.1;

    if (pad == 0) pad = 1;
    if (*lo == 0) *hi = 1;
    else *lo -= pad, *hi += pad;
}

int ticks_compute(double lo, double hi, int target, ticks *out)
{
    double step, mag;

    if (!isfinite(lo) || !isfinite(hi)) return -1;
    if (lo > hi) {
        double t = lo;
        lo = hi, hi = t;
    }
    if (target < 1) target = 5;
    if (hi - lo <= fabs(hi) * 1e-12 || hi == lo) ticks_widen(&lo, &hi);
    if (!isfinite(hi - lo)) {        /* -DBL_MAX .. DBL_MAX: halve both */
        lo /= 2, hi /= 2;
    }
    step = ticks_nice_step((hi - lo) / target);
    /* steps lost in the magnitude of the values would repeat one tick */
    mag = fmax(fabs(lo), fabs(hi));
    if (step < mag * 1e-12) step = ticks_nice_step(mag * 1e-12);
    out->step = step;
    out->min = floor(lo / step + 1e-9) * step;
    out->max = ceil(hi / step - 1e-9) * step;
    if (!isfinite(out->min) || !isfinite(out->max)) out->min = lo, out->max = hi;
    out->count = (int)lround((out->max - out->min) / step) + 1;
    out->decimals = (int)-floor(log10(step) + 1e-9);
    if (out->decimals < 0) out->decimals = 0;
    if (out->decimals > 15) out->decimals = 15;
    return 0;
}

double ticks_value(const ticks *t, int i)
{
    double v = t->min + i * t->step;

    if (i == t->count - 1) v = t->max;
    if (fabs(v) < t->step * 1e-9) v = 0;
    return v;
}

size_t ticks_label(char *buf, size_t size, const ticks *t, int i)
{
    return numfmt_format(buf, size, ticks_value(t, i), t->decimals, NULL, 0);
}
