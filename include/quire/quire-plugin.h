/*
 * quire-plugin.h — the interface between quire and its exporter plugins (ABI 2).
 *
 * A plugin is a shared object named quire-<name>.so that exports one
 * function, QUIRE_PLUGIN_ENTRY (quire_plugin_descriptor), returning a
 * pointer to a static const quire_plugin descriptor. Build one with
 *
 *     cc -shared -fPIC $(pkg-config --cflags quire-plugin) my.c -o quire-my.so
 *
 * and see docs/plugin-guide.md and plugins/csv/csv.c for a complete example.
 *
 * Ownership, in one place:
 *  - Everything the host hands over (the dataset, the template, every
 *    string and array reachable from them, the job, the host table) is
 *    read-only and borrowed: valid until export() or check() returns,
 *    never freed, never written by the plugin. Every string is UTF-8 and
 *    NUL-terminated, and holds no NUL of its own.
 *  - Everything the plugin allocates, it frees before export() returns.
 *  - No allocation crosses the boundary: an error message is written into
 *    the buffer the host passes to export(); the host copies it.
 *  - A plugin never calls exit(), never installs signal handlers, and keeps
 *    no state between calls: the host may run several exports of the same
 *    plugin at once, in different threads or processes, for different
 *    datasets. (The host runs each export in a child process, so a crash
 *    is reported and never damages an output, but do not rely on it.)
 *
 * Arrays of structs: every array of structs the host hands over carries
 * its element size beside its count (figure_size, column_size, ...). A
 * later host may append fields to a struct without a new ABI; a plugin
 * that reaches element i through the quire_*_at() accessors below (or
 * QUIRE_AT) keeps working. Indexing with [] is only safe for plugins
 * built together with the host.
 *
 * Versioning: QUIRE_ABI_VERSION changes whenever a struct below changes in
 * a way an already-built plugin would notice. The host refuses a plugin
 * whose descriptor carries another abi_version, or a struct_size smaller
 * than its own. Core developers: bump QUIRE_ABI_VERSION on any change to a
 * struct layout or to the meaning of a field, and add new fields only at the
 * end of a struct.
 */
#ifndef QUIRE_PLUGIN_H
#define QUIRE_PLUGIN_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The ABI version this header describes. */
#define QUIRE_ABI_VERSION 2

/** Name of the one symbol a plugin exports. */
#define QUIRE_PLUGIN_ENTRY quire_plugin_descriptor
#define QUIRE_PLUGIN_ENTRY_NAME "quire_plugin_descriptor"

/** Element i of an array that carries its element size: QUIRE_AT(d->figures,
 * d->figure_size, i) is a const quire_figure *. A size of 0 (a view built
 * by hand, in a test) means the struct's own size. */
#define QUIRE_AT(base, size, i)                                                  \
    ((__typeof__(&(base)[0]))(const void *)((const char *)(base) +              \
                                            (size_t)(i) * ((size) ? (size) : sizeof (base)[0])))

/** Status codes returned by export(), check() and by host services. */
typedef enum quire_status {
    QUIRE_OK = 0,        /**< success */
    QUIRE_ERR_INPUT = 2, /**< the dataset or template cannot be exported as asked */
    QUIRE_ERR_EXPORT = 4,/**< writing the output failed (I/O, library error) */
    QUIRE_ERR_CANCELLED = 5 /**< progress() asked the plugin to stop */
} quire_status;

/** A day: days since 1970-01-01 (negative before). */
typedef int32_t quire_day;
/** No date given. */
#define QUIRE_NO_DAY INT32_MIN

/** Where something was written: for positioned diagnostics (host->report).
 * file is NULL when the thing has no place in a file (a -O option, a
 * default); line and col are 1-based, col 0 means "no column". */
typedef struct quire_pos {
    const char *file;
    long line, col;
} quire_pos;

/* ------------------------------------------------------------------ */
/* Prose: text with inline markup, parsed by the host                  */
/* ------------------------------------------------------------------ */

/** Style flags of a run. */
enum {
    QUIRE_RUN_STRONG = 1u << 0,   /**< **strong**: the bold face */
    QUIRE_RUN_EMPHASIS = 1u << 1  /**< *emphasis*: the italic (or slanted) face */
};

