/* Drives quire-pdf.so's check() with hand-made jobs for the `standard`
 * option: what PDF/UA-1 asks of the input is reported at its position,
 * and nothing is asked without ua-1.
 *
 * usage: standard_harness PLUGIN.so WORKDIR */
#include <dlfcn.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <quire/quire-plugin.h>

/* A 3x2 RGB PNG, written to WORKDIR: check() loads every image. */
static const unsigned char png_3x2[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44,
    0x52, 0x00, 0x00, 0x00, 0x03, 0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0x12,
    0x16, 0xf1, 0x4d, 0x00, 0x00, 0x00, 0x10, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8,
    0xcf, 0xc0, 0x00, 0x41, 0x0c, 0x70, 0x16, 0x00, 0x41, 0xd2, 0x05, 0xfb, 0x87, 0xf0, 0xb9,
    0x48, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82};

static int failures;
static int errors;       /* errors reported through host->report */
static long last_line;   /* line of the last one */
static char last_msg[1024];

static void fake_diag(const quire_job *job, quire_severity s, const char *code,
                      const char *fmt, ...)
{
    (void)job, (void)s, (void)code, (void)fmt;
}

static int fake_progress(const quire_job *job, double f)
{
    (void)job, (void)f;
    return 0;
}

static quire_status fake_find_font(const quire_job *job, const char *pattern, char *path,
                                   size_t size, int *index)
{
    (void)job, (void)pattern;
    snprintf(path, size, "%s", "/usr/share/fonts/truetype/nanum/NanumGothic.ttf");
    *index = 0;
    return QUIRE_OK;
}

static size_t fake_expand(const quire_job *job, const char *pattern, int page, int pages,
                          char *out, size_t size)
{
    (void)job, (void)page, (void)pages;
    return (size_t)snprintf(out, size, "%s", pattern);
}

static void fake_report(const quire_job *job, quire_severity s, const quire_pos *at,
                        const char *fmt, ...)
{
    (void)job;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_msg, sizeof last_msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "  report %s:%ld: %s\n", at && at->file ? at->file : "-",
            at ? at->line : 0, last_msg);
    errors += s == QUIRE_ERROR;
    last_line = at ? at->line : 0;
}

static const quire_host host = {sizeof(quire_host), QUIRE_ABI_VERSION, fake_diag,
                                fake_progress, fake_find_font, fake_expand, NULL,
                                fake_report};

static void expect(int ok, const char *what)
{
    fprintf(stderr, "%s: %s\n", ok ? "ok" : "FAIL", what);
    failures += !ok;
}

typedef struct fixture {
    quire_dataset ds;
    quire_template tp;
    quire_block blocks[4];
    quire_image image, logo;
    quire_section section;
    const char *items[3];
    quire_option option;
    quire_job job;
} fixture;

static void fixture_init(fixture *f, const char *png)
{
    memset(f, 0, sizeof *f);
    f->image = (quire_image){.id = "map", .path = png, .format = QUIRE_IMAGE_PNG,
                             .width_px = 3, .height_px = 2, .alt = "A red square",
                             .at = {"ds.yaml", 12, 11}};
    f->logo = (quire_image){.path = png, .format = QUIRE_IMAGE_PNG, .width_px = 3,
                            .height_px = 2, .alt = "Quire", .at = {"t.yaml", 3, 14}};
    f->section = (quire_section){.id = "s1", .heading = "One", .at = {"ds.yaml", 20, 5}};
    f->ds = (quire_dataset){.struct_size = sizeof f->ds, .path = "ds.yaml", .id = "std",
                            .title = "Standards", .language = "en", .timestamp = -1,
                            .images = &f->image, .n_images = 1,
                            .image_size = sizeof f->image};
    f->blocks[0] = (quire_block){.kind = QUIRE_BLOCK_COVER};
    f->blocks[1] = (quire_block){.kind = QUIRE_BLOCK_IMAGE, .image = &f->image,
                                 .at = {"t.yaml", 8, 5}};
    f->blocks[2] = (quire_block){.kind = QUIRE_BLOCK_SECTION, .section = &f->section};
    f->blocks[3] = (quire_block){.kind = QUIRE_BLOCK_CHART,
                                 .chart = {.alt = "Bar chart, share: AWS 31",
                                           .at = {"t.yaml", 10, 5}}};
    f->tp = (quire_template){.struct_size = sizeof f->tp, .name = "std",
                             .page_width_pt = 595.28, .page_height_pt = 841.89,
                             .margin_pt = {50, 50, 50, 50}, .blocks = f->blocks,
                             .n_blocks = 4, .block_size = sizeof f->blocks[0],
                             .logo = {.image = &f->logo, .width_pt = 60, .on_cover = 1}};
    f->option = (quire_option){.name = "standard", .type = QUIRE_OPT_LIST,
                               .list = {f->items, 0}, .origin = QUIRE_FROM_TEMPLATE,
                               .at = {"t.yaml", 4, 7}};
    f->job = (quire_job){.struct_size = sizeof f->job, .dataset = &f->ds, .tmpl = &f->tp,
                         .host = &host, .options = &f->option, .n_options = 1,
                         .option_size = sizeof f->option};
}

