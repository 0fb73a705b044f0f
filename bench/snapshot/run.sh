#!/usr/bin/env bash
# Snapshot bench: opskit snapshot create/rotate against the anchors measured in the
# same run on the same tree: bare rsync --link-dest (same flags opskit passes),
# rsnapshot (link_dest 1 and its default cp -al mode) and rm -rf.
# Informational extra anchors (the goal ratios stay against the plain anchor above):
# - bare rsync with opskit's effective flags: opskit adds --insecure-links when every
#   path rsync would guard is private (Create/PrivatePaths.cs; roots opskit creates are
#   0700), which skips rsync 3.5's per-file symlink walk of the --link-dest path;
# - bare rsync whose --link-dest lies as deep as opskit's (ROOT/series/STAMP/tree):
#   with the walk, each path component costs an openat+fstatat per file, twice.
# Usage: bench/snapshot/run.sh            (~20,000 files / 1 GiB, 3 trials)
#        SIZE_MB=100 FILES=2000 TRIALS=3 bench/snapshot/run.sh   (quick)
#        COLD=1 ...  drop the page cache before each timed step (root; affects the whole host)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
OPSKIT="${OPSKIT:-$repo/out/bin/opskit}"
[ -x "$OPSKIT" ] || OPSKIT="$repo/src/OpsKit/bin/Debug/net10.0/linux-x64/opskit"
size_mb="${SIZE_MB:-1024}"; files="${FILES:-20000}"; trials="${TRIALS:-3}"
work="${BENCH_DIR:-${TMPDIR:-/tmp}/opskit-snapshot-bench}"
src="$work/src"
for p in rsync rsnapshot python3; do command -v "$p" >/dev/null || { echo "missing $p (make deps)" >&2; exit 69; }; done

if [ ! -f "$work/.done-$size_mb-$files" ]; then
    rm -rf "$src"; mkdir -p "$src"
    python3 "$here/mktree.py" "$src" "$size_mb" "$files"
    rm -f "$work"/.done-*; touch "$work/.done-$size_mb-$files"
fi
rm -rf "$work/run"; mkdir -p "$work/run/rsync" "$work/run/eff" "$work/run/deep/bench"; run="$work/run"
echo "tree: $(find "$src" -type f | wc -l) files, $(du -sh "$src" | cut -f1); opskit: $OPSKIT; trials: $trials; cache: ${COLD:+cold}${COLD:-warm}"

