/* xmp.c — the XMP metadata packet (the catalog's /Metadata).
 *
 * Every value is read back from the Info dictionary that docinfo.c wrote
 * (or, for the dates, made from the same timestamp), so that the two agree
 * as PDF/A requires: Title = dc:title, Author = dc:creator, Subject =
 * dc:description, Keywords = pdf:Keywords, Creator = xmp:CreatorTool,
 * Producer = pdf:Producer, CreationDate = xmp:CreateDate, ModDate =
 * xmp:ModifyDate. The stream is not compressed, so that tools that scan
 * files for packets find it. */
#include "standard.h"

#include "pdf.h"
#include "pdf_objects.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct xbuf {
    char *data;
    size_t len, cap;
    int failed;
} xbuf;

static void put(xbuf *b, const char *s, size_t n)
{
    if (b->failed)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *p = realloc(b->data, cap);
        if (!p) {
            b->failed = 1;
            return;
        }
        b->data = p;
        b->cap = cap;
    }
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

static void puts_(xbuf *b, const char *s)
{
    put(b, s, strlen(s));
}

/* s as XML character data: markup characters escaped, and the C0 controls
 * that XML 1.0 cannot carry at all left out. */
static void put_text(xbuf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '&')
            puts_(b, "&amp;");
        else if (c == '<')
            puts_(b, "&lt;");
        else if (c == '>')
            puts_(b, "&gt;");
        else if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r')
            put(b, s, 1);
    }
}

/* <tag>text</tag>, or nothing when the Info entry is absent. */
static void put_simple(xbuf *b, const char *tag, const char *text)
{
    if (!text || !*text)
        return;
    puts_(b, "   <"), puts_(b, tag), puts_(b, ">");
    put_text(b, text);
    puts_(b, "</"), puts_(b, tag), puts_(b, ">\n");
}

/* A language alternative (dc:title, dc:description) with one default. */
static void put_alt(xbuf *b, const char *tag, const char *text)
{
    if (!text || !*text)
        return;
    puts_(b, "   <"), puts_(b, tag), puts_(b, "><rdf:Alt><rdf:li xml:lang=\"x-default\">");
    put_text(b, text);
    puts_(b, "</rdf:li></rdf:Alt></"), puts_(b, tag), puts_(b, ">\n");
}

static void put_seq(xbuf *b, const char *tag, const char *kind, const char *text)
{
    if (!text || !*text)
        return;
    puts_(b, "   <"), puts_(b, tag), puts_(b, "><rdf:"), puts_(b, kind), puts_(b, "><rdf:li>");
    put_text(b, text);
    puts_(b, "</rdf:li></rdf:"), puts_(b, kind), puts_(b, "></"), puts_(b, tag), puts_(b, ">\n");
}

/* PDF/A accepts only the XMP schemas of its own list, or those the packet
 * describes: pdfuaid is not on the list, so a PDF/A and PDF/UA file says
 * what its one property is. */
static const char pdfuaid_extension[] =
    "  <rdf:Description rdf:about=\"\"\n"
    "    xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
    "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\"\n"
    "    xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
    "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
    "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
    "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
    "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
    "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
    "     <pdfaProperty:name>part</pdfaProperty:name>\n"
    "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
    "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
    "     <pdfaProperty:description>Part of ISO 14289 the file conforms to"
    "</pdfaProperty:description>\n"
    "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
    "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
    "  </rdf:Description>\n";

static void packet(pdf_ctx *ctx, unsigned flags, xbuf *b)
{
    HPDF_Doc doc = ctx->doc;
    char kw[512];
    char date[32];
    puts_(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
             "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
             " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
             "  <rdf:Description rdf:about=\"\"\n"
             "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
             "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
             "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
    if (flags & PDF_STD_ANY_A)
        puts_(b, "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
    if (flags & PDF_STD_UA1)
        puts_(b, "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
    puts_(b, ">\n   <dc:format>application/pdf</dc:format>\n");
    put_alt(b, "dc:title", docinfo_value(ctx, HPDF_INFO_TITLE, kw, sizeof kw));
    put_seq(b, "dc:creator", "Seq", docinfo_value(ctx, HPDF_INFO_AUTHOR, kw, sizeof kw));
    put_alt(b, "dc:description", docinfo_value(ctx, HPDF_INFO_SUBJECT, kw, sizeof kw));
    put_seq(b, "dc:language", "Bag", ctx->ds->language);
    put_simple(b, "pdf:Keywords", docinfo_value(ctx, HPDF_INFO_KEYWORDS, kw, sizeof kw));
    put_simple(b, "pdf:Producer", HPDF_GetInfoAttr(doc, HPDF_INFO_PRODUCER));
    put_simple(b, "xmp:CreatorTool", docinfo_value(ctx, HPDF_INFO_CREATOR, kw, sizeof kw));
    /* docinfo.c writes both Info dates from this timestamp, or neither */
    standard_xmp_date(ctx->ds->timestamp, date, sizeof date);
    put_simple(b, "xmp:CreateDate", date);
    put_simple(b, "xmp:ModifyDate", date);
    put_simple(b, "xmp:MetadataDate", date);
    if (flags & PDF_STD_ANY_A) {
        put_simple(b, "pdfaid:part", flags & PDF_STD_A3B ? "3" : "2");
        put_simple(b, "pdfaid:conformance", "B");
    }
    if (flags & PDF_STD_UA1)
        put_simple(b, "pdfuaid:part", "1");
    puts_(b, "  </rdf:Description>\n");
    if ((flags & PDF_STD_UA1) && (flags & PDF_STD_ANY_A))
        puts_(b, pdfuaid_extension);
    puts_(b, " </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
}

int xmp_write(pdf_ctx *ctx, unsigned flags)
{
    HPDF_Doc doc = ctx->doc;
    xbuf b = {0};
    packet(ctx, flags, &b);
    if (b.failed) {
        free(b.data);
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return -1;
    }
    HPDF_Dict meta = pdfo_stream(doc, 0);
    HPDF_STATUS ret = meta ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (meta) {
        ret |= pdfo_add_name(meta, "Type", "Metadata");
        ret |= pdfo_add_name(meta, "Subtype", "XML");
        ret |= pdfo_stream_write(meta, b.data, b.len);
        ret |= pdfo_add(pdfo_catalog(doc), "Metadata", meta);
    }
    free(b.data);
    return ret == HPDF_OK ? 0 : -1;
}
