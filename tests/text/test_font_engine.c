/* The font engine on the installed fonts: a CFF collection face and a
 * TrueType face open with their metrics, kerning shapes "AVAVAV" narrower
 * than its advances, a ligature is one glyph for its letters, fallback
 * finds Hangul and CJK Extension B for a Latin face, a Private Use
 * character is in no face, and subsets are small and map every glyph. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include <fontconfig/fontconfig.h>

#include "font_cff.h"
#include "font_face.h"
#include "font_fallback.h"
#include "font_shape.h"
#include "font_subset.h"

#define DEJAVU "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
#define NOTO_CJK "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

static const font_face *open_face(const char *path, unsigned index)
{
    char err[160];
    const font_face *f = font_face_open(path, index, err, sizeof err);
    if (!f)
        fail_msg("%s: %s", path, err);
    return f;
}

static void truetype_face(void **state)
{
    (void)state;
    const font_face *f = open_face(DEJAVU, 0);
    assert_ptr_equal(f, open_face(DEJAVU, 0)); /* loaded once */
    assert_false(f->cff);
    assert_int_equal(f->upem, 2048);
    assert_true(f->ascent > 0 && f->descent < 0 && f->cap_height > 0);
    assert_true(f->bbox[2] > f->bbox[0] && f->bbox[3] > f->bbox[1]);
    assert_string_equal(f->ps_name, "DejaVuSans");
    assert_int_not_equal(font_face_glyph(f, 'A'), 0);
    assert_int_equal(font_face_cid(f, 36), 36);
}

static void cff_collection_face(void **state)
{
    (void)state;
    const font_face *f = open_face(NOTO_CJK, 1); /* one face of the collection */
    assert_true(f->cff);
    assert_true(f->cid_keyed);
    assert_int_equal(f->upem, 1000);
    assert_int_not_equal(font_face_glyph(f, 0xD55C), 0); /* 한 */
    assert_int_not_equal(font_face_glyph(f, 0x20BB7), 0); /* 𠮷 beyond the BMP */
    char err[160];
    assert_null(font_face_open(NOTO_CJK, 99, err, sizeof err));
}

static long sum_advances(const font_face *f, const char *s)
{
    long sum = 0;
    for (; *s; s++)
        sum += font_face_advance(f, font_face_glyph(f, (unsigned char)*s));
    return sum;
}

static void kerning(void **state)
{
    (void)state;
    const font_face *f = open_face(DEJAVU, 0);
    long shaped = font_shape_width(f, "AVAVAV", 6);
    assert_true(shaped < sum_advances(f, "AVAVAV"));
    assert_int_equal(font_shape_width(f, "HHH", 3), sum_advances(f, "HHH"));
}

static void ligature_and_clusters(void **state)
{
    (void)state;
    const font_face *f = open_face(DEJAVU, 0);
    font_run run = {0};
    assert_int_equal(font_shape(f, "ffi x", 5, &run), 0);
    /* DejaVu Sans has an "ffi"/"fi" ligature: fewer glyphs than letters,
     * the clusters still point at the letters */
    assert_true(run.n < 5);
    assert_int_equal(run.glyphs[0].cluster, 0);
    assert_int_equal(run.glyphs[run.n - 1].cluster, 4);
    font_run_free(&run);
}

/* font_shape keeps what it shaped (per thread): the same run gives the
 * same glyphs again, another face its own, a long run is shaped each time,
 * and past the cache's bound the answers stay right. */
static void shaped_runs_kept(void **state)
{
    (void)state;
    const font_face *f = open_face(DEJAVU, 0), *c = open_face(NOTO_CJK, 1);
    font_run a = {0}, b = {0};
    assert_int_equal(font_shape(f, "AVAVAV", 6, &a), 0);
    assert_int_equal(font_shape(f, "AVAVAV", 6, &b), 0);
    assert_int_equal(a.n, b.n);
    long sum = 0;
    for (size_t i = 0; i < a.n; i++) {
        assert_int_equal(a.glyphs[i].gid, b.glyphs[i].gid);
        assert_int_equal(a.glyphs[i].advance, b.glyphs[i].advance);
        assert_int_equal(a.glyphs[i].cluster, b.glyphs[i].cluster);
        sum += a.glyphs[i].advance;
    }
    long width = font_shape_width(f, "AVAVAV", 6);
    assert_int_equal(width, sum);
    /* the same bytes in another face (1000 units to the em, not 2048) */
    long cjk = font_shape_width(c, "AVAVAV", 6);
    assert_true(cjk > 0);
    assert_int_not_equal(cjk, width);
    assert_int_equal(font_shape_width(c, "AVAVAV", 6), cjk);
    char longer[301];
    memset(longer, 'H', 300);
    longer[300] = '\0';
    assert_int_equal(font_shape_width(f, longer, 300), 100 * font_shape_width(f, "HHH", 3));
    /* more distinct runs than the cache holds (65,536): it starts over */
    char word[16];
    for (int i = 0; i < 70000; i++) {
        int n = snprintf(word, sizeof word, "w%d", i);
        assert_true(font_shape_width(f, word, (size_t)n) > 0);
    }
    assert_int_equal(font_shape_width(f, "AVAVAV", 6), width);
    font_run_free(&a);
    font_run_free(&b);
}

