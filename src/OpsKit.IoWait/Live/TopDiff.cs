// Turns two /proc snapshots into a TopSample: counter deltas divided by the
// uptime between them; a pid whose start time changed is a new process.
namespace OpsKit.IoWait.Live;

/// <summary>Snapshot differences.</summary>
public static class TopDiff
{
    /// <summary>USER_HZ: stat field 42 is in clock ticks of 1/100 s on Linux.</summary>
    public const double UserHz = 100;

    /// <summary>The sample between <paramref name="a"/> and <paramref name="b"/>.</summary>
    public static TopSample Between(ProcSnapshot a, ProcSnapshot b)
    {
        var seconds = b.Uptime - a.Uptime;
        if (seconds <= 0) seconds = 1e-3;
        var rows = new List<TopRow>();
        int seen = 0, hidden = 0;
        foreach (var (pid, now) in b.Processes)
        {
            if (!a.Processes.TryGetValue(pid, out var before) || before.StartTime != now.StartTime)
            {
                // Started during the interval (start time is in ticks since boot): everything it did is new.
                if (now.StartTime / UserHz < a.Uptime) continue;
                before = now with { BlkioTicks = 0, Io = now.Io is null ? null : default(IoCounters) };
            }
            seen++;
            var wait = Math.Min(100, Math.Max(0, (now.BlkioTicks - before.BlkioTicks) / UserHz / seconds * 100));
            double? rd = null, wr = null, cw = null;
            if (now.Io is { } n && before.Io is { } o)
            {
                rd = Math.Max(0, n.ReadBytes - o.ReadBytes) / seconds;
                wr = Math.Max(0, n.WriteBytes - o.WriteBytes) / seconds;
                cw = Math.Max(0, n.CancelledWriteBytes - o.CancelledWriteBytes) / seconds;
            }
            else
            {
                hidden++;
            }
            if (wait > 0 || rd > 0 || wr > 0 || cw > 0) rows.Add(new TopRow(pid, now.Comm, now.Uid, wait, rd, wr, cw));
        }
        rows.Sort((x, y) =>
        {
            var c = y.IoWaitPercent.CompareTo(x.IoWaitPercent);
            if (c == 0) c = y.BytesPerSec.CompareTo(x.BytesPerSec);
            return c != 0 ? c : x.Pid.CompareTo(y.Pid);
        });
        double? some = null, full = null;
        if (a.Pressure is { } pa && b.Pressure is { } pb)
        {
            some = Math.Min(100, (pb.SomeTotalUs - pa.SomeTotalUs) / 1e6 / seconds * 100);
            full = Math.Min(100, (pb.FullTotalUs - pa.FullTotalUs) / 1e6 / seconds * 100);
        }
        return new TopSample(seconds, some, full, rows, Disks(a, b, seconds), seen, hidden, b.TaskDelayAcct);
    }

    private static List<DiskRow> Disks(ProcSnapshot a, ProcSnapshot b, double seconds)
    {
        var before = a.Disks.ToDictionary(d => d.Name);
        var rows = new List<DiskRow>();
        foreach (var d in b.Disks)
        {
            if (!before.TryGetValue(d.Name, out var o)) continue;
            var row = new DiskRow(d.Name, (d.SectorsRead - o.SectorsRead) * 512.0 / seconds, (d.SectorsWritten - o.SectorsWritten) * 512.0 / seconds,
                Math.Min(100, (d.IoMillis - o.IoMillis) / 10.0 / seconds));
            if (row.ReadBytesPerSec > 0 || row.WriteBytesPerSec > 0 || row.UtilPercent > 0) rows.Add(row);
        }
        // Partitions repeat their disk's IO: keep sda, drop sda1 (also nvme0n1p1, mmcblk0p1).
        var names = rows.Select(r => r.Name).ToHashSet();
        return rows.Where(r => !IsPartitionOfListed(r.Name, names))
            .OrderByDescending(r => r.UtilPercent).ThenByDescending(r => r.ReadBytesPerSec + r.WriteBytesPerSec).ToList();
    }

    private static bool IsPartitionOfListed(string name, HashSet<string> names)
    {
        if (name.Length == 0 || !char.IsAsciiDigit(name[^1])) return false;
        var stem = name.TrimEnd("0123456789".ToCharArray());
        if (stem.EndsWith('p') && names.Contains(stem[..^1])) return true;
        return stem != name && names.Contains(stem);
    }
}
