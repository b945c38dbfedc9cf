/* source_cite.c — names for short source lines that tell sources apart. */
#include "source_cite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHORT_TITLE_CHARS 24

static const char *plain_name(const quire_source *s)
{
    return s->publisher ? s->publisher : s->title ? s->title : s->id;
}

static int same(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) == 0 : a == b;
}

void source_short_title(const char *title, size_t max_chars, char *out, size_t size)
{
    size_t bytes = 0, chars = 0, cut = 0, cut_chars = 0;

    if (size == 0) return;
    out[0] = '\0';
    if (!title) return;
    while (title[bytes] && chars < max_chars) {
        unsigned char c = (unsigned char)title[bytes];
        size_t len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
        for (size_t i = 1; i < len; i++)
            if (!title[bytes + i]) len = i;
        if (title[bytes] == ' ') cut = bytes, cut_chars = chars;
        bytes += len, chars++;
    }
    if (!title[bytes]) {                 /* short enough as it is */
        snprintf(out, size, "%s", title);
        return;
    }
    if (cut && cut_chars * 2 >= max_chars) bytes = cut;
    while (bytes > 0 && title[bytes - 1] == ' ') bytes--;
    snprintf(out, size, "%.*s…", (int)bytes, title);
}

/* Sources other than i with the same publisher (and, with date, the same
 * date; with short, the same short title as well). */
static int ties(const quire_source *src, size_t n, size_t i, int date, const char *shorts)
{
    for (size_t j = 0; j < n; j++) {
        if (j == i || !src[j].publisher || !same(src[j].publisher, src[i].publisher)) continue;
        if (date && !(src[i].date && same(src[j].date, src[i].date))) continue;
        if (shorts && !same(shorts + j * 256, shorts + i * 256)) continue;
        return 1;
    }
    return 0;
}

int source_cite_all(arena *a, quire_source *src, size_t n, const char *language)
{
    char *shorts = n ? calloc(n, 256) : NULL;
    char buf[1024], when[64];
    const char *inferred = language && !strncmp(language, "ko", 2) ? "추정" : "inferred";

    if (n && !shorts) {
        for (size_t i = 0; i < n; i++) src[i].cite = plain_name(&src[i]);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        source_short_title(src[i].title ? src[i].title : src[i].id, SHORT_TITLE_CHARS,
                           shorts + i * 256, 256);
    for (size_t i = 0; i < n; i++) {
        const quire_source *s = &src[i];
        const char *sh = shorts + i * 256;
        src[i].cite = plain_name(s);
        if (!s->publisher || !ties(src, n, i, 0, NULL)) continue;
        int dated = s->date != NULL;
        snprintf(when, sizeof when, "%s%s%s", dated ? s->date : "",
                 dated && s->date_inferred ? " " : "", dated && s->date_inferred ? inferred : "");
        if (dated && !ties(src, n, i, 1, NULL))
            snprintf(buf, sizeof buf, "%s (%s)", s->publisher, when);
        else if (!ties(src, n, i, dated, shorts))
            snprintf(buf, sizeof buf, dated ? "%s (%s, %s)" : "%s (%s%s)", s->publisher,
                     dated ? when : sh, dated ? sh : "");
        else   /* publisher, date and short title all tie: the id decides */
            snprintf(buf, sizeof buf, dated ? "%s (%s, %s, %s)" : "%s (%s, %s%s)", s->publisher,
                     dated ? when : sh, dated ? sh : s->id, dated ? s->id : "");
        char *c = arena_strdup(a, buf);
        if (!c) {
            free(shorts);
            return -1;
        }
        src[i].cite = c;
    }
    free(shorts);
    return 0;
}
