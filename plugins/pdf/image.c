/* image.c — an image block: the picture scaled to the text width (no
 * taller than two thirds of the page's text area), kept on one page with
 * its caption and source line; and every image's pixels for libharu.
 *
 * Images are embedded from the bytes the host read and checked
 * (quire_image.data), never from the path again: the file may have been
 * swapped since. PNGs are decoded by quire's one PNG decoder (the one the
 * host checked them with, plugins/common/png) and handed to libharu
 * as raw 8-bit pixels (gray or RGB, with the alpha channel, when there is
 * one, as a soft mask): libharu 2.3.0's own PNG reader frees memory twice
 * on an interlaced PNG with alpha or a palette PNG with tRNS, and reads the
 * file again when the PDF is saved. Interlaced, palette, 16-bit and
 * low-bit PNGs are therefore all embedded. JPEGs go to libharu as they are
 * (from memory), as before. */
#include "pdf.h"

#include "png_decode.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The host's file bound (src/image_probe.h), kept here too for a hand-built view. */
#define PDF_MAX_FILE_BYTES (64L * 1024 * 1024)

void pdf_pixels_free(pdf_pixels *px)
{
    free(px->color);
    free(px->alpha);
    memset(px, 0, sizeof *px);
}

int pdf_pixels_from_png(const unsigned char *data, size_t size, pdf_pixels *px)
{
    png_decoded png;
    memset(px, 0, sizeof *px);
    if (png_decode(data, size, 1, &png) != PNG_DECODE_OK)
        return -1;
    px->width = png.width, px->height = png.height;
    /* Split the alpha channel off: gray+A (2) or RGB+A (4). */
    unsigned channels = png.channels;
    px->components = channels >= 3 ? 3 : 1;
    size_t n = (size_t)px->width * px->height;
    if (channels == 2 || channels == 4) {
        px->color = malloc(n * px->components);
        px->alpha = malloc(n);
        if (!px->color || !px->alpha) {
            png_decoded_free(&png);
            pdf_pixels_free(px);
            return -1;
        }
        for (size_t i = 0; i < n; i++) {
            memcpy(px->color + i * px->components, png.pixels + i * channels, px->components);
            px->alpha[i] = png.pixels[i * channels + px->components];
        }
        png_decoded_free(&png);
    } else {
        px->color = png.pixels;
    }
    return 0;
}

/* The file at path, for a host that hands over no bytes (older, or a
 * view built by hand). */
static unsigned char *read_file(const char *path, size_t *size)
{
    FILE *f = path ? fopen(path, "rb") : NULL;
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    unsigned char *buf = malloc(cap);
    while (buf) {
        n += fread(buf + n, 1, cap - n, f);
        if (n < cap || cap > (size_t)PDF_MAX_FILE_BYTES)
            break;
        unsigned char *p = realloc(buf, cap * 2);
        if (!p)
            free(buf);
        buf = p, cap *= 2;
    }
    int bad = ferror(f) || n >= cap;
    fclose(f);
    if (bad) {
        free(buf);
        return NULL;
    }
    *size = n;
    return buf;
}

static HPDF_Image load_png(HPDF_Doc doc, const unsigned char *data, size_t size)
{
    pdf_pixels px;
    if (pdf_pixels_from_png(data, size, &px) != 0)
        return NULL;
    HPDF_Image img = HPDF_LoadRawImageFromMem(doc, px.color, px.width, px.height,
                                              px.components == 3 ? HPDF_CS_DEVICE_RGB
                                                                 : HPDF_CS_DEVICE_GRAY, 8);
    if (img && px.alpha) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(doc, px.alpha, px.width, px.height,
                                                   HPDF_CS_DEVICE_GRAY, 8);
        if (!mask || HPDF_Image_AddSMask(img, mask) != HPDF_OK)
            img = NULL;
    }
    pdf_pixels_free(&px);
    return img;
}

