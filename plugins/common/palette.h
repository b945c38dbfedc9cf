/* palette.h — the template's colours as every plugin uses them.
 *
 * The core hands plugins the template's palette (its default template
 * has one); a view built by hand may have none, and then these six are
 * used, the same as the core's default template. */
#ifndef QUIRE_COMMON_PALETTE_H
#define QUIRE_COMMON_PALETTE_H

#include <stddef.h>
#include <stdint.h>

#define PALETTE_DEFAULT_N 6
extern const uint32_t palette_default[PALETTE_DEFAULT_N];

/* Colour i (0xRRGGBB) of palette[0..n), round again past its end; the
 * default palette when there is none. */
uint32_t palette_color(const uint32_t *palette, size_t n, size_t i);
/* The same, but each time round the palette lighter (30 %, then 60 %
 * towards white), so that the first and the seventh slice differ. */
uint32_t palette_color_rounds(const uint32_t *palette, size_t n, size_t i);
/* rgb mixed with white: share 1 is rgb, 0 is white. */
uint32_t palette_tint(uint32_t rgb, double share);
/* rgb mixed with black: share 1 is rgb, 0 is black. */
uint32_t palette_shade(uint32_t rgb, double share);
/* rgb faded toward grey: the categories a chart's highlight leaves out. */
uint32_t palette_muted(uint32_t rgb);
/* WCAG 2 contrast ratio of two colours (1 to 21). */
double palette_contrast(uint32_t a, uint32_t b);
/* rgb made darker (or lighter, on a dark background) until it reaches
 * ratio against background (WCAG 1.4.3 asks 4.5 of text). */
uint32_t palette_readable(uint32_t rgb, uint32_t background, double ratio);

#endif
