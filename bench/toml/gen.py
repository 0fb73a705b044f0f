#!/usr/bin/env python3
"""Generates a large deterministic TOML file for the config-reader benchmark: gen.py OUT [MEGABYTES]."""
import random
import sys

out = sys.argv[1]
target = int(float(sys.argv[2] if len(sys.argv) > 2 else 20) * 1024 * 1024)
rnd = random.Random(42)
words = ["alpha", "beta", "gamma", "delta", "disk", "raid", "snapshot", "ssh", "guard", "node", "eu-west", "µservice"]

with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write('# OpsKit TOML benchmark input (generated)\ntitle = "bench"\nversion = 3\n\n')
    size, i = 0, 0
    while size < target:
        i += 1
        w = rnd.sample(words, 3)
        rec = (
            f'[[service]]\n'
            f'name = "svc-{i:06d}"\n'
            f'description = "{w[0]} \\"{w[1]}\\" path C:\\\\ops\\\\{w[2]}\\t\\u00e9 caf\\u00E9 #{i}"\n'
            f"literal = '{w[2]}\\raw\\{i}'\n"
            f'port = {rnd.randint(1, 65535)}\n'
            f'mask = 0x{rnd.getrandbits(32):08x}\n'
            f'mode = 0o{rnd.randint(0, 0o777):o}\n'
            f'big = {rnd.randint(-2**62, 2**62):_}\n'
            f'weight = {rnd.random():.6f}\n'
            f'ratio = {rnd.uniform(-1e6, 1e6):.3e}\n'
            f'enabled = {"true" if i % 3 else "false"}\n'
            f'created = 20{rnd.randint(10, 29)}-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}T{rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:{rnd.randint(0, 59):02d}.{rnd.randint(0, 999999):06d}+02:00\n'
            f'day = 2024-{rnd.randint(1, 12):02d}-{rnd.randint(1, 28):02d}\n'
            f'at = {rnd.randint(0, 23):02d}:{rnd.randint(0, 59):02d}:00\n'
            f'tags = ["{w[0]}", "{w[1]}", "{w[2]}"]\n'
            f'ports = [ {rnd.randint(1, 9999)}, {rnd.randint(1, 9999)},\n  {rnd.randint(1, 9999)}, # trailing comment\n]\n'
            f'limits = {{ cpu = {rnd.random() * 8:.2f}, mem = {rnd.randint(1, 64) * 1024}, io.read = {rnd.randint(1, 500)}, io.write = {rnd.randint(1, 500)} }}\n'
            f'notes = """\n  {w[0]} line one\n  line two with \\"quotes\\" \\\n    continued"""\n'
            f'[service.env]\nPATH = "/usr/local/bin:/usr/bin"\nLANG = \'C.UTF-8\'\n'
            f'[[service.check]]\nkind = "http"\ninterval = {rnd.randint(1, 60)}.5\n'
            f'[[service.check]]\nkind = "tcp"\ninterval = inf\n\n'
        )
        f.write(rec)
        size += len(rec.encode("utf-8"))
