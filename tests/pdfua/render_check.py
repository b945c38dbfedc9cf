#!/usr/bin/python3
"""Renders a brief with the real quire program in one standard mode and
checks what comes out.

usage: render_check.py QUIRE PLUGIN_DIR DATASET|README.md TEMPLATE [--standard LIST]
           [--attached NAME]... [--struct-text TEXT]... [--no-tags]
           [--self-test [--strict]]

Always: exit 0 and nothing on stderr, two renders byte-identical,
`qpdf --check` clean, PDF 1.7, and check_pdfua.py's checks for the mode.
EVERY as DATASET (and TEMPLATE): the brief gen_every.py writes, with
every block and chart type. A README.md as DATASET: its first ```yaml block that starts with
"quire: 1" (the example a new user copies). --struct-text: these texts appear in `pdfinfo -struct-text`, in this order
(the structure tree reads in the brief's order). --self-test: the checker's
self-test on this render.
"""
import argparse
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_pdfua  # noqa: E402


def fail(msg):
    print("FAIL: " + msg, file=sys.stderr)
    sys.exit(1)


def run(cmd):
    p = subprocess.run(cmd, capture_output=True)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def readme_example(readme, tmp):
    with open(readme, encoding="utf-8") as f:
        text = f.read()
    for block in text.split("```yaml\n")[1:]:
        body = block.split("```")[0]
        lines = [l[3:] if l.startswith("   ") else l for l in body.splitlines()]
        if lines and lines[0].strip() == "quire: 1":
            path = os.path.join(tmp, "readme-example.yaml")
            with open(path, "w", encoding="utf-8") as out:
                out.write("\n".join(lines) + "\n")
            return path
    fail("%s has no ```yaml block starting with quire: 1" % readme)


def render(a, outdir):
    cmd = [a.quire, "render", a.dataset, "-t", a.template, "-f", "pdf", "-o", outdir,
           "--plugin-dir", a.plugin_dir, "--quiet"]
    # always given: "none" overrides what the template asks for
    cmd += ["-O", "pdf.standard=" + a.standard]
    rc, _, err = run(cmd)
    if rc != 0 or err.strip():
        fail("%s exited %d: %s" % (" ".join(cmd), rc, err))
    pdfs = [f for f in os.listdir(outdir) if f.endswith(".pdf")]
    if len(pdfs) != 1:
        fail("expected one PDF in %s, found %s" % (outdir, pdfs))
    return os.path.join(outdir, pdfs[0])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("quire")
    ap.add_argument("plugin_dir")
    ap.add_argument("dataset")
    ap.add_argument("template")
    ap.add_argument("--standard", default="")
    ap.add_argument("--attached", action="append", default=[])
    ap.add_argument("--struct-text", action="append", default=[])
    ap.add_argument("--no-tags", action="store_true")
    ap.add_argument("--self-test", action="store_true")
    ap.add_argument("--strict", action="store_true")
    a = ap.parse_args()
    standards = [s for s in a.standard.split(",") if s]
    with tempfile.TemporaryDirectory() as tmp:
        if a.dataset == "EVERY":
            gen = os.path.join(tmp, "every")
            subprocess.run([sys.executable, os.path.join(HERE, "gen_every.py"), gen], check=True)
            a.dataset, a.template = os.path.join(gen, "every.yaml"), os.path.join(gen, "every-t.yaml")
        elif a.dataset.endswith(".md"):
            a.dataset = readme_example(a.dataset, tmp)
        one = render(a, os.path.join(tmp, "1"))
        two = render(a, os.path.join(tmp, "2"))
        with open(one, "rb") as f1, open(two, "rb") as f2:
            if f1.read() != f2.read():
                fail("two renders differ (mode %s)" % (a.standard or "none"))
        rc, out, err = run(["qpdf", "--check", one])
        if rc != 0 or err.strip():
            fail("qpdf --check: %s%s" % (out, err))
        rc, out, err = run(["pdfinfo", one])
        if rc != 0 or err.strip():
            fail("pdfinfo: %s" % err)
        if "PDF version:     1.7" not in out:
            fail("not PDF 1.7:\n" + out)
        if not a.no_tags and "Tagged:          yes" not in out:
            fail("pdfinfo does not see a tagged PDF:\n" + out)
        rep = check_pdfua.check_file(one, standards, not a.no_tags, a.attached)
        for c, m in rep.failures:
            print("%s: [%s] %s" % (os.path.basename(one), c, m), file=sys.stderr)
        if rep.failures:
            fail("%d checker failures in mode %s" % (len(rep.failures), a.standard or "none"))
        if a.struct_text:
            rc, out, err = run(["pdfinfo", "-struct-text", one])
            if rc != 0 or err.strip():
                fail("pdfinfo -struct-text: %s" % err)
            at = 0
            for t in a.struct_text:
                i = out.find(t, at)
                if i < 0:
                    fail("pdfinfo -struct-text: %r not found after offset %d%s" % (
                        t, at, " (it is earlier: order)" if t in out else ""))
                at = i + len(t)
        if a.self_test and check_pdfua.self_test(one, standards, not a.no_tags, a.attached,
                                                 a.strict):
            fail("the checker's self-test failed")
    print("ok: %s in mode %s" % (os.path.basename(a.dataset), a.standard or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
