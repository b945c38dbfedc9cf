/* fileid.c — writing the document with a trailer /ID made from its bytes.
 *
 * PDF/A needs a file identifier, and libharu only writes one (from the
 * clock) for encrypted files. quire's is the MD5 of the file as written
 * with an all-zero identifier: a function of the content alone, so two
 * renders of one input stay byte-identical. */
#include "standard.h"

#include "pdf.h"
#include "pdf_objects.h"

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
static unsigned char *find_last(unsigned char *hay, size_t len, const char *needle)
{
    size_t n = strlen(needle);
    for (size_t i = len >= n ? len - n + 1 : 0; i-- > 0;)
        if (hay[i] == (unsigned char)needle[0] && !memcmp(hay + i, needle, n))
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

static void set_id(unsigned char *at, const unsigned char digest[ID_LEN])
{
    static const char hex[] = "0123456789ABCDEF";
    for (int copy = 0; copy < 2; copy++) {
        unsigned char *p = at + 1 + (size_t)copy * (2 * ID_LEN + 3);
        for (int i = 0; i < ID_LEN; i++) {
            p[2 * i] = (unsigned char)hex[digest[i] >> 4];
            p[2 * i + 1] = (unsigned char)hex[digest[i] & 15];
        }
    }
}

static int write_file(const char *path, const unsigned char *buf, size_t len)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return -1;
    int bad = fwrite(buf, 1, len, f) != len;
    bad |= fclose(f) != 0;
    return bad ? -1 : 0;
}

int fileid_save(pdf_ctx *ctx, const char *path)
{
    char zero[4 * ID_LEN + 8];
    placeholder(zero);
    size_t len = 0;
    unsigned char *buf = add_zero_id(ctx->doc) ? NULL : pdfo_saved(ctx->doc, &len);
    unsigned char *at = buf ? find_last(buf, len, zero) : NULL;
    if (!at) {
        free(buf);
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot write the PDF (libharu error 0x%04X)",
                 (unsigned)HPDF_GetError(ctx->doc));
        return -1;
    }
    unsigned char digest[ID_LEN];
    pdfo_md5(buf, len, digest);
    set_id(at, digest);
    int bad = write_file(path, buf, len);
    free(buf);
    if (bad)
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot write %s",
                 ctx->job->final_path ? ctx->job->final_path : path);
    return bad;
}
