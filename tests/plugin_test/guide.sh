#!/bin/bash
# guide.sh BUILD_DIR — what docs/plugin-guide.md promises an author, tried on
# an install into a private prefix: every C example of the guide (and the
# installed reference plugin) compiles with the guide's command line,
# `$(pkg-config --cflags --libs quire-plugin)`, passes the installed
# quire-plugin-test on the installed sample data, and works in quire.
set -u
build=$1
unset QUIRE_PLUGIN_PATH
work=$(mktemp -d /tmp/quire-guide-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/p" >install.log 2>&1 || { cat install.log; fail "install"; }
pc=$(find "$work/p" -name quire-plugin.pc | head -1)
[ -n "$pc" ] || fail "no quire-plugin.pc installed"
export PKG_CONFIG_PATH=${pc%/*}
pkgc() { pkg-config --define-prefix "$@" quire-plugin; }
plugindir=$(pkgc --variable=plugindir) || fail "pkg-config --variable=plugindir"
[ "$plugindir" = "$work/p/lib/quire/plugins" ] || [ -d "$plugindir" ] ||
    fail "plugindir $plugindir is not the installed plugin directory"
[ -f "$plugindir/quire-csv.so" ] || fail "no quire-csv.so in plugindir $plugindir"
doc=$work/p/share/doc/quire
[ -f "$doc/plugin-guide.md" ] || fail "the guide is not installed under share/doc/quire"
[ -f "$doc/examples/csv.c" ] || fail "the reference plugin is not installed under share/doc/quire/examples"
[ -x "$work/p/bin/quire-plugin-test" ] || fail "quire-plugin-test is not installed"

# The guide's examples: each ```c block that starts with /* quire-NAME.c.
awk '/^```c$/{on=1; n++; next} /^```$/{on=0} on{print > ("block" n ".c")}' "$doc/plugin-guide.md"
cp "$doc/examples/csv.c" block-ref.c
sed -i 's/QUIRE_PLUGIN_DEFINE2("csv", "csv"/QUIRE_PLUGIN_DEFINE2("refcsv", "csv"/' block-ref.c
names=()
for b in block*.c; do
    name=$(sed -n '1s|^/\* quire-\([a-z0-9]*\)\.c.*|\1|p' "$b")
    [ "$b" = block-ref.c ] && name=refcsv
    [ -n "$name" ] || continue     # a fragment, not a whole plugin
    mv "$b" "quire-$name.c"
    # shellcheck disable=SC2046
    cc -shared -fPIC -Wall -Wextra -Werror "quire-$name.c" -o "quire-$name.so" \
        $(pkgc --cflags --libs) 2>cc.log || { cat cc.log; fail "quire-$name.c does not compile"; }
    "$work/p/bin/quire-plugin-test" "./quire-$name.so" >test.log 2>&1 ||
        { cat test.log; fail "quire-plugin-test fails quire-$name.so"; }
    names+=("$name")
done
[ "${#names[@]}" -ge 3 ] || fail "only ${names[*]} compiled from the guide"
printf '%s\n' "${names[@]}" | grep -qx lines || fail "the guide's first example is missing"
printf '%s\n' "${names[@]}" | grep -qx outline || fail "the guide's option example is missing"

# Installed where pkg-config says, quire finds it without --plugin-dir.
cp quire-lines.so "$plugindir/"
"$work/p/bin/quire" plugins >list.txt 2>&1 || fail "quire plugins"
grep -qP "^lines\ttxt\t0\.1\.0\t2\t$plugindir/quire-lines\.so\tone line per table$" list.txt ||
    fail "the installed example is not listed: $(cat list.txt)"
data=$work/p/share/quire/data/cloud-ai-briefing.yaml
"$work/p/bin/quire" render "$data" -f lines,outline --plugin-dir . -O outline.level=3 -o out -q ||
    fail "render with the guide's plugins"
grep -q '^### ' out/cloud-ai-briefing.md || fail "-O outline.level=3 not applied"
"$work/p/bin/quire" render "$data" -f outline --plugin-dir . -O outline.level=9 -o bad 2>err.txt
[ $? -eq 2 ] || fail "outline.level=9: not refused by check() (exit 2)"
[ ! -e bad/cloud-ai-briefing.md ] || fail "outline.level=9 wrote an output"
grep -q "Markdown has levels 1 to 6" err.txt || fail "check()'s report missing: $(cat err.txt)"
"$work/p/bin/quire" validate "$data" -f outline --plugin-dir . -O outline.level=9 2>err.txt
[ $? -eq 2 ] || fail "validate does not run check()"
echo "ok: ${names[*]}"
