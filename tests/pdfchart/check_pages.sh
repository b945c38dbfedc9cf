#!/bin/sh
# check_pages.sh HARNESS SRCDIR WORKDIR — draws the chart cases, then reads
# the PDF back: page images (ink in every chart's box, none outside) and
# text (titles, categories, legends, notes, source lines) and no two words
# overlapping.
set -eu
harness=$1 src=$2 work=$3
rm -rf "$work" && mkdir -p "$work"
"$harness" "$work/charts.pdf" "$work/boxes.txt"
# stderr: libharu 2.3.0 ToUnicode warnings, fixed by the plugin, not here
pdftoppm -r 50 -gray "$work/charts.pdf" "$work/page" 2>/dev/null
/usr/bin/python3 "$src/check_ink.py" "$work/boxes.txt" "$work" 50
pdftotext -raw "$work/charts.pdf" "$work/charts.txt" 2>/dev/null
/usr/bin/python3 "$src/check_text.py" "$work/charts.txt" "$src/expected_text.txt"
pdftotext -bbox "$work/charts.pdf" "$work/words.html" 2>/dev/null
/usr/bin/python3 "$src/check_overlap.py" "$work/words.html"
echo "pdfchart pages: ok"
