/* test_markup.c — the inline markup parser: each rule of markup.c's header,
 * good and bad input, error offsets, the plain text, Korean, and inputs that
 * would be slow for a parser that re-scans. Run one group with a cmocka
 * filter as the first argument ("styles_*"). */
#include "arena.h"
#include "markup.h"

#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

/* ---- a resolver that knows a few ids --------------------------------- */

typedef struct known {
    const char *footnotes[4];
    int numbers[4];  /* 0 until first referenced */
    int next;
    int calls;
} known;

static quire_target resolve_target(void *ctx, const char *id)
{
    static const struct { const char *id; quire_target t; } ids[] = {
        {"t1", QUIRE_TARGET_TABLE},   {"fig", QUIRE_TARGET_FIGURE},
        {"sec", QUIRE_TARGET_SECTION}, {"img", QUIRE_TARGET_IMAGE},
        {"n1", QUIRE_TARGET_FOOTNOTE}, {"c", QUIRE_TARGET_CHART},
        {"표1", QUIRE_TARGET_TABLE},   {"a)b", QUIRE_TARGET_TABLE},
    };
    ((known *)ctx)->calls++;
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++)
        if (strcmp(ids[k].id, id) == 0)
            return ids[k].t;
    return QUIRE_TARGET_NONE;
}

static int resolve_footnote(void *ctx, const char *id)
{
    known *k = ctx;
    k->calls++;
    for (int j = 0; j < 4 && k->footnotes[j]; j++)
        if (strcmp(k->footnotes[j], id) == 0) {
            if (!k->numbers[j])
                k->numbers[j] = ++k->next;
            return k->numbers[j];
        }
    return 0;
}

typedef struct fixture {
    arena a;
    known k;
    markup_resolver r;
    quire_text t;
    markup_error err;
    char dump[4096];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    if (!f)
        return -1;
    arena_init(&f->a);
    f->k = (known){.footnotes = {"n1", "n2", "주석"}};
    f->r = (markup_resolver){.target = resolve_target, .footnote = resolve_footnote, .ctx = &f->k};
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    arena_free(&f->a);
    free(f);
    return 0;
}

static const char *target_name(quire_target t)
{
    switch (t) {
    case QUIRE_TARGET_NONE: return "none";
    case QUIRE_TARGET_URL: return "url";
    case QUIRE_TARGET_TABLE: return "table";
    case QUIRE_TARGET_FIGURE: return "figure";
    case QUIRE_TARGET_SECTION: return "section";
    case QUIRE_TARGET_IMAGE: return "image";
    case QUIRE_TARGET_FOOTNOTE: return "footnote";
    case QUIRE_TARGET_CHART: return "chart";
    }
    return "?";
}

/* The runs as "<flags link footnote>text" one after another: "<S>bold<>
 * and <E url=https://x>link<^1>1". Also checks the invariants every result
 * must keep: run_size, non-NULL texts, link iff target, plain = the runs'
 * texts without footnotes, no two adjacent runs that should have merged. */
static const char *dump(fixture *f)
{
    const quire_text *t = &f->t;
    assert_int_equal(t->run_size, sizeof(quire_run));
    assert_non_null(t->plain);
    char *w = f->dump;
    size_t left = sizeof f->dump, plain_at = 0;
    for (size_t i = 0; i < t->n_runs; i++) {
        const quire_run *r = quire_run_at(t, i);
        assert_non_null(r->text);
        assert_true((r->target == QUIRE_TARGET_NONE) == (r->link == NULL));
        if (r->footnote) {
            assert_int_equal(r->target, QUIRE_TARGET_NONE);
            char num[16];
            snprintf(num, sizeof num, "%d", r->footnote);
            assert_string_equal(r->text, num);
        } else {
            assert_true(r->text[0] != '\0');
            size_t n = strlen(r->text);
            assert_memory_equal(t->plain + plain_at, r->text, n);
            plain_at += n;
        }
        if (i > 0) {
            const quire_run *q = quire_run_at(t, i - 1);
            assert_false(!r->footnote && !q->footnote && q->flags == r->flags &&
                         q->link == r->link);
        }
        int n = snprintf(w, left, "<%s%s%s%s%s", r->flags & QUIRE_RUN_STRONG ? "S" : "",
                         r->flags & QUIRE_RUN_EMPHASIS ? "E" : "", r->link ? " " : "",
                         r->link ? target_name(r->target) : "", r->link ? "=" : "");
        assert_true(n >= 0 && (size_t)n < left);
        w += n, left -= (size_t)n;
        n = snprintf(w, left, "%s", r->link ? r->link : "");
        w += n, left -= (size_t)n;
        if (r->footnote) {
            n = snprintf(w, left, "^%d", r->footnote);
            w += n, left -= (size_t)n;
        }
        n = snprintf(w, left, ">%s", r->text);
        assert_true(n >= 0 && (size_t)n < left);
        w += n, left -= (size_t)n;
    }
    assert_int_equal(t->plain[plain_at], '\0');
    return f->dump;
}

