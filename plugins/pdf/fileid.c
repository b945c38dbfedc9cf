/* fileid.c — writing the document with a trailer /ID made from its bytes.
 *
 * PDF/A needs a file identifier, and libharu only writes one (from the
 * clock) for encrypted files. quire's is the MD5 of the file as written
 * with an all-zero identifier: a function of the content alone, so two
 * renders of one input stay byte-identical. */
#include "standard.h"

#include "pdf.h"
#include "pdf_objects.h"
#include "pdf_tail.h"
#include "tags.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ID_LEN 16

/* The placeholder as libharu writes it: "[ <00…> <00…> ]". */
static void placeholder(char *buf)
{
    char *p = buf;
    *p++ = '<';
    memset(p, '0', 2 * ID_LEN), p += 2 * ID_LEN;
    *p++ = '>', *p++ = ' ', *p++ = '<';
    memset(p, '0', 2 * ID_LEN), p += 2 * ID_LEN;
    *p++ = '>', *p = '\0';
}

/* The last occurrence of needle in hay, or NULL: the trailer comes last. */
static char *find_last(char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (hay[i] == needle[0] && !memcmp(hay + i, needle, n))
            return hay + i;
    return NULL;
}

static int add_zero_id(HPDF_Doc doc)
{
    static const unsigned char zero[ID_LEN];
    HPDF_Array id = pdfo_array(doc);
    if (!id)
        return -1;
    HPDF_STATUS ret = pdfo_add(pdfo_trailer(doc), "ID", id);
    ret |= pdfo_push_bytes(doc, id, zero, ID_LEN);
    ret |= pdfo_push_bytes(doc, id, zero, ID_LEN);
    return ret == HPDF_OK ? 0 : -1;
}

static void set_id(char *at, const unsigned char digest[ID_LEN])
{
    static const char hex[] = "0123456789ABCDEF";
    for (int copy = 0; copy < 2; copy++) {
        char *p = at + 1 + (size_t)copy * (2 * ID_LEN + 3);
        for (int i = 0; i < ID_LEN; i++) {
            p[2 * i] = hex[digest[i] >> 4];
            p[2 * i + 1] = hex[digest[i] & 15];
        }
    }
}

/* The saved file's identifier: the MD5 of the file as it is (with the
 * all-zero one), written over the zeros in its trailer (the last 4 KB). */
static int write_id(const char *path)
{
    char zero[4 * ID_LEN + 8], tail[4096];
    placeholder(zero);
    FILE *f = fopen(path, "r+b");
    if (!f)
        return -1;
    unsigned char digest[ID_LEN];
    long size = fseek(f, 0, SEEK_END) == 0 ? ftell(f) : -1;
    long from = size > (long)sizeof tail ? size - (long)sizeof tail : 0;
    size_t got = 0;
    char *at = NULL;
    if (size > 0 && pdfo_md5_file(f, digest) == 0 && fseek(f, from, SEEK_SET) == 0) {
        got = fread(tail, 1, (size_t)(size - from), f);
        at = find_last(tail, got, zero);
    }
    int bad = !at;
    if (at) {
        set_id(at, digest);
        bad = fseek(f, from + (at - tail), SEEK_SET) != 0 || fwrite(at, 1, strlen(zero), f) != strlen(zero);
    }
    bad |= fclose(f) != 0;
    return bad ? -1 : 0;
}

/* libharu saves its objects to path, the structure tree follows them
 * (tags_write, pdf_tail.h), then the identifier: the file is written as
 * it goes, never held whole in memory (a 100,000-row table is 80 MB).
 * The header says PDF 1.7 (tagged PDF needs 1.5; PDF/UA-1 and PDF/A-2
 * are built on ISO 32000-1), set in the file: libharu has no call for
 * it. */
int fileid_save(pdf_ctx *ctx, const char *path)
{
    char why[160] = "";
    size_t base = pdfo_next_number(ctx->doc);
    pdfo_refs *refs = pdfo_refs_new(ctx->doc, base);
    int bad = !refs || tags_number(ctx, refs, base) || add_zero_id(ctx->doc) ||
              HPDF_SaveToFile(ctx->doc, path) != HPDF_OK;
    pdfo_refs_free(refs);
    if (bad) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot write the PDF (libharu error 0x%04X)",
                 (unsigned)HPDF_GetError(ctx->doc));
        return -1;
    }
    pdf_tail *tail = tail_open(path, base, why, sizeof why);
    if (tail) {
        /* each step runs, in order: tail_close frees the tail */
        bad = tail_version(tail, 7) != 0;
        bad |= tags_write(ctx, tail) != 0;
        bad |= tail_close(tail) != 0;
    }
    if (!tail || bad) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot write %s%s%s",
                 ctx->job->final_path ? ctx->job->final_path : path, *why ? ": " : "", why);
        return -1;
    }
    if (write_id(path)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot write %s",
                 ctx->job->final_path ? ctx->job->final_path : path);
        return -1;
    }
    return 0;
}
