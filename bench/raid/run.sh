#!/usr/bin/env bash
# Cost of one RAID check from a capture: `opskit raid check --replay` on a small (mdstat)
# and a large (storcli text, three controllers, 35 KB) case, against the old raid_check
# script's way (grep over the same file) as the anchor, and `opskit --version` (bare start-up).
# Prints medians and ratios to the anchor measured in the same run.
set -euo pipefail
: "${OPSKIT:?set OPSKIT to the opskit binary}"
raid="$(cd "$(dirname "$0")/../.." && pwd)/tests/data/raid"
md="$raid/mdstat/degraded-plus-recovering"
big="$raid/storcli/text-three-controllers-ok"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
runs=${RUNS:-30}
hyperfine -N --warmup 3 --runs "$runs" --ignore-failure --export-json "$out/h.json" \
    "grep -c _ $md/mdstat.txt" \
    "$OPSKIT --version" \
    "$OPSKIT --no-config raid check --replay $md" \
    "$OPSKIT --no-config raid check --replay $big" >/dev/null
python3 - "$out/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
names = ["anchor: grep over mdstat.txt (origin script style)", "opskit --version (start-up only)",
         "opskit raid check --replay mdstat (small)", "opskit raid check --replay storcli text (35 KB, 3 ctrl)"]
base = r[0]["median"]
for name, x in zip(names, r):
    print(f'{name:<58} median {x["median"]*1000:7.1f} ms   ratio {x["median"]/base:6.1f}x')
PY
