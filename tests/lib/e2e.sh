# e2e.sh — what the end-to-end shell tests share. Source it after setting
# case_name, quire and e2e_name: it moves into a fresh working folder
# (removed at exit) and defines run, fail and the expect_* checks.
unset QUIRE_PLUGIN_PATH
work=$(mktemp -d "/tmp/quire-${e2e_name:-e2e}-XXXXXX")
trap 'rm -rf "$work"' EXIT
cd "$work"

fail() { echo "FAIL ($case_name): $*" >&2; exit 1; }
# run EXPECTED_RC ARGS...: runs quire, keeps stdout/stderr in out.txt/err.txt;
# a sanitizer report fails the test whatever the exit code.
run() {
    local want=$1; shift
    "$quire" "$@" >out.txt 2>err.txt
    local rc=$?
    ! grep -qE "runtime error|AddressSanitizer|LeakSanitizer" err.txt ||
        { cat err.txt >&2; fail "sanitizer report from quire $*"; }
    [ "$rc" -eq "$want" ] || { cat out.txt err.txt >&2; fail "quire $* exited $rc, expected $want"; }
}
expect_out() { grep -qF -- "$1" out.txt || { cat out.txt >&2; fail "stdout lacks: $1"; }; }
expect_err() { grep -qF -- "$1" err.txt || { cat err.txt >&2; fail "stderr lacks: $1"; }; }
expect_silent() { [ ! -s out.txt ] && [ ! -s err.txt ] || { cat out.txt err.txt >&2; fail "not silent"; }; }
# Nothing hidden (no private directory, no temporary) may remain in $1.
no_temps() {
    local left
    left=$(find "$1" -mindepth 1 -name '.*')
    [ -z "$left" ] || fail "temporary files left: $left"
}
