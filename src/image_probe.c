/* image_probe.c — is this file a PNG or JPEG that decodes, and how big is
 * it? Read once into memory and decoded in full (PNGs by the decoder the
 * PDF plugin embeds them with, plugins/common/png/png_decode.c; JPEGs with
 * libjpeg), so that a truncated or corrupt image is an input error at
 * validate time, not a failed render, and so that what plugins embed is
 * what was checked (the file may change after the check). Decoding is
 * bounded in bytes, not only in pixels, before it starts. */
#include "image_probe.h"

#include "input_path.h"
#include "png_decode.h"

#include <errno.h>
#include <jpeglib.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Images wider or taller than this are refused (as PNGs are). */
#define MAX_SIDE PNG_DECODE_MAX_SIDE

static int too_big(uint32_t w, uint32_t h, unsigned channels, unsigned bits, char *err,
                   size_t errsz)
{
    unsigned long long bytes = (unsigned long long)w * h * channels * ((bits + 7) / 8);
    if (w <= MAX_SIDE && h <= MAX_SIDE && bytes <= IMAGE_MAX_DECODED_BYTES)
        return 0;
    snprintf(err, errsz, "image too large (%ux%u pixels, %llu MiB decoded; at most %llu MiB)",
             w, h, bytes >> 20, IMAGE_MAX_DECODED_BYTES >> 20);
    return 1;
}

static int probe_png(const unsigned char *data, size_t size, uint32_t *w, uint32_t *h,
                     char *err, size_t errsz)
{
    png_decoded px;
    int rc = png_decode(data, size, 0, &px);
    *w = px.width, *h = px.height;
    if (rc == PNG_DECODE_TOO_LARGE)
        snprintf(err, errsz, "image too large (%ux%u pixels, %llu MiB decoded; at most %llu MiB)",
                 px.width, px.height, px.bytes >> 20, IMAGE_MAX_DECODED_BYTES >> 20);
    else if (rc == PNG_DECODE_NO_MEMORY)
        snprintf(err, errsz, "out of memory");
    else if (rc != PNG_DECODE_OK)
        snprintf(err, errsz, "not a valid PNG image (corrupt or truncated)");
    return rc == PNG_DECODE_OK ? 0 : rc == PNG_DECODE_NO_MEMORY ? IMAGE_OUT_OF_MEMORY : -1;
}

typedef struct jpeg_failure {
    struct jpeg_error_mgr mgr;
    jmp_buf jump;
} jpeg_failure;

static void jpeg_fail(j_common_ptr c)
{
    longjmp(((jpeg_failure *)c->err)->jump, 1);
}

static void jpeg_quiet(j_common_ptr c, int level)
{
    if (level < 0)   /* a warning: corrupt data that libjpeg papers over */
        longjmp(((jpeg_failure *)c->err)->jump, 1);
}

/* The PDF plugin embeds a JPEG's bytes as they are (libharu's DCT image),
 * and libharu finds the frame header by walking the segments after SOI
 * strictly: each must start with a marker 0xFF followed by a marker code
 * (no fill bytes), until a baseline, extended, progressive or arithmetic
 * frame header (SOF0, SOF1, SOF2, SOF9) of 1, 3 or 4 components. A JPEG
 * libjpeg decodes but that walk would not find is refused here, at the
 * image's place, rather than by the export. PDF's DCT images are 8-bit. */
