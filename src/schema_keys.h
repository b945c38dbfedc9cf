/* schema_keys.h — the keys of every mapping of a dataset and a template,
 * in one list each: the loaders take their key names (and the enums they
 * switch on) from here, and `quire schema` writes its JSON Schema from the
 * same lists, so the two cannot drift apart.
 *
 * Each list is an X-macro: K(ENUM, "name", kind, detail, required, "doc").
 *   kind     how the value is written (schema_kind below)
 *   detail   the object a list or mapping holds (SO_*), the list of an
 *            enum's values (SE_*), or 0
 *   doc      one line of Markdown from the guides, for editors' tooltips */
#ifndef QUIRE_SCHEMA_KEYS_H
#define QUIRE_SCHEMA_KEYS_H

typedef enum schema_kind {
    SK_STRING,      /* a string (null allowed: absent) */
    SK_TEXT,        /* prose: a string with inline markup */
    SK_NUMBER,
    SK_INTEGER,
    SK_BOOL,
    SK_DATE,        /* YYYY-MM-DD */
    SK_SOURCE_DATE, /* YYYY-MM-DD or YYYY-MM */
    SK_AS_OF,       /* YYYY-MM-DD, YYYY-MM or YYYY-Qn */
    SK_SHEET,       /* a workbook sheet name: 1-31 characters, none of []:*?/\ */
    SK_ID,          /* [a-z0-9][a-z0-9_-]* */
    SK_DATASET_ID,  /* [a-z0-9][a-z0-9-]* */
    SK_REFS,        /* a source id, or a list of them */
    SK_STRINGS,     /* a string, or a list of strings */
    SK_PROSE,       /* a string, or a list of paragraphs and lists of items */
    SK_URL,         /* an absolute http, https or mailto URL */
    SK_LANGUAGE,    /* a BCP 47 tag */
    SK_VERSION,     /* the format version: 1 */
    SK_ENUM,        /* one of detail's strings */
    SK_ENUMS,       /* one or a list of detail's strings */
    SK_OBJECT,      /* a mapping: the object detail */
    SK_LIST,        /* a list of the object detail */
    SK_ONE_OR_LIST, /* one object detail, or a list of them */
    SK_ROWS,        /* a list of lists of cells */
    SK_SCALARS,     /* a mapping of free keys to scalars (params) */
    SK_MARGIN,      /* a number, or {top, right, bottom, left} */
    SK_COLOURS,     /* a list of "#rrggbb" */
    SK_BLOCKS,      /* the template's body */
    SK_ANY_SCALAR   /* a number or a string */
} schema_kind;

/* The mappings a schema describes (detail of SK_OBJECT and SK_LIST). */
typedef enum schema_object_id {
    SO_NONE,
    SO_DATASET, SO_FIGURE, SO_CHANGE, SO_TABLE, SO_COLUMN, SO_SECTION, SO_SOURCE,
    SO_FOOTNOTE, SO_IMAGE,
    SO_TEMPLATE, SO_PAGE, SO_FONTS, SO_LOGO, SO_CHART, SO_SERIES, SO_REFERENCE,
    SO_COUNT
} schema_object_id;

/* The value lists of SK_ENUM and SK_ENUMS keys. */
typedef enum schema_enum_id {
    SE_NONE, SE_COLUMN_TYPES, SE_PAGE_SIZES, SE_ORIENTATIONS, SE_LOGO_PLACES, SE_CHART_TYPES,
    SE_SERIES_AS, SE_AXES, SE_LEGENDS, SE_SORTS, SE_BARE_BLOCKS,
    SE_COUNT
} schema_enum_id;

/* Column types, in quire_type order (the loader and the schema). */
#define COLUMN_TYPE_NAMES "text", "number", "integer", "percent", "currency", "date"

#define PAGE_SIZE_NAMES "A4", "A5", "Letter", "Legal"
#define ORIENTATION_NAMES "portrait", "landscape"
#define LOGO_PLACE_NAMES "cover", "header"
#define CHART_TYPE_NAMES "bar", "line", "pie", "area", "scatter"
#define SERIES_AS_NAMES "bar", "line"
#define AXIS_NAMES "left", "right"
#define LEGEND_NAMES "top", "bottom", "right", "none"
#define SORT_NAMES "none", "asc", "desc"
/* Blocks written as a bare name (`- cover`). */
#define BARE_BLOCK_NAMES "cover", "contents", "summary", "page_break", "sources"

