// The report of "snapshot check": per series, how fresh the newest complete snapshot is
// and how the last create and rotate ended. Rendered as text, JSON, Nagios and Prometheus.
using System.Text.Json.Serialization;

namespace OpsKit.Snapshots.Check;

/// <summary>The newest complete snapshot of a series.</summary>
/// <param name="Name">Directory name.</param>
/// <param name="Time">Snapshot time (start of its run, UTC).</param>
/// <param name="AgeSeconds">Age at the check time.</param>
/// <param name="Bytes">Apparent size of its files, when its create recorded it; else null.</param>
/// <param name="DurationSeconds">From the run's start to its manifest.</param>
public sealed record NewestSnapshot(string Name, DateTimeOffset Time, double AgeSeconds, long? Bytes, double DurationSeconds);

/// <summary>One series' verdict.</summary>
/// <param name="Root">Snapshot root.</param>
/// <param name="Series">Series name; null when the root itself could not be read.</param>
/// <param name="Status">OK, WARNING, CRITICAL or UNKNOWN.</param>
/// <param name="Reasons">Why the status is not OK (empty when OK).</param>
/// <param name="Newest">The newest complete snapshot, or null when there is none.</param>
/// <param name="Complete">Complete snapshots.</param>
/// <param name="Incomplete">Partial and running ones.</param>
/// <param name="Suspended">Deletions the last rotation wanted but a guard held back.</param>
/// <param name="LastCreate">The last create's outcome, or null when none was recorded.</param>
/// <param name="LastRotate">The last rotation's outcome, or null when none was recorded.</param>
public sealed record SeriesCheck(string Root, string? Series, string Status, IReadOnlyList<string> Reasons, NewestSnapshot? Newest,
    int? Complete, int? Incomplete, int? Suspended, LastCreate? LastCreate, LastRotate? LastRotate)
{
    /// <summary>The status as a value.</summary>
    [JsonIgnore]
    public OpsKit.Core.CheckStatus Value => Status switch
    {
        "OK" => OpsKit.Core.CheckStatus.Ok,
        "WARNING" => OpsKit.Core.CheckStatus.Warning,
        "CRITICAL" => OpsKit.Core.CheckStatus.Critical,
        _ => OpsKit.Core.CheckStatus.Unknown,
    };
}

/// <summary>The whole check.</summary>
/// <param name="SchemaVersion">1.</param>
/// <param name="CheckedAt">The time the ages are measured at (--at, else now).</param>
/// <param name="Status">Worst over the series.</param>
/// <param name="WarnAgeSeconds">WARNING above this age.</param>
/// <param name="CritAgeSeconds">CRITICAL above this age.</param>
/// <param name="Series">Per series, in the order asked.</param>
public sealed record SnapshotCheckReport(int SchemaVersion, DateTimeOffset CheckedAt, string Status, double WarnAgeSeconds, double CritAgeSeconds,
    IReadOnlyList<SeriesCheck> Series)
{
    /// <summary>The status as a value.</summary>
    [JsonIgnore]
    public OpsKit.Core.CheckStatus Value => OpsKit.Core.CheckStatuses.Worst(Series.Select(s => s.Value));
}