/** What a link of a run points to. */
typedef enum quire_target {
    QUIRE_TARGET_NONE = 0,   /**< not a link */
    QUIRE_TARGET_URL,        /**< link is an absolute URL */
    QUIRE_TARGET_TABLE,      /**< link is the id of a table of the dataset */
    QUIRE_TARGET_FIGURE,
    QUIRE_TARGET_SECTION,
    QUIRE_TARGET_IMAGE,
    QUIRE_TARGET_FOOTNOTE,
    QUIRE_TARGET_CHART       /**< link is the id: of a chart block of the template */
} quire_target;

/** A piece of text in one style. Consecutive runs concatenated give the
 * text as the reader sees it. A footnote reference is a run of its own
 * whose text is the number ("3") and whose footnote is 3; the plugin sets
 * it as it likes (superscript, "[3]"). */
typedef struct quire_run {
    const char *text;         /**< never NULL, may be "" */
    unsigned flags;           /**< QUIRE_RUN_* */
    quire_target target;      /**< QUIRE_TARGET_NONE unless the run is (part of) a link */
    const char *link;         /**< the URL or the target id; NULL when target is NONE */
    int footnote;             /**< 1-based number when the run is a footnote reference, else 0 */
} quire_run;

/** A prose field: its plain text (markup removed, escapes resolved,
 * footnote references left out) and its runs. A field without markup is
 * one run of plain text. */
typedef struct quire_text {
    const char *plain;        /**< NULL when the field is absent */
    const quire_run *runs;
    size_t n_runs;
    size_t run_size;
} quire_text;

typedef enum quire_para_kind {
    QUIRE_PARA_TEXT,          /**< a paragraph: .text */
    QUIRE_PARA_LIST           /**< a bulleted list: .items */
} quire_para_kind;

/** One entry of a summary or a section body: a paragraph, or a bulleted
 * list (an entry that is itself a YAML list of strings). */
typedef struct quire_para {
    quire_para_kind kind;
    quire_text text;          /**< TEXT: the paragraph. LIST: the items' plain
                                   texts joined by newlines, in .text.plain only */
    const quire_text *items;  /**< LIST: one per item */
    size_t n_items;
    size_t item_size;
} quire_para;

/** A summary or a section body. */
typedef struct quire_prose {
    const quire_para *paras;
    size_t n_paras;
    size_t para_size;
} quire_prose;

/* ------------------------------------------------------------------ */
/* The dataset                                                         */
/* ------------------------------------------------------------------ */

/** Column types of a table, as written in the dataset's `type:`. */
typedef enum quire_type {
    QUIRE_TEXT,
    QUIRE_NUMBER,
    QUIRE_INTEGER,
    QUIRE_PERCENT,  /**< in percent points: 31 means 31 % */
    QUIRE_CURRENCY, /**< see quire_column.currency and .scale */
    QUIRE_DATE      /**< numbers[] holds days since 1970-01-01, texts[] YYYY-MM-DD */
} quire_type;

/** When numbers were true (`as_of:`): a day, a month or a quarter, as
 * written, and the days it spans. A figure's or table's as_of without its
 * own `as_of:` is the dataset's (inherited 1); text NULL when neither
 * gave one. (Appended in ABI 2: read it only when figure_size,
 * table_size or struct_size covers it.) */
typedef struct quire_as_of {
    const char *text;         /**< "2024-03-31", "2024-03" or "2024-Q1", or NULL */
    quire_day first;          /**< the period's first day; QUIRE_NO_DAY when text is NULL */
    quire_day last;           /**< its last day (first for a date) */
    int inherited;            /**< 1 when taken from the dataset's as_of */
} quire_as_of;

/** A list of borrowed strings. */
typedef struct quire_strings {
    const char *const *items;
    size_t count;
} quire_strings;

/** One column of a table, stored column by column.
 *
 * A text column has texts[] only; numeric columns (number, integer, percent,
 * currency) have numbers[] and decimals[]; a date column has all three.
 * A missing cell (null in the dataset) is NULL in texts[] and NaN in
 * numbers[]: use quire_cell_is_null(). Values are finite otherwise. */
