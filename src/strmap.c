/* strmap.c — open addressing with linear probing, FNV-1a hashes, grown
 * at half full. */
#include "strmap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void strmap_init(strmap *m)
{
    m->slots = NULL;
    m->cap = m->n = 0;
}

void strmap_free(strmap *m)
{
    free(m->slots);
    strmap_init(m);
}

static size_t hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return (size_t)h;
}

static strmap_slot *find(strmap_slot *slots, size_t cap, const char *key)
{
    size_t i = hash(key) & (cap - 1);
    while (slots[i].key && strcmp(slots[i].key, key) != 0)
        i = (i + 1) & (cap - 1);
    return &slots[i];
}

size_t *strmap_get(const strmap *m, const char *key)
{
    if (!m->cap)
        return NULL;
    strmap_slot *s = find(m->slots, m->cap, key);
    return s->key ? &s->value : NULL;
}

static int grow(strmap *m)
{
    size_t cap = m->cap ? m->cap * 2 : 16;
    strmap_slot *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    for (size_t i = 0; i < m->cap; i++)
        if (m->slots[i].key)
            *find(slots, cap, m->slots[i].key) = m->slots[i];
    free(m->slots);
    m->slots = slots;
    m->cap = cap;
    return 0;
}

int strmap_put(strmap *m, const char *key, size_t value)
{
    if ((m->n + 1) * 2 > m->cap && grow(m) != 0)
        return -1;
    strmap_slot *s = find(m->slots, m->cap, key);
    if (!s->key) {
        s->key = key;
        m->n++;
    }
    s->value = value;
    return 0;
}