#define KEY_ENUM(e, name, kind, detail, req, doc) e,
#define KEY_NAME(e, name, kind, detail, req, doc) name,

/* ---- the dataset ---- */

#define DATASET_KEYS(K)                                                                     \
    K(TOP_QUIRE, "quire", SK_VERSION, 0, 1, "The format version: `1`.")                     \
    K(TOP_ID, "id", SK_DATASET_ID, 0, 1,                                                    \
      "The output base name: `[a-z0-9][a-z0-9-]*` (`out/<id>.pdf`).")                        \
    K(TOP_TITLE, "title", SK_STRING, 0, 1, "The brief's title, on the cover and in headers.") \
    K(TOP_SUBTITLE, "subtitle", SK_STRING, 0, 0, "A line under the title.")                 \
    K(TOP_PERIOD, "period", SK_STRING, 0, 0, "The period the brief covers (`2025-Q2`).")    \
    K(TOP_DATE, "date", SK_DATE, 0, 0,                                                      \
      "The document date `YYYY-MM-DD`; also the PDF/XLSX creation date.")                    \
    K(TOP_LANGUAGE, "language", SK_LANGUAGE, 0, 0,                                          \
      "A BCP 47 tag (`ko`, `en-US`); without it `ko` when the title, subtitle or summary "  \
      "holds Hangul, else `en`.")                                                            \
    K(TOP_AUTHOR, "author", SK_STRING, 0, 0, "Who wrote the brief.")                        \
    K(TOP_ORGANIZATION, "organization", SK_STRING, 0, 0, "The organisation publishing it.") \
    K(TOP_TEMPLATE, "template", SK_STRING, 0, 0,                                            \
      "A template name, looked up as `NAME.yaml` beside the dataset, then installed.")      \
    K(TOP_SUMMARY, "summary", SK_PROSE, 0, 0,                                               \
      "A string or a list of paragraphs (an entry that is a list of strings is a bulleted " \
      "list); inline markup.")                                                               \
    K(TOP_FIGURES, "figures", SK_LIST, SO_FIGURE, 0, "The headline numbers.")               \
    K(TOP_TABLES, "tables", SK_LIST, SO_TABLE, 0, "Tables of data, from `rows:` or `csv:`.") \
    K(TOP_SECTIONS, "sections", SK_LIST, SO_SECTION, 0, "Narrative text, placed by the template.") \
    K(TOP_SOURCES, "sources", SK_LIST, SO_SOURCE, 0, "The articles and reports cited.")     \
    K(TOP_PARAMS, "params", SK_SCALARS, 0, 0,                                               \
      "Free scalars for templates (`{region}`) and `--set`.")                               \
    K(TOP_FOOTNOTES, "footnotes", SK_LIST, SO_FOOTNOTE, 0,                                  \
      "Footnotes, referenced as `[^id]`; numbered in order of first reference.")            \
    K(TOP_IMAGES, "images", SK_LIST, SO_IMAGE, 0, "PNG or JPEG images, placed with `- image: id`.") \
    K(TOP_AS_OF, "as_of", SK_AS_OF, 0, 0,                                                   \
      "The date the data describe (`2025-06-30`, `2025-06`, `2025-Q2`): on the cover, and "  \
      "the default of every figure's and table's `as_of`.")

#define FIGURE_KEYS(K)                                                                      \
    K(FIG_ID, "id", SK_ID, 0, 1, "The figure's id.")                                        \
    K(FIG_LABEL, "label", SK_STRING, 0, 0, "What the number is; the id when missing.")      \
    K(FIG_VALUE, "value", SK_NUMBER, 0, 1, "The number, shown with the decimals written.")  \
    K(FIG_UNIT, "unit", SK_STRING, 0, 0, "The display unit (`%`, `억달러`, `USD bn`).")      \
    K(FIG_CHANGE, "change", SK_OBJECT, SO_CHANGE, 0, "The change against a basis.")         \
    K(FIG_SOURCE, "source", SK_REFS, 0, 0, "A source id, or a list of them.")               \
    K(FIG_NOTE, "note", SK_TEXT, 0, 0, "A note under the figure; inline markup.")          \
    K(FIG_AS_OF, "as_of", SK_AS_OF, 0, 0,                                                   \
      "When the number was true (`2025-06-30`, `2025-06`, `2025-Q2`); the dataset's when missing.")

