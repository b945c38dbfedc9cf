/* template_model.h — a parsed template before it meets a dataset: what
 * template_load() builds and template_bind() resolves. Ids keep the
 * position where the template names them, for errors found at bind time.
 * Everything lives in the template's arena. */
#ifndef QUIRE_TEMPLATE_MODEL_H
#define QUIRE_TEMPLATE_MODEL_H

#include "arena.h"
#include "schema_keys.h"
#include "template.h"
#include "yaml_walk.h"

#include <stdint.h>

#define MM_TO_PT (72.0 / 25.4)

typedef ymark tpl_pos;

/* An id (or a category text) as the template names it. */
typedef struct tpl_id {
    const char *id;
    tpl_pos pos;
} tpl_id;

typedef enum tpl_kind {
    TPL_COVER,
    TPL_CONTENTS,
    TPL_SUMMARY,
    TPL_PAGE_BREAK,
    TPL_SOURCES,
    TPL_HEADING,       /* text */
    TPL_FIGURES,       /* all, or ids */
    TPL_SECTION,       /* ids[0] */
    TPL_SECTIONS_ALL,
    TPL_TABLE,         /* ids[0] */
    TPL_TABLES_ALL,
    TPL_CHART,         /* chart */
    TPL_IMAGE          /* ids[0]: an image of the dataset */
} tpl_kind;

/* The keys of a chart block, in the order of chart_keys[] (template_body.c):
 * tpl_chart.at[] holds where each was written (line 0: not given). */
enum { CHART_KEYS(KEY_ENUM) CH_N_KEYS };

typedef struct tpl_series {
    tpl_id column;
    int as_line, right_axis;
    tpl_pos as_at, axis_at;   /* line 0 when not given */
} tpl_series;

typedef struct tpl_reference {
    double value;
    const char *label;
    int right_axis;
    tpl_pos pos, axis_at;
} tpl_reference;

typedef struct tpl_chart {
    tpl_pos at[CH_N_KEYS];
    tpl_id table;
    quire_chart_type type;
    tpl_id x;                  /* id NULL: chosen at bind time */
    tpl_series *series;        /* from y: or series:; NULL: every numeric column */
    size_t n_series;
    const char *title;         /* NULL: the table's title */
    int value_labels, stacked, horizontal, donut, percent_labels;
    const char *id;
    tpl_id label;              /* scatter: id NULL when not given */
    tpl_reference *refs;
    size_t n_refs;
    tpl_id *highlight;
    size_t n_highlight;
    double y_min, y_max;       /* NaN when not given */
    const char *y_format;
    const char *x_title, *y_title;   /* axis titles, or NULL */
    quire_legend legend;
    double height_mm;          /* 0 when not given */
    quire_sort sort;
    const char *alt;
    const char *note;          /* note: as written (markup), or NULL */
} tpl_chart;

typedef struct tpl_block {
    tpl_kind kind;
    tpl_pos pos;
    const char *text;
    int all;
    tpl_id *ids;
    size_t n_ids;
    tpl_chart chart;
    double width_mm;           /* image: 0 when not given */
    quire_align align;         /* image: QUIRE_ALIGN_CENTER when not given */
} tpl_block;

/* logo: {file, width_mm, alt, on} with its image checked at load time. */
typedef struct tpl_logo {
    int given;
    quire_image image;         /* id NULL; path absolute */
    double width_mm;
    int on_cover, on_header;
    tpl_pos pos;
} tpl_logo;

struct template_src {
    arena mem;                 /* every string and array below */
    const char *path;
    const char *dir;           /* absolute directory of the file */
    int allow_any_path;
    const char *name;
    const char *page_size;     /* static: "A4", ... */
    double page_w, page_h;     /* portrait, in points */
    int landscape;
    double margin_mm[4];       /* top, right, bottom, left */
    const char *font_body, *font_bold;
    tpl_pos fonts_at;          /* the fonts: key, else 1:1 */
    uint32_t *palette;
    size_t n_palette;
    const char *header, *footer;
    tpl_pos header_at, footer_at;
    const char **formats;
    size_t n_formats;
    tpl_block *blocks;
    size_t n_blocks;
    tpl_logo logo;
    template_section *sections;
    size_t n_sections;
};

/* A list being built in the template's arena (yaml_walk.h). */
typedef yw_list tpl_list;
/* A zeroed new last item, or NULL (reported, reading stops). */
void *tpl_push(ywalk *w, tpl_list *list, size_t size);

/* template_body.c: reads `body:` into t->blocks, reporting every bad block. */
void tpl_read_body(ywalk *w, const yev *body, template_src *t);
/* Checks of the body that need the whole template (chart heights against
 * the page). */
void tpl_check_body(ywalk *w, const template_src *t);

/* template_sections.c: keeps a top-level key that is no template key as a
 * plugin section; 1 when it took the value. */
int tpl_read_section(ywalk *w, template_src *t, const yev *key, const yev *value);

#endif
