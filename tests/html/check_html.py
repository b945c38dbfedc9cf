#!/usr/bin/python3
"""check_html.py QUIRE PLUGIN_DIR OUTDIR — reads every page render_all.py
wrote (OUTDIR/sets) back with Python's HTML parser and fails unless:

  - <html lang> is the PDF's /Lang; one h1, and h1-h6 never skip a level;
    one <main>; every id once; every "#x" link has its target; every note
    reference has its note and every note links back to a reference;
  - nothing can make a request: no script, no <link>, no external src, no
    url() in the style sheet but data: ones;
  - every table cell equals the CSV export's (the data-value when there
    is one: numbers as the CSV writes them, the plain text of markup
    cells, "" for a missing cell; else the text), headers are <th scope>;
  - every chart's text alternative (<desc> of its SVG) equals the /Alt of
    the PDF's Figure for it, in order, and the workbook's charts carry the
    same descriptions; each drawing of a chart has as many
    marks per series as its data has values (bars: one per non-null value,
    points: one per value, slices: one per positive value, scatter: one
    per row with x and y);
  - a second render writes the same bytes."""
import csv
import html
import html.parser
import os
import re
import subprocess
import sys
import tempfile
import zipfile

import pikepdf

failures = []


def fail(name, what):
    failures.append("%s: %s" % (name, what))


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.kids = tag, dict(attrs), parent, []

    def text(self):
        return "".join(k if isinstance(k, str) else k.text() for k in self.kids)

    def walk(self):
        yield self
        for k in self.kids:
            if isinstance(k, Node):
                yield from k.walk()

    def find(self, tag, cls=None):
        return [n for n in self.walk() if n.tag == tag and
                (cls is None or cls in n.attrs.get("class", "").split())]


VOID = {"meta", "img", "br", "hr", "link", "input", "source", "col", "area", "base", "wbr"}


