// Version and the date printed in the man pages (fixed, so generated docs are reproducible).
namespace OpsKit;

/// <summary>Release facts.</summary>
public static class BuildInfo
{
    /// <summary>The version string.</summary>
    public static string Version { get; } =
        typeof(BuildInfo).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Date on the man pages.</summary>
    public const string DocsDate = "2026-11-22";
}
