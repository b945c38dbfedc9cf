"""Reads xlsx_harness's prose workbook (either mode: shared or inline
strings) and checks prose at the limits: more runs than libxlsxwriter
takes in a rich string, a rich string whose XML is over Excel's cell
limit, text over the limit, empty runs, one-character styled fields,
links that are no web links, several links, links to tables (sheet
names planned before the sheets are written), a column's own format.

usage: check_prose_edge.py FILE.xlsx   (written with 2 rows a sheet)
"""
import re
import sys
import zipfile

import openpyxl

path = sys.argv[1]
failures = []


def eq(got, want, what):
    if got != want:
        failures.append(f"{what}: got {got!r}, want {want!r}")


def word(i, width):
    return chr(ord("a") + i % 26) * width


def joined(n, width):
    return "".join(word(i, width) for i in range(n))


z = zipfile.ZipFile(path)
names = z.namelist()
sst = []
if "xl/sharedStrings.xml" in names:
    sst = re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)


def cell_xml(sheet, ref):
    """The string XML of a cell: its <si> or its inline <is>."""
    xml = z.read(f"xl/worksheets/sheet{sheet}.xml").decode()
    m = re.search(rf'<c r="{ref}"([^>]*[^/])?>(.*?)</c>', xml, re.S)
    if not m:
        return ""
    if ' t="s"' in (m.group(1) or ""):
        return sst[int(re.search(r"<v>(\d+)</v>", m.group(2)).group(1))]
    return m.group(2)


def runs(xml):
    return re.findall(r"<r>(?:<rPr>(.*?)</rPr>)?<t[^>]*>([^<]*)</t></r>", xml)


wb = openpyxl.load_workbook(path)
s, cells = wb.worksheets[0], wb.worksheets[1]

many = runs(cell_xml(1, "A5"))
eq(s["A5"].value, joined(600, 3), "600 runs: the text whole")
eq(len(many), 254, "600 runs: as many fragments as libxlsxwriter takes")
eq(["<b/>" in p for p, _ in many[:4]], [True, False, True, False], "600 runs: bold every other")
eq(s["A6"].value, joined(200, 150), "a rich string whose XML is over the limit: its text whole")
eq(runs(cell_xml(1, "A6")), [], "... as a plain string")
eq(s["A7"].value, joined(310, 110)[:32767], "text over the cell limit: cut at 32767")
eq(s["A8"].value, "Ab", "empty runs give no fragment")
eq([("<b/>" in p, t) for p, t in runs(cell_xml(1, "A8"))], [(True, "A"), (False, "b")],
   "the runs around the empty ones")
eq(s["A8"].hyperlink, None, "a link without text is no hyperlink")
eq(s["A9"].value, "\u2022 tab here not a link nor this", "control characters become spaces")
eq(s["A9"].hyperlink, None, "'internal:' inside a URL, tel: are no hyperlinks")
eq(runs(cell_xml(1, "A9")), [], "links that are no web links: plain text")
eq(s["A10"].hyperlink and s["A10"].hyperlink.target, "https://example.com/w",
   "a link after the bullet")
eq(s["A11"].value, "Note 1", "a footnote reference")
eq(["superscript" in p for p, t in runs(cell_xml(1, "A11")) if t == "1"], [True],
   "... superscript")
eq(s["A12"].hyperlink and s["A12"].hyperlink.target, "https://example.com/1",
   "two links: the first is the hyperlink")
eq(s["A12"].comment and s["A12"].comment.text,
   "one: https://example.com/1\ntwo: https://example.com/2", "two links: a comment lists them")
eq(s["A13"].hyperlink and s["A13"].hyperlink.location, "'Bob''s cells'!A1",
   "a link to a table: its sheet, the quote doubled")
eq(s["A13"].comment and s["A13"].comment.text,
   "cells: 'Bob''s cells'!A1\nother: 'Bob''s cells (2) (2)'!A1",
   "links to two tables: a comment lists their sheets")
eq(wb.sheetnames[1:], ["Bob's cells", "Bob's cells (2)", "Bob's cells (2) (2)"],
   "the sheets the links name (a title that is the first table's continuation name)")
# a table's sheet: title and as_of rows, then the header in row 3 (issue 19)
eq(wb["Bob's cells (2) (2)"]["A3"].value, "O", "the second table's link goes to its sheet")
eq((s["A16"].value, s["B16"].value, s["B16"].font.b), (1, "x", True),
   "footnote 1, one bold character: a bold cell")
eq(s["A17"].value, None, "footnote 0 (never referenced) is not listed")

eq((cells["A4"].value, cells["A4"].number_format), ("X", "@"),
   "one bold character in a column with its own format: the format kept")
eq([("<b/>" in p, t) for p, t in runs(cell_xml(2, "A5"))], [(True, "A"), (True, "B")],
   "a bold field in a column with its own format: a rich string")
more = wb.worksheets[2]   # rows 3 and 4 of the table: two rows a sheet
eq(more["A4"].hyperlink and more["A4"].hyperlink.target, "https://example.com/go",
   "a link cell in a column with its own format")
eq(more["A5"].value, None, "a missing markup cell stays empty")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
