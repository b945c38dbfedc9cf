/* xml_check.c — a streaming well-formedness check for plain XML parts
 * (see xml_check.h: "well-formed" or "not sure", never a wrong "yes").
 *
 * The bytes of a part arrive in chunks into one buffer; the scanner
 * consumes whole tokens (a tag, a reference, a comment, one character)
 * and moves an unfinished one to the front for the next chunk. Text is
 * consumed as it comes, so only a tag or comment must fit in the buffer.
 * Grammar: XML 1.0 (fifth edition) productions document, element,
 * STag/ETag/EmptyElemTag, Attribute, CharData, Reference, Comment,
 * CDSect, XMLDecl, PI, with the well-formedness constraints Element Type
 * Match, Unique Att Spec, No < in Attribute Values, Legal Character and
 * Entity Declared (only the five predefined entities, as no DTD is
 * accepted). Names are ASCII only and hold at most one inner colon, so
 * that libxml2's namespace-aware parser reads them the same way. */
#include "xml_check.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define BUF_SIZE (1 << 18)
#define ROOM_MIN (1 << 16)
#define MAX_DEPTH 1024     /* libxml2 refuses deeper documents */
#define NAMES_MAX (1 << 16)
#define MAX_ATTRS 64
#define REF_MAX 32         /* a longer reference (leading zeros): not sure */
#define DECL_MAX 256

enum stage { START, PROLOG, CONTENT, EPILOG };

struct xml_check {
    unsigned char buf[BUF_SIZE + 1];   /* + a NUL after the bytes: see scan() */
    size_t have;                /* bytes in buf, from an unfinished token on */
    enum stage stage;
    int bom_ok;                 /* nothing read yet: a byte order mark may come */
    int unsure;
    size_t depth;
    size_t tops[MAX_DEPTH + 1]; /* open element i's name: names[tops[i] .. tops[i + 1]) */
    unsigned char names[NAMES_MAX];
};

/* Byte classes of ASCII. */
enum { NAME_START = 1, NAME_CHAR = 2, SPACE = 4, PLAIN = 8 };
static unsigned char cls[256];

static void classes(void)
{
    for (int c = 0x20; c < 0x80; c++)
        cls[c] = PLAIN;
    cls['\t'] = cls['\n'] = cls['\r'] = PLAIN | SPACE;
    cls[' '] |= SPACE;
    for (int c = 'a'; c <= 'z'; c++)
        cls[c] |= NAME_START | NAME_CHAR;
    for (int c = 'A'; c <= 'Z'; c++)
        cls[c] |= NAME_START | NAME_CHAR;
    for (int c = '0'; c <= '9'; c++)
        cls[c] |= NAME_CHAR;
    cls['_'] |= NAME_START | NAME_CHAR;
    cls['-'] |= NAME_CHAR;
    cls['.'] |= NAME_CHAR;
    /* ':' only between two NCNames, see name() */
    /* the bytes text cannot take as they are */
    cls['<'] &= (unsigned char)~PLAIN;
    cls['&'] &= (unsigned char)~PLAIN;
    cls[']'] &= (unsigned char)~PLAIN;
    cls['\''] &= (unsigned char)~PLAIN;
    cls['"'] &= (unsigned char)~PLAIN;
}

xml_check *xml_check_new(void)
{
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, classes);
    xml_check *x = malloc(sizeof *x);
    if (!x)
        return NULL;
    x->have = 0;
    x->stage = START;
    x->bom_ok = 1;
    x->unsure = 0;
    x->depth = 0;
    x->tops[0] = 0;
    return x;
}

void xml_check_free(xml_check *x)
{
    free(x);
}

/* The result of a scanning step: the position after the token; the token's
 * start when more bytes are needed; NULL when not sure. */
#define NEED(start) return final ? NULL : (start)

/* A non-ASCII character at p that XML 1.0 allows: its length, 0 when the
 * bytes end inside it, -1 when it is not one (bad UTF-8, a surrogate,
 * U+FFFE, U+FFFF). */
