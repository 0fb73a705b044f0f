// --since/--until: an uptime window (seconds, as dmesg prints) or a wall-clock
// window (syslog, journal, dmesg -T stamps). Lines without that kind of stamp fall outside.
using System.Globalization;
using OpsKit.Core;

namespace OpsKit.IoWait.Summary;

/// <summary>The time window of a summary.</summary>
public sealed record SummaryFilter
{
    /// <summary>No window.</summary>
    public static SummaryFilter None { get; } = new();

    /// <summary>Earliest uptime in microseconds.</summary>
    public long? SinceUptimeMicros { get; init; }

    /// <summary>Latest uptime in microseconds.</summary>
    public long? UntilUptimeMicros { get; init; }

    /// <summary>Earliest wall-clock time (DateTime ticks, as written in the log).</summary>
    public long? SinceWallTicks { get; init; }

    /// <summary>Latest wall-clock time.</summary>
    public long? UntilWallTicks { get; init; }

    /// <summary>True when any bound is set.</summary>
    public bool Active => SinceUptimeMicros is not null || UntilUptimeMicros is not null || SinceWallTicks is not null || UntilWallTicks is not null;

    /// <summary>True when a line with these stamps (-1 / 0 for none) lies inside the window.</summary>
    public bool Contains(long uptimeMicros, long wallTicks)
    {
        if (SinceUptimeMicros is { } su && (uptimeMicros < 0 || uptimeMicros < su)) return false;
        if (UntilUptimeMicros is { } uu && (uptimeMicros < 0 || uptimeMicros > uu)) return false;
        if (SinceWallTicks is { } sw && (wallTicks == 0 || wallTicks < sw)) return false;
        if (UntilWallTicks is { } uw && (wallTicks == 0 || wallTicks > uw)) return false;
        return true;
    }

    /// <summary>Builds a window from the option texts: a number is uptime seconds, anything else a date/time.</summary>
    /// <param name="since">--since text or null.</param>
    /// <param name="until">--until text or null.</param>
    /// <param name="year">Year for times written without one, as syslog stamps are read.</param>
    public static SummaryFilter Parse(string? since, string? until, int year)
    {
        var f = new SummaryFilter();
        if (since is not null) f = Bound(since, "--since", f, isSince: true, year);
        if (until is not null) f = Bound(until, "--until", f, isSince: false, year);
        return f;
    }

    private static SummaryFilter Bound(string text, string option, SummaryFilter f, bool isSince, int year)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
        {
            var us = (long)Math.Round(seconds * 1_000_000);
            return isSince ? f with { SinceUptimeMicros = us } : f with { UntilUptimeMicros = us };
        }
        string[] formats = ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd", "yyyy MMM d HH:mm:ss", "yyyy MMM d HH:mm"];
        var withYear = text.Length > 0 && char.IsLetter(text[0]) ? $"{year} {text}" : text;
        if (DateTime.TryParseExact(withYear, formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var t))
            return isSince ? f with { SinceWallTicks = t.Ticks } : f with { UntilWallTicks = t.Ticks };
        throw OpsKitException.Usage($"{option} '{text}': expected uptime seconds (6691.5) or a time such as '2024-01-31 09:14:54' or 'Jan 29 12:16:47'");
    }
}
