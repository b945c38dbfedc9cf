/* tpl_test.c — fixtures of the template tests. */
#include "tpl_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char scratch[64];

int tpl_setup(void **state)
{
    strcpy(scratch, "/tmp/quire-template-test-XXXXXX");
    if (!mkdtemp(scratch) || chdir(scratch) != 0)
        return -1;
    return 0;
}

int tpl_teardown(void **state)
{
    /* Every test writes t.yaml, some also other names listed here. */
    static const char *const names[] = {"t.yaml", "side.yaml", NULL};
    for (int i = 0; names[i]; i++)
        unlink(names[i]);
    if (chdir("/") != 0)
        return -1;
    return rmdir(scratch);
}

void tpl_write(const char *name, const char *text)
{
    FILE *f = fopen(name, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, strlen(text), f), strlen(text));
    assert_int_equal(fclose(f), 0);
}

template_src *tpl_parse(const char *text, char **msgs)
{
    size_t len;
    FILE *out = open_memstream(msgs, &len);
    assert_non_null(out);
    diag d;
    diag_init(&d, out);
    tpl_write("t.yaml", text);
    template_src *t = template_parse("t.yaml", &d);
    fclose(out);
    assert_true((t == NULL) == (d.errors > 0));
    return t;
}

void tpl_expect_parse_error(const char *text, const char *expected)
{
    char *msgs;
    template_src *t = tpl_parse(text, &msgs);
    assert_null(t);
    assert_string_equal(msgs, expected);
    free(msgs);
}

quire_template *tpl_bind(const char *text, const quire_dataset *ds, template_src **src,
                         char **msgs)
{
    char *parse_msgs;
    *src = tpl_parse(text, &parse_msgs);
    assert_string_equal(parse_msgs, "");
    free(parse_msgs);
    assert_non_null(*src);
    size_t len;
    FILE *out = open_memstream(msgs, &len);
    assert_non_null(out);
    diag d;
    diag_init(&d, out);
    quire_template *q = template_bind(*src, ds, &d);
    fclose(out);
    assert_true((q == NULL) == (d.errors > 0));
    return q;
}

void tpl_expect_bind_error(const char *text, const quire_dataset *ds, const char *expected)
{
    template_src *src;
    char *msgs;
    quire_template *q = tpl_bind(text, ds, &src, &msgs);
    assert_null(q);
    assert_string_equal(msgs, expected);
    free(msgs);
    template_src_free(src);
}

/* ---- the sample dataset ---- */

static const char *const providers[] = {"AWS", "Microsoft", "Google"};
static const double share_q4[] = {31, 24, 11};
static const double share_q1[] = {31, 25, NAN};
static const unsigned char no_decimals[8] = {0};

static const char *const companies[] = {"MS", "Amazon"};
static const char *const years[] = {"2024-01-01", "2025-01-01"};
static const double year_days[] = {19723, 20089};
static const double capex_usd[] = {55.7, 83};
static const double growth[] = {75.4, 57};

static const double ints_a[] = {1, 2};
static const double ints_b[] = {3, 4};

static const quire_column share_columns[] = {
    {.id = "provider", .label = "사업자", .type = QUIRE_TEXT, .texts = providers},
    {.id = "q4_2023", .label = "2023 Q4", .type = QUIRE_PERCENT, .numbers = share_q4,
     .decimals = no_decimals},
    {.id = "q1_2024", .label = "2024 Q1", .type = QUIRE_PERCENT, .numbers = share_q1,
     .decimals = no_decimals},
};

static const quire_column capex_columns[] = {
    {.id = "company", .label = "company", .type = QUIRE_TEXT, .texts = companies},
    {.id = "year", .label = "year", .type = QUIRE_DATE, .texts = years, .numbers = year_days,
     .decimals = no_decimals},
    {.id = "capex", .label = "capex", .type = QUIRE_CURRENCY, .currency = "USD", .scale = 1e9,
     .numbers = capex_usd, .decimals = no_decimals},
    {.id = "growth", .label = "growth", .type = QUIRE_NUMBER, .numbers = growth,
     .decimals = no_decimals},
};

static const quire_column count_columns[] = {
    {.id = "a", .label = "a", .type = QUIRE_INTEGER, .numbers = ints_a, .decimals = no_decimals},
    {.id = "b", .label = "b", .type = QUIRE_INTEGER, .numbers = ints_b, .decimals = no_decimals},
};

#define NUM_COLUMN(name) \
    {.id = name, .label = name, .type = QUIRE_NUMBER, .numbers = ints_a, .decimals = no_decimals}
static const quire_column wide_columns[] = {
    {.id = "name", .label = "name", .type = QUIRE_TEXT, .texts = companies},
    NUM_COLUMN("n1"), NUM_COLUMN("n2"), NUM_COLUMN("n3"), NUM_COLUMN("n4"),
    NUM_COLUMN("n5"), NUM_COLUMN("n6"), NUM_COLUMN("n7"), NUM_COLUMN("n8"),
};

static const quire_table tables[] = {
    {.id = "cloud-share", .title = "Cloud share", .columns = share_columns, .n_columns = 3,
     .n_rows = 3},
    {.id = "capex", .title = "Capex", .columns = capex_columns, .n_columns = 4, .n_rows = 2},
    {.id = "counts", .title = "counts", .columns = count_columns, .n_columns = 2, .n_rows = 2},
    {.id = "wide", .title = "Wide", .columns = wide_columns, .n_columns = 9, .n_rows = 2},
};

static const quire_figure figures[] = {
    {.id = "bigtech-capex", .label = "Capex", .value = 209, .unit = "USD bn"},
    {.id = "gpu-share", .label = "GPU share", .value = 80, .unit = "%"},
};

static const quire_section sections[] = {
    {.id = "market", .heading = "Market"},
    {.id = "outlook", .heading = "Outlook"},
};

static const quire_dataset sample = {
    .struct_size = sizeof(quire_dataset),
    .path = "sample.yaml",
    .id = "sample",
    .title = "Sample",
    .timestamp = -1,
    .figures = figures, .n_figures = 2,
    .tables = tables, .n_tables = 4,
    .sections = sections, .n_sections = 2,
};

static const quire_dataset minimal = {
    .struct_size = sizeof(quire_dataset),
    .path = "minimal.yaml",
    .id = "minimal",
    .title = "Minimal",
    .timestamp = -1,
};

const quire_dataset *tpl_sample(void)
{
    return &sample;
}

const quire_dataset *tpl_minimal(void)
{
    return &minimal;
}
