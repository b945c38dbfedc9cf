/*
 * quire-plugin.h — the interface between quire and its exporter plugins.
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
 *    read-only and borrowed: valid until export() returns, never freed,
 *    never written by the plugin.
 *  - Everything the plugin allocates, it frees before export() returns.
 *  - No allocation crosses the boundary: an error message is written into
 *    the buffer the host passes to export(); the host copies it.
 *  - A plugin never calls exit(), never installs signal handlers, and keeps
 *    no state between calls: the host may run several exports of the same
 *    plugin at once, in different threads, for different datasets.
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
#define QUIRE_ABI_VERSION 1

/** Name of the one symbol a plugin exports. */
#define QUIRE_PLUGIN_ENTRY quire_plugin_descriptor
#define QUIRE_PLUGIN_ENTRY_NAME "quire_plugin_descriptor"

/** Status codes returned by export() and by host services. */
typedef enum quire_status {
    QUIRE_OK = 0,        /**< success */
    QUIRE_ERR_INPUT = 2, /**< the dataset or template cannot be exported as asked */
    QUIRE_ERR_EXPORT = 4,/**< writing the output failed (I/O, library error) */
    QUIRE_ERR_CANCELLED = 5 /**< progress() asked the plugin to stop */
} quire_status;

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
    const char *const *texts; /**< n_rows strings, NULL when missing; NULL for numeric */
} quire_column;

typedef struct quire_table {
    const char *id;
    const char *title;        /**< the id when none was given */
    const char *description;  /**< or NULL */
    quire_strings sources;    /**< source ids, each one in quire_dataset.sources */
    const quire_column *columns;
    size_t n_columns;
    size_t n_rows;
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
    const char *note;         /**< or NULL */
} quire_figure;

typedef struct quire_section {
    const char *id;
    const char *heading;
    quire_strings paragraphs;
} quire_section;

typedef struct quire_source {
    const char *id;
    const char *title;
    const char *publisher;    /**< each optional field is NULL when absent */
    const char *author;
    const char *date;         /**< YYYY-MM-DD */
    const char *url;
} quire_source;

typedef struct quire_param {
    const char *key;
    const char *value;
} quire_param;

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
    const char *language;     /**< BCP 47, "ko" when not given */
    const char *author;
    const char *organization;
    /** Seconds since the epoch to write as creation date: from `date`
     * (00:00:00 UTC), else SOURCE_DATE_EPOCH, else -1 (write no date). */
    int64_t timestamp;
    quire_strings summary;    /**< paragraphs */
    const quire_figure *figures;   size_t n_figures;
    const quire_table *tables;     size_t n_tables;
    const quire_section *sections; size_t n_sections;
    const quire_source *sources;   size_t n_sources;
    const quire_param *params;     size_t n_params;
} quire_dataset;

/** 1 when the cell at row of column is missing. */
static inline int quire_cell_is_null(const quire_column *c, size_t row)
{
    return c->texts ? c->texts[row] == NULL : isnan(c->numbers[row]);
}

/** A source of the dataset by id, or NULL. */
static inline const quire_source *quire_find_source(const quire_dataset *d, const char *id)
{
    for (size_t i = 0; i < d->n_sources; i++) {
        const char *a = d->sources[i].id, *b = id;
        while (*a && *a == *b) a++, b++;
        if (*a == *b) return &d->sources[i];
    }
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
    QUIRE_BLOCK_SOURCES
} quire_block_kind;

typedef enum quire_chart_type {
    QUIRE_CHART_BAR,
    QUIRE_CHART_LINE,
    QUIRE_CHART_PIE
} quire_chart_type;

typedef struct quire_chart {
    quire_chart_type type;
    const quire_table *table;
    size_t x;                 /**< index into table->columns: the categories */
    const size_t *y;          /**< indices into table->columns: the series */
    size_t n_y;
    const char *title;        /**< the table's title when none was given */
    int stacked, horizontal, donut, value_labels;
} quire_chart;

typedef struct quire_block {
    quire_block_kind kind;
    const char *text;                /**< HEADING: the heading text */
    const quire_figure *const *figures; size_t n_figures; /**< FIGURES */
    const quire_section *section;    /**< SECTION */
    const quire_table *table;        /**< TABLE */
    quire_chart chart;               /**< CHART */
} quire_block;

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
    int xlsx_summary_sheet;   /**< xlsx: summary_sheet (default 1) */
    int xlsx_charts;          /**< xlsx: charts (default 1) */
} quire_template;

/* ------------------------------------------------------------------ */
/* The job and the host services                                       */
/* ------------------------------------------------------------------ */

typedef enum quire_severity {
    QUIRE_NOTE,
    QUIRE_WARNING,
    QUIRE_ERROR
} quire_severity;

struct quire_host;

/** One export: what to write and where. */
typedef struct quire_job {
    size_t struct_size;
    const quire_dataset *dataset;
    const quire_template *tmpl;
    /** The file to write: a temporary name in OUTDIR that the host renames
     * to final_path when export() returns QUIRE_OK, and removes otherwise. */
    const char *output_path;
    const char *final_path;   /**< for messages only */
    const struct quire_host *host;
    void *host_data;          /**< the host's; do not touch */
} quire_job;

#if defined(__GNUC__)
#define QUIRE_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define QUIRE_EXPORT __attribute__((visibility("default")))
#else
#define QUIRE_PRINTF(f, a)
#define QUIRE_EXPORT
#endif

/** Services the host offers to a plugin. Append-only: new members are added
 * at the end, so a plugin may use any member below its struct_size. */
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
     * path. Like output_path, it is renamed into place only on success. */
    quire_status (*open_output)(const quire_job *job, const char *suffix,
                                char *path, size_t size);
} quire_host;

/* ------------------------------------------------------------------ */
/* The descriptor                                                      */
/* ------------------------------------------------------------------ */

typedef struct quire_plugin {
    unsigned abi_version;     /**< QUIRE_ABI_VERSION the plugin was built with */
    size_t struct_size;       /**< sizeof(quire_plugin) the plugin was built with */
    const char *name;         /**< "csv": selected with -f csv */
    const char *extension;    /**< "csv": output is OUTDIR/<id>.<extension> */
    const char *version;      /**< the plugin's own version, "1.0.0" */
    const char *description;  /**< one line for `quire plugins` */
    /** Writes job->output_path. On failure, returns a status other than
     * QUIRE_OK and writes a one-line message into err (err_size bytes). */
    quire_status (*export_fn)(const quire_job *job, char *err, size_t err_size);
    void *reserved[4];        /**< NULL; room to grow without a new ABI */
} quire_plugin;

/** Defines the entry symbol returning the plugin's descriptor. */
#define QUIRE_PLUGIN_DEFINE(name_, ext_, version_, description_, export_)       \
    QUIRE_EXPORT const quire_plugin *QUIRE_PLUGIN_ENTRY(void);                  \
    QUIRE_EXPORT const quire_plugin *QUIRE_PLUGIN_ENTRY(void)                   \
    {                                                                           \
        static const quire_plugin descriptor = {                                \
            QUIRE_ABI_VERSION, sizeof(quire_plugin), name_, ext_, version_,    \
            description_, export_, {NULL, NULL, NULL, NULL}};                   \
        return &descriptor;                                                     \
    }

#ifdef __cplusplus
}
#endif
#endif /* QUIRE_PLUGIN_H */
