#!/bin/bash
# compare.sh OLD_BUILD NEW_BUILD [N] [ROUNDS] [KIND] — two builds of quire
# rendering the same batch of N briefs (KIND one-page: tests/batch/gen.sh's;
# flagship: data/cloud-ai-briefing.yaml under N ids), `render
# --datasets-from list -f pdf` at -j 1 and -j 2, in paired interleaved
# rounds (each round runs old and new once at each -j, so a busy moment of
# a shared machine hits both alike). Prints the median CPU per brief (user
# + sys of the whole process tree, /usr/bin/time) and wall time of each,
# and new/old. CPU holds on a loaded machine; wall time needs an idle one.
set -eu
old=$(cd "$1" && pwd) new=$(cd "$2" && pwd) n=${3:-200} rounds=${4:-3} kind=${5:-one-page}
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
work=$(mktemp -d /tmp/quire-batch-compare-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work"
if [ "$kind" = one-page ]; then
    bash "$src/tests/batch/gen.sh" d "$n"
else
    mkdir d
    for ((i = 1; i <= n; i++)); do
        sed "s/^id: cloud-ai-briefing$/id: region-$i/" "$src/data/cloud-ai-briefing.yaml" \
            >"d/region-$i.yaml"
    done
fi
ls d/*.yaml >list
measure() {   # measure NAME BUILD -j: appends "cpu wall" of one run to NAME.txt
    local t0 t1 u s
    rm -rf out
    t0=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o time.txt "$2/src/quire" render --datasets-from list -f pdf \
        -j "$3" -o out -q --plugin-dir "$2/plugins" >/dev/null 2>err.txt ||
        { cat err.txt >&2; exit 1; }
    t1=$(date +%s.%N)
    read -r u s <time.txt
    echo "$(echo "$u + $s" | bc) $(echo "$t1 - $t0" | bc)" >>"$1.txt"
}
median() { sort -g -k"$2,$2" "$1" | awk -v c="$2" '{ v[NR] = $c } END { print v[int((NR + 1) / 2)] }'; }
for ((r = 0; r < rounds; r++)); do
    for j in 1 2; do
        measure old-j$j "$old" $j
        measure new-j$j "$new" $j
    done
done
printf '%s, %d %s briefs, median of %d paired rounds (%s, load average %s)\n' "$(date -u +%FT%RZ)" \
    "$n" "$kind" "$rounds" "$(nproc) cores" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %14s %14s %10s %10s\n' "" "old CPU/brief" "new CPU/brief" "old wall" "new wall"
for j in 1 2; do
    printf '%-12s %14.4f %14.4f %10.2f %10.2f   new/old CPU %.2fx\n' "-j $j" \
        "$(echo "scale=6; $(median old-j$j.txt 1) / $n" | bc)" \
        "$(echo "scale=6; $(median new-j$j.txt 1) / $n" | bc)" \
        "$(median old-j$j.txt 2)" "$(median new-j$j.txt 2)" \
        "$(echo "$(median new-j$j.txt 1) / $(median old-j$j.txt 1)" | bc -l)"
done
printf 'wall -j 2 vs -j 1 (idle machine only): old %.2fx, new %.2fx\n' \
    "$(echo "$(median old-j1.txt 2) / $(median old-j2.txt 2)" | bc -l)" \
    "$(echo "$(median new-j1.txt 2) / $(median new-j2.txt 2)" | bc -l)"
