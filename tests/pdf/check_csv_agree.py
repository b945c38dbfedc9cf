"""Every number of every table in the PDF agrees with the CSV export.

usage: check_csv_agree.py QUIRE PLUGIN_DIR DATASET TEMPLATE WORKDIR

The template must show every table (templates/default.yaml does). Both
formats are rendered in one run; each numeric cell of each table's CSV
must come back from pdftotext -bbox as a whole word of the same value
(read without thousands separators and percent sign): a number broken
over two lines, or shown wrong, is missing."""
import csv
import glob
import os
import re
import subprocess
import sys

quire, plugins, dataset, template, work = sys.argv[1:6]
out = os.path.join(work, "out-agree-" + os.path.basename(dataset).rsplit(".", 1)[0])
subprocess.run([quire, "render", dataset, "-t", template, "-f", "pdf,csv", "-o", out,
                "--plugin-dir", plugins, "--quiet"], check=True)
pdf = glob.glob(os.path.join(out, "*.pdf"))[0]
bbox = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True,
                      check=True).stdout
values = []
for m in re.finditer(r"<word [^>]*>([^<]*)</word>", bbox):
    w = m.group(1).replace(",", "")
    w = re.sub(r"%p?$", "", w)
    if re.fullmatch(r"[-−]?\d+(\.\d+)?", w):
        values.append(float(w.replace("−", "-")))
failures, checked = [], 0
for path in sorted(glob.glob(os.path.join(out, "*.*.csv"))):
    with open(path, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))[1:]
    for row in rows:
        for cell in row:
            try:
                v = float(cell)
            except ValueError:
                continue
            if re.fullmatch(r"\d{4}", cell) and not any(abs(x - v) < 1e-9 for x in values):
                continue  # a year-like text stays text in the PDF
            checked += 1
            if not any(abs(x - v) <= 1e-9 * max(1.0, abs(v)) for x in values):
                failures.append("%s: %s" % (os.path.basename(path), cell))
print("checked %d numeric cells" % checked, file=sys.stderr)
for f in failures[:20]:
    print("FAIL: not in the PDF as a whole number:", f, file=sys.stderr)
ok = checked > 0 and not failures
print("%d passed, %d failed" % (1 if ok else 0, 0 if ok else 1))
sys.exit(0 if ok else 1)