settle() { sync; if [ -n "${COLD:-}" ]; then echo 3 > /proc/sys/vm/drop_caches; fi; }
# timeit VAR cmd...: runs cmd after settling, appends its wall seconds to the array VAR.
# Every step is timed until durable (cmd; sync): opskit fsyncs its manifest and
# trash renames, the anchors do not, so timing without the sync would charge
# opskit alone for flushing the journal.
timeit() {
    local var=$1; shift; settle
    local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null; sync; t1=$(date +%s.%N)
    eval "$var+=(\$(python3 -c \"print(f'{$t1-$t0:.3f}')\"))"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

export OPSKIT_CONFIG=/dev/null
ok() { "$OPSKIT" --no-config snapshot "$@"; }
flags=(-a --numeric-ids --modify-window=-1 -x)   # what opskit passes by default (hard_links = false)
eff=("${flags[@]}"); [[ "$(rsync --help 2>/dev/null)" == *--insecure-links* ]] && eff+=(--insecure-links)   # ... plus this on private paths

rsnap_conf() { # $1 dir, $2 link_dest
    printf 'config_version\t1.2\nsnapshot_root\t%s/\ncmd_cp\t/bin/cp\ncmd_rm\t/bin/rm\ncmd_rsync\t/usr/bin/rsync\nlink_dest\t%s\nretain\talpha\t%s\nlockfile\t%s/rsnapshot.pid\nbackup\t%s/\tlocalhost/\n' \
        "$1" "$2" "$((trials + 2))" "$1" "$src" > "$1.conf"
}
mkdir -p "$run/rsnap1" "$run/rsnap0"; rsnap_conf "$run/rsnap1" 1; rsnap_conf "$run/rsnap0" 0

# Warm the source once so the first timed step does not pay for reading it from disk alone.
[ -n "${COLD:-}" ] || find "$src" -type f -exec cat {} + > /dev/null

# 1. first snapshot
first_ok=(); first_rsync=(); first_rs1=(); first_rs0=()
timeit first_ok ok create --source "$src" --dest "$run/ok" --series bench
timeit first_rsync rsync "${flags[@]}" "$src/" "$run/rsync/s0/"
mkdir -p "$run/deep/bench/s0"; rsync "${flags[@]}" "$src/" "$run/deep/bench/s0/tree/"
rsync "${flags[@]}" "$src/" "$run/eff/s0/"
timeit first_rs1 rsnapshot -c "$run/rsnap1.conf" alpha
timeit first_rs0 rsnapshot -c "$run/rsnap0.conf" alpha

# 2. unchanged incremental, alternating who goes first
inc_ok=(); inc_rsync=(); inc_rs1=(); inc_rs0=(); inc_deep=(); inc_eff=()
for i in $(seq 1 "$trials"); do
    if (( i % 2 )); then
        timeit inc_ok ok create --source "$src" --dest "$run/ok" --series bench
        timeit inc_rsync rsync "${flags[@]}" --link-dest="$run/rsync/s$((i-1))" "$src/" "$run/rsync/s$i/"
    else
        timeit inc_rsync rsync "${flags[@]}" --link-dest="$run/rsync/s$((i-1))" "$src/" "$run/rsync/s$i/"
        timeit inc_ok ok create --source "$src" --dest "$run/ok" --series bench
    fi
    timeit inc_eff rsync "${eff[@]}" --link-dest="$run/eff/s$((i-1))" "$src/" "$run/eff/s$i/"
    mkdir -p "$run/deep/bench/s$i"
    timeit inc_deep rsync "${flags[@]}" --link-dest="$run/deep/bench/s$((i-1))/tree" "$src/" "$run/deep/bench/s$i/tree/"
    timeit inc_rs1 rsnapshot -c "$run/rsnap1.conf" alpha
    timeit inc_rs0 rsnapshot -c "$run/rsnap0.conf" alpha
done
# check: the last opskit snapshot is all hard links to its predecessor (no file data copied)
last=$(ls -d "$run/ok/bench/"2* | tail -1)
new_inodes=$(find "$last/tree" -type f -links 1 | wc -l)
[ "$new_inodes" -eq 0 ] || { echo "unexpected: $new_inodes unshared files in $last" >&2; exit 1; }
# check: its directory times equal the source's to the nanosecond (create runs no separate directory pass)
dirtimes() { (cd "$1" && find . -type d -printf '%p %T@\n' | sort); }
[ "$(dirtimes "$src")" = "$(dirtimes "$last/tree")" ] || { echo "unexpected: directory times of $last/tree differ from the source" >&2; exit 1; }

# 3. rotation delete of one old snapshot whose files live on (the daily case) vs rm -rf of the same kind
del_ok=(); del_rm=()
for i in $(seq 1 "$trials"); do
    count=$(ls -d "$run/ok/bench/"2* | wc -l)
    timeit del_ok ok rotate --root "$run/ok" --series bench --keep-last $((count - 1))
    timeit del_rm rm -rf "$run/rsync/s$((i-1))"
done

# 4. deleting the last copy of the data (frees the whole tree): adopted full copy vs rm -rf of a full copy,
#    alternating who goes first (freeing 1 GiB of extents varies by seconds from run to run on a VM disk)
lc_ok=(); lc_rm=()
mkdir -p "$run/tiny"; echo x > "$run/tiny/x"
for i in $(seq 1 "$trials"); do
    rsync -a "$src/" "$run/full-a/"; rsync -a "$src/" "$run/full-b/"
    ok adopt --root "$run/ok" --series "lastcopy$i" --at 2020-01-01T00:00:00Z "$run/full-a" >/dev/null
    cp -a "$run/tiny" "$run/tiny$i"
    ok adopt --root "$run/ok" --series "lastcopy$i" --at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$run/tiny$i" >/dev/null
    if (( i % 2 )); then
        timeit lc_ok ok rotate --root "$run/ok" --series "lastcopy$i" --keep-last 1 --allow-stale
        timeit lc_rm rm -rf "$run/full-b"
    else
        timeit lc_rm rm -rf "$run/full-b"
        timeit lc_ok ok rotate --root "$run/ok" --series "lastcopy$i" --keep-last 1 --allow-stale
    fi
done

m() { median "$@"; }
ratio() { python3 -c "print(f'{$1/$2:.2f}x')"; }
echo
printf '%-34s %10s %10s %12s %12s\n' "step (median s)" opskit "rsync" "rsnap ld1" "rsnap cp-al"
printf '%-34s %10s %10s %12s %12s\n' "first snapshot" "$(m "${first_ok[@]}")" "$(m "${first_rsync[@]}")" "$(m "${first_rs1[@]}")" "$(m "${first_rs0[@]}")"
printf '%-34s %10s %10s %12s %12s\n' "unchanged incremental (N=$trials)" "$(m "${inc_ok[@]}")" "$(m "${inc_rsync[@]}")" "$(m "${inc_rs1[@]}")" "$(m "${inc_rs0[@]}")"
printf '%-34s %10s %10s\n' "" opskit "rm -rf"
printf '%-34s %10s %10s\n' "delete shared snapshot (N=$trials)" "$(m "${del_ok[@]}")" "$(m "${del_rm[@]}")"
printf '%-34s %10s %10s\n' "delete last copy (N=$trials)" "$(m "${lc_ok[@]}")" "$(m "${lc_rm[@]}")"
echo
echo "ratio first snapshot      opskit / bare rsync:        $(ratio "$(m "${first_ok[@]}")" "$(m "${first_rsync[@]}")")"
echo "ratio unchanged increment opskit / bare rsync:        $(ratio "$(m "${inc_ok[@]}")" "$(m "${inc_rsync[@]}")")   (goal <= 1.05x)"
echo "ratio unchanged increment opskit / rsnapshot ld1:     $(ratio "$(m "${inc_ok[@]}")" "$(m "${inc_rs1[@]}")")"
echo "  (info) bare rsync ${eff[*]}: $(m "${inc_eff[@]}") s; opskit / it: $(ratio "$(m "${inc_ok[@]}")" "$(m "${inc_eff[@]}")")   (same effective flags: opskit's own overhead)"
echo "  (info) bare rsync with --link-dest as deep as opskit's: $(m "${inc_deep[@]}") s; it / bare rsync: $(ratio "$(m "${inc_deep[@]}")" "$(m "${inc_rsync[@]}")")"
echo "ratio unchanged increment opskit / rsnapshot cp -al:  $(ratio "$(m "${inc_ok[@]}")" "$(m "${inc_rs0[@]}")")"
echo "ratio delete shared       opskit rotate / rm -rf:     $(ratio "$(m "${del_ok[@]}")" "$(m "${del_rm[@]}")")   (goal <= 1.1x)"
echo "ratio delete last copy    opskit rotate / rm -rf:     $(ratio "$(m "${lc_ok[@]}")" "$(m "${lc_rm[@]}")")   (goal <= 1.1x)"
echo "raw: first ok=${first_ok[*]} rsync=${first_rsync[*]}; inc ok=${inc_ok[*]} rsync=${inc_rsync[*]} eff=${inc_eff[*]} deep=${inc_deep[*]}; del ok=${del_ok[*]} rm=${del_rm[*]}; last copy ok=${lc_ok[*]} rm=${lc_rm[*]}"
rm -rf "$run"
