#!/usr/bin/python3
"""End-to-end text of the PDF (issue 16): fallback faces, characters
beyond the BMP in the body, tables, bookmarks, Info and XMP, embedded CFF
subsets, a character no font has, byte-identical renders at -j 1 and 2.

usage: check_text.py QUIRE PLUGIN_DIR SOURCE_DIR WORK_DIR"""
import os
import re
import shutil
import subprocess
import sys

import pikepdf

quire, plugin_dir, src, work = sys.argv[1:5]
data = os.path.join(src, "tests", "text", "data")
failures = []


def expect(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


def run(*args):
    return subprocess.run([quire, *args, "--plugin-dir", plugin_dir], capture_output=True,
                          text=True)


def text_of(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], capture_output=True,
                          text=True, check=True).stdout


def fonts_of(pdf):
    return subprocess.run(["pdffonts", pdf], capture_output=True, text=True,
                          check=True).stdout


def qpdf_ok(pdf):
    return subprocess.run(["qpdf", "--check", pdf], capture_output=True).returncode == 0


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)

# -- fallback and beyond-BMP text --------------------------------------------
out = os.path.join(work, "names")
r = run("render", os.path.join(data, "names.yaml"), "-t", os.path.join(data, "dejavu.yaml"),
        "-f", "pdf", "-o", out, "--quiet")
expect(r.returncode == 0, "the DejaVu brief with Korean names renders: %s" % r.stderr)
expect(r.stderr.strip() == "", "no warning for characters set in a fallback face")
pdf = os.path.join(out, "names.pdf")
if os.path.exists(pdf):
    text = text_of(pdf)
    for word in ("김민준", "이서연", "박지호", "𠮷田", "𝐀", "Briefing 𠮷 𝐀"):
        expect(word in text, "pdftotext reads %s" % word)
    expect("?" not in text.replace("?", "") and "\ufffd" not in text, "nothing as ? or U+FFFD")
    fonts = fonts_of(pdf)
    expect("DejaVuSans" in fonts, "DejaVu Sans embedded")
    expect(len(re.findall(r"Identity-H\s+yes\s+yes\s+yes", fonts)) >= 3,
           "fallback faces embedded as subsets with ToUnicode:\n" + fonts)
    expect(qpdf_ok(pdf), "qpdf --check")
    doc = pikepdf.open(pdf)
    title = str(doc.docinfo.get("/Title", ""))
    expect(title == "Briefing 𠮷 𝐀", "the Info title keeps U+20BB7 and U+1D400: %r" % title)
    xmp = doc.Root.Metadata.read_bytes().decode("utf-8")
    expect("Briefing 𠮷 𝐀" in xmp, "the XMP title agrees with the Info title")
    with doc.open_outline() as outline:
        titles = []
        stack = list(outline.root)
        while stack:
            item = stack.pop()
            titles.append(item.title)
            stack.extend(item.children)
    expect(any("People of 𠮷 and 𝐀" in t for t in titles),
           "bookmarks keep U+20BB7 and U+1D400: %r" % titles)

# -- a character no installed font has ----------------------------------------
bad = os.path.join(work, "pua.yaml")
with open(os.path.join(data, "names.yaml"), encoding="utf-8") as f:
    body = f.read().replace("chaired the session", "chaired \U000F0041 the session")
with open(bad, "w", encoding="utf-8") as f:
    f.write(body)
line = next(i for i, l in enumerate(body.splitlines(), 1) if "- id: people" in l)
for cmd in ("validate", "render"):
    args = [cmd, bad, "-t", os.path.join(data, "dejavu.yaml"), "-f", "pdf"]
    if cmd == "render":
        args += ["-o", os.path.join(work, "pua")]
    r = run(*args)
    expect(r.returncode == 2, "%s of a character no font has exits 2 (got %d)" %
           (cmd, r.returncode))
    expect("pua.yaml:%d:5: error: pdf: U+F0041" % line in r.stderr,
           "%s names the character at its section: %s" % (cmd, r.stderr.strip()))
