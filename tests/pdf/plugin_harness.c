/* Drives quire-pdf.so directly with a hand-made dataset and a fake host, for
 * what the real program cannot reach: a broken font file, an empty
 * dataset under every block kind, margins that leave no room, an output
 * path that cannot be written.
 *
 * usage: plugin_harness PLUGIN.so WORKDIR */
#include <dlfcn.h>
#include <fontconfig/fontconfig.h>
#include <math.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <quire/quire-plugin.h>

static const char *font_file = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";
static int failures;

static void fake_diag(const quire_job *job, quire_severity s, const char *code,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "diag %s: ", code ? code : "-");
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int fake_progress(const quire_job *job, double f) { return 0; }

static quire_status fake_find_font(const quire_job *job, const char *pattern, char *path,
                                   size_t size, int *index)
{
    snprintf(path, size, "%s", font_file);
    *index = 0;
    return QUIRE_OK;
}

static size_t fake_expand(const quire_job *job, const char *pattern, int page, int pages,
                          char *out, size_t size)
{
    return (size_t)snprintf(out, size, "%s %d/%d", pattern, page, pages);
}

static int reports; /* errors reported through host->report */
static long report_line;

static void fake_report(const quire_job *job, quire_severity s, const quire_pos *at,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "report %s:%ld: ", at && at->file ? at->file : "-", at ? at->line : 0);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    reports += s == QUIRE_ERROR;
    report_line = at ? at->line : 0;
}

static const quire_host host = {sizeof(quire_host), QUIRE_ABI_VERSION, fake_diag,
                                fake_progress, fake_find_font, fake_expand, NULL,
                                fake_report};
/* An ABI 1 host: no report member. */
static const quire_host old_host = {.struct_size = offsetof(quire_host, report),
                                    .abi_version = 1, .diag = fake_diag,
                                    .progress = fake_progress, .find_font = fake_find_font,
                                    .expand = fake_expand};

static void expect(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "FAIL: %s\n", what);
        failures++;
    }
}

/* Every block kind, with nothing in the dataset for them. */
static const quire_block all_blocks[] = {
    {.kind = QUIRE_BLOCK_COVER},     {.kind = QUIRE_BLOCK_CONTENTS},
    {.kind = QUIRE_BLOCK_HEADING, .text = "Heading"},
    {.kind = QUIRE_BLOCK_FIGURES},   {.kind = QUIRE_BLOCK_SUMMARY},
    {.kind = QUIRE_BLOCK_PAGE_BREAK}, {.kind = QUIRE_BLOCK_PAGE_BREAK},
    {.kind = QUIRE_BLOCK_SOURCES},
};

/* Extreme but valid content: long words and headings, wide and empty
 * tables, huge and negative numbers, sources with nothing but an id. */
