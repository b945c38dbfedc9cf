#!/bin/bash
# escape.sh QUIRE SOURCE_DIR PLUGIN_DIR — issue 21, 9: a plugin's warning
# and error strings reach the terminal escaped (no ESC, BEL or C1 control),
# whoever wrote them (tp_esc.c).
set -u
case_name=escape quire=$1 here=$2 plugins=$3
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x
run 4 render in/x.yaml -t in/t.yaml -f esc --plugin-dir "$plugins" -o out
/usr/bin/python3 - err.txt <<'PY' || fail "raw controls on stderr: $(cat -v err.txt)"
import sys
data = open(sys.argv[1], "rb").read()
bad = [b for b in (b"\x1b", b"\x07", b"\xc2\x9b", b"\x9b") if b in data]
if bad:
    sys.exit(f"raw {bad}")
text = data.decode()
for want in ("title \\x1B]0;pwned\\x07 here \\u009B2J", "failed on \\x1B[31mred"):
    if want not in text:
        sys.exit(f"missing {want!r} in {text!r}")
PY
