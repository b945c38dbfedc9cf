#!/usr/bin/python3
"""png_pixels.py KIND PDF — the PDF's image (with its soft mask) holds the
pixels pngs.py drew for KIND: colour and alpha, sample by sample."""
import sys

import pikepdf

sys.path.insert(0, __import__("os").path.dirname(__file__))
KIND, PDF = sys.argv[1], sys.argv[2]
PALETTE = [(255, 0, 0), (0, 255, 0), (0, 0, 255), (255, 255, 0)]
TRNS = [0, 128, 255, 255]


def expected(x, y):
    if KIND in ("interlaced-alpha", "interlaced-alpha16"):
        p = ((x * 19) % 256, (y * 23) % 256, ((x + y) * 7) % 256, (x * y * 5) % 256)
        return p[:3], p[3]
    i = (x + y) % 4
    return PALETTE[i], TRNS[i]


pdf = pikepdf.open(PDF)
found = None
for page in pdf.pages:
    for _, obj in page.images.items():
        if "/SMask" in obj:
            found = obj
if found is None:
    sys.exit("no image with a soft mask")
w, h = int(found.Width), int(found.Height)
color = found.read_bytes()
alpha = found.SMask.read_bytes()
if found.ColorSpace != "/DeviceRGB" or len(color) != w * h * 3 or len(alpha) != w * h:
    sys.exit(f"{found.ColorSpace} {w}x{h}: {len(color)} colour, {len(alpha)} alpha bytes")
for y in range(h):
    for x in range(w):
        rgb, a = expected(x, y)
        got = tuple(color[(y * w + x) * 3:(y * w + x) * 3 + 3])
        if got != tuple(rgb) or alpha[y * w + x] != a:
            sys.exit(f"pixel {x},{y}: {got}/{alpha[y * w + x]}, expected {rgb}/{a}")
