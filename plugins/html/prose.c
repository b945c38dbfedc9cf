/* prose.c — narrative text: a section (its own <section> with a heading,
 * paragraphs and lists) and the summary. */
#include "html.h"

void section_write(html_doc *d, const quire_section *s)
{
    char id[512];
    ids_claim(d, "section", s->id, id, sizeof id);
    html_open_section(d, 0, id, NULL, s->heading ? s->heading : "");
    prose_write(d, &s->body, &s->paragraphs);
}

void summary_write(html_doc *d)
{
    const quire_prose *p = &d->ds->summary_text;
    if (!d->ds->summary.count && !p->n_paras)
        return;
    char id[64];
    ids_claim(d, "part", "summary", id, sizeof id);
    html_open_section(d, 0, id, "summary", words(d->lang, WORD_SUMMARY));
    prose_write(d, p, &d->ds->summary);
    html_close_sections(d, 0); /* what follows is not part of the summary */
}
