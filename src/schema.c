/* schema.c — `quire schema dataset|template`: a JSON Schema (draft
 * 2020-12) written from the key lists the loaders read with
 * (schema_keys.h), so editors check what quire checks.
 *
 * The schema says what the YAML may look like; what needs the whole file
 * (ids that exist, rows as long as the columns, markup) is left to
 * `quire validate`. Scalars that quire reads as strings accept YAML
 * numbers and booleans too, as the loader does (`period: 2025`). */
#include "schema.h"

#include "schema_keys.h"

#include <string.h>

typedef struct key_def {
    const char *name;
    schema_kind kind;
    int detail;
    int required;
    const char *doc;
} key_def;

#define KEY_DEF(e, name, kind, detail, req, doc) {name, kind, detail, req, doc},

static const key_def dataset_defs[] = {DATASET_KEYS(KEY_DEF)};
static const key_def figure_defs[] = {FIGURE_KEYS(KEY_DEF)};
static const key_def change_defs[] = {CHANGE_KEYS(KEY_DEF)};
static const key_def table_defs[] = {TABLE_KEYS(KEY_DEF)};
static const key_def column_defs[] = {COLUMN_KEYS(KEY_DEF)};
static const key_def section_defs[] = {SECTION_KEYS(KEY_DEF)};
static const key_def source_defs[] = {SOURCE_KEYS(KEY_DEF)};
static const key_def footnote_defs[] = {FOOTNOTE_KEYS(KEY_DEF)};
static const key_def image_defs[] = {IMAGE_KEYS(KEY_DEF)};
static const key_def template_defs[] = {TEMPLATE_KEYS(KEY_DEF)};
static const key_def page_defs[] = {PAGE_KEYS(KEY_DEF)};
static const key_def font_defs[] = {FONT_KEYS(KEY_DEF)};
static const key_def logo_defs[] = {LOGO_KEYS(KEY_DEF)};
static const key_def chart_defs[] = {CHART_KEYS(KEY_DEF)};
static const key_def series_defs[] = {SERIES_KEYS(KEY_DEF)};
static const key_def reference_defs[] = {REFERENCE_KEYS(KEY_DEF)};

#define OBJ(name, defs, doc) {name, defs, sizeof defs / sizeof defs[0], doc}
static const struct object_def {
    const char *name;
    const key_def *keys;
    size_t n;
    const char *doc;
} objects[SO_COUNT] = {
    [SO_DATASET] = OBJ("dataset", dataset_defs, "A quire dataset (`quire: 1`)."),
    [SO_FIGURE] = OBJ("figure", figure_defs, "A headline number."),
    [SO_CHANGE] = OBJ("change", change_defs, "A figure's change."),
    [SO_TABLE] = OBJ("table", table_defs, "A table: `columns:` and `rows:` or `csv:`."),
    [SO_COLUMN] = OBJ("column", column_defs, "A column of a table."),
    [SO_SECTION] = OBJ("section", section_defs, "A section of narrative text."),
    [SO_SOURCE] = OBJ("source", source_defs, "An article or report cited."),
    [SO_FOOTNOTE] = OBJ("footnote", footnote_defs, "A footnote."),
    [SO_IMAGE] = OBJ("image", image_defs, "An image."),
    [SO_TEMPLATE] = OBJ("template", template_defs, "A quire layout template (`quire-template: 1`)."),
    [SO_PAGE] = OBJ("page", page_defs, "The page."),
    [SO_FONTS] = OBJ("fonts", font_defs, "The faces."),
    [SO_LOGO] = OBJ("logo", logo_defs, "The logo."),
    [SO_CHART] = OBJ("chart", chart_defs, "A chart block."),
    [SO_SERIES] = OBJ("series", series_defs, "A series of a chart."),
    [SO_REFERENCE] = OBJ("reference", reference_defs, "A reference line."),
};

