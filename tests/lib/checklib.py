"""What the end-to-end check scripts share: the failures they collect and
the inputs they write into their work folder.

    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "lib"))
    from checklib import expect, failures, finish, write_in
"""
import os
import sys

failures = []


def expect(ok, what):
    """Counts a failed check and says which, on stderr; never stops."""
    if not ok:
        failures.append(what)
        print("FAIL:", what, file=sys.stderr)


def write_in(work, name, text):
    """Writes text (UTF-8) to work/name and returns the path."""
    path = os.path.join(work, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def finish(passed=None):
    """Ends the script: prints passed and exits 0, or exits with the
    number of failures."""
    if failures:
        sys.exit(f"{len(failures)} failure(s)")
    if passed:
        print(passed)
    sys.exit(0)
