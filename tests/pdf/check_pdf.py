#!/usr/bin/python3
"""Renders a dataset to PDF with the real quire program and reads it back.

usage: check_pdf.py QUIRE PLUGIN_DIR (DATASET TEMPLATE | --long-table N) [checks]

Always checked: exit 0, nothing on stderr, two renders byte-identical,
`qpdf --check` clean, every font embedded, pdftotext / pdftoppm / pdfinfo
silent on stderr (poppler warns there about bad ToUnicode maps).
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def run(cmd, env=None, ok=True):
    p = subprocess.run(cmd, capture_output=True, env=env)
    out, err = p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    if ok and p.returncode != 0:
        fail("%s exited %d: %s" % (" ".join(cmd), p.returncode, err))
    return p.returncode, out, err


def poppler(cmd):
    """Runs a poppler/qpdf reader and insists that it prints no warning."""
    _, out, err = run(cmd)
    if err.strip():
        fail("%s printed on stderr:\n%s" % (cmd[0], err))
    return out


def long_table(tmp, rows):
    """A dataset with one table of `rows` rows from a CSV, and its template."""
    with open(os.path.join(tmp, "long.csv"), "w") as f:
        f.write("item,qty,share\n")
        for i in range(rows):
            f.write("품목 %d,%d,%s\n" % (i + 1, (i * 7919) % 100000, "" if i % 17 == 0 else i % 100))
    with open(os.path.join(tmp, "long.yaml"), "w") as f:
        f.write("quire: 1\nid: long\ntitle: Long table\ndate: 2025-01-02\n"
                "tables:\n  - id: big\n    title: Three hundred rows\n    csv: long.csv\n"
                "    columns:\n"
                "      - {id: item, label: Item name, type: text}\n"
                "      - {id: qty, label: Quantity label, type: integer}\n"
                "      - {id: share, label: Share, type: percent}\n")
    with open(os.path.join(tmp, "long-t.yaml"), "w") as f:
        f.write("quire-template: 1\nname: long\npage: {size: A4, orientation: portrait, "
                "margin_mm: 18}\nheader: \"{title}\"\nfooter: \"{page} / {pages}\"\n"
                "body:\n  - heading: Table\n  - table: {table: big}\n")
    return os.path.join(tmp, "long.yaml"), os.path.join(tmp, "long-t.yaml")


def render(args, dataset, template, outdir, env):
    cmd = [args.quire, "render", dataset, "-t", template, "-f", "pdf", "-o", outdir,
           "--plugin-dir", args.plugin_dir] + ([] if args.warn else ["--quiet"])
    return run(cmd, env=env, ok=False)


def check_fonts(pdf):
    lines = poppler(["pdffonts", pdf]).splitlines()[2:]
    if not lines:
        fail("no fonts in the PDF")
    for line in lines:
        cols = line.split()
        # name type... encoding emb sub uni object ID: emb is the 5th from the end
        if cols[-5] != "yes":
            fail("font not embedded: " + line)


def outline_entries(pdf):
    data = json.loads(poppler(["qpdf", "--json", "--json-key=outlines", pdf]))
    flat = []

    def walk(items):
        for o in items:
            flat.append((o["title"], o.get("destpageposfrom1")))
            walk(o.get("kids", []))
    walk(data["outlines"])
    return flat


def check_contents(pdf, entries, bookmarks):
    """The contents page gives each entry's page, and the bookmark agrees."""
    text = poppler(["pdftotext", "-layout", "-f", "1", "-l", "3", pdf, "-"])
    for entry in entries:
        title, page = entry.rsplit("=", 1)
        if not re.search(re.escape(title) + r"[ .]*" + page + r"\s*$", text, re.M):
            fail("contents: no line '%s ... %s'" % (title, page))
        if (title, int(page)) not in bookmarks:
            fail("no bookmark %s -> page %s in %s" % (title, page, bookmarks))


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    parts = data.split(None, 4)  # P5 width height maxval pixels
    w, h = int(parts[1]), int(parts[2])
    return w, h, parts[4][-w * h:]


