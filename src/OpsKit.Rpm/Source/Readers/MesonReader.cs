// meson.build: project('name', 'c', version: 'x', license: 'SPDX'), dependency('x'), test().
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads Meson projects.</summary>
internal static partial class MesonReader
{
    public static ProjectMetadata Read(SourceTree tree, string dir = "")
    {
        var text = Regex.Replace(tree.Read(Path.Combine(dir, "meson.build")) ?? "", @"#[^\n]*", "");
        var body = CallArgs.Body(text, "project") ?? "";
        var positional = PositionalStrings(body);
        string? Keyword(string key)
        {
            var m = Regex.Match(body, key + @"\s*:\s*'([^']*)'");
            return m.Success ? m.Groups[1].Value : null;
        }
        var license = Keyword("license");
        if (license is null)
        {
            var list = Regex.Match(body, @"license\s*:\s*\[([^\]]*)\]");
            if (list.Success) license = string.Join(" AND ", Regex.Matches(list.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value));
        }
        var languages = positional.Skip(1).ToList();
        // dependency('x', required: false) (or a feature option) is optional: no BuildRequires.
        // Dependencies declared in subdir() files count too (fuse 3.14.0: dependency('udev') in util/meson.build), so a
        // missing one is exit 69 naming it rather than meson's error inside the trial build; tests, examples and docs are left out.
        var all = text + string.Concat(SubdirFiles(tree, dir).Select(f => "\n" + Regex.Replace(File.ReadAllText(f), @"#[^\n]*", "")));
        var requires = Dependency().Matches(all).Where(m => !Regex.IsMatch(m.Groups[2].Value, @"required\s*:\s*(false|get_option)")).Select(m => m.Groups[1].Value)
            .Where(d => d is not ("threads" or "dl" or "m"))
            .Select(d => $"pkgconfig({d})").Distinct().ToList();
        // Build tools named by find_program (dav1d: nasm for its x86 assembly); optional ones are left to the packager.
        foreach (Match m in FindProgram().Matches(all))
        {
            if (!m.Groups[2].Value.Contains("required", StringComparison.Ordinal) && s_tools.Contains(m.Groups[1].Value)) requires.Add(m.Groups[1].Value);
        }
        return new ProjectMetadata
        {
            Name = positional.FirstOrDefault(),
            Version = Keyword("version"),
            License = license,
            Origin = positional.Count > 0 ? Path.Combine(dir, "meson.build") + " project()" : null,
            SourceDir = dir.Length > 0 ? dir : null,
            BuildRequires = requires,
            UsesC = languages.Contains("c"),
            UsesCxx = languages.Contains("cpp"),
            CheckTarget = Regex.IsMatch(text, @"\btest\s*\(") ? "test" : null,
        };
    }

    private static IEnumerable<string> SubdirFiles(SourceTree tree, string dir)
    {
        var root = tree.File(dir);
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 3, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(root, "meson.build", options)
            .Where(f => Path.GetDirectoryName(f) != Path.TrimEndingDirectorySeparator(root)
                && !Regex.IsMatch(Path.GetRelativePath(root, f), @"(^|/)(tests?|examples?|docs?|contrib|fuzz\w*|bench\w*|subprojects)/", RegexOptions.IgnoreCase))
            .Order(StringComparer.Ordinal);
    }

    private static List<string> PositionalStrings(string body)
    {
        var result = new List<string>();
        foreach (Match m in Regex.Matches(body, @"(?:^|,)\s*'([^']*)'\s*(?=,|$)"))
        {
            result.Add(m.Groups[1].Value);
        }
        // Languages may come as a list: project('x', ['c', 'cpp'], ...).
        var list = Regex.Match(body, @"^\s*'[^']*'\s*,\s*\[([^\]]*)\]");
        if (list.Success) result.AddRange(Regex.Matches(list.Groups[1].Value, "'([^']*)'").Select(m => m.Groups[1].Value));
        return result;
    }

    private static readonly HashSet<string> s_tools = ["nasm", "yasm", "bison", "flex", "gperf"];

    [GeneratedRegex(@"\bfind_program\s*\(\s*'([\w.+-]+)'\s*([^)]*)\)")]
    private static partial Regex FindProgram();

    [GeneratedRegex(@"\bdependency\s*\(\s*'([^']+)'([^)]*)\)")]
    private static partial Regex Dependency();
}
