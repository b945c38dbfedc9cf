/* test_template_errors.c — every rule of the template reader, each with a
 * bad template and the exact "file:line:col: error: ..." lines expected. */
#include "tpl_test.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define V1 "quire-template: 1\n"

/* One cmocka test per bad template. */
#define BAD(name, text, expected)                                                        \
    static void name(void **state)                                                       \
    {                                                                                     \
        tpl_expect_parse_error(text, expected);                                           \
    }

static void missing_file(void **state)
{
    char *msgs;
    size_t len;
    FILE *out = open_memstream(&msgs, &len);
    diag d;
    diag_init(&d, out);
    assert_null(template_parse("no-such-template.yaml", &d));
    fclose(out);
    assert_int_equal(d.errors, 1);
    assert_string_equal(msgs, "no-such-template.yaml: error: cannot open template: "
                              "No such file or directory\n");
    free(msgs);
}

static void directory(void **state)
{
    char *msgs;
    size_t len;
    FILE *out = open_memstream(&msgs, &len);
    diag d;
    diag_init(&d, out);
    assert_null(template_parse(".", &d));
    fclose(out);
    assert_int_equal(d.errors, 1);
    assert_string_equal(msgs, ".: error: cannot read template: Is a directory\n");
    free(msgs);
}

/* ---- YAML level ---- */
BAD(empty_file, "", "t.yaml:1:1: error: empty template: expected a mapping starting with "
                    "'quire-template: 1'\n")
BAD(only_comments, "# nothing\n\n", "t.yaml:1:1: error: empty template: expected a mapping "
                                    "starting with 'quire-template: 1'\n")
/* Events stream: the scalar libyaml read before the error is checked too,
 * and listed after the syntax error that caused it. */
BAD(syntax_error, V1 "body: [cover\nname: x\n",
    "t.yaml:3:5: error: did not find expected ',' or ']' "
    "(while parsing a flow sequence at line 2, column 7)\n"
    "t.yaml:2:8: error: unknown block 'cover name'\n")
BAD(invalid_utf8, V1 "name: caf\xC3\n",
    "t.yaml:2:11: error: invalid trailing UTF-8 octet (byte 0x0A)\n")
/* The column after a byte order mark counts characters, not the mark. */
BAD(invalid_utf8_after_bom, "\xEF\xBB\xBF" "name: \xFF\n",
    "t.yaml:1:7: error: invalid leading UTF-8 octet (byte 0xFF)\n")
BAD(two_documents, V1 "body: [cover]\n---\nname: again\n",
    "t.yaml:3:1: error: a second YAML document: a template file holds exactly one\n")
BAD(duplicate_key, V1 "body: [cover]\nname: a\nname: b\n",
    "t.yaml:4:1: error: duplicate key 'name' (first at line 3, column 1)\n")
BAD(duplicate_nested_key, V1 "body: [cover]\npage:\n  size: A4\n  size: A5\n",
    "t.yaml:5:3: error: duplicate key 'size' (first at line 4, column 3)\n")
/* base: holds a mapping, so it is kept as a plugin section */
BAD(merge_key, V1 "base: &b {size: A4}\npage:\n  <<: *b\nbody: [cover]\n",
    "t.yaml:4:3: error: merge keys are not supported\n")
BAD(root_is_list, "- cover\n",
    "t.yaml:1:1: error: a template is a mapping starting with 'quire-template: 1', "
    "got a list\n")

/* A few kilobytes that expand to more than 1,000,000 nodes (the limit of
 * read_limits.h, shared with datasets): 2,000 aliases of a chart whose y
 * lists 600 columns (610 nodes each). The cap is checked before an alias
 * is expanded, at the 1,640th alias (line 1643): 1,639 * 610 <= 1e6 <
 * 1,640 * 610. */
static void alias_bomb(void **state)
{
    size_t cap = 64 * 1024, len = 0;
    char *text = malloc(cap);
    assert_non_null(text);
    len += (size_t)snprintf(text + len, cap - len, V1 "body:\n  - &c {chart: {table: t, y: [");
    for (int i = 0; i < 600; i++)
        len += (size_t)snprintf(text + len, cap - len, "%sc%d", i ? ", " : "", i);
    len += (size_t)snprintf(text + len, cap - len, "]}}\n");
    for (int i = 0; i < 2000; i++)
        len += (size_t)snprintf(text + len, cap - len, "  - *c\n");
    assert_true(len < cap - 1);
    /* the 1 MiB of text runs out before the 1,000,000 nodes (the node
     * limit: tests/loader/test_alias_cost.c) */
    tpl_expect_parse_error(text, "t.yaml:459:5: error: aliases expand to more than 1048576 "
                                 "bytes of text; refusing to expand further\n");
    free(text);
}

