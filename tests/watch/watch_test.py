#!/usr/bin/python3
"""watch_test.py CASE QUIRE SOURCE_DIR — drives `quire watch` with file
edits and signals. Every wait has a deadline: a watch that stops reacting
fails the test, it never hangs it."""
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

CASE, QUIRE, HERE = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
SLOW_PLUGINS = sys.argv[4] if len(sys.argv) > 4 else None   # tests/registry's "sleep"
SOURCE = os.path.dirname(os.path.dirname(HERE))
MAKE_INPUTS = os.path.join(SOURCE, "tests", "depfile", "make_inputs.py")
TIMEOUT = 30.0   # seconds for one reaction (ASan builds are slow)


def fail(msg):
    sys.exit(f"FAIL ({CASE}): {msg}")


class Watch:
    def __init__(self, args, cwd):
        self.cwd = cwd
        self.log_path = os.path.join(cwd, "watch.log")
        self.log = open(self.log_path, "wb")
        env = dict(os.environ)
        env.pop("QUIRE_PLUGIN_PATH", None)
        self.proc = subprocess.Popen([QUIRE, "watch"] + args, cwd=cwd, stdin=subprocess.DEVNULL,
                                     stdout=self.log, stderr=subprocess.STDOUT, env=env)

    def text(self):
        with open(self.log_path, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def wait_for(self, what, cond, timeout=TIMEOUT):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            if cond():
                return
            if self.proc.poll() is not None:
                fail(f"quire watch ended (exit {self.proc.returncode}) while waiting for {what}:\n"
                     + self.text())
            time.sleep(0.05)
        self.stop()
        fail(f"timed out waiting for {what}:\n" + self.text())

    def wait_log(self, pattern, start=0):
        """Waits until the log, from offset start, matches pattern; returns the match."""
        rx = re.compile(pattern, re.M)
        self.wait_for(f"/{pattern}/ in the output", lambda: rx.search(self.text(), start))
        return rx.search(self.text(), start)

    def mark(self):
        return len(self.text())

    def stop(self, sig=signal.SIGINT):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            code = self.proc.wait(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            fail(f"quire watch did not end on {sig.name}:\n" + self.text())
        self.log.close()
        return code


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def write(path, text, by_rename=False):
    """Writes like an editor: in place, or a new file renamed over the old one."""
    if by_rename:
        tmp = path + ".swp~"
        with open(tmp, "w") as f:
            f.write(text)
        os.replace(tmp, path)
    else:
        with open(path, "w") as f:
            f.write(text)


def no_temporaries(out):
    left = [n for n in os.listdir(out) if n.startswith(".")]
    if left:
        fail(f"temporary files left in {out}: {left}")


def quiet_for(w, seconds, start):
    """Nothing rendered for that long after start (an unrelated edit)."""
    time.sleep(seconds)
    if "rendering" in w.text()[start:]:
        fail("rendered after an unrelated edit:\n" + w.text()[start:])


def case_edits(work):
    subprocess.run([sys.executable, MAKE_INPUTS, "in", "a"], cwd=work, check=True)
    subprocess.run([sys.executable, MAKE_INPUTS, "in", "b"], cwd=work, check=True)
    with open(os.path.join(work, "in", "notes.txt"), "w") as f:
        f.write("not an input\n")
    p = lambda *parts: os.path.join(work, *parts)
    w = Watch(["in/a.yaml", "in/b.yaml", "-t", "in/t.yaml", "-f", "csv", "-o", "out"], work)
    w.wait_log(r"waiting for changes")
    a_table, b_table = p("out", "a.share.csv"), p("out", "b.share.csv")
    if read(a_table) is None or read(b_table) is None:
        fail("the first render wrote no tables:\n" + w.text())
    b_mtime = os.stat(b_table).st_mtime_ns

    # A CSV edit re-renders the dataset that reads it, and only that one.
    start = w.mark()
    with open(p("in", "a.csv"), "a") as f:
        f.write("Google,11\n")
    w.wait_for("the new row in out/a.share.csv", lambda: b"Google" in (read(a_table) or b""))
    w.wait_log(r"^quire: wrote out/a\.csv$", start)
    if "rendering in/b.yaml" in w.text()[start:] or os.stat(b_table).st_mtime_ns != b_mtime:
        fail("b was rendered again for a change to a's CSV:\n" + w.text()[start:])

    # An unrelated file in the same folder renders nothing.
    start = w.mark()
    write(p("in", "notes.txt"), "still not an input\n")
    quiet_for(w, 1.0, start)

    # A bad edit, saved by rename: its errors with file:line:col, and the
    # last good outputs stay.
    good_a, good_index = read(a_table), read(p("out", "a.csv"))
    dataset = read(p("in", "a.yaml")).decode()
    start = w.mark()
    write(p("in", "a.yaml"), dataset.replace("title: Cloud market share", "title: [broken"),
          by_rename=True)
    w.wait_log(r"^in/a\.yaml:\d+:\d+: error: ", start)
    time.sleep(0.3)
    if read(a_table) != good_a or read(p("out", "a.csv")) != good_index:
        fail("a bad edit changed the last good outputs")
    if w.proc.poll() is not None:
        fail("watch ended after a bad edit")

    # Fixed again (in place): the outputs follow the edit.
    start = w.mark()
    write(p("in", "a.yaml"), dataset.replace("title: Cloud market share", "title: Share v2"))
    w.wait_for("the new title in out/a.csv", lambda: b"Share v2" in (read(p("out", "a.csv")) or b""))

    # A new csv: file that does not exist yet: an error, then watched, so
    # that creating it renders, and so does editing it afterwards.
    start = w.mark()
    extra = dataset.replace("images:", "  - id: extra\n    title: Extra\n    columns:\n"
                            "      - {id: k, type: text}\n      - {id: v, type: number}\n"
                            "    csv: extra.csv\nimages:")
    write(p("in", "a.yaml"), extra)
    w.wait_log(r"^in/a\.yaml:\d+:\d+: error: cannot open CSV file", start)
    start = w.mark()
    write(p("in", "extra.csv"), "k,v\none,1\n")
    w.wait_for("out/a.extra.csv", lambda: read(p("out", "a.extra.csv")) is not None)
    write(p("in", "extra.csv"), "k,v\none,1\ntwo,2\n", by_rename=True)
    w.wait_for("the edited out/a.extra.csv", lambda: b"two" in (read(p("out", "a.extra.csv")) or b""))

    # The template: every dataset using it.
    start = w.mark()
    b_mtime = os.stat(b_table).st_mtime_ns
    a_mtime = os.stat(a_table).st_mtime_ns
    template = read(p("in", "t.yaml")).decode()
    write(p("in", "t.yaml"), template.replace("name: t", "name: t2"), by_rename=True)
    w.wait_for("both datasets rendered again",
               lambda: os.stat(b_table).st_mtime_ns != b_mtime and os.stat(a_table).st_mtime_ns != a_mtime)

    # A broken template: errors at its position, outputs stay.
    start = w.mark()
    good_b = read(b_table)
    write(p("in", "t.yaml"), template.replace("body:", "body: [\n"))
    w.wait_log(r"^in/t\.yaml:\d+:\d+: error: ", start)
    time.sleep(0.3)
    if read(b_table) != good_b:
        fail("a broken template changed the outputs")
    start = w.mark()
    write(p("in", "t.yaml"), template)
    w.wait_log(r"^quire: wrote out/b\.csv$", start)
    w.wait_log(r"^quire: wrote out/a\.csv$", start)

    time.sleep(0.3)
    code = w.stop(signal.SIGINT)
    if code != 0:
        fail(f"exit {code} on SIGINT:\n" + w.text())
    no_temporaries(p("out"))


def case_signal_during_render(work):
    """SIGTERM while a PDF renders: exit 0, and the output is whole (the
    old one or the new one), with no temporary file left."""
    shutil.copy(os.path.join(SOURCE, "data", "cloud-ai-briefing.yaml"), work)
    w = Watch(["cloud-ai-briefing.yaml", "-f", "pdf", "-o", "out", "-q"], work)
    pdf = os.path.join(work, "out", "cloud-ai-briefing.pdf")
    w.wait_for("the first PDF", lambda: read(pdf) is not None)
    time.sleep(0.5)
    os.utime(os.path.join(work, "cloud-ai-briefing.yaml"))
    time.sleep(0.35)   # the debounce is over: the render has started
    code = w.stop(signal.SIGTERM)
    if code != 0:
        fail(f"exit {code} on SIGTERM during a render:\n" + w.text())
    no_temporaries(os.path.join(work, "out"))
    data = read(pdf)
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        fail("the PDF left after the signal is not whole")


def case_signal_in_plugin(work):
    """SIGINT and SIGTERM while a slow export runs (a test plugin that
    sleeps and stops when asked): exit 0 at once, the older output stays,
    the export's private directory is gone."""
    shutil.copy(os.path.join(SOURCE, "tests", "cli", "data", "alpha.yaml"), work)
    out = os.path.join(work, "out")
    for sig in (signal.SIGINT, signal.SIGTERM):
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "alpha.sleep"), "w") as f:
            f.write("older\n")
        w = Watch(["alpha.yaml", "-f", "sleep", "--plugin-dir", SLOW_PLUGINS, "-o", "out"], work)

        def started():
            for n in os.listdir(out):
                if n.startswith(".quire-"):
                    data = read(os.path.join(out, n, "alpha.sleep"))
                    if data and b"started" in data:
                        return True
            return False
        w.wait_for("the slow export to start", started)
        code = w.stop(sig)
        if code != 0:
            fail(f"exit {code} on {sig.name} during an export:\n" + w.text())
        # render.c SIGKILLs an export that ignores SIGTERM for 3 s and then
        # says "was killed": the polite plugin must have stopped when asked
        # (a message, not a duration, so a busy machine cannot fail it)
        if "was killed" in w.text():
            fail(f"the export did not stop when asked on {sig.name}:\n" + w.text())
        if read(os.path.join(out, "alpha.sleep")) != b"older\n":
            fail("the older output changed")
        no_temporaries(out)
        if "interrupted" not in w.text():
            fail("the render did not report the interruption:\n" + w.text())


