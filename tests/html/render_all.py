#!/usr/bin/python3
"""render_all.py QUIRE PLUGIN_DIR SOURCE_DIR OUTDIR — renders every brief
the HTML tests read, each as html, csv, pdf and xlsx, with the real program:

  flagship  data/cloud-ai-briefing.yaml through templates/quarterly-brief.yaml
  readme    README.md's example (its first ```yaml block starting "quire: 1")
            through templates/default.yaml
  every     tests/pdfua/gen_every.py's brief: every block and chart type
  ko        tests/html/data/ko-held*.yaml: Korean held-back set
  en        tests/html/data/en-held*.yaml: English held-back set

OUTDIR/NAME/in holds the inputs, OUTDIR/NAME/out the outputs; OUTDIR/sets
lists "NAME HTML DATASET" a line. Fails on any message on stderr."""
import os
import shutil
import struct
import subprocess
import sys
import zlib

FORMATS = "html,csv,pdf,xlsx"


def png(path, w, h, rgb):
    raw = b"".join(b"\x00" + bytes(rgb) * w for _ in range(h))

    def chunk(tag, data):
        return (struct.pack(">I", len(data)) + tag + data +
                struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF))

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def readme_example(src, dest):
    text = open(os.path.join(src, "README.md"), encoding="utf-8").read()
    for block in text.split("```yaml")[1:]:
        body = block.split("```")[0]
        lines = body.split("\n")
        indent = min(len(l) - len(l.lstrip()) for l in lines if l.strip())
        body = "\n".join(l[indent:] for l in lines).strip() + "\n"
        if body.startswith("quire: 1"):
            with open(dest, "w", encoding="utf-8") as f:
                f.write(body)
            return
    sys.exit("render_all: README.md has no ```yaml example starting with 'quire: 1'")


def prepare(name, src, ind):
    """The inputs of one set in ind; returns (dataset, template)."""
    if name == "flagship":
        return (os.path.join(src, "data/cloud-ai-briefing.yaml"),
                os.path.join(src, "templates/quarterly-brief.yaml"))
    if name == "readme":
        readme_example(src, os.path.join(ind, "readme.yaml"))
        return os.path.join(ind, "readme.yaml"), os.path.join(src, "templates/default.yaml")
    if name == "every":
        subprocess.run([sys.executable, os.path.join(src, "tests/pdfua/gen_every.py"), ind],
                       check=True)
        return os.path.join(ind, "every.yaml"), os.path.join(ind, "every-t.yaml")
    data = os.path.join(src, "tests/html/data")
    for f in ("%s-held.yaml" % name, "%s-held-t.yaml" % name):
        shutil.copy(os.path.join(data, f), ind)
    if name == "en":
        rows = "\n".join("      - [Site %d, %d, %.2f]" % (i, 20 + (i * 37) % 180, 1.1 + (i % 9) / 20)
                         for i in range(1, 41))
        path = os.path.join(ind, "en-held.yaml")
        text = open(path, encoding="utf-8").read().replace("{rows}", rows)
        open(path, "w", encoding="utf-8").write(text)
        png(os.path.join(ind, "diagram.png"), 60, 20, (30, 110, 80))
    return os.path.join(ind, "%s-held.yaml" % name), os.path.join(ind, "%s-held-t.yaml" % name)


def main():
    quire, plugins, src, out = [os.path.abspath(a) for a in sys.argv[1:5]]
    names = sys.argv[5:] or ["flagship", "readme", "every", "ko", "en"]
    lines = []
    for name in names:
        ind, outd = os.path.join(out, name, "in"), os.path.join(out, name, "out")
        shutil.rmtree(os.path.join(out, name), ignore_errors=True)
        os.makedirs(ind)
        os.makedirs(outd)
        dataset, template = prepare(name, src, ind)
        r = subprocess.run([quire, "render", dataset, "-t", template, "-f", FORMATS, "-o", outd,
                            "--plugin-dir", plugins, "-q"], capture_output=True, text=True)
        if r.returncode != 0 or r.stderr.strip():
            sys.exit("render_all: %s: exit %d\n%s" % (name, r.returncode, r.stderr))
        htmls = [f for f in os.listdir(outd) if f.endswith(".html")]
        if len(htmls) != 1:
            sys.exit("render_all: %s: expected one .html, found %s" % (name, htmls))
        lines.append("%s %s %s %s\n" % (name, os.path.join(outd, htmls[0]), dataset, template))
    with open(os.path.join(out, "sets"), "w") as f:
        f.writelines(lines)
    print("rendered: " + ", ".join(names))


if __name__ == "__main__":
    main()