static const char *ok(fixture *f, const char *s)
{
    int rc = markup_parse(&f->a, s, strlen(s), &f->r, &f->t, &f->err);
    if (rc != 0)
        print_error("unexpected error on \"%s\": %zu: %s\n", s, f->err.offset, f->err.message);
    assert_int_equal(rc, 0);
    return dump(f);
}

/* Parses s, which must fail at offset with a message starting with msg. */
static void bad(fixture *f, const char *s, size_t offset, const char *msg)
{
    const char *arena_before = f->a.next;
    size_t left_before = f->a.left;
    int rc = markup_parse(&f->a, s, strlen(s), &f->r, &f->t, &f->err);
    if (rc == 0)
        print_error("expected an error on \"%s\", got %s\n", s, dump(f));
    assert_int_equal(rc, -1);
    if (f->err.offset != offset || strncmp(f->err.message, msg, strlen(msg)) != 0)
        print_error("on \"%s\": %zu: %s\n", s, f->err.offset, f->err.message);
    assert_int_equal(f->err.offset, offset);
    assert_true(strncmp(f->err.message, msg, strlen(msg)) == 0);
    /* nothing is allocated for an invalid input */
    assert_ptr_equal(f->a.next, arena_before);
    assert_int_equal(f->a.left, left_before);
}

/* ---- styles ---------------------------------------------------------- */

static void styles_empty_and_plain(void **state)
{
    fixture *f = *state;
    assert_string_equal(ok(f, ""), "");
    assert_int_equal(f->t.n_runs, 0);
    assert_string_equal(f->t.plain, "");
    assert_string_equal(ok(f, "hello, world (2024)."), "<>hello, world (2024).");
    assert_int_equal(f->t.n_runs, 1);
    assert_string_equal(f->t.plain, "hello, world (2024).");
}

static void styles_strong_emphasis(void **state)
{
    fixture *f = *state;
    assert_string_equal(ok(f, "a **b** c"), "<>a <S>b<> c");
    assert_string_equal(f->t.plain, "a b c");
    assert_string_equal(ok(f, "a *b* c"), "<>a <E>b<> c");
    assert_string_equal(ok(f, "**b**"), "<S>b");
    assert_string_equal(ok(f, "***both***"), "<SE>both");
    assert_string_equal(ok(f, "**bold *and italic***"), "<S>bold <SE>and italic");
    assert_string_equal(f->t.plain, "bold and italic");
    assert_string_equal(ok(f, "*it **and bold***"), "<E>it <SE>and bold");
    assert_string_equal(ok(f, "***a** b*"), "<SE>a<E> b");
    assert_string_equal(ok(f, "***a* b**"), "<SE>a<S> b");
    assert_string_equal(ok(f, "*a **b** c*"), "<E>a <SE>b<E> c");
    assert_string_equal(ok(f, "*a***b**"), "<E>a<S>b");
    /* intraword, and markers that overlap */
    assert_string_equal(ok(f, "2*3*4"), "<>2<E>3<>4");
    assert_string_equal(ok(f, "**a *b** c*"), "<S>a <SE>b<E> c");
}

