#!/bin/sh
# XLSX benchmark: the N x 10 dataset (default 1,000,000 rows) through
# `quire render -f xlsx`, beside its floors (libyaml parsing the file;
# plain libxlsxwriter writing the same cells in constant_memory mode) and
# beside Python XlsxWriter doing the same. Prints seconds and peak RSS.
#
#   bench/xlsx/run.sh [BUILD_DIR] [ROWS]
set -eu
build=${1:-build}
rows=${2:-1000000}
work=$(mktemp -d "${TMPDIR:-/tmp}/quire-bench-xlsx.XXXXXX")
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")" && pwd)

measure() { # label command...
    label=$1; shift
    /usr/bin/time -f "$label	%e s	%M KB" "$@" >/dev/null 2>"$work/time" || {
        cat "$work/time"; exit 1; }
    tail -n 1 "$work/time"
}

"$build/bench/xlsx/bench_xlsx_gen" "$rows" "$work/bench.yaml"
echo "rows: $rows x 10, dataset $(du -h "$work/bench.yaml" | cut -f1)"
measure "libyaml parse floor" "$build/bench/xlsx/bench_xlsx_yaml_floor" "$work/bench.yaml"
measure "raw libxlsxwriter  " "$build/bench/xlsx/bench_xlsx_raw" "$rows" "$work/raw.xlsx"
measure "quire render -f xlsx" "$build/src/quire" render "$work/bench.yaml" -f xlsx \
    -o "$work/out" --plugin-dir "$build/plugins" --quiet
measure "python XlsxWriter   " /usr/bin/python3 "$here/raw_python.py" "$rows" "$work/py.xlsx"
