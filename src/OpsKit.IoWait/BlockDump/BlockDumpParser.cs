// Recognises one block_dump line in every kernel era's shape (2.4 laptop-mode to 5.13)
// behind any log prefix LogPrefix knows. The comm is the text between the prefix and the
// "(PID): " whose remainder is a complete block_dump message, so comms with spaces,
// dashes, colons, slashes or parentheses survive and look-alike lines are rejected.
using System.Runtime.CompilerServices;

namespace OpsKit.IoWait.BlockDump;

/// <summary>The block_dump line parser. Allocation-free.</summary>
public static class BlockDumpParser
{
    /// <summary>TASK_COMM_LEN - 1: the kernel truncates comm to 15 bytes; one spare byte of tolerance.</summary>
    public const int MaxCommBytes = 16;

    /// <summary>Parses a line (without its newline). False for any other line.</summary>
    /// <param name="line">The raw line.</param>
    /// <param name="year">Year for syslog stamps without one.</param>
    /// <param name="rec">The event when true.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> line, int year, out BlockDumpRecord rec)
    {
        rec = default;
        line = TrimEnd(line);
        var from = 0;
        while (true)
        {
            // Single-byte search for ')' is the fastest vectorized scan; then check ": ".
            var rel = Bytes.IndexOf(line[from..], (byte)')');
            if (rel < 0) break;
            var close = from + rel;
            if (close + 2 >= line.Length || line[close + 1] != ':' || line[close + 2] != ' ')
            {
                from = close + 1;
                continue;
            }
            var d = close;
            while (d > 0 && LogPrefix.IsDigit(line[d - 1])) d--;
            if (d < close && d > 0 && line[d - 1] == '(' && close - d <= 9
                && MessageParser.TryParse(line[(close + 3)..], ref rec)
                && TryComm(line[..(d - 1)], year, ref rec))
            {
                rec.Pid = (int)LogPrefix.ParseLong(line[d..close]);
                return true;
            }
            from = close + 1;
        }
        return TryParse24(line, year, ref rec);
    }

    /// <summary>2.4 laptop mode: "COMM: OP block SECTOR/COUNT on DEV" with no pid.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParse24(ReadOnlySpan<byte> line, int year, ref BlockDumpRecord rec)
    {
        var b = Bytes.IndexOf(line, " block "u8);
        if (b < 0) return false;
        var colon = line[..b].LastIndexOf(": "u8);
        if (colon < 0) return false;
        var op = line[(colon + 2)..b];
        if (!MessageParser.TryOpWord(op, out rec.Op)) return false;
        var rest = line[(b + 7)..];
        var slash = rest.IndexOf((byte)'/');
        var on = rest.IndexOf(" on "u8);
        if (slash <= 0 || on <= slash + 1) return false;
        if (!MessageParser.TryNumber(rest[..slash], out rec.Sector)
            || !MessageParser.TryNumber(rest[(slash + 1)..on], out var count)) return false;
        var dev = rest[(on + 4)..];
        if (dev.Length == 0 || dev.IndexOf((byte)' ') >= 0) return false;
        rec.Sectors = (long)count;
        rec.Device = dev;
        rec.Pid = -1;
        rec.UptimeMicros = -1;
        return TryComm(line[..colon], year, ref rec);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryComm(ReadOnlySpan<byte> head, int year, ref BlockDumpRecord rec)
    {
        rec.UptimeMicros = -1;
        rec.WallTicks = 0;
        var start = LogPrefix.Skip(head, year, ref rec);
        var comm = head[start..];
        if (comm.Length == 0 || comm.Length > MaxCommBytes) return false;
        rec.Comm = comm;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ReadOnlySpan<byte> TrimEnd(ReadOnlySpan<byte> s)
    {
        var n = s.Length;
        while (n > 0 && (s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
        return s[..n];
    }
}
