/* page_links.c — bookmarks, link targets and link annotations.
 *
 * The first pass records where every target lies (page, height); the
 * second makes URI links at once and internal links once every page
 * exists, since a link may point forward. */
#include "pdf.h"
#include "tags.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>

/* The destinations are found by id through an open-addressed index of
 * slots (a destination's number + 1; 0 is empty), twice as many as the
 * array holds: a search a destination, so a document of 30,000 sections
 * stays linear. The hash is seeded per document from the system's random
 * source, so that ids chosen to collide cannot bring the search back
 * (the slots' order shows nowhere in the output). */
static size_t id_hash(const pdf_ctx *ctx, const char *id)
{
    size_t h = 14695981039346656037u ^ ctx->dest_seed; /* FNV-1a, seeded */
    for (const unsigned char *p = (const unsigned char *)id; *p; p++)
        h = (h ^ *p) * 1099511628211u;
    return h;
}

static size_t slot_of(const pdf_ctx *ctx, const char *id)
{
    size_t mask = ctx->n_dest_slots - 1, at = id_hash(ctx, id) & mask;
    while (ctx->dest_slots[at] && strcmp(ctx->dests[ctx->dest_slots[at] - 1].id, id))
        at = (at + 1) & mask;
    return at;
}

static int grow_dests(pdf_ctx *ctx)
{
    size_t cap = ctx->cap_dests ? ctx->cap_dests * 2 : 32;
    pdf_dest *d = realloc(ctx->dests, cap * sizeof *d);
    if (d)
        ctx->dests = d;
    if (!ctx->cap_dests && getrandom(&ctx->dest_seed, sizeof ctx->dest_seed, 0) < 0)
        ctx->dest_seed = (size_t)time(NULL); /* no random source: still unknown to a dataset */
    uint32_t *slots = calloc(2 * cap, sizeof *slots);
    if (!d || !slots || cap > UINT32_MAX / 2) {
        free(slots);
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return -1;
    }
    free(ctx->dest_slots);
    ctx->dest_slots = slots;
    ctx->n_dest_slots = 2 * cap;
    ctx->cap_dests = cap;
    for (size_t i = 0; i < ctx->n_dests; i++)
        ctx->dest_slots[slot_of(ctx, ctx->dests[i].id)] = (uint32_t)i + 1;
    return 0;
}

void links_dest(pdf_ctx *ctx, const char *id, double y)
{
    if (!id || !ctx->dry || links_find(ctx, id))
        return;
    if (ctx->n_dests == ctx->cap_dests && grow_dests(ctx))
        return;
    ctx->dests[ctx->n_dests++] = (pdf_dest){id, ctx->page_no, y};
    ctx->dest_slots[slot_of(ctx, id)] = (uint32_t)ctx->n_dests;
}

const pdf_dest *links_find(const pdf_ctx *ctx, const char *id)
{
    if (!id || !ctx->n_dests)
        return NULL;
    uint32_t at = ctx->dest_slots[slot_of(ctx, id)];
    return at ? &ctx->dests[at - 1] : NULL;
}

void links_forget(pdf_ctx *ctx)
{
    ctx->n_dests = 0;
    if (ctx->dest_slots)
        memset(ctx->dest_slots, 0, ctx->n_dest_slots * sizeof *ctx->dest_slots);
}

