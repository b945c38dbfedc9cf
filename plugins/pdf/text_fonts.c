/* text_fonts.c — the document's faces, resolved through the host's
 * fontconfig lookup, and what becomes of characters they lack. */
#include "pdf.h"

#include "font_fallback.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Resolves pattern to a file; -1 after pdf_fail(). */
static int face_find(pdf_ctx *ctx, const char *pattern, char *path, size_t size, int *index)
{
    if (ctx->job->host->find_font(ctx->job, pattern, path, size, index) != QUIRE_OK) {
        pdf_fail(ctx, QUIRE_ERR_INPUT, "font '%s' not found", pattern);
        return -1;
    }
    return 0;
}

static int face_load(pdf_ctx *ctx, text_face *f, const char *pattern, const char *path,
                     int index)
{
    char why[160];
    if (text_face_load(f, ctx->embed, pattern, path, index, why, sizeof why)) {
        pdf_fail(ctx, QUIRE_ERR_INPUT, "font '%s' (%s) %s", pattern, path, why);
        return -1;
    }
    return 0;
}

/* The italic of an upright face: the family's own italic file when
 * fontconfig has one, else the upright face slanted. */
static int face_italic(pdf_ctx *ctx, text_face *f, const text_face *upright,
                       const char *pattern, const char *upright_path, int upright_index)
{
    char path[4096];
    int index = 0;
    if (ctx->job->host->find_font(ctx->job, pattern, path, sizeof path, &index) != QUIRE_OK ||
        (!strcmp(path, upright_path) && index == upright_index)) {
        text_face_slanted(f, upright);
        return 0;
    }
    return face_load(ctx, f, pattern, path, index);
}

static int text_emphasized(const quire_text *t)
{
    for (size_t i = 0; t && t->runs && i < t->n_runs; i++)
        if (quire_run_at(t, i)->flags & QUIRE_RUN_EMPHASIS)
            return 1;
    return 0;
}

static int prose_emphasized(const quire_prose *p)
{
    for (size_t i = 0; i < p->n_paras; i++) {
        const quire_para *para = quire_para_at(p, i);
        if (text_emphasized(&para->text))
            return 1;
        for (size_t k = 0; para->kind == QUIRE_PARA_LIST && k < para->n_items; k++)
            if (text_emphasized(quire_item_at(para, k)))
                return 1;
    }
    return 0;
}

/* 1 when some prose of the dataset has *emphasis*: only then is the
 * family asked for its italic faces (two fontconfig queries). */
static int dataset_emphasized(const quire_dataset *ds)
{
    if (prose_emphasized(&ds->summary_text))
        return 1;
    for (size_t i = 0; i < ds->n_sections; i++)
        if (prose_emphasized(&quire_section_at(ds, i)->body))
            return 1;
    for (size_t i = 0; i < ds->n_figures; i++)
        if (text_emphasized(&quire_figure_at(ds, i)->note_text))
            return 1;
    for (size_t i = 0; i < ds->n_footnotes; i++)
        if (text_emphasized(&quire_footnote_at(ds, i)->text))
            return 1;
    for (size_t i = 0; i < ds->n_images; i++)
        if (text_emphasized(&quire_image_at(ds, i)->caption))
            return 1;
    for (size_t i = 0; i < ds->n_tables; i++) {
        const quire_table *t = quire_table_at(ds, i);
        if (text_emphasized(&t->description_text))
            return 1;
        for (size_t j = 0; j < t->n_columns; j++) {
            const quire_column *c = quire_column_at(t, j);
            for (size_t r = 0; c->markup && c->rich && r < t->n_rows; r++)
                if (text_emphasized(QUIRE_AT(c->rich, c->text_size, r)))
                    return 1;
        }
    }
    return 0;
}

int fonts_load(pdf_ctx *ctx)
{
    const char *pattern[2] = {ctx->tp->font_body ? ctx->tp->font_body : PDF_DEFAULT_BODY,
                              ctx->tp->font_bold ? ctx->tp->font_bold : PDF_DEFAULT_BOLD};
    /* no libharu encoder: text strings are UTF-16 of our own
     * (embed_text_string), and setting up libharu's UTF-8 one (its
     * 64K-entry tables) cost every document 1 to 2 ms */
    ctx->embed = embed_new(ctx->doc);
    if (!ctx->embed) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return -1;
    }
    char path[2][4096];
    int index[2] = {0, 0};
    for (int i = 0; i < 2; i++) {
        snprintf(ctx->patterns[i], sizeof ctx->patterns[i], "%s", pattern[i]);
        snprintf(ctx->patterns[2 + i], sizeof ctx->patterns[2 + i], "%s:italic", pattern[i]);
        if (face_find(ctx, pattern[i], path[i], sizeof path[i], &index[i]) ||
            face_load(ctx, &ctx->faces[i], ctx->patterns[i], path[i], index[i]))
            return -1;
    }
    int italic = dataset_emphasized(ctx->ds);
    for (int i = 0; i < 2; i++) {
        if (!italic)
            text_face_slanted(&ctx->faces[2 + i], &ctx->faces[i]); /* never drawn */
        else if (face_italic(ctx, &ctx->faces[2 + i], &ctx->faces[i], ctx->patterns[2 + i],
                             path[i], index[i]))
            return -1;
    }
    for (int i = 0; i < 4; i++)
        ctx->family.face[i] = &ctx->faces[i];
    ctx->body = &ctx->faces[0];
    ctx->bold = &ctx->faces[1];
    return 0;
}

void fonts_free(pdf_ctx *ctx)
{
    for (int i = 3; i >= 0; i--)
        text_face_free(&ctx->faces[i]);
    embed_free(ctx->embed);
    ctx->embed = NULL;
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

/* A safety net behind check(): text that reaches the page with a
 * character no installed font has fails the export. */
void fonts_check(pdf_ctx *ctx, const text_face *f, const char *text, size_t len)
{
    if (!ctx->dry || !text)
        return;
    for (size_t i = 0, n; i < len && text[i]; i += n) {
        uint32_t cp = text_utf8_decode(text + i, &n);
        if (cp < 0x20 || text_face_for(f, cp) || already_warned(ctx, cp))
            continue;
        const char *package = font_package_for(cp);
        pdf_fail(ctx, QUIRE_ERR_INPUT, "U+%04X '%.*s' in %s is in no installed font%s%s",
                 (unsigned)cp, (int)n, text + i, ctx->where ? ctx->where : "text",
                 package ? "; install " : "", package ? package : "");
    }
}
