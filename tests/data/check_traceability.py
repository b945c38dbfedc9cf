#!/usr/bin/python3
"""Every number and every dated claim of the flagship dataset is traced.

docs/data-sources.md traces the dataset to the five source articles in
trace rows, markdown table rows of six cells:

    | kind | where | values | seed | basis | evidence |

kind      figure, table, prose, date or source
where     figure: its id; table: the table id and the row's first cell as
          `table id / first cell`; date: the places the expression is
          written (`summary`, `section:ID`, `figure:ID`, `table:ID`,
          `source:ID`, `title`, `period`, `date`), comma-separated;
          prose: `—` or free text; source: `ID.publisher`, `ID.author`,
          `ID.date`
values    figure/table: `name=value` for every number (the dataset's own
          digits); prose: number expressions as written in the dataset
          (`7억 명`, `49%`); date: the date expression as written in the
          dataset; source: the field's value, or `미상` when the dataset
          leaves it out
seed      the seed file numbers (`003`, `000, 003`), or `—`
basis     `quote`: the evidence quotes the article ("…", a `…` inside marks
          an elision); `inferred`: the article does not state it and the
          evidence says how it was read; `미상`: unknown, the dataset
          leaves it out or says 미상
evidence  quotes in "…", each optionally followed by its seed as `(003)`,
          and any explanation

The checker enforces:
  * each figure, each table row with numbers, each source field has a row;
    each number named there equals the dataset's number;
  * each date expression of the dataset's text (years, months, quarters,
    fiscal years, dates) has a `date` row naming that place, and each
    `date` row names an expression that is there;
  * each number written in the dataset's text is a traced value (a figure,
    a cell, or a `prose` row);
  * an unknown publisher is written 미상 and a source without a date says
    발행일 미상 in its title or publisher;
  * a `quote` row's numbers (and, for dates, its date atoms) occur in its
    quotes; an `inferred` or `미상` row needs an explanation; every source
    date is `inferred` (no article prints a calendar date);
  * with --seeds DIR: every quote occurs verbatim in its seed file, the
    pieces of an elided quote in order within one paragraph.

With --template FILE, the template's chart titles and notes count as
text of the dataset too, at the place `chart:TABLE` (the table the chart
draws): their numbers and dates are traced like the dataset's.

usage: check_traceability.py DATASET DATA_SOURCES_MD [--template FILE] [--seeds DIR] [--self-test]
exit 0 when traced, 1 when not, 2 on usage errors. --self-test checks the
checker: the real files pass and each of a set of broken copies fails.
"""
import glob
import os
import re
import sys

import yaml

BASES = ("quote", "inferred", "미상")
KINDS = ("figure", "table", "prose", "date", "source")
UNIT_MUL = {"조": 1e12, "억": 1e8, "만": 1e4, "천": 1e3}

# Date expressions, longest first. Each yields atoms that a quote must share.
DATE_RES = [
    ("range", re.compile(r"(\d{4})\s*[~∼–-]\s*(\d{4})년")),
    ("ymd", re.compile(r"(\d{4})-(\d{2})-(\d{2})")),
    ("ym", re.compile(r"(?<!\d)(\d{4})-(\d{2})(?![\d-])")),
    ("yq", re.compile(r"(\d{4})-Q([1-4])")),
    ("quarter", re.compile(r"(\d{4})년\s*([1-4])분기")),
    ("bare_quarter", re.compile(r"(?<!\d)([1-4])분기")),
    ("month", re.compile(r"(\d{4})년\s*(\d{1,2})월(?:\s*(\d{1,2})일)?")),
    ("fy", re.compile(r"(\d{4})\s*회계연도|회계연도\s*(\d{4})년?")),
    ("dotted", re.compile(r"(?<![\d.])(\d{4})\.(\d{1,2})(?:\.(\d{1,2}))?(?![\d.])")),
    ("year", re.compile(r"(?<!\d)(\d{4})년")),
    ("bare_month", re.compile(r"(?<![\d.])(\d{1,2})월(?:\s*(\d{1,2})일)?")),
    ("bare_day", re.compile(r"(?<![\d.])(\d{1,2})일(?!간)")),
]

NUM_RE = re.compile(r"(?<![A-Za-z\d.,-])\d[\d,]*(?:\.\d+)?")