/* Nesting far beyond what a template needs stops early (the dataset's
 * limit too). */
static void deep_nesting(void **state)
{
    enum { DEPTH = 100000 };
    char *text = malloc(2 * DEPTH + 64);
    assert_non_null(text);
    size_t len = (size_t)sprintf(text, V1 "body: ");
    memset(text + len, '[', DEPTH);
    memset(text + len + DEPTH, ']', DEPTH);
    strcpy(text + len + 2 * DEPTH, "\n");
    tpl_expect_parse_error(text, "t.yaml:2:8: error: a block is a name ('- cover') or a "
                                 "one-key mapping ('- heading: ...'), got a list\n"
                                 "t.yaml:2:70: error: nesting deeper than 64 levels\n");
    free(text);
}

/* The scalar rules are the dataset's (cells.c, yaml_events.c). */
BAD(scalar_rules, V1 "name: \"a\\0b\"\npage: {margin_mm: 1e-400}\nlogo: {file: x, width_mm: "
                     "9007199254740993}\nbody: [cover]\n",
    "t.yaml:2:7: error: a NUL character (\\0) is not allowed in a scalar\n"
    "t.yaml:3:19: error: 'page.margin_mm' expects a number, got 1e-400 (too close to 0 for a "
    "double: below 2.2e-308 in magnitude)\n"
    "t.yaml:4:8: error: logo 'x': No such file or directory\n"
    "t.yaml:4:27: error: 'logo.width_mm' expects a number, got 9007199254740993 (an integer "
    "beyond \u00b12^53, which a double cannot hold exactly)\n")

/* ---- top level ---- */
BAD(missing_version, "body: [cover]\n", "t.yaml:1:1: error: missing 'quire-template: 1'\n")
BAD(version_two, "quire-template: 2\nbody: [cover]\n",
    "t.yaml:1:17: error: unsupported quire-template version '2' (this quire reads version 1)\n")
BAD(version_quoted, "quire-template: \"1\"\nbody: [cover]\n",
    "t.yaml:1:17: error: unsupported quire-template version '1' (this quire reads version 1)\n")
BAD(missing_body, V1 "name: x\n",
    "t.yaml:1:1: error: missing 'body:', the list of blocks to render\n")
BAD(empty_body, V1 "body: []\n",
    "t.yaml:2:7: error: body has no blocks; nothing would be rendered\n")
BAD(unknown_key, V1 "bdy: [cover]\nbody: [cover]\n",
    "t.yaml:2:1: error: unknown key 'bdy' (did you mean 'body'?)\n")
BAD(name_not_string, V1 "name: [a]\nbody: [cover]\n",
    "t.yaml:2:7: error: 'name' expects a string, not a list\n")

/* ---- page ---- */
BAD(unknown_page_key, V1 "page: {sise: A4}\nbody: [cover]\n",
    "t.yaml:2:8: error: unknown key 'sise' (did you mean 'size'?)\n")
BAD(bad_page_size, V1 "page: {size: a4}\nbody: [cover]\n",
    "t.yaml:2:14: error: unknown page size 'a4'; did you mean 'A4'?\n")
BAD(unknown_page_size, V1 "page: {size: B5-JIS}\nbody: [cover]\n",
    "t.yaml:2:14: error: unknown page size 'B5-JIS' (A4, A5, Letter or Legal)\n")
BAD(bad_orientation, V1 "page: {orientation: landscap}\nbody: [cover]\n",
    "t.yaml:2:21: error: unknown orientation 'landscap'; did you mean 'landscape'?\n")
BAD(margin_not_number, V1 "page: {margin_mm: 18mm}\nbody: [cover]\n",
    "t.yaml:2:19: error: 'page.margin_mm' expects a number, got \"18mm\"\n")
BAD(margin_negative, V1 "page:\n  margin_mm: {top: 5, left: -1}\nbody: [cover]\n",
    "t.yaml:3:29: error: 'page.margin_mm.left' must not be negative\n")
BAD(margin_side_unknown, V1 "page:\n  margin_mm: {top: 5, lft: 1}\nbody: [cover]\n",
    "t.yaml:3:23: error: unknown key 'lft' (did you mean 'left'?)\n")
BAD(margin_no_room, V1 "page: {size: A5, orientation: landscape, margin_mm: {top: 50, bottom: 50}}\n"
                    "body: [cover]\n",
    "t.yaml:2:53: error: margins leave less than 50 mm of the A5 landscape page for content\n")

