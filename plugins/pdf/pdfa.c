/* pdfa.c — the sRGB output intent of PDF/A: the colours quire writes are
 * DeviceRGB, and the output intent says they mean sRGB.
 *
 * The profile is not part of quire: it is a Debian package's
 * (icc-profiles-free, else colord-data), found at run time. */
#include "standard.h"

#include "pdf.h"
#include "pdf_objects.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Where Debian and most systems put an sRGB profile; the ICC v2 one first
 * (every PDF/A-2 reader knows v2; colord's is v4). */
static const char *const icc_paths[] = {
    "/usr/share/color/icc/sRGB.icc",
    "/usr/share/color/icc/colord/sRGB.icc",
    "/usr/local/share/color/icc/sRGB.icc",
    NULL,
};

#define ICC_MAX (4u << 20) /* an sRGB profile is a few kB; refuse anything absurd */

/* 1 when the file at path starts like an RGB display or colour-space
 * profile: its header's size field matches, 'acsp' at 36, 'RGB ' at 16. */
static int looks_like_rgb_icc(const char *path)
{
    unsigned char h[40];
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(h, 1, sizeof h, f);
    fclose(f);
    return n == sizeof h && !memcmp(h + 36, "acsp", 4) && !memcmp(h + 16, "RGB ", 4);
}

const char *pdfa_icc_path(void)
{
    for (size_t i = 0; icc_paths[i]; i++)
        if (looks_like_rgb_icc(icc_paths[i]))
            return icc_paths[i];
    return NULL;
}

/* Reads the whole file; NULL when it cannot (or it is larger than max). */
unsigned char *pdfa_read_file(const char *path, size_t max, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 65536, n = 0;
    unsigned char *data = malloc(cap);
    while (data) {
        if (n == cap) {
            unsigned char *p = cap < max ? realloc(data, cap * 2) : NULL;
            if (!p) {
                free(data);
                data = NULL;
                break;
            }
            data = p;
            cap *= 2;
        }
        size_t got = fread(data + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(f) || n > max;
    fclose(f);
    if (bad) {
        free(data);
        return NULL;
    }
    *len = n;
    return data;
}

int pdfa_output_intent(pdf_ctx *ctx)
{
    HPDF_Doc doc = ctx->doc;
    const char *path = pdfa_icc_path();
    size_t len = 0;
    unsigned char *icc = path ? pdfa_read_file(path, ICC_MAX, &len) : NULL;
    if (!icc) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "cannot read an sRGB ICC profile (%s) for PDF/A",
                 path ? path : "none installed; install icc-profiles-free");
        return -1;
    }
    HPDF_Dict profile = pdfo_stream(doc, 1);
    HPDF_Dict intent = pdfo_dict(doc);
    HPDF_Array intents = pdfo_array(doc);
    HPDF_STATUS ret = profile && intent && intents ? HPDF_OK : HPDF_FAILD_TO_ALLOC_MEM;
    if (ret != HPDF_OK) { /* the profile, if made, belongs to the document */
        pdfo_dict_free(intent);
        pdfo_array_free(intents);
    } else {
        ret |= pdfo_add_int(profile, "N", 3);
        ret |= pdfo_stream_write(profile, icc, len);
        ret |= pdfo_add_name(intent, "Type", "OutputIntent");
        ret |= pdfo_add_name(intent, "S", "GTS_PDFA1");
        ret |= pdfo_add_string(doc, intent, "OutputConditionIdentifier", "sRGB IEC61966-2.1",
                               NULL);
        ret |= pdfo_add_string(doc, intent, "Info", "sRGB IEC61966-2.1", NULL);
        ret |= pdfo_add(intent, "DestOutputProfile", profile);
        ret |= pdfo_push(intents, intent);
        ret |= pdfo_add(pdfo_catalog(doc), "OutputIntents", intents);
    }
    free(icc);
    return ret == HPDF_OK ? 0 : -1;
}
