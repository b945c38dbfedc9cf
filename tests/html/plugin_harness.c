/* Drives quire-html.so directly with hand-made jobs and a fake host, for
 * what the real program cannot reach or cannot show: HTML's special and
 * forbidden characters in every kind of text, URLs that must be encoded,
 * links to things the page does not show, a note referred to twice,
 * every block kind over an empty dataset, ^C, an output that cannot be
 * written, and check() on an image that cannot be read.
 *
 * usage: plugin_harness PLUGIN.so WORKDIR */
#include <dlfcn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <quire/quire-plugin.h>

static int failures, reports, stop_at_progress;
static long report_line;

static void fake_diag(const quire_job *job, quire_severity s, const char *code,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static int fake_progress(const quire_job *job, double f)
{
    return stop_at_progress;
}

static quire_status fake_find_font(const quire_job *job, const char *pattern, char *path,
                                   size_t size, int *index)
{
    return QUIRE_ERR_INPUT;
}

static size_t fake_expand(const quire_job *job, const char *pattern, int page, int pages,
                          char *out, size_t size)
{
    return (size_t)snprintf(out, size, "%s", pattern);
}

static void fake_report(const quire_job *job, quire_severity s, const quire_pos *at,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "report line %ld: ", at ? at->line : 0);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
    reports += s == QUIRE_ERROR;
    report_line = at ? at->line : 0;
}

static const quire_host host = {sizeof(quire_host), QUIRE_ABI_VERSION, fake_diag,
                                fake_progress, fake_find_font, fake_expand, NULL,
                                fake_report};

static void expect(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "FAIL: %s\n", what);
        failures++;
    }
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n)
        n = 0;
    if (s)
        s[n] = '\0';
    fclose(f);
    return s;
}

static int has(const char *page, const char *what)
{
    return page && strstr(page, what) != NULL;
}

/* The hostile brief: special characters everywhere, links of every kind. */
#define NASTY "<script>alert(1)</script> & \"q\" 'a' \x01\xEF\xBF\xBE end"

