// What one AIDE 0.18 report says: when it ran, the summary counts and every added,
// removed and changed entry with the attributes that changed.
namespace OpsKit.Aide;

/// <summary>How an entry differs from the database.</summary>
public enum AideChange
{
    /// <summary>On disk, not in the database.</summary>
    Added,

    /// <summary>In the database, gone from disk.</summary>
    Removed,

    /// <summary>In both, with different attributes.</summary>
    Changed,
}

/// <summary>One line of the added/removed/changed lists.</summary>
/// <param name="Change">Added, removed or changed.</param>
/// <param name="Path">The path as AIDE prints it.</param>
/// <param name="Type">AIDE's file-type letter (f, d, l, c, b, p, s...).</param>
/// <param name="Flags">AIDE's summary string after the type letter.</param>
public sealed record AideEntry(AideChange Change, string Path, char Type, string Flags)
{
    /// <summary>Changed attributes (lower-case AIDE names: perm, uid, size, sha256...).</summary>
    public List<string> Attributes { get; } = [];

    /// <summary>The type as a word.</summary>
    public string TypeName => Type switch
    {
        'f' => "file",
        'd' => "directory",
        'l' => "symlink",
        'c' => "char-device",
        'b' => "block-device",
        'p' => "fifo",
        's' => "socket",
        _ => "other",
    };
}

/// <summary>A parsed AIDE report.</summary>
public sealed class AideReport
{
    /// <summary>"Start timestamp".</summary>
    public DateTimeOffset? Started { get; set; }

    /// <summary>"End timestamp".</summary>
    public DateTimeOffset? Ended { get; set; }

    /// <summary>The AIDE version named on the first line.</summary>
    public string? Version { get; set; }

    /// <summary>True when AIDE said it found differences, false when it said none; null when it said neither (init).</summary>
    public bool? Differences { get; set; }

    /// <summary>Total number of entries in the checked set.</summary>
    public int? Total { get; set; }

    /// <summary>Summary count of added entries.</summary>
    public int Added { get; set; }

    /// <summary>Summary count of removed entries.</summary>
    public int Removed { get; set; }

    /// <summary>Summary count of changed entries.</summary>
    public int Changed { get; set; }

    /// <summary>The database AIDE wrote, when it says so (init, update).</summary>
    public string? NewDatabase { get; set; }

    /// <summary>The listed entries, in report order.</summary>
    public List<AideEntry> Entries { get; } = [];

    /// <summary>Entries of one kind.</summary>
    public IEnumerable<AideEntry> Of(AideChange change) => Entries.Where(e => e.Change == change);
}
