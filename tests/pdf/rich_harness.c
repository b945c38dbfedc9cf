/* Renders a hand-made ABI 2 view with markup runs, a bulleted list, links
 * (URL and internal), footnotes, a markup table cell, an image and a logo
 * through quire-pdf.so, for check_rich.py to read back: what the core
 * hands over once it parses markup, without depending on it.
 *
 * usage: rich_harness PLUGIN.so OUT.pdf PNG_PATH */
#include <dlfcn.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <quire/quire-plugin.h>

static void fake_diag(const quire_job *job, quire_severity s, const char *code,
                      const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

static quire_status fake_find_font(const quire_job *job, const char *pattern, char *path,
                                   size_t size, int *index)
{
    int bold = strstr(pattern, "bold") != NULL;
    snprintf(path, size, "/usr/share/fonts/truetype/nanum/NanumGothic%s.ttf", bold ? "Bold" : "");
    *index = 0;
    return QUIRE_OK;
}

static size_t fake_expand(const quire_job *job, const char *pattern, int page, int pages,
                          char *out, size_t size)
{
    return (size_t)snprintf(out, size, "%s %d/%d", pattern, page, pages);
}

static const quire_host host = {.struct_size = sizeof(quire_host),
                                .abi_version = QUIRE_ABI_VERSION, .diag = fake_diag,
                                .find_font = fake_find_font, .expand = fake_expand};

static const unsigned char png[] = {
    0x89,0x50,0x4e,0x47,0x0d,0x0a,0x1a,0x0a,0x00,0x00,0x00,0x0d,0x49,0x48,0x44,0x52,0x00,0x00,
    0x00,0x04,0x00,0x00,0x00,0x02,0x08,0x02,0x00,0x00,0x00,0xf0,0xca,0xea,0x34,0x00,0x00,0x00,
    0x10,0x49,0x44,0x41,0x54,0x78,0x9c,0x63,0x38,0x21,0x27,0x07,0x47,0x0c,0xc8,0x1c,0x00,0x6f,
    0x0a,0x08,0x21,0x06,0xa5,0xd2,0x76,0x00,0x00,0x00,0x00,0x49,0x45,0x4e,0x44,0xae,0x42,0x60,
    0x82};

#define N(a) (sizeof (a) / sizeof (a)[0])

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s PLUGIN.so OUT.pdf PNG_PATH\n", argv[0]);
        return 2;
    }
    FILE *f = fopen(argv[3], "wb");
    if (!f || fwrite(png, 1, sizeof png, f) != sizeof png || fclose(f))
        return 2;
    void *so = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    const quire_plugin *(*entry)(void) =
        so ? (const quire_plugin *(*)(void))dlsym(so, QUIRE_PLUGIN_ENTRY_NAME) : NULL;
    if (!entry) {
        fprintf(stderr, "cannot load %s\n", argv[1]);
        return 2;
    }
    static const char filler[] =
        "Filler text that fills the page so that the footnote has to sit at the foot of "
        "the very page that refers to it, above the footer and under its short rule.";
    quire_run para_runs[] = {
        {"Plain words, then ", 0, QUIRE_TARGET_NONE, NULL, 0},
        {"strong words", QUIRE_RUN_STRONG, QUIRE_TARGET_NONE, NULL, 0},
        {" and ", 0, QUIRE_TARGET_NONE, NULL, 0},
        {"slanted words", QUIRE_RUN_EMPHASIS, QUIRE_TARGET_NONE, NULL, 0},
        {", a ", 0, QUIRE_TARGET_NONE, NULL, 0},
        {"link to the report", 0, QUIRE_TARGET_URL, "https://example.org/report", 0},
        {", a ", 0, QUIRE_TARGET_NONE, NULL, 0},
        {"jump to the table", 0, QUIRE_TARGET_TABLE, "share", 0},
        {" and a note", 0, QUIRE_TARGET_NONE, NULL, 0},
        {"1", 0, QUIRE_TARGET_FOOTNOTE, "n1", 1},
        {".", 0, QUIRE_TARGET_NONE, NULL, 0},
    };
    quire_text items[] = {
        {"First item", (quire_run[]){{"First item", 0, QUIRE_TARGET_NONE, NULL, 0}}, 1, 0},
        {"Second item", (quire_run[]){{"Second ", 0, QUIRE_TARGET_NONE, NULL, 0},
                                      {"item", QUIRE_RUN_STRONG, QUIRE_TARGET_NONE, NULL, 0}},
         2, 0},
    };
    quire_para paras[8] = {
        {QUIRE_PARA_TEXT, {"rich", para_runs, N(para_runs), 0}, NULL, 0, 0},
        {QUIRE_PARA_LIST, {"First item\nSecond item", NULL, 0, 0}, items, N(items), 0},
    };
    for (size_t i = 2; i < N(paras); i++)
        paras[i] = (quire_para){QUIRE_PARA_TEXT, {filler, NULL, 0, 0}, NULL, 0, 0};
    /* the last paragraph refers to a note too long for the room left */
    quire_run long_ref[] = {{filler, 0, QUIRE_TARGET_NONE, NULL, 0},
                            {"2", 0, QUIRE_TARGET_FOOTNOTE, "n2", 2}};
    paras[N(paras) - 1].text = (quire_text){filler, long_ref, N(long_ref), 0};
    static char long_note[3200];
    size_t used = (size_t)snprintf(long_note, sizeof long_note, "Long note begins.");
    while (used + 60 < sizeof long_note)
        used += (size_t)snprintf(long_note + used, sizeof long_note - used,
                                 " Long note words that go on and on.");
    snprintf(long_note + used, sizeof long_note - used, " Long note ends.");
    static const char *const plain[] = {"rich", "list", filler, filler, filler, filler,
                                        filler, filler};
    quire_section sec = {.id = "s1", .heading = "Rich section", .paragraphs = {plain, 8},
                         .body = {paras, N(paras), 0}};
    quire_footnote notes[] = {
        {"n1", 1, {"Footnote one, set small at the foot.",
                   (quire_run[]){{"Footnote one, set small at the foot.", 0,
                                  QUIRE_TARGET_NONE, NULL, 0}}, 1, 0}},
        {"n2", 2, {long_note, NULL, 0, 0}},
    };
    static const char *const names[] = {"AWS", "Azure"};
    static const double shares[] = {31, 25};
    static const unsigned char decs[] = {0, 0};
    quire_text cells[] = {
        {"AWS", (quire_run[]){{"AWS", QUIRE_RUN_STRONG, QUIRE_TARGET_NONE, NULL, 0}}, 1, 0},
        {"Azure", (quire_run[]){{"Azure", 0, QUIRE_TARGET_URL, "https://azure.example", 0}},
         1, 0},
    };
    quire_column cols[] = {
        {.id = "p", .label = "Provider", .type = QUIRE_TEXT, .scale = 1, .texts = names,
         .markup = 1, .rich = cells},
        {.id = "s", .label = "Share", .type = QUIRE_PERCENT, .scale = 1, .numbers = shares,
         .decimals = decs},
    };
    quire_table table = {.id = "share", .title = "Market share", .columns = cols,
                         .n_columns = 2, .n_rows = 2};
    quire_source src = {.id = "src", .title = "Cloud report", .publisher = "Example Daily",
                        .url = "https://example.org/source"};
    static const char *const src_ids[] = {"src"};
    quire_image image = {.id = "map", .path = argv[3], .format = QUIRE_IMAGE_PNG,
                         .width_px = 4, .height_px = 2, .alt = "A red band",
                         .caption = {"A red band.", (quire_run[]){{"A red band.", 0,
                                     QUIRE_TARGET_NONE, NULL, 0}}, 1, 0},
                         .sources = {src_ids, 1}};
    quire_dataset ds = {.struct_size = sizeof ds, .id = "rich", .title = "Rich brief",
                        .language = "en", .timestamp = -1, .sections = &sec, .n_sections = 1,
                        .tables = &table, .n_tables = 1, .sources = &src, .n_sources = 1,
                        .footnotes = notes, .n_footnotes = N(notes), .images = &image,
                        .n_images = 1};
    quire_block blocks[] = {
        {.kind = QUIRE_BLOCK_COVER}, {.kind = QUIRE_BLOCK_CONTENTS},
        {.kind = QUIRE_BLOCK_SECTION, .section = &sec},
        {.kind = QUIRE_BLOCK_TABLE, .table = &table},
        {.kind = QUIRE_BLOCK_IMAGE, .image = &image},
        {.kind = QUIRE_BLOCK_SOURCES},
    };
    quire_template t = {.struct_size = sizeof t, .name = "rich", .page_size = "A5",
                        .page_width_pt = 419.53, .page_height_pt = 595.28,
                        .margin_pt = {40, 40, 40, 40}, .header = "{title}", .footer = "{page}",
                        .blocks = blocks, .n_blocks = N(blocks),
                        .logo = {&image, 60, 1, 1}};
    quire_job job = {.struct_size = sizeof job, .dataset = &ds, .tmpl = &t,
                     .output_path = argv[2], .final_path = argv[2], .host = &host};
    char err[256] = "";
    quire_status st = entry()->export_fn(&job, err, sizeof err);
    if (st)
        fprintf(stderr, "export failed: %s\n", err);
    dlclose(so);
    return st ? 1 : 0;
}
