/* colors.c — the template's palette as the page uses it, and the WCAG 2
 * contrast every text colour is checked against (1.4.3: 4.5:1). */
#include "html.h"

#include <math.h>

#define DEFAULT_ACCENT 0x1f4e79u

uint32_t color_palette(const quire_template *tp, size_t i)
{
    if (!tp->palette || !tp->n_palette)
        return DEFAULT_ACCENT;
    return tp->palette[i % tp->n_palette] & 0xFFFFFFu;
}

static uint32_t mix(uint32_t rgb, uint32_t toward, double share)
{
    uint32_t out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double c = (double)((rgb >> shift) & 0xFF), t = (double)((toward >> shift) & 0xFF);
        out |= (uint32_t)(t + (c - t) * share + 0.5) << shift;
    }
    return out;
}

uint32_t color_tint(uint32_t rgb, double share)
{
    return mix(rgb, 0xFFFFFFu, share);
}

uint32_t color_shade(uint32_t rgb, double share)
{
    return mix(rgb, 0x000000u, share);
}

/* Relative luminance (WCAG 2, sRGB). */
static double luminance(uint32_t rgb)
{
    double l = 0;
    static const double weight[3] = {0.2126, 0.7152, 0.0722};
    for (int i = 0; i < 3; i++) {
        double c = (double)((rgb >> (16 - 8 * i)) & 0xFF) / 255.0;
        c = c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
        l += weight[i] * c;
    }
    return l;
}

double color_contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

uint32_t color_readable(uint32_t rgb, uint32_t background, double ratio)
{
    int dark_bg = luminance(background) < 0.18;
    for (double share = 1.0; share > 0; share -= 0.02) {
        uint32_t c = dark_bg ? color_tint(rgb, share) : color_shade(rgb, share);
        if (color_contrast(c, background) >= ratio)
            return c;
    }
    return dark_bg ? 0xFFFFFFu : 0x000000u;
}
