// Executes rotation plans with these safety invariants: series lock,
// identity re-check, rename into .trash then removal, the newest complete snapshot
// never touched, the token checked between directories.
using Microsoft.Extensions.Logging;
using OpsKit.Core;
using OpsKit.Snapshots.Retention;
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Rotation;

/// <summary>Rotates the series of a snapshot root.</summary>
public sealed class Rotator(SystemContext context)
{
    private readonly ILogger _log = context.Loggers.CreateLogger("snapshot.rotate");

    /// <summary>Plans and (unless a dry run or suspended) applies the policy to every selected series.</summary>
    public RotateResult Rotate(RotateRequest request, CancellationToken ct)
    {
        if (request.Now is not null && !request.DryRun)
            throw OpsKitException.Usage("--now is only allowed with --dry-run (a real rotation uses the clock)");
        var root = SnapshotRoot.Open(request.Root, request.RequireMount);
        var (all, foreign) = root.ListSeries();
        foreach (var f in foreign) _log.LogWarning("Foreign entry in {Root}, not touched: {Entry}", root.Path, f);
        var names = request.Series is null ? all : [root.OpenSeries(request.Series).Name];
        var results = new List<SeriesRotation>();
        foreach (var name in names)
        {
            ct.ThrowIfCancellationRequested();
            results.Add(RotateSeries(root.OpenSeries(name), request, ct));
        }
        return new RotateResult(root.Path, results, foreign, request.DryRun);
    }

    private SeriesRotation RotateSeries(Series series, RotateRequest request, CancellationToken ct)
    {
        var now = request.Now ?? context.Clock.GetUtcNow();
        using var held = request.DryRun ? null : SeriesLock.TryAcquire(series.Path, "rotate");
        if (!request.DryRun && held is null)
        {
            var holder = SeriesLock.Holder(series.Path);
            _log.LogWarning("Series {Series} is locked ({Holder}); not rotating it this time", series.Name, holder);
            var busyPlan = RetentionPlanner.Plan(Records(series.Scan()), now, request.Policy);
            return new SeriesRotation(series.Name, busyPlan, [], []) { Busy = holder };
        }
        var problems = new List<string>();
        if (held is not null) problems.AddRange(TrashRemover.Empty(series.Trash, series.Root.Device, _log, ct));

        var scanned = series.Scan(lockHeldByUs: held is not null);
        var plan = RetentionPlanner.Plan(Records(scanned), now, request.Policy);
        plan = ClockGuard.Check(series, plan, now, request);
        plan = DeletionLedger.Check(series, plan, now, request);
        foreach (var w in plan.Warnings) _log.LogWarning("{Series}: {Warning}", series.Name, w);
        if (plan.Suspended is not null)
            _log.LogWarning("{Series}: deletions suspended: {Why}", series.Name, plan.Suspended);
        if (request.DryRun || plan.Suspended is not null || plan.Deletions.Count == 0)
        {
            if (held is not null && plan.Suspended is null) ClockGuard.Record(series, now);
            if (held is not null)
            {
                Check.SeriesStatus.Record(series.Path, plan.Suspended is not null
                    ? new Check.LastRotate(now, "suspended", 0, plan.Deletions.Count, plan.Suspended)
                    : new Check.LastRotate(now, problems.Count > 0 ? "failed" : "ok", 0, 0, problems.FirstOrDefault()));
            }
            return new SeriesRotation(series.Name, plan, [], problems);
        }

        CheckFloor(plan, series.Name);
        var byName = scanned.ToDictionary(s => s.Record.Name);
        var deleted = new List<string>();
        Directory.CreateDirectory(series.Trash);
        foreach (var entry in plan.Deletions)
        {
            ct.ThrowIfCancellationRequested();
            var s = byName[entry.Snapshot.Name];
            var now2 = Native.Stat(s.Path);
            // Invariant 12: the entry must still be what we planned on (same inode, still a real directory here).
            if (now2 is not { IsDirectory: true } st || st.Device != series.Root.Device || st.Inode != s.Status?.Inode)
            {
                problems.Add($"{entry.Snapshot.Name} changed since planning; left alone");
                continue;
            }
            var target = Path.Combine(series.Trash, entry.Snapshot.Name);
            Native.Rename(s.Path, target);
            Native.SyncPath(series.Path, directory: true);
            _log.LogInformation("Removing {Series}/{Snapshot} ({State})", series.Name, entry.Snapshot.Name, entry.Snapshot.State);
            var left = new List<string>();
            TrashRemover.RemoveTree(target, series.Root.Device, left, ct);
            problems.AddRange(left);
            deleted.Add(entry.Snapshot.Name);
        }
        var deletedComplete = plan.Deletions.Where(e => e.Snapshot.State == SnapshotState.Complete && deleted.Contains(e.Snapshot.Name));
        DeletionLedger.Record(series, now, deletedComplete.Select(e => e.Snapshot.Name));
        ClockGuard.Record(series, now);
        Check.SeriesStatus.Record(series.Path, new Check.LastRotate(now, problems.Count > 0 ? "failed" : "ok", deleted.Count, 0, problems.FirstOrDefault()));
        return new SeriesRotation(series.Name, plan, deleted, problems);
    }

    private static List<SnapshotRecord> Records(IReadOnlyList<ScannedSnapshot> scanned) => scanned.Select(s => s.Record).ToList();

    /// <summary>Invariant 1, checked again at execution: a complete snapshot that is not being
    /// deleted remains, and the newest complete one is not among the deletions.</summary>
    private static void CheckFloor(RetentionPlan plan, string series)
    {
        var complete = plan.Entries.Where(e => e.Snapshot.State == SnapshotState.Complete).ToList();
        var newest = complete.Where(e => !e.Reasons.Contains("future-dated (kept, check clock)")).MaxBy(e => e.Snapshot.Time);
        if (newest is null || newest.Action == PlanAction.Delete || complete.All(e => e.Action == PlanAction.Delete))
            throw new OpsKitException($"{series}: internal safety check failed: the plan would delete the newest complete snapshot; nothing deleted", ExitCodes.Internal);
    }
}
