/* font_face.c — the process-wide face cache: files mapped once, faces
 * read by HarfBuzz, the metrics a font descriptor needs read once. */
#include "font_face.h"

#include <fcntl.h>
#include <hb-ot.h>
#include <hb.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "font_cff.h"

/* A mapped file; several faces of a collection share it. */
typedef struct mapped_file {
    char *path;
    unsigned char *data;
    size_t size;
    hb_blob_t *blob;
    struct mapped_file *next;
} mapped_file;

/* Code point → glyph answers, direct-mapped: a document asks the cmap for
 * the same few hundred characters again and again (coverage, fallback,
 * measuring). One 64-bit word per slot (the code point, the glyph, a used
 * bit), read and written whole, so threads sharing a face never see half
 * an answer. Filled by check() in the main process, the answers reach
 * every export child forked later. */
#define GLYPH_SLOTS 4096u

typedef struct face_node {
    font_face face;           /* first: a font_face * is its node */
    uint64_t glyphs[GLYPH_SLOTS];
    hb_face_t *subset_source; /* face.hb_face without its cmap (below) */
    struct face_node *next;
} face_node;

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static mapped_file *files;
static face_node *faces;

const char *font_file_kind(const char *path)
{
    unsigned char tag[4] = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        return "unreadable";
    size_t n = fread(tag, 1, 4, f);
    fclose(f);
    if (n == 4 && !memcmp(tag, "OTTO", 4))
        return "OpenType/CFF";
    if (n == 4 && !memcmp(tag, "ttcf", 4))
        return "collection";
    if (n == 4 && (!memcmp(tag, "\0\1\0\0", 4) || !memcmp(tag, "true", 4)))
        return "TrueType";
    return "unknown";
}

static mapped_file *file_map(const char *path, char *err, size_t err_size)
{
    for (mapped_file *m = files; m; m = m->next)
        if (!strcmp(m->path, path))
            return m;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) || st.st_size < 12) {
        if (fd >= 0)
            close(fd);
        snprintf(err, err_size, "cannot be read");
        return NULL;
    }
    void *data = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    mapped_file *m = calloc(1, sizeof *m);
    if (data == MAP_FAILED || !m || !(m->path = strdup(path))) {
        if (data != MAP_FAILED)
            munmap(data, (size_t)st.st_size);
        free(m);
        snprintf(err, err_size, "cannot be mapped");
        return NULL;
    }
    m->data = data;
    m->size = (size_t)st.st_size;
    m->blob = hb_blob_create((const char *)data, (unsigned)m->size, HB_MEMORY_MODE_READONLY,
                             NULL, NULL);
    m->next = files;
    files = m;
    return m;
}

static int table_int(hb_face_t *face, hb_tag_t tag, unsigned at, unsigned size, long *v)
{
    hb_blob_t *b = hb_face_reference_table(face, tag);
    unsigned len;
    const unsigned char *p = (const unsigned char *)hb_blob_get_data(b, &len);
    int ok = p && at + size <= len;
    if (ok) {
        unsigned long u = 0;
        for (unsigned i = 0; i < size; i++)
            u = u << 8 | p[at + i];
        *v = size == 2 ? (long)(int16_t)u : (long)(int32_t)u;
    }
    hb_blob_destroy(b);
    return ok ? 0 : -1;
}

static int has_table(hb_face_t *face, hb_tag_t tag)
{
    hb_blob_t *b = hb_face_reference_table(face, tag);
    int has = hb_blob_get_length(b) > 0;
    hb_blob_destroy(b);
    return has;
}

static void read_name(font_face *f)
{
    char name[128] = "";
    unsigned len = sizeof name;
    hb_ot_name_get_utf8(f->hb_face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len,
                        name);
    size_t o = 0;
    for (const char *s = name; *s && o + 1 < sizeof f->ps_name; s++)
        if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
            *s == '-')
            f->ps_name[o++] = *s;
    f->ps_name[o] = '\0';
    if (!o)
        snprintf(f->ps_name, sizeof f->ps_name, "Font%u", f->num_glyphs);
}

static void read_metrics(font_face *f)
{
    hb_face_t *face = f->hb_face;
    hb_position_t v;
    long n;
    f->upem = hb_face_get_upem(face);
    f->num_glyphs = hb_face_get_glyph_count(face);
    hb_ot_metrics_get_position_with_fallback(f->hb_font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER,
                                             &v);
    f->ascent = v;
    hb_ot_metrics_get_position_with_fallback(f->hb_font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER,
                                             &v);
    f->descent = v > 0 ? -v : v;
    hb_ot_metrics_get_position_with_fallback(f->hb_font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v);
    f->cap_height = v > 0 ? v : f->ascent * 7 / 10;
    for (int i = 0; i < 4; i++)
        f->bbox[i] = table_int(face, HB_TAG('h', 'e', 'a', 'd'), 36 + 2 * (unsigned)i, 2, &n)
            ? (i < 2 ? 0 : (int)f->upem) : (int)n;
    f->italic_angle = table_int(face, HB_TAG('p', 'o', 's', 't'), 4, 4, &n) ? 0 : n / 65536.0;
    f->fixed_pitch = !table_int(face, HB_TAG('p', 'o', 's', 't'), 12, 4, &n) && n != 0;
    f->weight = table_int(face, HB_TAG('O', 'S', '/', '2'), 4, 2, &n) ? 400 : (int)n;
    f->italic = f->italic_angle != 0 ||
                (!table_int(face, HB_TAG('O', 'S', '/', '2'), 62, 2, &n) && (n & 1));
    /* panose serif style 11..13 are sans serif */
    f->serif = !table_int(face, HB_TAG('O', 'S', '/', '2'), 32, 2, &n) && (n >> 8) == 2 &&
               ((n & 0xFF) < 11 || (n & 0xFF) > 13) && (n & 0xFF) > 1;
    /* the usual estimate from the weight: 400 → 95, 700 → 168 */
    f->stem_v = 10 + 220 * (f->weight - 50) / 900;
    if (f->stem_v < 50)
        f->stem_v = 50;
}

