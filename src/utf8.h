/* utf8.h — checking that bytes are well-formed UTF-8. */
#ifndef QUIRE_UTF8_H
#define QUIRE_UTF8_H

#include <stddef.h>

/* The offset of the first byte that is not part of well-formed UTF-8
 * (overlong forms, surrogates and values above U+10FFFF included), or
 * len when all of s is valid. */
size_t utf8_check(const char *s, size_t len);

#endif
