// Invariant 10, second half: if the clock went back (now is before the last
// rotation of this series), prune refuses. Future-dated snapshots themselves are
// kept and reported by the planner, as retention_sim.py does.
using System.Globalization;
using OpsKit.Snapshots.Retention;
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Rotation;

/// <summary>Remembers the last rotation time per series and refuses when the clock is earlier.</summary>
public static class ClockGuard
{
    /// <summary>File in the series directory holding the last rotation's time.</summary>
    public const string FileName = ".last-rotate";

    /// <summary>Suspends the plan when the clock is earlier than the last rotation (beyond the tolerance).</summary>
    public static RetentionPlan Check(Series series, RetentionPlan plan, DateTimeOffset now, RotateRequest request)
    {
        if (plan.Suspended is not null || request.Now is not null) return plan;
        var last = Read(series);
        if (last is null || now + request.Policy.FutureTolerance >= last) return plan;
        return plan with { Suspended = $"clock went back: now ({SnapshotName.Iso(now)}) is before the last rotation ({SnapshotName.Iso(last.Value)})" };
    }

    /// <summary>Records a rotation time (kept when a later one is already recorded).</summary>
    public static void Record(Series series, DateTimeOffset now)
    {
        var last = Read(series);
        if (last is not null && last > now) return;
        File.WriteAllText(Path.Combine(series.Path, FileName), SnapshotName.Iso(now) + "\n");
    }

    private static DateTimeOffset? Read(Series series)
    {
        var path = Path.Combine(series.Path, FileName);
        if (Native.Stat(path) is not { IsSymlink: false }) return null;
        return DateTimeOffset.TryParse(File.ReadAllText(path).Trim(), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
    }
}
