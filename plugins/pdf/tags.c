/* tags.c — marked content and the structure tree; see tags.h. */
#include "tags.h"

#include "pdf.h"
#include "pdf_objects.h"
#include "tags_tree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* p with room for need items: from first, doubled */
static void *grow(void *p, size_t *cap, size_t need, size_t size, size_t first, int *failed)
{
    if (need <= *cap)
        return p;
    size_t cap2 = *cap ? *cap * 2 : first;
    while (cap2 < need)
        cap2 *= 2;
    void *q = realloc(p, cap2 * size);
    if (!q) {
        *failed = 1;
        return NULL;
    }
    *cap = cap2;
    return q;
}

static int add_kid(struct tags *t, int elem, tag_kid kid)
{
    tag_elem *e = &t->elems[elem];
    tag_kid *k = grow(e->kids, &e->cap_kids, e->n_kids + 1, sizeof *k, 1, &t->failed);
    if (!k)
        return -1;
    e->kids = k;
    e->kids[e->n_kids++] = kid;
    return 0;
}

/* A new element under parent (appended), or -1. */
static int new_elem(struct tags *t, const char *type, int parent)
{
    tag_elem *e = grow(t->elems, &t->cap_elems, t->n_elems + 1, sizeof *e, 256, &t->failed);
    if (!e)
        return -1;
    t->elems = e;
    int i = (int)t->n_elems++;
    t->elems[i] = (tag_elem){.type = type, .parent = parent, .page = -1};
    if (parent >= 0 && add_kid(t, parent, (tag_kid){KID_ELEM, i, -1})) {
        t->n_elems--;
        return -1;
    }
    if (!strcmp(type, "H1"))
        t->seen_h1 = 1;
    return i;
}

int tags_init(pdf_ctx *ctx)
{
    struct tags *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    ctx->tags = t;
    t->loose = -1;
    t->link = t->link_last = -1;
    if (new_elem(t, "Document", -1) != 0)
        return -1;
    return 0;
}

void tags_free(pdf_ctx *ctx)
{
    struct tags *t = ctx->tags;
    if (!t)
        return;
    for (size_t i = 0; i < t->n_elems; i++) {
        free(t->elems[i].kids);
        free(t->elems[i].alt);
        free(t->elems[i].actual);
    }
    for (size_t i = 0; i < t->n_pages; i++)
        free(t->pages[i].owner);
    for (size_t i = 0; i < t->n_levels && i < MAX_LEVELS; i++)
        free(t->levels[i].alt);
    free(t->elems);
    free(t->pages);
    free(t->annots);
    free(t);
    ctx->tags = NULL;
}

static struct tags *active(const pdf_ctx *ctx)
{
    return !ctx->dry && ctx->tags && !ctx->tags->failed ? ctx->tags : NULL;
}

/* ------------------------------------------------------------ the roles */

static const char *role_type(const struct tags *t, int role)
{
    switch (role) {
    case PDF_ROLE_H1: return "H1";
    case PDF_ROLE_H2: return t->seen_h1 ? "H2" : "H1"; /* no level skipped */
    case PDF_ROLE_P: return "P";
    case PDF_ROLE_LIST: return "L";
    case PDF_ROLE_LIST_ITEM: return "LI";
    case PDF_ROLE_TABLE: return "Table";
    case PDF_ROLE_TABLE_HEADER: case PDF_ROLE_TABLE_CELL: return "TR";
    case PDF_ROLE_FIGURE: return "Figure";
    case PDF_ROLE_CAPTION: return "Caption";
    case PDF_ROLE_NOTE: return "Note";
    case PDF_ROLE_TOC: return "TOC";
    case PDF_ROLE_TOC_ITEM: return "TOCI";
    case PDF_ROLE_LINK: return "Link";
    default: return "P";
    }
}

static int is_row(int role)
{
    return role == PDF_ROLE_TABLE_HEADER || role == PDF_ROLE_TABLE_CELL;
}

