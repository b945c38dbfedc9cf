/* tags_write.c — the structure tree written from tags.c's records, after
 * libharu saved the file (see tags.h, pdf_tail.h).
 *
 * The StructTreeRoot is the first object of ours (the catalog, libharu's,
 * names it through a pdfo_refs); element i is object base + i; the parent
 * tree's root is base + the number of elements, its leaves (when it has
 * some) the next ones. The pages and the link annotations are libharu's
 * objects, referred to by their numbers. */
#include "tags.h"

#include "pdf.h"
#include "pdf_objects.h"
#include "pdf_tail.h"
#include "tags_tree.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>

/* Items of an array a line. */
#define PER_LINE 16

static size_t page_number(const pdf_ctx *ctx, int p)
{
    return p >= 0 && p < ctx->pages ? pdfo_number(ctx->pages_made[p]) : 0;
}

/* s as a literal string of UTF-16BE bytes, written raw: half the size of
 * hex text strings, and Korean alternate texts are long. */
static void write_text(FILE *f, const char *key, const char *s)
{
    fprintf(f, "%s (\376\377", key);
    while (*s) {
        uint32_t cp = utf8_next(&s);
        uint16_t units[2] = {(uint16_t)cp, 0};
        int nu = 1;
        if (cp > 0xFFFF) {
            cp -= 0x10000;
            units[0] = (uint16_t)(0xD800 + (cp >> 10)), units[1] = (uint16_t)(0xDC00 + (cp & 0x3FF));
            nu = 2;
        }
        for (int u = 0; u < nu; u++)
            for (int half = 0; half < 2; half++) {
                unsigned char b = (unsigned char)(half ? units[u] & 0xFF : units[u] >> 8);
                if (b == '(' || b == ')' || b == '\\')
                    fputc('\\', f), fputc(b, f);
                else if (b == '\r')
                    fputs("\\r", f);
                else
                    fputc(b, f);
            }
    }
    fputs(")\n", f);
}

static void write_kid(FILE *f, const pdf_ctx *ctx, const struct tags *t, const tag_elem *e,
                      const tag_kid *kid)
{
    size_t pg = page_number(ctx, kid->page);
    if (kid->kind == KID_ELEM) {
        fprintf(f, "%zu 0 R", t->base + (size_t)kid->v);
    } else if (kid->kind == KID_MCID && kid->page == e->page) {
        fprintf(f, "%d", kid->v);
    } else {
        if (kid->kind == KID_MCID)
            fprintf(f, "<</Type /MCR /MCID %d", kid->v);
        else
            fprintf(f, "<</Type /OBJR /Obj %zu 0 R", pdfo_number(t->annots[kid->v].annot));
        if (pg)
            fprintf(f, " /Pg %zu 0 R", pg);
        fputs(">>", f);
    }
}

static int write_elem(pdf_tail *tail, const pdf_ctx *ctx, const struct tags *t, size_t i)
{
    const tag_elem *e = &t->elems[i];
    FILE *f = tail_object(tail, t->base + i);
    if (!f)
        return -1;
    size_t parent = e->parent < 0 ? t->root : t->base + (size_t)e->parent;
    fprintf(f, "<</S /%s\n/P %zu 0 R\n", e->type, parent);
    size_t pg = page_number(ctx, e->page);
    if (pg)
        fprintf(f, "/Pg %zu 0 R\n", pg);
    /* /Type /StructElem is optional; one MCID needs no array */
    if (e->n_kids == 1 && e->kids[0].kind == KID_MCID && e->kids[0].page == e->page) {
        fprintf(f, "/K %d\n", e->kids[0].v);
    } else {
        fputs("/K [", f);
        for (size_t j = 0; j < e->n_kids; j++) {
            if (j)
                fputc(j % PER_LINE ? ' ' : '\n', f);
            write_kid(f, ctx, t, e, &e->kids[j]);
        }
        fputs("]\n", f);
    }
    if (e->scope)
        fprintf(f, "/A <</O /Table /Scope /%s>>\n", e->scope);
    if (!strcmp(e->type, "Note"))
        fprintf(f, "/ID (note-%zu)\n", i);
    if (e->alt)
        write_text(f, "/Alt", e->alt);
    if (e->actual)
        write_text(f, "/ActualText", e->actual);
    fputs(">>", f);
    tail_end_object(tail);
    return 0;
}

