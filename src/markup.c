/* markup.c — the inline markup of prose fields, parsed in one pass.
 *
 * The rules (a small, predictable subset of CommonMark inline syntax):
 *
 * Styles. A run of '*' is a marker. It is literal text when it can neither
 * open (it is followed by whitespace or the end) nor close (it follows
 * whitespace or the start): "5 * 3", "* item", "rated *****". Otherwise one
 * '*' switches emphasis, two switch strong, three switch both; four or more
 * are an error (escape them). Whitespace is Unicode whitespace (U+3000
 * included); unlike CommonMark, punctuation does not matter, so
 * **"인용"**은 is strong. Each marker
 *   - first closes what it names that is open, when it can close;
 *   - then opens the rest, when it can open and none of it is open yet;
 *   - any star left over is literal text ("**a***" is strong "a" and "*";
 *     "*a *b*" is emphasis "a *b": the second star cannot close and
 *     emphasis is already open).
 * Styles are flags, so markers may overlap: "**a *b** c*" is strong "a",
 * strong emphasis "b", emphasis " c". A style still open at the end is an
 * error at its opening marker ("unclosed '**'").
 *
 * Links. "[text](https://…)", "http://…", "mailto:…" (scheme in any case)
 * link to the URL; "[text](#id)" to the id, whose kind the resolver gives
 * (unknown: an error). Any other target (relative, javascript:, empty) is an
 * error. The text may hold strong and emphasis, not another '[' or a
 * footnote reference, and may not be empty. The target ends at the first ')'
 * outside balanced parentheses (Wikipedia's "Foo_(bar)" works), '\' escapes
 * punctuation in it, and whitespace or a control character is an error. A
 * '[' without a complete "](…)" is an error; a ']' or "](" outside a link's
 * text is text. Styles and links are independent: a style may start in a
 * link's text and end after it. Two links never merge, even to the same URL.
 *
 * Footnotes. "[^id]" is one run whose text is the footnote's number (its
 * footnote field too), in the styles open there, with no link; it is left
 * out of the plain text. An id is everything up to ']' (no whitespace, no
 * control character, no '['); an unknown id is an error.
 *
 * Escapes. '\' followed by an ASCII punctuation character is that character
 * ("\*", "\[", "\]", "\\", "\("); any other '\' is literal ("C:\Users",
 * a trailing '\').
 *
 * Runs. Adjacent text in the same styles and the same link is one run; empty
 * input is zero runs and plain "".
 *
 * Cost: every byte is looked at a bounded number of times (a marker's
 * neighbours, one scan of a target or a footnote id), nothing recurses, and
 * the temporary buffers grow with the input only. Output goes to the arena
 * only on success, in one block of strings and one array of runs. */
#include "markup.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { STRONG = QUIRE_RUN_STRONG, EMPH = QUIRE_RUN_EMPHASIS };

#define NO_LINK SIZE_MAX
/* Ids quoted in messages are cut to this many bytes. */
#define QUOTE_MAX 80

typedef struct mrun {
    size_t start, len;  /* in parser.text */
    unsigned flags;
    size_t link;        /* index into parser.links, or NO_LINK */
    int footnote;
} mrun;

typedef struct mlink {
    size_t start, len;  /* in parser.ltext, once the target is read */
    quire_target target;
    const char *copy;   /* in the arena, once emitted */
} mlink;

typedef struct vec {
    void *p;
    size_t len, cap;    /* in elements */
} vec;

typedef struct parser {
    const char *s;
    size_t len, i;
    const markup_resolver *r;
    markup_error *err;
    vec text;           /* char: the runs' texts, back to back */
    vec runs;           /* mrun */
    vec links;          /* mlink */
    vec ltext;          /* char: the links' strings, back to back */
    vec scratch;        /* char: an id to hand to the resolver */
    unsigned flags;
    size_t open_at[2];  /* offset of the marker that opened strong, emphasis */
    int in_link;
    size_t link_at;     /* offset of the '[' of the open link */
    size_t link_text;   /* parser.text.len when the link opened */
} parser;

/* ---- errors ---------------------------------------------------------- */

