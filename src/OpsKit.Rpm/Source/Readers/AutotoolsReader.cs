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
        string? origin = null, versionOrigin = null;
        if (ac is not null && CallArgs.Body(ac, "AC_INIT") is { } body)
        {
            var args = CallArgs.M4(body);
            name = args.ElementAtOrDefault(3) is { Length: > 0 } tar ? tar : Tarname(args.ElementAtOrDefault(0));
            version = args.ElementAtOrDefault(1) is { Length: > 0 } v ? ExpandM4(ac, v) : null;
            if (version is not null && !Identity.IsVersion(version) && tree.Read("configure") is { } generated
                && ShellVar(generated, "PACKAGE_VERSION") is { } pv && Identity.IsVersion(pv))
            {
                version = pv;
                versionOrigin = "configure PACKAGE_VERSION";
            }
            else if (version is not null && !Identity.IsVersion(version) && TarballVersion(tree) is { } tv)
            {
                version = tv.Version;
                versionOrigin = tv.File;
            }
            else if (version != args.ElementAtOrDefault(1)) versionOrigin = $"{file} AC_INIT with m4_define";
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
        // A module also checked with an action-if-not-found is optional (pixman 0.42.2: gtk+-3.0 for its demos, checked
        // plainly only under --enable-gtk=yes): no BuildRequires.
        var checks = PkgCheck().Matches(text).Select(m => CallArgs.M4(m.Groups[1].Value)).ToList();
        static IEnumerable<string> Words(IReadOnlyList<string> a) => a.ElementAtOrDefault(1)?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var optional = checks.Where(a => a.ElementAtOrDefault(3) is { Length: > 0 } && !FailsWithout(text, a, checks)).SelectMany(Words).ToHashSet(StringComparer.Ordinal);
        var requires = checks.SelectMany(Words).Where(w => !optional.Contains(w))
            .Where(w => Regex.IsMatch(w, @"^[A-Za-z][\w.+-]*$"))
            .Select(w => $"pkgconfig({w})").Distinct().ToList();
        var handwritten = HandwrittenMakefile(tree);
        return new ProjectMetadata
        {
            Name = name,
            Version = version,
            VersionOrigin = versionOrigin,
            Url = url,
            Origin = origin,
            BuildRequires = requires.Concat(Tools(text)).Concat(NeedsMakeinfo(tree) || IncludesGeneratedFile(tree) ? ["texinfo"] : [])
                .Concat(ConfigScripts(text).Select(c => c.Fedora)).Concat(RequiredLibraries(text)).Distinct().ToList(),
            // A test suite run under valgrind is a developer check (jq 1.6: hours on a loaded builder); distributions run it plain.
            ConfigureArgs = Regex.IsMatch(text, @"AC_ARG_ENABLE\(\s*\[?valgrind\]?") ? ["--disable-valgrind"] : [],
            UsesLibtool = text.Contains("LT_INIT", StringComparison.Ordinal) || text.Contains("AC_PROG_LIBTOOL", StringComparison.Ordinal),
            UsesCxx = text.Contains("AC_PROG_CXX", StringComparison.Ordinal),
            UsesC = ac is null || text.Contains("AC_PROG_CC", StringComparison.Ordinal) || !text.Contains("AC_PROG_CXX", StringComparison.Ordinal),
            CheckTarget = handwritten is { } hand ? hand.Check : "check",
            Makefile = handwritten is { HasInstall: false } ? new MakefileFacts([], false, false) { HasInstall = false } : null,
        };
    }

    /// <summary>Expands m4_define'd names in an AC_INIT argument (libyaml: YAML_MAJOR.YAML_MINOR.YAML_PATCH -> 0.2.5);
    /// a value that still holds a macro call (m4_esyscmd: git describe) is returned as it is, for the caller to reject.</summary>
    public static string ExpandM4(string configureAc, string value)
    {
        var defines = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match m in M4Define().Matches(configureAc))
        {
            var args = CallArgs.M4(m.Groups[1].Value);
            if (args.Count >= 2 && Regex.IsMatch(args[0], @"^\w+$")) defines.TryAdd(args[0], args[1]);
        }
        var result = value;
        for (var pass = 0; pass < 5; pass++)
        {
            var next = Regex.Replace(result, @"\b\w+\b", w => defines.TryGetValue(w.Value, out var d) && !d.Contains('(') ? d : w.Value);
            if (next == result) break;
            result = next;
        }
        return result.Trim();
    }

    /// <summary>The version file of gnulib's git-version-gen (.tarball-version) or a plain .version/VERSION file.</summary>
    private static (string Version, string File)? TarballVersion(SourceTree tree)
    {
        foreach (var f in new[] { ".tarball-version", ".version", "VERSION" })
        {
            if (tree.Read(f)?.Trim() is { } v && Identity.IsVersion(v)) return (v, f);
        }
        return null;
    }

    /// <summary>makeinfo runs in the build when a manual is built as HTML too (indent 2.2.12: "all-local: html" in
    /// doc/Makefile.am) or a Texinfo manual (@setfilename) has no .info in the tarball; hello ships its .info and needs none.</summary>
    internal static bool NeedsMakeinfo(SourceTree tree)
    {
        foreach (var am in Directory.EnumerateFiles(tree.Root, "Makefile.am", SearchOption.AllDirectories))
        {
            if (Regex.IsMatch(File.ReadAllText(am), @"^(all-local|install-data-local)\s*:.*\b(html|install-html)\b", RegexOptions.Multiline)) return true;
        }
        foreach (var texi in Directory.EnumerateFiles(tree.Root, "*.texi", SearchOption.AllDirectories))
        {
            var m = Regex.Match(File.ReadAllText(texi), @"^@setfilename\s+(\S+)", RegexOptions.Multiline);
            if (m.Success && !File.Exists(Path.Combine(Path.GetDirectoryName(texi)!, m.Groups[1].Value))) return true;
        }
        return false;
    }

    /// <summary>Build tools the macros call for: libtool, gettext (with autopoint), bison, flex.</summary>
    private static IEnumerable<string> Tools(string text)
    {
        if (text.Contains("AM_GNU_GETTEXT", StringComparison.Ordinal)) yield return "gettext-devel";
        if (Regex.IsMatch(text, @"\bAC_PROG_YACC\b")) yield return "bison";
        if (Regex.IsMatch(text, @"\b(AC_PROG_LEX|AM_PROG_LEX)\b|AC_CHECK_PROGS\(\s*\[?LEX\b")) yield return "flex";
    }

    [GeneratedRegex(@"\bm4_define\s*\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)")]
    private static partial Regex M4Define();

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
