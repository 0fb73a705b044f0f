#!/usr/bin/env bash
# opskit iowait summary vs the origin's one-liner, a correct awk summary and
# `cat FILE > /dev/null` (the floor), all on the same generated block_dump log
# in the same run. Prints medians and ratios.
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

# time_median NAME RUNS CMD...: runs CMD (a bash -c string) RUNS times, prints and stores the median wall time.
declare -A median
time_median() {
    local name="$1" n="$2" cmd="$3" t=() i s e
    for ((i = 0; i < n; i++)); do
        s=$(date +%s.%N); bash -c "$cmd"; e=$(date +%s.%N)
        t+=("$(echo "$e - $s" | bc -l)")
    done
    median[$name]=$(printf '%s\n' "${t[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-34s median %8.3f s of %d: %s\n' "$name" "${median[$name]}" "$n" "$(printf '%.3f ' "${t[@]}")"
}

export LOG="$log" OPSKIT AWK_BIN="$awk_bin" HERE="$here" WORK="$work"
time_median "cat > /dev/null (floor)" "$runs" 'cat "$LOG" > /dev/null'
time_median "opskit iowait summary" "$runs" '"$OPSKIT" --no-config iowait summary --json --top 10 "$LOG" > "$WORK/opskit.json"'
time_median "awk summary ($(basename "$awk_bin"))" "$runs" '"$AWK_BIN" -f "$HERE/summary.awk" "$LOG" | sort -t"	" -k1,1nr | head > "$WORK/awk.txt"'
time_median "origin one-liner" "$pruns" 'egrep "READ|WRITE|dirtied" "$LOG" 2>/dev/null | egrep -o "([a-zA-Z]*)" 2>/dev/null | sort | uniq -c | sort -rn | head > "$WORK/origin.txt"'

# Same answer as the awk summary? (top 10 by events; ties may order differently, so compare as sets of "events task")
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

c=${median["cat > /dev/null (floor)"]}; o=${median["opskit iowait summary"]}
a=${median["awk summary ($(basename "$awk_bin"))"]}; p=${median["origin one-liner"]}
printf 'ratio origin one-liner / opskit: %6.1fx faster  (goal >= 10x)\n' "$(echo "$p / $o" | bc -l)"
printf 'ratio awk summary / opskit:      %6.1fx faster\n' "$(echo "$a / $o" | bc -l)"
printf 'ratio opskit / cat floor:        %6.1fx slower  (goal <= 3x)\n' "$(echo "$o / $c" | bc -l)"