static int ensure_elem(struct tags *t, size_t i);

/* The element that new children of level i go into (i < 0: the Document). */
static int container_of(struct tags *t, long i)
{
    if (i < 0)
        return 0;
    tag_level *l = &t->levels[i];
    if (l->role == PDF_ROLE_LIST_ITEM) {
        if (ensure_elem(t, (size_t)i) < 0)
            return -1;
        if (l->aux[1] < 0)
            l->aux[1] = new_elem(t, "LBody", l->elem);
        return l->aux[1];
    }
    if (is_row(l->role)) {
        if (ensure_elem(t, (size_t)i) < 0)
            return -1;
        if (l->aux[0] < 0)
            l->aux[0] = new_elem(t, l->role == PDF_ROLE_TABLE_HEADER ? "TH" : "TD", l->elem);
        return l->aux[0];
    }
    return ensure_elem(t, (size_t)i);
}

/* The Table level a row belongs to, or -1. */
static long table_level(const struct tags *t, size_t row)
{
    for (long i = (long)row - 1; i >= 0; i--)
        if (t->levels[i].role == PDF_ROLE_TABLE)
            return i;
    return -1;
}

/* A table's caption, drawn just before it, moves inside it. */
static void adopt_caption(struct tags *t, int parent, int table)
{
    tag_elem *p = &t->elems[parent];
    if (p->n_kids < 2)
        return;
    tag_kid prev = p->kids[p->n_kids - 2];
    if (prev.kind != KID_ELEM || strcmp(t->elems[prev.v].type, "Caption"))
        return;
    p->kids[p->n_kids - 2] = p->kids[p->n_kids - 1];
    p->n_kids--;
    tag_elem *tb = &t->elems[table];
    if (add_kid(t, table, prev))
        return;
    memmove(tb->kids + 1, tb->kids, (tb->n_kids - 1) * sizeof *tb->kids);
    tb->kids[0] = prev;
    t->elems[prev.v].parent = table;
}

static int ensure_elem(struct tags *t, size_t i)
{
    tag_level *l = &t->levels[i];
    if (l->elem >= 0 || l->artifact)
        return l->artifact ? -1 : l->elem;
    int parent;
    if (is_row(l->role)) {
        long tl = table_level(t, i);
        if (tl < 0 || ensure_elem(t, (size_t)tl) < 0)
            return -1;
        tag_level *tab = &t->levels[tl];
        int slot = l->role == PDF_ROLE_TABLE_HEADER ? 0 : 1;
        if (tab->aux[slot] < 0)
            tab->aux[slot] = new_elem(t, slot ? "TBody" : "THead", tab->elem);
        parent = tab->aux[slot];
    } else {
        parent = container_of(t, (long)i - 1);
    }
    if (parent < 0)
        return -1;
    l->elem = new_elem(t, role_type(t, l->role), parent);
    if (l->elem >= 0 && l->role == PDF_ROLE_TABLE)
        adopt_caption(t, parent, l->elem);
    if (l->elem >= 0 && l->alt) {
        t->elems[l->elem].alt = l->alt;
        l->alt = NULL;
    }
    return l->elem;
}

