// The %files lists computed from a probe build, and what they imply for the
// rest of the spec (noarch, -devel, %find_lang, systemd scriptlets, upstream docs).
namespace OpsKit.Rpm.Spec;

/// <summary>The computed file lists.</summary>
public sealed record FilesPlan
{
    /// <summary>Entries of the main %files (after %license/%doc).</summary>
    public List<string> Main { get; init; } = [];
    /// <summary>Entries of %files devel; empty: no -devel subpackage.</summary>
    public List<string> Devel { get; init; } = [];
    /// <summary>No ELF file was installed.</summary>
    public bool NoArch { get; set; }
    /// <summary>Gettext domain for %find_lang, or null.</summary>
    public string? LangDomain { get; set; }
    /// <summary>systemd unit file names in %{_unitdir}.</summary>
    public List<string> Units { get; init; } = [];
    /// <summary>Upstream installs its own docs under %{_docdir}: no relative %doc then.</summary>
    public bool UpstreamDocs { get; set; }
    /// <summary>Extra %install lines (e.g. deleting .la files the probe saw).</summary>
    public List<string> InstallExtras { get; init; } = [];
    /// <summary>Findings for the packager.</summary>
    public List<string> Notes { get; init; } = [];
    /// <summary>Upstream's test target failed in the trial build (after a good install): the spec leaves %check out.</summary>
    public bool CheckFailed { get; set; }
}
