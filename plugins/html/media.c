/* media.c — images as data: URIs: the file the host checked, read once
 * (a regular file, not through a symbolic link, no bigger than the
 * host's decoder would take), its type checked against its first bytes,
 * written as base64. */
#include "html.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* A data: URI of more than this is refused: no browser would show it. */
#define MAX_IMAGE_BYTES (64L << 20)

unsigned char *media_read(const quire_image *im, size_t *len, char *why, size_t why_size)
{
    int fd = open(im->path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    struct stat st;
    unsigned char *data = NULL;
    if (fd < 0 || fstat(fd, &st) != 0) {
        snprintf(why, why_size, "cannot be read: %s", strerror(errno));
        goto fail;
    }
    if (!S_ISREG(st.st_mode) || st.st_size <= 0 || st.st_size > MAX_IMAGE_BYTES) {
        snprintf(why, why_size, "%s", !S_ISREG(st.st_mode) ? "is not a regular file"
                                      : st.st_size <= 0   ? "is empty"
                                                          : "is larger than 64 MiB");
        goto fail;
    }
    size_t n = (size_t)st.st_size, got = 0;
    if (!(data = malloc(n))) {
        snprintf(why, why_size, "out of memory");
        goto fail;
    }
    while (got < n) {
        ssize_t k = read(fd, data + got, n - got);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0) {
            snprintf(why, why_size, "changed while it was read");
            goto fail;
        }
        got += (size_t)k;
    }
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    int ok = im->format == QUIRE_IMAGE_PNG ? n >= 8 && !memcmp(data, png, 8)
                                           : n >= 3 && data[0] == 0xFF && data[1] == 0xD8 &&
                                                 data[2] == 0xFF;
    if (!ok) {
        snprintf(why, why_size, "is no longer the %s image it was when checked",
                 im->format == QUIRE_IMAGE_PNG ? "PNG" : "JPEG");
        goto fail;
    }
    close(fd);
    *len = n;
    return data;
fail:
    if (fd >= 0)
        close(fd);
    free(data);
    return NULL;
}

int media_data_uri(html_doc *d, const quire_image *im)
{
    char why[256];
    size_t n = 0;
    unsigned char *data = media_read(im, &n, why, sizeof why);
    if (!data) {
        html_fail(d, QUIRE_ERR_INPUT, "image %s %s", im->path, why);
        return -1;
    }
    buf_put(&d->out, im->format == QUIRE_IMAGE_PNG ? "data:image/png;base64,"
                                                   : "data:image/jpeg;base64,");
    buf_base64(&d->out, data, n);
    free(data);
    return 0;
}