def squash(s):
    return re.sub(r"\s+", " ", s).strip()


def date_atoms(kind, m):
    g = [int(x) if x else None for x in m.groups()]
    if kind == "range":
        return {("Y", g[0]), ("Y", g[1])}
    if kind == "ymd":
        return {("D", g[0], g[1], g[2])}
    if kind == "yq":
        return {("Q", g[0], g[1])}
    if kind == "ym":
        return {("M", g[0], g[1]), ("Y", g[0])}
    if kind == "quarter":
        return {("Q", g[0], g[1]), ("Q", None, g[1]), ("Y", g[0])}
    if kind == "bare_quarter":
        return {("Q", None, g[0])}
    if kind == "month":
        atoms = {("M", g[0], g[1]), ("M", None, g[1]), ("Y", g[0])}
        if g[2]:
            atoms.add(("D", g[0], g[1], g[2]))
        return atoms
    if kind == "fy":
        return {("FY", g[0] or g[1])}
    if kind == "dotted":
        atoms = {("M", g[0], g[1]), ("Y", g[0])}
        if g[2]:
            atoms.add(("D", g[0], g[1], g[2]))
        return atoms
    if kind == "year":
        return {("Y", g[0])}
    if kind == "bare_month":
        atoms = {("M", None, g[0])}
        if g[1]:
            atoms.add(("D", None, g[0], g[1]))
        return atoms
    return {("D", None, None, g[0])}


def find_dates(text):
    """[(expression, atoms)] of text, and text with those spans blanked."""
    text = squash(text)
    found, chars = [], list(text)
    for kind, rx in DATE_RES:
        for m in rx.finditer("".join(chars)):
            if any(c == "\0" for c in chars[m.start():m.end()]):
                continue
            found.append((m.start(), m.group(0), date_atoms(kind, m)))
            chars[m.start():m.end()] = "\0" * (m.end() - m.start())
    found.sort()
    return [(e, a) for _, e, a in found], "".join(chars).replace("\0", " ")


def quote_atoms(text):
    atoms = set()
    for _, a in find_dates(text)[0]:
        atoms |= a
    return atoms


def find_numbers(text, raw=False):
    """Values of the number expressions of text: `2조5000억` is 2.5e12,
    `1.5만` 15000, `12만5천` 125000. With raw, the leading digits count
    as written too (`7억` gives 7e8 and 7): a quote may print a number in
    a unit that the dataset's column names instead."""
    out = []
    pos = 0
    while True:
        m = NUM_RE.search(text, pos)
        if not m:
            return out
        total, first, end = 0.0, None, m.start()
        while True:
            m2 = NUM_RE.match(text, end)
            if not m2:
                break
            v = float(m2.group(0).replace(",", ""))
            first = v if first is None else first
            end = m2.end()
            if end < len(text) and text[end] in UNIT_MUL:
                total += v * UNIT_MUL[text[end]]
                end += 1
                continue
            total += v
            break
        out.append(total)
        if raw and first is not None and first != total:
            out.append(first)
        pos = max(end, m.end())


def same(a, b):
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))


def fmt(v):
    return repr(v) if isinstance(v, float) else str(v)


def unit_scale(unit):
    unit = (unit or "").strip()
    return UNIT_MUL.get(unit[:1], 1.0) if unit else 1.0


def split_cells(line):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    return cells


def parse_rows(lines):
    """The trace rows, and the lines that look like one but are not."""
    rows, bad = [], []
    for n, line in enumerate(lines, 1):
        if not line.startswith("| "):
            continue
        cells = split_cells(line)
        if cells[0] not in KINDS:
            continue
        if len(cells) != 6:
            bad.append("data-sources.md:%d: a %s row has %d cells, not 6" % (n, cells[0], len(cells)))
            continue
        rows.append({"line": n, "kind": cells[0], "where": cells[1],
                     "values": cells[2], "seed": cells[3], "basis": cells[4],
                     "evidence": cells[5]})
    return rows, bad


QUOTE_RE = re.compile(r"\"([^\"]+)\"(?:\s*\((\d{3})(?:,[^)]*)?\))?")


def quotes(row):
    return [(q, s) for q, s in QUOTE_RE.findall(row["evidence"])]


def seeds_of(row):
    return re.findall(r"\d{3}", row["seed"])



