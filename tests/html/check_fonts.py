#!/usr/bin/python3
"""check_fonts.py PAGE — the page's @font-face fonts are subsets of the
PDF's faces that hold the page's text. Fails unless:

  - the style sheet has @font-face rules with data: fonts, one of them
    "quire-body" at weight 400 and one at weight 700;
  - every character of the page's text (its text nodes, SVG labels
    included, outside <style>) is in the cmap of some embedded font, and
    every character of bold-set text in a 700-weight one;
  - each embedded font is a subset: under a third of the size of the font
    file fontconfig gives for its family (and weight), and it holds fewer
    glyphs than that file."""
import base64
import html.parser
import io
import os
import re
import subprocess
import sys

from fontTools.ttLib import TTFont

RULE = re.compile(r'@font-face\{font-family:"([^"]+)";src:url\(data:(font/(?:ttf|otf));base64,'
                  r'([A-Za-z0-9+/=]+)\) format\("(truetype|opentype)"\);font-weight:(\d+)')
BOLD = {"strong", "b", "h1", "h2", "h3", "th", "caption", "figcaption"}


class Text(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.chars, self.bold_chars = [], set(), set()

    def handle_starttag(self, tag, attrs):
        if tag not in ("meta", "img", "br", "wbr", "hr", "input", "link"):
            self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass

    def handle_data(self, data):
        if "style" in self.stack or "title" in self.stack or "head" in self.stack and "body" not in self.stack:
            return
        chars = {c for c in data if not c.isspace()}
        self.chars |= chars
        if BOLD & set(self.stack):
            self.bold_chars |= chars


def main():
    page = sys.argv[1]
    doc = open(page, encoding="utf-8").read()
    fails = []
    rules = RULE.findall(doc)
    if not rules:
        sys.exit("FAIL: %s has no @font-face data: fonts" % page)
    cover = {400: set(), 700: set()}
    for family, mime, data, fmt, weight in rules:
        raw = base64.b64decode(data)
        font = TTFont(io.BytesIO(raw))
        cff = "CFF " in font
        if (mime == "font/otf") != cff or (fmt == "opentype") != cff:
            fails.append("%s %s: %s %s for a %s font" % (family, weight, mime, fmt,
                                                         "CFF" if cff else "glyf"))
        cmap = set(font.getBestCmap() or {})
        if not cmap:
            fails.append("%s %s: an empty cmap" % (family, weight))
        cover[int(weight)] |= cmap
        name = font["name"].getDebugName(1)
        query = "%s:weight=%s" % (name, "bold" if int(weight) == 700 else "regular")
        path = subprocess.run(["fc-match", "-f", "%{file}", query], capture_output=True,
                              text=True).stdout
        full = TTFont(path, fontNumber=0, lazy=True)
        size = os.path.getsize(path)
        print("%s %s: %s, %d bytes, %d glyphs, %d code points; file %s %d bytes, %d glyphs"
              % (family, weight, name, len(raw), font["maxp"].numGlyphs, len(cmap), path, size,
                 full["maxp"].numGlyphs))
        if len(raw) * 3 >= size or font["maxp"].numGlyphs >= full["maxp"].numGlyphs:
            fails.append("%s %s: %d bytes, not a subset of %s (%d bytes)"
                         % (family, weight, len(raw), path, size))
    if not any(r[0] == "quire-body" and r[4] == "400" for r in rules) or \
       not any(r[0] == "quire-body" and r[4] == "700" for r in rules):
        fails.append("no quire-body at weights 400 and 700")
    if '--font:"quire-body",' not in doc:
        fails.append("the family stack does not start with quire-body")
    text = Text()
    text.feed(doc)
    missing = sorted(c for c in text.chars if ord(c) not in cover[400] | cover[700])
    missing_bold = sorted(c for c in text.bold_chars if ord(c) not in cover[700])
    print("%d characters of text, %d of them bold" % (len(text.chars), len(text.bold_chars)))
    if len(text.chars) < 50:
        fails.append("only %d characters of text read" % len(text.chars))
    if missing:
        fails.append("in no embedded font: %s" % " ".join("U+%04X" % ord(c) for c in missing))
    if missing_bold:
        fails.append("bold text in no bold font: %s"
                     % " ".join("U+%04X" % ord(c) for c in missing_bold))
    for f in fails:
        print("FAIL:", f)
    sys.exit(1 if fails else 0)


main()
