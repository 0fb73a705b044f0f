// What "snapshot rotate" was asked to do, and what came of it per series.
using OpsKit.Snapshots.Retention;

namespace OpsKit.Snapshots.Rotation;

/// <summary>A rotation request.</summary>
/// <param name="Root">The snapshot root.</param>
/// <param name="Series">One series, or null for every series in the root.</param>
/// <param name="Policy">The retention policy.</param>
/// <param name="DryRun">Plan only.</param>
/// <param name="Now">Plan as of this time (dry run only); null = the clock.</param>
public sealed record RotateRequest(string Root, string? Series, RetentionPolicy Policy, bool DryRun, DateTimeOffset? Now = null)
{
    /// <summary>The root must lie on this mount, if set.</summary>
    public string? RequireMount { get; init; }
}

/// <summary>The outcome for one series.</summary>
/// <param name="Series">Series name.</param>
/// <param name="Plan">The plan (shown in full, also when suspended or busy).</param>
/// <param name="Deleted">Snapshots actually removed.</param>
/// <param name="Problems">Errors met while deleting (the run continues with the next series).</param>
public sealed record SeriesRotation(string Series, RetentionPlan Plan, IReadOnlyList<string> Deleted, IReadOnlyList<string> Problems)
{
    /// <summary>Set when the series lock was held by another run: nothing was deleted.</summary>
    public string? Busy { get; init; }
}

/// <summary>The outcome of a rotation over one root.</summary>
/// <param name="Root">Root path.</param>
/// <param name="Series">Per series.</param>
/// <param name="ForeignEntries">Root entries that are not series (reported, never touched).</param>
/// <param name="DryRun">True when nothing was changed on purpose.</param>
public sealed record RotateResult(string Root, IReadOnlyList<SeriesRotation> Series, IReadOnlyList<string> ForeignEntries, bool DryRun)
{
    /// <summary>The first suspension reason over all series, or null.</summary>
    public string? Suspended => Series.Select(s => s.Plan.Suspended is { } why ? $"{s.Series}: {why}" : null).FirstOrDefault(x => x is not null);

    /// <summary>True when any deletion failed.</summary>
    public bool Failed => Series.Any(s => s.Problems.Count > 0);
}
