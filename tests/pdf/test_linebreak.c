/* Unit tests of the PDF line breaker: Korean and English break at spaces,
 * a word longer than the line is split, URLs split after a delimiter. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "linebreak.h"

/* A monospace measure: one unit per ASCII character, two per wide
 * (multibyte) character, like Latin next to Hangul. */
static double measure(void *ctx, const char *s, size_t len)
{
    double w = 0;
    for (size_t i = 0; i < len; i += lb_char_len(s + i))
        w += (unsigned char)s[i] < 0x80 ? 1 : 2;
    return w;
}

/* Breaks text width wide and joins the lines with '|' into out. */
static size_t lines_of(const char *text, double width, char *out, size_t size, int *justify)
{
    lb_lines lines = {0};
    assert_int_equal(linebreak(text, width, measure, NULL, &lines), 0);
    size_t n = 0;
    out[0] = '\0';
    for (size_t i = 0; i < lines.count; i++) {
        const lb_line *l = &lines.items[i];
        n += (size_t)snprintf(out + n, size - n, "%s%.*s", i ? "|" : "",
                              (int)(l->end - l->start), text + l->start);
        assert_true(measure(NULL, text + l->start, l->end - l->start) <= width);
        if (justify)
            justify[i] = l->justify;
    }
    size_t count = lines.count;
    lb_lines_free(&lines);
    return count;
}

static void test_english_breaks_at_spaces(void **state)
{
    char out[256];
    int j[8];
    assert_int_equal(lines_of("the quick brown fox jumps over the lazy dog", 16, out,
                              sizeof out, j), 3);
    assert_string_equal(out, "the quick brown|fox jumps over|the lazy dog");
    assert_int_equal(j[0], 1);
    assert_int_equal(j[1], 1);
    assert_int_equal(j[2], 0); /* the last line stays ragged */
}

static void test_korean_breaks_at_spaces_not_inside_words(void **state)
{
    char out[256];
    /* 클라우드(8) 시장의(6) 경쟁축은(8) 생성형(6): width 16 holds two words */
    assert_int_equal(lines_of("클라우드 시장의 경쟁축은 생성형 AI로", 16, out, sizeof out, NULL), 3);
    assert_string_equal(out, "클라우드 시장의|경쟁축은 생성형|AI로");
}

static void test_long_word_is_split(void **state)
{
    char out[256];
    assert_int_equal(lines_of("a supercalifragilistic b", 8, out, sizeof out, NULL), 4);
    assert_string_equal(out, "a|supercal|ifragili|stic b");
}

static void test_long_korean_word_is_split_between_syllables(void **state)
{
    char out[256];
    assert_int_equal(lines_of("초거대인공지능데이터센터", 10, out, sizeof out, NULL), 3);
    assert_string_equal(out, "초거대인공|지능데이터|센터");
}

static void test_url_breaks_after_delimiter(void **state)
{
    char out[512];
    lines_of("see https://www.example.com/articles/2024/cloud-share.html now", 24, out,
             sizeof out, NULL);
    /* the URL's head fills the line it starts on; then it breaks after a
     * delimiter, not in the middle of a name */
    assert_string_equal(out, "see https://www.example.|com/articles/2024/cloud-|share.html now");
}

static void test_newline_ends_line_and_spaces_collapse_at_edges(void **state)
{
    char out[256];
    int j[8];
    assert_int_equal(lines_of("  one two\nthree  ", 40, out, sizeof out, j), 2);
    assert_string_equal(out, "one two|three");
    assert_int_equal(j[0], 0);
}

static void test_empty_and_tiny_width(void **state)
{
    char out[256];
    assert_int_equal(lines_of("", 10, out, sizeof out, NULL), 0);
    assert_int_equal(lines_of("   ", 10, out, sizeof out, NULL), 0);
    /* narrower than one character: still one character per line, no loop */
    lb_lines lines = {0};
    assert_int_equal(linebreak("가나", 1, measure, NULL, &lines), 0);
    assert_int_equal(lines.count, 2);
    lb_lines_free(&lines);
}

static void test_bad_utf8_makes_progress(void **state)
{
    lb_lines lines = {0};
    assert_int_equal(linebreak("ab\xe2\x82 \xff\xfe cd", 2, measure, NULL, &lines), 0);
    assert_true(lines.count >= 3);
    lb_lines_free(&lines);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_english_breaks_at_spaces),
        cmocka_unit_test(test_korean_breaks_at_spaces_not_inside_words),
        cmocka_unit_test(test_long_word_is_split),
        cmocka_unit_test(test_long_korean_word_is_split_between_syllables),
        cmocka_unit_test(test_url_breaks_after_delimiter),
        cmocka_unit_test(test_newline_ends_line_and_spaces_collapse_at_edges),
        cmocka_unit_test(test_empty_and_tiny_width),
        cmocka_unit_test(test_bad_utf8_makes_progress),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