typedef struct quire_column {
    const char *id;
    const char *label;        /**< display label; the id when none was given */
    quire_type type;
    const char *currency;     /**< ISO code for currency columns, else NULL */
    double scale;             /**< currency scale (1e9: billions); 1 when not given */
    const char *unit_label;   /**< what the scale and currency mean, ready to show
                                   ("USD bn", "KRW 100m", "%"), or NULL */
    const char *format;       /**< Excel number format from `format:`, or NULL */
    const double *numbers;    /**< n_rows values, NaN when missing; NULL for text */
    const unsigned char *decimals; /**< n_rows: digits after the point as written */
    const char *const *texts; /**< n_rows strings, NULL when missing; NULL for numeric.
                                   With markup: the plain text of each cell */
    /* ABI 2 */
    int markup;               /**< a text column with `markup: true` */
    const quire_text *rich;   /**< markup: n_rows parsed cells (plain NULL when
                                   missing); NULL otherwise. Stride: text_size */
    size_t text_size;
    quire_pos at;             /**< the column's entry in columns: */
} quire_column;

typedef struct quire_table {
    const char *id;
    const char *title;        /**< the id when none was given */
    const char *description;  /**< plain text, or NULL */
    quire_strings sources;    /**< source ids, each one in quire_dataset.sources */
    const quire_column *columns;
    size_t n_columns;
    size_t n_rows;
    /* ABI 2 */
    size_t column_size;
    quire_text description_text;
    const char *csv_path;     /**< absolute path of the csv: file, or NULL */
    quire_pos at;
    /* appended (issue 19) */
    quire_as_of as_of;        /**< its own as_of:, else the dataset's */
    const char *sheet;        /**< sheet: (at most 31 characters, no []:*?/\\), or NULL */
    /* appended (issue 21) (check table_size before reading) */
    const unsigned char *csv_data; /**< the csv: file's bytes as the host read
                                        them, or NULL: attach these, never the
                                        file again (it may have changed) */
    size_t csv_size;
} quire_table;

typedef struct quire_figure {
    const char *id;
    const char *label;
    double value;
    unsigned char decimals;   /**< digits after the point as written */
    const char *unit;         /**< or NULL */
    int has_change;           /**< 1 when change: was given */
    double change_value;
    unsigned char change_decimals;
    const char *change_unit;  /**< or NULL */
    const char *change_basis; /**< "YoY", "QoQ", ... or NULL */
    quire_strings sources;
    const char *note;         /**< plain text, or NULL */
    /* ABI 2 */
    quire_text note_text;
    quire_pos at;
    /* appended (issue 19) */
    quire_as_of as_of;        /**< its own as_of:, else the dataset's */
} quire_figure;

typedef struct quire_section {
    const char *id;
    const char *heading;
    quire_strings paragraphs; /**< plain text of each entry of body */
    /* ABI 2 */
    quire_prose body;
    quire_pos at;
} quire_section;

typedef struct quire_source {
    const char *id;
    const char *title;
    const char *publisher;    /**< each optional field is NULL when absent */
    const char *author;
    const char *date;         /**< YYYY-MM-DD, or YYYY-MM when only the month is known */
    const char *url;          /**< absolute http, https or mailto URL */
    /* ABI 2 */
    quire_day day;            /**< date as days since 1970 (a month: its first day),
                                   or QUIRE_NO_DAY */
    quire_pos at;
    const char *cite;         /**< how a source line names it, told apart from the
                                   dataset's other sources: the publisher alone when
                                   no other source has it, else with the date, and
                                   the title when dates tie too; never NULL from the
                                   host (NULL in a view built by hand) */
    /* appended (issue 19) */
    int date_inferred;        /**< date_inferred: true: the date was inferred, not
                                   printed by the source; show it as such
                                   ("2024-03 (inferred)"), never as a real date */
} quire_source;

typedef struct quire_param {
    const char *key;
    const char *value;
} quire_param;

/** A footnote, numbered in order of first reference (1, 2, ...). A
 * footnote that no text references has number 0 and is not shown. */
typedef struct quire_footnote {
    const char *id;
    int number;
    quire_text text;
    quire_pos at;
} quire_footnote;

typedef enum quire_image_format {
    QUIRE_IMAGE_PNG,
    QUIRE_IMAGE_JPEG
} quire_image_format;

/** An image file, checked by the host (it exists, is a regular file and
 * decodes), with its size in pixels. */
typedef struct quire_image {
    const char *id;           /**< NULL for the template's logo */
    const char *path;         /**< absolute path */
    quire_image_format format;
    uint32_t width_px, height_px;
    const char *alt;          /**< text alternative, or NULL */
    int decorative;           /**< decorative: true */
    quire_text caption;       /**< plain NULL when none */
    quire_strings sources;
    quire_pos at;             /**< the file: key */
    /* appended after ABI 2 (check image_size, or the dataset's struct_size
     * for the logo, before reading; NULL in a view built by hand) */
    const unsigned char *data;/**< the file's bytes as the host read and checked
                                   them: load the image from these, never
                                   from path again (it may have changed) */
    size_t data_size;
} quire_image;

