#!/bin/bash
# batch.sh BUILD [N] — a batch of N flagship-sized briefs (issue 9, §7):
# wall time at -j 1 and -j 2, and the CPU a brief costs in the batch beside
# a brief rendered alone. Each dataset is the flagship under another id.
set -eu
build=$(cd "$1" && pwd) n=${2:-100}
quire=$build/src/quire
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d /tmp/quire-batch-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
mkdir "$work/d"
for i in $(seq 1 "$n"); do
    sed "s/^id: cloud-ai-briefing$/id: brief-$i/" "$src/data/cloud-ai-briefing.yaml" \
        > "$work/d/brief-$i.yaml"
done
# the template the flagship names is found in the build tree (or the install)
cd "$work"
# CPU seconds (user + sys, children included) and wall seconds of a command.
measure() {
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$work/time.txt" "$@" >/dev/null 2>&1
    t1=$(date +%s.%N)
    echo "$(tail -1 "$work/time.txt") $(echo "$t1 - $t0" | bc)"
}
rm -rf o1 o2 oa
read -r u s one_wall <<<"$(measure "$quire" render d/brief-1.yaml -f pdf -o oa -q)"
alone=$(echo "$u + $s" | bc)
read -r u s wall1 <<<"$(measure "$quire" render d/brief-*.yaml -f pdf -j 1 -o o1 -q)"
cpu1=$(echo "$u + $s" | bc)
read -r u s wall2 <<<"$(measure "$quire" render d/brief-*.yaml -f pdf -j 2 -o o2 -q)"
cmp -s o1/brief-7.pdf o2/brief-7.pdf || { echo "batch.sh: -j 1 and -j 2 differ" >&2; exit 1; }
printf '%d briefs, pdf: -j 1 %.2f s wall, -j 2 %.2f s wall: %.2fx faster\n' \
    "$n" "$wall1" "$wall2" "$(echo "$wall1 / $wall2" | bc -l)"
printf 'CPU per brief: alone %.3f s, in the batch %.3f s (%.2fx)\n' \
    "$alone" "$(echo "$cpu1 / $n" | bc -l)" "$(echo "$cpu1 / $n / $alone" | bc -l)"
