#!/bin/sh
# XLSX benchmark: the N x 10 dataset (default 1,000,000 rows) through
# `quire render -f xlsx`, beside its floors (libyaml parsing the file;
# plain libxlsxwriter writing the same cells in constant_memory mode),
# `quire validate` (the loaded dataset alone) and Python XlsxWriter.
# Each C program runs REPEAT times (default 3); the run with the least CPU
# time (user + system) is shown, with its wall time and peak RSS: the
# machine is shared, and CPU time is what other jobs disturb least.
# Python runs once.
#
#   bench/xlsx/run.sh [BUILD_DIR] [ROWS]
set -eu
build=${1:-build}
rows=${2:-1000000}
repeat=${REPEAT:-3}
work=$(mktemp -d "${TMPDIR:-/tmp}/quire-bench-xlsx.XXXXXX")
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)

measure() { # label times command...
    label=$1 times=$2
    shift 2
    : >"$work/runs"
    i=0
    while [ "$i" -lt "$times" ]; do
        /usr/bin/time -f "%U %S %e %M" "$@" >/dev/null 2>"$work/time" || {
            cat "$work/time"; exit 1; }
        tail -n 1 "$work/time" | awk '{ printf "%.2f %s %s\n", $1 + $2, $3, $4 }' >>"$work/runs"
        i=$((i + 1))
    done
    sort -n "$work/runs" | head -n 1 | {
        read -r cpu secs kb
        printf '%-24s cpu %7s s  wall %7s s  %9s KB  (best of %s)\n' "$label" "$cpu" "$secs" \
            "$kb" "$times"
    }
}

"$build/bench/xlsx/bench_xlsx_gen" "$rows" "$work/bench.yaml"
echo "rows: $rows x 10, dataset $(du -h "$work/bench.yaml" | cut -f1)"
measure "libyaml parse floor" "$repeat" "$build/bench/xlsx/bench_xlsx_yaml_floor" "$work/bench.yaml"
measure "raw libxlsxwriter" "$repeat" "$build/bench/xlsx/bench_xlsx_raw" "$rows" "$work/raw.xlsx"
measure "quire validate (load)" "$repeat" "$build/src/quire" validate "$work/bench.yaml"
measure "quire render -f xlsx" "$repeat" "$build/src/quire" render "$work/bench.yaml" \
    -f xlsx -o "$work/out" --plugin-dir "$build/plugins" --quiet
measure "python XlsxWriter" 1 /usr/bin/python3 "$here/raw_python.py" "$rows" "$work/py.xlsx"
