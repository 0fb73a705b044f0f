#!/usr/bin/env bash
# Runs every test project against the published binary and ends with one line:
# "tests: N passed, N failed, N skipped" (summed from the TRX results).
set -uo pipefail
cd "$(dirname "$0")/.."
results=out/test-results
rm -rf "$results"
export OPSKIT_BIN="$PWD/out/bin/opskit"
export OPSKIT_SHARED="${OPSKIT_SHARED:-$(cd .. && pwd)/shared}"
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
    skipped=$((skipped + $(get notExecuted)))
done
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] && [ "$status" -eq 0 ]
