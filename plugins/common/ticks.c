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
    out->lo_end = out->min, out->hi_end = out->max;
    out->decimals = (int)-floor(log10(step) + 1e-9);
    if (out->decimals < 0) out->decimals = 0;
    if (out->decimals > 15) out->decimals = 15;
    return 0;
}

/* The step between minor ticks: steps of 2 divide in four, others in five. */
static double ticks_minor(double step)
{
    double mag = pow(10, floor(log10(step))), f = step / mag;
    return f > 1.5 && f < 3 ? step / 4 : step / 5;
}

void ticks_trim(ticks *t, double lo, double hi)
{
    double minor = ticks_minor(t->step), a, b;

    if (!isfinite(lo) || !isfinite(hi) || lo > hi || !(minor > 0)) return;
    a = ticks_snap(lo, minor, floor);
    b = ticks_snap(hi, minor, ceil);
    if (!isfinite(a) || !isfinite(b) || a < t->min || b > t->max || a >= b) return;
    t->lo_end = a, t->hi_end = b;
    /* the labelled ticks: the multiples of step inside the ends */
    while (t->count > 2 && t->min < a - t->step * 1e-9) t->min += t->step, t->count--;
    while (t->count > 2 && t->max > b + t->step * 1e-9) t->max -= t->step, t->count--;
    if (fabs(t->min) < t->step * 1e-9) t->min = 0;
    if (fabs(t->max) < t->step * 1e-9) t->max = 0;
}

int ticks_fixed(double lo, double hi, int target, ticks *out)
{
    if (!isfinite(lo) || !isfinite(hi) || !(hi > lo)) return -1;
    if (ticks_compute(lo, hi, target, out)) return -1;
    double minor = out->step;
    out->lo_end = lo, out->hi_end = hi;
    out->min = ticks_snap(lo, minor, ceil);
    out->max = ticks_snap(hi, minor, floor);
    if (out->max < out->min) {          /* no whole step inside: the ends alone */
        out->min = lo, out->max = hi, out->step = hi - lo;
    }
    out->count = (int)lround(out->max / out->step - out->min / out->step) + 1;
    if (out->count < 1) out->count = 1;
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