static const char *const column_types[] = {COLUMN_TYPE_NAMES, NULL};
static const char *const page_sizes[] = {PAGE_SIZE_NAMES, NULL};
static const char *const orientations[] = {ORIENTATION_NAMES, NULL};
static const char *const logo_places[] = {LOGO_PLACE_NAMES, NULL};
static const char *const chart_types[] = {CHART_TYPE_NAMES, NULL};
static const char *const series_as[] = {SERIES_AS_NAMES, NULL};
static const char *const axes[] = {AXIS_NAMES, NULL};
static const char *const legends[] = {LEGEND_NAMES, NULL};
static const char *const sorts[] = {SORT_NAMES, NULL};
static const char *const bare_blocks[] = {BARE_BLOCK_NAMES, NULL};
static const char *const *const enums[SE_COUNT] = {
    [SE_COLUMN_TYPES] = column_types, [SE_PAGE_SIZES] = page_sizes,
    [SE_ORIENTATIONS] = orientations, [SE_LOGO_PLACES] = logo_places,
    [SE_CHART_TYPES] = chart_types, [SE_SERIES_AS] = series_as, [SE_AXES] = axes,
    [SE_LEGENDS] = legends, [SE_SORTS] = sorts, [SE_BARE_BLOCKS] = bare_blocks,
};

#define SCALAR "{\"type\": [\"string\", \"number\", \"boolean\", \"null\"]}"
#define ID_PATTERN "^[a-z0-9][a-z0-9_-]*$"

static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\')
            fprintf(out, "\\%c", c);
        else if (c == '\n')
            fputs("\\n", out);
        else if (c < 0x20)
            fprintf(out, "\\u%04x", c);
        else
            fputc(c, out);
    }
    fputc('"', out);
}

static void enum_list(FILE *out, int which)
{
    fputs("{\"enum\": [", out);
    for (const char *const *e = enums[which]; *e; e++) {
        fputs(e == enums[which] ? "" : ", ", out);
        json_string(out, *e);
    }
    fputs("]}", out);
}

static void ref(FILE *out, int object)
{
    fprintf(out, "{\"$ref\": \"#/$defs/%s\"}", objects[object].name);
}

static const char *const id_schema = "{\"type\": \"string\", \"pattern\": \"" ID_PATTERN
                                     "\", \"maxLength\": 100}";

/* The schema of a block of the template's body. */
static void blocks(FILE *out)
{
    fputs("{\"type\": \"array\", \"minItems\": 1, \"items\": {\"oneOf\": [", out);
    enum_list(out, SE_BARE_BLOCKS);
    fprintf(out, ", {\"type\": \"object\", \"minProperties\": 1, \"maxProperties\": 1, "
                 "\"additionalProperties\": false, \"properties\": {"
                 "\"heading\": {\"type\": \"string\"}, "
                 "\"figures\": {\"oneOf\": [{\"const\": \"all\"}, {\"type\": \"array\", "
                 "\"items\": %s}]}, "
                 "\"section\": %s, \"sections\": {\"const\": \"all\"}, "
                 "\"table\": {\"oneOf\": [%s, {\"type\": \"object\", \"properties\": "
                 "{\"table\": %s}, \"required\": [\"table\"], \"additionalProperties\": false}]}, "
                 "\"tables\": {\"const\": \"all\"}, "
                 "\"image\": {\"oneOf\": [%s, {\"type\": \"object\", \"properties\": "
                 "{\"image\": %s, \"width_mm\": {\"type\": \"number\", \"exclusiveMinimum\": 0}, "
                 "\"align\": {\"enum\": [\"left\", \"center\", \"right\"]}}, "
                 "\"required\": [\"image\"], \"additionalProperties\": false}]}, \"chart\": ",
            id_schema, id_schema, id_schema, id_schema, id_schema, id_schema);
    ref(out, SO_CHART);
    fputs("}}]}}", out);
}

