#!/usr/bin/python3
"""profile_steps.py PERF_SCRIPT_OUTPUT — shares of a whole-process profile
by step (bench/pdf/README.md). Input: `perf script -F pid,ip,sym,dso` of
`perf record -F 4000 --call-graph dwarf,16384 -- quire render ...` (the
parent and the export child it forks). A sample goes to the first step
below whose function is anywhere on its stack; "other" is what is left
(mostly kernel samples and stacks the unwinder lost)."""
import re,collections,sys
samples=[];cur=None
for line in open(sys.argv[1]):
    if not line.strip():
        if cur: samples.append(cur)
        cur=None; continue
    if re.match(r'^\s*\d+\s*$', line): cur=[line.split()[0],[]]; continue
    p=line.strip().split(None,1)
    if len(p)<2: continue
    m=re.match(r'(.*?) \((.*)\)$',p[1]); sym=(m.group(1) if m else p[1]).split('+')[0]
    if cur is not None: cur[1].append(sym)
samples.append(cur) if cur else None
# outermost matching step wins (first rule in order that appears anywhere)
cats=[
('parent: output check (verify.c: libxml2 dlopen, XMP)',r'^verify_'),
('child: deflate (libharu, every stream)',r'^(deflate|deflateInit_|deflateEnd|deflateReset|HPDF_Stream_WriteToStreamWithDeflate)$'),
('child: hb-subset',r'^(hb_subset_plan_create_or_fail|hb_subset_plan_execute_or_fail|font_subset_make)$'),
('child: shaping (hb_shape)',r'^hb_shape_full$'),
('child: line breaking / measuring',r'^(linebreak|text_rich_width|text_face_width)$'),
('child: drawing (text, tables, charts ops)',r'^(page_pass|blocks_draw)$'),
('child: libharu UTF-8 encoder set-up',r'^HPDF_SetCurrentEncoder$'),
('child: save, file ID',r'^(fileid_save|HPDF_SaveToFile)$'),
('child: rest of the export',r'^export_one$'),
('fork, export child set-up',r'^(spawn|__libc_fork|_Fork)$'),
('parent: plugin dlopen',r'^open_plugin$'),
('parent: dlclose at exit',r'^(__dlclose|registry_free)$'),
('parent: FcFini at exit',r'^FcFini$'),
('parent: fontconfig init (XML config)',r'^(FcInit|FcInitLoadConfigAndFonts|FcConfigParseAndLoad|XML_ParseBuffer|FcConfigBuildFonts)$'),
('parent: font match',r'^fonts_find$'),
('parent: face open',r'^font_face_open$'),
('parent: PNG check decode',r'^png_decode$'),
('parent: dataset + template load',r'^(load_datasets|bind_templates)$'),
('parent: check (rest)',r'^(plan_check|pdf_check)$'),
('exec + ld.so start-up',r'^(_dl_start|_dl_start_user|__x64_sys_execve|_dl_init|dl_main)$'),
('exit',r'^(exit|__run_exit_handlers|_dl_fini|do_exit)$'),
]
tot=0; c=collections.Counter()
for pid,st in samples:
    if st and st[-1] in ('__libc_start_call_main',) and False: pass
    k='other'
    for n,p in cats:
        if any(re.search(p,s) for s in st): k=n; break
    c[k]+=1; tot+=1
for k,v in c.most_common(): print('%5.1f %%  %s'%(100*v/tot,k))
print('samples',tot)