expect(not os.path.exists(os.path.join(work, "pua", "pua.pdf")), "no PDF after the error")

# -- the flagship in Noto Sans CJK KR: CFF subsets, same text as Nanum ---------
flag_dir = os.path.join(work, "flag")
shutil.copytree(os.path.join(src, "templates"), os.path.join(flag_dir, "templates"))
tpl = os.path.join(flag_dir, "templates", "quarterly-brief.yaml")
with open(tpl, encoding="utf-8") as f:
    t = f.read()
noto = t.replace('fonts: {body: NanumGothic, bold: "NanumGothic:bold"}',
                 'fonts: {body: "Noto Sans CJK KR", bold: "Noto Sans CJK KR:bold"}')
expect(noto != t, "the flagship template names its fonts as this test expects")
noto_tpl = os.path.join(flag_dir, "templates", "noto.yaml")
with open(noto_tpl, "w", encoding="utf-8") as f:
    f.write(noto)
flagship = os.path.join(src, "data", "cloud-ai-briefing.yaml")
r1 = run("render", flagship, "-t", tpl, "-f", "pdf", "-o", os.path.join(work, "nanum"))
r2 = run("render", flagship, "-t", noto_tpl, "-f", "pdf", "-o", os.path.join(work, "noto"))
expect(r1.returncode == 0 and r2.returncode == 0,
       "the flagship renders in both fonts: %s %s" % (r1.stderr, r2.stderr))
nanum_pdf = os.path.join(work, "nanum", "cloud-ai-briefing.pdf")
noto_pdf = os.path.join(work, "noto", "cloud-ai-briefing.pdf")
if os.path.exists(nanum_pdf) and os.path.exists(noto_pdf):
    # the contents page's dot leaders and page numbers follow each face's
    # metrics (a section may fall a page later), and a footnote marker [n]
    # extracts beside its word or apart from it as the line falls
    def words(p):
        text = re.sub(r"\[\d+\]", " ", text_of(p))
        return [w for w in text.split()
                if not re.fullmatch(r"\.+", w) and not re.fullmatch(r"\d{1,2}", w)]
    expect(sorted(words(nanum_pdf)) == sorted(words(noto_pdf)),
           "pdftotext reads the same words from the Noto and the Nanum render")
    fonts = fonts_of(noto_pdf)
    expect(re.search(r"\+NotoSansCJKkr-Regular\s+CID Type 0C\s+Identity-H\s+yes\s+yes\s+yes",
                     fonts) is not None, "pdffonts: a CID Type 0C subset of Noto:\n" + fonts)
    expect("NanumGothic" not in fonts, "no Nanum face in the Noto render")
    expect(qpdf_ok(noto_pdf), "qpdf --check of the Noto render")

# -- byte-identical at -j 1 and -j 2 ------------------------------------------
a, b = os.path.join(work, "j1"), os.path.join(work, "j2")
# two datasets (the flagship and a copy under another id), rendered in one run
copy = os.path.join(flag_dir, "second.yaml")
with open(flagship, encoding="utf-8") as f:
    second = re.sub(r"(?m)^id: .*$", "id: second", f.read(), count=1)
with open(copy, "w", encoding="utf-8") as f:
    f.write(second)
ra = run("render", flagship, copy, "-t", tpl, "-f", "pdf", "-j", "1", "-o", a)
rb = run("render", flagship, copy, "-t", tpl, "-f", "pdf", "-j", "2", "-o", b)
expect(ra.returncode == 0 and rb.returncode == 0, "renders at -j 1 and -j 2: %s %s" %
       (ra.stderr, rb.stderr))
same = ra.returncode == 0 and rb.returncode == 0
for name in ("cloud-ai-briefing.pdf", "second.pdf") if same else ():
    with open(os.path.join(a, name), "rb") as x, open(os.path.join(b, name), "rb") as y:
        same = same and x.read() == y.read()
expect(same, "renders at -j 1 and -j 2 are byte-identical")

print("%d failed" % len(failures))
sys.exit(1 if failures else 0)
