#!/usr/bin/python3
"""The flagship dataset says when each thing was true, and in its own words.

The traceability check (check_traceability.py) sees digits; this one sees
what the fact audit of 2026-12-05 found behind correct digits:

  * relative time: a relative date word of the articles ("지난해", "작년",
    "올해", "연내", "조만간", "지난 N일", ...) in the dataset's prose or the
    template's chart titles and notes is either absent or its sentence
    carries an explicit year ("2023년", "2024-03");
  * inferred years marked: a date expression that docs/data-sources.md
    traces as `inferred` is followed by its mark ("2023년 9월(추정)",
    "2024년 말 추정") wherever the dataset writes it;
  * source dates: every source date is either quoted from its article
    (trace row basis `quote`) or marked `date_inferred: true`, and the two
    agree;
  * as_of: every figure and every table has `as_of` (YYYY-MM-DD, YYYY-MM or
    YYYY-Qn);
  * with --seeds DIR: no run of RUN (8) or more words of an article appears
    in the dataset's text outside quotation marks. Words are compared
    without punctuation, so a copied sentence with a changed comma is still
    found. Source titles are the articles' own and are exempt.

usage: check_framing.py DATASET DATA_SOURCES_MD [TEMPLATE] [--seeds DIR] [--self-test]
exit 0 when clean, 1 when not, 2 on usage errors. --self-test checks the
checker: the real files pass and each of a set of broken copies fails.
"""
import glob
import os
import re
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_traceability as trace  # noqa: E402  (the shared text walker)

RUN = 8
MARK_WITHIN = 12   # characters after an inferred date in which "추정" must be

# Relative dates of the articles: each names a time only from the article's
# own date, which the reader of the brief does not have.
RELATIVE_RE = re.compile(
    r"지난해|작년|재작년|올해|올\s*한\s*해|금년|내년|연내|조만간|지난달|다음 달|"
    r"(?<![가-힣])이달(?:[말초에의]|\s|$)|지난\s*\d{1,2}\s*[일월]|이번\s*달")
# An explicit year: 2024년, 2024-03, 2024-Q1, 2018~2022년, FY 2025 (회계연도).
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?:년|-|\s*[~∼–]|\s*회계연도)")
AS_OF_RE = re.compile(r"^\d{4}-(?:(?:0[1-9]|1[0-2])(?:-\d{2})?|Q[1-4])$")
# Quotation marks: text inside is the article's, not the brief's.
QUOTED_RE = re.compile(r"\"[^\"]*\"|“[^”]*”|「[^」]*」|'[^']*'|‘[^’]*’")


def sentences(text):
    """Sentences of a text: split after . ? ! (and their full-width forms)."""
    return [s for s in re.split(r"(?<=[.?!。])\s+", trace.squash(text)) if s.strip()]


def words(text):
    """Whitespace words with punctuation removed; empty ones dropped."""
    out = []
    for w in text.split():
        w = re.sub(r"[^\w%]", "", w)
        if w:
            out.append(w)
    return out


