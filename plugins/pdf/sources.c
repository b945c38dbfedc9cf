/* sources.c — the sources page, and the short source line under figures,
 * tables and charts. */
#include "pdf.h"

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

/* How a source is named in a short line: as the core tells it apart from
 * the others (cite), else its publisher, else its title. */
static const char *source_name(const pdf_ctx *ctx, const char *id)
{
    const quire_source *s = quire_find_source(ctx->ds, id);
    if (!s)
        return id;
    return s->cite ? s->cite : s->publisher ? s->publisher : s->title ? s->title : id;
}

void sources_line(const pdf_ctx *ctx, const quire_strings *ids, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    if (!ids->count)
        return;
    append(buf, size, &n, pdf_label(ctx, "출처: ", "Source: "));
    for (size_t i = 0; i < ids->count; i++) {
        const char *name = source_name(ctx, ids->items[i]), *prev = NULL;
        for (size_t j = 0; j < i && !prev; j++)
            if (!strcmp(source_name(ctx, ids->items[j]), name))
                prev = name; /* two articles of one publisher: named once */
        if (prev)
            continue;
        append(buf, size, &n, i ? ", " : "");
        append(buf, size, &n, name);
    }
}

/* "디지털데일리 · 권하영 · 2024-12-26. Title. https://…" */
static void source_entry(const quire_source *s, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    const char *who[] = {s->publisher, s->author, s->date};
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
    if (s->url) {
        append(buf, size, &n, n ? ". " : "");
        append(buf, size, &n, s->url);
    }
}

void sources_draw(pdf_ctx *ctx)
{
    ctx->where = "the sources";
    layout_heading(ctx, pdf_label(ctx, "출처", "Sources"), 0);
    pdf_style st = {ctx->body, 8.8, PDF_TEXT_RGB};
    pdf_style num = {ctx->bold, 8.8, pdf_color(ctx, 0)};
    char buf[2048], mark[32];
    for (size_t i = 0; i < ctx->ds->n_sources; i++) {
        source_entry(&ctx->ds->sources[i], buf, sizeof buf);
        snprintf(mark, sizeof mark, "[%zu]", i + 1);
        double h = text_height(ctx, &st, buf, ctx->width - 26, 13.5);
        layout_need(ctx, h > 3 * 13.5 ? 3 * 13.5 : h);
        text_draw(ctx, &num, ctx->left, ctx->y - (13.5 + 8.8 * 0.72) / 2, mark,
                  strlen(mark));
        text_flow(ctx, &st, buf, 26, 13.5, 5, 0);
    }
    ctx->where = NULL;
}
