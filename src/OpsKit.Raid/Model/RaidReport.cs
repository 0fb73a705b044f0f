// The whole check: every backend's report plus the overall verdict.
using OpsKit.Core;

namespace OpsKit.Raid.Model;

/// <summary>The result of "raid check".</summary>
public sealed class RaidReport
{
    /// <summary>Backend reports in run order.</summary>
    public List<BackendReport> Backends { get; } = [];

    /// <summary>Problems found before any backend ran (controller without tool, nothing found).</summary>
    public List<RaidNote> Notes { get; } = [];

    /// <summary>When the check started.</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>Overall verdict: CRITICAL &gt; UNKNOWN &gt; WARNING &gt; OK.</summary>
    public CheckStatus Status => CheckStatuses.Worst(Backends.Select(b => b.Status).Concat(Notes.Select(n => n.Status)));
}
