/* standard.h — what the PDF carries for accessibility and archiving
 * (issue 10): the catalog entries every brief gets (language, title in
 * the window, XMP metadata), and, on request (`standard: [...]`), PDF/UA-1
 * identification, PDF/A-2b (output intent, PDF 1.7) and PDF/A-3b (the
 * dataset and its CSV files attached as the brief's source data).
 *
 *   standard.c  the option, the ua-1 input rules (check()), the catalog
 *   xmp.c       the XMP metadata packet, agreeing with the Info dictionary
 *   pdfa.c      the sRGB output intent (an ICC profile found at run time)
 *   attach.c    the embedded source files of PDF/A-3b
 *   fileid.c    writing the file with a trailer /ID derived from its bytes
 */
#ifndef QUIRE_PDF_STANDARD_H
#define QUIRE_PDF_STANDARD_H

#include <quire/quire-plugin.h>
#include <stddef.h>
#include <stdint.h>

struct pdf_ctx;

/* The standards a job asks for: `standard:` of the template or -O. */
enum {
    PDF_STD_UA1 = 1u << 0,
    PDF_STD_A2B = 1u << 1,
    PDF_STD_A3B = 1u << 2
};
#define PDF_STD_ANY_A (PDF_STD_A2B | PDF_STD_A3B)

unsigned standard_flags(const quire_job *job);
/* check(): an error at a position when the host can place it (ABI 2's
 * report), else a plain diagnostic. Returns 1, to count problems. */
int pdf_check_report(const quire_job *job, const quire_pos *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* check(): what drawing the template's charts would refuse (check_charts.c).
 * Returns 1 when something is. */
int pdf_check_charts(const quire_job *job);

/* check(): every rule the standards asked for that depends on the input,
 * each failure reported at its position. Returns the number of errors. */
int standard_check(const quire_job *job);

/* After the pages are drawn: the catalog entries, the XMP packet, and what
 * the standards asked for. -1 after pdf_fail(). */
int standard_finish(struct pdf_ctx *ctx);

/* xmp.c: the catalog's /Metadata stream, from the Info dictionary. */
int xmp_write(struct pdf_ctx *ctx, unsigned flags);

/* pdfa.c: the sRGB profile's path, or NULL when none is installed. */
const char *pdfa_icc_path(void);
/* Reads a whole file of at most max bytes into a malloc'd buffer; NULL
 * when it cannot. */
unsigned char *pdfa_read_file(const char *path, size_t max, size_t *len);
/* The catalog's /OutputIntents with the sRGB profile. */
int pdfa_output_intent(struct pdf_ctx *ctx);

/* attach.c: the dataset and its CSV files as embedded files (/AF). */
int attach_sources(struct pdf_ctx *ctx);

/* fileid.c: writes the document to path with a trailer /ID that is the
 * MD5 of the file's own bytes (written first with a zero ID), so that two
 * renders of one input are identical and two inputs never share an ID. */
int fileid_save(struct pdf_ctx *ctx, const char *path);

/* A PDF date ("D:20250731000000Z") and an XMP date
 * ("2025-07-31T00:00:00Z") of t (seconds since 1970, UTC); "" when t < 0. */
void standard_pdf_date(int64_t t, char *buf, size_t size);
void standard_xmp_date(int64_t t, char *buf, size_t size);

#endif
