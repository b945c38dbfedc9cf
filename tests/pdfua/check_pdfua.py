#!/usr/bin/python3
"""A PDF/UA-1 and PDF/A-2b/3b checker for the PDFs quire writes (pikepdf).

usage: check_pdfua.py [--standard LIST] [--attached NAME]... FILE.pdf...
       check_pdfua.py --self-test GOOD.pdf [--standard LIST] [--strict]

--standard is what the file claims, comma-separated: ua-1, a-2b, a-3b.
The tagging checks (the machine-checkable Matterhorn Protocol 1.1 failure
conditions that apply to what quire writes) run always, since quire tags
every PDF; ua-1 adds the PDF/UA identifier; a-2b and a-3b add the PDF/A
requirements. --no-tags leaves the tagging checks out (an untagged file).
Every failure is printed as "FILE: [checkpoint] message"; exit 1 if any.

--self-test breaks GOOD.pdf in every way the checks look for (with
pikepdf) and fails unless the good file passes and every broken copy is
rejected for the reason it was broken (--strict: and that GOOD.pdf has
something of every kind to break); docs/accessibility.md lists the checks.
"""
import argparse
import datetime
import io
import os
import re
import sys
import tempfile
import xml.etree.ElementTree as ET

import pikepdf
from pikepdf import Array, Dictionary, Name, Stream, String

STANDARD_TYPES = {
    "Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
    "Index", "NonStruct", "Private", "P", "H", "H1", "H2", "H3", "H4", "H5", "H6",
    "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "THead", "TBody", "TFoot",
    "Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby",
    "RB", "RT", "RP", "Warichu", "WT", "WP", "Figure", "Formula", "Form",
}
# Operators that put something on the page: text showing, path painting,
# shadings, XObjects, inline images.
PAINTING = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*", "b", "b*",
            "sh", "Do", "INLINE IMAGE"}
FORBIDDEN_ACTIONS = {"Launch", "Sound", "Movie", "ResetForm", "ImportData", "JavaScript",
                     "Hide", "SetOCGState", "Rendition", "Trans", "GoTo3DView"}
NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "xmp": "http://ns.adobe.com/xap/1.0/",
    "pdf": "http://ns.adobe.com/pdf/1.3/",
    "pdfaid": "http://www.aiim.org/pdfa/ns/id/",
    "pdfuaid": "http://www.aiim.org/pdfua/ns/id/",
    "pdfaSchema": "http://www.aiim.org/pdfa/ns/schema#",
}


class Report:
    def __init__(self, name):
        self.name = name
        self.failures = []

    def fail(self, checkpoint, message):
        self.failures.append((checkpoint, message))

    def labels(self):
        return {c for c, _ in self.failures}


def name_of(obj):
    """'/Foo' -> 'Foo' for a pikepdf Name, else None."""
    if isinstance(obj, Name):
        return str(obj)[1:]
    return None


def get(d, key, default=None):
    try:
        v = d.get(key)
    except (AttributeError, ValueError):
        return default
    return default if v is None else v


def same(a, b):
    """Object identity for indirect objects, equality for direct ones."""
    try:
        if a.is_indirect and b.is_indirect:
            return a.objgen == b.objgen
    except AttributeError:
        pass
    return a == b


# ---------------------------------------------------------------- number trees

