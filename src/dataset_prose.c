/* dataset_prose.c — prose fields: inline markup parsed at the scalar (its
 * position for errors), internal links and footnote references resolved
 * once the whole file is read (targets may come later in the file).
 *
 * Choices where SPEC.md is silent:
 *  - Footnotes are numbered in the order of first reference in the file;
 *    binding the template renumbers them as the document shows them.
 *  - An internal link `[text](#id)` names an id of a table, figure,
 *    section, image or footnote; when two kinds share an id, the first of
 *    that list wins (ids are unique within a kind only).
 *  - A markup error is reported at the scalar, with the character where
 *    it starts. Markup cells of a `markup: true` column are parsed once
 *    the table is read; their errors name the row. */
#include "dataset_build.h"

#include "markup.h"

#include <string.h>

/* Internal links and footnote references, kept until every id is known. */
typedef struct pending_link {
    quire_run *run;
    ds_mark at;
} pending_link;

typedef struct pending_note {
    const char *id;
    ds_mark at;
} pending_note;

/* The resolver while a file is read: any id is provisionally fine. */
static quire_target defer_target(void *ctx, const char *id)
{
    return QUIRE_TARGET_SECTION;
}

/* The number of footnote id: the next one on its first reference. */
static int defer_footnote(void *ctx, const char *id)
{
    loader *ld = ctx;
    size_t *seen = strmap_get(&ld->note_refs.index, id);
    if (seen)
        return (int)*seen + 1;
    const char *copy = arena_strdup(ld->a, id);
    pending_note *p = copy ? load_push(ld, &ld->pending_notes, sizeof *p) : NULL;
    if (!p)
        return 0;
    *p = (pending_note){copy, ld->prose_at};
    idset_add(ld, &ld->note_refs, copy, ld->prose_at);
    return (int)ld->note_refs.refs.n;
}

