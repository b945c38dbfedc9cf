/* fonts.c — TrueType fonts from fontconfig, embedded as UTF-8 CID fonts,
 * and the glyph widths the layout measures with. */
#include "pdf.h"

#include <hpdf_font.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_BODY "NanumGothic"
#define DEFAULT_BOLD "NanumGothic:bold"

/* What kind of font file path is, from its first four bytes. */
static const char *font_kind(const char *path)
{
    unsigned char tag[4] = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        return "unreadable";
    size_t n = fread(tag, 1, 4, f);
    fclose(f);
    if (n == 4 && !memcmp(tag, "OTTO", 4))
        return "OpenType/CFF";
    if (n == 4 && !memcmp(tag, "ttcf", 4))
        return "collection";
    if (n == 4 && (!memcmp(tag, "\0\1\0\0", 4) || !memcmp(tag, "true", 4)))
        return "TrueType";
    return "unknown";
}

/* Resolves pattern and loads it; NULL after pdf_fail(). */
static HPDF_Font font_open(pdf_ctx *ctx, const char *pattern)
{
    char path[4096];
    int index = 0;
    if (ctx->job->host->find_font(ctx->job, pattern, path, sizeof path, &index) != QUIRE_OK) {
        pdf_fail(ctx, QUIRE_ERR_INPUT, "font '%s' not found", pattern);
        return NULL;
    }
    const char *kind = font_kind(path);
    if (strcmp(kind, "TrueType") && strcmp(kind, "collection")) {
        pdf_fail(ctx, QUIRE_ERR_INPUT,
                 "font '%s' (%s) is %s; the PDF needs a TrueType font (glyf outlines)",
                 pattern, path, !strcmp(kind, "unknown") ? "not a font libharu can embed" : kind);
        return NULL;
    }
    const char *name = !strcmp(kind, "collection")
        ? HPDF_LoadTTFontFromFile2(ctx->doc, path, (HPDF_UINT)index, HPDF_TRUE)
        : HPDF_LoadTTFontFromFile(ctx->doc, path, HPDF_TRUE);
    HPDF_Font font = name ? HPDF_GetFont(ctx->doc, name, "UTF-8") : NULL;
    if (!font) {
        pdf_fail(ctx, QUIRE_ERR_INPUT, "font '%s' (%s) cannot be embedded (libharu error 0x%04X)",
                 pattern, path, (unsigned)ctx->hpdf_error);
        return NULL;
    }
    ctx->hpdf_error = 0; /* handled here: the font is usable */
    return font;
}

static int16_t *width_table(void)
{
    int16_t *t = malloc(65536 * sizeof *t);
    if (t)
        for (size_t i = 0; i < 65536; i++)
            t[i] = -1;
    return t;
}

quire_status fonts_check_job(const quire_job *job)
{
    const quire_template *t = job->tmpl;
    const char *faces[] = {t && t->font_body ? t->font_body : DEFAULT_BODY,
                           t && t->font_bold ? t->font_bold : DEFAULT_BOLD};
    quire_status st = QUIRE_OK;
    for (size_t i = 0; i < 2; i++) {
        char path[4096];
        int index = 0;
        if (i == 1 && strcmp(faces[0], faces[1]) == 0)
            break;
        if (job->host->find_font(job, faces[i], path, sizeof path, &index) != QUIRE_OK)
            st = QUIRE_ERR_INPUT;   /* the host reported it at the fonts: key */
    }
    return st;
}

int fonts_load(pdf_ctx *ctx)
{
    const char *body = ctx->tp->font_body ? ctx->tp->font_body : DEFAULT_BODY;
    const char *bold = ctx->tp->font_bold ? ctx->tp->font_bold : DEFAULT_BOLD;
    if (HPDF_UseUTFEncodings(ctx->doc) != HPDF_OK ||
        HPDF_SetCurrentEncoder(ctx->doc, "UTF-8") != HPDF_OK) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "libharu has no UTF-8 encoder");
        return -1;
    }
    ctx->utf8 = HPDF_GetEncoder(ctx->doc, "UTF-8");
    ctx->body = font_open(ctx, body);
    ctx->bold = ctx->body ? font_open(ctx, bold) : NULL;
    if (!ctx->body || !ctx->bold)
        return -1;
    ctx->widths[0] = width_table();
    ctx->widths[1] = width_table();
    if (!ctx->widths[0] || !ctx->widths[1]) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return -1;
    }
    return 0;
}

