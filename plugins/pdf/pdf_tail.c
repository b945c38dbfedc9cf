/* pdf_tail.c — objects after libharu's; see pdf_tail.h. */
#include "pdf_tail.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

struct pdf_tail {
    FILE *f;
    size_t base, next;      /* the first and the next object number of ours */
    uint64_t *offsets;      /* where each of ours starts */
    size_t cap;
    char *old;              /* libharu's table and trailer, as saved */
    size_t old_len;
    size_t entries_at, entries_len; /* its table's lines, in old */
    size_t dict_at, dict_len;       /* its trailer dictionary, in old */
    size_t size_at, size_len;       /* the value of /Size, in old */
    char *vbuf;             /* the file's buffer */
    int failed;
};

static void *find(const char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = 0; i + n <= len; i++)
        if (hay[i] == needle[0] && !memcmp(hay + i, needle, n))
            return (void *)(hay + i);
    return NULL;
}

/* Where libharu's tail starts: the number after the last "startxref". */
static long xref_offset(FILE *f, long size)
{
    char buf[64];
    long from = size > (long)sizeof buf - 1 ? size - ((long)sizeof buf - 1) : 0;
    if (fseek(f, from, SEEK_SET) != 0)
        return -1;
    size_t n = fread(buf, 1, (size_t)(size - from), f);
    buf[n] = '\0';
    const char *s = NULL;
    for (const char *p = buf; (p = strstr(p, "startxref")) != NULL; p++)
        s = p;
    if (!s)
        return -1;
    char *end;
    long at = strtol(s + 9, &end, 10);
    return end > s + 9 && at > 0 && at < size ? at : -1;
}

/* Splits libharu's tail: "xref\n0 N\n", N lines, "trailer\n<<...>>\n". */
static int parse_old(pdf_tail *t)
{
    const char *s = t->old, *end = t->old + t->old_len;
    if (t->old_len < 8 || memcmp(s, "xref", 4))
        return -1;
    const char *p = s + 4;
    while (p < end && (*p == '\r' || *p == '\n'))
        p++;
    char *q;
    unsigned long first = strtoul(p, &q, 10);
    if (q == p || first != 0)
        return -1;
    unsigned long count = strtoul(q, &q, 10);
    if (count != t->base)
        return -1; /* objects made after the number was taken */
    while (q < end && (*q == '\r' || *q == '\n' || *q == ' '))
        q++;
    t->entries_at = (size_t)(q - s);
    t->entries_len = count * 20; /* each line is 20 bytes */
    if (t->entries_at + t->entries_len > t->old_len)
        return -1;
    const char *tr = find(s + t->entries_at + t->entries_len,
                          t->old_len - t->entries_at - t->entries_len, "trailer");
    const char *open = tr ? find(tr, (size_t)(end - tr), "<<") : NULL;
    const char *close = tr ? find(tr, (size_t)(end - tr), "startxref") : NULL;
    const char *size = open ? find(open, (size_t)(end - open), "/Size") : NULL;
    if (!open || !close || !size || size > close)
        return -1;
    t->dict_at = (size_t)(open - s);
    t->dict_len = (size_t)(close - open);
    p = size + 5;
    while (*p == ' ')
        p++;
    t->size_at = (size_t)(p - s);
    while (p < close && *p >= '0' && *p <= '9')
        p++;
    t->size_len = (size_t)(p - s) - t->size_at;
    return t->size_len ? 0 : -1;
}

pdf_tail *tail_open(const char *path, size_t base, char *why, size_t why_size)
{
    pdf_tail *t = calloc(1, sizeof *t);
    FILE *f = t ? fopen(path, "r+b") : NULL;
    if (!f) {
        snprintf(why, why_size, t ? "cannot reopen the PDF" : "out of memory");
        free(t);
        return NULL;
    }
    t->f = f;
    t->base = t->next = base;
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    long at = size > 0 ? xref_offset(f, size) : -1;
    t->old_len = at > 0 ? (size_t)(size - at) : 0;
    t->old = at > 0 ? malloc(t->old_len + 1) : NULL;
    int read_whole = t->old && fseek(f, at, SEEK_SET) == 0 &&
                     fread(t->old, 1, t->old_len, f) == t->old_len;
    if (read_whole)
        t->old[t->old_len] = '\0';  /* parse_old reads it as a string */
    if (!read_whole || parse_old(t) || fseek(f, at, SEEK_SET) != 0) {
        snprintf(why, why_size, "the saved PDF does not end as expected");
        fclose(f);
        free(t->old);
        free(t);
        return NULL;
    }
    t->vbuf = malloc(1 << 16);
    if (t->vbuf)
        setvbuf(f, t->vbuf, _IOFBF, 1 << 16);
    return t;
}

int tail_version(pdf_tail *t, int minor)
{
    static const char head[] = "%PDF-1.";
    char buf[sizeof head];
    long at = ftell(t->f);
    int ok = minor >= 0 && minor <= 9 && at >= 0 && fseek(t->f, 0, SEEK_SET) == 0 &&
             fread(buf, 1, sizeof buf, t->f) == sizeof buf && !memcmp(buf, head, sizeof head - 1) &&
             fseek(t->f, (long)sizeof head - 1, SEEK_SET) == 0 && fputc('0' + minor, t->f) != EOF;
    /* back to where our objects go (a seek also ends the write) */
    ok = fseek(t->f, at, SEEK_SET) == 0 && ok;
    if (!ok)
        t->failed = 1;
    return ok ? 0 : -1;
}

FILE *tail_object(pdf_tail *t, size_t num)
{
    if (t->failed || num != t->next)
        return t->failed = 1, NULL;
    size_t i = num - t->base;
    if (i >= t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 1024;
        uint64_t *o = realloc(t->offsets, cap * sizeof *o);
        if (!o)
            return t->failed = 1, NULL;
        t->offsets = o, t->cap = cap;
    }
    long at = ftell(t->f);
    if (at < 0)
        return t->failed = 1, NULL;
    t->offsets[i] = (uint64_t)at;
    t->next++;
    fprintf(t->f, "%zu 0 obj\n", num);
    return t->f;
}

void tail_end_object(pdf_tail *t)
{
    fputs("\nendobj\n", t->f);
}

int tail_close(pdf_tail *t)
{
    FILE *f = t->f;
    long xref = ftell(f);
    int bad = t->failed || xref < 0;
    const char *s = t->old;
    if (!bad) {
        fprintf(f, "xref\n0 %zu\n", t->next);
        fwrite(s + t->entries_at, 1, t->entries_len, f);
        for (size_t i = 0; i < t->next - t->base; i++)
            fprintf(f, "%010llu 00000 n\r\n", (unsigned long long)t->offsets[i]);
        fputs("trailer\n", f);
        fwrite(s + t->dict_at, 1, t->size_at - t->dict_at, f);
        fprintf(f, "%zu", t->next);
        size_t after = t->size_at + t->size_len;
        fwrite(s + after, 1, t->dict_at + t->dict_len - after, f);
        fprintf(f, "startxref\n%ld\n%%%%EOF\n", xref);
        long end = ftell(f);
        bad = end < 0 || fflush(f) != 0 || ftruncate(fileno(f), (off_t)end) != 0;
    }
    /* A write that failed (ENOSPC) earlier lost its buffer and only set the
     * error flag; fclose would not say so, and the offsets would still agree. */
    bad |= ferror(f) != 0;
    bad |= fclose(f) != 0;
    free(t->vbuf);
    free(t->offsets);
    free(t->old);
    free(t);
    return bad ? -1 : 0;
}
