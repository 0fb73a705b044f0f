// configure.ac: AC_INIT(name, version, bug-report, tarname, url), libtool,
// C++, PKG_CHECK_MODULES; a release tarball without configure.ac falls back
// to the PACKAGE_* variables of the generated configure script.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads autotools projects.</summary>
internal static partial class AutotoolsReader
{
    public static ProjectMetadata Read(SourceTree tree)
    {
        var file = tree.Has("configure.ac") ? "configure.ac" : tree.Has("configure.in") ? "configure.in" : null;
        var ac = file is null ? null : tree.Read(file);
        string? name = null, version = null, url = null;
        string? origin = null;
        if (ac is not null && CallArgs.Body(ac, "AC_INIT") is { } body)
        {
            var args = CallArgs.M4(body);
            name = args.ElementAtOrDefault(3) is { Length: > 0 } tar ? tar : Tarname(args.ElementAtOrDefault(0));
            version = args.ElementAtOrDefault(1) is { Length: > 0 } v && !v.Contains('(') ? v : null;
            url = args.ElementAtOrDefault(4) is { Length: > 0 } u ? u : null;
            origin = $"{file} AC_INIT";
        }
        else if (tree.Read("configure") is { } configure)
        {
            name = ShellVar(configure, "PACKAGE_TARNAME");
            version = ShellVar(configure, "PACKAGE_VERSION");
            url = ShellVar(configure, "PACKAGE_URL");
            origin = "configure PACKAGE_TARNAME/PACKAGE_VERSION";
        }
        var text = ac ?? "";
        var requires = PkgCheck().Matches(text)
            .SelectMany(m => CallArgs.M4(m.Groups[1].Value).ElementAtOrDefault(1)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [])
            .Where(w => Regex.IsMatch(w, @"^[A-Za-z][\w.+-]*$"))
            .Select(w => $"pkgconfig({w})").Distinct().ToList();
        return new ProjectMetadata
        {
            Name = name,
            Version = version,
            Url = url,
            Origin = origin,
            BuildRequires = requires,
            UsesLibtool = text.Contains("LT_INIT", StringComparison.Ordinal) || text.Contains("AC_PROG_LIBTOOL", StringComparison.Ordinal),
            UsesCxx = text.Contains("AC_PROG_CXX", StringComparison.Ordinal),
            UsesC = ac is null || text.Contains("AC_PROG_CC", StringComparison.Ordinal) || !text.Contains("AC_PROG_CXX", StringComparison.Ordinal),
            CheckTarget = "check",
        };
    }

    /// <summary>autoconf's default tarname: lower case, "GNU " dropped, other characters to '-'.</summary>
    private static string? Tarname(string? package)
    {
        if (string.IsNullOrEmpty(package)) return null;
        var s = package.StartsWith("GNU ", StringComparison.Ordinal) ? package[4..] : package;
        return Regex.Replace(s.ToLowerInvariant(), "[^a-z0-9+_.-]", "-");
    }

    private static string? ShellVar(string text, string name)
    {
        var m = Regex.Match(text, "^" + name + "='([^']*)'", RegexOptions.Multiline);
        return m.Success && m.Groups[1].Value.Length > 0 ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"PKG_CHECK_MODULES\s*\(([^)]*)\)")]
    private static partial Regex PkgCheck();
}
