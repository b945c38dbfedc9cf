/* buf.h — the HTML document grows in memory, then is written at once.
 *
 * Every put function is a no-op once an allocation failed; buf_failed()
 * says so at the end. Text and attribute values go through buf_text and
 * buf_attr, which escape what HTML needs and replace what it forbids. */
#ifndef QUIRE_HTML_BUF_H
#define QUIRE_HTML_BUF_H

#include <stddef.h>

typedef struct buf {
    char *data;
    size_t len, cap;
    int failed;
} buf;

void buf_free(buf *b);
int buf_failed(const buf *b);
/* Raw bytes: markup the plugin writes itself. */
void buf_put(buf *b, const char *s);
void buf_putn(buf *b, const char *s, size_t n);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Text content: & < > escaped; characters HTML forbids (C0 controls but
 * tab, line feed and carriage return; C1 controls; noncharacters) become
 * U+FFFD. */
void buf_text(buf *b, const char *s);
void buf_textn(buf *b, const char *s, size_t n);
/* An attribute value (without its quotes): as buf_text, and " ' escaped. */
void buf_attr(buf *b, const char *s);
/* A URL as an attribute value: what a URL may not hold (space, quotes,
 * < > \ ^ ` { | } and controls) percent-encoded, then escaped. */
void buf_url(buf *b, const char *url);
/* The bytes as base64 (RFC 4648, no line breaks). */
void buf_base64(buf *b, const unsigned char *data, size_t n);

#endif
