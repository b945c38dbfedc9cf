#!/bin/bash
# costs.sh CASE QUIRE SOURCE_DIR — issue 21, 6: cost bombs. A dataset four
# times larger makes about four times the work (n log n at most), counted
# by the program itself (QUIRE_STATS), never timed:
#   sources    sources told apart (source_cite.c sorted keys, not all pairs)
#   footnotes  footnotes renumbered in reading order (footnote_order.c)
set -u
case_name=costs_$1 quire=$2 here=$3
e2e_name=hostile
. "$here/../lib/e2e.sh"
gen() {   # gen KIND N FILE
    /usr/bin/python3 - "$@" <<'PY'
import sys
kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
L = ["quire: 1", "id: bomb", "title: Bomb", "language: en", "date: 2025-01-01"]
if kind == "sources":
    # distinct publishers (each compared with every other before), some
    # sharing a publisher, a date, a short title
    L.append("sources:")
    for i in range(n):
        pub = f"Publisher {i // 3}" if i % 5 else f"Publisher {i}"
        L += [f"  - id: s{i}", f"    title: Title {i % 7} of a long run of words",
              f"    publisher: {pub}", f"    date: 2024-01-0{1 + i % 2}"]
else:
    L += ["sections:", "  - id: a", "    heading: A", "    body:"]
    for p in range(0, n, 100):
        L.append('      - "' + " ".join(f"x[^n{i}]" for i in range(p, min(n, p + 100))) + '"')
    L.append("footnotes:")
    # each note cites the next: the chain is followed note by note
    for i in range(n):
        L.append(f"  - {{id: n{i}, text: 'note {i}{' [^n%d]' % (i + 1) if i + 1 < n else ''}'}}")
open(out, "w").write("\n".join(L) + "\n")
PY
}
case $1 in
sources) key=source_cite_compares bound=6 ;;
footnotes) key=footnote_order_steps bound=5 ;;
*) fail "unknown case" ;;
esac
for n in 2000 8000; do
    gen "$1" $n d$n.yaml
    QUIRE_STATS=stats.$n run 0 validate d$n.yaml -q
done
/usr/bin/python3 - stats.2000 stats.8000 "$key" "$bound" <<'PY' || fail "$key grows faster than n log n"
import sys
def read(p):
    return {k: int(v) for k, v in (l.split() for l in open(p))}
a, b = read(sys.argv[1])[sys.argv[3]], read(sys.argv[2])[sys.argv[3]]
print(f"{sys.argv[3]}: n=2000 {a}, n=8000 {b}, ratio {b / max(a, 1):.2f}")
assert a > 2000 and b <= float(sys.argv[4]) * a
PY
exit 0
