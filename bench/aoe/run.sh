#!/usr/bin/env bash
# bench/aoe/run.sh: the same client (opskit aoe bench) against vblade (anchor) and against "opskit aoe serve",
# same namespaces, same tmpfs images, runs interleaved; MB/s, frames/s, server CPU us/frame and the ratios.
#   1 export at MTU 1500 and 9000; with EXPORTS54=1 also 54 exports (vblade: 54 processes, opskit: one process):
#   read one while 54 are served, and read all 54 at once.
# Needs root (network namespaces). Environment: ROUNDS (default 3), EXPORTS54 (default 1), OPSKIT (binary),
# MB_OVERRIDE (MB read per run; default 256 at MTU 1500, 1024 at 9000).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
OPSKIT=${OPSKIT:-$REPO/src/OpsKit/bin/Debug/net10.0/linux-x64/opskit}
ROUNDS=${ROUNDS:-3}
EXPORTS54=${EXPORTS54:-1}
AOE_BENCH_PY=${AOE_BENCH_PY:-$REPO/../shared/tools/aoe_bench.py}
if [ "$(id -u)" != 0 ]; then echo "bench/aoe: skipped: needs root for network namespaces"; exit 0; fi
command -v vblade >/dev/null || { echo "bench/aoe: vblade not installed (make deps)"; exit 69; }
[ -x "$OPSKIT" ] || { echo "bench/aoe: build first: dotnet build src/OpsKit/OpsKit.csproj"; exit 69; }

ID=$(printf '%04x' $((RANDOM)))
NS_S=okaoeb${ID}s NS_C=okaoeb${ID}c IF_S=okaoeb${ID}s IF_C=okaoeb${ID}c
WORK=$(mktemp -d /dev/shm/okaoe-bench.XXXXXX)
RESULTS=$WORK/results.jsonl
PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  sleep 0.5
  ip netns del "$NS_S" 2>/dev/null || true
  ip netns del "$NS_C" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
ip netns add "$NS_S"; ip netns add "$NS_C"
ip link add "$IF_S" type veth peer name "$IF_C"
ip link set "$IF_S" netns "$NS_S"; ip link set "$IF_C" netns "$NS_C"
ip -n "$NS_S" link set "$IF_S" up; ip -n "$NS_C" link set "$IF_C" up
C="ip netns exec $NS_C"

mtu() { ip -n "$NS_S" link set "$IF_S" mtu "$1"; ip -n "$NS_C" link set "$IF_C" mtu "$1"; }
stop_servers() { for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; for p in "${PIDS[@]:-}"; do [ -n "$p" ] && while kill -0 "$p" 2>/dev/null; do sleep 0.1; done; done; PIDS=(); }
wait_for() {   # wait_for SHELF.SLOT
  for _ in $(seq 60); do $C "$OPSKIT" --no-config aoe discover -i "$IF_C" --timeout 0.3 2>/dev/null | grep -q "^e$1 " && return 0; sleep 0.25; done
  echo "bench/aoe: $1 never answered" >&2; exit 1
}
# start_vblade N: slots 1..N, one process each; start_opskit N: one process serving slots 1..N (shelf 0 vs shelf 1).
start_vblade() {
  for s in $(seq "$1"); do ip netns exec "$NS_S" vblade 0 "$s" "$IF_S" "$WORK/v$s.img" >/dev/null 2>&1 & PIDS+=($!); done
  wait_for "0.$1"
}
start_opskit() {
  { echo "[aoe]"; echo "shelf = 1"; echo "interface = \"$IF_S\""; echo "state_dir = \"$WORK/state\""
    for s in $(seq "$1"); do printf '[[aoe.export]]\nalias = "o%s"\nslot = %s\nfile = "%s"\n' "$s" "$s" "$WORK/o$s.img"; done; } > "$WORK/opskit.toml"
  ip netns exec "$NS_S" "$OPSKIT" --config "$WORK/opskit.toml" aoe serve >/dev/null 2>&1 & PIDS+=($!)
  wait_for "1.$1"
}
# run CASE SERVER TARGETS MB: one client run, tagged JSON line appended to $RESULTS
run() {
  local pids; pids=$(IFS=,; echo "${PIDS[*]}")
  $C "$OPSKIT" --no-config aoe bench -i "$IF_C" "$3" --read "$4" --server-pid "$pids" --json \
    | python3 -c 'import json,sys; d=json.load(sys.stdin)["runs"][0]; d["mb_per_s"]=d["bytes_per_second"]/1e6 if d["bytes_per_second"] is not None else None; d["case"]=sys.argv[1]; d["server"]=sys.argv[2]; print(json.dumps(d))' "$1" "$2" >> "$RESULTS"
}
targets() { local shelf=$1 n=$2; seq -s, -f "$shelf.%g" 1 "$n"; }

