/* test_template_read.c — good templates: page, margins, fonts, palette,
 * header/footer, formats, xlsx options and their defaults. */
#include "tpl_test.h"

#include "options.h"

#include <stdlib.h>
#include <string.h>

#define MIN_BODY "body: [cover]\n"

/* Parses and binds text to the minimal dataset; must succeed. */
static quire_template *bind_ok(const char *text, template_src **src)
{
    char *msgs;
    quire_template *q = tpl_bind(text, tpl_minimal(), src, &msgs);
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

static void defaults(void **state)
{
    template_src *src;
    quire_template *q = bind_ok("quire-template: 1\n" MIN_BODY, &src);
    assert_int_equal(q->struct_size, sizeof(quire_template));
    assert_string_equal(q->path, "t.yaml");
    assert_string_equal(q->name, "t");
    assert_string_equal(q->page_size, "A4");
    assert_int_equal(q->landscape, 0);
    assert_near(q->page_width_pt, 595.276);
    assert_near(q->page_height_pt, 841.89);
    for (int i = 0; i < 4; i++)
        assert_near(q->margin_pt[i], 18 * 72 / 25.4);
    assert_string_equal(q->font_body, "NanumGothic");
    assert_string_equal(q->font_bold, "NanumGothic:bold");
    static const uint32_t palette[] = {0x1f4e79, 0xe07b39, 0x5b9a68, 0xc0504d, 0x8064a2, 0x4bacc6};
    assert_int_equal(q->n_palette, 6);
    assert_memory_equal(q->palette, palette, sizeof palette);
    assert_null(q->header);
    assert_null(q->footer);
    assert_int_equal(q->formats.count, 0);
    assert_int_equal(q->n_blocks, 1);
    assert_int_equal(q->blocks[0].kind, QUIRE_BLOCK_COVER);
    done(q, src);
}

static void page_sizes(void **state)
{
    static const struct {
        const char *yaml, *name;
        double w, h;
    } cases[] = {
        {"page: {size: A4}\n", "A4", 595.276, 841.89},
        {"page: {size: A5}\n", "A5", 419.528, 595.276},
        {"page: {size: Letter}\n", "Letter", 612, 792},
        {"page: {size: Legal, orientation: portrait}\n", "Legal", 612, 1008},
        {"page: {size: Legal, orientation: landscape}\n", "Legal", 1008, 612},
        {"page: {orientation: landscape, size: A5}\n", "A5", 595.276, 419.528},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[256];
        snprintf(text, sizeof text, "quire-template: 1\n%s" MIN_BODY, cases[i].yaml);
        template_src *src;
        quire_template *q = bind_ok(text, &src);
        assert_string_equal(q->page_size, cases[i].name);
        assert_int_equal(q->landscape, cases[i].w > cases[i].h);
        assert_near(q->page_width_pt, cases[i].w);
        assert_near(q->page_height_pt, cases[i].h);
        done(q, src);
    }
}

static void margin_number(void **state)
{
    template_src *src;
    quire_template *q = bind_ok("quire-template: 1\npage: {margin_mm: 25.4}\n" MIN_BODY, &src);
    for (int i = 0; i < 4; i++)
        assert_near(q->margin_pt[i], 72);
    done(q, src);
}

static void margin_sides(void **state)
{
    template_src *src;
    /* A side not given keeps the default 18 mm. */
    quire_template *q = bind_ok("quire-template: 1\n"
                                "page:\n  margin_mm: {top: 10, right: 0, left: 25.4}\n" MIN_BODY,
                                &src);
    assert_near(q->margin_pt[0], 10 * 72 / 25.4);
    assert_near(q->margin_pt[1], 0);
    assert_near(q->margin_pt[2], 18 * 72 / 25.4);
    assert_near(q->margin_pt[3], 72);
    done(q, src);
}

static void everything_given(void **state)
{
    template_src *src;
    quire_template *q = bind_ok(
        "quire-template: 1\n"
        "name: brief\n"
        "fonts: {body: DejaVu Sans, bold: \"DejaVu Sans:bold\"}\n"
        "palette: [\"#000000\", \"#FFfF00\", '#0a0B0c']\n"
        "header: \"{title} — {subtitle}\"\n"
        "footer: \"{page} / {pages}\"\n"
        "formats: [pdf, xlsx, csv]\n"
        "xlsx: {summary_sheet: false, charts: False}\n" MIN_BODY,
        &src);
    assert_string_equal(q->name, "brief");
    assert_string_equal(q->font_body, "DejaVu Sans");
    assert_string_equal(q->font_bold, "DejaVu Sans:bold");
    assert_int_equal(q->n_palette, 3);
    assert_int_equal(q->palette[0], 0x000000);
    assert_int_equal(q->palette[1], 0xffff00);
    assert_int_equal(q->palette[2], 0x0a0b0c);
    assert_string_equal(q->header, "{title} — {subtitle}");
    assert_string_equal(q->footer, "{page} / {pages}");
    assert_int_equal(q->formats.count, 3);
    assert_string_equal(q->formats.items[0], "pdf");
    assert_string_equal(q->formats.items[2], "csv");
    quire_strings f = template_formats(src);
    assert_int_equal(f.count, 3);
    assert_string_equal(f.items[1], "xlsx");
    /* xlsx: is the xlsx plugin's section, kept as written for options.c */
    const template_section *x = template_plugin_section(src, "xlsx");
    assert_non_null(x);
    assert_int_equal(template_n_sections(src), 1);
    assert_ptr_equal(template_section_at(src, 0), x);
    assert_string_equal(x->name, "xlsx");
    assert_int_equal(x->at.line, 8);
    assert_int_equal(x->n_settings, 2);
    assert_string_equal(x->settings[0].key, "summary_sheet");
    assert_int_equal(x->settings[0].n_values, 1);
    assert_string_equal(x->settings[0].values[0], "false");
    assert_string_equal(x->settings[1].key, "charts");
    assert_string_equal(x->settings[1].values[0], "False");
    assert_int_equal(x->settings[1].at.line, 8);
    assert_int_equal(x->settings[1].at.col, 30);
    assert_null(template_plugin_section(src, "pdf"));
    done(q, src);
}

static void one_format_as_scalar(void **state)
{
    template_src *src;
    quire_template *q = bind_ok("quire-template: 1\nformats: pdf\nheader: ~\n" MIN_BODY, &src);
    assert_int_equal(q->formats.count, 1);
    assert_string_equal(q->formats.items[0], "pdf");
    assert_null(q->header);
    done(q, src);
}

/* A UTF-8 byte order mark and CRLF line ends are accepted. */
static void bom_and_crlf(void **state)
{
    template_src *src;
    quire_template *q = bind_ok("\xEF\xBB\xBFquire-template: 1\r\nname: crlf\r\n"
                                "body:\r\n  - cover\r\n  - heading: 개요\r\n", &src);
    assert_string_equal(q->name, "crlf");
    assert_int_equal(q->n_blocks, 2);
    assert_string_equal(q->blocks[1].text, "개요");
    done(q, src);
}

/* Anchors and aliases are plain YAML and allowed. */
static void aliases(void **state)
{
    template_src *src;
    quire_template *q = bind_ok("quire-template: 1\n"
                                "header: &h \"{title}\"\n"
                                "footer: *h\n"
                                "body: [&c cover, *c]\n", &src);
    assert_string_equal(q->footer, "{title}");
    assert_int_equal(q->n_blocks, 2);
    assert_int_equal(q->blocks[1].kind, QUIRE_BLOCK_COVER);
    done(q, src);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(defaults),
        cmocka_unit_test(page_sizes),
        cmocka_unit_test(margin_number),
        cmocka_unit_test(margin_sides),
        cmocka_unit_test(everything_given),
        cmocka_unit_test(one_format_as_scalar),
        cmocka_unit_test(bom_and_crlf),
        cmocka_unit_test(aliases),
    };
    return cmocka_run_group_tests(tests, tpl_setup, tpl_teardown);
}