/* Characters (not bytes) before offset, for the column of an error. */
static size_t chars_before(const char *s, size_t offset)
{
    size_t n = 0;
    for (size_t i = 0; i < offset; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

static void record_links(loader *ld, quire_text *t, ds_mark at)
{
    for (size_t i = 0; i < t->n_runs; i++) {
        quire_run *r = (quire_run *)&t->runs[i];
        if (r->target == QUIRE_TARGET_NONE || r->target == QUIRE_TARGET_URL)
            continue;
        pending_link *p = load_push(ld, &ld->pending_links, sizeof *p);
        if (p)
            *p = (pending_link){r, at};
    }
}

int load_markup(loader *ld, const char *s, size_t len, ds_mark at, int at_scalar,
                const char *where, quire_text *out)
{
    markup_resolver r = {defer_target, defer_footnote, ld};
    markup_error err;
    ld->prose_at = at;
    if (markup_parse(ld->a, s, len, &r, out, &err) != 0) {
        if (strcmp(err.message, "out of memory") == 0) {
            diag_out_of_memory(ld->d, ld->path, at.line, at.col);
            ld->fatal = 1;
            return 0;
        }
        /* at the character itself when the scalar can be followed there */
        long line, col;
        if (at_scalar && yev_locate(ld->ds->view.file_data, ld->ds->view.file_size, at.line,
                                    at.col, s, err.offset, &line, &col))
            diag_error(ld->d, ld->path, line, col, "%s%s%s", where ? where : "",
                       where ? ": " : "", err.message);
        else
            diag_error(ld->d, ld->path, at.line, at.col, "%s%s%s (at character %zu)",
                       where ? where : "", where ? ": " : "", err.message,
                       chars_before(s, err.offset) + 1);
        return 0;
    }
    record_links(ld, out, at);
    return 1;
}

int load_prose(loader *ld, const yev *ev, const char *key, quire_text *out)
{
    const char *s = NULL;
    if (!load_string(ld, ev, key, &s))
        return 0;
    if (!s) {
        *out = (quire_text){0};
        return 1;
    }
    return load_markup(ld, s, strlen(s), (ds_mark){ev->line, ev->col}, 1, NULL, out);
}

/* One entry of a summary or body: a paragraph, or a list of items. */
static void prose_entry(loader *ld, const yev *ev, const char *key, ds_list *paras)
{
    quire_para para = {QUIRE_PARA_TEXT, {0}, NULL, 0, sizeof(quire_text)};
    if (ev->kind == YEV_SEQ_START) {
        ds_list items = {0};
        yev item;
        para.kind = QUIRE_PARA_LIST;
        while (load_next(ld, &item) && item.kind != YEV_SEQ_END) {
            quire_text t;
            if (item.kind != YEV_SCALAR) {
                load_error(ld, &item, "an item of a list in '%s' must be a string, not %s",
                           key, load_kind_name(&item));
                load_skip(ld, &item);
                continue;
            }
            if (!load_prose(ld, &item, key, &t))
                continue;
            if (!t.plain) {  /* a null item: the list's plain text needs a string */
                load_error(ld, &item, "an item of a list in '%s' must be a string, not null",
                           key);
                continue;
            }
            quire_text *slot = load_push(ld, &items, sizeof t);
            if (slot)
                *slot = t;
        }
        para.items = items.items;
        para.n_items = items.n;
        /* The plain text of a list: its items, one per line. */
        size_t len = 0;
        for (size_t i = 0; i < items.n; i++)
            len += strlen(para.items[i].plain) + 1;
        char *plain = arena_alloc(ld->a, len + 1), *p = plain;
        for (size_t i = 0; plain && i < items.n; i++) {
            size_t n = strlen(para.items[i].plain);
            memcpy(p, para.items[i].plain, n);
            p += n;
            *p++ = i + 1 < items.n ? '\n' : '\0';
        }
        if (plain && p == plain)
            *p = '\0';
        para.text.plain = plain;
    } else if (!load_prose(ld, ev, key, &para.text) || !para.text.plain) {
        return;
    }
    quire_para *slot = load_push(ld, paras, sizeof *slot);
    if (slot)
        *slot = para;
}

int load_prose_list(loader *ld, const yev *ev, const char *key, quire_strings *plain,
                    quire_prose *out)
{
    ds_list paras = {0};
    yev item;
    *out = (quire_prose){NULL, 0, sizeof(quire_para)};
    *plain = (quire_strings){0};
    if (ev->kind == YEV_SCALAR) {
        prose_entry(ld, ev, key, &paras);
    } else if (ev->kind == YEV_SEQ_START) {
        while (load_next(ld, &item) && item.kind != YEV_SEQ_END)
            prose_entry(ld, &item, key, &paras);
    } else {
        load_error(ld, ev, "'%s' expects a string or a list of paragraphs, not %s", key,
                   load_kind_name(ev));
        load_skip(ld, ev);
        return 0;
    }
    out->paras = paras.items;
    out->n_paras = paras.n;
    const char **texts = arena_alloc(ld->a, (paras.n ? paras.n : 1) * sizeof *texts);
    if (!texts)
        return 0;
    for (size_t i = 0; i < paras.n; i++)
        texts[i] = out->paras[i].text.plain;
    *plain = (quire_strings){texts, paras.n};
    return 1;
}

/* What kind of thing id names, or NONE. */
static quire_target target_of(loader *ld, const char *id)
{
    struct { ds_idset *ids; quire_target kind; } kinds[] = {
        {&ld->table_ids, QUIRE_TARGET_TABLE}, {&ld->figure_ids, QUIRE_TARGET_FIGURE},
        {&ld->section_ids, QUIRE_TARGET_SECTION}, {&ld->image_ids, QUIRE_TARGET_IMAGE},
        {&ld->footnote_ids, QUIRE_TARGET_FOOTNOTE}};
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strmap_get(&kinds[i].ids->index, id))
            return kinds[i].kind;
    return QUIRE_TARGET_NONE;
}

void dataset_prose_finish(loader *ld)
{
    const pending_link *links = ld->pending_links.items;
    ds_list chart_links = {0};
    for (size_t i = 0; i < ld->pending_links.n; i++) {
        quire_target k = target_of(ld, links[i].run->link);
        if (k == QUIRE_TARGET_NONE) {
            /* a chart's id: the template says (template_bind.c) */
            ds_ref *c = load_push(ld, &chart_links, sizeof *c);
            if (c)
                *c = (ds_ref){links[i].run->link, links[i].at};
            k = QUIRE_TARGET_CHART;
        }
        links[i].run->target = k;
    }
    ld->ds->chart_links = chart_links.items;
    ld->ds->n_chart_links = chart_links.n;
    const pending_note *notes = ld->pending_notes.items;
    for (size_t i = 0; i < ld->pending_notes.n; i++)
        if (!strmap_get(&ld->footnote_ids.index, notes[i].id))
            diag_error(ld->d, ld->path, notes[i].at.line, notes[i].at.col,
                       "unknown footnote '%s' (footnotes: has no such id)", notes[i].id);
    /* Numbers follow the first references in the file; a footnote never
     * referenced keeps 0. Binding the template renumbers them in the order
     * the document shows them, and warns about those nothing references
     * (footnote_order.c): a chart's note may be the one reference. */
    quire_footnote *fn = ld->footnotes.items;
    for (size_t i = 0; i < ld->footnotes.n; i++) {
        if (!fn[i].id)
            continue;  /* its missing or bad id is reported already */
        size_t *first = strmap_get(&ld->note_refs.index, fn[i].id);
        fn[i].number = first ? (int)*first + 1 : 0;
    }
}
