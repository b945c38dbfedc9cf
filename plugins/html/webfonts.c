/* webfonts.c — the PDF's faces embedded in the page as @font-face rules.
 *
 * The page embeds the template's body and bold faces (fonts.c: found
 * through the host's fontconfig lookup, as the PDF finds them); a
 * character a face lacks goes to the face font_fallback() picks for it,
 * as in the PDF. Each face is cut by hb-subset down to the code points
 * the page shows (its cmap kept, so the browser maps text to glyphs
 * itself) and written as a data: URI. When the host cannot find a face or a subset fails, the page keeps
 * naming the template's families with system fallbacks (no @font-face):
 * fonts are a nicety of the page, never a reason to fail the export. */
#include "html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "font_face.h"
#include "font_fallback.h"
#include "font_subset.h"
#include "utf8.h"

#define MAX_CP 0x110000u

/* One face of one weight and the code points it sets. */
typedef struct web_face {
    const font_face *face;
    uint32_t *cps;
    size_t n, cap;
} web_face;

typedef struct web_weight {
    web_face main;
    web_face fb[WEBFONT_MAX_FALLBACK];
    size_t n_fb;
} web_weight;

static int face_add_cp(web_face *w, uint32_t cp)
{
    if (w->n == w->cap) {
        size_t cap = w->cap ? w->cap * 2 : 256;
        uint32_t *p = realloc(w->cps, cap * sizeof *p);
        if (!p)
            return -1;
        w->cps = p;
        w->cap = cap;
    }
    w->cps[w->n++] = cp;
    return 0;
}

/* Every code point of the page's body, in order: its text, the markup's
 * characters, and all printable ASCII (what entities and the print sheet's
 * generated content stand for). Returned as a bitmap of MAX_CP bits. */
static unsigned char *page_code_points(const char *s, size_t len)
{
    unsigned char *seen = calloc(MAX_CP / 8, 1);
    if (!seen)
        return NULL;
    for (uint32_t c = 0x20; c < 0x7F; c++)
        seen[c / 8] |= (unsigned char)(1u << (c % 8));
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp = utf8_decode(s + i, len - i, &n);
        if (!n)
            n = 1;
        if (cp >= 0x20 && cp < MAX_CP && cp != 0xFEFF)
            seen[cp / 8] |= (unsigned char)(1u << (cp % 8));
    }
    return seen;
}

/* Sorts the page's code points into the weight's main face and the
 * fallback faces for what it lacks; -1 when memory ran out. */
static int weight_fill(web_weight *w, const char *pattern, const unsigned char *seen)
{
    for (uint32_t cp = 0x20; cp < MAX_CP; cp++) {
        if (!(seen[cp / 8] & (1u << (cp % 8))))
            continue;
        if (font_face_glyph(w->main.face, cp)) {
            if (face_add_cp(&w->main, cp))
                return -1;
            continue;
        }
        const font_face *f = font_fallback(pattern, cp);
        if (!f)
            continue; /* no face has it: the browser shows what it can */
        size_t k = 0;
        while (k < w->n_fb && w->fb[k].face != f)
            k++;
        if (k == w->n_fb) {
            if (w->n_fb == WEBFONT_MAX_FALLBACK)
                continue;
            w->fb[w->n_fb++].face = f;
        }
        if (face_add_cp(&w->fb[k], cp))
            return -1;
    }
    return 0;
}

/* One @font-face rule (none for a face that sets nothing of the page);
 * -1 when the face cannot be subset. */
static int rule_write(buf *b, const web_face *w, const char *family, int weight)
{
    font_subset sub;
    char why[160];
    if (!w->n)
        return 0;
    if (font_subset_unicodes(w->face, w->cps, w->n, &sub, why, sizeof why))
        return -1;
    buf_printf(b, "@font-face{font-family:\"%s\";src:url(data:%s;base64,", family,
               w->face->cff ? "font/otf" : "font/ttf");
    buf_base64(b, sub.data, sub.len);
    buf_printf(b, ") format(\"%s\");font-weight:%d;font-style:normal}\n",
               w->face->cff ? "opentype" : "truetype", weight);
    font_subset_free(&sub);
    return 0;
}

static void weight_free(web_weight *w)
{
    free(w->main.cps);
    for (size_t k = 0; k < w->n_fb; k++)
        free(w->fb[k].cps);
}

void webfonts_make(html_doc *d, const char *body, size_t len)
{
    const char *const *pattern = d->pattern;
    web_weight w[2];
    memset(w, 0, sizeof w);
    unsigned char *seen = page_code_points(body, len);
    buf rules = {0};
    int ok = seen != NULL;
    for (int i = 0; ok && i < 2; i++) {
        w[i].main.face = d->face[i];
        ok = w[i].main.face && !weight_fill(&w[i], pattern[i], seen);
    }
    for (int i = 0; ok && i < 2; i++) {
        int weight = i ? 700 : 400;
        ok = !rule_write(&rules, &w[i].main, "quire-body", weight);
        for (size_t k = 0; ok && k < w[i].n_fb; k++) {
            char family[32];
            snprintf(family, sizeof family, "quire-fb%zu", k + 1);
            ok = !rule_write(&rules, &w[i].fb[k], family, weight);
        }
    }
    if (ok && !buf_failed(&rules)) {
        d->fonts = rules;
        d->n_fallback = w[0].n_fb > w[1].n_fb ? w[0].n_fb : w[1].n_fb;
    } else {
        buf_free(&rules); /* today's page: the families by name only */
    }
    for (int i = 0; i < 2; i++)
        weight_free(&w[i]);
    free(seen);
}
