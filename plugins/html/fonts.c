/* fonts.c — the page's two faces (the template's body and bold, as the
 * PDF finds them) and the widths the chart layout measures labels with.
 *
 * With the faces found, a label is measured as the PDF measures it
 * (font_measure.h: the same faces, the same fallbacks, shaped by
 * HarfBuzz), so the layout places it where it does in the PDF, and the
 * page embeds those faces (webfonts.c). Without them (a host that finds
 * no font) the width is an estimate from the kind of each character. */
#include "html.h"

#include "font_measure.h"
#include "utf8.h"

void fonts_open(html_doc *d)
{
    d->pattern[0] = d->tp->font_body ? d->tp->font_body : "NanumGothic";
    d->pattern[1] = d->tp->font_bold ? d->tp->font_bold : "NanumGothic:bold";
    for (int i = 0; i < 2; i++) {
        char path[4096], why[160];
        int index = 0;
        d->face[i] = NULL;
        if (d->job->host->find_font &&
            d->job->host->find_font(d->job, d->pattern[i], path, sizeof path, &index) == QUIRE_OK)
            d->face[i] = font_face_open(path, (unsigned)index, why, sizeof why);
    }
    if (!d->face[0] || !d->face[1])
        d->face[0] = d->face[1] = NULL; /* both, or the estimate for both */
}

/* Narrow ASCII: i l j t f r I and punctuation. */
static int strchr_narrow(uint32_t cp)
{
    for (const char *p = "iljtfrI.,:;'|!()[]{}-\"/`"; *p; p++)
        if ((uint32_t)(unsigned char)*p == cp)
            return 1;
    return 0;
}

/* Advance in ems of a character of a sans-serif face like NanumGothic. */
static double advance(uint32_t cp)
{
    if ((cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || cp >= 0x20000)
        return 0.92;
    if (cp == ' ')
        return 0.28;
    if (cp >= '0' && cp <= '9')
        return 0.56;
    if (cp < 0x80 && strchr_narrow(cp))
        return 0.26;
    if (cp == 'm' || cp == 'w' || cp == 'M' || cp == 'W' || cp == '%' || cp == '@')
        return 0.84;
    if (cp >= 'A' && cp <= 'Z')
        return 0.64;
    return 0.53;
}

double svg_text_width(const html_doc *d, int bold, double size, const char *s, size_t len)
{
    if (svg_fonts_exact(d))
        return font_measure(d->face[bold != 0], d->pattern[bold != 0], size, s, len);
    double em = 0;
    for (size_t i = 0, n; i < len; i += n)
        em += advance(utf8_decode(s + i, len - i, &n));
    return em * size * (bold ? 1.05 : 1.0);
}

int svg_fonts_exact(const html_doc *d)
{
    return d->face[0] != NULL;
}
