/* fonts.c — resolving fontconfig patterns to font files.
 *
 * fontconfig always offers *some* font; a report typeset in a fallback
 * family is wrong in a way nobody notices until print, so a match whose
 * family differs from the requested one is an error. */
#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdio.h>
#include <strings.h>

/* fontconfig's configuration is not safe to use from several threads. */
static pthread_mutex_t fc_lock = PTHREAD_MUTEX_INITIALIZER;
static int fc_ready;

static void copy_out(char *dst, size_t size, const char *src)
{
    if (size > 0)
        snprintf(dst, size, "%s", src);
}

/* 1 when one of the matched font's family names (it may carry several,
 * e.g. a Latin and a Korean one) equals the requested family. */
static int family_matches(FcPattern *font, const char *family)
{
    FcChar8 *name;
    for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; i++) {
        if (strcasecmp((const char *)name, family) == 0)
            return 1;
    }
    return 0;
}

static fonts_status match_locked(const char *pattern, char *path, size_t path_size,
                                 int *index, char *offered, size_t offered_size)
{
    fonts_status st = FONTS_ERROR;
    FcPattern *want = FcNameParse((const FcChar8 *)pattern);
    FcPattern *font = NULL;
    if (!want)
        goto cleanup;
    /* Copied: substitution below rewrites the pattern's family list. */
    char family[256] = "";
    FcChar8 *asked = NULL;
    if (FcPatternGetString(want, FC_FAMILY, 0, &asked) == FcResultMatch)
        copy_out(family, sizeof family, (const char *)asked);
    FcConfigSubstitute(NULL, want, FcMatchPattern);
    FcDefaultSubstitute(want);
    FcResult res;
    font = FcFontMatch(NULL, want, &res);
    FcChar8 *file = NULL;
    if (!font || FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch)
        goto cleanup;
    if (family[0] && !family_matches(font, family)) {
        FcChar8 *got = NULL;
        FcPatternGetString(font, FC_FAMILY, 0, &got);
        copy_out(offered, offered_size, got ? (const char *)got : "(unnamed)");
        st = FONTS_MISMATCH;
        goto cleanup;
    }
    int idx = 0;
    FcPatternGetInteger(font, FC_INDEX, 0, &idx);
    copy_out(path, path_size, (const char *)file);
    *index = idx;
    st = FONTS_OK;
cleanup:
    if (font)
        FcPatternDestroy(font);
    if (want)
        FcPatternDestroy(want);
    return st;
}

fonts_status fonts_find(const char *pattern, char *path, size_t path_size, int *index,
                        char *offered, size_t offered_size)
{
    pthread_mutex_lock(&fc_lock);
    fonts_status st = FONTS_ERROR;
    if (!fc_ready)
        fc_ready = FcInit();
    if (fc_ready)
        st = match_locked(pattern, path, path_size, index, offered, offered_size);
    pthread_mutex_unlock(&fc_lock);
    return st;
}

void fonts_shutdown(void)
{
    pthread_mutex_lock(&fc_lock);
    if (fc_ready)
        FcFini();
    fc_ready = 0;
    pthread_mutex_unlock(&fc_lock);
}
