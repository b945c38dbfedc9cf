/* style.c — the page's one style sheet, inline: a single column that
 * reads from 375 px phones to wide screens, a dark scheme for readers who
 * ask for one, and a print sheet for the template's page and margins.
 *
 * Colours come from the template's palette, but every colour text is set
 * in is first made readable on every background it sits on (WCAG 1.4.3,
 * 4.5:1): a light accent is darkened for text on white and lightened for
 * text on the dark scheme's background. */
#include "html.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Aim a little above 4.5:1: browsers round colours on the way. */
#define TEXT_RATIO 4.7

#define LIGHT_BG 0xFFFFFFu
#define LIGHT_TEXT 0x222222u
#define LIGHT_ZEBRA 0xF3F5F8u
#define DARK_BG 0x15181Cu
#define DARK_CARD 0x20252Cu
#define DARK_ZEBRA 0x1B1F24u
#define DARK_HEAD 0x28313Cu
#define DARK_TEXT 0xE6E8EBu
#define LINK_RGB 0x1F5FA8u
#define MUTED_RGB 0x666666u
#define UP_RGB 0x2E7D32u
#define DOWN_RGB 0xC0392Bu

typedef struct scheme {
    uint32_t bg, text, muted, link, accent, card, zebra, head, rule, up, down;
} scheme;

/* The darker (light scheme) or lighter (dark) of two backgrounds: text
 * readable on it is readable on both. */
static uint32_t worst(uint32_t a, uint32_t b, int dark)
{
    double ca = palette_contrast(a, dark ? 0xFFFFFFu : 0x000000u);
    double cb = palette_contrast(b, dark ? 0xFFFFFFu : 0x000000u);
    return ca < cb ? a : b;
}

static scheme light_scheme(uint32_t accent)
{
    scheme s = {LIGHT_BG, LIGHT_TEXT, 0, 0, 0, palette_tint(accent, 0.07), LIGHT_ZEBRA,
                palette_tint(accent, 0.16), 0xC8CCD2u, 0, 0};
    uint32_t bg = worst(worst(s.card, s.zebra, 0), s.head, 0);
    s.muted = palette_readable(MUTED_RGB, bg, TEXT_RATIO);
    s.link = palette_readable(LINK_RGB, bg, TEXT_RATIO);
    s.accent = palette_readable(accent, bg, TEXT_RATIO);
    s.up = palette_readable(UP_RGB, bg, TEXT_RATIO);
    s.down = palette_readable(DOWN_RGB, bg, TEXT_RATIO);
    return s;
}

static scheme dark_scheme(uint32_t accent)
{
    scheme s = {DARK_BG, DARK_TEXT, 0, 0, 0, DARK_CARD, DARK_ZEBRA, DARK_HEAD, 0x3A424Cu, 0, 0};
    uint32_t bg = worst(worst(s.card, s.zebra, 1), s.head, 1);
    s.muted = palette_readable(0x9AA0A6u, bg, TEXT_RATIO);
    s.link = palette_readable(0x8AB4F8u, bg, TEXT_RATIO);
    s.accent = palette_readable(accent, bg, TEXT_RATIO);
    s.up = palette_readable(0x81C995u, bg, TEXT_RATIO);
    s.down = palette_readable(0xF28B82u, bg, TEXT_RATIO);
    return s;
}

static void vars(buf *b, const scheme *s)
{
    buf_printf(b,
               "--bg:#%06x;--text:#%06x;--muted:#%06x;--link:#%06x;--accent:#%06x;"
               "--card:#%06x;--zebra:#%06x;--head:#%06x;--rule:#%06x;--up:#%06x;--down:#%06x;",
               s->bg, s->text, s->muted, s->link, s->accent, s->card, s->zebra, s->head, s->rule,
               s->up, s->down);
}

/* The family of a fontconfig pattern ("NanumGothic:bold" -> NanumGothic),
 * kept to characters a CSS string needs no escape for. */
static void family_of(const char *pattern, char *out, size_t size)
{
    size_t n = 0;
    for (const char *p = pattern; p && *p && *p != ':' && *p != ',' && n + 1 < size; p++)
        if (isalnum((unsigned char)*p) || *p == ' ' || *p == '-' || *p == '_')
            out[n++] = *p;
    out[n] = '\0';
}

