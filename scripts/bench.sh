#!/usr/bin/env bash
# Runs bench/*/run.sh; each prints its own figures and ratios against its anchor.
set -euo pipefail
cd "$(dirname "$0")/.."
export OPSKIT="$PWD/out/bin/opskit"
export REPO="$PWD"
export OPSKIT_SHARED="${OPSKIT_SHARED:-$(cd .. && pwd)/shared}"
only="${BENCH:-}"
for run in bench/*/run.sh; do
    area=$(basename "$(dirname "$run")")
    if [ -n "$only" ] && [ "$only" != "$area" ]; then continue; fi
    printf '\n===== bench: %s =====\n' "$area"
    bash "$run"
done
