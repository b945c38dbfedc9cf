#!/bin/sh
# Load benchmark: dataset_load() beside a bare libyaml event parse (the
# floor) on a 1,000,000 x 10 table, inline and from CSV.
#   usage: bench/load/run.sh [BUILD_DIR] [ROWS]
# Builds bench-floor and bench-load in BUILD_DIR (default build-bench, a
# RelWithDebInfo build), writes the data into a temporary folder, runs each
# program three times and keeps the fastest run.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build-bench}
rows=${2:-1000000}
# configure every time: bench/load may be newer than the build dir
cmake -S "$root" -B "$build" >/dev/null
cmake --build "$build" -j2 --target bench-floor bench-load >/dev/null
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
/usr/bin/python3 "$here/gen_dataset.py" "$data" "$rows"

best() {  # the fastest of three runs
    for i in 1 2 3; do "$@"; done |
        awk -F'\t' '{ for (i = 1; i <= NF; i++) if ($i ~ /^seconds=/) print substr($i, 9) "\t" $0 }' |
        sort -n | head -n 1 | cut -f 2-
}
size() { stat -c %s "$1"; }

echo "inline.yaml: $(size "$data/inline.yaml") bytes"
echo "  $(best "$build/bench/load/bench-floor" "$data/inline.yaml")"
echo "  $(best "$build/bench/load/bench-load" "$data/inline.yaml")"
echo "csv.yaml + big.csv: $(size "$data/big.csv") bytes of CSV"
echo "  $(best "$build/bench/load/bench-load" "$data/csv.yaml")"
