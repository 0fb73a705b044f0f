// The distributions a spec is written for. They differ in rpm version (%conf
// needs 4.18) and conventions (openSUSE wants Group:). Research note 1 item 7.
namespace OpsKit.Rpm.Spec;

/// <summary>A target distribution.</summary>
public enum Target
{
    /// <summary>Fedora: rpm 4.19+, all the macro packages.</summary>
    Fedora,
    /// <summary>RHEL/Alma/Rocky 9: rpm 4.16, no %conf.</summary>
    El9,
    /// <summary>RHEL/Alma/Rocky 8: rpm 4.14, no %conf.</summary>
    El8,
    /// <summary>openSUSE: Group: tag, configure in %build for Leap's rpm 4.14.</summary>
    OpenSuse,
}

/// <summary>What each target allows.</summary>
public static class TargetFacts
{
    /// <summary>The names accepted by --target.</summary>
    public static IReadOnlyList<string> Names { get; } = ["fedora", "el9", "el8", "opensuse"];

    /// <summary>Parses a --target value.</summary>
    public static Target Parse(string name) => name.ToLowerInvariant() switch
    {
        "fedora" => Target.Fedora,
        "el9" => Target.El9,
        "el8" => Target.El8,
        "opensuse" or "suse" => Target.OpenSuse,
        _ => throw Core.OpsKitException.Usage($"unknown target '{name}' (expected {string.Join(", ", Names)})"),
    };

    /// <summary>True when the target's rpm has the %conf section (4.18+).</summary>
    public static bool HasConfSection(this Target t) => t == Target.Fedora;

    /// <summary>True when the target wants a Group: tag.</summary>
    public static bool WantsGroup(this Target t) => t == Target.OpenSuse;
}
