# ssh: the forced-command hook for a backup key. Explain a decision, print the
# authorized_keys line, then feed accepted and refused commands to the hook as sshd
# would (--dry-run: decide and log, run nothing) and show the log it wrote.
set -u
say() { printf '\n$ %s\n' "$*"; }
policy="$REPO/examples/ssh/backup-v1.toml"
cat > opskit.toml <<TOML
[log]
file = "$PWD/sshval.log"
syslog = false
[ssh]
default_policy = "$policy"
TOML

say "$OPSKIT ssh test --policy backup-v1.toml -- rsync --server -logDtpre.iLsfxCIvu --delete --link-dest /data/backup/web01/2026-01-01 . /data/backup/web01/2026-01-02/"
"$OPSKIT" --no-config ssh test --policy "$policy" -- rsync --server -logDtpre.iLsfxCIvu --delete --link-dest /data/backup/web01/2026-01-01 . /data/backup/web01/2026-01-02/
echo "(exit $?)"
say "$OPSKIT ssh test --policy backup-v1.toml -- 'rsync --server -vlogDtpre.iLsfxCIvu . /data/backup/web01/ --log-file=/tmp/x'"
"$OPSKIT" --no-config ssh test --policy "$policy" -- 'rsync --server -vlogDtpre.iLsfxCIvu . /data/backup/web01/ --log-file=/tmp/x'
echo "(exit $?)"

if command -v ssh-keygen >/dev/null; then
    ssh-keygen -q -t ed25519 -N '' -C backup@web01 -f backup_key
    say "$OPSKIT ssh authorize --policy backup-v1.toml --key backup_key.pub --label web01 --from 192.168.3.0/24 --program /usr/local/bin/opskit"
    "$OPSKIT" --no-config ssh authorize --policy "$policy" --key backup_key.pub --label web01 --from 192.168.3.0/24 --program /usr/local/bin/opskit
fi

hook() {
    # What sshd does: SSH_ORIGINAL_COMMAND is what the client asked for, SSH_CONNECTION who asked.
    printf '\n$ SSH_ORIGINAL_COMMAND=%q opskit ssh validate --label web01 --dry-run\n' "$1"
    SSH_CONNECTION='192.168.3.33 50522 192.168.3.1 22' SSH_ORIGINAL_COMMAND="$1" \
        "$OPSKIT" ssh validate --config opskit.toml --label web01 --dry-run 2>&1
    echo "(exit $?)"
}
hook 'rsync --server -lHogDtprxe.iLsfxCIvu --timeout=600 --delete-excluded --ignore-errors --numeric-ids . /data/backup/mysql02/'
hook 'rsync --server --sender -logDtpre.iLsfxCIvu . /data/backup/web01/etc /data/backup/web01/var'
hook 'opskit snapshot rotate --root /data/backup --keep 14'
hook 'rm -rf /some/path'
hook 'rsync --server -vlogDtpre.iLsfxCIvu . /data/backup/web01/; rm -rf /data/backup'
hook 'rsync --server --daemon --config=/data/backup/web01/rsyncd.conf .'
hook 'rsync --server -vlogDtpre.iLsfxCIvu . /data/backup/web01/ --log-file=/home/backup/.ssh/authorized_keys'
hook 'rsync --server --sender -vlogDtpre.iLsfxCIvu . /data/backup/../../etc/shadow'
say "SSH_ORIGINAL_COMMAND unset (ssh host): ./validate-ssh --config opskit.toml --dry-run   # symlink, default policy from [ssh]"
ln -s "$OPSKIT" validate-ssh
# Under sshd OPSKIT_* variables are the client's to send, so the hook ignores them: the config is named on the line.
SSH_CONNECTION='192.168.3.33 50523 192.168.3.1 22' OPSKIT_CONFIG=/tmp/pushed-by-the-client.toml ./validate-ssh --config "$PWD/opskit.toml" --dry-run 2>&1
echo "(exit $?)"

# backup-v2: one subtree per key (the label comes from authorized_keys), and no path through a symlink.
v2="$REPO/examples/ssh/backup-v2.toml"
say "$OPSKIT ssh test --policy backup-v2.toml --label web01 -- rsync --server -logDtpr --delete . /data/backup/web02/current/"
"$OPSKIT" --no-config ssh test --policy "$v2" --label web01 -- rsync --server -logDtpr --delete . /data/backup/web02/current/ > test.out
rc=$?; tail -2 test.out; echo "(exit $rc)"
mkdir -p tree/web01 && ln -s /home/backup/.ssh tree/web01/evil
sed "s|/data/backup/{label}|$PWD/tree/{label}|" "$v2" > backup-v2-here.toml
say "$OPSKIT ssh test --policy backup-v2.toml --label web01 -- rsync --server -logDtpr . $PWD/tree/web01/evil/   # evil -> ~/.ssh"
"$OPSKIT" --no-config ssh test --policy backup-v2-here.toml --label web01 -- rsync --server -logDtpr . "$PWD/tree/web01/evil/" > test.out
rc=$?; tail -2 test.out; echo "(exit $rc)"

say "cat sshval.log"
cat sshval.log
