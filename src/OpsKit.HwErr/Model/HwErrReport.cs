// The whole check: every source's report plus the overall verdict.
using OpsKit.Core;

namespace OpsKit.HwErr.Model;

/// <summary>The result of "hwerr check".</summary>
public sealed class HwErrReport
{
    /// <summary>Source reports in read order.</summary>
    public List<SourceReport> Sources { get; } = [];

    /// <summary>Run-level notes (no EDAC, state kept, pending uncorrected errors).</summary>
    public List<HwErrNote> Notes { get; } = [];

    /// <summary>True when live sources were read (and a state file followed the counters).</summary>
    public bool Live { get; init; }

    /// <summary>When the check started.</summary>
    public DateTimeOffset Started { get; init; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>Uncorrected errors kept in the state file until "hwerr ack" (live runs).</summary>
    public List<PendingError> Pending { get; } = [];

    /// <summary>Overall verdict: CRITICAL &gt; UNKNOWN &gt; WARNING &gt; OK.</summary>
    public CheckStatus Status => CheckStatuses.Worst(Sources.Select(s => s.Status)
        .Concat(Notes.Select(n => n.Status))
        .Concat(Pending.Select(p => p.Severity.Status())));

    /// <summary>Sum of corrected counts (counters and events) over all sources.</summary>
    public long CorrectedTotal => Total(Severity.Corrected);

    /// <summary>Sum of uncorrected counts over all sources.</summary>
    public long UncorrectedTotal => Total(Severity.Uncorrected);

    private long Total(Severity s) => Sources.SelectMany(x => x.Observations).Where(o => o.Severity == s && o.InTotal).Sum(o => o.Value);
}

/// <summary>An error remembered by the state file.</summary>
/// <param name="Time">When a run first saw it.</param>
/// <param name="Key">The observation key.</param>
/// <param name="Severity">Its severity.</param>
/// <param name="Count">How many (the increase seen).</param>
/// <param name="What">A few words.</param>
/// <param name="Evidence">The first evidence line.</param>
public sealed record PendingError(DateTimeOffset Time, string Key, Severity Severity, long Count, string What, string? Evidence);