#define CHANGE_KEYS(K)                                                                      \
    K(CHG_VALUE, "value", SK_NUMBER, 0, 1, "The change.")                                   \
    K(CHG_UNIT, "unit", SK_STRING, 0, 0, "Its unit (`%`, `%p`).")                           \
    K(CHG_BASIS, "basis", SK_STRING, 0, 0, "Against what (`YoY`, `전년 대비`).")

#define TABLE_KEYS(K)                                                                       \
    K(TAB_ID, "id", SK_ID, 0, 1, "The table's id.")                                         \
    K(TAB_TITLE, "title", SK_STRING, 0, 0, "The title; the id when missing.")               \
    K(TAB_DESCRIPTION, "description", SK_TEXT, 0, 0, "A paragraph above the table; inline markup.") \
    K(TAB_SOURCE, "source", SK_REFS, 0, 0, "A source id, or a list of them.")               \
    K(TAB_COLUMNS, "columns", SK_LIST, SO_COLUMN, 1, "The columns, in order.")              \
    K(TAB_ROWS, "rows", SK_ROWS, 0, 0, "A list per row, in column order; `null` is missing.") \
    K(TAB_CSV, "csv", SK_STRING, 0, 0,                                                      \
      "Instead of `rows:`, a CSV file beside the dataset; its first line the column ids.") \
    K(TAB_AS_OF, "as_of", SK_AS_OF, 0, 0,                                                   \
      "When the numbers were true (`2025-06-30`, `2025-06`, `2025-Q2`); the dataset's when missing.") \
    K(TAB_SHEET, "sheet", SK_SHEET, 0, 0,                                                   \
      "The workbook sheet's name, at most 31 characters; the title shortened when missing.")

#define COLUMN_KEYS(K)                                                                      \
    K(COL_ID, "id", SK_ID, 0, 1, "The column's id.")                                        \
    K(COL_LABEL, "label", SK_STRING, 0, 0, "The header; the id when missing.")              \
    K(COL_TYPE, "type", SK_ENUM, SE_COLUMN_TYPES, 1,                               \
      "`text`, `number`, `integer`, `percent` (31 means 31 %), `currency`, `date`.")        \
    K(COL_CURRENCY, "currency", SK_STRING, 0, 0, "ISO 4217 code of a currency column (`KRW`).") \
    K(COL_SCALE, "scale", SK_NUMBER, 0, 0, "What one unit stands for (`1e8`: 억).")          \
    K(COL_FORMAT, "format", SK_STRING, 0, 0, "An Excel number format (`#,##0.0`).")         \
    K(COL_MARKUP, "markup", SK_BOOL, 0, 0, "Text cells take inline markup.")

#define SECTION_KEYS(K)                                                                     \
    K(SEC_ID, "id", SK_ID, 0, 1, "The section's id.")                                       \
    K(SEC_HEADING, "heading", SK_STRING, 0, 0, "Its heading; the id when missing.")         \
    K(SEC_BODY, "body", SK_PROSE, 0, 0,                                                     \
      "A string or a list of paragraphs (a list entry is a bulleted list); inline markup.")

#define SOURCE_KEYS(K)                                                                      \
    K(SRC_ID, "id", SK_ID, 0, 1, "The source's id, named by `source:`.")                    \
    K(SRC_TITLE, "title", SK_STRING, 0, 0, "The article's title; the id when missing.")     \
    K(SRC_PUBLISHER, "publisher", SK_STRING, 0, 0, "Who published it.")                     \
    K(SRC_AUTHOR, "author", SK_STRING, 0, 0, "Who wrote it.")                               \
    K(SRC_DATE, "date", SK_SOURCE_DATE, 0, 0,                                               \
      "Its date, `YYYY-MM-DD`, or `YYYY-MM` when only the month is known.")                 \
    K(SRC_URL, "url", SK_URL, 0, 0, "An absolute http, https or mailto URL.")               \
    K(SRC_DATE_INFERRED, "date_inferred", SK_BOOL, 0, 0,                                    \
      "`true` when the source does not print its date and `date` was inferred.")

