/* palette.c — see palette.h. */
#include "palette.h"

#include <math.h>

const uint32_t palette_default[PALETTE_DEFAULT_N] = {0x1f4e79, 0xe07b39, 0x5b9a68,
                                                     0xc0504d, 0x8064a2, 0x4bacc6};

uint32_t palette_color(const uint32_t *palette, size_t n, size_t i)
{
    if (!palette || !n)
        palette = palette_default, n = PALETTE_DEFAULT_N;
    return palette[i % n] & 0xffffffu;
}

uint32_t palette_color_rounds(const uint32_t *palette, size_t n, size_t i)
{
    if (!palette || !n)
        palette = palette_default, n = PALETTE_DEFAULT_N;
    uint32_t rgb = palette[i % n], out = 0;
    double mix = (double)((i / n) % 3) * 0.3;
    for (int shift = 0; shift <= 16; shift += 8) {
        double c = (rgb >> shift) & 0xff;
        out |= (uint32_t)lround(c + (255 - c) * mix) << shift;
    }
    return out;
}

/* rgb moved toward the colour toward: share 1 is rgb, 0 is toward. */
static uint32_t mix(uint32_t rgb, uint32_t toward, double share)
{
    uint32_t out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double c = (double)((rgb >> shift) & 0xFF), t = (double)((toward >> shift) & 0xFF);
        out |= (uint32_t)(t + (c - t) * share + 0.5) << shift;
    }
    return out;
}

uint32_t palette_tint(uint32_t rgb, double share)
{
    return mix(rgb, 0xFFFFFFu, share);
}

uint32_t palette_shade(uint32_t rgb, double share)
{
    return mix(rgb, 0x000000u, share);
}

uint32_t palette_muted(uint32_t rgb)
{
    return mix(rgb, 0xCCCCCCu, 0.25);
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

double palette_contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

uint32_t palette_readable(uint32_t rgb, uint32_t background, double ratio)
{
    int dark_bg = luminance(background) < 0.18;
    for (double share = 1.0; share > 0; share -= 0.02) {
        uint32_t c = dark_bg ? palette_tint(rgb, share) : palette_shade(rgb, share);
        if (palette_contrast(c, background) >= ratio)
            return c;
    }
    return dark_bg ? 0xFFFFFFu : 0x000000u;
}
