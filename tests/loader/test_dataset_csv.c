/* test_dataset_csv.c — tables read from CSV files: RFC 4180 quoting, BOM,
 * CRLF, empty fields as null, typing like inline rows, relative paths. */
#include "csv_read.h"
#include "loader_files.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static const char *yaml =
    "quire: 1\nid: csv\ntitle: T\ntables:\n"
    "  - id: t\n"
    "    columns:\n"
    "      - {id: name, type: text}\n"
    "      - {id: share, type: percent}\n"
    "      - {id: day, type: date}\n"
    "      - {id: n, type: integer}\n"
    "    csv: %s\n";

static quire_dataset *load_csv(const char *csv_name, const char *csv, size_t len, char **msgs)
{
    char text[1024];
    snprintf(text, sizeof text, yaml, csv_name);
    files_write(csv_name, csv, len);
    quire_dataset *ds = NULL;
    files_load(files_write("csv.yaml", text, 0), NULL, 0, &ds, msgs);
    return ds;
}

static void test_rfc4180(void **state)
{
    const char csv[] = "\xEF\xBB\xBF" "name,share,day,n\r\n"
                       "\"Kim, \"\"the\"\" first\",31.50,2024-02-29,7\r\n"
                       "\"two\r\nlines\",,1970-01-01,\r\n"
                       "00417,-2,,-9007199254740992\r\n"
                       ",1e2,2000-01-01,0";  /* no final line end */
    char *msgs = NULL;
    quire_dataset *ds = load_csv("a.csv", csv, sizeof csv - 1, &msgs);
    assert_string_equal(msgs, "");
    assert_non_null(ds);
    const quire_table *t = &ds->tables[0];
    assert_int_equal(t->n_rows, 4);
    const quire_column *c = t->columns;
    assert_string_equal(c[0].texts[0], "Kim, \"the\" first");
    assert_string_equal(c[0].texts[1], "two\r\nlines");
    assert_string_equal(c[0].texts[2], "00417");
    assert_true(quire_cell_is_null(&c[0], 3));
    assert_true(c[1].numbers[0] == 31.5);
    assert_int_equal(c[1].decimals[0], 2);
    assert_true(quire_cell_is_null(&c[1], 1));
    assert_true(c[1].numbers[3] == 100);
    assert_true(c[2].numbers[0] == 19782);
    assert_true(quire_cell_is_null(&c[2], 2));
    assert_true(quire_cell_is_null(&c[3], 1));
    assert_true(c[3].numbers[2] == -9007199254740992.0);
    dataset_free(ds);
    free(msgs);
}

static void test_header_only(void **state)
{
    char *msgs = NULL;
    quire_dataset *ds = load_csv("h.csv", "name,share,day,n\n", 0, &msgs);
    assert_string_equal(msgs, "");
    assert_int_equal(ds->tables[0].n_rows, 0);
    dataset_free(ds);
    free(msgs);
}

static void test_relative_to_dataset(void **state)
{
    /* csv: sub/b.csv is read beside the dataset, not from the working dir */
    char sub[512];
    snprintf(sub, sizeof sub, "%s/sub", files_dir());
    mkdir(sub, 0700);
    char *msgs = NULL;
    quire_dataset *ds = load_csv("sub/b.csv", "name,share,day,n\nx,1,,\n", 0, &msgs);
    assert_string_equal(msgs, "");
    assert_int_equal(ds->tables[0].n_rows, 1);
    dataset_free(ds);
    free(msgs);
}

static void test_errors_name_the_csv(void **state)
{
    char *msgs = NULL;
    quire_dataset *ds = load_csv("bad.csv", "name,share,day,n\nx,\"31%\",,\ny,1,,1.5\n", 0, &msgs);
    assert_null(ds);
    char want[1024];
    snprintf(want, sizeof want,
             "%s/bad.csv:2:3: error: column 'share' expects a number, got \"31%%\"\n"
             "%s/bad.csv:3:6: error: column 'n' expects an integer within \u00b12^53, got 1.5\n",
             files_dir(), files_dir());
    assert_string_equal(msgs, want);
    free(msgs);
}

