/* test_template_v2.c — the Version 2 additions of the template: chart
 * options bound into quire_chart, the combinations refused at parse time
 * and against the dataset, image blocks, the logo, header/footer
 * placeholders, fonts_at and dir. */
#include "tpl_test.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define V1 "quire-template: 1\n"

#define BAD(name, text, expected)                                                        \
    static void name(void **state)                                                       \
    {                                                                                     \
        tpl_expect_parse_error(text, expected);                                           \
    }
#define BAD_BIND(name, ds, text, expected)                                               \
    static void name(void **state)                                                       \
    {                                                                                     \
        tpl_expect_bind_error(text, ds, expected);                                        \
    }

/* A 3 x 2 RGB PNG. */
static const unsigned char png[] =
    "\x89\x50\x4e\x47\x0d\x0a\x1a\x0a\x00\x00\x00\x0d\x49\x48\x44\x52\x00\x00\x00\x03\x00"
    "\x00\x00\x02\x08\x02\x00\x00\x00\x12\x16\xf1\x4d\x00\x00\x00\x11\x49\x44\x41\x54\x78"
    "\x9c\x63\xf8\xcf\xc0\x00\x41\x0c\x30\xc6\x7f\x00\x3b\xd8\x05\xfb\x39\x4d\x96\xa5\x00"
    "\x00\x00\x00\x49\x45\x4e\x44\xae\x42\x60\x82";

