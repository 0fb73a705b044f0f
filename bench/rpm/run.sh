#!/usr/bin/env bash
# Speed of opskit rpm against the anchors measured in the same run:
#  1. inspection: 'opskit rpm spec BIG.tar.gz' (unpack, detect, read metadata,
#     fingerprint licenses, write the spec) vs 'tar -xzf' of the same tarball;
#  2. build: 'opskit rpm build --no-lint' vs the bare 'rpmbuild -ba' it wraps
#     (same spec, same tree, same compat macros), i.e. the wrapper's overhead.
# Usage: bench/rpm/run.sh [FILES_IN_BIG_TREE] [RUNS]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
opskit="${OPSKIT:-$repo/out/bin/opskit}"
files="${1:-3000}"; runs="${2:-5}"
work=$(mktemp -d /tmp/opskit-rpm-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export HOME="$work/home"; mkdir -p "$HOME"
cd "$work"

# A large autotools-shaped tree: FILES C sources with license headers, docs, a configure.ac.
mkdir -p big-1.0/src
cp "$repo/tests/OpsKit.Rpm.Tests/Fixtures/samples/greet-autotools/"{configure.ac,Makefile.am,COPYING,README} big-1.0/
sed -i 's/greet/big/g; s/2\.1/1.0/' big-1.0/configure.ac
for i in $(seq 1 "$files"); do
    printf '/* big: file %d. Copyright 2026. See COPYING. */\n#include <stdio.h>\nint f%d(void) { return %d; }\n' "$i" "$i" "$i" > "big-1.0/src/f$i.c"
    head -c 4096 /dev/urandom | base64 >> "big-1.0/src/f$i.c.txt"
done
tar -czf big-1.0.tar.gz big-1.0
echo "input: big-1.0.tar.gz ($(du -h big-1.0.tar.gz | cut -f1), $((files * 2)) files)"

hyperfine --style basic --runs "$runs" --warmup 1 --export-json inspect.json \
    -n 'tar -xzf (anchor)' "rm -rf x && mkdir x && tar -xzf big-1.0.tar.gz -C x" \
    -n 'opskit rpm spec' "$opskit --no-config rpm spec big-1.0.tar.gz --packager 'B <b@example.org>' -o big.spec --force" >/dev/null

# Build: the plain-Makefile sample, probed once, then built repeatedly.
cp -r "$repo/tests/OpsKit.Rpm.Tests/Fixtures/samples/hello-make" hello-1.0
tar -czf hello-1.0.tar.gz hello-1.0
"$opskit" --no-config rpm spec hello-1.0.tar.gz --probe --packager 'B <b@example.org>' -o hello.spec --force >/dev/null
"$opskit" --no-config rpm build hello.spec --topdir "$work/top" --no-lint >/dev/null
cp "$repo/src/OpsKit.Rpm/Macros/opskit-compat.macros" compat.macros
hyperfine --style basic --runs "$runs" --warmup 1 --export-json build.json \
    -n 'rpmbuild -ba (anchor)' "rpmbuild --define '_topdir $work/top' --nodeps --load=compat.macros -ba hello.spec" \
    -n 'opskit rpm build' "$opskit --no-config rpm build hello.spec --topdir $work/top --no-lint" >/dev/null

python3 - <<'PY'
import json
for name, file in (("inspection", "inspect.json"), ("build", "build.json")):
    r = json.load(open(file))["results"]
    anchor, ours = r[0], r[1]
    print(f"{name}: {anchor['command']}: mean {anchor['mean']*1000:.0f} ms (min {anchor['min']*1000:.0f})")
    print(f"{name}: {ours['command']}: mean {ours['mean']*1000:.0f} ms (min {ours['min']*1000:.0f})")
    print(f"{name}: ratio opskit/anchor (mean): {ours['mean']/anchor['mean']:.2f}  (min): {ours['min']/anchor['min']:.2f}")
PY
