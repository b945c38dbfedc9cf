#!/usr/bin/python3
"""ua_errors.py QUIRE PLUGIN_DIR — standard: ua-1 through the real program:
an image without alt: is an error at its file: key (exit 2, nothing
written), accepted without the standard; a-2b with a-3b is refused."""
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    return p.returncode, p.stderr


def main():
    quire, plugins = sys.argv[1], sys.argv[2]
    bad = []
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, os.path.join(HERE, "gen_every.py"), tmp], check=True)
        path = os.path.join(tmp, "every.yaml")
        with open(path) as f:
            text = f.read()
        text, n = re.subn(r'alt: "Map of the three regions[^"]*", ', "", text)
        if n != 1:
            sys.exit("FAIL: the generated brief changed: no alt: to remove")
        with open(path, "w") as f:
            f.write(text)
        line = next(i for i, l in enumerate(text.splitlines(), 1) if "id: map," in l)
        col = text.splitlines()[line - 1].index("map.png") + 1  # the file: value
        base = [quire, "--plugin-dir", plugins]
        tpl = ["-t", os.path.join(tmp, "every-t.yaml")]
        out = os.path.join(tmp, "out")
        rc, err = run(base[:1] + ["render", path] + tpl + ["-f", "pdf", "-o", out,
                      "-O", "pdf.standard=ua-1", "--plugin-dir", plugins])
        want = "%s:%d:%d: error: pdf: image 'map' has no alt" % (path, line, col)
        if rc != 2 or want not in err:
            bad.append("ua-1 render: exit %d, expected 2 and %r in:\n%s" % (rc, want, err))
        if os.path.exists(out) and any(f.endswith(".pdf") for f in os.listdir(out)):
            bad.append("ua-1 render wrote a PDF although the input is invalid")
        rc, err = run(base[:1] + ["validate", path] + tpl + ["--plugin-dir", plugins])
        if rc != 0:
            bad.append("without ua-1 the image needs no alt, but validate exits %d:\n%s" % (rc, err))
        rc, err = run(base[:1] + ["validate", path] + tpl + ["-O", "pdf.standard=a-2b,a-3b",
                      "--plugin-dir", plugins])
        if rc != 2 or "exclude each other" not in err:
            bad.append("a-2b with a-3b: exit %d:\n%s" % (rc, err))
    for b in bad:
        print("FAIL: " + b, file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