for s in $(seq 54); do truncate -s 1G "$WORK/v$s.img" "$WORK/o$s.img"; done

for M in 1500 9000; do
  mtu $M
  MB=${MB_OVERRIDE:-$([ $M = 1500 ] && echo 256 || echo 1024)}
  # Fill the read region through each server first (same client, same pattern) so both read real pages.
  start_vblade 1; $C "$OPSKIT" --no-config aoe bench -i "$IF_C" 0.1 --write "$MB" >/dev/null; stop_servers
  start_opskit 1; $C "$OPSKIT" --no-config aoe bench -i "$IF_C" 1.1 --write "$MB" >/dev/null; stop_servers
  PER=$(python3 -c "print(round($MB/54*2, 2))")
  if [ "$EXPORTS54" = 1 ]; then
    # ... and the region read54 reads of every other export, so it reads data, not holes.
    start_vblade 54; $C "$OPSKIT" --no-config aoe bench -i "$IF_C" "$(targets 0 54 | cut -d, -f2-)" --write "$PER" >/dev/null; stop_servers
    start_opskit 54; $C "$OPSKIT" --no-config aoe bench -i "$IF_C" "$(targets 1 54 | cut -d, -f2-)" --write "$PER" >/dev/null; stop_servers
  fi
  for r in $(seq "$ROUNDS"); do
    start_vblade 1; run "mtu$M n1 read1" vblade 0.1 "$MB"; stop_servers
    start_opskit 1; run "mtu$M n1 read1" opskit 1.1 "$MB"; stop_servers
  done
  # cross-check of the client with the independent aoe_bench.py (one run each)
  if [ -f "$AOE_BENCH_PY" ]; then
    start_vblade 1; echo "crosscheck mtu$M vblade: $($C python3 "$AOE_BENCH_PY" -i "$IF_C" read 0.1 --mb $((MB / 2)) 2>&1 | tail -1)"; stop_servers
    start_opskit 1; echo "crosscheck mtu$M opskit: $($C python3 "$AOE_BENCH_PY" -i "$IF_C" read 1.1 --mb $((MB / 2)) 2>&1 | tail -1)"; stop_servers
  fi
  if [ "$EXPORTS54" = 1 ]; then
    for r in $(seq "$ROUNDS"); do
      start_vblade 54; run "mtu$M n54 read1" vblade 0.1 "$MB"; run "mtu$M n54 read54" vblade "$(targets 0 54)" "$PER"; stop_servers
      start_opskit 54; run "mtu$M n54 read1" opskit 1.1 "$MB"; run "mtu$M n54 read54" opskit "$(targets 1 54)" "$PER"; stop_servers
    done
  fi
done

python3 - "$RESULTS" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
cases = []
for r in rows:
    if r["case"] not in cases: cases.append(r["case"])
def med(case, server, key):
    v = [r[key] for r in rows if r["case"] == case and r["server"] == server and r[key] is not None]
    return statistics.median(v) if v else float("nan")
print(f"{'case':<18} {'vblade MB/s':>11} {'opskit MB/s':>11} {'ratio':>6} {'vblade fr/s':>11} {'opskit fr/s':>11} {'vblade us/fr':>12} {'opskit us/fr':>12} {'cpu ratio':>9} {'retrans v/o':>11}")
for c in cases:
    vm, om = med(c, "vblade", "mb_per_s"), med(c, "opskit", "mb_per_s")
    vc, oc = med(c, "vblade", "server_cpu_us_per_frame"), med(c, "opskit", "server_cpu_us_per_frame")
    vr = sum(r["retransmits"] for r in rows if r["case"] == c and r["server"] == "vblade")
    orr = sum(r["retransmits"] for r in rows if r["case"] == c and r["server"] == "opskit")
    print(f"{c:<18} {vm:>11.1f} {om:>11.1f} {om/vm:>6.2f} {med(c,'vblade','frames_per_second'):>11.0f} {med(c,'opskit','frames_per_second'):>11.0f} {vc:>12.2f} {oc:>12.2f} {oc/vc:>9.2f} {vr:>5}/{orr:<5}")
for c in cases:
    if c.endswith("n54 read1"):
        base = c.replace("n54 read1", "n1 read1")
        o1, o54, v54 = med(base, "opskit", "mb_per_s"), med(c, "opskit", "mb_per_s"), med(c, "vblade", "mb_per_s")
        print(f"{c}: opskit keeps {o54/o1:.2f}x of its 1-export MB/s; {o54/v54:.2f}x vblade's figure")
print(f"median of {max(1, len([r for r in rows if r['case']==cases[0] and r['server']=='vblade']))} interleaved runs per cell; MB = 10^6 bytes; CPU from /proc/PID/stat utime+stime")
PY
