/* dataset_walk.c — walking the event stream of a dataset: mappings with
 * known keys, sequences, and the scalars every part of a dataset reads. */
#include "dataset_build.h"

#include "cells.h"
#include "suggest.h"

#include <stdarg.h>
#include <string.h>

int load_next(loader *ld, yev *ev)
{
    if (ld->fatal)
        return 0;
    if (ld->d->errors - ld->first_error >= LOAD_MAX_ERRORS) {
        diag_error(ld->d, ld->path, 0, 0, "too many errors; stopping here");
        ld->fatal = 1;
        return 0;
    }
    if (!yev_next(&ld->src, ev)) {
        ld->fatal = 1;
        return 0;
    }
    return 1;
}

void load_skip(loader *ld, const yev *start)
{
    if (start->kind != YEV_SEQ_START && start->kind != YEV_MAP_START)
        return;
    int depth = 1;
    yev ev;
    while (depth > 0 && load_next(ld, &ev)) {
        if (ev.kind == YEV_SEQ_START || ev.kind == YEV_MAP_START)
            depth++;
        else if (ev.kind == YEV_SEQ_END || ev.kind == YEV_MAP_END)
            depth--;
    }
}

void load_error(loader *ld, const yev *at, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag_error(ld->d, ld->path, at->line, at->col, "%s", msg);
}

const char *load_kind_name(const yev *ev)
{
    switch (ev->kind) {
    case YEV_SEQ_START: return "a list";
    case YEV_MAP_START: return "a mapping";
    case YEV_SCALAR: return "a scalar";
    default: return "nothing";
    }
}

/* "value" in double quotes, cut to a readable length on a UTF-8 boundary. */
const char *load_quote(const char *s, size_t len, char *buf, size_t size)
{
    size_t max = size > 16 ? size - 6 : 0, n = len;
    if (n > max) {
        n = max;
        while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    snprintf(buf, size, "\"%.*s%s\"", (int)n, s, n < len ? "..." : "");
    return buf;
}

static int key_index(const char *const *keys, const char *k)
{
    for (int i = 0; keys[i]; i++)
        if (strcmp(keys[i], k) == 0)
            return i;
    return -1;
}

/* Checks one key of a mapping; returns its index in keys, or -1 when the
 * key was reported and its value must be skipped. */
static int mapping_key(loader *ld, const yev *key, const char *what,
                       const char *const *keys, ds_mark *seen)
{
    if (key->kind != YEV_SCALAR) {
        load_error(ld, key, "keys of %s must be plain strings, not %s", what,
                   load_kind_name(key));
        load_skip(ld, key);
        return -1;
    }
    if (key->plain && strcmp(key->value, "<<") == 0) {
        load_error(ld, key, "merge keys are not supported");
        return -1;
    }
    int i = key_index(keys, key->value);
    if (i < 0) {
        const char *near = suggest_nearest(key->value, keys);
        int n = key->length > 60 ? 60 : (int)key->length;
        if (near)
            load_error(ld, key, "unknown key '%.*s' (did you mean '%s'?)", n, key->value, near);
        else
            load_error(ld, key, "unknown key '%.*s' in %s", n, key->value, what);
        return -1;
    }
    if (seen[i].line) {
        load_error(ld, key, "duplicate key '%s' (first at line %ld, column %ld)", keys[i],
                   seen[i].line, seen[i].col);
        return -1;
    }
    seen[i] = (ds_mark){key->line, key->col};
    return i;
}

void load_mapping(loader *ld, const yev *start, const char *what,
                  const char *const *keys, key_handler fn, void *obj)
{
    ds_mark seen[32] = {{0, 0}};
    if (start->kind != YEV_MAP_START) {
        load_error(ld, start, "%s must be a mapping, not %s", what, load_kind_name(start));
        load_skip(ld, start);
        return;
    }
    yev key, value;
    while (load_next(ld, &key) && key.kind != YEV_MAP_END) {
        int i = mapping_key(ld, &key, what, keys, seen);
        if (!load_next(ld, &value))
            return;
        if (i < 0) {
            load_skip(ld, &value);
            continue;
        }
        ld->key = seen[i];
        fn(ld, obj, i, &value);
    }
}

void load_sequence(loader *ld, const yev *start, const char *what,
                   void (*item)(loader *ld, const yev *ev))
{
    if (start->kind != YEV_SEQ_START) {
        if (start->kind == YEV_SCALAR && start->plain && cells_is_null(start->value, start->length))
            return;
        load_error(ld, start, "'%s' must be a list, not %s", what, load_kind_name(start));
        load_skip(ld, start);
        return;
    }
    yev ev;
    while (load_next(ld, &ev) && ev.kind != YEV_SEQ_END)
        item(ld, &ev);
}

/* A null or a string; 1 when read, 0 after an error. */
int load_string(loader *ld, const yev *ev, const char *key, const char **out)
{
    if (ev->kind != YEV_SCALAR) {
        load_error(ld, ev, "'%s' expects a string, not %s", key, load_kind_name(ev));
        load_skip(ld, ev);
        return 0;
    }
    if (ev->plain && cells_is_null(ev->value, ev->length)) {
        *out = NULL;
        return 1;
    }
    *out = arena_strndup(ld->a, ev->value, ev->length);
    return *out != NULL;
}

void *load_push(loader *ld, ds_list *list, size_t size)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 8;
        void *items = arena_grow(ld->a, list->items, list->n * size, cap * size);
        if (!items) {
            /* Never a silent drop: the file stops being read, the run exits 4. */
            if (!ld->d->out_of_memory)
                diag_out_of_memory(ld->d, ld->path, ld->key.line, ld->key.col);
            ld->fatal = 1;
            return NULL;
        }
        list->items = items;
        list->cap = cap;
    }
    char *slot = (char *)list->items + list->n++ * size;
    memset(slot, 0, size);
    return slot;
}

