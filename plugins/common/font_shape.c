/* font_shape.c — hb_shape over one run, with the buffer and the runs
 * already shaped kept per thread. */
#include "font_shape.h"

#include <hb.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Runs shaped before, per thread: a document measures the same words
 * again and again while it breaks lines, then shapes them once more to
 * draw them, and the next document of a batch uses most of them too.
 * Faces live as long as the process, so a face and the bytes of a run
 * name one result for good. Runs longer than SHAPED_MAX_LEN are shaped
 * each time; past SHAPED_MAX_RUNS the cache starts over (a bound on
 * memory, never on what is drawn). */
#define SHAPED_MAX_LEN 128u
#define SHAPED_MAX_RUNS 65536u

typedef struct shaped {
    const font_face *face;   /* NULL: an empty slot */
    uint32_t hash, len, n;
    size_t text, glyphs;     /* offsets in the cache's text and glyphs */
    long width;
} shaped;

typedef struct shape_cache {
    hb_buffer_t *buffer;     /* reused: shaping is called for every word */
    shaped *slots;
    size_t cap, count;
    char *text;
    size_t text_len, text_cap;
    font_glyph *glyphs;
    size_t glyphs_len, glyphs_cap;
} shape_cache;

static pthread_key_t cache_key;
static pthread_once_t cache_once = PTHREAD_ONCE_INIT;
static int cache_key_made;

static void cache_free(void *p)
{
    shape_cache *c = p;
    if (!c)
        return;
    hb_buffer_destroy(c->buffer);
    free(c->slots);
    free(c->text);
    free(c->glyphs);
    free(c);
}

static void cache_key_make(void)
{
    cache_key_made = pthread_key_create(&cache_key, cache_free) == 0;
}

void font_shape_clear(void)
{
    if (!cache_key_made)
        return;
    cache_free(pthread_getspecific(cache_key));
    pthread_setspecific(cache_key, NULL);
    /* the key's destructor must not outlive this code (a plugin unloaded) */
    pthread_key_delete(cache_key);
    cache_key_made = 0;
}

static shape_cache *thread_cache(void)
{
    pthread_once(&cache_once, cache_key_make);
    if (!cache_key_made)
        return NULL;
    shape_cache *c = pthread_getspecific(cache_key);
    if (!c) {
        c = calloc(1, sizeof *c);
        if (!c)
            return NULL;
        c->buffer = hb_buffer_create();
        if (!hb_buffer_allocation_successful(c->buffer)) {
            cache_free(c);
            return NULL;
        }
        pthread_setspecific(cache_key, c);
    }
    return c;
}

static uint32_t run_hash(const font_face *f, const char *s, size_t len)
{
    uint32_t h = 2166136261u ^ (uint32_t)(uintptr_t)f;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* The slot of the run, or the empty slot where it would go. */
static shaped *slot_find(shape_cache *c, const font_face *f, const char *s, size_t len,
                         uint32_t h)
{
    for (size_t i = h & (c->cap - 1);; i = (i + 1) & (c->cap - 1)) {
        shaped *e = &c->slots[i];
        if (!e->face || (e->face == f && e->hash == h && e->len == len &&
                         !memcmp(c->text + e->text, s, len)))
            return e;
    }
}

static void cache_reset(shape_cache *c)
{
    memset(c->slots, 0, c->cap * sizeof *c->slots);
    c->count = c->text_len = c->glyphs_len = 0;
}

static int grow_to(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 1024;
    while (n < need)
        n *= 2;
    void *q = realloc(*p, n * size);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

/* A table twice the size, the runs placed again. */
static int slots_grow(shape_cache *c)
{
    size_t cap = c->cap ? c->cap * 2 : 1024;
    shaped *old = c->slots, *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    size_t old_cap = c->cap;
    c->slots = slots;
    c->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].face) {
            size_t k = old[i].hash & (cap - 1);
            while (slots[k].face)
                k = (k + 1) & (cap - 1);
            slots[k] = old[i];
        }
    free(old);
    return 0;
}

