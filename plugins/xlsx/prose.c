/*
 * prose.c — prose fields in cells. The host's runs become a rich string:
 * strong in bold, emphasis in italics, footnote numbers superscript, web
 * link text underlined in blue. A field in one style is a plain string in
 * that style's format, a field without markup a plain string: no needless
 * rich strings. The first web link (else the first table link) is the
 * cell's hyperlink (a cell holds one); when a field has several links, a
 * comment on the cell lists them all.
 * A link to a table (#id) goes to the table's sheet; other internal links
 * (figures, sections, images, charts) stay text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "xlsx.h"

#define URL_MAX 2079   /* Excel's longest hyperlink */

/* libxlsxwriter 1.1.4 counts a rich string's fragments in a uint8_t: past
 * 254 it never finds the list's end (a hang) or rejects it. */
#define MAX_FRAGMENTS 254

int xlsx_is_web_url(const char *u)
{
    static const char *const schemes[] = {"http://", "https://", "ftp://", "mailto:"};
    /* libxlsxwriter takes "internal:" or "external:" anywhere in a URL for
     * a link into the workbook or to a local file. */
    if (!u || strstr(u, "internal:") || strstr(u, "external:"))
        return 0;
    for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++)
        if (strncasecmp(u, schemes[i], strlen(schemes[i])) == 0)
            return strlen(u) <= URL_MAX;
    return 0;
}

int xlsx_link_room(xlsx_ctx *ctx, lxw_worksheet *ws)
{
    if (ws->hlink_count < LXW_MAX_NUMBER_URLS)
        return 1;
    if (ctx->links_full != ws) {   /* said once a sheet */
        ctx->links_full = ws;
        if (ctx->job->host && ctx->job->host->diag)
            ctx->job->host->diag(ctx->job, QUIRE_WARNING, "xlsx-links",
                                 "sheet '%s': Excel keeps %d links a sheet; further links "
                                 "are written as text", ws->name, LXW_MAX_NUMBER_URLS);
    }
    return 0;
}

/* The cell's own format, which every fragment format repeats (so that a
 * field in one style can take its fragment's format as the cell's). A
 * column's custom format is not repeated: OTHER. */
enum { KIND_PLAIN, KIND_NOTE, KIND_WRAP, KIND_OTHER };

static int cell_kind(const xlsx_ctx *ctx, const lxw_format *cell)
{
    return !cell ? KIND_PLAIN
           : cell == ctx->fmt.note ? KIND_NOTE
           : cell == ctx->fmt.wrap ? KIND_WRAP
                                   : KIND_OTHER;
}

/* Where a run's link goes, in a new string: its web URL, or the sheet of
 * the table it names ("internal:'Sheet'!A1", quotes doubled); NULL when
 * it is no link the workbook can follow. */
static char *link_target(xlsx_ctx *ctx, const quire_run *r)
{
    if (r->target == QUIRE_TARGET_URL && xlsx_is_web_url(r->link)) {
        const char *clean = xlsx_clean_text(ctx, r->link);
        return clean ? strdup(clean) : NULL;
    }
    if (r->target != QUIRE_TARGET_TABLE || !r->link)
        return NULL;
    for (size_t t = 0; t < ctx->ds->n_tables; t++) {
        const char *sheet = ctx->placed[t].sheet;
        if (strcmp(quire_table_at(ctx->ds, t)->id, r->link) != 0 || !sheet[0])
            continue;
        char *out = malloc(strlen("internal:''!A1") + 2 * strlen(sheet) + 1), *o = out;
        if (!out)
            return NULL;
        o += sprintf(o, "internal:'");
        for (const char *c = sheet; *c; c++)
            if ((*o++ = *c) == '\'')
                *o++ = '\'';
        strcpy(o, "'!A1");
        return out;
    }
    return NULL;
}

static unsigned style_of(const quire_run *r, const char *target)
{
    unsigned s = r->flags & (QUIRE_RUN_STRONG | QUIRE_RUN_EMPHASIS);
    if (target)
        s |= XLSX_RUN_LINK;
    if (r->footnote)
        s |= XLSX_RUN_SUPER;
    return s;
}

/* The format of a fragment in style s in a cell of that kind, made once
 * per workbook. Style 0 is the cell's own format. */
