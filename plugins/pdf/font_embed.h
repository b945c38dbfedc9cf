/* font_embed.h — fonts in the PDF: the plugin's one door below hpdf.h.
 *
 * Each face a document draws with becomes a Type 0 font (Identity-H,
 * 2-byte codes) written with libharu's object API: CIDFontType2 with a
 * FontFile2 for glyf outlines, CIDFontType0 with a FontFile3
 * /CIDFontType0C (the bare CFF table) for CFF, our own W widths, a
 * ToUnicode CMap and a full FontDescriptor. The objects are made when a
 * face is first drawn; the glyphs drawn are recorded as they are shown,
 * and embed_finish subsets each face to them and fills the streams.
 *
 * Codes in the content stream are the glyph's CID in the original font
 * (its glyph id, or its charset CID in a CID-keyed CFF), so that text is
 * written before the subset exists: a TrueType subset maps them to its new
 * glyph ids with a CIDToGIDMap, a CID-keyed CFF subset keeps its CIDs. */
#ifndef QUIRE_PDF_FONT_EMBED_H
#define QUIRE_PDF_FONT_EMBED_H

#include <hpdf.h>
#include <stddef.h>

#include "font_face.h"
#include "font_shape.h"

typedef struct embed_doc embed_doc;
typedef struct embed_font embed_font;

embed_doc *embed_new(HPDF_Doc doc);
void embed_free(embed_doc *d);
/* The document's font for face f, made on first use; NULL: out of memory. */
embed_font *embed_font_of(embed_doc *d, const font_face *f);

/* In the open text object of page: selects ef at size (Tf), then shows the
 * glyphs of run, shaped from s (TJ, kerning as adjustments), recording
 * each glyph with the letters it stands for. */
void embed_select(HPDF_Page page, embed_font *ef, double size);
void embed_show(HPDF_Page page, embed_font *ef, const font_run *run, const char *s,
                size_t len);
/* Marks what is shown until embed_actual_end as standing for the text
 * utf8 (a /Span with /ActualText): extraction reads that instead. */
void embed_actual_begin(HPDF_Page page, const char *utf8);
void embed_actual_end(HPDF_Page page);
/* Writes raw content-stream operators s on page (BDC/EMC, ActualText). */
void embed_raw(HPDF_Page page, const char *s);

/* Sets dict's key to utf8 as a PDF text string (UTF-16BE with its byte
 * order mark, surrogate pairs beyond the BMP): libharu's UTF-8 encoder
 * stops at U+FFFF. 0, or -1 when memory ran out. */
int embed_text_string(HPDF_Doc doc, HPDF_Dict dict, const char *key, const char *utf8);
/* The document's Info dictionary (made when absent), or NULL. */
HPDF_Dict embed_info_dict(HPDF_Doc doc);

/* Subsets every font and writes its streams. 0, or -1 with err. */
int embed_finish(embed_doc *d, char *err, size_t err_size);

#endif