const unsigned char *pdf_image_bytes(const quire_dataset *ds, const quire_image *im,
                                     size_t *size, unsigned char **owned)
{
    const unsigned char *data = quire_image_data(ds, im, size);
    *owned = NULL;
    if (!data)
        data = *owned = read_file(im->path, size);
    return data;
}

HPDF_Image pdf_image_load(HPDF_Doc doc, const quire_dataset *ds, const quire_image *im)
{
    size_t size;
    unsigned char *read;
    const unsigned char *data = pdf_image_bytes(ds, im, &size, &read);
    if (!data)
        return NULL;
    /* libharu copies raw pixels and JPEG bytes into the document now. */
    HPDF_Image img = im->format == QUIRE_IMAGE_PNG
                         ? load_png(doc, data, size)
                         : HPDF_LoadJpegImageFromMem(doc, data, (HPDF_UINT)size);
    free(read);
    return img;
}

#define CAPTION_SIZE 8.4
#define CAPTION_LEADING 12.0

void image_draw(pdf_ctx *ctx, const quire_image *im, double width_pt, quire_align align)
{
    char where[160], source[512];
    if (!im->width_px || !im->height_px)
        return;
    snprintf(where, sizeof where, "image '%s'", im->id ? im->id : "");
    ctx->where = where;
    double w = width_pt > 0 && width_pt < ctx->width ? width_pt : ctx->width;
    double h = w * im->height_px / im->width_px;
    double most = (ctx->top - ctx->bottom) * 2 / 3;
    if (h > most)
        h = most, w = h * im->width_px / im->height_px;
    double x = align == QUIRE_ALIGN_LEFT    ? ctx->left
               : align == QUIRE_ALIGN_RIGHT ? ctx->left + ctx->width - w
                                            : ctx->left + (ctx->width - w) / 2;
    /* the caption keeps to the image's column (at least 200 pt wide),
     * aligned as the image is */
    double col_w = width_pt > 0 && width_pt < ctx->width ? fmin(fmax(w, 200), ctx->width)
                                                         : ctx->width;
    double col_x = align == QUIRE_ALIGN_LEFT    ? ctx->left
                   : align == QUIRE_ALIGN_RIGHT ? ctx->left + ctx->width - col_w
                                                : ctx->left + (ctx->width - col_w) / 2;
    text_rich caption;
    if (text_rich_from(&caption, &im->caption, NULL)) {
        pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
        return;
    }
    text_look lk = pdf_look(ctx, 0, CAPTION_SIZE, PDF_TEXT_RGB);
    text_style src = {ctx->body, 7.2, 0x888888u};
    sources_line(ctx, &im->sources, source, sizeof source);
    double cap_h = caption.len ? flow_height(ctx, &caption, &lk, col_w, CAPTION_LEADING) : 0;
    double src_h = source[0] ? 11 : 0;
    page_need(ctx, 10 + h + 4 + cap_h + src_h + notes_need_all(ctx, &caption));
    page_space(ctx, 10);
    page_begin(ctx, PDF_ROLE_FIGURE);
    double top = page_take(ctx, h + 4);
    links_dest(ctx, im->id, top);
    page_image(ctx, im, x, top - h, w, h);
    /* the Caption is the Figure's last child, not a Document's (PDF/UA) */
    if (caption.len) {
        page_begin(ctx, PDF_ROLE_CAPTION);
        top = page_take(ctx, cap_h);
        flow_block(ctx, &caption, &lk, col_x, top, col_w, CAPTION_LEADING, 0);
        page_end(ctx);
    }
    page_end(ctx);
    if (source[0]) {
        page_begin(ctx, PDF_ROLE_P);
        top = page_take(ctx, src_h);
        page_text_block(ctx, &src, source, ctx->left, top, ctx->width, 11);
        page_end(ctx);
    }
    page_space(ctx, 12);
    text_rich_free(&caption);
    ctx->where = NULL;
}