static lxw_format *fragment_format(xlsx_ctx *ctx, int kind, unsigned s)
{
    if (kind == KIND_OTHER)
        kind = KIND_PLAIN;
    if (s == 0)
        return kind == KIND_NOTE ? ctx->fmt.note : kind == KIND_WRAP ? ctx->fmt.wrap : NULL;
    lxw_format **slot = &ctx->fmt.run[kind][s];
    if (*slot)
        return *slot;
    lxw_format *f = workbook_add_format(ctx->wb);
    if (!f)
        return NULL;
    if (kind == KIND_NOTE) {
        format_set_italic(f);
        format_set_font_color(f, 0x595959);
    }
    if (kind == KIND_WRAP)
        format_set_text_wrap(f);
    if (s & QUIRE_RUN_STRONG)
        format_set_bold(f);
    if (s & QUIRE_RUN_EMPHASIS)
        format_set_italic(f);
    if (s & XLSX_RUN_LINK) {
        format_set_underline(f, LXW_UNDERLINE_SINGLE);
        format_set_font_color(f, LXW_COLOR_BLUE);
    }
    if (s & XLSX_RUN_SUPER)
        format_set_font_script(f, LXW_FONT_SUPERSCRIPT);
    return *slot = f;
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

/* Appends to *s (a malloc'd string or NULL); -1 when out of memory. */
static int append(char **s, const char *text)
{
    size_t a = *s ? strlen(*s) : 0, b = strlen(text);
    char *joined = realloc(*s, a + b + 1);
    if (!joined)
        return -1;
    memcpy(joined + a, text, b + 1);
    *s = joined;
    return 0;
}

/* Appends text in format f, merged into the previous fragment when it
 * has the same format (Excel would show them the same). Empty text adds
 * nothing: Excel refuses empty fragments. */
static int add_fragment(xlsx_ctx *ctx, fragments *fr, const char *text, lxw_format *f)
{
    if (!text || !text[0])
        return 0;
    const char *clean = xlsx_clean_text(ctx, text);
    if (!clean)
        return -1;
    fr->chars += utf8_strlen(clean);
    if (fr->n && fr->items[fr->n - 1].format == f)
        return append(&fr->items[fr->n - 1].string, clean);
    lxw_rich_string_tuple *items = realloc(fr->items, (fr->n + 1) * sizeof *items);
    if (!items)
        return -1;
    fr->items = items;
    if (!(items[fr->n].string = strdup(clean)))
        return -1;
    items[fr->n++].format = f;
    return 0;
}

/* More fragments than libxlsxwriter takes: the rest joins the last one it
 * can take, in the cell's own format (the text is whole, its styles end). */
static int cap_fragments(fragments *fr, lxw_format *base)
{
    if (fr->n <= MAX_FRAGMENTS)
        return 0;
    lxw_rich_string_tuple *last = &fr->items[MAX_FRAGMENTS - 1];
    for (size_t i = MAX_FRAGMENTS; i < fr->n; i++) {
        if (append(&last->string, fr->items[i].string) < 0)
            return -1;
        free(fr->items[i].string);
        fr->items[i].string = NULL;
    }
    last->format = base;
    fr->n = MAX_FRAGMENTS;
    return 0;
}

/* A rich string needs two fragments: one is split after its first
 * character, both halves in its format. 1 when it is one character. */
static int split_single(fragments *fr)
{
    const char *s = fr->items[0].string, *rest = s;
    utf8_next(&rest);
    if (!*rest)
        return 1;
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

/* The field's text as one string (footnote numbers inline), for a cell
 * that cannot be a rich string. */
static char *joined_text(const fragments *fr)
{
    char *s = strdup("");
    for (size_t i = 0; s && i < fr->n; i++)
        if (append(&s, fr->items[i].string) < 0) {
            free(s);
            return NULL;
        }
    return s;
}

/* The distinct links of a field (web URLs, internal: sheet references),
 * each with its link text. */
typedef struct links {
    struct link { char *url, *text; } *items;
    size_t n;
} links;

static void links_free(links *l)
{
    for (size_t i = 0; i < l->n; i++) {
        free(l->items[i].url);
        free(l->items[i].text);
    }
    free(l->items);
}

/* Adds target (taken: freed here or by links_free) with the run's text;
 * continues: the previous run had the same link. */
static int add_link(links *l, char *target, const quire_run *run, int continues)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i].url, target) == 0) {
            free(target);
            /* the next run of the same link: more of its text */
            return continues && i == l->n - 1 ? append(&l->items[i].text, run->text) : 0;
        }
    struct link *items = realloc(l->items, (l->n + 1) * sizeof *items);
    char *text = items ? strdup(run->text) : NULL;
    if (!text) {
        if (items)
            l->items = items;
        free(target);
        return -1;
    }
    l->items = items;
    items[l->n++] = (struct link){target, text};
    return 0;
}

/* Several links: a comment lists each as "text: URL", one a line. */
static lxw_error links_comment(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                               const links *l)
{
    char *s = strdup("");
    size_t lines = 0;
    for (size_t i = 0; s && i < l->n; i++) {
        const char *url = l->items[i].url;
        if (strncmp(url, "internal:", 9) == 0)
            url += 9;   /* shown as Excel shows a reference: 'Sheet'!A1 */
        const char *text = l->items[i].text[0] ? l->items[i].text : url;
        size_t len = utf8_strlen(text) + 2 + strlen(url);
        if (utf8_strlen(s) + len + 1 > XLSX_STRING_MAX)
            break;
        lines += len / 56 + 1;   /* about 56 characters a line at 360 pixels */
        if ((i && append(&s, "\n") < 0) || append(&s, text) < 0 || append(&s, ": ") < 0 ||
            append(&s, url) < 0) {
            free(s);
            s = NULL;
        }
    }
    const char *clean = s ? xlsx_clean_text(ctx, s) : NULL;
    lxw_comment_options o = {.width = 360,
                             .height = (uint16_t)(lines > 40 ? 600 : 14 * lines + 12)};
    lxw_error e = clean ? worksheet_write_comment_opt(ws, r, c, clean, &o)
                        : LXW_ERROR_MEMORY_MALLOC_FAILED;
    free(s);
    return e;
}

