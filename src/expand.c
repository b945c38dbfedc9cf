/* expand.c — {placeholders} of template headers and footers. */
#include "expand.h"

#include <stdio.h>
#include <string.h>

/* Where the result goes: snprintf-like, counting what does not fit. */
typedef struct sink {
    char *out;
    size_t size, len;
} sink;

static void sink_put(sink *s, const char *text, size_t n)
{
    if (s->len < s->size) {
        size_t room = s->size - s->len - 1;
        memcpy(s->out + s->len, text, n < room ? n : room);
    }
    s->len += n;
}

/* The value of a top-level scalar, "" when absent; NULL when the name is
 * not one. The `found` flag separates the two. */
static const char *scalar_value(const quire_dataset *ds, const char *name, size_t n,
                                int *found)
{
    static const struct {
        const char *name;
        size_t offset;
    } fields[] = {
        {"title", offsetof(quire_dataset, title)},
        {"subtitle", offsetof(quire_dataset, subtitle)},
        {"period", offsetof(quire_dataset, period)},
        {"date", offsetof(quire_dataset, date)},
        {"author", offsetof(quire_dataset, author)},
        {"organization", offsetof(quire_dataset, organization)},
        {"id", offsetof(quire_dataset, id)},
        {"language", offsetof(quire_dataset, language)},
    };
    *found = 1;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        if (strlen(fields[i].name) == n && memcmp(fields[i].name, name, n) == 0) {
            const char *v = *(const char *const *)((const char *)ds + fields[i].offset);
            return v ? v : "";
        }
    }
    for (size_t i = 0; i < ds->n_params; i++) {
        const char *k = ds->params[i].key;
        if (strlen(k) == n && memcmp(k, name, n) == 0)
            return ds->params[i].value ? ds->params[i].value : "";
    }
    *found = 0;
    return NULL;
}

static int put_number(sink *s, const char *name, size_t n, const char *which, int value)
{
    if (strlen(which) != n || memcmp(which, name, n) != 0 || value < 0)
        return 0;
    char buf[16];
    int len = snprintf(buf, sizeof buf, "%d", value);
    sink_put(s, buf, (size_t)len);
    return 1;
}

/* 1 when the n bytes at t are only a separator between placeholders:
 * spaces and " · ", " | ", " - ", " / ", ", " and the like. */
static int is_separator(const char *t, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (strchr(" \t|-/,;:", t[i]))
            continue;
        if (i + 1 < n && !memcmp(t + i, "\xc2\xb7", 2)) {          /* U+00B7 · */
            i++;
            continue;
        }
        if (i + 2 < n && (!memcmp(t + i, "\xe2\x80\xa2", 3) ||    /* U+2022 • */
                          !memcmp(t + i, "\xe2\x80\x93", 3) ||    /* U+2013 – */
                          !memcmp(t + i, "\xe2\x80\x94", 3))) {   /* U+2014 — */
            i += 2;
            continue;
        }
        return 0;
    }
    return n > 0;
}

/* Literal text between placeholders. A separator next to a placeholder
 * that expanded to nothing is left out, so that "{period} · {page}"
 * without a period reads "3", not " · 3" (issue 19): one after an empty
 * value or at the start is dropped here; one before an empty value that
 * ends the text is cut at the end (*sep_at keeps where it began). */
static void put_literal(sink *s, const char *t, size_t n, int after_empty, size_t *sep_at)
{
    int sep = is_separator(t, n);
    if (sep && (after_empty || s->len == 0))
        return;
    if (n)
        *sep_at = sep ? s->len : (size_t)-1;
    sink_put(s, t, n);
}

size_t expand_placeholders(const quire_dataset *ds, const char *pattern, int page,
                           int pages, char *out, size_t size)
{
    sink s = {out, size, 0};
    const char *p = pattern;
    int after_empty = 0;           /* the last placeholder expanded to nothing */
    size_t sep_at = (size_t)-1;    /* where the last literal, a separator, began */
    while (*p) {
        const char *open = strchr(p, '{');
        const char *close = open ? strchr(open + 1, '}') : NULL;
        if (!open || !close) {
            put_literal(&s, p, strlen(p), after_empty, &sep_at);
            after_empty = 0;
            break;
        }
        put_literal(&s, p, (size_t)(open - p), after_empty, &sep_at);
        if (open > p && !is_separator(p, (size_t)(open - p)))
            after_empty = 0;
        const char *name = open + 1;
        size_t n = (size_t)(close - name);
        int found = 0;
        const char *value = NULL;
        if (!put_number(&s, name, n, "page", page) && !put_number(&s, name, n, "pages", pages)) {
            value = scalar_value(ds, name, n, &found);
            if (found && !*value) {
                after_empty = 1;
                p = close + 1;
                continue;
            }
            if (found)
                sink_put(&s, value, strlen(value));
            else if (memchr(name, '{', n)) {
                /* "{a {title}": the first brace is literal text. */
                sink_put(&s, open, 1);
                p = open + 1;
                continue;
            } else
                sink_put(&s, open, n + 2);
        }
        after_empty = 0;
        sep_at = (size_t)-1;
        p = close + 1;
    }
    if (after_empty && sep_at != (size_t)-1 && sep_at <= s.len)
        s.len = sep_at;   /* "A · {empty}": the separator goes with it */
    if (size > 0)
        out[s.len < size ? s.len : size - 1] = '\0';
    return s.len;
}
