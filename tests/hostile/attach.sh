#!/bin/bash
# attach.sh QUIRE SOURCE_DIR PLUGIN_DIR — issue 21, 3: what a PDF/A-3
# attaches and embeds is what quire read and checked. A test plugin swaps
# the dataset, the CSV and the image for symlinks to an outside file after
# the check (tp_swap.c); the PDF still carries the original bytes and
# pixels, and the --set values beside the dataset.
set -u
case_name=attach quire=$1 here=$2 plugins=$3
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x
/usr/bin/python3 "$here/pngs.py" palette-trns in/map.png
cat >in/t.yaml <<'YAML'
quire-template: 1
name: t
formats: [pdf]
body:
  - cover
  - tables: all
  - image: map
pdf:
  standard: [a-3b]
YAML
mkdir kept
cp in/x.yaml in/x.csv in/map.png kept/
printf 'SECRET,outside the folder\n' >outside.txt
export TP_SWAP_TARGET=$work/outside.txt
run 0 render in/x.yaml -t in/t.yaml -f swap,pdf --plugin-dir "$plugins" -o out -q \
    --set title="Set on the command line"
[ -L in/x.csv ] && [ -L in/x.yaml ] && [ -L in/map.png ] || fail "the plugin did not swap the inputs"
/usr/bin/python3 - "$work" <<'PY' || fail "the PDF does not carry what was checked"
import sys
import pikepdf
work = sys.argv[1]
pdf = pikepdf.open(f"{work}/out/x.pdf")
files = {name: spec.get_file().read_bytes() for name, spec in pdf.attachments.items()}
want = {"x.yaml": open(f"{work}/kept/x.yaml", "rb").read(),
        "x.csv": open(f"{work}/kept/x.csv", "rb").read(),
        "set-values.txt": b"title=Set on the command line\n"}
if files != want:
    sys.exit(f"attachments {sorted(files)}: {files} != {want}")
if any(b"SECRET" in b for b in files.values()):
    sys.exit("the outside file was attached")
PY
/usr/bin/python3 "$here/png_pixels.py" palette-trns out/x.pdf || fail "the image is not the checked PNG"
