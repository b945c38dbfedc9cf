#!/bin/bash
# lxw_guard.sh QUIRE LXW_VERSION_TOOL SOURCE_DIR WRITTEN_AGAINST — issue 20
# §10: plugins/xlsx/chart_combo.c replaces libxlsxwriter's chart plot-area
# writer (lxw_chart.write_plot_area) and splices the XML libxlsxwriter
# writes for it. This test fails loudly, naming the cause, when the library
# is not the version that was written against, and when the charts it
# writes no longer hold what the splice makes: every chart group's axes
# defined, lines beside bars on a right axis, references as series kept out
# of the legend, a date axis, a sorted chart's literal values.
set -u
quire=$1 version_tool=$2 src=$3 want=$4
work=$(mktemp -d /tmp/quire-lxw-XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    echo "plugins/xlsx/chart_combo.c was written against libxlsxwriter $want: re-check" \
         "how it takes over lxw_chart.write_plot_area and splices the plot-area XML," \
         "then update QUIRE_LXW_WRITTEN_AGAINST (cmake/QuireLibVersions.cmake)." >&2
    exit 1
}

read -r running headers < <("$version_tool")
[ "$running" = "$want" ] && [ "$headers" = "$want" ] ||
    fail "libxlsxwriter $running is running (headers $headers), not $want"

data=$src/tests/pdfchart/data
"$quire" render "$data/charts-v2.yaml" -t "$data/charts-v2-template.yaml" -f xlsx \
    -o "$work" -q 2>"$work/err.txt" || fail "render: $(cat "$work/err.txt")"
/usr/bin/python3 - "$work/charts-v2.xlsx" <<'PY' || fail "the charts' XML is not what the splice makes"
import sys
import zipfile
import xml.etree.ElementTree as ET

C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
z = zipfile.ZipFile(sys.argv[1])
charts = {}
for name in sorted(n for n in z.namelist() if n.startswith("xl/charts/chart")):
    root = ET.fromstring(z.read(name))          # well-formed, or this raises
    charts[name] = root
    plot = root.find(f"{C}chart/{C}plotArea")
    assert plot is not None, f"{name}: no plotArea"
    groups = [e for e in plot if e.tag.endswith("Chart")]
    axes = [e for e in plot if e.tag[len(C):] in ("catAx", "valAx", "dateAx", "serAx")]
    ids = [a.find(C + "axId").get("val") for a in axes]
    assert groups, f"{name}: no chart group"
    assert len(ids) == len(set(ids)), f"{name}: an axis id twice: {ids}"
    for g in groups:
        for ax in g.findall(C + "axId"):
            assert ax.get("val") in ids, f"{name}: {g.tag[len(C):]} uses axis {ax.get('val')}, not defined in {ids}"
    for a in axes:
        cross = a.find(C + "crossAx").get("val")
        assert cross in ids, f"{name}: axis crosses {cross}, not defined"
    idx = [s.find(C + "idx").get("val") for s in plot.iter(C + "ser")]
    assert len(idx) == len(set(idx)), f"{name}: a series index twice: {idx}"


def find(title_word):
    for name, root in charts.items():
        title = root.find(f"{C}chart/{C}title")
        text = "".join(t.text or "" for t in title.iter(A + "t")) if title is not None else ""
        if title_word in text:
            return name, root.find(f"{C}chart/{C}plotArea"), root
    raise AssertionError(f"no chart titled '{title_word}'")


def names(plot):
    return [s.find(f"{C}tx/{C}v").text for s in plot.iter(C + "ser") if s.find(f"{C}tx/{C}v") is not None]


# bars with a line on the right axis and a reference line there
name, plot, root = find("Revenue with margin")
kinds = [e.tag[len(C):] for e in plot if e.tag.endswith("Chart")]
assert kinds == ["barChart", "lineChart"], f"{name}: groups {kinds}"
right = [a for a in plot.findall(C + "valAx") if a.find(C + "axPos").get("val") == "r"]
assert len(right) == 1 and right[0].find(C + "crosses").get("val") == "max", f"{name}: no right axis"
assert "Margin target" in names(plot), f"{name}: series {names(plot)}"
ref = [s for s in plot.iter(C + "ser") if s.find(f"{C}tx/{C}v").text == "Margin target"][0]
hidden = [e.find(C + "idx").get("val") for e in root.iter(C + "legendEntry")
          if e.find(C + "delete") is not None]
assert ref.find(C + "idx").get("val") in hidden, f"{name}: the reference is in the legend"

# sorted: literal values in the order drawn
name, plot, _ = find("Quarters by revenue")
lit = plot.find(f".//{C}ser/{C}val/{C}numLit")
assert lit is not None, f"{name}: no literal values for the sorted series"
vals = [float(p.find(C + "v").text) for p in lit.findall(C + "pt")]
assert vals == sorted(vals, reverse=True) and len(vals) == 6, f"{name}: values {vals}"

# a line over dates with a reference: a date axis
name, plot, _ = find("Accelerator hours")
assert plot.find(C + "dateAx") is not None, f"{name}: no dateAx"
assert "Plan" in names(plot), f"{name}: series {names(plot)}"
print(f"ok: {len(charts)} charts")
PY
echo "ok: libxlsxwriter $running"
