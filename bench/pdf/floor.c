/* floor.c — the floor of the PDF benchmark: the shapes of the generated
 * brief (40 charts, 10 tables, same numbers, same embedded UTF-8 fonts,
 * compression on) drawn with plain libharu calls at fixed positions, with
 * no measuring, wrapping or layout. Whatever quire spends beyond this is
 * the price of its layout.
 *
 *   bench_pdf_floor OUT.pdf [--charts-only] */
#include <hpdf.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bench_data.h"

#define FONT_DIR "/usr/share/fonts/truetype/nanum/"

static const float palette[6][3] = {
    {0.12f, 0.31f, 0.47f}, {0.88f, 0.48f, 0.22f}, {0.36f, 0.60f, 0.41f},
    {0.75f, 0.31f, 0.30f}, {0.50f, 0.39f, 0.64f}, {0.29f, 0.67f, 0.78f}};

static void floor_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    fprintf(stderr, "libharu error 0x%04x (detail %u)\n", (unsigned)error, (unsigned)detail);
}

static void text(HPDF_Page page, HPDF_Font font, float size, float x, float y, const char *s)
{
    HPDF_Page_BeginText(page);
    HPDF_Page_SetFontAndSize(page, font, size);
    HPDF_Page_TextOut(page, x, y, s);
    HPDF_Page_EndText(page);
}

static void fill(HPDF_Page page, int i)
{
    HPDF_Page_SetRGBFill(page, palette[i % 6][0], palette[i % 6][1], palette[i % 6][2]);
}

/* Title, legend, grid with tick labels, category labels, source line. */
static void chart_frame(HPDF_Page page, HPDF_Font body, HPDF_Font bold, int k, float top)
{
    char buf[64];

    HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
    snprintf(buf, sizeof buf, "차트 %d", k + 1);
    text(page, bold, 11, 50, top - 11, buf);
    for (int c = 0; c < BENCH_SERIES; c++) {
        fill(page, c);
        HPDF_Page_Rectangle(page, 50 + c * 70, top - 26, 7, 7);
        HPDF_Page_Fill(page);
        HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
        snprintf(buf, sizeof buf, "지표 %d", c + 1);
        text(page, body, 8, 61 + c * 70, top - 26, buf);
    }
    HPDF_Page_SetLineWidth(page, 0.4f);
    HPDF_Page_SetRGBStroke(page, 0.86f, 0.86f, 0.86f);
    for (int i = 0; i <= 5; i++) {
        float y = top - 240 + i * 40;
        HPDF_Page_MoveTo(page, 80, y);
        HPDF_Page_LineTo(page, 545, y);
        HPDF_Page_Stroke(page);
        snprintf(buf, sizeof buf, "%d", i * 10);
        text(page, body, 8, 62, y - 3, buf);
    }
    for (int r = 0; r < BENCH_ROWS; r++)
        text(page, body, 8, 85 + r * 58, top - 252, bench_categories[r]);
    text(page, body, 7, 50, top - 268, "출처: quire 벤치마크");
}

static void chart_bars(HPDF_Page page, HPDF_Font body, int t, int kind, int labels, float top)
{
    char buf[32];

    for (int r = 0; r < BENCH_ROWS; r++) {
        float acc = 0;
        for (int c = 0; c < BENCH_SERIES; c++) {
            float v = (float)bench_value(t, r, c) * 4, x, y, w, h;
            if (kind == 2) {            /* horizontal */
                x = 80, y = top - 50 - r * 24 - c * 6, w = fabsf(v) * 2, h = 6;
            } else if (kind == 1) {     /* stacked */
                x = 90 + r * 58, y = top - 240 + acc, w = 30, h = fabsf(v);
                acc += fabsf(v) / 3;
            } else {
                x = 85 + r * 58 + c * 14, y = top - 240, w = 13, h = fabsf(v);
            }
            fill(page, c);
            HPDF_Page_Rectangle(page, x, y, w, h / (kind == 1 ? 3 : 1));
            HPDF_Page_Fill(page);
            if (labels) {
                HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
                snprintf(buf, sizeof buf, "%.1f", bench_value(t, r, c));
                text(page, body, 7, x, y + h / (kind == 1 ? 3 : 1) + 2, buf);
            }
        }
    }
}

static void chart_lines(HPDF_Page page, HPDF_Font body, int t, int labels, float top)
{
    char buf[32];

    for (int c = 0; c < BENCH_SERIES; c++) {
        HPDF_Page_SetRGBStroke(page, palette[c][0], palette[c][1], palette[c][2]);
        HPDF_Page_SetLineWidth(page, 1.6f);
        for (int r = 0; r < BENCH_ROWS; r++) {
            float x = 100 + r * 58, y = top - 200 + (float)bench_value(t, r, c) * 3;
            if (r) HPDF_Page_LineTo(page, x, y);
            else HPDF_Page_MoveTo(page, x, y);
        }
        HPDF_Page_Stroke(page);
        for (int r = 0; r < BENCH_ROWS; r++) {
            float x = 100 + r * 58, y = top - 200 + (float)bench_value(t, r, c) * 3;
            fill(page, c);
            HPDF_Page_Circle(page, x, y, 2.2f);
            HPDF_Page_Fill(page);
            if (labels) {
                HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
                snprintf(buf, sizeof buf, "%.1f", bench_value(t, r, c));
                text(page, body, 7, x - 6, y + 4, buf);
            }
        }
    }
}

