# iowait: the 2011 block_dump one-liner next to 'opskit iowait summary' on a
# real capture, the 5.14+ answer when block_dump is gone, and 'iowait top' live
# while a direct-IO dd writes.
set -u
say() { printf '\n$ %s\n' "$*"; }
run() { say "$*"; "$@"; echo "(exit $?)"; }
log="$REPO/tests/data/iowait/blockdump-2.6.27-dmesg-with-noise.txt"

say "egrep \"READ|WRITE|dirtied\" $(basename "$log") | egrep -o '([a-zA-Z]*)' | sort | uniq -c | sort -rn | head   # the 2011 recipe"
egrep "READ|WRITE|dirtied" "$log" 2>/dev/null | egrep -o '([a-zA-Z]*)' 2>/dev/null | sort | uniq -c | sort -rn | head
echo "(device stems and filler words on top; gnome-do split in two; pids lost)"

run "$OPSKIT" iowait summary "$log"
run "$OPSKIT" iowait summary --by command --top 3 "$log"
say "gzip -c $(basename "$log") | $OPSKIT iowait summary --json --top 1 | head -20"
gzip -c "$log" | "$OPSKIT" iowait summary --json --top 1 | head -20

run "$OPSKIT" iowait enable
echo "(this kernel: $(uname -r); block_dump went away in 5.14, so the live view is 'iowait top')"

say "dd if=/dev/zero of=dd.out bs=256k count=8192 oflag=direct,dsync &   # a writer to find"
dd if=/dev/zero of=dd.out bs=256k count=8192 oflag=direct,dsync status=none &
dd_pid=$!
run "$OPSKIT" iowait top --interval 1 --count 3 --top 5
kill "$dd_pid" 2>/dev/null; wait "$dd_pid" 2>/dev/null
rm -f dd.out
