/*
 * xlsx.h — internal interfaces of the XLSX exporter plugin.
 *
 * One export is one xlsx_ctx: the job, the open workbook, the shared
 * formats, the sheet names taken so far and where each table landed (so
 * that charts can reference its cells). Every function that can fail
 * returns a quire_status and writes its message into ctx->err.
 */
#ifndef QUIRE_XLSX_H
#define QUIRE_XLSX_H

#include <quire/quire-plugin.h>
#include <xlsxwriter.h>

#include "utf8.h"

/** Days from 1899-12-30 (Excel's day 0) to 1970-01-01. */
#define XLSX_EPOCH_SERIAL 25569.0
/** Serial of 1900-03-01: earlier serials suffer Excel's 1900 leap-year bug. */
#define XLSX_FIRST_SERIAL 61.0

/** Decimals beyond this get the same format: Excel shows at most 15 digits. */
#define XLSX_MAX_DECIMALS 15

/** Styles of rich-string fragments beside QUIRE_RUN_STRONG and _EMPHASIS. */
#define XLSX_RUN_LINK 4u
#define XLSX_RUN_SUPER 8u

/** Characters Excel keeps in one cell. */
#define XLSX_STRING_MAX 32767

/** Rows written between two progress reports. */
#define XLSX_PROGRESS_ROWS 4096

/** Options a test may change; xlsx_options_default() gives the real ones. */
typedef struct xlsx_options {
    /** Data rows per sheet before a continuation sheet starts. */
    size_t rows_per_sheet;
    /** Cells in all tables from which the workbook uses constant_memory. */
    size_t constant_memory_cells;
    /** The plugin options summary_sheet and charts (-O xlsx.KEY, template xlsx:). */
    int summary_sheet, charts;
} xlsx_options;

/** Where one table was written: its first sheet, for charts. */
/** Rows above a table's header on its sheet: the full title, then the
 * line saying when the numbers were true (as_of; empty when none). */
#define XLSX_TABLE_TOP 2

typedef struct xlsx_placement {
    char sheet[LXW_MAX_SHEETNAME_LENGTH];
    lxw_worksheet *ws;
    size_t rows;        /**< data rows on the first sheet (under the header, which
                             is row XLSX_TABLE_TOP) */
    size_t n_charts;    /**< charts already placed on that sheet */
    size_t next_row;    /**< where the next chart may start (charts.c), 0: row 1 */
    size_t ref_cols;    /**< columns of reference-line cells written (charts.c) */
} xlsx_placement;

/** Sheet names taken so far, compared case-insensitively as Excel does. */
typedef struct xlsx_names {
    char **items;       /**< folded names, in the order taken */
    unsigned *next;     /**< per item as a base: suffixes 2 .. next-1 are all taken */
    size_t count, cap;
    size_t *slots;      /**< hash of items (index + 1, 0: empty); n_slots a power of 2 */
    size_t n_slots;
} xlsx_names;

/** Formats shared by the sheets, created once per workbook. */
typedef struct xlsx_formats {
    lxw_format *title, *bold, *header, *note, *date, *wrap;
    lxw_format *number[XLSX_MAX_DECIMALS + 1];  /**< "#,##0.00" by decimals */
    lxw_format *percent[XLSX_MAX_DECIMALS + 1]; /**< "0.0%" by decimals */
    /** Fonts of rich-string fragments (prose.c): [the cell's format: none,
     * note, wrap][QUIRE_RUN_STRONG | QUIRE_RUN_EMPHASIS | XLSX_RUN_*]. */
    lxw_format *run[3][16];
} xlsx_formats;

/** The languages the workbook's own words come in (labels.c). */
typedef enum xlsx_lang { XLSX_EN, XLSX_KO, XLSX_N_LANGS } xlsx_lang;

/** The workbook's own words; see labels.c for the texts. */
typedef enum xlsx_label_id {
    XL_SHEET_SUMMARY, XL_SHEET_SOURCES, XL_SHEET_FALLBACK,
    XL_HEADLINE, XL_SUMMARY, XL_FOOTNOTES, XL_PERIOD, XL_DATE, XL_AUTHOR, XL_ORGANIZATION,
    XL_FIG_LABEL, XL_FIG_VALUE, XL_FIG_UNIT, XL_FIG_CHANGE, XL_FIG_CHANGE_UNIT,
    XL_FIG_BASIS, XL_FIG_SOURCE, XL_FIG_NOTE,
    XL_SRC_ID, XL_SRC_TITLE, XL_SRC_PUBLISHER, XL_SRC_AUTHOR, XL_SRC_DATE, XL_SRC_URL,
    XL_COLUMN_FALLBACK, XL_SOURCE_LINE, XL_PART_LINE, XL_CONTINUED,
    XL_FIG_AS_OF, XL_DATA_AS_OF, XL_AS_OF_LINE, XL_INFERRED,
    XL_N_LABELS
} xlsx_label_id;

