/* fuzz_depfile.c — libFuzzer harness for --depfile's names (src/depfile.c).
 * The input is up to eight names separated by NUL bytes: the first half
 * are a rule's targets (outputs), the rest its inputs. Every name is either
 * refused with a one-line reason, and then depfile_escape writes nothing,
 * or escaped; the escaped rule and the -MP empty rules quire writes
 *
 *     T1 T2: \
 *       I1 \
 *       I2
 *
 *     I1:
 *
 * must read back as exactly those names in a model of each reader:
 * ninja's depfile lexer (src/depfile_parser.in.cc: the escapes of spaces,
 * '#', ':' and "$$", longest match first) and GNU make's rule line (a
 * backslash-newline joins lines, '#' starts a comment, '$' expands, the
 * first ':' ends the targets, blanks split words, and ';', '|', '=', a
 * second ':', '%', wildcards, '(' or a leading '~' change what the line
 * means). A name both models do not read back as itself is a finding. */
#include "depfile.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_NAMES 8

typedef struct name_list {
    char *items[64];
    size_t n;
} name_list;

static void push(name_list *l, const char *s, size_t len)
{
    if (l->n == sizeof l->items / sizeof l->items[0])
        abort();   /* more names than the depfile holds */
    l->items[l->n] = strndup(s, len);
    if (!l->items[l->n])
        abort();
    l->n++;
}

static int contains(const name_list *l, const char *s)
{
    for (size_t i = 0; i < l->n; i++)
        if (strcmp(l->items[i], s) == 0)
            return 1;
    return 0;
}

static void clear(name_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->items[i]);
    l->n = 0;
}

/* ---- ninja: outs are the names before the first one ending in ':' of a
 * line, ins the names after it; an input named again as a target is
 * skipped (the -MP rules). Mirrors DepfileParser::Parse. */

static int ninja_plain(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || (c && strchr("+?\"'&,/_:.~()}{%=@[]!-", c) != NULL);
}

/* Reads one file name from *pp into buf (its length in *len); returns
 * whether a newline ended it. */
static int ninja_name(const char **pp, const char *end, char *buf, size_t *len)
{
    const char *p = *pp;
    size_t n = 0;
    int newline = 0;
    for (;;) {
        unsigned char c = p < end ? (unsigned char)*p : 0;
        size_t b = 0;
        while (p + b < end && p[b] == '\\')
            b++;
        unsigned char after = p + b < end ? (unsigned char)p[b] : 0;
        if (b > 0 && after == ' ') {
            if (b % 2) {                    /* 2N+1 backslashes, space: N and a space */
                memset(buf + n, '\\', b / 2), n += b / 2;
                buf[n++] = ' ';
                p += b + 1;
                continue;
            }
            memset(buf + n, '\\', b), n += b;   /* 2N backslashes: the name ends */
            p += b + 1;
            break;
        }
        if (b > 0 && after == '#') {
            memset(buf + n, '\\', b - 1), n += b - 1;
            buf[n++] = '#';
            p += b + 1;
            continue;
        }
        if (b > 0 && after == ':') {
            unsigned char next = p + b + 1 < end ? (unsigned char)p[b + 1] : 0;
            if (next == 0 || next == ' ' || next == '\r' || next == '\n' || next == '\t') {
                memcpy(buf + n, p, b + 1), n += b + 1;   /* kept as written */
                newline = next == '\n';
                p += b + 2;
                break;
            }
            memset(buf + n, '\\', b - 1), n += b - 1;
            buf[n++] = ':';
            p += b + 1;
            continue;
        }
        if (b == 0 && c == '$' && p + 1 < end && p[1] == '$') {
            buf[n++] = '$';
            p += 2;
            continue;
        }
        if (b == 1 && (after == '\n' || (after == '\r' && p + 2 < end && p[2] == '\n'))) {
            p += after == '\n' ? 2 : 3;     /* a continuation ends the name */
            break;
        }
        if (b > 0 && after != 0 && after != '\r' && after != '\n') {
            memcpy(buf + n, p, b + 1), n += b + 1;
            p += b + 1;
            continue;
        }
        if (b > 1) {                        /* backslashes before a line end */
            memcpy(buf + n, p, b), n += b;
            p += b;
            continue;
        }
        if (b == 0 && ninja_plain(c)) {
            while (p < end && ninja_plain((unsigned char)*p))
                buf[n++] = *p++;
            continue;
        }
        if (p >= end)
            break;
        if (c == '\n' || (c == '\r' && p + 1 < end && p[1] == '\n')) {
            p += c == '\n' ? 1 : 2;
            newline = 1;
            break;
        }
        p++;                                /* anything else ends the name */
        break;
    }
    *pp = p;
    *len = n;
    return newline;
}

