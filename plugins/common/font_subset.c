/* font_subset.c — hb_subset_plan over the glyphs a document used. */
#include "font_subset.h"

#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Tables a PDF or a browser never reads from an embedded subset: layout
 * (shaping happened already), hinting programs, and other outlines. */
static const hb_tag_t dropped[] = {
    HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
    HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
    HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'), HB_TAG('V', 'O', 'R', 'G'),
    HB_TAG('v', 'h', 'e', 'a'), HB_TAG('v', 'm', 't', 'x'), HB_TAG('h', 'd', 'm', 'x'),
    HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'), HB_TAG('g', 'a', 's', 'p'),
};

static hb_subset_input_t *subset_input(const font_face *f, const unsigned *gids, size_t n)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_t *glyphs = hb_subset_input_glyph_set(in);
    hb_set_add(glyphs, 0);
    for (size_t i = 0; i < n; i++)
        hb_set_add(glyphs, gids[i]);
    hb_set_clear(hb_subset_input_unicode_set(in));
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof dropped / sizeof dropped[0]; i++)
        hb_set_add(drop, dropped[i]);
    unsigned flags = HB_SUBSET_FLAGS_NO_HINTING;
    /* a name-keyed CFF in a CIDFont is read by glyph id: keep the ids */
    if (f->cff && !f->cid_keyed)
        flags |= HB_SUBSET_FLAGS_RETAIN_GIDS;
    hb_subset_input_set_flags(in, flags);
    return in;
}

static int copy_blob(hb_blob_t *b, font_subset *out)
{
    unsigned len;
    const char *p = hb_blob_get_data(b, &len);
    if (!p || !len)
        return -1;
    out->data = malloc(len);
    if (!out->data)
        return -1;
    memcpy(out->data, p, len);
    out->len = len;
    return 0;
}

int font_subset_make(const font_face *f, const unsigned *gids, size_t n, int full,
                     font_subset *out, char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    hb_subset_input_t *in = subset_input(f, gids, n);
    hb_subset_plan_t *plan = in ? hb_subset_plan_create_or_fail(font_face_subset_source(f), in)
                                : NULL;
    hb_face_t *sub = plan ? hb_subset_plan_execute_or_fail(plan) : NULL;
    int ret = -1;
    if (!sub) {
        snprintf(err, err_size, "cannot be subset (hb-subset failed)");
        goto done;
    }
    out->retained = f->cff && !f->cid_keyed;
    out->new_gid = malloc((n ? n : 1) * sizeof *out->new_gid);
    if (!out->new_gid)
        goto oom;
    const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (size_t i = 0; i < n; i++) {
        hb_codepoint_t g = hb_map_get(map, gids[i]);
        out->new_gid[i] = g == HB_MAP_VALUE_INVALID ? 0 : g;
    }
    hb_blob_t *b = f->cff && !full ? hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' '))
                                   : hb_face_reference_blob(sub);
    int bad = copy_blob(b, out);
    hb_blob_destroy(b);
    if (bad)
        goto oom;
    ret = 0;
    goto done;
oom:
    snprintf(err, err_size, "out of memory while subsetting");
    font_subset_free(out);
done:
    if (sub)
        hb_face_destroy(sub);
    if (plan)
        hb_subset_plan_destroy(plan);
    if (in)
        hb_subset_input_destroy(in);
    return ret;
}

int font_subset_unicodes(const font_face *f, const uint32_t *cps, size_t n, font_subset *out,
                         char *err, size_t err_size)
{
    memset(out, 0, sizeof *out);
    hb_subset_input_t *in = subset_input(f, NULL, 0);
    if (in) {
        /* the cmap keeps these code points; their glyphs come with them */
        hb_set_t *unicodes = hb_subset_input_unicode_set(in);
        for (size_t i = 0; i < n; i++)
            hb_set_add(unicodes, cps[i]);
        hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    }
    hb_face_t *sub = in ? hb_subset_or_fail(f->hb_face, in) : NULL;
    int ret = -1;
    if (!sub)
        snprintf(err, err_size, "cannot be subset (hb-subset failed)");
    else {
        hb_blob_t *b = hb_face_reference_blob(sub);
        ret = copy_blob(b, out);
        hb_blob_destroy(b);
        if (ret)
            snprintf(err, err_size, "out of memory while subsetting");
        hb_face_destroy(sub);
    }
    if (in)
        hb_subset_input_destroy(in);
    return ret;
}

void font_subset_free(font_subset *s)
{
    free(s->data);
    free(s->new_gid);
    memset(s, 0, sizeof *s);
}
