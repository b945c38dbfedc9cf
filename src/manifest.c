/* manifest.c — writing and reading --manifest files (see manifest.h).
 *
 * The format is a fixed subset of JSON Lines: one object a line whose
 * values are strings or non-negative integers. The reader accepts keys it
 * does not know (a later quire may add some) but no other JSON. SHA-256
 * comes from Nettle (Debian's nettle-dev). */
#define _GNU_SOURCE /* asprintf */
#include "manifest.h"

#include <errno.h>
#include <fcntl.h>
#include <nettle/sha2.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char *dup_or_null(const char *s)
{
    return s ? strdup(s) : NULL;
}

void manifest_entry_free(manifest_entry *e)
{
    free(e->dataset);
    free(e->id);
    free(e->format);
    free(e->path);
    e->dataset = e->id = e->format = e->path = NULL;
}

int manifest_add(manifest *m, const manifest_entry *e)
{
    if (m->n == m->cap) {
        size_t n = m->cap ? m->cap * 2 : 64;
        manifest_entry *p = realloc(m->items, n * sizeof *p);
        if (!p)
            return -1;
        m->items = p;
        m->cap = n;
    }
    manifest_entry c = *e;
    c.dataset = dup_or_null(e->dataset);
    c.id = dup_or_null(e->id);
    c.format = dup_or_null(e->format);
    c.path = dup_or_null(e->path);
    if (!c.dataset || !c.id || !c.format || !c.path) {
        manifest_entry_free(&c);
        return -1;
    }
    m->items[m->n++] = c;
    return 0;
}

void manifest_free(manifest *m)
{
    for (size_t i = 0; i < m->n; i++)
        manifest_entry_free(&m->items[i]);
    free(m->items);
    *m = (manifest){0};
}

/* ---- writing ---- */

static void put_string(FILE *f, const char *s)
{
    fputc('"', f);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(f, "\\%c", *p);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(f, "\\u%04x", *p);
        else
            fputc(*p, f);   /* UTF-8 as is; other bytes too: paths are bytes */
    }
    fputc('"', f);
}

static int by_path(const void *a, const void *b)
{
    const manifest_entry *x = a, *y = b;
    return strcmp(x->path, y->path);
}

int manifest_write(manifest *m, const char *path, char *err, size_t size)
{
    if (m->n)
        qsort(m->items, m->n, sizeof *m->items, by_path);
    char *tmp = NULL;
    if (asprintf(&tmp, "%s.tmp-XXXXXX", path) < 0) {
        snprintf(err, size, "out of memory");
        return -1;
    }
    int fd = mkstemp(tmp);
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        snprintf(err, size, "%s", strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        free(tmp);
        return -1;
    }
    fchmod(fd, 0644);   /* mkstemp's 0600 would hide it from the other shards' users */
    for (size_t i = 0; i < m->n; i++) {
        const manifest_entry *e = &m->items[i];
        fputs("{\"dataset\":", f);
        put_string(f, e->dataset);
        fputs(",\"id\":", f);
        put_string(f, e->id);
        fputs(",\"format\":", f);
        put_string(f, e->format);
        fputs(",\"path\":", f);
        put_string(f, e->path);
        fprintf(f, ",\"bytes\":%llu,\"sha256\":\"%s\"}\n", (unsigned long long)e->bytes,
                e->sha256);
    }
    int failed = fflush(f) != 0 || ferror(f) || fsync(fd) != 0;
    int e = errno;
    failed |= fclose(f) != 0;
    if (!failed && rename(tmp, path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed) {
        snprintf(err, size, "%s", strerror(e));
        unlink(tmp);
    }
    free(tmp);
    return failed ? -1 : 0;
}

/* ---- reading ---- */

typedef struct cursor {
    const char *s, *end;
    const char *start;
    char *err;
    size_t size;
} cursor;

static int fail(cursor *c, const char *what)
{
    snprintf(c->err, c->size, "%s", what);
    return -1;
}

static void skip_space(cursor *c)
{
    while (c->s < c->end && (*c->s == ' ' || *c->s == '\t' || *c->s == '\r'))
        c->s++;
}

static int expect(cursor *c, char ch, const char *what)
{
    skip_space(c);
    if (c->s >= c->end || *c->s != ch)
        return fail(c, what);
    c->s++;
    return 0;
}

static int hex4(cursor *c, unsigned *out)
{
    if (c->end - c->s < 4)
        return fail(c, "a \\u escape needs four hex digits");
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        char h = *c->s++;
        int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0)
            return fail(c, "a \\u escape needs four hex digits");
        v = v * 16 + (unsigned)d;
    }
    *out = v;
    return 0;
}

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80)
        return o[0] = (char)cp, 1;
    if (cp < 0x800)
        return o[0] = (char)(0xc0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3f)), 2;
    if (cp < 0x10000)
        return o[0] = (char)(0xe0 | cp >> 12), o[1] = (char)(0x80 | (cp >> 6 & 0x3f)),
               o[2] = (char)(0x80 | (cp & 0x3f)), 3;
    return o[0] = (char)(0xf0 | cp >> 18), o[1] = (char)(0x80 | (cp >> 12 & 0x3f)),
           o[2] = (char)(0x80 | (cp >> 6 & 0x3f)), o[3] = (char)(0x80 | (cp & 0x3f)), 4;
}

