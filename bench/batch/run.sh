#!/bin/bash
# run.sh BUILD [N] [ROUNDS] — a batch of N one-page briefs (tests/batch/gen.sh),
# whole process, the median of ROUNDS paired runs (issue 17 §4):
#   quire render of the N at -j 1 and -j 2, one brief alone, and Typst
#   (npm @myriaddreamin/typst-ts-node-compiler, installed into BUILD/bench-npm
#   on first use) compiling the same N briefs in one process, and one alone.
# Prints CPU per brief (user + sys, children included) and wall time.
# Run it on an idle machine: the numbers mean nothing beside other work.
set -eu
build=$(cd "$1" && pwd) n=${2:-1000} rounds=${3:-5}
here=$(cd "$(dirname "$0")" && pwd)
quire=$build/src/quire
npm_dir=$build/bench-npm
if [ ! -d "$npm_dir/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
    mkdir -p "$npm_dir"
    (cd "$npm_dir" && npm install --no-audit --no-fund --silent \
        @myriaddreamin/typst-ts-node-compiler >/dev/null)
fi
export NODE_PATH=$npm_dir/node_modules
work=$(mktemp -d /tmp/quire-batch-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
bash "$here/../../tests/batch/gen.sh" d "$n"
ls d/*.yaml >list
/usr/bin/python3 "$here/to_typst.py" d t

# measure NAME CMD...: appends "cpu wall" of one whole run to NAME.txt.
measure() {
    local name=$1; shift
    local t0 t1
    rm -rf out
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o time.txt "$@" >/dev/null 2>err.txt ||
        { cat err.txt >&2; exit 1; }
    t1=$(date +%s.%N)
    read -r u s <time.txt
    echo "$(echo "$u + $s" | bc) $(echo "$t1 - $t0" | bc)" >>"$name.txt"
}
median() {   # median FILE COLUMN
    sort -g -k"$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'
}
for ((r = 0; r < rounds; r++)); do   # paired: each round runs every case once
    measure quire-j1 "$quire" render --datasets-from list -f pdf -j 1 -o out -q
    measure quire-j2 "$quire" render --datasets-from list -f pdf -j 2 -o out -q
    measure quire-alone "$quire" render d/region-1.yaml -f pdf -o out -q
    measure typst-batch node "$here/typst_batch.js" out t/*.typ
    measure typst-alone node "$here/typst_batch.js" out t/region-1.typ
done
per() { echo "scale=4; $(median "$1.txt" 1) / $2" | bc; }
printf '%s, %d one-page briefs, median of %d paired runs (%s)\n' "$(date -u +%F)" "$n" \
    "$rounds" "$(nproc) cores, $(uname -m)"
printf '%-34s %12s %10s\n' "" "CPU/brief s" "wall s"
row() { printf '%-34s %12.4f %10.2f\n' "$1" "$(per "$2" "$3")" "$(median "$2.txt" 2)"; }
row "quire, batch -j 1" quire-j1 "$n"
row "quire, batch -j 2" quire-j2 "$n"
row "quire, one brief alone" quire-alone 1
row "Typst, batch in one process" typst-batch "$n"
row "Typst, one brief alone" typst-alone 1
printf 'quire -j 2 vs -j 1 wall: %.2fx; quire in the batch vs alone: %.2fx CPU; ' \
    "$(echo "$(median quire-j1.txt 2) / $(median quire-j2.txt 2)" | bc -l)" \
    "$(echo "$(per quire-j1 "$n") / $(per quire-alone 1)" | bc -l)"
printf 'quire vs Typst per brief in a batch: %.2fx CPU\n' \
    "$(echo "$(per quire-j1 "$n") / $(per typst-batch "$n")" | bc -l)"