static void styles_literal_stars(void **state)
{
    fixture *f = *state;
    assert_string_equal(ok(f, "5 * 3 = 15"), "<>5 * 3 = 15");
    assert_string_equal(ok(f, "* item"), "<>* item");
    assert_string_equal(ok(f, "rated *"), "<>rated *");
    assert_string_equal(ok(f, "a ** b"), "<>a ** b");
    assert_string_equal(ok(f, "*****"), "<>*****");
    assert_string_equal(ok(f, "x ******** y"), "<>x ******** y");
    assert_string_equal(ok(f, "*"), "<>*");
    /* can only close, nothing open: text */
    assert_string_equal(ok(f, "5* 3"), "<>5* 3");
    assert_string_equal(ok(f, "a** b"), "<>a** b");
    /* left over after closing */
    assert_string_equal(ok(f, "**a***"), "<S>a<>*");
    assert_string_equal(ok(f, "**a*** b"), "<S>a<>* b");
    /* cannot close, and already open: text inside the style */
    assert_string_equal(ok(f, "*a *b*"), "<E>a *b");
    assert_string_equal(ok(f, "**a **b**"), "<S>a **b");
    /* whitespace is Unicode whitespace: ideographic and no-break spaces */
    assert_string_equal(ok(f, "가\xe3\x80\x80*\xe3\x80\x80나"), "<>가\xe3\x80\x80*\xe3\x80\x80나");
    assert_string_equal(ok(f, "a\xc2\xa0*\xc2\xa0" "b"), "<>a\xc2\xa0*\xc2\xa0" "b");
    assert_string_equal(ok(f, "a\n*\tb"), "<>a\n*\tb");
}

static void styles_errors(void **state)
{
    fixture *f = *state;
    bad(f, "**a", 0, "unclosed '**'");
    bad(f, "x *a", 2, "unclosed '*'");
    bad(f, "***a", 0, "unclosed '***'");
    bad(f, "**a *b**", 4, "unclosed '*'");
    bad(f, "*a **b*", 3, "unclosed '**'");
    bad(f, "5*3", 1, "unclosed '*'");
    bad(f, "**a\n\nb", 0, "unclosed '**'");
    bad(f, "a****b", 1, "4 '*' in a row");
    bad(f, "****a****", 0, "4 '*' in a row");
    bad(f, "*a*****", 2, "5 '*' in a row");
    /* the error names the earlier of two open styles */
    bad(f, "*a **b", 0, "unclosed '*'");
    bad(f, "**a *b", 0, "unclosed '**'");
    /* a closed style can open again */
    bad(f, "*a* *b", 4, "unclosed '*'");
}

/* ---- escapes --------------------------------------------------------- */

static void escapes(void **state)
{
    fixture *f = *state;
    assert_string_equal(ok(f, "\\*a\\*"), "<>*a*");
    assert_string_equal(ok(f, "\\*\\*not strong\\*\\*"), "<>**not strong**");
    assert_string_equal(ok(f, "\\[x\\]\\(y\\)"), "<>[x](y)");
    assert_string_equal(ok(f, "a\\\\b"), "<>a\\b");
    assert_string_equal(ok(f, "\\\\*a*"), "<>\\<E>a");
    assert_string_equal(ok(f, "\\[^n1]"), "<>[^n1]");
    assert_int_equal(f->k.calls, 0);
    assert_string_equal(ok(f, "**a\\*b**"), "<S>a*b");
    /* only ASCII punctuation is escaped; other backslashes stay */
    assert_string_equal(ok(f, "C:\\Users\\me"), "<>C:\\Users\\me");
    assert_string_equal(ok(f, "\\가"), "<>\\가");
    assert_string_equal(ok(f, "end\\"), "<>end\\");
    assert_string_equal(ok(f, "\\"), "<>\\");
    assert_string_equal(ok(f, "\\ "), "<>\\ ");
    /* one run, not one per escape */
    assert_int_equal(ok(f, "a\\*b\\_c") != NULL, 1);
    assert_int_equal(f->t.n_runs, 1);
    assert_string_equal(f->t.plain, "a*b_c");
}

/* Every ASCII character, punctuation escaped, comes back as it was: one
 * run, nothing interpreted, nothing lost (the fuzzer checks the same on
 * random bytes). */
