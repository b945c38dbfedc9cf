/*
 * logo.c — the template's logo on the summary sheet, at its width_mm.
 *
 * libxlsxwriter sizes a picture by its pixels at the resolution the file
 * states (a 300 dpi logo comes out a third of its 96 dpi size), so the
 * scale undoes that: the file's resolution is read here the way
 * libxlsxwriter 1.1.4 reads it (PNG pHYs in metres, JPEG JFIF APP0 in
 * inches or centimetres; 96 when absent or zero).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "xlsx.h"

/* Excel's pixels per inch, and the rows' default height in pixels. */
#define PX_PER_INCH 96.0
#define ROW_PX 20.0

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint16_t be16(const unsigned char *p)
{
    return (uint16_t)(p[0] << 8 | p[1]);
}

/* PNG: chunks after the 8-byte signature until IDAT or IEND. */
static void png_dpi(FILE *f, double *x, double *y)
{
    unsigned char h[8], d[9];
    if (fseek(f, 8, SEEK_SET) != 0)
        return;
    while (fread(h, 1, 8, f) == 8) {
        uint32_t len = be32(h);
        if (memcmp(h + 4, "pHYs", 4) == 0 && len >= 9 && fread(d, 1, 9, f) == 9) {
            if (d[8] == 1) {   /* unit: the metre */
                *x = be32(d) * 0.0254;
                *y = be32(d + 4) * 0.0254;
            }
            return;
        }
        if (memcmp(h + 4, "IDAT", 4) == 0 || memcmp(h + 4, "IEND", 4) == 0 ||
            fseek(f, (long)len + 4, SEEK_CUR) != 0)
            return;
    }
}

/* JPEG: segments after SOI until the scan starts; JFIF's APP0 density. */
static void jpeg_dpi(FILE *f, double *x, double *y)
{
    unsigned char h[4], d[12];
    if (fseek(f, 2, SEEK_SET) != 0)
        return;
    while (fread(h, 1, 4, f) == 4 && h[0] == 0xff) {
        uint16_t marker = be16(h), len = be16(h + 2);
        if (marker == 0xffda || len < 2)
            return;
        if (marker == 0xffe0 && len >= 14 && fread(d, 1, 12, f) == 12) {
            if (d[7] == 1 || d[7] == 2) {   /* dots per inch, per centimetre */
                double k = d[7] == 2 ? 2.54 : 1.0;
                *x = be16(d + 8) * k;
                *y = be16(d + 10) * k;
            }
            return;
        }
        if (fseek(f, len - 2, SEEK_CUR) != 0)
            return;
    }
}

static void image_dpi(const quire_image *img, double *x, double *y)
{
    *x = *y = PX_PER_INCH;
    FILE *f = fopen(img->path, "rb");
    if (!f)
        return;   /* libxlsxwriter will say why when it opens it */
    if (img->format == QUIRE_IMAGE_PNG)
        png_dpi(f, x, y);
    else
        jpeg_dpi(f, x, y);
    fclose(f);
    if (!(*x > 0))
        *x = PX_PER_INCH;
    if (!(*y > 0))
        *y = PX_PER_INCH;
}

double xlsx_logo_rows(const xlsx_ctx *ctx)
{
    const quire_image *img = ctx->tmpl->logo.image;
    if (!img || !img->path || !img->width_px || !img->height_px)
        return 0;
    double w = ctx->tmpl->logo.width_pt > 0 ? ctx->tmpl->logo.width_pt * PX_PER_INCH / 72.0
                                            : (double)img->width_px;
    return ceil(w * img->height_px / img->width_px / ROW_PX);
}

lxw_error xlsx_logo(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_col_t col)
{
    const quire_image *img = ctx->tmpl->logo.image;
    if (!img || !img->path || !img->width_px || !img->height_px)
        return LXW_NO_ERROR;
    /* the width asked for, the height that keeps the pixels' proportions */
    double w = ctx->tmpl->logo.width_pt > 0 ? ctx->tmpl->logo.width_pt * PX_PER_INCH / 72.0
                                            : (double)img->width_px;
    double h = w * img->height_px / img->width_px, x_dpi, y_dpi;
    image_dpi(img, &x_dpi, &y_dpi);
    lxw_image_options o = {
        .x_scale = w / (img->width_px * PX_PER_INCH / x_dpi),
        .y_scale = h / (img->height_px * PX_PER_INCH / y_dpi),
        .description = (char *)(img->alt ? img->alt : ""),
        .decorative = (uint8_t)(img->decorative || !img->alt),
        .object_position = LXW_OBJECT_DONT_MOVE_DONT_SIZE};
    return worksheet_insert_image_opt(ws, 0, col, img->path, &o);
}