/* A JSON string; *out is malloc'd (NUL escapes refused: paths have none). */
static int read_string(cursor *c, char **out)
{
    if (expect(c, '"', "expected a string") != 0)
        return -1;
    char *buf = malloc((size_t)(c->end - c->s) + 1);
    size_t n = 0;
    if (!buf)
        return fail(c, "out of memory");
    while (c->s < c->end && *c->s != '"') {
        unsigned char ch = (unsigned char)*c->s++;
        if (ch < 0x20) {
            free(buf);
            return fail(c, "a control character in a string");
        }
        if (ch != '\\') {
            buf[n++] = (char)ch;
            continue;
        }
        if (c->s >= c->end)
            break;
        char e = *c->s++;
        const char *simple = strchr("\"\\/bfnrt", e);
        if (e && simple) {
            static const char to[] = "\"\\/\b\f\n\r\t";
            buf[n++] = to[simple - "\"\\/bfnrt"];
            continue;
        }
        unsigned cp, lo;
        if (e != 'u' || hex4(c, &cp) != 0) {
            free(buf);
            return e != 'u' ? fail(c, "an unknown escape in a string") : -1;
        }
        if (cp >= 0xd800 && cp < 0xdc00) {   /* a surrogate pair */
            if (c->end - c->s < 2 || c->s[0] != '\\' || c->s[1] != 'u') {
                free(buf);
                return fail(c, "a lone surrogate in a string");
            }
            c->s += 2;
            if (hex4(c, &lo) != 0 || lo < 0xdc00 || lo > 0xdfff) {
                free(buf);
                return fail(c, "a lone surrogate in a string");
            }
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        } else if ((cp >= 0xdc00 && cp < 0xe000) || cp == 0) {
            free(buf);
            return fail(c, cp ? "a lone surrogate in a string" : "a NUL in a string");
        }
        n += put_utf8(buf + n, cp);   /* never longer than its escape */
    }
    if (c->s >= c->end) {
        free(buf);
        return fail(c, "a string is not closed");
    }
    c->s++;
    buf[n] = '\0';
    *out = buf;
    return 0;
}

static int read_number(cursor *c, uint64_t *out)
{
    skip_space(c);
    uint64_t v = 0;
    const char *at = c->s;
    while (c->s < c->end && *c->s >= '0' && *c->s <= '9') {
        unsigned d = (unsigned)(*c->s++ - '0');
        if (v > (UINT64_MAX - d) / 10)
            return fail(c, "the number is too large");
        v = v * 10 + d;
    }
    if (c->s == at || (c->s - at > 1 && *at == '0'))
        return fail(c, "expected a non-negative integer");
    *out = v;
    return 0;
}