static void escapes_round_trip(void **state)
{
    fixture *f = *state;
    char raw[128], esc[256];
    size_t n = 0, m = 0;
    for (int c = 1; c < 128; c++) {
        raw[n++] = (char)c;
        if (ispunct(c))
            esc[m++] = '\\';
        esc[m++] = (char)c;
    }
    raw[n] = esc[m] = '\0';
    assert_int_equal(markup_parse(&f->a, esc, m, &f->r, &f->t, &f->err), 0);
    assert_int_equal(f->t.n_runs, 1);
    assert_string_equal(f->t.plain, raw);
    assert_string_equal(quire_run_at(&f->t, 0)->text, raw);
    assert_int_equal(f->k.calls, 0);
}

/* ---- links ----------------------------------------------------------- */

static void links_urls(void **state)
{
    fixture *f = *state;
    assert_string_equal(ok(f, "see [the report](https://example.com/r?a=1&b=2#x) now"),
                        "<>see < url=https://example.com/r?a=1&b=2#x>the report<> now");
    assert_string_equal(f->t.plain, "see the report now");
    assert_string_equal(ok(f, "[a](http://x.org)"), "< url=http://x.org>a");
    assert_string_equal(ok(f, "[mail](mailto:me@example.com)"), "< url=mailto:me@example.com>mail");
    assert_string_equal(ok(f, "[a](HTTPS://X.ORG)"), "< url=HTTPS://X.ORG>a");
    assert_string_equal(ok(f, "[**b** and *i*](https://x)"),
                        "<S url=https://x>b< url=https://x> and <E url=https://x>i");
    assert_string_equal(ok(f, "**[b](https://x) c**"), "<S url=https://x>b<S> c");
    /* balanced parentheses and escapes in the target */
    assert_string_equal(ok(f, "[w](https://en.wikipedia.org/wiki/Foo_(bar))."),
                        "< url=https://en.wikipedia.org/wiki/Foo_(bar)>w<>.");
    assert_string_equal(ok(f, "[w](https://x/a\\)b)"), "< url=https://x/a)b>w");
    assert_string_equal(ok(f, "[w](https://x/\\(a)"), "< url=https://x/(a>w");
    /* links never merge with their neighbours nor with each other */
    assert_string_equal(ok(f, "a[b](https://x)[c](https://x)d"),
                        "<>a< url=https://x>b< url=https://x>c<>d");
    assert_int_equal(f->t.n_runs, 4);
    /* ']' and '](' outside a link are text */
    assert_string_equal(ok(f, "a] b](c)"), "<>a] b](c)");
    /* styles and links are independent */
    assert_string_equal(ok(f, "[**a](https://x) b**"), "<S url=https://x>a<S> b");
    /* the text of a link may span lines */
    assert_string_equal(ok(f, "[a\nb](https://x)"), "< url=https://x>a\nb");
    /* Korean in the text and the URL */
    assert_string_equal(ok(f, "[서울 *날씨*](https://ko.wikipedia.org/wiki/서울)"),
                        "< url=https://ko.wikipedia.org/wiki/서울>서울 "
                        "<E url=https://ko.wikipedia.org/wiki/서울>날씨");
}

static void links_internal(void **state)
{
    fixture *f = *state;
    assert_string_equal(ok(f, "[the table](#t1)"), "< table=t1>the table");
    assert_string_equal(ok(f, "[f](#fig)[s](#sec)[i](#img)[n](#n1)[c](#c)"),
                        "< figure=fig>f< section=sec>s< image=img>i< footnote=n1>n< chart=c>c");
    assert_string_equal(ok(f, "[표](#표1)를 보라"), "< table=표1>표<>를 보라");
    assert_string_equal(ok(f, "[x](#a\\)b)"), "< table=a)b>x");
}

