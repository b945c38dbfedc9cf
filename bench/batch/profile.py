#!/usr/bin/python3
"""profile.py PERF_SCRIPT_TXT [MS_PER_SAMPLE_PER_BRIEF]: a whole-process-tree profile by phase
(bench/batch/profile.sh writes the input).
Reads `perf script -F pid,ip,sym,dso` output; the first pid is the parent."""
import sys, collections
phases = [  # (name, any of these frames in the stack), first match from the root's side wins order below
    ("parent: load+check datasets (prepare, plan_check)", ("prepare_window", "check_window", "plan_check")),
    ("parent: verify outputs", ("verify_output",)),
    ("parent: commit/hash/manifest", ("output_commit", "manifest_hash_file", "output_set_free", "output_set_init", "output_add")),
    ("fork (both sides)", ("copy_process", "_Fork", "__libc_fork", "kernel_clone")),
    ("child: exit (unmap)", ("do_exit", "exit_mmap", "do_group_exit")),
    ("child: fonts_load (libharu doc+encoders)", ("fonts_load",)),
    ("child: font subset (hb-subset)", ("font_subset_make", "hb_subset_or_fail")),
    ("child: embed_finish other", ("embed_finish",)),
    ("child: HPDF_SaveToFile (zlib etc)", ("HPDF_SaveToFile", "HPDF_SaveToStream")),
    ("child: HPDF_New", ("HPDF_New", "HPDF_NewEx")),
    ("child: layout+draw", ("pdf_export",)),
    ("child: other export_child", ("export_child_run",)),
]
leafcats = [("page fault", ("exc_page_fault",)), ("kernel other", ("[kernel",)),
            ("zlib", ("libz.so",)), ("malloc/free", ("malloc", "_int_free", "cfree", "calloc", "realloc", "malloc_consolidate", "unlink_chunk")),
            ("libharu", ("libhpdf",)), ("harfbuzz", ("libharfbuzz",)), ("other user", ("",))]
parent = None
tot = 0
ph = collections.Counter(); lc = collections.Counter(); roles = collections.Counter()
phk = collections.defaultdict(collections.Counter)
def flush(pid, frames):
    global tot
    if pid is None: return
    tot += 1
    role = "parent" if pid == parent else "child"
    roles[role] += 1
    name = None
    for n, keys in phases:
        if any(any(f[0].startswith(k) or f[0] == k for k in keys) for f in frames):
            name = n; break
    if name is None:
        name = role + ": other"
    if name.startswith("child") and role == "parent": name = "parent: " + name
    ph[name] += 1
    leaf = frames[0] if frames else ("?", "?")
    for n, keys in leafcats:
        if n == "page fault":
            if any(f[0] == "exc_page_fault" for f in frames): c = n; break
            continue
        if n == "malloc/free":
            if any(f[0] in keys or f[0].startswith("_int_malloc") or f[0].startswith("__GI___libc_malloc") or f[0].startswith("tcache") for f in frames[:4]) and "[kernel" not in leaf[1]: c = n; break
            continue
        if any(k in leaf[1] for k in keys): c = n; break
    lc[c] += 1
    phk[name][c] += 1
pid = None; frames = []
for line in open(sys.argv[1]):
    if not line.strip():
        flush(pid, frames); pid = None; frames = []; continue
    if not line.startswith("\t"):
        flush(pid, frames)
        pid = int(line.split()[0]); frames = []
        if parent is None: parent = pid
        continue
    parts = line.strip().split(None, 1)
    if len(parts) < 2: continue
    rest = parts[1]
    sym, _, dso = rest.rpartition(" (")
    frames.append((sym.strip(), dso))
flush(pid, frames)
scale = float(sys.argv[2]) if len(sys.argv) > 2 else 0
print(f"samples {tot}: parent {100*roles['parent']/tot:.1f}%, children {100*roles['child']/tot:.1f}%")
print("\nby phase (share of the whole tree's CPU):")
for n, v in ph.most_common():
    sub = ", ".join(f"{k} {100*c/v:.0f}%" for k, c in phk[n].most_common(4))
    ms = f"{v * scale:5.2f} ms/brief " if scale else ""
    print(f"  {ms}{100*v/tot:5.1f}%  {n}   [{sub}]")
print("\nby where the time is spent:")
for n, v in lc.most_common():
    ms = f"{v * scale:5.2f} ms/brief " if scale else ""
    print(f"  {ms}{100*v/tot:5.1f}%  {n}")
