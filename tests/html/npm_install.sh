#!/bin/sh
# npm_install.sh SOURCE_DIR NPM_DIR — installs the browser tests' npm
# packages (package-lock.json: exact versions) into NPM_DIR in the build
# tree, once: again only when the lock file changes. No install scripts
# run (vnu-jar's would fetch a Java; Debian's default-jre-headless is used).
set -eu
src=$1
dir=$2
mkdir -p "$dir"
exec 9>"$dir/.lock"
flock 9
want=$(sha256sum "$src/package-lock.json" | cut -d' ' -f1)
if [ -f "$dir/.installed" ] && [ "$(cat "$dir/.installed")" = "$want" ] &&
   [ -f "$dir/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  exit 0
fi
rm -f "$dir/.installed"
cp "$src/package.json" "$src/package-lock.json" "$dir/"
cd "$dir"
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$want" >"$dir/.installed"
