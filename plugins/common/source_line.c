/* source_line.c — see source_line.h. */
#include "source_line.h"

#include <string.h>

const char *source_name(const quire_dataset *ds, const char *id)
{
    const quire_source *s = ds ? quire_find_source(ds, id) : NULL;
    return s && s->cite ? s->cite : s && s->publisher ? s->publisher : s && s->title ? s->title : id;
}

/* Appends s to buf[*n..size), cut at a character boundary when full. */
static void append(char *buf, size_t size, size_t *n, const char *s)
{
    size_t len = strlen(s);
    if (*n + len >= size) {
        len = size - 1 - *n;
        while (len > 0 && ((unsigned char)s[len] & 0xC0u) == 0x80u)
            len--;
    }
    memcpy(buf + *n, s, len);
    *n += len;
    buf[*n] = '\0';
}

static size_t names_after(const quire_dataset *ds, const quire_strings *ids, const char *sep,
                          char *buf, size_t size, size_t n)
{
    for (size_t i = 0; i < ids->count; i++) {
        const char *name = source_name(ds, ids->items[i]);
        int seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = strcmp(source_name(ds, ids->items[j]), name) == 0;
        if (seen)
            continue; /* two articles of one publisher: named once */
        if (i)
            append(buf, size, &n, sep);
        append(buf, size, &n, name);
    }
    return n;
}

size_t source_names(const quire_dataset *ds, const quire_strings *ids, const char *sep,
                    char *buf, size_t size)
{
    if (!size)
        return 0;
    buf[0] = '\0';
    if (!ids || !ids->count)
        return 0;
    return names_after(ds, ids, sep, buf, size, 0);
}

size_t source_line(const quire_dataset *ds, const quire_strings *ids, words_lang lang,
                   char *buf, size_t size)
{
    size_t n = 0;
    if (!size)
        return 0;
    buf[0] = '\0';
    if (!ids || !ids->count)
        return 0;
    append(buf, size, &n, words(lang, WORD_SOURCE_PREFIX));
    return names_after(ds, ids, ", ", buf, size, n);
}

size_t source_line_as_of(const quire_dataset *ds, const quire_strings *ids, const char *as_of,
                         words_lang lang, char *buf, size_t size)
{
    size_t n = source_line(ds, ids, lang, buf, size);
    if (!as_of || !size)
        return n;
    char when[256];
    words_as_of(lang, as_of, when, sizeof when);
    if (n)
        append(buf, size, &n, " · ");
    append(buf, size, &n, when);
    return n;
}
