#!/usr/bin/python3
"""make_inputs.py DIR [ID [CSV]] — writes a dataset DIR/ID.yaml with a CSV
table (DIR/CSV, ID.csv by default), an image and a template with a logo
(DIR/t.yaml), all small."""
import json
import os
import struct
import sys
import zlib


def png(path, rgb):
    """A 2x2 RGB PNG."""
    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))
    raw = b"".join(b"\0" + bytes(rgb) * 2 for _ in range(2))
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main():
    d = sys.argv[1]
    ident = sys.argv[2] if len(sys.argv) > 2 else "x"
    csv = sys.argv[3] if len(sys.argv) > 3 else ident + ".csv"
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, csv), "w") as f:
        f.write("provider,share\nAWS,31\nMicrosoft,25\n")
    png(os.path.join(d, "map.png"), (10, 120, 200))
    png(os.path.join(d, "logo.png"), (200, 30, 30))
    with open(os.path.join(d, ident + ".yaml"), "w") as f:
        f.write(f"""quire: 1
id: {ident}
title: Depfile test {ident}
date: 2025-07-01
language: en
tables:
  - id: share
    title: Cloud market share
    columns:
      - {{id: provider, type: text}}
      - {{id: share, type: percent}}
    csv: {json.dumps(csv)}
images:
  - {{id: map, file: map.png, alt: A blue square}}
""")
    with open(os.path.join(d, "t.yaml"), "w") as f:
        f.write("""quire-template: 1
name: t
formats: [csv, xlsx]
logo: {file: logo.png, alt: Logo}
body:
  - cover
  - tables: all
  - image: map
""")


main()