def paragraphs(prose):
    """The strings of a summary or body: a string, or a list whose entries
    are strings or lists of strings (bulleted lists)."""
    if not prose:
        return []
    if isinstance(prose, str):
        return [prose]
    out = []
    for p in prose:
        out.extend(p if isinstance(p, list) else [p])
    return out


def plain_text(text):
    """Inline markup removed: footnote references, stars, link targets."""
    text = re.sub(r"\[\^[^\]]*\]", "", str(text))
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", text)
    return re.sub(r"(?<!\\)\*+", "", text)

def chart_texts(template):
    """(place, text) of the template's chart titles, notes and alt texts."""
    for b in (template or {}).get("body", []) or []:
        if isinstance(b, dict) and isinstance(b.get("chart"), dict):
            c = b["chart"]
            for key in ("title", "note", "alt"):
                if c.get(key):
                    yield "chart:" + str(c.get("table")), str(c[key])


class Checker:
    def __init__(self, data, rows, seeds_dir, template=None):
        self.data, self.rows, self.seeds_dir = data, rows, seeds_dir
        self.template = template
        self.errors = []
        self.traced = []        # values a prose number may repeat
        self.seed_text = {}

    def err(self, msg, row=None):
        where = "data-sources.md:%d: " % row["line"] if row else ""
        self.errors.append(where + msg)

    # --- rows of one kind -------------------------------------------------
    def rows_of(self, kind, where=None):
        return [r for r in self.rows if r["kind"] == kind and
                (where is None or r["where"] == where)]

    def check_basis(self, row):
        if row["basis"] not in BASES:
            self.err("basis must be one of %s, got '%s'" % (", ".join(BASES), row["basis"]), row)
            return False
        if row["basis"] == "quote" and not quotes(row):
            self.err("a 'quote' row needs a quoted sentence", row)
            return False
        if row["basis"] != "quote" and len(QUOTE_RE.sub("", row["evidence"]).strip(" ;.—-")) < 10:
            self.err("an '%s' row must say why (evidence has no explanation)" % row["basis"], row)
        return True

    def numbers_in_quotes(self, row):
        vals = []
        for q, _ in quotes(row):
            vals += find_numbers(find_dates(q)[1], raw=True)
            vals += find_numbers(q, raw=True)
        return vals

    def value_quoted(self, row, value, scales):
        if row["basis"] != "quote":
            return
        have = self.numbers_in_quotes(row)
        for s in scales:
            if any(same(value * s, h) for h in have):
                return
        self.err("%s is not in the row's quotes" % fmt(value), row)

    # --- figures and table cells -------------------------------------------
    def named_values(self, kind, where, want, scales):
        rows = self.rows_of(kind, where)
        if not rows:
            self.err("%s %s: no trace row (%s)" % (kind, where, ", ".join(
                "%s=%s" % (k, fmt(v)) for k, v in want)))
            return
        if len(rows) > 1:
            self.err("%s %s: more than one trace row" % (kind, where), rows[1])
        row = rows[0]
        if not self.check_basis(row):
            return
        named = dict(p.split("=", 1) for p in re.split(r",\s*", row["values"]) if "=" in p)
        for (k, v), sc in zip(want, scales):
            if k not in named:
                self.err("%s %s: %s=%s not named" % (kind, where, k, fmt(v)), row)
                continue
            try:
                ok = same(float(named[k]), float(v))
            except ValueError:
                ok = False
            if not ok:
                self.err("%s %s: %s is %s in the dataset, %s here" % (kind, where, k, fmt(v), named[k]), row)
            self.value_quoted(row, float(v), (1.0, sc, 1e4, 1e8, 1e12))

    def check_figures(self):
        for f in self.data.get("figures", []) or []:
            sc = unit_scale(f.get("unit"))
            want, scales = [("value", f["value"])], [sc]
            self.traced += [float(f["value"]) * sc]
            if "change" in f:
                want.append(("change", f["change"]["value"]))
                scales.append(1.0)
                self.traced.append(float(f["change"]["value"]))
            self.named_values("figure", f["id"], want, scales)

    def check_tables(self):
        for t in self.data.get("tables", []) or []:
            cols = t["columns"]
            for r in t.get("rows", []) or []:
                want, scales = [], []
                for c, v in zip(cols, r):
                    if c["type"] == "text" or v is None:
                        continue
                    sc = float(c.get("scale", 1))
                    want.append((c["id"], v))
                    scales.append(sc)
                    self.traced.append(float(v) * sc)
                if want:
                    self.named_values("table", "%s / %s" % (t["id"], r[0]), want, scales)

    def check_prose_rows(self):
        for row in self.rows_of("prose"):
            if not self.check_basis(row):
                continue
            for expr in re.split(r",\s*", row["values"]):
                vals = find_numbers(find_dates(expr)[1])
                if not vals:
                    self.err("prose: '%s' is not a number expression" % expr, row)
                    continue
                self.traced += vals
                if row["basis"] == "quote":
                    have = self.numbers_in_quotes(row)
                    if not any(same(vals[0], h) for h in have):
                        self.err("prose: '%s' is not in the row's quotes" % expr, row)

    # --- the dataset's text -----------------------------------------------
    def texts(self):
        """Every text of the dataset with its place; markup removed."""
        for where, text in self.raw_texts():
            yield where, plain_text(text)

    def raw_texts(self):
        d = self.data
        for key in ("title", "subtitle", "period", "author", "organization"):
            if d.get(key) is not None:
                yield key, str(d[key])
        if d.get("date") is not None:
            yield "date", str(d["date"])
        if d.get("as_of") is not None:
            yield "as_of", str(d["as_of"])
        summary = d.get("summary") or []
        for p in paragraphs(summary):
            yield "summary", p
        for f in d.get("figures", []) or []:
            if f.get("as_of") is not None:
                yield "figure:" + f["id"], str(f["as_of"])
            for key in ("label", "unit", "note"):
                if f.get(key):
                    yield "figure:" + f["id"], str(f[key])
            if "change" in f and f["change"].get("basis"):
                yield "figure:" + f["id"], str(f["change"]["basis"])
        for t in d.get("tables", []) or []:
            where = "table:" + t["id"]
            if t.get("as_of") is not None:
                yield where, str(t["as_of"])
            for key in ("title", "description", "sheet"):
                if t.get(key):
                    yield where, t[key]
            for c in t["columns"]:
                if c.get("label"):
                    yield where, c["label"]
            for r in t.get("rows", []) or []:
                for c, v in zip(t["columns"], r):
                    if c["type"] == "text" and v is not None:
                        yield where, str(v)
        for s in d.get("sections", []) or []:
            yield "section:" + s["id"], s.get("heading", "")
            for p in paragraphs(s.get("body")):
                yield "section:" + s["id"], p
        for s in d.get("sources", []) or []:
            yield "source:" + s["id"], s.get("title", "")
        for n in d.get("footnotes", []) or []:
            yield "footnote:" + n["id"], n.get("text", "")
        for where, text in chart_texts(self.template):
            yield where, text

    def check_text(self):
        date_rows = self.rows_of("date")
        for row in date_rows:
            self.check_basis(row)
        covered = set()
        for where, text in self.texts():
            found, rest = find_dates(text)
            for expr, atoms in found:
                rows = [r for r in date_rows if squash(r["values"]) == expr and
                        where in [w.strip() for w in r["where"].split(",")]]
                if not rows:
                    self.err("date '%s' in %s: no date row names it there" % (expr, where))
                    continue
                covered.add((expr, where))
                row = rows[0]
                if row["basis"] == "quote":
                    missing = atoms - set().union(*[quote_atoms(q) for q, _ in quotes(row)])
                    if missing:
                        self.err("date '%s': the quotes do not state it (mark it inferred)" % expr, row)
            for v in find_numbers(rest):
                if not any(same(v, t) for t in self.traced):
                    self.err("number %s in %s (\"%s\") is not traced" % (fmt(v), where, squash(text)[:60]))
        for row in date_rows:
            for w in row["where"].split(","):
                if (squash(row["values"]), w.strip()) not in covered:
                    self.err("date row: '%s' is not written in %s" % (row["values"], w.strip()), row)

    def check_stale(self):
        figures = {f["id"] for f in self.data.get("figures", []) or []}
        cells = {"%s / %s" % (t["id"], r[0]) for t in self.data.get("tables", []) or []
                 for r in t.get("rows", []) or []}
        for row in self.rows_of("figure"):
            if row["where"] not in figures:
                self.err("figure row for an unknown figure '%s'" % row["where"], row)
        for row in self.rows_of("table"):
            if row["where"] not in cells:
                self.err("table row for an unknown row '%s'" % row["where"], row)

    # --- sources -------------------------------------------------------------
    def check_sources(self):
        for s in self.data.get("sources", []) or []:
            for key in ("publisher", "author", "date"):
                where = "%s.%s" % (s["id"], key)
                rows = self.rows_of("source", where)
                value = s.get(key)
                if not rows:
                    self.err("source %s: no trace row (%s)" % (where, value or "미상"))
                    continue
                row = rows[0]
                if not self.check_basis(row):
                    continue
                if value is None or "미상" in str(value):
                    if row["values"] != "미상" or row["basis"] != "미상":
                        self.err("source %s: absent or 미상 in the dataset, so the row says 미상 with basis 미상" % where, row)
                    if key == "publisher" and value is None:
                        self.err("source %s: an unknown publisher is written 미상, not left out" % where, row)
                    if key == "date" and value is None and \
                            "발행일 미상" not in s.get("title", "") + s.get("publisher", ""):
                        self.err("source %s: no date, so its title or publisher says 발행일 미상" % where, row)
                    continue
                if row["values"] != str(value):
                    self.err("source %s is '%s' in the dataset, '%s' here" % (where, value, row["values"]), row)
                if key == "date" and row["basis"] != "inferred":
                    self.err("source %s: no article prints a calendar date; mark it inferred" % where, row)
                if row["basis"] == "quote" and not any(str(value) in q for q, _ in quotes(row)):
                    self.err("source %s: '%s' is not in the quotes" % (where, value), row)
        ids = {s["id"] for s in self.data.get("sources", []) or []}
        for row in self.rows_of("source"):
            if row["where"].split(".")[0] not in ids:
                self.err("source row for an unknown source '%s'" % row["where"], row)

    # --- quotes against the articles ---------------------------------------
    def seed(self, num):
        if num not in self.seed_text:
            files = glob.glob(os.path.join(self.seeds_dir, num + "_*.txt"))
            if len(files) != 1:
                self.seed_text[num] = None
                self.err("seed %s: expected one file %s_*.txt in %s" % (num, num, self.seeds_dir))
            else:
                with open(files[0], encoding="utf-8") as fh:
                    self.seed_text[num] = [squash(p) for p in fh.read().splitlines() if p.strip()]
        return self.seed_text[num]

    def check_quotes(self):
        for row in self.rows:
            for q, num in quotes(row):
                nums = [num] if num else seeds_of(row)
                if not nums:
                    self.err("quote \"%s\" names no seed" % q, row)
                    continue
                pieces = [squash(p) for p in q.split("…") if p.strip()]
                if not any(self.in_seed(pieces, n) for n in nums):
                    self.err("quote \"%s\" is not verbatim in seed %s" % (q, "/".join(nums)), row)

    def in_seed(self, pieces, num):
        for para in self.seed(num) or []:
            at = 0
            for p in pieces:
                at = para.find(p, at)
                if at < 0:
                    break
                at += len(p)
            else:
                return True
        return False

    def run(self):
        self.check_figures()
        self.check_tables()
        self.check_prose_rows()
        self.check_text()
        self.check_sources()
        self.check_stale()
        if self.seeds_dir:
            self.check_quotes()
        return self.errors


