/* chart_harness.c — draws every case of chart_cases.c into a PDF, one per
 * page (narrow ones side by side), on the PDF plugin's canvas with the
 * default NanumGothic faces, and writes the box of each chart for the
 * page-image check.
 *
 *   chart_harness OUT.pdf BOXES.txt
 *
 * BOXES.txt: one line per chart, "page x top width height name" in PDF
 * points (y up). Exit 1 on any libharu error or chart_draw failure. */
#include <stdio.h>
#include <string.h>

#include "chart.h"
#include "chart_cases.h"
#include "chart_page.h"

#define PAGE_W 595.0
#define PAGE_H 842.0
#define MARGIN 50.0

int main(int argc, char **argv)
{
    static const uint32_t palette[] = {0x1f4e79, 0xe07b39, 0x5b9a68, 0xc0504d, 0x8064a2, 0x4bacc6};
    chart_page doc = {0};
    int page = 0;
    FILE *boxes;
    size_t n;
    const chart_case *cases = chart_cases(&n);
    int page_no = 0, status = 1;
    double x = MARGIN;

    if (argc != 3) {
        fprintf(stderr, "usage: chart_harness OUT.pdf BOXES.txt\n");
        return 2;
    }
    boxes = fopen(argv[2], "w");
    if (!boxes || chart_page_open(&doc)) goto cleanup;
    chart_style style = {palette, 6, NULL, 10, 0};

    for (size_t i = 0; i < n; i++) {
        const chart_case *c = &cases[i];
        char err[256] = "";
        /* a narrow chart goes beside the previous one when there is room */
        if (!page || x + c->width > PAGE_W - MARGIN + 0.5 || c->width > 400) {
            chart_page_add(&doc);
            page = 1;
            page_no++;
            x = MARGIN;
        }
        style.dataset = c->dataset;
        double h = chart_height(&doc.cv.cv, &style, &c->chart, c->width) * (c->squeeze > 0 ? c->squeeze : 1);
        if (chart_draw(&doc.cv.cv, &style, &c->chart, x, PAGE_H - MARGIN, c->width, h, err, sizeof err)) {
            fprintf(stderr, "%s: %s\n", c->name, err);
            goto cleanup;
        }
        fprintf(boxes, "%d %.2f %.2f %.2f %.2f %s\n", page_no, x, PAGE_H - MARGIN, c->width, h, c->name);
        x += c->width + 25;
    }
    status = chart_page_save(&doc, argv[1]) ? 1 : 0;
cleanup:
    if (boxes) fclose(boxes);
    chart_page_close(&doc);
    if (status) fprintf(stderr, "chart_harness: failed\n");
    return status;
}
