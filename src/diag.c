/* diag.c — errors in the form editors understand: file:line:col: error: msg,
 * with every control character of the file name and the message escaped. */
#include "diag.h"

#include "utf8.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void diag_init(diag *d, FILE *out)
{
    d->out = out;
    d->errors = 0;
    d->warnings = 0;
    d->out_of_memory = 0;
    d->held = NULL;
    d->held_text = NULL;
    d->held_size = 0;
    d->to_front = 0;
}

void diag_hold(diag *d)
{
    if (!d->held)
        d->held = open_memstream(&d->held_text, &d->held_size);
}

void diag_front(diag *d, int on)
{
    d->to_front = on;
}

void diag_release(diag *d)
{
    if (!d->held)
        return;
    fclose(d->held);
    d->held = NULL;
    if (d->held_size)
        fwrite(d->held_text, 1, d->held_size, d->out);
    free(d->held_text);
    d->held_text = NULL;
    d->held_size = 0;
    d->to_front = 0;
}

/* The length of the well-formed UTF-8 sequence at s (1 to 4), or 0. */
static size_t sequence_length(const unsigned char *s, size_t avail)
{
    size_t n = s[0] < 0x80 ? 1 : s[0] < 0xE0 ? 2 : s[0] < 0xF0 ? 3 : 4;
    if (n > avail || utf8_check((const char *)s, n) != n)
        return 0;
    return n;
}

/* The code point of a well-formed sequence of n bytes. */
static unsigned long code_point(const unsigned char *s, size_t n)
{
    static const unsigned char lead_mask[] = {0, 0x7F, 0x1F, 0x0F, 0x07};
    unsigned long c = s[0] & lead_mask[n];
    for (size_t i = 1; i < n; i++)
        c = (c << 6) | (s[i] & 0x3F);
    return c;
}

/* Characters a terminal or an editor acts on, or that reorder or break the
 * line: C1 controls, U+2028/2029, the bidi embeddings and isolates. */
static int invisible_control(unsigned long c)
{
    return (c >= 0x80 && c <= 0x9F) || c == 0x2028 || c == 0x2029 ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

char *diag_escape(const char *str, char *out, size_t size)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t len = strlen(str), i = 0, o = 0, cut = 0;
    while (i < len) {
        char piece[16];
        size_t n = sequence_length(s + i, len - i), plen;
        unsigned long c = n ? code_point(s + i, n) : 0;
        if (n == 0) {
            plen = (size_t)snprintf(piece, sizeof piece, "\\x%02X", s[i]);
            n = 1;
        } else if (c == '\n' || c == '\r' || c == '\t') {
            plen = (size_t)snprintf(piece, sizeof piece, "\\%c",
                                    c == '\n' ? 'n' : c == '\r' ? 'r' : 't');
        } else if (c < 0x20 || c == 0x7F) {
            plen = (size_t)snprintf(piece, sizeof piece, "\\x%02lX", c);
        } else if (invisible_control(c)) {
            plen = (size_t)snprintf(piece, sizeof piece, "\\u%04lX", c);
        } else {
            memcpy(piece, s + i, n);
            plen = n;
        }
        if (o + 4 <= size)
            cut = o;  /* a piece boundary where "..." and the NUL still fit */
        if (o + plen + 1 > size) {
            o = cut;
            if (o + 4 <= size) {
                memcpy(out + o, "...", 3);
                o += 3;
            }
            break;
        }
        memcpy(out + o, piece, plen);
        o += plen;
        i += n;
    }
    out[o < size ? o : size - 1] = '\0';
    return out;
}

char *diag_excerpt(const char *s, size_t len, size_t max_chars, char *out, size_t size)
{
    size_t o = 0, chars = 0, i = 0;
    for (; i < len; i++) {
        int lead = ((unsigned char)s[i] & 0xC0) != 0x80;
        if (lead && chars == max_chars)
            break;
        size_t need = s[i] == '\0' ? 2 : 1;
        if (o + need + 4 > size)
            break;
        if (lead)
            chars++;
        if (s[i] == '\0') {
            out[o++] = '\\';
            out[o++] = '0';
        } else {
            out[o++] = s[i];
        }
    }
    if (i < len) {
        /* stopped inside a character: drop its first bytes */
        if (((unsigned char)s[i] & 0xC0) == 0x80) {
            while (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0x80)
                o--;
            if (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0xC0)
                o--;
        }
        memcpy(out + o, "...", 3);
        o += 3;
    }
    out[o] = '\0';
    return out;
}

static void report(diag *d, const char *kind, const char *file, long line, long col,
                   const char *fmt, va_list ap)
{
    /* One fprintf call per line, so lines of parallel jobs never interleave. */
    char msg[1024], safe_msg[4 * sizeof msg], safe_file[4096];
    vsnprintf(msg, sizeof msg, fmt, ap);
    diag_escape(msg, safe_msg, sizeof safe_msg);
    diag_escape(file, safe_file, sizeof safe_file);
    FILE *out = d->held && !d->to_front ? d->held : d->out;
    if (line > 0 && col > 0)
        fprintf(out, "%s:%ld:%ld: %s: %s\n", safe_file, line, col, kind, safe_msg);
    else if (line > 0)
        fprintf(out, "%s:%ld: %s: %s\n", safe_file, line, kind, safe_msg);
    else
        fprintf(out, "%s: %s: %s\n", safe_file, kind, safe_msg);
}

void diag_error(diag *d, const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(d, "error", file, line, col, fmt, ap);
    va_end(ap);
    d->errors++;
}

void diag_out_of_memory(diag *d, const char *file, long line, long col)
{
    diag_error(d, file, line, col, "out of memory");
    d->out_of_memory = 1;
}

void diag_warning(diag *d, const char *file, long line, long col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(d, "warning", file, line, col, fmt, ap);
    va_end(ap);
    d->warnings++;
}
