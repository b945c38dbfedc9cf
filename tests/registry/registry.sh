#!/bin/bash
# registry.sh CASE QUIRE PLUGINS_BUILD_DIR DATA_DIR
# End-to-end tests of plugin loading and atomic outputs with test plugins.
set -u
case_name=$1 quire=$2 tp=$3 data=$4
e2e_name=registry
. "$(cd "$(dirname "$0")/.." && pwd)/lib/e2e.sh"

case $case_name in
abi)
    run 3 render "$data/alpha.yaml" -f abi --plugin-dir "$tp/main" -o o
    expect_err "quire: plugin $tp/main/quire-abi.so: ABI version 999, this quire needs 2"
    [ ! -e o ] || fail "OUTDIR created although the plugin was refused"
    ;;
noentry)
    run 3 render "$data/alpha.yaml" -f noentry --plugin-dir "$tp/main" -o o
    expect_err "plugin $tp/main/quire-noentry.so: no symbol quire_plugin_descriptor"
    ;;
list)
    run 0 plugins --plugin-dir "$tp/main" --plugin-dir "$tp/order-a"
    # One tab-separated line per plugin: name ext version abi path description.
    grep -qP "^fail\tfail\t0\.0\.1\t2\t$tp/main/quire-fail\.so\tfails halfway$" out.txt ||
        fail "no line for fail: $(cat out.txt)"
    grep -qP "^order\torder\t0\.0\.1\t2\t$tp/order-a/quire-order\.so\t" out.txt ||
        fail "no line for order"
    grep -qP "^csv\tcsv\t" out.txt || fail "the built-in csv plugin is not listed"
    expect_err "warning: plugin $tp/main/quire-broken.so: cannot be loaded"
    expect_err "ABI version 999"
    expect_err "no symbol quire_plugin_descriptor"
    ! grep -q "^abi" out.txt || fail "a refused plugin is listed"
    ;;
order)
    # --plugin-dir beats QUIRE_PLUGIN_PATH ...
    QUIRE_PLUGIN_PATH="$tp/order-b" run 0 render "$data/alpha.yaml" -f order \
        --plugin-dir "$tp/order-a" -o o -q
    [ "$(cat o/alpha.order)" = a ] || fail "--plugin-dir did not win"
    # ... whose first directory wins ...
    QUIRE_PLUGIN_PATH=":$tp/order-b::$tp/order-a:" run 0 render "$data/alpha.yaml" -f order -o o -q
    [ "$(cat o/alpha.order)" = b ] || fail "QUIRE_PLUGIN_PATH order not kept"
    # ... and both beat the built-in plugins.
    QUIRE_PLUGIN_PATH="$tp/csv-override" run 0 render "$data/alpha.yaml" -f csv -o o -q
    [ "$(cat o/alpha.csv)" = override ] || fail "QUIRE_PLUGIN_PATH did not beat the build tree"
    run 0 render "$data/alpha.yaml" -f csv -o o -q
    grep -q '^table,title,file' o/alpha.csv || fail "built-in csv not used without overrides"
    ;;
cwd)
    # A plugin in the current directory is never picked up implicitly,
    # not even through an empty element of QUIRE_PLUGIN_PATH.
    cp "$tp/order-a/quire-order.so" .
    QUIRE_PLUGIN_PATH=":" run 3 render "$data/alpha.yaml" -f order -o o
    expect_err "no plugin for format 'order'"
    expect_err "found: csv"
    run 3 render "$data/alpha.yaml" -f order -o o
    run 0 render "$data/alpha.yaml" -f order --plugin-dir . -o o -q
    # `quire plugins` names it by its absolute path, as every other plugin.
    run 0 plugins --plugin-dir .
    grep -qP "^order\torder\t0\.0\.1\t2\t$(pwd -P)/quire-order\.so\t" out.txt ||
        fail "--plugin-dir . not listed by its absolute path: $(grep ^order out.txt)"
    ;;