static int utf8_char(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    int n;
    unsigned lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf)
        n = 2;
    else if (c >= 0xe0 && c <= 0xef) {
        n = 3;
        if (c == 0xe0)
            lo = 0xa0;
        else if (c == 0xed)
            hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 4;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;
    } else
        return -1;
    if (end - p < n) {
        for (const unsigned char *q = p + 1; q < end; q++)
            if ((*q & 0xc0) != 0x80)
                return -1;
        return 0;
    }
    if (p[1] < lo || p[1] > hi)
        return -1;
    for (int i = 2; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return -1;
    if (c == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))
        return -1;   /* U+FFFE, U+FFFF */
    return n;
}

static int xml_char(uint32_t v)
{
    return v == 0x9 || v == 0xa || v == 0xd || (v >= 0x20 && v <= 0xd7ff) ||
           (v >= 0xe000 && v <= 0xfffd) || (v >= 0x10000 && v <= 0x10ffff);
}

/* A name at p: ASCII, an NCName or NCName:NCName. */
static const unsigned char *name(const unsigned char *p, const unsigned char *end, int final)
{
    const unsigned char *q = p;
    int colon = 0;
    if (q == end)
        NEED(p);
    if (!(cls[*q] & NAME_START))
        return NULL;
    for (;;) {
        while (cls[*++q] & NAME_CHAR)
            ;
        if (*q != ':')
            break;
        if (colon++)
            return NULL;
        if (q + 1 == end)
            NEED(p);
        if (!(cls[q[1]] & NAME_START))
            return NULL;
    }
    if (q == end)
        NEED(p);
    return q;
}

static const unsigned char *spaces(const unsigned char *p, const unsigned char *end)
{
    while (p < end && (cls[*p] & SPACE))
        p++;
    return p;
}

/* &name; or &#N; or &#xH; at p. */
static const unsigned char *reference(const unsigned char *p, const unsigned char *end,
                                      int final)
{
    const unsigned char *q = p + 1, *stop = end - p > REF_MAX ? p + REF_MAX : end;
    if (q < stop && *q == '#') {
        int hex = ++q < stop && *q == 'x';
        q += hex;
        uint32_t v = 0;
        const unsigned char *digits = q;
        for (; q < stop; q++) {
            unsigned d;
            if (*q >= '0' && *q <= '9')
                d = *q - '0';
            else if (hex && (*q | 0x20) >= 'a' && (*q | 0x20) <= 'f')
                d = (*q | 0x20) - 'a' + 10;
            else
                break;
            v = v * (hex ? 16 : 10) + d;
            if (v > 0x10ffff)
                return NULL;
        }
        if (q == stop)
            return stop == end ? (final ? NULL : p) : NULL;
        if (q == digits || *q != ';' || !xml_char(v))
            return NULL;
        return q + 1;
    }
    for (; q < stop && *q != ';'; q++)
        ;
    if (q == stop)
        return stop == end ? (final ? NULL : p) : NULL;
    size_t n = (size_t)(q - p - 1);
    static const char *const predefined[] = {"lt", "gt", "amp", "apos", "quot"};
    for (size_t i = 0; i < 5; i++)
        if (strlen(predefined[i]) == n && memcmp(p + 1, predefined[i], n) == 0)
            return q + 1;
    return NULL;
}

/* Character data from p until '<' (content), or spaces (outside it). */
static const unsigned char *chars(xml_check *x, const unsigned char *p,
                                  const unsigned char *end, int final)
{
    if (x->stage != CONTENT) {
        const unsigned char *q = spaces(p, end);
        if (q == p)
            return NULL;
        if (x->stage == START)
            x->stage = PROLOG;
        return q;
    }
    const unsigned char *q = p;
    while (q < end) {
        while (cls[*q] & PLAIN)
            q++;   /* stops at the NUL after the bytes */
        if (q == end)
            break;
        unsigned c = *q;
        if (c == '<')
            break;
        if (c == '\'' || c == '"') {
            q++;
        } else if (c == '&') {
            const unsigned char *r = reference(q, end, final);
            if (r == q)
                break;
            if (!r)
                return NULL;
            q = r;
        } else if (c == ']') {
            if (end - q < 3) {
                if (!final)
                    break;
                q++;
                continue;
            }
            if (q[1] == ']' && q[2] == '>')
                return NULL;
            q++;
        } else if (c >= 0x80) {
            int n = utf8_char(q, end);
            if (n < 0 || (n == 0 && final))
                return NULL;
            if (n == 0)
                break;
            q += n;
        } else
            return NULL;   /* a control character */
    }
    return q;
}