/* Entry key of the parent tree: a page's array of the elements its MCIDs
 * belong to, or an annotation's element. */
static void write_entry(FILE *f, const pdf_ctx *ctx, const struct tags *t, size_t key)
{
    if (key < (size_t)ctx->pages) {
        const tag_page *pg = key < t->n_pages ? &t->pages[key] : NULL;
        fprintf(f, "%zu [", key);
        for (size_t m = 0; pg && m < pg->n; m++)
            fprintf(f, m ? (m % PER_LINE ? " %zu 0 R" : "\n%zu 0 R") : "%zu 0 R",
                    t->base + (size_t)pg->owner[m]);
        fputs("]\n", f);
    } else {
        const tag_annot *an = &t->annots[key - (size_t)ctx->pages];
        fprintf(f, "%zu %zu 0 R\n", key, t->base + (size_t)an->elem);
    }
}

/* The ParentTree: one /Nums, or past TAGS_MAX_KIDS / 2 keys (a long table
 * of links: an annotation each) leaves of that many under /Kids, each
 * with its /Limits. */
static int parent_tree(pdf_tail *tail, const pdf_ctx *ctx, const struct tags *t)
{
    size_t keys = (size_t)ctx->pages + t->n_annots, per_leaf = TAGS_MAX_KIDS / 2;
    size_t num = t->base + t->n_elems;
    FILE *f = tail_object(tail, num);
    if (!f)
        return -1;
    if (keys <= per_leaf) {
        fputs("<</Nums [\n", f);
        for (size_t key = 0; key < keys; key++)
            write_entry(f, ctx, t, key);
        fputs("]>>", f);
        tail_end_object(tail);
        return 0;
    }
    size_t leaves = (keys + per_leaf - 1) / per_leaf;
    fputs("<</Kids [", f);
    for (size_t j = 0; j < leaves; j++)
        fprintf(f, j ? (j % PER_LINE ? " %zu 0 R" : "\n%zu 0 R") : "%zu 0 R", num + 1 + j);
    fputs("]>>", f);
    tail_end_object(tail);
    for (size_t j = 0; j < leaves; j++) {
        size_t from = j * per_leaf, to = from + per_leaf < keys ? from + per_leaf : keys;
        f = tail_object(tail, num + 1 + j);
        if (!f)
            return -1;
        fprintf(f, "<</Limits [%zu %zu]\n/Nums [\n", from, to - 1);
        for (size_t key = from; key < to; key++)
            write_entry(f, ctx, t, key);
        fputs("]>>", f);
        tail_end_object(tail);
    }
    return 0;
}

int tags_number(pdf_ctx *ctx, pdfo_refs *refs, size_t base)
{
    struct tags *t = ctx->tags;
    if (!t)
        return -1;
    t->root = base;
    t->base = base + 1;
    return pdfo_add(pdfo_catalog(ctx->doc), "StructTreeRoot", pdfo_refs_next(refs)) == HPDF_OK
               ? 0
               : -1;
}

/* The root: its kid (the Document element) and the parent tree. */
static int write_root(pdf_tail *tail, const pdf_ctx *ctx, const struct tags *t)
{
    FILE *f = tail_object(tail, t->root);
    if (!f)
        return -1;
    fprintf(f, "<</Type /StructTreeRoot\n/K %zu 0 R\n/ParentTree %zu 0 R\n/ParentTreeNextKey %zu>>",
            t->base, t->base + t->n_elems, (size_t)ctx->pages + t->n_annots);
    tail_end_object(tail);
    return 0;
}

int tags_write(const pdf_ctx *ctx, pdf_tail *tail)
{
    const struct tags *t = ctx->tags;
    if (!t || !t->root || write_root(tail, ctx, t))
        return -1;
    for (size_t i = 0; i < t->n_elems; i++)
        if (write_elem(tail, ctx, t, i))
            return -1;
    return parent_tree(tail, ctx, t);
}
