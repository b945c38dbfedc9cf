/* text_fonts.c — the document's faces, resolved through the host's
 * fontconfig lookup, and what becomes of characters they lack. */
#include "pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* What kind of font file path is, from its first four bytes. */
const char *fonts_kind(const char *path)
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

/* Resolves pattern and loads it into f; -1 after pdf_fail(). */
static int face_open(pdf_ctx *ctx, text_face *f, const char *pattern)
{
    char path[4096], why[160];
    int index = 0;
    if (ctx->job->host->find_font(ctx->job, pattern, path, sizeof path, &index) != QUIRE_OK) {
        pdf_fail(ctx, QUIRE_ERR_INPUT, "font '%s' not found", pattern);
        return -1;
    }
    const char *kind = fonts_kind(path);
    if (strcmp(kind, "TrueType") && strcmp(kind, "collection")) {
        pdf_fail(ctx, QUIRE_ERR_INPUT,
                 "font '%s' (%s) is %s; the PDF needs a TrueType font (glyf outlines)",
                 pattern, path, !strcmp(kind, "unknown") ? "not a font libharu can embed" : kind);
        return -1;
    }
    if (text_face_load(f, ctx->doc, path, index, !strcmp(kind, "collection"), why, sizeof why)) {
        pdf_fail(ctx, QUIRE_ERR_INPUT, "font '%s' (%s) %s", pattern, path, why);
        return -1;
    }
    ctx->hpdf_error = 0; /* handled here: the font is usable */
    return 0;
}

int fonts_load(pdf_ctx *ctx)
{
    const char *body = ctx->tp->font_body ? ctx->tp->font_body : PDF_DEFAULT_BODY;
    const char *bold = ctx->tp->font_bold ? ctx->tp->font_bold : PDF_DEFAULT_BOLD;
    if (HPDF_UseUTFEncodings(ctx->doc) != HPDF_OK ||
        HPDF_SetCurrentEncoder(ctx->doc, "UTF-8") != HPDF_OK) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "libharu has no UTF-8 encoder");
        return -1;
    }
    ctx->utf8 = HPDF_GetEncoder(ctx->doc, "UTF-8");
    if (face_open(ctx, &ctx->faces[0], body) || face_open(ctx, &ctx->faces[1], bold))
        return -1;
    ctx->body = ctx->faces[0].font;
    ctx->bold = ctx->faces[1].font;
    return 0;
}

void fonts_free(pdf_ctx *ctx)
{
    text_face_free(&ctx->faces[0]);
    text_face_free(&ctx->faces[1]);
}

const text_face *fonts_face(const pdf_ctx *ctx, HPDF_Font font)
{
    return font == ctx->faces[1].font ? &ctx->faces[1] : &ctx->faces[0];
}

double text_width(const pdf_ctx *ctx, HPDF_Font font, double size, const char *text,
                  size_t len)
{
    return text_face_width(fonts_face(ctx, font), size, text, len);
}

size_t fonts_sanitize(pdf_ctx *ctx, HPDF_Font font, const char *text, size_t len,
                      char *buf, size_t size)
{
    const text_face *f = fonts_face(ctx, font);
    size_t o = 0;
    for (size_t i = 0, n; i < len && o + 5 < size; i += n) {
        uint32_t cp = text_utf8_decode(text + i, &n);
        if (i + n > len)
            n = len - i;
        if (cp < 0x20)
            buf[o++] = ' ';
        else if (!text_face_has(f, cp))
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
    const text_face *f = fonts_face(ctx, font);
    for (size_t i = 0, n; text[i]; i += n) {
        uint32_t cp = text_utf8_decode(text + i, &n);
        if (cp < 0x20 || text_face_has(f, cp) || already_warned(ctx, cp))
            continue;
        ctx->job->host->diag(ctx->job, QUIRE_WARNING, "missing-glyph",
                             "U+%04X '%.*s' in %s has no glyph in font %s; drawn as '?'",
                             (unsigned)cp, (int)n, text + i, ctx->where ? ctx->where : "text",
                             HPDF_Font_GetFontName(font));
    }
}