/* Characters of a comment, CDATA section or attribute value, up to the
 * byte stop; returns where it stopped (stop, or an unfinished character
 * at end), or NULL on a character XML forbids. */
static const unsigned char *legal_until(const unsigned char *p, const unsigned char *end,
                                        unsigned char stop)
{
    while (p < end && *p != stop) {
        if (*p < 0x80) {
            if (!(cls[*p] & PLAIN) && *p != '<' && *p != '&' && *p != ']' && *p != '\'' &&
                *p != '"')
                return NULL;
            p++;
            continue;
        }
        int n = utf8_char(p, end);
        if (n < 0)
            return NULL;
        if (n == 0)
            return end;
        p += n;
    }
    return p;
}

/* <!-- ... --> */
static const unsigned char *comment(const unsigned char *p, const unsigned char *end,
                                    int final)
{
    const unsigned char *q = p + 4;
    for (;;) {
        q = legal_until(q, end, '-');
        if (!q)
            return NULL;
        if (end - q < 3)
            NEED(p);
        if (q[1] == '-')
            return q[2] == '>' ? q + 3 : NULL;
        q++;
    }
}

/* <![CDATA[ ... ]]> */
static const unsigned char *cdata(const unsigned char *p, const unsigned char *end, int final)
{
    const unsigned char *q = p + 9;
    for (;;) {
        q = legal_until(q, end, ']');
        if (!q)
            return NULL;
        if (end - q < 3)
            NEED(p);
        if (q[1] == ']' && q[2] == '>')
            return q + 3;
        q++;
    }
}

/* <?target ...?>, a processing instruction (an XMP packet has two): a
 * target that is a name without a colon and not "xml" in any case, then
 * a space and legal characters up to the first "?>". */
static const unsigned char *pi(const unsigned char *p, const unsigned char *end, int final)
{
    const unsigned char *t = p + 2, *q = name(t, end, final);
    if (q == t)
        NEED(p);
    if (!q || memchr(t, ':', (size_t)(q - t)) ||
        (q - t == 3 && strncasecmp((const char *)t, "xml", 3) == 0))
        return NULL;
    if (*q == '?') {
        if (end - q < 2)
            NEED(p);
        return q[1] == '>' ? q + 2 : NULL;
    }
    if (!(cls[*q] & SPACE))
        return NULL;
    for (;;) {
        q = legal_until(q, end, '?');
        if (!q)
            return NULL;
        if (end - q < 2)
            NEED(p);
        if (q[1] == '>')
            return q + 2;
        q++;
    }
}

/* <?xml version="1.0" encoding="UTF-8" standalone="yes"?>, the first
 * bytes of the part; only version 1.0 and UTF-8 are taken. */
static const unsigned char *xml_decl(const unsigned char *p, const unsigned char *end,
                                     int final)
{
    size_t avail = end - p < DECL_MAX ? (size_t)(end - p) : DECL_MAX;
    const unsigned char *close = NULL;
    for (size_t i = 0; i + 1 < avail && !close; i++)
        if (p[i] == '?' && p[i + 1] == '>' && i >= 5)
            close = p + i;
    if (!close)
        return avail < DECL_MAX && !final ? p : NULL;
    static const char *const keys[] = {"version", "encoding", "standalone"};
    const unsigned char *q = p + 5;
    int k = 0;
    for (;;) {
        const unsigned char *s = q;
        q = spaces(q, close);
        if (q == close)
            break;
        if (q == s)
            return NULL;
        /* the next of version (first, required), encoding, standalone */
        while (k < 3 && !((size_t)(close - q) >= strlen(keys[k]) &&
                          memcmp(q, keys[k], strlen(keys[k])) == 0))
            k++;
        if (k == 3 || (k > 0 && s == p + 5))
            return NULL;
        q = spaces(q + strlen(keys[k]), close);
        if (q == close || *q != '=')
            return NULL;
        q = spaces(q + 1, close);
        if (q == close || (*q != '"' && *q != '\''))
            return NULL;
        const unsigned char *v = q + 1, *ve = memchr(v, *q, (size_t)(close - v));
        if (!ve)
            return NULL;
        size_t vn = (size_t)(ve - v);
        int ok = k == 0   ? vn == 3 && memcmp(v, "1.0", 3) == 0
                 : k == 1 ? vn == 5 && strncasecmp((const char *)v, "utf-8", 5) == 0
                          : (vn == 3 && memcmp(v, "yes", 3) == 0) ||
                                (vn == 2 && memcmp(v, "no", 2) == 0);
        if (!ok)
            return NULL;
        k++;
        q = ve + 1;
    }
    if (k == 0)
        return NULL;   /* no version */
    return close + 2;
}

