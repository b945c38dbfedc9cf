/* png_decode.c — a PNG in memory decoded with libpng into 8-bit gray or
 * RGB pixels, with alpha when the file has any (a tRNS chunk becomes
 * alpha), every interlace pass read; bounded in bytes before decoding. */
#include "png_decode.h"

#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* libpng would print its messages; the callers word their own. */
static void on_error(png_structp png, png_const_charp msg)
{
    (void)msg;
    png_longjmp(png, 1);
}

static void on_warning(png_structp png, png_const_charp msg)
{
    (void)png, (void)msg;
}

typedef struct mem_reader {
    const unsigned char *data;
    size_t size, at;
} mem_reader;

static void read_mem(png_structp png, png_bytep out, size_t n)
{
    mem_reader *r = png_get_io_ptr(png);
    if (n > r->size - r->at)
        png_error(png, "truncated");
    memcpy(out, r->data + r->at, n);
    r->at += n;
}

/* Reads the header, sets the transformations and the size; returns
 * PNG_DECODE_OK or PNG_DECODE_TOO_LARGE (libpng longjmps on the rest). */
static int read_header(png_structp png, png_infop info, png_decoded *out, size_t *rowbytes,
                       int *passes)
{
    png_set_user_limits(png, PNG_DECODE_MAX_SIDE, PNG_DECODE_MAX_SIDE);
    png_read_info(png, info);
    uint32_t w = png_get_image_width(png, info), h = png_get_image_height(png, info);
    unsigned bits = png_get_bit_depth(png, info);
    unsigned long long own = (unsigned long long)w * h * png_get_channels(png, info) *
                             ((bits + 7) / 8);
    png_set_expand(png);            /* palette to RGB, tRNS to alpha, 1-4 bit gray to 8 */
    png_set_strip_16(png);
    *passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    out->width = w, out->height = h;
    out->channels = png_get_channels(png, info);
    *rowbytes = png_get_rowbytes(png, info);
    unsigned long long pixels = (unsigned long long)*rowbytes * h;
    out->bytes = own > pixels ? own : pixels;
    if (!w || !h || *rowbytes != (size_t)w * out->channels)
        png_error(png, "unexpected row size");
    return out->bytes > PNG_DECODE_MAX_BYTES ? PNG_DECODE_TOO_LARGE : PNG_DECODE_OK;
}

int png_decode(const unsigned char *data, size_t size, int keep, png_decoded *out)
{
    memset(out, 0, sizeof *out);
    if (size < 8 || png_sig_cmp(data, 0, 8) != 0)
        return PNG_DECODE_CORRUPT;
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    mem_reader r = {data, size, 0};
    /* volatile: set after setjmp and freed after a longjmp (fuzz_image) */
    png_bytep *volatile rows = NULL;
    if (!info) {
        png_destroy_read_struct(&png, NULL, NULL);
        return PNG_DECODE_NO_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        free(rows);
        png_destroy_read_struct(&png, &info, NULL);
        png_decoded_free(out);
        return PNG_DECODE_CORRUPT;
    }
    png_set_read_fn(png, &r, read_mem);
    size_t rowbytes;
    int passes;
    int rc = read_header(png, info, out, &rowbytes, &passes);
    if (rc == PNG_DECODE_OK) {
        /* kept: every row its own place; checked only: one row's buffer,
         * read pass after pass, so the image is never held whole */
        uint32_t n = keep ? out->height : 1;
        out->pixels = malloc(rowbytes * n);
        rows = malloc(out->height * sizeof *rows);
        if (!out->pixels || !rows)
            rc = PNG_DECODE_NO_MEMORY;
        for (uint32_t y = 0; rc == PNG_DECODE_OK && y < out->height; y++)
            rows[y] = out->pixels + (keep ? y * rowbytes : 0);
    }
    if (rc == PNG_DECODE_OK) {
        if (keep)
            png_read_image(png, rows);
        else
            for (int p = 0; p < passes; p++)
                for (uint32_t y = 0; y < out->height; y++)
                    png_read_row(png, rows[y], NULL);
        png_read_end(png, NULL);
    }
    free(rows);
    png_destroy_read_struct(&png, &info, NULL);
    if (!keep || rc != PNG_DECODE_OK) {
        free(out->pixels);
        out->pixels = NULL;
    }
    return rc;
}

void png_decoded_free(png_decoded *im)
{
    free(im->pixels);
    memset(im, 0, sizeof *im);
}
