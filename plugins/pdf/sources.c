/* sources.c — the sources page, and the short source line under figures,
 * tables and charts. */
#include "pdf.h"
#include "source_line.h"

#include <stdio.h>
#include <string.h>

/* Appends s to buf (size bytes) at *n, truncating safely. */
static void append(char *buf, size_t size, size_t *n, const char *s)
{
    if (*n >= size)
        return;
    int k = snprintf(buf + *n, size - *n, "%s", s);
    *n += k < 0 ? 0 : (size_t)k;
    if (*n >= size)
        *n = size - 1;
}

void sources_line(const pdf_ctx *ctx, const quire_strings *ids, char *buf, size_t size)
{
    source_line(ctx->ds, ids, ctx->lang, buf, size);
}

void sources_line_as_of(const pdf_ctx *ctx, const quire_strings *ids, const quire_as_of *as_of,
                        char *buf, size_t size)
{
    source_line_as_of(ctx->ds, ids, as_of->text, ctx->lang, buf, size);
}

/* "디지털데일리 · 권하영 · 2024-12-26. Title. https://…"; *url_at is where
 * the URL starts (the length when there is none). An inferred date reads
 * "2024-03 (추정)" / "2024-03 (inferred)". */
static void source_entry(const pdf_ctx *ctx, const quire_source *s, char *buf, size_t size,
                         size_t *url_at)
{
    size_t n = 0;
    char date[64] = "";
    buf[0] = '\0';
    if (s->date)
        snprintf(date, sizeof date, "%s%s", s->date,
                 s->date_inferred ? pdf_label(ctx, " (추정)", " (inferred)") : "");
    const char *who[] = {s->publisher, s->author, s->date ? date : NULL};
    for (size_t i = 0; i < 3; i++) {
        if (!who[i])
            continue;
        append(buf, size, &n, n ? " · " : "");
        append(buf, size, &n, who[i]);
    }
    if (s->title) {
        append(buf, size, &n, n ? ". " : "");
        append(buf, size, &n, s->title);
    }
    *url_at = n;
    if (s->url) {
        append(buf, size, &n, n ? ". " : "");
        *url_at = n;
        append(buf, size, &n, s->url);
    }
}

/* The entry as rich text whose URL is a link. */
static int entry_rich(text_rich *r, const char *entry, size_t url_at, const char *url)
{
    quire_run runs[2] = {{entry, 0, QUIRE_TARGET_NONE, NULL, 0},
                         {entry + url_at, 0, QUIRE_TARGET_URL, url, 0}};
    char head[2048];
    snprintf(head, sizeof head, "%.*s", (int)url_at, entry);
    runs[0].text = head;
    quire_text t = {entry, runs, url && entry[url_at] ? 2 : 1, sizeof runs[0]};
    return text_rich_from(r, &t, NULL);
}

void sources_draw(pdf_ctx *ctx)
{
    if (!ctx->ds->n_sources)
        return; /* no heading over nothing */
    ctx->where = "the sources";
    heading_draw(ctx, words(ctx->lang, WORD_SOURCES), 0, NULL);
    text_look lk = pdf_look(ctx, 0, 8.8, PDF_TEXT_RGB);
    text_style num = {ctx->bold, 8.8, pdf_color(ctx, 0)};
    char buf[2048], mark[32];
    page_begin(ctx, PDF_ROLE_LIST);
    for (size_t i = 0; i < ctx->ds->n_sources && !ctx->status; i++) {
        const quire_source *src = quire_source_at(ctx->ds, i);
        size_t url_at;
        text_rich r;
        source_entry(ctx, src, buf, sizeof buf, &url_at);
        if (entry_rich(&r, buf, url_at, src->url)) {
            pdf_fail(ctx, QUIRE_ERR_EXPORT, "out of memory");
            break;
        }
        snprintf(mark, sizeof mark, "[%zu]", i + 1);
        double h = flow_height(ctx, &r, &lk, ctx->width - 26, 13.5);
        page_need(ctx, h > 3 * 13.5 ? 3 * 13.5 : h);
        flow_mark m = {mark, num, 0};
        page_begin(ctx, PDF_ROLE_LIST_ITEM);
        links_dest(ctx, src->id, ctx->y);
        flow_para(ctx, &r, &lk, 26, 13.5, 5, 0, &m);
        page_end(ctx);
        text_rich_free(&r);
    }
    page_end(ctx);
    ctx->where = NULL;
}
