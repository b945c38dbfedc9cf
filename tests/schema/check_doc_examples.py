#!/usr/bin/python3
"""check_doc_examples.py QUIRE PLUGIN_DIR SRC_DIR WORKDIR — the YAML
examples of README.md and docs/ are what quire and its schema accept.

A fenced block's info string says what it is:
  ```yaml dataset         a whole dataset
  ```yaml template        a whole template
  ```yaml template-body   blocks of a template's body (a YAML list)
  ```yaml template-part   top-level keys of a template (body: [cover] added)
or, before a plain ```yaml block, a line <!-- example: KIND -->.
Every such block must pass the JSON Schema of `quire schema` and
`quire validate` (templates with tests/schema/data/docs-examples.yaml,
which has every table they name). Blocks with other info strings are
fragments with elisions (…) and are not checked. At least one block of
each kind must be found, so that a renamed marker cannot make this pass
without checking anything."""
import glob, os, re, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import jsonschema  # noqa: E402
from check_schema_yaml import load_text  # noqa: E402

quire, plugins, src, work = sys.argv[1:5]
work = os.path.join(work, "doc-examples")
os.makedirs(work, exist_ok=True)
companion = os.path.join(src, "tests", "schema", "data", "docs-examples.yaml")
failures = []
seen = {}


def schema(which):
    import json
    out = subprocess.run([quire, "schema", which], check=True, capture_output=True, text=True)
    return jsonschema.Draft202012Validator(json.loads(out.stdout))


validators = {"dataset": schema("dataset"), "template": schema("template")}


def check(where, which, text):
    doc = load_text(text)
    errors = list(validators[which].iter_errors(doc))
    if errors:
        e = jsonschema.exceptions.best_match(errors)
        failures.append("%s: the %s schema rejects it at %s: %s" % (
            where, which, "/".join(map(str, e.absolute_path)), e.message[:200]))
    path = os.path.join(work, "example.yaml")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    cmd = [quire, "validate", "--plugin-dir", plugins]
    cmd += [path] if which == "dataset" else [companion, "-t", path]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        failures.append("%s: quire validate exits %d: %s" % (where, r.returncode,
                                                              r.stderr.strip()[:400]))


files = [os.path.join(src, "README.md")] + sorted(glob.glob(os.path.join(src, "docs", "*.md")))
fence = re.compile(r"^( *)```yaml ([a-z-]+)\n(.*?)^\1```", re.S | re.M)
# the same, marked by a comment line before a plain ```yaml block (README.md:
# other tests find its example by its plain info string)
commented = re.compile(r"^( *)<!-- example: ([a-z-]+)[^\n]*-->\n\1```yaml\n(.*?)^\1```",
                       re.S | re.M)
for md in files:
    text = open(md, encoding="utf-8").read()
    for m in list(fence.finditer(text)) + list(commented.finditer(text)):
        indent, kind, body = m.group(1), m.group(2), m.group(3)
        body = "".join(l[len(indent):] if l.startswith(indent) else l
                       for l in body.splitlines(True))
        where = "%s:%d" % (os.path.relpath(md, src), text.count("\n", 0, m.start()) + 1)
        seen[kind] = seen.get(kind, 0) + 1
        if kind == "dataset":
            check(where, "dataset", body)
        elif kind == "template":
            check(where, "template", body)
        elif kind == "template-body":
            body = "".join("  " + l for l in body.splitlines(True))
            check(where, "template", "quire-template: 1\nbody:\n" + body)
        elif kind == "template-part":
            check(where, "template", "quire-template: 1\nbody: [cover]\n" + body)
        else:
            failures.append("%s: unknown example kind '%s'" % (where, kind))
for kind in ("dataset", "template", "template-body", "template-part"):
    if not seen.get(kind):
        failures.append("no ```yaml %s block found in README.md or docs/" % kind)
for f in failures:
    print("FAIL:", f, file=sys.stderr)
if failures:
    sys.exit(1)
print("doc examples: %s ok" % ", ".join("%d %s" % (n, k) for k, n in sorted(seen.items())))
