/* chart_page.c — a PDF document to draw charts on, outside the plugin. */
#include "chart_page.h"

#include <stdio.h>
#include <string.h>

#define FONT_DIR "/usr/share/fonts/truetype/nanum/"

static void chart_page_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
    chart_page *p = data;
    fprintf(stderr, "libharu error 0x%04x (detail %u)\n", (unsigned)error, (unsigned)detail);
    p->errors++;
}

int chart_page_open(chart_page *p)
{
    char err[256];
    memset(p, 0, sizeof *p);
    p->ctx.doc = HPDF_New(chart_page_error, p);
    if (!p->ctx.doc)
        return -1;
    HPDF_UseUTFEncodings(p->ctx.doc);
    HPDF_SetCompressionMode(p->ctx.doc, HPDF_COMP_ALL);
    p->ctx.embed = embed_new(p->ctx.doc);
    if (!p->ctx.embed ||
        text_face_load(&p->ctx.faces[0], p->ctx.embed, "NanumGothic", FONT_DIR "NanumGothic.ttf",
                       0, err, sizeof err) ||
        text_face_load(&p->ctx.faces[1], p->ctx.embed, "NanumGothic:bold",
                       FONT_DIR "NanumGothicBold.ttf", 0, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    p->ctx.body = &p->ctx.faces[0];
    p->ctx.bold = &p->ctx.faces[1];
    canvas_pdf_init(&p->cv, &p->ctx);
    return 0;
}

void chart_page_add(chart_page *p)
{
    p->ctx.page = HPDF_AddPage(p->ctx.doc);
    if (p->ctx.page)
        HPDF_Page_SetSize(p->ctx.page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
}

int chart_page_save(chart_page *p, const char *path)
{
    char err[256];
    if (embed_finish(p->ctx.embed, err, sizeof err)) {
        fprintf(stderr, "%s\n", err);
        return -1;
    }
    return HPDF_SaveToFile(p->ctx.doc, path) == HPDF_OK && !p->errors ? 0 : -1;
}

void chart_page_close(chart_page *p)
{
    if (p->ctx.doc)
        HPDF_Free(p->ctx.doc);
    text_face_free(&p->ctx.faces[1]);
    text_face_free(&p->ctx.faces[0]);
    embed_free(p->ctx.embed);
    p->ctx.embed = NULL;
    p->ctx.doc = NULL;
}
