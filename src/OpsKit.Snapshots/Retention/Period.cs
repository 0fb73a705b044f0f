// The calendar periods of keep-hourly/daily/weekly/monthly/yearly and their
// bucket keys (the repeated DST hour is two buckets; weeks are ISO weeks).
using System.Globalization;

namespace OpsKit.Snapshots.Retention;

/// <summary>A calendar period of a keep rule.</summary>
public enum Period
{
    /// <summary>Local date + hour + UTC offset.</summary>
    Hourly,
    /// <summary>Local date.</summary>
    Daily,
    /// <summary>ISO 8601 week-year and week (Monday to Sunday).</summary>
    Weekly,
    /// <summary>Year and month.</summary>
    Monthly,
    /// <summary>Year.</summary>
    Yearly,
}

/// <summary>Bucket keys per period.</summary>
public static class Periods
{
    /// <summary>All periods, shortest first (the order rules are evaluated and reasons listed).</summary>
    public static IReadOnlyList<Period> All { get; } = [Period.Hourly, Period.Daily, Period.Weekly, Period.Monthly, Period.Yearly];

    /// <summary>The lower-case name used in reasons and options ("daily").</summary>
    public static string Name(this Period p) => p.ToString().ToLowerInvariant();

    /// <summary>The bucket an instant falls in, as a comparable string key.</summary>
    public static string Bucket(DateTimeOffset t, Period period, TimeZoneInfo zone)
    {
        var (local, offset) = ZoneMath.ToLocal(t, zone);
        return period switch
        {
            Period.Hourly => FormattableString.Invariant($"{local:yyyy-MM-dd}T{local.Hour:00}{offset}"),
            Period.Daily => local.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Period.Weekly => FormattableString.Invariant($"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}"),
            Period.Monthly => local.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => local.Year.ToString(CultureInfo.InvariantCulture),
        };
    }
}