refuse)
    # A relative QUIRE_PLUGIN_PATH entry would depend on the current
    # directory, a world-writable directory on every local user: both are
    # refused with a warning, and the absolute entries beside them stay.
    mkdir -p rel ww
    cp "$tp/order-a/quire-order.so" rel/
    cp "$tp/order-a/quire-order.so" ww/
    chmod 777 ww
    QUIRE_PLUGIN_PATH="rel" run 3 render "$data/alpha.yaml" -f order -o o
    expect_err "warning: QUIRE_PLUGIN_PATH entry 'rel' is not an absolute path: not searched"
    QUIRE_PLUGIN_PATH="rel:$tp/order-b" run 0 render "$data/alpha.yaml" -f order -o o -q
    [ "$(cat o/alpha.order)" = b ] || fail "the absolute entry after a relative one is not used"
    run 3 render "$data/alpha.yaml" -f order --plugin-dir "$work/ww" -o o
    expect_err "warning: plugin directory $work/ww is writable by every user: not searched"
    QUIRE_PLUGIN_PATH="$work/ww" run 0 plugins
    expect_err "warning: plugin directory $work/ww is writable by every user"
    ! grep -q "^order" out.txt || fail "a plugin of a world-writable directory is listed"
    chmod 755 ww
    run 0 render "$data/alpha.yaml" -f order --plugin-dir "$work/ww" -o o -q
    ;;
fail)
    # A plugin that fails halfway leaves nothing, and older outputs stay.
    mkdir o
    printf 'older output\n' > o/alpha.fail
    printf 'older extra\n' > o/alpha.extra.fail
    cp o/alpha.fail before.fail; cp o/alpha.extra.fail before.extra
    run 4 render "$data/alpha.yaml" -f fail --plugin-dir "$tp/main" -o o
    expect_err "quire: fail: o/alpha.fail: disk on fire after 9 bytes"
    expect_err "o/alpha.fail: warning [test-code]: about to fail"
    cmp o/alpha.fail before.fail || fail "older output changed"
    cmp o/alpha.extra.fail before.extra || fail "older extra output changed"
    no_temps o
    [ "$(ls -A o | wc -l)" -eq 2 ] || fail "unexpected files: $(ls -A o)"
    # A plugin that finds the input unfit: exit 2, same clean-up.
    run 2 render "$data/alpha.yaml" -f unfit --plugin-dir "$tp/main" -o o
    expect_err "quire: unfit: o/alpha.fail: disk on fire"
    cmp o/alpha.fail before.fail || fail "older output changed"
    no_temps o
    # --quiet silences the warning but not the error.
    run 4 render "$data/alpha.yaml" -f fail --plugin-dir "$tp/main" -o o --quiet
    ! grep -q warning err.txt || fail "--quiet printed a warning"
    expect_err "disk on fire"
    ;;
keep)
    # When one format fails, the others are written and kept; exit 4.
    run 4 render "$data/alpha.yaml" "$data/beta.yaml" -f csv,fail --plugin-dir "$tp/main" \
        -o o -j 2
    for f in alpha.csv alpha.share.csv beta.csv beta.t1.csv beta.t2.csv; do
        [ -s "o/$f" ] || fail "o/$f missing"
    done
    [ ! -e o/alpha.fail ] && [ ! -e o/beta.fail ] || fail "a failed output exists"
    no_temps o
    ;;
sigint|sigterm)
    # Interrupted: temporary files removed, older output untouched,
    # exit 128 + signal. sleep answers progress(); stubborn never asks and
    # is cleaned up by the host after its grace period.
    if [ "$case_name" = sigint ]; then sig=INT want=130 fmt=sleep
    else sig=TERM want=143 fmt=stubborn; fi
    mkdir o
    printf 'older\n' > "o/alpha.$fmt"
    set -m   # a background job of a script would otherwise ignore SIGINT
    "$quire" render "$data/alpha.yaml" -f "$fmt" --plugin-dir "$tp/main" -o o \
        >out.txt 2>err.txt &
    pid=$!
    for _ in $(seq 200); do
        grep -qs started o/.quire-*/alpha.$fmt && break
        sleep 0.05
    done
    grep -qs started o/.quire-*/alpha.$fmt || fail "the plugin never started"
    kill -$sig $pid
    wait $pid
    rc=$?
    [ "$rc" -eq "$want" ] || { cat err.txt >&2; fail "exit $rc, expected $want"; }
    [ "$(cat o/alpha.$fmt)" = older ] || fail "older output changed"
    no_temps o
    ;;
