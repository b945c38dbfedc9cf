/* test_source_cite.c — the names short source lines give each source:
 * the publisher alone when it is the only one of its publisher, else with
 * the date, else with the short title too (issue 11 §7). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "source_cite.h"

static void test_told_apart(void **state)
{
    quire_source src[] = {
        {.id = "dd-1", .title = "클라우드 3사 실적", .publisher = "디지털데일리", .date = "2024-03-02"},
        {.id = "dd-2", .title = "AI 인프라 투자 경쟁이 본격화된다", .publisher = "디지털데일리",
         .date = "2024-12-26"},
        {.id = "dd-3", .title = "GPU 임대 시장", .publisher = "디지털데일리", .date = "2024-12-26"},
        {.id = "syn", .title = "Cloud market share", .publisher = "Synergy Research Group",
         .date = "2024-02-01"},
        {.id = "blog", .title = "A blog post without a publisher"},
        {.id = "x-1", .title = "Same", .publisher = "X"},
        {.id = "x-2", .title = "Same", .publisher = "X"},
        {.id = "y-1", .title = "Undated one", .publisher = "Y"},
        {.id = "y-2", .title = "Dated", .publisher = "Y", .date = "2025-01-01"},
    };
    arena a;
    arena_init(&a);
    assert_int_equal(source_cite_all(&a, src, sizeof src / sizeof *src, "ko"), 0);
    assert_string_equal(src[0].cite, "디지털데일리 (2024-03-02)");
    assert_string_equal(src[1].cite, "디지털데일리 (2024-12-26, AI 인프라 투자 경쟁이 본격화된다)");
    assert_string_equal(src[2].cite, "디지털데일리 (2024-12-26, GPU 임대 시장)");
    assert_string_equal(src[3].cite, "Synergy Research Group");
    assert_string_equal(src[4].cite, "A blog post without a publisher");
    assert_string_equal(src[5].cite, "X (Same, x-1)");
    assert_string_equal(src[6].cite, "X (Same, x-2)");
    assert_string_equal(src[7].cite, "Y (Undated one)");
    assert_string_equal(src[8].cite, "Y (2025-01-01)");
    for (size_t i = 0; i < sizeof src / sizeof *src; i++)
        for (size_t j = i + 1; j < sizeof src / sizeof *src; j++)
            assert_string_not_equal(src[i].cite, src[j].cite);
    arena_free(&a);
}

/* An inferred date is marked wherever a cite shows it (issue 19). */
static void test_inferred(void **state)
{
    quire_source src[] = {
        {.id = "a", .title = "One", .publisher = "P", .date = "2024-03", .date_inferred = 1},
        {.id = "b", .title = "Two", .publisher = "P", .date = "2024-05-02"},
        {.id = "c", .title = "Alone", .publisher = "Q", .date = "2024-06", .date_inferred = 1},
    };
    arena a;
    arena_init(&a);
    assert_int_equal(source_cite_all(&a, src, 3, "ko"), 0);
    assert_string_equal(src[0].cite, "P (2024-03 추정)");
    assert_string_equal(src[1].cite, "P (2024-05-02)");
    assert_string_equal(src[2].cite, "Q");   /* no date shown: nothing to mark */
    assert_int_equal(source_cite_all(&a, src, 3, "en-GB"), 0);
    assert_string_equal(src[0].cite, "P (2024-03 inferred)");
    arena_free(&a);
}

static void test_short_title(void **state)
{
    char buf[256];
    source_short_title("Hyperscalers spend record sums on data centres in 2024", 24, buf, sizeof buf);
    assert_string_equal(buf, "Hyperscalers spend…");
    source_short_title("짧은 제목", 24, buf, sizeof buf);
    assert_string_equal(buf, "짧은 제목");
    source_short_title("아마존웹서비스의데이터센터투자가사상최대를기록했다는소식", 10, buf, sizeof buf);
    assert_string_equal(buf, "아마존웹서비스의데이…");
    source_short_title(NULL, 10, buf, sizeof buf);
    assert_string_equal(buf, "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_told_apart),
        cmocka_unit_test(test_short_title),
        cmocka_unit_test(test_inferred),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