/* The print page: the template's size and margins. */
static void page_rule(html_doc *d)
{
    const quire_template *tp = d->tp;
    static const char *const named[] = {"A4", "A5", "Letter", "Legal"};
    const char *size = NULL;
    for (size_t i = 0; tp->page_size && i < sizeof named / sizeof named[0]; i++)
        if (!strcmp(tp->page_size, named[i]))
            size = named[i];
    buf *b = &d->out;
    if (size)
        buf_printf(b, "@page{size:%s %s;", size, tp->landscape ? "landscape" : "portrait");
    else
        buf_printf(b, "@page{size:%.2fpt %.2fpt;", tp->page_width_pt, tp->page_height_pt);
    const double *m = tp->margin_pt;
    buf_printf(b, "margin:%.1fmm %.1fmm %.1fmm %.1fmm}\n", m[0] * 25.4 / 72, m[1] * 25.4 / 72,
               m[2] * 25.4 / 72, m[3] * 25.4 / 72);
}

static const char screen_css[] =
    "*,*::before,*::after{box-sizing:border-box}\n"
    "html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
    "body{margin:0;background:var(--bg);color:var(--text);font-family:var(--font);"
    "font-size:1rem;line-height:1.65;overflow-wrap:break-word}\n"
    ":lang(ko){word-break:keep-all}\n"
    "a{color:var(--link)}\n"
    "a:focus-visible,.scroll:focus-visible,summary:focus-visible{outline:3px solid var(--link);"
    "outline-offset:2px}\n"
    ".cover .band{background:var(--band);color:#fff;padding:2.5rem max(1rem,calc((100% - 48rem) / 2)) 2rem}\n"
    ".cover .band h1{font-size:clamp(1.6rem,5vw,2.4rem);line-height:1.25;margin:.6rem 0 .4rem;text-wrap:balance}\n"
    ".cover .org{margin:0;font-weight:700;font-size:.9rem}\n"
    ".cover .subtitle{margin:0;color:var(--band-sub);font-size:1.15rem}\n"
    ".cover .logo{float:right;max-width:40%;height:auto;margin:0 0 .5rem 1rem;background:#fff;"
    "padding:4px;border-radius:3px}\n"
    ".cover .period,.cover .meta{max-width:50rem;margin-left:auto;margin-right:auto;"
    "padding:0 1rem}\n"
    ".cover .period{font-size:1.4rem;font-weight:700;color:var(--accent);margin-top:1.2rem;"
    "margin-bottom:.3rem}\n"
    ".cover .meta{display:flex;flex-wrap:wrap;gap:.2rem 2rem;margin-top:0}\n"
    ".cover .meta dt{font-size:.8rem;color:var(--muted)}\n"
    ".cover .meta dd{margin:0}\n"
    "header.bare,nav.contents,main{max-width:50rem;margin:0 auto;padding:0 1rem}\n"
    "header.bare h1{font-size:clamp(1.6rem,5vw,2.2rem);line-height:1.25}\n"
    "nav.contents{margin-top:1.5rem}\n"
    "nav.contents ol{padding-left:1.4rem}\n"
    "nav.contents ol ol{list-style:none;padding-left:1rem}\n"
    "h2{color:var(--accent);font-size:1.45rem;line-height:1.3;margin:2.2rem 0 .6rem;"
    "padding-bottom:.2rem;border-bottom:2px solid var(--accent)}\n"
    "h3{font-size:1.15rem;line-height:1.35;margin:1.8rem 0 .5rem}\n"
    /* one rule down the summary, its lists too (no gaps between blocks) */
    "section.summary>p,section.summary>ul{border-left:4px solid var(--accent);margin:0;"
    "padding:.35rem 0 .35rem .8rem}\n"
    "section.summary>ul{padding-left:2.2rem}\n"
    "ul.figures{list-style:none;padding:0;margin:1rem 0;display:grid;gap:.75rem;"
    "grid-template-columns:repeat(auto-fill,minmax(min(100%,13rem),1fr))}\n"
    ".card{background:var(--card);border-top:3px solid var(--accent);padding:.7rem .9rem}\n"
    ".card p{margin:0}\n"
    ".card .label{font-size:.88rem}\n"
    ".card .value{font-size:1.7rem;font-weight:700;color:var(--accent);line-height:1.3}\n"
    ".card .unit{font-size:.95rem;font-weight:400;color:var(--muted)}\n"
    ".card .change{font-weight:700;font-size:.9rem}\n"
    ".card .change.up{color:var(--up)}\n"
    ".card .change.down{color:var(--down)}\n"
    ".card .basis{font-weight:400;color:var(--muted)}\n"
    ".card .note,.source,.desc{font-size:.85rem;color:var(--muted)}\n"
    ".card .source{margin-top:.3rem;font-size:.78rem}\n"
    ".scroll{overflow-x:auto;margin:.5rem 0}\n"
    ".scroll.long{max-height:36rem;overflow-y:auto}\n"
    "table{border-collapse:collapse;width:100%;font-size:.9rem;line-height:1.45}\n"
    "caption{text-align:left;font-weight:700;padding:.3rem 0}\n"
    "caption .desc{display:block;font-weight:400}\n"
    "th,td{padding:.35rem .6rem;border-bottom:1px solid var(--rule);vertical-align:top;"
    "text-align:left}\n"
    "thead th{background:var(--head);position:sticky;top:0}\n"
    "tbody tr:nth-child(even){background:var(--zebra)}\n"
    "tbody th{font-weight:400}\n"
    ".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
    ".null{color:var(--muted)}\n"
    "figure{margin:1.6rem 0}\n"
    "figcaption{font-weight:700}\n"
    ".chart svg{display:block;width:100%;height:auto;background:#fff;border-radius:4px;"
    "margin:.4rem 0}\n"
    ".plot.narrow{display:none}\n"
    "@media (max-width:36rem){.plot.wide{display:none}.plot.narrow{display:block}}\n"
    ".visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;"
    "overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}\n"
    ".chart p,.table>p{margin:.25rem 0}\n"
    ".image img{display:block;max-width:100%;height:auto;margin:0 auto .4rem}\n"
    ".image figcaption{font-weight:400;font-size:.9rem}\n"
    ".image.sized{max-width:100%;margin-left:auto;margin-right:auto}\n"
    ".image.sized img{width:100%}\n"
    ".image.sized.left{margin-left:0}\n"
    ".image.sized.right{margin-right:0}\n"
    ".image figcaption .source{display:block}\n"
    "details.data{margin:.4rem 0}\n"
    "summary{cursor:pointer;color:var(--link)}\n"
    "section.sources li,section.notes li{margin:.3rem 0;overflow-wrap:anywhere}\n"
    "section.notes{font-size:.92rem}\n"
    "sup.fnref{line-height:0}\n"
    "main{padding-bottom:3rem}\n";

