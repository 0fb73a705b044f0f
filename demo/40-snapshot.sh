# Snapshots: two rsync --link-dest snapshots of a sample tree (unchanged files
# become hard links), the listing with new bytes, and a dry-run rotation plan
# with every reason, as of a later date.
set -u
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit $?)"; }

mkdir -p site/www site/etc
for i in 1 2 3 4 5; do printf 'page %s\n' "$i" > "site/www/page$i.html"; done
printf 'listen 80\n' > site/etc/httpd.conf
run "$OPSKIT" --no-config snapshot create --source site --dest snaps --series web
printf 'listen 8080\n' > site/etc/httpd.conf
run "$OPSKIT" --no-config snapshot create --source site --dest snaps --series web
say "stat -c '%i %h %n' snaps/web/*/tree/www/page1.html snaps/web/*/tree/etc/httpd.conf   # same inode = hard link"
stat -c '%i %h %n' snaps/web/*/tree/www/page1.html snaps/web/*/tree/etc/httpd.conf
run "$OPSKIT" --no-config snapshot list snaps --sizes
# Backups stop here; what would a 14-day rotation do three weeks from now?
later=$(date -u -d '+21 days' +%Y-%m-%dT%H:%M:%SZ)
run "$OPSKIT" --no-config snapshot rotate --root snaps --keep 1 --older-than 14 --dry-run --now "$later"
run "$OPSKIT" --no-config snapshot rotate --root snaps --keep-last 1 --dry-run --json
