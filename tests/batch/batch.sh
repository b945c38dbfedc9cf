#!/bin/bash
# batch.sh QUIRE N — docs/batch.md's promise: N datasets rendered by one
# `quire render -j 2` and by `parallel -j 2 quire render` (one process per
# dataset) give the same files, byte for byte.
set -u
quire=$1 n=$2
unset QUIRE_PLUGIN_PATH
work=$(mktemp -d /tmp/quire-batch-XXXXXX)
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
fail() { echo "FAIL: $*" >&2; exit 1; }

# N small briefs, one per region, each with its own numbers.
mkdir data
regions=(서울 부산 대구 인천 광주 대전 울산 세종 경기 강원)
for ((i = 1; i <= n; i++)); do
    r=${regions[i % ${#regions[@]}]}
    cat >"data/region-$i.yaml" <<YAML
quire: 1
id: region-$i
title: 지역 클라우드 브리핑 $i
period: 2025-Q$((i % 4 + 1))
date: 2025-04-$(printf %02d $((i % 28 + 1)))
params: {region: $r}
summary: $r 지역 데이터센터 투자가 늘었다.
figures:
  - {id: capex, label: 설비투자, value: $((100 + i)).5, unit: 억원, source: s}
tables:
  - id: share
    title: 사업자별 점유율
    source: s
    columns:
      - {id: provider, label: 사업자, type: text}
      - {id: q1, label: 1분기, type: percent}
      - {id: q2, label: 2분기, type: percent}
    rows:
      - [A사, $((30 + i % 7)), $((31 + i % 5))]
      - [B사, $((20 + i % 3)), $((22 + i % 4))]
      - [기타, $((50 - i % 7)), null]
sources:
  - {id: s, title: 지역 통계 $i, publisher: 통계청, date: 2025-03-31}
YAML
done

"$quire" render data/*.yaml -f pdf,xlsx,csv -j 2 -o one --quiet || fail "quire -j 2"
parallel --will-cite -j 2 "$quire" render {} -f pdf,xlsx,csv -o many --quiet ::: data/*.yaml ||
    fail "parallel -j 2 quire render"
(cd one && find . -type f | sort) >one.txt
(cd many && find . -type f | sort) >many.txt
[ "$(wc -l <one.txt)" -eq $((n * 4)) ] || fail "$(wc -l <one.txt) files, want $((n * 4))"
cmp -s one.txt many.txt || fail "different file lists: $(diff one.txt many.txt | head)"
while read -r f; do
    cmp -s "one/$f" "many/$f" || fail "$f differs between quire -j 2 and parallel"
done <one.txt
echo "ok: $n datasets, $((n * 4)) files identical"
