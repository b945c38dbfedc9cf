/* chart_harness.c — draws every case of chart_cases.c into a PDF, one per
 * page (narrow ones side by side), with the default NanumGothic fonts, and
 * writes the box of each chart for the page-image check.
 *
 *   chart_harness OUT.pdf BOXES.txt
 *
 * BOXES.txt: one line per chart, "page x top width height name" in PDF
 * points (y up). Exit 1 on any libharu error or chart_draw failure. */
#include <hpdf.h>
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "chart_cases.h"
#include "text.h"

#define FONT_DIR "/usr/share/fonts/truetype/nanum/"
#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 50.0

static int harness_errors;

static void harness_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    fprintf(stderr, "libharu error 0x%04x (detail %u)\n", (unsigned)error, (unsigned)detail);
    harness_errors++;
}

static HPDF_Font harness_font(HPDF_Doc pdf, const char *file)
{
    const char *name = HPDF_LoadTTFontFromFile(pdf, file, HPDF_TRUE);
    return name ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
}

int main(int argc, char **argv)
{
    static const uint32_t palette[] = {0x1f4e79, 0xe07b39, 0x5b9a68, 0xc0504d, 0x8064a2, 0x4bacc6};
    HPDF_Doc pdf;
    HPDF_Page page = NULL;
    FILE *boxes;
    size_t n;
    const chart_case *cases = chart_cases(&n);
    int page_no = 0, status = 1;
    double x = MARGIN;

    if (argc != 3) {
        fprintf(stderr, "usage: chart_harness OUT.pdf BOXES.txt\n");
        return 2;
    }
    pdf = HPDF_New(harness_error, NULL);
    boxes = fopen(argv[2], "w");
    if (!pdf || !boxes) goto cleanup;
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    /* the fonts as the PDF plugin loads them: faces of the text layer */
    static text_face faces[2];
    static const text_face *registered[2] = {&faces[0], &faces[1]};
    char ferr[256];
    if (text_face_load(&faces[0], pdf, FONT_DIR "NanumGothic.ttf", 0, 0, ferr, sizeof ferr) ||
        text_face_load(&faces[1], pdf, FONT_DIR "NanumGothicBold.ttf", 0, 0, ferr, sizeof ferr)) {
        fprintf(stderr, "%s\n", ferr);
        goto cleanup;
    }
    text_faces_register(registered, 2);
    chart_style style = {faces[0].font, faces[1].font, palette, 6, NULL, 10};
    (void)harness_font;
    if (!style.font || !style.bold) goto cleanup;

    for (size_t i = 0; i < n; i++) {
        const chart_case *c = &cases[i];
        char err[256] = "";
        /* a narrow chart goes beside the previous one when there is room */
        if (!page || x + c->width > PAGE_W - MARGIN + 0.5 || c->width > 400) {
            page = HPDF_AddPage(pdf);
            HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
            page_no++;
            x = MARGIN;
        }
        style.dataset = c->dataset;
        double h = chart_height(&style, &c->chart, c->width) * (c->squeeze > 0 ? c->squeeze : 1);
        if (chart_draw(page, &style, &c->chart, x, PAGE_H - MARGIN, c->width, h, err, sizeof err)) {
            fprintf(stderr, "%s: %s\n", c->name, err);
            goto cleanup;
        }
        fprintf(boxes, "%d %.2f %.2f %.2f %.2f %s\n", page_no, x, PAGE_H - MARGIN, c->width, h, c->name);
        x += c->width + 25;
    }
    if (HPDF_SaveToFile(pdf, argv[1]) != HPDF_OK) goto cleanup;
    status = harness_errors ? 1 : 0;
cleanup:
    if (boxes) fclose(boxes);
    text_faces_register(NULL, 0);
    if (pdf) HPDF_Free(pdf);
    text_face_free(&faces[0]);
    text_face_free(&faces[1]);
    if (status) fprintf(stderr, "chart_harness: failed\n");
    return status;
}