static void write_bytes(const char *name, const void *data, size_t len)
{
    FILE *f = fopen(name, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
}

static quire_template *bind_ok(const char *text, const quire_dataset *ds, template_src **src)
{
    char *msgs;
    quire_template *q = tpl_bind(text, ds, src, &msgs);
    assert_string_equal(msgs, "");
    free(msgs);
    assert_non_null(q);
    return q;
}

static void done(quire_template *q, template_src *src)
{
    template_free(q);
    template_src_free(src);
}

/* ---- a dataset with params, images, a scatter table and a language ---- */

static const char *const names[] = {"AWS", "Microsoft", "Google"};
static const double rev[] = {90.8, 62.5, 43.2}, margin[] = {37.1, 44.6, 32.5};
static const unsigned char one[] = {1, 1, 1};
static const quire_column cols[] = {
    {.id = "name", .label = "사업자", .type = QUIRE_TEXT, .texts = names},
    {.id = "revenue", .label = "매출", .type = QUIRE_CURRENCY, .currency = "USD", .scale = 1e9,
     .unit_label = "USD bn", .numbers = rev, .decimals = one},
    {.id = "margin", .label = "이익률", .type = QUIRE_PERCENT, .unit_label = "%",
     .numbers = margin, .decimals = one},
};
static const quire_table tab = {.id = "cloud", .title = "클라우드 매출", .columns = cols,
                                .n_columns = 3, .n_rows = 3};
static const quire_param params[] = {{"region", "부산"}};
static const quire_image images[] = {
    {.id = "map", .path = "/x/map.png", .width_px = 10, .height_px = 5, .alt = "지도"}};
static const quire_dataset v2 = {
    .struct_size = sizeof(quire_dataset), .path = "v2.yaml", .id = "v2", .title = "T",
    .language = "ko", .timestamp = -1, .tables = &tab, .n_tables = 1,
    .params = params, .n_params = 1, .images = images, .n_images = 1};

static void chart_options(void **state)
{
    template_src *src;
    quire_template *q = bind_ok(
        V1 "body:\n"
           "  - chart:\n"
           "      table: cloud\n"
           "      id: revenue-chart\n"
           "      series: [{column: revenue}, {column: margin, as: line, axis: right}]\n"
           "      reference: [{value: 50, label: 목표}, {value: 40, axis: right}]\n"
           "      highlight: [AWS]\n"
           "      y_min: 0\n"
           "      y_max: 100\n"
           "      y_format: '#,##0'\n"
           "      legend: bottom\n"
           "      height_mm: 60\n"
           "      sort: desc\n"
           "      value_labels: true\n"
           "  - chart: {table: cloud, type: pie, y: margin, percent_labels: true, donut: true,\n"
           "            alt: 사업자별 이익률, title: 이익률}\n"
           "  - chart: {table: cloud, type: scatter, x: revenue, y: margin, label: name}\n"
           "  - chart: {table: cloud, type: area, y: [revenue], stacked: true, legend: none}\n",
        &v2, &src);
    assert_int_equal(q->n_blocks, 4);
    const quire_chart *a = &quire_block_at(q, 0)->chart;
    assert_string_equal(a->id, "revenue-chart");
    assert_int_equal(a->n_y, 2);
    assert_int_equal(a->n_series, 2);
    assert_int_equal(a->series_size, sizeof(quire_series));
    assert_int_equal(quire_series_at(a, 0)->column, 1);
    assert_int_equal(quire_series_at(a, 0)->as_line, 0);
    assert_int_equal(quire_series_at(a, 1)->column, 2);
    assert_int_equal(quire_series_at(a, 1)->as_line, 1);
    assert_int_equal(quire_series_at(a, 1)->right_axis, 1);
    assert_int_equal(a->y[1], 2);
    assert_int_equal(a->n_references, 2);
    assert_near(quire_reference_at(a, 0)->value, 50);
    assert_string_equal(quire_reference_at(a, 0)->label, "목표");
    assert_int_equal(quire_reference_at(a, 0)->right_axis, 0);
    assert_null(quire_reference_at(a, 1)->label);
    assert_int_equal(quire_reference_at(a, 1)->right_axis, 1);
    assert_int_equal(a->highlight.count, 1);
    assert_string_equal(a->highlight.items[0], "AWS");
    assert_near(a->y_min, 0);
    assert_near(a->y_max, 100);
    assert_string_equal(a->y_format, "#,##0");
    assert_int_equal(a->legend, QUIRE_LEGEND_BOTTOM);
    assert_near(a->height_pt, 60 * 72 / 25.4);
    assert_int_equal(a->sort, QUIRE_SORT_DESC);
    assert_int_equal(a->alt_given, 0);
    assert_int_equal(a->title_given, 0);
    assert_string_equal(a->alt, "막대·꺾은선 혼합 차트, 클라우드 매출(USD bn): "
                                "매출 — AWS 90.8, Microsoft 62.5, Google 43.2; "
                                "이익률(%) — AWS 37.1, Microsoft 44.6, Google 32.5");
    assert_string_equal(a->at.file, "t.yaml");
    assert_int_equal(a->at.line, 3);
    assert_int_equal(quire_block_at(q, 0)->at.line, 3);

    const quire_chart *b = &quire_block_at(q, 1)->chart;
    assert_int_equal(b->type, QUIRE_CHART_PIE);
    assert_int_equal(b->percent_labels, 1);
    assert_string_equal(b->alt, "사업자별 이익률");
    assert_int_equal(b->alt_given, 1);
    assert_int_equal(b->title_given, 1);
    assert_true(isnan(b->y_min) && isnan(b->y_max));
    assert_null(b->id);

    const quire_chart *c = &quire_block_at(q, 2)->chart;
    assert_int_equal(c->type, QUIRE_CHART_SCATTER);
    assert_int_equal(c->x, 1);
    assert_int_equal(c->has_label, 1);
    assert_int_equal(c->label, 0);
    assert_string_equal(c->alt, "분산형 차트, 클라우드 매출(%): AWS (90.8, 37.1), "
                                "Microsoft (62.5, 44.6), Google (43.2, 32.5)");

    const quire_chart *d = &quire_block_at(q, 3)->chart;
    assert_int_equal(d->type, QUIRE_CHART_AREA);
    assert_int_equal(d->stacked, 1);
    assert_int_equal(d->legend, QUIRE_LEGEND_NONE);
    assert_int_equal(d->legend, QUIRE_LEGEND_NONE);
    done(q, src);
}

/* Charts made by `tables: all` get series, NaN limits and an alt text too. */
static void automatic_chart(void **state)
{
    template_src *src;
    quire_template *q = bind_ok(V1 "body: [{tables: all}]\n", tpl_sample(), &src);
    const quire_chart *c = &quire_block_at(q, 0)->chart;
    assert_int_equal(c->n_series, c->n_y);
    assert_non_null(c->series);
    assert_true(isnan(c->y_min) && isnan(c->y_max));
    assert_string_equal(c->alt, "Bar chart, Cloud share: 2023 Q4 — AWS 31, Microsoft 24, "
                                "Google 11; 2024 Q1 — AWS 31, Microsoft 25, Google no data");
    assert_int_equal(c->alt_given, 0);
    done(q, src);
}

static void image_block(void **state)
{
    template_src *src;
    quire_template *q = bind_ok(V1 "body: [cover, {image: map}]\n", &v2, &src);
    assert_int_equal(q->n_blocks, 2);
    assert_int_equal(quire_block_at(q, 1)->kind, QUIRE_BLOCK_IMAGE);
    assert_ptr_equal(quire_block_at(q, 1)->image, &images[0]);
    done(q, src);
}

BAD_BIND(image_unknown, &v2, V1 "body:\n  - image: mpa\n",
         "t.yaml:3:12: error: no image 'mpa' in v2.yaml; did you mean 'map'?\n")

static void placeholders(void **state)
{
    template_src *src;
    quire_template *q = bind_ok(V1 "header: \"{title} · {region} · {subtitle}\"\n"
                                   "footer: \"{page}/{pages} {id}\"\nbody: [cover]\n",
                                &v2, &src);
    assert_string_equal(q->header, "{title} · {region} · {subtitle}");
    done(q, src);
}

BAD_BIND(placeholder_unknown, &v2,
         V1 "body: [cover]\nheader: \"{title} {regon}\"\nfooter: \"{nothing-like-it}\"\n",
         "t.yaml:3:1: error: header placeholder '{regon}' names nothing in v2.yaml; did you "
         "mean '{region}'?\n"
         "t.yaml:4:1: error: footer placeholder '{nothing-like-it}' names nothing in v2.yaml "
         "(title, period, date, page, pages, a top-level scalar or a params key)\n")

/* fonts_at: the fonts: key, for the pdf plugin's check(); dir: absolute. */
static void fonts_at_and_dir(void **state)
{
    template_src *src;
    quire_template *q = bind_ok(V1 "body: [cover]\nfonts: {body: DejaVu Sans}\n", &v2, &src);
    assert_string_equal(q->fonts_at.file, "t.yaml");
    assert_int_equal(q->fonts_at.line, 3);
    assert_int_equal(q->fonts_at.col, 1);
    char cwd[PATH_MAX];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_string_equal(q->dir, cwd);
    assert_int_equal(q->block_size, sizeof(quire_block));
    assert_null(q->logo.image);
    done(q, src);
}

static void logo(void **state)
{
    write_bytes("logo.png", png, sizeof png - 1);
    template_src *src;
    quire_template *q = bind_ok(V1 "logo: {file: logo.png, width_mm: 25.4, alt: 회사 로고,\n"
                                   "       on: [cover, header]}\nbody: [cover]\n",
                                &v2, &src);
    const quire_image *img = q->logo.image;
    assert_non_null(img);
    assert_null(img->id);
    assert_int_equal(img->path[0], '/');
    assert_non_null(strstr(img->path, "/logo.png"));
    assert_int_equal(img->format, QUIRE_IMAGE_PNG);
    assert_int_equal(img->width_px, 3);
    assert_int_equal(img->height_px, 2);
    assert_string_equal(img->alt, "회사 로고");
    assert_int_equal(img->decorative, 0);
    assert_int_equal(img->at.line, 2);
    assert_int_equal(img->at.col, 8);
    assert_near(q->logo.width_pt, 72);
    assert_int_equal(q->logo.on_cover, 1);
    assert_int_equal(q->logo.on_header, 1);
    done(q, src);
    /* Defaults: 30 mm, on the cover, decorative without alt. */
    q = bind_ok(V1 "logo: {file: logo.png}\nbody: [cover]\n", &v2, &src);
    assert_near(q->logo.width_pt, 30 * 72 / 25.4);
    assert_int_equal(q->logo.on_cover, 1);
    assert_int_equal(q->logo.on_header, 0);
    assert_int_equal(q->logo.image->decorative, 1);
    done(q, src);
}

static void logo_errors(void **state)
{
    write_bytes("logo.png", png, sizeof png - 1);
    write_bytes("bad.png", "GIF89a not a png", 16);
    tpl_expect_parse_error(V1 "logo: {file: missing.png}\nbody: [cover]\n",
                           "t.yaml:2:8: error: logo 'missing.png': No such file or directory\n");
    tpl_expect_parse_error(V1 "logo: {file: ../logo.png}\nbody: [cover]\n",
                           "t.yaml:2:8: error: logo '../logo.png': the path leaves the folder "
                           "of the file that names it (--allow-any-path allows it)\n");
    tpl_expect_parse_error(V1 "logo: {file: bad.png}\nbody: [cover]\n",
                           "t.yaml:2:8: error: logo 'bad.png': not a PNG or JPEG image\n");
    tpl_expect_parse_error(V1 "logo: {width_mm: 0, on: [cover, footer]}\nbody: [cover]\n",
                           "t.yaml:2:18: error: 'logo.width_mm' must be greater than 0\n"
                           "t.yaml:2:33: error: 'logo.on' expects one of cover or header, got "
                           "\"footer\"\n"
                           "t.yaml:2:7: error: logo needs 'file:', a PNG or JPEG image\n");
    tpl_expect_parse_error(V1 "logo: {file: logo.png, width_mm: 500}\nbody: [cover]\n",
                           "t.yaml:2:7: error: logo.width_mm 500 is wider than the page's 174 "
                           "mm of content\n");
}

/* The template's folder bounds what it names unless allow_any_path. */
static void logo_any_path(void **state)
{
    write_bytes("logo.png", png, sizeof png - 1);
    assert_int_equal(mkdir("sub", 0700), 0);
    tpl_write("sub/t.yaml", V1 "logo: {file: ../logo.png}\nbody: [cover]\n");
    char *msgs;
    size_t len;
    FILE *out = open_memstream(&msgs, &len);
    diag d;
    diag_init(&d, out);
    template_src *t = template_load("sub/t.yaml", 1, &d);
    fclose(out);
    assert_string_equal(msgs, "");
    assert_non_null(t);
    template_src_free(t);
    free(msgs);
    out = open_memstream(&msgs, &len);
    diag_init(&d, out);
    assert_null(template_load("sub/t.yaml", 0, &d));
    fclose(out);
    assert_non_null(strstr(msgs, "sub/t.yaml:2:8: error: logo '../logo.png': the path leaves"));
    free(msgs);
    unlink("sub/t.yaml");
    rmdir("sub");
}

/* ---- combinations refused when the template is read ---- */

BAD(percent_labels_bar, V1 "body:\n  - chart: {table: t, percent_labels: true}\n",
    "t.yaml:3:39: error: 'percent_labels' applies to pie charts only, not to a bar chart\n")
BAD(label_not_scatter, V1 "body:\n  - chart: {table: t, type: line, label: name}\n",
    "t.yaml:3:42: error: 'label' applies to scatter charts only, not to a line chart\n")
BAD(as_line_outside_bar,
    V1 "body:\n  - chart: {table: t, type: line, series: [{column: a, as: line}]}\n"
       "  - chart: {table: t, horizontal: true, series: [{column: a, as: line}]}\n",
    "t.yaml:3:60: error: 'as: line' applies to bar charts only (it makes a combined "
    "bar-and-line chart), not to a line chart\n"
    "t.yaml:4:66: error: 'as: line' does not combine with horizontal bars\n")
BAD(y_and_series, V1 "body:\n  - chart: {table: t, y: a, series: [b]}\n",
    "t.yaml:3:37: error: 'y' and 'series' cannot both be given; list the columns in "
    "'series' only\n")
BAD(pie_options,
    V1 "body:\n  - chart: {table: t, type: pie, y_min: 0, reference: [{value: 1}],\n"
       "            highlight: [a], series: [{column: a, axis: right}]}\n",
    "t.yaml:3:55: error: 'reference' applies to charts with a value axis only, not to a pie "
    "chart\n"
    "t.yaml:3:41: error: 'y_min' applies to charts with a value axis only, not to a pie "
    "chart\n"
    "t.yaml:4:56: error: 'axis: right' does not apply to a pie chart\n")
BAD(highlight_line, V1 "body:\n  - chart: {table: t, type: area, highlight: x}\n",
    "t.yaml:3:46: error: 'highlight' applies to bar and pie charts only, not to a area chart\n")
BAD(sort_scatter, V1 "body:\n  - chart: {table: t, type: scatter, sort: asc}\n",
    "t.yaml:3:44: error: 'sort' applies to bar, line, area and pie charts only, not to a "
    "scatter chart\n")
BAD(axis_limits, V1 "body:\n  - chart: {table: t, y_min: 10, y_max: 10, height_mm: -1}\n",
    "t.yaml:3:56: error: 'chart.height_mm' must be greater than 0\n"
    "t.yaml:3:41: error: 'y_max' (10) must be greater than 'y_min' (10)\n")
BAD(bad_choices, V1 "body:\n  - chart: {table: t, legend: botom, sort: up, type: bars}\n",
    "t.yaml:3:31: error: 'chart.legend' expects one of top, bottom, right or none, got "
    "\"botom\" (did you mean 'bottom'?)\n"
    "t.yaml:3:44: error: 'chart.sort' expects one of none, asc or desc, got \"up\"\n"
    "t.yaml:3:54: error: unknown chart type 'bars'; did you mean 'bar'?\n")
BAD(right_axis_only,
    V1 "body:\n  - chart: {table: t, series: [{column: a, axis: right}]}\n"
       "  - chart: {table: t, y: a, reference: {value: 3, axis: right}}\n",
    "t.yaml:3:50: error: every series is on the right axis; keep at least one on the left\n"
    "t.yaml:4:57: error: a reference on the right axis, but no series is on it\n")
BAD(series_shapes,
    V1 "body:\n  - chart: {table: t, series: [{as: line}, {column: a, as: dots}]}\n"
       "  - chart: {table: t, series: []}\n  - chart: {table: t, reference: [{label: x}]}\n",
    "t.yaml:3:32: error: a series needs 'column: ID'\n"
    "t.yaml:3:60: error: 'series.as' expects one of bar or line, got \"dots\"\n"
    "t.yaml:4:31: error: 'series' expects at least one column\n"
    "t.yaml:5:35: error: a reference needs 'value:', a number\n")
BAD(chart_ids, V1 "body:\n  - chart: {table: t, id: Bad_Id}\n  - chart: {table: t, id: c}\n"
                  "  - chart: {table: t, id: c}\n",
    "t.yaml:3:27: error: chart id \"Bad_Id\" is not valid: use [a-z0-9][a-z0-9_-]*\n"
    "t.yaml:5:27: error: duplicate chart id 'c' (first at line 4, column 27)\n")
BAD(height_too_big, V1 "body:\n  - chart: {table: t, height_mm: 400}\n",
    "t.yaml:3:34: error: 'chart.height_mm' 400 is more than the page's 261 mm of content\n")

/* ---- combinations refused against the dataset ---- */

BAD_BIND(scatter_text_x, &v2, V1 "body:\n  - chart: {table: cloud, type: scatter, x: name}\n",
         "t.yaml:3:45: error: chart x column 'name' is text; x of a scatter chart takes a "
         "numeric or date column\n")
BAD_BIND(label_not_text, &v2,
         V1 "body:\n  - chart: {table: cloud, type: scatter, label: margin}\n",
         "t.yaml:3:49: error: chart label column 'margin' is percent; label takes a text "
         "column\n")
BAD_BIND(highlight_unknown, &v2,
         V1 "body:\n  - chart: {table: cloud, highlight: [AWS, Gogle, Oracle]}\n",
         "t.yaml:3:44: error: highlight 'Gogle' is no category of column 'name'; did you "
         "mean 'Google'?\n"
         "t.yaml:3:51: error: highlight 'Oracle' is no category of column 'name'\n")
BAD_BIND(series_not_numeric, &v2,
         V1 "body:\n  - chart: {table: cloud, series: [{column: name, as: line}]}\n",
         "t.yaml:3:45: error: chart y column 'name' is text; y takes numeric columns "
         "(number, integer, percent, currency)\n")

/* ---- a chart's title and note: markup over the dataset (issue 19) ---- */

static quire_footnote notes[] = {{.id = "n1", .number = 1}, {.id = "n2", .number = 0}};
static quire_dataset with_notes = {
    .struct_size = sizeof(quire_dataset), .path = "n.yaml", .id = "n", .title = "T",
    .language = "en", .timestamp = -1, .tables = &tab, .n_tables = 1,
    .footnotes = notes, .n_footnotes = 2};

static void chart_title_and_note(void **state)
{
    template_src *src;
    notes[1].number = 0;
    quire_template *q = bind_ok(V1 "body:\n  - chart: {table: cloud, title: 'Share[^n1]', "
                                   "note: '*Careful*: see [the table](#cloud)[^n2]'}\n"
                                   "  - chart: {table: cloud}\n",
                                &with_notes, &src);
    const quire_chart *c = &quire_block_at(q, 0)->chart;
    assert_string_equal(c->title, "Share");
    assert_string_equal(c->title_text.plain, "Share");
    assert_int_equal(c->title_text.n_runs, 2);
    assert_int_equal(c->title_text.runs[1].footnote, 1);
    assert_int_equal(c->title_given, 1);
    assert_string_equal(c->note.plain, "Careful: see the table");
    assert_int_equal(c->note.runs[0].flags, QUIRE_RUN_EMPHASIS);
    assert_int_equal(c->note.runs[2].target, QUIRE_TARGET_TABLE);
    /* n2 was referenced only here: it gets the next number */
    assert_int_equal(c->note.runs[c->note.n_runs - 1].footnote, 2);
    assert_int_equal(notes[1].number, 2);
    const quire_chart *plain = &quire_block_at(q, 1)->chart;
    assert_string_equal(plain->title_text.plain, "클라우드 매출");
    assert_null(plain->note.plain);
    done(q, src);
}

BAD_BIND(chart_note_errors, &with_notes,
         V1 "body:\n  - chart: {table: cloud, title: 'A[^x]', note: 'See **this'}\n",
         "t.yaml:3:34: error: chart.title: unknown footnote 'x' (at character 2)\n"
         "t.yaml:3:49: error: chart.note: unclosed '**' (write '\\*' for a star) (at "
         "character 5)\n")

static int teardown_files(void **state)
{
    unlink("logo.png");
    unlink("bad.png");
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(chart_options),
        cmocka_unit_test(automatic_chart),
        cmocka_unit_test(image_block),
        cmocka_unit_test(chart_title_and_note),
        cmocka_unit_test(chart_note_errors),
        cmocka_unit_test(image_unknown),
        cmocka_unit_test(placeholders),
        cmocka_unit_test(placeholder_unknown),
        cmocka_unit_test(fonts_at_and_dir),
        cmocka_unit_test_teardown(logo, teardown_files),
        cmocka_unit_test_teardown(logo_errors, teardown_files),
        cmocka_unit_test_teardown(logo_any_path, teardown_files),
        cmocka_unit_test(percent_labels_bar),
        cmocka_unit_test(label_not_scatter),
        cmocka_unit_test(as_line_outside_bar),
        cmocka_unit_test(y_and_series),
        cmocka_unit_test(pie_options),
        cmocka_unit_test(highlight_line),
        cmocka_unit_test(sort_scatter),
        cmocka_unit_test(axis_limits),
        cmocka_unit_test(bad_choices),
        cmocka_unit_test(right_axis_only),
        cmocka_unit_test(series_shapes),
        cmocka_unit_test(chart_ids),
        cmocka_unit_test(height_too_big),
        cmocka_unit_test(scatter_text_x),
        cmocka_unit_test(label_not_text),
        cmocka_unit_test(highlight_unknown),
        cmocka_unit_test(series_not_numeric),
    };
    return cmocka_run_group_tests(tests, tpl_setup, tpl_teardown);
}
