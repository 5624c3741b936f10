#!/usr/bin/env python3
"""Picks a corpus under a byte budget, keeping the most coverage per byte.

`cargo fuzz cmin` keeps every input with a feature no smaller one has, which for
docx_reader leaves ~90 MB (each input carries a whole document). This reads the control
file of a set-cover merge and picks greedily by new edges (plus new features / 50) per byte:

  T=target/nosan/x86_64-unknown-linux-gnu/release/docx_reader
  mkdir -p /tmp/m && $T -set_cover_merge=1 -merge_control_file=/tmp/ctrl /tmp/m BIG_CORPUS
  python3 corpus-budget.py /tmp/ctrl 4500000 NEW_CORPUS_DIR ['\.docx$|^(toml|json)-']

(run from the directory the merge was run in: the control file holds relative paths).
"""
import sys, os, re, shutil
ctrl, budget, dst = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# Optional 4th argument: a regex of file names always kept (e.g. the named seeds).
keep = re.compile(sys.argv[4]) if len(sys.argv) > 4 else None
lines = open(ctrl).read().split('\n')
n = int(lines[0]); files = lines[2:2+n]
ft = {}; cov = {}
for l in lines[2+n:]:
    p = l.split()
    if not p: continue
    if p[0] == 'FT': ft[int(p[1])] = set(map(int, p[2:]))
    elif p[0] == 'COV': cov[int(p[1])] = set(map(int, p[2:]))
size = {i: os.path.getsize(files[i]) for i in range(n) if i in ft}
allcov = set().union(*cov.values()); allft = set().union(*ft.values())
W = 0.02  # a new edge is worth 50 new features
gotc, gotf, used, chosen = set(), set(), 0, []
for i in size:
    if keep and keep.search(os.path.basename(files[i])):
        chosen.append(i); used += size[i]; gotc |= cov.get(i, set()); gotf |= ft[i]
while True:
    best, bi = 0, None
    for i in size:
        if i in chosen or used + size[i] > budget: continue
        g = len(cov.get(i, set()) - gotc) + W * len(ft[i] - gotf)
        if g <= 0: continue
        r = g / (size[i] + 2000)
        if r > best: best, bi = r, i
    if bi is None: break
    chosen.append(bi); used += size[bi]; gotc |= cov.get(bi, set()); gotf |= ft[bi]
os.makedirs(dst, exist_ok=True)
for i in chosen: shutil.copy(files[i], dst)
print(f"picked {len(chosen)} files, {used} bytes; edges {len(gotc)}/{len(allcov)}, features {len(gotf)}/{len(allft)}")