static int is_hex64(const char *s)
{
    if (strlen(s) != 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
            return 0;
    return 1;
}

/* One "key": value of the object. */
static int read_member(cursor *c, manifest_entry *out, unsigned *seen)
{
    static const char *const keys[] = {"dataset", "id", "format", "path", "bytes", "sha256"};
    char *key = NULL;
    if (read_string(c, &key) != 0 || expect(c, ':', "expected ':' after a key") != 0) {
        free(key);
        return -1;
    }
    size_t k = 0;
    while (k < 6 && strcmp(keys[k], key) != 0)
        k++;
    free(key);
    if (k < 6 && (*seen & 1u << k))
        return fail(c, "a key is given twice");
    if (k < 6)
        *seen |= 1u << k;
    skip_space(c);
    if (k == 4)
        return read_number(c, &out->bytes);
    if (k == 6 && c->s < c->end && *c->s != '"') {   /* an unknown key's number */
        uint64_t ignored;
        return read_number(c, &ignored);
    }
    char *v = NULL;
    if (read_string(c, &v) != 0)
        return -1;
    char **slot[] = {&out->dataset, &out->id, &out->format, &out->path};
    if (k < 4) {
        *slot[k] = v;
    } else if (k == 5) {
        int ok = is_hex64(v);
        if (ok)
            memcpy(out->sha256, v, 65);
        free(v);
        if (!ok)
            return fail(c, "sha256 must be 64 lowercase hex digits");
    } else {
        free(v);
    }
    return 0;
}

int manifest_parse_line(const char *line, size_t len, manifest_entry *out, size_t *col,
                        char *err, size_t size)
{
    *out = (manifest_entry){0};
    cursor c = {line, line + len, line, err, size};
    unsigned seen = 0;
    int rc = expect(&c, '{', "expected '{': a manifest line is one JSON object");
    for (int first = 1; rc == 0; first = 0) {
        skip_space(&c);
        if (c.s < c.end && *c.s == '}' && first) {
            c.s++;
            break;
        }
        rc = read_member(&c, out, &seen);
        skip_space(&c);
        if (rc == 0 && c.s < c.end && *c.s == '}') {
            c.s++;
            break;
        }
        if (rc == 0)
            rc = expect(&c, ',', "expected ',' or '}'");
    }
    skip_space(&c);
    if (rc == 0 && c.s != c.end)
        rc = fail(&c, "text after the object");
    if (rc == 0 && seen != 0x3f) {
        static const char *const keys[] = {"dataset", "id", "format", "path", "bytes", "sha256"};
        for (int k = 0; k < 6; k++)
            if (!(seen & 1u << k)) {
                snprintf(err, size, "the key \"%s\" is missing", keys[k]);
                break;
            }
        rc = -1;
    }
    *col = (size_t)(c.s - line) + 1;
    if (rc != 0)
        manifest_entry_free(out);
    return rc;
}

int manifest_read(manifest *m, const char *file, FILE *err)
{
    FILE *f = fopen(file, "rb");
    if (!f) {
        fprintf(err, "%s: error: cannot read the manifest: %s\n", file, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0, no = 0;
    ssize_t n;
    int rc = 0;
    while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
        no++;
        if (n > 0 && line[n - 1] == '\n')
            n--;
        if (n == 0)
            continue;
        manifest_entry e;
        size_t col;
        char why[256];
        if (memchr(line, '\0', (size_t)n)) {
            fprintf(err, "%s:%zu: error: a NUL byte in the manifest\n", file, no);
            rc = -1;
        } else if (manifest_parse_line(line, (size_t)n, &e, &col, why, sizeof why) != 0) {
            fprintf(err, "%s:%zu:%zu: error: %s\n", file, no, col, why);
            rc = -1;
        } else {
            e.from = file;
            e.line = no;
            rc = manifest_add(m, &e);
            if (rc != 0)
                fprintf(err, "%s: error: out of memory\n", file);
            manifest_entry_free(&e);
        }
    }
    if (rc == 0 && ferror(f)) {
        fprintf(err, "%s: error: cannot read the manifest: %s\n", file, strerror(errno));
        rc = -1;
    }
    free(line);
    fclose(f);
    return rc;
}

int manifest_hash_file(int dirfd, const char *name, uint64_t *bytes, char hex[65])
{
    int fd = openat(dirfd, name, O_RDONLY | O_CLOEXEC | O_NOCTTY);
    if (fd < 0)
        return -1;
    struct stat st;
    int e = fstat(fd, &st) != 0 ? errno : !S_ISREG(st.st_mode) ? EINVAL : 0;
    if (e) {
        close(fd);
        errno = e;
        return -1;
    }
    struct sha256_ctx ctx;
    sha256_init(&ctx);
    unsigned char buf[1 << 16];
    uint64_t total = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            int e = errno;
            close(fd);
            errno = e;
            return -1;
        }
        if (n == 0)
            break;
        sha256_update(&ctx, (size_t)n, buf);
        total += (uint64_t)n;
    }
    close(fd);
    unsigned char digest[SHA256_DIGEST_SIZE];
    sha256_digest(&ctx, sizeof digest, digest);
    for (int i = 0; i < SHA256_DIGEST_SIZE; i++)
        snprintf(hex + 2 * i, 3, "%02x", digest[i]);
    *bytes = total;
    return 0;
}