static void chart_pie(HPDF_Page page, HPDF_Font body, int t, int donut, int labels, float top)
{
    double total = 0, a = 0;
    char buf[32];

    for (int r = 0; r < BENCH_ROWS; r++) total += bench_value(t, r, 0);
    for (int r = 0; r < BENCH_ROWS; r++) {
        double sweep = bench_value(t, r, 0) / total * 360;
        fill(page, r);
        HPDF_Page_MoveTo(page, 170, top - 140);
        HPDF_Page_Arc(page, 170, top - 140, 85, (float)a, (float)(a + sweep));
        HPDF_Page_ClosePath(page);
        HPDF_Page_Fill(page);
        HPDF_Page_Rectangle(page, 300, top - 80 - r * 13, 7, 7);
        HPDF_Page_Fill(page);
        HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
        text(page, body, 8, 311, top - 80 - r * 13, bench_categories[r]);
        if (labels) {
            snprintf(buf, sizeof buf, "%.1f", bench_value(t, r, 0));
            double m = (a + sweep / 2) * M_PI / 180;
            text(page, body, 7, (float)(170 + 55 * sin(m)), (float)(top - 140 + 55 * cos(m)), buf);
        }
        a += sweep;
    }
    if (donut) {
        HPDF_Page_SetRGBFill(page, 1, 1, 1);
        HPDF_Page_Circle(page, 170, top - 140, 47);
        HPDF_Page_Fill(page);
    }
}

static void table(HPDF_Page page, HPDF_Font body, HPDF_Font bold, int t, float top)
{
    char buf[64];

    HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
    snprintf(buf, sizeof buf, "지역별 지표 %d", t + 1);
    text(page, bold, 11, 50, top - 11, buf);
    HPDF_Page_SetRGBFill(page, 0.86f, 0.89f, 0.93f);
    HPDF_Page_Rectangle(page, 50, top - 40, 495, 20);
    HPDF_Page_Fill(page);
    HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
    text(page, bold, 9, 55, top - 33, "지역");
    for (int c = 0; c < BENCH_SERIES; c++) {
        snprintf(buf, sizeof buf, "지표 %d", c + 1);
        text(page, bold, 9, 300 + c * 80, top - 33, buf);
    }
    for (int r = 0; r < BENCH_ROWS; r++) {
        float y = top - 60 - r * 20;
        if (r % 2) {
            HPDF_Page_SetRGBFill(page, 0.96f, 0.96f, 0.97f);
            HPDF_Page_Rectangle(page, 50, y - 6, 495, 20);
            HPDF_Page_Fill(page);
        }
        HPDF_Page_SetRGBFill(page, 0.1f, 0.1f, 0.1f);
        text(page, body, 9, 55, y, bench_categories[r]);
        for (int c = 0; c < BENCH_SERIES; c++) {
            snprintf(buf, sizeof buf, "%.1f", bench_value(t, r, c));
            text(page, body, 9, 330 + c * 80, y, buf);
        }
    }
    text(page, body, 7, 50, top - 232, "출처: quire 벤치마크");
}

int main(int argc, char **argv)
{
    HPDF_Doc pdf = HPDF_New(floor_error, NULL);
    HPDF_Page page = NULL;
    HPDF_Font body, bold;
    int status;

    if (argc < 2 || !pdf) return 2;
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    body = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, FONT_DIR "NanumGothic.ttf", HPDF_TRUE), "UTF-8");
    bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, FONT_DIR "NanumGothicBold.ttf", HPDF_TRUE), "UTF-8");
    for (int k = 0; k < BENCH_CHARTS; k++) {
        float top = k % 2 ? 400 : 790;
        int kind = bench_chart_kind(k), t = bench_chart_table(k);
        if (k % 2 == 0) page = HPDF_AddPage(pdf);
        chart_frame(page, body, bold, k, top);
        if (kind <= 2) chart_bars(page, body, t, kind, k % 2, top);
        else if (kind == 3) chart_lines(page, body, t, k % 2, top);
        else chart_pie(page, body, t, kind == 5, k % 2, top);
    }
    for (int t = 0; t < BENCH_TABLES && !(argc > 2 && strcmp(argv[2], "--charts-only") == 0); t++) {
        if (t % 3 == 0) page = HPDF_AddPage(pdf);
        table(page, body, bold, t, 790 - (t % 3) * 250);
    }
    status = HPDF_SaveToFile(pdf, argv[1]) == HPDF_OK ? 0 : 1;
    HPDF_Free(pdf);
    return status;
}