/* quire_image_data() is defined after quire_dataset. */

/** The whole dataset, after validation and --set overrides.
 * Every optional string is NULL when absent. Every id referenced (a
 * figure's or table's sources) exists. */
typedef struct quire_dataset {
    size_t struct_size;
    const char *path;         /**< the file it was read from */
    const char *id;           /**< [a-z0-9][a-z0-9-]*: safe as a file name */
    const char *title;
    const char *subtitle;
    const char *period;
    const char *date;         /**< YYYY-MM-DD */
    const char *language;     /**< BCP 47; inferred when not given (ko when the
                                   title, subtitle or summary holds Hangul, else en) */
    const char *author;
    const char *organization;
    /** Seconds since the epoch to write as creation date: from `date`
     * (00:00:00 UTC), else SOURCE_DATE_EPOCH, else -1 (write no date). */
    int64_t timestamp;
    quire_strings summary;    /**< plain text of each entry */
    const quire_figure *figures;   size_t n_figures;
    const quire_table *tables;     size_t n_tables;
    const quire_section *sections; size_t n_sections;
    const quire_source *sources;   size_t n_sources;
    const quire_param *params;     size_t n_params;
    /* ABI 2 */
    size_t figure_size, table_size, section_size, source_size, param_size;
    quire_day day;            /**< date as days since 1970, or QUIRE_NO_DAY */
    quire_prose summary_text;
    const quire_footnote *footnotes; size_t n_footnotes; size_t footnote_size;
    const quire_image *images;       size_t n_images;    size_t image_size;
    const char *dir;          /**< absolute directory of the dataset file */
    /* appended (issue 19) */
    quire_as_of as_of;        /**< the data's date (as_of:), the default of every
                                   figure and table; text NULL when not given */
    /* appended (issue 21) (check struct_size before reading) */
    const unsigned char *file_data; /**< the dataset file's bytes as the host
                                         read them (before --set), or NULL */
    size_t file_size;
    const quire_param *sets;  /**< the --set KEY=VALUE applied, in order
                                   (stride param_size), or NULL */
    size_t n_sets;
    /* appended (issue 20) */
    const char *words;        /**< the language of quire's own words (captions,
                                   units, alt text), decided once by the host from
                                   language: "ko" or "en"; read it with
                                   quire_dataset_korean() */
} quire_dataset;

/** The one rule for "are quire's own words Korean": the BCP 47 tag's
 * primary subtag is ko, in any case ("ko", "KO", "ko-KR", not "kok"). */
static inline int quire_language_korean(const char *bcp47)
{
    return bcp47 && (bcp47[0] == 'k' || bcp47[0] == 'K') && (bcp47[1] == 'o' || bcp47[1] == 'O') &&
           (bcp47[2] == '\0' || bcp47[2] == '-');
}

/** 1 when quire's own words in this dataset are Korean: the host's
 * decision (words), or the same rule on language from a host that
 * does not decide (an older one, or a test building its own view). */
static inline int quire_dataset_korean(const quire_dataset *d)
{
    const char *w = d->struct_size >= offsetof(quire_dataset, words) + sizeof d->words
                        ? d->words : NULL;
    if (w)
        return w[0] == 'k' && w[1] == 'o' && w[2] == '\0';
    return quire_language_korean(d->language);
}

/** The bytes of im (one of d's images, or the logo of a template bound
 * to d) as the host read and checked them, with their count in *size; NULL
 * from a host older than quire_image.data or a view built by hand. */
static inline const unsigned char *quire_image_data(const quire_dataset *d,
                                                    const quire_image *im, size_t *size)
{
    *size = 0;
    if (!im || d->image_size < offsetof(quire_image, data_size) + sizeof(size_t))
        return NULL;
    *size = im->data_size;
    return im->data;
}

/** 1 when the cell at row of column is missing. */
static inline int quire_cell_is_null(const quire_column *c, size_t row)
{
    return c->texts ? c->texts[row] == NULL : isnan(c->numbers[row]);
}