/* memcmp's call costs more than the compare of names this short */
static int same(const unsigned char *a, const unsigned char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return 0;
    return 1;
}

static int push(xml_check *x, const unsigned char *n, size_t len)
{
    size_t at = x->tops[x->depth];
    if (x->depth == MAX_DEPTH || len > NAMES_MAX - at)
        return -1;
    memcpy(x->names + at, n, len);
    x->tops[++x->depth] = at + len;
    return 0;
}

/* <name attr="value" ...> or <name .../> */
static const unsigned char *start_tag(xml_check *x, const unsigned char *p,
                                      const unsigned char *end, int final)
{
    if (x->stage == EPILOG)
        return NULL;
    const unsigned char *tag = p + 1, *q = name(tag, end, final);
    if (q == tag || !q)
        return q == tag ? p : NULL;
    size_t tag_len = (size_t)(q - tag);
    const unsigned char *attr[MAX_ATTRS];
    size_t attr_len[MAX_ATTRS], nattr = 0;
    int empty;
    for (;;) {
        const unsigned char *s = q;
        q = spaces(q, end);
        if (q == end)
            NEED(p);
        if (*q == '>') {
            empty = 0;
            q++;
            break;
        }
        if (*q == '/') {
            if (q + 1 == end)
                NEED(p);
            if (q[1] != '>')
                return NULL;
            empty = 1;
            q += 2;
            break;
        }
        if (q == s || nattr == MAX_ATTRS)
            return NULL;
        const unsigned char *a = q;
        q = name(a, end, final);
        if (q == a || !q)
            return q == a ? p : NULL;
        size_t alen = (size_t)(q - a);
        for (size_t i = 0; i < nattr; i++)
            if (attr_len[i] == alen && attr[i][0] == a[0] && same(attr[i], a, alen))
                return NULL;
        attr[nattr] = a;
        attr_len[nattr++] = alen;
        q = spaces(q, end);
        if (q == end)
            NEED(p);
        if (*q != '=')
            return NULL;
        q = spaces(q + 1, end);
        if (q == end)
            NEED(p);
        unsigned char quote = *q++;
        if (quote != '"' && quote != '\'')
            return NULL;
        for (;;) {
            while (cls[*q] & PLAIN)
                q++;
            if (q == end)
                NEED(p);
            unsigned c = *q;
            if (c == quote)
                break;
            if (c == '&') {
                const unsigned char *r = reference(q, end, final);
                if (r == q)
                    NEED(p);
                if (!r)
                    return NULL;
                q = r;
            } else if (c == ']' || c == '\'' || c == '"') {
                q++;
            } else if (c >= 0x80) {
                int n = utf8_char(q, end);
                if (n < 0)
                    return NULL;
                if (n == 0)
                    NEED(p);
                q += n;
            } else
                return NULL;   /* '<' or a control character */
        }
        q++;
    }
    if (!empty && push(x, tag, tag_len) != 0)
        return NULL;
    if (x->stage != CONTENT)
        x->stage = empty ? EPILOG : CONTENT;
    return q;
}