static void fallback(void **state)
{
    (void)state;
    const font_face *hangul = font_fallback("DejaVu Sans", 0xD55C);
    assert_non_null(hangul);
    assert_int_not_equal(font_face_glyph(hangul, 0xD55C), 0);
    assert_ptr_equal(font_fallback("DejaVu Sans", 0xD55C), hangul); /* cached */
    const font_face *ext_b = font_fallback("DejaVu Sans:bold", 0x20BB7);
    assert_non_null(ext_b);
    assert_int_not_equal(font_face_glyph(ext_b, 0x20BB7), 0);
    const font_face *math = font_fallback("DejaVu Sans", 0x1D400);
    assert_non_null(math);
    assert_null(font_fallback("DejaVu Sans", 0xF8FF)); /* Private Use: no font */
    assert_string_equal(font_package_for(0xAC00), "fonts-noto-cjk");
    assert_null(font_package_for('A'));
}

static void subsets(void **state)
{
    (void)state;
    char err[160];
    const font_face *f = open_face(DEJAVU, 0);
    unsigned gids[3] = {font_face_glyph(f, 'Z'), font_face_glyph(f, 'a'), font_face_glyph(f, 'b')};
    font_subset s;
    assert_int_equal(font_subset_make(f, gids, 3, 0, &s, err, sizeof err), 0);
    assert_true(s.len < 8000); /* the whole font is 700 KB */
    /* no cmap: a CIDFont finds its glyphs by id (font_face.c) */
    unsigned tables = (unsigned)s.data[4] << 8 | s.data[5];
    assert_true(tables >= 5);
    for (unsigned i = 0; i < tables; i++)
        assert_memory_not_equal(s.data + 12 + 16 * i, "cmap", 4);
    for (int i = 0; i < 3; i++)
        assert_true(s.new_gid[i] >= 1 && s.new_gid[i] <= 3);
    font_subset_free(&s);

    const font_face *c = open_face(NOTO_CJK, 1);
    unsigned cjk[2] = {font_face_glyph(c, 0xD55C), font_face_glyph(c, 0x20BB7)};
    assert_int_equal(font_subset_make(c, cjk, 2, 0, &s, err, sizeof err), 0);
    assert_memory_equal(s.data, "\x01\x00", 2); /* a bare CFF table, version 1.0 */
    unsigned n = 0;
    uint16_t *cids = font_cff_cids(s.data, s.len, &n);
    assert_non_null(cids);
    assert_int_equal(n, 3);
    /* the subset keeps each glyph's CID: the content stream's codes */
    for (int i = 0; i < 2; i++)
        assert_int_equal(cids[s.new_gid[i]], font_face_cid(c, cjk[i]));
    free(cids);
    font_subset_free(&s);
    assert_null(font_cff_cids((const unsigned char *)"\x01\x00\x04", 3, &n));
}

/* The subset s written to a file and opened as a face of its own. */
static const font_face *subset_face(const font_subset *s, char *path)
{
    strcpy(path, "/tmp/quire-subset-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, s->data, s->len), (ssize_t)s->len);
    close(fd);
    return open_face(path, 0);
}

/* The web subset keeps its cmap: exactly the code points asked (that the
 * face has) map to glyphs, in a TrueType and in a CFF collection's face. */
static void subsets_by_unicode(void **state)
{
    (void)state;
    char err[160], path[2][32];
    const font_face *f = open_face(DEJAVU, 0);
    const uint32_t cps[] = {'Z', 'a', 0xE9, 0x4E00 /* not in DejaVu Sans */};
    font_subset s;
    assert_int_equal(font_subset_unicodes(f, cps, 4, &s, err, sizeof err), 0);
    assert_true(s.len < 8000); /* the whole font is 700 KB */
    const font_face *w = subset_face(&s, path[0]);
    assert_false(w->cff);
    for (int i = 0; i < 3; i++)
        assert_int_not_equal(font_face_glyph(w, cps[i]), 0);
    assert_int_equal(font_face_glyph(w, 'b'), 0);
    assert_int_equal(font_face_advance(w, font_face_glyph(w, 'Z')),
                     font_face_advance(f, font_face_glyph(f, 'Z')));
    font_subset_free(&s);

    const font_face *c = open_face(NOTO_CJK, 1);
    const uint32_t cjk[] = {0xD55C, 0x20BB7, 'A'};
    assert_int_equal(font_subset_unicodes(c, cjk, 3, &s, err, sizeof err), 0);
    assert_memory_equal(s.data, "OTTO", 4); /* a whole OpenType/CFF file */
    const font_face *wc = subset_face(&s, path[1]);
    assert_true(wc->cff);
    for (int i = 0; i < 3; i++)
        assert_int_not_equal(font_face_glyph(wc, cjk[i]), 0);
    assert_int_equal(font_face_glyph(wc, 0xAC00), 0);
    font_subset_free(&s);
    unlink(path[0]);
    unlink(path[1]);
}

static int teardown(void **state)
{
    (void)state;
    font_fallback_clear();
    font_faces_clear();
    FcFini(); /* fontconfig's own, which fallback started */
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(truetype_face),     cmocka_unit_test(cff_collection_face),
        cmocka_unit_test(kerning),           cmocka_unit_test(ligature_and_clusters),
        cmocka_unit_test(shaped_runs_kept),
        cmocka_unit_test(fallback),          cmocka_unit_test(subsets),
        cmocka_unit_test(subsets_by_unicode),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
