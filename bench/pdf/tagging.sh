#!/bin/sh
# tagging.sh OLD_BUILD NEW_BUILD — what tagging costs (issue 10, §5): the
# flagship, the every-block brief of tests/pdfua and the 40-chart bench
# brief rendered by two builds (before and after tagging), in the mode
# without a standard. Prints the file sizes and the median CPU time of
# RUNS samples (default 11) of BATCH renders each (default 10: /usr/bin/time
# counts in 10 ms steps), the builds alternating so both see the same load.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
old=$(cd "$1" && pwd)
new=$(cd "$2" && pwd)
runs=${RUNS:-11}
batch=${BATCH:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$here/gen_brief.py" "$work" > /dev/null
/usr/bin/python3 "$here/../../tests/pdfua/gen_every.py" "$work/every"

render() { # render BUILD DATASET TEMPLATE OUTDIR
    "$1/src/quire" render "$2" -t "$3" -f pdf -o "$4" --quiet --plugin-dir "$1/plugins" \
        -O pdf.standard= > /dev/null 2>&1 || { echo "render failed with $1: $2" >&2; exit 1; }
}

sample() { # sample BUILD DATASET TEMPLATE FILE: CPU seconds of $batch renders
    /usr/bin/time -f "%U %S" -o "$work/t" sh -c '
        i=0; while [ $i -lt "$5" ]; do
            "$1/src/quire" render "$2" -t "$3" -f pdf -o "$4" --quiet --plugin-dir "$1/plugins" \
                -O pdf.standard= > /dev/null 2>&1 || exit 1
            i=$((i + 1)); done' sh "$1" "$2" "$3" "$work/o" "$batch"
    awk '{ print $1 + $2 }' "$work/t" >> "$4"
}

median() { sort -n "$1" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

brief() { # brief NAME DATASET TEMPLATE
    render "$old" "$2" "$3" "$work/old-$1"
    render "$new" "$2" "$3" "$work/new-$1"
    so=$(stat -c %s "$work/old-$1"/*.pdf); sn=$(stat -c %s "$work/new-$1"/*.pdf)
    : > "$work/to"; : > "$work/tn"
    i=0
    while [ $i -lt "$runs" ]; do
        sample "$old" "$2" "$3" "$work/to"
        sample "$new" "$2" "$3" "$work/tn"
        i=$((i + 1))
    done
    mo=$(median "$work/to"); mn=$(median "$work/tn")
    awk -v n="$1" -v so="$so" -v sn="$sn" -v mo="$mo" -v mn="$mn" -v b="$batch" 'BEGIN {
        printf "%-10s size %8d -> %8d B (%+5.1f %%)   cpu/render %6.4f -> %6.4f s (%+5.1f %%)\n",
               n, so, sn, (sn - so) * 100 / so, mo / b, mn / b, (mn - mo) * 100 / (mo > 0 ? mo : 1) }'
}

echo "old $old, new $new; median of $runs samples of $batch renders; $(date -u +%Y-%m-%d)"
brief flagship "$here/../../data/cloud-ai-briefing.yaml" "$here/../../templates/quarterly-brief.yaml"
brief every "$work/every/every.yaml" "$work/every/every-t.yaml"
brief charts40 "$work/bench-brief.yaml" "$work/bench-template.yaml"