static quire_status export_stress(const quire_plugin *p, const char *out, char *err,
                                  size_t err_size)
{
    static char word[3001], heading[2001];
    memset(word, 'W', sizeof word - 1);
    for (size_t i = 0; i + 3 < sizeof heading; i += 3)
        memcpy(heading + i, i % 30 == 0 ? "가 " : "가나", 3);
    static const char *const paras[] = {word, "", "  ", "a\nb\n\nc", heading};
    static double nums[3] = {1e300, -123456.789, NAN};
    static const unsigned char decs[3] = {0, 3, 0};
    static const char *const texts[3] = {"x", NULL, word};
    quire_column cols[20];
    for (size_t i = 0; i < 20; i++)
        cols[i] = (quire_column){.id = "c", .label = i ? heading : "L", .type = i ? QUIRE_NUMBER : QUIRE_TEXT,
                                 .scale = 1, .numbers = i ? nums : NULL,
                                 .decimals = i ? decs : NULL, .texts = i ? NULL : texts};
    static const char *const src_ids[] = {"s"};
    quire_table tables[2] = {
        {.id = "wide", .title = heading, .description = word, .sources = {src_ids, 1},
         .columns = cols, .n_columns = 20, .n_rows = 3},
        {.id = "empty", .title = "", .columns = cols, .n_columns = 1, .n_rows = 0},
    };
    quire_figure figs[2] = {
        {.id = "f1", .label = heading, .value = -1e300, .unit = word, .has_change = 1,
         .change_value = -0.0, .change_unit = "%", .sources = {src_ids, 1}, .note = word},
        {.id = "f2", .label = "", .value = 0},
    };
    const quire_figure *fig_ptrs[2] = {&figs[0], &figs[1]};
    quire_section sec = {.id = "s", .heading = heading, .paragraphs = {paras, 5}};
    quire_source src = {.id = "s"};
    quire_dataset ds = {.struct_size = sizeof ds, .id = "stress", .title = heading,
                        .subtitle = word, .language = "ko", .timestamp = 0,
                        .summary = {paras, 5}, .figures = figs, .n_figures = 2,
                        .tables = tables, .n_tables = 2, .sections = &sec, .n_sections = 1,
                        .sources = &src, .n_sources = 1};
    quire_block blocks[] = {
        {.kind = QUIRE_BLOCK_COVER}, {.kind = QUIRE_BLOCK_CONTENTS},
        {.kind = QUIRE_BLOCK_HEADING, .text = heading},
        {.kind = QUIRE_BLOCK_FIGURES, .figures = fig_ptrs, .n_figures = 2},
        {.kind = QUIRE_BLOCK_SUMMARY}, {.kind = QUIRE_BLOCK_SECTION, .section = &sec},
        {.kind = QUIRE_BLOCK_TABLE, .table = &tables[0]},
        {.kind = QUIRE_BLOCK_TABLE, .table = &tables[1]},
        {.kind = QUIRE_BLOCK_SOURCES},
    };
    quire_template t = {.struct_size = sizeof t, .name = "stress", .page_size = "A4",
                        .page_width_pt = 595.28, .page_height_pt = 841.89,
                        .margin_pt = {50, 50, 50, 50}, .header = heading, .footer = word,
                        .blocks = blocks, .n_blocks = sizeof blocks / sizeof blocks[0]};
    quire_job job = {.struct_size = sizeof job, .dataset = &ds, .tmpl = &t, .output_path = out, .final_path = out, .host = &host};
    return p->export_fn(&job, err, err_size);
}

static quire_status export_with(const quire_plugin *p, const quire_template *t,
                                const char *out, char *err, size_t err_size)
{
    quire_dataset ds = {.struct_size = sizeof ds, .path = "harness.yaml", .id = "harness",
                        .title = "Harness", .language = "en", .timestamp = -1};
    quire_job job = {.struct_size = sizeof job, .dataset = &ds, .tmpl = t, .output_path = out, .final_path = out, .host = &host};
    err[0] = '\0';
    return p->export_fn(&job, err, err_size);
}

/* check(): fonts and images, reported at their place. */
static void check_cases(const quire_plugin *p, const char *workdir)
{
    char err[256], png[1024];
    expect(p->check_fn != NULL, "check() declared");
    if (!p->check_fn)
        return;
    quire_image im = {.id = "map", .path = png, .format = QUIRE_IMAGE_PNG,
                      .width_px = 1, .height_px = 1, .at = {"harness.yaml", 7, 11}};
    snprintf(png, sizeof png, "%s/not-a.png", workdir);
    FILE *f = fopen(png, "wb");
    fputs("this is no PNG", f);
    fclose(f);
    quire_dataset ds = {.struct_size = sizeof ds, .path = "harness.yaml", .id = "harness",
                        .title = "Harness", .language = "en", .timestamp = -1};
    quire_template t = {.struct_size = sizeof t, .name = "harness",
                        .page_width_pt = 419.53, .page_height_pt = 595.28,
                        .margin_pt = {40, 40, 40, 40}, .fonts_at = {"t.yaml", 3, 1}};
    quire_job job = {.struct_size = sizeof job, .dataset = &ds, .tmpl = &t, .host = &host};

    reports = 0;
    expect(p->check_fn(&job, err, sizeof err) == QUIRE_OK && !reports, "check passes");
    ds.images = &im;
    ds.n_images = 1;
    reports = 0;
    expect(p->check_fn(&job, err, sizeof err) == QUIRE_ERR_INPUT && reports == 1 &&
               report_line == 7, "a corrupt image is reported at its file: key");
    ds.n_images = 0;
    font_file = png; /* not a font */
    reports = 0;
    expect(p->check_fn(&job, err, sizeof err) == QUIRE_ERR_INPUT && reports == 2 &&
               report_line == 3, "an unusable font is reported at fonts:");
    job.host = &old_host;
    expect(p->check_fn(&job, err, sizeof err) == QUIRE_ERR_INPUT, "check without report()");
    font_file = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";
}

