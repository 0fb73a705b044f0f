#!/usr/bin/env bash
# Regenerates packaging/opskit.spec the way a user would package OpsKit:
# 'make tarball' makes the source tarball from the committed tree, then
# 'opskit rpm spec --probe' inspects it, runs a trial build and install
# (dotnet inside rpmbuild: minutes, and the .NET SDK must be installed) and
# writes the spec. SOURCE_DATE_EPOCH (the commit time) pins the changelog
# date, so regenerating the same commit on another day gives the same file.
# Usage: packaging/opskit-spec.sh [OPSKIT_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
opskit="${1:-out/bin/opskit}"
tarball=$(make -s tarball)
SOURCE_DATE_EPOCH=$(git log -1 --format=%ct HEAD) "$opskit" --no-config rpm spec "$tarball" --probe --no-check \
    --license MIT \
    --summary "Ops toolbox for storage and backup servers" \
    --packager "OpsKit maintainers <opskit@example.org>" \
    -o packaging/opskit.spec --force
echo "packaging/opskit.spec regenerated from $tarball"
