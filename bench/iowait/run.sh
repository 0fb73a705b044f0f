#!/usr/bin/env bash
# opskit iowait summary vs the origin's one-liner, a correct awk summary and
# `cat FILE > /dev/null` (the floor), all on the same generated block_dump log
# in the same run. Commands take turns round by round, so a load change on the
# (shared) machine hits all of them alike. Prints median wall and CPU times and ratios.
# Env: SIZE (bytes, default 1 GiB), RUNS (default 3), PIPELINE_RUNS (default 1),
#      OPSKIT (binary; default: build Release), AWK (default mawk).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
size="${SIZE:-1073741824}"; runs="${RUNS:-3}"; pruns="${PIPELINE_RUNS:-1}"
awk_bin="${AWK:-$(command -v mawk || command -v gawk || echo awk)}"
work="${TMPDIR:-/tmp}/opskit-iowait-bench"; mkdir -p "$work"
log="$work/blockdump-$size.log"

if [ -z "${OPSKIT:-}" ] || [ ! -x "$OPSKIT" ]; then
    dotnet build "$repo/src/OpsKit/OpsKit.csproj" -c Release --nologo -v q >/dev/null
    OPSKIT="$repo/src/OpsKit/bin/Release/net10.0/linux-x64/opskit"
fi
if [ ! -s "$log" ]; then
    echo "generating $size bytes of block_dump log..."
    "$awk_bin" -v bytes="$size" -v seed=2011 -f "$here/gen.awk" > "$log.tmp" && mv "$log.tmp" "$log"
fi
echo "input: $log ($(stat -c %s "$log") bytes, $(wc -l < "$log") lines); $(nproc) cpus; load $(cut -d' ' -f1-3 /proc/loadavg)"
cat "$log" > /dev/null   # warm the page cache

export LOG="$log" OPSKIT AWK_BIN="$awk_bin" HERE="$here" WORK="$work"
names=(cat opskit awk origin)
declare -A label=([cat]="cat > /dev/null (floor)" [opskit]="opskit iowait summary" [awk]="awk summary ($(basename "$awk_bin"))" [origin]="origin one-liner")
declare -A cmd=(
    [cat]='cat "$LOG" > /dev/null'
    [opskit]='"$OPSKIT" --no-config iowait summary --json --top 10 "$LOG" > "$WORK/opskit.json"'
    [awk]='"$AWK_BIN" -f "$HERE/summary.awk" "$LOG" | sort -t"	" -k1,1nr | head > "$WORK/awk.txt"'
    [origin]='egrep "READ|WRITE|dirtied" "$LOG" 2>/dev/null | egrep -o "([a-zA-Z]*)" 2>/dev/null | sort | uniq -c | sort -rn | head > "$WORK/origin.txt"'
)
declare -A walls cpus
for ((round = 0; round < runs; round++)); do
    for n in "${names[@]}"; do
        if [ "$n" = origin ] && [ "$round" -ge "$pruns" ]; then continue; fi
        # %e wall, %U+%S CPU of the whole pipeline (bash -c waits for every stage).
        read -r w u s < <( { /usr/bin/time -f "%e %U %S" bash -c "${cmd[$n]}" ; } 2>&1 >/dev/null | tail -1)
        walls[$n]+="$w "; cpus[$n]+="$(echo "$u + $s" | bc -l) "
    done
done
median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
declare -A mw mc
for n in "${names[@]}"; do
    mw[$n]=$(echo "${walls[$n]}" | median); mc[$n]=$(echo "${cpus[$n]}" | median)
    printf '%-28s wall median %8.2f s  cpu median %8.2f s   (walls: %s)\n' "${label[$n]}" "${mw[$n]}" "${mc[$n]}" "${walls[$n]}"
done

# Same answer as the awk summary? (top 10 by events, compared as sets: ties may order differently)
python3 - "$work/opskit.json" "$work/awk.txt" <<'PY'
import json, sys
o = json.load(open(sys.argv[1]))
ours = {(p["events"], f'{p["comm"]}({p["pid"]})', p["reads"], p["writes"], p["dirtied"], p["bytes"]) for p in o["processes"]}
awk = set()
for line in open(sys.argv[2]):
    e, k, r, w, d, b = line.rstrip("\n").split("\t")
    awk.add((int(e), k, int(r), int(w), int(d), int(b)))
print(f"cross-check: opskit top 10 {'==' if ours == awk else '!='} awk top 10; {o['events']} events in {o['lines']} lines")
if ours != awk: print("  only opskit:", sorted(ours - awk)[:3], "\n  only awk:", sorted(awk - ours)[:3]); sys.exit(1)
PY
echo "origin's top 10 \"processes\": $(awk '{printf "%s ", $2}' "$work/origin.txt")"
# CPU of cat can round to 0.00 s: floor divisors at the 10 ms resolution of time(1).
ratio() { echo "d = $2; if (d < 0.01) d = 0.01; $1 / d" | bc -l; }
printf 'origin one-liner / opskit:  wall %6.1fx  cpu %6.1fx   (goal >= 10x)\n' "$(ratio "${mw[origin]}" "${mw[opskit]}")" "$(ratio "${mc[origin]}" "${mc[opskit]}")"
printf 'awk summary / opskit:       wall %6.1fx  cpu %6.1fx\n' "$(ratio "${mw[awk]}" "${mw[opskit]}")" "$(ratio "${mc[awk]}" "${mc[opskit]}")"
printf 'opskit / cat floor:         wall %6.1fx  cpu %6.1fx   (goal <= 3x)\n' "$(ratio "${mw[opskit]}" "${mw[cat]}")" "$(ratio "${mc[opskit]}" "${mc[cat]}")"
