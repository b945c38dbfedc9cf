#!/usr/bin/python3
"""pngs.py KIND PATH — writes a crafted PNG (issue 21), built here with zlib
and struct so that no binary blob is kept in the tree:
  interlaced-alpha  Adam7-interlaced 8-bit RGBA, 13x11 (libharu 2.3.0 frees
                    memory twice loading it)
  palette-trns      a 4-colour palette PNG with tRNS
  interlaced-palette-trns  the same, interlaced
  interlaced-alpha16  interlaced-alpha's pixels as 16-bit RGBA (each
                    sample's high byte the 8-bit one)
  bomb16            IHDR of 16384x16384 16-bit RGBA (2 GiB decoded) over a
                    short IDAT: refused from the header, never inflated
  bomb8             8000x8000 8-bit RGBA (244 MiB decoded): under the old
                    pixel limit, over the decoded-bytes one
  bomb-palette      8192x8192 palette with tRNS: 64 MiB of its own samples,
                    256 MiB as the RGBA pixels the PDF embeds
  plain             2x2 RGB, for a good image"""
import struct
import sys
import zlib

ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2)]


def chunk(kind, data):
    body = kind + data
    return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))


def png(w, h, depth, colour, idat, interlace=0, extra=b""):
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, depth, colour, 0, 0, interlace))
            + extra + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def pixel(x, y):
    return bytes([(x * 19) % 256, (y * 23) % 256, ((x + y) * 7) % 256, (x * y * 5) % 256])


def adam7(w, h, pixel_of):
    """The scanlines of the seven Adam7 passes (filter 0)."""
    raw = b""
    for xs, ys, dx, dy in ADAM7:
        cols = range(xs, w, dx)
        for y in range(ys, h, dy):
            if len(cols):
                raw += b"\0" + b"".join(pixel_of(x, y) for x in cols)
    return raw


def interlaced_alpha():
    return png(13, 11, 8, 6, zlib.compress(adam7(13, 11, pixel)), interlace=1)


def interlaced_alpha16():
    wide = lambda x, y: b"".join(bytes([v, (v * 3 + 1) % 256]) for v in pixel(x, y))
    return png(13, 11, 16, 6, zlib.compress(adam7(13, 11, wide)), interlace=1)


def palette_trns(interlace):
    w, h = 8, 8
    plte = chunk(b"PLTE", bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0]))
    trns = chunk(b"tRNS", bytes([0, 128, 255]))
    index = lambda x, y: bytes([(x + y) % 4])
    raw = (adam7(w, h, index) if interlace
           else b"".join(b"\0" + b"".join(index(x, y) for x in range(w)) for y in range(h)))
    return png(w, h, 8, 3, zlib.compress(raw), interlace=interlace, extra=plte + trns)


def bomb(w, h, depth):
    row = b"\0" + bytes(w * 4 * depth // 8)
    return png(w, h, depth, 6, zlib.compress(row * 4))


def bomb_palette():
    w = 8192
    extra = chunk(b"PLTE", bytes([255, 0, 0, 0, 0, 255])) + chunk(b"tRNS", bytes([0, 255]))
    return png(w, w, 8, 3, zlib.compress((b"\0" + bytes(w)) * 4), extra=extra)


def plain():
    raw = b"".join(b"\0" + bytes([10, 120, 200]) * 2 for _ in range(2))
    return png(2, 2, 8, 2, zlib.compress(raw))


KINDS = {"interlaced-alpha": interlaced_alpha, "interlaced-alpha16": interlaced_alpha16,
         "bomb-palette": bomb_palette, "palette-trns": lambda: palette_trns(0),
         "interlaced-palette-trns": lambda: palette_trns(1),
         "bomb16": lambda: bomb(16384, 16384, 16), "bomb8": lambda: bomb(8000, 8000, 8),
         "plain": plain}

with open(sys.argv[2], "wb") as f:
    f.write(KINDS[sys.argv[1]]())
