/* font_cff.c — CFF header, INDEXes and the Top DICT, read only as far as
 * the charset (Adobe TN 5176). Every read is bounds-checked: the table
 * comes from a font file. */
#include "font_cff.h"

#include <stdlib.h>

typedef struct cff_rd {
    const unsigned char *p;
    size_t len;
} cff_rd;

static int get(const cff_rd *r, size_t at, size_t n, unsigned long *v)
{
    if (at > r->len || n > r->len - at)
        return -1;
    *v = 0;
    for (size_t i = 0; i < n; i++)
        *v = *v << 8 | r->p[at + i];
    return 0;
}

/* An INDEX at *at: its count and where its data starts; *at moves past
 * it. first/end: bytes of entry 0, when there is one. */
static int cff_index(const cff_rd *r, size_t *at, unsigned long *count, size_t *first,
                     size_t *first_end)
{
    unsigned long off_size, o0, o1, last;
    if (get(r, *at, 2, count))
        return -1;
    if (*count == 0) {
        *at += 2;
        return 0;
    }
    if (get(r, *at + 2, 1, &off_size) || off_size < 1 || off_size > 4)
        return -1;
    size_t offs = *at + 3, data = offs + (*count + 1) * off_size - 1;
    if (get(r, offs, off_size, &o0) || get(r, offs + off_size, off_size, &o1) ||
        get(r, offs + *count * off_size, off_size, &last) || o1 < o0 || last < o1)
        return -1;
    *first = data + o0;
    *first_end = data + o1;
    *at = data + last;
    return *at <= r->len ? 0 : -1;
}

/* The Top DICT's charset and CharStrings offsets, and whether it has ROS. */
static int top_dict(const cff_rd *r, size_t at, size_t end, long *charset, long *charstrings,
                    int *ros)
{
    long operand = 0;
    *charset = 0, *charstrings = -1, *ros = 0;
    while (at < end) {
        unsigned b = r->p[at];
        unsigned long v;
        if (b <= 21) {
            if (b == 12) {
                if (at + 1 >= end)
                    return -1;
                *ros |= r->p[at + 1] == 30;
                at += 2;
            } else {
                if (b == 15)
                    *charset = operand;
                else if (b == 17)
                    *charstrings = operand;
                at += 1;
            }
        } else if (b == 28) {
            if (get(r, at + 1, 2, &v))
                return -1;
            operand = (int16_t)v, at += 3;
        } else if (b == 29) {
            if (get(r, at + 1, 4, &v))
                return -1;
            operand = (int32_t)v, at += 5;
        } else if (b == 30) { /* a real: nibbles up to an f */
            at++;
            while (at < end && (r->p[at] & 0x0F) != 0x0F && (r->p[at] & 0xF0) != 0xF0)
                at++;
            at++;
        } else if (b >= 32 && b <= 246) {
            operand = (long)b - 139, at += 1;
        } else if (b >= 247 && b <= 254) {
            if (at + 1 >= end)
                return -1;
            long w = ((long)b - (b <= 250 ? 247 : 251)) * 256 + r->p[at + 1] + 108;
            operand = b <= 250 ? w : -w, at += 2;
        } else {
            return -1;
        }
    }
    return 0;
}

uint16_t *font_cff_cids(const unsigned char *cff, size_t len, unsigned *n)
{
    cff_rd r = {cff, len};
    unsigned long hdr, count;
    size_t at, top, top_end, skip_a, skip_b;
    if (get(&r, 2, 1, &hdr))
        return NULL;
    at = hdr;
    if (cff_index(&r, &at, &count, &skip_a, &skip_b) || /* Name */
        cff_index(&r, &at, &count, &top, &top_end) || count < 1)
        return NULL;
    long charset, charstrings;
    int ros;
    if (top_dict(&r, top, top_end, &charset, &charstrings, &ros) || !ros || charset <= 2 ||
        charstrings <= 0)
        return NULL;
    size_t cs = (size_t)charstrings;
    unsigned long glyphs;
    if (cff_index(&r, &cs, &glyphs, &skip_a, &skip_b) || glyphs == 0 || glyphs > 65536)
        return NULL;
    uint16_t *cid = calloc(glyphs, sizeof *cid);
    if (!cid)
        return NULL;
    unsigned long format, v, nleft;
    size_t p = (size_t)charset;
    if (get(&r, p++, 1, &format))
        goto bad;
    for (unsigned long g = 1; g < glyphs;) {
        if (format == 0) {
            if (get(&r, p, 2, &v))
                goto bad;
            cid[g++] = (uint16_t)v, p += 2;
            continue;
        }
        size_t nl = format == 1 ? 1 : 2;
        if (format > 2 || get(&r, p, 2, &v) || get(&r, p + 2, nl, &nleft))
            goto bad;
        p += 2 + nl;
        for (unsigned long k = 0; k <= nleft && g < glyphs; k++)
            cid[g++] = (uint16_t)(v + k);
    }
    *n = (unsigned)glyphs;
    return cid;
bad:
    free(cid);
    return NULL;
}
