/* verify.c — is a written .xlsx (ZIP) or .pdf whole?
 *
 * ZIP: APPNOTE.TXT 4.3. The end-of-central-directory record (zip64 when
 * its fields overflow) locates the central directory; every entry there
 * must point at a local header inside the file, and its data must end
 * before the central directory. XML parts are inflated and must match
 * their CRC-32 and size and end with their root element: a sheet whose
 * temporary file was cut short is zipped into a valid archive, and only
 * its text shows it. Each XML part is also parsed as it inflates: a
 * character XML 1.0 forbids (U+FFFF from a dataset) makes a part Excel
 * refuses, however whole. The parse is xml_check.c's (five times faster
 * than libxml2 on a sheet); a part it is not sure of is inflated again
 * into libxml2's push parser (no tree, no network, no DTD), whose verdict
 * stands.
 * A PDF's XMP packets (plain metadata streams) are parsed the same way. */
#define _GNU_SOURCE   /* memmem */
#include "verify.h"

#include <ctype.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <libxml/parser.h>
#include <zlib.h>

#include "xml_check.h"

#define EOCD_SIZE 22
#define ZIP64_LOCATOR_SIZE 20
#define ZIP64_EOCD_SIZE 56
#define CENTRAL_SIZE 46
#define LOCAL_SIZE 30
#define HEAD_KEEP 4096   /* bytes kept from the start of an XML part: its root tag */
#define TAIL_KEEP 512    /* ... and from its end */

typedef struct zip_entry {
    const unsigned char *name;
    size_t name_len;
    unsigned method;
    uint32_t crc;
    uint64_t csize, usize, offset;
} zip_entry;

static int fail(char *why, size_t size, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int fail(char *why, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why, size, fmt, ap);
    va_end(ap);
    return -1;
}

static uint16_t le16(const unsigned char *p) { return (uint16_t)(p[0] | p[1] << 8); }
static uint32_t le32(const unsigned char *p) { return (uint32_t)le16(p) | (uint32_t)le16(p + 2) << 16; }
static uint64_t le64(const unsigned char *p) { return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32; }

/* Where the central directory is, from the (zip64) end record. */
typedef struct zip_dir {
    uint64_t offset, size, entries, end;   /* end: where the end records start */
} zip_dir;

static int find_dir(const unsigned char *d, size_t len, zip_dir *z, char *why, size_t size)
{
    if (len < EOCD_SIZE)
        return fail(why, size, "the file is too short for a ZIP archive");
    size_t lowest = len - EOCD_SIZE > 0xffff ? len - EOCD_SIZE - 0xffff : 0;
    size_t e = len - EOCD_SIZE + 1;
    while (e-- > lowest)
        if (memcmp(d + e, "PK\5\6", 4) == 0 && e + EOCD_SIZE + le16(d + e + 20) == len)
            break;
    if (e == (size_t)-1 || e < lowest || memcmp(d + e, "PK\5\6", 4) != 0)
        return fail(why, size, "the ZIP archive has no end-of-central-directory record "
                               "(the file was cut short)");
    *z = (zip_dir){le32(d + e + 16), le32(d + e + 12), le16(d + e + 10), e};
    if (e >= ZIP64_LOCATOR_SIZE && memcmp(d + e - ZIP64_LOCATOR_SIZE, "PK\6\7", 4) == 0) {
        uint64_t at = le64(d + e - ZIP64_LOCATOR_SIZE + 8);
        if (at > e - ZIP64_LOCATOR_SIZE || e - ZIP64_LOCATOR_SIZE - at < ZIP64_EOCD_SIZE ||
            memcmp(d + at, "PK\6\6", 4) != 0)
            return fail(why, size, "the ZIP64 end record is not where its locator says");
        *z = (zip_dir){le64(d + at + 48), le64(d + at + 40), le64(d + at + 32), at};
    }
    if (z->offset > z->end || z->size > z->end - z->offset)
        return fail(why, size, "the ZIP central directory lies outside the file");
    return 0;
}

