/* fuzz_image.c — libFuzzer harness for the image probe (src/image_probe.c):
 * the input is an image file's bytes, PNG or JPEG headers and chunks in any
 * order. A probe must accept the image with a format, a size inside the
 * documented bounds, or refuse it with a one-line reason; it never reads
 * past the input, never decodes more than IMAGE_MAX_DECODED_BYTES, and
 * leaks nothing on any path (libpng and libjpeg longjmp out of errors). */
#include "image_probe.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A reason is printed after "file:line:col: error:": one printable line. */
static void check_reason(const char *err)
{
    size_t n = strlen(err);
    if (n == 0 || n >= 256)
        abort();
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)err[i] < 0x20 || err[i] == 0x7f)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    quire_image im;
    memset(&im, 0, sizeof im);
    char err[256] = "";
    int rc = image_probe_mem(data, size, &im, err, sizeof err);
    if (rc == 0) {
        if (im.format != QUIRE_IMAGE_PNG && im.format != QUIRE_IMAGE_JPEG)
            abort();
        if (im.width_px == 0 || im.height_px == 0 || im.width_px > 65536 ||
            im.height_px > 65536)
            abort();
        /* the smallest decoded size (one byte a pixel) is within the bound */
        if ((unsigned long long)im.width_px * im.height_px > IMAGE_MAX_DECODED_BYTES)
            abort();
        /* the file itself names its format */
        if (im.format == QUIRE_IMAGE_PNG && (size < 8 || data[0] != 0x89))
            abort();
        if (im.format == QUIRE_IMAGE_JPEG && (size < 3 || data[0] != 0xFF || data[1] != 0xD8))
            abort();
    } else if (rc == -1) {
        check_reason(err);
    } else if (rc != IMAGE_OUT_OF_MEMORY) {
        abort();
    }
    return 0;
}
