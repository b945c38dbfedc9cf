#!/usr/bin/python3
"""What pdf_objects.c and the tail write, read back from a render (issue 16,
item 4: no file writes libharu's structures, so each of these is made
another way; see docs/architecture.md, "Below all of them").

- Compressed streams of quire's own (font programs, ToUnicode CMaps, the
  ICC profile, embedded files): /Filter /FlateDecode, data that decodes
  and is smaller than what it decodes to, and none of the image entries of
  the call that makes them (HPDF_LoadRawImageFromMem). The XMP packet is
  not compressed.
- The header says PDF 1.7 (set in the saved file) with its binary comment.
- The StructTreeRoot is quire's object, written after libharu's: its
  number is the first of the tail (its /K, the Document element, is the
  next), its offset after every libharu object's, and its
  /ParentTreeNextKey one past the parent tree's last key.
- qpdf --check is clean.

usage: check_objects.py QUIRE PLUGIN_DIR SOURCE_DIR WORK_DIR"""
import os
import re
import shutil
import subprocess
import sys

import pikepdf

quire, plugin_dir, src, work = sys.argv[1:5]
failures = []
IMAGE_KEYS = ("/ColorSpace", "/Width", "/Height", "/BitsPerComponent")


def expect(cond, what):
    print(("ok: " if cond else "FAIL: ") + what)
    if not cond:
        failures.append(what)


def filters(stream):
    f = stream.get("/Filter")
    if f is None:
        return []
    return [str(x) for x in f] if isinstance(f, pikepdf.Array) else [str(f)]


def xref_offsets(raw):
    """Object number -> byte offset, from the file's one xref table."""
    at = int(re.findall(rb"startxref\s+(\d+)", raw)[-1])
    m = re.match(rb"xref\s+0\s+(\d+)\s+", raw[at:])
    count, pos, out = int(m.group(1)), at + m.end(), {}
    for num in range(count):
        line = raw[pos + 20 * num: pos + 20 * num + 20]
        if line[17:18] == b"n":
            out[num] = int(line[:10])
    return out


shutil.rmtree(work, ignore_errors=True)
os.makedirs(work)
env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
r = subprocess.run([quire, "render", os.path.join(src, "data", "cloud-ai-briefing.yaml"),
                    "-t", os.path.join(src, "templates", "default.yaml"), "-f", "pdf",
                    "-o", work, "--plugin-dir", plugin_dir, "-O", "pdf.standard=ua-1,a-3b", "-q"],
                   capture_output=True, env=env)
path = os.path.join(work, "cloud-ai-briefing.pdf")
expect(r.returncode == 0 and os.path.exists(path),
       "the flagship renders (ua-1,a-3b): %s" % r.stderr.decode(errors="replace")[-400:])
if failures:
    sys.exit(1)

q = subprocess.run(["qpdf", "--check", path], capture_output=True, text=True)
expect(q.returncode == 0 and "No syntax or stream encoding errors" in q.stdout,
       "qpdf --check is clean: %s" % (q.stdout + q.stderr)[-400:])

raw = open(path, "rb").read()
expect(re.match(rb"%PDF-1\.7\n%[\x80-\xff]{4}\n", raw) is not None,
       "the header is %%PDF-1.7 with a binary comment: %r" % raw[:16])

pdf = pikepdf.open(path)

# -- compressed streams of quire's own ---------------------------------------
ours = {}
for font in (o for o in pdf.objects if isinstance(o, pikepdf.Dictionary)
             and o.get("/Type") == "/Font" and o.get("/Subtype") == "/Type0"):
    ours.setdefault("ToUnicode", []).append(font.ToUnicode)
    desc = font.DescendantFonts[0].FontDescriptor
    for key in ("/FontFile2", "/FontFile3"):
        if key in desc:
            ours.setdefault(key[1:], []).append(desc[key])
for intent in pdf.Root.get("/OutputIntents", []):
    ours.setdefault("ICC profile", []).append(intent.DestOutputProfile)
for spec in pdf.Root.get("/AF", []):
    ours.setdefault("EmbeddedFile", []).append(spec.EF.F)
for kind in ("ToUnicode", "FontFile2", "ICC profile", "EmbeddedFile"):
    expect(len(ours.get(kind, [])) > 0, "the render has %s streams (%d)" % (kind, len(ours.get(kind, []))))
for kind, streams in sorted(ours.items()):
    bad = []
    for s in streams:
        raw_len, data = len(s.read_raw_bytes()), s.read_bytes()
        image = [k for k in IMAGE_KEYS if k in s]
        image += ["/Type /XObject"] if s.get("/Type") == "/XObject" else []
        image += ["/Subtype /Image"] if s.get("/Subtype") == "/Image" else []
        if filters(s) != ["/FlateDecode"] or image or not raw_len < len(data):
            bad.append("%s: filter %s, image entries %s, %d -> %d bytes"
                       % (s.objgen, filters(s), image, raw_len, len(data)))
    expect(not bad, "%d %s stream(s): /FlateDecode, no image entries, smaller than decoded %s"
           % (len(streams), kind, bad[:3]))
meta = pdf.Root.Metadata
expect(filters(meta) == [] and b"<x:xmpmeta" in meta.read_raw_bytes(),
       "the XMP packet is not compressed")

# -- the StructTreeRoot: the first object of quire's tail --------------------
root = pdf.Root.StructTreeRoot
num = root.objgen[0]
offsets = xref_offsets(raw)
expect(root.get("/Type") == "/StructTreeRoot", "the catalog's /StructTreeRoot is a StructTreeRoot")
expect(root.K.objgen[0] == num + 1, "its /K (%d) is the object after it (%d)" % (root.K.objgen[0], num))
libharu = [n for n in offsets if n < num]
expect(libharu and all(offsets[n] < offsets[num] for n in libharu),
       "it is written after libharu's %d objects (offset %d)" % (len(libharu), offsets.get(num, -1)))
expect(raw[offsets[num]:offsets[num] + 64].startswith(b"%d 0 obj\n<</Type /StructTreeRoot\n" % num),
       "it is written by the tail, not by libharu: %r" % raw[offsets[num]:offsets[num] + 40])


def tree_keys(node, out):
    if "/Nums" in node:
        out.extend(int(node.Nums[i]) for i in range(0, len(node.Nums), 2))
    for kid in node.get("/Kids", []):
        tree_keys(kid, out)
    return out


keys = tree_keys(root.ParentTree, [])
expect(keys and int(root.ParentTreeNextKey) == max(keys) + 1,
       "/ParentTreeNextKey %s is one past the parent tree's last key %s"
       % (root.get("/ParentTreeNextKey"), max(keys) if keys else None))
expect(int(pdf.trailer.Size) == max(offsets) + 1, "the trailer's /Size covers every object")

print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
