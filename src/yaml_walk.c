/* yaml_walk.c — mappings, sequences and typed scalars over the event
 * stream, with the messages every reader of quire shares. */
#include "yaml_walk.h"

#include "cells.h"
#include "suggest.h"

#include <stdarg.h>
#include <string.h>

int yw_open(ywalk *w, const char *path, const char *what, diag *d, arena *a)
{
    memset(w, 0, sizeof *w);
    w->d = d;
    w->path = path;
    w->a = a;
    w->first_error = d->errors;
    if (yev_open(&w->src, path, d, a) != 0)
        return -1;
    w->src.what = what;
    return 0;
}

void yw_close(ywalk *w)
{
    yev_close(&w->src);
}

int yw_next(ywalk *w, yev *ev)
{
    if (w->fatal)
        return 0;
    if (w->d->errors - w->first_error >= QUIRE_MAX_ERRORS) {
        diag_error(w->d, w->path, 0, 0, "too many errors; stopping here");
        w->fatal = 1;
        return 0;
    }
    if (!yev_next(&w->src, ev)) {
        w->fatal = 1;
        return 0;
    }
    return 1;
}

void yw_skip(ywalk *w, const yev *start)
{
    if (start->kind != YEV_SEQ_START && start->kind != YEV_MAP_START)
        return;
    int depth = 1;
    yev ev;
    while (depth > 0 && yw_next(w, &ev)) {
        if (ev.kind == YEV_SEQ_START || ev.kind == YEV_MAP_START)
            depth++;
        else if (ev.kind == YEV_SEQ_END || ev.kind == YEV_MAP_END)
            depth--;
    }
}

static void verror(ywalk *w, long line, long col, const char *fmt, va_list ap)
{
    char msg[900];
    vsnprintf(msg, sizeof msg, fmt, ap);
    diag_error(w->d, w->path, line, col, "%s", msg);
}

void yw_error(ywalk *w, const yev *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(w, at->line, at->col, fmt, ap);
    va_end(ap);
}

void yw_error_at(ywalk *w, ymark at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    verror(w, at.line, at.col, fmt, ap);
    va_end(ap);
}

int yw_is_null(const yev *ev)
{
    return ev->kind == YEV_SCALAR && ev->plain && cells_is_null(ev->value, ev->length);
}

const char *yw_kind_name(const yev *ev)
{
    switch (ev->kind) {
    case YEV_SEQ_START: return "a list";
    case YEV_MAP_START: return "a mapping";
    case YEV_SCALAR: return yw_is_null(ev) ? "nothing" : "a scalar";
    default: return "nothing";
    }
}

const char *yw_quote(const char *s, size_t len, char *buf, size_t size)
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

int yw_lookup(const char *s, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return i;
    return -1;
}

/* Checks one key of a mapping; returns its index in keys, -2 when it is
 * not a known key (for the caller's other-hook), or -1 when it was
 * reported and its value must be skipped. */
static int mapping_key(ywalk *w, const yev *key, const char *what, const char *const *keys,
                       ymark *seen)
{
    if (key->kind != YEV_SCALAR) {
        yw_error(w, key, "keys of %s must be plain strings, not %s", what, yw_kind_name(key));
        yw_skip(w, key);
        return -1;
    }
    if (key->plain && strcmp(key->value, "<<") == 0) {
        yw_error(w, key, "merge keys are not supported");
        return -1;
    }
    int i = yw_lookup(key->value, keys);
    if (i < 0 || i >= YW_MAX_KEYS)
        return -2;
    if (seen[i].line) {
        yw_error(w, key, "duplicate key '%s' (first at line %ld, column %ld)", keys[i],
                 seen[i].line, seen[i].col);
        return -1;
    }
    seen[i] = yw_mark(key);
    return i;
}

static void unknown_key(ywalk *w, const yev *key, const char *what, const char *const *keys)
{
    const char *near = suggest_nearest(key->value, keys);
    int n = key->length > 60 ? 60 : (int)key->length;
    if (yev_comma_tail(&w->src, key))
        yw_error(w, key, "unknown key '%.*s' in %s; a ', ' inside a plain value in { } starts "
                 "a new key: quote the value (label: \"City, Korea\")", n, key->value, what);
    else if (near)
        yw_error(w, key, "unknown key '%.*s' (did you mean '%s'?)", n, key->value, near);
    else
        yw_error(w, key, "unknown key '%.*s' in %s", n, key->value, what);
}

int yw_mapping_other(ywalk *w, const yev *start, const char *what, const char *const *keys,
                     yw_key_fn fn, yw_other_fn other, void *obj)
{
    ymark seen[YW_MAX_KEYS] = {{0, 0}};
    if (start->kind != YEV_MAP_START) {
        yw_error(w, start, "%s must be a mapping, not %s", what, yw_kind_name(start));
        yw_skip(w, start);
        return 0;
    }
    yev key, value;
    while (yw_next(w, &key) && key.kind != YEV_MAP_END) {
        int i = mapping_key(w, &key, what, keys, seen);
        if (i == -2 && !other) {
            unknown_key(w, &key, what, keys);
            i = -1;
        }
        /* The key's text lives until the next event: keep a copy for the
         * hook, which sees both. */
        char name[128];
        yev k = key;
        if (i == -2) {
            snprintf(name, sizeof name, "%.*s", (int)(key.length < 127 ? key.length : 127),
                     key.value);
            k.value = name;
            k.length = strlen(name);
        }
        if (!yw_next(w, &value))
            return 1;
        if (i == -2) {
            w->key = yw_mark(&k);
            if (!other || !other(w, obj, &k, &value)) {
                unknown_key(w, &k, what, keys);
                yw_skip(w, &value);
            }
            continue;
        }
        if (i < 0) {
            yw_skip(w, &value);
            continue;
        }
        w->key = seen[i];
        fn(w, obj, i, &value);
    }
    return 1;
}

