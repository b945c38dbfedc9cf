#!/bin/sh
# XLSX benchmark: the N x 10 dataset (default 1,000,000 rows) through
# `quire render -f xlsx`, beside its floors (libyaml parsing the file;
# plain libxlsxwriter writing the same cells in constant_memory mode),
# `quire validate` (the loaded dataset alone) and Python XlsxWriter.
#
# ROUNDS paired rounds (default 5): each round runs every C program once,
# one after the other, so a slow minute of a shared machine hits all of
# them alike. Shown per program: the median CPU time (user + system of the
# whole process tree, /usr/bin/time), the wall time and peak RSS of that
# run; and the median over rounds of render / (parse floor + raw writer)
# of the same round. Python runs once, when Debian's python3-xlsxwriter is
# installed. BASELINE=OTHER_BUILD_DIR also runs that build's render in
# every round (an A/B of two commits under the same load).
#
#   bench/xlsx/run.sh [BUILD_DIR] [ROWS]
set -eu
build=${1:-build}
rows=${2:-1000000}
rounds=${ROUNDS:-${REPEAT:-5}}
work=$(mktemp -d "${TMPDIR:-/tmp}/quire-bench-xlsx.XXXXXX")
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)

# run NAME command...: one run; appends "cpu wall kb" to $work/NAME
run() {
    name=$1
    shift
    /usr/bin/time -f "%U %S %e %M" "$@" >/dev/null 2>"$work/time" || {
        cat "$work/time"; exit 1; }
    tail -n 1 "$work/time" | awk '{ printf "%.2f %s %s\n", $1 + $2, $3, $4 }' >>"$work/$name"
}

# median LABEL NAME [RUNS]: the run with the median CPU time of NAME
median() {
    sort -n "$work/$2" | awk -v label="$1" -v n="${3:-$rounds}" 'NR == int((n + 1) / 2) {
        printf "%-24s cpu %7s s  wall %7s s  %9s KB  (median of %d)\n", label, $1, $2, $3, n }'
}

"$build/bench/xlsx/bench_xlsx_gen" "$rows" "$work/bench.yaml"
echo "rows: $rows x 10, dataset $(du -h "$work/bench.yaml" | cut -f1), $rounds paired rounds"
i=0
while [ "$i" -lt "$rounds" ]; do
    run floor "$build/bench/xlsx/bench_xlsx_yaml_floor" "$work/bench.yaml"
    run raw "$build/bench/xlsx/bench_xlsx_raw" "$rows" "$work/raw.xlsx"
    run validate "$build/src/quire" validate "$work/bench.yaml"
    run render "$build/src/quire" render "$work/bench.yaml" -f xlsx -o "$work/out" \
        --plugin-dir "$build/plugins" --quiet
    rm -rf "$work/out"
    if [ -n "${BASELINE:-}" ]; then
        run baseline "$BASELINE/src/quire" render "$work/bench.yaml" -f xlsx -o "$work/out" \
            --plugin-dir "$BASELINE/plugins" --quiet
        rm -rf "$work/out"
    fi
    i=$((i + 1))
done
median "libyaml parse floor" floor
median "raw libxlsxwriter" raw
median "quire validate (load)" validate
median "quire render -f xlsx" render
paste "$work/floor" "$work/raw" "$work/render" |
    awk '{ print $7 / ($1 + $4) }' | sort -n |
    awk -v n="$rounds" 'NR == int((n + 1) / 2) {
        printf "render / (parse floor + raw writer), median of the rounds: %.2fx\n", $1 }'
if [ -n "${BASELINE:-}" ]; then
    median "baseline render" baseline
    paste "$work/floor" "$work/raw" "$work/baseline" |
        awk '{ print $7 / ($1 + $4) }' | sort -n |
        awk -v n="$rounds" 'NR == int((n + 1) / 2) {
            printf "baseline / (parse floor + raw writer), median of the rounds: %.2fx\n", $1 }'
fi
if /usr/bin/python3 -c 'import xlsxwriter' 2>/dev/null; then
    run python /usr/bin/python3 "$here/raw_python.py" "$rows" "$work/py.xlsx"
    median "python XlsxWriter" python 1
fi