typedef struct xlsx_ctx {
    const quire_job *job;
    const quire_dataset *ds;
    const quire_template *tmpl;
    xlsx_lang lang;          /**< of the dataset: the workbook's own words */
    xlsx_options opt;
    lxw_workbook *wb;
    int constant_memory;
    xlsx_formats fmt;
    xlsx_names names;
    xlsx_placement *placed;  /**< one per table; ws is NULL until written */
    size_t rows_total, rows_done; /**< for progress */
    lxw_worksheet *links_full; /**< the sheet last warned of as full of links */
    char *scratch;           /**< xlsx_clean_text's buffer */
    size_t scratch_size;
    char *err;
    size_t err_size;
} xlsx_ctx;

/* xlsx.c */
xlsx_options xlsx_options_default(void);
/** The whole export with explicit options; the plugin entry calls it. */
/* check.c */
/** check(): what the export would refuse about the input, at its position. */
quire_status xlsx_check(const quire_job *job, char *err, size_t err_size);

quire_status xlsx_export_opt(const quire_job *job, const xlsx_options *opt,
                             char *err, size_t err_size);
/** Records a libxlsxwriter failure; returns QUIRE_ERR_EXPORT. */
quire_status xlsx_fail(xlsx_ctx *ctx, lxw_error e, const char *what);
/** Records any failure with a printf message; returns status. */
quire_status xlsx_failf(xlsx_ctx *ctx, quire_status status, const char *fmt, ...)
    QUIRE_PRINTF(3, 4);
/** Counts rows for progress; QUIRE_ERR_CANCELLED when the host says stop. */
quire_status xlsx_progress(xlsx_ctx *ctx, size_t rows);

/* text.c */
/** s, or a copy in ctx's scratch buffer with XML-forbidden control
 * characters replaced by spaces (chart caches and properties do not
 * escape them). NULL on allocation failure. */
const char *xlsx_clean_text(xlsx_ctx *ctx, const char *s);

/* labels.c */
/** The workbook's words: Korean when the host decided so (quire_dataset_korean), else English. */
xlsx_lang xlsx_lang_of(const quire_dataset *ds);
/** A label in the workbook's language. XL_SOURCE_LINE, XL_PART_LINE,
 * XL_CONTINUED, XL_AS_OF_LINE and XL_INFERRED are printf formats (see
 * labels.c for their arguments). */
const char *xlsx_label(const xlsx_ctx *ctx, xlsx_label_id id);

/* sheet_names.c */
void xlsx_names_free(xlsx_names *names);
/** Marks name as taken (e.g. "History", "Summary"). */
quire_status xlsx_names_reserve(xlsx_ctx *ctx, const char *name);
/** Names made and looked up so far (the tests check that n tables of one
 * title cost about n tries, not n²). */
unsigned long xlsx_names_tries(void);

/** Makes a valid, unused sheet name from title into out and takes it.
 * first_suffix is 2 for a plain name ("X", then "X (2)") and the part
 * number for continuation sheets ("X (3)" straight away). */
quire_status xlsx_names_make(xlsx_ctx *ctx, const char *title, unsigned first_suffix,
                             char out[LXW_MAX_SHEETNAME_LENGTH]);

/* widths.c */
/** Display width of UTF-8 text: East Asian wide characters count 2. */
size_t xlsx_text_width(const char *s);
/** Width of a number as shown with thousands separators and decimals. */
size_t xlsx_number_width(double v, unsigned decimals);
/** Fitted width (Excel character units) of column c over rows [from, to). */
double xlsx_column_width(const quire_column *c, const char *header, size_t from, size_t to);

/* formats.c */
void xlsx_formats_init(xlsx_ctx *ctx);
/** The format of a number with that many decimals ("#,##0.0"). */
lxw_format *xlsx_format_number(xlsx_ctx *ctx, unsigned decimals);
/** The format of a fraction shown as percent with that many decimals. */
lxw_format *xlsx_format_percent(xlsx_ctx *ctx, unsigned decimals);
/** v percent as the fraction the cell stores: the nearest double to the
 * written decimal moved two places (3.7 with one decimal is 0.037, where
 * v / 100 is 0.037000000000000005, written 0.03700000000000001). */
