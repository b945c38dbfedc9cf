/* test_footnote_order.c — footnotes numbered in the order the bound
 * template shows their references (issue 19), the reference runs
 * rewritten to match, and the warning about a footnote nothing cites
 * given at bind time (a chart's note may be its one reference). */
#include "tpl_test.h"

#include "dataset.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* In the file, n1 is cited first (in a section) and n2 next (in the
 * summary); the template shows the summary first, then a chart whose note
 * cites n3, which nothing in the dataset cites, then the section. */
static const char *dataset =
    "quire: 1\nid: fn\ntitle: Notes\nlanguage: en\ntemplate: t\n"
    "sections:\n  - {id: s, heading: S, body: 'Section text.[^n1] Again.[^n2]'}\n"
    "summary: 'Summary text.[^n2]'\n"
    "tables:\n  - {id: t, description: 'About the table.[^n4]', columns: [{id: k, type: text},"
    " {id: v, type: number}], rows: [[a, 1]]}\n"
    "footnotes:\n"
    "  - {id: n1, text: 'One, see also.[^n5]'}\n"
    "  - {id: n2, text: Two.}\n"
    "  - {id: n3, text: Three.}\n"
    "  - {id: n4, text: Four.}\n"
    "  - {id: n5, text: Five.}\n"
    "  - {id: unused, text: Nobody cites me.}\n";

static int number_of(const quire_dataset *ds, const char *id)
{
    for (size_t i = 0; i < ds->n_footnotes; i++)
        if (!strcmp(quire_footnote_at(ds, i)->id, id))
            return quire_footnote_at(ds, i)->number;
    return -1;
}

/* The last run of t: a reference, with its number as text. */
static void last_ref(const quire_text *t, int want)
{
    const quire_run *r = quire_run_at(t, t->n_runs - 1);
    char text[16];
    snprintf(text, sizeof text, "%d", want);
    assert_int_equal(r->footnote, want);
    assert_string_equal(r->text, text);
}

static void renumbered(void **state)
{
    tpl_write("d.yaml", dataset);
    char *msgs;
    size_t len;
    FILE *out = open_memstream(&msgs, &len);
    diag d;
    diag_init(&d, out);
    quire_dataset *ds = NULL;
    assert_int_equal(dataset_load("d.yaml", NULL, 0, 0, &d, &ds), LOAD_OK);
    fflush(out);
    assert_null(strstr(msgs, "never referenced"));   /* the template may cite it */
    template_src *src;
    char *bind_msgs;
    quire_template *q = tpl_bind("quire-template: 1\nbody:\n  - summary\n"
                                 "  - chart: {table: t, note: 'Chart note.[^n3]'}\n"
                                 "  - section: s\n",
                                 ds, &src, &bind_msgs);
    assert_non_null(q);
    assert_non_null(strstr(bind_msgs, "footnote 'unused' is never referenced"));
    /* summary n2, chart: table description n4, note n3, section n1 then
     * n1's own reference n5 */
    assert_int_equal(number_of(ds, "n2"), 1);
    assert_int_equal(number_of(ds, "n4"), 2);
    assert_int_equal(number_of(ds, "n3"), 3);
    assert_int_equal(number_of(ds, "n1"), 4);
    assert_int_equal(number_of(ds, "n5"), 5);
    assert_int_equal(number_of(ds, "unused"), 0);
    last_ref(&quire_para_at(&ds->summary_text, 0)->text, 1);
    last_ref(&quire_table_at(ds, 0)->description_text, 2);
    last_ref(&quire_block_at(q, 1)->chart.note, 3);
    const quire_text *body = &quire_para_at(&quire_section_at(ds, 0)->body, 0)->text;
    assert_int_equal(quire_run_at(body, 1)->footnote, 4);
    last_ref(body, 1);
    last_ref(&quire_footnote_at(ds, 0)->text, 5);
    assert_ptr_equal(quire_find_footnote(ds, 3), quire_footnote_at(ds, 2));
    template_free(q);
    template_src_free(src);
    free(bind_msgs);
    dataset_free(ds);
    fclose(out);
    free(msgs);
    unlink("d.yaml");
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(renumbered)};
    return cmocka_run_group_tests(tests, tpl_setup, tpl_teardown);
}
