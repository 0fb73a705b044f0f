#!/usr/bin/env python3
"""Times hook and rrsync decisions in interleaved, shuffled rounds (bench/ssh/run.sh)."""
import os
import random
import statistics
import sys
import time

work, opskit, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
root = f"{work}/data/backup"
commands = {
    "accept": f"rsync --server -vlogDtpre.iLsfxCIvu . {root}/web01/",
    "accept-opts": f"rsync --server -logDtpre.iLsfxCIvu --timeout=600 --delete --link-dest {root}/web01 . {root}/web02/",
    "reject": "rm -rf /some/path",
}
hook = [opskit, "ssh", "validate", "--config", f"{work}/opskit.toml", "--policy", f"{work}/policy.toml"]
runners = {
    "hook": hook,
    "rrsync": [f"{work}/rrsync-true", "-absolute", root],
    "rrsync-nolock": [f"{work}/rrsync-true", "-absolute", "-no-lock", root],
}
base_env = {"PATH": "/usr/bin:/bin", "HOME": work, "SSH_CONNECTION": "10.6.6.6 50000 10.0.0.1 22"}
devnull = os.open(os.devnull, os.O_RDWR)


def run(argv, command):
    env = dict(base_env, SSH_ORIGINAL_COMMAND=command)
    fa = [(os.POSIX_SPAWN_DUP2, devnull, 0), (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
    start = time.perf_counter_ns()
    pid = os.posix_spawn(argv[0], argv, env, file_actions=fa)
    _, status, usage = os.wait4(pid, 0)
    wall = (time.perf_counter_ns() - start) / 1e6
    return os.waitstatus_to_exitcode(status), wall, (usage.ru_utime + usage.ru_stime) * 1000


# Same verdicts first: a benchmark of two tools that disagree measures nothing.
for name, command in commands.items():
    codes = {r: run(argv, command)[0] for r, argv in runners.items()}
    accepted = {r: c == 0 for r, c in codes.items()}
    if len(set(accepted.values())) != 1 or accepted["hook"] != name.startswith("accept"):
        sys.exit(f"verdicts differ on {name!r}: {codes}")

cases = [(r, c) for r in runners for c in commands]
for _ in range(5):
    for r, c in cases:
        run(runners[r], commands[c])
wall = {k: [] for k in cases}
cpu = {k: [] for k in cases}
for _ in range(runs):
    random.shuffle(cases)
    for r, c in cases:
        _, w, u = run(runners[r], commands[c])
        wall[(r, c)].append(w)
        cpu[(r, c)].append(u)

print(f"{runs} interleaved rounds; load average {os.getloadavg()[0]:.2f} at the end")
print(f"{'runner':<14} {'command':<12} {'median ms':>10} {'p10':>7} {'p90':>7} {'cpu ms':>7}")
for r in runners:
    for c in commands:
        w = sorted(wall[(r, c)])
        print(f"{r:<14} {c:<12} {statistics.median(w):10.1f} {w[len(w) // 10]:7.1f} {w[len(w) * 9 // 10]:7.1f} {statistics.median(cpu[(r, c)]):7.1f}")
print("ratio hook / anchor (median wall; goal <= 0.80)")
for anchor in ("rrsync", "rrsync-nolock"):
    for c in commands:
        ratio = statistics.median(wall[("hook", c)]) / statistics.median(wall[(anchor, c)])
        cpu_ratio = statistics.median(cpu[("hook", c)]) / statistics.median(cpu[(anchor, c)])
        print(f"  vs {anchor:<14} {c:<12} {ratio:5.2f}x   (cpu {cpu_ratio:5.2f}x)")
