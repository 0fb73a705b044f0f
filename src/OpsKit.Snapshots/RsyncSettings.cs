// How create runs rsync: always archive mode with numeric ids and --link-dest
// semantics; never --inplace/--append (they rewrite history, research pitfall 5).
using OpsKit.Core;

namespace OpsKit.Snapshots;

/// <summary>rsync options for snapshot creation.</summary>
public sealed record RsyncSettings
{
    /// <summary>The rsync program.</summary>
    public string Program { get; init; } = "rsync";

    /// <summary>rsync exit 24 (vanished source files) still makes a complete snapshot.</summary>
    public bool AllowVanished { get; init; } = true;

    /// <summary>-H. Off by default: every -H snapshot adds the source's link count to each inode (research
    /// pitfall 8).</summary>
    public bool HardLinks { get; init; }

    /// <summary>-A.</summary>
    public bool Acls { get; init; }

    /// <summary>-X.</summary>
    public bool Xattrs { get; init; }

    /// <summary>-x.</summary>
    public bool OneFileSystem { get; init; } = true;

    /// <summary>Extra options.</summary>
    public IReadOnlyList<string> ExtraOptions { get; init; } = [];

    /// <summary>True unless an extra option overrides the --modify-window=-1 that <see cref="Arguments"/> passes:
    /// then rsync compares (file and directory) times to the nanosecond.</summary>
    public bool ComparesNanoseconds => !ExtraOptions.Any(o => o.StartsWith("--modify-window", StringComparison.Ordinal) && o != "--modify-window=-1" || o.StartsWith("-@", StringComparison.Ordinal));

    /// <summary>rsync 3.5's opt-out of its per-file symlink walk of operator paths (older rsync has neither).</summary>
    public const string InsecureLinks = "--insecure-links";

    private static readonly string[] s_refused = ["--inplace", "--append", "--append-verify", "--link-dest", "--compare-dest", "--copy-dest", "--remove-source-files", "--write-devices"];

    /// <summary>Throws for options that would let rsync write into shared inodes or steer the link base.</summary>
    public static void CheckOptions(IEnumerable<string> options)
    {
        foreach (var o in options)
        {
            var bare = o.Split('=')[0];
            if (s_refused.Contains(bare))
                throw OpsKitException.Usage($"rsync option {bare} is refused: snapshots share inodes, so writing in place would rewrite history (and opskit chooses --link-dest itself)");
        }
    }

    /// <summary>The rsync argument list for one run.</summary>
    /// <param name="trustedPaths">Pass --insecure-links: every operator path is verified private (see PrivatePaths).</param>
    public IReadOnlyList<string> Arguments(string source, string dest, IEnumerable<string> linkDests, string? excludeFrom, bool progress, bool trustedPaths = false)
    {
        // --modify-window=-1: rsync 3.5.0's quick check otherwise compares whole seconds, so a file rewritten with
        // the same size within the second of the previous snapshot is hard-linked to its old content (found by KillTests).
        var args = new List<string> { "-a", "--numeric-ids", "--modify-window=-1" };
        if (HardLinks) args.Add("-H");
        if (Acls) args.Add("-A");
        if (Xattrs) args.Add("-X");
        if (OneFileSystem) args.Add("-x");
        if (progress) args.Add("--info=progress2");
        if (trustedPaths) args.Add(InsecureLinks);
        foreach (var l in linkDests) args.Add("--link-dest=" + l);
        if (!string.IsNullOrEmpty(excludeFrom)) args.Add("--exclude-from=" + excludeFrom);
        args.AddRange(ExtraOptions);
        args.Add(source.EndsWith('/') ? source : source + "/");
        args.Add(dest.EndsWith('/') ? dest : dest + "/");
        return args;
    }
}
