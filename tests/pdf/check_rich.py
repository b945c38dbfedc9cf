"""Reads back rich_harness's PDF: faces, links, footnote, list, image.

usage: check_rich.py HARNESS PLUGIN.so WORKDIR"""
import os
import re
import subprocess
import sys

import pikepdf

failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


harness, plugin, work = sys.argv[1:4]
pdf = os.path.join(work, "rich.pdf")
subprocess.run([harness, plugin, pdf, os.path.join(work, "rich.png")], check=True)

fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True, check=True).stdout
expect("NanumGothicBold" in fonts, "the bold face is embedded (pdffonts)")

pages = []
n_pages = len(pikepdf.open(pdf).pages)
for p in range(1, n_pages + 1):
    pages.append(subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-layout", pdf, "-"],
                                capture_output=True, text=True, check=True).stdout)
body = [i for i, t in enumerate(pages) if "strong words" in t]
expect(len(body) == 1, "the paragraph is on one page")
if body:
    page = pages[body[0]]
    expect("slanted words" in page and "link to the report" in page, "every run is drawn")
    note = page.find("Footnote one")
    expect(note > page.find("strong words"), "the footnote is below its reference, same page")
    expect("Footnote one" not in "".join(pages[:body[0]] + pages[body[0] + 1:]),
           "the footnote is set once")
    expect(re.search(r"•\s*First item", page) is not None, "a bulleted list item")

# pdftotext -bbox: the strong words are in the bold face's wider glyphs
bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                      check=True).stdout
words = re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>',
                   bbox)
expect(any(w[2] == "strong" for w in words), "pdftotext -bbox finds the strong word")

doc = pikepdf.open(pdf)
uris, gotos, slanted = set(), 0, False
for page in doc.pages:
    for a in page.get("/Annots", []):
        action = a.get("/A")
        if action is not None and action.get("/S") == "/URI":
            uris.add(str(action.get("/URI")))
        elif "/Dest" in a or (action is not None and action.get("/S") == "/GoTo"):
            gotos += 1
    for operands, op in pikepdf.parse_content_stream(page):
        if str(op) == "Tm" and abs(float(operands[2]) - 0.2126) < 1e-3:
            slanted = True
expect(slanted, "emphasis is the regular face slanted 12 degrees (Tm)")
expect("https://example.org/report" in uris, "the paragraph's URL is a URI link")
expect("https://example.org/source" in uris, "the source's URL is a URI link")
expect("https://azure.example" in uris, "a markup table cell's link")
contents = [t for t in pages if "Contents" in t]
expect(gotos >= 3, "internal links: contents entries and the jump to the table (%d)" % gotos)

# a long note continues on the next page, never over the footer
starts = [i for i, t in enumerate(pages) if "Long note begins." in t]
ends = [i for i, t in enumerate(pages) if "Long note ends." in t]
expect(len(starts) == 1 and len(ends) == 1 and ends[0] == starts[0] + 1,
       "a long note continues on the next page (%s, %s)" % (starts, ends))
pages_xml = re.split(r"<page ", bbox)[1:]
for i in starts + ends:
    if i >= len(pages_xml):
        continue
    ws = re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
                    pages_xml[i])
    foot = [float(a) for a, _, w in ws if w == "{page}"]
    note = [float(b) for _, b, w in ws if w in ("Long", "note")]
    expect(foot and note and max(note) < min(foot), "the note stays above the footer (page %d)"
           % (i + 1))

images = subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True,
                        check=True).stdout.splitlines()[2:]
expect(len(images) >= 3, "image block and logo on cover and header (pdfimages -list): %d"
       % len(images))
expect(any("A red band." in t for t in pages), "the image's caption")

print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
sys.exit(1 if failures else 0)
