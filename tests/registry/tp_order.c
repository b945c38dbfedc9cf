/* Test plugin: writes which copy it is (TP_WHERE) so tests can see which
 * directory of the search path won. Built as several names and copies. */
#include <quire/quire-plugin.h>

#include <stdio.h>
#include <string.h>

/* As a stand-in for pdf, a file the host's PDF check accepts: a header,
 * TP_WHERE as a comment, one object, its xref table, startxref, %%EOF. */
static void write_pdf(FILE *f)
{
    long obj = fprintf(f, "%%PDF-1.4\n%%%s\n", TP_WHERE);
    long xref = obj + fprintf(f, "1 0 obj <</Type /Catalog>> endobj\n");
    fprintf(f, "xref\n0 2\n0000000000 65535 f \n%010ld 00000 n \n", obj);
    fprintf(f, "trailer <</Size 2 /Root 1 0 R>>\nstartxref\n%ld\n%%%%EOF\n", xref);
}

static quire_status write_where(const quire_job *job, char *err, size_t size)
{
    FILE *f = fopen(job->output_path, "w");
    if (!f)
        return QUIRE_ERR_EXPORT;
    if (strcmp(TP_EXT, "pdf") == 0)
        write_pdf(f);
    else
        fprintf(f, "%s\n", TP_WHERE);
    return fclose(f) == 0 ? QUIRE_OK : QUIRE_ERR_EXPORT;
}

QUIRE_PLUGIN_DEFINE(TP_NAME, TP_EXT, "0.0.1", "search-order probe " TP_WHERE, write_where)
