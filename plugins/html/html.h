/* html.h — the HTML exporter's document state and its parts.
 *
 * The document is written once, top to bottom, into a buffer (buf.h) and
 * saved at the end: one self-contained HTML5 file with its style sheet,
 * images, charts (inline SVG) and fonts inside it.
 *
 *   html.c      the entry: export(), check(), the page's frame (head, the
 *               landmarks) and the walk over the template's blocks
 *   style.c     the style sheet: screen, dark scheme, print (A4)
 *   colors.c    palette colours, tints and WCAG contrast
 *   words.c     the few words the page itself says, per language
 *   runs.c      prose (runs, paragraphs, lists) as strong, em, a and
 *               footnote references
 *   cover.c contents.c figures.c prose.c table.c chart.c image.c
 *   sources.c notes.c: one block each (notes.c: the footnotes' list)
 *   media.c     image files as data: URIs
 *   webfonts.c  the PDF's faces, subset to the page's characters, as
 *               @font-face data: fonts
 *
 * Ids: every element a link can reach gets an id made of its kind and the
 * dataset's id ("table-cloud-share", "section-market", "fn-3"), so that ids
 * of different kinds never collide. */
#ifndef QUIRE_HTML_HTML_H
#define QUIRE_HTML_HTML_H

#include <quire/quire-plugin.h>
#include <stdint.h>

#include "buf.h"

/* Ids already written (ids.c). */
typedef struct html_ids {
    char **slot;
    size_t n, cap;
} html_ids;

typedef struct html_doc {
    const quire_job *job;
    const quire_dataset *ds;
    const quire_template *tp;
    buf out;
    int korean;               /* the dataset's language is Korean */
    int *refs;                /* per footnote (by number): references written */
    size_t n_refs;
    html_ids ids;             /* ids written */
    html_ids targets;         /* ids the page will hold (links go only there) */
    int open_top, open_sub;   /* a heading's <section>, a section's, are open */
    size_t chart_no;          /* charts written, for ids of charts without one */
    size_t table_no;          /* data tables written, for caption ids */
    buf fonts;                /* the @font-face rules (webfonts.c), or empty */
    size_t n_fallback;        /* families quire-fb1.. they declare */
    quire_status status;      /* first failure */
    char err[256];
} html_doc;

