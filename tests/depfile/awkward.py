#!/usr/bin/python3
"""awkward.py QUIRE HERE — --depfile over a table of awkward file names
(issue 21): each name make and ninja can both read back renders once,
again when that file is touched and not otherwise, under GNU make and
ninja; each other name is refused at the csv: key's position with exit 2,
before anything is written, and no recipe ever runs a command from it."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

QUIRE, HERE = sys.argv[1], sys.argv[2]

# Names both read as themselves (escaped or not) ...
WRITTEN = ["a b", "a  b", "#1", "$x", "$$", "x:y", "{a}@b!,+~", "사업비 2025", "a-b_c.d"]
# ... and names one of them would misread: a recipe, a wildcard, a
# variable, a pattern, an archive member, or a name cut short by ninja.
REFUSED = ["t;touch PWNED", ";", "*", "?", "[1]", "x]", '"', "'", "&", "\\", "a\\ b", "|",
           "%", "=", "a\tb", "trailing\\", "(m)", "<", ">", "`touch PWNED`", "^", "end:",
           "\x01", "\x7f"]


def fail(msg):
    print("FAIL (awkward):", msg, file=sys.stderr)
    sys.exit(1)


def renders(work):
    try:
        with open(os.path.join(work, "renders.log")) as f:
            return len(f.read().split())
    except FileNotFoundError:
        return 0


def later_touch(path):
    time.sleep(0.05)   # coarse file-system clocks
    os.utime(path)


def inputs(work, csv):
    d = os.path.join(work, "in")
    subprocess.run(["/usr/bin/python3", os.path.join(HERE, "make_inputs.py"), d, "x", csv],
                   check=True)
    return os.path.join(d, csv)


MAKEFILE = """out/x.csv out/x.xlsx:
\t"$$QUIRE" render in/x.yaml -t in/t.yaml -o out --depfile out/x.d -q
\techo x >>renders.log
-include out/x.d
"""
NINJA = """rule quire
  command = "$$QUIRE" render in/x.yaml -t in/t.yaml -o out --depfile out/x.d -q && echo x >>renders.log
  depfile = out/x.d
  deps = gcc
build out/x.csv out/x.xlsx: quire
"""


def build(tool, work, expect, what, name):
    r = subprocess.run([tool, "-s"] if tool == "make" else [tool], cwd=work,
                       capture_output=True, text=True)
    if r.returncode != 0:
        fail(f"{tool} failed for {name!r} ({what}): {r.stdout}{r.stderr}")
    if renders(work) != expect:
        fail(f"{tool}, {name!r}, {what}: {renders(work)} renders, expected {expect}")


def written(tool, name):
    work = tempfile.mkdtemp(prefix="quire-awkward-")
    try:
        csv = inputs(work, "c" + name)
        # A file the name would match as a wildcard: touching it is no change.
        decoy = os.path.join(work, "in", "decoy")
        open(decoy, "w").close()
        with open(os.path.join(work, "Makefile" if tool == "make" else "build.ninja"), "w") as f:
            f.write(MAKEFILE if tool == "make" else NINJA)
        build(tool, work, 1, "first run", name)
        build(tool, work, 1, "nothing changed", name)
        later_touch(decoy)
        build(tool, work, 1, "an unrelated file touched", name)
        later_touch(csv)
        build(tool, work, 2, "the CSV touched", name)
        build(tool, work, 2, "nothing changed after", name)
    finally:
        shutil.rmtree(work)


def refused(name):
    work = tempfile.mkdtemp(prefix="quire-awkward-")
    try:
        inputs(work, "c" + name)
        with open(os.path.join(work, "Makefile"), "w") as f:
            f.write(MAKEFILE)
        r = subprocess.run(["make", "-s"], cwd=work, capture_output=True, text=True)
        err = r.stderr
        if r.returncode == 0:
            fail(f"{name!r}: make succeeded")
        if os.path.exists(os.path.join(work, "PWNED")):
            fail(f"{name!r}: a command from the file name ran")
        # The error is the dataset's, at the table's place, exit 2.
        r = subprocess.run([QUIRE, "render", "in/x.yaml", "-t", "in/t.yaml", "-o", "out",
                            "--depfile", "out/x.d", "-q"], cwd=work, capture_output=True,
                           text=True)
        if r.returncode != 2:
            fail(f"{name!r}: exit {r.returncode}, expected 2: {r.stderr}")
        if not re.search(r"^in/x\.yaml:\d+:\d+: error: (--depfile: the csv: file|the character U\+00[01][0-9A-F] is not allowed)", r.stderr, re.M):
            fail(f"{name!r}: no positioned error: {r.stderr}")
        if os.path.exists(os.path.join(work, "out")) and os.listdir(os.path.join(work, "out")):
            fail(f"{name!r}: something was written: {os.listdir(os.path.join(work, 'out'))}")
        if os.path.exists(os.path.join(work, "PWNED")):
            fail(f"{name!r}: a command from the file name ran")
    finally:
        shutil.rmtree(work)


os.environ["QUIRE"] = QUIRE
os.environ.pop("QUIRE_PLUGIN_PATH", None)
for name in WRITTEN:
    written("make", name)
    written("ninja", name)
for name in REFUSED:
    refused(name)
