"""Reads the workbook of prose.yaml back (openpyxl for values, links and
merges; the package's XML for the rich-text runs, which openpyxl 3.0 does
not expose) and checks that markup became rich strings and hyperlinks,
lists one row per item, footnotes are on the summary sheet and the logo
is there at its width.

usage: check_prose.py FILE.xlsx
"""
import re
import sys
import zipfile

import openpyxl

path = sys.argv[1]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


wb = openpyxl.load_workbook(path)
summary, share = wb["Summary"], wb["Share"]
cells = {c.value: c for row in summary.iter_rows() for c in row if isinstance(c.value, str)}

para = "Spending grew fast1, see the table and the news."
check(para in cells, f"summary paragraph as one text: {sorted(cells)}")
comments = {c.coordinate: c.comment.text for row in summary.iter_rows() for c in row if c.comment}
if para in cells:
    c = cells[para]
    check(c.hyperlink is not None and c.hyperlink.target == "https://example.com/a",
          "the paragraph's web link is the cell's hyperlink")
    check(any(c.coordinate in r and str(r).startswith("A") for r in summary.merged_cells.ranges),
          "the paragraph spans the merged row")
check("\u2022 item one" in cells and "\u2022 item two" in cells, "a bulleted list, one row per item")
check("No markup here." in cells and cells["No markup here."].hyperlink is None,
      "a paragraph without markup: plain, no link")
check("Footnotes" in cells, "a Footnotes heading on the summary sheet")
if "Footnotes" in cells:
    r = cells["Footnotes"].row + 1
    check(summary.cell(r, 1).value == 1 and summary.cell(r, 2).value == "A footnote with bold text.",
          f"footnote 1: {summary.cell(r, 1).value!r} {summary.cell(r, 2).value!r}")
check("Never referenced." not in cells, "an unreferenced footnote is not shown")
check("grew a lot" in cells, "the figure note as text")

# the sheet's title and as_of rows come first: the header is row 3 (issue 19)
check(share["A4"].value == "AWS" and share["A5"].value == "Microsoft" and share["A6"].value is None,
      f"markup cells: {[share.cell(r, 1).value for r in range(4, 7)]}")
notes = {share.cell(r, 1).value: share.cell(r, 1) for r in range(7, 12)}
desc = notes.get("By provider, from the report")
check(desc is not None and desc.hyperlink is not None and desc.hyperlink.target == "https://example.com/r",
      f"the description with its link: {list(notes)}")

z = zipfile.ZipFile(path)
sst = z.read("xl/sharedStrings.xml").decode()
runs = re.findall(r"<r>(?:<rPr>(.*?)</rPr>)?<t[^>]*>([^<]*)</t></r>", sst)


def run_props(text):
    return [props for props, t in runs if t == text]


check(any("<b/>" in p for p in run_props("fast")), "**fast** in bold")
check(any("superscript" in p for p in run_props("1")), "the footnote number superscript")
check(any("<u/>" in p and "<b/>" not in p for p in run_props("the news")),
      "link text underlined, not bold")
check(any("<i/>" in p for p in run_props("two")), "*two* in italics")
check(any("<i/>" in p for p in run_props("grew")), "*grew* in the note in italics")
# a field in one style is a string in that style's format, no rich string
check(share["A4"].font.b and "<t>AWS</t>" in sst and not run_props("AWS") and not run_props("WS"),
      "**AWS**: a bold cell")
check(share["A8"].value == "Others" and share["A8"].font.i, "*Others*: an italic cell")
g = share["A7"]
check(g.value == "Google" and g.hyperlink is not None and
      g.hyperlink.target == "https://cloud.google.com/" and g.font.u == "single",
      f"a cell that is one link: a hyperlink cell showing its text: {g.value!r}")
check(not run_props("Google"), "a cell that is one link is no rich string")

two = "Two links: one and two, one again."
check(two in cells and cells[two].hyperlink is not None and
      cells[two].hyperlink.target == "https://example.com/one",
      "several links: the first is the cell's hyperlink")
if two in cells:
    check(comments.get(cells[two].coordinate) ==
          "one: https://example.com/one\ntwo: https://example.com/two",
          f"several links: a comment lists each once: {comments}")
if para in cells:
    check(comments.get(cells[para].coordinate) ==
          "the table: 'Share'!A1\nthe news: https://example.com/a",
          f"a table link and a web link: a comment lists both: {comments}")
check(len(comments) == 2, f"no comment on a cell with one link: {sorted(comments)}")
det = cells.get("Details in the share table.")
check(det is not None and det.hyperlink is not None and det.hyperlink.location == "'Share'!A1",
      "a link to a table goes to the table's sheet")
check(any("<u/>" in p for p in run_props("the share table")), "a table link in the link style")
check(any("<b/>" in p and "<u/>" in p for p in run_props("two")), "**two** in a link: bold and underlined")
check(any("595959" in p and "<i/>" in p for p in run_props("By provider, from ")),
      "the description keeps the grey italic of notes")

media = [n for n in z.namelist() if n.startswith("xl/media/")]
check(len(media) == 1, f"one image in the workbook: {media}")
drawings = [z.read(n).decode() for n in z.namelist() if re.match(r"xl/drawings/drawing\d+\.xml$", n)]
logo = [d for d in drawings if 'descr="the logo"' in d]
check(len(logo) == 1, "the logo with its alt text on one sheet")
rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode() if \
    "xl/worksheets/_rels/sheet1.xml.rels" in z.namelist() else ""
check("drawing" in rels, "the logo is on the summary sheet (the first)")
if logo:
    cx = int(re.search(r'<a:ext cx="(\d+)"', logo[0]).group(1))
    want = 40 / 25.4 * 96 * 9525          # 40 mm at 96 px an inch, in EMU
    check(abs(cx - want) / want < 0.02, f"logo width {cx} EMU, want about {want:.0f}")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