class Tree(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.at = self.root

    def handle_starttag(self, tag, attrs):
        n = Node(tag, attrs, self.at)
        self.at.kids.append(n)
        if tag not in VOID:
            self.at = n

    def handle_startendtag(self, tag, attrs):
        self.at.kids.append(Node(tag, attrs, self.at))

    def handle_endtag(self, tag):
        n = self.at
        while n is not self.root and n.tag != tag:
            n = n.parent
        if n is self.root:
            raise ValueError("</%s> closes nothing" % tag)
        self.at = n.parent

    def handle_data(self, data):
        self.at.kids.append(data)


def parse(path):
    t = Tree()
    t.feed(open(path, encoding="utf-8").read())
    t.close()
    return t.root


def check_structure(name, root):
    htmls = root.find("html")
    if len(root.find("main")) != 1:
        fail(name, "%d <main> elements" % len(root.find("main")))
    levels = [int(n.tag[1]) for n in root.walk() if n.tag in ("h1", "h2", "h3", "h4", "h5", "h6")]
    if levels.count(1) != 1 or not levels or levels[0] != 1:
        fail(name, "headings %s: not one h1 first" % levels)
    for a, b in zip(levels, levels[1:]):
        if b > a + 1:
            fail(name, "heading h%d after h%d skips a level" % (b, a))
    ids = [n.attrs["id"] for n in root.walk() if "id" in n.attrs]
    dup = {i for i in ids if ids.count(i) > 1}
    if dup:
        fail(name, "ids written twice: %s" % sorted(dup))
    for a in root.find("a"):
        href = a.attrs.get("href", "")
        if href.startswith("#") and href[1:] not in ids:
            fail(name, "link to %s, which the page does not hold" % href)
    refs = [a for a in root.find("a") if a.attrs.get("href", "").startswith("#fn-")]
    notes = root.find("section", "notes")
    backs = [a.attrs["href"][1:] for n in notes for a in n.find("a", "back")]
    for r in refs:
        if r.attrs.get("id") not in backs:
            fail(name, "note reference %s has no link back" % r.attrs.get("id"))
    for b in backs:
        if b not in [r.attrs.get("id") for r in refs]:
            fail(name, "a note links back to %s, which is no reference" % b)
    for th in root.find("th"):
        if th.attrs.get("scope") not in ("col", "row"):
            fail(name, "a <th> without scope: %s" % th.text())
    for t in root.find("table"):
        if not t.find("caption") or not t.find("thead"):
            fail(name, "table %s without caption or thead" % t.attrs.get("data-table"))
    return htmls[0].attrs.get("lang") if htmls else None


def check_self_contained(name, root, raw):
    if root.find("script"):
        fail(name, "a <script>")
    if root.find("link"):
        fail(name, "a <link>")
    for n in root.walk():
        for attr in ("src", "srcset", "poster", "data"):
            v = n.attrs.get(attr)
            if v is not None and n.tag != "data" and not v.startswith("data:"):
                fail(name, "<%s %s=%s> loads from outside" % (n.tag, attr, v[:60]))
    for style in root.find("style"):
        css = style.text()
        at = css.find("url(")
        while at >= 0:
            if not css[at + 4:].lstrip("'\" ").startswith("data:"):
                fail(name, "the style sheet loads %s" % css[at:at + 60])
            at = css.find("url(", at + 4)
        if "@import" in css:
            fail(name, "the style sheet imports")


def same_cell(got, exp):
    """The HTML cell against the CSV's: the CSV keeps a number's written
    decimals (1.30) where data-value holds the value (1.3), and prefixes '
    to a text a spreadsheet would run as a formula (-O csv.formulas)."""
    if got == exp:
        return True
    if exp.startswith("'") and exp[1:] == got and got[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return True
    try:
        return float(got) == float(exp)
    except ValueError:
        return False


def cell_value(cell):
    v = cell.attrs.get("data-value")
    return v if v is not None else cell.text()


def check_tables(name, root, outdir, ds_id):
    tables = root.find("table")
    if not tables:
        return 0
    for t in tables:
        tid = t.attrs.get("data-table")
        path = os.path.join(outdir, "%s.%s.csv" % (ds_id, tid))
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        header, body = rows[0], rows[1:]
        cols = [th.attrs.get("data-column") for th in t.find("thead")[0].find("th")]
        if any(c not in header for c in cols):
            fail(name, "table %s: columns %s not in the CSV's %s" % (tid, cols, header))
            continue
        trs = t.find("tbody")[0].find("tr")
        if len(trs) != len(body):
            fail(name, "table %s: %d rows, the CSV has %d" % (tid, len(trs), len(body)))
            continue
        for r, (tr, want) in enumerate(zip(trs, body)):
            cells = [n for n in tr.kids if isinstance(n, Node) and n.tag in ("td", "th")]
            for c, cell in zip(cols, cells):
                got, exp = cell_value(cell), want[header.index(c)]
                if not same_cell(got, exp):
                    fail(name, "table %s row %d column %s: %r, the CSV has %r" % (tid, r + 1, c, got, exp))
            if len(cells) != len(cols):
                fail(name, "table %s row %d: %d cells for %d columns" % (tid, r + 1, len(cells), len(cols)))
    return len(tables)


def pdf_figure_alts(path):
    """/Alt of every Figure of the PDF's structure tree, in order."""
    out = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        rm = {str(k): str(v) for k, v in root.get("/RoleMap", {}).items()} if root is not None else {}

        def walk(node, depth):
            if depth > 100:
                return
            if isinstance(node, pikepdf.Array):
                for k in node:
                    walk(k, depth + 1)
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                s = str(node.S)
                s = rm.get(s, s)
                if s == "/Figure" and "/Alt" in node:
                    out.append(str(node.Alt))
                if "/K" in node:
                    walk(node.K, depth + 1)
        if root is not None and "/K" in root:
            walk(root.K, 0)
    return out


def chart_alts(root):
    out = []
    for fig in root.find("figure", "chart"):
        desc = [d for s in fig.find("svg") for d in s.find("desc")]
        alt = fig.find("p", "alt")
        out.append((desc[0] if desc else alt[0]).text() if desc or alt else None)
    return out


def series_marks(svg):
    """Per series group of a drawing: (rects, paths, circles) drawn in it."""
    out = []
    for g in svg.find("g", "series"):
        marks = [n.tag for n in g.walk() if n is not g]
        out.append((marks.count("rect"), marks.count("path"), marks.count("circle")))
    return out


def check_marks(name, fig):
    """Each series drawn with one mark per value of its column (the chart's
    data table holds the values)."""
    kind = fig.attrs.get("data-chart")
    series = fig.attrs.get("data-series", "").split()
    tables = fig.find("details", "data")[0].find("table") if fig.find("details", "data") else []
    if not tables:
        return
    t = tables[0]
    cols = [th.attrs.get("data-column") for th in t.find("thead")[0].find("th")]
    rows = [[cell_value(c) for c in tr.kids if isinstance(c, Node) and c.tag in ("td", "th")]
            for tr in t.find("tbody")[0].find("tr")]

    def values(col):
        k = cols.index(col)
        return [r[k] for r in rows]

    for svg in fig.find("svg"):
        drawn = series_marks(svg)
        if kind == "pie":
            want = [sum(1 for v in values(series[0]) if v and float(v) > 0)]
            got = [drawn[0][1]] if drawn else [0]
        elif kind == "scatter":
            xs = values(fig.attrs.get("data-x"))
            want = [sum(1 for x, y in zip(xs, values(s)) if x and y) for s in series]
            got = [c for r, p, c in drawn]
        elif kind in ("bar", "line"):
            want, got = [], []
            for s, (r, p, c) in zip(series, drawn):
                vals = [v for v in values(s) if v]
                if r:       # bars: a value of 0 may draw nothing
                    want.append((sum(1 for v in vals if float(v) != 0), len(vals)))
                    got.append(r)
                elif c:     # a line's points
                    want.append((len(vals), len(vals)))
                    got.append(c)
            if len(drawn) != len(series):
                fail(name, "chart %s: %d series drawn, %d in its data" % (fig.attrs.get("id"), len(drawn), len(series)))
            for (lo, hi), g in zip(want, got):
                if not lo <= g <= hi:
                    fail(name, "chart %s: %d marks for %d values" % (fig.attrs.get("id"), g, hi))
            continue
        else:
            continue
        if want != got:
            fail(name, "chart %s (%s): marks %s, values %s" % (fig.attrs.get("id"), kind, got, want))


def check_charts(name, root, pdf):
    html_alts = chart_alts(root)
    image_alts = {n.attrs.get("alt") for n in root.find("img")}
    pdf_alts = [a for a in pdf_figure_alts(pdf) if a not in image_alts]
    if html_alts != pdf_alts:
        fail(name, "chart text alternatives differ from the PDF's Figure /Alt:\n  html %s\n  pdf  %s"
             % (html_alts, pdf_alts))
    for fig in root.find("figure", "chart"):
        for svg in fig.find("svg"):
            if svg.attrs.get("role") != "img" or not svg.find("title") or not svg.find("desc"):
                fail(name, "a chart's <svg> lacks role=img, <title> or <desc>")
        if not fig.find("details", "data") or not fig.find("details", "data")[0].find("table"):
            fail(name, "a chart without its data table in <details>")
        else:
            check_marks(name, fig)
    return len(html_alts)


def xlsx_chart_descriptions(path):
    """The description (alt text) of every chart of the workbook."""
    out = []
    with zipfile.ZipFile(path) as z:
        for part in sorted(n for n in z.namelist() if re.match(r"xl/drawings/drawing\d+\.xml$", n)):
            xml = z.read(part).decode("utf-8")
            for frame in re.findall(r"<xdr:graphicFrame.*?</xdr:graphicFrame>", xml, re.S):
                m = re.search(r'<xdr:cNvPr [^>]*descr="([^"]*)"', frame)
                if m and "/chart" in frame:
                    out.append(html.unescape(m.group(1)))
    return out


def check_xlsx_charts(name, root, xlsx):
    """The workbook's charts carry the same text alternatives as the
    page's (every brief here draws its charts in the workbook too)."""
    got = xlsx_chart_descriptions(xlsx)
    want = chart_alts(root)
    if sorted(got) != sorted(want):
        fail(name, "the workbook's chart descriptions differ from the page's <desc>:\n  xlsx %s\n"
             "  html %s" % (sorted(got), sorted(want)))
    return len(got)


def check_reproducible(name, quire, plugins, dataset, template, html_path):
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([quire, "render", dataset, "-t", template, "-f", "html", "-o", tmp,
                        "--plugin-dir", plugins, "-q"], check=True)
        again = os.path.join(tmp, os.path.basename(html_path))
        if open(again, "rb").read() != open(html_path, "rb").read():
            fail(name, "a second render wrote other bytes")


def main():
    quire, plugins, outdir = sys.argv[1:4]
    for line in open(os.path.join(outdir, "sets"), encoding="utf-8"):
        name, html_path, dataset, template = line.split()
        out = os.path.dirname(html_path)
        ds_id = os.path.basename(html_path)[:-5]
        raw = open(html_path, encoding="utf-8").read()
        root = parse(html_path)
        lang = check_structure(name, root)
        with pikepdf.open(os.path.join(out, ds_id + ".pdf")) as pdf:
            pdf_lang = str(pdf.Root.get("/Lang", ""))
        if lang != pdf_lang:
            fail(name, "<html lang=%s>, the PDF's /Lang is %s" % (lang, pdf_lang))
        check_self_contained(name, root, raw)
        n_tables = check_tables(name, root, out, ds_id)
        n_charts = check_charts(name, root, os.path.join(out, ds_id + ".pdf"))
        n_xlsx = check_xlsx_charts(name, root, os.path.join(out, ds_id + ".xlsx"))
        check_reproducible(name, quire, plugins, dataset, template, html_path)
        print("%s: %d tables, %d charts (%d in the workbook), lang %s"
              % (name, n_tables, n_charts, n_xlsx, lang))
    if failures:
        sys.exit("\n".join(failures))


if __name__ == "__main__":
    main()
