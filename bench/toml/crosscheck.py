#!/usr/bin/env python3
"""Checks that the config reader's tagged JSON (stdin) equals what python3 tomllib reads from FILE: crosscheck.py FILE < ours.json."""
import datetime
import json
import math
import sys
import tomllib


def same(ours, ref, path):
    if isinstance(ref, dict):
        assert isinstance(ours, dict) and ours.keys() == ref.keys(), path
        for k in ref:
            same(ours[k], ref[k], f"{path}.{k}")
        return
    if isinstance(ref, list):
        assert isinstance(ours, list) and len(ours) == len(ref), path
        for i, (a, b) in enumerate(zip(ours, ref)):
            same(a, b, f"{path}[{i}]")
        return
    t, v = ours["type"], ours["value"]
    if isinstance(ref, bool):
        ok = t == "bool" and v == str(ref).lower()
    elif isinstance(ref, int):
        ok = t == "integer" and int(v) == ref
    elif isinstance(ref, float):
        f = float(v)
        ok = t == "float" and (f == ref or (math.isnan(f) and math.isnan(ref)))
    elif isinstance(ref, str):
        ok = t == "string" and v == ref
    elif isinstance(ref, datetime.datetime):
        ok = t == ("datetime" if ref.tzinfo else "datetime-local") and datetime.datetime.fromisoformat(v) == ref
    elif isinstance(ref, datetime.date):
        ok = t == "date-local" and datetime.date.fromisoformat(v) == ref
    else:
        ok = t == "time-local" and datetime.time.fromisoformat(v) == ref
    assert ok, f"{path}: ours {ours!r}, tomllib {ref!r}"


ref = tomllib.load(open(sys.argv[1], "rb"))
same(json.load(sys.stdin), ref, "$")
print("cross-check OK")
