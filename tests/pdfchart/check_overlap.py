#!/usr/bin/python3
"""check_overlap.py BBOX.html — no two words of a page overlap, from
pdftotext -bbox output: chart labels never collide with each other."""
import re
import sys

SLACK = 0.6        # points of overlap allowed each way (glyph boxes touch)
WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')

failures = []
pages = open(sys.argv[1], encoding='utf-8').read().split('<page ')[1:]
for number, page in enumerate(pages, 1):
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in WORD.findall(page)]
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            if dx > SLACK and dy > SLACK:
                failures.append(f'page {number}: "{a[4]}" overlaps "{b[4]}" '
                                f'({dx:.1f} x {dy:.1f} pt at {a[0]:.0f},{a[1]:.0f})')
for f in failures:
    print('check_overlap:', f)
sys.exit(1 if failures else 0)
