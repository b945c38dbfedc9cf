/* dataset_build.h — the loader's internals, shared by the dataset_*.c files
 * that build a quire_dataset from the event stream. Not for other modules. */
#ifndef QUIRE_DATASET_BUILD_H
#define QUIRE_DATASET_BUILD_H

#include "arena.h"
#include "strmap.h"
#include "dataset.h"
#include "yaml_events.h"
#include "yaml_walk.h"

/* After this many errors in one file the loader stops (read_limits.h). */
#define LOAD_MAX_ERRORS QUIRE_MAX_ERRORS
/* The longest string a dataset scalar may hold, in characters (table
 * cells excepted: exporters cut those with a warning), and the longest id. */
#define LOAD_MAX_TEXT 32767
#define LOAD_MAX_ID 100

typedef ymark ds_mark;

/* A source id named by a figure or a table, checked once all are read. */
typedef struct ds_ref {
    const char *id;
    ds_mark at;
} ds_ref;

/* The dataset as handed out, with what only the core sees. */
typedef struct ds_private {
    quire_dataset view;       /* first: a quire_dataset* is a ds_private* */
    arena strings;            /* every string and small array of the view */
    const char *template_name;
    ds_mark template_at;      /* the template: key's value */
    /* [text](#id) naming no id of the dataset: a chart of the template,
     * checked when the template is bound (dataset_chart_link) */
    const ds_ref *chart_links;
    size_t n_chart_links;
    struct ds_private *next_loaded;   /* dataset.c's list of loaded datasets */
} ds_private;

/* A list being built in the arena; grows by doubling. */
typedef yw_list ds_list;

/* Ids of one kind, in order, with an index to find duplicates fast. */
typedef struct ds_idset {
    ds_list refs;   /* ds_ref */
    strmap index;   /* id -> position in refs */
} ds_idset;

typedef struct loader {
    /* The shared walker (yaml_walk.h), first so that a ywalk* is a
     * loader*, and its fields by their own names (ld->d, ld->key, ...). */
    union {
        ywalk w;
        struct {
            YWALK_FIELDS
        };
    };
    ds_private *ds;
    ds_list figures, tables, sections, sources, params, refs;
    ds_idset figure_ids, table_ids, section_ids, source_ids, param_keys;
    int have_quire, have_id, have_title;
    /* ABI 2: footnotes, images, and what prose resolves at the end */
    ds_list footnotes, images;
    ds_idset footnote_ids, image_ids;
    ds_idset note_refs;       /* footnote ids in order of first reference */
    ds_list pending_links, pending_notes;
    ds_mark prose_at;         /* the scalar being parsed as markup */
    const char *dir;          /* the dataset's folder, for files it names */
    int allow_any_path;       /* --allow-any-path */
    ds_idset sheet_names;     /* tables' sheet:, ASCII letters in lower case */
} loader;

/* Reads one value of a mapping; must consume the whole value node. */
typedef void (*key_handler)(loader *ld, void *obj, int key, const yev *value);

/* dataset_walk.c: moving through events, reading scalars. */
int load_next(loader *ld, yev *ev);
void load_skip(loader *ld, const yev *start);
void load_mapping(loader *ld, const yev *start, const char *what,
                  const char *const *keys, key_handler fn, void *obj);
void load_sequence(loader *ld, const yev *start, const char *what,
                   void (*item)(loader *ld, const yev *ev));
void load_error(loader *ld, const yev *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
const char *load_kind_name(const yev *ev);
const char *load_quote(const char *s, size_t len, char *buf, size_t size);
int load_string(loader *ld, const yev *ev, const char *key, const char **out);
int load_refs(loader *ld, const yev *ev, const char *key, quire_strings *out);
int load_number(loader *ld, const yev *ev, const char *key, double *value,
                unsigned char *decimals);
int load_id(loader *ld, const yev *ev, const char *kind, int with_underscore,
            const char **out);
void *load_push(loader *ld, ds_list *list, size_t size);
/* Adds id to ids; when it is already there, returns where it was first. */
const ds_ref *idset_add(loader *ld, ds_idset *ids, const char *id, ds_mark at);
/* Reports an id already in ids, else adds it. */
void load_unique(loader *ld, ds_idset *ids, const char *kind, const char *id, ds_mark at);

/* A table while it is read: its columns' arrays grow together. */
typedef struct column_build {
    double *numbers;
    unsigned char *decimals;
    const char **texts;
} column_build;

typedef struct table_build {
    quire_table t;
    ds_mark at;
    ds_list columns;      /* quire_column */
    ds_list data;         /* column_build, one per column */
    ds_idset column_ids;
    size_t cap;           /* rows allocated in each column */
    int have_columns, have_rows;
    const char *csv;
    ds_mark csv_at;
} table_build;

/* dataset_table.c */
void load_table(loader *ld, const yev *ev);
/* Makes room for row n_rows; 0 after reporting that memory ran out. */
int table_reserve(loader *ld, table_build *tb);
/* Stores one cell from its text; plain: it may be a number (YAML unquoted,
 * or any CSV field). file/line/col place errors. */
void table_cell(loader *ld, table_build *tb, size_t col, const char *s, size_t len,
                int plain, const char *file, long line, long column);
void table_null(table_build *tb, size_t col);
/* dataset_csv.c: fills the rows of tb from its csv: file. */
void table_load_csv(loader *ld, table_build *tb);
/* dataset_finish.c: defaults, unit labels and the timestamp of the view. */
void dataset_finish(loader *ld);
/* dataset_prose.c: inline markup, resolved at the end of the file. at is
 * where the scalar starts (at_scalar: errors then point at the character)
 * or what to name instead (a cell: its column). */
int load_markup(loader *ld, const char *s, size_t len, ds_mark at, int at_scalar,
                const char *where, quire_text *out);
/* A prose scalar (null: plain NULL); 0 after an error. */
int load_prose(loader *ld, const yev *ev, const char *key, quire_text *out);
/* summary / body: a string or a list whose entries are paragraphs or
 * lists of items. */
int load_prose_list(loader *ld, const yev *ev, const char *key, quire_strings *plain,
                    quire_prose *out);
/* dataset_finish.c: the cells of `markup: true` columns, before links resolve. */
void dataset_markup_cells(loader *ld);
/* Resolves internal links and footnote numbers; reports what is unknown. */
void dataset_prose_finish(loader *ld);
/* dataset_media.c */
void load_footnote(loader *ld, const yev *ev);
void load_image(loader *ld, const yev *ev);
/* dataset_media.c: true or false. */
void load_flag(loader *ld, const yev *v, const char *key, int *out);
/* dataset_items.c */
/* as_of: a date, month or quarter; 0 (reported) when it is none. */
int load_as_of(loader *ld, const yev *v, quire_as_of *out);
void load_figure(loader *ld, const yev *ev);
void load_section(loader *ld, const yev *ev);
void load_source(loader *ld, const yev *ev);
void load_params(loader *ld, const yev *ev);

#endif
