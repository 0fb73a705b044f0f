// How bad one piece of evidence is. The verdict maps it: corrected and thermal to
// WARNING, uncorrected to CRITICAL; None is counted (probe lines, "events logged") only.
using OpsKit.Core;

namespace OpsKit.HwErr.Model;

/// <summary>Severity of an observation.</summary>
public enum Severity
{
    /// <summary>Counted, never escalates.</summary>
    None,
    /// <summary>Thermal throttling.</summary>
    Thermal,
    /// <summary>A corrected error (EDAC CE, MCE UC=0, AER correctable, GHES corrected).</summary>
    Corrected,
    /// <summary>An uncorrected error (EDAC UE, MCE UC=1/PCC, AER non-fatal/fatal, GHES recoverable/fatal).</summary>
    Uncorrected,
}

/// <summary>Helpers for <see cref="Severity"/>.</summary>
public static class Severities
{
    /// <summary>The status one piece of evidence of this severity gives.</summary>
    public static CheckStatus Status(this Severity s) => s switch
    {
        Severity.Uncorrected => CheckStatus.Critical,
        Severity.Corrected or Severity.Thermal => CheckStatus.Warning,
        _ => CheckStatus.Ok,
    };

    /// <summary>Lower-case name used in JSON and metric labels.</summary>
    public static string Label(this Severity s) => s switch
    {
        Severity.Uncorrected => "uncorrected",
        Severity.Corrected => "corrected",
        Severity.Thermal => "thermal",
        _ => "info",
    };
}
