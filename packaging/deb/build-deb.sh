#!/usr/bin/env bash
# Builds out/opskit_VERSION-1_ARCH.deb from the published binary (out/bin), the generated man pages,
# completions and example config, and packaging/opskit-aoe.service, with dpkg-deb (no network, no
# debhelper). The file list is the one 'make install PREFIX=/usr' puts in place, plus the /usr/bin
# symlinks for the multi-call names and the Debian copyright and changelog.
# Usage: packaging/deb/build-deb.sh [OUTDIR]   (run 'make build' first)
set -euo pipefail
cd "$(dirname "$0")/../.."
outdir="${1:-out}"
version=$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' Directory.Build.props)
debversion="$version-1"
arch=$(dpkg --print-architecture)
[ -x out/bin/opskit ] || { echo "build-deb: out/bin/opskit not found; run 'make build' first" >&2; exit 66; }
changelog_version=$(sed -n '1s/^opskit (\([^)]*\)).*/\1/p' packaging/deb/changelog)
[ "$changelog_version" = "$debversion" ] || {
    echo "build-deb: packaging/deb/changelog: first entry is $changelog_version, the project is $debversion" >&2; exit 65; }

# The names a symlink to opskit can carry (Invocation.MultiCallNames), read from the source so the list cannot drift.
# Each line: the name and the area it runs ("raid_check raid").
mapfile -t multicall < <(sed -n 's/^ *\["\([a-z_-]*\)"\] = \["\([a-z]*\)".*/\1 \2/p' src/OpsKit/Invocation.cs)
[ "${#multicall[@]}" -gt 0 ] || { echo "build-deb: no multi-call names found in src/OpsKit/Invocation.cs" >&2; exit 70; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
root="$work/root"
umask 022
install -d "$root/DEBIAN" "$root/usr/lib/opskit" "$root/usr/bin" "$root/usr/share/man/man1" "$root/usr/share/man/man8" \
    "$root/usr/share/doc/opskit/examples" "$root/etc/opskit" "$root/lib/systemd/system"
cp -a out/bin/. "$root/usr/lib/opskit/"
rm -f "$root"/usr/lib/opskit/*.pdb "$root"/usr/lib/opskit/*.dbg
ln -s ../lib/opskit/opskit "$root/usr/bin/opskit"
for page in man/*.1; do gzip -9n < "$page" > "$root/usr/share/man/man1/$(basename "$page").gz"; done
for page in man/*.8; do gzip -9n < "$page" > "$root/usr/share/man/man8/$(basename "$page").gz"; done
# The multi-call names in /usr/bin, each with its area's man page under its own name (man raid_check).
for line in "${multicall[@]}"; do
    read -r name area <<< "$line"
    ln -s ../lib/opskit/opskit "$root/usr/bin/$name"
    [ -e "$root/usr/share/man/man8/opskit-$area.8.gz" ] || { echo "build-deb: no man page opskit-$area.8 for $name" >&2; exit 70; }
    ln -s "opskit-$area.8.gz" "$root/usr/share/man/man8/$name.8.gz"
done
install -Dm644 completions/opskit.bash "$root/usr/share/bash-completion/completions/opskit"
install -Dm644 completions/_opskit "$root/usr/share/zsh/vendor-completions/_opskit"
install -Dm644 completions/opskit.fish "$root/usr/share/fish/vendor_completions.d/opskit.fish"
cp -a examples/. "$root/usr/share/doc/opskit/examples/"
install -m644 examples/opskit.toml "$root/etc/opskit/opskit.toml"
sed 's:/usr/local/bin/opskit:/usr/bin/opskit:' packaging/opskit-aoe.service > "$root/lib/systemd/system/opskit-aoe.service"
# The timers and their services (not enabled) and the textfile script they run.
for unit in packaging/systemd/*.service packaging/systemd/*.timer; do
    sed 's:/usr/local/:/usr/:g' "$unit" > "$root/lib/systemd/system/${unit##*/}"
done
install -m755 packaging/systemd/opskit-textfile "$root/usr/lib/opskit/opskit-textfile"
install -m644 packaging/deb/copyright "$root/usr/share/doc/opskit/copyright"
gzip -9n < packaging/deb/changelog > "$root/usr/share/doc/opskit/changelog.Debian.gz"
install -m644 README.md "$root/usr/share/doc/opskit/README.md"
install -Dm644 packaging/deb/lintian-overrides "$root/usr/share/lintian/overrides/opskit"
find "$root" -type d -exec chmod 755 {} +
find "$root" -type f ! -path "$root/usr/lib/opskit/opskit" ! -path "$root/usr/lib/opskit/opskit-textfile" -exec chmod 644 {} +
chmod 755 "$root/usr/lib/opskit/opskit" "$root/usr/lib/opskit/opskit-textfile"
# A ReadyToRun build (no C toolchain at 'make build') runs on the shared .NET runtime: depend on it.
[ -e "$root/usr/lib/opskit/opskit.dll" ] && chmod 755 "$root"/usr/lib/opskit/*.so 2>/dev/null || true

# Depends from the libraries the binary links (dpkg-shlibdeps wants a debian/control beside it).
install -d "$work/src/debian"
printf 'Source: opskit\n\nPackage: opskit\nArchitecture: any\n' > "$work/src/debian/control"
depends=$(cd "$work/src" && dpkg-shlibdeps -O -e"$root/usr/lib/opskit/opskit" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
if [ -e "$root/usr/lib/opskit/opskit.dll" ]; then depends="${depends:+$depends, }dotnet-runtime-10.0"; fi

cat > "$root/DEBIAN/control" <<EOF
Package: opskit
Version: $debversion
Architecture: $arch
Maintainer: OpsKit maintainers <opskit@example.org>
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: ${depends:-libc6}
Recommends: rsync, openssh-server, libssl3
Suggests: vblade, aoetools, mdadm, rpm, rpmlint
Section: admin
Priority: optional
Homepage: https://example.org/opskit
Description: ops toolbox for storage and backup servers
 One command, opskit, holding the small tools an admin of Linux storage and
 backup servers reaches for: an ATA-over-Ethernet target and client (aoe),
 RAID controller and md checks for Nagios, Prometheus and cron (raid), a
 forced command that lets a backup key run only what a policy names (ssh),
 rsync snapshots with safe retention (snapshot), rpm spec scaffolding (rpm)
 and a block_dump and IO-wait summariser (iowait).
EOF
echo /etc/opskit/opskit.toml > "$root/DEBIAN/conffiles"
install -m755 packaging/deb/postinst packaging/deb/prerm packaging/deb/postrm "$root/DEBIAN/"
(cd "$root" && find . -path ./DEBIAN -prune -o -type f -printf '%P\0' | sort -z | xargs -0 md5sum) > "$root/DEBIAN/md5sums"
chmod 644 "$root/DEBIAN/control" "$root/DEBIAN/conffiles" "$root/DEBIAN/md5sums"

mkdir -p "$outdir"
deb="$outdir/opskit_${debversion}_${arch}.deb"
SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct HEAD 2>/dev/null || date +%s)}" \
    dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
echo "$deb"
