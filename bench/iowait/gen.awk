# Generates a synthetic block_dump kernel log for the benchmark:
# ~70 % block_dump lines (80 % with "(N sectors)"), syslog-style prefixes with
# uptime stamps, comms with spaces/slashes/dashes, and look-alike noise lines.
# Usage: mawk -v bytes=N -v seed=S -f gen.awk > FILE
BEGIN {
    srand(seed ? seed : 2011)
    nc = split("dd|kjournald|jbd2/sda1-8|flush-8:0|kworker/u8:1|Web Content|(sd-pam)|gnome-do|updatedb.mlocat|btrfs-transacti|php-fpm7.4|mysqld|rsync|ceph-osd|postgres|nginx", comm, "|")
    nd = split("sda1 sda5 sdb md1 dm-0 nvme0n1p1 vda1", dev, " ")
    nn = split("ata1.00: failed command: READ FPDMA QUEUED|blk_update_request: I/O error, dev sda, sector 1234 op 0x1:(WRITE) flags 0x800|EXT4-fs (sda1): mounted filesystem with ordered data mode|compiz.real[6343]: segfault at 0 ip 0 sp 0 error 4", noise, "|")
    for (t = 1; t <= 178; t++) { tc[t] = comm[int(rand() * nc) + 1]; tp[t] = int(rand() * 4000000) + 1 }
    up = 1000; total = 0
    while (total < bytes) {
        up += rand() * 0.001
        pre = sprintf("Jan 31 09:%02d:%02d srv kernel: [%12.6f] ", int(up / 60) % 60, int(up) % 60, up)
        r = rand()
        if (r < 0.3) line = pre noise[int(rand() * nn) + 1]
        else {
            t = int(rand() * rand() * 178) + 1
            if (r < 0.4) { f = int(rand() * 8); line = sprintf("%s%s(%d): dirtied inode %d (file %d-%d.log) on %s", pre, tc[t], tp[t], t * 1000 + f, t, f, dev[(t + f) % nd + 1]) }
            else {
                op = rand() < 0.5 ? "READ" : "WRITE"
                line = sprintf("%s%s(%d): %s block %d on %s", pre, tc[t], tp[t], op, int(rand() * 900000000), dev[int(rand() * nd) + 1])
                if (rand() < 0.8) line = line sprintf(" (%d sectors)", 2 ^ int(rand() * 11))
            }
        }
        print line
        total += length(line) + 1
    }
}