/* Adds one item of a string list; with refs, it is also a source id to
 * check once all sources are read. */
static int add_string(loader *ld, const yev *ev, const char *key, ds_list *items, int refs)
{
    const char *s = NULL;
    if (!load_string(ld, ev, key, &s))
        return 0;
    if (!s)
        return 1;
    const char **slot = load_push(ld, items, sizeof *slot);
    if (slot)
        *slot = s;
    ds_ref *r = refs ? load_push(ld, &ld->refs, sizeof *r) : NULL;
    if (r)
        *r = (ds_ref){s, {ev->line, ev->col}};
    return 1;
}

/* A string or a list of strings. */
static int strings_or_refs(loader *ld, const yev *ev, const char *key, quire_strings *out,
                           int refs)
{
    ds_list items = {0};
    int ok = 1;
    yev item;
    if (ev->kind == YEV_MAP_START) {
        load_error(ld, ev, "'%s' expects a string or a list of strings, not a mapping", key);
        load_skip(ld, ev);
        return 0;
    }
    if (ev->kind == YEV_SCALAR)
        ok = add_string(ld, ev, key, &items, refs);
    else
        while (load_next(ld, &item) && item.kind != YEV_SEQ_END)
            ok &= add_string(ld, &item, key, &items, refs);
    out->items = items.items;
    out->count = items.n;
    return ok;
}

int load_strings(loader *ld, const yev *ev, const char *key, quire_strings *out)
{
    return strings_or_refs(ld, ev, key, out, 0);
}

int load_refs(loader *ld, const yev *ev, const char *key, quire_strings *out)
{
    return strings_or_refs(ld, ev, key, out, 1);
}

int load_number(loader *ld, const yev *ev, const char *key, double *value,
                unsigned char *decimals)
{
    char buf[64];
    if (ev->kind != YEV_SCALAR) {
        load_error(ld, ev, "'%s' expects a number, not %s", key, load_kind_name(ev));
        load_skip(ld, ev);
        return 0;
    }
    cell_status st = ev->plain ? cells_parse_number(ev->value, ev->length, value, decimals)
                               : CELL_NOT_NUMBER;
    if (st == CELL_NOT_NUMBER) {
        load_error(ld, ev, "'%s' expects a number, got %s", key,
                   load_quote(ev->value, ev->length, buf, sizeof buf));
        return 0;
    }
    if (st == CELL_NOT_FINITE) {
        load_error(ld, ev, "'%s' expects a finite number, got %.*s", key,
                   (int)(ev->length > 40 ? 40 : ev->length), ev->value);
        return 0;
    }
    if (st != CELL_OK) {
        load_error(ld, ev, "'%s' expects a number, got %.*s (%s)", key,
                   (int)(ev->length > 40 ? 40 : ev->length), ev->value,
                   cells_status_reason(st));
        return 0;
    }
    return 1;
}

int load_id(loader *ld, const yev *ev, const char *kind, int with_underscore,
            const char **out)
{
    const char *s = NULL;
    char buf[80];
    if (!load_string(ld, ev, "id", &s))
        return 0;
    *out = s ? s : "";  /* kept even when invalid: later messages name it */
    if (!s || !cells_valid_id(s, with_underscore)) {
        load_error(ld, ev, "%s id %s is not valid: use %s", kind,
                   load_quote(ev->value, ev->length, buf, sizeof buf),
                   with_underscore ? "[a-z0-9][a-z0-9_-]*" : "[a-z0-9][a-z0-9-]*");
        return 0;
    }
    return 1;
}

const ds_ref *idset_add(loader *ld, ds_idset *ids, const char *id, ds_mark at)
{
    size_t *first = strmap_get(&ids->index, id);
    if (first)
        return &((const ds_ref *)ids->refs.items)[*first];
    ds_ref *r = load_push(ld, &ids->refs, sizeof *r);
    if (r) {
        *r = (ds_ref){id, at};
        strmap_put(&ids->index, id, ids->refs.n - 1);
    }
    return NULL;
}

void load_unique(loader *ld, ds_idset *ids, const char *kind, const char *id, ds_mark at)
{
    const ds_ref *first = idset_add(ld, ids, id, at);
    if (first)
        diag_error(ld->d, ld->path, at.line, at.col,
                   "duplicate %s id '%s' (first at line %ld, column %ld)", kind, id,
                   first->at.line, first->at.col);
}