/* Where content of kind drawn now belongs: an element, or -1 (artifact). */
static int target(struct tags *t, int kind)
{
    if (t->n_levels > MAX_LEVELS || (!t->n_levels && kind == TAGS_DECOR))
        return -1;
    if (!t->n_levels) {
        /* text drawn outside any role is read, not hidden: a paragraph */
        if (t->loose < 0)
            t->loose = new_elem(t, "P", 0);
        return t->loose;
    }
    size_t top = t->n_levels - 1;
    tag_level *l = &t->levels[top];
    if (l->artifact)
        return -1;
    if (kind == TAGS_DECOR && l->role != PDF_ROLE_FIGURE)
        return -1;
    switch (l->role) {
    case PDF_ROLE_LIST_ITEM:
        if (kind == TAGS_TEXT) {
            if (ensure_elem(t, top) < 0)
                return -1;
            if (l->aux[0] < 0 && l->aux[1] < 0)
                l->aux[0] = new_elem(t, "Lbl", l->elem);
            if (l->aux[0] >= 0)
                return l->aux[0];
        }
        return container_of(t, (long)top);
    case PDF_ROLE_TABLE_HEADER: case PDF_ROLE_TABLE_CELL:
        return container_of(t, (long)top);
    case PDF_ROLE_TOC:
        /* the contents' title: a heading before the TOC element */
        if (l->aux[0] < 0) {
            int parent = container_of(t, (long)top - 1);
            l->aux[0] = parent < 0 ? -1 : new_elem(t, t->seen_h1 ? "H2" : "H1", parent);
        }
        return l->aux[0];
    case PDF_ROLE_TOC_ITEM:
        if (l->aux[0] < 0) {
            if (ensure_elem(t, top) < 0)
                return -1;
            int ref = new_elem(t, "Reference", l->elem);
            l->aux[0] = ref < 0 ? -1 : new_elem(t, "Link", ref);
        }
        return l->aux[0];
    case PDF_ROLE_LIST: case PDF_ROLE_TABLE:
        return -1; /* only their items and rows carry content */
    default:
        return ensure_elem(t, top);
    }
}

void tags_begin(pdf_ctx *ctx, int role)
{
    struct tags *t = active(ctx);
    if (!t)
        return;
    if (t->n_levels < MAX_LEVELS) {
        int art = role == PDF_ROLE_ARTIFACT ||
                  (t->n_levels && t->levels[t->n_levels - 1].artifact);
        t->levels[t->n_levels] = (tag_level){role, art, -1, {-1, -1}, NULL};
    }
    t->n_levels++;
    t->loose = -1;
}

static void close_open(struct tags *t)
{
    if (t->open && t->open_page)
        pdfo_page_write(t->open_page, "EMC\n");
    t->open = 0;
    t->open_page = NULL;
}

void tags_end(pdf_ctx *ctx)
{
    struct tags *t = active(ctx);
    if (!t || !t->n_levels)
        return;
    close_open(t); /* what was open belongs to this level or one inside it */
    t->n_levels--;
    t->loose = -1;
    if (t->n_levels < MAX_LEVELS) {
        free(t->levels[t->n_levels].alt);
        t->levels[t->n_levels].alt = NULL;
    }
}

void tags_page_close(const pdf_ctx *ctx)
{
    struct tags *t = active(ctx);
    if (t)
        close_open(t);
}

/* The next MCID of page_no for elem. */
static int new_mcid(struct tags *t, int page_no, int elem)
{
    if (page_no < 1)
        return -1;
    size_t p = (size_t)page_no - 1;
    if (p >= t->n_pages) {
        tag_page *pages = realloc(t->pages, (p + 1) * sizeof *pages);
        if (!pages) {
            t->failed = 1;
            return -1;
        }
        memset(pages + t->n_pages, 0, (p + 1 - t->n_pages) * sizeof *pages);
        t->pages = pages;
        t->n_pages = p + 1;
    }
    tag_page *pg = &t->pages[p];
    int *owner = grow(pg->owner, &pg->cap, pg->n + 1, sizeof *owner, 16, &t->failed);
    if (!owner)
        return -1;
    pg->owner = owner;
    int mcid = (int)pg->n;
    pg->owner[pg->n++] = elem;
    if (add_kid(t, elem, (tag_kid){KID_MCID, mcid, (int)p}))
        return -1;
    if (t->elems[elem].page < 0)
        t->elems[elem].page = (int)p;
    return mcid;
}

