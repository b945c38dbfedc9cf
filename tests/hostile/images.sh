#!/bin/bash
# images.sh CASE QUIRE SOURCE_DIR — issue 21, 2: a small crafted PNG never
# takes the main process down, embeds with its true pixels, and a PNG
# decompression bomb is refused from its header.
set -u
case_name=$1 quire=$2 here=$3
e2e_name=hostile
. "$here/../lib/e2e.sh"
/usr/bin/python3 "$here/../depfile/make_inputs.py" in y
/usr/bin/python3 "$here/../depfile/make_inputs.py" in x

case $case_name in
crafted)
    # libharu 2.3.0 freed memory twice on these in the parent's check();
    # now they validate, render, and show the pixels the PNG holds (16-bit
    # samples as their high byte).
    for kind in interlaced-alpha interlaced-alpha16 palette-trns interlaced-palette-trns; do
        /usr/bin/python3 "$here/pngs.py" "$kind" in/map.png
        run 0 validate in/x.yaml -t in/t.yaml -f pdf,xlsx
        run 0 render in/x.yaml -t in/t.yaml -f pdf,xlsx -o out -q
        /usr/bin/python3 "$here/png_pixels.py" "$kind" out/x.pdf ||
            fail "$kind: the PDF's image is not the PNG's pixels"
        # A batch with --keep-going goes on past it too.
        run 0 render in/x.yaml in/y.yaml -k -t in/t.yaml -f pdf -o out2 -q
    done
    ;;
bomb)
    # Refused at the image's place from the header alone (its IDAT holds a
    # few rows, so only a bound in decoded bytes says "too large"; the old
    # bound in pixels let both through to the decoder). A palette PNG is
    # counted as the RGBA pixels the PDF embeds: validate once passed it and
    # the export refused it (plugins/common/png, one decoder for both).
    for kind in bomb16 bomb8 bomb-palette; do
        /usr/bin/python3 "$here/pngs.py" "$kind" in/map.png
        "$quire" validate in/x.yaml -t in/t.yaml -f pdf 2>err.txt
        rc=$?
        [ $rc -eq 2 ] || { cat err.txt >&2; fail "$kind: exit $rc, expected 2"; }
        grep -qE '^in/x\.yaml:[0-9]+:[0-9]+: error: image .*too large' err.txt ||
            fail "$kind: $(cat err.txt)"
    done
    ;;
jpeg)
    # A JPEG libjpeg decodes but the PDF writer cannot embed is refused by
    # validate at its file: key (it failed the export before): fill bytes
    # before a marker, 12 bits per sample; a good JPEG renders.
    jpg=$here/../xlsx/data/logo-200dpi.jpg
    cp "$jpg" in/map.jpg
    sed -i 's/file: map.png/file: map.jpg/' in/x.yaml
    run 0 validate in/x.yaml -t in/t.yaml -f pdf
    run 0 render in/x.yaml -t in/t.yaml -f pdf -o out -q
    for kind in fill 12bit; do
        /usr/bin/python3 - "$jpg" in/map.jpg "$kind" <<'PY'
import sys
d = bytearray(open(sys.argv[1], "rb").read())
if sys.argv[3] == "fill":
    d[2:2] = b"\xff"   # a fill byte before the first marker after SOI
else:
    at = d.index(b"\xff\xc0")
    d[at + 4] = 12     # SOF0's sample precision
open(sys.argv[2], "wb").write(bytes(d))
PY
        "$quire" validate in/x.yaml -t in/t.yaml -f pdf 2>err.txt
        rc=$?
        [ $rc -eq 2 ] || { cat err.txt >&2; fail "$kind: exit $rc, expected 2"; }
        grep -qE '^in/x\.yaml:[0-9]+:[0-9]+: error: .*cannot' err.txt ||
            fail "$kind: $(cat err.txt)"
    done
    ;;
*)
    fail "unknown case"
    ;;
esac
exit 0
