/* image_probe.h — checking an image file a dataset or template names. */
#ifndef QUIRE_IMAGE_PROBE_H
#define QUIRE_IMAGE_PROBE_H

#include <stddef.h>
#include <stdint.h>
#include <quire/quire-plugin.h>

/* image_probe()'s result when memory ran out (not the image's fault). */
#define IMAGE_OUT_OF_MEMORY (-2)

/* Opens path (a regular file: see input_path.h), decodes it as PNG or
 * JPEG and stores its format and size in pixels. Returns 0, or -1 with a
 * reason in err ("not a PNG or JPEG image", "not a valid PNG image
 * (corrupt or truncated)", ...), or IMAGE_OUT_OF_MEMORY. */
int image_probe(const char *path, quire_image_format *fmt, uint32_t *w, uint32_t *h,
                char *err, size_t errsz);

#endif
