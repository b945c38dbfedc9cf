/* arena.h — a bump allocator of big chunks: one malloc per megabyte of
 * strings instead of one per cell, all freed at once. */
#ifndef QUIRE_ARENA_H
#define QUIRE_ARENA_H

#include <stddef.h>

typedef struct arena_chunk arena_chunk;

typedef struct arena {
    arena_chunk *head;  /* newest chunk first */
    char *next;         /* free space in head */
    size_t left;
} arena;

void arena_init(arena *a);
/* Frees every chunk; accepts an arena never used. */
void arena_free(arena *a);

/* size bytes aligned for any scalar type, or NULL when out of memory. */
void *arena_alloc(arena *a, size_t size);
/* A NUL-terminated copy of the len bytes at s. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
/* A bigger copy of an array built in the arena (the old one stays, unused):
 * used for the few small lists of a dataset, which grow by doubling. */
void *arena_grow(arena *a, const void *old, size_t old_size, size_t new_size);

#endif
