/* text_font.c — TrueType faces: loaded into the document as UTF-8 CID
 * fonts, with one table of glyphs and advances per BMP code point.
 *
 * libharu looks a code point up by walking the cmap's segments from the
 * first (HPDF_TTFontDef_GetGlyphid), and HPDF_GetFont does that for all
 * 65,536 codes of the UTF-8 encoder, then again for every character
 * measured or shown: for a Korean font of a few thousand segments that was
 * two thirds of a render. We walk the segments once, keep the result, and
 * hand libharu an equivalent cmap of one segment that it answers at once
 * (the font file it embeds is copied from the file, not from this). */
#include "text.h"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "linebreak.h"

#define N_CODES 0x10000u

uint32_t text_utf8_decode(const char *s, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s;
    *n = lb_char_len(s);
    switch (*n) {
    case 1: return u[0] < 0x80 ? u[0] : 0xFFFD;
    case 2: return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
    case 3: return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    default:
        return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
               (u[3] & 0x3Fu);
    }
}

/* Glyph of code in format-4 segment seg, as libharu computes it. */
static uint16_t segment_glyph(const HPDF_TTF_CmapRange *c, unsigned seg, unsigned code)
{
    unsigned seg_count = c->seg_count_x2 / 2u;
    if (c->id_range_offset[seg] == 0)
        return (uint16_t)(code + (unsigned)c->id_delta[seg]);
    unsigned idx = c->id_range_offset[seg] / 2u + (code - c->start_count[seg]) - (seg_count - seg);
    if (idx >= c->glyph_id_array_count)
        return 0;
    return (uint16_t)(c->glyph_id_array[idx] + (unsigned)c->id_delta[seg]);
}

/* gid[code] for every code, as HPDF_TTFontDef_GetGlyphid answers: the
 * first segment whose end is at or above the code decides. */
static void cmap_table(HPDF_FontDef def, uint16_t *gid)
{
    HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
    const HPDF_TTF_CmapRange *c = &attr->cmap;
    memset(gid, 0, N_CODES * sizeof *gid);
    if (c->format != 4) {
        for (unsigned code = 0; code < N_CODES; code++)
            gid[code] = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)code);
        return;
    }
    unsigned lo = 0; /* codes below were decided by an earlier segment */
    for (unsigned seg = 0; seg < c->seg_count_x2 / 2u && lo < N_CODES; seg++) {
        unsigned end = c->end_count[seg], start = c->start_count[seg];
        if (end < lo)
            continue;
        for (unsigned code = start > lo ? start : lo; code <= end; code++)
            gid[code] = segment_glyph(c, seg, code);
        lo = end + 1;
    }
}

/* Replaces the font's parsed cmap by one segment over 0..FFFE reading
 * gid[] straight (idRangeOffset 4 makes the index the code itself), and
 * one for FFFF: the same answers, found without a search. */
static int cmap_flatten(HPDF_FontDef def, const uint16_t *gid)
{
    HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
    HPDF_TTF_CmapRange *c = &attr->cmap;
    if (c->format != 4)
        return 0; /* format 0 is a direct index already */
    HPDF_UINT16 *end = HPDF_GetMem(def->mmgr, 2 * sizeof *end);
    HPDF_UINT16 *start = HPDF_GetMem(def->mmgr, 2 * sizeof *start);
    HPDF_INT16 *delta = HPDF_GetMem(def->mmgr, 2 * sizeof *delta);
    HPDF_UINT16 *offset = HPDF_GetMem(def->mmgr, 2 * sizeof *offset);
    HPDF_UINT16 *glyphs = HPDF_GetMem(def->mmgr, N_CODES * sizeof *glyphs);
    if (!end || !start || !delta || !offset || !glyphs) {
        void *all[] = {end, start, delta, offset, glyphs};
        for (size_t i = 0; i < 5; i++)
            if (all[i])
                HPDF_FreeMem(def->mmgr, all[i]);
        return -1;
    }
    end[0] = 0xFFFE, start[0] = 0, delta[0] = 0, offset[0] = 4;
    end[1] = 0xFFFF, start[1] = 0xFFFF, offset[1] = 0;
    delta[1] = (HPDF_INT16)(uint16_t)(gid[0xFFFF] - 0xFFFFu);
    memcpy(glyphs, gid, N_CODES * sizeof *glyphs);
    void *old[] = {c->end_count, c->start_count, c->id_delta, c->id_range_offset,
                   c->glyph_id_array};
    for (size_t i = 0; i < 5; i++)
        if (old[i])
            HPDF_FreeMem(def->mmgr, old[i]);
    c->end_count = end, c->start_count = start, c->id_delta = delta;
    c->id_range_offset = offset, c->glyph_id_array = glyphs;
    c->glyph_id_array_count = N_CODES;
    c->seg_count_x2 = 4;
    return 0;
}

