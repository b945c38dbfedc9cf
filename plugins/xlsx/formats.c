/*
 * formats.c — cell formats and typed cell writing.
 *
 * Numbers stay numbers: percent points become the fraction with a percent
 * format (31 -> 0.31 shown "31%"), dates become Excel serials, and each
 * number shows the decimals it was written with, with thousands
 * separators. Formats are created lazily, once per workbook.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datefmt.h"
#include "xlsx.h"

void xlsx_formats_init(xlsx_ctx *ctx)
{
    xlsx_formats *f = &ctx->fmt;

    memset(f, 0, sizeof *f);
    f->title = workbook_add_format(ctx->wb);
    format_set_bold(f->title);
    format_set_font_size(f->title, 16);
    f->bold = workbook_add_format(ctx->wb);
    format_set_bold(f->bold);
    f->header = workbook_add_format(ctx->wb);
    format_set_bold(f->header);
    format_set_bottom(f->header, LXW_BORDER_THIN);
    f->note = workbook_add_format(ctx->wb);
    format_set_italic(f->note);
    format_set_font_color(f->note, 0x595959);
    f->date = workbook_add_format(ctx->wb);
    format_set_num_format(f->date, "yyyy-mm-dd");
    f->wrap = workbook_add_format(ctx->wb);
    format_set_text_wrap(f->wrap);
}

/* "0.000" style fraction digits after prefix, then suffix. */
static lxw_format *decimal_format(xlsx_ctx *ctx, const char *prefix, unsigned decimals,
                                  const char *suffix)
{
    char spec[64];
    int n = snprintf(spec, sizeof spec, "%s", prefix);

    if (decimals) {
        spec[n++] = '.';
        for (unsigned i = 0; i < decimals; i++)
            spec[n++] = '0';
    }
    snprintf(spec + n, sizeof spec - (size_t)n, "%s", suffix);
    lxw_format *f = workbook_add_format(ctx->wb);
    format_set_num_format(f, spec);
    return f;
}

lxw_format *xlsx_format_number(xlsx_ctx *ctx, unsigned decimals)
{
    if (decimals > XLSX_MAX_DECIMALS)
        decimals = XLSX_MAX_DECIMALS;
    if (!ctx->fmt.number[decimals])
        ctx->fmt.number[decimals] = decimal_format(ctx, "#,##0", decimals, "");
    return ctx->fmt.number[decimals];
}

lxw_format *xlsx_format_percent(xlsx_ctx *ctx, unsigned decimals)
{
    if (decimals > XLSX_MAX_DECIMALS)
        decimals = XLSX_MAX_DECIMALS;
    if (!ctx->fmt.percent[decimals])
        ctx->fmt.percent[decimals] = decimal_format(ctx, "0", decimals, "%");
    return ctx->fmt.percent[decimals];
}

double xlsx_percent_fraction(double v, unsigned decimals)
{
    char buf[64];
    if (!isfinite(v) || fabs(v) >= 1e15 || decimals > 15)
        return v / 100.0;
    snprintf(buf, sizeof buf, "%.*f", (int)decimals + 2, v / 100.0);
    return strtod(buf, NULL);
}

lxw_format *xlsx_format_custom(xlsx_ctx *ctx, const char *num_format)
{
    /* Excel keeps number formats to 255 characters: longer is not one. */
    if (!num_format || !*num_format || strlen(num_format) > 255)
        return NULL;
    const char *clean = xlsx_clean_text(ctx, num_format);
    lxw_format *f = workbook_add_format(ctx->wb);
    if (f && clean)
        format_set_num_format(f, clean);
    return f;
}

/* Excel refuses strings over 32767 characters: keep that many. */
static lxw_error write_long_string(lxw_worksheet *ws, lxw_row_t r, lxw_col_t col,
                                   const char *s, lxw_format *f)
{
    const char *end = s;
    for (size_t n = 0; *end && n < XLSX_STRING_MAX; n++)
        utf8_next(&end);
    char *cut = strndup(s, (size_t)(end - s));
    if (!cut)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_error e = worksheet_write_string(ws, r, col, cut, f);
    free(cut);
    return e;
}

lxw_error xlsx_write_text(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t col,
                          const char *text, lxw_format *f)
{
    const char *s = xlsx_clean_text(ctx, text);
    if (!s)
        return LXW_ERROR_MEMORY_MALLOC_FAILED;
    lxw_error e = worksheet_write_string(ws, r, col, s, f);
    if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)
        e = write_long_string(ws, r, col, s, f);
    return e;
}