def number_tree(node, out=None, depth=0):
    out = {} if out is None else out
    if node is None or depth > 32:
        return out
    nums = get(node, "/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            out[int(nums[i])] = nums[i + 1]
    for kid in get(node, "/Kids", []):
        number_tree(kid, out, depth + 1)
    return out


def name_tree(node, out=None, depth=0):
    out = [] if out is None else out
    if node is None or depth > 32:
        return out
    names = get(node, "/Names")
    if names is not None:
        for i in range(0, len(names) - 1, 2):
            out.append((bytes(names[i]), names[i + 1]))
    for kid in get(node, "/Kids", []):
        name_tree(kid, out, depth + 1)
    return out


# ---------------------------------------------------------------- structure

class Elem:
    def __init__(self, obj, s, parent):
        self.obj, self.s, self.parent = obj, s, parent
        self.kids = []        # Elem children, in order
        self.mcids = []       # (page objgen, mcid)
        self.objrs = []       # referenced objects (annotations)


def role_map(root):
    rm = {}
    for k, v in get(root, "/RoleMap", Dictionary()).items():
        if name_of(v):
            rm[k[1:]] = name_of(v)
    return rm


def map_role(rm, s):
    seen = set()
    while s in rm and s not in STANDARD_TYPES and s not in seen:
        seen.add(s)
        s = rm[s]
    return s


def read_tree(pdf, rep):
    """The structure tree as Elems (role-mapped types), in document order."""
    root = get(pdf.Root, "/StructTreeRoot")
    if root is None:
        rep.fail("ISO 14289-1 7.1", "no /StructTreeRoot: the file is not tagged")
        return None, [], {}
    rm = role_map(root)
    for k, v in rm.items():
        if k in STANDARD_TYPES:
            rep.fail("02-004", "the standard type %s is role-mapped to %s" % (k, v))
        seen, s = set(), k
        while s in rm and s not in seen:
            seen.add(s)
            s = rm[s]
        if s in seen:
            rep.fail("02-003", "the role map is circular at %s" % k)
        elif s not in STANDARD_TYPES:
            rep.fail("02-001", "%s is role-mapped to %s, which is not a standard type" % (k, s))
    top = Elem(root, "StructTreeRoot", None)
    order = []
    visited = set()

    def walk(node, parent_elem, page, depth):
        if depth > 64:
            rep.fail("structure", "the structure tree is nested more than 64 deep")
            return
        if isinstance(node, int):
            if page is None:
                rep.fail("structure", "an MCID of a %s has no /Pg" % parent_elem.s)
            else:
                parent_elem.mcids.append((page.objgen, int(node)))
            return
        if isinstance(node, Array):
            for k in node:
                walk(k, parent_elem, page, depth)
            return
        if not isinstance(node, Dictionary):
            rep.fail("structure", "a /K entry of a %s is neither element nor content" % parent_elem.s)
            return
        kind = name_of(get(node, "/Type"))
        if kind == "MCR":
            pg = get(node, "/Pg", page)
            if pg is None:
                rep.fail("structure", "a marked-content reference has no page")
            else:
                parent_elem.mcids.append((pg.objgen, int(get(node, "/MCID", -1))))
            return
        if kind == "OBJR":
            parent_elem.objrs.append(get(node, "/Obj"))
            return
        s = name_of(get(node, "/S"))
        if s is None:
            rep.fail("structure", "a structure element has no /S")
            return
        if node.is_indirect:
            if node.objgen in visited:
                rep.fail("structure", "structure element %s appears twice in the tree" % s)
                return
            visited.add(node.objgen)
        p = get(node, "/P")
        if p is not None and parent_elem.obj is not None and not same(p, parent_elem.obj):
            rep.fail("structure", "the /P of a %s is not its parent in the tree" % s)
        mapped = map_role(rm, s)
        if mapped not in STANDARD_TYPES:
            rep.fail("02-001", "structure type %s is neither standard nor role-mapped to one" % s)
        e = Elem(node, mapped, parent_elem)
        parent_elem.kids.append(e)
        order.append(e)
        walk(get(node, "/K", Array()), e, get(node, "/Pg", page), depth + 1)

    walk(get(root, "/K", Array()), top, None, 0)
    return top, order, number_tree(get(root, "/ParentTree"))


def text_of(obj, key):
    v = get(obj, key)
    return str(v) if v is not None else ""


def attributes(elem):
    """The attribute dictionaries of an element (/A: a dict or an array)."""
    a = get(elem.obj, "/A")
    if a is None:
        return []
    if isinstance(a, Dictionary):
        return [a]
    return [x for x in a if isinstance(x, Dictionary)]


def check_tree_shapes(order, rep):
    kids_of = lambda e: [k.s for k in e.kids]
    for e in order:
        ks = kids_of(e)
        if e.s == "Table":
            body = [k for k in ks if k != "Caption"]
            if not body:
                rep.fail("09-004", "a Table has no rows")
            elif all(k == "TR" for k in body):
                pass
            else:
                groups = [k for k in body if k not in ("THead", "TFoot")]
                if any(k != "TBody" for k in groups) or body.count("THead") > 1 \
                        or (body.count("THead") and body[0] != "THead") \
                        or body.count("TFoot") > 1 or (body.count("TFoot") and body[-1] != "TFoot"):
                    rep.fail("09-004", "a Table holds %s" % " ".join(body))
        if e.s in ("THead", "TBody", "TFoot") and any(k != "TR" for k in ks):
            rep.fail("09-004", "a %s holds %s" % (e.s, " ".join(ks)))
        if e.s in ("THead", "TBody", "TFoot", "TR") and e.parent.s not in \
                ({"Table"} if e.s != "TR" else {"Table", "THead", "TBody", "TFoot"}):
            rep.fail("09-004", "a %s is inside a %s" % (e.s, e.parent.s))
        if e.s == "TR" and (not ks or any(k not in ("TH", "TD") for k in ks)):
            rep.fail("09-004", "a TR holds %s" % (" ".join(ks) or "nothing"))
        if e.s in ("TH", "TD") and e.parent.s != "TR":
            rep.fail("09-004", "a %s is inside a %s" % (e.s, e.parent.s))
        if e.s == "L":
            items = [k for k in ks if k != "Caption"]
            if not items or any(k not in ("LI", "L") for k in items):
                rep.fail("09-005", "a list (L) holds %s" % (" ".join(ks) or "nothing"))
        if e.s == "LI" and (not ks or any(k not in ("Lbl", "LBody") for k in ks)):
            rep.fail("09-005", "a list item (LI) holds %s" % (" ".join(ks) or "nothing"))
        if e.s in ("LI",) and e.parent.s != "L":
            rep.fail("09-005", "an LI is inside a %s" % e.parent.s)
        if e.s in ("Lbl", "LBody") and e.parent.s not in ("LI", "TOCI", "BibEntry", "Note"):
            rep.fail("09-005", "a %s is inside a %s" % (e.s, e.parent.s))
        if e.s == "TOC" and any(k not in ("TOC", "TOCI", "Caption") for k in ks):
            rep.fail("09-006", "a TOC holds %s" % " ".join(ks))
        if e.s == "TOCI":
            if e.parent.s != "TOC":
                rep.fail("09-006", "a TOCI is inside a %s" % e.parent.s)
            if any(k not in ("TOC", "Lbl", "Reference", "P", "NonStruct") for k in ks):
                rep.fail("09-006", "a TOCI holds %s" % " ".join(ks))


def check_semantics(order, rep):
    headings = [e for e in order if re.fullmatch(r"H[1-6]", e.s)]
    if headings and headings[0].s != "H1":
        rep.fail("14-002", "the first heading is %s, not H1" % headings[0].s)
    level = 1
    for h in headings:
        n = int(h.s[1])
        if n > level + 1:
            rep.fail("14-003", "%s follows H%d: a heading level is skipped" % (h.s, level))
        level = n
    if headings and any(e.s == "H" for e in order):
        rep.fail("14-007", "the document uses both H and H1-H6")
    note_ids = []
    for e in order:
        if e.s == "Figure" and not (text_of(e.obj, "/Alt").strip() or
                                    text_of(e.obj, "/ActualText").strip()):
            rep.fail("13-004", "a Figure has no /Alt")
        if e.s == "Formula" and not text_of(e.obj, "/Alt").strip():
            rep.fail("17-002", "a Formula has no /Alt")
        if e.s == "TH":
            scopes = [name_of(get(a, "/Scope")) for a in attributes(e)
                      if name_of(get(a, "/O")) == "Table"]
            if not any(s in ("Row", "Column", "Both") for s in scopes):
                rep.fail("15-003", "a TH has no /Scope")
        if e.s == "Note":
            ident = get(e.obj, "/ID")
            if ident is None:
                rep.fail("19-003", "a Note has no /ID")
            else:
                note_ids.append(bytes(ident))
        if not e.kids and not e.mcids and not e.objrs and e.s not in ("TD", "TH"):
            rep.fail("structure", "a %s element is empty" % e.s)
        if e.s == "Link" and e.objrs and not e.kids and not e.mcids:
            rep.fail("ISO 14289-1 7.18.5", "a Link element holds only its annotation: "
                     "the link's text is outside it")
    if len(set(note_ids)) != len(note_ids):
        rep.fail("19-004", "two Notes share an /ID")


# ---------------------------------------------------------------- content

def content_marks(pdf, page, rep, where):
    """MCIDs used on page (a list), checking that every painting operator is
    tagged or an artifact and that the two never nest."""
    stack, mcids, naked = [], [], 0
    props = get(get(page.obj, "/Resources", Dictionary()), "/Properties", Dictionary())
    try:
        ops = pikepdf.parse_content_stream(page)
    except pikepdf.PdfError as e:
        rep.fail("content", "%s: content cannot be parsed: %s" % (where, e))
        return mcids
    for operands, op in ops:
        op = str(op)
        if op in ("BMC", "BDC"):
            tag = name_of(operands[0]) if operands else None
            plist = operands[1] if op == "BDC" and len(operands) > 1 else None
            if isinstance(plist, Name):
                plist = get(props, str(plist))
            mcid = get(plist, "/MCID") if isinstance(plist, Dictionary) else None
            if tag == "Artifact":
                if "T" in stack:
                    rep.fail("01-003", "%s: an artifact inside tagged content" % where)
                stack.append("A")
            elif mcid is not None:
                if "A" in stack:
                    rep.fail("01-004", "%s: tagged content (MCID %d) inside an artifact"
                             % (where, int(mcid)))
                if "T" in stack:
                    rep.fail("content", "%s: MCID %d nested in another" % (where, int(mcid)))
                stack.append("T")
                mcids.append(int(mcid))
            else:
                stack.append("O")
        elif op == "EMC":
            if not stack:
                rep.fail("content", "%s: EMC without BMC/BDC" % where)
            else:
                stack.pop()
        elif op in PAINTING and "A" not in stack and "T" not in stack:
            naked += 1
    if stack:
        rep.fail("content", "%s: %d marked-content sequences left open" % (where, len(stack)))
    if naked:
        rep.fail("01-005", "%s: %d drawing operations neither tagged nor artifacts" % (where, naked))
    return mcids


def check_tagging(pdf, rep):
    cat = pdf.Root
    mark = get(cat, "/MarkInfo")
    if mark is None or get(mark, "/Marked") is not True:
        rep.fail("ISO 14289-1 7.1", "the catalog has no /MarkInfo << /Marked true >>")
    if mark is not None and get(mark, "/Suspects") is True:
        rep.fail("01-007", "/MarkInfo /Suspects is true")
    lang = text_of(cat, "/Lang").strip()
    if not lang:
        rep.fail("11-001", "the catalog has no /Lang")
    prefs = get(cat, "/ViewerPreferences", Dictionary())
    dtt = get(prefs, "/DisplayDocTitle")
    if dtt is None:
        rep.fail("07-001", "ViewerPreferences has no DisplayDocTitle")
    elif dtt is not True:
        rep.fail("07-002", "DisplayDocTitle is false")

    top, order, parents = read_tree(pdf, rep)
    if top is None:
        return
    if not order or order[0].s != "Document" or len(top.kids) != 1:
        rep.fail("structure", "the tree does not start with one Document element")
    check_tree_shapes(order, rep)
    check_semantics(order, rep)

    # where every MCID of the tree points, by (page, mcid)
    owner = {}
    for e in order:
        for key in e.mcids:
            if key in owner:
                rep.fail("structure", "MCID %d of a page belongs to two elements" % key[1])
            owner[key] = e
    used = set()
    for no, page in enumerate(pdf.pages, 1):
        where = "page %d" % no
        if name_of(get(page.obj, "/Tabs")) != "S":
            rep.fail("28-008" if get(page.obj, "/Annots") else "ISO 14289-1 7.18.3",
                     "%s has no /Tabs /S" % where)
        mcids = content_marks(pdf, page, rep, where)
        if len(set(mcids)) != len(mcids):
            rep.fail("content", "%s uses an MCID twice" % where)
        sp = get(page.obj, "/StructParents")
        if mcids and sp is None:
            rep.fail("content", "%s has marked content but no /StructParents" % where)
            continue
        arr = parents.get(int(sp)) if sp is not None else None
        for m in mcids:
            key = (page.obj.objgen, m)
            used.add(key)
            target = arr[m] if isinstance(arr, Array) and m < len(arr) else None
            if key not in owner:
                rep.fail("content", "%s: MCID %d belongs to no structure element" % (where, m))
            elif target is None or not same(target, owner[key].obj):
                rep.fail("content", "%s: the ParentTree does not map MCID %d to its element"
                         % (where, m))
        for annot in get(page.obj, "/Annots", []):
            check_annotation(annot, parents, order, rep, where)
    for key, e in owner.items():
        if key not in used:
            rep.fail("structure", "a %s refers to MCID %d, which no page has" % (e.s, key[1]))


def check_annotation(annot, parents, order, rep, where):
    sub = name_of(get(annot, "/Subtype"))
    if sub in ("Popup",):
        return
    if sub == "Link":
        if not text_of(annot, "/Contents").strip():
            rep.fail("28-012", "%s: a link annotation has no /Contents" % where)
        sp = get(annot, "/StructParent")
        target = parents.get(int(sp)) if sp is not None else None
        if target is None or name_of(get(target, "/S")) != "Link":
            rep.fail("28-011", "%s: a link annotation is not nested in a Link element" % where)
        elif not any(any(same(o, annot) for o in e.objrs) for e in order
                     if same(e.obj, target)):
            rep.fail("28-011", "%s: the Link element has no OBJR to its annotation" % where)
    elif sub not in ("Widget", "PrinterMark") and not text_of(annot, "/Contents").strip():
        rep.fail("28-004", "%s: a %s annotation has no /Contents" % (where, sub))


# ---------------------------------------------------------------- fonts

def page_fonts(pdf):
    seen = {}
    for page in pdf.pages:
        res = get(page.obj, "/Resources", Dictionary())
        for _, font in get(res, "/Font", Dictionary()).items():
            seen[font.objgen if font.is_indirect else id(font)] = font
    return list(seen.values())


def check_fonts(pdf, rep, label_embed, label_unicode):
    for font in page_fonts(pdf):
        base = text_of(font, "/BaseFont")
        sub = name_of(get(font, "/Subtype"))
        if sub == "Type3":
            continue
        desc_font = font
        if sub == "Type0":
            kids = get(font, "/DescendantFonts", [])
            desc_font = kids[0] if len(kids) else Dictionary()
            if name_of(get(desc_font, "/Subtype")) == "CIDFontType2":
                m = get(desc_font, "/CIDToGIDMap")
                if m is None:
                    rep.fail("31-005", "font %s has no CIDToGIDMap" % base)
                elif not (isinstance(m, Stream) or name_of(m) == "Identity"):
                    rep.fail("31-004", "font %s has a bad CIDToGIDMap" % base)
        fd = get(desc_font, "/FontDescriptor", Dictionary())
        if not any(get(fd, k) is not None for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            rep.fail(label_embed, "font %s is not embedded" % base)
        if get(font, "/ToUnicode") is None:
            rep.fail(label_unicode, "font %s has no ToUnicode map" % base)


# ---------------------------------------------------------------- metadata

def xmp_tree(pdf, rep, label):
    meta = get(pdf.Root, "/Metadata")
    if meta is None:
        rep.fail(label, "the catalog has no XMP /Metadata stream")
        return None
    try:
        return ET.fromstring(meta.read_bytes())
    except (ET.ParseError, pikepdf.PdfError) as e:
        rep.fail(label, "the XMP metadata is not well-formed: %s" % e)
        return None


def xmp_value(tree, prefix, name):
    """The text of a simple property, or of the first rdf:li of an array."""
    uri = NS[prefix]
    for desc in tree.iter("{%s}Description" % NS["rdf"]):
        attr = desc.get("{%s}%s" % (uri, name))
        if attr is not None:
            return attr
        el = desc.find("{%s}%s" % (uri, name))
        if el is not None:
            li = el.find(".//{%s}li" % NS["rdf"])
            return (li.text if li is not None else el.text) or ""
    return None


def pdf_date(s):
    m = re.match(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?([Zz+\-])?(\d\d)?'?(\d\d)?", s)
    if not m:
        return None
    y, mo, d, h, mi, se = (int(m.group(i) or dflt) for i, dflt in
                           zip(range(1, 7), (0, 1, 1, 0, 0, 0)))
    sign = m.group(7)
    off = datetime.timedelta(hours=int(m.group(8) or 0), minutes=int(m.group(9) or 0))
    off = -off if sign == "-" else off
    return datetime.datetime(y, mo, d, h, mi, se, tzinfo=datetime.timezone(off))


def xmp_date(s):
    try:
        return datetime.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None


def check_metadata_ua(pdf, rep, claims_ua):
    tree = xmp_tree(pdf, rep, "06-001")
    if tree is None:
        return
    if not (xmp_value(tree, "dc", "title") or "").strip():
        rep.fail("06-003", "the XMP metadata has no dc:title")
    if claims_ua and xmp_value(tree, "pdfuaid", "part") != "1":
        rep.fail("06-002", "the XMP metadata has no pdfuaid:part 1")


INFO_XMP = [("/Title", "dc", "title"), ("/Author", "dc", "creator"),
            ("/Subject", "dc", "description"), ("/Keywords", "pdf", "Keywords"),
            ("/Creator", "xmp", "CreatorTool"), ("/Producer", "pdf", "Producer")]


def check_pdfa(pdf, raw, rep, part, claims_ua):
    clause = "ISO 19005-%d" % part
    head = raw[:64]
    if not re.match(rb"%PDF-1\.[0-7]\r?\n%[\x80-\xff]{4}", head):
        rep.fail(clause + " 6.1.2", "the header is not %PDF-1.n with a binary comment")
    ident = get(pdf.trailer, "/ID")
    if ident is None or len(ident) != 2:
        rep.fail(clause + " 6.1.3", "the trailer has no /ID")
    if get(pdf.trailer, "/Encrypt") is not None:
        rep.fail(clause + " 6.1.3", "the file is encrypted")
    for obj in pdf.objects:
        if isinstance(obj, Stream):
            f = get(obj, "/Filter")
            names = [name_of(x) for x in (f if isinstance(f, Array) else [f])] if f is not None else []
            if "LZWDecode" in names:
                rep.fail(clause + " 6.1.7.2", "a stream uses LZWDecode")
            if name_of(get(obj, "/Subtype")) == "Image":
                if get(obj, "/Interpolate") is True:
                    rep.fail(clause + " 6.2.8", "an image has /Interpolate true")
                if get(obj, "/Alternates") is not None or get(obj, "/OPI") is not None:
                    rep.fail(clause + " 6.2.8", "an image has /Alternates or /OPI")
                if name_of(get(obj, "/ColorSpace")) == "DeviceCMYK":
                    rep.fail(clause + " 6.2.4.3", "a CMYK image with an RGB output intent")

    # output intent: sRGB, three components, a real ICC profile
    intents = [oi for oi in get(pdf.Root, "/OutputIntents", [])
               if name_of(get(oi, "/S")) == "GTS_PDFA1"]
    if len(intents) != 1:
        rep.fail(clause + " 6.2.3", "%d GTS_PDFA1 output intents (one needed)" % len(intents))
    for oi in intents:
        prof = get(oi, "/DestOutputProfile")
        data = prof.read_bytes() if isinstance(prof, Stream) else b""
        if len(data) < 128 or data[36:40] != b"acsp":
            rep.fail(clause + " 6.2.3", "the output intent has no ICC profile")
        elif data[16:20] != b"RGB " or int(get(prof, "/N", 0)) != 3:
            rep.fail(clause + " 6.2.3", "the output intent's profile is not RGB with /N 3")

    # metadata: identification, and agreement with the Info dictionary
    tree = xmp_tree(pdf, rep, clause + " 6.6.2.1")
    if tree is not None:
        if xmp_value(tree, "pdfaid", "part") != str(part):
            rep.fail(clause + " 6.6.4", "XMP pdfaid:part is not %d" % part)
        if (xmp_value(tree, "pdfaid", "conformance") or "").upper() != "B":
            rep.fail(clause + " 6.6.4", "XMP pdfaid:conformance is not B")
        info = get(pdf.trailer, "/Info", Dictionary())
        for key, prefix, prop in INFO_XMP:
            a, b = get(info, key), xmp_value(tree, prefix, prop)
            if a is not None and str(a) != (b or ""):
                rep.fail(clause + " 6.6.3", "Info %s %r differs from XMP %s:%s %r"
                         % (key, str(a), prefix, prop, b))
            elif a is None and b:
                rep.fail(clause + " 6.6.3", "XMP %s:%s has no Info %s" % (prefix, prop, key))
        for key, prop in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
            a, b = get(info, key), xmp_value(tree, "xmp", prop)
            if a is not None and (b is None or pdf_date(str(a)) != xmp_date(b)):
                rep.fail(clause + " 6.6.3", "Info %s %s differs from XMP xmp:%s %s"
                         % (key, a, prop, b))
        if claims_ua:
            schemas = [el.text for el in tree.iter("{%s}namespaceURI" % NS["pdfaSchema"])]
            if NS["pdfuaid"] not in schemas:
                rep.fail(clause + " 6.6.2.3", "pdfuaid is used without an extension schema")

    # annotations printable, visible; no forbidden actions
    for no, page in enumerate(pdf.pages, 1):
        if get(page.obj, "/AA") is not None:
            rep.fail(clause + " 6.5.2", "page %d has additional actions" % no)
        for annot in get(page.obj, "/Annots", []):
            sub = name_of(get(annot, "/Subtype"))
            flags = int(get(annot, "/F", 0))
            if sub != "Popup" and (not flags & 4 or flags & (1 | 2 | 32)):
                rep.fail(clause + " 6.3.2", "page %d: a %s annotation is not printable "
                         "(or hidden): /F %d" % (no, sub, flags))
            action = get(annot, "/A")
            if action is not None and name_of(get(action, "/S")) in FORBIDDEN_ACTIONS:
                rep.fail(clause + " 6.5.1", "page %d: a %s action" % (no, name_of(get(action, "/S"))))
    if get(pdf.Root, "/AA") is not None:
        rep.fail(clause + " 6.5.2", "the catalog has additional actions")
    if get(get(pdf.Root, "/Names", Dictionary()), "/JavaScript") is not None:
        rep.fail(clause + " 6.5.1", "the document has JavaScript")
    check_fonts(pdf, rep, clause + " 6.2.11.4", clause + " 6.2.11.7")


def check_attachments(pdf, rep, part, expected):
    clause = "ISO 19005-%d 6.8" % part
    tree = get(get(pdf.Root, "/Names", Dictionary()), "/EmbeddedFiles")
    files = name_tree(tree)
    if part == 2:
        if files:
            rep.fail(clause, "PDF/A-2 embeds only PDF/A files; this one embeds %d files"
                     % len(files))
        return
    af = list(get(pdf.Root, "/AF", []))
    keys = [k for k, _ in files]
    if keys != sorted(keys):
        rep.fail("ISO 32000-1 7.9.6", "the EmbeddedFiles name tree is not sorted")
    names = []
    for key, spec in files:
        label = key.decode("utf-8", "replace")
        if get(spec, "/F") is None or get(spec, "/UF") is None:
            rep.fail("21-001", "embedded file %s lacks /F or /UF" % label)
        names.append(text_of(spec, "/UF"))
        if name_of(get(spec, "/AFRelationship")) not in ("Source", "Data", "Alternative",
                                                         "Supplement", "Unspecified"):
            rep.fail(clause, "embedded file %s has no /AFRelationship" % label)
        if not any(same(spec, x) for x in af):
            rep.fail(clause, "embedded file %s is not in the catalog's /AF" % label)
        ef = get(get(spec, "/EF", Dictionary()), "/F")
        if not isinstance(ef, Stream):
            rep.fail(clause, "embedded file %s has no /EF /F stream" % label)
            continue
        if "/" not in (name_of(get(ef, "/Subtype")) or ""):
            rep.fail(clause, "embedded file %s has no MIME type (/Subtype)" % label)
        params = get(ef, "/Params", Dictionary())
        if get(params, "/ModDate") is None or pdf_date(str(get(params, "/ModDate"))) is None:
            rep.fail(clause, "embedded file %s has no /Params /ModDate" % label)
        size = get(params, "/Size")
        if size is not None and int(size) != len(ef.read_bytes()):
            rep.fail(clause, "embedded file %s: /Size %d, but %d bytes"
                     % (label, int(size), len(ef.read_bytes())))
    for want in expected:
        if want not in names:
            rep.fail(clause, "%s is not attached (attached: %s)" % (want, ", ".join(names)))


# ---------------------------------------------------------------- driver

def check_file(path, standards, tags=True, attached=()):
    rep = Report(path)
    try:
        with open(path, "rb") as f:
            raw = f.read()
        pdf = pikepdf.open(io.BytesIO(raw))
    except (OSError, pikepdf.PdfError) as e:
        rep.fail("file", "cannot open: %s" % e)
        return rep
    ua = "ua-1" in standards
    if tags or ua:
        check_tagging(pdf, rep)
        check_metadata_ua(pdf, rep, ua)
        check_fonts(pdf, rep, "31-009", "10-001")
        tree = get(get(pdf.Root, "/Names", Dictionary()), "/EmbeddedFiles")
        for key, spec in name_tree(tree):
            if get(spec, "/F") is None or get(spec, "/UF") is None:
                rep.fail("21-001", "embedded file %s lacks /F or /UF" % key.decode("utf-8", "replace"))
    for part, std in ((2, "a-2b"), (3, "a-3b")):
        if std in standards:
            check_pdfa(pdf, raw, rep, part, ua)
            check_attachments(pdf, rep, part, attached)
    # a file that claims nothing says so in its XMP too
    tree = xmp_tree(pdf, Report(path), "-")
    if tree is not None:
        if not ua and xmp_value(tree, "pdfuaid", "part") is not None:
            rep.fail("identification", "pdfuaid:part is written without ua-1")
        if not ({"a-2b", "a-3b"} & set(standards)) and xmp_value(tree, "pdfaid", "part"):
            rep.fail("identification", "pdfaid:part is written without a-2b or a-3b")
    pdf.close()
    return rep


# ---------------------------------------------------------------- self-test

def first(order, s):
    return next((e for e in order if e.s == s), None)


def hide_trailer_id(raw):
    """qpdf always writes an /ID: rename it in the saved bytes (the trailer
    follows the xref table, so no offset moves)."""
    at = raw.rfind(b"/ID [")
    return raw[:at] + b"/XD [" + raw[at + 5:] if at >= 0 else raw


def breakages(standards, tags):
    """(name, expected checkpoint, function(pdf) -> bool applied) for the
    self-test; a function returns False when the file has nothing to break."""
    def drop(obj, key):
        if get(obj, key) is None:
            return False
        del obj[key]
        return True

    def tree_of(pdf):
        return read_tree(pdf, Report("-"))[1]

    def set_first(s, key, value):
        def f(pdf):
            e = first(tree_of(pdf), s)
            if e is None:
                return False
            e.obj[key] = value
            return True
        return f

    def drop_first(s, key):
        return lambda pdf: bool(first(tree_of(pdf), s)) and drop(first(tree_of(pdf), s).obj, key)

    def untag_first_mcid(pdf):
        for page in pdf.pages:
            ops = pikepdf.parse_content_stream(page)
            for i, (operands, op) in enumerate(ops):
                if str(op) == "BDC" and len(operands) > 1 and isinstance(operands[1], Dictionary) \
                        and get(operands[1], "/MCID") is not None:
                    depth = 0
                    for j in range(i + 1, len(ops)):
                        o = str(ops[j][1])
                        depth += o in ("BDC", "BMC")
                        if o == "EMC":
                            if depth == 0:
                                del ops[j]
                                del ops[i]
                                page.obj.Contents = pdf.make_stream(
                                    pikepdf.unparse_content_stream(ops))
                                return True
                            depth -= 1
        return False

    def artifact_in_tagged(pdf):
        for page in pdf.pages:
            ops = pikepdf.parse_content_stream(page)
            for i, (operands, op) in enumerate(ops):
                if str(op) == "BDC" and len(operands) > 1 and isinstance(operands[1], Dictionary) \
                        and get(operands[1], "/MCID") is not None:
                    ops.insert(i + 1, pikepdf.ContentStreamInstruction([Name.Artifact],
                                                                       pikepdf.Operator("BMC")))
                    ops.insert(i + 2, pikepdf.ContentStreamInstruction([], pikepdf.Operator("EMC")))
                    page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(ops))
                    return True
        return False

    def unmap_parent_tree(pdf):
        root = pdf.Root.StructTreeRoot
        nums = get(get(root, "/ParentTree", Dictionary()), "/Nums")
        if nums is None or len(nums) < 2:
            return False
        nums[1] = Array([]) if isinstance(nums[1], Array) else nums[1]
        return True

    def first_link_annot(pdf):
        for page in pdf.pages:
            for a in get(page.obj, "/Annots", []):
                if name_of(get(a, "/Subtype")) == "Link":
                    return a
        return None

    def drop_link_key(key):
        return lambda pdf: first_link_annot(pdf) is not None and drop(first_link_annot(pdf), key)

    def link_without_text(pdf):
        """The first Link with text keeps only its OBJRs (the text left in
        its parent, as quire wrote in-text links before)."""
        for e in tree_of(pdf):
            if e.s == "Link" and e.mcids and e.objrs:
                kids = get(e.obj, "/K")
                kids = kids if isinstance(kids, Array) else Array([kids])
                e.obj.K = Array([k for k in kids if isinstance(k, Dictionary)
                                 and name_of(get(k, "/Type")) == "OBJR"])
                return True
        return False

    def drop_tounicode(pdf):
        fonts = page_fonts(pdf)
        return bool(fonts) and drop(fonts[0], "/ToUnicode")

    def set_xmp(old, new):
        def f(pdf):
            data = pdf.Root.Metadata.read_bytes()
            if old not in data:
                return False
            pdf.Root.Metadata.write(data.replace(old, new, 1))
            return True
        return f

    def first_heading_to_h3(pdf):
        e = next((e for e in tree_of(pdf) if e.s == "H1"), None)
        if e is None:
            return False
        e.obj.S = Name.H3
        return True

    cases = [] if not tags else [
        ("no /Lang", "11-001", lambda pdf: drop(pdf.Root, "/Lang")),
        ("DisplayDocTitle false", "07-002",
         lambda pdf: pdf.Root.ViewerPreferences.__setitem__("/DisplayDocTitle", False) or True),
        ("no MarkInfo", "ISO 14289-1 7.1", lambda pdf: drop(pdf.Root, "/MarkInfo")),
        ("Figure without /Alt", "13-004", drop_first("Figure", "/Alt")),
        ("TH without /Scope", "15-003", drop_first("TH", "/A")),
        ("first heading H3", "14-002", first_heading_to_h3),
        ("unknown structure type", "02-001", set_first("P", "/S", Name("/Para"))),
        ("standard type role-mapped", "02-004",
         lambda pdf: pdf.Root.StructTreeRoot.__setitem__(
             "/RoleMap", Dictionary({"/P": Name.Span})) or True),
        ("untagged content", "01-005", untag_first_mcid),
        ("artifact inside tagged content", "01-003", artifact_in_tagged),
        ("MCID not in the ParentTree", "content", unmap_parent_tree),
        ("page without /Tabs", "ISO 14289-1 7.18.3", lambda pdf: any(
            drop(pg.obj, "/Tabs") for pg in pdf.pages if get(pg.obj, "/Annots") is None)),
        ("page with links without /Tabs", "28-008", lambda pdf: any(
            drop(pg.obj, "/Tabs") for pg in pdf.pages if get(pg.obj, "/Annots") is not None)),
        ("link without /Contents", "28-012", drop_link_key("/Contents")),
        ("link outside a Link element", "28-011", drop_link_key("/StructParent")),
        ("link text outside its Link", "ISO 14289-1 7.18.5", link_without_text),
        ("font without ToUnicode", "10-001", drop_tounicode),
        ("no dc:title", "06-003", set_xmp(b"<dc:title>", b"<dc:titel>")),
        ("Note without /ID", "19-003", drop_first("Note", "/ID")),
        ("empty Table", "09-004", set_first("Table", "/K", Array([]))),
        ("LI outside a list", "09-005", set_first("L", "/S", Name.Div)),
    ]
    if "ua-1" in standards:
        cases.append(("no pdfuaid", "06-002", set_xmp(b"pdfuaid:part>1<", b"pdfuaid:part>2<")))
    for part, std in ((2, "a-2b"), (3, "a-3b")):
        if std not in standards:
            continue
        c = "ISO 19005-%d " % part
        cases += [
            ("no trailer /ID", c + "6.1.3", lambda pdf: hide_trailer_id),
            ("no output intent", c + "6.2.3", lambda pdf: drop(pdf.Root, "/OutputIntents")),
            ("Info title differs from XMP", c + "6.6.3",
             lambda pdf: pdf.trailer.Info.__setitem__("/Title", String("Another title")) or True),
            ("wrong pdfaid:part", c + "6.6.4",
             set_xmp(("pdfaid:part>%d<" % part).encode(), b"pdfaid:part>1<")),
            ("link not printable", c + "6.3.2", drop_link_key("/F")),
            ("no metadata", c + "6.6.2.1", lambda pdf: drop(pdf.Root, "/Metadata")),
        ]
        if part == 3:
            def drop_spec_key(key):
                def f(pdf):
                    files = name_tree(get(get(pdf.Root, "/Names", Dictionary()), "/EmbeddedFiles"))
                    return bool(files) and drop(files[0][1], key)
                return f
            cases += [
                ("attachment without /AFRelationship", c + "6.8",
                 drop_spec_key("/AFRelationship")),
                ("attachment without /UF", "21-001", drop_spec_key("/UF")),
                ("no /AF", c + "6.8", lambda pdf: drop(pdf.Root, "/AF")),
            ]
    return cases


def self_test(good, standards, tags, attached, strict):
    rep = check_file(good, standards, tags, attached)
    problems = []
    if rep.failures:
        problems.append("the good file fails: %s" % rep.failures)
    with tempfile.TemporaryDirectory() as tmp:
        for i, (what, label, breaker) in enumerate(breakages(standards, tags)):
            out = os.path.join(tmp, "broken-%d.pdf" % i)
            with pikepdf.open(good) as pdf:
                done = breaker(pdf)
                if not done:
                    if strict:
                        problems.append("%s: nothing to break in %s" % (what, good))
                    else:
                        print("self-test: %s: nothing to break, skipped" % what)
                    continue
                pdf.save(out, static_id=True)
            if callable(done):
                with open(out, "rb") as f:
                    raw = done(f.read())
                with open(out, "wb") as f:
                    f.write(raw)
            got = check_file(out, standards, tags, attached)
            if label not in got.labels():
                problems.append("%s: expected [%s], got %s" % (what, label, got.failures))
            else:
                print("self-test: %s: rejected [%s]" % (what, label))
    for p in problems:
        print("FAIL: self-test: " + p, file=sys.stderr)
    return 1 if problems else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("files", nargs="*")
    ap.add_argument("--standard", default="")
    ap.add_argument("--attached", action="append", default=[])
    ap.add_argument("--no-tags", action="store_true")
    ap.add_argument("--self-test", metavar="GOOD")
    ap.add_argument("--strict", action="store_true",
                    help="self-test: every breakage must find something to break")
    a = ap.parse_args()
    standards = [s for s in a.standard.split(",") if s]
    for s in standards:
        if s not in ("ua-1", "a-2b", "a-3b"):
            ap.error("unknown standard %s" % s)
    if a.self_test:
        return self_test(a.self_test, standards, not a.no_tags, a.attached, a.strict)
    if not a.files:
        ap.error("no file to check")
    bad = 0
    for path in a.files:
        rep = check_file(path, standards, not a.no_tags, a.attached)
        for c, m in rep.failures:
            print("%s: [%s] %s" % (path, c, m), file=sys.stderr)
        bad |= bool(rep.failures)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
