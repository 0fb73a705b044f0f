// The build recipe of a spec: BuildRequires and the lines of %conf, %build,
// %install and %check, chosen per shape with the target's macros (research 4.2).
namespace OpsKit.Rpm.Spec;

/// <summary>Sections of a spec that depend on the build system.</summary>
public sealed record Recipe
{
    /// <summary>BuildRequires, in order.</summary>
    public List<string> BuildRequires { get; init; } = [];
    /// <summary>Lines after %autosetup in %prep.</summary>
    public List<string> Prep { get; init; } = [];
    /// <summary>%generate_buildrequires lines (empty: no section).</summary>
    public List<string> GenerateBuildRequires { get; init; } = [];
    /// <summary>Configure lines (%conf on Fedora, top of %build elsewhere).</summary>
    public List<string> Conf { get; init; } = [];
    /// <summary>%build lines.</summary>
    public List<string> Build { get; init; } = [];
    /// <summary>%install lines.</summary>
    public List<string> Install { get; init; } = [];
    /// <summary>%check lines (empty: no section).</summary>
    public List<string> Check { get; init; } = [];
    /// <summary>Replaces "%autosetup -p1 ..." when the shape has its own prep macro.</summary>
    public string? SetupLine { get; init; }
    /// <summary>Lines before Name: (%global definitions).</summary>
    public List<string> Globals { get; init; } = [];
    /// <summary>True when the package has no compiled code.</summary>
    public bool NoArch { get; set; }
    /// <summary>Arguments of the main %files line ("-f %{pyproject_files}"), or empty.</summary>
    public string FilesArgs { get; init; } = "";
    /// <summary>The Makefile has no install target: the probe finds the programs and man pages the build produced
    /// and writes the %install lines that copy them (<see cref="BuildOutputInstaller"/>).</summary>
    public bool InstallFromBuild { get; init; }
    /// <summary>The %files list when known without a probe build (scripts, Rust, Go).</summary>
    public List<string>? KnownFiles { get; init; }
}
