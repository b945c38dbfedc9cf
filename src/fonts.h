/* fonts.h — resolving fontconfig patterns to font files. */
#ifndef QUIRE_FONTS_H
#define QUIRE_FONTS_H

#include <stddef.h>

#include "diag.h"

typedef enum fonts_status {
    FONTS_OK = 0,
    FONTS_MISMATCH = 1, /* fontconfig offered another family than asked */
    FONTS_ERROR = 2     /* the pattern does not parse, or nothing matched */
} fonts_status;

/* Resolves pattern ("NanumGothic:bold") to a font file and face index. On
 * FONTS_MISMATCH, *offered names the family fontconfig offered instead
 * (written into offered, offered_size bytes). Thread-safe. */
fonts_status fonts_find(const char *pattern, char *path, size_t path_size, int *index,
                        char *offered, size_t offered_size);

/* At exit: frees the answers kept, and fontconfig's caches under a leak
 * checker (ASan, valgrind) only: otherwise the exit returns them. */
void fonts_shutdown(void);

#endif
