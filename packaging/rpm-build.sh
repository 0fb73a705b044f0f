#!/usr/bin/env bash
# Builds the binary and source rpm of packaging/opskit.spec from out/opskit-VERSION.tar.gz ('make tarball')
# the way a user builds any spec with OpsKit: 'opskit rpm build' (rpmbuild -ba, with --nodeps and the compat
# macros on a non-RPM host such as Debian, then rpmlint with OpsKit's profile). The build tree is out/rpmbuild;
# the packages are copied to out/. rpmbuild runs 'make build' inside: the .NET SDK and its package feed are needed.
set -euo pipefail
cd "$(dirname "$0")/.."
opskit="${OPSKIT:-$PWD/out/bin/opskit}"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
tarball="out/opskit-$version.tar.gz"
[ -f "$tarball" ] || { echo "rpm-build: $tarball not found; run 'make tarball' first" >&2; exit 66; }
top="$PWD/out/rpmbuild"
work="$PWD/out/rpm-spec"
rm -rf "$top" "$work"
mkdir -p "$work"
cp packaging/opskit.spec "$tarball" "$work/"
"$opskit" --no-config rpm build --topdir "$top" "$work/opskit.spec"
find "$top/RPMS" "$top/SRPMS" -name '*.rpm' -exec cp {} out/ \; -printf 'out/%f\n'