/* Text cut at Excel's cell limit, in a new string. */
static char *cut_copy(const char *s)
{
    const char *end = s;
    for (size_t n = 0; *end && n < XLSX_STRING_MAX; n++)
        utf8_next(&end);
    return strndup(s, (size_t)(end - s));
}

/* The field's text in fr into the cell: a string when it is in one style
 * (in that style's format when the cell's kind allows), else a rich
 * string; plain text, cut, when the rich string would not fit a cell. */
static lxw_error write_fragments(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r,
                                 lxw_col_t c, fragments *fr, lxw_format *cell, int kind)
{
    lxw_format *base = fragment_format(ctx, kind, 0);
    if (fr->n == 0)
        return LXW_NO_ERROR;
    if (fr->n == 1 && (fr->items[0].format == base || kind != KIND_OTHER)) {
        char *cut = cut_copy(fr->items[0].string);
        lxw_format *f = fr->items[0].format == base ? cell : fr->items[0].format;
        lxw_error e = cut ? worksheet_write_string(ws, r, c, cut, f) : LXW_ERROR_MEMORY_MALLOC_FAILED;
        free(cut);
        return e;
    }
    int one_char = fr->n == 1 ? split_single(fr) : 0;
    if (one_char < 0)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_error e = LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED;
    if (!one_char && fr->chars <= XLSX_STRING_MAX) {
        lxw_rich_string_tuple **list = calloc(fr->n + 1, sizeof *list);
        if (!list)
            return LXW_ERROR_MEMORY_MALLOC_FAILED;
        for (size_t i = 0; i < fr->n; i++)
            list[i] = &fr->items[i];
        e = worksheet_write_rich_string(ws, r, c, list, cell);
        free(list);
    }
    if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
        /* its XML (text and fonts) over the limit: the text alone, cut */
        char *s = joined_text(fr);
        e = s ? xlsx_write_text(ctx, ws, r, c, s, cell) : LXW_ERROR_MEMORY_MALLOC_FAILED;
        free(s);
    }
    return e;
}

lxw_error xlsx_write_prose(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t c,
                           const char *prefix, const quire_text *t, const char *plain,
                           lxw_format *cell)
{
    int kind = cell_kind(ctx, cell);
    lxw_format *base = fragment_format(ctx, kind, 0);
    fragments fr = {0};
    links ln = {0};
    int failed = add_fragment(ctx, &fr, prefix, base) != 0;
    const quire_run *prev = NULL;

    if (!t || !t->plain)   /* no runs: the plain text */
        failed = failed || add_fragment(ctx, &fr, plain, base) != 0;
    for (size_t i = 0; t && t->plain && !failed && i < t->n_runs; i++) {
        const quire_run *run = quire_run_at(t, i);
        char *target = link_target(ctx, run);
        unsigned s = style_of(run, target);
        if (target && run->text[0])   /* a link one can see */
            failed = add_link(&ln, target, run, prev && prev->target == run->target &&
                                                    prev->link && strcmp(prev->link, run->link) == 0) != 0;
        else
            free(target);
        lxw_format *f = fragment_format(ctx, kind, s);
        failed = failed || (s && !f) || add_fragment(ctx, &fr, run->text, f) != 0;
        prev = run;
    }
    failed = failed || cap_fragments(&fr, base) != 0;

    lxw_error e = failed ? LXW_ERROR_MEMORY_MALLOC_FAILED : LXW_NO_ERROR;
    /* the cell's hyperlink: its first web link, else its first table */
    const char *url = NULL;
    for (size_t i = 0; !e && i < ln.n && (!url || strncmp(url, "internal:", 9) == 0); i++)
        if (!url || strncmp(ln.items[i].url, "internal:", 9) != 0)
            url = ln.items[i].url;
    if (url && !xlsx_link_room(ctx, ws))
        url = NULL;
    if (!e && url && fr.n == 1 && kind != KIND_OTHER) {
        /* the whole field one link: a hyperlink cell showing its text */
        char *text = cut_copy(fr.items[0].string);
        e = text ? worksheet_write_url_opt(ws, r, c, url, fr.items[0].format, text, NULL)
                 : LXW_ERROR_MEMORY_MALLOC_FAILED;
        free(text);
        if (e && e != LXW_ERROR_MEMORY_MALLOC_FAILED)   /* no room for a link: the text */
            e = write_fragments(ctx, ws, r, c, &fr, cell, kind);
    } else if (!e) {
        /* the hyperlink first: the text written over it keeps it */
        if (url)
            worksheet_write_url_opt(ws, r, c, url, cell, url, NULL);
        e = write_fragments(ctx, ws, r, c, &fr, cell, kind);
    }
    if (!e && ln.n > 1)
        e = links_comment(ctx, ws, r, c, &ln);
    links_free(&ln);
    fragments_free(&fr);
    return e;
}
