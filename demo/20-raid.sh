# RAID: replay a healthy and a degraded capture (real vendor tool output from
# $OPSKIT_SHARED/data/raid) in every output format, cron mode, then the sudo rules.
set -u
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit $?)"; }

RAID="$OPSKIT_SHARED/data/raid"
healthy="$RAID/storcli/json-raid6-cachevault"
degraded="$RAID/storcli/text-per-controller-offline"

if [ ! -d "$RAID" ]; then
  echo "raid: no captured vendor outputs at $RAID (set OPSKIT_SHARED to the folder that holds data/raid); replays skipped"
  run "$OPSKIT" --no-config raid sudoers --user nagios
  exit 0
fi

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
