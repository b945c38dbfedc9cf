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

uint32_t palette_tint(uint32_t rgb, double share)
{
    uint32_t out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double c = (double)((rgb >> shift) & 0xFF);
        out |= (uint32_t)(255.0 - (255.0 - c) * share + 0.5) << shift;
    }
    return out;
}
