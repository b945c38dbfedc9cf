/* source_cite.c — names for short source lines that tell sources apart. */
#define _GNU_SOURCE   /* qsort_r */
#include "source_cite.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SHORT_TITLE_CHARS 24

static const char *plain_name(const quire_source *s)
{
    return s->publisher ? s->publisher : s->title ? s->title : s->id;
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

/* Which sources tie with which is counted by sorting, not by comparing
 * every pair (issue 21: 5 MB of sources took minutes): the sources are
 * sorted by a key (publisher, then the date and the short title when the
 * key has them) and each run of equal keys is one group. */
enum { KEY_DATE = 1, KEY_SHORT = 2 };

typedef struct cite_sort {
    const quire_source *src;
    const char *shorts;
    int key;
} cite_sort;

static unsigned long cite_compares;   /* source_cite_compares() */

static int cmp_str(const char *a, const char *b)
{
    return a && b ? strcmp(a, b) : (a != NULL) - (b != NULL);
}

/* Compares the keys of sources a and b (without the tie-break). */
static int key_cmp(const cite_sort *cs, size_t a, size_t b)
{
    int c = cmp_str(cs->src[a].publisher, cs->src[b].publisher);
    cite_compares++;
    if (!c && (cs->key & KEY_DATE))
        c = cmp_str(cs->src[a].date, cs->src[b].date);
    if (!c && (cs->key & KEY_SHORT))
        c = strcmp(cs->shorts + a * 256, cs->shorts + b * 256);
    return c;
}

static int cmp_order(const void *pa, const void *pb, void *arg)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    int c = key_cmp(arg, a, b);
    return c ? c : (a > b) - (a < b);
}

/* tied[i] = 1 when a source other than i with a publisher has i's key
 * (publisher, and the date and short title as key asks); a source without
 * a publisher, or without a date when the key has it, ties with none. */
static void mark_ties(const quire_source *src, size_t n, const char *shorts, int key,
                      size_t *order, char *tied)
{
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        tied[i] = 0;
        if (src[i].publisher && (!(key & KEY_DATE) || src[i].date))
            order[m++] = i;
    }
    cite_sort cs = {src, shorts, key};
    if (m > 1)
        qsort_r(order, m, sizeof *order, cmp_order, &cs);
    for (size_t g = 0; g < m;) {
        size_t e = g + 1;
        while (e < m && key_cmp(&cs, order[g], order[e]) == 0)
            e++;
        for (size_t k = g; e - g > 1 && k < e; k++)
            tied[order[k]] = 1;
        g = e;
    }
}

unsigned long source_cite_compares(void)
{
    return cite_compares;
}

int source_cite_all(arena *a, quire_source *src, size_t n, const char *language)
{
    char *shorts = n ? calloc(n, 256) : NULL;
    size_t *order = n ? calloc(n, sizeof *order) : NULL;
    char *tied = n ? calloc(n, 4) : NULL;   /* four marks per source */
    char buf[1024], when[64];
    const char *inferred = language && !strncmp(language, "ko", 2) ? "추정" : "inferred";
    int rc = 0;

    if (n && (!shorts || !order || !tied)) {
        for (size_t i = 0; i < n; i++) src[i].cite = plain_name(&src[i]);
        rc = -1;
        goto done;
    }
    if (n == 0)
        goto done;   /* tied is NULL: no offsets from it (clang's UBSan) */
    for (size_t i = 0; i < n; i++)
        source_short_title(src[i].title ? src[i].title : src[i].id, SHORT_TITLE_CHARS,
                           shorts + i * 256, 256);
    char *by_pub = tied, *by_date = tied + n, *by_short = tied + 2 * n, *by_all = tied + 3 * n;
    mark_ties(src, n, shorts, 0, order, by_pub);
    mark_ties(src, n, shorts, KEY_DATE, order, by_date);
    mark_ties(src, n, shorts, KEY_SHORT, order, by_short);
    mark_ties(src, n, shorts, KEY_DATE | KEY_SHORT, order, by_all);
    for (size_t i = 0; i < n; i++) {
        const quire_source *s = &src[i];
        const char *sh = shorts + i * 256;
        src[i].cite = plain_name(s);
        if (!s->publisher || !by_pub[i]) continue;
        int dated = s->date != NULL;
        snprintf(when, sizeof when, "%s%s%s", dated ? s->date : "",
                 dated && s->date_inferred ? " " : "", dated && s->date_inferred ? inferred : "");
        if (dated && !by_date[i])
            snprintf(buf, sizeof buf, "%s (%s)", s->publisher, when);
        else if (!(dated ? by_all[i] : by_short[i]))
            snprintf(buf, sizeof buf, dated ? "%s (%s, %s)" : "%s (%s%s)", s->publisher,
                     dated ? when : sh, dated ? sh : "");
        else   /* publisher, date and short title all tie: the id decides */
            snprintf(buf, sizeof buf, dated ? "%s (%s, %s, %s)" : "%s (%s, %s%s)", s->publisher,
                     dated ? when : sh, dated ? sh : s->id, dated ? s->id : "");
        char *c = arena_strdup(a, buf);
        if (!c) {
            rc = -1;
            break;
        }
        src[i].cite = c;
    }
done:
    free(tied);
    free(order);
    free(shorts);
    return rc;
}
