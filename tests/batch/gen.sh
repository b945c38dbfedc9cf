#!/bin/bash
# gen.sh DIR N — N small one-page briefs DIR/region-1.yaml ... (id = file
# name), each with its own numbers: the batch, shard and cluster tests'
# input.
set -eu
dir=$1 n=$2
mkdir -p "$dir"
regions=(서울 부산 대구 인천 광주 대전 울산 세종 경기 강원)
for ((i = 1; i <= n; i++)); do
    r=${regions[i % ${#regions[@]}]}
    cat >"$dir/region-$i.yaml" <<YAML
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
