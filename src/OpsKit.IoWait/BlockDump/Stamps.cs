// Time stamps found in kernel log prefixes, parsed from bytes without allocating:
// uptime "6691.516770", syslog "Jan 29 12:16:47[.123456]", ISO 8601 / RFC 3339,
// ctime "Wed Jan 31 09:14:54 2024" (dmesg -T).
using System.Runtime.CompilerServices;

namespace OpsKit.IoWait.BlockDump;

/// <summary>Stamp parsers; wall-clock results are DateTime ticks (local time as written, no zone shift).</summary>
public static class Stamps
{
    private static ReadOnlySpan<byte> Months => "JanFebMarAprMayJunJulAugSepOctNovDec"u8;

    /// <summary>"6691.516770" → microseconds.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // small: inlined into its AggressiveOptimization callers (AO methods are not inlined)
    public static bool TryUptime(ReadOnlySpan<byte> s, out long micros)
    {
        micros = 0;
        var i = 0;
        long whole = 0;
        while (i < s.Length && LogPrefix.IsDigit(s[i])) whole = whole * 10 + (s[i++] - '0');
        if (i == 0) return false;
        // Fraction digits accumulate as an integer and are scaled once at the end:
        // a division per digit showed as ~3 % of a summary's CPU (one stamp per line).
        long frac = 0;
        var digits = 0;
        if (i < s.Length && s[i] == '.')
        {
            i++;
            for (; i < s.Length && LogPrefix.IsDigit(s[i]); i++)
                if (digits < 6) { frac = frac * 10 + (s[i] - '0'); digits++; }
        }
        if (i != s.Length) return false;
        for (; digits < 6; digits++) frac *= 10;
        micros = whole * 1_000_000 + frac;
        return true;
    }

    /// <summary>"Jan 29 12:16:47" (optionally with fractional seconds) at the start of <paramref name="s"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TrySyslog(ReadOnlySpan<byte> s, int year, out long ticks)
    {
        ticks = 0;
        if (s.Length < 15 || s[3] != ' ' || s[6] != ' ') return false;
        var month = Month(s[..3]);
        if (month == 0) return false;
        var day = s[4] == ' ' ? Digit(s[5]) : Two(s, 4);
        return TryClock(s[7..], out var tod) && Make(year, month, day, tod, out ticks);
    }

    /// <summary>"2024-01-31T09:14:54[.,]frac(Z|+hh:mm|+hhmm)": the written local time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryIso(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || (s[10] != 'T' && s[10] != ' ')) return false;
        var year = Two(s, 0) * 100 + Two(s, 2);
        return TryClock(s[11..], out var tod) && Make(year, Two(s, 5), Two(s, 8), tod, out ticks);
    }

    /// <summary>"Wed Jan 31 09:14:54 2024".</summary>
    public static bool TryCtime(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (s.Length < 24 || s[3] != ' ' || s[7] != ' ' || s[19] != ' ') return false;
        var month = Month(s.Slice(4, 3));
        var day = s[8] == ' ' ? Digit(s[9]) : Two(s, 8);
        var year = Two(s, 20) * 100 + Two(s, 22);
        return month != 0 && TryClock(s[11..19], out var tod) && Make(year, month, day, tod, out ticks);
    }

    /// <summary>"HH:MM:SS" plus optional fraction → ticks since midnight.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)] // small: inlined into its AggressiveOptimization callers (AO methods are not inlined)
    private static bool TryClock(ReadOnlySpan<byte> s, out long ticks)
    {
        ticks = 0;
        if (s.Length < 8 || s[2] != ':' || s[5] != ':') return false;
        int h = Two(s, 0), m = Two(s, 3), sec = Two(s, 6);
        if (h < 0 || m < 0 || sec < 0 || h > 23 || m > 59 || sec > 60) return false;
        ticks = ((h * 60L + m) * 60 + sec) * TimeSpan.TicksPerSecond;
        if (s.Length > 9 && (s[8] == '.' || s[8] == ','))
        {
            var scale = TimeSpan.TicksPerSecond;
            for (var i = 9; i < s.Length && LogPrefix.IsDigit(s[i]); i++)
            {
                scale /= 10;
                ticks += (s[i] - '0') * scale;
            }
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Make(int year, int month, int day, long tod, out long ticks)
    {
        ticks = 0;
        if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        ticks = new DateTime(year, month, day).Ticks + tod;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Month(ReadOnlySpan<byte> m)
    {
        for (var i = 0; i < 12; i++)
            if (Months.Slice(i * 3, 3).SequenceEqual(m)) return i + 1;
        return 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digit(byte b) => LogPrefix.IsDigit(b) ? b - '0' : -100;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Two(ReadOnlySpan<byte> s, int at) => at + 1 < s.Length ? Digit(s[at]) * 10 + Digit(s[at + 1]) : -1;
}
