/* linebreak.h — where a paragraph's lines end.
 *
 * Pure text logic, no PDF: the caller measures with a callback, so the
 * breaker is unit-tested without libharu. Lines break at spaces (Korean
 * like English, as typesetters do); a word wider than the line is split
 * inside, after a URL delimiter when one is near, else between characters.
 * A '\n' in the text ends a line without justification. */
#ifndef QUIRE_COMMON_LINEBREAK_H
#define QUIRE_COMMON_LINEBREAK_H

#include <stddef.h>

/* Width of text[0..len) in the caller's unit. Widths must add up at a
 * space: the width of "a b" is that of "a" plus that of " b" (shaping
 * never crosses a space), so a line is measured one word at a time. */
typedef double (*lb_measure_fn)(void *ctx, const char *text, size_t len);

typedef struct lb_line {
    size_t start, end; /* bytes [start, end) of the text, no edge spaces */
    int justify;       /* 1: a full line whose gaps may be stretched */
} lb_line;

typedef struct lb_lines {
    lb_line *items;
    size_t count, cap;
} lb_lines;

/* Appends the lines of text, each at most width wide, to out. Returns 0,
 * or -1 when memory ran out. An empty text gives no line. */
int linebreak(const char *text, double width, lb_measure_fn measure, void *ctx,
              lb_lines *out);

/* Frees the lines; out may be zeroed or already freed. */
void lb_lines_free(lb_lines *out);

/* Length in bytes of the UTF-8 sequence starting at s (1 for a bad byte). */
size_t lb_char_len(const char *s);

#endif
