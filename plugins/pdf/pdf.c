/* pdf.c — the PDF exporter's entry: a typeset brief through libharu. */
#include "pdf.h"
#include "standard.h"
#include "tags.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_ACCENT 0x1f4e79u

uint32_t pdf_color(const pdf_ctx *ctx, size_t i)
{
    if (!ctx->tp->palette || !ctx->tp->n_palette)
        return DEFAULT_ACCENT;
    return ctx->tp->palette[i % ctx->tp->n_palette] & 0xFFFFFFu;
}

uint32_t pdf_tint(uint32_t rgb, double share)
{
    uint32_t out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
        double c = (double)((rgb >> shift) & 0xFF);
        out |= (uint32_t)(255.0 - (255.0 - c) * share + 0.5) << shift;
    }
    return out;
}

void pdf_fail(pdf_ctx *ctx, quire_status status, const char *fmt, ...)
{
    if (ctx->status)
        return;
    ctx->status = status;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(ctx->err, sizeof ctx->err, fmt, ap);
    va_end(ap);
}

const char *pdf_label(const pdf_ctx *ctx, const char *ko, const char *en)
{
    return ctx->korean ? ko : en;
}

/* libharu reports errors through this; we keep the first and check it. */
static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    pdf_ctx *ctx = data;
    if (ctx->hpdf_error)
        return;
    ctx->hpdf_error = error;
    snprintf(ctx->hpdf_where, sizeof ctx->hpdf_where, "%s", ctx->where ? ctx->where : "the document");
}

text_look pdf_look(const pdf_ctx *ctx, unsigned flags, double size, uint32_t rgb)
{
    return (text_look){&ctx->family, flags, size, rgb, PDF_LINK_RGB};
}

/* Contents entries, known from the template before any layout: headings,
 * sections, and the sources when there are any. */
static int toc_collect(pdf_ctx *ctx)
{
    ctx->toc = calloc(ctx->tp->n_blocks ? ctx->tp->n_blocks : 1, sizeof *ctx->toc);
    if (!ctx->toc)
        return -1;
    for (size_t i = 0; i < ctx->tp->n_blocks; i++) {
        const quire_block *b = quire_block_at(ctx->tp, i);
        if (b->kind == QUIRE_BLOCK_HEADING)
            ctx->toc[ctx->n_toc++] = (pdf_toc){b->text ? b->text : "", 0, NULL, 0, 0};
        else if (b->kind == QUIRE_BLOCK_SECTION && b->section)
            ctx->toc[ctx->n_toc++] = (pdf_toc){b->section->heading, 1, b->section->id, 0, 0};
        else if (b->kind == QUIRE_BLOCK_SOURCES && ctx->ds->n_sources)
            ctx->toc[ctx->n_toc++] = (pdf_toc){pdf_label(ctx, "출처", "Sources"), 0, NULL, 0, 0};
    }
    return 0;
}

static void ctx_init(pdf_ctx *ctx, const quire_job *job)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->job = job;
    ctx->ds = job->dataset;
    ctx->tp = job->tmpl;
    const char *lang = ctx->ds->language ? ctx->ds->language : "ko";
    ctx->korean = !strncmp(lang, "ko", 2);
    const quire_option *rows = job->struct_size > offsetof(quire_job, options)
                                   ? quire_job_option(job, "max_rows") : NULL;
    ctx->max_rows = rows && rows->integer > 0 ? rows->integer : 500;
    ctx->pw = job->tmpl->page_width_pt > 0 ? job->tmpl->page_width_pt : 595.276;
    ctx->ph = job->tmpl->page_height_pt > 0 ? job->tmpl->page_height_pt : 841.89;
    const double *m = job->tmpl->margin_pt;
    ctx->top = ctx->ph - m[0];
    ctx->right = ctx->pw - m[1];
    ctx->bottom = m[2];
    ctx->left = m[3];
    ctx->width = ctx->right - ctx->left;
}

static quire_status render(pdf_ctx *ctx)
{
    if (ctx->width < 72 || ctx->top - ctx->bottom < 144) {
        pdf_fail(ctx, QUIRE_ERR_INPUT, "the margins leave no room on a %.0f x %.0f pt page",
                 ctx->pw, ctx->ph);
        return ctx->status;
    }
    ctx->doc = HPDF_New(on_hpdf_error, ctx);
    ctx->images = calloc(ctx->ds->n_images + 1, sizeof *ctx->images);
    if (!ctx->doc || !ctx->images || toc_collect(ctx) || tags_init(ctx)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return ctx->status;
    }
    HPDF_SetCompressionMode(ctx->doc, HPDF_COMP_ALL);
    if (fonts_load(ctx))
        return ctx->status;
    if (notes_init(ctx)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return ctx->status;
    }
    ctx->break_before = calloc(ctx->tp->n_blocks + 1, 1);
    if (!ctx->break_before) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return ctx->status;
    }
    if (page_layout(ctx, blocks_draw))
        return ctx->status;
    links_finish(ctx);
    if (tags_finish(ctx))
        return ctx->status;
    docinfo_write(ctx);
    if (standard_finish(ctx))
        return ctx->status;
    for (size_t i = 0; i < 4; i++)
        if (ctx->faces[i].font && !ctx->faces[i].borrowed &&
            tounicode_fix(ctx, &ctx->faces[i]))
            return ctx->status;
    if (ctx->hpdf_error)
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "libharu error 0x%04X while drawing %s",
                 (unsigned)ctx->hpdf_error, ctx->hpdf_where);
    else
        fileid_save(ctx, ctx->job->output_path);
    return ctx->status;
}

quire_status pdf_export(const quire_job *job, char *err, size_t err_size)
{
    pdf_ctx *ctx = malloc(sizeof *ctx);
    if (!ctx) {
        snprintf(err, err_size, "out of memory");
        return QUIRE_ERR_EXPORT;
    }
    ctx_init(ctx, job);
    quire_status status = render(ctx);
    if (status && err_size)
        snprintf(err, err_size, "%s", ctx->err);
    if (ctx->doc)
        HPDF_Free(ctx->doc);
    fonts_free(ctx);
    notes_free(ctx);
    links_free(ctx);
    tags_free(ctx);
    free(ctx->toc);
    free(ctx->pages_made);
    free(ctx->break_before);
    free(ctx->images);
    free(ctx);
    return status;
}