#define FOOTNOTE_KEYS(K)                                                                    \
    K(FN_ID, "id", SK_ID, 0, 1, "The footnote's id, referenced as `[^id]`.")                \
    K(FN_TEXT, "text", SK_TEXT, 0, 1, "The footnote; inline markup.")

#define IMAGE_KEYS(K)                                                                       \
    K(IMG_ID, "id", SK_ID, 0, 1, "The image's id, placed with `- image: id`.")              \
    K(IMG_FILE, "file", SK_STRING, 0, 1,                                                    \
      "A PNG or JPEG file inside the dataset's folder.")                                    \
    K(IMG_ALT, "alt", SK_STRING, 0, 0, "What the image shows, for readers who cannot see it.") \
    K(IMG_DECORATIVE, "decorative", SK_BOOL, 0, 0,                                          \
      "`true` for an image that carries no information (instead of `alt`).")                \
    K(IMG_CAPTION, "caption", SK_TEXT, 0, 0, "A caption under the image; inline markup.")   \
    K(IMG_SOURCE, "source", SK_REFS, 0, 0, "A source id, or a list of them.")

/* ---- the template ---- */

#define TEMPLATE_KEYS(K)                                                                    \
    K(ROOT_VERSION, "quire-template", SK_VERSION, 0, 1, "The format version: `1`.")         \
    K(ROOT_NAME, "name", SK_STRING, 0, 0, "The template's name; the file name when missing.") \
    K(ROOT_PAGE, "page", SK_OBJECT, SO_PAGE, 0, "Paper size, orientation and margins.")     \
    K(ROOT_FONTS, "fonts", SK_OBJECT, SO_FONTS, 0, "fontconfig patterns of the two faces.") \
    K(ROOT_PALETTE, "palette", SK_COLOURS, 0, 0, "Chart colours, `\"#rrggbb\"` (quote them).") \
    K(ROOT_HEADER, "header", SK_STRING, 0, 0,                                               \
      "Running header with placeholders: `{title}`, `{period}`, `{date}`, `{page}`, "       \
      "`{pages}`, any top-level scalar or `params:` key.")                                   \
    K(ROOT_FOOTER, "footer", SK_STRING, 0, 0, "Running footer, with the same placeholders.") \
    K(ROOT_FORMATS, "formats", SK_STRINGS, 0, 0, "Exporter names rendered by default (`[pdf, xlsx]`).") \
    K(ROOT_BODY, "body", SK_BLOCKS, 0, 1, "The blocks, in reading order.")                  \
    K(ROOT_LOGO, "logo", SK_OBJECT, SO_LOGO, 0, "A PNG or JPEG logo beside the template.")

#define PAGE_KEYS(K)                                                                        \
    K(PAGE_SIZE, "size", SK_ENUM, SE_PAGE_SIZES, 0, "`A4`, `A5`, `Letter`, `Legal`.")        \
    K(PAGE_ORIENTATION, "orientation", SK_ENUM, SE_ORIENTATIONS, 0, "`portrait` or `landscape`.") \
    K(PAGE_MARGIN, "margin_mm", SK_MARGIN, 0, 0,                                            \
      "A number for all sides, or `{top, right, bottom, left}`, in mm.")

#define FONT_KEYS(K)                                                                        \
    K(FONT_BODY, "body", SK_STRING, 0, 0, "The text face (`NanumGothic`).")                 \
    K(FONT_BOLD, "bold", SK_STRING, 0, 0, "The bold face (`NanumGothic:bold`).")

#define LOGO_KEYS(K)                                                                        \
    K(LOGO_FILE, "file", SK_STRING, 0, 1, "A PNG or JPEG inside the template's folder.")     \
    K(LOGO_WIDTH, "width_mm", SK_NUMBER, 0, 0, "Its printed width in mm.")                  \
    K(LOGO_ALT, "alt", SK_STRING, 0, 0, "What the logo says, for readers who cannot see it.") \
    K(LOGO_ON, "on", SK_ENUMS, SE_LOGO_PLACES, 0, "`cover`, `header`, or both.")