def check_sides(pdf, tmp, pages, margins_mm, dpi=36):
    """No ink left of the left margin or right of the right margin on any
    page but the cover: a table or chart wider than the text block shows."""
    left_mm, right_mm = (float(x) for x in margins_mm.split(","))
    prefix = os.path.join(tmp, "side")
    poppler(["pdftoppm", "-gray", "-r", str(dpi), "-f", "2", pdf, prefix])
    for name in sorted(f for f in os.listdir(tmp) if f.startswith("side")):
        w, h, px = read_pgm(os.path.join(tmp, name))
        lx = int(left_mm / 25.4 * dpi) - 1
        rx = w - int(right_mm / 25.4 * dpi) + 1
        for y in range(h):
            row = px[y * w:(y + 1) * w]
            if min(row[:lx]) < 200 or min(row[rx:]) < 200:
                fail("%s: ink outside the side margins at row %d" % (name, y))
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("quire")
    ap.add_argument("plugin_dir")
    ap.add_argument("dataset", nargs="?")
    ap.add_argument("template", nargs="?")
    ap.add_argument("--long-table", type=int)
    ap.add_argument("--pages", type=int)
    ap.add_argument("--min-pages", type=int)
    ap.add_argument("--size")
    ap.add_argument("--text", action="append", default=[])
    ap.add_argument("--count", action="append", default=[], help="TEXT=N at least")
    ap.add_argument("--header-per-page")
    ap.add_argument("--contents", action="append", default=[], help="TITLE=PAGE")
    ap.add_argument("--bookmarks", type=int)
    ap.add_argument("--creation-date")
    ap.add_argument("--no-creation-date", action="store_true")
    ap.add_argument("--warn", action="append", default=[])
    ap.add_argument("--fail")
    ap.add_argument("--clean-sides", help="LEFT_MM,RIGHT_MM: no ink beyond them")
    args = ap.parse_args()

    env = dict(os.environ)
    env.pop("SOURCE_DATE_EPOCH", None)
    with tempfile.TemporaryDirectory() as tmp:
        dataset, template = args.dataset, args.template
        if args.long_table:
            dataset, template = long_table(tmp, args.long_table)
        name = os.path.splitext(os.path.basename(dataset))[0]
        out1, out2 = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        rc, _, err = render(args, dataset, template, out1, env)
        pdf = os.path.join(out1, name + ".pdf")
        if args.fail:
            if rc == 0 or args.fail not in err:
                fail("expected a failure naming '%s', got exit %d: %s" % (args.fail, rc, err))
            if os.path.exists(pdf):
                fail("a failed render left " + pdf)
            return
        if rc != 0:
            fail("render exited %d: %s" % (rc, err))
        for w in args.warn:
            if w not in err:
                fail("stderr lacks '%s': %s" % (w, err))
        if not args.warn and err.strip():
            fail("render printed on stderr: " + err)
        rc, _, err = render(args, dataset, template, out2, env)
        with open(pdf, "rb") as a, open(os.path.join(out2, name + ".pdf"), "rb") as b:
            if rc != 0 or a.read() != b.read():
                fail("two renders of the same input differ")

        poppler(["qpdf", "--check", pdf])
        check_fonts(pdf)
        info = poppler(["pdfinfo", pdf])
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        if args.pages is not None and pages != args.pages:
            fail("expected %d pages, got %d" % (args.pages, pages))
        if args.min_pages is not None and pages < args.min_pages:
            fail("expected at least %d pages, got %d" % (args.min_pages, pages))
        if args.size and not re.search(r"^Page size:\s+%s pts" % args.size.replace("x", " x "),
                                       info, re.M):
            fail("page size is not %s: %s" % (args.size, info))
        if args.creation_date:
            if not re.search(r"^CreationDate:.*%s" % args.creation_date[:4], info, re.M):
                fail("no creation date %s: %s" % (args.creation_date, info))
        if args.no_creation_date and "CreationDate" in info:
            fail("a creation date without `date:`: " + info)

        text = poppler(["pdftotext", pdf, "-"])
        flat = re.sub(r"\s+", " ", text)
        for t in args.text:
            if t not in flat:
                fail("text not found: '%s'" % t)
        for c in args.count:
            t, n = c.rsplit("=", 1)
            if flat.count(t) < int(n):
                fail("'%s' found %d times, expected at least %s" % (t, flat.count(t), n))
        if args.header_per_page:
            for p in range(1, pages + 1):
                page = poppler(["pdftotext", "-f", str(p), "-l", str(p), pdf, "-"])
                if page.count(args.header_per_page) != 1:
                    fail("page %d shows the table header %d times" %
                         (p, page.count(args.header_per_page)))
        bookmarks = outline_entries(pdf)
        if args.bookmarks is not None and len(bookmarks) != args.bookmarks:
            fail("expected %d bookmarks, got %s" % (args.bookmarks, bookmarks))
        check_contents(pdf, args.contents, bookmarks)
        poppler(["pdftoppm", "-r", "20", "-png", pdf, os.path.join(tmp, "page")])
        if args.clean_sides:
            check_sides(pdf, tmp, pages, args.clean_sides)
    print("ok")


if __name__ == "__main__":
    main()