/* </name> */
static const unsigned char *end_tag(xml_check *x, const unsigned char *p,
                                    const unsigned char *end, int final)
{
    if (x->stage != CONTENT)
        return NULL;
    const unsigned char *tag = p + 2, *q = name(tag, end, final);
    if (q == tag || !q)
        return q == tag ? p : NULL;
    size_t len = (size_t)(q - tag), top = x->tops[x->depth - 1];
    if (x->tops[x->depth] - top != len || !same(x->names + top, tag, len))
        return NULL;
    q = spaces(q, end);
    if (q == end)
        NEED(p);
    if (*q != '>')
        return NULL;
    if (--x->depth == 0)
        x->stage = EPILOG;
    return q + 1;
}

static int starts(const unsigned char *p, const unsigned char *end, const char *s)
{
    size_t n = strlen(s), have = (size_t)(end - p);
    return memcmp(p, s, have < n ? have : n) == 0 ? (have < n ? 0 : 1) : -1;
}

/* Markup at p ('<'). */
static const unsigned char *markup(xml_check *x, const unsigned char *p,
                                   const unsigned char *end, int final)
{
    if (end - p < 2)
        NEED(p);
    if (p[1] == '/')
        return end_tag(x, p, end, final);
    if (p[1] == '?') {   /* the XML declaration, first, or a processing instruction */
        if (end - p < 6)
            NEED(p);
        int decl = memcmp(p, "<?xml", 5) == 0 && (cls[p[5]] & SPACE);
        if (decl && x->stage != START)
            return NULL;
        const unsigned char *q = decl ? xml_decl(p, end, final) : pi(p, end, final);
        if (q && q != p && x->stage == START)
            x->stage = PROLOG;
        return q;
    }
    if (p[1] == '!') {
        int c = starts(p, end, "<!--");
        if (c > 0) {
            const unsigned char *q = comment(p, end, final);
            if (q && q != p && x->stage == START)
                x->stage = PROLOG;
            return q;
        }
        int d = x->stage == CONTENT ? starts(p, end, "<![CDATA[") : -1;
        if (d > 0)
            return cdata(p, end, final);
        if (c == 0 || d == 0)
            NEED(p);
        return NULL;   /* a DOCTYPE or worse */
    }
    return start_tag(x, p, end, final);
}

static void scan(xml_check *x, int final)
{
    const unsigned char *p = x->buf, *end = p + x->have;
    if (x->bom_ok && (x->have >= 3 || final)) {
        if (x->have >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
            p += 3;
        x->bom_ok = 0;
    }
    if (x->bom_ok)
        return;
    x->buf[x->have] = 0;   /* stops the scanning loops at the end, unlike any byte of XML */
    while (p < end) {
        const unsigned char *q = *p == '<' ? markup(x, p, end, final) : chars(x, p, end, final);
        if (!q) {
            x->unsure = 1;
            return;
        }
        if (q == p)
            break;
        p = q;
    }
    x->have = (size_t)(end - p);
    if (x->have > BUF_SIZE - ROOM_MIN || (final && x->have > 0)) {
        x->unsure = 1;
        return;
    }
    memmove(x->buf, p, x->have);
}

unsigned char *xml_check_space(xml_check *x, size_t *room)
{
    if (x->unsure) {
        x->have = 0;   /* the verdict is in: later bytes are only written */
        *room = BUF_SIZE;
        return x->buf;
    }
    *room = BUF_SIZE - x->have;
    return x->buf + x->have;
}

void xml_check_feed(xml_check *x, size_t n)
{
    if (x->unsure)
        return;
    x->have += n;
    scan(x, 0);
}

int xml_check_end(xml_check *x)
{
    if (!x->unsure)
        scan(x, 1);
    return !x->unsure && x->stage == EPILOG;
}

int xml_check_bytes(const unsigned char *data, size_t len)
{
    xml_check *x = xml_check_new();
    if (!x)
        return 0;
    while (len > 0) {
        size_t room;
        unsigned char *to = xml_check_space(x, &room);
        size_t n = len < room ? len : room;
        memcpy(to, data, n);
        xml_check_feed(x, n);
        data += n;
        len -= n;
    }
    int ok = xml_check_end(x);
    xml_check_free(x);
    return ok;
}
