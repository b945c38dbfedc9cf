/* Unit tests of the link destinations (page_links.c): every place a link
 * can jump to is found by its id, a second first pass finds them afresh,
 * and finding is not a search of the whole list (issue 21 §6: a document
 * of 30,000 sections spent 17% of its time comparing ids). The strcmp
 * calls of page_links.c are counted through the linker's --wrap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "pdf.h"

static size_t compares;

int __real_strcmp(const char *a, const char *b);
int __wrap_strcmp(const char *a, const char *b)
{
    compares++;
    return __real_strcmp(a, b);
}

#define N 20000
static char ids[N][16];

static void add_all(pdf_ctx *ctx)
{
    for (int i = 0; i < N; i++) {
        ctx->page_no = 1 + i / 40;
        links_dest(ctx, ids[i], (double)i);
    }
}

static void each_id_found_in_a_few_compares(void **state)
{
    (void)state;
    pdf_ctx ctx = {0};
    ctx.dry = 1;
    for (int i = 0; i < N; i++)
        snprintf(ids[i], sizeof ids[i], "s%d", i);
    compares = 0;
    add_all(&ctx);
    add_all(&ctx); /* a second time: each already there, kept once */
    assert_int_equal(ctx.n_dests, N);
    for (int i = 0; i < N; i++) {
        const pdf_dest *d = links_find(&ctx, ids[i]);
        assert_non_null(d);
        assert_int_equal(d->page, 1 + i / 40);
        assert_true(d->y == (double)i);
    }
    assert_null(links_find(&ctx, "missing"));
    assert_null(links_find(&ctx, NULL));
    /* 3 N adds and finds: a search of the list would be N * N / 2 */
    printf("%zu compares for %d lookups\n", compares, 3 * N);
    assert_true(compares <= 3 * 3 * (size_t)N);

    links_forget(&ctx); /* the next first pass */
    assert_int_equal(ctx.n_dests, 0);
    assert_null(links_find(&ctx, ids[0]));
    links_dest(&ctx, ids[7], 1.5);
    assert_non_null(links_find(&ctx, ids[7]));
    assert_null(links_find(&ctx, ids[8]));
    links_free(&ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_id_found_in_a_few_compares),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
