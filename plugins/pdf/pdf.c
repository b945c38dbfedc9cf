/* pdf.c — the PDF exporter's entry: a typeset brief through libharu. */
#include "pdf.h"
#include "standard.h"
#include "tags.h"

#include <malloc.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libharu reports errors through this; we keep the first and check it. */
static void on_hpdf_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    pdf_ctx *ctx = data;
    if (ctx->hpdf_error)
        return;
    ctx->hpdf_error = error;
    snprintf(ctx->hpdf_where, sizeof ctx->hpdf_where, "%s", ctx->where ? ctx->where : "the document");
}

/* Contents entries, known from the template before any layout: every
 * heading the brief shows — headings, sections, the summary and the
 * sources when there are any. */
static int toc_collect(pdf_ctx *ctx)
{
    ctx->toc = calloc(ctx->tp->n_blocks ? ctx->tp->n_blocks : 1, sizeof *ctx->toc);
    if (!ctx->toc)
        return -1;
    int headed = 0;   /* a heading came before */
    for (size_t i = 0; i < ctx->tp->n_blocks; i++) {
        const quire_block *b = quire_block_at(ctx->tp, i);
        headed |= b->kind == QUIRE_BLOCK_HEADING;
        if (b->kind == QUIRE_BLOCK_HEADING)
            ctx->toc[ctx->n_toc++] = (pdf_toc){b->text ? b->text : "", 0, NULL, 0, 0};
        else if (b->kind == QUIRE_BLOCK_SECTION && b->section)
            ctx->toc[ctx->n_toc++] = (pdf_toc){b->section->heading, 1, b->section->id, 0, 0};
        else if (b->kind == QUIRE_BLOCK_SUMMARY &&
                 (ctx->ds->summary.count || ctx->ds->summary_text.n_paras))
            /* under a heading like a section; else an entry of its own */
            ctx->toc[ctx->n_toc++] = (pdf_toc){words(ctx->lang, WORD_SUMMARY), headed, NULL,
                                               0, 0};
        else if (b->kind == QUIRE_BLOCK_SOURCES && ctx->ds->n_sources)
            ctx->toc[ctx->n_toc++] = (pdf_toc){words(ctx->lang, WORD_SOURCES), 0, NULL, 0, 0};
    }
    return 0;
}

static void ctx_init(pdf_ctx *ctx, const quire_job *job)
{
    memset(ctx, 0, sizeof *ctx);
    ctx->job = job;
    ctx->ds = job->dataset;
    ctx->tp = job->tmpl;
    /* the host's one decision (quire_dataset_korean); a view built by hand
     * without a language reads Korean, as before */
    ctx->lang = ctx->ds->language ? (quire_dataset_korean(ctx->ds) ? WORDS_KO : WORDS_EN) : WORDS_KO;
    ctx->korean = ctx->lang == WORDS_KO;
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

/* The room the template reader (src/template.c, MIN_CONTENT_MM) makes the
 * margins leave, so that what validate accepts the PDF draws: 50 mm each
 * way (less a rounding's worth). Only a host that skips it gets here. */
#define PDF_MIN_CONTENT_PT (50.0 * 72.0 / 25.4 - 0.01)

static quire_status render(pdf_ctx *ctx)
{
    if (ctx->width < PDF_MIN_CONTENT_PT || ctx->top - ctx->bottom < PDF_MIN_CONTENT_PT) {
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
    char why[200];
    if (embed_finish(ctx->embed, why, sizeof why)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "%s", why);
        return ctx->status;
    }
    if (ctx->hpdf_error)
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "libharu error 0x%04X while drawing %s",
                 (unsigned)ctx->hpdf_error, ctx->hpdf_where);
    else
        fileid_save(ctx, ctx->job->output_path);
    return ctx->status;
}

/* libharu compresses each stream with a fresh zlib state, about 270 KB
 * allocated (calloc) and freed again per stream. With glibc's default trim
 * threshold the freed top of the heap went back to the kernel each time
 * and the next stream faulted it in again: a tenth of a one-page brief's
 * CPU. The process keeps what it freed instead (an export runs in a child
 * that ends with it, or in a batch worker whose next export reuses it). */
static void keep_freed_memory(void)
{
    static int done;
    if (!done)
        mallopt(M_TRIM_THRESHOLD, 64 << 20);
    done = 1;
}

quire_status pdf_export(const quire_job *job, char *err, size_t err_size)
{
    keep_freed_memory();
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
