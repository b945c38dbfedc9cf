#!/bin/sh
# compare.sh OLD_BUILD NEW_BUILD [DATASET] [TEMPLATE] — two builds of quire
# rendering one brief to PDF, timed side by side in one run (alternating,
# so both see the same load on a shared machine). Prints the median CPU
# time (user + sys) of RUNS runs (default 21) of each and their ratio.
# Default brief: the flagship, data/cloud-ai-briefing.yaml.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
old=$(cd "$1" && pwd)
new=$(cd "$2" && pwd)
data=${3:-$here/../../data/cloud-ai-briefing.yaml}
runs=${RUNS:-21}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
tmpl=${4:-}

# CPU time of the whole process tree (quire and its export child): perf
# stat's task-clock (to the microsecond) when perf is there, else
# /usr/bin/time's user + sys (to 10 ms, coarse for runs this short).
one() { # one BUILD NAME: CPU seconds of one render appended to $work/NAME
    out=$work/$2
    set -- "$1/src/quire" render "$data" ${tmpl:+-t "$tmpl"} -f pdf -o "$work/out" --quiet \
        --plugin-dir "$1/plugins"
    if command -v perf > /dev/null; then
        perf stat -x, -e task-clock -o "$work/t" "$@" > /dev/null 2>&1 ||
            { echo "render failed: $*" >&2; exit 1; }
        awk -F, '/task-clock/ { printf "%.4f\n", $1 / 1000 }' "$work/t" >> "$out"
    else
        /usr/bin/time -f "%U %S" -o "$work/t" "$@" > /dev/null 2>&1 ||
            { echo "render failed: $*" >&2; exit 1; }
        awk '{ print $1 + $2 }' "$work/t" >> "$out"
    fi
}
: > "$work/old"; : > "$work/new"
i=0
while [ $i -lt "$runs" ]; do
    one "$old" old
    one "$new" new
    i=$((i + 1))
done
median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
mo=$(median "$work/old"); mn=$(median "$work/new")
echo "median of $runs paired runs (CPU s, whole process tree): old $mo  new $mn  new/old $(awk -v a="$mn" -v b="$mo" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')"
