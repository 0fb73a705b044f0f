// The optional cross-check lane: tests that compare OpsKit with a reference script kept outside the
// repository (the team's retention model, its AoE client). They run when the script is found
// (OPSKIT_SHARED, or shared/ beside the repository) and are reported as skipped, with the reason, otherwise.
namespace OpsKit.Testing;

/// <summary>A fact that needs a cross-check tool (a path under the reference folder's tools/).</summary>
public sealed class CrossCheckFactAttribute : FactAttribute
{
    /// <summary>Creates the attribute for the tool at <paramref name="tool"/> (relative to tools/, '/'-separated).</summary>
    public CrossCheckFactAttribute(string tool, bool needsRoot = false) => Skip = CrossCheck.SkipReason(tool, needsRoot);
}

/// <summary>A theory that needs a cross-check tool.</summary>
public sealed class CrossCheckTheoryAttribute : TheoryAttribute
{
    /// <summary>Creates the attribute for the tool at <paramref name="tool"/> (relative to tools/, '/'-separated).</summary>
    public CrossCheckTheoryAttribute(string tool, bool needsRoot = false) => Skip = CrossCheck.SkipReason(tool, needsRoot);
}

/// <summary>Finds cross-check tools.</summary>
public static class CrossCheck
{
    /// <summary>The tool's full path, or null when the cross-check lane is not available.</summary>
    public static string? Tool(string tool) => RepoPaths.CrossCheckTool(tool.Split('/'));

    /// <summary>The tool's full path; throws (failing the test) when absent. Use inside cross-check tests only.</summary>
    public static string Require(string tool) =>
        Tool(tool) ?? throw new FileNotFoundException($"cross-check tool tools/{tool} not found (set OPSKIT_SHARED)");

    /// <summary>Null when the test can run; else why it is skipped, in one line.</summary>
    public static string? SkipReason(string tool, bool needsRoot)
    {
        if (needsRoot && !Host.IsRoot) return "needs root (network namespaces, sshd or ownership); run 'make test' as root";
        return Tool(tool) is null
            ? $"optional cross-check: tools/{tool} not found (set OPSKIT_SHARED to the team's reference folder)"
            : null;
    }
}
