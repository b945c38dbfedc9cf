/* font_fallback.c — fontconfig's sorted list per pattern, walked for the
 * first face that has a character; answers kept per pattern and code. */
#include "font_fallback.h"

#include "font_shape.h"

#include <fontconfig/fontconfig.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define ANSWER_SLOTS 1024u /* open addressing; grows never: older answers are asked again */

typedef struct candidate {
    char *path;
    unsigned index;
} candidate;

typedef struct answer {
    uint32_t cp;      /* 0: empty slot */
    const font_face *face;
} answer;

typedef struct sorted_list {
    char *pattern;
    candidate *fonts;
    size_t n;
    answer answers[ANSWER_SLOTS];
    struct sorted_list *next;
} sorted_list;

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static sorted_list *lists;

/* fontconfig's fonts for pattern, best first, keeping only outline fonts
 * (a colour bitmap font cannot be embedded as text). */
static sorted_list *list_make(const char *pattern)
{
    sorted_list *l = calloc(1, sizeof *l);
    if (!l || !(l->pattern = strdup(pattern))) {
        free(l);
        return NULL;
    }
    FcInit();
    FcPattern *want = FcNameParse((const FcChar8 *)pattern);
    FcResult res;
    FcFontSet *set = NULL;
    if (want) {
        FcConfigSubstitute(NULL, want, FcMatchPattern);
        FcDefaultSubstitute(want);
        set = FcFontSort(NULL, want, FcFalse, NULL, &res);
    }
    if (set && set->nfont > 0)
        l->fonts = calloc((size_t)set->nfont, sizeof *l->fonts);
    for (int i = 0; l->fonts && i < set->nfont; i++) {
        FcPattern *p = set->fonts[i];
        FcChar8 *file = NULL;
        FcBool outline = FcFalse, color = FcFalse;
        int index = 0;
        FcPatternGetBool(p, FC_OUTLINE, 0, &outline);
        FcPatternGetBool(p, FC_COLOR, 0, &color);
        FcPatternGetInteger(p, FC_INDEX, 0, &index);
        if (FcPatternGetString(p, FC_FILE, 0, &file) != FcResultMatch || !outline || color ||
            index < 0 || (index >> 16)) /* named instances of variable fonts */
            continue;
        candidate *c = &l->fonts[l->n];
        if (!(c->path = strdup((const char *)file)))
            break;
        c->index = (unsigned)index;
        l->n++;
    }
    if (set)
        FcFontSetDestroy(set);
    if (want)
        FcPatternDestroy(want);
    l->next = lists;
    lists = l;
    return l;
}

static const font_face *search(const sorted_list *l, uint32_t cp)
{
    char err[160];
    for (size_t i = 0; i < l->n; i++) {
        const font_face *f = font_face_open(l->fonts[i].path, l->fonts[i].index, err, sizeof err);
        if (f && font_face_glyph(f, cp))
            return f;
    }
    return NULL;
}

const font_face *font_fallback(const char *pattern, uint32_t cp)
{
    pthread_mutex_lock(&lock);
    sorted_list *l = lists;
    while (l && strcmp(l->pattern, pattern))
        l = l->next;
    if (!l)
        l = list_make(pattern);
    const font_face *face = NULL;
    if (l && cp) {
        size_t slot = (cp * 2654435761u) % ANSWER_SLOTS;
        answer *a = &l->answers[slot];
        if (a->cp == cp) {
            face = a->face;
        } else {
            face = search(l, cp);
            *a = (answer){cp, face};
        }
    }
    pthread_mutex_unlock(&lock);
    return face;
}

/* Blocks of characters and the Debian package with fonts for them. */
static const struct block {
    uint32_t lo, hi;
    const char *package;
} blocks[] = {
    {0x1100, 0x11FF, "fonts-noto-cjk"},   {0x2E80, 0x2FDF, "fonts-noto-cjk"},
    {0x3000, 0x9FFF, "fonts-noto-cjk"},   {0xA960, 0xA97F, "fonts-noto-cjk"},
    {0xAC00, 0xD7FF, "fonts-noto-cjk"},   {0xF900, 0xFAFF, "fonts-noto-cjk"},
    {0xFE30, 0xFE4F, "fonts-noto-cjk"},   {0xFF00, 0xFFEF, "fonts-noto-cjk"},
    {0x20000, 0x3FFFF, "fonts-noto-cjk-extra"},
    {0x1F000, 0x1FAFF, "fonts-symbola"},  {0x2600, 0x27BF, "fonts-symbola"},
    {0x1D400, 0x1D7FF, "fonts-dejavu-extra"}, {0x2200, 0x22FF, "fonts-dejavu-extra"},
    {0x0590, 0x08FF, "fonts-noto-core"},  {0x0900, 0x0DFF, "fonts-noto-core"},
    {0x0E00, 0x0FFF, "fonts-noto-core"},  {0x1000, 0x109F, "fonts-noto-core"},
    {0x10000, 0x1BFFF, "fonts-noto-extra"},
};

const char *font_package_for(uint32_t cp)
{
    for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
        if (cp >= blocks[i].lo && cp <= blocks[i].hi)
            return blocks[i].package;
    return NULL;
}

void font_fallback_clear(void)
{
    pthread_mutex_lock(&lock);
    while (lists) {
        sorted_list *l = lists;
        lists = l->next;
        for (size_t i = 0; i < l->n; i++)
            free(l->fonts[i].path);
        free(l->fonts);
        free(l->pattern);
        free(l);
    }
    pthread_mutex_unlock(&lock);
}

/* The caches live as long as the code that made them: when a plugin that
 * links this library is unloaded, they go with it (leak checkers see the
 * process end clean). */
__attribute__((destructor)) static void font_caches_unload(void)
{
    font_fallback_clear();
    font_shape_clear();
    font_faces_clear();
}