def check(data_text, md_text, seeds, tpl_text=None):
    data = yaml.safe_load(data_text)
    rows, bad = parse_rows(md_text.splitlines())
    template = yaml.safe_load(tpl_text) if tpl_text else None
    return bad + list(dict.fromkeys(Checker(data, rows, seeds, template).run()))


# Broken copies the checker must reject: (what is broken, file, old, new,
# a fragment of the expected complaint).
BREAKAGES = [
    ("a figure value changed", "data", "value: 2090", "value: 2091", "2091 in the dataset"),
    ("a new year in a section", "data", "세 회사가 고객을 끄는 방식은 다르다.",
     "세 회사가 2026년에도 고객을 끄는 방식은 다르다.", "date '2026년' in section:market"),
    ("a new number in a section", "data", "세 회사가 고객을 끄는 방식은 다르다.",
     "세 회사가 고객을 끄는 방식은 77% 다르다.", "number 77"),
    ("an invented source date", "data", "    publisher: 테크M\n",
     "    publisher: 테크M\n    date: 2025-04-09\n", "techm-ai-infra.date is '2025-04-09'"),
    ("an as_of not traced", "data", "    as_of: 2023-Q4\n", "    as_of: 2022-Q4\n",
     "date '2022-Q4' in table:cloud-share-synergy"),
    ("an inferred date marked as quoted", "md", "| 2024년 3월 | 003 | inferred |",
     "| 2024년 3월 | 003 | quote |", "the quotes do not state it"),
    ("a place of a date dropped", "md", "| summary, figure:korea-gpu-2027, figure:korea-ai-center,",
     "| figure:korea-gpu-2027, figure:korea-ai-center,",
     "date '2027년' in summary"),
    ("a number missing from its quote", "md", "MS는 전년보다 매출이 31% 성장했다\" |",
     "MS는 전년보다 매출이 성장했다\" |", "31.0 is not in the row's quotes"),
    ("an inferred row without a reason", "md",
     "| inferred | the brief's own document date (also the PDF/XLSX creation date): the day this "
     "review was compiled, after every source; no article states it |",
     "| inferred | — |", "must say why"),
    ("a row with a stray cell", "md", "| 2026-12-05 | — | inferred | the brief's own",
     "| 2026-12-05 | — | inferred | x | the brief's own", "has 7 cells"),
    ("a source field without a row", "md", "| source | coupang-cloud.date |", "| sourcex | coupang-cloud.date |",
     "coupang-cloud.date: no trace row"),
]
SEED_BREAKAGE = ("a quote not in its article", "md", "| quote | \"MS는 전년보다 매출이 31% 성장했다\" |",
                 "| quote | \"MS는 전년보다 매출이 32% 성장했다\" |", "not verbatim in seed 000")