/* Content drawn next on the page belongs to elem (-1: an artifact). */
static void open_seq(struct tags *t, const pdf_ctx *ctx, int elem)
{
    int want = elem < 0 ? 1 : 2;
    if (t->open == want && t->open_page == ctx->page && (want == 1 || t->open_elem == elem))
        return;
    close_open(t);
    char buf[96];
    if (want == 1) {
        pdfo_page_write(ctx->page, "/Artifact BMC\n");
    } else {
        int mcid = new_mcid(t, ctx->page_no, elem);
        if (mcid < 0)
            return;
        snprintf(buf, sizeof buf, "/%s <</MCID %d>> BDC\n", t->elems[elem].type, mcid);
        pdfo_page_write(ctx->page, buf);
    }
    t->open = want;
    t->open_elem = elem;
    t->open_page = ctx->page;
}

void tags_draw(const pdf_ctx *ctx, int kind)
{
    struct tags *t = active(ctx);
    if (t && ctx->page)
        open_seq(t, ctx, target(t, kind));
}

void tags_link_enter(pdf_ctx *ctx, const void *key, const char *inner)
{
    struct tags *t = active(ctx);
    if (!t || !ctx->page)
        return;
    int parent = target(t, TAGS_GRAPHIC);
    if (parent < 0) {
        open_seq(t, ctx, -1); /* a link inside an artifact is one too */
        return;
    }
    int again = key == t->link_key && parent == t->link_parent && t->link_last >= 0;
    int e = again ? t->link_last /* the same link, on its next line */
                  : new_elem(t, "Link", parent);
    if (e < 0)
        return;
    int text = again ? t->link_text : inner ? new_elem(t, inner, e) : e;
    if (text < 0)
        return;
    t->link = t->link_last = e;
    t->link_text = text;
    t->link_key = key;
    t->link_parent = parent;
    open_seq(t, ctx, text);
}

void tags_link_leave(pdf_ctx *ctx)
{
    struct tags *t = active(ctx);
    if (!t)
        return;
    t->link = -1;
    close_open(t); /* what follows goes back to the link's parent */
}

/* ------------------------------------------------------- what blocks add */

static tag_level *innermost(struct tags *t, int role)
{
    for (size_t i = t->n_levels < MAX_LEVELS ? t->n_levels : MAX_LEVELS; i-- > 0;)
        if (t->levels[i].role == role)
            return &t->levels[i];
    return NULL;
}

void tags_alt(pdf_ctx *ctx, const char *alt)
{
    struct tags *t = active(ctx);
    tag_level *l = t ? innermost(t, PDF_ROLE_FIGURE) : NULL;
    if (!l || !alt || !*alt)
        return;
    char *copy = strdup(alt);
    if (!copy) {
        t->failed = 1;
        return;
    }
    if (l->elem >= 0) {
        free(t->elems[l->elem].alt);
        t->elems[l->elem].alt = copy;
    } else {
        free(l->alt);
        l->alt = copy;
    }
}

void tags_actual(pdf_ctx *ctx, const char *text)
{
    struct tags *t = active(ctx);
    if (!t || !t->n_levels || t->n_levels > MAX_LEVELS || !text || !*text)
        return;
    size_t top = t->n_levels - 1;
    int e = target(t, TAGS_GRAPHIC);
    if (e < 0 || e != t->levels[top].elem)
        return; /* only an element of its own, not a list's body or a cell */
    free(t->elems[e].actual);
    t->elems[e].actual = strdup(text);
    if (!t->elems[e].actual)
        t->failed = 1;
}

void tags_image(pdf_ctx *ctx, const quire_image *im)
{
    struct tags *t = active(ctx);
    if (!t || !t->n_levels || t->n_levels > MAX_LEVELS || !im)
        return;
    tag_level *l = &t->levels[t->n_levels - 1];
    if (l->role != PDF_ROLE_FIGURE || l->artifact)
        return;
    if (im->decorative && l->elem < 0) {
        l->artifact = 1; /* it carries no information */
        return;
    }
    tags_alt(ctx, im->alt && *im->alt ? im->alt : im->caption.plain);
}