BAD(page_null, V1 "page:\nbody: cover\n",
    "t.yaml:2:6: error: page must be a mapping, not nothing\n"
    "t.yaml:3:7: error: 'body' expects a list of blocks, not a scalar\n")

/* ---- fonts, palette, formats, xlsx ---- */
BAD(font_empty, V1 "fonts: {body: \"\"}\nbody: [cover]\n",
    "t.yaml:2:15: error: 'fonts.body' expects a text, got an empty string\n")
BAD(palette_bad_colour, V1 "palette: [\"#1f4e79\", red, \"#12345\"]\nbody: [cover]\n",
    "t.yaml:2:22: error: palette colour 'red' is not of the form \"#rrggbb\"\n"
    "t.yaml:2:27: error: palette colour '#12345' is not of the form \"#rrggbb\"\n")
BAD(palette_empty, V1 "palette: []\nbody: [cover]\n",
    "t.yaml:2:10: error: palette needs at least one colour\n")
BAD(format_bad_name, V1 "formats: [pdf, ../x]\nbody: [cover]\n",
    "t.yaml:2:16: error: format '../x' is not a plugin name ([a-z0-9][a-z0-9_-]*)\n")
BAD(format_twice, V1 "formats: [pdf, xlsx, pdf]\nbody: [cover]\n",
    "t.yaml:2:22: error: format 'pdf' is listed twice\n")
/* A plugin section keeps scalars as written (options.c types them), but
 * its keys are checked like any mapping's. */
BAD(section_shapes, V1 "xlsx: {charts: yes, charts: no, summary_sheet: {a: 1}}\n"
                       "pdf: {standard: [ua-1, [a-2b]]}\nxlsx: {}\nbody: [cover]\n",
    "t.yaml:2:21: error: duplicate key 'charts' (first at line 2, column 8)\n"
    "t.yaml:2:48: error: 'xlsx.summary_sheet' expects a value or a list of values, not a mapping\n"
    "t.yaml:3:24: error: 'pdf.standard' expects a list of values, not a list\n"
    "t.yaml:4:1: error: duplicate key 'xlsx' (first at line 2, column 1)\n")
/* A key near a template key is a typo, not a plugin section. */
BAD(section_or_typo, V1 "pag: {size: A4}\nbody: [cover]\n",
    "t.yaml:2:1: error: unknown key 'pag' (did you mean 'page'?)\n")

/* ---- blocks ---- */
BAD(unknown_block, V1 "body:\n  - cover\n  - sumary\n",
    "t.yaml:4:5: error: unknown block 'sumary'; did you mean 'summary'?\n")
BAD(unknown_keyed_block, V1 "body:\n  - chrt: {table: t}\n",
    "t.yaml:3:5: error: unknown block 'chrt'; did you mean 'chart'?\n")
BAD(block_needs_value, V1 "body:\n  - figures\n",
    "t.yaml:3:5: error: block 'figures' needs a value ('figures: ...')\n")
BAD(block_takes_no_value, V1 "body:\n  - cover: true\n",
    "t.yaml:3:5: error: block 'cover' takes no value; write '- cover'\n")
BAD(block_two_keys, V1 "body:\n  - chart:\n      table: t\n    type: bar\n",
    "t.yaml:5:5: error: a block has one key; start a new list item ('- ') or indent this "
    "key under 'chart'\n")
BAD(block_is_list, V1 "body:\n  - [cover]\n",
    "t.yaml:3:5: error: a block is a name ('- cover') or a one-key mapping "
    "('- heading: ...'), got a list\n")
BAD(sections_not_all, V1 "body:\n  - sections: [market]\n",
    "t.yaml:3:15: error: 'sections' expects 'all'; write 'section: ID' for a single one\n")
BAD(section_all, V1 "body:\n  - section: all\n",
    "t.yaml:3:14: error: 'section' names one id; write 'sections: all' for every one\n")
BAD(figures_not_list, V1 "body:\n  - figures: some\n",
    "t.yaml:3:14: error: 'figures' expects 'all' or a list of figure ids\n")
BAD(figure_twice, V1 "body:\n  - figures: [a, b, a]\n",
    "t.yaml:3:21: error: 'a' is listed twice in figures\n")
BAD(heading_empty, V1 "body:\n  - heading: ''\n",
    "t.yaml:3:14: error: 'heading' expects a text, got an empty string\n")
BAD(table_without_id, V1 "body:\n  - table: {}\n",
    "t.yaml:3:12: error: table needs 'table: ID', the table to show\n")

/* ---- charts ---- */
BAD(chart_without_table, V1 "body:\n  - chart: {type: bar}\n",
    "t.yaml:3:12: error: chart needs 'table: ID', the table it draws\n")