int yw_mapping(ywalk *w, const yev *start, const char *what, const char *const *keys,
               yw_key_fn fn, void *obj)
{
    return yw_mapping_other(w, start, what, keys, fn, NULL, obj);
}

int yw_string(ywalk *w, const yev *ev, const char *key, const char **out)
{
    if (ev->kind != YEV_SCALAR) {
        yw_error(w, ev, "'%s' expects a string, not %s", key, yw_kind_name(ev));
        yw_skip(w, ev);
        return 0;
    }
    if (yw_is_null(ev)) {
        *out = NULL;
        return 1;
    }
    *out = arena_strndup(w->a, ev->value, ev->length);
    if (!*out) {
        diag_out_of_memory(w->d, w->path, ev->line, ev->col);
        w->fatal = 1;
    }
    return *out != NULL;
}

int yw_text(ywalk *w, const yev *ev, const char *key, const char **out)
{
    const char *s = NULL;
    if (!yw_string(w, ev, key, &s))
        return 0;
    if (!s || !*s) {
        yw_error(w, ev, "'%s' expects a text, got %s", key, s ? "an empty string" : "nothing");
        return 0;
    }
    *out = s;
    return 1;
}

int yw_number(ywalk *w, const yev *ev, const char *key, double *value,
              unsigned char *decimals)
{
    char buf[64];
    unsigned char dec_buf;
    if (!decimals)
        decimals = &dec_buf;
    if (ev->kind != YEV_SCALAR) {
        yw_error(w, ev, "'%s' expects a number, not %s", key, yw_kind_name(ev));
        yw_skip(w, ev);
        return 0;
    }
    cell_status st = ev->plain ? cells_parse_number(ev->value, ev->length, value, decimals)
                               : CELL_NOT_NUMBER;
    int n = (int)(ev->length > 40 ? 40 : ev->length);
    switch (st) {
    case CELL_OK:
        return 1;
    case CELL_NOT_NUMBER:
        yw_error(w, ev, "'%s' expects a number, got %s", key,
                 yw_quote(ev->value, ev->length, buf, sizeof buf));
        return 0;
    case CELL_NOT_FINITE:
        yw_error(w, ev, "'%s' expects a finite number, got %.*s", key, n, ev->value);
        return 0;
    default:
        yw_error(w, ev, "'%s' expects a number, got %.*s (%s)", key, n, ev->value,
                 cells_status_reason(st));
        return 0;
    }
}

int yw_bool(ywalk *w, const yev *ev, const char *key, int *out)
{
    char buf[64];
    if (ev->kind != YEV_SCALAR) {
        yw_error(w, ev, "'%s' expects true or false, not %s", key, yw_kind_name(ev));
        yw_skip(w, ev);
        return 0;
    }
    if (ev->plain && cells_parse_bool(ev->value, ev->length, out) == 0)
        return 1;
    yw_error(w, ev, "'%s' expects true or false, got %s", key,
             yw_quote(ev->value, ev->length, buf, sizeof buf));
    return 0;
}

int yw_choice(ywalk *w, const yev *ev, const char *key, const char *const *names, int *out)
{
    const char *s = NULL;
    if (!yw_string(w, ev, key, &s))
        return 0;
    int i = s ? yw_lookup(s, names) : -1;
    if (i >= 0) {
        *out = i;
        return 1;
    }
    char list[300] = "";
    size_t used = 0;
    for (int k = 0; names[k] && used < sizeof list; k++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                                 k == 0 ? "" : names[k + 1] ? ", " : " or ", names[k]);
    const char *near = s ? suggest_nearest(s, names) : NULL;
    char buf[64];
    if (!s)
        yw_error(w, ev, "'%s' expects one of %s, got nothing", key, list);
    else if (near)
        yw_error(w, ev, "'%s' expects one of %s, got %s (did you mean '%s'?)", key, list,
                 yw_quote(s, strlen(s), buf, sizeof buf), near);
    else
        yw_error(w, ev, "'%s' expects one of %s, got %s", key, list,
                 yw_quote(s, strlen(s), buf, sizeof buf));
    return 0;
}

void *yw_push(ywalk *w, yw_list *list, size_t size)
{
    if (list->n == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 8;
        void *items = arena_grow(w->a, list->items, list->n * size, cap * size);
        if (!items) {
            if (!w->d->out_of_memory)
                diag_out_of_memory(w->d, w->path, w->key.line, w->key.col);
            w->fatal = 1;
            return NULL;
        }
        list->items = items;
        list->cap = cap;
    }
    char *slot = (char *)list->items + list->n++ * size;
    memset(slot, 0, size);
    return slot;
}
