// The outcome of "aide check": the verdict, the parsed report (when AIDE ran), where the
// full report is kept, and the database as verified before the run.
using OpsKit.Core;

namespace OpsKit.Aide;

/// <summary>A finished check.</summary>
public sealed class AideCheckResult
{
    /// <summary>OK (no change), WARNING (changes), CRITICAL (changes under a critical path, or an untrusted database), UNKNOWN (AIDE failed).</summary>
    public CheckStatus Status { get; set; } = CheckStatus.Unknown;

    /// <summary>Why the status is not OK when no report says it (AIDE's error, the database problem, the lock).</summary>
    public string? Problem { get; set; }

    /// <summary>The parsed report, when AIDE ran and its report was read.</summary>
    public AideReport? Report { get; set; }

    /// <summary>Where the full report was kept.</summary>
    public string? ReportPath { get; set; }

    /// <summary>AIDE's exit code, when it ran.</summary>
    public int? AideExit { get; set; }

    /// <summary>The database as verified before the run.</summary>
    public DatabaseCheck? Database { get; set; }

    /// <summary>Changed, added or removed paths at or under a critical path.</summary>
    public List<AideEntry> Critical { get; } = [];

    /// <summary>When the check started.</summary>
    public DateTimeOffset Started { get; set; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>True when a report was read and lists changes.</summary>
    public bool HasChanges => Report is { } r && r.Added + r.Removed + r.Changed > 0;

    /// <summary>Decides the status from the report: OK, WARNING, or CRITICAL for a critical path.</summary>
    public void Decide(IReadOnlyList<string> criticalPaths)
    {
        if (Report is null) return;
        Critical.AddRange(Report.Entries.Where(e => criticalPaths.Any(p => Under(e.Path, p))));
        Status = !HasChanges ? CheckStatus.Ok : Critical.Count > 0 ? CheckStatus.Critical : CheckStatus.Warning;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="root"/> or below it.</summary>
    public static bool Under(string path, string root) =>
        root == "/" || path == root || path.StartsWith(root + "/", StringComparison.Ordinal);
}