static const char print_css[] =
    "@media print{\n"
    ":root{--bg:#fff;--text:#000}\n"
    "body{font-size:10pt;line-height:1.5}\n"
    "header.bare,nav.contents,main,.cover .period,.cover .meta{max-width:none;padding:0}\n"
    ".cover .band{padding:1.5rem;print-color-adjust:exact;-webkit-print-color-adjust:exact}\n"
    ".cover{break-after:page}\n"
    "nav.contents{break-after:page}\n"
    ".page-break{break-before:page}\n"
    "h2,h3,caption,figcaption{break-after:avoid}\n"
    "figure,tr,.card,img,svg,ul.figures li{break-inside:avoid}\n"
    ".scroll,.scroll.long{overflow:visible;max-height:none}\n"
    "thead th{position:static}\n"
    "details.data,.plot.narrow{display:none}\n"
    ".plot.wide{display:block}\n"
    "a[href^=\"http\"]:not(.url)::after,a[href^=\"mailto:\"]:not(.url)::after"
    "{content:\" <\" attr(href) \">\";font-size:.85em;overflow-wrap:anywhere}\n"
    "}\n";

void style_write(html_doc *d)
{
    buf *b = &d->out;
    uint32_t accent = palette_color(d->tp->palette, d->tp->n_palette, 0);
    scheme light = light_scheme(accent), dark = dark_scheme(accent);
    /* The cover's band carries white text: dark enough for it. */
    uint32_t band = palette_readable(accent, 0xFFFFFFu, TEXT_RATIO);
    uint32_t band_sub = palette_readable(palette_tint(accent, 0.18), band, TEXT_RATIO);
    char body[128], bold[128];
    family_of(d->tp->font_body ? d->tp->font_body : "NanumGothic", body, sizeof body);
    family_of(d->tp->font_bold ? d->tp->font_bold : body, bold, sizeof bold);
    buf_put(b, "<style>\n");
    /* The embedded faces come before the rules that use them. */
    if (d->fonts.len)
        buf_putn(b, d->fonts.data, d->fonts.len);
    buf_put(b, ":root{color-scheme:light dark;");
    vars(b, &light);
    buf_printf(b, "--band:#%06x;--band-sub:#%06x;--font:", band, band_sub);
    if (d->fonts.len) {
        buf_put(b, "\"quire-body\",");
        for (size_t i = 1; i <= d->n_fallback; i++)
            buf_printf(b, "\"quire-fb%zu\",", i);
    }
    if (body[0])
        buf_printf(b, "\"%s\",", body);
    buf_put(b, "system-ui,-apple-system,\"Segoe UI\",\"Noto Sans\",\"Noto Sans KR\","
               "\"Apple SD Gothic Neo\",\"Malgun Gothic\",sans-serif}\n");
    buf_put(b, "@media (prefers-color-scheme:dark){:root{");
    vars(b, &dark);
    buf_put(b, "}}\n");
    buf_put(b, screen_css);
    page_rule(d);
    buf_put(b, print_css);
    buf_put(b, "</style>\n");
}
