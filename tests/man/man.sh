#!/bin/bash
# man.sh MANPAGE QUIRE — quire.1 renders without a warning, and documents
# every command, option and --set key that `quire --help` and each
# command's --help list (the two are written by hand: this keeps them in
# step).
set -u
page=$1 quire=$2
fail() { echo "FAIL: $*" >&2; exit 1; }

warnings=$(groff -man -ww -z "$page" 2>&1)
[ -z "$warnings" ] || fail "groff warnings: $warnings"
if command -v man >/dev/null; then
    warnings=$(MANWIDTH=80 man --warnings -l "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man -l warnings: $warnings"
fi
# The page as a reader sees it, hyphens as hyphens.
text=$(groff -man -Tutf8 -P-cbou "$page" 2>/dev/null | sed 's/‐/-/g; s/−/-/g')
[ -n "$text" ] || fail "groff rendered nothing"

# The page names the version it documents.
v=$("$quire" --version | awk '{print $2}')
grep -q "^\.TH QUIRE 1 [0-9-]* \"quire $v\"" "$page" || fail ".TH does not name quire $v"

help=$("$quire" --help)
for c in render validate watch plugins schema manifest; do
    help+=$'\n'$("$quire" "$c" --help) || fail "quire $c --help failed"
    grep -q "quire $c" <<<"$text" || fail "command $c not in the man page"
done
opts=$(grep -oE '(^|[ ,\[])--?[a-zA-Z][a-z-]*' <<<"$help" | sed 's/^[ ,[]//' | sort -u)
[ "$(wc -l <<<"$opts")" -ge 15 ] || fail "too few options read from --help: $opts"
for o in $opts; do
    grep -qE -- "(^|[^a-z-])$o([^a-z-]|$)" <<<"$text" || fail "option $o of --help not in the man page"
done
for k in title subtitle period date author organization params; do
    grep -qw -- "$k" <<<"$(sed -n '/--set KEY=VALUE/,/Repeatable/p' <<<"$text")" ||
        fail "--set key $k not in the man page"
done
for s in "EXIT STATUS" ENVIRONMENT FILES QUIRE_PLUGIN_PATH SOURCE_DATE_EPOCH \
         lib/quire/plugins share/quire/templates; do
    grep -qF -- "$s" <<<"$text" || fail "'$s' not in the man page"
done
for code in 0 1 2 3 4 130; do
    grep -qE "^ +$code( |,|$)" <<<"$text" || fail "exit status $code not in the man page"
done
echo "ok: $(wc -l <<<"$opts") options documented"