const char *xlsx_date_spec(const xlsx_ctx *ctx, const char *num_format, char *spec,
                           size_t size)
{
    if (!num_format || datefmt_has_quarter(num_format))
        return NULL;
    if (!datefmt_has_names(num_format) || strstr(num_format, "[$"))
        return num_format;
    char months[256];
    const char *f = num_format;
    /* Excel and LibreOffice disagree on Korean short month names: 1월 */
    if (ctx->lang == XLSX_KO && datefmt_months_as_numbers(months, sizeof months, num_format) <
                                    sizeof months)
        f = months;
    int n = snprintf(spec, size, "%s%s", ctx->lang == XLSX_KO ? "[$-412]" : "[$-409]", f);
    return n > 0 && (size_t)n < size ? spec : num_format;
}

lxw_format *xlsx_format_column(xlsx_ctx *ctx, const quire_column *c)
{
    char spec[300];
    if (c->type == QUIRE_DATE && datefmt_unit(c->format) != DATEFMT_NONE)
        return xlsx_format_custom(ctx, xlsx_date_spec(ctx, c->format, spec, sizeof spec));
    return xlsx_format_custom(ctx, c->format);
}

size_t xlsx_date_shown(const xlsx_ctx *ctx, const quire_column *c, size_t row, char *buf,
                       size_t size)
{
    if (size)
        buf[0] = '\0';
    if (c->type != QUIRE_DATE || !c->numbers || quire_cell_is_null(c, row))
        return 0;
    return datefmt_format(buf, size, c->numbers[row], c->format, ctx->lang == XLSX_KO);
}

lxw_error xlsx_write_cell(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r, lxw_col_t col,
                          const quire_column *c, size_t row, lxw_format *custom)
{
    if (quire_cell_is_null(c, row))
        return LXW_NO_ERROR;
    double v = c->numbers ? c->numbers[row] : 0;
    switch (c->type) {
    case QUIRE_TEXT:
        if (c->markup && c->rich)   /* markup: true: the parsed cell */
            return xlsx_write_prose(ctx, ws, r, col, NULL, QUIRE_AT(c->rich, c->text_size, row),
                                    c->texts[row], custom);
        return xlsx_write_text(ctx, ws, r, col, c->texts[row], custom);
    case QUIRE_DATE:
        /* A quarter ("2025 Q1") has no Excel format: the cell holds the
         * text the PDF shows (docs/dataset-guide.md). */
        if (datefmt_has_quarter(c->format)) {
            char shown[128];
            if (xlsx_date_shown(ctx, c, row, shown, sizeof shown))
                return xlsx_write_text(ctx, ws, r, col, shown, NULL);
        }
        /* Before 1900-03-01 Excel's serials are off (its 1900 leap year). */
        if (v + XLSX_EPOCH_SERIAL < XLSX_FIRST_SERIAL)
            return xlsx_write_text(ctx, ws, r, col, c->texts[row], custom);
        return worksheet_write_number(ws, r, col, v + XLSX_EPOCH_SERIAL,
                                      custom ? custom : ctx->fmt.date);
    case QUIRE_PERCENT:
        return worksheet_write_number(ws, r, col, xlsx_percent_fraction(v, c->decimals[row]),
                                      custom ? custom : xlsx_format_percent(ctx, c->decimals[row]));
    default:
        return worksheet_write_number(ws, r, col, v,
                                      custom ? custom : xlsx_format_number(ctx, c->decimals[row]));
    }
}

/* Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's algorithm). */
static long days_from_civil(long y, unsigned m, unsigned d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long)doe - 719468;
}

lxw_error xlsx_write_date_text(xlsx_ctx *ctx, lxw_worksheet *ws, lxw_row_t r,
                               lxw_col_t col, const char *ymd)
{
    int y, m, d, used = 0;
    double serial;

    if (!ymd)
        return LXW_NO_ERROR;
    /* Excel dates start in 1900 (see above): anything else stays text. */
    if (sscanf(ymd, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3 && used == 10 &&
        !ymd[used] && y >= 1900 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
        (serial = (double)days_from_civil(y, (unsigned)m, (unsigned)d) + XLSX_EPOCH_SERIAL) >=
            XLSX_FIRST_SERIAL)
        return worksheet_write_number(ws, r, col, serial, ctx->fmt.date);
    return xlsx_write_text(ctx, ws, r, col, ymd, NULL);
}
