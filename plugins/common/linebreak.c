/* linebreak.c — greedy line filling at spaces, splitting over-long words. */
#include "linebreak.h"

#include <stdlib.h>
#include <string.h>

/* A split inside a word prefers to fall after one of these (URLs, paths),
 * as long as the piece keeps at least this share of the line. */
static const char url_breaks[] = "/.-?&=_#,;:";
#define URL_BREAK_MIN_SHARE 0.4

size_t lb_char_len(const char *s)
{
    unsigned char c = (unsigned char)s[0];
    size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    for (size_t i = 1; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            return 1;
    return n;
}

static int is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

static int lines_push(lb_lines *out, size_t start, size_t end, int justify)
{
    if (out->count == out->cap) {
        size_t cap = out->cap ? out->cap * 2 : 16;
        lb_line *items = realloc(out->items, cap * sizeof *items);
        if (!items)
            return -1;
        out->items = items;
        out->cap = cap;
    }
    out->items[out->count++] = (lb_line){start, end, justify};
    return 0;
}

void lb_lines_free(lb_lines *out)
{
    free(out->items);
    out->items = NULL;
    out->count = out->cap = 0;
}

/* End (exclusive) of the longest piece of text[start..end) that fits width:
 * always at least one character, so that breaking makes progress. With
 * url_only, only a piece ending after a URL delimiter, else 0. */
static size_t fit_piece(const char *text, size_t start, size_t end, double width,
                        lb_measure_fn measure, void *ctx, int url_only)
{
    size_t pos = start, last_fit = 0, url_fit = 0;
    double used = 0;
    while (pos < end) {
        size_t n = lb_char_len(text + pos);
        if (pos + n > end)
            n = end - pos;
        double w = measure(ctx, text + pos, n);
        if (used + w > width && pos > start)
            break;
        used += w;
        pos += n;
        last_fit = pos;
        if (strchr(url_breaks, text[pos - 1]) && used >= width * URL_BREAK_MIN_SHARE)
            url_fit = pos;
    }
    if (last_fit < end && url_fit)
        return url_fit;
    return url_only ? 0 : last_fit;
}

/* Splits the word [start, end) into full lines while it is wider than
 * width; returns where the remaining tail (which fits) starts. The rest
 * of the word is measured whole only once it is about one line long:
 * measuring it on every line made a long word cost its length squared. */
static int split_long_word(const char *text, size_t start, size_t end, double width,
                           lb_measure_fn measure, void *ctx, lb_lines *out,
                           size_t *tail)
{
    /* most words fit: one measure instead of one per character */
    if (measure(ctx, text + start, end - start) <= width) {
        *tail = start;
        return 0;
    }
    for (;;) {
        size_t cut = fit_piece(text, start, end, width, measure, ctx, 0);
        if (cut >= end)
            break;
        if (end - start <= 2 * (cut - start) + 16 && measure(ctx, text + start, end - start) <= width)
            break;
        if (lines_push(out, start, cut, 0))
            return -1;
        start = cut;
    }
    *tail = start;
    return 0;
}

static int is_url(const char *s, size_t len)
{
    for (size_t i = 0; i + 3 <= len; i++)
        if (!memcmp(s + i, "://", 3))
            return 1;
    return len > 4 && !memcmp(s, "www.", 4);
}

/* Where a URL [ws, we) that does not fit after the line [ls, ws) may be cut
 * so that its head fills the line, or 0: URLs are long and would otherwise
 * leave a short, widely spaced line before them. */
static size_t url_fill(const char *text, size_t ls, size_t ws, size_t we, double width,
                       lb_measure_fn measure, void *ctx)
{
    if (!is_url(text + ws, we - ws))
        return 0;
    double room = width - measure(ctx, text + ls, ws - ls);
    if (room < width * 0.25)
        return 0;
    return fit_piece(text, ws, we, room, measure, ctx, 1);
}

/* Breaks one hard line (no '\n') [start, end) of text. */
static int break_run(const char *text, size_t start, size_t end, double width,
                     lb_measure_fn measure, void *ctx, lb_lines *out)
{
    size_t pos = start, line_start = 0, line_end = 0;
    double line_width = 0; /* of [line_start, line_end) */
    int have_line = 0;
    while (pos < end) {
        while (pos < end && is_space(text[pos]))
            pos++;
        if (pos >= end)
            break;
        size_t ws = pos;
        while (pos < end && !is_space(text[pos]))
            pos++;
        size_t we = pos;
        /* widths add up at spaces (linebreak.h): the line is measured
         * word by word, not again from its start for every word */
        double w = have_line ? line_width + measure(ctx, text + line_end, we - line_end) : 0;
        if (have_line && w <= width) {
            line_end = we;
            line_width = w;
            continue;
        }
        if (have_line) {
            size_t cut = url_fill(text, line_start, ws, we, width, measure, ctx);
            if (lines_push(out, line_start, cut ? cut : line_end, 1))
                return -1;
            ws = cut ? cut : ws;
        }
        if (split_long_word(text, ws, we, width, measure, ctx, out, &line_start))
            return -1;
        line_end = we;
        line_width = measure(ctx, text + line_start, line_end - line_start);
        have_line = 1;
    }
    if (have_line && lines_push(out, line_start, line_end, 0))
        return -1;
    return 0;
}

int linebreak(const char *text, double width, lb_measure_fn measure, void *ctx,
              lb_lines *out)
{
    size_t len = strlen(text), start = 0;
    while (start <= len) {
        const char *nl = memchr(text + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - text) : len;
        if (break_run(text, start, end, width, measure, ctx, out))
            return -1;
        start = end + 1;
    }
    return 0;
}
