/* font_shape.c — hb_shape over one run, with the buffer kept per thread. */
#include "font_shape.h"

#include <hb.h>
#include <pthread.h>
#include <stdlib.h>

/* One buffer per thread, reused: shaping is called for every word. */
static pthread_key_t buffer_key;
static pthread_once_t buffer_once = PTHREAD_ONCE_INIT;
static int buffer_key_made;

static void buffer_free(void *b)
{
    hb_buffer_destroy(b);
}

static void buffer_key_make(void)
{
    buffer_key_made = pthread_key_create(&buffer_key, buffer_free) == 0;
}

void font_shape_clear(void)
{
    if (!buffer_key_made)
        return;
    hb_buffer_destroy(pthread_getspecific(buffer_key));
    pthread_setspecific(buffer_key, NULL);
    /* the key's destructor must not outlive this code (a plugin unloaded) */
    pthread_key_delete(buffer_key);
    buffer_key_made = 0;
}

static hb_buffer_t *thread_buffer(void)
{
    pthread_once(&buffer_once, buffer_key_make);
    if (!buffer_key_made)
        return NULL;
    hb_buffer_t *b = pthread_getspecific(buffer_key);
    if (!b) {
        b = hb_buffer_create();
        if (!hb_buffer_allocation_successful(b)) {
            hb_buffer_destroy(b);
            return NULL;
        }
        pthread_setspecific(buffer_key, b);
    }
    hb_buffer_clear_contents(b);
    return b;
}

int font_shape(const font_face *f, const char *s, size_t len, font_run *out)
{
    out->n = 0;
    if (!len)
        return 0;
    hb_buffer_t *b = thread_buffer();
    if (!b)
        return -1;
    hb_buffer_add_utf8(b, s, (int)len, 0, (int)len);
    hb_buffer_set_direction(b, HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(b);
    hb_shape(f->hb_font, b, NULL, 0);
    unsigned n;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(b, &n);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &n);
    if (n > out->cap) {
        font_glyph *g = realloc(out->glyphs, n * sizeof *g);
        if (!g)
            return -1;
        out->glyphs = g;
        out->cap = n;
    }
    for (unsigned i = 0; i < n; i++)
        out->glyphs[i] = (font_glyph){info[i].codepoint, pos[i].x_advance, pos[i].x_offset,
                                      pos[i].y_offset, info[i].cluster};
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
    hb_buffer_t *b = thread_buffer();
    if (!b)
        return 0;
    hb_buffer_add_utf8(b, s, (int)len, 0, (int)len);
    hb_buffer_set_direction(b, HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(b);
    hb_shape(f->hb_font, b, NULL, 0);
    unsigned n;
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(b, &n);
    long w = 0;
    for (unsigned i = 0; i < n; i++)
        w += pos[i].x_advance;
    return w;
}