def case_missing(work):
    """A dataset that does not exist yet is rendered once it is created."""
    subprocess.run([sys.executable, MAKE_INPUTS, "src", "m"], cwd=work, check=True)
    os.makedirs(os.path.join(work, "in"))
    shutil.copy(os.path.join(work, "src", "t.yaml"), os.path.join(work, "in"))
    w = Watch(["in/m.yaml", "-t", "in/t.yaml", "-f", "csv", "-o", "out"], work)
    w.wait_log(r"in/m\.yaml.*(No such file|cannot open)")
    w.wait_log(r"waiting for changes")
    for name in ("m.csv", "map.png", "logo.png"):
        shutil.copy(os.path.join(work, "src", name), os.path.join(work, "in"))
    shutil.copy(os.path.join(work, "src", "m.yaml"), os.path.join(work, "in"))
    w.wait_for("out/m.csv", lambda: read(os.path.join(work, "out", "m.csv")) is not None)
    code = w.stop(signal.SIGTERM)
    if code != 0:
        fail(f"exit {code} on SIGTERM")


def case_usage(work):
    """What no edit can fix ends watch at once."""
    subprocess.run([sys.executable, MAKE_INPUTS, "in", "u"], cwd=work, check=True)
    for args, want in ((["-O", "nosuch.key=1"], 1), (["-f", "nosuchformat"], 3),
                       (["--depfile", "x.d"], 1)):
        try:
            r = subprocess.run([QUIRE, "watch", "in/u.yaml", "-t", "in/t.yaml", "-o", "out"] + args,
                               cwd=work, capture_output=True, timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            fail(f"watch {args} did not end")
        if r.returncode != want:
            fail(f"watch {args}: exit {r.returncode}, expected {want}: {r.stderr.decode()}")


def main():
    work = tempfile.mkdtemp(prefix="quire-watch-")
    try:
        {"edits": case_edits, "signal": case_signal_during_render,
         "signal_plugin": case_signal_in_plugin, "missing": case_missing,
         "usage": case_usage}[CASE](work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


main()
