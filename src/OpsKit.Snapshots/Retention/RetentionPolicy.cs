// A retention policy: keep-* rules, the max-age of the old irsync rotation script, the
// floor, and the two guards with their override flags.
namespace OpsKit.Snapshots.Retention;

/// <summary>What a rotation keeps. Null rules are absent; -1 in a period rule means unlimited.</summary>
public sealed record RetentionPolicy
{
    /// <summary>Keep the N newest complete snapshots.</summary>
    public int? KeepLast { get; init; }

    /// <summary>Keep every complete snapshot within this duration of the newest one.</summary>
    public CalendarDuration? KeepWithin { get; init; }

    /// <summary>Period rules: the newest snapshot of each of the N most recent periods (-1 = all).</summary>
    public IReadOnlyDictionary<Period, int> KeepPeriods { get; init; } = new Dictionary<Period, int>();

    /// <summary>The old irsync rule ("delete what is older than D days"): alone, keep what is younger than D days; with keep-* rules, a hard cap.</summary>
    public double? MaxAgeDays { get; init; }

    /// <summary>The floor: this many newest complete snapshots are always kept (at least 1).</summary>
    public int MinKeep { get; init; } = 1;

    /// <summary>A series whose newest complete snapshot is older than this is stale; null = adaptive
    /// (48 h or 3 × the median gap of the last 10 snapshots, whichever is larger).</summary>
    public TimeSpan? StaleAfter { get; init; }

    /// <summary>Snapshots more than this far in the future are future-dated (kept, reported).</summary>
    public TimeSpan FutureTolerance { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Override of the stale-series guard.</summary>
    public bool AllowStale { get; init; }

    /// <summary>Override of the mass-delete guard.</summary>
    public bool AllowMassDelete { get; init; }

    /// <summary>The zone of period buckets and calendar durations.</summary>
    public TimeZoneInfo Zone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>True when no keep-* rule and no max-age is set: such a policy is refused.</summary>
    public bool IsEmpty => KeepLast is null && KeepWithin is null && KeepPeriods.Count == 0 && MaxAgeDays is null;

    /// <summary>True when any keep-* rule is set (max-age then acts as a cap).</summary>
    public bool HasKeepRule => KeepLast is not null || KeepWithin is not null || KeepPeriods.Count > 0;

    /// <summary>A one-line description for logs and the plan header.</summary>
    public string Describe()
    {
        var parts = new List<string>();
        if (KeepLast is { } l) parts.Add($"keep-last {l}");
        if (KeepWithin is { } w) parts.Add($"keep-within {w}");
        foreach (var p in Periods.All)
            if (KeepPeriods.TryGetValue(p, out var n)) parts.Add($"keep-{p.Name()} {n}");
        if (MaxAgeDays is { } d) parts.Add($"max-age-days {PyFloat.Format(d)}");
        if (MinKeep != 1) parts.Add($"min-keep {MinKeep}");
        parts.Add($"tz {Zone.Id}");
        return string.Join(", ", parts);
    }
}

/// <summary>Formats a double as Python's str(float) does for the values we use ("14.0", "1.5").</summary>
public static class PyFloat
{
    /// <summary>The Python spelling.</summary>
    public static string Format(double d)
    {
        var s = d.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        return s.Contains('.') || s.Contains('E') || s.Contains('e') ? s : s + ".0";
    }
}
