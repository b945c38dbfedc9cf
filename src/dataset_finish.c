/* dataset_finish.c — what the view needs beyond what the file says:
 * the default language, unit labels ready to show, the timestamp, the
 * element sizes and days of ABI 2. */
#include "dataset_build.h"

#include "cells.h"
#include "language.h"
#include "source_cite.h"

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

/* Korean readers count money in 만 (1e4), 억 (1e8) and 조 (1e12) units and
 * name the currency in Korean, so in a Korean dataset a KRW column at 1e8
 * reads "억원" and a USD one "억달러"; everywhere else the label is the code
 * and an English multiplier: "USD bn", "KRW 100m", "EUR k". */
static const char *korean_unit(loader *ld, const char *currency, double scale)
{
    static const struct { const char *code, *name; } names[] = {
        {"KRW", "원"}, {"USD", "달러"}, {"EUR", "유로"}, {"CNY", "위안"},
        {"JPY", "엔"}, {"GBP", "파운드"}};
    static const struct { double scale; const char *prefix; } units[] = {
        {1, ""}, {1e3, "천"}, {1e4, "만"}, {1e6, "백만"}, {1e7, "천만"},
        {1e8, "억"}, {1e9, "십억"}, {1e12, "조"}};
    const char *name = NULL, *prefix = NULL;
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcmp(names[i].code, currency) == 0)
            name = names[i].name;
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (units[i].scale == scale)
            prefix = units[i].prefix;
    if (!name || !prefix)
        return NULL;
    char buf[64];
    snprintf(buf, sizeof buf, "%s%s", prefix, name);
    return arena_strdup(ld->a, buf);
}

static const char *unit_label(loader *ld, const quire_column *c, int korean_words)
{
    static const struct { double scale; const char *suffix; } big[] = {
        {1e12, "tn"}, {1e9, "bn"}, {1e6, "m"}, {1e3, "k"}};
    char buf[64];
    if (c->type == QUIRE_PERCENT)
        return "%";
    if (c->type != QUIRE_CURRENCY || !c->currency)
        return NULL;
    const char *korean = korean_words ? korean_unit(ld, c->currency, c->scale) : NULL;
    if (korean)
        return korean;
    if (c->scale == 1)
        return c->currency;
    snprintf(buf, sizeof buf, "%s \u00d7%g", c->currency, c->scale);
    for (size_t i = 0; i < sizeof big / sizeof big[0]; i++) {
        double times = c->scale / big[i].scale;
        if (times >= 1 && times < 1000 && times == (double)(long)times) {
            if (times == 1)
                snprintf(buf, sizeof buf, "%s %s", c->currency, big[i].suffix);
            else
                snprintf(buf, sizeof buf, "%s %ld%s", c->currency, (long)times, big[i].suffix);
            break;
        }
    }
    return arena_strdup(ld->a, buf);
}

/* The last second that both a PDF date (four-digit year) and an XLSX
 * date can show: 9999-12-31T23:59:59Z. */
#define LAST_WRITABLE_SECOND INT64_C(253402300799)

/* date: at 00:00 UTC; else SOURCE_DATE_EPOCH, which must then be whole
 * seconds from 0 to the end of year 9999 (docs/dataset-guide.md): any
 * other value is an error rather than a date of year 0000 or 10000. */
static int64_t timestamp(loader *ld, const quire_dataset *v)
{
    int64_t days;
    if (v->date && cells_parse_date(v->date, strlen(v->date), &days) == 0)
        return days * 86400;
    const char *env = getenv("SOURCE_DATE_EPOCH");
    if (!env || !*env)
        return -1;
    size_t n = strlen(env);
    if (strspn(env, "0123456789") == n && n <= 12) {
        int64_t t = strtoll(env, NULL, 10);
        if (t <= LAST_WRITABLE_SECOND)
            return t;
    }
    char shown[40];
    snprintf(shown, sizeof shown, "%.32s%s", env, n > 32 ? "..." : "");
    for (char *p = shown; *p; p++)
        if ((unsigned char)*p < 0x20 || *p == 0x7f)
            *p = '?';
    diag_error(ld->d, ld->path, 0, 0,
               "SOURCE_DATE_EPOCH='%s' is not a time quire can write: it takes whole "
               "seconds since 1970-01-01 up to %" PRId64 " (9999-12-31T23:59:59Z); "
               "fix it, or set date: in the dataset", shown, LAST_WRITABLE_SECOND);
    return -1;
}

