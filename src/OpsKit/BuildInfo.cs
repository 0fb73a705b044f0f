// Version, commit and build date (printed by --version), and the date on the man pages (fixed, so generated docs
// are reproducible). Commit and build date come from BuildStamp.g.cs, written at build time (see OpsKit.csproj).
namespace OpsKit;

/// <summary>Release facts.</summary>
public static partial class BuildInfo
{
    /// <summary>The version string.</summary>
    public static string Version { get; } =
        typeof(BuildInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>The short commit the binary was built from ("unknown" outside a git checkout without a stamped tarball).</summary>
    public static string Commit => StampCommit;

    /// <summary>The build date, YYYY-MM-DD (SOURCE_DATE_EPOCH when set, so package builds are reproducible).</summary>
    public static string BuildDate => StampDate;

    /// <summary>The licence line.</summary>
    public const string License = "MIT License, Copyright (c) 2026 The OpsKit authors";

    /// <summary>What --version prints: "opskit VERSION (COMMIT, DATE)" and the licence on a second line.</summary>
    public static string VersionText => $"opskit {Version} ({Commit}, {BuildDate})\n{License}\n";

    /// <summary>Date on the man pages.</summary>
    public const string DocsDate = "2026-11-22";
}
