/* test_diag.c — messages escape what a file could use to forge a line or
 * drive the terminal; excerpts of file content stay short. */
#include "diag.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

static void test_escape(void **state)
{
    char out[128];
    assert_string_equal(diag_escape("plain 한국어 text", out, sizeof out), "plain 한국어 text");
    assert_string_equal(diag_escape("a\nb\rc\td", out, sizeof out), "a\\nb\\rc\\td");
    assert_string_equal(diag_escape("\x1b[2J\x7f\x01", out, sizeof out), "\\x1B[2J\\x7F\\x01");
    /* C1 (U+009B is CSI on some terminals), separators, bidi overrides */
    assert_string_equal(diag_escape("\xC2\x9B" "1m", out, sizeof out), "\\u009B1m");
    assert_string_equal(diag_escape("x\xE2\x80\xA8y\xE2\x80\xAEz\xE2\x81\xA6", out, sizeof out),
                        "x\\u2028y\\u202Ez\\u2066");
    /* bytes that are no UTF-8: a lone C1 byte, a cut sequence, an overlong */
    assert_string_equal(diag_escape("\x9b|\xE2\x80|\xC0\xAF", out, sizeof out),
                        "\\x9B|\\xE2\\x80|\\xC0\\xAF");
    /* a backslash stays itself */
    assert_string_equal(diag_escape("a\\nb", out, sizeof out), "a\\nb");
}

static void test_escape_cut(void **state)
{
    char out[12];
    assert_string_equal(diag_escape("0123456789abcdef", out, sizeof out), "01234567...");
    /* never half of a Hangul syllable (3 bytes each) */
    assert_string_equal(diag_escape("가나다라마", out, sizeof out), "가나...");
    char tiny[8];
    assert_string_equal(diag_escape("\n\n\n\n\n", tiny, sizeof tiny), "\\n\\n...");
    assert_string_equal(diag_escape("abcdefg", tiny, sizeof tiny), "abcdefg");
}

static void test_excerpt(void **state)
{
    char out[64];
    assert_string_equal(diag_excerpt("name", 4, 24, out, sizeof out), "name");
    assert_string_equal(diag_excerpt("root:x:0:0:root:/root:/bin/bash", 31, 10, out, sizeof out),
                        "root:x:0:0...");
    assert_string_equal(diag_excerpt("a\0b", 3, 10, out, sizeof out), "a\\0b");
    assert_string_equal(diag_excerpt("가나다", 9, 2, out, sizeof out), "가나...");
    /* out too small for the characters asked: cut at a boundary all the same */
    char small[9];
    assert_string_equal(diag_excerpt("가나다라", 12, 4, small, sizeof small), "가...");
    char eleven[11];
    assert_string_equal(diag_excerpt("가나다라", 12, 4, eleven, sizeof eleven), "가나...");
}

static void test_forged_line(void **state)
{
    char *text = NULL;
    size_t len;
    FILE *f = open_memstream(&text, &len);
    diag d;
    diag_init(&d, f);
    diag_error(&d, "x\n.yaml", 3, 4, "id '%s' is not valid", "a\nx.yaml:1:1: error: forged");
    diag_warning(&d, "x.yaml", 0, 0, "%s", "\x1b]0;title\x07");
    fclose(f);
    assert_string_equal(text, "x\\n.yaml:3:4: error: id 'a\\nx.yaml:1:1: error: forged' is "
                              "not valid\n"
                              "x.yaml: warning: \\x1B]0;title\\x07\n");
    assert_int_equal(d.errors, 1);
    assert_int_equal(d.warnings, 1);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape),
        cmocka_unit_test(test_escape_cut),
        cmocka_unit_test(test_excerpt),
        cmocka_unit_test(test_forged_line),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