static void ninja_read(const char *text, size_t size, name_list *outs, name_list *ins)
{
    char *buf = malloc(size + 1);
    if (!buf)
        abort();
    const char *p = text, *end = text + size;
    int targets = 1;
    while (p < end) {
        size_t n;
        int newline = ninja_name(&p, end, buf, &n);
        int dependency = !targets;
        if (n > 0 && buf[n - 1] == ':')
            n--, targets = 0;
        if (n > 0) {
            buf[n] = '\0';
            if (!contains(ins, buf)) {
                if (dependency)
                    push(ins, buf, n);
                else if (!contains(outs, buf))
                    push(outs, buf, n);
            }
        }
        if (newline)
            targets = 1;
    }
    free(buf);
}

/* ---- GNU make: each logical line is "targets: prerequisites"; returns -1
 * when a line would mean something else than a plain explicit rule. */

typedef struct make_rule {
    name_list targets, prereqs;
} make_rule;

/* Adds the n bytes at w as a word; a word make would expand or read as a pattern,
 * an archive member or a home directory is not a plain file name. */
static int make_word(name_list *l, const char *w, size_t n)
{
    if (n == 0)
        return 0;
    if (w[0] == '~')
        return -1;
    for (size_t i = 0; i < n; i++)
        if (strchr("%*?[(", w[i]))
            return -1;
    push(l, w, n);
    return 0;
}

static int make_line(const char *s, size_t len, make_rule *r)
{
    char *w = malloc(len + 1);
    if (!w)
        abort();
    size_t n = 0;
    int colon = 0, rc = 0;
    name_list *l = &r->targets;
    for (size_t i = 0; i < len && rc == 0; i++) {
        char c = s[i];
        if (c == '\\' && i + 1 < len && strchr(" \t#:", s[i + 1])) {
            w[n++] = s[++i];            /* one backslash quotes a blank, '#' or ':' */
            continue;
        }
        if (c == '$') {
            if (i + 1 < len && s[i + 1] == '$') {
                w[n++] = '$', i++;
                continue;
            }
            rc = -1;                    /* a variable reference */
            break;
        }
        if (c == '#')
            break;                      /* a comment to the end of the line */
        if (c == ' ' || c == '\t' || c == ':') {
            rc = make_word(l, w, n);
            n = 0;
            if (c == ':') {
                if (colon++ || l != &r->targets)
                    rc = -1;            /* a static pattern rule, or "::" */
                l = &r->prereqs;
                if (i + 1 < len && s[i + 1] == ':')
                    rc = -1;
            }
            continue;
        }
        if (c == ';' || c == '|' || c == '=')
            rc = -1;                    /* a recipe, order-only list, variable */
        w[n++] = c;
    }
    if (rc == 0)
        rc = make_word(l, w, n);
    if (rc == 0 && !colon && r->targets.n)
        rc = -1;                        /* words without a colon: "missing separator" */
    free(w);
    return rc;
}

/* Splits text into logical lines (a backslash before the newline joins the
 * next line, the two blanks around it becoming one) and reads each. */
