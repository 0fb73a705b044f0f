#!/usr/bin/env bash
# Decision time of the forced-command hook against rrsync (the anchor) on the same
# commands, in the same run: accepted (exec replaced by /bin/true through the policy,
# and through a copy of rrsync with RSYNC = "/bin/true") and rejected. Interleaved
# rounds, medians of wall time and of CPU time, ratios hook/rrsync.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d /tmp/opskit-bench-ssh.XXXXXX)
trap 'rm -rf "$work"' EXIT
if [ -z "${OPSKIT:-}" ]; then
    dotnet publish "$here/../../src/OpsKit/OpsKit.csproj" -c Release -o "$work/bin" -nologo -clp:ErrorsOnly >/dev/null
    OPSKIT="$work/bin/opskit"
fi
repo=$(cd "$here/../.." && pwd)
root="$work/data/backup"
mkdir -p "$root/web01"
sed -e "s|^roots = \[\"/data/backup\"\]|roots = [\"$root\"]|" -e 's|^exec = "/usr/bin/rsync"|exec = "/bin/true"|' \
    "$repo/examples/ssh/backup-v1.toml" > "$work/policy.toml"
printf '[log]\nfile = "%s/sshval.log"\nsyslog = false\n' "$work" > "$work/opskit.toml"
sed 's|^RSYNC = .*|RSYNC = "/bin/true"|' /usr/bin/rrsync > "$work/rrsync-true"
chmod +x "$work/rrsync-true"
rsync --version | sed -n 1p   # sed reads it all: head would end rsync with SIGPIPE under pipefail
"$OPSKIT" --version
python3 "$here/measure.py" "$work" "$OPSKIT" "${RUNS:-200}"
