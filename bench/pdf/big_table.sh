#!/bin/bash
# big_table.sh BUILD [ROWS...] — one table of ROWS x 6 (default 10000 and
# 100000) in one tagged PDF, pdf.max_rows lifted to the row count (issue
# 17 §5: at most 300 MB peak and 30 s CPU at 100,000 rows). Prints, per
# size, the whole process tree's CPU (user + sys, /usr/bin/time), the
# wall time, the largest peak RSS of quire and its export child
# (QUIRE_STATS), the pages and the bytes: the median of RUNS runs (default
# 3), the sizes interleaved run by run, so that a shared machine's load
# falls on all of them alike.
set -eu
build=$(cd "$1" && pwd)
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000)
runs=${RUNS:-3}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/quire-big-table-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
for n in "${sizes[@]}"; do
    mkdir "$n"
    /usr/bin/python3 "$here/gen_big_table.py" "$n" "$n/big.yaml" "$n/template.yaml"
done
for r in $(seq "$runs"); do
    for n in "${sizes[@]}"; do
        rm -rf "$n/out"
        QUIRE_STATS=$n/stats /usr/bin/time -f "%U %S %e" -o "$n/time.txt" "$build/src/quire" \
            render "$n/big.yaml" -t "$n/template.yaml" -f pdf -o "$n/out" -q \
            --plugin-dir "$build/plugins"
        read -r u s e <"$n/time.txt"
        peak=$(awk '{ if ($2 > m) m = $2 } END { printf "%.1f", m / 1024 }' "$n/stats")
        echo "$(echo "$u + $s" | bc) $e $peak" >>"$n/runs"
    done
done
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
printf '%-8s %9s %9s %9s %7s %12s   (median of %d runs)\n' rows "cpu s" "wall s" "peak MB" pages \
    bytes "$runs"
for n in "${sizes[@]}"; do
    pages=$(pdfinfo "$n/out/big.pdf" | awk '/^Pages:/ { print $2 }')
    printf '%-8s %9.2f %9.2f %9s %7s %12s\n' "$n" "$(cut -d' ' -f1 "$n/runs" | median)" \
        "$(cut -d' ' -f2 "$n/runs" | median)" "$(cut -d' ' -f3 "$n/runs" | median)" "$pages" \
        "$(stat -c %s "$n/out/big.pdf")"
done
