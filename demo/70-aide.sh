# AIDE: a scratch tree with its own aide.conf (no host paths): init, a clean check, three
# known changes found with their attributes in every format, cron mode, accept, a tampered
# database refused, rotation as of a later date, and the starting aide.conf checked by aide.
set -u
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit $?)"; }

if ! command -v aide >/dev/null && [ ! -x /usr/bin/aide ]; then
  echo "aide: Debian's aide is not installed (make deps installs it); steps skipped"
  exit 0
fi

here=$PWD
mkdir -p tree/etc/ssh tree/bin
echo a > tree/etc/a; echo b > tree/etc/b; echo 'PermitRootLogin no' > tree/etc/ssh/sshd_config; echo c > tree/bin/c
cat > aide.conf <<CONF
F = p+u+g+s+sha256
D = p+u+g
$here/tree f F
$here/tree d D
CONF
cat > opskit.toml <<TOML
[aide]
config = "$here/aide.conf"
database_dir = "$here/db"
log_dir = "$here/log"
state_file = "$here/state/aide.state"
critical_paths = ["$here/tree/etc/ssh"]
TOML
export OPSKIT_CONFIG=$here/opskit.toml

run "$OPSKIT" aide init
run "$OPSKIT" aide check --format nagios
say "# one file added, one removed, one changed (content and mode)"
echo new > tree/etc/new; rm tree/etc/b; echo more >> tree/etc/a; chmod 600 tree/etc/a
run "$OPSKIT" aide check
run "$OPSKIT" aide check --format nagios
run "$OPSKIT" aide check --json
run "$OPSKIT" aide check --format prometheus
say "# cron mode prints (and mails per [mail]) only when something changed"
run "$OPSKIT" aide check --cron
run "$OPSKIT" aide accept
run "$OPSKIT" aide check --cron
say "# a change under a critical path is CRITICAL"
echo 'PermitRootLogin yes' >> tree/etc/ssh/sshd_config
run "$OPSKIT" aide check --format nagios
run "$OPSKIT" aide accept
say "# one byte of the database changed: refused, not trusted"
cp db/aide.db db/aide.db.good
printf '\001' | dd of=db/aide.db bs=1 seek=100 conv=notrunc status=none
run "$OPSKIT" aide check
mv db/aide.db.good db/aide.db
run "$OPSKIT" aide status
run "$OPSKIT" aide rotate --now "$(date -u -d '+1 day' +%Y-%m-%dT%H:%M:%SZ)"
run "$OPSKIT" aide rotate --now "$(date -u -d '+100 days' +%Y-%m-%dT%H:%M:%SZ)" --dry-run
run "$OPSKIT" aide rotate --now "$(date -u -d '+100 days' +%Y-%m-%dT%H:%M:%SZ)"
say "$OPSKIT --no-config aide config | aide --config-check -c -"
"$OPSKIT" --no-config aide config | aide --config-check -c -; echo "(exit $?)"