static inline const quire_figure *quire_figure_at(const quire_dataset *d, size_t i)
{ return QUIRE_AT(d->figures, d->figure_size, i); }
static inline const quire_table *quire_table_at(const quire_dataset *d, size_t i)
{ return QUIRE_AT(d->tables, d->table_size, i); }
static inline const quire_section *quire_section_at(const quire_dataset *d, size_t i)
{ return QUIRE_AT(d->sections, d->section_size, i); }
static inline const quire_source *quire_source_at(const quire_dataset *d, size_t i)
{ return QUIRE_AT(d->sources, d->source_size, i); }
static inline const quire_param *quire_param_at(const quire_dataset *d, size_t i)
{ return QUIRE_AT(d->params, d->param_size, i); }
static inline const quire_footnote *quire_footnote_at(const quire_dataset *d, size_t i)
{ return QUIRE_AT(d->footnotes, d->footnote_size, i); }
static inline const quire_image *quire_image_at(const quire_dataset *d, size_t i)
{ return QUIRE_AT(d->images, d->image_size, i); }
static inline const quire_column *quire_column_at(const quire_table *t, size_t i)
{ return QUIRE_AT(t->columns, t->column_size, i); }
static inline const quire_run *quire_run_at(const quire_text *t, size_t i)
{ return QUIRE_AT(t->runs, t->run_size, i); }
static inline const quire_para *quire_para_at(const quire_prose *p, size_t i)
{ return QUIRE_AT(p->paras, p->para_size, i); }
static inline const quire_text *quire_item_at(const quire_para *p, size_t i)
{ return QUIRE_AT(p->items, p->item_size, i); }

static inline int quire_str_eq_(const char *a, const char *b)
{
    while (*a && *a == *b) a++, b++;
    return *a == *b;
}

/** A source of the dataset by id, or NULL. */
static inline const quire_source *quire_find_source(const quire_dataset *d, const char *id)
{
    for (size_t i = 0; i < d->n_sources; i++)
        if (quire_str_eq_(quire_source_at(d, i)->id, id))
            return quire_source_at(d, i);
    return NULL;
}

/** The footnote numbered n (1-based), or NULL. */
static inline const quire_footnote *quire_find_footnote(const quire_dataset *d, int n)
{
    for (size_t i = 0; i < d->n_footnotes; i++)
        if (quire_footnote_at(d, i)->number == n)
            return quire_footnote_at(d, i);
    return NULL;
}

/* ------------------------------------------------------------------ */
/* The template                                                        */
/* ------------------------------------------------------------------ */

typedef enum quire_block_kind {
    QUIRE_BLOCK_COVER,
    QUIRE_BLOCK_CONTENTS,
    QUIRE_BLOCK_HEADING,    /**< .text */
    QUIRE_BLOCK_FIGURES,    /**< .figures */
    QUIRE_BLOCK_SUMMARY,
    QUIRE_BLOCK_SECTION,    /**< .section */
    QUIRE_BLOCK_CHART,      /**< .chart */
    QUIRE_BLOCK_TABLE,      /**< .table */
    QUIRE_BLOCK_PAGE_BREAK,
    QUIRE_BLOCK_SOURCES,
    QUIRE_BLOCK_IMAGE       /**< .image (ABI 2) */
} quire_block_kind;

typedef enum quire_chart_type {
    QUIRE_CHART_BAR,
    QUIRE_CHART_LINE,
    QUIRE_CHART_PIE,
    QUIRE_CHART_AREA,       /**< ABI 2; .stacked allowed */
    QUIRE_CHART_SCATTER     /**< ABI 2; x numeric, .label optional */
} quire_chart_type;

/** How one series of a chart is drawn. */
typedef struct quire_series {
    size_t column;            /**< index into table->columns */
    int as_line;              /**< as: line in a bar chart (combined chart) */
    int right_axis;           /**< axis: right: the secondary value axis */
} quire_series;

/** reference: a horizontal line at value. */
typedef struct quire_reference {
    double value;
    const char *label;        /**< or NULL */
    int right_axis;
} quire_reference;

typedef enum quire_legend {
    QUIRE_LEGEND_AUTO = 0,    /**< the exporter's choice (a legend when > 1 series) */
    QUIRE_LEGEND_TOP,
    QUIRE_LEGEND_BOTTOM,
    QUIRE_LEGEND_RIGHT,
    QUIRE_LEGEND_NONE
} quire_legend;