/* Advances per code, computed as libharu's HPDF_TTFontDef_GetGidWidth. */
static void advance_table(HPDF_FontDef def, const uint16_t *gid, int16_t *adv)
{
    HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
    unsigned upem = attr->header.units_per_em ? attr->header.units_per_em : 1000;
    for (unsigned code = 0; code < N_CODES; code++) {
        unsigned g = gid[code];
        adv[code] = g >= attr->num_glyphs
            ? def->missing_width
            : (int16_t)(uint16_t)((unsigned)attr->h_metric[g].advance_width * 1000u / upem);
    }
}

int text_face_load(text_face *f, HPDF_Doc doc, const char *path, int index, int collection,
                   char *err, size_t err_size)
{
    memset(f, 0, sizeof *f);
    const char *name = collection
        ? HPDF_LoadTTFontFromFile2(doc, path, (HPDF_UINT)index, HPDF_TRUE)
        : HPDF_LoadTTFontFromFile(doc, path, HPDF_TRUE);
    HPDF_FontDef def = name ? HPDF_Doc_FindFontDef(doc, name) : NULL;
    if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
        snprintf(err, err_size, "cannot be embedded (libharu error 0x%04X)",
                 (unsigned)HPDF_GetError(doc));
        return -1;
    }
    f->gid = malloc(N_CODES * sizeof *f->gid);
    f->adv = malloc(N_CODES * sizeof *f->adv);
    if (!f->gid || !f->adv) {
        snprintf(err, err_size, "out of memory");
        goto fail;
    }
    cmap_table(def, f->gid);
    advance_table(def, f->gid, f->adv);
    if (cmap_flatten(def, f->gid)) {
        snprintf(err, err_size, "out of memory");
        goto fail;
    }
    f->font = HPDF_GetFont(doc, name, "UTF-8");
    if (!f->font) {
        snprintf(err, err_size, "cannot be embedded (libharu error 0x%04X)",
                 (unsigned)HPDF_GetError(doc));
        goto fail;
    }
    return 0;
fail:
    text_face_free(f);
    return -1;
}

void text_face_slanted(text_face *f, const text_face *upright)
{
    *f = *upright;
    f->slant = 0.2126; /* tan 12° */
    f->borrowed = 1;
}

void text_face_free(text_face *f)
{
    if (!f->borrowed) {
        free(f->gid);
        free(f->adv);
    }
    f->gid = NULL;
    f->adv = NULL;
}

int text_face_has(const text_face *f, uint32_t cp)
{
    if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0; /* libharu's UTF-8 encoder reaches the BMP only */
    return cp == ' ' || f->gid[cp] != 0;
}

int text_face_advance(const text_face *f, uint32_t cp)
{
    if (cp < 0x20)
        cp = ' ';
    return text_face_has(f, cp) ? f->adv[cp] : f->adv['?'];
}

double text_face_width(const text_face *f, double size, const char *s, size_t len)
{
    long sum = 0;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp = text_utf8_decode(s + i, &n);
        if (i + n > len)
            n = len - i;
        sum += text_face_advance(f, cp);
    }
    return (double)sum * size / 1000.0;
}
