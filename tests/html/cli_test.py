#!/usr/bin/python3
"""cli_test.py QUIRE SOURCE_DIR — `-f html` through the command line:
`quire plugins` lists it; `validate -f html` runs its check() (silent on a
good brief, an error at the image's place when an image cannot be read as
the page would embed it); a batch of datasets with -j 2 writes one page
each and no temporaries; --depfile names the page, the image it embeds and
the plugin; `quire watch -f html` writes the page again when the dataset
changes; --shard renders each dataset's page in exactly one shard (when
the program has shards). Every wait has a deadline."""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

QUIRE, SOURCE = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
sys.path.insert(0, os.path.join(SOURCE, "tests", "html"))
from render_all import png  # noqa: E402

DATASET = """\
quire: 1
id: {id}
title: Brief {id}
date: 2025-07-01
language: en
images:
  - {{id: pic, file: pic.png, alt: A blue square}}
tables:
  - id: t
    title: Shares
    columns:
      - {{id: name, type: text}}
      - {{id: v, type: percent}}
    rows:
      - [AWS, 31]
"""
TEMPLATE = """\
quire-template: 1
name: t
body: [cover, image: pic, table: t]
"""


def fail(msg):
    sys.exit("FAIL: " + msg)


def run(args, cwd, want=0):
    env = dict(os.environ)
    env.pop("QUIRE_PLUGIN_PATH", None)
    r = subprocess.run([QUIRE] + args, cwd=cwd, capture_output=True, text=True, env=env)
    if re.search("AddressSanitizer|LeakSanitizer|runtime error", r.stderr):
        fail("sanitizer report from quire %s:\n%s" % (args, r.stderr))
    if r.returncode != want:
        fail("quire %s exited %d, expected %d:\n%s%s" % (args, r.returncode, want, r.stdout, r.stderr))
    return r


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def no_temps(d):
    left = [f for f in os.listdir(d) if f.startswith(".")]
    if left:
        fail("temporaries left in %s: %s" % (d, left))


def wait_for(what, cond, proc, timeout=60):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if cond():
            return
        if proc.poll() is not None:
            fail("quire watch ended while waiting for " + what)
        time.sleep(0.05)
    proc.kill()
    fail("timed out waiting for " + what)


def main():
    work = tempfile.mkdtemp(prefix="quire-html-cli-")
    try:
        png(os.path.join(work, "pic.png"), 8, 8, (30, 60, 200))
        for i in ("a", "b", "c"):
            write(os.path.join(work, i + ".yaml"), DATASET.format(id=i))
        write(os.path.join(work, "t.yaml"), TEMPLATE)

        r = run(["plugins"], work)
        if not re.search(r"^html\b", r.stdout, re.M):
            fail("quire plugins does not list html:\n" + r.stdout)

        r = run(["validate", "a.yaml", "-t", "t.yaml", "-f", "html"], work)
        if r.stdout or r.stderr:
            fail("validate -f html is not silent:\n" + r.stdout + r.stderr)

        run(["render", "a.yaml", "b.yaml", "c.yaml", "-t", "t.yaml", "-f", "html,csv", "-j", "2",
             "-o", "out", "-q", "--depfile", "deps.d"], work)
        out = os.path.join(work, "out")
        for i in ("a", "b", "c"):
            page = open(os.path.join(out, i + ".html"), encoding="utf-8").read()
            if "<h1>Brief %s</h1>" % i not in page or "data:image/png;base64," not in page:
                fail("out/%s.html is not the brief's page" % i)
        no_temps(out)
        deps = open(os.path.join(work, "deps.d"), encoding="utf-8").read()
        for want in ("out/a.html", os.path.join(work, "pic.png"), "quire-html.so"):
            if want not in deps:
                fail("the depfile does not name %s:\n%s" % (want, deps))

        help_text = run(["render", "--help"], work).stdout
        if "--shard" in help_text:
            seen = []
            for k in range(3):
                d = "shard%d" % k
                run(["render", "a.yaml", "b.yaml", "c.yaml", "-t", "t.yaml", "-f", "html", "-o", d,
                     "-q", "--shard", "%d/3" % k], work)
                seen += sorted(os.listdir(os.path.join(work, d)))
            if sorted(seen) != ["a.html", "b.html", "c.html"]:
                fail("three shards wrote %s" % seen)

        # an image the page cannot embed: check() says where it is named
        os.remove(os.path.join(work, "pic.png"))
        os.mkdir(os.path.join(work, "pic.png"))
        r = run(["validate", "a.yaml", "-t", "t.yaml", "-f", "html"], work, want=2)
        if "a.yaml:" not in r.stderr or "error" not in r.stderr:
            fail("an unreadable image is not an error at its place:\n" + r.stderr)
        os.rmdir(os.path.join(work, "pic.png"))
        png(os.path.join(work, "pic.png"), 8, 8, (30, 60, 200))

        env = dict(os.environ)
        env.pop("QUIRE_PLUGIN_PATH", None)
        log = open(os.path.join(work, "watch.log"), "wb")
        proc = subprocess.Popen([QUIRE, "watch", "a.yaml", "-t", "t.yaml", "-f", "html", "-o", "w"],
                                cwd=work, stdout=log, stderr=subprocess.STDOUT, env=env)
        page = os.path.join(work, "w", "a.html")
        try:
            wait_for("the first page", lambda: os.path.exists(page), proc)
            time.sleep(0.3)
            write(os.path.join(work, "a.yaml"), DATASET.format(id="a").replace("Brief a", "Brief A2"))
            wait_for("the page of the changed dataset",
                     lambda: "<h1>Brief A2</h1>" in open(page, encoding="utf-8").read(), proc)
        finally:
            if proc.poll() is None:
                proc.send_signal(signal.SIGINT)
            proc.wait(timeout=60)
            log.close()
        print("html: plugins, validate, batch, depfile, check, watch" +
              (", shards" if "--shard" in help_text else ""))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