/* Shapes s[0..len) in f with c's buffer; the glyphs are in the buffer. */
static void shape_now(shape_cache *c, const font_face *f, const char *s, size_t len)
{
    hb_buffer_t *b = c->buffer;
    hb_buffer_clear_contents(b);
    hb_buffer_add_utf8(b, s, (int)len, 0, (int)len);
    hb_buffer_set_direction(b, HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(b);
    hb_shape(f->hb_font, b, NULL, 0);
}

/* The run s[0..len) of f shaped: from the cache, else shaped now and kept
 * (NULL when it cannot be kept: the caller reads c->buffer). */
static const shaped *shaped_run(shape_cache *c, const font_face *f, const char *s, size_t len)
{
    uint32_t h = 0;
    shaped *e = NULL;
    if (len <= SHAPED_MAX_LEN) {
        if (c->count >= SHAPED_MAX_RUNS)
            cache_reset(c);
        if ((c->count + 1) * 2 > c->cap)
            slots_grow(c); /* when it fails, the run is shaped but not kept */
        if (c->cap && (c->count + 1) * 2 <= c->cap) {
            h = run_hash(f, s, len);
            e = slot_find(c, f, s, len, h);
            if (e->face)
                return e;
        }
    }
    shape_now(c, f, s, len);
    unsigned n;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(c->buffer, &n);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(c->buffer, &n);
    if (!e || grow_to((void **)&c->text, &c->text_cap, c->text_len + len, 1) ||
        grow_to((void **)&c->glyphs, &c->glyphs_cap, c->glyphs_len + n, sizeof *c->glyphs))
        return NULL;
    long width = 0;
    font_glyph *g = c->glyphs + c->glyphs_len;
    for (unsigned i = 0; i < n; i++) {
        g[i] = (font_glyph){info[i].codepoint, pos[i].x_advance, pos[i].x_offset,
                            pos[i].y_offset, info[i].cluster};
        width += pos[i].x_advance;
    }
    memcpy(c->text + c->text_len, s, len);
    *e = (shaped){f, h, (uint32_t)len, n, c->text_len, c->glyphs_len, width};
    c->text_len += len;
    c->glyphs_len += n;
    c->count++;
    return e;
}

int font_shape(const font_face *f, const char *s, size_t len, font_run *out)
{
    out->n = 0;
    if (!len)
        return 0;
    shape_cache *c = thread_cache();
    if (!c)
        return -1;
    const shaped *e = shaped_run(c, f, s, len);
    unsigned n = e ? e->n : hb_buffer_get_length(c->buffer);
    if (n > out->cap) {
        font_glyph *g = realloc(out->glyphs, n * sizeof *g);
        if (!g)
            return -1;
        out->glyphs = g;
        out->cap = n;
    }
    if (e) {
        memcpy(out->glyphs, c->glyphs + e->glyphs, n * sizeof *out->glyphs);
    } else {
        const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(c->buffer, NULL);
        const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(c->buffer, NULL);
        for (unsigned i = 0; i < n; i++)
            out->glyphs[i] = (font_glyph){info[i].codepoint, pos[i].x_advance,
                                          pos[i].x_offset, pos[i].y_offset, info[i].cluster};
    }
    out->n = n;
    return 0;
}

void font_run_free(font_run *r)
{
    free(r->glyphs);
    r->glyphs = NULL;
    r->n = r->cap = 0;
}

long font_shape_width(const font_face *f, const char *s, size_t len)
{
    if (!len)
        return 0;
    shape_cache *c = thread_cache();
    if (!c)
        return 0;
    const shaped *e = shaped_run(c, f, s, len);
    if (e)
        return e->width;
    unsigned n;
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(c->buffer, &n);
    long w = 0;
    for (unsigned i = 0; i < n; i++)
        w += pos[i].x_advance;
    return w;
}