static quire_status export_nasty(const quire_plugin *p, const char *out)
{
    static const quire_run summary_runs[] = {
        {"bold <b>", QUIRE_RUN_STRONG, QUIRE_TARGET_NONE, NULL, 0},
        {" see ", 0, QUIRE_TARGET_NONE, NULL, 0},
        {"shown", QUIRE_RUN_EMPHASIS, QUIRE_TARGET_TABLE, "shown", 0},
        {" and ", 0, QUIRE_TARGET_NONE, NULL, 0},
        {"hidden", 0, QUIRE_TARGET_TABLE, "hidden", 0},
        {" and ", 0, QUIRE_TARGET_NONE, NULL, 0},
        {"the web", 0, QUIRE_TARGET_URL, "https://example.org/a b?x=\"1\"&y=<2>", 0},
        {"1", 0, QUIRE_TARGET_NONE, NULL, 1},
        {" again", 0, QUIRE_TARGET_NONE, NULL, 0},
        {"1", 0, QUIRE_TARGET_NONE, NULL, 1},
    };
    static const quire_para paras[] = {
        {QUIRE_PARA_TEXT, {"bold see shown and hidden and the web again", summary_runs,
                           sizeof summary_runs / sizeof summary_runs[0], sizeof(quire_run)},
         NULL, 0, 0}};
    static const char *const plain[] = {"bold see shown"};
    static const quire_run note_runs[] = {{"note <text>", 0, QUIRE_TARGET_NONE, NULL, 0}};
    static const quire_footnote notes[] = {
        {"n1", 1, {"note <text>", note_runs, 1, sizeof(quire_run)}, {NULL, 0, 0}}};
    static const char *const texts[] = {NASTY, NULL};
    static const double nums[] = {1234.5, 0.0 / 0.0};
    static const unsigned char decs[] = {1, 0};
    static const quire_column cols[] = {
        {.id = "name", .label = "Name <1>", .type = QUIRE_TEXT, .scale = 1, .texts = texts},
        {.id = "v", .label = "V", .type = QUIRE_NUMBER, .scale = 1, .numbers = nums,
         .decimals = decs}};
    static const quire_table tables[] = {
        {.id = "shown", .title = NASTY, .columns = cols, .n_columns = 2, .n_rows = 2,
         .column_size = sizeof(quire_column)},
        {.id = "hidden", .title = "Hidden", .columns = cols, .n_columns = 2, .n_rows = 2,
         .column_size = sizeof(quire_column)}};
    static const quire_source sources[] = {
        {.id = "s", .title = NASTY, .url = "https://example.org/?q=\"x\"", .day = QUIRE_NO_DAY}};
    quire_dataset ds = {.struct_size = sizeof ds, .id = "nasty", .title = NASTY,
                        .subtitle = NASTY, .language = "en\"x", .author = NASTY,
                        .summary = {plain, 1}, .tables = tables, .n_tables = 2,
                        .sources = sources, .n_sources = 1,
                        .figure_size = sizeof(quire_figure), .table_size = sizeof(quire_table),
                        .section_size = sizeof(quire_section), .source_size = sizeof(quire_source),
                        .param_size = sizeof(quire_param),
                        .summary_text = {paras, 1, sizeof(quire_para)},
                        .footnotes = notes, .n_footnotes = 1,
                        .footnote_size = sizeof(quire_footnote), .image_size = sizeof(quire_image)};
    quire_block blocks[] = {
        {.kind = QUIRE_BLOCK_COVER}, {.kind = QUIRE_BLOCK_CONTENTS},
        {.kind = QUIRE_BLOCK_HEADING, .text = NASTY}, {.kind = QUIRE_BLOCK_SUMMARY},
        {.kind = QUIRE_BLOCK_TABLE, .table = &tables[0]},
        {.kind = QUIRE_BLOCK_TABLE, .table = &tables[0]}, {.kind = QUIRE_BLOCK_SOURCES}};
    static const uint32_t palette[] = {0xFFFF00};
    quire_template tp = {.struct_size = sizeof tp, .page_size = "A4", .page_width_pt = 595.276,
                         .page_height_pt = 841.89, .margin_pt = {50, 50, 50, 50},
                         .font_body = "Body\";}</style><script>", .palette = palette,
                         .n_palette = 1, .blocks = blocks,
                         .n_blocks = sizeof blocks / sizeof blocks[0],
                         .block_size = sizeof(quire_block)};
    quire_job job = {.struct_size = sizeof job, .dataset = &ds, .tmpl = &tp,
                     .output_path = out, .final_path = out, .host = &host};
    char err[256] = "";
    return p->export_fn(&job, err, sizeof err);
}

static void nasty(const quire_plugin *p, const char *dir)
{
    char out[4096];
    snprintf(out, sizeof out, "%s/nasty.html", dir);
    expect(export_nasty(p, out) == QUIRE_OK, "the hostile brief exports");
    char *page = slurp(out);
    expect(page != NULL, "the hostile brief's page is written");
    expect(!has(page, "<script>") && !has(page, "<b>") && !has(page, "<text>"),
           "no markup of the dataset's text gets through");
    expect(has(page, "&lt;script&gt;alert(1)&lt;/script&gt; &amp;"), "text is escaped");
    /* this host finds no font: the page falls back to naming the families */
    expect(!has(page, "@font-face") && has(page, "--font:\"Body"),
           "no font found: no @font-face, the template's family first");
    expect(has(page, "lang=\"en&quot;x\""), "attributes are escaped");
    expect(!has(page, "\x01") && !has(page, "\xEF\xBF\xBE"),
           "characters HTML forbids are replaced");
    expect(has(page, "<a href=\"#table-shown\"><em>shown</em></a>"), "a link to a shown table");
    expect(!has(page, "#table-hidden"), "no link to a table the page does not show");
    expect(has(page, "href=\"https://example.org/a%20b?x=%221%22&amp;y=%3C2%3E\""),
           "a URL is percent-encoded where it must be");
    expect(has(page, "id=\"fnref-1\"") && has(page, "id=\"fnref-1-2\"") &&
               has(page, "href=\"#fnref-1\"") && has(page, "href=\"#fnref-1-2\""),
           "a note referred to twice links back to both references");
    const char *first = strstr(page, "id=\"table-shown\"");
    expect(first && !strstr(first + 1, "id=\"table-shown\""), "a table shown twice has its id once");
    expect(has(page, "data-value=\"1234.5\">1,234.5<"), "numbers are formatted, raw in data-value");
    expect(has(page, "class=\"num null\" data-value=\"\">–<"), "a missing number is a dash");
    expect(!has(page, "Body\";}"), "a font name cannot end the style sheet");
    size_t n = page ? strlen(page) : 0;
    expect(n > 8 && !strcmp(page + n - 8, "</html>\n"), "the page is whole");
    free(page);
}

