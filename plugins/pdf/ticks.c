/* ticks.c — 'nice' axis ticks (1-2-5 steps) and their labels. */
#include "ticks.h"

#include <math.h>

#include "numfmt.h"

/* The 1, 2 or 5 x 10^k nearest raw (Heckbert's rounding), so that the
 * count of intervals lands near the target rather than always below it. */
static double ticks_nice_step(double raw)
{
    double mag = pow(10, floor(log10(raw)));
    double f = raw / mag;

    if (f < 1.5) return mag;
    if (f < 3) return 2 * mag;
    if (f < 7) return 5 * mag;
    return 10 * mag;
}

/* The multiple of step below (round = floor) or above (ceil) v, where a v
 * that is a multiple but for binary noise (0.1 * 3) counts as one. */
static double ticks_snap(double v, double step, double (*round_fn)(double))
{
    double q = v / step, near = nearbyint(q);

    if (fabs(v - near * step) <= fmax(fabs(v), step) * 1e-12) return near * step;
    return round_fn(q) * step;
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
    /* divided first: hi - lo overflows for ranges near +-DBL_MAX */
    step = ticks_nice_step(hi / target - lo / target);
    /* steps lost in the magnitude of the values would repeat one tick */
    mag = fmax(fabs(lo), fabs(hi));
    if (step < mag * 1e-12) step = ticks_nice_step(mag * 1e-12);
    out->step = step;
    out->min = ticks_snap(lo, step, floor);
    out->max = ticks_snap(hi, step, ceil);
    if (!isfinite(out->min) || !isfinite(out->max) || !isfinite(step)) {
        out->min = lo, out->max = hi;   /* not nice, but finite */
        out->step = step = hi / target - lo / target;
    }
    out->count = (int)lround(out->max / step - out->min / step) + 1;
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
