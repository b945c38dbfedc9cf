/* template_yaml.h — checked access to a libyaml document for the template
 * reader: positions, typed scalars, mappings with duplicate/merge/unknown key
 * checks, and a cap on nodes visited so that an alias bomb cannot blow up. */
#ifndef QUIRE_TEMPLATE_YAML_H
#define QUIRE_TEMPLATE_YAML_H

#include "diag.h"
#include <stddef.h>
#include <yaml.h>

/* Nodes visited while reading one template, aliases counted each time. */
#define TPL_NODE_CAP 100000
/* Mappings and lists inside each other; a template needs five. */
#define TPL_MAX_DEPTH 32

typedef struct tpl_reader {
    yaml_document_t doc;
    int has_doc;
    const char *path;
    diag *d;
    size_t visited;
    int capped;          /* the cap was hit (reported once) */
} tpl_reader;

/* Reads path into r->doc: exactly one non-empty document. Reports syntax
 * errors, nesting deeper than TPL_MAX_DEPTH, an empty file (file:1:1) and
 * a missing file; 0 on failure. */
int yr_load(tpl_reader *r, const char *path, diag *d);
void yr_close(tpl_reader *r);

/* The node at index (counts one visit); NULL once the cap is hit. */
yaml_node_t *yr_node(tpl_reader *r, int index);
/* The document's root node, or NULL. */
yaml_node_t *yr_root(tpl_reader *r);

/* 1-based line and column of a node. */
long yr_line(const yaml_node_t *n);
long yr_col(const yaml_node_t *n);

void yr_error(tpl_reader *r, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* What a node is, for messages: "a mapping", "a list", "a single value",
 * "nothing" (a null). */
const char *yr_kind(const yaml_node_t *n);

/* A plain null scalar: empty, "~" or "null". */
int yr_is_null(const yaml_node_t *n);

/* Typed scalars. On a wrong type they report "what expects ..." and return
 * NULL / 0. what names the key, e.g. "page.size". */
const char *yr_string(tpl_reader *r, const yaml_node_t *n, const char *what);
int yr_bool(tpl_reader *r, const yaml_node_t *n, const char *what, int *out);
int yr_number(tpl_reader *r, const yaml_node_t *n, const char *what, double *out);

/* Called for each known key of a mapping: key is the index in the known
 * list; keynode/value are the pair's nodes. */
typedef void (*yr_key_fn)(tpl_reader *r, int key, yaml_node_t *keynode,
                          yaml_node_t *value, void *ctx);

/* Walks a mapping (reports "what expects a mapping" otherwise). Reports
 * non-scalar keys, merge keys, duplicate keys, and unknown keys with the
 * nearest known one; calls fn for the rest. known is NULL-terminated.
 * Returns 0 when n is not a mapping. */
int yr_mapping(tpl_reader *r, yaml_node_t *n, const char *what,
               const char *const *known, yr_key_fn fn, void *ctx);

/* Index of s in the NULL-terminated list, or -1. */
int yr_lookup(const char *s, const char *const *list);

#endif