static void empty_blocks(const quire_plugin *p, const char *dir)
{
    static const quire_block blocks[] = {
        {.kind = QUIRE_BLOCK_CONTENTS}, {.kind = QUIRE_BLOCK_HEADING, .text = "H"},
        {.kind = QUIRE_BLOCK_FIGURES},  {.kind = QUIRE_BLOCK_SUMMARY},
        {.kind = QUIRE_BLOCK_PAGE_BREAK}, {.kind = QUIRE_BLOCK_SOURCES}};
    quire_dataset ds = {.struct_size = sizeof ds, .id = "empty", .title = "Empty"};
    quire_template tp = {.struct_size = sizeof tp, .blocks = blocks, .n_blocks = 6,
                         .block_size = sizeof(quire_block)};
    char out[4096], err[256] = "";
    snprintf(out, sizeof out, "%s/empty.html", dir);
    quire_job job = {.struct_size = sizeof job, .dataset = &ds, .tmpl = &tp, .output_path = out,
                     .final_path = out, .host = &host};
    expect(p->export_fn(&job, err, sizeof err) == QUIRE_OK, "every block over nothing exports");
    char *page = slurp(out);
    expect(has(page, "<header class=\"bare\">\n<h1>Empty</h1>"),
           "a template without a cover still has the title as h1");
    expect(!has(page, "<nav"), "no contents for one entry");
    expect(has(page, "<main id=\"main\">"), "a main landmark");
    free(page);

    stop_at_progress = 1;
    err[0] = '\0';
    expect(p->export_fn(&job, err, sizeof err) == QUIRE_ERR_CANCELLED && !strcmp(err, "interrupted"),
           "^C stops the export");
    stop_at_progress = 0;

    snprintf(out, sizeof out, "%s/no/such/dir/x.html", dir);
    err[0] = '\0';
    expect(p->export_fn(&job, err, sizeof err) == QUIRE_ERR_EXPORT && err[0],
           "an output that cannot be written is an export error with a message");
}

static void check_image(const quire_plugin *p, const char *dir)
{
    char path[4096], err[256] = "";
    snprintf(path, sizeof path, "%s/a-directory.png", dir);
    mkdir(path, 0755);
    quire_image im = {.id = "pic", .path = path, .format = QUIRE_IMAGE_PNG, .width_px = 8,
                      .height_px = 8, .alt = "x", .at = {"brief.yaml", 17, 5}};
    quire_dataset ds = {.struct_size = sizeof ds, .id = "img", .title = "Image",
                        .images = &im, .n_images = 1, .image_size = sizeof im};
    quire_template tp = {.struct_size = sizeof tp, .block_size = sizeof(quire_block)};
    quire_job job = {.struct_size = sizeof job, .dataset = &ds, .tmpl = &tp, .host = &host};
    reports = 0;
    expect(p->check_fn && p->check_fn(&job, err, sizeof err) == QUIRE_ERR_INPUT,
           "check() refuses an image it cannot read");
    expect(reports == 1 && report_line == 17, "... reported at the image's place");
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: plugin_harness PLUGIN.so WORKDIR\n");
        return 2;
    }
    void *so = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    if (!so) {
        fprintf(stderr, "%s\n", dlerror());
        return 1;
    }
    const quire_plugin *(*entry)(void) =
        (const quire_plugin *(*)(void))dlsym(so, QUIRE_PLUGIN_ENTRY_NAME);
    const quire_plugin *p = entry ? entry() : NULL;
    expect(p && p->abi_version == QUIRE_ABI_VERSION && !strcmp(p->name, "html") &&
               !strcmp(p->extension, "html"),
           "the descriptor names html");
    if (p) {
        nasty(p, argv[2]);
        empty_blocks(p, argv[2]);
        check_image(p, argv[2]);
    }
    dlclose(so);
    if (failures)
        fprintf(stderr, "%d failure(s)\n", failures);
    return failures ? 1 : 0;
}