BAD(chart_unknown_key, V1 "body:\n  - chart: {table: t, stacke: true}\n",
    "t.yaml:3:23: error: unknown key 'stacke' (did you mean 'stacked'?)\n")
BAD(chart_unknown_type, V1 "body:\n  - chart: {table: t, type: pi}\n",
    "t.yaml:3:29: error: unknown chart type 'pi'; did you mean 'pie'?\n")
BAD(chart_options_for_other_types,
    V1 "body:\n"
       "  - chart: {table: t, type: line, stacked: true, horizontal: true}\n"
       "  - chart: {table: t, donut: true, stacked: false}\n",
    "t.yaml:3:44: error: 'stacked' applies to bar and area charts only, not to a line chart\n"
    "t.yaml:3:62: error: 'horizontal' applies to bar charts only, not to a line chart\n"
    "t.yaml:4:30: error: 'donut' applies to pie charts only, not to a bar chart\n")
BAD(pie_two_y, V1 "body:\n  - chart: {table: t, type: pie, y: [a, b]}\n",
    "t.yaml:3:37: error: a pie chart takes exactly one y column, got 2\n")
BAD(chart_y_empty, V1 "body:\n  - chart: {table: t, y: []}\n",
    "t.yaml:3:26: error: 'chart.y' expects at least one column id\n")

/* All errors of a file are reported in one run. */
BAD(many_errors, V1 "nmae: x\npage: {size: A3}\nbody:\n  - cover\n  - tables: some\n  - sourcs\n",
    "t.yaml:2:1: error: unknown key 'nmae' (did you mean 'name'?)\n"
    "t.yaml:3:14: error: unknown page size 'A3'; did you mean 'A4'?\n"
    "t.yaml:6:13: error: 'tables' expects 'all'; write 'table: ID' for a single one\n"
    "t.yaml:7:5: error: unknown block 'sourcs'; did you mean 'sources'?\n")

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_file),
        cmocka_unit_test(directory),
        cmocka_unit_test(empty_file),
        cmocka_unit_test(only_comments),
        cmocka_unit_test(syntax_error),
        cmocka_unit_test(invalid_utf8),
        cmocka_unit_test(invalid_utf8_after_bom),
        cmocka_unit_test(two_documents),
        cmocka_unit_test(duplicate_key),
        cmocka_unit_test(duplicate_nested_key),
        cmocka_unit_test(merge_key),
        cmocka_unit_test(root_is_list),
        cmocka_unit_test(alias_bomb),
        cmocka_unit_test(deep_nesting),
        cmocka_unit_test(scalar_rules),
        cmocka_unit_test(missing_version),
        cmocka_unit_test(version_two),
        cmocka_unit_test(version_quoted),
        cmocka_unit_test(missing_body),
        cmocka_unit_test(empty_body),
        cmocka_unit_test(unknown_key),
        cmocka_unit_test(name_not_string),
        cmocka_unit_test(unknown_page_key),
        cmocka_unit_test(bad_page_size),
        cmocka_unit_test(unknown_page_size),
        cmocka_unit_test(bad_orientation),
        cmocka_unit_test(margin_not_number),
        cmocka_unit_test(margin_negative),
        cmocka_unit_test(margin_side_unknown),
        cmocka_unit_test(margin_no_room),
        cmocka_unit_test(page_null),
        cmocka_unit_test(font_empty),
        cmocka_unit_test(palette_bad_colour),
        cmocka_unit_test(palette_empty),
        cmocka_unit_test(format_bad_name),
        cmocka_unit_test(format_twice),
        cmocka_unit_test(section_shapes),
        cmocka_unit_test(section_or_typo),
        cmocka_unit_test(unknown_block),
        cmocka_unit_test(unknown_keyed_block),
        cmocka_unit_test(block_needs_value),
        cmocka_unit_test(block_takes_no_value),
        cmocka_unit_test(block_two_keys),
        cmocka_unit_test(block_is_list),
        cmocka_unit_test(sections_not_all),
        cmocka_unit_test(section_all),
        cmocka_unit_test(figures_not_list),
        cmocka_unit_test(figure_twice),
        cmocka_unit_test(heading_empty),
        cmocka_unit_test(table_without_id),
        cmocka_unit_test(chart_without_table),
        cmocka_unit_test(chart_unknown_key),
        cmocka_unit_test(chart_unknown_type),
        cmocka_unit_test(chart_options_for_other_types),
        cmocka_unit_test(pie_two_y),
        cmocka_unit_test(chart_y_empty),
        cmocka_unit_test(many_errors),
    };
    return cmocka_run_group_tests(tests, tpl_setup, tpl_teardown);
}
