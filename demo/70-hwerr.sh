# hwerr: replay two real captures from the repository's test data (a DIMM with 7836
# corrected errors in an EDAC sysfs tree, an injected uncorrected memory error in a kernel
# log), every output format, cron mode, then the live check of this machine and an ack.
set -u
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit $?)"; }

DATA="$REPO/tests/data/hwerr"
dimm="$DATA/sysfs/edac-csrow-4mc-ce7836"
ue="$DATA/logs/edac-ue-ghes-recoverable-einj.txt"

run "$OPSKIT" --no-config hwerr check --root "$dimm"
for format in nagios prometheus; do
  run "$OPSKIT" --no-config hwerr check --root "$dimm" --format "$format"
done
run "$OPSKIT" --no-config hwerr check --log "$ue" --format nagios
say "$OPSKIT --no-config hwerr check --log $(basename "$ue") --json | head -25"
"$OPSKIT" --no-config hwerr check --log "$ue" --json | head -25

say "# cron mode: silent when all is well, the report (and a mail per [mail]) otherwise"
run "$OPSKIT" --no-config hwerr check --cron --root "$DATA/sysfs/edac-dimm-1mc-zero"
run "$OPSKIT" --no-config hwerr check --cron --from "mcelog=$DATA/tools/mcelog-uncorrected-context-corrupt.txt"

say "# the live check of this machine: /sys, /dev/kmsg since the last run, a state file"
run "$OPSKIT" --no-config hwerr check --state "$DEMO_DIR/state.json"
run "$OPSKIT" --no-config hwerr check --state "$DEMO_DIR/state.json" --format nagios
run "$OPSKIT" --no-config hwerr ack --state "$DEMO_DIR/state.json"