/* Sizes and offset that overflowed 32 bits are in the zip64 extra field,
 * in this order, only those that overflowed. */
static int zip64_extra(zip_entry *en, const unsigned char *x, size_t n)
{
    while (n >= 4) {
        unsigned id = le16(x), sz = le16(x + 2);
        if (sz > n - 4)
            return -1;
        if (id == 1) {
            const unsigned char *p = x + 4, *end = p + sz;
            uint64_t *fields[] = {&en->usize, &en->csize, &en->offset};
            for (int i = 0; i < 3; i++) {
                if (*fields[i] != 0xffffffffu)
                    continue;
                if (end - p < 8)
                    return -1;
                *fields[i] = le64(p);
                p += 8;
            }
            return 0;
        }
        x += 4 + sz;
        n -= 4 + sz;
    }
    return 0;
}

/* Reads the central entry at *pos and checks its local header and data. */
static int read_entry(const unsigned char *d, const zip_dir *z, uint64_t *pos, zip_entry *en,
                      char *why, size_t size)
{
    uint64_t dir_end = z->offset + z->size, p = *pos;
    if (dir_end - p < CENTRAL_SIZE || memcmp(d + p, "PK\1\2", 4) != 0)
        return fail(why, size, "the ZIP central directory is damaged");
    const unsigned char *c = d + p;
    size_t nlen = le16(c + 28), xlen = le16(c + 30), clen = le16(c + 32);
    if (dir_end - p - CENTRAL_SIZE < nlen + xlen + clen)
        return fail(why, size, "the ZIP central directory is damaged");
    *en = (zip_entry){c + CENTRAL_SIZE, nlen, le16(c + 10), le32(c + 16), le32(c + 20),
                      le32(c + 24), le32(c + 42)};
    if (zip64_extra(en, c + CENTRAL_SIZE + nlen, xlen) != 0)
        return fail(why, size, "the ZIP central directory is damaged");
    *pos = p + CENTRAL_SIZE + nlen + xlen + clen;
    uint64_t o = en->offset;
    if (o > z->offset || z->offset - o < LOCAL_SIZE || memcmp(d + o, "PK\3\4", 4) != 0)
        return fail(why, size, "ZIP entry '%.*s' has no local header where the directory says",
                    (int)(nlen > 200 ? 200 : nlen), (const char *)en->name);
    uint64_t data = o + LOCAL_SIZE + le16(d + o + 26) + le16(d + o + 28);
    if (data > z->offset || en->csize > z->offset - data)
        return fail(why, size, "ZIP entry '%.*s' runs past the end of its data",
                    (int)(nlen > 200 ? 200 : nlen), (const char *)en->name);
    return 0;
}