/* The subset source's tables: the face's own, but no cmap. Given glyph ids,
 * hb-subset (6.0) reads the whole cmap into a hash map to find the code
 * points of those glyphs, about 7 ms for NanumGothic's 16,000 characters
 * per document; a PDF CIDFont reaches its glyphs by id and never reads the
 * embedded cmap, so the subset needs none. */
static hb_blob_t *table_without_cmap(hb_face_t *face, hb_tag_t tag, void *data)
{
    (void)face;
    if (tag == HB_TAG('c', 'm', 'a', 'p'))
        return hb_blob_get_empty();
    return hb_face_reference_table((hb_face_t *)data, tag);
}

static void release_face(void *data)
{
    hb_face_destroy(data);
}

static const font_face *face_load(const char *path, unsigned index, char *err,
                                  size_t err_size)
{
    mapped_file *m = file_map(path, err, err_size);
    if (!m)
        return NULL;
    if (index >= hb_face_count(m->blob)) {
        snprintf(err, err_size, "has no face %u", index);
        return NULL;
    }
    face_node *node = calloc(1, sizeof *node);
    if (!node || !(node->face.path = strdup(path))) {
        free(node);
        snprintf(err, err_size, "out of memory");
        return NULL;
    }
    font_face *f = &node->face;
    f->index = index;
    f->data = m->data;
    f->size = m->size;
    f->hb_face = hb_face_create(m->blob, index);
    hb_face_make_immutable(f->hb_face);
    f->hb_font = hb_font_create(f->hb_face);
    hb_font_make_immutable(f->hb_font);
    f->cff = has_table(f->hb_face, HB_TAG('C', 'F', 'F', ' '));
    if (!f->cff && !has_table(f->hb_face, HB_TAG('g', 'l', 'y', 'f'))) {
        snprintf(err, err_size, "has no TrueType or CFF outlines (a bitmap, colour or "
                                "variable CFF2 font cannot be embedded)");
        hb_font_destroy(f->hb_font);
        hb_face_destroy(f->hb_face);
        free(f->path);
        free(node);
        return NULL;
    }
    read_metrics(f);
    read_name(f);
    node->subset_source = hb_face_create_for_tables(table_without_cmap,
                                                    hb_face_reference(f->hb_face), release_face);
    hb_face_set_upem(node->subset_source, f->upem);
    hb_face_set_glyph_count(node->subset_source, hb_face_get_glyph_count(f->hb_face));
    hb_face_make_immutable(node->subset_source);
    if (f->cff) {
        hb_blob_t *cff = hb_face_reference_table(f->hb_face, HB_TAG('C', 'F', 'F', ' '));
        unsigned len, n = 0;
        const char *p = hb_blob_get_data(cff, &len);
        f->cid_of_gid = font_cff_cids((const unsigned char *)p, len, &n);
        f->cid_keyed = f->cid_of_gid != NULL;
        if (f->cid_keyed && n < f->num_glyphs)
            f->num_glyphs = n;
        hb_blob_destroy(cff);
    }
    node->next = faces;
    faces = node;
    return f;
}

const font_face *font_face_open(const char *path, unsigned index, char *err, size_t err_size)
{
    pthread_mutex_lock(&cache_lock);
    const font_face *found = NULL;
    for (face_node *n = faces; n && !found; n = n->next)
        if (n->face.index == index && !strcmp(n->face.path, path))
            found = &n->face;
    if (!found)
        found = face_load(path, index, err, err_size);
    pthread_mutex_unlock(&cache_lock);
    return found;
}

unsigned font_face_glyph(const font_face *f, uint32_t cp)
{
    face_node *node = (face_node *)f;
    uint64_t *slot = &node->glyphs[(cp ^ cp >> 12) % GLYPH_SLOTS];
    uint64_t v = __atomic_load_n(slot, __ATOMIC_RELAXED);
    if ((v & 1) && (uint32_t)(v >> 1 & 0x1FFFFF) == cp)
        return (unsigned)(v >> 22);
    hb_codepoint_t g = 0;
    if (!hb_font_get_nominal_glyph(f->hb_font, cp, &g))
        g = 0;
    if (cp <= 0x10FFFF && g < (1u << 31))
        __atomic_store_n(slot, (uint64_t)g << 22 | (uint64_t)cp << 1 | 1, __ATOMIC_RELAXED);
    return g;
}

hb_face_t *font_face_subset_source(const font_face *f)
{
    return ((face_node *)f)->subset_source;
}

int font_face_advance(const font_face *f, unsigned gid)
{
    return hb_font_get_glyph_h_advance(f->hb_font, gid);
}

unsigned font_face_cid(const font_face *f, unsigned gid)
{
    return f->cid_keyed && gid < f->num_glyphs ? f->cid_of_gid[gid] : gid;
}

void font_faces_clear(void)
{
    pthread_mutex_lock(&cache_lock);
    while (faces) {
        face_node *n = faces;
        faces = n->next;
        hb_font_destroy(n->face.hb_font);
        hb_face_destroy(n->subset_source);
        hb_face_destroy(n->face.hb_face);
        free(n->face.cid_of_gid);
        free(n->face.path);
        free(n);
    }
    while (files) {
        mapped_file *m = files;
        files = m->next;
        hb_blob_destroy(m->blob);
        munmap(m->data, m->size);
        free(m->path);
        free(m);
    }
    pthread_mutex_unlock(&cache_lock);
}
