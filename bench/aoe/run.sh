#!/usr/bin/env bash
# bench/aoe/run.sh: the same client (opskit aoe bench) against vblade (the anchor) and "opskit aoe serve", same
# namespaces, same tmpfs images, runs interleaved (the server that goes first alternates every round), so both
# servers see the same machine load. Per run: MB/s, server CPU us per frame and the client's CPU us per frame for
# each server, the ratios opskit/vblade, and the load average. Per case: median and min-max over the rounds, and
# whether the goal held in every run (server CPU per frame <= 0.5x vblade's at MTU 1500, <= 0.7x at 9000, MB/s never
# below vblade's).
# Cases: MTU 1500 and 9000; one export served, and one export read while 54 are served (vblade: 54 processes,
# opskit: one process). READ54=1 adds "all 54 read at once".
# Needs root (network namespaces; traffic stays on a veth pair between two namespaces this script creates and
# removes). Environment: ROUNDS (default 5), EXPORTS54 (default 1), READ54 (default 0), OPSKIT (binary, default
# out/bin/opskit), THREADS (opskit's [aoe] threads; default: unset, the built-in default), MB_OVERRIDE (MB read per
# run; default 1024: at 256 MB one server's CPU per frame spread 2.36-3.88 us over the rounds of one run, at 1024 MB
# 2.62-3.10), MTUS (default "1500 9000"), RESULTS (keep the per-run JSON lines there), PIN (default 1: with two or
# more cores, every server runs on core 0 and the client on core 1; 0 lets the scheduler place them. Unpinned, the
# scheduler moving client and server between the cores made one server's CPU per frame at MTU 9000 spread
# 5.87-9.27 us over five rounds, pinned 6.21-7.06).
set -euo pipefail
cd "$(dirname "$0")/../.."
REPO=$PWD
OPSKIT=${OPSKIT:-$REPO/out/bin/opskit}
ROUNDS=${ROUNDS:-5}
EXPORTS54=${EXPORTS54:-1}
READ54=${READ54:-0}
MTUS=${MTUS:-1500 9000}
THREADS=${THREADS:-}
PIN=${PIN:-1}
SRV_CPU=() CLI_CPU=() PLACED="not pinned"
if [ "$PIN" = 1 ] && [ "$(nproc)" -ge 2 ]; then SRV_CPU=(taskset -c 0) CLI_CPU=(taskset -c 1) PLACED="servers on core 0, client on core 1"; fi
if [ "$(id -u)" != 0 ]; then echo "bench/aoe: skipped: needs root for network namespaces"; exit 0; fi
command -v vblade >/dev/null || { echo "bench/aoe: vblade not installed (make deps)"; exit 69; }
[ -x "$OPSKIT" ] || { echo "bench/aoe: build first (make build), or set OPSKIT"; exit 69; }

