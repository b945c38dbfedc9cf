/* fuzz_markup.c — libFuzzer harness for the inline markup parser: any bytes
 * without NUL must parse or fail with an offset inside the input and a
 * message, and a success must keep the result's invariants. The loader only
 * hands over valid UTF-8, but the parser must stay memory-safe on anything,
 * so invalid UTF-8 is fed too. Not built by default:
 *   clang -fsanitize=fuzzer,address,undefined -Isrc -Iinclude \
 *     tests/markup/fuzz_markup.c src/markup.c src/arena.c */
#include "arena.h"
#include "markup.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static quire_target target(void *ctx, const char *id)
{
    if (strcmp(id, "t1") == 0)
        return QUIRE_TARGET_TABLE;
    if (strcmp(id, "fig") == 0)
        return QUIRE_TARGET_FIGURE;
    if (strcmp(id, "n1") == 0)
        return QUIRE_TARGET_FOOTNOTE;
    if (strcmp(id, "표") == 0)
        return QUIRE_TARGET_SECTION;
    if (strcmp(id, "img") == 0)
        return QUIRE_TARGET_IMAGE;
    if (strcmp(id, "c1") == 0)
        return QUIRE_TARGET_CHART;
    return QUIRE_TARGET_NONE;
}

static int starts_nocase(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (!*s || (*s | 0x20) != (*prefix | 0x20))
            return 0;
    return 1;
}

/* A link that parsed is safe to hand to an exporter: a URL has one of the
 * three schemes and something after it, no space or control character
 * (exporters write it into a PDF action, an HTML href and a workbook
 * hyperlink as it is); an internal link is an id the resolver knows, of
 * the kind the run says. */
static void check_link(const quire_run *q)
{
    if (q->target == QUIRE_TARGET_NONE)
        return;
    const char *l = q->link;
    if (q->target == QUIRE_TARGET_URL) {
        size_t scheme = starts_nocase(l, "https://") ? 8
                        : starts_nocase(l, "http://") ? 7
                        : starts_nocase(l, "mailto:") ? 7 : 0;
        if (!scheme || !l[scheme])
            abort();
        for (const unsigned char *c = (const unsigned char *)l; *c; c++)
            if (*c <= 0x20 || *c == 0x7f)
                abort();
    } else if (target(NULL, l) != q->target) {
        abort();
    }
}

static int footnote(void *ctx, const char *id)
{
    int *numbers = ctx;
    static const char *const ids[] = {"n1", "n2", "주석"};
    for (int k = 0; k < 3; k++)
        if (strcmp(ids[k], id) == 0) {
            if (!numbers[k])
                numbers[k] = ++numbers[3];
            return numbers[k];
        }
    return 0;
}

/* The same bytes with every ASCII punctuation character escaped are one run
 * of exactly those bytes: escapes hide all markup, and nothing else is lost. */
static void escaped_round_trip(const char *s, size_t size)
{
    char *e = malloc(2 * size + 1);
    if (!e)
        abort();
    size_t n = 0;
    for (size_t i = 0; i < size; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
            (c >= '{' && c <= '~'))
            e[n++] = '\\';
        e[n++] = s[i];
    }
    arena a;
    arena_init(&a);
    quire_text t;
    markup_error err;
    if (markup_parse(&a, e, n, NULL, &t, &err) != 0 || t.n_runs != (size ? 1u : 0u) ||
        strlen(t.plain) != size || memcmp(t.plain, s, size) != 0 ||
        (size && strcmp(quire_run_at(&t, 0)->text, t.plain) != 0))
        abort();
    arena_free(&a);
    free(e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    if (memchr(s, '\0', size))
        return 0;
    int numbers[4] = {0};
    markup_resolver r = {target, footnote, numbers};
    arena a;
    arena_init(&a);
    quire_text t;
    markup_error err;
    if (markup_parse(&a, s, size, &r, &t, &err) == 0) {
        size_t plain = 0, total = 0;
        for (size_t i = 0; i < t.n_runs; i++) {
            const quire_run *q = quire_run_at(&t, i);
            size_t n = strlen(q->text);
            if ((q->target == QUIRE_TARGET_NONE) != (q->link == NULL) || (n == 0))
                abort();
            check_link(q);
            if (!q->footnote) {
                if (memcmp(t.plain + plain, q->text, n) != 0)
                    abort();
                plain += n;
            }
            total += n;
        }
        /* markup only ever shrinks the text, footnote numbers aside */
        if (t.plain[plain] != '\0' || plain > size || total > size + 10 * t.n_runs)
            abort();
    } else if (err.offset > size || err.message[0] == '\0' ||
               strlen(err.message) >= sizeof err.message) {
        abort();
    }
    arena_free(&a);
    escaped_round_trip(s, size);
    return 0;
}
