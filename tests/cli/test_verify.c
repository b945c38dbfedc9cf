/* Unit tests of the checks on a written file (verify.c): ZIP archives
 * built here byte by byte (plain and zip64, stored and deflated), cut at
 * every length and damaged one way at a time; PDFs the same. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "verify.h"

typedef struct entry {
    const char *name;
    uint32_t crc;
    uint64_t csize, usize, offset;
    int method;
} entry;

typedef struct zip {
    unsigned char d[1 << 16];
    size_t len;
    entry e[8];
    int n;
} zip;

static void put(zip *z, const void *p, size_t n)
{
    assert_true(z->len + n <= sizeof z->d);
    memcpy(z->d + z->len, p, n);
    z->len += n;
}
static void u16(zip *z, unsigned v) { unsigned char b[2] = {v & 255, v >> 8 & 255}; put(z, b, 2); }
static void u32(zip *z, uint32_t v) { u16(z, v & 0xffff); u16(z, v >> 16); }
static void u64(zip *z, uint64_t v) { u32(z, (uint32_t)v); u32(z, (uint32_t)(v >> 32)); }

/* Adds a local header and data; method 8 deflates, 0 stores, anything
 * else is written as stored under that method number. */
static void add(zip *z, const char *name, const char *text, int method, int zip64)
{
    entry *e = &z->e[z->n++];
    size_t n = strlen(text);
    unsigned char packed[4096];
    uLongf csize = sizeof packed;
    if (method == 8) {
        z_stream s = {0};
        assert_int_equal(deflateInit2(&s, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
        s.next_in = (Bytef *)text;
        s.avail_in = (uInt)n;
        s.next_out = packed;
        s.avail_out = sizeof packed;
        assert_int_equal(deflate(&s, Z_FINISH), Z_STREAM_END);
        csize = s.total_out;
        deflateEnd(&s);
    } else {
        memcpy(packed, text, n);
        csize = n;
    }
    *e = (entry){name, (uint32_t)crc32(0, (const Bytef *)text, (uInt)n), csize, n, z->len, method};
    u32(z, 0x04034b50);
    u16(z, zip64 ? 45 : 20);
    u16(z, 0);
    u16(z, (unsigned)method);
    u32(z, 0);   /* time, date */
    u32(z, e->crc);
    u32(z, zip64 ? 0xffffffffu : (uint32_t)csize);
    u32(z, zip64 ? 0xffffffffu : (uint32_t)n);
    u16(z, (unsigned)strlen(name));
    u16(z, zip64 ? 20 : 0);
    put(z, name, strlen(name));
    if (zip64) {
        u16(z, 1);
        u16(z, 16);
        u64(z, n);
        u64(z, csize);
    }
    put(z, packed, csize);
}

/* The central directory and the end records. */
static void finish(zip *z, int zip64)
{
    uint64_t cd = z->len;
    for (int i = 0; i < z->n; i++) {
        const entry *e = &z->e[i];
        u32(z, 0x02014b50);
        u16(z, 45);
        u16(z, zip64 ? 45 : 20);
        u16(z, 0);
        u16(z, (unsigned)e->method);
        u32(z, 0);
        u32(z, e->crc);
        u32(z, zip64 ? 0xffffffffu : (uint32_t)e->csize);
        u32(z, zip64 ? 0xffffffffu : (uint32_t)e->usize);
        u16(z, (unsigned)strlen(e->name));
        u16(z, zip64 ? 28 : 0);
        u16(z, 0);   /* comment */
        u16(z, 0);   /* disk */
        u16(z, 0);
        u32(z, 0);
        u32(z, zip64 ? 0xffffffffu : (uint32_t)e->offset);
        put(z, e->name, strlen(e->name));
        if (zip64) {
            u16(z, 1);
            u16(z, 24);
            u64(z, e->usize);
            u64(z, e->csize);
            u64(z, e->offset);
        }
    }
    uint64_t cd_size = z->len - cd;
    if (zip64) {
        uint64_t at = z->len;
        u32(z, 0x06064b50);
        u64(z, 44);
        u16(z, 45);
        u16(z, 45);
        u32(z, 0);
        u32(z, 0);
        u64(z, (uint64_t)z->n);
        u64(z, (uint64_t)z->n);
        u64(z, cd_size);
        u64(z, cd);
        u32(z, 0x07064b50);
        u32(z, 0);
        u64(z, at);
        u32(z, 1);
    }
    u32(z, 0x06054b50);
    u16(z, 0);
    u16(z, 0);
    u16(z, zip64 ? 0xffff : (unsigned)z->n);
    u16(z, zip64 ? 0xffff : (unsigned)z->n);
    u32(z, zip64 ? 0xffffffffu : (uint32_t)cd_size);
    u32(z, zip64 ? 0xffffffffu : (uint32_t)cd);
    u16(z, 0);
}

static const char sheet[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
    "<!-- a comment --><worksheet xmlns=\"x\"><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v></c>"
    "</row></sheetData></worksheet>\n";

static void workbook(zip *z, const char *sheet_xml, int zip64)
{
    memset(z, 0, sizeof *z);
    add(z, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types></Types>", 8, zip64);
    add(z, "_rels/.rels", "<?xml version=\"1.0\"?>\n<Relationships xmlns=\"r\"/>\n", 0, zip64);
    add(z, "xl/worksheets/sheet1.xml", sheet_xml, 8, zip64);
    add(z, "xl/media/image1.png", "\x89PNG not inflated, not checked", 0, zip64);
    finish(z, zip64);
}

static int check(const zip *z, size_t len, char *why)
{
    return verify_bytes("xlsx", z->d, len, why, 256);
}

static void test_whole_archives_pass(void **state)
{
    static zip z;
    char why[256] = "";
    for (int zip64 = 0; zip64 <= 1; zip64++) {
        workbook(&z, sheet, zip64);
        if (check(&z, z.len, why) != 0)
            fail_msg("zip64=%d: %s", zip64, why);
    }
}

/* Cut at any length, the archive is refused. */
static void test_every_cut_fails(void **state)
{
    static zip z;
    char why[256];
    for (int zip64 = 0; zip64 <= 1; zip64++) {
        workbook(&z, sheet, zip64);
        for (size_t len = 0; len < z.len; len++)
            if (check(&z, len, why) == 0)
                fail_msg("zip64=%d: cut at %zu of %zu passed", zip64, len, z.len);
    }
}

/* A valid archive of an XML part that stops early. */
static void test_cut_xml_part(void **state)
{
    static zip z;
    char why[256];
    static const char *const cut[] = {
        "<?xml version=\"1.0\"?><worksheet><sheetData><row r=\"1\">",
        "<?xml version=\"1.0\"?><worksheet><sheetData></sheetData></workshe",
        "<?xml version=\"1.0\"?><worksheet><sheetData></sheetData>",
        "<?xml version=\"1.0\"?><worksheet></sheetData>",
        "<?xml version=\"1.0\"?>",
        "",
    };
    for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++) {
        workbook(&z, cut[i], (int)(i % 2));
        assert_int_equal(check(&z, z.len, why), -1);
        assert_non_null(strstr(why, "XML part 'xl/worksheets/sheet1.xml' stops before its end"));
    }
}

/* A whole part that is not XML: a character XML 1.0 forbids (issue 21),
 * or tags that do not nest. */
static void test_ill_formed_xml_part(void **state)
{
    static zip z;
    char why[256];
    static const char *const bad[] = {
        "<?xml version=\"1.0\"?><worksheet><v>A\xEF\xBF\xBF</v></worksheet>",   /* U+FFFF */
        "<?xml version=\"1.0\"?><worksheet><v>A\xEF\xBF\xBE</v></worksheet>",   /* U+FFFE */
        "<?xml version=\"1.0\"?><worksheet><v>A\x01</v></worksheet>",
        "<?xml version=\"1.0\"?><worksheet><v>A &nbsp; B</v></worksheet>",
        "<?xml version=\"1.0\"?><worksheet><row><c></row></c></worksheet>",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        workbook(&z, bad[i], (int)(i % 2));
        assert_int_equal(check(&z, z.len, why), -1);
        assert_non_null(strstr(why, "XML part 'xl/worksheets/sheet1.xml' is not well-formed"));
    }
}

/* A cell comment's VML drawing is XML too (libxlsxwriter's is
 * well-formed): one cut short is refused. */
static void test_ill_formed_vml_part(void **state)
{
    static zip z;
    char why[256];
    static const char vml[] = "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\"><v:shape/></xml>";
    for (int whole = 0; whole <= 1; whole++) {
        memset(&z, 0, sizeof z);
        add(&z, "[Content_Types].xml", "<?xml version=\"1.0\"?><Types></Types>", 8, 0);
        add(&z, "xl/worksheets/sheet1.xml", sheet, 8, 0);
        add(&z, "xl/drawings/vmlDrawing1.vml", whole ? vml : "<xml><v:shape/>", 8, 0);
        finish(&z, 0);
        assert_int_equal(check(&z, z.len, why), whole ? 0 : -1);
        if (!whole)
            assert_non_null(strstr(why, "XML part 'xl/drawings/vmlDrawing1.vml'"));
    }
}

static void test_damaged_archives_fail(void **state)
{
    static zip z;
    char why[256];
    /* a CRC that does not match the data */
    workbook(&z, sheet, 0);
    z.d[z.e[2].offset + 14] ^= 1;   /* the local header's copy is not read */
    uint32_t cd = (uint32_t)(z.e[3].offset + 30 + strlen(z.e[3].name) + z.e[3].csize);
    size_t p = cd;
    for (int i = 0; i < 2; i++)   /* skip two central entries */
        p += 46 + (size_t)(z.d[p + 28] | z.d[p + 29] << 8);
    z.d[p + 16] ^= 1;
    assert_int_equal(check(&z, z.len, why), -1);
    assert_non_null(strstr(why, "does not match its CRC or size"));
    /* trailing bytes after the end record */
    workbook(&z, sheet, 0);
    z.d[z.len++] = '\n';
    assert_int_equal(check(&z, z.len, why), -1);
    /* an XML part stored with a method nobody knows */
    memset(&z, 0, sizeof z);
    add(&z, "a.xml", "<a></a>", 99, 0);
    finish(&z, 0);
    assert_int_equal(check(&z, z.len, why), -1);
    assert_non_null(strstr(why, "does not inflate"));
    /* an empty archive */
    memset(&z, 0, sizeof z);
    finish(&z, 0);
    assert_int_equal(check(&z, z.len, why), -1);
    /* not a ZIP at all; other extensions are not checked */
    assert_int_equal(verify_bytes("xlsx", (const unsigned char *)"older\n", 6, why, sizeof why), -1);
    assert_int_equal(verify_bytes("csv", (const unsigned char *)"older\n", 6, why, sizeof why), 0);
}

static const char pdf[] =
    "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    "1 0 obj <</Type /Catalog>> endobj\n"
    "xref\n0 2\n0000000000 65535 f \n0000000015 00000 n \n"
    "trailer <</Size 2 /Root 1 0 R>>\nstartxref\n49\n%%EOF\n";

static void test_pdf(void **state)
{
    char why[256];
    const unsigned char *d = (const unsigned char *)pdf;
    size_t n = strlen(pdf);
    assert_int_equal(memcmp(d + 49, "xref", 4), 0);
    if (verify_bytes("pdf", d, n, why, sizeof why) != 0)
        fail_msg("%s", why);
    for (size_t len = 0; len < n - 1; len++)   /* all but the final newline */
        if (verify_bytes("pdf", d, len, why, sizeof why) == 0)
            fail_msg("cut at %zu passed", len);
    char bad[sizeof pdf];
    memcpy(bad, pdf, sizeof pdf);
    memcpy(strstr(bad, "\n49\n") + 1, "99", 2);   /* startxref past the table */
    assert_int_equal(verify_bytes("pdf", (unsigned char *)bad, n, why, sizeof why), -1);
    assert_non_null(strstr(why, "startxref"));
    memcpy(bad, pdf, sizeof pdf);
    bad[1] = 'X';
    assert_int_equal(verify_bytes("pdf", (unsigned char *)bad, n, why, sizeof why), -1);
}

/* A PDF whose catalog has an XMP packet (uncompressed, as quire writes
 * it, or with a /Filter the check does not look into). */
static size_t pdf_with_xmp(char *out, size_t size, const char *packet, const char *filter)
{
    int n = snprintf(out, size,
                     "%%PDF-1.4\n1 0 obj\n<<\n/Type /Catalog\n/Metadata 2 0 R\n>>\nendobj\n"
                     "2 0 obj\n<<\n/Type /Metadata\n/Subtype /XML\n%s/Length %zu\n>>\n"
                     "stream\r\n%s\r\nendstream\nendobj\n",
                     filter, strlen(packet), packet);
    assert_true(n > 0 && (size_t)n < size);
    size_t xref = (size_t)n;
    n += snprintf(out + n, size - (size_t)n,
                  "xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000060 00000 n \n"
                  "trailer <</Size 3 /Root 1 0 R>>\nstartxref\n%zu\n%%%%EOF\n", xref);
    assert_true((size_t)n < size);
    return (size_t)n;
}

static void test_pdf_xmp(void **state)
{
    (void)state;
    static const char good[] =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><dc:title xmlns:dc=\"d\">T\xC3\xA9</dc:title>"
        "</x:xmpmeta>\n<?xpacket end=\"r\"?>";
    static const char *const bad[] = {
        /* U+FFFF, a character XML 1.0 forbids */
        "<?xpacket begin=\"\" id=\"W\"?><x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\xEF\xBF\xBF"
        "</x:xmpmeta><?xpacket end=\"r\"?>",
        /* a C0 control */
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\x01</x:xmpmeta>",
        /* tags that do not nest, text that is not escaped */
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><a></x:xmpmeta></a>",
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">R&D</x:xmpmeta>",
    };
    char doc[4096], why[256];
    size_t n = pdf_with_xmp(doc, sizeof doc, good, "");
    if (verify_bytes("pdf", (unsigned char *)doc, n, why, sizeof why) != 0)
        fail_msg("%s", why);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        n = pdf_with_xmp(doc, sizeof doc, bad[i], "");
        assert_int_equal(verify_bytes("pdf", (unsigned char *)doc, n, why, sizeof why), -1);
        assert_non_null(strstr(why, "XMP"));
        /* a compressed packet is not looked into */
        n = pdf_with_xmp(doc, sizeof doc, bad[i], "/Filter /FlateDecode\n");
        if (verify_bytes("pdf", (unsigned char *)doc, n, why, sizeof why) != 0)
            fail_msg("%s", why);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_whole_archives_pass),
        cmocka_unit_test(test_ill_formed_vml_part),
        cmocka_unit_test(test_every_cut_fails),
        cmocka_unit_test(test_cut_xml_part),
        cmocka_unit_test(test_ill_formed_xml_part),
        cmocka_unit_test(test_damaged_archives_fail),
        cmocka_unit_test(test_pdf),
        cmocka_unit_test(test_pdf_xmp),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
