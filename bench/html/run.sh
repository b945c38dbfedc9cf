#!/bin/sh
# run.sh [BUILD_DIR] — the HTML exporter's cost, by hand (never from ctest).
#
# Renders the flagship brief (data/cloud-ai-briefing.yaml through
# templates/quarterly-brief.yaml) to HTML and to PDF with the real
# program, the whole process each time, in RUNS pairs (default 11; the
# order within a pair alternates, so a busy moment hits both alike).
# Prints the median CPU time (user + sys) of each, the median of the
# per-pair ratio HTML / PDF, and the sizes. The goal (issue 18): the
# ratio at most 1.
# Needs: cmake --build BUILD_DIR --target quire quire-html quire-pdf; GNU time.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
runs=${RUNS:-11}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# cpu FORMAT: one render's user + sys seconds
cpu() {
    /usr/bin/time -f "%U %S" -o "$work/one" "$build/src/quire" render \
        "$src/data/cloud-ai-briefing.yaml" -t "$src/templates/quarterly-brief.yaml" \
        -f "$1" -o "$work/out" --quiet || { echo "render -f $1 failed" >&2; exit 1; }
    awk '{ print $1 + $2 }' "$work/one"
}

cpu html > /dev/null # warm the caches once
cpu pdf > /dev/null
: > "$work/pairs"
i=0
while [ $i -lt "$runs" ]; do
    if [ $((i % 2)) -eq 0 ]; then h=$(cpu html); p=$(cpu pdf); else p=$(cpu pdf); h=$(cpu html); fi
    echo "$h $p" >> "$work/pairs"
    i=$((i + 1))
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
h=$(awk '{ print $1 }' "$work/pairs" | median)
p=$(awk '{ print $2 }' "$work/pairs" | median)
r=$(awk '{ print ($2 > 0 ? $1 / $2 : 0) }' "$work/pairs" | median)
hb=$(wc -c < "$work/out/cloud-ai-briefing.html")
pb=$(wc -c < "$work/out/cloud-ai-briefing.pdf")
echo "flagship, whole process, median of $runs paired runs; $(nproc) cores, $(date -u +%Y-%m-%d)"
printf "%-28s cpu %6.3f s  %8d bytes\n" "quire render -f html" "$h" "$hb"
printf "%-28s cpu %6.3f s  %8d bytes\n" "quire render -f pdf" "$p" "$pb"
printf "%-28s %6.2f (goal: at most 1)\n" "median ratio html / pdf" "$r"
