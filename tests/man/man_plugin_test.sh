#!/bin/bash
# man_plugin_test.sh MANPAGE TOOL QUIRE — quire-plugin-test.1 renders without
# a warning, names quire's version, and documents every option and exit
# status of the tool's --help.
set -u
page=$1 tool=$2 quire=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
warnings=$(groff -man -ww -z "$page" 2>&1)
[ -z "$warnings" ] || fail "groff warnings: $warnings"
if command -v man >/dev/null; then
    warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man -l warnings: $warnings"
fi
text=$(groff -man -Tutf8 -P-cbou "$page" 2>/dev/null | sed 's/‐/-/g; s/−/-/g')
v=$("$quire" --version | awk '{print $2}')
grep -q "^\.TH QUIRE-PLUGIN-TEST 1 [0-9-]* \"quire $v\"" "$page" || fail ".TH does not name quire $v"
help=$("$tool" --help) || fail "--help failed"
opts=$(grep -oE '(^|[ ,\[])--?[a-zA-Z][a-z-]*' <<<"$help" | sed 's/^[ ,[]//' | sort -u)
[ "$(wc -l <<<"$opts")" -ge 6 ] || fail "too few options read from --help: $opts"
for o in $opts; do
    grep -qE -- "(^|[^a-z-])$o([^a-z-]|$)" <<<"$text" || fail "option $o of --help not in the man page"
done
grep -qF "NAME.]KEY=VALUE" <<<"$text" || fail "-O NAME.KEY=VALUE not documented"
for code in 0 1 2 3 4; do
    grep -qE "^ +$code( |,|$)" <<<"$text" || fail "exit status $code not in the man page"
done
echo "ok: $(wc -l <<<"$opts") options documented"
