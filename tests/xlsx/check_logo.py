"""Reads the logo back from a workbook's summary sheet: its size in EMU
(width_mm whatever resolution the file states, proportions kept), its
alt text or its decorative mark, its place (from the given column on, so
that the title's text does not run under it), and that no cell lies
under it.

usage: check_logo.py FILE.xlsx WIDTH_MM HEIGHT/WIDTH ALT|- MIN_COL
"""
import re
import sys
import zipfile

import openpyxl

path, width_mm, aspect, alt, min_col = sys.argv[1:6]
width_mm, aspect, min_col = float(width_mm), float(aspect), int(min_col)
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


z = zipfile.ZipFile(path)
rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
m = re.search(r'Target="../drawings/(drawing\d+\.xml)"', rels)
check(m, "a drawing on the summary sheet")
d = z.read("xl/drawings/" + m.group(1)).decode() if m else ""
ext = re.search(r'<a:ext cx="(\d+)" cy="(\d+)"', d)
want = width_mm / 25.4 * 914400
if ext:
    cx, cy = int(ext.group(1)), int(ext.group(2))
    check(abs(cx - want) / want < 0.01, f"width {cx} EMU, want {want:.0f}")
    check(abs(cy - want * aspect) / (want * aspect) < 0.01,
          f"height {cy} EMU, want {want * aspect:.0f}")
else:
    failures.append("no picture size")
if alt == "-":
    check('decorative" val="1"' in d or 'decorative val="1"' in d or
          re.search(r'decorative[^>]*val="1"', d), "no alt text: marked decorative")
else:
    check(f'descr="{alt}"' in d, f"alt text {alt!r} as the description")

frm = re.search(r"<xdr:from><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>", d)
to = re.search(r"<xdr:to><xdr:col>(\d+)</xdr:col>.*?<xdr:row>(\d+)</xdr:row>", d)
if frm and to:
    c0, r0, c1, r1 = int(frm.group(1)), int(frm.group(2)), int(to.group(1)), int(to.group(2))
    check(r0 == 0 and c0 >= min_col, f"top of the sheet from column {min_col}: at {c0},{r0}")
    ws = openpyxl.load_workbook(path).worksheets[0]
    under = [c.coordinate for row in ws.iter_rows(min_row=r0 + 1, max_row=r1 + 1)
             for c in row if c.value is not None and c0 <= c.column - 1 <= c1]
    for rng in ws.merged_cells.ranges:   # merged rows reach across
        if rng.min_row - 1 <= r1 and rng.max_col - 1 >= c0 and rng.min_col - 1 <= c1:
            under.append(str(rng))
    check(not under, f"cells under the logo (rows {r0}-{r1}, columns {c0}-{c1}): {under}")
else:
    failures.append("no anchor")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
