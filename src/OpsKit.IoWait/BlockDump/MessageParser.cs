// The part of a block_dump line after "COMM(PID): ":
//   READ|WRITE|READA|SWRITE block SECTOR on DEV[ (N sectors)]
//   dirtied inode INO (NAME) on DEV     (NAME may hold spaces and parentheses)
//   dirtied page | dirtied buffer       (2.6.0-2.6.5 out-of-tree patches)
using System.Runtime.CompilerServices;

namespace OpsKit.IoWait.BlockDump;

/// <summary>Parses the message after the comm and pid.</summary>
internal static class MessageParser
{
    /// <summary>True when <paramref name="m"/> is a complete block_dump message.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> m, ref BlockDumpRecord rec)
    {
        if (m.Length < 12) return false;
        if (m[0] == 'd') return TryDirtied(m, ref rec);
        var sp = Bytes.IndexOf(m, (byte)' ');
        if (sp < 4 || sp > 6 || !TryOpWord(m[..sp], out rec.Op)) return false;
        m = m[(sp + 1)..];
        if (!m.StartsWith("block "u8)) return false;
        m = m[6..];
        var on = Bytes.IndexOf(m, " on "u8);
        if (on <= 0 || !TryNumber(m[..on], out rec.Sector)) return false;
        var dev = m[(on + 4)..];
        rec.Sectors = -1;
        var blank = Bytes.IndexOf(dev, (byte)' ');
        if (blank >= 0)
        {
            // " (N sectors)" since ~2.6.37.
            var tail = dev[(blank + 1)..];
            if (!tail.StartsWith("("u8) || !tail.EndsWith(" sectors)"u8)
                || !TryNumber(tail[1..^9], out var n)) return false;
            rec.Sectors = (long)n;
            dev = dev[..blank];
        }
        if (dev.Length == 0) return false;
        rec.Device = dev;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryDirtied(ReadOnlySpan<byte> m, ref BlockDumpRecord rec)
    {
        if (!m.StartsWith("dirtied "u8)) return false;
        m = m[8..];
        if (m.SequenceEqual("page"u8) || m.SequenceEqual("buffer"u8))
        {
            rec.Op = BlockOp.DirtiedPage;
            rec.Sectors = -1;
            return true;
        }
        if (!m.StartsWith("inode "u8)) return false;
        m = m[6..];
        var open = Bytes.IndexOf(m, " ("u8);
        var on = Bytes.LastIndexOf(m, ") on "u8);
        if (open <= 0 || on < open + 1 || !TryNumber(m[..open], out rec.Inode)) return false;
        var dev = m[(on + 5)..];
        if (dev.Length == 0 || Bytes.IndexOf(dev, (byte)' ') >= 0) return false;
        rec.Op = BlockOp.DirtiedInode;
        rec.InodeName = m[(open + 2)..on];
        rec.Device = dev;
        rec.Sectors = -1;
        return true;
    }

    /// <summary>READ, WRITE, READA or SWRITE.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // small: inlined into its AggressiveOptimization callers (AO methods are not inlined)
    public static bool TryOpWord(ReadOnlySpan<byte> w, out BlockOp op)
    {
        op = default;
        if (w.SequenceEqual("READ"u8)) op = BlockOp.Read;
        else if (w.SequenceEqual("WRITE"u8)) op = BlockOp.Write;
        else if (w.SequenceEqual("READA"u8)) op = BlockOp.ReadAhead;
        else if (w.SequenceEqual("SWRITE"u8)) op = BlockOp.SyncWrite;
        else return false;
        return true;
    }

    /// <summary>A non-empty run of decimal digits (at most 20).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // small: inlined into its AggressiveOptimization callers (AO methods are not inlined)
    public static bool TryNumber(ReadOnlySpan<byte> s, out ulong value)
    {
        value = 0;
        if (s.Length == 0 || s.Length > 20) return false;
        foreach (var b in s)
        {
            if (!LogPrefix.IsDigit(b)) return false;
            value = unchecked(value * 10 + (uint)(b - '0'));
        }
        return true;
    }
}
