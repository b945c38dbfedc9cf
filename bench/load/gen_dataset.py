#!/usr/bin/python3
"""Writes a ROWS x 10 dataset (1 text + 9 numeric columns, mixed decimals)
twice into OUTDIR: inline.yaml (rows: inline) and csv.yaml + big.csv.

usage: gen_dataset.py OUTDIR [ROWS]   (default 1,000,000 rows)
"""
import os
import random
import sys

HEADER = """quire: 1
id: bench-{kind}
title: Load benchmark ({kind})
date: 2025-04-15
tables:
  - id: big
    title: One million rows
    columns:
      - {{id: name, type: text}}
      - {{id: a, type: number}}
      - {{id: b, type: integer}}
      - {{id: c, type: percent}}
      - {{id: d, type: currency, currency: USD, scale: 1e6}}
      - {{id: e, type: number}}
      - {{id: f, type: number}}
      - {{id: g, type: integer}}
      - {{id: h, type: percent}}
      - {{id: i, type: number}}
"""


def row(rng, n):
    return [
        f"item-{n:07d}",
        f"{rng.uniform(0, 1000):.2f}",
        str(rng.randrange(-10**6, 10**6)),
        f"{rng.uniform(0, 100):.1f}",
        f"{rng.uniform(0, 10**5):.3f}",
        f"{rng.uniform(-1, 1):.4f}",
        str(rng.randrange(0, 10**4)),
        str(rng.randrange(0, 10**9)),
        f"{rng.uniform(0, 100):.2f}",
        "null" if n % 97 == 0 else f"{rng.uniform(0, 1e6):.1f}",
    ]


def main():
    out = sys.argv[1]
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
    os.makedirs(out, exist_ok=True)
    rng = random.Random(42)
    with open(os.path.join(out, "inline.yaml"), "w") as y, \
         open(os.path.join(out, "big.csv"), "w") as c:
        y.write(HEADER.format(kind="inline") + "    rows:\n")
        c.write("name,a,b,c,d,e,f,g,h,i\n")
        for n in range(rows):
            cells = row(rng, n)
            y.write("      - [" + ", ".join(cells) + "]\n")
            c.write(",".join("" if x == "null" else x for x in cells) + "\n")
    with open(os.path.join(out, "csv.yaml"), "w") as y:
        y.write(HEADER.format(kind="csv") + "    csv: big.csv\n")


main()