typedef enum quire_sort {
    QUIRE_SORT_NONE = 0,      /**< row order (bars over a date column: by date) */
    QUIRE_SORT_ASC,           /**< by the first series */
    QUIRE_SORT_DESC
} quire_sort;

typedef struct quire_chart {
    quire_chart_type type;
    const quire_table *table;
    size_t x;                 /**< index into table->columns: the categories */
    const size_t *y;          /**< indices into table->columns: the series
                                   (the columns of .series, in order) */
    size_t n_y;
    const char *title;        /**< the table's title when none was given */
    int stacked, horizontal, donut, value_labels;
    /* ABI 2 */
    const char *id;           /**< the block's id:, or NULL */
    const quire_series *series; size_t n_series; size_t series_size; /**< n_series == n_y */
    int has_label;            /**< scatter: label: given */
    size_t label;             /**< index of the text column naming the points */
    const quire_reference *references; size_t n_references; size_t reference_size;
    quire_strings highlight;  /**< category texts drawn in the first palette colour */
    double y_min, y_max;      /**< NaN when not given (left axis) */
    const char *y_format;     /**< Excel number format for the value axis, or NULL */
    quire_legend legend;
    double height_pt;         /**< 0: the exporter's default */
    quire_sort sort;
    int percent_labels;       /**< pie: each slice's share of the total */
    const char *alt;          /**< the template's alt:, else generated from the
                                   data in the dataset's language; never NULL */
    int alt_given;            /**< 1 when alt: was written in the template */
    int title_given;          /**< 1 when title: was written in the template */
    quire_pos at;
    /* appended (issue 19) */
    quire_text title_text;    /**< the title parsed as markup (footnote references
                                   allowed); title is its plain text */
    quire_text note;          /**< the block's note: (markup), plain NULL when none */
    /* appended (issue 20) */
    const char *x_title;      /**< the category (scatter: x) axis' title, or NULL */
    const char *y_title;      /**< the value axis' title, or NULL */
} quire_chart;

/** Where an image narrower than the text stands (the template's align:). */
typedef enum quire_align {
    QUIRE_ALIGN_CENTER = 0,
    QUIRE_ALIGN_LEFT,
    QUIRE_ALIGN_RIGHT
} quire_align;

typedef struct quire_block {
    quire_block_kind kind;
    const char *text;                /**< HEADING: the heading text */
    const quire_figure *const *figures; size_t n_figures; /**< FIGURES */
    const quire_section *section;    /**< SECTION */
    const quire_table *table;        /**< TABLE */
    quire_chart chart;               /**< CHART */
    /* ABI 2 */
    const quire_image *image;        /**< IMAGE */
    quire_pos at;
    /* appended (issue 20): read when block_size reaches them */
    double image_width_pt;           /**< IMAGE: the template's width_mm in points, 0: the text width */
    quire_align image_align;         /**< IMAGE: where a narrower image stands */
} quire_block;

/** The template's logo: an image checked like a dataset's. */
typedef struct quire_logo {
    const quire_image *image; /**< NULL when the template has no logo */
    double width_pt;          /**< width_mm in points */
    int on_cover, on_header;
} quire_logo;

/** A template bound to one dataset: every id it names is resolved, and
 * `figures: all`, `sections: all`, `tables: all` are expanded. */
typedef struct quire_template {
    size_t struct_size;
    const char *path;
    const char *name;
    const char *page_size;    /**< "A4", "A5", "Letter", "Legal" */
    int landscape;
    double page_width_pt, page_height_pt;   /**< after orientation */
    double margin_pt[4];      /**< top, right, bottom, left, in points */
    const char *font_body;    /**< fontconfig patterns */
    const char *font_bold;
    const uint32_t *palette;  /**< 0xRRGGBB */
    size_t n_palette;
    const char *header;       /**< with {placeholders}; see host->expand; or NULL */
    const char *footer;
    quire_strings formats;
    const quire_block *blocks;
    size_t n_blocks;
    /* ABI 2 (the xlsx summary_sheet and charts fields of ABI 1 are now
     * options of the xlsx plugin) */
    size_t block_size;
    quire_logo logo;
    quire_pos fonts_at;       /**< the fonts: key (or the template's top) */
    const char *dir;          /**< absolute directory of the template file */
} quire_template;