static int jpeg_embeddable(const unsigned char *d, size_t size, char *err, size_t errsz)
{
    size_t at = 2;
    while (at + 4 <= size) {
        unsigned tag = (unsigned)d[at] << 8 | d[at + 1];
        size_t len = (size_t)d[at + 2] << 8 | d[at + 3];
        if (d[at] != 0xFF || tag == 0xFFFF || tag == 0xFFDA || tag == 0xFFD9 || len < 2)
            break;   /* fill bytes, or scan data before any frame header */
        if (tag == 0xFFC0 || tag == 0xFFC1 || tag == 0xFFC2 || tag == 0xFFC9) {
            if (at + 10 > size)
                break;
            unsigned precision = d[at + 4], components = d[at + 9];
            if (precision != 8) {
                snprintf(err, errsz, "a JPEG of %u bits per sample cannot be embedded "
                         "(8 bits only)", precision);
                return -1;
            }
            if (components != 1 && components != 3 && components != 4) {
                snprintf(err, errsz, "a JPEG of %u components cannot be embedded "
                         "(gray, RGB or CMYK only)", components);
                return -1;
            }
            return 0;
        }
        at += 2 + len;
    }
    snprintf(err, errsz, "a JPEG whose frame header the PDF writer cannot find (fill bytes "
             "between segments, or a lossless or hierarchical JPEG); save it again as a "
             "baseline or progressive JPEG");
    return -1;
}

static int probe_jpeg(const unsigned char *data, size_t size, uint32_t *w, uint32_t *h,
                      char *err, size_t errsz)
{
    struct jpeg_decompress_struct c;
    jpeg_failure fail;
    JSAMPARRAY row = NULL;
    c.err = jpeg_std_error(&fail.mgr);
    fail.mgr.error_exit = jpeg_fail;
    fail.mgr.emit_message = jpeg_quiet;
    if (setjmp(fail.jump)) {
        jpeg_destroy_decompress(&c);
        snprintf(err, errsz, "not a valid JPEG image (corrupt or truncated)");
        return -1;
    }
    jpeg_create_decompress(&c);
    jpeg_mem_src(&c, data, (unsigned long)size);
    jpeg_read_header(&c, TRUE);
    *w = c.image_width;
    *h = c.image_height;
    if (too_big(*w, *h, (unsigned)c.num_components, 8, err, errsz)) {
        jpeg_destroy_decompress(&c);
        return -1;
    }
    jpeg_start_decompress(&c);
    row = (*c.mem->alloc_sarray)((j_common_ptr)&c, JPOOL_IMAGE,
                                 c.output_width * (JDIMENSION)c.output_components, 1);
    while (c.output_scanline < c.output_height)
        jpeg_read_scanlines(&c, row, 1);
    jpeg_finish_decompress(&c);
    jpeg_destroy_decompress(&c);
    return 0;
}

int image_probe_mem(const unsigned char *data, size_t size, quire_image *im, char *err,
                    size_t errsz)
{
    int rc;
    static const unsigned char png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    if (size >= 8 && memcmp(data, png_signature, 8) == 0) {
        im->format = QUIRE_IMAGE_PNG;
        rc = probe_png(data, size, &im->width_px, &im->height_px, err, errsz);
    } else if (size >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) {
        im->format = QUIRE_IMAGE_JPEG;
        rc = jpeg_embeddable(data, size, err, errsz);
        if (rc == 0)
            rc = probe_jpeg(data, size, &im->width_px, &im->height_px, err, errsz);
    } else {
        snprintf(err, errsz, "not a PNG or JPEG image");
        rc = -1;
    }
    if (rc == 0 && (im->width_px == 0 || im->height_px == 0)) {
        snprintf(err, errsz, "the image has no pixels");
        rc = -1;
    }
    return rc;
}

int image_probe(const char *path, arena *a, quire_image *im, char *err, size_t errsz)
{
    const unsigned char *data = NULL;
    size_t size = 0;
    if (input_read_all(path, a, IMAGE_MAX_FILE_BYTES, &data, &size, err, errsz) != 0) {
        if (errno == EFBIG)
            snprintf(err, errsz, "image file too large (more than %ld MiB)",
                     IMAGE_MAX_FILE_BYTES >> 20);
        return errno == ENOMEM ? IMAGE_OUT_OF_MEMORY : -1;
    }
    int rc = image_probe_mem(data, size, im, err, errsz);
    if (rc == 0) {
        im->data = data;
        im->data_size = size;
    }
    return rc;
}
