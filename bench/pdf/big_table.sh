#!/bin/bash
# big_table.sh BUILD [ROWS...] — one table of ROWS x 6 (default 10000 and
# 100000) in one tagged PDF, pdf.max_rows lifted to the row count (issue
# 17 §5: at most 300 MB peak and 30 s CPU at 100,000 rows). Prints, per
# size, the whole process tree's CPU (user + sys, /usr/bin/time), the
# largest peak RSS of quire and its export child (QUIRE_STATS), the pages
# and the bytes. One run each: run it on a quiet machine if you can.
set -eu
build=$(cd "$1" && pwd)
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/quire-big-table-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
printf '%-8s %9s %9s %9s %7s %12s\n' rows "cpu s" "wall s" "peak MB" pages bytes
for n in "${sizes[@]}"; do
    /usr/bin/python3 "$here/gen_big_table.py" "$n" big.yaml template.yaml
    rm -rf out
    QUIRE_STATS=stats /usr/bin/time -f "%U %S %e" -o time.txt "$build/src/quire" render big.yaml \
        -t template.yaml -f pdf -o out -q --plugin-dir "$build/plugins"
    read -r u s e <time.txt
    peak=$(awk '{ if ($2 > m) m = $2 } END { printf "%.1f", m / 1024 }' stats)
    pages=$(pdfinfo out/big.pdf | awk '/^Pages:/ { print $2 }')
    printf '%-8s %9.2f %9.2f %9s %7s %12s\n' "$n" "$(echo "$u + $s" | bc)" "$e" "$peak" "$pages" \
        "$(stat -c %s out/big.pdf)"
done
