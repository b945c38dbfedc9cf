/* Unit tests of header/footer placeholders. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "expand.h"

static const quire_param params[] = {{"region", "부산"}, {"empty", ""}};

static quire_dataset sample(void)
{
    return (quire_dataset){
        .struct_size = sizeof(quire_dataset), .id = "brief", .title = "분기 브리핑",
        .period = "2025-Q1", .date = "2025-04-15", .language = "ko",
        .organization = "ACME", .params = params, .n_params = 2,
    };
}

static void expect(const char *pattern, int page, int pages, const char *want)
{
    quire_dataset ds = sample();
    char out[256];
    size_t n = expand_placeholders(&ds, pattern, page, pages, out, sizeof out);
    assert_string_equal(out, want);
    assert_int_equal(n, strlen(want));
}

static void test_placeholders(void **state)
{
    expect("{title}", -1, -1, "분기 브리핑");
    expect("{period} · {page} / {pages}", 3, 12, "2025-Q1 · 3 / 12");
    expect("{page}/{pages}", -1, -1, "{page}/{pages}");
    expect("{organization} {id} {language} {date}", 0, 0, "ACME brief ko 2025-04-15");
    expect("{region}{empty}!", 1, 1, "부산!");
    expect("{subtitle}|{author}", 1, 1, "");           /* absent: nothing, no separator */
    /* a separator beside an empty value goes with it (issue 19) */
    expect("{subtitle} · {page} / {pages}", 3, 12, "3 / 12");
    expect("{page} / {pages} · {author}", 3, 12, "3 / 12");
    expect("{title} · {author} · {period}", 1, 1, "분기 브리핑 · 2025-Q1");
    expect("{title} | {author} - {subtitle}", 1, 1, "분기 브리핑");
    expect("{subtitle}Page {page}", 2, 3, "Page 2");
    expect("{nope} {title", 1, 1, "{nope} {title");     /* unknown: as written */
    expect("{a {title}}", 1, 1, "{a 분기 브리핑}");
    expect("", 1, 1, "");
    expect("no braces", 1, 1, "no braces");
}

static void test_truncation_reports_full_length(void **state)
{
    quire_dataset ds = sample();
    char out[8];
    size_t n = expand_placeholders(&ds, "{period} {organization}", 1, 1, out, sizeof out);
    assert_int_equal(n, strlen("2025-Q1 ACME"));
    assert_string_equal(out, "2025-Q1");
    assert_int_equal(expand_placeholders(&ds, "{id}", 1, 1, NULL, 0), 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_placeholders),
        cmocka_unit_test(test_truncation_reports_full_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
