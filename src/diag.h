/* diag.h — collecting errors as "file:line:col: error: message". */
#ifndef QUIRE_DIAG_H
#define QUIRE_DIAG_H

#include <stddef.h>
#include <stdio.h>

/* Where diagnostics go. Lines are 1-based; col 0 means "no column". */
typedef struct diag {
    FILE *out;      /* stderr normally; a memstream in unit tests */
    int errors;
    int warnings;
    int out_of_memory;  /* set by diag_out_of_memory(): the run exits 4 */
    /* diag_hold(): lines kept here until diag_release() */
    FILE *held;
    char *held_text;
    size_t held_size;
    int to_front;       /* diag_front(): this line goes out now, before the held ones */
} diag;

void diag_init(diag *d, FILE *out);

/* Both print one line. The file name and the message are escaped with
 * diag_escape(), so a value quoted from a file can neither forge another
 * "file:line:col: error:" line nor drive the terminal. */
void diag_error(diag *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));
void diag_warning(diag *d, const char *file, long line, long col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Reports that memory ran out at file:line:col (an error, counted like
 * one) and marks d, so that the run ends with exit 4 whatever it was
 * doing: out of memory is a failure of the machine, not of the input. */
void diag_out_of_memory(diag *d, const char *file, long line, long col);

/* While a YAML file is read (yaml_events.c), its diagnostics are held, so
 * that a syntax error found further on is listed first, before the errors
 * it caused (a `[` left open makes 'title' a list). diag_hold() starts
 * holding (a no-op when already holding or out of memory); diag_front(d,
 * 1) sends the next lines out at once, diag_front(d, 0) holds again;
 * diag_release() writes the held lines after them and stops holding. */
void diag_hold(diag *d);
void diag_front(diag *d, int on);
void diag_release(diag *d);

/* Copies the NUL-terminated s into out (size > 0), always terminated:
 * newline, CR and tab as \n \r \t; other C0 controls, DEL and bytes that
 * are not well-formed UTF-8 as \xNN; C1 controls, the line and paragraph
 * separators and the bidirectional overrides as \uNNNN. Everything else,
 * Hangul included, is kept. Cut at a character boundary when out is full,
 * ending in "...". Returns out. */
char *diag_escape(const char *s, char *out, size_t size);

/* A short excerpt of len bytes of file content for a message: at most
 * max_chars characters (cut at a character boundary, "..." appended),
 * NULs as \0; the rest is escaped when the message is printed. For content
 * of a file that failed to parse as the expected format. Returns out. */
char *diag_excerpt(const char *s, size_t len, size_t max_chars, char *out, size_t size);

#endif