static void value_schema(FILE *out, const key_def *k)
{
    switch (k->kind) {
    case SK_STRING:
    case SK_TEXT: fputs(SCALAR, out); break;
    case SK_NUMBER: fputs("{\"type\": \"number\"}", out); break;
    case SK_INTEGER: fputs("{\"type\": \"integer\"}", out); break;
    case SK_BOOL: fputs("{\"type\": \"boolean\"}", out); break;
    case SK_DATE:
        fputs("{\"type\": [\"string\", \"null\"], \"pattern\": \"^[0-9]{4}-[0-9]{2}-[0-9]{2}$\"}",
              out);
        break;
    case SK_SOURCE_DATE:
        fputs("{\"type\": [\"string\", \"null\"], \"pattern\": "
              "\"^[0-9]{4}-[0-9]{2}(-[0-9]{2})?$\"}", out);
        break;
    case SK_AS_OF:
        fputs("{\"type\": [\"string\", \"null\"], \"pattern\": "
              "\"^[0-9]{4}-([0-9]{2}(-[0-9]{2})?|Q[1-4])$\"}", out);
        break;
    case SK_SHEET:
        fputs("{\"type\": [\"string\", \"null\"], \"minLength\": 1, \"maxLength\": 31, "
              "\"pattern\": \"^[^'\\\\[\\\\]:*?/\\\\\\\\]([^\\\\[\\\\]:*?/\\\\\\\\]*[^'\\\\[\\\\]:*?/\\\\\\\\])?$\"}", out);
        break;
    case SK_ID: fputs(id_schema, out); break;
    case SK_DATASET_ID:
        fputs("{\"type\": \"string\", \"pattern\": \"^[a-z0-9][a-z0-9-]*$\", "
              "\"maxLength\": 100}", out);
        break;
    case SK_REFS:
        fprintf(out, "{\"oneOf\": [%s, {\"type\": \"array\", \"items\": %s}, "
                     "{\"type\": \"null\"}]}", id_schema, id_schema);
        break;
    case SK_STRINGS:
        fputs("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"array\", \"items\": "
              SCALAR "}, {\"type\": \"null\"}]}", out);
        break;
    case SK_PROSE:
        fputs("{\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"null\"}, {\"type\": \"array\", "
              "\"items\": {\"oneOf\": [{\"type\": \"string\"}, {\"type\": \"array\", "
              "\"items\": {\"type\": \"string\"}}]}}]}", out);
        break;
    case SK_URL:
        fputs("{\"type\": [\"string\", \"null\"], \"pattern\": "
              "\"^([Hh][Tt][Tt][Pp][Ss]?://[^/\\\\s]|[Mm][Aa][Ii][Ll][Tt][Oo]:)[^\\\\s]*$\"}", out);
        break;
    case SK_LANGUAGE:
        fputs("{\"type\": [\"string\", \"null\"], \"pattern\": "
              "\"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$\"}", out);
        break;
    case SK_VERSION: fputs("{\"const\": 1}", out); break;
    case SK_ENUM: enum_list(out, k->detail); break;
    case SK_ENUMS:
        fputs("{\"oneOf\": [", out);
        enum_list(out, k->detail);
        fputs(", {\"type\": \"array\", \"items\": ", out);
        enum_list(out, k->detail);
        fputs("}]}", out);
        break;
    case SK_OBJECT: ref(out, k->detail); break;
    case SK_LIST:
        fputs("{\"oneOf\": [{\"type\": \"null\"}, {\"type\": \"array\", \"items\": ", out);
        ref(out, k->detail);
        fputs("}]}", out);
        break;
    case SK_ONE_OR_LIST:
        fputs("{\"oneOf\": [{\"type\": \"null\"}, ", out);
        ref(out, k->detail);
        fputs(", {\"type\": \"array\", \"items\": ", out);
        ref(out, k->detail);
        fputs("}]}", out);
        break;
    case SK_ROWS:
        fputs("{\"type\": \"array\", \"items\": {\"type\": \"array\", \"items\": " SCALAR "}}",
              out);
        break;
    case SK_SCALARS:
        fputs("{\"type\": \"object\", \"additionalProperties\": " SCALAR "}", out);
        break;
    case SK_MARGIN:
        fputs("{\"oneOf\": [{\"type\": \"number\", \"minimum\": 0}, {\"type\": \"object\", "
              "\"additionalProperties\": false, \"properties\": {"
              "\"top\": {\"type\": \"number\", \"minimum\": 0}, "
              "\"right\": {\"type\": \"number\", \"minimum\": 0}, "
              "\"bottom\": {\"type\": \"number\", \"minimum\": 0}, "
              "\"left\": {\"type\": \"number\", \"minimum\": 0}}}]}", out);
        break;
    case SK_COLOURS:
        fputs("{\"type\": \"array\", \"minItems\": 1, \"items\": {\"type\": \"string\", "
              "\"pattern\": \"^#[0-9A-Fa-f]{6}$\"}}", out);
        break;
    case SK_BLOCKS: blocks(out); break;
    case SK_ANY_SCALAR: fputs(SCALAR, out); break;
    }
}

