// The states a snapshot can be in: decided from the manifest
// and the series lock, never guessed from a name or an mtime.
namespace OpsKit.Snapshots;

/// <summary>State of an entry in a series directory.</summary>
public enum SnapshotState
{
    /// <summary>Manifest written last with status ok.</summary>
    Complete,
    /// <summary>A run that ended without a complete manifest.</summary>
    Partial,
    /// <summary>Being written: the series lock is held by a live process.</summary>
    Running,
    /// <summary>Anything else in the series directory: never touched, always reported.</summary>
    Foreign,
}

/// <summary>One entry of a series as the planner sees it.</summary>
/// <param name="Name">Directory name.</param>
/// <param name="Time">Snapshot time from the manifest (complete) or the name (partial, running); null for foreign entries.</param>
/// <param name="State">State.</param>
/// <param name="Note">Why an entry is foreign, or other detail.</param>
public sealed record SnapshotRecord(string Name, DateTimeOffset? Time, SnapshotState State, string? Note = null)
{
    /// <summary>True for a complete snapshot marked as pinned (never deleted).</summary>
    public bool Pinned { get; init; }

    /// <summary>The listing order: newest first, entries without a time last, ties by name descending (ordinal).
    /// A comparison over the record itself, so sorting needs no generic code over nullable times compiled at run time.</summary>
    public static int NewestFirst(SnapshotRecord a, SnapshotRecord b)
    {
        if (a.Time is { } ta && b.Time is { } tb)
        {
            var c = tb.CompareTo(ta);
            if (c != 0) return c;
        }
        else if (a.Time is not null || b.Time is not null)
        {
            return a.Time is not null ? -1 : 1;
        }
        return string.CompareOrdinal(b.Name, a.Name);
    }
}