static inline const quire_block *quire_block_at(const quire_template *t, size_t i)
{ return QUIRE_AT(t->blocks, t->block_size, i); }
static inline const quire_series *quire_series_at(const quire_chart *c, size_t i)
{ return QUIRE_AT(c->series, c->series_size, i); }
static inline const quire_reference *quire_reference_at(const quire_chart *c, size_t i)
{ return QUIRE_AT(c->references, c->reference_size, i); }

/* ------------------------------------------------------------------ */
/* Plugin options                                                      */
/* ------------------------------------------------------------------ */

typedef enum quire_option_type {
    QUIRE_OPT_BOOL,           /**< true/false (also yes/no, 1/0 on -O) */
    QUIRE_OPT_INT,            /**< an integer */
    QUIRE_OPT_NUMBER,         /**< a finite number */
    QUIRE_OPT_STRING,         /**< a string; one of .choices when given */
    QUIRE_OPT_LIST            /**< strings (a YAML list, or comma-separated on -O);
                                   each one of .choices when given */
} quire_option_type;

/** An option a plugin declares: set with -O NAME.KEY=VALUE or in the
 * template's section named after the plugin. */
typedef struct quire_option_decl {
    const char *name;         /**< [a-z][a-z0-9_]* */
    quire_option_type type;
    const char *default_value;/**< as it would be written after -O; "" for an empty list */
    const char *help;         /**< one line for `quire plugins --options` */
    const char *const *choices; /**< NULL-terminated allowed values, or NULL */
} quire_option_decl;

/** Where an option's value came from. */
typedef enum quire_option_origin {
    QUIRE_FROM_DEFAULT,
    QUIRE_FROM_TEMPLATE,
    QUIRE_FROM_COMMAND_LINE
} quire_option_origin;

/** An option's value for one job, typed as declared. */
typedef struct quire_option {
    const char *name;
    quire_option_type type;
    int boolean;              /**< BOOL */
    long long integer;        /**< INT */
    double number;            /**< NUMBER (and INT, converted) */
    const char *string;       /**< STRING */
    quire_strings list;       /**< LIST */
    quire_option_origin origin;
    quire_pos at;             /**< the template key; file NULL for -O and defaults */
} quire_option;

/* ------------------------------------------------------------------ */
/* The job and the host services                                       */
/* ------------------------------------------------------------------ */

typedef enum quire_severity {
    QUIRE_NOTE,
    QUIRE_WARNING,
    QUIRE_ERROR
} quire_severity;

struct quire_host;

/** One export (or one check): what to write and where. */
typedef struct quire_job {
    size_t struct_size;
    const quire_dataset *dataset;
    const quire_template *tmpl;
    /** The file to write: a temporary name in a private directory of
     * OUTDIR that the host renames to final_path when export() returns
     * QUIRE_OK, and removes otherwise. NULL during check(). */
    const char *output_path;
    const char *final_path;   /**< for messages only */
    const struct quire_host *host;
    void *host_data;          /**< the host's; do not touch */
    /* ABI 2 */
    const quire_option *options; /**< one per option the descriptor declares, in its order */
    size_t n_options;
    size_t option_size;
} quire_job;

/** The value of the option name of job (declared by the plugin), or NULL. */
static inline const quire_option *quire_job_option(const quire_job *job, const char *name)
{
    for (size_t i = 0; i < job->n_options; i++) {
        const quire_option *o = QUIRE_AT(job->options, job->option_size, i);
        if (quire_str_eq_(o->name, name))
            return o;
    }
    return NULL;
}

#if defined(__GNUC__)
#define QUIRE_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define QUIRE_EXPORT __attribute__((visibility("default")))
#else
#define QUIRE_PRINTF(f, a)
#define QUIRE_EXPORT
#endif

/** Services the host offers to a plugin. Append-only: new members are added
 * at the end, so a plugin may use any member below its struct_size. Every
 * member may be called from any thread. */
