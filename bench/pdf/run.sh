#!/bin/sh
# run.sh [BUILD_DIR] — the PDF benchmark, by hand (never from ctest).
#
# Renders the generated brief (40 charts, 10 tables) through the real PDF
# plugin, and draws the same shapes with the floor program (plain libharu at
# fixed positions), with the chart code alone, and with ReportLab. Prints
# the median CPU time (user + sys) of RUNS runs (default 5), the wall time
# of that run, and the peak RSS of each.
# Needs: cmake --build BUILD_DIR --target quire quire-pdf bench_pdf_floor bench_pdf_charts
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
runs=${RUNS:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

/usr/bin/python3 "$here/gen_brief.py" "$work"

# measure NAME COMMAND...: median seconds and peak KB over $runs runs
measure() {
    name=$1; shift
    : > "$work/times"
    i=0
    while [ $i -lt "$runs" ]; do
        /usr/bin/time -f "%e %U %S %M" -o "$work/one" "$@" > /dev/null 2>&1 ||
            { echo "$name: failed: $*" >&2; exit 1; }
        cat "$work/one" >> "$work/times"
        i=$((i + 1))
    done
    # CPU time (user + sys) is the steadier figure on a shared machine
    awk '{ print $2 + $3, $1, $4 }' "$work/times" | sort -n | awk -v name="$name" '
        { cpu[NR] = $1; wall[NR] = $2; if ($3 > rss) rss = $3 }
        END { m = int((NR + 1) / 2)
              printf "%-34s cpu %6.3f s  wall %6.3f s  %6.1f MB\n", name, cpu[m], wall[m], rss / 1024 }'
}

echo "median of $runs runs (by CPU time), peak RSS; $(nproc) cores, $(date -u +%Y-%m-%d)"
measure "quire render (pdf plugin)" "$build/src/quire" render "$work/bench-brief.yaml" \
    -t "$work/bench-template.yaml" -f pdf -o "$work/out" --quiet
measure "floor: plain libharu" "$build/bench/pdf/bench_pdf_floor" "$work/floor.pdf"
measure "chart code alone (40 charts)" "$build/bench/pdf/bench_pdf_charts" "$work/charts.pdf"
measure "floor, charts only" "$build/bench/pdf/bench_pdf_floor" "$work/floorc.pdf" --charts-only
measure "ReportLab 3.6 (charts + tables)" /usr/bin/python3 "$here/reportlab_brief.py" "$work/rl.pdf"