static void links_errors(void **state)
{
    fixture *f = *state;
    bad(f, "see [x](#foo)", 8, "unknown link target '#foo'");
    bad(f, "[x](#)", 4, "empty link target '#'");
    bad(f, "[x]()", 4, "empty link target");
    bad(f, "[x](page.html)", 4, "link target 'page.html' is neither");
    bad(f, "[x](/abs/path)", 4, "link target '/abs/path' is neither");
    bad(f, "[x](javascript:alert(1))", 4, "link target 'javascript:alert(1)' is neither");
    bad(f, "[x](ftp://x)", 4, "link target 'ftp://x' is neither");
    bad(f, "[x](https://)", 4, "link target 'https://' is neither");
    bad(f, "[x](mailto:)", 4, "link target 'mailto:' is neither");
    bad(f, "[x](https://a b)", 13, "space in a link target");
    bad(f, "[x](https://a \"title\")", 13, "space in a link target");
    bad(f, "[x](https://a\xe3\x80\x80" "b)", 13, "space in a link target");
    bad(f, "[x](https://a\x1b[2J)", 13, "control character in a link target");
    bad(f, "[](https://x)", 0, "empty link text");
    bad(f, "a [x] b", 2, "'[' without '](…)'");
    bad(f, "a [x", 2, "'[' without '](…)'");
    bad(f, "a [x]", 2, "'[' without '](…)'");
    bad(f, "a [x](https://x", 2, "'[' without '](…)'");
    bad(f, "[x](https://x/(a)", 0, "'[' without '](…)'");
    bad(f, "[", 0, "'[' without '](…)'");
    bad(f, "[a [b](https://x)](https://y)", 3, "'[' inside a link's text");
    bad(f, "[a[^n1]](https://x)", 2, "a footnote reference cannot be inside a link");
    /* no resolver: every internal target is unknown, URLs still work */
    assert_int_equal(markup_parse(&f->a, "[x](#t1)", 8, NULL, &f->t, &f->err), -1);
    assert_int_equal(f->err.offset, 4);
    assert_string_equal(f->err.message, "unknown link target '#t1'");
    assert_int_equal(markup_parse(&f->a, "[x](https://y)", 14, NULL, &f->t, &f->err), 0);
    assert_string_equal(dump(f), "< url=https://y>x");
}

/* ---- footnotes ------------------------------------------------------- */

static void footnotes_numbered(void **state)
{
    fixture *f = *state;
    assert_string_equal(ok(f, "a[^n2] b[^n1] c[^n2]."), "<>a<^1>1<> b<^2>2<> c<^1>1<>.");
    assert_string_equal(f->t.plain, "a b c.");
    /* numbers stay with the resolver across fields */
    assert_string_equal(ok(f, "[^n1]"), "<^2>2");
    assert_string_equal(f->t.plain, "");
    assert_string_equal(ok(f, "**strong[^n2]**"), "<S>strong<S^1>1");
    assert_string_equal(ok(f, "[^n1][^n2]"), "<^2>2<^1>1");
    assert_int_equal(f->t.n_runs, 2);
    assert_string_equal(ok(f, "[^n1](not a link)"), "<^2>2<>(not a link)");
    assert_string_equal(ok(f, "한국어 설명[^주석]입니다"), "<>한국어 설명<^3>3<>입니다");
    assert_string_equal(f->t.plain, "한국어 설명입니다");
}

static void footnotes_errors(void **state)
{
    fixture *f = *state;
    bad(f, "x[^n9]", 1, "unknown footnote 'n9'");
    bad(f, "x[^]", 1, "empty footnote reference");
    bad(f, "x[^n1", 1, "'[^' without ']'");
    bad(f, "x[^my note]", 1, "'[^' without ']'");
    bad(f, "x[^a[^n1]]", 1, "'[^' without ']'");
    bad(f, "[^", 0, "'[^' without ']'");
    assert_int_equal(markup_parse(&f->a, "[^n1]", 5, NULL, &f->t, &f->err), -1);
    assert_string_equal(f->err.message, "unknown footnote 'n1'");
    /* a resolver without callbacks knows nothing either */
    markup_resolver none = {0};
    assert_int_equal(markup_parse(&f->a, "[^n1]", 5, &none, &f->t, &f->err), -1);
    assert_int_equal(markup_parse(&f->a, "[a](#t1)", 8, &none, &f->t, &f->err), -1);
}

