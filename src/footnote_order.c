/* footnote_order.c — footnotes numbered in the order the document shows
 * their references (issue 19: an English brief showed notes 1 and 3 on
 * page 3, because the loader numbers in the order of the file).
 *
 * The bound template's blocks are read in order, each block's prose in the
 * order a reader meets it: a figure's note; the summary; a section's body;
 * a table's description, then its cells row by row; a chart's title, its
 * table's description, its note; an image's caption. A footnote's own
 * text may cite another, which comes next. Footnotes cited only where the
 * template shows nothing come last, in the dataset's order. Every
 * reference run (its number and its text) and every quire_footnote.number
 * is then rewritten once. */
#include "footnote_order.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "0" … "999" without an allocation: DIGITS[n] + skip(n). */
#define TEN(p) p "0", p "1", p "2", p "3", p "4", p "5", p "6", p "7", p "8", p "9"
#define HUNDRED(p) TEN(p "0"), TEN(p "1"), TEN(p "2"), TEN(p "3"), TEN(p "4"), \
                   TEN(p "5"), TEN(p "6"), TEN(p "7"), TEN(p "8"), TEN(p "9")
static const char DIGITS[1000][4] = {HUNDRED("0"), HUNDRED("1"), HUNDRED("2"), HUNDRED("3"),
                                     HUNDRED("4"), HUNDRED("5"), HUNDRED("6"), HUNDRED("7"),
                                     HUNDRED("8"), HUNDRED("9")};

typedef struct order {
    int *to_new;      /* old number -> new, 0 while unseen; [0..max] */
    int *to_old;      /* new number -> old; [0..max] */
    size_t *note_of;  /* old number -> index of its footnote + 1, 0: none; [0..max] */
    int max, next;
} order;

static unsigned long long steps;   /* footnote_order_steps() */

static void see_text(order *o, const quire_text *t)
{
    steps += t ? t->n_runs : 0;
    for (size_t i = 0; t && i < t->n_runs; i++) {
        int f = quire_run_at(t, i)->footnote;
        if (f > 0 && f <= o->max && !o->to_new[f]) {
            o->to_new[f] = ++o->next;
            o->to_old[o->next] = f;
        }
    }
}

static void see_prose(order *o, const quire_prose *p)
{
    for (size_t i = 0; i < p->n_paras; i++) {
        const quire_para *para = quire_para_at(p, i);
        if (para->kind == QUIRE_PARA_TEXT)
            see_text(o, &para->text);
        for (size_t k = 0; para->kind == QUIRE_PARA_LIST && k < para->n_items; k++)
            see_text(o, quire_item_at(para, k));
    }
}

static void see_table(order *o, const quire_table *t)
{
    see_text(o, &t->description_text);
    for (size_t r = 0; r < t->n_rows; r++)
        for (size_t c = 0; c < t->n_columns; c++) {
            const quire_column *col = quire_column_at(t, c);
            if (col->rich)
                see_text(o, QUIRE_AT(col->rich, col->text_size, r));
        }
}

static void see_block(order *o, const quire_dataset *ds, const quire_block *b)
{
    switch (b->kind) {
    case QUIRE_BLOCK_FIGURES:
        for (size_t i = 0; i < b->n_figures; i++)
            see_text(o, &b->figures[i]->note_text);
        break;
    case QUIRE_BLOCK_SUMMARY: see_prose(o, &ds->summary_text); break;
    case QUIRE_BLOCK_SECTION: see_prose(o, &b->section->body); break;
    case QUIRE_BLOCK_TABLE: see_table(o, b->table); break;
    case QUIRE_BLOCK_CHART:
        see_text(o, &b->chart.title_text);
        see_text(o, &b->chart.table->description_text);
        see_text(o, &b->chart.note);
        break;
    case QUIRE_BLOCK_IMAGE: see_text(o, &b->image->caption); break;
    default: break;
    }
}

/* The footnotes' own texts, in the new order, as long as it grows: each
 * found by its number (issue 21: looking through every footnote for each
 * made 100,000 notes take minutes). */
static void see_notes(order *o, const quire_dataset *ds, int from)
{
    for (int n = from; n <= o->next; n++) {
        size_t i = o->note_of[o->to_old[n]];
        steps++;
        if (i)
            see_text(o, &quire_footnote_at(ds, i - 1)->text);
    }
}

unsigned long long footnote_order_steps(void)
{
    return steps;
}

/* Everything the dataset holds, in file order (the loader's). */
static void see_dataset(order *o, const quire_dataset *ds)
{
    see_prose(o, &ds->summary_text);
    for (size_t i = 0; i < ds->n_figures; i++)
        see_text(o, &quire_figure_at(ds, i)->note_text);
    for (size_t i = 0; i < ds->n_tables; i++)
        see_table(o, quire_table_at(ds, i));
    for (size_t i = 0; i < ds->n_sections; i++)
        see_prose(o, &quire_section_at(ds, i)->body);
    for (size_t i = 0; i < ds->n_images; i++)
        see_text(o, &quire_image_at(ds, i)->caption);
}