static void standards(fixture *f, const char *a, const char *b)
{
    f->option.list.count = 0;
    if (a)
        f->items[f->option.list.count++] = a;
    if (b)
        f->items[f->option.list.count++] = b;
}

/* Runs check(); returns its status, with errors and last_line set. */
static quire_status check(const quire_plugin *p, fixture *f)
{
    char err[256] = "";
    errors = 0;
    last_line = 0;
    last_msg[0] = '\0';
    return p->check_fn(&f->job, err, sizeof err);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: %s PLUGIN.so WORKDIR\n", argv[0]);
        return 2;
    }
    char png[4096];
    snprintf(png, sizeof png, "%s/standard-harness.png", argv[2]);
    FILE *out = fopen(png, "wb");
    if (!out || fwrite(png_3x2, 1, sizeof png_3x2, out) != sizeof png_3x2 || fclose(out)) {
        fprintf(stderr, "cannot write %s\n", png);
        return 2;
    }
    void *so = dlopen(argv[1], RTLD_NOW | RTLD_LOCAL);
    const quire_plugin *(*entry)(void) =
        so ? (const quire_plugin *(*)(void))dlsym(so, QUIRE_PLUGIN_ENTRY_NAME) : NULL;
    if (!entry) {
        fprintf(stderr, "cannot load %s: %s\n", argv[1], dlerror());
        return 2;
    }
    const quire_plugin *p = entry();
    fixture f;

    fixture_init(&f, png);
    standards(&f, "ua-1", "a-2b");
    expect(check(p, &f) == QUIRE_OK && errors == 0, "ua-1 with alt texts passes");

    fixture_init(&f, png);
    f.image.alt = NULL;
    expect(check(p, &f) == QUIRE_OK && errors == 0, "no standard: an image may lack alt");
    standards(&f, "ua-1", NULL);
    expect(check(p, &f) == QUIRE_ERR_INPUT && errors == 1 && last_line == 12 &&
               strstr(last_msg, "image 'map' has no alt"),
           "ua-1: an image without alt is an error at its file: key");
    f.image.alt = "  ";
    expect(check(p, &f) == QUIRE_ERR_INPUT && errors == 1, "ua-1: a blank alt is none");
    f.image.alt = NULL;
    f.image.decorative = 1;
    expect(check(p, &f) == QUIRE_OK && errors == 0, "ua-1: a decorative image needs no alt");

    fixture_init(&f, png);
    standards(&f, "ua-1", NULL);
    f.logo.alt = NULL;
    expect(check(p, &f) == QUIRE_ERR_INPUT && errors == 1 && last_line == 3 &&
               strstr(last_msg, "the logo"),
           "ua-1: a logo without alt is an error at its file: key");
    f.tp.logo.on_cover = 0;
    expect(check(p, &f) == QUIRE_OK && errors == 0, "ua-1: a logo that is not shown is fine");

    fixture_init(&f, png);
    standards(&f, "ua-1", NULL);
    f.ds.title = " ";
    f.section.heading = "";
    f.blocks[3].chart.alt = "";
    f.blocks[3].chart.alt_given = 1;
    expect(check(p, &f) == QUIRE_ERR_INPUT && errors == 3 && last_line == 10,
           "ua-1: empty title, section heading and chart alt: are errors");

    fixture_init(&f, png);
    standards(&f, "a-2b", "a-3b");
    expect(check(p, &f) == QUIRE_ERR_INPUT && errors == 1 && last_line == 4 &&
               strstr(last_msg, "exclude each other"),
           "a-2b with a-3b is an error at the option");

    fixture_init(&f, png);
    standards(&f, "a-3b", NULL);
    f.job.n_options = 0; /* a host that passes no options: no standard */
    f.image.alt = NULL;
    expect(check(p, &f) == QUIRE_OK && errors == 0, "no options: nothing asked");
    dlclose(so);
    return failures ? 1 : 0;
}
