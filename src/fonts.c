/* fonts.c — resolving fontconfig patterns to font files.
 *
 * fontconfig always offers *some* font; a report typeset in a fallback
 * family is wrong in a way nobody notices until print, so a match whose
 * family differs from the requested one is an error. */
#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define UNDER_VALGRIND RUNNING_ON_VALGRIND
#else
#define UNDER_VALGRIND 0
#endif
#if defined(__SANITIZE_ADDRESS__)
#define LEAK_CHECKED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define LEAK_CHECKED 1
#endif
#endif
#ifndef LEAK_CHECKED
#define LEAK_CHECKED 0
#endif

/* fontconfig's configuration is not safe to use from several threads. */
static pthread_mutex_t fc_lock = PTHREAD_MUTEX_INITIALIZER;
static int fc_ready;

/* Answers kept for the life of the process, as fontconfig keeps its
 * configuration: check() asks in the main process, and every export
 * child forked later finds the answer here instead of matching again
 * (a match walks every installed font: milliseconds per pattern). */
typedef struct answer {
    char *pattern;
    fonts_status st;
    char *path;       /* FONTS_OK */
    int index;
    char *offered;    /* FONTS_MISMATCH */
    struct answer *next;
} answer;

static answer *answers;

static answer *answer_find(const char *pattern)
{
    for (answer *a = answers; a; a = a->next)
        if (!strcmp(a->pattern, pattern))
            return a;
    return NULL;
}

/* Keeps what match_locked answered (nothing when out of memory: the next
 * call asks fontconfig again). */
static void answer_keep(const char *pattern, fonts_status st, const char *path, int index,
                        const char *offered)
{
    answer *a = calloc(1, sizeof *a);
    if (!a || !(a->pattern = strdup(pattern)) || !(a->path = strdup(path)) ||
        !(a->offered = strdup(offered))) {
        if (a) {
            free(a->pattern);
            free(a->path);
        }
        free(a);
        return;
    }
    a->st = st;
    a->index = index;
    a->next = answers;
    answers = a;
}

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
    const answer *a = fc_ready ? answer_find(pattern) : NULL;
    if (a) {
        st = a->st;
        if (st == FONTS_OK) {
            copy_out(path, path_size, a->path);
            *index = a->index;
        } else if (st == FONTS_MISMATCH) {
            copy_out(offered, offered_size, a->offered);
        }
    } else if (fc_ready) {
        char p[4096] = "", o[256] = "";
        int idx = 0;
        st = match_locked(pattern, p, sizeof p, &idx, o, sizeof o);
        answer_keep(pattern, st, p, idx, o);
        if (st == FONTS_OK) {
            copy_out(path, path_size, p);
            *index = idx;
        } else if (st == FONTS_MISMATCH) {
            copy_out(offered, offered_size, o);
        }
    }
    pthread_mutex_unlock(&fc_lock);
    return st;
}

void fonts_shutdown(void)
{
    pthread_mutex_lock(&fc_lock);
    /* FcFini frees the whole configuration piece by piece, a thirtieth of
     * a one-page brief's CPU, at the exit that returns it all anyway. A
     * leak checker (ASan, valgrind) gets it freed: fontconfig links its
     * data by offsets, which the checkers cannot follow. */
    if (fc_ready && (LEAK_CHECKED || UNDER_VALGRIND))
        FcFini();
    fc_ready = 0;
    while (answers) {
        answer *a = answers;
        answers = a->next;
        free(a->pattern);
        free(a->path);
        free(a->offered);
        free(a);
    }
    pthread_mutex_unlock(&fc_lock);
}