/* ---- rewriting: every text once ---- */

typedef struct rewrite {
    const order *o;
    arena *a;
    int failed;
} rewrite;

static const char *number_text(rewrite *rw, int n)
{
    if (n < 1000)
        return DIGITS[n] + (n < 10 ? 2 : n < 100 ? 1 : 0);
    char buf[16];
    snprintf(buf, sizeof buf, "%d", n);
    const char *s = arena_strdup(rw->a, buf);
    rw->failed |= s == NULL;
    return s ? s : "?";
}

static void redo_text(rewrite *rw, const quire_text *t)
{
    for (size_t i = 0; t && i < t->n_runs; i++) {
        quire_run *r = (quire_run *)quire_run_at(t, i);
        /* written only when it changes: a view built by hand may be read-only */
        if (r->footnote > 0 && r->footnote <= rw->o->max && rw->o->to_new[r->footnote] &&
            rw->o->to_new[r->footnote] != r->footnote) {
            r->footnote = rw->o->to_new[r->footnote];
            r->text = number_text(rw, r->footnote);
        }
    }
}

static void redo_prose(rewrite *rw, const quire_prose *p)
{
    for (size_t i = 0; i < p->n_paras; i++) {
        const quire_para *para = quire_para_at(p, i);
        if (para->kind == QUIRE_PARA_TEXT)
            redo_text(rw, &para->text);
        for (size_t k = 0; para->kind == QUIRE_PARA_LIST && k < para->n_items; k++)
            redo_text(rw, quire_item_at(para, k));
    }
}

static void redo_all(rewrite *rw, quire_dataset *ds, const quire_template *q)
{
    redo_prose(rw, &ds->summary_text);
    for (size_t i = 0; i < ds->n_figures; i++)
        redo_text(rw, &quire_figure_at(ds, i)->note_text);
    for (size_t i = 0; i < ds->n_tables; i++) {
        const quire_table *t = quire_table_at(ds, i);
        redo_text(rw, &t->description_text);
        for (size_t c = 0; c < t->n_columns; c++) {
            const quire_column *col = quire_column_at(t, c);
            for (size_t r = 0; col->rich && r < t->n_rows; r++)
                redo_text(rw, QUIRE_AT(col->rich, col->text_size, r));
        }
    }
    for (size_t i = 0; i < ds->n_sections; i++)
        redo_prose(rw, &quire_section_at(ds, i)->body);
    for (size_t i = 0; i < ds->n_images; i++)
        redo_text(rw, &quire_image_at(ds, i)->caption);
    for (size_t i = 0; i < ds->n_footnotes; i++)
        redo_text(rw, &quire_footnote_at(ds, i)->text);
    for (size_t i = 0; i < q->n_blocks; i++) {
        const quire_block *b = quire_block_at(q, i);
        if (b->kind != QUIRE_BLOCK_CHART)
            continue;
        redo_text(rw, &b->chart.title_text);
        redo_text(rw, &b->chart.note);
    }
}

int footnote_order(quire_dataset *ds, const quire_template *q, arena *a, diag *d)
{
    order o = {0};
    for (size_t i = 0; i < ds->n_footnotes; i++)
        if (quire_footnote_at(ds, i)->number > o.max)
            o.max = quire_footnote_at(ds, i)->number;
    o.to_new = calloc((size_t)o.max + 1, sizeof *o.to_new);
    o.to_old = calloc((size_t)o.max + 1, sizeof *o.to_old);
    o.note_of = calloc((size_t)o.max + 1, sizeof *o.note_of);
    if (!o.to_new || !o.to_old || !o.note_of) {
        free(o.to_new);
        free(o.to_old);
        free(o.note_of);
        diag_out_of_memory(d, q->path, 0, 0);
        return -1;
    }
    for (size_t i = ds->n_footnotes; i-- > 0;) {   /* the first of a number wins */
        int number = quire_footnote_at(ds, i)->number;
        if (number > 0)
            o.note_of[number] = i + 1;
    }
    for (size_t i = 0; i < q->n_blocks; i++) {
        int before = o.next;
        see_block(&o, ds, quire_block_at(q, i));
        see_notes(&o, ds, before + 1);
    }
    int before = o.next;
    see_dataset(&o, ds);
    see_notes(&o, ds, before + 1);
    rewrite rw = {&o, a, 0};
    redo_all(&rw, ds, q);
    for (size_t i = 0; i < ds->n_footnotes; i++) {
        quire_footnote *fn = (quire_footnote *)quire_footnote_at(ds, i);
        if (fn->number > 0 && fn->number <= o.max && o.to_new[fn->number] != fn->number)
            fn->number = o.to_new[fn->number];
        if (!fn->number && fn->id)
            diag_warning(d, fn->at.file, fn->at.line, fn->at.col,
                         "footnote '%s' is never referenced", fn->id);
    }
    free(o.to_new);
    free(o.to_old);
    free(o.note_of);
    if (rw.failed) {
        diag_out_of_memory(d, q->path, 0, 0);
        return -1;
    }
    return 0;
}
