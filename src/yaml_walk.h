/* yaml_walk.h — the one YAML front-end of quire: walking the event stream
 * of yaml_events.h through mappings with known keys and sequences, and
 * reading typed scalars (cells.h) with one wording for every error. The
 * dataset loader (dataset_walk.c) and the template reader (template*.c)
 * both read through it. */
#ifndef QUIRE_YAML_WALK_H
#define QUIRE_YAML_WALK_H

#include "arena.h"
#include "diag.h"
#include "yaml_events.h"

#include <quire/quire-plugin.h>

typedef struct ymark {
    long line, col;
} ymark;

/* The walker's state, by field, so that a reader can embed it under the
 * same names (see dataset_build.h). */
#define YWALK_FIELDS                                                          \
    yev_source src;                                                           \
    diag *d;                                                                  \
    const char *path;                                                         \
    arena *a;          /* where strings read are copied */                   \
    int fatal;         /* a syntax error or the error cap: stop reading */   \
    int first_error;   /* d->errors when this file started */                \
    ymark key;         /* position of the key whose value is being read */

typedef struct ywalk {
    YWALK_FIELDS
} ywalk;

/* A list being built in the walker's arena; grows by doubling. */
typedef struct yw_list {
    void *items;
    size_t n, cap;
} yw_list;

/* A zeroed new last item of list, or NULL: out of memory is reported once
 * (the run exits 4) and reading stops. Never a silent drop. */
void *yw_push(ywalk *w, yw_list *list, size_t size);

/* Opens path for reading into a (strings) and d (errors). Returns 0, or
 * -1 with errno set and nothing reported. what: "dataset", "template". */
int yw_open(ywalk *w, const char *path, const char *what, diag *d, arena *a);
void yw_close(ywalk *w);

/* The next event; 0 once reading must stop (reported). */
int yw_next(ywalk *w, yev *ev);
/* Consumes the rest of the node that starts with start. */
void yw_skip(ywalk *w, const yev *start);

void yw_error(ywalk *w, const yev *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void yw_error_at(ywalk *w, ymark at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* "a list", "a mapping", "a scalar", "nothing" (a plain null), for messages. */
const char *yw_kind_name(const yev *ev);
/* "value" in double quotes, cut to a readable length on a UTF-8 boundary. */
const char *yw_quote(const char *s, size_t len, char *buf, size_t size);
/* A plain null: empty, ~, null, Null, NULL. */
int yw_is_null(const yev *ev);
static inline ymark yw_mark(const yev *ev) { return (ymark){ev->line, ev->col}; }

/* Reads the value of key number key of a mapping; must consume it whole. */
typedef void (*yw_key_fn)(ywalk *w, void *obj, int key, const yev *value);
/* A key not in the list: returns 1 when it took the value (consumed it),
 * 0 to have it reported as unknown. */
typedef int (*yw_other_fn)(ywalk *w, void *obj, const yev *key, const yev *value);

/* Walks a mapping: reports non-scalar keys, merge keys, duplicate keys and
 * unknown keys (with the nearest known one), and calls fn for the rest
 * with w->key set to the key's position. keys is NULL-terminated, at most
 * YW_MAX_KEYS. Returns 0 when start is not a mapping (reported). */
#define YW_MAX_KEYS 48
int yw_mapping(ywalk *w, const yev *start, const char *what, const char *const *keys,
               yw_key_fn fn, void *obj);
int yw_mapping_other(ywalk *w, const yev *start, const char *what, const char *const *keys,
                     yw_key_fn fn, yw_other_fn other, void *obj);

/* Typed scalars; key names the key in messages ('page.size'). Each returns
 * 1 when read, 0 after reporting (the value consumed either way). */
/* A string, or NULL for a plain null. */
int yw_string(ywalk *w, const yev *ev, const char *key, const char **out);
/* A string that must be there and not empty. */
int yw_text(ywalk *w, const yev *ev, const char *key, const char **out);
int yw_number(ywalk *w, const yev *ev, const char *key, double *value,
              unsigned char *decimals);
int yw_bool(ywalk *w, const yev *ev, const char *key, int *out);
/* One of the NULL-terminated names (did-you-mean otherwise); *out the index. */
int yw_choice(ywalk *w, const yev *ev, const char *key, const char *const *names, int *out);

/* Index of s in the NULL-terminated list, or -1. */
int yw_lookup(const char *s, const char *const *list);

#endif