/* In tpl_chart.at[] order (template_model.h). */
#define CHART_KEYS(K)                                                                       \
    K(CH_TABLE, "table", SK_ID, 0, 1, "The table the chart draws.")                         \
    K(CH_TYPE, "type", SK_ENUM, SE_CHART_TYPES, 0, "`bar`, `line`, `pie`, `area`, `scatter`.") \
    K(CH_X, "x", SK_ID, 0, 0, "The column of categories (or of x values).")                 \
    K(CH_Y, "y", SK_STRINGS, 0, 0, "The columns of the series; every numeric one when missing.") \
    K(CH_TITLE, "title", SK_STRING, 0, 0, "The chart's title; the table's when missing.")   \
    K(CH_VALUE_LABELS, "value_labels", SK_BOOL, 0, 0, "Print each value.")                  \
    K(CH_STACKED, "stacked", SK_BOOL, 0, 0, "Stack the series (bar, area).")                \
    K(CH_HORIZONTAL, "horizontal", SK_BOOL, 0, 0, "Horizontal bars.")                       \
    K(CH_DONUT, "donut", SK_BOOL, 0, 0, "A ring instead of a pie.")                         \
    K(CH_ID, "id", SK_ID, 0, 0, "An id for `[text](#id)` links.")                           \
    K(CH_SERIES, "series", SK_LIST, SO_SERIES, 0, "Instead of `y:`, series with options.")  \
    K(CH_LABEL, "label", SK_ID, 0, 0, "Scatter: the text column naming the points.")        \
    K(CH_REFERENCE, "reference", SK_ONE_OR_LIST, SO_REFERENCE, 0, "Horizontal reference lines.") \
    K(CH_HIGHLIGHT, "highlight", SK_STRINGS, 0, 0, "Categories drawn in the first colour.") \
    K(CH_Y_MIN, "y_min", SK_NUMBER, 0, 0, "The value axis' lower end.")                     \
    K(CH_Y_MAX, "y_max", SK_NUMBER, 0, 0, "The value axis' upper end.")                     \
    K(CH_Y_FORMAT, "y_format", SK_STRING, 0, 0, "An Excel number format for the value axis.") \
    K(CH_X_TITLE, "x_title", SK_STRING, 0, 0, "The category (or x) axis' title.")           \
    K(CH_Y_TITLE, "y_title", SK_STRING, 0, 0, "The value axis' title.")                     \
    K(CH_LEGEND, "legend", SK_ENUM, SE_LEGENDS, 0, "`top`, `bottom`, `right` or `none`.")   \
    K(CH_HEIGHT_MM, "height_mm", SK_NUMBER, 0, 0, "The chart's height in mm.")              \
    K(CH_SORT, "sort", SK_ENUM, SE_SORTS, 0, "`asc` or `desc` by the first series; `none`: row order.")       \
    K(CH_PERCENT_LABELS, "percent_labels", SK_BOOL, 0, 0, "Pie: each slice's share.")       \
    K(CH_ALT, "alt", SK_STRING, 0, 0, "The text alternative; generated from the data when missing.") \
    K(CH_NOTE, "note", SK_TEXT, 0, 0,                                                       \
      "A note printed under the chart; inline markup, footnote references allowed.")

#define SERIES_KEYS(K)                                                                      \
    K(SER_COLUMN, "column", SK_ID, 0, 1, "The column of the series.")                       \
    K(SER_AS, "as", SK_ENUM, SE_SERIES_AS, 0, "`line` in a bar chart: a combined chart.")   \
    K(SER_AXIS, "axis", SK_ENUM, SE_AXES, 0, "`right`: the secondary value axis.")

#define REFERENCE_KEYS(K)                                                                   \
    K(REF_VALUE, "value", SK_NUMBER, 0, 1, "Where the line is drawn.")                      \
    K(REF_LABEL, "label", SK_STRING, 0, 0, "Its label.")                                    \
    K(REF_AXIS, "axis", SK_ENUM, SE_AXES, 0, "The axis it belongs to.")

#endif
