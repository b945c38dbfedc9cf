/* chart_page.h — pages of a PDF for tests and benchmarks that draw charts
 * through the PDF plugin's canvas (canvas_pdf.c on its page layer), with
 * the default NanumGothic faces of the text layer. */
#ifndef QUIRE_TEST_CHART_PAGE_H
#define QUIRE_TEST_CHART_PAGE_H

#include "pdf.h"

typedef struct chart_page {
    pdf_ctx ctx;          /* drawing pass, no tagging */
    canvas_pdf cv;
    int errors;           /* libharu errors */
} chart_page;

/* A document with the two faces loaded; 0, or -1 with a message on stderr. */
int chart_page_open(chart_page *p);
/* Adds an A4 page; what is drawn next goes on it. */
void chart_page_add(chart_page *p);
int chart_page_save(chart_page *p, const char *path);
void chart_page_close(chart_page *p);

#endif
