/* xml_check.h — a fast, streaming well-formedness check of an XML part.
 *
 * verify.c parses every XML part of a written workbook before it replaces
 * an older file. libxml2's push parser did that at ~150 MB/s, 11-15 % of
 * the CPU of a 100,000-row export; this checker does the same job for the
 * plain XML that spreadsheet writers produce (UTF-8, elements, attributes,
 * text, character and predefined entity references, comments, CDATA,
 * processing instructions such as an XMP packet's)
 * about five times faster, without a tree or interned names.
 *
 * It answers only "well-formed" or "not sure": anything it does not
 * handle (a DOCTYPE, another encoding, a
 * non-ASCII name, a token longer than its buffer, a depth libxml2
 * refuses) and anything ill-formed is "not sure", and the caller then
 * asks libxml2, whose verdict stands. So "well-formed" here must imply
 * that libxml2 finds the part well-formed (tests/cli/test_xml_check.c
 * checks this on thousands of damaged parts). */
#ifndef QUIRE_XML_CHECK_H
#define QUIRE_XML_CHECK_H

#include <stddef.h>

typedef struct xml_check xml_check;

xml_check *xml_check_new(void);   /* NULL when out of memory */
void xml_check_free(xml_check *x);

/* Where the next bytes of the part go, and how many fit (at least 64 KB).
 * The caller writes up to *room bytes there, then calls xml_check_feed. */
unsigned char *xml_check_space(xml_check *x, size_t *room);
void xml_check_feed(xml_check *x, size_t n);

/* After the last byte: 1 when the part is well-formed XML, 0 when not
 * sure. */
int xml_check_end(xml_check *x);

/* The whole check on bytes in memory. */
int xml_check_bytes(const unsigned char *data, size_t len);

#endif