static int make_read(const char *text, size_t size, make_rule *rules, size_t max, size_t *count)
{
    char *line = malloc(size + 1);
    if (!line)
        abort();
    size_t n = 0, k = 0;
    int rc = 0;
    for (size_t i = 0; i <= size && rc == 0; i++) {
        if (i < size && text[i] == '\\' && i + 1 < size && text[i + 1] == '\n') {
            while (n > 0 && (line[n - 1] == ' ' || line[n - 1] == '\t'))
                n--;
            line[n++] = ' ';
            i++;
            while (i + 1 < size && (text[i + 1] == ' ' || text[i + 1] == '\t'))
                i++;
            continue;
        }
        if (i < size && text[i] != '\n') {
            line[n++] = text[i];
            continue;
        }
        if (n > 0) {
            if (k == max)
                abort();
            rules[k] = (make_rule){0};
            rc = make_line(line, n, &rules[k]);
            k++;
        }
        n = 0;
    }
    *count = k;
    free(line);
    return rc;
}

static int same(const name_list *a, char **want, size_t n)
{
    if (a->n != n)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (strcmp(a->items[i], want[i]) != 0)
            return 0;
    return 1;
}

/* A refusal reason ends up after "file:line:col: error:": one plain line. */
static void check_reason(const char *why)
{
    if (!why || !*why || strlen(why) > 200)
        abort();
    for (const unsigned char *p = (const unsigned char *)why; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* the names: NUL-separated, distinct, each written or refused */
    char *names[MAX_NAMES];
    size_t n = 0;
    for (size_t at = 0; at <= size && n < MAX_NAMES;) {
        const uint8_t *nul = memchr(data + at, 0, size - at);
        size_t len = nul ? (size_t)(nul - (data + at)) : size - at;
        char *s = strndup((const char *)data + at, len);
        if (!s)
            abort();
        char why[96];
        const char *reason = depfile_refusal(s, why, sizeof why);
        char *buf = NULL;
        size_t blen = 0;
        FILE *f = open_memstream(&buf, &blen);
        if (!f)
            abort();
        int rc = depfile_escape(f, s);
        fclose(f);
        if (reason) {
            check_reason(reason);
            if (rc != -1 || blen != 0)
                abort();
            free(s);
        } else {
            if (rc != 0 || blen < len)
                abort();
            int dup = 0;
            for (size_t i = 0; i < n; i++)
                dup |= strcmp(names[i], s) == 0;
            if (dup)
                free(s);
            else
                names[n++] = s;
        }
        free(buf);
        at += len + 1;
    }
    if (n < 2)
        goto done;

    /* the rule as depfile.c writes it */
    size_t k = n / 2;
    char *text = NULL;
    size_t tlen = 0;
    FILE *f = open_memstream(&text, &tlen);
    if (!f)
        abort();
    for (size_t i = 0; i < k; i++) {
        if (i)
            fputc(' ', f);
        depfile_escape(f, names[i]);
    }
    fputs(": \\\n  ", f);
    for (size_t i = k; i < n; i++) {
        if (i > k)
            fputs(" \\\n  ", f);
        depfile_escape(f, names[i]);
    }
    fputc('\n', f);
    for (size_t i = k; i < n; i++) {
        fputc('\n', f);
        depfile_escape(f, names[i]);
        fputs(":\n", f);
    }
    fclose(f);

    name_list outs = {0}, ins = {0};
    ninja_read(text, tlen, &outs, &ins);
    if (!same(&outs, names, k) || !same(&ins, names + k, n - k))
        abort();
    clear(&outs);
    clear(&ins);

    make_rule rules[MAX_NAMES + 1];
    size_t count = 0;
    int rc = make_read(text, tlen, rules, MAX_NAMES + 1, &count);
    if (rc != 0 || count != 1 + (n - k))
        abort();
    if (!same(&rules[0].targets, names, k) || !same(&rules[0].prereqs, names + k, n - k))
        abort();
    for (size_t i = k; i < n; i++)
        if (!same(&rules[1 + i - k].targets, names + i, 1) || rules[1 + i - k].prereqs.n)
            abort();
    for (size_t i = 0; i < count; i++) {
        clear(&rules[i].targets);
        clear(&rules[i].prereqs);
    }
    free(text);
done:
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    return 0;
}
