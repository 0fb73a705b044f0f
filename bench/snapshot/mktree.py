#!/usr/bin/env python3
"""Builds the snapshot bench tree: DIRS x DIRS
folders of FILES_PER_DIR small files (512..16384 bytes, seed 42) plus 4 large
random files, ~1 GiB and 20,000 files by default.

usage: mktree.py DEST [TOTAL_MB] [FILES]
"""
import os
import random
import sys

dest = sys.argv[1]
total_mb = float(sys.argv[2]) if len(sys.argv) > 2 else 1024
files = int(sys.argv[3]) if len(sys.argv) > 3 else 20000
rng = random.Random(42)
per_dir = 50
dirs = max(1, files // per_dir)
side = max(1, int(round(dirs ** 0.5)))
small_bytes = 0
n = 0
for a in range(side):
    for b in range(max(1, dirs // side)):
        d = os.path.join(dest, f"d{a:02d}", f"e{b:02d}")
        os.makedirs(d, exist_ok=True)
        for f in range(per_dir):
            size = rng.randint(512, 16384)
            with open(os.path.join(d, f"f{f:03d}.dat"), "wb") as out:
                out.write(rng.randbytes(size))
            small_bytes += size
            n += 1
big_each = max(0, int((total_mb * 1024 * 1024 - small_bytes) / 4))
os.makedirs(os.path.join(dest, "big"), exist_ok=True)
for i in range(4):
    with open(os.path.join(dest, "big", f"big{i}.bin"), "wb") as out:
        left = big_each
        while left > 0:
            chunk = min(left, 8 << 20)
            out.write(os.urandom(chunk))
            left -= chunk
print(f"{n + 4} files, {(small_bytes + 4 * big_each) / 1048576:.0f} MiB in {dest}")
