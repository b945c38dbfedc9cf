/*
 * prose.c — prose fields in cells: the host's runs become a rich string
 * (strong in bold, emphasis in italics, footnote numbers superscript, link
 * text in the hyperlink style), and the field's first web link becomes the
 * cell's hyperlink (a cell holds one). Internal links (#id) stay text.
 * A field without markup stays a plain string.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsx.h"

#define URL_MAX 2079   /* Excel's longest hyperlink */

int xlsx_is_web_url(const char *u)
{
    static const char *const schemes[] = {"http://", "https://", "ftp://", "mailto:"};
    for (size_t i = 0; u && i < sizeof schemes / sizeof *schemes; i++)
        if (strncasecmp(u, schemes[i], strlen(schemes[i])) == 0)
            return strlen(u) <= URL_MAX;
    return 0;
}

/* A font-only format for a fragment, made once per workbook: style 0
 * plain, 1 bold, 2 italic, 3 both, 4 superscript, 5 link. In a note
 * (note 1) every fragment keeps the grey italic of notes. */
static lxw_format *fragment_format(xlsx_ctx *ctx, const quire_run *r, int note)
{
    unsigned style = r->footnote ? 4u
                     : r->target == QUIRE_TARGET_URL ? 5u
                                                     : (r->flags & 3u);
    lxw_format **slot = &ctx->fmt.run[note][style];
    if (style == 0)
        return note ? ctx->fmt.note : NULL;   /* the cell's own look */
    if (!*slot) {
        lxw_format *f = workbook_add_format(ctx->wb);
        if (!f)
            return NULL;
        if (note) {
            format_set_italic(f);
            format_set_font_color(f, 0x595959);
        }
        if (style < 4u && (style & 1u))
            format_set_bold(f);
        if (style < 4u && (style & 2u))
            format_set_italic(f);
        if (style == 4u)
            format_set_font_script(f, LXW_FONT_SUPERSCRIPT);
        if (style == 5u) {
            format_set_underline(f, LXW_UNDERLINE_SINGLE);
            format_set_font_color(f, LXW_COLOR_BLUE);
        }
        *slot = f;
    }
    return *slot;
}

typedef struct fragments {
    lxw_rich_string_tuple *items;
    size_t n;
    size_t chars;
} fragments;

static void fragments_free(fragments *fr)
{
    for (size_t i = 0; i < fr->n; i++)
        free(fr->items[i].string);
    free(fr->items);
}

/* Appends text in format f, merged into the previous fragment when it
 * has the same format (Excel would show them the same). */
static int add_fragment(xlsx_ctx *ctx, fragments *fr, const char *text, lxw_format *f)
{
    if (!text || !text[0])
        return 0;   /* libxlsxwriter refuses empty fragments */
    const char *clean = xlsx_clean_text(ctx, text);
    if (!clean)
        return -1;
    fr->chars += xlsx_utf8_len(clean);
    if (fr->n && fr->items[fr->n - 1].format == f) {
        lxw_rich_string_tuple *last = &fr->items[fr->n - 1];
        size_t a = strlen(last->string), b = strlen(clean);
        char *joined = realloc(last->string, a + b + 1);
        if (!joined)
            return -1;
        memcpy(joined + a, clean, b + 1);
        last->string = joined;
        return 0;
    }
    lxw_rich_string_tuple *items = realloc(fr->items, (fr->n + 1) * sizeof *items);
    if (!items)
        return -1;
    fr->items = items;
    if (!(items[fr->n].string = strdup(clean)))
        return -1;
    items[fr->n++].format = f;
    return 0;
}

/* libxlsxwriter wants two fragments or more: one is split after its
 * first character, both halves in its format. */
static int split_single(fragments *fr)
{
    const char *s = fr->items[0].string, *rest = s;
    xlsx_utf8_next(&rest);
    if (!*rest)
        return 1;   /* one character: cannot be split */
    lxw_rich_string_tuple *items = realloc(fr->items, 2 * sizeof *items);
    if (!items)
        return -1;
    fr->items = items;
    items[1].format = items[0].format;
    if (!(items[1].string = strdup(rest)))
        return -1;
    items[0].string[rest - s] = '\0';
    fr->n = 2;
    return 0;
}

lxw_error xlsx_write_prose(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                           const char *prefix, const quire_text *t, const char *plain,
                           lxw_format *cell, int note)
{
    fragments fr = {0};
    const char *url = NULL;
    lxw_format *base = note ? ctx->fmt.note : NULL;
    int failed = add_fragment(ctx, &fr, prefix, base) != 0;
    for (size_t i = 0; t && t->plain && !failed && i < t->n_runs; i++) {
        const quire_run *run = quire_run_at(t, i);
        if (!url && run->target == QUIRE_TARGET_URL && xlsx_is_web_url(run->link))
            url = run->link;
        failed = add_fragment(ctx, &fr, run->text, fragment_format(ctx, run, note)) != 0;
    }
    if (!t || !t->plain) {   /* no runs: the plain text */
        fragments_free(&fr);
        fr = (fragments){0};
        failed = add_fragment(ctx, &fr, prefix, base) != 0 ||
                 add_fragment(ctx, &fr, plain, base) != 0;
    }
    lxw_error e = failed ? LXW_ERROR_MEMORY_MALLOC_FAILED : LXW_NO_ERROR;
    if (!e && url && fr.chars <= XLSX_STRING_MAX) {
        /* the hyperlink first: writing the rich string over it keeps it */
        const char *clean = xlsx_clean_text(ctx, url);
        char *u = clean ? strdup(clean) : NULL;
        if (u && worksheet_write_url_opt(ws, r, c, u, cell, plain, NULL) != LXW_NO_ERROR)
            url = NULL;
        free(u);
    }
    int styled = 0;
    for (size_t i = 0; i < fr.n; i++)
        styled |= fr.items[i].format != base;
    if (!e && fr.n == 1 && styled && split_single(&fr) < 0)
        e = LXW_ERROR_MEMORY_MALLOC_FAILED;
    if (e || fr.n == 0) {
        /* nothing to write, or out of memory */
    } else if (fr.n >= 2 && fr.chars <= XLSX_STRING_MAX) {
        lxw_rich_string_tuple **list = calloc(fr.n + 1, sizeof *list);
        if (!list) {
            e = LXW_ERROR_MEMORY_MALLOC_FAILED;
        } else {
            for (size_t i = 0; i < fr.n; i++)
                list[i] = &fr.items[i];
            e = worksheet_write_rich_string(ws, r, c, list, cell);
            free(list);
        }
    } else {
        /* one plain fragment, or longer than a cell holds: plain text, cut */
        e = xlsx_write_text(ctx, ws, r, c, fr.n == 1 ? fr.items[0].string : plain, cell);
    }
    fragments_free(&fr);
    return e;
}
