/* font_embed.c — Type 0 fonts made with pdf_objects.h, and the raw text
 * operators that show their glyphs. */
#include "font_embed.h"

#include "pdf_objects.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "font_subset.h"
#include "utf8.h"

#define MAX_UNITS 8        /* UTF-16 units a glyph maps to (a ligature's letters) */
#define CMAP_BLOCK 100     /* entries per bfchar block, the CMap limit */

typedef struct embed_glyph {
    unsigned gid, code;    /* code: the CID in the content stream */
    int width;             /* 1/1000 em, rounded */
    unsigned char n_units;
    uint16_t units[MAX_UNITS];
} embed_glyph;

struct embed_font {
    embed_doc *doc;
    const font_face *face;
    int id;                /* resource name Q<id> */
    HPDF_Dict type0, cid, desc;
    embed_glyph *slots;    /* open addressing by gid; gid + 1 == 0: empty */
    size_t cap, count;
    HPDF_Page listed;      /* the last page whose resources name it */
};

struct embed_doc {
    HPDF_Doc doc;
    embed_font **fonts;
    size_t n, cap;
};

embed_doc *embed_new(HPDF_Doc doc)
{
    embed_doc *d = calloc(1, sizeof *d);
    if (d)
        d->doc = doc;
    return d;
}

void embed_free(embed_doc *d)
{
    if (!d)
        return;
    for (size_t i = 0; i < d->n; i++) {
        free(d->fonts[i]->slots);
        free(d->fonts[i]);
    }
    free(d->fonts);
    free(d);
}

static HPDF_Dict new_dict(embed_doc *d, const char *type)
{
    HPDF_Dict dict = pdfo_dict_indirect(d->doc);
    if (!dict)
        return NULL;
    if (type && pdfo_add_name(dict, "Type", type) != HPDF_OK)
        return NULL;
    return dict;
}

embed_font *embed_font_of(embed_doc *d, const font_face *f)
{
    for (size_t i = 0; i < d->n; i++)
        if (d->fonts[i]->face == f)
            return d->fonts[i];
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 8;
        embed_font **p = realloc(d->fonts, cap * sizeof *p);
        if (!p)
            return NULL;
        d->fonts = p;
        d->cap = cap;
    }
    embed_font *ef = calloc(1, sizeof *ef);
    if (!ef)
        return NULL;
    ef->doc = d;
    ef->face = f;
    ef->id = (int)d->n + 1;
    ef->type0 = new_dict(d, "Font");
    ef->cid = new_dict(d, "Font");
    ef->desc = new_dict(d, "FontDescriptor");
    HPDF_Array kids = pdfo_array(d->doc);
    if (!ef->type0 || !ef->cid || !ef->desc || !kids ||
        pdfo_add_name(ef->type0, "Subtype", "Type0") != HPDF_OK ||
        pdfo_add_name(ef->type0, "Encoding", "Identity-H") != HPDF_OK ||
        pdfo_add(ef->type0, "DescendantFonts", kids) != HPDF_OK ||
        pdfo_push(kids, ef->cid) != HPDF_OK ||
        pdfo_add(ef->cid, "FontDescriptor", ef->desc) != HPDF_OK) {
        free(ef);
        return NULL;
    }
    d->fonts[d->n++] = ef;
    return ef;
}

/* ------------------------------------------------------------------ */
/* Glyphs drawn                                                        */
/* ------------------------------------------------------------------ */

static size_t slot_of(const embed_font *ef, unsigned gid)
{
    size_t i = (gid * 2654435761u) & (ef->cap - 1);
    while (ef->slots[i].gid + 1 != 0 && ef->slots[i].gid != gid)
        i = (i + 1) & (ef->cap - 1);
    return i;
}

static int grow(embed_font *ef)
{
    size_t cap = ef->cap ? ef->cap * 2 : 256;
    embed_glyph *old = ef->slots, *slots = malloc(cap * sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < cap; i++)
        slots[i].gid = (unsigned)-1;
    size_t old_cap = ef->cap;
    ef->slots = slots;
    ef->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].gid + 1 != 0)
            ef->slots[slot_of(ef, old[i].gid)] = old[i];
    free(old);
    return 0;
}

