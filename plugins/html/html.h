/* html.h — the HTML exporter's document state and its parts.
 *
 * The document is written once, top to bottom, into a buffer (buf.h) and
 * saved at the end: one self-contained HTML5 file with its style sheet,
 * images, charts (inline SVG) and fonts inside it.
 *
 *   html.c      the entry: export(), check(), the page's frame (head, the
 *               landmarks) and the walk over the template's blocks
 *   style.c     the style sheet: screen, dark scheme, print (A4)
 *   runs.c      prose (runs, paragraphs, lists) as strong, em, a and
 *               footnote references
 *   cover.c contents.c figures.c prose.c table.c chart.c image.c
 *   sources.c notes.c: one block each (notes.c: the footnotes' list)
 *   media.c     image files as data: URIs
 *   webfonts.c  the PDF's faces, subset to the page's characters, as
 *               @font-face data: fonts
 *
 * What the PDF and the workbook say alike comes from plugins/common: the
 * palette and WCAG contrast (palette.h), the words of each language
 * (words.h), the source line (source_line.h), the chart layout (chart.h).
 *
 * Ids: every element a link can reach gets an id made of its kind and the
 * dataset's id ("table-cloud-share", "section-market", "fn-3"), so that ids
 * of different kinds never collide. */
#ifndef QUIRE_HTML_HTML_H
#define QUIRE_HTML_HTML_H

#include <quire/quire-plugin.h>
#include <stdint.h>

#include "buf.h"
#include "font_face.h"
#include "palette.h"
#include "source_line.h"
#include "words.h"

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
    words_lang lang;          /* the words the page says itself (words.h) */
    int *refs;                /* per footnote (by number): references written */
    size_t n_refs;
    html_ids ids;             /* ids written */
    html_ids targets;         /* ids the page will hold (links go only there) */
    int open_top, open_sub;   /* a heading's <section>, a section's, are open */
    size_t chart_no;          /* charts written, for ids of charts without one */
    size_t table_no;          /* data tables written, for caption ids */
    const font_face *face[2]; /* the body and bold faces (fonts.c), or both NULL */
    const char *pattern[2];   /* the template's patterns they were found by */
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

/* style.c: the <style> element */
void style_write(html_doc *d);

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
void image_write(html_doc *d, const quire_image *im, double width_pt, quire_align align);
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
/* fonts.c: finds the template's body and bold faces through the host,
 * as the PDF does (both or neither). */
void fonts_open(html_doc *d);
/* A label's width in points as the page sets it: measured in those faces
 * as the PDF measures it (svg_fonts_exact 1), else estimated (0). */
double svg_text_width(const html_doc *d, int bold, double size, const char *s, size_t len);
int svg_fonts_exact(const html_doc *d);
/* webfonts.c: fills d->fonts with @font-face rules for the page's body
 * (the whole <body> markup, written before the head) in the faces
 * fonts_open() found and the fallback faces of characters they lack;
 * leaves it empty when there are none or a face cannot be subset. */
#define WEBFONT_MAX_FALLBACK 8
void webfonts_make(html_doc *d, const char *body, size_t len);
/* chart_svg.c: the chart drawn as inline SVG; id: the figure's. */
void chart_svg_write(html_doc *d, const quire_chart *c, const char *id);
/* sources.c: <p class="source CLS"> with the short source line of ids
 * and as_of (NULL: none); nothing when both are empty. */
void sources_line_write(html_doc *d, const quire_strings *ids, const char *as_of,
                        const char *cls);

/* media.c: writes data:image/...;base64,... for the image's file. */
int media_data_uri(html_doc *d, const quire_image *im);
/* Reads the image's bytes as the check did; NULL with a reason. */
unsigned char *media_read(const quire_image *im, size_t *len, char *why, size_t why_size);

#endif