class Framing:
    def __init__(self, data, rows, template, seeds_dir):
        self.data, self.rows, self.template = data, rows, template
        self.seeds_dir = seeds_dir
        self.errors = []

    def err(self, msg):
        self.errors.append(msg)

    def texts(self):
        """(place, text) of every text a reader sees, markup removed."""
        walker = trace.Checker(self.data, [], None)   # without the template:
        for where, text in walker.texts():
            if where in ("date",) or AS_OF_RE.match(text.strip()):
                continue   # the brief's own date; as_of values, traced as dates
            yield where, text
        for where, text in trace.chart_texts(self.template):
            yield where, trace.plain_text(text)

    # --- relative time ----------------------------------------------------
    def check_relative(self):
        for where, text in self.texts():
            if where.startswith("source:"):
                continue   # the articles' own headlines, printed as they are
            for s in sentences(text):
                m = RELATIVE_RE.search(s)
                if m and not YEAR_RE.search(s):
                    self.err("%s: relative date '%s' without a year in its sentence: \"%s\""
                             % (where, m.group(0), s[:80]))

    # --- inferred years marked ---------------------------------------------
    def check_inferred_marked(self):
        inferred = {}
        for r in self.rows:
            if r["kind"] == "date" and r["basis"] == "inferred":
                for w in r["where"].split(","):
                    inferred[(trace.squash(r["values"]), w.strip())] = r
        for where, text in self.texts():
            s = trace.squash(text)
            at = 0
            for expr, _ in trace.find_dates(s)[0]:
                at = s.find(expr, at)
                end = at + len(expr)
                # The mark follows the expression: "2023년 9월(추정)",
                # "2024년 말 추정", "2025년 4월 이후(추정)".
                if (expr, where) in inferred and "추정" not in s[end:end + MARK_WITHIN]:
                    self.err("%s: '%s' is inferred (data-sources.md:%d) but is not marked "
                             "(추정) after it: \"%s\"" % (where, expr, inferred[(expr, where)]["line"],
                                                       s[max(0, at - 20):end + 20]))
                at = end

    # --- source dates -------------------------------------------------------
    def check_source_dates(self):
        for s in self.data.get("sources", []) or []:
            if s.get("date") is None:
                if s.get("date_inferred"):
                    self.err("source %s: date_inferred without a date" % s["id"])
                continue
            rows = [r for r in self.rows if r["kind"] == "source" and r["where"] == s["id"] + ".date"]
            basis = rows[0]["basis"] if rows else None
            if basis == "quote":
                if s.get("date_inferred"):
                    self.err("source %s: its date is quoted from the article, "
                             "yet marked date_inferred" % s["id"])
            elif s.get("date_inferred") is not True:
                self.err("source %s: date %s is not printed in the article (trace basis %s): "
                         "mark it date_inferred: true" % (s["id"], s["date"], basis))

    # --- as_of -------------------------------------------------------------
    def check_as_of(self):
        for kind in ("figures", "tables"):
            for item in self.data.get(kind, []) or []:
                v = item.get("as_of")
                if v is None:
                    self.err("%s %s has no as_of" % (kind[:-1], item["id"]))
                elif not AS_OF_RE.match(str(v)):
                    self.err("%s %s: as_of '%s' is not YYYY-MM-DD, YYYY-MM or YYYY-Qn"
                             % (kind[:-1], item["id"], v))

    # --- copied runs ---------------------------------------------------------
    def seed_runs(self):
        runs = {}
        for path in sorted(glob.glob(os.path.join(self.seeds_dir, "*.txt"))):
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    w = words(line)
                    for i in range(len(w) - RUN + 1):
                        runs.setdefault(tuple(w[i:i + RUN]), os.path.basename(path)[:3])
        return runs

    def check_copies(self):
        runs = self.seed_runs()
        if not runs:
            self.err("no article text in %s" % self.seeds_dir)
            return
        for where, text in self.texts():
            if where.startswith("source:"):
                continue
            for piece in QUOTED_RE.split(trace.squash(text)):
                w = words(piece)
                for i in range(len(w) - RUN + 1):
                    seed = runs.get(tuple(w[i:i + RUN]))
                    if seed:
                        self.err("%s: %d or more words copied from seed %s without quotation "
                                 "marks: \"%s\"" % (where, RUN, seed, " ".join(w[i:i + RUN])))
                        break

    def run(self):
        self.check_relative()
        self.check_inferred_marked()
        self.check_source_dates()
        self.check_as_of()
        if self.seeds_dir:
            self.check_copies()
        return self.errors


def check(data_text, md_text, tpl_text, seeds):
    data = yaml.safe_load(data_text)
    rows, _ = trace.parse_rows(md_text.splitlines())
    template = yaml.safe_load(tpl_text) if tpl_text else None
    return list(dict.fromkeys(Framing(data, rows, template, seeds).run()))


