# A correct per-task block_dump summary in awk (the bench's second anchor): keyed by
# comm(pid), READ/WRITE/dirtied separated, bytes from "(N sectors)". Knows the
# prefixes the bench generator writes (syslog "... kernel: " and "[ uptime] ").
# Output: events, task, reads, writes, dirtied, bytes (tab-separated, unsorted).
{
    if (match($0, /\([0-9]+\): (READ|WRITE|READA|SWRITE) block [0-9]+ on [^ ]+( \([0-9]+ sectors\))?$/) == 0 &&
        match($0, /\([0-9]+\): dirtied inode [0-9]+ \(.*\) on [^ ]+$/) == 0) next
    head = substr($0, 1, RSTART - 1); rest = substr($0, RSTART)
    k = index(head, " kernel: "); if (k) head = substr(head, k + 9)
    sub(/^\[[^]]*\] /, "", head)
    if (head == "" || length(head) > 16) next
    key = head "(" substr(rest, 2, index(rest, ")") - 2) ")"
    ev[key]++
    if (rest ~ /^\([0-9]+\): dirtied/) di[key]++
    else if (rest ~ /^\([0-9]+\): S?WRITE/) wr[key]++
    else rd[key]++
    if (match(rest, /\([0-9]+ sectors\)$/)) by[key] += substr(rest, RSTART + 1, RLENGTH - 10) * 512
}
END { for (k in ev) printf "%d\t%s\t%d\t%d\t%d\t%.0f\n", ev[k], k, rd[k], wr[k], di[k], by[k] }
