/* image_probe.h — checking an image file a dataset or template names. */
#ifndef QUIRE_IMAGE_PROBE_H
#define QUIRE_IMAGE_PROBE_H

#include "arena.h"
#include "png_decode.h"

#include <stddef.h>
#include <stdint.h>
#include <quire/quire-plugin.h>

/* image_probe()'s result when memory ran out (not the image's fault). */
#define IMAGE_OUT_OF_MEMORY (-2)

/* The largest image file read, and the most bytes an image may decode to
 * (width × height × channels × bytes per sample): a few-megabyte PNG of
 * 16384² 16-bit RGBA pixels would otherwise inflate to 2 GiB. */
#define IMAGE_MAX_FILE_BYTES (64L * 1024 * 1024)
#define IMAGE_MAX_DECODED_BYTES PNG_DECODE_MAX_BYTES

/* Reads path (a regular file: see input_path.h) once into a, decodes it
 * as PNG or JPEG in full and sets im's format, size in pixels and data /
 * data_size (the bytes read: plugins load the image from these, never
 * from the path again). Returns 0, or -1 with a reason in err ("not a PNG
 * or JPEG image", "not a valid PNG image (corrupt or truncated)", ...), or
 * IMAGE_OUT_OF_MEMORY. */
int image_probe(const char *path, arena *a, quire_image *im, char *err, size_t errsz);

/* The same over bytes already in memory (the fuzz harness's entry). */
int image_probe_mem(const unsigned char *data, size_t size, quire_image *im, char *err,
                    size_t errsz);

#endif
