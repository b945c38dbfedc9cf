#!/usr/bin/python3
"""Every number of the flagship dataset is traced in docs/data-sources.md.

For each headline figure the document must have a row starting
`| figure | <id> |` that names `value=<value>` (and `change=<value>` when
the figure has a change); for each table row with numbers, a row starting
`| <table id> | <first cell> |` that names `<column id>=<value>` for every
non-null numeric cell. A number added to the dataset without its source
sentence fails here.

usage: check_traceability.py DATASET DATA_SOURCES_MD
"""
import sys

import yaml


def fmt(v):
    return repr(v) if isinstance(v, float) else str(v)


def find_row(lines, *cells):
    head = "| " + " | ".join(cells) + " |"
    return [l for l in lines if l.startswith(head)]


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    with open(sys.argv[2], encoding="utf-8") as fh:
        lines = fh.read().splitlines()
    missing = []

    for f in data.get("figures", []):
        want = ["value=" + fmt(f["value"])]
        if "change" in f:
            want.append("change=" + fmt(f["change"]["value"]))
        rows = find_row(lines, "figure", f["id"])
        if not rows or not all(w in rows[0] for w in want):
            missing.append("figure %s: %s" % (f["id"], ", ".join(want)))

    for t in data.get("tables", []):
        cols = t["columns"]
        for r in t.get("rows", []):
            want = ["%s=%s" % (c["id"], fmt(v)) for c, v in zip(cols, r)
                    if c["type"] != "text" and v is not None]
            if not want:
                continue
            rows = find_row(lines, t["id"], str(r[0]))
            if not rows or not all(w in rows[0] for w in want):
                missing.append("table %s row %s: %s" % (t["id"], r[0], ", ".join(want)))

    for m in missing:
        print("not traced:", m, file=sys.stderr)
    if missing:
        return 1
    print("ok: every number is traced")
    return 0


if __name__ == "__main__":
    sys.exit(main())
