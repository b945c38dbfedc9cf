/* The text layer's code → glyph and advance tables agree with libharu's
 * own lookup for every BMP code point, before and after the font's cmap
 * is replaced by the one-segment table, for a Korean and a Latin font. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <cmocka.h>

#include <hpdf_fontdef.h>

#include "text.h"

static void no_error(HPDF_STATUS e, HPDF_STATUS d, void *p)
{
    (void)e, (void)d, (void)p;
}

static void check_font(const char *path)
{
    HPDF_Doc plain = HPDF_New(no_error, NULL), ours = HPDF_New(no_error, NULL);
    assert_non_null(plain);
    assert_non_null(ours);
    assert_int_equal(HPDF_UseUTFEncodings(ours), HPDF_OK);
    const char *name = HPDF_LoadTTFontFromFile(plain, path, HPDF_TRUE);
    assert_non_null(name);
    HPDF_FontDef def = HPDF_Doc_FindFontDef(plain, name);
    assert_non_null(def);
    text_face f;
    char err[160];
    assert_int_equal(text_face_load(&f, ours, path, 0, 0, err, sizeof err), 0);
    HPDF_FontDef flat = ((HPDF_FontAttr)f.font->attr)->fontdef;
    size_t glyphs = 0;
    for (unsigned code = 0; code < 0x10000; code++) {
        HPDF_UINT16 want = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)code);
        if (want != f.gid[code])
            fail_msg("%s: U+%04X: table %u, libharu %u", path, code, f.gid[code], want);
        if (HPDF_TTFontDef_GetGlyphid(flat, (HPDF_UINT16)code) != want)
            fail_msg("%s: U+%04X: the flattened cmap answers otherwise", path, code);
        assert_int_equal(f.adv[code], HPDF_TTFontDef_GetGidWidth(def, want));
        glyphs += want != 0;
    }
    assert_true(glyphs > 200);
    assert_true(text_face_has(&f, 'A') && text_face_has(&f, ' '));
    assert_false(text_face_has(&f, 0x1F600)); /* beyond the BMP */
    /* a character without a glyph measures as the '?' drawn instead */
    unsigned missing = 0xE000;
    while (missing < 0xF8FF && f.gid[missing])
        missing++;
    assert_int_equal(text_face_advance(&f, missing), text_face_advance(&f, '?'));
    assert_true(text_face_width(&f, 10, "AB", 2) > 0);
    text_face_free(&f);
    HPDF_Free(plain);
    HPDF_Free(ours);
}

static void korean_font(void **state)
{
    (void)state;
    check_font("/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
}

static void latin_font(void **state)
{
    (void)state;
    check_font("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(korean_font),
        cmocka_unit_test(latin_font),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