typedef struct quire_host {
    size_t struct_size;
    unsigned abi_version;

    /** Reports a diagnostic, printed as "<final_path>: warning [code]: ...".
     * code is a short stable identifier ("missing-glyph") or NULL. */
    void (*diag)(const quire_job *job, quire_severity severity, const char *code,
                 const char *fmt, ...) QUIRE_PRINTF(4, 5);

    /** Reports progress, 0.0 to 1.0. Returns nonzero when the run was
     * interrupted: the plugin should then stop and return QUIRE_ERR_CANCELLED. */
    int (*progress)(const quire_job *job, double fraction);

    /** Resolves a fontconfig pattern ("NanumGothic:bold") to a font file.
     * Writes the path into path (size bytes) and the face index into *index.
     * Fails (QUIRE_ERR_INPUT, with a diagnostic naming the requested and the
     * offered family) when fontconfig only offers another family. */
    quire_status (*find_font)(const quire_job *job, const char *pattern,
                              char *path, size_t size, int *index);

    /** Expands {title}, {period}, {date}, {page}, {pages} and any top-level
     * scalar or params key of the dataset in pattern. page/pages < 0 leave
     * those placeholders as written. Writes a NUL-terminated string of at
     * most size bytes into out; returns the length it needed. */
    size_t (*expand)(const quire_job *job, const char *pattern, int page, int pages,
                     char *out, size_t size);

    /** Asks for one more output file, OUTDIR/<dataset id><suffix> (suffix
     * such as ".cloud-share.csv"). Writes the temporary path to write into
     * path. Like output_path, it is renamed into place only on success,
     * and all files of one export are committed together or not at all. */
    quire_status (*open_output)(const quire_job *job, const char *suffix,
                                char *path, size_t size);

    /* ABI 2 */
    /** Reports a diagnostic at a place of an input file, printed as
     * "file:line:col: error: message" (the job's file when at is NULL or
     * at->file is NULL). An error reported from check() makes the dataset
     * invalid (exit 2) even when check() returns QUIRE_OK. */
    void (*report)(const quire_job *job, quire_severity severity, const quire_pos *at,
                   const char *fmt, ...) QUIRE_PRINTF(4, 5);
} quire_host;

/* ------------------------------------------------------------------ */
/* The descriptor                                                      */
/* ------------------------------------------------------------------ */

typedef quire_status (*quire_export_fn)(const quire_job *job, char *err, size_t err_size);

typedef struct quire_plugin {
    unsigned abi_version;     /**< QUIRE_ABI_VERSION the plugin was built with */
    size_t struct_size;       /**< sizeof(quire_plugin) the plugin was built with */
    const char *name;         /**< "csv": selected with -f csv */
    const char *extension;    /**< "csv": output is OUTDIR/<id>.<extension> */
    const char *version;      /**< the plugin's own version, "1.0.0" */
    const char *description;  /**< one line for `quire plugins` */
    /** Writes job->output_path. On failure, returns a status other than
     * QUIRE_OK and writes a one-line message into err (err_size bytes). */
    quire_export_fn export_fn;
    /* ABI 2 */
    /** Optional (NULL): checks that the job can be exported (fonts, images,
     * standards, option values, limits of the format) before anything is
     * written; `validate` and `render` call it. Reports each problem with
     * host->report at its position and returns QUIRE_ERR_INPUT, or
     * QUIRE_OK. job->output_path is NULL. */
    quire_export_fn check_fn;
    const quire_option_decl *options; /**< the options it takes, or NULL */
    size_t n_options;
    size_t option_decl_size;  /**< sizeof(quire_option_decl) */
    void *reserved[4];        /**< NULL; room to grow without a new ABI */
} quire_plugin;

/** Defines the entry symbol returning the plugin's descriptor. options_ is
 * a static array of quire_option_decl (or NULL with n_options_ 0). */
#define QUIRE_PLUGIN_DEFINE2(name_, ext_, version_, description_, export_, check_, \
                             options_, n_options_)                                \
    QUIRE_EXPORT const quire_plugin *QUIRE_PLUGIN_ENTRY(void);                    \
    QUIRE_EXPORT const quire_plugin *QUIRE_PLUGIN_ENTRY(void)                     \
    {                                                                             \
        static const quire_plugin descriptor = {                                  \
            QUIRE_ABI_VERSION, sizeof(quire_plugin), name_, ext_, version_,      \
            description_, export_, check_, options_, n_options_,                 \
            sizeof(quire_option_decl), {NULL, NULL, NULL, NULL}};                 \
        return &descriptor;                                                       \
    }

/** The descriptor of a plugin with no options and no check(). */
#define QUIRE_PLUGIN_DEFINE(name_, ext_, version_, description_, export_) \
    QUIRE_PLUGIN_DEFINE2(name_, ext_, version_, description_, export_, NULL, NULL, 0)

#ifdef __cplusplus
}
#endif
#endif /* QUIRE_PLUGIN_H */