/* A month (a source's date when the day is not known) is its first day. */
static quire_day day_of(const char *date)
{
    int64_t days, last;
    if (!date || cells_parse_period(date, strlen(date), 0, &days, &last) != 0)
        return QUIRE_NO_DAY;
    return (quire_day)days;
}

/* Element sizes, so a plugin built with a shorter struct still finds item i. */
static void set_sizes(quire_dataset *v)
{
    v->figure_size = sizeof(quire_figure);
    v->table_size = sizeof(quire_table);
    v->section_size = sizeof(quire_section);
    v->source_size = sizeof(quire_source);
    v->param_size = sizeof(quire_param);
    v->footnote_size = sizeof(quire_footnote);
    v->image_size = sizeof(quire_image);
    for (size_t t = 0; t < v->n_tables; t++)
        ((quire_table *)&v->tables[t])->column_size = sizeof(quire_column);
    for (size_t i = 0; i < v->n_sources; i++)
        ((quire_source *)&v->sources[i])->day = day_of(v->sources[i].date);
    v->day = day_of(v->date);
}

/* 1 when s holds a Hangul syllable or jamo. */
static int has_hangul(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; s && *p; p++) {
        if (p[0] == 0xEA && p[1] >= 0xB0)           /* U+AC00.. */
            return 1;
        if (p[0] >= 0xEB && p[0] <= 0xEC)           /* ..U+CFFF */
            return 1;
        if (p[0] == 0xED && p[1] && p[1] < 0x9F)    /* ..U+D7A3 */
            return 1;
        if (p[0] == 0xE1 && p[1] >= 0x84 && p[1] <= 0x87)  /* jamo U+1100..U+11FF */
            return 1;
        if (p[0] == 0xE3 && p[1] >= 0x84 && p[1] <= 0x86)  /* compatibility jamo */
            return 1;
    }
    return 0;
}

/* SPEC: without `language:`, ko when the title, subtitle or summary holds
 * Hangul, else en. */
static const char *inferred_language(const quire_dataset *v)
{
    if (has_hangul(v->title) || has_hangul(v->subtitle))
        return "ko";
    for (size_t i = 0; i < v->summary.count; i++)
        if (has_hangul(v->summary.items[i]))
            return "ko";
    return "en";
}

/* The cells of a `markup: true` column, parsed once the table is read. */
static void markup_cells(loader *ld, quire_table *t, quire_column *c)
{
    quire_text *rich = arena_alloc(ld->a, (t->n_rows ? t->n_rows : 1) * sizeof *rich);
    if (!rich) {
        diag_out_of_memory(ld->d, ld->path, c->at.line, c->at.col);
        return;
    }
    const char **texts = (const char **)c->texts;
    for (size_t r = 0; r < t->n_rows; r++) {
        rich[r] = (quire_text){0};
        if (!texts[r])
            continue;
        char where[160];
        snprintf(where, sizeof where, "table '%s', column '%s', row %zu", t->id, c->id, r + 1);
        if (!load_markup(ld, texts[r], strlen(texts[r]), (ds_mark){c->at.line, c->at.col}, 0,
                         where, &rich[r]))
            continue;
        texts[r] = rich[r].plain;
    }
    c->rich = rich;
    c->text_size = sizeof(quire_text);
}

void dataset_markup_cells(loader *ld)
{
    quire_table *tabs = ld->tables.items;
    for (size_t t = 0; t < ld->tables.n; t++)
        for (size_t c = 0; c < tabs[t].n_columns; c++)
            if (tabs[t].columns[c].markup && tabs[t].columns[c].texts)
                markup_cells(ld, &tabs[t], (quire_column *)&tabs[t].columns[c]);
}

void dataset_finish(loader *ld)
{
    quire_dataset *v = &ld->ds->view;
    set_sizes(v);
    if (!v->language)
        v->language = inferred_language(v);
    v->words = language_words(v->language);   /* the one decision plugins read */
    v->timestamp = timestamp(ld, v);
    source_cite_all(ld->a, (quire_source *)v->sources, v->n_sources, v->language);
    for (size_t t = 0; t < v->n_tables; t++) {
        const quire_table *tab = &v->tables[t];
        quire_column *cols = (quire_column *)tab->columns;
        for (size_t c = 0; c < tab->n_columns; c++)
            cols[c].unit_label = unit_label(ld, &cols[c], quire_dataset_korean(v));
    }
}