/* ---- Korean and the plain text --------------------------------------- */

static void korean(void **state)
{
    fixture *f = *state;
    assert_string_equal(ok(f, "**클라우드** 시장은 *AI 인프라*로 커졌다"),
                        "<S>클라우드<> 시장은 <E>AI 인프라<>로 커졌다");
    assert_string_equal(f->t.plain, "클라우드 시장은 AI 인프라로 커졌다");
    /* punctuation beside a marker does not matter (CommonMark would leave
     * this one literal) */
    assert_string_equal(ok(f, "**\"인용\"**은"), "<S>\"인용\"<>은");
    assert_string_equal(ok(f, "매출이 **31%**로"), "<>매출이 <S>31%<>로");
    bad(f, "가나 **다라", 7, "unclosed '**'");
    bad(f, "가 [표](#없음)", 10, "unknown link target '#없음'");
}

static void plain_text(void **state)
{
    fixture *f = *state;
    ok(f, "A **bold** claim[^n1], *see* [the \\*table\\*](#t1) and [AWS](https://aws.amazon.com).");
    assert_string_equal(f->t.plain, "A bold claim, see the *table* and AWS.");
    assert_int_equal(f->t.n_runs, 11);
}

static void plain_fields(void **state)
{
    fixture *f = *state;
    assert_int_equal(markup_plain(&f->a, "no **markup** [here]", &f->t), 0);
    assert_string_equal(dump(f), "<>no **markup** [here]");
    assert_string_equal(f->t.plain, "no **markup** [here]");
    assert_int_equal(markup_plain(&f->a, "", &f->t), 0);
    assert_string_equal(f->t.plain, "");
    assert_int_equal(f->t.n_runs, 0);
    assert_int_equal(markup_plain(&f->a, NULL, &f->t), 0);
    assert_null(f->t.plain);
    assert_int_equal(f->t.n_runs, 0);
    assert_int_equal(f->t.run_size, sizeof(quire_run));
}

/* A long id is cut in the message, on a character boundary. */
static void messages_cut(void **state)
{
    fixture *f = *state;
    char s[1024] = "[^";
    for (int i = 0; i < 300; i++)
        strcat(s, "가");
    strcat(s, "]");
    assert_int_equal(markup_parse(&f->a, s, strlen(s), &f->r, &f->t, &f->err), -1);
    const char *m = f->err.message;
    assert_true(strlen(m) < sizeof f->err.message);
    assert_true(strncmp(m, "unknown footnote '가가", strlen("unknown footnote '가가")) == 0);
    assert_non_null(strstr(m, "가…'"));
}

/* ---- large inputs: each must finish, and right ----------------------- */

#define BIG (1u << 20)

static char *repeat(const char *unit, size_t times, size_t *len)
{
    size_t u = strlen(unit);
    char *s = malloc(u * times + 1);
    assert_non_null(s);
    for (size_t i = 0; i < times; i++)
        memcpy(s + i * u, unit, u);
    s[u * times] = '\0';
    *len = u * times;
    return s;
}

static int parse_big(fixture *f, const char *unit, size_t times, const char *prefix,
                     const char *suffix)
{
    size_t n, lp = strlen(prefix), ls = strlen(suffix);
    char *body = repeat(unit, times, &n);
    char *s = malloc(lp + n + ls + 1);
    assert_non_null(s);
    memcpy(s, prefix, lp);
    memcpy(s + lp, body, n);
    memcpy(s + lp + n, suffix, ls + 1);
    int rc = markup_parse(&f->a, s, lp + n + ls, &f->r, &f->t, &f->err);
    free(body);
    free(s);
    return rc;
}

