/* doc.c — what every layer asks of the document: to record its first
 * failure, the palette's colours, a label in its language, the look of
 * its rich text. It calls nothing of the plugin, so every layer may call
 * it without a circle. */
#include "pdf.h"
#include "palette.h"

#include <stdarg.h>
#include <stdio.h>

uint32_t pdf_color(const pdf_ctx *ctx, size_t i)
{
    return palette_color(ctx->tp->palette, ctx->tp->n_palette, i);
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

text_look pdf_look(const pdf_ctx *ctx, unsigned flags, double size, uint32_t rgb)
{
    return (text_look){&ctx->family, flags, size, rgb, PDF_LINK_RGB};
}
