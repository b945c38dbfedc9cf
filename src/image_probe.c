/* image_probe.c — is this file a PNG or JPEG that decodes, and how big is
 * it? Decoded in full with libpng / libjpeg, so that a truncated or
 * corrupt image is an input error at validate time, not a failed render. */
#include "image_probe.h"

#include "input_path.h"

#include <jpeglib.h>
#include <png.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>

/* Images bigger than this are refused: 2^28 pixels is a 16k × 16k photo. */
#define MAX_PIXELS (1u << 28)

/* libpng would print its messages; ours say what the user needs. */
static void png_fail(png_structp png, png_const_charp msg)
{
    png_longjmp(png, 1);
}

static void png_quiet(png_structp png, png_const_charp msg)
{
}

static int probe_png(FILE *f, uint32_t *w, uint32_t *h, char *err, size_t errsz)
{
    png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, png_fail, png_quiet);
    png_infop info = png ? png_create_info_struct(png) : NULL;
    png_bytep row = NULL;
    if (!info) {
        png_destroy_read_struct(&png, NULL, NULL);
        snprintf(err, errsz, "out of memory");
        return IMAGE_OUT_OF_MEMORY;
    }
    if (setjmp(png_jmpbuf(png))) {
        free(row);
        png_destroy_read_struct(&png, &info, NULL);
        snprintf(err, errsz, "not a valid PNG image (corrupt or truncated)");
        return -1;
    }
    png_set_user_limits(png, 1u << 16, 1u << 16);
    png_init_io(png, f);
    png_read_info(png, info);
    *w = png_get_image_width(png, info);
    *h = png_get_image_height(png, info);
    if ((uint64_t)*w * *h > MAX_PIXELS) {
        png_destroy_read_struct(&png, &info, NULL);
        snprintf(err, errsz, "image too large (%ux%u pixels)", *w, *h);
        return -1;
    }
    /* Every row read, so that a broken stream is found now. */
    int passes = png_set_interlace_handling(png);
    png_read_update_info(png, info);
    row = malloc(png_get_rowbytes(png, info));
    for (int p = 0; row && p < passes; p++)
        for (uint32_t y = 0; y < *h; y++)
            png_read_row(png, row, NULL);
    png_read_end(png, NULL);
    int ok = row != NULL;
    free(row);
    png_destroy_read_struct(&png, &info, NULL);
    if (!ok)
        snprintf(err, errsz, "out of memory");
    return ok ? 0 : IMAGE_OUT_OF_MEMORY;
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

static int probe_jpeg(FILE *f, uint32_t *w, uint32_t *h, char *err, size_t errsz)
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
    jpeg_stdio_src(&c, f);
    jpeg_read_header(&c, TRUE);
    *w = c.image_width;
    *h = c.image_height;
    if ((uint64_t)*w * *h > MAX_PIXELS) {
        jpeg_destroy_decompress(&c);
        snprintf(err, errsz, "image too large (%ux%u pixels)", *w, *h);
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

int image_probe(const char *path, quire_image_format *fmt, uint32_t *w, uint32_t *h,
                char *err, size_t errsz)
{
    FILE *f = NULL;
    if (input_open_regular(path, &f, err, errsz) != 0)
        return -1;
    unsigned char magic[8] = {0};
    size_t n = fread(magic, 1, sizeof magic, f);
    rewind(f);
    int rc;
    if (n == 8 && png_sig_cmp(magic, 0, 8) == 0) {
        *fmt = QUIRE_IMAGE_PNG;
        rc = probe_png(f, w, h, err, errsz);
    } else if (n >= 3 && magic[0] == 0xFF && magic[1] == 0xD8 && magic[2] == 0xFF) {
        *fmt = QUIRE_IMAGE_JPEG;
        rc = probe_jpeg(f, w, h, err, errsz);
    } else {
        snprintf(err, errsz, "not a PNG or JPEG image");
        rc = -1;
    }
    fclose(f);
    if (rc == 0 && (*w == 0 || *h == 0)) {
        snprintf(err, errsz, "the image has no pixels");
        rc = -1;
    }
    return rc;
}
