/* tounicode.c — a correct ToUnicode CMap for libharu's UTF-8 CID fonts.
 *
 * libharu 2.3.0 gives a Type0 font with the UTF-8 encoder a ToUnicode
 * stream that is a copy of its encoding CMap (a begincidrange), which
 * poppler rejects with a warning on every page. Its codes are UTF-16 BMP
 * code points (Identity-H, with a CIDToGIDMap), so the right map is the
 * identity over the codes that reach a used glyph; we rewrite the stream
 * in place, keeping its object number and compression. */
#include "pdf.h"

#include <hpdf_font.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdio.h>
#include <stdlib.h>

#define RANGES_PER_BLOCK 100 /* the PDF limit per beginbfrange block */

static const char cmap_head[] =
    "/CIDInit /ProcSet findresource begin\n"
    "12 dict begin\n"
    "begincmap\n"
    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
    "/CMapName /Adobe-Identity-UCS def\n"
    "/CMapType 2 def\n"
    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";

static const char cmap_tail[] =
    "endcmap\n"
    "CMapName currentdict /CMap defineresource pop\n"
    "end\n"
    "end\n";

typedef struct range {
    unsigned lo, hi;
} range;

/* Glyph of code in format-4 segment seg, computed as libharu's
 * HPDF_TTFontDef_GetGlyphid does (so it agrees with the CIDToGIDMap), but
 * without its linear search for the segment. */
static unsigned segment_glyph(const HPDF_TTF_CmapRange *c, unsigned seg, unsigned code)
{
    unsigned seg_count = c->seg_count_x2 / 2u;
    if (c->id_range_offset[seg] == 0)
        return (HPDF_UINT16)(code + (unsigned)c->id_delta[seg]);
    unsigned idx = c->id_range_offset[seg] / 2u + (code - c->start_count[seg]) - (seg_count - seg);
    if (idx >= c->glyph_id_array_count)
        return 0;
    return (HPDF_UINT16)(c->glyph_id_array[idx] + (unsigned)c->id_delta[seg]);
}

static void add_code(range *out, size_t *n, size_t max, unsigned code)
{
    if (*n && out[*n - 1].hi + 1 == code && (code & 0xFF) != 0)
        out[*n - 1].hi = code;
    else if (*n < max)
        out[(*n)++] = (range){code, code};
}

/* 1 when code is one we map: printable, not a surrogate, reaching a glyph
 * that the document uses. */
static int code_used(const HPDF_TTFontDefAttr attr, unsigned code, unsigned gid)
{
    if (code < 0x20 || code > 0xFFFF || (code >= 0xD800 && code <= 0xDFFF))
        return 0;
    return gid != 0 && gid < attr->num_glyphs && attr->glyph_tbl.flgs[gid];
}

/* Ranges of used codes, ascending; a bfrange may not cross a change of the
 * high byte. */
static size_t used_ranges(HPDF_FontDef def, range *out, size_t max)
{
    HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
    const HPDF_TTF_CmapRange *c = &attr->cmap;
    size_t n = 0;
    if (c->format != 4) {
        for (unsigned code = 0x20; code <= 0xFFFF; code++)
            if (code_used(attr, code, HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)code)))
                add_code(out, &n, max, code);
        return n;
    }
    for (unsigned seg = 0; seg < c->seg_count_x2 / 2u; seg++) {
        unsigned end = c->end_count[seg] == 0xFFFF ? 0xFFFE : c->end_count[seg];
        for (unsigned code = c->start_count[seg]; code <= end; code++)
            if (code_used(attr, code, segment_glyph(c, seg, code)))
                add_code(out, &n, max, code);
    }
    return n;
}

static HPDF_STATUS write_ranges(HPDF_Stream s, const range *r, size_t n)
{
    HPDF_STATUS ret = HPDF_Stream_WriteStr(s, cmap_head);
    char line[64];
    for (size_t i = 0; i < n && ret == HPDF_OK; i += RANGES_PER_BLOCK) {
        size_t k = n - i < RANGES_PER_BLOCK ? n - i : RANGES_PER_BLOCK;
        snprintf(line, sizeof line, "%zu beginbfrange\n", k);
        ret = HPDF_Stream_WriteStr(s, line);
        for (size_t j = i; j < i + k && ret == HPDF_OK; j++) {
            snprintf(line, sizeof line, "<%04X> <%04X> <%04X>\n", r[j].lo, r[j].hi, r[j].lo);
            ret = HPDF_Stream_WriteStr(s, line);
        }
        if (ret == HPDF_OK)
            ret = HPDF_Stream_WriteStr(s, "endbfrange\n");
    }
    return ret == HPDF_OK ? HPDF_Stream_WriteStr(s, cmap_tail) : ret;
}

int tounicode_fix(pdf_ctx *ctx, const text_face *face)
{
    static const char *const stale[] = {"CIDSystemInfo", "CMapName", "Type", "WMode"};
    HPDF_Font font = face->font;
    HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
    if (!cmap || !cmap->stream || cmap->stream->type != HPDF_STREAM_MEMORY) {
        ctx->hpdf_error = 0; /* a libharu without the stream: nothing to fix */
        return 0;
    }
    range *r = malloc(0x10000 / 2 * sizeof *r);
    if (!r) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return -1;
    }
    size_t n = used_ranges(((HPDF_FontAttr)font->attr)->fontdef, r, 0x10000 / 2);
    HPDF_MemStream_FreeData(cmap->stream);
    for (size_t i = 0; i < sizeof stale / sizeof stale[0]; i++)
        HPDF_Dict_RemoveElement(cmap, stale[i]);
    HPDF_ResetError(ctx->doc); /* a key already absent is no failure */
    HPDF_STATUS ret = write_ranges(cmap->stream, r, n);
    free(r);
    if (ret != HPDF_OK) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot write the ToUnicode map (libharu error 0x%04X)",
                 (unsigned)ret);
        return -1;
    }
    return 0;
}