def self_test(data_path, md_path, seeds, tpl_text=None):
    """The checker passes the real files and fails each broken copy."""
    with open(data_path, encoding="utf-8") as fh:
        data_text = fh.read()
    with open(md_path, encoding="utf-8") as fh:
        md_text = fh.read()
    failures = []
    base = check(data_text, md_text, seeds, tpl_text)
    if base:
        failures.append("the real files do not pass: %s" % base[0])
    for what, which, old, new, expect in BREAKAGES + ([SEED_BREAKAGE] if seeds else []):
        text = data_text if which == "data" else md_text
        if old not in text:
            failures.append("%s: '%s' not found, the breakage is stale" % (what, old.strip()))
            continue
        text = text.replace(old, new, 1)
        errors = (check(text, md_text, seeds, tpl_text) if which == "data"
                  else check(data_text, text, seeds, tpl_text))
        if not any(expect in e for e in errors):
            failures.append("%s: not caught (expected '%s', got %s)" % (what, expect, errors[:2]))
    for f in failures:
        print("self-test:", f, file=sys.stderr)
    if failures:
        return 1
    print("ok: the real files pass, %d broken copies fail" % (len(BREAKAGES) + (1 if seeds else 0)))
    return 0


def main(argv):
    args, seeds, selftest, tpl_text = [], None, False, None
    it = iter(argv)
    for a in it:
        if a == "--self-test":
            selftest = True
        elif a == "--template":
            path = next(it, None)
            if not path:
                print(__doc__, file=sys.stderr)
                return 2
            with open(path, encoding="utf-8") as fh:
                tpl_text = fh.read()
        elif a == "--seeds":
            seeds = next(it, None)
            if not seeds:
                print(__doc__, file=sys.stderr)
                return 2
        else:
            args.append(a)
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if seeds and not os.path.isdir(seeds):
        print("seeds directory %s not found" % seeds, file=sys.stderr)
        return 2
    if selftest:
        return self_test(args[0], args[1], seeds, tpl_text)
    with open(args[0], encoding="utf-8") as fh:
        data_text = fh.read()
    with open(args[1], encoding="utf-8") as fh:
        md_text = fh.read()
    errors = check(data_text, md_text, seeds, tpl_text)
    for e in errors:
        print("not traced:", e, file=sys.stderr)
    if errors:
        print("%d problem(s)" % len(errors), file=sys.stderr)
        return 1
    print("ok: traced%s" % (", quotes verbatim in the seeds" if seeds else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