static int fail(parser *p, size_t offset, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(parser *p, size_t offset, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->err->message, sizeof p->err->message, fmt, ap);
    va_end(ap);
    p->err->offset = offset;
    return -1;
}

static int oom(parser *p)
{
    return fail(p, p->i, "out of memory");
}

/* How many of the len bytes at s fit in QUOTE_MAX without cutting a
 * character in two; *cut says whether some were left out. */
static int quote_len(const char *s, size_t len, int *cut)
{
    *cut = len > QUOTE_MAX;
    if (!*cut)
        return (int)len;
    size_t n = QUOTE_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
        n--;
    return (int)n;
}

/* ---- growing buffers ------------------------------------------------- */

static int vec_reserve(vec *v, size_t more, size_t elem)
{
    if (v->cap - v->len >= more)
        return 0;
    size_t cap = v->cap ? v->cap : 64;
    while (cap - v->len < more) {
        if (cap > SIZE_MAX / 2 / elem)
            return -1;
        cap *= 2;
    }
    void *q = realloc(v->p, cap * elem);
    if (!q)
        return -1;
    v->p = q;
    v->cap = cap;
    return 0;
}

static int vec_put_bytes(vec *v, const char *s, size_t n)
{
    if (vec_reserve(v, n, 1) != 0)
        return -1;
    memcpy((char *)v->p + v->len, s, n);
    v->len += n;
    return 0;
}

static mrun *last_run(parser *p)
{
    return p->runs.len ? (mrun *)p->runs.p + p->runs.len - 1 : NULL;
}

static size_t current_link(const parser *p)
{
    return p->in_link ? p->links.len - 1 : NO_LINK;
}

static int new_run(parser *p, unsigned flags, size_t link, int footnote)
{
    if (vec_reserve(&p->runs, 1, sizeof(mrun)) != 0)
        return oom(p);
    mrun *r = (mrun *)p->runs.p + p->runs.len++;
    *r = (mrun){.start = p->text.len, .len = 0, .flags = flags, .link = link,
                .footnote = footnote};
    return 0;
}

/* Text in the current styles and link: it extends the last run when that
 * one has the same look. */
static int put_text(parser *p, const char *s, size_t n)
{
    if (n == 0)
        return 0;
    size_t link = current_link(p);
    mrun *r = last_run(p);
    if (!r || r->footnote || r->flags != p->flags || r->link != link)
        if (new_run(p, p->flags, link, 0) != 0)
            return -1;
    if (vec_put_bytes(&p->text, s, n) != 0)
        return oom(p);
    last_run(p)->len += n;
    return 0;
}

/* ---- characters ------------------------------------------------------ */

