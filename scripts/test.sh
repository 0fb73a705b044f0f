#!/usr/bin/env bash
# Runs every test project against the published binary and ends with one line:
# "tests: N passed, N failed, N skipped" (summed from the TRX results).
set -uo pipefail
cd "$(dirname "$0")/.."
results=out/test-results
rm -rf "$results"
export OPSKIT_BIN="$PWD/out/bin/opskit"
# The optional cross-check lane (reference scripts kept outside the repository) runs when they are there.
if [ -z "${OPSKIT_SHARED:-}" ] && [ -d ../shared ]; then export OPSKIT_SHARED="$(cd .. && pwd)/shared"; fi
dotnet test OpsKit.sln -c "${CONFIGURATION:-Release}" --no-build -nologo \
    --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" \
    --blame-hang-timeout 15m "$@"
status=$?
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
    [ -e "$trx" ] || continue
    line=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
    get() { echo "$line" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
    passed=$((passed + $(get passed)))
    failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
    # Skipped tests appear only as total minus executed (notExecuted stays 0 in these TRX files).
    skipped=$((skipped + $(get total) - $(get executed)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
# Every skipped test with its reason, one line each (from the same TRX files).
python3 - "$results" <<'PY' || true
import glob, re, sys, xml.etree.ElementTree as ET
ns = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"
for trx in sorted(glob.glob(sys.argv[1] + "/*.trx")):
    for r in ET.parse(trx).getroot().iter(ns + "UnitTestResult"):
        if r.get("outcome") != "NotExecuted":
            continue
        why = " ".join(t.text.strip() for t in r.iter() if t.tag in (ns + "Message", ns + "StdOut") and t.text)
        why = re.sub(r"\s+", " ", why) or "no reason given"
        print(f"skipped: {r.get('testName')}: {why}")
PY
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
