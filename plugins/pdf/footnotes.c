/* footnotes.c — footnotes at the foot of the page that first refers to
 * them: set smaller under a short rule, above the footer; a note too long
 * for the room left continues at the foot of the next page. */
#include "pdf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define NOTE_SIZE 7.4
#define NOTE_LEADING 10.2
#define NOTE_INDENT 12.0
#define RULE_GAP 9.0      /* rule and space above the first note */
#define RULE_WIDTH 56.0

static text_look note_look(const pdf_ctx *ctx)
{
    return pdf_look(ctx, 0, NOTE_SIZE, 0x444444u);
}

int notes_init(pdf_ctx *ctx)
{
    ctx->n_notes = ctx->ds->n_footnotes;
    ctx->notes = calloc(ctx->n_notes ? ctx->n_notes : 1, sizeof *ctx->notes);
    if (!ctx->notes)
        return -1;
    /* found by number for every reference: a search through all notes
     * made 100,000 notes cost their number squared (issue 21) */
    ctx->max_number = 0;
    for (size_t i = 0; i < ctx->n_notes; i++)
        if (quire_footnote_at(ctx->ds, i)->number > ctx->max_number)
            ctx->max_number = quire_footnote_at(ctx->ds, i)->number;
    ctx->note_of = calloc((size_t)ctx->max_number + 1, sizeof *ctx->note_of);
    if (!ctx->note_of)
        return -1;
    for (size_t i = ctx->n_notes; i-- > 0;)   /* the first of a number, as before */
        if (quire_footnote_at(ctx->ds, i)->number > 0)
            ctx->note_of[quire_footnote_at(ctx->ds, i)->number] = &ctx->notes[i];
    text_look lk = note_look(ctx);
    for (size_t i = 0; i < ctx->n_notes; i++) {
        const quire_footnote *f = quire_footnote_at(ctx->ds, i);
        pdf_note *n = &ctx->notes[i];
        n->number = f->number;
        if (text_rich_from(&n->rich, &f->text, NULL) ||
            text_rich_break(&n->rich, &lk, ctx->width - NOTE_INDENT, &n->lines))
            return -1;
    }
    return 0;
}

void notes_free(pdf_ctx *ctx)
{
    for (size_t i = 0; ctx->notes && i < ctx->n_notes; i++) {
        text_rich_free(&ctx->notes[i].rich);
        lb_lines_free(&ctx->notes[i].lines);
    }
    free(ctx->notes);
    ctx->notes = NULL;
    free(ctx->note_of);
    ctx->note_of = NULL;
}

static pdf_note *note_numbered(pdf_ctx *ctx, int number)
{
    return number > 0 && number <= ctx->max_number ? ctx->note_of[number] : NULL;
}

void notes_pass_start(pdf_ctx *ctx)
{
    for (size_t i = 0; i < ctx->n_notes; i++)
        ctx->notes[i].placed = 0, ctx->notes[i].next_line = 0;
    ctx->n_page_notes = 0;
}

/* Notes of line not placed yet, each at most once. */
static size_t line_notes(pdf_ctx *ctx, const text_rich *r, const lb_line *line, pdf_note **out,
                         size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n_spans && n < max; i++) {
        const text_span *s = &r->spans[i];
        if (!s->footnote || s->end <= line->start || s->start >= line->end)
            continue;
        pdf_note *note = note_numbered(ctx, s->footnote);
        int dup = 0;
        for (size_t k = 0; k < n; k++)
            dup |= out[k] == note;
        if (note && !note->placed && !dup)
            out[n++] = note;
    }
    return n;
}

double notes_need(pdf_ctx *ctx, const text_rich *r, const lb_line *line)
{
    pdf_note *notes[8];
    size_t n = line_notes(ctx, r, line, notes, 8);
    double h = n && !ctx->n_page_notes ? RULE_GAP : 0;
    for (size_t i = 0; i < n; i++) /* two lines at least here; the rest may go on */
        h += (double)(notes[i]->lines.count < 2 ? notes[i]->lines.count : 2) * NOTE_LEADING;
    return n ? h : 0;
}

double notes_need_all(pdf_ctx *ctx, const text_rich *r)
{
    lb_line all = {0, r->len, 0};
    return notes_need(ctx, r, &all);
}

/* Sets what fits of note in this page's foot. */
static void set_note(pdf_ctx *ctx, pdf_note *note)
{
    if (ctx->n_page_notes == sizeof ctx->page_notes / sizeof ctx->page_notes[0])
        return;
    double rule = ctx->n_page_notes ? 0 : RULE_GAP;
    double room = page_room(ctx) - rule;
    size_t left = note->lines.count - note->next_line;
    size_t fit = room > 0 ? (size_t)(room / NOTE_LEADING) : 0;
    if (fit > left)
        fit = left;
    if (!fit && ctx->page_used)
        return; /* no room at all: the whole note goes on */
    if (!fit)
        fit = 1;
    ctx->page_notes[ctx->n_page_notes++] =
        (struct pdf_note_slot){(size_t)(note - ctx->notes), note->next_line, fit};
    note->next_line += fit;
    ctx->foot += rule + (double)fit * NOTE_LEADING;
}

void notes_place(pdf_ctx *ctx, const text_rich *r, const lb_line *line)
{
    pdf_note *notes[8];
    size_t n = line_notes(ctx, r, line, notes, 8);
    for (size_t i = 0; i < n; i++) {
        notes[i]->placed = 1;
        set_note(ctx, notes[i]);
    }
}

void notes_page_start(pdf_ctx *ctx)
{
    ctx->n_page_notes = 0;
    for (size_t i = 0; i < ctx->n_notes; i++)
        if (ctx->notes[i].placed && ctx->notes[i].next_line < ctx->notes[i].lines.count)
            set_note(ctx, &ctx->notes[i]); /* continued from the page before */
}

void notes_page_finish(pdf_ctx *ctx)
{
    if (!ctx->n_page_notes)
        return;
    text_look lk = note_look(ctx);
    double top = ctx->bottom + ctx->foot;
    page_begin(ctx, PDF_ROLE_ARTIFACT);
    page_rule(ctx, ctx->left, ctx->left + RULE_WIDTH, top - 3, 0.5, PDF_GREY_RGB);
    page_end(ctx);
    top -= RULE_GAP;
    for (size_t i = 0; i < ctx->n_page_notes; i++) {
        const struct pdf_note_slot *slot = &ctx->page_notes[i];
        pdf_note *note = &ctx->notes[slot->note];
        page_begin(ctx, PDF_ROLE_NOTE);
        if (slot->first == 0) {
            char num[16];
            snprintf(num, sizeof num, "%d", note->number);
            text_style st = {ctx->body, NOTE_SIZE, PDF_LINK_RGB};
            page_text(ctx, &st, ctx->left, top - (NOTE_LEADING + NOTE_SIZE * 0.72) / 2, num,
                      strlen(num));
            char id[32];
            snprintf(id, sizeof id, "#note-%d", note->number);
            const quire_footnote *f = quire_find_footnote(ctx->ds, note->number);
            links_dest(ctx, f ? f->id : NULL, top);
        }
        for (size_t k = 0; k < slot->count; k++) {
            const lb_line *l = &note->lines.items[slot->first + k];
            double base = top - (NOTE_LEADING + NOTE_SIZE * 0.72) / 2;
            page_rich_line(ctx, &note->rich, &lk, l, ctx->left + NOTE_INDENT, base,
                           ctx->width - NOTE_INDENT, 1);
            top -= NOTE_LEADING;
        }
        page_end(ctx);
    }
}
