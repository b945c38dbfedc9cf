/* ids.c — element ids, each written once: a table, section or image that
 * the template shows twice gets its id (the target of links) the first
 * time only, so that the document never holds a duplicate id. And the
 * targets: the ids the page will hold, known before it is written, so
 * that a link to something the template does not show is left out. */
#include "html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t fnv1a(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

static int grow(html_ids *ids)
{
    size_t cap = ids->cap ? ids->cap * 2 : 256;
    char **slot = calloc(cap, sizeof *slot);
    if (!slot)
        return -1;
    for (size_t i = 0; i < ids->cap; i++)
        if (ids->slot[i]) {
            size_t j = fnv1a(ids->slot[i]) & (cap - 1);
            while (slot[j])
                j = (j + 1) & (cap - 1);
            slot[j] = ids->slot[i];
        }
    free(ids->slot);
    ids->slot = slot;
    ids->cap = cap;
    return 0;
}

int ids_has(const html_ids *ids, const char *s)
{
    if (!ids->cap)
        return 0;
    for (size_t j = fnv1a(s) & (ids->cap - 1); ids->slot[j]; j = (j + 1) & (ids->cap - 1))
        if (!strcmp(ids->slot[j], s))
            return 1;
    return 0;
}

int ids_add(html_ids *ids, const char *s)
{
    if ((ids->n + 1) * 2 > ids->cap && grow(ids))
        return -1;
    size_t j = fnv1a(s) & (ids->cap - 1);
    for (; ids->slot[j]; j = (j + 1) & (ids->cap - 1))
        if (!strcmp(ids->slot[j], s))
            return 0;
    if (!(ids->slot[j] = strdup(s)))
        return -1;
    ids->n++;
    return 1;
}

int ids_claim(html_doc *d, const char *kind, const char *id, char *out, size_t size)
{
    out[0] = '\0';
    if (!id || !*id)
        return 0;
    snprintf(out, size, "%s-%s", kind, id);
    int added = ids_add(&d->ids, out);
    if (added < 0)
        html_fail(d, QUIRE_ERR_EXPORT, "out of memory");
    if (added <= 0)
        out[0] = '\0';
    return added > 0;
}

void ids_free(html_ids *ids)
{
    for (size_t i = 0; i < ids->cap; i++)
        free(ids->slot[i]);
    free(ids->slot);
    *ids = (html_ids){0};
}

static int target_add(html_doc *d, const char *kind, const char *id)
{
    char anchor[512];
    if (!id || !*id)
        return 0;
    snprintf(anchor, sizeof anchor, "%s-%s", kind, id);
    return ids_add(&d->targets, anchor) < 0 ? -1 : 0;
}

int targets_collect(html_doc *d)
{
    int bad = 0;
    for (size_t i = 0; i < d->tp->n_blocks; i++) {
        const quire_block *b = quire_block_at(d->tp, i);
        switch (b->kind) {
        case QUIRE_BLOCK_FIGURES:
            for (size_t k = 0; k < b->n_figures; k++)
                bad |= target_add(d, "figure", b->figures[k]->id);
            break;
        case QUIRE_BLOCK_SECTION:
            bad |= b->section ? target_add(d, "section", b->section->id) : 0;
            break;
        case QUIRE_BLOCK_TABLE:
            bad |= b->table ? target_add(d, "table", b->table->id) : 0;
            break;
        case QUIRE_BLOCK_CHART:
            bad |= b->chart.table ? target_add(d, "chart", b->chart.id) : 0;
            break;
        case QUIRE_BLOCK_IMAGE:
            bad |= b->image ? target_add(d, "image", b->image->id) : 0;
            break;
        default:
            break;
        }
    }
    return bad;
}
