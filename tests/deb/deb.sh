#!/bin/bash
# deb.sh BUILD_DIR SOURCE_DIR — the Debian package (issue 12 §8): cpack -G DEB
# from the install rules; its control fields (Depends from dpkg-shlibdeps)
# and its file list against what `cmake --install` installs; and the
# unpacked package works wherever it is unpacked.
set -u
build=$1 src=$2
unset QUIRE_PLUGIN_PATH
work=$(mktemp -d /tmp/quire-deb-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

cpack -G DEB -B "$work/pkg" --config "$build/CPackConfig.cmake" >cpack.log 2>&1 ||
    { cat cpack.log; fail "cpack -G DEB"; }
deb=$(ls "$work"/pkg/*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "no .deb: $(cat cpack.log)"

field() { dpkg-deb -f "$deb" "$1"; }
version=$(sed -n 's/^project(quire VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
[ "$(field Package)" = quire ] || fail "Package: $(field Package)"
[ "$(field Version)" = "$version" ] || fail "Version: $(field Version), want $version"
[ "$(field Architecture)" = "$(dpkg --print-architecture)" ] || fail "Architecture: $(field Architecture)"
[ "$(field Maintainer)" = "quire maintainers <maintainers@quire.invalid>" ] ||
    fail "Maintainer: $(field Maintainer)"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
# dpkg-shlibdeps names the libraries of the binaries and plugins, versioned.
for lib in libc6 libyaml-0-2 libfontconfig1 libhpdf libxlsxwriter; do
    grep -qE "(^|, )$lib[^,]*" <<<"$depends" || fail "Depends lacks $lib: $depends"
done
grep -qE 'libc6 \(>= [0-9.]+\)' <<<"$depends" || fail "Depends not versioned by dpkg-shlibdeps: $depends"
grep -qE '(^|, )fonts-nanum(,|$)' <<<"$depends" || fail "Depends lacks fonts-nanum: $depends"
grep -qE '(^|, )icc-profiles-free \| colord-data(,|$)' <<<"$depends" ||
    fail "Depends lacks the sRGB profile (icc-profiles-free | colord-data): $depends"
dpkg-deb --info "$deb" >/dev/null || fail "dpkg-deb --info"

# The file list: exactly what the install rules install under /usr.
cmake --install "$build" --prefix "$work/stage/usr" >install.log 2>&1 || { cat install.log; fail "install"; }
(cd stage && find . ! -type d | sort) >want.txt
dpkg-deb -c "$deb" | awk '$1 !~ /^d/ {print $6}' | sort >got.txt
[ "$(wc -l <want.txt)" -ge 15 ] || fail "the install rules install only $(wc -l <want.txt) files"
diff want.txt got.txt >diff.txt || fail "the package's files differ from the install rules':
$(cat diff.txt)"
for f in ./usr/bin/quire ./usr/bin/quire-plugin-test ./usr/share/man/man1/quire.1.gz \
         ./usr/share/man/man1/quire-plugin-test.1.gz \
         ./usr/lib/pkgconfig/quire-plugin.pc ./usr/include/quire/quire-plugin.h \
         ./usr/share/quire/templates/default.yaml ./usr/share/doc/quire/plugin-guide.md \
         ./usr/share/doc/quire/copyright; do
    grep -qxF "$f" got.txt || fail "$f not in the package"
done
grep -q '^\./usr/lib.*/quire/plugins/quire-pdf\.so$' got.txt || fail "no pdf plugin in the package"
grep -q '^\./usr/share/bash-completion/completions/quire$' got.txt || fail "no bash completion in the package"

# Unpacked anywhere, it runs: plugins and templates relative to its binary.
dpkg-deb -x "$deb" "$work/root"
# pkg-config says where the package put things: /usr, no `..` in any path.
pc=$(find "$work/root" -name quire-plugin.pc | head -1)
grep -qx 'prefix=/usr' "$pc" || fail "quire-plugin.pc: $(grep ^prefix "$pc")"
! grep -q '\.\.' "$pc" || fail "quire-plugin.pc has '..': $(cat "$pc")"
plugindir=$(PKG_CONFIG_PATH=$(dirname "$pc") pkg-config --variable=plugindir quire-plugin)
[ -d "$work/root$plugindir" ] && [ -e "$work/root$plugindir/quire-pdf.so" ] ||
    fail "pkg-config's plugindir $plugindir holds no quire-pdf.so"
# The copyright file a Debian reader expects, machine-readable (DEP-5, read
# with python3-debian): every file covered, and the licence, stated or not,
# explained.
/usr/bin/python3 - "$work/root/usr/share/doc/quire/copyright" <<'PY' || fail "copyright file"
import sys
from debian import copyright as dep5
with open(sys.argv[1], encoding="utf-8") as f:
    c = dep5.Copyright(f, strict=True)
h = c.header
assert h.format and "copyright-format/1.0" in h.format, h.format
assert h.upstream_name == "quire", h.upstream_name
par = c.find_files_paragraph("usr/bin/quire")
assert par is not None, "no Files paragraph covers the program"
assert par.copyright, "no Copyright field"
lic = par.license
assert lic.synopsis and lic.text.strip(), "a licence without its text or explanation"
print(f"copyright: {h.upstream_name}, License: {lic.synopsis}")
PY
mkdir cwd && cd cwd || exit 1
"$work/root/usr/bin/quire" plugins >plugins.txt 2>&1 || fail "quire plugins: $(cat plugins.txt)"
[ "$(grep -c "	$work/root/usr/lib" plugins.txt)" -ge 3 ] || fail "plugins: $(cat plugins.txt)"
"$work/root/usr/bin/quire" render "$work/root/usr/share/quire/data/cloud-ai-briefing.yaml" \
    -f pdf,xlsx,csv -o out -q || fail "the unpacked quire cannot render the sample"
[ -s out/cloud-ai-briefing.pdf ] && [ -s out/cloud-ai-briefing.xlsx ] || fail "no outputs"
echo "ok: $(basename "$deb"), Depends: $depends"