static void large_inputs(void **state)
{
    fixture *f = *state;
    /* a megabyte of stars is one literal run */
    assert_int_equal(parse_big(f, "*", BIG, "", ""), 0);
    assert_int_equal(f->t.n_runs, 1);
    assert_int_equal(strlen(f->t.plain), BIG);
    /* ... and an error as soon as it can open */
    assert_int_equal(parse_big(f, "*", BIG, "", "a"), -1);
    assert_int_equal(f->err.offset, 0);
    /* brackets: the second one is the error */
    assert_int_equal(parse_big(f, "[", BIG, "", ""), -1);
    assert_int_equal(f->err.offset, 1);
    assert_int_equal(parse_big(f, "[a", BIG / 2, "", ""), -1);
    assert_int_equal(f->err.offset, 2);
    assert_int_equal(parse_big(f, "]", BIG, "", ""), 0);
    assert_int_equal(f->t.n_runs, 1);
    /* a target that never ends, however deep its parentheses */
    assert_int_equal(parse_big(f, "(", BIG, "[x](https://a", ""), -1);
    assert_int_equal(f->err.offset, 0);
    assert_int_equal(parse_big(f, "a", BIG, "[x](https://", ")"), 0);
    assert_int_equal(strlen(quire_run_at(&f->t, 0)->link), BIG + 8);
    assert_int_equal(parse_big(f, "(", BIG, "[x](https://a", ")"), -1);
    assert_int_equal(parse_big(f, "()", BIG / 2, "[x](https://a", ")"), 0);
    /* alternating styles: one run per word */
    assert_int_equal(parse_big(f, "*a* **b** ", BIG / 10, "", ""), 0);
    assert_int_equal(f->t.n_runs, 4 * (BIG / 10));
    assert_int_equal(parse_big(f, "*a", BIG / 2, "", ""), 0);
    assert_int_equal(f->t.n_runs, BIG / 2);
    assert_int_equal(parse_big(f, "*a", BIG / 2, "", "*a"), -1);
    assert_int_equal(f->err.offset, BIG);
    /* many footnote references and links */
    assert_int_equal(parse_big(f, "[^n1]", BIG / 5, "", ""), 0);
    assert_int_equal(f->t.n_runs, BIG / 5);
    assert_string_equal(f->t.plain, "");
    assert_int_equal(parse_big(f, "[^", BIG / 2, "", ""), -1);
    assert_int_equal(f->err.offset, 0);
    assert_int_equal(parse_big(f, "a", BIG, "[^", "]"), -1);
    assert_int_equal(parse_big(f, "[a](#t1)", BIG / 8, "", ""), 0);
    assert_int_equal(f->t.n_runs, BIG / 8);
    /* escapes */
    assert_int_equal(parse_big(f, "\\\\", BIG / 2, "", ""), 0);
    assert_int_equal(strlen(f->t.plain), BIG / 2);
    assert_int_equal(parse_big(f, "\\", BIG, "", ""), 0);
    assert_int_equal(strlen(f->t.plain), BIG / 2);
}

int main(int argc, char **argv)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(styles_empty_and_plain, setup, teardown),
        cmocka_unit_test_setup_teardown(styles_strong_emphasis, setup, teardown),
        cmocka_unit_test_setup_teardown(styles_literal_stars, setup, teardown),
        cmocka_unit_test_setup_teardown(styles_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(escapes, setup, teardown),
        cmocka_unit_test_setup_teardown(escapes_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(links_urls, setup, teardown),
        cmocka_unit_test_setup_teardown(links_internal, setup, teardown),
        cmocka_unit_test_setup_teardown(links_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(footnotes_numbered, setup, teardown),
        cmocka_unit_test_setup_teardown(footnotes_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(korean, setup, teardown),
        cmocka_unit_test_setup_teardown(plain_text, setup, teardown),
        cmocka_unit_test_setup_teardown(plain_fields, setup, teardown),
        cmocka_unit_test_setup_teardown(messages_cut, setup, teardown),
        cmocka_unit_test_setup_teardown(large_inputs, setup, teardown),
    };
    if (argc > 1) {
        /* a group name that matches no test would pass without testing */
        size_t n = strcspn(argv[1], "*"), matched = 0;
        for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++)
            matched += strncmp(tests[i].name, argv[1], n) == 0;
        if (!matched) {
            fprintf(stderr, "no test matches '%s'\n", argv[1]);
            return 1;
        }
        cmocka_set_test_filter(argv[1]);
    }
    return cmocka_run_group_tests_name("markup", tests, NULL, NULL);
}