void fonts_free(pdf_ctx *ctx)
{
    free(ctx->widths[0]);
    free(ctx->widths[1]);
    ctx->widths[0] = ctx->widths[1] = NULL;
}

/* Decodes one UTF-8 character at s (n bytes); a bad sequence is U+FFFD. */
static uint32_t utf8_decode(const char *s, size_t *n)
{
    const unsigned char *u = (const unsigned char *)s;
    *n = lb_char_len(s);
    switch (*n) {
    case 1: return u[0] < 0x80 ? u[0] : 0xFFFD;
    case 2: return ((u[0] & 0x1Fu) << 6) | (u[1] & 0x3Fu);
    case 3: return ((u[0] & 0x0Fu) << 12) | ((u[1] & 0x3Fu) << 6) | (u[2] & 0x3Fu);
    default:
        return ((u[0] & 0x07u) << 18) | ((u[1] & 0x3Fu) << 12) | ((u[2] & 0x3Fu) << 6) |
               (u[3] & 0x3Fu);
    }
}

/* Advance of cp in 1/1000 em, or -2 when the font has no glyph for it
 * (libharu's UTF-8 encoder only reaches the BMP). */
static int glyph_advance(pdf_ctx *ctx, HPDF_Font font, uint32_t cp)
{
    if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return -2;
    int16_t *cache = ctx->widths[font == ctx->bold];
    if (cache && cache[cp] != -1)
        return cache[cp];
    HPDF_FontDef def = ((HPDF_FontAttr)font->attr)->fontdef;
    int w = -2;
    if (cp == ' ' || HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp) != 0)
        w = HPDF_Font_GetUnicodeWidth(font, (HPDF_UNICODE)cp);
    if (cache)
        cache[cp] = (int16_t)w;
    return w;
}

double text_width(const pdf_ctx *cctx, HPDF_Font font, double size, const char *text,
                  size_t len)
{
    pdf_ctx *ctx = (pdf_ctx *)cctx; /* only the width cache changes */
    long sum = 0;
    for (size_t i = 0, n; i < len; i += n) {
        uint32_t cp = utf8_decode(text + i, &n);
        if (i + n > len)
            n = len - i;
        if (cp < 0x20)
            cp = ' ';
        int w = glyph_advance(ctx, font, cp);
        sum += w >= 0 ? w : glyph_advance(ctx, font, '?');
    }
    return (double)sum * size / 1000.0;
}

size_t fonts_sanitize(pdf_ctx *ctx, HPDF_Font font, const char *text, size_t len,
                      char *buf, size_t size)
{
    size_t o = 0;
    for (size_t i = 0, n; i < len && o + 5 < size; i += n) {
        uint32_t cp = utf8_decode(text + i, &n);
        if (i + n > len)
            n = len - i;
        if (cp < 0x20)
            buf[o++] = ' ';
        else if (glyph_advance(ctx, font, cp) < 0)
            buf[o++] = '?';
        else
            memcpy(buf + o, text + i, n), o += n;
    }
    if (size)
        buf[o] = '\0';
    return o;
}

static int already_warned(pdf_ctx *ctx, uint32_t cp)
{
    for (size_t i = 0; i < ctx->n_warned; i++)
        if (ctx->warned[i] == cp)
            return 1;
    if (ctx->n_warned < sizeof ctx->warned / sizeof ctx->warned[0])
        ctx->warned[ctx->n_warned++] = cp;
    return 0;
}

void fonts_check(pdf_ctx *ctx, HPDF_Font font, const char *text)
{
    if (!ctx->dry || !text)
        return;
    for (size_t i = 0, n; text[i]; i += n) {
        uint32_t cp = utf8_decode(text + i, &n);
        if (cp < 0x20 || glyph_advance(ctx, font, cp) >= 0 || already_warned(ctx, cp))
            continue;
        ctx->job->host->diag(ctx->job, QUIRE_WARNING, "missing-glyph",
                             "U+%04X '%.*s' in %s has no glyph in font %s; drawn as '?'",
                             (unsigned)cp, (int)n, text + i, ctx->where ? ctx->where : "text",
                             HPDF_Font_GetFontName(font));
    }
}
