/* utf8.h — checking that bytes are well-formed UTF-8. */
#ifndef QUIRE_UTF8_H
#define QUIRE_UTF8_H

#include <stddef.h>

/* The offset of the first byte that is not part of well-formed UTF-8
 * (overlong forms, surrogates and values above U+10FFFF included), or
 * len when all of s is valid. */
size_t utf8_check(const char *s, size_t len);

/* The offset of the first character of well-formed UTF-8 s that XML 1.0
 * cannot carry — a C0 control other than tab, LF and CR, U+FFFE, U+FFFF,
 * or another noncharacter (U+FDD0..U+FDEF, U+nFFFE, U+nFFFF) — with the
 * code point in *cp; len when there is none. Workbooks and PDF metadata
 * are XML: such a character would make them not well-formed. */
size_t utf8_xml_forbidden(const char *s, size_t len, unsigned long *cp);

#endif
