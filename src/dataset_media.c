/* dataset_media.c — what a dataset adds to its prose: footnotes and images.
 *
 * Choices where SPEC.md is silent:
 *  - An image needs `id` and `file`; `alt` and `decorative: true` exclude
 *    each other (an image either carries information or does not).
 *    Without either it is valid, except where a plugin's check requires
 *    one (the pdf plugin under `standard: [ua-1]`).
 *  - A footnote needs `id` and `text`; its text takes inline markup. */
#include "dataset_build.h"

#include "image_probe.h"
#include "input_path.h"
#include "schema_keys.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

enum { FOOTNOTE_KEYS(KEY_ENUM) };
static const char *const footnote_keys[] = {FOOTNOTE_KEYS(KEY_NAME) NULL};
enum { IMAGE_KEYS(KEY_ENUM) };
static const char *const image_keys[] = {IMAGE_KEYS(KEY_NAME) NULL};

static void footnote_key(loader *ld, void *obj, int key, const yev *v)
{
    quire_footnote *f = obj;
    switch (key) {
    case FN_ID:
        if (load_id(ld, v, "footnote", 1, &f->id))
            load_unique(ld, &ld->footnote_ids, "footnote", f->id, (ds_mark){v->line, v->col});
        break;
    case FN_TEXT: load_prose(ld, v, "text", &f->text); break;
    }
}

void load_footnote(loader *ld, const yev *ev)
{
    quire_footnote f = {.at = {ld->path, ev->line, ev->col}};
    load_mapping(ld, ev, "a footnote", footnote_keys, footnote_key, &f);
    if (ev->kind != YEV_MAP_START || ld->fatal)
        return;
    if (!f.id)
        load_error(ld, ev, "a footnote needs an 'id'");
    if (!f.text.plain || !*f.text.plain)
        load_error(ld, ev, "footnote '%s' needs a 'text'", f.id ? f.id : "");
    quire_footnote *slot = load_push(ld, &ld->footnotes, sizeof *slot);
    if (slot)
        *slot = f;
}

typedef struct image_read {
    quire_image img;
    const char *file;
    ds_mark file_at;
    int have_alt;
} image_read;

void load_flag(loader *ld, const yev *v, const char *key, int *out)
{
    if (v->kind == YEV_SCALAR && v->plain && (!strcmp(v->value, "true") ||
                                              !strcmp(v->value, "false"))) {
        *out = v->value[0] == 't';
        return;
    }
    load_error(ld, v, "'%s' expects true or false, not %s", key, load_kind_name(v));
    load_skip(ld, v);
}

static void image_key(loader *ld, void *obj, int key, const yev *v)
{
    image_read *ir = obj;
    switch (key) {
    case IMG_ID:
        if (load_id(ld, v, "image", 1, &ir->img.id))
            load_unique(ld, &ld->image_ids, "image", ir->img.id, (ds_mark){v->line, v->col});
        break;
    case IMG_FILE:
        ir->file_at = (ds_mark){v->line, v->col};
        load_string(ld, v, "file", &ir->file);
        break;
    case IMG_ALT: load_string(ld, v, "alt", &ir->img.alt); break;
    case IMG_DECORATIVE: load_flag(ld, v, "decorative", &ir->img.decorative); break;
    case IMG_CAPTION: load_prose(ld, v, "caption", &ir->img.caption); break;
    case IMG_SOURCE: load_refs(ld, v, "source", &ir->img.sources); break;
    }
}

/* file: resolved in the dataset's folder, checked to decode; an absolute
 * path is kept for plugins. */
static void image_file(loader *ld, image_read *ir)
{
    char resolved[PATH_MAX], err[512], real[PATH_MAX];
    const ds_mark at = ir->file_at;
    if (input_resolve(ld->dir, ir->file, ld->allow_any_path, resolved, sizeof resolved, err,
                      sizeof err) != 0) {
        diag_error(ld->d, ld->path, at.line, at.col, "image '%s': %s", ir->file, err);
        return;
    }
    int probed = image_probe(resolved, ld->a, &ir->img, err, sizeof err);
    if (probed == IMAGE_OUT_OF_MEMORY) {
        diag_out_of_memory(ld->d, ld->path, at.line, at.col);
        return;
    }
    if (probed != 0) {
        diag_error(ld->d, ld->path, at.line, at.col, "image '%s': %s", ir->file, err);
        return;
    }
    if (!realpath(resolved, real)) {
        diag_error(ld->d, ld->path, at.line, at.col, "image '%s': cannot resolve its path",
                   ir->file);
        return;
    }
    ir->img.path = arena_strdup(ld->a, real);
}

void load_image(loader *ld, const yev *ev)
{
    image_read ir = {.img = {.at = {ld->path, ev->line, ev->col}}};
    load_mapping(ld, ev, "an image", image_keys, image_key, &ir);
    if (ev->kind != YEV_MAP_START || ld->fatal)
        return;
    if (!ir.img.id)
        load_error(ld, ev, "an image needs an 'id'");
    if (!ir.file)
        load_error(ld, ev, "image '%s' needs a 'file'", ir.img.id ? ir.img.id : "");
    else
        image_file(ld, &ir);
    if (ir.img.alt && ir.img.decorative)
        load_error(ld, ev, "image '%s' has 'alt' and 'decorative: true': a decorative image "
                           "carries no text alternative", ir.img.id ? ir.img.id : "");
    if (ir.file)
        ir.img.at = (quire_pos){ld->path, ir.file_at.line, ir.file_at.col};
    quire_image *slot = load_push(ld, &ld->images, sizeof *slot);
    if (slot)
        *slot = ir.img;
}
