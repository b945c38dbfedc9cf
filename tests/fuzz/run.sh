#!/bin/bash
# run.sh BUILD SECONDS [HARNESS...] — runs each libFuzzer harness of BUILD
# (a -DQUIRE_FUZZ=ON build) for SECONDS, FUZZ_JOBS of them at a time
# (default 1). Harnesses: dataset template csv markup image depfile export
# xml_check (default: all).
#
# Seeds come from the tree (tests/bad, data/, templates/, tests/fuzz/seeds);
# what a run learns stays in BUILD/fuzz/corpus/HARNESS for the next run;
# a crash, leak, timeout (FUZZ_TIMEOUT, 30 s: wall time on a busy machine) or
# memory blow-up (2 GiB) leaves its input
# in BUILD/fuzz/artifacts/HARNESS/ and makes this script fail.
set -u
build=$1
seconds=$2
shift 2
src=$(cd "$(dirname "$0")/../.." && pwd)
harnesses=${*:-dataset template csv markup image depfile export xml_check}
jobs=${FUZZ_JOBS:-1}
work=$build/fuzz
export LSAN_OPTIONS="suppressions=$src/tests/fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# The dataset harness reads "YAML\0CSVcsv-bytes": a tests/bad case with a
# CSV beside it becomes one input with its csv: renamed to t.csv.
seed_dataset() {
    local out=$1 y name
    for y in "$src"/tests/bad/*.yaml "$src"/data/*.yaml; do
        name=$(basename "$y" .yaml)
        if [ -f "${y%.yaml}.csv" ]; then
            { sed 's/csv: .*/csv: t.csv/' "$y"; printf '\0CSV'; cat "${y%.yaml}.csv"; } \
                > "$out/$name.bin"
        else
            cp "$y" "$out/$name.yaml"
        fi
    done
    cp "$src"/tests/fuzz/seeds/dataset/* "$out/"
}

seeds() {
    local h=$1 out=$work/seeds/$1
    rm -rf "$out"
    mkdir -p "$out"
    case $h in
    dataset) seed_dataset "$out" ;;
    template) cp "$src"/templates/*.yaml "$src"/tests/fuzz/seeds/template/* "$out/" ;;
    csv) cp "$src"/tests/bad/*.csv "$src"/tests/fuzz/seeds/csv/* "$out/" ;;
    markup) cp "$src"/tests/fuzz/seeds/markup/* "$out/" ;;
    image)
        # the tree's images and tests/hostile's crafted PNGs (interlaced,
        # palette with tRNS, decompression bombs)
        cp "$src"/templates/sample-logo.png "$src"/tests/xlsx/data/logo-* "$src"/tests/pdf/data/*.png \
           "$src"/tests/fuzz/seeds/image/* "$out/"
        local k
        for k in interlaced-alpha palette-trns interlaced-palette-trns bomb16 bomb8 plain; do
            /usr/bin/python3 "$src"/tests/hostile/pngs.py "$k" "$out/$k.png"
        done ;;
    depfile) cp "$src"/tests/fuzz/seeds/depfile/* "$out/" ;;
    xml_check)
        # parts of a workbook, each after a byte that picks the chunk size
        local f
        for f in "$src"/tests/fuzz/seeds/xml/*; do
            { printf 'A'; cat "$f"; } > "$out/$(basename "$f")"
        done ;;
    export)
        # the dataset harness's seeds, and datasets with a PNG after "\0PNG"
        seed_dataset "$out"
        local p
        for k in interlaced-alpha palette-trns plain; do
            /usr/bin/python3 "$src"/tests/hostile/pngs.py "$k" "$work/$k.png"
        done
        for p in "$work"/*.png "$src"/tests/pdf/data/band.png; do
            { cat "$src"/tests/fuzz/seeds/export/image.yaml; printf '\0PNG'; cat "$p"; } \
                > "$out/image-$(basename "$p").bin"
        done
        cp "$src"/tests/fuzz/seeds/export/* "$out/" ;;
    esac
}

run_one() {
    local h=$1
    local bin=$build/tests/fuzz/fuzz_$h
    mkdir -p "$work/corpus/$h" "$work/artifacts/$h"
    seeds "$h"
    "$bin" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-30}" -rss_limit_mb=2048 -malloc_limit_mb=1024 \
        -dict="$src/tests/fuzz/quire.dict" -artifact_prefix="$work/artifacts/$h/" \
        -print_final_stats=1 "$work/corpus/$h" "$work/seeds/$h" > "$work/$h.log" 2>&1
    local rc=$?
    local runs
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/$h.log" | grep -o '[0-9]*$')
    if [ $rc -eq 0 ]; then
        echo "fuzz_$h: ${runs:-?} executions in ${seconds}s, no finding" \
             "(corpus $(ls "$work/corpus/$h" | wc -l) inputs)"
    else
        echo "fuzz_$h: FAILED (exit $rc) after ${runs:-?} executions; log $work/$h.log:"
        grep -E '^(==[0-9]+==ERROR|SUMMARY|artifact_prefix|Test unit written)' "$work/$h.log" | head -5
        grep -m1 -A12 'ERROR: ' "$work/$h.log" | head -14
    fi
    return $rc
}

fail=0
pids=()
for h in $harnesses; do
    [ -x "$build/tests/fuzz/fuzz_$h" ] || { echo "no harness $build/tests/fuzz/fuzz_$h"; exit 2; }
    run_one "$h" &
    pids+=($!)
    if [ ${#pids[@]} -ge "$jobs" ]; then
        wait "${pids[0]}" || fail=1
        pids=("${pids[@]:1}")
    fi
done
for p in "${pids[@]}"; do
    wait "$p" || fail=1
done
exit $fail