/* Loads csv.yaml (written with csv: name) with the path rule lifted or not. */
static load_status load_named(const char *name, int allow_any, char **msgs)
{
    char text[1024];
    snprintf(text, sizeof text, yaml, name);
    const char *path = files_write("csv.yaml", text, 0);
    size_t len;
    FILE *out = open_memstream(msgs, &len);
    diag d;
    diag_init(&d, out);
    quire_dataset *ds = NULL;
    load_status st = dataset_load(path, NULL, 0, allow_any, &d, &ds);
    fclose(out);
    assert_null(ds);
    return st;
}

static void test_not_regular(void **state)
{
    /* with the path rule lifted, a FIFO or a device still is no CSV file:
     * refused at once, never read (a FIFO would block, /dev/zero never ends) */
    char *msgs = NULL;
    assert_int_equal(load_named("/dev/zero", 1, &msgs), LOAD_INVALID);
    assert_non_null(strstr(msgs, "csv.yaml:11:5: error: cannot open CSV file '/dev/zero': "
                                 "not a regular file (a character device)\n"));
    free(msgs);
    char fifo[512];
    snprintf(fifo, sizeof fifo, "%s/fifo.csv", files_dir());
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_int_equal(load_named("fifo.csv", 0, &msgs), LOAD_INVALID);
    assert_non_null(strstr(msgs, "fifo.csv': not a regular file (a FIFO)\n"));
    free(msgs);
    unlink(fifo);
    assert_int_equal(load_named("/etc/hostname", 0, &msgs), LOAD_INVALID);
    assert_non_null(strstr(msgs, "'/etc/hostname': an absolute path"));
    free(msgs);
}

/* A CSV of a header and one record: n copies of c (quoted or not), then
 * three empty fields. */
static void write_long(const char *name, char c, size_t n, int quoted)
{
    size_t head = strlen("name,share,day,n\n");
    char *text = malloc(head + n + 6);
    memcpy(text, "name,share,day,n\n", head);
    size_t at = head;
    if (quoted)
        text[at++] = '"';
    memset(text + at, c, n);
    at += n;
    if (quoted)
        text[at++] = '"';
    memcpy(text + at, ",,,", 3);
    files_write(name, text, at + 3);
    free(text);
}

static void test_caps(void **state)
{
    char *msgs = NULL;
    struct {
        char c;
        size_t n;
        int quoted;
        const char *want;
    } cases[] = {
        {'a', CSV_MAX_FIELD, 0, NULL},
        {'a', CSV_MAX_FIELD + 1, 0, "long.csv:2:1: error: a field longer than 1 MiB"},
        {'a', CSV_MAX_FIELD + 1, 1, "long.csv:2:1: error: a field longer than 1 MiB"},
        /* what /dev/zero would give: the cap, not a NUL message per byte */
        {'\0', 3 * CSV_MAX_FIELD, 0, "long.csv:2:1: error: a field longer than 1 MiB"},
        {',', CSV_MAX_RECORD + 2, 0, "long.csv:2:16777218: error: a record longer than 16 MiB"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        write_long("long.csv", cases[i].c, cases[i].n, cases[i].quoted);
        char text[1024];
        snprintf(text, sizeof text, yaml, "long.csv");
        quire_dataset *ds = NULL;
        files_load(files_write("csv.yaml", text, 0), NULL, 0, &ds, &msgs);
        if (!cases[i].want) {
            assert_non_null(ds);
            assert_int_equal(strlen(ds->tables[0].columns[0].texts[0]), CSV_MAX_FIELD);
        } else {
            assert_null(ds);
            char *line = strstr(msgs, "long.csv:");
            assert_non_null(line);
            assert_memory_equal(line, cases[i].want, strlen(cases[i].want));
            assert_int_equal(strchr(msgs, '\n')[1], '\0');  /* one error, no flood */
        }
        dataset_free(ds);
        free(msgs);
    }
}

static int teardown(void **state)
{
    files_cleanup();
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc4180),
        cmocka_unit_test(test_header_only),
        cmocka_unit_test(test_relative_to_dataset),
        cmocka_unit_test(test_errors_name_the_csv),
        cmocka_unit_test(test_not_regular),
        cmocka_unit_test(test_caps),
    };
    return cmocka_run_group_tests(tests, NULL, teardown);
}
