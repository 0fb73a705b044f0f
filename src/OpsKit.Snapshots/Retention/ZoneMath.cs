// Wall-clock to instant conversion with Python's fold=0 rule (PEP 495): an
// ambiguous or skipped local time takes the offset in effect before the change.
namespace OpsKit.Snapshots.Retention;

/// <summary>Time-zone helpers shared by the planner's buckets and durations.</summary>
public static class ZoneMath
{
    /// <summary>The instant a wall-clock time denotes in a zone, choosing the pre-transition offset
    /// for repeated (fall-back) and skipped (spring-forward) times, as retention_sim.py does.</summary>
    public static DateTimeOffset FromWall(DateTime wall, TimeZoneInfo zone)
    {
        var asUtc = DateTime.SpecifyKind(wall, DateTimeKind.Utc);
        var before = zone.GetUtcOffset(asUtc.AddDays(-1));
        var after = zone.GetUtcOffset(asUtc.AddDays(1));
        DateTimeOffset? best = null;
        foreach (var offset in new[] { before, after })
        {
            var instant = new DateTimeOffset(asUtc - offset, TimeSpan.Zero);
            if (zone.GetUtcOffset(instant) != offset) continue;
            if (best is null || instant < best) best = instant;
        }
        return best ?? new DateTimeOffset(asUtc - before, TimeSpan.Zero);
    }

    /// <summary>Local time and UTC offset of an instant in a zone.</summary>
    public static (DateTime Local, TimeSpan Offset) ToLocal(DateTimeOffset t, TimeZoneInfo zone)
    {
        var offset = zone.GetUtcOffset(t);
        return (t.UtcDateTime.Add(offset), offset);
    }

    /// <summary>Finds a zone by IANA name; "" or "local" is the host's zone.</summary>
    public static TimeZoneInfo Find(string name)
    {
        if (name.Length == 0 || name == "local") return TimeZoneInfo.Local;
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(name);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw OpsKit.Core.OpsKitException.Usage($"unknown time zone '{name}' (expected an IANA name such as Europe/Berlin)");
        }
    }
}
