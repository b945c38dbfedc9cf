#!/usr/bin/python3
"""check_schema.py QUIRE SRC_DIR — `quire schema` against what quire reads.

Every shipped dataset and template must validate against the JSON Schema
(draft 2020-12) that `quire schema` prints; every schema-level case of
tests/bad (and a few of templates) must be rejected by it, as the loader
rejects it. YAML is read with PyYAML; dates stay YYYY-MM-DD strings, as
an editor's YAML server sees them (YAML 1.2: no timestamp type)."""
import datetime, glob, json, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import jsonschema  # noqa: E402
import yaml  # noqa: E402

quire, src = sys.argv[1], sys.argv[2]
failures = []


def schema(which):
    out = subprocess.run([quire, "schema", which], check=True, capture_output=True, text=True)
    s = json.loads(out.stdout)
    jsonschema.Draft202012Validator.check_schema(s)
    return jsonschema.Draft202012Validator(s)


from check_schema_yaml import Yaml12Loader, plain  # noqa: E402


def load(path):
    with open(path, encoding="utf-8-sig") as f:
        return plain(yaml.load(f, Loader=Yaml12Loader))


def expect(validator, path, valid):
    try:
        doc = load(path)
    except yaml.YAMLError:
        return  # not YAML at all: the schema has nothing to say
    errors = list(validator.iter_errors(doc))
    if valid and errors:
        e = jsonschema.exceptions.best_match(errors)
        failures.append("%s: rejected at %s: %s" % (path, "/".join(map(str, e.absolute_path)),
                                                      e.message[:200]))
    if not valid and not errors:
        failures.append("%s: accepted, but quire rejects it" % path)


datasets, templates = schema("dataset"), schema("template")
for p in sorted(glob.glob(os.path.join(src, "data", "*.yaml"))):
    expect(datasets, p, True)
for p in sorted(glob.glob(os.path.join(src, "templates", "*.yaml"))):
    expect(templates, p, True)
expect(datasets, os.path.join(src, "tests", "cli", "data", "alpha.yaml"), True)

# The cases of tests/bad whose error the schema can see on its own: an
# unknown key, a wrong type, a bad id, date, URL or language.
schema_level = ["unknown-key", "unknown-key-deep", "unknown-column-key", "bad-dataset-id",
                "bad-column-id", "bad-language",
                "quire-version", "quire-not-number", "figure-string-value", "figure-missing-value",
                "unknown-type", "missing-required", "dataset-id-underscore",
                "root-not-mapping", "params-not-scalar", "text-too-long", "escape-id",
                "as-of-bad", "sheet-bad", "date-inferred-bad"]
bad = os.path.join(src, "tests", "bad")
found = 0
for name in schema_level:
    p = os.path.join(bad, name + ".yaml")
    if os.path.exists(p):
        found += 1
        expect(datasets, p, False)
if found < len(schema_level):
    failures.append("only %d of the schema-level bad cases exist: update the list" % found)

# Made-up cases, one per rule the schema carries.
cases = {
    "dataset": [
        ({"quire": 1, "id": "x", "title": "T", "tabels": []}, False),
        ({"quire": 1, "id": "X!", "title": "T"}, False),
        ({"quire": 1, "title": "T"}, False),
        ({"quire": 1, "id": "x", "title": "T",
          "sources": [{"id": "s", "url": "www.example.com"}]}, False),
        ({"quire": 1, "id": "x", "title": "T",
          "tables": [{"id": "t", "columns": [{"id": "a", "type": "txt"}]}]}, False),
        ({"quire": 1, "id": "x", "title": "T", "summary": ["p", ["a", "b"]],
          "footnotes": [{"id": "n", "text": "t"}],
          "images": [{"id": "i", "file": "i.png", "decorative": True}]}, True),
        ({"quire": 1, "id": "x", "title": "T", "as_of": "2025-Q2",
          "figures": [{"id": "f", "value": 1, "as_of": "2025-03"}],
          "tables": [{"id": "t", "as_of": "2024-12-31", "sheet": "Market share",
                      "columns": [{"id": "a", "type": "text"}], "rows": []}],
          "sources": [{"id": "s", "date": "2024-03", "date_inferred": True}]}, True),
        ({"quire": 1, "id": "x", "title": "T", "as_of": "2025-Q5"}, False),
        ({"quire": 1, "id": "x", "title": "T", "as_of": "25-06"}, False),
        ({"quire": 1, "id": "x", "title": "T",
          "sources": [{"id": "s", "date": "2024-Q1"}]}, False),
        ({"quire": 1, "id": "x", "title": "T",
          "tables": [{"id": "t", "sheet": "x" * 32, "columns": []}]}, False),
        ({"quire": 1, "id": "x", "title": "T",
          "tables": [{"id": "t", "sheet": "a:b", "columns": []}]}, False),
        ({"quire": 1, "id": "x", "title": "T",
          "tables": [{"id": "t", "sheet": "'a", "columns": []}]}, False),
    ],
    "template": [
        ({"quire-template": 1, "body": ["cover", {"chart": {"table": "t", "type": "donut"}}]},
         False),
        ({"quire-template": 1, "body": ["cover", "toc"]}, False),
        ({"quire-template": 1, "body": [{"heading": "H", "table": "t"}]}, False),
        ({"quire-template": 1, "page": {"size": "A3"}, "body": ["cover"]}, False),
        ({"quire-template": 1, "palette": ["red"], "body": ["cover"]}, False),
        ({"quire-template": 1, "body": ["cover", {"chart": {"table": "t", "series": [
            {"column": "a"}, {"column": "b", "as": "line", "axis": "right"}]}}],
          "pdf": {"standard": ["ua-1"]}}, True),
        ({"quire-template": 1, "body": [{"chart": {"table": "t", "title": "T[^n]",
                                                     "note": "*Caveat*[^n]"}}]}, True),
        ({"quire-template": 1, "body": [{"chart": {"table": "t", "notes": "x"}}]}, False),
    ],
}
for which, validator in (("dataset", datasets), ("template", templates)):
    for doc, valid in cases[which]:
        errors = list(validator.iter_errors(doc))
        if valid != (not errors):
            failures.append("%s %s: expected %s" % (which, json.dumps(doc)[:120],
                                                    "valid" if valid else "invalid"))

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
print("schema: every shipped file valid, every schema-level bad case rejected")
