// The [rpm] config table and its binding; command-line flags override these values.
using OpsKit.Core.Config;
using OpsKit.Rpm.Spec;

namespace OpsKit.Rpm;

/// <summary>Settings of "rpm spec" and "rpm build".</summary>
public sealed record RpmSettings
{
    /// <summary>Changelog identity; null: %packager, git config, user@host.</summary>
    public string? Packager { get; init; }

    /// <summary>Target distribution of generated specs.</summary>
    public Target Target { get; init; } = Target.Fedora;

    /// <summary>Build tree; null: %_topdir from ~/.rpmmacros.</summary>
    public string? TopDir { get; init; }

    /// <summary>Run rpmlint after a build.</summary>
    public bool Lint { get; init; } = true;

    /// <summary>The schema of [rpm].</summary>
    public static ConfigTable Schema { get; } = new("rpm", "RPM spec scaffolding and builds: changelog identity, target, build tree, lint.",
    [
        ConfigKey.String("packager", "", "Changelog identity \"Name <mail>\" (empty: rpm's %packager, then git config, then user@host)."),
        ConfigKey.Choice("target", "fedora", "Distribution generated specs are written for.", [.. TargetFacts.Names]),
        ConfigKey.String("topdir", "", "Build tree for 'rpm build' (empty: %_topdir from ~/.rpmmacros).") with { MustExist = ConfigPathKind.Directory },
        ConfigKey.Bool("lint", true, "Run rpmlint with OpsKit's profile after 'rpm build'."),
    ]);

    /// <summary>Reads [rpm].</summary>
    public static RpmSettings Bind(ConfigSection section)
    {
        static string? Blank(string s) => s.Length == 0 ? null : s;
        return new RpmSettings
        {
            Packager = Blank(section.GetString("packager")),
            Target = TargetFacts.Parse(section.GetString("target")),
            TopDir = Blank(section.GetString("topdir")),
            Lint = section.GetBool("lint"),
        };
    }
}
