#!/usr/bin/env python3
"""Times Python's built-in tomllib on a file: tomllib_bench.py FILE N -> prints mean ms per parse (bytes decoded each run)."""
import sys
import time
import tomllib

path, n = sys.argv[1], int(sys.argv[2])
data = open(path, "rb").read()
tomllib.loads(data.decode("utf-8"))  # warm-up
times = []
for _ in range(n):
    t0 = time.perf_counter()
    doc = tomllib.loads(data.decode("utf-8"))
    times.append((time.perf_counter() - t0) * 1000)
print(f"{min(times):.1f} {sum(times) / len(times):.1f} {len(doc['service'])}")
