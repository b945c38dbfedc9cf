/* template_model.h — a parsed template before it meets a dataset: what
 * template_parse() builds and template_bind() resolves. Ids keep the
 * position where the template names them, for errors found at bind time. */
#ifndef QUIRE_TEMPLATE_MODEL_H
#define QUIRE_TEMPLATE_MODEL_H

#include "template.h"
#include "template_yaml.h"

#include <stdint.h>

#define MM_TO_PT (72.0 / 25.4)

typedef struct tpl_pos {
    long line, col;
} tpl_pos;

/* An id as the template names it. */
typedef struct tpl_id {
    char *id;
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
    TPL_CHART          /* chart */
} tpl_kind;

typedef struct tpl_chart {
    tpl_id table;
    quire_chart_type type;
    int has_x;
    tpl_id x;
    tpl_id *y;         /* NULL when not given: every numeric column */
    size_t n_y;
    char *title;       /* NULL: the table's title */
    int value_labels, stacked, horizontal, donut;
} tpl_chart;

typedef struct tpl_block {
    tpl_kind kind;
    tpl_pos pos;
    char *text;
    int all;
    tpl_id *ids;
    size_t n_ids;
    tpl_chart chart;
} tpl_block;

struct template_src {
    char *path;
    char *name;
    const char *page_size;     /* static: "A4", ... */
    double page_w, page_h;     /* portrait, in points */
    int landscape;
    double margin_mm[4];       /* top, right, bottom, left */
    char *font_body, *font_bold;
    uint32_t *palette;
    size_t n_palette;
    char *header, *footer;
    char **formats;
    size_t n_formats;
    tpl_block *blocks;
    size_t n_blocks;
    int xlsx_summary_sheet, xlsx_charts;
};

tpl_pos tpl_pos_of(const yaml_node_t *n);

/* Reads `body:` into t->blocks, reporting every bad block. */
void tpl_read_body(tpl_reader *r, yaml_node_t *body, template_src *t);
void tpl_blocks_free(tpl_block *blocks, size_t n);

/* Reads one id scalar into *out (strdup'd); 0 on error. */
int tpl_read_id(tpl_reader *r, yaml_node_t *n, const char *what, tpl_id *out);

#endif
