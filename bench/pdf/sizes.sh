#!/bin/sh
# sizes.sh OLD_BUILD NEW_BUILD — PDF bytes of the same briefs from two builds
# (issue 16, §9): the flagship (data/cloud-ai-briefing.yaml, its own
# template) and a one-page English brief (tests/pdf/data/en-brief.yaml on
# one A4 page in DejaVu Sans: figures, summary, one section, one table).
# Also prints each file's font programs (the FontFile streams, as stored).
# FLAGSHIP, FLAGSHIP_TEMPLATE: another flagship dataset and template (the
# old build's own, when the current dataset uses keys it does not know).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../..
old=$(cd "$1" && pwd)
new=$(cd "$2" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/one-page.yaml" <<'T'
quire-template: 1
name: one-page
page: {size: A4, orientation: portrait, margin_mm: 18}
fonts: {body: "DejaVu Sans", bold: "DejaVu Sans:bold"}
header: "{title}"
footer: "{page} / {pages}"
body:
  - heading: Key figures
  - figures: all
  - summary
  - section: market
  - table: {table: share}
T
fonts() { # bytes of the embedded font programs, as stored
    /usr/bin/python3 -c '
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
n = 0
for o in pdf.objects:
    if isinstance(o, pikepdf.Dictionary) and o.get("/Type") == "/FontDescriptor":
        for k in ("/FontFile", "/FontFile2", "/FontFile3"):
            if k in o:
                n += len(o[k].read_raw_bytes())
print(n)' "$1"
}
one() { # one NAME DATASET TEMPLATE
    for b in old new; do
        eval dir=\$$b
        "$dir/src/quire" render "$2" ${3:+-t "$3"} -f pdf -o "$work/$b" --quiet \
            --plugin-dir "$dir/plugins"
    done
    pdf=$(basename "$2" .yaml).pdf
    so=$(stat -c %s "$work/old/$pdf"); sn=$(stat -c %s "$work/new/$pdf")
    printf "%-10s %8d -> %8d B (%.2fx), fonts %7d -> %7d B, pages %s\n" "$1" "$so" "$sn" \
        "$(awk -v a="$sn" -v b="$so" 'BEGIN { print a / b }')" \
        "$(fonts "$work/old/$pdf")" "$(fonts "$work/new/$pdf")" \
        "$(pdfinfo "$work/new/$pdf" | awk '/^Pages:/ { print $2 }')"
}
one flagship "${FLAGSHIP:-$root/data/cloud-ai-briefing.yaml}" "${FLAGSHIP_TEMPLATE:-}"
one one-page "$root/tests/pdf/data/en-brief.yaml" "$work/one-page.yaml"
