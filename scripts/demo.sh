#!/usr/bin/env bash
# The tour: runs demo/NN-*.sh in order, each in its own temp directory, with
# the built binary as $OPSKIT and no host config (built-in defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
export OPSKIT="$PWD/out/bin/opskit"
export REPO="$PWD"
unset OPSKIT_CONFIG
top=$(mktemp -d /tmp/opskit-demo.XXXXXX)
trap 'rm -rf "$top"' EXIT
for step in demo/[0-9]*.sh; do
    name=$(basename "$step" .sh)
    export DEMO_DIR="$top/$name"
    mkdir -p "$DEMO_DIR"
    printf '\n\033[1m===== %s =====\033[0m\n' "${name#*-}"
    ( cd "$DEMO_DIR" && bash "$REPO/$step" )
done
printf '\ndemo: all steps finished\n'
