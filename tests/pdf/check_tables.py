"""Tables and empty blocks through the real program, read back with poppler.

usage: check_tables.py QUIRE PLUGIN_DIR WORKDIR

- a wide table (one text and ten number columns, A4 portrait): every number
  comes back whole from pdftotext -bbox, inside the text width, and the
  numbers agree with the CSV export cell for cell;
- a table's title never sits at a page foot without its first rows;
- max_rows: the first rows and a line saying how many follow;
- a one-figure brief has no contents page and no sources heading."""
import csv
import os
import re
import subprocess
import sys

quire, plugins, work = sys.argv[1:4]
failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def render(name, text, formats="pdf", extra=()):
    path = os.path.join(work, name + ".yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    out = os.path.join(work, "out-" + name)
    subprocess.run([quire, "render", path, "-f", formats, "-o", out, "--plugin-dir", plugins,
                    "--quiet", *extra], check=True)
    return out


def pages_text(pdf):
    n = int(re.search(r"Pages:\s+(\d+)", subprocess.run(
        ["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout).group(1))
    return [subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-layout", pdf, "-"],
                           capture_output=True, text=True, check=True).stdout
            for p in range(1, n + 1)]


def bbox_words(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                         check=True).stdout
    return [(float(a), float(b), w) for a, b, w in re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</word>', out)]


HEAD = "quire: 1\nid: {id}\ntitle: {title}\nlanguage: en\n"

# 1. the wide table
cols = "".join("      - {id: c%d, label: Quarterly amount %d, type: number}\n" % (i, i)
               for i in range(10))
rows, values = "", []
for r in range(12):
    vals = [round(1234567.5 * (r + 1) / (c + 1), 1) for c in range(10)]
    values.append(vals)
    rows += "      - [Name of a rather long item %d, %s]\n" % (r, ", ".join("%.1f" % v for v in vals))
wide = HEAD.format(id="wide", title="Wide table") + """tables:
  - id: wide
    title: Ten number columns
    columns:
      - {id: name, label: Name, type: text}
""" + cols + "    rows:\n" + rows
out = render("wide", wide, "pdf,csv")
pdf = os.path.join(out, "wide.pdf")
words = bbox_words(pdf)
tokens = [w for _, _, w in words]
expected = ["{:,.1f}".format(v) for row in values for v in row]
missing = [e for e in expected if e not in tokens]
expect(not missing, "every number whole in the PDF (missing: %s)" % missing[:5])
# A4 portrait, the default template's margins: inside the page's text area
expect(all(a >= 30 and b <= 595.3 - 30 for a, b, _ in words), "every word inside the page")
csv_path = [p for p in os.listdir(out) if p.endswith(".wide.csv")]
expect(len(csv_path) == 1, "the table's CSV file")
if csv_path:
    with open(os.path.join(out, csv_path[0]), encoding="utf-8-sig") as f:
        table = list(csv.reader(f))[1:]
    from_csv = ["{:,.1f}".format(float(v)) for row in table for v in row[1:]]
    pdf_numbers = [t for t in tokens if re.fullmatch(r"[\d,]+\.\d", t)]
    expect(sorted(from_csv) == sorted(pdf_numbers), "PDF numbers agree with the CSV cell for cell")

# 2. a table's title stays with its first rows, wherever it falls
filler = "Filler words that take a line or two of the page before the table comes. " * 3
for n in range(4, 22, 2):
    body = "".join("      - %s\n" % filler for _ in range(n))
    doc = HEAD.format(id="foot%d" % n, title="Foot") + """sections:
  - id: s
    heading: Text
    body:
""" + body + """tables:
  - id: t
    title: The kept title
    description: A description under the title that should stay with it.
    columns:
      - {id: a, label: Label, type: text}
      - {id: b, label: Value, type: number}
    rows:
""" + "".join("      - [Row %d, %d]\n" % (i, i) for i in range(1, 30))
    pages = pages_text(os.path.join(render("foot%d" % n, doc), "foot%d.pdf" % n))
    at = [i for i, t in enumerate(pages) if "should stay with it" in t]
    expect(at and "Row 2" in pages[at[0]], "title with its first two rows (%d fillers)" % n)

# 2b. a heading goes to the next page with the table that follows it
tmpl = os.path.join(work, "heading-table.yaml")
with open(tmpl, "w", encoding="utf-8") as f:
    f.write("quire-template: 1\nname: heading-table\npage: {size: A4}\n"
            "body:\n  - section: s\n  - heading: Numbers heading\n  - table: t\n")
for n in range(4, 30):
    body = "".join("      - %s\n" % filler for _ in range(n // 2)) + \
        ("      - One more line.\n" if n % 2 else "")
    doc = HEAD.format(id="head%d" % n, title="Heading") + """sections:
  - id: s
    heading: Text
    body:
""" + body + """tables:
  - id: t
    title: The table title
    description: The description under the title. It runs on for a while, so that the
      title, the description, the header and the first two rows need more room than the
      three lines a heading keeps for what follows it, which is what this case is about.
    columns:
      - {id: a, label: Label, type: text}
      - {id: b, label: Value, type: number}
    rows:
""" + "".join("      - [Row %d, %d]\n" % (i, i) for i in range(1, 9))
    pages = pages_text(os.path.join(render("head%d" % n, doc, extra=["-t", tmpl]),
                                    "head%d.pdf" % n))
    at = [i for i, t in enumerate(pages) if "Numbers heading" in t]
    expect(at and "The description under the title." in pages[at[0]],
           "a heading stays with the table after it (%d fillers)" % n)

# 3. max_rows
long = HEAD.format(id="long", title="Long") + """tables:
  - id: t
    title: Long table
    columns:
      - {id: a, label: Label, type: text}
      - {id: b, label: Value, type: integer}
    rows:
""" + "".join("      - [Item %d, %d]\n" % (i, i) for i in range(1, 101))
text = "".join(pages_text(os.path.join(render("long", long, extra=["-O", "pdf.max_rows=20"]),
                                       "long.pdf")))
expect("Item 20" in text and "Item 21" not in text, "max_rows: the first 20 rows only")
expect("80 more rows" in text and "workbook" in text, "max_rows: a line says how many follow")

# 3b. a table too wide for the page is set in groups of columns: each
# group after the first repeats the title, saying it goes on
cols = "".join("      - {id: c%d, label: Column %d, type: number}\n" % (i, i) for i in range(40))
groups = HEAD.format(id="groups", title="Groups") + """tables:
  - id: t
    title: Forty columns
    columns:
      - {id: name, label: Name, type: text}
""" + cols + "    rows:\n" + "".join(
    "      - [Row %d, %s]\n" % (r, ", ".join(str(1000 + r * 40 + c) for c in range(40)))
    for r in range(3))
text = "\n".join(pages_text(os.path.join(render("groups", groups), "groups.pdf")))
titles = re.findall(r"Forty columns.*", text)
expect(len(titles) >= 2, "the wide table is set in groups of columns: %r" % titles)
expect(titles and "(continued)" not in titles[0] and
       all("Forty columns (continued)" in t for t in titles[1:]),
       "every group but the first says (continued): %r" % titles)

# 4. a one-figure brief: no contents, no sources heading
one = HEAD.format(id="one", title="One figure") + """figures:
  - {id: f, label: A figure, value: 42}
"""
pages = pages_text(os.path.join(render("one", one), "one.pdf"))
expect(not any("Contents" in t for t in pages), "no contents page for a single entry")
expect(not any("Sources" in t for t in pages), "no sources heading without sources")

print("%d passed, %d failed" % (0 if failures else 1, 1 if failures else 0))
sys.exit(1 if failures else 0)
