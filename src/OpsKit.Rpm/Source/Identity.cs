// Name and version of a package, each value validated before use. Build files
// often carry unexpanded macros (AC_INIT([yaml], [YAML_MAJOR.YAML_MINOR.YAML_PATCH]),
// @VERSION@, ${PROJECT_VERSION}); a spec built from one of those is a wrong package,
// so such a value is rejected and the next source is asked: the archive name,
// the archive's top folder (git-tag archives: REPO-NAME-VERSION), NEWS/ChangeLog.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source;

/// <summary>Version and name rules.</summary>
public static partial class Identity
{
    /// <summary>True for a version: digits and dots, an optional 'v' before and one optional suffix ("1.2.3", "0.16", "2.0rc1", "1.0-beta2").</summary>
    public static bool IsVersion(string? value) => value is not null && VersionShape().IsMatch(value.Trim());

    /// <summary>Why a build-file value is not a version ("unexpanded macro", "not digits and dots"), for review notes.</summary>
    public static string WhyNotVersion(string value) =>
        MacroLike().IsMatch(value) ? "an unexpanded macro" : "not digits and dots";

    /// <summary>"name-1.2.3" split into name and version; a git-tag folder "json-c-json-c-0.16-20220414"
    /// gives ("json-c", "0.16"), the release date dropped; a part is null when the label has none.</summary>
    public static (string? Name, string? Version) SplitLabel(string stem)
    {
        var parts = stem.Split('-');
        for (var i = 1; i < parts.Length; i++)
        {
            var p = parts[i].StartsWith('v') || parts[i].StartsWith('V') ? parts[i][1..] : parts[i];
            if (p.Length == 0 || !char.IsDigit(p[0])) continue;
            var name = string.Join('-', parts[..i]);
            var rest = parts[(i + 1)..].ToList();
            // A pre-release word belongs to the version; a trailing date (a tag's release day) does not.
            var version = p;
            if (rest.Count > 0 && PreRelease().IsMatch(rest[0])) { version += "-" + rest[0]; rest.RemoveAt(0); }
            if (rest.Count == 1 && DateStamp().IsMatch(rest[0])) rest.Clear();
            if (rest.Count > 0 || !IsVersion(version)) return (name.Length > 0 ? Dedupe(name) : null, null);
            return (Dedupe(name), version);
        }
        var underscore = Regex.Match(stem, @"^(.+?)_v?(\d[\d.]*[A-Za-z0-9]*)$");
        if (underscore.Success && IsVersion(underscore.Groups[2].Value)) return (underscore.Groups[1].Value, underscore.Groups[2].Value);
        return (stem.Length > 0 && !char.IsDigit(stem[0]) ? stem : null, null);
    }

    /// <summary>GitHub tag archives repeat the name: "jq-jq" is "jq".</summary>
    private static string Dedupe(string name)
    {
        var parts = name.Split('-');
        if (parts.Length % 2 == 0)
        {
            var half = parts.Length / 2;
            var a = string.Join('-', parts[..half]);
            if (a == string.Join('-', parts[half..])) return a;
        }
        return name;
    }

    /// <summary>The first version in the head of NEWS, ChangeLog or CHANGES ("Version 1.2", "* Noteworthy changes in release 2.10", "1.2.3 (2020-01-01)"), or null.</summary>
    public static (string? Version, string? File) FromNews(SourceTree tree)
    {
        foreach (var file in new[] { "NEWS", "NEWS.md", "ChangeLog", "CHANGES", "CHANGES.md", "CHANGELOG.md", "Changes" })
        {
            if (tree.Read(file) is not { } text) continue;
            foreach (var line in text.Split('\n').Take(40))
            {
                var m = NewsVersion().Match(line);
                if (m.Success && IsVersion(m.Groups[1].Value)) return (m.Groups[1].Value, file);
            }
        }
        return (null, null);
    }

    [GeneratedRegex(@"^v?\d+(\.\d+)*([-_.+~]?[A-Za-z]+\d*(\.\d+)*)?([-_.+~]?\d+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex VersionShape();

    [GeneratedRegex(@"@[A-Za-z_]+@|\$[({]|m4_|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|^[a-z_]+_version$|[\[\]()`]")]
    private static partial Regex MacroLike();

    [GeneratedRegex(@"^(rc|alpha|beta|pre|a|b)\d*$", RegexOptions.IgnoreCase)]
    private static partial Regex PreRelease();

    [GeneratedRegex(@"^(19|20)\d{6}$")]
    private static partial Regex DateStamp();

    [GeneratedRegex(@"^\W*(?:[A-Za-z][\w-]*\s+)*?(?:version|release|v)?\s*v?(\d+\.\d+(?:\.\d+)*)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewsVersion();
}
