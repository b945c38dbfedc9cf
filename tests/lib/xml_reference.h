/* xml_reference.h — libxml2's verdict on an XML part, asked as
 * src/verify.c asks it: the reference the fast check (src/xml_check.c)
 * must never contradict, for its unit test and its fuzz harness alike. */
#ifndef QUIRE_TEST_XML_REFERENCE_H
#define QUIRE_TEST_XML_REFERENCE_H

#include <stddef.h>
#include <stdlib.h>
#include <libxml/parser.h>

static void xml_reference_quiet(void *data, const xmlError *error)
{
    (void)data, (void)error;
}

static void xml_reference_silent(void *ctx, const char *msg, ...)
{
    (void)ctx, (void)msg;
}

/* 1 when libxml2 finds doc[0..len) well-formed, 0 when not. libxml2's
 * own messages (encoding errors of damaged parts) are silenced. */
static inline int xml_reference_well_formed(const void *doc, size_t len)
{
    xmlSetGenericErrorFunc(NULL, xml_reference_silent);
    xmlSAXHandler sax = {0};
    sax.initialized = XML_SAX2_MAGIC;
    sax.serror = (xmlStructuredErrorFunc)xml_reference_quiet;
    xmlParserCtxtPtr ctx = xmlCreatePushParserCtxt(&sax, NULL, NULL, 0, NULL);
    if (!ctx)
        abort();
    xmlCtxtUseOptions(ctx, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                               XML_PARSE_HUGE);
    xmlParseChunk(ctx, (const char *)doc, (int)len, 0);
    xmlParseChunk(ctx, NULL, 0, 1);
    int ok = ctx->wellFormed;
    xmlFreeParserCtxt(ctx);
    return ok;
}

#endif
