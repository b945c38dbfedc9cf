#!/usr/bin/python3
"""check_ink.py BOXES DIR DPI — reads the gray page images pdftoppm wrote
into DIR and checks that every chart left ink inside its box and that no ink
lies outside the boxes (so none in the margins either)."""
import glob
import sys

INK = 200          # gray level below which a pixel counts as ink
SLACK = 2          # pixels of anti-aliasing allowed around a box


def read_pgm(path):
    with open(path, 'rb') as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:           # P5 width height maxval, with comments
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    if fields[0] != b'P5':
        sys.exit(f'{path}: not a binary PGM')
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:pos + 1 + w * h]


def main():
    boxes_path, work, dpi = sys.argv[1], sys.argv[2], float(sys.argv[3])
    scale = dpi / 72.0
    pages = sorted(glob.glob(f'{work}/page-*.pgm'),
                   key=lambda p: int(p.rsplit('-', 1)[1].split('.')[0]))
    boxes = {}
    with open(boxes_path) as f:
        for line in f:
            page, x, top, w, h, name = line.split()
            boxes.setdefault(int(page), []).append(
                (name, float(x), float(top), float(w), float(h)))
    failures = []
    if len(pages) != max(boxes):
        failures.append(f'{len(pages)} page images for {max(boxes)} pages')
    for number, path in enumerate(pages, 1):
        w, h, px = read_pgm(path)
        page_h = h / scale
        rects = []
        for name, x, top, bw, bh in boxes.get(number, []):
            x0, x1 = int(x * scale) - SLACK, int((x + bw) * scale) + SLACK
            y0 = int((page_h - top) * scale) - SLACK
            y1 = int((page_h - top + bh) * scale) + SLACK
            rects.append((name, x0, y0, x1, y1))
            ink = sum(1 for yy in range(max(y0, 0), min(y1, h))
                      for xx in range(max(x0, 0), min(x1, w)) if px[yy * w + xx] < INK)
            area = (x1 - x0) * (y1 - y0)
            if ink < area * 0.02:
                failures.append(f'page {number}: {name}: only {ink} ink pixels in its box')
        stray = [(xx, yy) for yy in range(h) for xx in range(w)
                 if px[yy * w + xx] < INK and not any(
                     r[1] <= xx < r[3] and r[2] <= yy < r[4] for r in rects)]
        if stray:
            failures.append(f'page {number}: {len(stray)} ink pixels outside the chart boxes, '
                            f'first at {stray[0]} px')
    for f in failures:
        print('check_ink:', f)
    sys.exit(1 if failures else 0)


main()
