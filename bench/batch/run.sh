#!/bin/bash
# run.sh BUILD [N] [ROUNDS] [KIND] — a batch of N briefs, whole process, the
# median of ROUNDS paired runs (issue 17 §4):
#   quire render of the N at -j 1 and -j 2, one brief alone, and Typst
#   (npm @myriaddreamin/typst-ts-node-compiler, installed into BUILD/bench-npm
#   on first use) compiling the same N briefs in one process, and one alone.
# KIND: one-page (default: tests/batch/gen.sh's briefs, with their Typst
# sources from to_typst.py) or flagship (data/cloud-ai-briefing.yaml under
# N ids; quire only: there is no Typst source of the flagship here).
# Prints CPU per brief (user + sys, children included) and wall time.
# CPU figures hold on a busy machine (paired rounds); the -j 2 / -j 1 wall
# ratio needs an idle one.
set -eu
build=$(cd "$1" && pwd) n=${2:-1000} rounds=${3:-5} kind=${4:-one-page}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
quire=$build/src/quire
npm_dir=$build/bench-npm
typst=0
[ "$kind" = one-page ] && typst=1
if [ $typst = 1 ] && [ ! -d "$npm_dir/node_modules/@myriaddreamin/typst-ts-node-compiler" ]; then
    mkdir -p "$npm_dir"
    (cd "$npm_dir" && npm install --no-audit --no-fund --silent \
        @myriaddreamin/typst-ts-node-compiler >/dev/null)
fi
export NODE_PATH=$npm_dir/node_modules
work=$(mktemp -d /tmp/quire-batch-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
if [ $typst = 1 ]; then
    bash "$here/../../tests/batch/gen.sh" d "$n"
    /usr/bin/python3 "$here/to_typst.py" d t
else
    mkdir d
    for ((i = 1; i <= n; i++)); do
        sed "s/^id: cloud-ai-briefing$/id: region-$i/" "$src/data/cloud-ai-briefing.yaml" \
            >"d/region-$i.yaml"
    done
fi
ls d/*.yaml >list

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
    [ $typst = 1 ] || continue
    measure typst-batch node "$here/typst_batch.js" out t/*.typ
    measure typst-alone node "$here/typst_batch.js" out t/region-1.typ
done
per() { echo "scale=4; $(median "$1.txt" 1) / $2" | bc; }
printf '%s, %d %s briefs, median of %d paired runs (%s)\n' "$(date -u +%F)" "$n" "$kind" \
    "$rounds" "$(nproc) cores, $(uname -m)"
printf '%-34s %12s %10s\n' "" "CPU/brief s" "wall s"
row() { printf '%-34s %12.4f %10.2f\n' "$1" "$(per "$2" "$3")" "$(median "$2.txt" 2)"; }
row "quire, batch -j 1" quire-j1 "$n"
row "quire, batch -j 2" quire-j2 "$n"
row "quire, one brief alone" quire-alone 1
[ $typst = 1 ] && row "Typst, batch in one process" typst-batch "$n"
[ $typst = 1 ] && row "Typst, one brief alone" typst-alone 1
printf 'quire -j 2 vs -j 1 wall: %.2fx (idle machine only); quire in the batch vs alone: %.2fx CPU\n' \
    "$(echo "$(median quire-j1.txt 2) / $(median quire-j2.txt 2)" | bc -l)" \
    "$(echo "$(per quire-j1 "$n") / $(per quire-alone 1)" | bc -l)"
[ $typst = 1 ] && printf 'quire vs Typst per brief in a batch: %.2fx CPU (-j 1), %.2fx (-j 2)\n' \
    "$(echo "$(per quire-j1 "$n") / $(per typst-batch "$n")" | bc -l)" \
    "$(echo "$(per quire-j2 "$n") / $(per typst-batch "$n")" | bc -l)"
exit 0