/* One object: its properties, required keys and what else it admits. */
static void object(FILE *out, int id, const char *additional)
{
    const struct object_def *o = &objects[id];
    fputs("{\"type\": \"object\", \"description\": ", out);
    json_string(out, o->doc);
    fputs(", \"properties\": {", out);
    for (size_t i = 0; i < o->n; i++) {
        fputs(i ? ",\n    " : "\n    ", out);
        json_string(out, o->keys[i].name);
        fputs(": {\"allOf\": [", out);
        value_schema(out, &o->keys[i]);
        fputs("], \"description\": ", out);
        json_string(out, o->keys[i].doc);
        fputs(", \"markdownDescription\": ", out);
        json_string(out, o->keys[i].doc);
        fputs("}", out);
    }
    fputs("}, \"required\": [", out);
    int first = 1;
    for (size_t i = 0; i < o->n; i++)
        if (o->keys[i].required) {
            fputs(first ? "" : ", ", out);
            json_string(out, o->keys[i].name);
            first = 0;
        }
    fprintf(out, "], \"additionalProperties\": %s}", additional);
}

static void document(FILE *out, int root, const int *defs, size_t n_defs,
                     const char *root_additional)
{
    fprintf(out, "{\"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n"
                 " \"$id\": \"urn:quire:schema:%s:1\",\n \"title\": ", objects[root].name);
    json_string(out, objects[root].doc);
    fputs(",\n \"$defs\": {", out);
    for (size_t i = 0; i < n_defs; i++) {
        fprintf(out, "%s\n  \"%s\": ", i ? "," : "", objects[defs[i]].name);
        object(out, defs[i], "false");
    }
    fputs("},\n \"allOf\": [", out);
    object(out, root, root_additional);
    fputs("]}\n", out);
}

int schema_write(const char *which, FILE *out)
{
    if (strcmp(which, "dataset") == 0) {
        static const int defs[] = {SO_FIGURE, SO_CHANGE, SO_TABLE, SO_COLUMN, SO_SECTION,
                                   SO_SOURCE, SO_FOOTNOTE, SO_IMAGE};
        document(out, SO_DATASET, defs, sizeof defs / sizeof defs[0], "false");
        return 0;
    }
    if (strcmp(which, "template") == 0) {
        static const int defs[] = {SO_PAGE, SO_FONTS, SO_LOGO, SO_CHART, SO_SERIES,
                                   SO_REFERENCE};
        /* Any other top-level mapping is a plugin's section (`pdf:`). */
        document(out, SO_TEMPLATE, defs, sizeof defs / sizeof defs[0],
                 "{\"type\": \"object\", \"description\": \"The options of the plugin of that "
                 "name (quire plugins --options).\"}");
        return 0;
    }
    return -1;
}
