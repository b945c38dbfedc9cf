#!/bin/sh
# check_libreoffice_charts.sh PARITYDIR WORKDIR — LibreOffice opens the
# workbooks whose chart XML chart_combo.c splices, and draws each chart:
# its title and series names are in the PDF it prints.
set -eu
in=$1 work=$2
rm -rf "$work" && mkdir -p "$work/profile"
for case in combo-right-axis combo-right-bars time-line scatter-labels highlight-reference area-stacked; do
  test -f "$in/$case.xlsx" || { echo "missing $in/$case.xlsx (run pdfchart.parity first)"; exit 1; }
done
HOME="$work/profile" timeout 300 soffice --headless -env:UserInstallation=file://$work/profile \
  --convert-to pdf --outdir "$work" "$in/combo-right-axis.xlsx" "$in/combo-right-bars.xlsx" "$in/time-line.xlsx" \
  "$in/scatter-labels.xlsx" "$in/highlight-reference.xlsx" "$in/area-stacked.xlsx" >/dev/null 2>&1
check() {   # FILE WORDS...
  f=$1; shift
  text=$(pdftotext "$work/$f.pdf" - 2>/dev/null | tr -d ' \n')
  for w in "$@"; do
    case "$text" in *"$(printf %s "$w" | tr -d ' ')"*) ;; *) echo "libreoffice: $f: no '$w'"; exit 1;; esac
  done
}
check combo-right-axis "AWS revenue and margin" "Operating margin (right axis)" "AWS revenue"
check combo-right-bars "Bars on both axes" "Operating margin (right axis)" "AWS revenue"
check time-line "Accelerator hours by date" "GPU hours" "TPU hours" "2025-03"
check scatter-labels "Capital expenditure and growth" "Azure"
check highlight-reference "AWS" "마이크로소프트"
check area-stacked "Capital expenditure, stacked areas" "Alphabet"
echo "libreoffice charts: ok"