static int file_starts_with_pdf(const char *path)
{
    char head[5] = {0};
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    size_t n = fread(head, 1, 4, f);
    fclose(f);
    return n == 4 && !memcmp(head, "%PDF", 4);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s PLUGIN.so WORKDIR\n", argv[0]);
        return 2;
    }
    void *so = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    const quire_plugin *(*entry)(void) = so ? (const quire_plugin *(*)(void))dlsym(so, QUIRE_PLUGIN_ENTRY_NAME) : NULL;
    if (!entry) {
        fprintf(stderr, "cannot load %s: %s\n", argv[1], dlerror());
        return 2;
    }
    const quire_plugin *p = entry();
    expect(p->abi_version == QUIRE_ABI_VERSION && !strcmp(p->extension, "pdf"), "descriptor");

    char out[1024], cff[1024], err[256];
    snprintf(out, sizeof out, "%s/harness.pdf", argv[2]);
    snprintf(cff, sizeof cff, "%s/fake.otf", argv[2]);
    quire_template t = {.struct_size = sizeof t, .name = "harness", .page_size = "A5",
                        .page_width_pt = 419.53, .page_height_pt = 595.28,
                        .margin_pt = {40, 40, 40, 40}, .header = "{title}",
                        .footer = "{page}", .blocks = all_blocks,
                        .n_blocks = sizeof all_blocks / sizeof all_blocks[0]};

    remove(out);
    expect(export_with(p, &t, out, err, sizeof err) == QUIRE_OK, "empty dataset renders");
    expect(file_starts_with_pdf(out), "empty dataset gives a PDF");

    char stress[1024];
    snprintf(stress, sizeof stress, "%s/stress.pdf", argv[2]);
    remove(stress);
    expect(export_stress(p, stress, err, sizeof err) == QUIRE_OK, "extreme content renders");
    expect(file_starts_with_pdf(stress), "extreme content gives a PDF");
    fprintf(stderr, "stress: %s\n", err);

    FILE *f = fopen(cff, "wb");
    fputs("OTTO\0\0\0\0", f);
    fclose(f);
    font_file = cff;
    remove(out);
    /* a real CFF font is embedded (tests/text); a broken one is refused */
    expect(export_with(p, &t, out, err, sizeof err) == QUIRE_ERR_INPUT, "broken font refused");
    expect(strstr(err, "fake.otf") != NULL, "font error names the font");
    fprintf(stderr, "broken font: %s\n", err);
    expect(!file_starts_with_pdf(out), "no output after a font error");
    font_file = "/usr/share/fonts/truetype/nanum/NanumGothic.ttf";

    t.margin_pt[1] = t.margin_pt[3] = 200;
    expect(export_with(p, &t, out, err, sizeof err) == QUIRE_ERR_INPUT, "no room refused");
    fprintf(stderr, "margins: %s\n", err);
    t.margin_pt[1] = t.margin_pt[3] = 40;

    expect(export_with(p, &t, "/nonexistent-dir/x.pdf", err, sizeof err) == QUIRE_ERR_EXPORT,
           "unwritable output is an export error");
    fprintf(stderr, "write: %s\n", err);
    check_cases(p, argv[2]);
    dlclose(so);
    FcFini(); /* fontconfig's own state, which the plugin's font fallback started, as quire does */
    return failures ? 1 : 0;
}