static int ends_with(const unsigned char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* The root element's name: the first tag that is not <?...?> or <!...>. */
static size_t root_name(const unsigned char *h, size_t n, const unsigned char **name)
{
    size_t i = 0;
    while (i < n) {
        while (i < n && h[i] != '<')
            i++;
        if (i + 1 >= n)
            return 0;
        if (h[i + 1] != '?' && h[i + 1] != '!')
            break;
        while (i < n && h[i] != '>')
            i++;
    }
    size_t start = ++i;
    while (i < n && !isspace(h[i]) && h[i] != '>' && h[i] != '/')
        i++;
    *name = h + start;
    return i < n ? i - start : 0;
}

/* An XML part is whole when it ends with </root>, or is one empty
 * <root .../> (then it is short, and all of it is in head). */
static int xml_is_whole(const unsigned char *head, size_t hn, const unsigned char *tail,
                        size_t tn, uint64_t total)
{
    while (tn > 0 && isspace(tail[tn - 1]))
        tn--;
    const unsigned char *name;
    size_t len = root_name(head, hn, &name);
    if (len == 0 || len > 200)
        return 0;
    if (total <= hn && ends_with(tail, tn, "/>")) {
        while (hn > 0 && isspace(head[hn - 1]))
            hn--;
        const unsigned char *gt = memchr(name, '>', hn - (size_t)(name - head));
        return gt && gt[-1] == '/' && (size_t)(gt + 1 - head) == hn;
    }
    return tn >= len + 3 && memcmp(tail + tn - len - 3, "</", 2) == 0 &&
           memcmp(tail + tn - len - 1, name, len) == 0 && tail[tn - 1] == '>';
}

typedef struct inflated {
    unsigned char head[HEAD_KEEP], tail[TAIL_KEEP];
    size_t head_len, tail_len;
    uint64_t total;
    uint32_t crc;
    xmlParserCtxtPtr xml;    /* libxml2's parser of the part, or NULL */
    xml_check *check;        /* or the fast check's, which holds the bytes */
} inflated;

/* libxml2 is opened on the first workbook checked, not linked: linked, it
 * and the ICU and C++ libraries it needs were loaded and relocated by
 * every run, a third of a small render's start-up (a PDF needs none). */
static struct {
    xmlParserCtxtPtr (*create)(xmlSAXHandlerPtr, void *, const char *, int, const char *);
    int (*use_options)(xmlParserCtxtPtr, int);
    int (*parse_chunk)(xmlParserCtxtPtr, const char *, int, int);
    void (*free_ctxt)(xmlParserCtxtPtr);
} xml;
static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static int xml_loaded;

static void xml_load(void)
{
    void *h = dlopen("libxml2.so.2", RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return;
    *(void **)&xml.create = dlsym(h, "xmlCreatePushParserCtxt");
    *(void **)&xml.use_options = dlsym(h, "xmlCtxtUseOptions");
    *(void **)&xml.parse_chunk = dlsym(h, "xmlParseChunk");
    *(void **)&xml.free_ctxt = dlsym(h, "xmlFreeParserCtxt");
    xml_loaded = xml.create && xml.use_options && xml.parse_chunk && xml.free_ctxt;
    if (!xml_loaded)
        dlclose(h);   /* kept open otherwise, for the life of the process */
}

static void keep(inflated *f, const unsigned char *p, size_t n)
{
    if (f->xml && n)
        xml.parse_chunk(f->xml, (const char *)p, (int)n, 0);
    f->crc = (uint32_t)crc32(f->crc, p, (uInt)n);
    f->total += n;
    if (f->head_len < HEAD_KEEP) {
        size_t k = n < HEAD_KEEP - f->head_len ? n : HEAD_KEEP - f->head_len;
        memcpy(f->head + f->head_len, p, k);
        f->head_len += k;
    }
    if (n >= TAIL_KEEP) {
        memcpy(f->tail, p + n - TAIL_KEEP, TAIL_KEEP);
        f->tail_len = TAIL_KEEP;
    } else {
        size_t drop = f->tail_len + n > TAIL_KEEP ? f->tail_len + n - TAIL_KEEP : 0;
        memmove(f->tail, f->tail + drop, f->tail_len - drop);
        memcpy(f->tail + f->tail_len - drop, p, n);
        f->tail_len += n - drop;
    }
}

/* Where the next bytes to keep go: the fast check's buffer, or out. */
static unsigned char *space(inflated *f, unsigned char *out, size_t *room)
{
    if (f->check)
        return xml_check_space(f->check, room);
    *room = 1 << 16;
    return out;
}

static void keep_at(inflated *f, const unsigned char *p, size_t n)
{
    keep(f, p, n);
    if (f->check)
        xml_check_feed(f->check, n);
}

/* Inflates (or copies) an entry's data into f. Returns 0 or -1. */
static int expand_entry(const unsigned char *data, const zip_entry *en, inflated *f)
{
    unsigned char buf[1 << 16];
    size_t room;
    f->crc = (uint32_t)crc32(0, NULL, 0);
    if (en->method == 0) {
        for (uint64_t at = 0; at < en->csize;) {
            unsigned char *to = space(f, buf, &room);
            size_t n = en->csize - at < room ? (size_t)(en->csize - at) : room;
            memcpy(to, data + at, n);
            keep_at(f, to, n);
            at += n;
        }
        return 0;
    }
    if (en->method != 8)
        return -1;
    z_stream zs = {0};
    if (inflateInit2(&zs, -MAX_WBITS) != Z_OK)
        return -1;
    uint64_t left = en->csize;
    int rc = Z_OK;
    const unsigned char *in = data;
    while (rc == Z_OK) {
        if (zs.avail_in == 0 && left > 0) {
            uInt n = left > (1u << 30) ? (1u << 30) : (uInt)left;
            zs.next_in = (Bytef *)in;
            zs.avail_in = n;
            in += n;
            left -= n;
        }
        unsigned char *out = space(f, buf, &room);
        zs.next_out = out;
        zs.avail_out = (uInt)room;
        rc = inflate(&zs, Z_NO_FLUSH);
        keep_at(f, out, room - zs.avail_out);
        if (rc == Z_BUF_ERROR && zs.avail_in == 0 && left == 0)
            break;   /* the stream stops before its end */
        if (f->total > en->usize)
            break;   /* more than the entry says it holds: no need to read on */
    }
    inflateEnd(&zs);
    return rc == Z_STREAM_END ? 0 : -1;
}

static int is_xml_part(const zip_entry *en)
{
    return ends_with(en->name, en->name_len, ".xml") || ends_with(en->name, en->name_len, ".rels") ||
           ends_with(en->name, en->name_len, ".vml");   /* a cell comment's drawing */
}

static void xml_quiet(void *data, const xmlError *error)
{
    (void)data, (void)error;
}

/* A parser that builds nothing and says nothing: only well-formedness. */
static xmlParserCtxtPtr xml_checker(void)
{
    static xmlSAXHandler sax;
    sax.initialized = XML_SAX2_MAGIC;
    sax.serror = (xmlStructuredErrorFunc)xml_quiet;
    xmlParserCtxtPtr ctx = xml.create(&sax, NULL, NULL, 0, NULL);
    if (ctx)
        xml.use_options(ctx, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                   XML_PARSE_HUGE);
    return ctx;
}

/* 1 when the part's parser saw a well-formed document. */
static int xml_finish(inflated *f)
{
    xml.parse_chunk(f->xml, NULL, 0, 1);
    int ok = f->xml->wellFormed;
    xml.free_ctxt(f->xml);
    f->xml = NULL;
    return ok;
}

/* Whether libxml2 finds the part well-formed: a second inflate, for a
 * part the fast check was not sure of. Returns 1, 0, or -1 when libxml2
 * cannot be loaded or the parser allocated. */
static int libxml2_well_formed(const unsigned char *data, const zip_entry *en)
{
    static inflated g;   /* 4.5 KB: off the stack; verify runs in one thread */
    memset(&g, 0, sizeof g);
    pthread_once(&xml_once, xml_load);
    if (!xml_loaded || !(g.xml = xml_checker()))
        return -1;
    expand_entry(data, en, &g);
    return xml_finish(&g);
}

static int check_part(const unsigned char *d, const zip_entry *en, char *why, size_t size)
{
    static inflated f;   /* 4.5 KB: off the stack; verify runs in one thread */
    memset(&f, 0, sizeof f);
    f.check = xml_check_new();
    if (!f.check)
        return fail(why, size, "out of memory");
    int nlen = (int)(en->name_len > 200 ? 200 : en->name_len);
    const char *name = (const char *)en->name;
    uint64_t data = en->offset + LOCAL_SIZE + le16(d + en->offset + 26) + le16(d + en->offset + 28);
    int inflated_ok = expand_entry(d + data, en, &f) == 0;
    int well_formed = xml_check_end(f.check);
    xml_check_free(f.check);
    if (!inflated_ok)
        return fail(why, size, "ZIP entry '%.*s' does not inflate", nlen, name);
    if (f.crc != en->crc || f.total != en->usize)
        return fail(why, size, "ZIP entry '%.*s' does not match its CRC or size", nlen, name);
    if (!xml_is_whole(f.head, f.head_len, f.tail, f.tail_len, f.total))
        return fail(why, size, "XML part '%.*s' stops before its end (a write failed)", nlen,
                    name);
    if (!well_formed)
        well_formed = libxml2_well_formed(d + data, en);
    if (well_formed < 0)
        return fail(why, size, "%s",
                    xml_loaded ? "out of memory"
                               : "cannot check its XML: libxml2.so.2 cannot be loaded");
    if (!well_formed)
        return fail(why, size, "XML part '%.*s' is not well-formed XML", nlen, name);
    return 0;
}

static int verify_zip(const unsigned char *d, size_t len, char *why, size_t size)
{
    zip_dir z = {0};
    if (find_dir(d, len, &z, why, size) != 0)
        return -1;
    if (z.entries == 0)
        return fail(why, size, "the ZIP archive is empty");
    uint64_t pos = z.offset;
    for (uint64_t i = 0; i < z.entries; i++) {
        zip_entry en;
        if (read_entry(d, &z, &pos, &en, why, size) != 0)
            return -1;
        if (is_xml_part(&en) && check_part(d, &en, why, size) != 0)
            return -1;
    }
    if (pos != z.offset + z.size)
        return fail(why, size, "the ZIP central directory holds other entries than it counts");
    return 0;
}

static int verify_xmp(const unsigned char *d, size_t len, char *why, size_t size);

/* A PDF ends with "startxref", the offset of the cross-reference table (or
 * stream) inside the file, and "%%EOF". */
static int verify_pdf(const unsigned char *d, size_t len, char *why, size_t size)
{
    if (len < 8 || memcmp(d, "%PDF-", 5) != 0)
        return fail(why, size, "the file does not start with a PDF header");
    size_t n = len;
    while (n > 0 && isspace(d[n - 1]))
        n--;
    if (!ends_with(d, n, "%%EOF"))
        return fail(why, size, "the PDF does not end with %%%%EOF (the file was cut short)");
    /* the last "startxref" that ends before %%EOF, in the last KB */
    if (n < 5 + 9)
        return fail(why, size, "the PDF has no startxref");
    size_t from = n > 1024 ? n - 1024 : 0, at = n - 5 - 9;
    while (at > from && memcmp(d + at, "startxref", 9) != 0)
        at--;
    if (memcmp(d + at, "startxref", 9) != 0)
        return fail(why, size, "the PDF has no startxref");
    uint64_t off = 0;
    size_t i = at + 9;
    while (i < n && isspace(d[i]))
        i++;
    if (i >= n || !isdigit(d[i]))
        return fail(why, size, "the PDF's startxref has no offset");
    for (; i < n && isdigit(d[i]) && off < len; i++)
        off = off * 10 + (uint64_t)(d[i] - '0');
    if (off >= at || !(memcmp(d + off, "xref", 4) == 0 || isdigit(d[off])))
        return fail(why, size, "the PDF's startxref points at no cross-reference table");
    return verify_xmp(d, len, why, size);
}

/* The bytes of d[0..n) matching the C string s, from the start, or NULL. */
static const unsigned char *find(const unsigned char *d, size_t n, const char *s)
{
    return memmem(d, n, s, strlen(s));
}

/* Whether the dictionary text dict[0..n) has /key followed by /value. */
static int has_name(const unsigned char *dict, size_t n, const char *key, const char *value)
{
    const unsigned char *k = find(dict, n, key);
    if (!k)
        return 0;
    const unsigned char *p = k + strlen(key), *end = dict + n;
    while (p < end && isspace(*p))
        p++;
    size_t vn = strlen(value);
    return (size_t)(end - p) >= vn && memcmp(p, value, vn) == 0;
}

/* An XMP packet (a stream of /Type /Metadata /Subtype /XML): well-formed
 * XML, as a reader of PDF/A metadata needs it. Returns 0, or -1. */
static int check_xmp(const unsigned char *x, size_t n, char *why, size_t size)
{
    if (xml_check_bytes(x, n))   /* well-formed: libxml2 is not even loaded */
        return 0;
    pthread_once(&xml_once, xml_load);   /* only when the fast check is not sure */
    if (!xml_loaded)
        return fail(why, size, "cannot check its XMP metadata: libxml2.so.2 cannot be loaded");
    xmlParserCtxtPtr ctx = xml_checker();
    if (!ctx)
        return fail(why, size, "out of memory");
    for (size_t at = 0; at < n; at += 1 << 20)
        xml.parse_chunk(ctx, (const char *)x + at, (int)(n - at < (1 << 20) ? n - at : 1 << 20),
                        0);
    xml.parse_chunk(ctx, NULL, 0, 1);
    int ok = ctx->wellFormed;
    xml.free_ctxt(ctx);
    return ok ? 0 : fail(why, size, "its XMP metadata is not well-formed XML");
}

/* Every uncompressed metadata stream of the PDF is parsed: quire's PDFs
 * write the XMP packet as plain text (a compressed one is not looked at).
 * A stream's dictionary is the text between the "obj" that opens it and
 * "stream"; its data ends at "endstream". */
static int verify_xmp(const unsigned char *d, size_t len, char *why, size_t size)
{
    const unsigned char *end = d + len, *p = d, *name;
    while ((name = find(p, (size_t)(end - p), "/Metadata")) != NULL) {
        p = name + 9;
        const unsigned char *from = name - ((size_t)(name - d) < 512 ? (size_t)(name - d) : 512);
        const unsigned char *obj = NULL, *o;
        while ((o = find(from, (size_t)(name - from), "obj")) != NULL)
            obj = from = o + 3;   /* the last "obj" before /Metadata */
        size_t ahead = (size_t)(end - name) < 512 ? (size_t)(end - name) : 512;
        const unsigned char *dict_end = find(name, ahead, "stream");
        if (!obj || !dict_end)
            continue;   /* /Metadata as a key of another dictionary */
        size_t dn = (size_t)(dict_end - obj);
        if (find(obj, dn, "endobj") || !has_name(obj, dn, "/Type", "/Metadata") ||
            !has_name(obj, dn, "/Subtype", "/XML") || find(obj, dn, "/Filter"))
            continue;
        const unsigned char *data = dict_end + 6;
        if (data < end && *data == '\r')
            data++;
        if (data < end && *data == '\n')
            data++;
        const unsigned char *stop = find(data, (size_t)(end - data), "endstream");
        if (!stop)
            return fail(why, size, "its XMP metadata stream has no end");
        if (check_xmp(data, (size_t)(stop - data), why, size) != 0)
            return -1;
        p = stop;
    }
    return 0;
}

static int is_zip_ext(const char *ext)
{
    static const char *const zips[] = {"xlsx", "xlsm", "docx", "pptx", "ods", "odt", "odp",
                                       "zip", "epub"};
    for (size_t i = 0; i < sizeof zips / sizeof zips[0]; i++)
        if (strcmp(ext, zips[i]) == 0)
            return 1;
    return 0;
}

int verify_bytes(const char *ext, const unsigned char *data, size_t len, char *why,
                 size_t size)
{
    if (is_zip_ext(ext))
        return verify_zip(data, len, why, size);
    if (strcmp(ext, "pdf") == 0)
        return verify_pdf(data, len, why, size);
    return 0;
}

int verify_output(int dirfd, const char *name, char *why, size_t size)
{
    const char *dot = strrchr(name, '.');
    const char *ext = dot ? dot + 1 : "";
    if (!is_zip_ext(ext) && strcmp(ext, "pdf") != 0)
        return 0;
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        if (fd >= 0)
            close(fd);
        return fail(why, size, "cannot be read back: %m");
    }
    if (st.st_size == 0) {
        close(fd);
        return fail(why, size, "the file is empty");
    }
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return fail(why, size, "cannot be read back: %m");
    int rc = verify_bytes(ext, map, (size_t)st.st_size, why, size);
    munmap(map, (size_t)st.st_size);
    return rc;
}
