"""Reads the flagship's workbook against its dataset and template (what an
analyst opens, issues 9 and 13): the summary's bold key numbers are bold
runs on the summary sheet, every footnote the text references is listed
there in number order and its number survives as a superscript marker,
the template's logo is on the summary sheet with its alt text at its
width, and every source URL is a hyperlink.

usage: check_briefing_prose.py FILE.xlsx DATASET.yaml TEMPLATE.yaml
"""
import re
import sys
import unicodedata
import zipfile

import openpyxl
import yaml

xlsx, ds_path, tmpl_path = sys.argv[1:4]
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


ds = yaml.safe_load(open(ds_path, encoding="utf-8"))
tmpl = yaml.safe_load(open(tmpl_path, encoding="utf-8"))
raw = open(ds_path, encoding="utf-8").read()
z = zipfile.ZipFile(xlsx)
wb = openpyxl.load_workbook(xlsx)
summary = wb.worksheets[0]
sst = re.findall(r"<si>(.*?)</si>", z.read("xl/sharedStrings.xml").decode(), re.S)


def runs(si):
    return re.findall(r"<r>(?:<rPr>(.*?)</rPr>)?<t[^>]*>([^<]*)</t></r>", si)


def sheet_strings(n):
    """The shared strings the cells of sheet n use."""
    xml = z.read(f"xl/worksheets/sheet{n}.xml").decode()
    return [sst[int(i)] for i in re.findall(r'<c r="[A-Z]+\d+"[^>]* t="s"[^>]*><v>(\d+)</v>', xml)]


# bold key numbers of the summary
entries = [e for s in ds["summary"] for e in (s if isinstance(s, list) else [s])]
bold = [b.strip() for e in entries for b in re.findall(r"\*\*(.+?)\*\*", e, re.S)]
check(bold, "the flagship's summary has bold text")
bold_runs = {t for si in sheet_strings(1) for p, t in runs(si) if "<b/>" in p}
for b in bold:
    check(b in bold_runs, f"summary: **{b}** is a bold run on the summary sheet")

# footnotes: each referenced one listed under its heading, in number order
referenced = {fn["id"] for fn in ds.get("footnotes", []) if f"[^{fn['id']}]" in raw}
texts = {re.sub(r"\s+", " ", fn["text"].replace("**", "")).strip()
         for fn in ds.get("footnotes", []) if fn["id"] in referenced}
check(len(referenced) >= 4, f"the flagship references its footnotes: {referenced}")
heads = [c for row in summary.iter_rows() for c in row if c.value == "각주"]
check(len(heads) == 1, "one 각주 heading on the summary sheet")
if heads:
    r = heads[0].row + 1
    listed = []
    while summary.cell(r, 1).value is not None:
        listed.append((summary.cell(r, 1).value, summary.cell(r, 2).value))
        # merged cells are never fitted: a text wider than B:H (142
        # characters, wide ones count 2) needs a taller row
        text = summary.cell(r, 2).value or ""
        width = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
        height = summary.row_dimensions[r].height or 15
        check(width <= 142 or height >= 30, f"footnote row {r}: {height} pt for {width} columns")
        r += 1
    check([n for n, _ in listed] == list(range(1, len(referenced) + 1)),
          f"footnotes numbered 1..{len(referenced)} in order: {[n for n, _ in listed]}")
    check({t for _, t in listed} == texts, "the footnotes' texts, each once")

# footnote markers: each number a superscript run somewhere in the workbook
supers = {t for si in sst for p, t in runs(si) if "superscript" in p}
for n in range(1, len(referenced) + 1):
    check(str(n) in supers, f"footnote marker {n} survives as a superscript run")

# the logo: on the first sheet, its alt text, its width
logo = tmpl["logo"]
rels = z.read("xl/worksheets/_rels/sheet1.xml.rels").decode()
drawing = re.search(r'Target="../drawings/(drawing\d+\.xml)"', rels)
check(drawing, "the summary sheet has a drawing")
check(any(n.startswith("xl/media/") and n.endswith(".png") for n in z.namelist()),
      "the logo's PNG in xl/media")
if drawing:
    d = z.read("xl/drawings/" + drawing.group(1)).decode()
    check(f'descr="{logo["alt"]}"' in d, f"the logo's alt text as its description: {logo['alt']}")
    cx = re.search(r'<a:ext cx="(\d+)"', d)
    want = logo["width_mm"] / 25.4 * 914400
    check(cx and abs(int(cx.group(1)) - want) / want < 0.02,
          f"logo {cx and cx.group(1)} EMU wide, want about {want:.0f}")

# every source URL a hyperlink on the sources sheet
sources = wb.worksheets[-1]
links = {c.hyperlink.target for row in sources.iter_rows() for c in row if c.hyperlink}
for s in ds.get("sources", []):
    if str(s.get("url", "")).startswith(("http://", "https://")):
        check(s["url"] in links, f"source {s['id']}: its URL is a hyperlink")

for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)
