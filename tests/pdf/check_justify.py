"""No gap of a justified body line grows beyond about half an em.

usage: check_justify.py QUIRE PLUGIN_DIR DATASET TEMPLATE WORKDIR

Reads the words of every line set in the body sizes (9.8 and 10.2 pt,
whose pdftotext boxes are 11.3 and 11.8 pt tall) with pdftotext -bbox and
measures the space between neighbours; table cells are set smaller, and
the contents page (under a title "목차" or "Contents", whose entries stand
apart from their page numbers) is left out."""
import os
import re
import subprocess
import sys
from collections import defaultdict

quire, plugins, dataset, template, work = sys.argv[1:6]
out = os.path.join(work, "out-justify")
subprocess.run([quire, "render", dataset, "-t", template, "-f", "pdf", "-o", out,
                "--plugin-dir", plugins, "--quiet"], check=True)
pdf = [os.path.join(out, f) for f in os.listdir(out) if f.endswith(".pdf")][0]
bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                      check=True).stdout
BOX_PER_EM = 1.153  # pdftotext's box height for NanumGothic, per point of size
worst, gaps = (0, ""), 0
for page in bbox.split("<page ")[1:]:
    lines = defaultdict(list)
    small = []   # smaller boxes, such as footnote markers raised beside a word
    boxes = re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                       r'yMax="([\d.]+)">([^<]*)<', page)
    if any(w in ("목차", "Contents") and float(d) - float(b) > 15 for _, b, _, d, w in boxes):
        continue
    for a, b, c, d, w in boxes:
        a, b, c, d = map(float, (a, b, c, d))
        lines[(round(b, 1), round(d - b, 1))].append((a, c, w))
        if d - b < 11.0:
            small.append((a, b, c, d))
    for (top, h), words in lines.items():
        if not 11.0 <= h <= 12.0:
            continue
        words.sort()
        em = h / BOX_PER_EM
        for (_, end, w1), (start, _, w2) in zip(words, words[1:]):
            gaps += 1
            # A marker set between two words of the line ("않는다.¹ 국내")
            # fills part of the space: the gap is the widest blank left.
            inside = sorted((a, c) for a, b, c, d in small
                            if a >= end - 0.5 and c <= start + 0.5 and b < top + h and d > top)
            edges = [end] + [x for a, c in inside for x in (a, c)] + [start]
            g = max(edges[i + 1] - edges[i] for i in range(0, len(edges), 2)) / em
            if g > worst[0]:
                worst = (g, "%s | %s" % (w1, w2))
print("%d gaps, widest %.2f em (%s)" % (gaps, worst[0], worst[1]), file=sys.stderr)
ok = gaps > 100 and worst[0] <= 0.55
print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
sys.exit(0 if ok else 1)