fonts)
    # Asked for pdf, the template's fonts are checked before anything is
    # written: fontconfig always offers something, a wrong family is exit 2.
    # The pdf plugin's check() finds it; validate finds it too.
    run 2 render "$data/alpha.yaml" -t "$data/badfont.yaml" -f pdf -o o
    expect_err "$data/badfont.yaml:4:1: error: font 'NoSuchFamilyXyz' not found: fontconfig offers '"
    [ ! -e o ] || fail "OUTDIR created although a font is missing"
    run 2 validate "$data/alpha.yaml" -t "$data/badfont.yaml" -f pdf
    expect_err "$data/badfont.yaml:4:1: error: font 'NoSuchFamilyXyz' not found: fontconfig offers '"
    # The same template is fine for formats that need no fonts.
    run 0 render "$data/alpha.yaml" -t "$data/badfont.yaml" -f csv -o o -q
    # NanumGothic (the default) matches by name, regular and bold.
    run 0 render "$data/alpha.yaml" -t "$data/csvonly.yaml" -f pdf --plugin-dir "$tp/fake-pdf" -o o -q
    grep -qx '%fake' o/alpha.pdf || fail "the stand-in pdf plugin did not run"
    ;;
host)
    run 0 render "$data/alpha.yaml" -f host --plugin-dir "$tp/main" -o o
    cat > want.txt <<'WANT'
host abi 2, size ok 1
font bold 0 nanum 0
font missing 2
font small buffer 4
expand 알파 보고서|부산|2/9|{nope} (34)
suffix slash 4
suffix empty 4
suffix ok 0
suffix twice 4
suffix main 4
progress 0
tmpdir private 1
WANT
    diff want.txt o/alpha.host || fail "host services answered otherwise"
    [ "$(cat o/alpha.extra.txt)" = extra ] || fail "extra output not renamed into place"
    expect_err "o/alpha.host: error [font-family]: font 'NoSuchFamilyXyz' not found: fontconfig offers"
    expect_err "invalid output suffix '/../escape'"
    no_temps o
    ;;
crash)
    # A plugin that ends its process (a crash, abort(), exit()) ends only
    # its export: the other formats are written, its files never appear,
    # older outputs stay, and the run exits 4 naming plugin and cause.
    # (ASan would turn the SIGSEGV into a report of its own.)
    export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}handle_segv=0:handle_abort=0"
    mkdir o
    printf 'older\n' > o/alpha.crash
    printf 'older extra\n' > o/alpha.extra.crash
    for mode in segv abort exit quickexit killed; do
        run 4 render "$data/alpha.yaml" -f csv,$mode --plugin-dir "$tp/main" -o o -j 2
        case $mode in
        segv) expect_err "quire: segv: o/alpha.crash: the plugin crashed (Segmentation fault)" ;;
        abort) expect_err "quire: abort: o/alpha.crash: the plugin crashed (Aborted)" ;;
        exit) expect_err "quire: exit: o/alpha.crash: the plugin ended its process (exit status 0) without reporting back" ;;
        quickexit) expect_err "quire: quickexit: o/alpha.crash: the plugin ended its process (exit status 7) without reporting back" ;;
        killed) expect_err "quire: killed: o/alpha.crash: the plugin was killed (Killed)" ;;
        esac
        # What the plugin said on stderr before it went still arrives.
        expect_err "o/alpha.crash: warning [test-code]: about to end the process"
        expect_err "quire: wrote o/alpha.share.csv"
        [ "$(cat o/alpha.crash)" = older ] || fail "$mode: older output changed"
        [ "$(cat o/alpha.extra.crash)" = "older extra" ] || fail "$mode: older extra changed"
        no_temps o
        ! ls core* >/dev/null 2>&1 || fail "$mode: a core file was left"
        rm -f o/alpha.csv o/alpha.share.csv
    done
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok $case_name"
