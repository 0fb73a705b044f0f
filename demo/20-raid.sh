# RAID: replay a healthy and a degraded capture (real vendor tool output from
# tests/data/raid) in every output format, cron mode, then the sudo rules.
set -u
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit $?)"; }

RAID="$REPO/tests/data/raid"
healthy="$RAID/storcli/json-raid6-cachevault"
degraded="$RAID/storcli/text-per-controller-offline"

for format in text nagios json prometheus; do
  run "$OPSKIT" --no-config raid check --replay "$healthy" --format "$format"
done
for format in text nagios json prometheus; do
  run "$OPSKIT" --no-config raid check --replay "$degraded" --format "$format"
done

say "# cron mode: silent when all is well, the report (and a mail per [mail]) otherwise"
run "$OPSKIT" --no-config raid check --cron --replay "$RAID/mdstat/check-running"
run "$OPSKIT" --no-config raid check --cron --replay "$RAID/mdstat/degraded-plus-recovering"

say "# a routine md check is OK by default; --check-state raises it"
run "$OPSKIT" --no-config raid check --replay "$RAID/mdstat/check-running" --check-state WARNING --format nagios

run "$OPSKIT" --no-config raid sudoers --user nagios
