// The planner's answer: every entry with its action and all its reasons, and
// whether deletions are suspended by a guard (the plan is still shown then).
namespace OpsKit.Snapshots.Retention;

/// <summary>What happens to one entry.</summary>
public enum PlanAction
{
    /// <summary>Kept (see the reasons).</summary>
    Keep,
    /// <summary>Deleted (unless the plan is suspended).</summary>
    Delete,
}

/// <summary>One line of a plan.</summary>
/// <param name="Snapshot">The entry.</param>
/// <param name="Action">Keep or delete.</param>
/// <param name="Reasons">Every reason, in rule order ("daily #1", "weekly #1", ...).</param>
public sealed record PlanEntry(SnapshotRecord Snapshot, PlanAction Action, IReadOnlyList<string> Reasons);

/// <summary>A rotation plan.</summary>
/// <param name="Entries">Every entry, newest first; foreign entries last.</param>
/// <param name="Suspended">Null, or why no deletion may happen (stale series, mass delete).</param>
/// <param name="Warnings">Things to tell the admin (future-dated snapshots).</param>
public sealed record RetentionPlan(IReadOnlyList<PlanEntry> Entries, string? Suspended, IReadOnlyList<string> Warnings)
{
    /// <summary>The entries to delete, oldest first (the order they are removed in).</summary>
    public IReadOnlyList<PlanEntry> Deletions =>
        Entries.Where(e => e.Action == PlanAction.Delete).Reverse().ToList();
}
