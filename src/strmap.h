/* strmap.h — a hash map from borrowed strings to indices, so that checking
 * ids, keys and anchors stays linear however many a file has. */
#ifndef QUIRE_STRMAP_H
#define QUIRE_STRMAP_H

#include <stddef.h>

typedef struct strmap_slot {
    const char *key;   /* borrowed: must outlive the map; NULL when empty */
    size_t value;
} strmap_slot;

typedef struct strmap {
    strmap_slot *slots;
    size_t cap, n;
} strmap;

void strmap_init(strmap *m);
void strmap_free(strmap *m);

/* The value stored for key, or NULL. */
size_t *strmap_get(const strmap *m, const char *key);
/* Stores key -> value, replacing an older value. Returns 0, or -1 when out
 * of memory. */
int strmap_put(strmap *m, const char *key, size_t value);

#endif
