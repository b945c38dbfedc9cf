/* dataset_walk.c — walking the event stream of a dataset: mappings with
 * known keys, sequences, and the scalars every part of a dataset reads. */
#include "dataset_build.h"

#include "cells.h"

#include <stdarg.h>
#include <string.h>

/* The loader reads through the shared walker (yaml_walk.c); these keep
 * the names the dataset_*.c files use. */
int load_next(loader *ld, yev *ev)
{
    return yw_next(&ld->w, ev);
}

void load_skip(loader *ld, const yev *start)
{
    yw_skip(&ld->w, start);
}

void load_error(loader *ld, const yev *at, const char *fmt, ...)
{
    char msg[900];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    yw_error(&ld->w, at, "%s", msg);
}

const char *load_kind_name(const yev *ev)
{
    return yw_kind_name(ev);
}

const char *load_quote(const char *s, size_t len, char *buf, size_t size)
{
    return yw_quote(s, len, buf, size);
}

/* key_handler takes the loader: the walker is its first member. */
typedef struct handler_call {
    key_handler fn;
    void *obj;
} handler_call;

static void call_handler(ywalk *w, void *obj, int key, const yev *value)
{
    handler_call *h = obj;
    h->fn((loader *)(void *)w, h->obj, key, value);
}

void load_mapping(loader *ld, const yev *start, const char *what,
                  const char *const *keys, key_handler fn, void *obj)
{
    handler_call h = {fn, obj};
    yw_mapping(&ld->w, start, what, keys, call_handler, &h);
}

void load_sequence(loader *ld, const yev *start, const char *what,
                   void (*item)(loader *ld, const yev *ev))
{
    if (start->kind != YEV_SEQ_START) {
        if (yw_is_null(start))
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
    if (!yw_string(&ld->w, ev, key, out))
        return 0;
    if (!*out)
        return 1;
    /* Every exporter must be able to write what validate accepts: Excel
     * holds 32,767 characters in a cell, libharu about 65,000 in a string. */
    size_t chars = 0;
    for (const char *p = *out; *p; p++)
        chars += ((unsigned char)*p & 0xC0) != 0x80;
    if (chars > LOAD_MAX_TEXT) {
        load_error(ld, ev, "'%s' is %zu characters long; at most %d fit in every output "
                           "(Excel's cell limit)", key, chars, LOAD_MAX_TEXT);
        *out = NULL;
        return 0;
    }
    return 1;
}

void *load_push(loader *ld, ds_list *list, size_t size)
{
    return yw_push(&ld->w, list, size);
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

int load_refs(loader *ld, const yev *ev, const char *key, quire_strings *out)
{
    return strings_or_refs(ld, ev, key, out, 1);
}

int load_number(loader *ld, const yev *ev, const char *key, double *value,
                unsigned char *decimals)
{
    return yw_number(&ld->w, ev, key, value, decimals);
}

int load_id(loader *ld, const yev *ev, const char *kind, int with_underscore,
            const char **out)
{
    const char *s = NULL;
    char buf[80];
    if (!load_string(ld, ev, "id", &s))
        return 0;
    *out = s ? s : "";  /* kept even when invalid: later messages name it */
    if (s && strlen(s) > LOAD_MAX_ID) {
        /* Ids name output files (<dataset>.<table>.csv): keep them well
         * under the 255 bytes of a file name. */
        load_error(ld, ev, "%s id is %zu characters long; at most %d", kind, strlen(s),
                   LOAD_MAX_ID);
        return 0;
    }
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
        if (strmap_put(&ids->index, id, ids->refs.n - 1) != 0) {
            diag_out_of_memory(ld->d, ld->path, at.line, at.col);
            ld->fatal = 1;
        }
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
