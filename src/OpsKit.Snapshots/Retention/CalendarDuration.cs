// Calendar durations such as "1y2m3w4d5h" for keep-within, subtracted in a
// time zone: months clamp to the month's last day, hours are elapsed time.
using System.Text.RegularExpressions;
using OpsKit.Core;

namespace OpsKit.Snapshots.Retention;

/// <summary>A duration of years, calendar months, weeks, days and hours.</summary>
/// <param name="Text">The spelling the user gave, kept for reasons ("within 7d of newest").</param>
public sealed partial record CalendarDuration(string Text, int Years, int Months, int Weeks, int Days, int Hours)
{
    [GeneratedRegex(@"^(?:(\d+)y)?(?:(\d+)m)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?$")]
    private static partial Regex Pattern();

    /// <summary>Parses "[Ny][Nm][Nw][Nd][Nh]" (in this order); throws a usage error naming the text otherwise.</summary>
    public static CalendarDuration Parse(string text)
    {
        var m = Pattern().Match(text);
        if (text.Length == 0 || !m.Success)
            throw OpsKitException.Usage($"bad duration '{text}': expected [Ny][Nm][Nw][Nd][Nh], e.g. 7d or 1m2w");
        int Part(int i) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        return new CalendarDuration(text, Part(1), Part(2), Part(3), Part(4), Part(5));
    }

    /// <summary>t minus this duration: years and months on the local calendar (day clamped to the
    /// month's length), weeks and days on the wall clock, hours as elapsed time.</summary>
    public DateTimeOffset SubtractFrom(DateTimeOffset t, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(t, zone).DateTime;
        var months = local.Year * 12 + (local.Month - 1) - (Years * 12 + Months);
        var year = months / 12;
        var month = months % 12 + 1;
        var day = Math.Min(local.Day, DateTime.DaysInMonth(year, month));
        var wall = new DateTime(year, month, day, local.Hour, local.Minute, local.Second, DateTimeKind.Unspecified)
            .AddTicks(local.Ticks % TimeSpan.TicksPerSecond)
            .AddDays(-(Weeks * 7 + Days));
        return ZoneMath.FromWall(wall, zone).AddHours(-Hours);
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