# Broken copies the checker must reject: (what, file, old, new, expected
# complaint). "old" must occur in the real file.
BREAKAGES = [
    ("a relative year with no year", "data", "세 회사가 고객을 끄는 방식은 다르다.",
     "세 회사가 고객을 끄는 방식은 지난해부터 다르다.", "relative date '지난해'"),
    ("'조만간' with no year", "data", "그 규제가 완화되고 있다.",
     "그 규제가 조만간 완화된다.", "relative date '조만간'"),
    ("'지난 N일' with no year", "data", "세 회사가 고객을 끄는 방식은 다르다.",
     "세 회사가 지난 27일 고객을 끄는 방식은 다르다.", "relative date '지난 27일'"),
    ("an inferred year not marked", "data", "아마존은 2023년 9월(추정)의 12억5000만달러에",
     "아마존은 2023년 9월의 12억5000만달러에", "'2023년 9월' is inferred"),
    ("an inferred source date not marked", "data",
     "    date: 2025-02-19\n    date_inferred: true\n", "    date: 2025-02-19\n",
     "mark it date_inferred"),
    ("a figure without as_of", "data", "    as_of: 2024-03\n    note: >-\n      지분 49%",
     "    note: >-\n      지분 49%", "figure ms-openai-investment has no as_of"),
    ("a table without as_of", "data", "    source: coupang-cloud\n    as_of: 2023-Q4\n",
     "    source: coupang-cloud\n", "table coupang-profile has no as_of"),
    ("an as_of that is not a date", "data", "    as_of: 2023-Q4\n", "    as_of: 2023 말\n",
     "is not YYYY-MM-DD"),
    ("a relative date in a chart title", "tpl", "title: \"국가별 AI 인프라 투자 발표액",
     "title: \"올해 국가별 AI 인프라 투자 발표액", "chart:national-ai-infra: relative date '올해'"),
]
SEED_BREAKAGES = [
    ("an article sentence copied", "data", "세 회사가 고객을 끄는 방식은 다르다.",
     "세 회사가 고객을 끄는 방식은 다르다. 이들보다 생성형 AI에 뒤늦게 뛰어들었던 AWS는 "
     "매출이 13% 증가했다.", "copied from seed 003"),
    ("a copied sentence with its punctuation changed", "data", "세 회사가 고객을 끄는 방식은 다르다.",
     "세 회사가 고객을 끄는 방식은 다르다. 국내 ICT 업계가, 해외 빅테크의 한국 진출 통로 "
     "역할만 할 가능성도 있다.", "copied from seed 004"),
]


def self_test(paths, seeds):
    texts = {}
    for key, path in paths.items():
        with open(path, encoding="utf-8") as fh:
            texts[key] = fh.read()
    failures = []
    base = check(texts["data"], texts["md"], texts["tpl"], seeds)
    if base:
        failures.append("the real files do not pass: %s" % base[0])
    cases = BREAKAGES + (SEED_BREAKAGES if seeds else [])
    for what, which, old, new, expect in cases:
        if old not in texts[which]:
            failures.append("%s: '%s' not found, the breakage is stale" % (what, old.strip()))
            continue
        broken = dict(texts)
        broken[which] = texts[which].replace(old, new, 1)
        errors = check(broken["data"], broken["md"], broken["tpl"], seeds)
        if not any(expect in e for e in errors):
            failures.append("%s: not caught (expected '%s', got %s)" % (what, expect, errors[:2]))
    for f in failures:
        print("self-test:", f, file=sys.stderr)
    if failures:
        return 1
    print("ok: the real files pass, %d broken copies fail" % len(cases))
    return 0


def main(argv):
    args, seeds, selftest = [], None, False
    it = iter(argv)
    for a in it:
        if a == "--self-test":
            selftest = True
        elif a == "--seeds":
            seeds = next(it, None)
            if not seeds:
                print(__doc__, file=sys.stderr)
                return 2
        else:
            args.append(a)
    if len(args) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    if seeds and not os.path.isdir(seeds):
        print("seeds directory %s not found" % seeds, file=sys.stderr)
        return 2
    paths = {"data": args[0], "md": args[1], "tpl": args[2] if len(args) == 3 else None}
    if selftest:
        if not paths["tpl"]:
            print("--self-test needs the template", file=sys.stderr)
            return 2
        return self_test(paths, seeds)
    texts = {}
    for key, path in paths.items():
        if path:
            with open(path, encoding="utf-8") as fh:
                texts[key] = fh.read()
    errors = check(texts["data"], texts["md"], texts.get("tpl"), seeds)
    for e in errors:
        print("framing:", e, file=sys.stderr)
    if errors:
        print("%d problem(s)" % len(errors), file=sys.stderr)
        return 1
    print("ok: dated, as_of everywhere%s" % (", no article run of %d words unquoted" % RUN
                                             if seeds else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