static void no_border(HPDF_Annotation a)
{
    if (a)
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

void links_uri(pdf_ctx *ctx, const char *url, double x0, double y0, double x1, double y1)
{
    if (ctx->dry || !ctx->page || !url)
        return;
    HPDF_Rect rect = {(HPDF_REAL)x0, (HPDF_REAL)y0, (HPDF_REAL)x1, (HPDF_REAL)y1};
    HPDF_Annotation a = HPDF_Page_CreateURILinkAnnot(ctx->page, rect, url);
    no_border(a);
    tags_annot(ctx, a, url);
}

void links_goto(pdf_ctx *ctx, int to_page, double to_y, double x0, double y0, double x1,
                double y1)
{
    if (ctx->dry || !ctx->page || to_page < 1)
        return;
    if (ctx->n_golinks == ctx->cap_golinks) {
        size_t cap = ctx->cap_golinks ? ctx->cap_golinks * 2 : 32;
        pdf_golink *g = realloc(ctx->golinks, cap * sizeof *g);
        if (!g) {
            pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
            return;
        }
        ctx->golinks = g;
        ctx->cap_golinks = cap;
    }
    ctx->golinks[ctx->n_golinks++] =
        (pdf_golink){ctx->page_no, x0, y0, x1, y1, to_page, to_y, tags_link_slot(ctx)};
}

/* An internal link whose target the first pass did not find is drawn as
 * plain text: no annotation, no Link element. A footnote reference links
 * to its note. */
static const pdf_dest *target_of(const pdf_ctx *ctx, const text_span *link)
{
    const char *id = link->link;
    if (link->footnote) {
        const quire_footnote *f = quire_find_footnote(ctx->ds, link->footnote);
        id = f ? f->id : NULL;
    }
    const pdf_dest *d = links_find(ctx, id);
    return d && d->page >= 1 ? d : NULL;
}

static int resolves(const pdf_ctx *ctx, const text_span *link)
{
    return link && (link->footnote || link->internal ? target_of(ctx, link) != NULL
                                                     : link->link != NULL);
}

static void on_enter(void *data, const text_span *link)
{
    pdf_ctx *ctx = data;
    if (resolves(ctx, link)) /* a footnote reference: Link › Reference */
        tags_link_enter(ctx, link, link->footnote ? "Reference" : NULL);
    else
        tags_draw(ctx, TAGS_GRAPHIC);
}

static void on_leave(void *data, const text_span *link, double x0, double y0, double x1,
                     double y1)
{
    pdf_ctx *ctx = data;
    if (!resolves(ctx, link))
        return;
    if (x1 > x0 && !link->internal && !link->footnote) {
        links_uri(ctx, link->link, x0, y0, x1, y1);
    } else if (x1 > x0) {
        const pdf_dest *d = target_of(ctx, link);
        links_goto(ctx, d->page, d->y, x0, y0, x1, y1);
    }
    tags_link_leave(ctx);
}

text_marks links_marks(pdf_ctx *ctx)
{
    return (text_marks){on_enter, on_leave, ctx};
}

static HPDF_Destination dest_at(pdf_ctx *ctx, int page, double y)
{
    if (page < 1 || page > ctx->pages || !ctx->pages_made[page - 1])
        return NULL;
    HPDF_Destination d = HPDF_Page_CreateDestination(ctx->pages_made[page - 1]);
    if (d)
        HPDF_Destination_SetFitH(d, (HPDF_REAL)(y + 6));
    return d;
}

void links_toc_mark(pdf_ctx *ctx, const char *text, int level, double y)
{
    if (ctx->next_toc >= ctx->n_toc)
        return;
    pdf_toc *t = &ctx->toc[ctx->next_toc++];
    if (ctx->dry) {
        t->page = ctx->page_no;
        t->y = y;
        return;
    }
    HPDF_Outline parent = level > 0 && ctx->outline ? ctx->outline : NULL;
    HPDF_Outline o = HPDF_CreateOutline(ctx->doc, parent, "", NULL);
    /* the title as UTF-16 of our own: libharu's encoder stops at U+FFFF */
    if (!o || embed_text_string(ctx->doc, o, "Title", text))
        return;
    HPDF_Destination dst = HPDF_Page_CreateDestination(ctx->page);
    if (dst) {
        HPDF_Destination_SetFitH(dst, (HPDF_REAL)(y + 6));
        HPDF_Outline_SetDestination(o, dst);
    }
    HPDF_Outline_SetOpened(o, HPDF_TRUE);
    if (level == 0)
        ctx->outline = o;
}

void links_finish(pdf_ctx *ctx)
{
    for (size_t i = 0; i < ctx->n_golinks; i++) {
        const pdf_golink *g = &ctx->golinks[i];
        HPDF_Destination d = dest_at(ctx, g->to_page, g->to_y);
        if (!d || g->page < 1 || g->page > ctx->pages || !ctx->pages_made[g->page - 1])
            continue;
        HPDF_Rect rect = {(HPDF_REAL)g->x0, (HPDF_REAL)g->y0, (HPDF_REAL)g->x1,
                          (HPDF_REAL)g->y1};
        HPDF_Annotation a = HPDF_Page_CreateLinkAnnot(ctx->pages_made[g->page - 1], rect, d);
        no_border(a);
        char what[64];
        snprintf(what, sizeof what, ctx->korean ? "%d쪽으로 이동" : "Go to page %d", g->to_page);
        tags_annot_at(ctx, g->tag, g->page, a, what);
    }
}

void links_free(pdf_ctx *ctx)
{
    free(ctx->dests);
    free(ctx->dest_slots);
    free(ctx->golinks);
    ctx->dests = NULL;
    ctx->dest_slots = NULL;
    ctx->golinks = NULL;
}
