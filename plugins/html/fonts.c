/* fonts.c — the widths the chart layout measures its labels with.
 *
 * The page embeds the PDF's faces (webfonts.c), but a label's width here
 * is still an estimate from the kind of each character (the embedding may
 * fall back to system fonts); the SVG canvas hands that width to the
 * browser as textLength, so the glyphs it has fit the room the layout
 * gave them. */
#include "html.h"

#include "utf8.h"

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
    double em = 0;
    for (size_t i = 0, n; i < len; i += n)
        em += advance(utf8_decode(s + i, len - i, &n));
    return em * size * (bold ? 1.05 : 1.0);
}

int svg_fonts_exact(const html_doc *d)
{
    return 0;
}