void tags_cell(pdf_ctx *ctx, int row_header)
{
    struct tags *t = active(ctx);
    if (!t || !t->n_levels || t->n_levels > MAX_LEVELS)
        return;
    size_t top = t->n_levels - 1;
    tag_level *l = &t->levels[top];
    if (!is_row(l->role) || l->artifact || ensure_elem(t, top) < 0)
        return;
    close_open(t);
    int head = l->role == PDF_ROLE_TABLE_HEADER;
    l->aux[0] = new_elem(t, head || row_header ? "TH" : "TD", l->elem);
    if (l->aux[0] >= 0 && (head || row_header))
        t->elems[l->aux[0]].scope = head ? "Column" : "Row";
}

/* The Link element an annotation made now belongs to. */
static int link_elem(struct tags *t)
{
    size_t n = t->n_levels < MAX_LEVELS ? t->n_levels : MAX_LEVELS;
    if (n && !t->levels[n - 1].artifact && t->levels[n - 1].role == PDF_ROLE_TOC_ITEM)
        return target(t, TAGS_TEXT); /* the entry's own Link */
    if (t->link >= 0)
        return t->link; /* the Link the text of a link is drawn in */
    int parent = n && !t->levels[n - 1].artifact ? target(t, TAGS_GRAPHIC) : 0;
    return new_elem(t, "Link", parent < 0 ? 0 : parent);
}

int tags_link_slot(pdf_ctx *ctx)
{
    struct tags *t = active(ctx);
    return t ? link_elem(t) : -1;
}

void tags_annot_at(pdf_ctx *ctx, int slot, int page_no, HPDF_Annotation annot,
                   const char *contents)
{
    struct tags *t = ctx->tags;
    if (!t || t->failed || !annot)
        return;
    if (contents && *contents)
        embed_text_string(ctx->doc, annot, "Contents", contents);
    if (slot < 0 || (size_t)slot >= t->n_elems)
        return;
    tag_annot *a = grow(t->annots, &t->cap_annots, t->n_annots + 1, sizeof *a, 16, &t->failed);
    if (!a)
        return;
    t->annots = a;
    t->annots[t->n_annots] = (tag_annot){annot, slot, page_no - 1};
    add_kid(t, slot, (tag_kid){KID_OBJR, (int)t->n_annots, page_no - 1});
    t->n_annots++;
}

void tags_annot(pdf_ctx *ctx, HPDF_Annotation annot, const char *contents)
{
    struct tags *t = active(ctx);
    if (t)
        tags_annot_at(ctx, link_elem(t), ctx->page_no, annot, contents);
}

/* ------------------------------------------------------------ the tree */

/* The kid now belongs to elem: its /P, or the parent tree's entry. */
static void adopt(struct tags *t, const tag_kid *kid, int elem)
{
    if (kid->kind == KID_ELEM)
        t->elems[kid->v].parent = elem;
    else if (kid->kind == KID_MCID && kid->page >= 0 && (size_t)kid->page < t->n_pages)
        t->pages[kid->page].owner[kid->v] = elem;
    else if (kid->kind != KID_MCID)
        t->annots[kid->v].elem = elem;
    if (kid->kind == KID_MCID && t->elems[elem].page < 0)
        t->elems[elem].page = kid->page;
}

/* Moves the n kids at src to a new element of type under parent,
 * inserted among parent's kids at pos; returns it, or -1. src is not
 * parent's own kids array (which this grows). */
static int move_kids(struct tags *t, const tag_kid *src, size_t n, const char *type, int parent,
                     size_t pos)
{
    int piece = new_elem(t, type, -1);
    if (piece < 0)
        return -1;
    t->elems[piece].parent = parent;
    tag_elem *p = &t->elems[parent];
    tag_kid *k = grow(p->kids, &p->cap_kids, p->n_kids + 1, sizeof *k, 1, &t->failed);
    if (!k)
        return -1;
    p->kids = k;
    memmove(p->kids + pos + 1, p->kids + pos, (p->n_kids - pos) * sizeof *p->kids);
    p->kids[pos] = (tag_kid){KID_ELEM, piece, -1};
    p->n_kids++;
    tag_elem *e = &t->elems[piece];
    tag_kid *mine = grow(NULL, &e->cap_kids, n, sizeof *mine, n, &t->failed);
    if (!mine)
        return -1;
    e->kids = mine;
    memcpy(e->kids, src, n * sizeof *e->kids);
    e->n_kids = n;
    for (size_t j = 0; j < n; j++)
        adopt(t, &e->kids[j], piece);
    return piece;
}

