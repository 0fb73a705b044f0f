// CMakeLists.txt: project(NAME VERSION x DESCRIPTION "..." HOMEPAGE_URL u LANGUAGES C CXX),
// enable_testing(), find_package() and pkg_check_modules() for BuildRequires.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads CMake projects.</summary>
internal static partial class CMakeReader
{
    private static readonly HashSet<string> s_keywords = ["VERSION", "DESCRIPTION", "HOMEPAGE_URL", "LANGUAGES"];

    public static ProjectMetadata Read(SourceTree tree, string dir = "")
    {
        var text = StripComments(tree.Read(Path.Combine(dir, "CMakeLists.txt")) ?? "");
        var words = CallArgs.Body(text, "project") is { } body ? CallArgs.Words(body) : [];
        string? Value(string key)
        {
            var i = words.FindIndex(w => w.Equals(key, StringComparison.OrdinalIgnoreCase));
            return i >= 0 && i + 1 < words.Count ? words[i + 1] : null;
        }
        var langIndex = words.FindIndex(w => w.Equals("LANGUAGES", StringComparison.OrdinalIgnoreCase));
        var languages = langIndex < 0
            ? words.Skip(1).TakeWhile(w => !s_keywords.Contains(w.ToUpperInvariant())).ToList()
            : words.Skip(langIndex + 1).TakeWhile(w => !s_keywords.Contains(w.ToUpperInvariant())).ToList();
        // project() without LANGUAGES enables C and CXX.
        if (languages.Count == 0) languages = ["C", "CXX"];
        var requires = new List<string>();
        foreach (Match m in FindPackage().Matches(text))
        {
            var pkg = m.Groups[1].Value;
            if (pkg is not ("PkgConfig" or "Threads")) requires.Add($"cmake({pkg})");
            if (pkg == "PkgConfig") requires.Add("pkgconfig");
        }
        foreach (Match m in PkgCheck().Matches(text))
        {
            foreach (var w in CallArgs.Words(m.Groups[1].Value).Skip(1))
            {
                if (Regex.IsMatch(w, @"^[a-z][\w.+-]*$")) requires.Add($"pkgconfig({w})");
            }
        }
        var version = Value("VERSION");
        return new ProjectMetadata
        {
            Name = words.FirstOrDefault(),
            Version = version is not null && !version.Contains('$') ? version : null,
            Summary = Value("DESCRIPTION"),
            Url = Value("HOMEPAGE_URL"),
            Origin = words.Count > 0 ? Path.Combine(dir, "CMakeLists.txt") + " project()" : null,
            SourceDir = dir.Length > 0 ? dir : null,
            BuildRequires = requires.Distinct().ToList(),
            UsesC = languages.Any(l => l.Equals("C", StringComparison.OrdinalIgnoreCase)),
            UsesCxx = languages.Any(l => l.Equals("CXX", StringComparison.OrdinalIgnoreCase)),
            CheckTarget = Regex.IsMatch(text, @"\benable_testing\s*\(") ? "ctest" : null,
        };
    }

    private static string StripComments(string text) => Regex.Replace(text, @"#[^\n]*", "");

    [GeneratedRegex(@"\bfind_package\s*\(\s*([A-Za-z][\w.+-]*)")]
    private static partial Regex FindPackage();

    [GeneratedRegex(@"\bpkg_(?:check|search)_modules?\s*\(([^)]*)\)")]
    private static partial Regex PkgCheck();
}
