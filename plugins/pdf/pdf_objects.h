/* pdf_objects.h — PDF objects of quire's own, written by libharu.
 *
 * libharu's public calls (hpdf.h) draw pages and make its own objects
 * (fonts, images, outlines, annotations), but cannot make a dictionary,
 * an array or a stream, nor write operators of one's own into a page.
 * quire needs them for the structure tree and marked content (tags.c),
 * the Type 0 fonts (font_embed.c), the XMP packet, the output intent,
 * embedded files and the file ID (xmp.c, pdfa.c, attach.c, fileid.c,
 * standard.c). These calls are the only way to them: pdf_objects.c is the
 * one file of the plugin that uses libharu below hpdf.h (its object,
 * stream, document and page internals), and it only calls libharu's
 * functions and reads its fields: no file assigns a field of libharu's.
 * Debian's hpdf.h includes those headers itself (libharu is not built
 * with HPDF_SHARED), so the compiler
 * cannot hold the line: tests/text's source check does (no other file
 * names an internal header, an internal call or an internal field, and
 * none, this one included, assigns a libharu field).
 *
 * Objects made here belong to the document: libharu frees them with it.
 * Calls that add return HPDF_OK or an error code, so that a caller may
 * OR a run of them and look once; a NULL object given to them is an
 * error (an allocation failed earlier). */
#ifndef QUIRE_PDF_OBJECTS_H
#define QUIRE_PDF_OBJECTS_H

#include <hpdf.h>
#include <stddef.h>
#include <stdio.h>

/* New objects: a direct one is written where it is added; an indirect
 * one (a dictionary or a stream) has an object number of its own. */
HPDF_Dict pdfo_dict(HPDF_Doc doc);
HPDF_Dict pdfo_dict_indirect(HPDF_Doc doc);
HPDF_Array pdfo_array(HPDF_Doc doc);
/* A stream (indirect), its data compressed with Flate when deflate and
 * the document compresses images (pdf.c sets HPDF_COMP_ALL). */
HPDF_Dict pdfo_stream(HPDF_Doc doc, int deflate);
HPDF_STATUS pdfo_stream_write(HPDF_Dict stream, const void *data, size_t len);
/* Frees a direct object that was never added anywhere. */
void pdfo_dict_free(HPDF_Dict dict);
void pdfo_array_free(HPDF_Array array);

/* Entries of a dictionary (a page and an annotation are dictionaries). */
HPDF_STATUS pdfo_add(HPDF_Dict dict, const char *key, void *obj);
HPDF_STATUS pdfo_add_name(HPDF_Dict dict, const char *key, const char *name);
HPDF_STATUS pdfo_add_int(HPDF_Dict dict, const char *key, long value);
HPDF_STATUS pdfo_add_real(HPDF_Dict dict, const char *key, double value);
HPDF_STATUS pdfo_add_bool(HPDF_Dict dict, const char *key, int value);
/* A text string: s in encoder's encoding (NULL: PDFDocEncoding bytes). */
HPDF_STATUS pdfo_add_string(HPDF_Doc doc, HPDF_Dict dict, const char *key, const char *s,
                            HPDF_Encoder encoder);
/* A string of any bytes (written in hex). */
HPDF_STATUS pdfo_add_bytes(HPDF_Doc doc, HPDF_Dict dict, const char *key, const void *data,
                           size_t len);
/* The entry key when it is a dictionary, an array; NULL when it is not. */
HPDF_Dict pdfo_get_dict(HPDF_Dict dict, const char *key);
HPDF_Array pdfo_get_array(HPDF_Dict dict, const char *key);
int pdfo_has_number(HPDF_Dict dict, const char *key);

/* Items of an array. */
HPDF_STATUS pdfo_push(HPDF_Array array, void *obj);
HPDF_STATUS pdfo_push_int(HPDF_Array array, long value);
HPDF_STATUS pdfo_push_string(HPDF_Doc doc, HPDF_Array array, const char *s);
HPDF_STATUS pdfo_push_bytes(HPDF_Doc doc, HPDF_Array array, const void *data, size_t len);
size_t pdfo_count(HPDF_Array array);
/* Item i when it is a dictionary, else NULL. */
HPDF_Dict pdfo_item_dict(HPDF_Array array, size_t i);

/* The document's catalog, its Info dictionary (made when missing) and
 * the trailer. */
HPDF_Dict pdfo_catalog(HPDF_Doc doc);
HPDF_Dict pdfo_info(HPDF_Doc doc);
HPDF_Dict pdfo_trailer(HPDF_Doc doc);

/* Operators of quire's own (marked content, text shown by glyph id) into
 * the page's content stream, where libharu's drawing calls write too. */
HPDF_STATUS pdfo_page_write(HPDF_Page page, const char *ops);

/* References to objects libharu does not write. An object quire writes
 * itself after libharu's (pdf_tail.h) is numbered from libharu's next
 * number at the save; a libharu dictionary that names it (the catalog's
 * /StructTreeRoot) needs an object with that number to add. A pdfo_refs
 * hands out such objects, numbered first, first + 1, ...: add one where
 * the reference goes (pdfo_add), and libharu writes "n 0 R" and never the
 * object. Take them just before HPDF_SaveToFile (no libharu object may be
 * made after first was read) and free them after it (the document is not
 * written twice). NULL when out of memory. */
typedef struct pdfo_refs pdfo_refs;
pdfo_refs *pdfo_refs_new(HPDF_Doc doc, size_t first);
void *pdfo_refs_next(pdfo_refs *refs);
void pdfo_refs_free(pdfo_refs *refs);

/* MD5 (the trailer ID's and an embedded file's /CheckSum); of a whole
 * file read from its start (-1 when it cannot be read). */
void pdfo_md5(const void *data, size_t len, unsigned char digest[16]);
int pdfo_md5_file(FILE *f, unsigned char digest[16]);

/* The object number of an indirect object (a page, an annotation, a
 * dictionary from pdfo_dict_indirect), 0 for a direct one; and the number
 * the next object made would get: the objects libharu writes are 1 to
 * that number less one, and objects quire writes itself after libharu's
 * (pdf_tail.h) continue from it. */
size_t pdfo_number(const void *obj);
size_t pdfo_next_number(HPDF_Doc doc);

#endif