double xlsx_percent_fraction(double v, unsigned decimals);
/** The column's own `format:` as a workbook format, or NULL when none. */
lxw_format *xlsx_format_custom(xlsx_ctx *ctx, const char *num_format);
/** A column's own format: xlsx_format_custom, with a date format's names
 * in the workbook's language; NULL for a quarter format (no Excel form). */
lxw_format *xlsx_format_column(xlsx_ctx *ctx, const quire_column *c);
/** A date format as Excel reads it: month and day names in the workbook's
 * language ([$-412] Korean, [$-409] English, in spec of size) unless the
 * format names its own locale; NULL for a quarter format, which Excel
 * lacks (its cells are written as text). */
const char *xlsx_date_spec(const xlsx_ctx *ctx, const char *num_format, char *spec,
                           size_t size);
/** A date cell under its column's date format ("Jan 2025", "2025 Q1") as
 * the PDF shows it; 0 (and "") when the column has none. */
size_t xlsx_date_shown(const xlsx_ctx *ctx, const quire_column *c, size_t row, char *buf,
                       size_t size);
/** Writes the cell of column c at row into ws (row r, column col):
 * numbers with their format, percent as a fraction, dates as serials,
 * nulls as nothing. custom is the column's `format:` format or NULL. */
lxw_error xlsx_write_cell(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t col,
                          const quire_column *c, size_t row, lxw_format *custom);
/** Writes text (cleaned, cut at Excel's 32,767 characters) into a cell. */
lxw_error xlsx_write_text(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t col,
                          const char *text, lxw_format *f);
/** Writes a YYYY-MM-DD string as a real date, else as text. */
lxw_error xlsx_write_date_text(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r,
                               lxw_col_t col, const char *ymd);

/* prose.c */
/** 1 when ws can take another hyperlink (Excel keeps 65,530 a sheet);
 * else 0, with a warning the first time for that sheet. */
int xlsx_link_room(xlsx_ctx *ctx, lxw_worksheet *ws);
/** 1 for an http, https, ftp or mailto URL Excel takes as a hyperlink. */
int xlsx_is_web_url(const char *u);
/** Writes a prose field into a cell: prefix (a plain "• ", or NULL),
 * then t's runs as a rich string (bold, italic, superscript footnote
 * numbers, link style), or a string in its one style; the first web link
 * as the cell's hyperlink, a comment listing them when there are several.
 * When t has no text (plain NULL), the plain string instead. cell is the
 * cell's format (ctx->fmt.note or .wrap: every fragment keeps its look). */
lxw_error xlsx_write_prose(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                           const char *prefix, const quire_text *t, const char *plain,
                           lxw_format *cell);

/* logo.c */
/** Puts the template's logo (if any) at the top of ws in column col, at
 * its width_mm whatever resolution the file states. */
lxw_error xlsx_logo(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_col_t col);
/** Rows of the default height the logo covers from the top (0: none). */
double xlsx_logo_rows(const xlsx_ctx *ctx);

/* cite.c */
/** The sources' cite names (else "Publisher, Title (date)"), joined by "; ", into a
 * new string the caller frees; NULL when ids is empty or out of memory. */
char *xlsx_cite(const quire_dataset *ds, const quire_strings *ids);

/* summary_sheet.c */
quire_status xlsx_summary_sheet(xlsx_ctx *ctx);
/* table_sheet.c */
/** Takes the sheet names of every table's sheets, in the order
 * xlsx_table_sheets takes them, and records each table's first in
 * ctx->placed[t].sheet (for links in prose). */
quire_status xlsx_plan_sheet_names(xlsx_ctx *ctx);
quire_status xlsx_table_sheets(xlsx_ctx *ctx, size_t t);
/* sources_sheet.c */
quire_status xlsx_sources_sheet(xlsx_ctx *ctx);
/* charts.c */
quire_status xlsx_charts(xlsx_ctx *ctx);
/** Frees what the charts keep until the workbook is written or freed
 * (chart_combo.c); call after workbook_close() or lxw_workbook_free(). */
void xlsx_charts_done(void);

#endif /* QUIRE_XLSX_H */
