#!/bin/bash
# install.sh SOURCE_DIR BUILD_QUIRE — the relocatable install, as a new
# user meets it: configure, build and install a copy of the source tree
# into two fresh prefixes, move the source and build trees away, and render
# the flagship and the README example with each installed quire from an
# unrelated directory. Outputs must equal the build tree's byte for byte,
# each quire must use its own prefix's plugins and templates only, and a
# moved prefix must keep working.
set -u
src=$1 build_quire=$2
unset QUIRE_PLUGIN_PATH
export SOURCE_DATE_EPOCH=1744675200
work=$(mktemp -d /tmp/quire-install-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# A copy of the source tree (tracked and new files; never a build tree).
mkdir "$work/src"
if git -C "$src" rev-parse --git-dir >/dev/null 2>&1; then
    (cd "$src" && git ls-files -z --cached --others --exclude-standard |
        xargs -0 tar --no-recursion -cf - 2>/dev/null) | tar -C "$work/src" -xf - ||
        fail "copying the source tree"
else
    tar -C "$src" --exclude='./build*' --exclude=./out -cf - . | tar -C "$work/src" -xf -
fi
[ -f "$work/src/CMakeLists.txt" ] || fail "the copy has no CMakeLists.txt"

# Release, only what is installed.
cmake -S "$work/src" -B "$work/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
    -DCMAKE_INSTALL_PREFIX=/nonexistent/quire-prefix >"$work/configure.log" 2>&1 ||
    { cat "$work/configure.log"; fail "configure"; }
targets=$(sed -n 's/^targets=//p' "$work/build/quire-install-targets.txt")
[ -n "$targets" ] || fail "no list of installed targets"
# shellcheck disable=SC2086
cmake --build "$work/build" -j2 --target $targets >"$work/build.log" 2>&1 ||
    { tail -30 "$work/build.log"; fail "build"; }
for p in p1 p2; do
    cmake --install "$work/build" --prefix "$work/$p" >"$work/install-$p.log" 2>&1 ||
        { cat "$work/install-$p.log"; fail "install into $p"; }
done

# pkg-config names each prefix as installed: absolute, no `..` (issue 20 §8).
for p in p1 p2; do
    pc=$(find "$work/$p" -name quire-plugin.pc | head -1)
    grep -qx "prefix=$work/$p" "$pc" || fail "$p: quire-plugin.pc: $(grep ^prefix "$pc")"
    ! grep -q '\.\.' "$pc" || fail "$p: quire-plugin.pc has '..': $(cat "$pc")"
done

# Each installed quire lists its own prefix's plugins, even with the trees still there.
for p in p1 p2; do
    "$work/$p/bin/quire" plugins >"$work/plugins-$p.txt" 2>"$work/plugins-$p.err" ||
        fail "$p: quire plugins failed"
    [ "$(wc -l <"$work/plugins-$p.txt")" -ge 3 ] || fail "$p: plugins: $(cat "$work/plugins-$p.txt" "$work/plugins-$p.err")"
    other=$(cut -f5 "$work/plugins-$p.txt" | grep -v "^$work/$p/" || true)
    [ -z "$other" ] || fail "$p uses plugins from elsewhere: $other"
done

# The trees go away; the prefixes stay.
mv "$work/src" "$work/src.moved" && mv "$work/build" "$work/build.moved" || fail "moving the trees"
rm -rf "$work/src.moved" "$work/build.moved"

# The inputs: the flagship (it names template: quarterly-brief, found in
# the installed templates) and the README's first example.
mkdir "$work/in" "$work/cwd"
cp "$src/data/cloud-ai-briefing.yaml" "$work/in/"
awk '/^ *```yaml/{on=1; next} on && /^ *```/{exit} on{sub(/^   /, ""); print}' \
    "$src/README.md" >"$work/in/mybrief.yaml"
grep -q '^quire: 1' "$work/in/mybrief.yaml" || fail "no example in README.md"

render() { # render QUIRE OUTDIR: both datasets, every format
    (cd "$work/cwd" && "$1" render "$work/in/cloud-ai-briefing.yaml" "$work/in/mybrief.yaml" \
        -f pdf,xlsx,csv -o "$2" --quiet) 2>"$2.err" ||
        { cat "$2.err"; fail "$1 render failed"; }
}
same() { # same DIR_A DIR_B: the same files, byte for byte
    (cd "$1" && find . -type f | sort) >"$work/list-a"
    (cd "$2" && find . -type f | sort) >"$work/list-b"
    cmp -s "$work/list-a" "$work/list-b" || fail "$2 holds other files than $1: $(diff "$work/list-a" "$work/list-b")"
    [ "$(wc -l <"$work/list-a")" -ge 6 ] || fail "too few outputs: $(cat "$work/list-a")"
    while read -r f; do
        cmp -s "$1/$f" "$2/$f" || fail "$2/$f differs from the build tree's"
    done <"$work/list-a"
}

render "$build_quire" "$work/out-build"
for p in p1 p2; do
    render "$work/$p/bin/quire" "$work/out-$p"
    same "$work/out-build" "$work/out-$p"
done

# -t NAME: an installed template by name, from any directory.
(cd "$work/cwd" && "$work/p2/bin/quire" validate "$work/in/cloud-ai-briefing.yaml" -t default) ||
    fail "-t default: the installed default template not found by name"

# A moved prefix still works: nothing absolute was compiled in.
mv "$work/p1" "$work/p1-moved"
render "$work/p1-moved/bin/quire" "$work/out-moved"
same "$work/out-build" "$work/out-moved"

# Never another prefix's: without its xlsx plugin and templates, p2 fails
# (exit 3, then 2) rather than borrowing p1's.
rm "$work/p2"/lib*/quire/plugins/quire-xlsx.so 2>/dev/null ||
    rm "$(find "$work/p2" -name quire-xlsx.so)" || fail "no quire-xlsx.so in p2"
(cd "$work/cwd" && "$work/p2/bin/quire" render "$work/in/mybrief.yaml" -f xlsx -o "$work/x" 2>"$work/x.err")
rc=$?
[ $rc -eq 3 ] || fail "p2 without quire-xlsx.so: exit $rc, want 3: $(cat "$work/x.err")"
rm -rf "$work/p2/share/quire/templates"
(cd "$work/cwd" && "$work/p2/bin/quire" validate "$work/in/cloud-ai-briefing.yaml" 2>"$work/t.err")
rc=$?
[ $rc -eq 2 ] || fail "p2 without templates: exit $rc, want 2"
grep -q "template 'quarterly-brief' not found" "$work/t.err" || fail "p2: $(cat "$work/t.err")"
! grep -q "p1" "$work/t.err" || fail "p2 looked into p1: $(cat "$work/t.err")"
echo "ok: two prefixes, a moved prefix, outputs identical to the build tree's"
