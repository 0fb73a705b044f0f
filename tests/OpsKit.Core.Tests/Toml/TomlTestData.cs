// TomlTestData: the toml-test TOML 1.1 set vendored in tests/data/toml-test-1.1, listed by its files-toml-1.1.0.
using OpsKit.Testing;

namespace OpsKit.Core.Tests.Toml;

internal static class TomlTestData
{
    /// <summary>Absolute path of the vendored suite.</summary>
    public static string Root => RepoPaths.TestData("toml-test-1.1");

    /// <summary>Case names (paths without extension, e.g. <c>valid/float/zero</c>) from files-toml-1.1.0.</summary>
    public static IEnumerable<string> CaseNames(string prefix) =>
        File.ReadAllLines(Path.Combine(Root, "files-toml-1.1.0"))
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.EndsWith(".toml", StringComparison.Ordinal))
            .Select(l => l[..^".toml".Length]);

    /// <summary>Valid case names, as xunit theory data.</summary>
    public static TheoryData<string> ValidCases => new(CaseNames("valid/"));

    /// <summary>Invalid case names, as xunit theory data.</summary>
    public static TheoryData<string> InvalidCases => new(CaseNames("invalid/"));
}