/* Records gid with the letters s[0..len) (len 0: none of its own). */
static void use_glyph(embed_font *ef, unsigned gid, const char *s, size_t len)
{
    if ((ef->count + 1) * 2 > ef->cap && grow(ef))
        return;
    embed_glyph *g = &ef->slots[slot_of(ef, gid)];
    if (g->gid == gid && g->n_units)
        return; /* the first letters a glyph showed are its text */
    if (g->gid != gid) {
        const font_face *f = ef->face;
        *g = (embed_glyph){gid, font_face_cid(f, gid),
                           (int)lround(font_face_advance(f, gid) * 1000.0 / f->upem), 0, {0}};
        ef->count++;
    }
    for (size_t i = 0, n; i < len && g->n_units + 2 <= MAX_UNITS; i += n) {
        uint32_t cp = utf8_decode(s + i, len - i, &n);
        if (cp < 0x20)
            cp = ' ';
        if (cp > 0xFFFF) {
            cp -= 0x10000;
            g->units[g->n_units++] = (uint16_t)(0xD800 + (cp >> 10));
            g->units[g->n_units++] = (uint16_t)(0xDC00 + (cp & 0x3FF));
        } else {
            g->units[g->n_units++] = (uint16_t)cp;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Content stream                                                      */
/* ------------------------------------------------------------------ */

void embed_raw(HPDF_Page page, const char *s)
{
    pdfo_page_write(page, s);
}

void embed_select(HPDF_Page page, embed_font *ef, double size)
{
    char name[16], op[64];
    snprintf(name, sizeof name, "Q%d", ef->id);
    if (ef->listed == page) /* a page draws in its fonts again and again */
        goto select;
    HPDF_Dict res = pdfo_get_dict(page, "Resources");
    if (!res)
        return;
    HPDF_Dict fonts = pdfo_get_dict(res, "Font");
    if (!fonts) {
        fonts = pdfo_dict(ef->doc->doc);
        if (pdfo_add(res, "Font", fonts) != HPDF_OK)
            return;
    }
    if (!pdfo_get_dict(fonts, name) && pdfo_add(fonts, name, ef->type0) != HPDF_OK)
        return;
    ef->listed = page;
select:
    snprintf(op, sizeof op, "/%s %.4g Tf\n", name, size);
    embed_raw(page, op);
}

void embed_actual_begin(HPDF_Page page, const char *utf8)
{
    size_t len = strlen(utf8), o = 0;
    char *op = malloc(len * 8 + 48);
    if (!op)
        return;
    o += (size_t)sprintf(op, "/Span <</ActualText <FEFF");
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp = utf8_decode(utf8 + i, len - i, &n);
        if (cp > 0xFFFF) {
            cp -= 0x10000;
            o += (size_t)sprintf(op + o, "%04X%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
        } else {
            o += (size_t)sprintf(op + o, "%04X", cp);
        }
    }
    sprintf(op + o, ">>> BDC\n");
    embed_raw(page, op);
    free(op);
}

void embed_actual_end(HPDF_Page page)
{
    embed_raw(page, "EMC\n");
}

/* Byte offset where the letters of glyph i end: the next glyph's cluster
 * that is beyond its own, or the run's end. */
static size_t cluster_end(const font_run *run, size_t i, size_t len)
{
    for (size_t k = i + 1; k < run->n; k++)
        if (run->glyphs[k].cluster > run->glyphs[i].cluster)
            return run->glyphs[k].cluster;
    return len;
}

void embed_show(HPDF_Page page, embed_font *ef, const font_run *run, const char *s,
                size_t len)
{
    if (!run->n)
        return;
    const font_face *f = ef->face;
    size_t cap = run->n * 16 + 16, o = 0;
    char stack[1024], *buf = cap <= sizeof stack ? stack : malloc(cap);
    if (!buf)
        return;
    static const char hex[] = "0123456789ABCDEF";
    buf[o++] = '[', buf[o++] = '<';
    for (size_t i = 0; i < run->n; i++) {
        const font_glyph *g = &run->glyphs[i];
        int first = i == 0 || run->glyphs[i - 1].cluster != g->cluster;
        size_t end = first ? cluster_end(run, i, len) : g->cluster;
        use_glyph(ef, g->gid, s + g->cluster, end > g->cluster ? end - g->cluster : 0);
        unsigned code = font_face_cid(f, g->gid) & 0xFFFF; /* %04X, without printf */
        for (int k = 12; k >= 0; k -= 4)
            buf[o++] = hex[code >> k & 0xF];
        long width = lround(font_face_advance(f, g->gid) * 1000.0 / f->upem);
        long shaped = lround(g->advance * 1000.0 / f->upem);
        if (width != shaped && i + 1 < run->n)
            o += (size_t)snprintf(buf + o, cap - o, ">%ld<", width - shaped);
    }
    snprintf(buf + o, cap - o, ">] TJ\n");
    embed_raw(page, buf);
    if (buf != stack)
        free(buf);
}

/* ------------------------------------------------------------------ */
/* Text strings                                                        */
/* ------------------------------------------------------------------ */

int embed_text_string(HPDF_Doc doc, HPDF_Dict dict, const char *key, const char *utf8)
{
    size_t len = strlen(utf8), o = 2;
    unsigned char *u = malloc(4 * len + 2);
    if (!u)
        return -1;
    u[0] = 0xFE, u[1] = 0xFF;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp = utf8_decode(utf8 + i, len - i, &n);
        if (cp > 0xFFFF) {
            cp -= 0x10000;
            unsigned hi = 0xD800 + (cp >> 10), lo = 0xDC00 + (cp & 0x3FF);
            u[o++] = (unsigned char)(hi >> 8), u[o++] = (unsigned char)hi;
            u[o++] = (unsigned char)(lo >> 8), u[o++] = (unsigned char)lo;
        } else {
            u[o++] = (unsigned char)(cp >> 8), u[o++] = (unsigned char)cp;
        }
    }
    HPDF_STATUS ret = pdfo_add_bytes(doc, dict, key, u, o);
    free(u);
    return ret == HPDF_OK ? 0 : -1;
}

HPDF_Dict embed_info_dict(HPDF_Doc doc)
{
    return pdfo_info(doc);
}

/* ------------------------------------------------------------------ */
/* At the end: subsets and streams                                     */
/* ------------------------------------------------------------------ */

static int by_code(const void *a, const void *b)
{
    const embed_glyph *x = a, *y = b;
    return (x->code > y->code) - (x->code < y->code);
}

/* A growing text buffer for the CMap and the W array. */
typedef struct text_buf {
    char *p;
    size_t len, cap;
    int failed;
} text_buf;

static void put(text_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(text_buf *b, const char *fmt, ...)
{
    va_list ap;
    for (int tries = 0; tries < 2 && !b->failed; tries++) {
        va_start(ap, fmt);
        int n = vsnprintf(b->p ? b->p + b->len : NULL, b->p ? b->cap - b->len : 0, fmt, ap);
        va_end(ap);
        if (n < 0) {
            b->failed = 1;
        } else if (b->p && (size_t)n < b->cap - b->len) {
            b->len += (size_t)n;
            return;
        } else {
            size_t cap = (b->cap + (size_t)n + 1) * 2;
            char *p = realloc(b->p, cap);
            if (!p)
                b->failed = 1;
            b->p = p ? p : b->p;
            b->cap = p ? cap : b->cap;
        }
    }
}

/* data into a stream of ours, compressed by libharu when written */
static int stream_fill(HPDF_Dict stream, const void *data, size_t len)
{
    return pdfo_stream_write(stream, data, len) == HPDF_OK ? 0 : -1;
}

static HPDF_Dict new_stream(embed_doc *d)
{
    return pdfo_stream(d->doc, 1);
}

static void cmap_text(text_buf *b, const embed_glyph *g, size_t n)
{
    put(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
           "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
           "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
           "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
    size_t mapped = 0;
    for (size_t i = 0; i < n; i++)
        mapped += g[i].n_units > 0;
    for (size_t i = 0, done = 0; i < n;) {
        size_t k = mapped - done < CMAP_BLOCK ? mapped - done : CMAP_BLOCK;
        put(b, "%zu beginbfchar\n", k);
        for (size_t j = 0; j < k && i < n; i++) {
            if (!g[i].n_units)
                continue;
            put(b, "<%04X> <", g[i].code);
            for (unsigned u = 0; u < g[i].n_units; u++)
                put(b, "%04X", g[i].units[u]);
            put(b, ">\n");
            j++, done++;
        }
        put(b, "endbfchar\n");
        while (i < n && !g[i].n_units)
            i++;
    }
    put(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

/* Six capitals from the face and its glyphs: the subset tag, the same for
 * the same glyphs (renders are byte-identical). */
static void subset_tag(const embed_font *ef, const embed_glyph *g, size_t n, char tag[7])
{
    uint64_t h = 1469598103934665603ULL;
    for (const char *s = ef->face->ps_name; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ g[i].code) * 1099511628211ULL;
    for (int i = 0; i < 6; i++, h /= 26)
        tag[i] = (char)('A' + h % 26);
    tag[6] = '\0';
}

static int add_number_array(embed_doc *d, HPDF_Dict dict, const char *key, const int *v,
                            size_t n)
{
    HPDF_Array a = pdfo_array(d->doc);
    if (!a || pdfo_add(dict, key, a) != HPDF_OK)
        return -1;
    for (size_t i = 0; i < n; i++)
        if (pdfo_push_int(a, v[i]) != HPDF_OK)
            return -1;
    return 0;
}

static int descriptor(embed_font *ef, const char *name, HPDF_Dict file)
{
    const font_face *f = ef->face;
    double k = 1000.0 / f->upem;
    int bbox[4];
    for (int i = 0; i < 4; i++)
        bbox[i] = (int)lround(f->bbox[i] * k);
    /* Symbolic (4): a CIDFont's glyphs are outside the standard Latin set */
    int flags = 4 | (f->fixed_pitch ? 1 : 0) | (f->serif ? 2 : 0) | (f->italic ? 64 : 0);
    HPDF_Dict fd = ef->desc;
    HPDF_STATUS r = pdfo_add_name(fd, "FontName", name);
    r |= pdfo_add_int(fd, "Flags", flags);
    r |= add_number_array(ef->doc, fd, "FontBBox", bbox, 4) ? 1 : 0;
    r |= pdfo_add_real(fd, "ItalicAngle", f->italic_angle);
    r |= pdfo_add_int(fd, "Ascent", (HPDF_INT32)lround(f->ascent * k));
    r |= pdfo_add_int(fd, "Descent", (HPDF_INT32)lround(f->descent * k));
    r |= pdfo_add_int(fd, "CapHeight", (HPDF_INT32)lround(f->cap_height * k));
    r |= pdfo_add_int(fd, "StemV", f->stem_v);
    r |= pdfo_add(fd, f->cff ? "FontFile3" : "FontFile2", file);
    return r == HPDF_OK ? 0 : -1;
}

/* CIDToGIDMap: two bytes per code up to the highest, the subset's glyph. */
static int cid_to_gid(embed_font *ef, const embed_glyph *g, size_t n, const font_subset *sub)
{
    size_t max = n ? g[n - 1].code : 0, len = 2 * (max + 1);
    unsigned char *map = calloc(len, 1);
    HPDF_Dict s = new_stream(ef->doc);
    int ret = -1;
    if (map && s) {
        for (size_t i = 0; i < n; i++) {
            map[2 * g[i].code] = (unsigned char)(sub->new_gid[i] >> 8);
            map[2 * g[i].code + 1] = (unsigned char)sub->new_gid[i];
        }
        ret = stream_fill(s, map, len) || pdfo_add(ef->cid, "CIDToGIDMap", s) != HPDF_OK
            ? -1 : 0;
    }
    free(map);
    return ret;
}

static int font_finish(embed_font *ef, char *err, size_t err_size)
{
    embed_doc *d = ef->doc;
    const font_face *f = ef->face;
    size_t n = 0;
    embed_glyph *g = malloc((ef->count ? ef->count : 1) * sizeof *g);
    unsigned *gids = malloc((ef->count ? ef->count : 1) * sizeof *gids);
    font_subset sub = {0};
    text_buf cmap = {0};
    int ret = -1;
    if (!g || !gids)
        goto oom;
    for (size_t i = 0; i < ef->cap; i++)
        if (ef->slots[i].gid + 1 != 0)
            g[n++] = ef->slots[i];
    qsort(g, n, sizeof *g, by_code);
    for (size_t i = 0; i < n; i++)
        gids[i] = g[i].gid;
    if (font_subset_make(f, gids, n, 0, &sub, err, err_size))
        goto done;
    char tag[7], name[80];
    subset_tag(ef, g, n, tag);
    snprintf(name, sizeof name, "%s+%s", tag, f->ps_name);
    HPDF_Dict file = new_stream(d), tounicode = new_stream(d);
    HPDF_Dict info = pdfo_dict(d->doc);
    cmap_text(&cmap, g, n);
    if (!file || !tounicode || !info || cmap.failed)
        goto oom;
    HPDF_STATUS r = pdfo_add_name(ef->type0, "BaseFont", name);
    r |= pdfo_add(ef->type0, "ToUnicode", tounicode);
    r |= pdfo_add_name(ef->cid, "Subtype", f->cff ? "CIDFontType0" : "CIDFontType2");
    r |= pdfo_add_name(ef->cid, "BaseFont", name);
    r |= pdfo_add(ef->cid, "CIDSystemInfo", info);
    r |= pdfo_add_string(d->doc, info, "Registry", "Adobe", NULL);
    r |= pdfo_add_string(d->doc, info, "Ordering", "Identity", NULL);
    r |= pdfo_add_int(info, "Supplement", 0);
    if (r != HPDF_OK || stream_fill(tounicode, cmap.p, cmap.len) || descriptor(ef, name, file))
        goto oom;
    /* W is written as a ready array: a name-less literal is simplest as
     * an array of numbers and arrays */
    HPDF_Array warr = pdfo_array(d->doc);
    if (!warr || pdfo_add(ef->cid, "W", warr) != HPDF_OK)
        goto oom;
    for (size_t i = 0; i < n;) {
        HPDF_Array run = pdfo_array(d->doc);
        if (!run || pdfo_push_int(warr, (HPDF_INT32)g[i].code) != HPDF_OK ||
            pdfo_push(warr, run) != HPDF_OK)
            goto oom;
        size_t j = i;
        do {
            if (pdfo_push_int(run, g[j].width) != HPDF_OK)
                goto oom;
            j++;
        } while (j < n && g[j].code == g[j - 1].code + 1);
        i = j;
    }
    if (f->cff) {
        if (pdfo_add_name(file, "Subtype", "CIDFontType0C") != HPDF_OK)
            goto oom;
    } else {
        if (pdfo_add_int(file, "Length1", (HPDF_INT32)sub.len) != HPDF_OK ||
            cid_to_gid(ef, g, n, &sub))
            goto oom;
    }
    if (stream_fill(file, sub.data, sub.len))
        goto oom;
    ret = 0;
    goto done;
oom:
    snprintf(err, err_size, "cannot write font %s (out of memory)", f->ps_name);
done:
    free(cmap.p);
    font_subset_free(&sub);
    free(g);
    free(gids);
    return ret;
}

int embed_finish(embed_doc *d, char *err, size_t err_size)
{
    for (size_t i = 0; i < d->n; i++)
        if (font_finish(d->fonts[i], err, err_size))
            return -1;
    return 0;
}
