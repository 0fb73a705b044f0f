// Parsers for the /proc files "iowait top" samples: /proc/<pid>/io, /proc/<pid>/stat
// (field 22 starttime, field 42 delayacct_blkio_ticks), /proc/pressure/io, /proc/diskstats.
using System.Globalization;

namespace OpsKit.IoWait.Live;

/// <summary>Raw IO counters of one process.</summary>
/// <param name="ReadBytes">Bytes it caused to be read from storage.</param>
/// <param name="WriteBytes">Bytes it caused to be written (charged when pages are dirtied).</param>
/// <param name="CancelledWriteBytes">Dirty bytes it threw away (truncate, unlink).</param>
/// <param name="SyscR">read-like syscalls.</param>
/// <param name="SyscW">write-like syscalls.</param>
public readonly record struct IoCounters(long ReadBytes, long WriteBytes, long CancelledWriteBytes, long SyscR, long SyscW);

/// <summary>PSI totals (microseconds stalled) and the kernel's 10 s averages.</summary>
/// <param name="SomeTotalUs">Time some task was stalled on IO.</param>
/// <param name="FullTotalUs">Time all non-idle tasks were stalled.</param>
/// <param name="SomeAvg10">avg10 of "some".</param>
/// <param name="FullAvg10">avg10 of "full".</param>
public readonly record struct Pressure(long SomeTotalUs, long FullTotalUs, double SomeAvg10, double FullAvg10);

/// <summary>One /proc/diskstats line.</summary>
/// <param name="Name">Device name.</param>
/// <param name="SectorsRead">Sectors read.</param>
/// <param name="SectorsWritten">Sectors written.</param>
/// <param name="IoMillis">Milliseconds spent doing IO (busy time).</param>
public readonly record struct DiskCounters(string Name, long SectorsRead, long SectorsWritten, long IoMillis);

/// <summary>The parsers.</summary>
public static class ProcParsers
{
    /// <summary>/proc/&lt;pid&gt;/io.</summary>
    public static IoCounters ParseIo(string text)
    {
        long r = 0, w = 0, c = 0, sr = 0, sw = 0;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            var value = long.TryParse(line.AsSpan(colon + 1).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : 0;
            switch (line[..colon])
            {
                case "read_bytes": r = value; break;
                case "write_bytes": w = value; break;
                case "cancelled_write_bytes": c = value; break;
                case "syscr": sr = value; break;
                case "syscw": sw = value; break;
            }
        }
        return new IoCounters(r, w, c, sr, sw);
    }

    /// <summary>/proc/&lt;pid&gt;/stat: comm, starttime (field 22) and delayacct_blkio_ticks (field 42).</summary>
    public static bool TryParseStat(string text, out string comm, out long startTime, out long blkioTicks)
    {
        comm = "";
        startTime = blkioTicks = 0;
        // comm may hold spaces and ')': it runs from the first '(' to the last ')'.
        var open = text.IndexOf('(');
        var close = text.LastIndexOf(')');
        if (open < 0 || close < open) return false;
        comm = text[(open + 1)..close];
        var rest = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // rest[0] is field 3 (state), so field N is rest[N - 3].
        if (rest.Length < 20) return false;
        startTime = long.TryParse(rest[22 - 3], CultureInfo.InvariantCulture, out var st) ? st : 0;
        if (rest.Length > 42 - 3) blkioTicks = long.TryParse(rest[42 - 3], CultureInfo.InvariantCulture, out var bt) ? bt : 0;
        return true;
    }

    /// <summary>/proc/pressure/io.</summary>
    public static Pressure ParsePressure(string text)
    {
        long some = 0, full = 0;
        double s10 = 0, f10 = 0;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            double avg10 = 0;
            long total = 0;
            foreach (var part in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.StartsWith("avg10=", StringComparison.Ordinal)) double.TryParse(part[6..], NumberStyles.Float, CultureInfo.InvariantCulture, out avg10);
                else if (part.StartsWith("total=", StringComparison.Ordinal)) long.TryParse(part[6..], CultureInfo.InvariantCulture, out total);
            }
            if (line.StartsWith("some", StringComparison.Ordinal)) { some = total; s10 = avg10; }
            else if (line.StartsWith("full", StringComparison.Ordinal)) { full = total; f10 = avg10; }
        }
        return new Pressure(some, full, s10, f10);
    }

    /// <summary>/proc/diskstats: whole devices and partitions alike.</summary>
    public static List<DiskCounters> ParseDiskstats(string text)
    {
        var list = new List<DiskCounters>();
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 14) continue;
            long L(int i) => long.TryParse(f[i], CultureInfo.InvariantCulture, out var v) ? v : 0;
            list.Add(new DiskCounters(f[2], L(5), L(9), L(12)));
        }
        return list;
    }
}
