// Retention rules as typed on the command line, turned into a policy. The short
// forms "--keep N --older-than D" (what the restricted ssh key allows) read as
// "delete what is older than D days, but never fewer than N snapshots".
using OpsKit.Core;
using OpsKit.Snapshots.Retention;

namespace OpsKit.Snapshots.Rotation;

/// <summary>Policy flags of "snapshot rotate"; null = not given.</summary>
public sealed record PolicyOptions
{
    /// <summary>--keep-last.</summary>
    public int? KeepLast { get; init; }
    /// <summary>--keep-within.</summary>
    public string? KeepWithin { get; init; }
    /// <summary>--keep-hourly.</summary>
    public int? KeepHourly { get; init; }
    /// <summary>--keep-daily.</summary>
    public int? KeepDaily { get; init; }
    /// <summary>--keep-weekly.</summary>
    public int? KeepWeekly { get; init; }
    /// <summary>--keep-monthly.</summary>
    public int? KeepMonthly { get; init; }
    /// <summary>--keep-yearly.</summary>
    public int? KeepYearly { get; init; }
    /// <summary>--max-age-days.</summary>
    public double? MaxAgeDays { get; init; }
    /// <summary>--keep N: the floor (and keep-last N when no other rule is given).</summary>
    public int? Keep { get; init; }
    /// <summary>--older-than D: max-age D, as days ("14", "14d") or with a unit h, w or m (30 days),
    /// the spellings the backup-v1 ssh policy allows ([1-9][0-9]{0,3}[hdwm]).</summary>
    public string? OlderThan { get; init; }

    /// <summary>--older-than in days, or null; a usage error names a bad spelling.</summary>
    public double? OlderThanDays => OlderThan is null ? null : ParseAgeDays(OlderThan);

    /// <summary>"14", "14d", "36h", "2w", "1m" as days.</summary>
    public static double ParseAgeDays(string text)
    {
        var unit = text.Length > 0 && char.IsAsciiLetter(text[^1]) ? char.ToLowerInvariant(text[^1]) : 'd';
        var number = char.IsAsciiLetter(text.Length > 0 ? text[^1] : ' ') ? text[..^1] : text;
        var factor = unit switch { 'h' => 1.0 / 24, 'd' => 1.0, 'w' => 7.0, 'm' => 30.0, _ => double.NaN };
        if (double.IsNaN(factor) || !double.TryParse(number, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var n))
            throw OpsKitException.Usage($"bad age '{text}': expected a number of days, optionally with a unit h, d, w or m (30 days), e.g. 30d");
        return n * factor;
    }
    /// <summary>--min-keep.</summary>
    public int? MinKeep { get; init; }
    /// <summary>--tz.</summary>
    public string? TimeZone { get; init; }
    /// <summary>--stale-after-hours.</summary>
    public double? StaleAfterHours { get; init; }
    /// <summary>--allow-stale.</summary>
    public bool AllowStale { get; init; }
    /// <summary>--allow-mass-delete.</summary>
    public bool AllowMassDelete { get; init; }

    /// <summary>True when any rule flag was given (then the flags replace a configured policy).</summary>
    public bool HasRules => KeepLast is not null || KeepWithin is not null || KeepHourly is not null || KeepDaily is not null ||
        KeepWeekly is not null || KeepMonthly is not null || KeepYearly is not null || MaxAgeDays is not null || Keep is not null || OlderThan is not null;

    /// <summary>Builds the policy: the flags' rules over <paramref name="configured"/> (or its rules when no rule flag is given).</summary>
    public RetentionPolicy ToPolicy(RetentionPolicy? configured, string defaultZone, double defaultStaleHours)
    {
        if (MaxAgeDays is not null && OlderThan is not null) throw OpsKitException.Usage("--older-than and --max-age-days are the same rule; give one");
        foreach (var (flag, v) in new[] { ("--keep-last", KeepLast), ("--keep", Keep), ("--min-keep", MinKeep) })
            if (v is < 0) throw OpsKitException.Usage($"{flag} must not be negative");
        if ((MaxAgeDays ?? OlderThanDays) is <= 0) throw OpsKitException.Usage("--older-than/--max-age-days must be greater than 0");
        var policy = configured ?? new RetentionPolicy { Zone = ZoneMath.Find(defaultZone), StaleAfter = defaultStaleHours > 0 ? TimeSpan.FromHours(defaultStaleHours) : null };
        if (HasRules)
        {
            var periods = new Dictionary<Period, int>();
            void Add(Period p, int? n) { if (n is { } v) periods[p] = v; }
            Add(Period.Hourly, KeepHourly);
            Add(Period.Daily, KeepDaily);
            Add(Period.Weekly, KeepWeekly);
            Add(Period.Monthly, KeepMonthly);
            Add(Period.Yearly, KeepYearly);
            var onlyKeep = Keep is not null && KeepLast is null && KeepWithin is null && periods.Count == 0 && MaxAgeDays is null && OlderThan is null;
            policy = policy with
            {
                KeepLast = KeepLast ?? (onlyKeep ? Keep : null),
                KeepWithin = KeepWithin is null ? null : CalendarDuration.Parse(KeepWithin),
                KeepPeriods = periods,
                MaxAgeDays = MaxAgeDays ?? OlderThanDays,
                MinKeep = Math.Max(1, Keep ?? 1),
            };
        }
        if (MinKeep is { } m) policy = policy with { MinKeep = Math.Max(1, m) };
        if (TimeZone is not null) policy = policy with { Zone = ZoneMath.Find(TimeZone) };
        if (StaleAfterHours is { } h) policy = policy with { StaleAfter = h > 0 ? TimeSpan.FromHours(h) : null };
        return policy with { AllowStale = AllowStale, AllowMassDelete = AllowMassDelete };
    }
}
