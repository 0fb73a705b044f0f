// Options and result of "opskit rpm setup".
namespace OpsKit.Rpm.Setup;

/// <summary>What to set up.</summary>
/// <param name="TopDir">The build tree; null keeps the one ~/.rpmmacros names, else ~/rpmbuild.</param>
/// <param name="AllowRoot">Run even as root (the old rpmbuild how-to's advice: never build packages as root).</param>
/// <param name="IsRoot">Whether we run as root (Posix.IsRoot in the command; tests pass their own).</param>
public sealed record SetupOptions(string? TopDir, bool AllowRoot, bool IsRoot);

/// <summary>What happened to ~/.rpmmacros.</summary>
public enum MacrosAction
{
    /// <summary>The file did not exist and was written with a %_topdir line.</summary>
    Created,
    /// <summary>The file existed without %_topdir; one line was appended.</summary>
    Appended,
    /// <summary>The file already names this top dir.</summary>
    Unchanged,
    /// <summary>The file names another top dir; left alone and reported.</summary>
    Conflict,
}

/// <summary>The outcome.</summary>
/// <param name="TopDir">The build tree that was set up.</param>
/// <param name="MacrosFile">Path of ~/.rpmmacros.</param>
/// <param name="Action">What was done to it.</param>
/// <param name="ExistingTopDir">The %_topdir the file already had, when it had one.</param>
/// <param name="Created">Subdirectories created in this run.</param>
/// <param name="Present">Subdirectories that were already there.</param>
public sealed record SetupResult(string TopDir, string MacrosFile, MacrosAction Action, string? ExistingTopDir,
    IReadOnlyList<string> Created, IReadOnlyList<string> Present);
