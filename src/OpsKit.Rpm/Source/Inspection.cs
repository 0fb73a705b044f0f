// The result of inspecting a source: shape, identity, license, docs, and how
// Source0 and %autosetup must name the archive and its top folder.
namespace OpsKit.Rpm.Source;

/// <summary>Flags that override what inspection finds.</summary>
/// <param name="Name">Package name.</param>
/// <param name="Version">Version.</param>
/// <param name="License">SPDX expression.</param>
/// <param name="Summary">One-line summary.</param>
public sealed record InspectOptions(string? Name = null, string? Version = null, string? License = null, string? Summary = null);

/// <summary>Everything the spec writer needs to know about a source.</summary>
public sealed record Inspection
{
    /// <summary>The unpacked tree (owned by the caller).</summary>
    public required SourceTree Tree { get; init; }
    /// <summary>The build system.</summary>
    public required Shape Shape { get; init; }
    /// <summary>Package name.</summary>
    public required string Name { get; init; }
    /// <summary>RPM version (no '-').</summary>
    public required string Version { get; init; }
    /// <summary>Summary, without a trailing period.</summary>
    public required string Summary { get; init; }
    /// <summary>%description text.</summary>
    public required string Description { get; init; }
    /// <summary>Home page, or null.</summary>
    public string? Url { get; init; }
    /// <summary>The license.</summary>
    public required LicenseFinding License { get; init; }
    /// <summary>Metadata and build facts.</summary>
    public required ProjectMetadata Meta { get; init; }
    /// <summary>Top-level license files for %license.</summary>
    public IReadOnlyList<string> LicenseFiles { get; init; } = [];
    /// <summary>Top-level docs for %doc.</summary>
    public IReadOnlyList<string> DocFiles { get; init; } = [];
    /// <summary>Source0 value with %{name}/%{version} substituted where they match.</summary>
    public required string Source0 { get; init; }
    /// <summary>%autosetup arguments after the fixed ones ("-n dir" or "-c"), or empty.</summary>
    public string SetupArgs { get; init; } = "";
    /// <summary>Things the packager should look at.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>Where name, version, license and so on came from.</summary>
    public IReadOnlyList<string> Evidence { get; init; } = [];
}
