/* font_face.h — OpenType faces for every plugin, loaded once per process.
 *
 * A face is one font of a file (.ttf, .otf, or one of a .ttc/.otc
 * collection), TrueType (glyf) or CFF outlines. The file is mapped once and
 * the face kept for the life of the process: every document, every thread
 * and every export child forked later shares it (the mapping is inherited
 * by fork). HarfBuzz reads it; nothing here knows PDF or HTML. Faces are
 * never freed (font_faces_clear at exit, for leak checkers). */
#ifndef QUIRE_COMMON_FONT_FACE_H
#define QUIRE_COMMON_FONT_FACE_H

#include <stddef.h>
#include <stdint.h>

typedef struct hb_font_t hb_font_t;
typedef struct hb_face_t hb_face_t;

/* What a PDF FontDescriptor (or a CSS @font-face) needs; lengths in font
 * units (units_per_em to the em). Read-only once opened. */
typedef struct font_face {
    char *path;
    unsigned index;          /* in a collection */
    hb_face_t *hb_face;
    hb_font_t *hb_font;      /* scaled to font units */
    const unsigned char *data; /* the mapped file */
    size_t size;
    unsigned upem;
    unsigned num_glyphs;
    int ascent, descent, cap_height; /* descent is negative */
    int bbox[4];             /* xMin yMin xMax yMax */
    double italic_angle;     /* degrees, counter-clockwise from vertical */
    int stem_v;              /* estimated from the weight class */
    int weight;              /* OS/2 usWeightClass */
    int fixed_pitch, serif, italic;
    int cff;                 /* CFF outlines (else glyf) */
    int cid_keyed;           /* a CID-keyed CFF: glyphs are found by CID */
    uint16_t *cid_of_gid;    /* its charset: the CID of each glyph */
    char ps_name[64];        /* PostScript name, letters and digits only */
} font_face;

/* The face at index of the font file path, opened on first use. NULL with
 * a reason in err when the file cannot be read or has no outlines we can
 * embed. Thread-safe. */
const font_face *font_face_open(const char *path, unsigned index, char *err, size_t err_size);

/* Glyph of code point cp, 0 when the face has none. */
unsigned font_face_glyph(const font_face *f, uint32_t cp);
/* Advance of glyph gid in font units. */
int font_face_advance(const font_face *f, unsigned gid);
/* The code a PDF content stream uses for gid: its CID in a CID-keyed CFF,
 * else gid itself. */
unsigned font_face_cid(const font_face *f, unsigned gid);

/* The face hb-subset should read for a PDF subset by glyph ids: f's
 * tables without the cmap, which a CIDFont never reads (see font_face.c). */
hb_face_t *font_face_subset_source(const font_face *f);

/* "OpenType/CFF", "TrueType", "collection" or "unknown" from the first
 * bytes of path, "unreadable" when it cannot be opened. */
const char *font_file_kind(const char *path);

/* Closes every face (at process exit: leak checkers stay quiet). */
void font_faces_clear(void);

#endif
