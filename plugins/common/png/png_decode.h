/* png_decode.h — a PNG held in memory, decoded with libpng. The one PNG
 * decoder of quire: the host's image check (src/image_probe.c) and the PDF
 * plugin (plugins/pdf/image.c) both call it, so the files validate accepts
 * are exactly those the PDF can embed. Every kind of PNG decodes:
 * interlaced, palette (with tRNS), gray of 1 to 16 bits, 16-bit colour. */
#ifndef QUIRE_PNG_DECODE_H
#define QUIRE_PNG_DECODE_H

#include <stddef.h>
#include <stdint.h>

/* Images wider or taller than this are refused (libpng's own limit). */
#define PNG_DECODE_MAX_SIDE (1u << 16)
/* The most bytes a PNG may decode to, counted before decoding starts as
 * the larger of its own samples (16-bit ones two bytes) and the 8-bit
 * pixels handed out: a few-megabyte file of 16384² 16-bit RGBA pixels
 * would otherwise inflate to 2 GiB, a palette image to four times its
 * size. */
#define PNG_DECODE_MAX_BYTES (128ULL * 1024 * 1024)

enum {
    PNG_DECODE_OK = 0,
    PNG_DECODE_CORRUPT = -1,    /* not a PNG, truncated, a bad chunk or stream */
    PNG_DECODE_NO_MEMORY = -2,
    PNG_DECODE_TOO_LARGE = -3,  /* over PNG_DECODE_MAX_BYTES (width, height, bytes set) */
};

typedef struct png_decoded {
    uint32_t width, height;
    unsigned channels;          /* 1 gray, 2 gray+alpha, 3 RGB, 4 RGBA; 8 bits each */
    unsigned long long bytes;   /* what decoding costs, as bounded above */
    unsigned char *pixels;      /* height rows of width × channels bytes, or NULL */
} png_decoded;

/* Decodes every row of the PNG in data. With keep, the pixels stay in
 * out->pixels (free them with png_decoded_free); without, the rows are
 * only read through one row's buffer, to find a broken stream. Returns a
 * PNG_DECODE_* value; out is zeroed first. */
int png_decode(const unsigned char *data, size_t size, int keep, png_decoded *out);
void png_decoded_free(png_decoded *im);

#endif
