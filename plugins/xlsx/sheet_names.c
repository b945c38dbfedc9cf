/*
 * sheet_names.c — valid, unique worksheet names from table titles.
 *
 * Excel's rules: at most 31 characters (UTF-16 units, so a character
 * outside the BMP counts two), none of []:*?/\, not starting or ending
 * with an apostrophe, unique without regard to case, "History" reserved.
 * A table's `sheet:` (checked by the loader against the same rules) is
 * taken as written; a title too long is cut at a word boundary (issue 19),
 * the sheet's first row holding it whole (table_sheet.c).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "xlsx.h"

#define NAME_UNITS 31

/* Case-folded copy, so that "Data" and "DATA" collide as in Excel. */
static char *fold(const char *s)
{
    locale_t loc = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    char *out = malloc(strlen(s) * 4 + 1), *o = out;

    if (!out)
        goto cleanup;
    while (*s) {
        uint32_t cp = utf8_next(&s);
        if (cp < 0x80)
            cp = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        else if (loc)
            cp = (uint32_t)towlower_l((wint_t)cp, loc);
        o += utf8_encode(cp, o);
    }
    *o = '\0';
cleanup:
    if (loc)
        freelocale(loc);
    return out;
}

/* Names are found through a hash table, and each base remembers which of
 * its numbered suffixes are taken: 5,000 tables of one title made the
 * k-th try k names against every name taken (issue 21: 51 KB of dataset,
 * 44 s). */
static unsigned long tries;   /* xlsx_names_tries() */

unsigned long xlsx_names_tries(void)
{
    return tries;
}

static size_t hash_of(const char *s)
{
    size_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* The index of folded in names, or -1. */
static long names_find(const xlsx_names *names, const char *folded)
{
    if (!names->n_slots)
        return -1;
    for (size_t i = hash_of(folded) & (names->n_slots - 1);; i = (i + 1) & (names->n_slots - 1)) {
        size_t k = names->slots[i];
        if (!k)
            return -1;
        if (strcmp(names->items[k - 1], folded) == 0)
            return (long)(k - 1);
    }
}

static void slot_put(xlsx_names *names, size_t index)
{
    size_t i = hash_of(names->items[index]) & (names->n_slots - 1);
    while (names->slots[i])
        i = (i + 1) & (names->n_slots - 1);
    names->slots[i] = index + 1;
}

void xlsx_names_free(xlsx_names *names)
{
    for (size_t i = 0; i < names->count; i++)
        free(names->items[i]);
    free(names->items);
    free(names->next);
    free(names->slots);
    memset(names, 0, sizeof *names);
}

static quire_status names_add(xlsx_ctx *ctx, char *folded)
{
    xlsx_names *n = &ctx->names;

    if (n->count == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 16;
        char **grown = realloc(n->items, cap * sizeof *grown);
        if (grown)
            n->items = grown;
        unsigned *next = grown ? realloc(n->next, cap * sizeof *next) : NULL;
        if (next)
            n->next = next;
        size_t *slots = next ? calloc(cap * 2, sizeof *slots) : NULL;
        if (!slots) {
            free(folded);
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        }
        free(n->slots);
        n->slots = slots;
        n->n_slots = cap * 2;   /* at most half full */
        n->cap = cap;
        for (size_t i = 0; i < n->count; i++)
            slot_put(n, i);
    }
    n->items[n->count] = folded;
    n->next[n->count] = 2;
    slot_put(n, n->count++);
    return QUIRE_OK;
}

quire_status xlsx_names_reserve(xlsx_ctx *ctx, const char *name)
{
    char *folded = fold(name);
    if (!folded)
        return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
    return names_add(ctx, folded);
}

/* Copies title into out as a valid name of at most max_units UTF-16 units;
 * a title that does not fit is cut at its last space when that keeps at
 * least half of it ("Global cloud infrastructure market share" reads
 * "Global cloud infrastructure", not "Global cloud infrastructure ma"). */
static void sanitize(const char *title, size_t max_units, char *out)
{
    size_t units = 0, len = 0, space = 0;

    /* No apostrophe or blank at either end: Excel refuses the former. */
    while (*title == '\'' || *title == ' ')
        title++;
    while (*title) {
        uint32_t cp = utf8_next(&title);
        size_t w = cp > 0xffff ? 2 : 1;
        if (units + w > max_units) {
            if (space && space * 2 >= len)
                len = space;
            break;
        }
        if (cp == ' ')
            space = len;
        if (cp < 0x20)
            cp = ' ';
        else if (cp < 0x80 && strchr("[]:*?/\\", (int)cp))
            cp = '_';
        len += utf8_encode(cp, out + len);
        units += w;
    }
    out[len] = '\0';
    while (len > 0 && (out[len - 1] == '\'' || out[len - 1] == ' '))
        out[--len] = '\0';
}

quire_status xlsx_names_make(xlsx_ctx *ctx, const char *title, unsigned first_suffix,
                             char out[LXW_MAX_SHEETNAME_LENGTH])
{
    char base[LXW_MAX_SHEETNAME_LENGTH], suffix[24];

    sanitize(title ? title : "", NAME_UNITS, base);
    if (!base[0])
        snprintf(base, sizeof base, "%s", xlsx_label(ctx, XL_SHEET_FALLBACK));
    char *folded_base = fold(base);
    if (!folded_base)
        return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
    long b = names_find(&ctx->names, folded_base);
    free(folded_base);
    unsigned n = first_suffix;
    /* the base taken and its suffixes 2 .. next-1 too: start after them */
    int known = b >= 0 && n <= ctx->names.next[b];
    if (known && n < ctx->names.next[b])
        n = ctx->names.next[b];
    for (;; n++) {
        if (n < 2) {
            strcpy(out, base);
        } else {
            /* Cut the base so that "base (n)" still fits in 31 units. */
            int slen = snprintf(suffix, sizeof suffix, " (%u)", n);
            sanitize(base, NAME_UNITS - (size_t)slen, out);
            strcat(out, suffix);
        }
        char *folded = fold(out);
        tries++;
        if (!folded)
            return xlsx_failf(ctx, QUIRE_ERR_EXPORT, "out of memory");
        if (names_find(&ctx->names, folded) < 0) {
            if (known && n >= 2)
                ctx->names.next[b] = n + 1;
            return names_add(ctx, folded);
        }
        free(folded);
    }
}