static int is_ascii_punct(unsigned char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

static int is_ascii_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int is_control(unsigned char c)
{
    return c < 0x20 || c == 0x7F;
}

/* The code point starting at s[i] (the input is valid UTF-8). */
static uint32_t decode_at(const char *s, size_t len, size_t i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    size_t left = len - i;
    if (u[0] < 0x80)
        return u[0];
    if (u[0] >= 0xF0 && left >= 4)
        return (uint32_t)(u[0] & 0x07) << 18 | (uint32_t)(u[1] & 0x3F) << 12 |
               (uint32_t)(u[2] & 0x3F) << 6 | (u[3] & 0x3F);
    if (u[0] >= 0xE0 && left >= 3)
        return (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
    if (u[0] >= 0xC0 && left >= 2)
        return (uint32_t)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
    return 0xFFFD;
}

/* Unicode whitespace as CommonMark defines it: the Zs category and the
 * ASCII controls that space. */
static int is_unicode_space(uint32_t c)
{
    return (c < 0x80 && is_ascii_space((unsigned char)c)) || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Whether the character at i is whitespace; the end counts as whitespace. */
static int space_at(const parser *p, size_t i)
{
    return i >= p->len || is_unicode_space(decode_at(p->s, p->len, i));
}

/* Whether the character ending just before i is whitespace; the start
 * counts as whitespace. At most three continuation bytes are stepped over. */
static int space_before(const parser *p, size_t i)
{
    if (i == 0)
        return 1;
    size_t j = i - 1;
    while (j > 0 && i - j < 4 && ((unsigned char)p->s[j] & 0xC0) == 0x80)
        j--;
    return is_unicode_space(decode_at(p->s, i, j));
}

/* ---- styles ---------------------------------------------------------- */

static const char *stars(unsigned flags)
{
    return flags == (STRONG | EMPH) ? "***" : flags == STRONG ? "**" : "*";
}

static void open_styles(parser *p, unsigned flags, size_t at)
{
    if (flags & STRONG)
        p->open_at[0] = at;
    if (flags & EMPH)
        p->open_at[1] = at;
    p->flags |= flags;
}

static int on_stars(parser *p)
{
    size_t at = p->i, n = 0;
    while (p->i < p->len && p->s[p->i] == '*')
        p->i++, n++;
    int can_open = !space_at(p, p->i);
    int can_close = !space_before(p, at);
    if (!can_open && !can_close)
        return put_text(p, p->s + at, n);
    if (n > 3)
        return fail(p, at, "%zu '*' in a row: a marker has at most three (write '\\*' for a star)",
                    n);
    unsigned names = n == 1 ? EMPH : n == 2 ? STRONG : STRONG | EMPH;
    unsigned rest = names;
    if (can_close) {
        rest = names & ~p->flags;
        p->flags &= ~names;
    }
    if (!rest)
        return 0;
    if (can_open && !(rest & p->flags)) {
        open_styles(p, rest, at);
        return 0;
    }
    const char *lit = stars(rest);
    return put_text(p, lit, strlen(lit));
}

/* The style still open whose marker came first. */
static int unclosed(parser *p)
{
    unsigned f = p->flags;
    if (f == (STRONG | EMPH) && p->open_at[0] != p->open_at[1])
        f = p->open_at[0] < p->open_at[1] ? STRONG : EMPH;
    size_t at = f & STRONG ? p->open_at[0] : p->open_at[1];
    return fail(p, at, "unclosed '%s' (write '\\*' for a star)", stars(f));
}

/* ---- escapes --------------------------------------------------------- */

static int on_backslash(parser *p)
{
    if (p->i + 1 < p->len && is_ascii_punct((unsigned char)p->s[p->i + 1])) {
        p->i += 2;
        return put_text(p, p->s + p->i - 1, 1);
    }
    p->i++;
    return put_text(p, "\\", 1);
}

/* ---- footnote references --------------------------------------------- */

static const char *scratch_id(parser *p, const char *s, size_t n)
{
    p->scratch.len = 0;
    if (vec_put_bytes(&p->scratch, s, n) != 0 || vec_put_bytes(&p->scratch, "", 1) != 0)
        return NULL;
    return p->scratch.p;
}

static int on_footnote(parser *p)
{
    size_t at = p->i, start = at + 2, j = start;
    if (p->in_link)
        return fail(p, at, "a footnote reference cannot be inside a link's text");
    while (j < p->len && p->s[j] != ']' && p->s[j] != '[' &&
           !is_ascii_space((unsigned char)p->s[j]) && !is_control((unsigned char)p->s[j]))
        j++;
    if (j >= p->len || p->s[j] != ']')
        return fail(p, at, "'[^' without ']': a footnote reference is [^id], with no spaces");
    if (j == start)
        return fail(p, at, "empty footnote reference '[^]'");
    const char *id = scratch_id(p, p->s + start, j - start);
    if (!id)
        return oom(p);
    int number = p->r && p->r->footnote ? p->r->footnote(p->r->ctx, id) : 0;
    if (number <= 0) {
        int cut, q = quote_len(id, j - start, &cut);
        return fail(p, at, "unknown footnote '%.*s%s'", q, id, cut ? "…" : "");
    }
    char digits[16];
    int nd = snprintf(digits, sizeof digits, "%d", number);
    if (new_run(p, p->flags, NO_LINK, number) != 0)
        return -1;
    if (vec_put_bytes(&p->text, digits, (size_t)nd) != 0)
        return oom(p);
    last_run(p)->len = (size_t)nd;
    p->i = j + 1;
    return 0;
}

/* ---- links ----------------------------------------------------------- */

static int on_open_bracket(parser *p)
{
    if (p->i + 1 < p->len && p->s[p->i + 1] == '^')
        return on_footnote(p);
    if (p->in_link)
        return fail(p, p->i, "'[' inside a link's text (write '\\[' for a bracket)");
    if (vec_reserve(&p->links, 1, sizeof(mlink)) != 0)
        return oom(p);
    mlink *l = (mlink *)p->links.p + p->links.len++;
    *l = (mlink){.start = 0, .len = 0, .target = QUIRE_TARGET_NONE};
    p->in_link = 1;
    p->link_at = p->i;
    p->link_text = p->text.len;
    p->i++;
    return 0;
}

static int starts_with_nocase(const char *s, size_t len, const char *prefix)
{
    size_t n = strlen(prefix);
    if (len < n)
        return 0;
    for (size_t k = 0; k < n; k++) {
        char c = s[k];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != prefix[k])
            return 0;
    }
    return 1;
}

/* Whether the target is an absolute http, https or mailto URL with
 * something after the scheme. */
static int is_absolute_url(const char *u, size_t n)
{
    static const char *const schemes[] = {"https://", "http://", "mailto:"};
    for (size_t k = 0; k < sizeof schemes / sizeof schemes[0]; k++)
        if (starts_with_nocase(u, n, schemes[k]) && n > strlen(schemes[k]))
            return 1;
    return 0;
}

/* The target of the open link, from p->i (just after "]("): read up to its
 * ')', unescaped into ltext, then checked and resolved. */
static int read_target(parser *p)
{
    size_t start = p->i, j = start, depth = 0;
    size_t lstart = p->ltext.len;
    while (j < p->len) {
        unsigned char c = (unsigned char)p->s[j];
        if (c == '\\' && j + 1 < p->len && is_ascii_punct((unsigned char)p->s[j + 1])) {
            if (vec_put_bytes(&p->ltext, p->s + j + 1, 1) != 0)
                return oom(p);
            j += 2;
            continue;
        }
        if (c == ')' && depth == 0)
            break;
        if (c == '(')
            depth++;
        else if (c == ')')
            depth--;
        else if (is_ascii_space(c) || (c >= 0x80 && is_unicode_space(decode_at(p->s, p->len, j))))
            return fail(p, j, "space in a link target (write it as %%20)");
        else if (is_control(c))
            return fail(p, j, "control character in a link target");
        if (vec_put_bytes(&p->ltext, p->s + j, 1) != 0)
            return oom(p);
        j++;
    }
    if (j >= p->len)
        return fail(p, p->link_at, "'[' without '](…)' (write '\\[' for a bracket)");
    p->i = j + 1;

    size_t n = p->ltext.len - lstart;
    if (n == 0)  /* before the pointer: ltext.p may still be NULL */
        return fail(p, start, "empty link target '()'");
    char *u = (char *)p->ltext.p + lstart;
    mlink *l = (mlink *)p->links.p + p->links.len - 1;
    int cut, q = quote_len(u, n, &cut);
    if (u[0] == '#') {
        if (n == 1)
            return fail(p, start, "empty link target '#'");
        const char *id = scratch_id(p, u + 1, n - 1);
        if (!id)
            return oom(p);
        quire_target t = p->r && p->r->target ? p->r->target(p->r->ctx, id) : QUIRE_TARGET_NONE;
        if (t == QUIRE_TARGET_NONE || t == QUIRE_TARGET_URL)
            return fail(p, start, "unknown link target '%.*s%s'", q, u, cut ? "…" : "");
        *l = (mlink){.start = lstart + 1, .len = n - 1, .target = t};
        return 0;
    }
    if (!is_absolute_url(u, n))
        return fail(p, start,
                    "link target '%.*s%s' is neither an absolute http, https or mailto URL "
                    "nor '#id'",
                    q, u, cut ? "…" : "");
    *l = (mlink){.start = lstart, .len = n, .target = QUIRE_TARGET_URL};
    return 0;
}

static int on_close_bracket(parser *p)
{
    if (!p->in_link) {
        p->i++;
        return put_text(p, "]", 1);
    }
    if (p->i + 1 >= p->len || p->s[p->i + 1] != '(')
        return fail(p, p->link_at, "'[' without '](…)' (write '\\[' for a bracket)");
    if (p->text.len == p->link_text)
        return fail(p, p->link_at, "empty link text");
    p->i += 2;
    if (read_target(p) != 0)
        return -1;
    p->in_link = 0;
    return 0;
}

/* ---- the pass and the result ----------------------------------------- */

static int is_special(char c)
{
    return c == '*' || c == '\\' || c == '[' || c == ']';
}

static int scan(parser *p)
{
    while (p->i < p->len) {
        char c = p->s[p->i];
        int rc;
        if (c == '*')
            rc = on_stars(p);
        else if (c == '\\')
            rc = on_backslash(p);
        else if (c == '[')
            rc = on_open_bracket(p);
        else if (c == ']')
            rc = on_close_bracket(p);
        else {
            size_t j = p->i;
            while (j < p->len && !is_special(p->s[j]))
                j++;
            rc = put_text(p, p->s + p->i, j - p->i);
            p->i = j;
        }
        if (rc != 0)
            return -1;
    }
    if (p->in_link)
        return fail(p, p->link_at, "'[' without '](…)' (write '\\[' for a bracket)");
    if (p->flags)
        return unclosed(p);
    return 0;
}

/* Copies the runs into the arena: one block holds every run's text, the
 * plain text and every link, each NUL-terminated. */
static int emit(parser *p, arena *a, quire_text *out)
{
    const mrun *runs = p->runs.p;
    mlink *links = p->links.p;
    size_t n = p->runs.len, plain_len = 0;
    for (size_t k = 0; k < n; k++)
        if (!runs[k].footnote)
            plain_len += runs[k].len;
    size_t total = p->text.len + n + plain_len + 1 + p->ltext.len + p->links.len;
    char *block = arena_alloc(a, total);
    quire_run *qr = n ? (n > SIZE_MAX / sizeof *qr ? NULL : arena_alloc(a, n * sizeof *qr)) : NULL;
    if (!block || (n && !qr))
        return oom(p);
    const char *text = p->text.p, *ltext = p->ltext.p;
    char *w = block;
    for (size_t k = 0; k < p->links.len; k++) {
        links[k].copy = w;
        memcpy(w, ltext + links[k].start, links[k].len);
        w += links[k].len;
        *w++ = '\0';
    }
    char *plain = w;
    for (size_t k = 0; k < n; k++)
        if (!runs[k].footnote) {
            memcpy(w, text + runs[k].start, runs[k].len);
            w += runs[k].len;
        }
    *w++ = '\0';
    for (size_t k = 0; k < n; k++) {
        const mrun *m = &runs[k];
        qr[k] = (quire_run){.text = w, .flags = m->flags,
                            .target = m->link == NO_LINK ? QUIRE_TARGET_NONE : links[m->link].target,
                            .link = m->link == NO_LINK ? NULL : links[m->link].copy,
                            .footnote = m->footnote};
        memcpy(w, text + m->start, m->len);
        w += m->len;
        *w++ = '\0';
    }
    out->plain = plain;
    out->runs = qr;
    out->n_runs = n;
    out->run_size = sizeof(quire_run);
    return 0;
}

int markup_parse(arena *a, const char *s, size_t len, const markup_resolver *r,
                 quire_text *out, markup_error *err)
{
    parser p = {.s = s, .len = len, .r = r, .err = err};
    err->offset = 0;
    err->message[0] = '\0';
    int rc = scan(&p);
    if (rc == 0)
        rc = emit(&p, a, out);
    free(p.text.p);
    free(p.runs.p);
    free(p.links.p);
    free(p.ltext.p);
    free(p.scratch.p);
    return rc;
}

int markup_plain(arena *a, const char *s, quire_text *out)
{
    *out = (quire_text){.plain = NULL, .runs = NULL, .n_runs = 0, .run_size = sizeof(quire_run)};
    if (!s)
        return 0;
    size_t n = strlen(s);
    char *copy = arena_strndup(a, s, n);
    if (!copy)
        return -1;
    out->plain = copy;
    if (n == 0)
        return 0;
    quire_run *r = arena_alloc(a, sizeof *r);
    if (!r)
        return -1;
    *r = (quire_run){.text = copy, .flags = 0, .target = QUIRE_TARGET_NONE, .link = NULL,
                     .footnote = 0};
    out->runs = r;
    out->n_runs = 1;
    return 0;
}
