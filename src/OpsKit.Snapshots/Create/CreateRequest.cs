// What "snapshot create" was asked to do and what it produced.
namespace OpsKit.Snapshots.Create;

/// <summary>A create request.</summary>
/// <param name="Source">Local directory or host:path.</param>
/// <param name="Root">Snapshot root (created with its marker when missing or empty).</param>
/// <param name="Series">Series name.</param>
/// <param name="Rsync">rsync settings.</param>
public sealed record CreateRequest(string Source, string Root, string Series, RsyncSettings Rsync)
{
    /// <summary>rsync --exclude-from file.</summary>
    public string? ExcludeFrom { get; init; }

    /// <summary>The root must lie on this mount.</summary>
    public string? RequireMount { get; init; }

    /// <summary>Show rsync's progress on the terminal.</summary>
    public bool Progress { get; init; }

    /// <summary>Allow an empty local source (normally refused: an unmounted source looks empty).</summary>
    public bool AllowEmptySource { get; init; }
}

/// <summary>The result of a create.</summary>
/// <param name="Name">Snapshot name.</param>
/// <param name="Path">Snapshot directory.</param>
/// <param name="LinkDest">The complete snapshot unchanged files were linked from, if any.</param>
/// <param name="ResumedFrom">The partial run reused, if any.</param>
/// <param name="RsyncExit">rsync's exit status (0 or 24).</param>
/// <param name="Duration">Wall time.</param>
public sealed record CreateResult(string Name, string Path, string? LinkDest, string? ResumedFrom, int RsyncExit, TimeSpan Duration);
