// snapshot check: is the newest complete snapshot of each series fresh, and did the last
// create and rotate end well? Reads manifests and the series state file only; changes nothing.
using OpsKit.Core;
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Check;

/// <summary>A series to check: a root and a series name, or null for every series of the root.</summary>
/// <param name="Root">Snapshot root.</param>
/// <param name="Series">Series, or null for all.</param>
public sealed record CheckTarget(string Root, string? Series);

/// <summary>Age thresholds.</summary>
/// <param name="WarnAge">WARNING above.</param>
/// <param name="CritAge">CRITICAL above.</param>
public sealed record CheckThresholds(TimeSpan WarnAge, TimeSpan CritAge)
{
    /// <summary>26 h / 50 h: a daily backup may run late once before anyone is woken.</summary>
    public static CheckThresholds Default { get; } = new(TimeSpan.FromHours(26), TimeSpan.FromHours(50));
}

/// <summary>Checks series.</summary>
public static class SnapshotChecker
{
    /// <summary>Checks every target as of <paramref name="at"/>.</summary>
    public static SnapshotCheckReport Check(IReadOnlyList<CheckTarget> targets, CheckThresholds limits, DateTimeOffset at)
    {
        if (limits.CritAge < limits.WarnAge)
            throw OpsKitException.Usage($"the critical age ({limits.CritAge.TotalHours:0.##} h) is below the warning age ({limits.WarnAge.TotalHours:0.##} h)");
        var results = new List<SeriesCheck>();
        foreach (var t in targets)
        {
            SnapshotRoot root;
            IReadOnlyList<string> names;
            try
            {
                root = SnapshotRoot.Open(t.Root);
                names = t.Series is { } one ? [one] : root.ListSeries().Series;
            }
            catch (Exception e) when (e is OpsKitException or IOException or UnauthorizedAccessException)
            {
                results.Add(Unknown(t.Root, t.Series, e.Message));
                continue;
            }
            if (names.Count == 0) results.Add(new SeriesCheck(root.Path, null, "CRITICAL", ["no series in the root: nothing was ever backed up"], null, null, null, null, null, null));
            foreach (var name in names) results.Add(CheckSeries(root, name, limits, at));
        }
        var worst = CheckStatuses.Worst(results.Select(r => r.Value));
        return new SnapshotCheckReport(1, at, worst.Label(), limits.WarnAge.TotalSeconds, limits.CritAge.TotalSeconds, results);
    }

    private static SeriesCheck Unknown(string root, string? series, string why) =>
        new(root, series, "UNKNOWN", [why], null, null, null, null, null, null);

    private static SeriesCheck CheckSeries(SnapshotRoot root, string name, CheckThresholds limits, DateTimeOffset at)
    {
        Series series;
        IReadOnlyList<ScannedSnapshot> scanned;
        try
        {
            if (Native.Stat(Path.Combine(root.Path, name)) is null)
                return new SeriesCheck(root.Path, name, "CRITICAL", ["never completed: no series directory in the root"], null, 0, 0, 0, null, null);
            series = root.OpenSeries(name);
            scanned = series.Scan();
        }
        catch (Exception e) when (e is OpsKitException or IOException or UnauthorizedAccessException)
        {
            return Unknown(root.Path, name, e.Message);
        }
        var reasons = new List<string>();
        var status = CheckStatus.Ok;
        void Raise(CheckStatus s, string why)
        {
            status = CheckStatuses.Worst(status, s);
            reasons.Add(why);
        }
        var (state, stateError) = SeriesStatus.Read(series.Path);
        if (stateError is not null) Raise(CheckStatus.Warning, $"unreadable state file: {stateError}");
        var complete = scanned.Count(s => s.Record.State == SnapshotState.Complete);
        var incomplete = scanned.Count(s => s.Record.State is SnapshotState.Partial or SnapshotState.Running);
        var newestScan = scanned.FirstOrDefault(s => s.Record.State == SnapshotState.Complete && s.Manifest is not null);
        NewestSnapshot? newest = null;
        if (newestScan is { Manifest: { } m })
        {
            var age = at - m.Time;
            long? bytes = state?.LastCreate is { Result: "ok" } lc && lc.Snapshot == m.Name ? lc.Bytes : null;
            newest = new NewestSnapshot(m.Name, m.Time, Math.Round(age.TotalSeconds, 3), bytes, Math.Max(0, (m.Finished - m.Time).TotalSeconds));
            if (age > limits.CritAge) Raise(CheckStatus.Critical, $"newest complete snapshot {m.Name} is {Hours(age)} old (critical above {Hours(limits.CritAge)})");
            else if (age > limits.WarnAge) Raise(CheckStatus.Warning, $"newest complete snapshot {m.Name} is {Hours(age)} old (warning above {Hours(limits.WarnAge)})");
        }
        else
        {
            Raise(CheckStatus.Critical, "never completed: no complete snapshot in the series");
        }
        if (state?.LastCreate is { Result: not "ok" } failed && (newest is null || failed.Time > newest.Time))
            Raise(CheckStatus.Warning, $"last create at {SnapshotName.Iso(failed.Time)} failed: {failed.Message}");
        var suspended = 0;
        if (state?.LastRotate is { } rot)
        {
            if (rot.Result == "suspended")
            {
                suspended = rot.HeldBack;
                Raise(CheckStatus.Warning, $"last rotation at {SnapshotName.Iso(rot.Time)} suspended: {rot.Message}");
            }
            else if (rot.Result != "ok")
            {
                Raise(CheckStatus.Warning, $"last rotation at {SnapshotName.Iso(rot.Time)} {rot.Result}: {rot.Message}");
            }
        }
        return new SeriesCheck(root.Path, name, status.Label(), reasons, newest, complete, incomplete, suspended, state?.LastCreate, state?.LastRotate);
    }

    /// <summary>"26.0 h".</summary>
    public static string Hours(TimeSpan t) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t.TotalHours:0.0} h");
}