/* html.c */
void html_fail(html_doc *d, quire_status status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Closes the open section (and the heading's, when top) of main. */
void html_close_sections(html_doc *d, int top);
/* Opens a section of main with its heading: level 2 for a heading block
 * or the sources (closing what is open), else 2 or 3 under a heading.
 * id NULL: one is made up. The heading text is escaped. */
void html_open_section(html_doc *d, int top, const char *id, const char *cls,
                       const char *heading);

/* ids.c: writes kind-id into out and returns 1 the first time; returns 0
 * (out empty) for an id already written or none. */
int ids_claim(html_doc *d, const char *kind, const char *id, char *out, size_t size);
void ids_free(html_ids *ids);
/* The set itself: ids_add returns 1 when added, 0 when there, -1 when
 * memory ran out. */
int ids_add(html_ids *ids, const char *s);
int ids_has(const html_ids *ids, const char *s);
/* Fills d->targets from the template's blocks. */
int targets_collect(html_doc *d);

/* check.c: the plugin's check() */
quire_status html_check(const quire_job *job, char *err, size_t err_size);

/* What the host's view holds beyond ABI 2's first fields (appended later):
 * a chart block's note, the as_of of the dataset, a figure and a table,
 * a source's date_inferred. NULL or 0 when the host is older. */
int html_chart_note(const html_doc *d);
const char *html_as_of(const html_doc *d, const quire_as_of *as_of, size_t have, size_t need);
#define HTML_AS_OF(d, obj, size) \
    html_as_of(d, &(obj)->as_of, (size), offsetof(__typeof__(*(obj)), as_of) + sizeof(quire_as_of))
int html_date_inferred(const html_doc *d, const quire_source *s);

/* colors.c */
/* Palette colour i (wrapping), or the default accent. */
uint32_t color_palette(const quire_template *tp, size_t i);
/* rgb mixed with white: share 1 is rgb, 0 white. */
uint32_t color_tint(uint32_t rgb, double share);
/* rgb mixed with black: share 1 is rgb, 0 black. */
uint32_t color_shade(uint32_t rgb, double share);
/* WCAG 2 contrast ratio of two colours (1 to 21). */
double color_contrast(uint32_t a, uint32_t b);
/* rgb made darker (or lighter, on a dark background) until it reaches
 * ratio against background. */
uint32_t color_readable(uint32_t rgb, uint32_t background, double ratio);

/* style.c: the <style> element */
void style_write(html_doc *d);

/* words.c */
typedef enum html_word {
    W_CONTENTS, W_SUMMARY, W_SOURCES, W_NOTES, W_SOURCE_PREFIX, W_DATE, W_AUTHOR,
    W_DATA_OF, W_BACK_TO_REF, W_NOTE_REF, W_AS_OF, W_DATA_AS_OF, W_INFERRED,
    W_COUNT
} html_word;
const char *word(const html_doc *d, html_word w);
/* "as of 2024-03" / "2024-03 기준" into out. */
void words_as_of(const html_doc *d, const char *when, char *out, size_t size);

/* runs.c */
/* A prose field: its runs, or plain when it has none (NULL: nothing). */
void runs_write(html_doc *d, const quire_text *t, const char *plain);
/* A summary or section body: <p> and <ul>; plain for a host without runs. */
void prose_write(html_doc *d, const quire_prose *p, const quire_strings *plain);
/* The id of the element a link of kind target to id lands on, into out. */
void runs_anchor(quire_target target, const char *id, char *out, size_t size);

/* The blocks. */
void cover_write(html_doc *d);
void bare_header_write(html_doc *d);
int contents_wanted(const html_doc *d);
void contents_write(html_doc *d);
void heading_write(html_doc *d, const char *text, size_t block);
void figures_write(html_doc *d, const quire_figure *const *figures, size_t n);
void summary_write(html_doc *d);
void section_write(html_doc *d, const quire_section *s);
void table_write(html_doc *d, const quire_table *t);
void chart_write(html_doc *d, const quire_chart *c);
void image_write(html_doc *d, const quire_image *im);
void sources_write(html_doc *d);
void notes_write(html_doc *d);

/* Shared by the table and the chart's data table: one <table> in its
 * scrolling region. caption NULL: the table's title; with_desc: its
 * description in the caption too. columns NULL: every column. */
void table_grid(html_doc *d, const quire_table *t, const char *caption, int with_desc,
                const size_t *columns, size_t n_columns);
/* figures.c: v as the CSV writes it (the fewest digits that read back
 * as v), for data-value attributes. */
void number_raw(char *out, size_t size, double v);
/* fonts.c: a label's width in points as the page will set it; 1 when
 * that width is exact (the font is embedded), 0 for an estimate. */
double svg_text_width(const html_doc *d, int bold, double size, const char *s, size_t len);
int svg_fonts_exact(const html_doc *d);
/* webfonts.c: fills d->fonts with @font-face rules for the page's body
 * (the whole <body> markup, written before the head) in the PDF's body
 * and bold faces and the fallback faces of characters they lack; leaves
 * it empty when a face cannot be found or subset. */
#define WEBFONT_MAX_FALLBACK 8
void webfonts_make(html_doc *d, const char *body, size_t len);
/* chart_svg.c: the chart drawn as inline SVG; id: the figure's. */
void chart_svg_write(html_doc *d, const quire_chart *c, const char *id);
/* "Source: A, B" for a list of source ids (empty when none), into out;
 * with as_of (or NULL): "Source: A, B · as of 2024-03". */
void sources_line(const html_doc *d, const quire_strings *ids, const char *as_of, char *out,
                  size_t size);

/* media.c: writes data:image/...;base64,... for the image's file. */
int media_data_uri(html_doc *d, const quire_image *im);
/* Reads the image's bytes as the check did; NULL with a reason. */
unsigned char *media_read(const quire_image *im, size_t *len, char *why, size_t why_size);

#endif
