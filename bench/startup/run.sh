#!/usr/bin/env bash
# Cold start of `opskit --version` against a ReadyToRun hello-world on the same runtime.
set -euo pipefail
cd "$(dirname "$0")"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet publish Hello/Hello.csproj -c Release -o "$out/hello" -nologo -clp:ErrorsOnly >/dev/null
runs=${RUNS:-30}
if command -v hyperfine >/dev/null; then
    hyperfine -N --warmup 3 --runs "$runs" --export-json "$out/h.json" \
        "$out/hello/Hello" "$OPSKIT --version" "$OPSKIT --no-config config check" >/dev/null
    python3 - "$out/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))["results"]
base = r[0]["median"]
for x in r:
    print(f'{x["command"]:<45} median {x["median"]*1000:7.1f} ms   ratio {x["median"]/base:5.2f}x')
PY
else
    t() { local s e; s=$(date +%s%N); for _ in $(seq "$runs"); do "$@" >/dev/null; done; e=$(date +%s%N); echo $(( (e - s) / runs / 1000 )); }
    h=$(t "$out/hello/Hello"); o=$(t "$OPSKIT" --version)
    echo "hello ${h}us  opskit --version ${o}us  ratio $(awk "BEGIN{printf \"%.2f\", $o/$h}")"
fi