/* An element with more kids than an array may hold is written in pieces:
 * a table's THead or TBody as further TBody siblings (a table may have
 * several), any other element through intermediate elements, lists in a
 * list, contents (TOC) in a TOC, else Div, each of at most TAGS_MAX_KIDS kids. Runs before the
 * dictionaries are made. */
static int split_wide(struct tags *t)
{
    for (size_t i = 0; i < t->n_elems; i++) {
        while (t->elems[i].n_kids > TAGS_MAX_KIDS) {
            tag_elem *e = &t->elems[i];
            const char *type = e->type;
            int rows = !strcmp(type, "TBody") || !strcmp(type, "THead") || !strcmp(type, "TFoot");
            if (rows && e->parent >= 0) {
                /* the last rows go to a TBody after this one; the rest loops */
                size_t keep = e->n_kids - (e->n_kids - 1) % TAGS_MAX_KIDS - 1, pos = 0;
                const tag_elem *p = &t->elems[e->parent];
                while (pos < p->n_kids && !(p->kids[pos].kind == KID_ELEM && p->kids[pos].v == (int)i))
                    pos++;
                if (move_kids(t, e->kids + keep, e->n_kids - keep, "TBody", e->parent, pos + 1) < 0)
                    return -1;
                t->elems[i].n_kids = keep;
                continue;
            }
            size_t n = e->n_kids, groups = (n + TAGS_MAX_KIDS - 1) / TAGS_MAX_KIDS;
            tag_kid *old = e->kids;
            const char *kind = !strcmp(type, "L") ? "L" : !strcmp(type, "TOC") ? "TOC" : "Div";
            e->kids = NULL, e->n_kids = 0, e->cap_kids = 0;
            for (size_t g = 0; g < groups; g++) {
                size_t from = g * TAGS_MAX_KIDS;
                size_t len = n - from < TAGS_MAX_KIDS ? n - from : TAGS_MAX_KIDS;
                if (move_kids(t, old + from, len, kind, (int)i, t->elems[i].n_kids) < 0) {
                    free(old);
                    return -1;
                }
            }
            free(old);
        }
    }
    return 0;
}

int tags_finish(pdf_ctx *ctx)
{
    struct tags *t = ctx->tags;
    HPDF_Doc doc = ctx->doc;
    if (!t || t->failed) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory while tagging");
        return -1;
    }
    close_open(t);
    if (split_wide(t)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory while tagging");
        return -1;
    }
    /* the StructTreeRoot is written with the tree (tags_write.c) */
    HPDF_Dict mark = pdfo_dict(doc);
    if (!mark) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory while tagging");
        return -1;
    }
    HPDF_STATUS ret = HPDF_OK;
    for (int p = 0; p < ctx->pages && ret == HPDF_OK; p++) {
        HPDF_Dict pg = ctx->pages_made[p];
        if (!pg)
            continue;
        ret |= pdfo_add_int(pg, "StructParents", p);
        ret |= pdfo_add_name(pg, "Tabs", "S");
    }
    for (size_t a = 0; a < t->n_annots && ret == HPDF_OK; a++)
        ret |= pdfo_add_int(t->annots[a].annot, "StructParent", ctx->pages + (long)a);
    ret |= pdfo_add_bool(mark, "Marked", 1);
    ret |= pdfo_add(pdfo_catalog(doc), "MarkInfo", mark);
    if (ret != HPDF_OK) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot write the structure tree (libharu error 0x%04X)",
                 (unsigned)HPDF_GetError(doc));
        return -1;
    }
    return 0;
}
