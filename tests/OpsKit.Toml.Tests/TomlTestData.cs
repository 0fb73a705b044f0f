// TomlTestData: locates the shared toml-test suite and enumerates its TOML 1.0 cases.
namespace OpsKit.Toml.Tests;

/// <summary>Finds <c>shared/data/toml-test</c> (env OPSKIT_SHARED, or by walking up from the test assembly) and lists its cases.</summary>
internal static class TomlTestData
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>Absolute path of the toml-test folder.</summary>
    public static string Root => RootLazy.Value;

    private static string FindRoot()
    {
        string? env = Environment.GetEnvironmentVariable("OPSKIT_SHARED");
        if (!string.IsNullOrEmpty(env))
        {
            string fromEnv = Path.Combine(env, "data", "toml-test");
            if (Directory.Exists(fromEnv))
                return fromEnv;
        }
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "data", "toml-test");
            if (Directory.Exists(candidate))
                return candidate;
        }
        throw new DirectoryNotFoundException(
            "toml-test data not found: set OPSKIT_SHARED or place shared/data/toml-test in a parent folder of " + AppContext.BaseDirectory);
    }

    /// <summary>Case names (paths without extension, e.g. <c>valid/float/zero</c>) from files-toml-1.0.0.</summary>
    public static IEnumerable<string> CaseNames(string prefix) =>
        File.ReadAllLines(Path.Combine(Root, "files-toml-1.0.0"))
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.EndsWith(".toml", StringComparison.Ordinal))
            .Select(l => l[..^".toml".Length]);

    /// <summary>Valid case names, as xunit theory data.</summary>
    public static TheoryData<string> ValidCases => new(CaseNames("valid/"));

    /// <summary>Invalid case names, as xunit theory data.</summary>
    public static TheoryData<string> InvalidCases => new(CaseNames("invalid/"));
}
