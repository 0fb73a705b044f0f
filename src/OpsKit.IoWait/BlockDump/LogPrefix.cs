// Strips the log prefixes dmesg, syslog and the journal put before a
// block_dump message and reads their time stamps: "<7>", /dev/kmsg headers,
// "kern  :debug : ", syslog/journal "STAMP HOST kernel: ", ISO stamps and
// "[ uptime]" / "[Wed Jan 31 09:14:54 2024]" brackets. Span-based, no regex.
using System.Runtime.CompilerServices;

namespace OpsKit.IoWait.BlockDump;

/// <summary>Log prefix recognition.</summary>
public static class LogPrefix
{
    /// <summary>Returns where the message (the comm) starts in <paramref name="head"/> and fills the stamps.</summary>
    /// <param name="head">The line up to the comm's end.</param>
    /// <param name="year">Year assumed for syslog stamps that carry none.</param>
    /// <param name="rec">Receives UptimeMicros and WallTicks.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Skip(ReadOnlySpan<byte> head, int year, ref BlockDumpRecord rec)
    {
        var i = 0;
        // "<7>" from /proc/kmsg or klogd.
        if (head.Length > 2 && head[0] == '<')
        {
            var j = 1;
            while (j < head.Length && IsDigit(head[j])) j++;
            if (j > 1 && j < head.Length && head[j] == '>') i = j + 1;
        }
        // /dev/kmsg: "PRI,SEQ,USEC,FLAGS;message".
        i = SkipKmsgHeader(head, i, ref rec);
        // dmesg -x: "kern  :debug : ".
        i = SkipFacilityLevel(head, i);
        // syslog files and journalctl -k: everything up to "kernel: " is a header.
        var k = Bytes.IndexOf(head[i..], "kernel: "u8);
        if (k >= 0 && (k == 0 || head[i + k - 1] == ' '))
        {
            ReadHeaderStamp(head.Slice(i, k), year, ref rec);
            i += k + 8;
        }
        else if (i + 10 < head.Length && IsDigit(head[i]) && head[i + 4] == '-' && head[i + 10] == 'T')
        {
            // dmesg --time-format iso: "2024-01-31T09:14:54,123456+00:00 message".
            var sp = head[i..].IndexOf((byte)' ');
            if (sp > 0 && Stamps.TryIso(head.Slice(i, sp), out var t)) { rec.WallTicks = t; i += sp + 1; }
        }
        // "[ 6691.516770] " or "[Wed Jan 31 09:14:54 2024] ".
        if (i < head.Length && head[i] == '[')
        {
            var close = Bytes.IndexOf(head[i..], (byte)']');
            if (close > 0 && i + close + 1 < head.Length && head[i + close + 1] == ' '
                && ReadBracket(head.Slice(i + 1, close - 1), ref rec))
                i += close + 2;
        }
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipKmsgHeader(ReadOnlySpan<byte> head, int i, ref BlockDumpRecord rec)
    {
        if (i >= head.Length || !IsDigit(head[i])) return i;
        var semi = head[i..].IndexOf((byte)';');
        if (semi <= 0 || semi > 64) return i;
        var h = head.Slice(i, semi);
        // Three numeric fields, then flags: "7,1234,6691516770,-".
        var c1 = h.IndexOf((byte)',');
        if (c1 <= 0 || !AllDigits(h[..c1])) return i;
        var rest = h[(c1 + 1)..];
        var c2 = rest.IndexOf((byte)',');
        if (c2 <= 0 || !AllDigits(rest[..c2])) return i;
        rest = rest[(c2 + 1)..];
        var c3 = rest.IndexOf((byte)',');
        var usec = c3 < 0 ? rest : rest[..c3];
        if (usec.Length == 0 || !AllDigits(usec)) return i;
        rec.UptimeMicros = ParseLong(usec);
        return i + semi + 1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int SkipFacilityLevel(ReadOnlySpan<byte> head, int i)
    {
        // "kern  :debug : " — word, spaces, ':', word, spaces, ": ".
        var j = i;
        while (j < head.Length && IsLower(head[j])) j++;
        if (j == i || j - i > 8) return i;
        while (j < head.Length && head[j] == ' ') j++;
        if (j >= head.Length || head[j] != ':') return i;
        j++;
        var w = j;
        while (j < head.Length && IsLower(head[j])) j++;
        if (j == w) return i;
        while (j < head.Length && head[j] == ' ') j++;
        if (j + 1 >= head.Length || head[j] != ':' || head[j + 1] != ' ') return i;
        return j + 2;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadHeaderStamp(ReadOnlySpan<byte> header, int year, ref BlockDumpRecord rec)
    {
        if (header.Length > 0 && header[0] == '[')
        {
            // journalctl -o short-monotonic: "[ 1012.830775] HOST kernel: ".
            var close = Bytes.IndexOf(header, (byte)']');
            if (close > 0) ReadBracket(header.Slice(1, close - 1), ref rec);
            return;
        }
        var sp = Bytes.IndexOf(header, (byte)' ');
        if (sp > 10 && header[4] == '-' && Stamps.TryIso(header[..sp], out var iso)) { rec.WallTicks = iso; return; }
        if (Stamps.TrySyslog(header, year, out var t)) rec.WallTicks = t;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool ReadBracket(ReadOnlySpan<byte> inner, ref BlockDumpRecord rec)
    {
        var lead = 0;
        while (lead < inner.Length && inner[lead] == ' ') lead++; // not TrimStart: a generic CoreLib call ran unoptimized
        var s = inner[lead..];
        if (s.Length > 0 && IsDigit(s[0]))
        {
            if (!Stamps.TryUptime(s, out var us)) return false;
            rec.UptimeMicros = us;
            return true;
        }
        if (s.Length > 0 && s[0] == '+') return true; // dmesg --time-format delta: no absolute stamp
        if (Stamps.TryCtime(s, out var t)) { rec.WallTicks = t; return true; }
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsLower(byte b) => (uint)(b - 'a') <= 25;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool AllDigits(ReadOnlySpan<byte> s)
    {
        foreach (var b in s) if (!IsDigit(b)) return false;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static long ParseLong(ReadOnlySpan<byte> s)
    {
        long v = 0;
        foreach (var b in s) v = unchecked(v * 10 + (b - '0'));
        return v;
    }
}
