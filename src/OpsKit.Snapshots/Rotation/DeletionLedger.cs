// The mass-delete guard over time. The planner refuses to delete more than half of a
// series' complete snapshots in one run; without memory, rotations with --keep 3, then 2,
// then 1 take six snapshots to one. The ledger records what each rotation deleted, and a
// run may not bring the deletions of the last 24 hours above half of what the series held.
using System.Globalization;
using OpsKit.Snapshots.Retention;
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Rotation;

/// <summary>Deletions per series over the last 24 hours.</summary>
public static class DeletionLedger
{
    /// <summary>File in the series directory: one "ISO-time name" line per deleted complete snapshot.</summary>
    public const string FileName = ".deleted";

    /// <summary>How far back the guard looks.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>Suspends the plan when its deletions and those of the last 24 hours are more than half of the complete
    /// snapshots the series held over that time (unless --allow-mass-delete).</summary>
    public static RetentionPlan Check(Series series, RetentionPlan plan, DateTimeOffset now, RotateRequest request)
    {
        if (plan.Suspended is not null || request.Policy.AllowMassDelete) return plan;
        var planned = plan.Deletions.Count(e => e.Snapshot.State == SnapshotState.Complete);
        if (planned == 0) return plan;
        var recent = Read(series).Count(e => e.Time > now - Window && e.Time <= now + request.Policy.FutureTolerance);
        if (recent == 0) return plan;
        var complete = plan.Entries.Count(e => e.Snapshot.State == SnapshotState.Complete);
        var held = complete + recent;
        if ((planned + recent) * 2 <= held) return plan;
        return plan with { Suspended = $"mass delete: {planned} more of {held} complete snapshots after {recent} deleted in the last 24 h" };
    }

    /// <summary>Appends the complete snapshots a rotation deleted, and forgets entries older than the window.</summary>
    public static void Record(Series series, DateTimeOffset now, IEnumerable<string> deletedComplete)
    {
        var lines = Read(series).Where(e => e.Time > now - Window)
            .Select(e => $"{SnapshotName.Iso(e.Time)} {e.Name}")
            .Concat(deletedComplete.Select(n => $"{SnapshotName.Iso(now)} {n}"))
            .ToList();
        var path = Path.Combine(series.Path, FileName);
        var temp = path + ".tmp";
        File.WriteAllText(temp, lines.Count == 0 ? "" : string.Join('\n', lines) + "\n");
        Native.Rename(temp, path);
    }

    private static List<(DateTimeOffset Time, string Name)> Read(Series series)
    {
        var path = Path.Combine(series.Path, FileName);
        var result = new List<(DateTimeOffset, string)>();
        if (Native.Stat(path) is not { IsSymlink: false }) return result;
        foreach (var line in File.ReadAllLines(path))
        {
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            if (space <= 0) continue;
            if (DateTimeOffset.TryParse(line[..space], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
                result.Add((t, line[(space + 1)..]));
        }
        return result;
    }
}
