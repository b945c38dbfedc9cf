/* utf8.h — UTF-8 for every plugin: one decoder, one encoder.
 *
 * Part of quire_common, the small in-tree library the first-party plugins
 * link for what several of them need (docs/architecture.md). The host hands
 * plugins valid UTF-8; a bad byte still decodes (as U+FFFD, one byte long)
 * so that no caller can loop forever on corrupt text. */
#ifndef QUIRE_COMMON_UTF8_H
#define QUIRE_COMMON_UTF8_H
#include <stddef.h>
#include <stdint.h>

/* Decodes the character at s[0..len); *n is its length in bytes (>= 1).
 * A bad, overlong or truncated sequence or a surrogate decodes as U+FFFD
 * with *n = 1. len must be > 0. */
uint32_t utf8_decode(const char *s, size_t len, size_t *n);

/* Writes cp (a Unicode scalar value) as UTF-8 into out (4 bytes of room);
 * returns its length, or 0 for a value that is not a scalar. */
size_t utf8_encode(uint32_t cp, char out[4]);

/* Number of characters in s[0..len). */
size_t utf8_count(const char *s, size_t len);

/* The same for NUL-terminated text: decodes the character at *s and
 * moves *s past it (never past the NUL); utf8_strlen counts them. */
uint32_t utf8_next(const char **s);
size_t utf8_strlen(const char *s);

#endif