ID=$(printf '%04x' $((RANDOM)))
NS_S=okaoeb${ID}s NS_C=okaoeb${ID}c IF_S=okaoeb${ID}s IF_C=okaoeb${ID}c
WORK=$(mktemp -d /dev/shm/okaoe-bench.XXXXXX)
OUT=${RESULTS:-$WORK/results.jsonl}
: > "$OUT"
PIDS=()
stop_servers() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && for _ in $(seq 100); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; done
  PIDS=()
}
cleanup() {
  stop_servers
  ip netns del "$NS_S" 2>/dev/null || true
  ip netns del "$NS_C" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
ip netns add "$NS_S"; ip netns add "$NS_C"
ip link add "$IF_S" type veth peer name "$IF_C"
ip link set "$IF_S" netns "$NS_S"; ip link set "$IF_C" netns "$NS_C"
ip -n "$NS_S" link set "$IF_S" up; ip -n "$NS_C" link set "$IF_C" up
C="ip netns exec $NS_C"

mtu() { ip -n "$NS_S" link set "$IF_S" mtu "$1"; ip -n "$NS_C" link set "$IF_C" mtu "$1"; }
wait_for() {   # wait_for SHELF.SLOT
  for _ in $(seq 80); do $C "$OPSKIT" --no-config aoe discover -i "$IF_C" --timeout 0.3 2>/dev/null | grep -q "^e$1 " && return 0; sleep 0.25; done
  echo "bench/aoe: e$1 never answered" >&2; exit 1
}
# start_vblade N: slots 1..N of shelf 0, one process each; start_opskit N: one process serving slots 1..N of shelf 1.
start_vblade() {
  for s in $(seq "$1"); do "${SRV_CPU[@]}" ip netns exec "$NS_S" vblade 0 "$s" "$IF_S" "$WORK/v$s.img" >/dev/null 2>&1 & PIDS+=($!); done
  wait_for "0.$1"
}
start_opskit() {
  { echo "[aoe]"; echo "shelf = 1"; echo "interface = \"$IF_S\""; echo "state_dir = \"$WORK/state\""
    [ -n "$THREADS" ] && echo "threads = $THREADS"
    for s in $(seq "$1"); do printf '[[aoe.export]]\nalias = "o%s"\nslot = %s\nfile = "%s"\n' "$s" "$s" "$WORK/o$s.img"; done; } > "$WORK/opskit.toml"
  "${SRV_CPU[@]}" ip netns exec "$NS_S" "$OPSKIT" --config "$WORK/opskit.toml" aoe serve >>"$WORK/serve.log" 2>&1 & PIDS+=($!)
  wait_for "1.$1"
}
start() { if [ "$1" = vblade ]; then start_vblade "$2"; else start_opskit "$2"; fi; }
shelf() { if [ "$1" = vblade ]; then echo 0; else echo 1; fi; }
# run CASE SERVER ROUND TARGETS MB: one client run, one tagged JSON line in $OUT (with the 1-minute load average)
run() {
  local pids load; pids=$(IFS=,; echo "${PIDS[*]}")
  load=$(cut -d' ' -f1 /proc/loadavg)
  "${CLI_CPU[@]}" $C "$OPSKIT" --no-config aoe bench -i "$IF_C" "$4" --read "$5" --server-pid "$pids" --json \
    | python3 -c '
import json, sys
d = json.load(sys.stdin)["runs"][0]
d["mbps"] = d["bytes_per_second"] / 1e6 if d["bytes_per_second"] is not None else 0.0
d.update(case=sys.argv[1], server=sys.argv[2], round=int(sys.argv[3]), load=float(sys.argv[4]))
print(json.dumps(d))' "$1" "$2" "$3" "$load" >> "$OUT"
}
targets() { seq -s, -f "$1.%g" 1 "$2"; }
order() { if [ $(($1 % 2)) = 1 ]; then echo vblade opskit; else echo opskit vblade; fi; }

echo "bench/aoe: $(date -u +%FT%TZ) $(nproc) cores; uptime:$(uptime)"
echo "bench/aoe: opskit $("$OPSKIT" --version 2>/dev/null | head -1); vblade $(dpkg-query -W -f '${Version}' vblade 2>/dev/null || echo '?'); rounds $ROUNDS; threads ${THREADS:-default}; $PLACED"
for s in $(seq 54); do truncate -s 1G "$WORK/v$s.img" "$WORK/o$s.img"; done

for M in $MTUS; do
  mtu "$M"
  MB=${MB_OVERRIDE:-1024}
  PER=$(python3 -c "print(round($MB/54*2, 2))")
  # Fill the read region through each server first (same client, same pattern) so both read data, not holes.
  for srv in vblade opskit; do
    sh=$(shelf $srv)
    start $srv 1; $C "$OPSKIT" --no-config aoe bench -i "$IF_C" "$sh.1" --write "$MB" >/dev/null; stop_servers
    if [ "$EXPORTS54" = 1 ] && [ "$READ54" = 1 ]; then
      start $srv 54; $C "$OPSKIT" --no-config aoe bench -i "$IF_C" "$(targets "$sh" 54 | cut -d, -f2-)" --write "$PER" >/dev/null; stop_servers
    fi
  done
  for r in $(seq "$ROUNDS"); do
    for srv in $(order "$r"); do start $srv 1; run "mtu$M n1 read1" $srv "$r" "$(shelf $srv).1" "$MB"; stop_servers; done
    if [ "$EXPORTS54" = 1 ]; then
      for srv in $(order "$r"); do
        start $srv 54
        run "mtu$M n54 read1" $srv "$r" "$(shelf $srv).1" "$MB"
        [ "$READ54" = 1 ] && run "mtu$M n54 read54" $srv "$r" "$(targets "$(shelf $srv)" 54)" "$PER"
        stop_servers
      done
    fi
  done
done
echo "bench/aoe: done; uptime:$(uptime)"

python3 - "$OUT" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
cases = list(dict.fromkeys(r["case"] for r in rows))
def get(case, server, rnd):
    return next((r for r in rows if r["case"] == case and r["server"] == server and r["round"] == rnd), None)
def span(v): return f"{statistics.median(v):.2f} [{min(v):.2f}-{max(v):.2f}]"
held_all = True
for c in cases:
    goal = 0.5 if c.startswith("mtu1500") else 0.7
    print(f"\n{c}  (goal: server CPU/frame <= {goal}x vblade's, MB/s >= vblade's, in every run)")
    print(f"{'round':>5} {'load':>5} | {'MB/s v':>7} {'MB/s o':>7} {'o/v':>5} | {'srv us/fr v':>11} {'srv us/fr o':>11} {'o/v':>5} | {'cli us/fr v':>11} {'cli us/fr o':>11} | {'retr v/o':>9} | goal")
    cols = {k: [] for k in ("mv", "mo", "mr", "sv", "so", "sr", "cv", "co")}
    held = 0; n = 0
    for rnd in sorted({r["round"] for r in rows if r["case"] == c}):
        v, o = get(c, "vblade", rnd), get(c, "opskit", rnd)
        if not v or not o: continue
        n += 1
        mr = o["mbps"] / v["mbps"]
        sr = o["server_cpu_us_per_frame"] / v["server_cpu_us_per_frame"]
        ok = sr <= goal and mr >= 1.0
        held += ok
        for k, x in zip(cols, (v["mbps"], o["mbps"], mr, v["server_cpu_us_per_frame"], o["server_cpu_us_per_frame"], sr,
                               v["client_cpu_us_per_frame"], o["client_cpu_us_per_frame"])):
            cols[k].append(x)
        print(f"{rnd:>5} {max(v['load'], o['load']):>5.1f} | {v['mbps']:>7.1f} {o['mbps']:>7.1f} {mr:>5.2f} | {v['server_cpu_us_per_frame']:>11.2f} {o['server_cpu_us_per_frame']:>11.2f} {sr:>5.2f} | "
              f"{v['client_cpu_us_per_frame']:>11.2f} {o['client_cpu_us_per_frame']:>11.2f} | {v['retransmits']:>4}/{o['retransmits']:<4} | {'yes' if ok else 'NO'}")
    if n == 0: continue
    held_all &= held == n
    print(f"median [min-max] over {n} runs: MB/s vblade {span(cols['mv'])}, opskit {span(cols['mo'])}, ratio {span(cols['mr'])}")
    print(f"  server CPU us/frame vblade {span(cols['sv'])}, opskit {span(cols['so'])}, ratio {span(cols['sr'])}")
    print(f"  client CPU us/frame with vblade {span(cols['cv'])}, with opskit {span(cols['co'])}")
    print(f"  goal held in {held} of {n} runs")
print(f"\nMB = 10^6 bytes; CPU from /proc/PID/stat utime+stime (all of a server's processes/threads); load = 1-minute average at the start of the run")
print("goal held in every run of every case" if held_all else "goal NOT held in every run")
PY
