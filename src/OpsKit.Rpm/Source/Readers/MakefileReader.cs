// A hand-written Makefile: which install variables it honours, whether it
// hard-sets CFLAGS, whether it has check/test targets (research pitfall 16).
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

/// <summary>Reads plain Makefile projects.</summary>
internal static partial class MakefileReader
{
    private static readonly string[] s_variables = ["DESTDIR", "PREFIX", "prefix", "BINDIR", "bindir", "SBINDIR", "MANDIR", "mandir", "SYSCONFDIR", "sysconfdir", "DATADIR", "datadir", "LIBDIR", "libdir", "INCLUDEDIR"];

    public static ProjectMetadata Read(SourceTree tree)
    {
        var name = ShapeDetector.MakefileName(tree)!;
        var top = tree.Read(name) ?? "";
        // An install target that delegates ("$(MAKE) -C lib install") reads its variables in the sub-Makefiles;
        // make passes command-line variables down, so the top-level call sets them all.
        var text = string.Join('\n', new[] { top }.Concat(Delegated(tree, top)));
        var vars = s_variables.Where(v => text.Contains("$(" + v + ")", StringComparison.Ordinal) || text.Contains("${" + v + "}", StringComparison.Ordinal)).ToList();
        // "DESTDIR=${PREFIX}/bin" (tree 2.x) uses DESTDIR as the bindir: it is not the staging root.
        if (Regex.IsMatch(text, @"^DESTDIR[ \t]*[:?]?=[ \t]*[^\s#]", RegexOptions.Multiline)) vars.Remove("DESTDIR");
        var check = Target("check").IsMatch(text) ? "check" : Target("test").IsMatch(text) ? "test" : null;
        return new ProjectMetadata
        {
            Makefile = new MakefileFacts(vars, Regex.IsMatch(text, @"^CFLAGS\s*:?=", RegexOptions.Multiline),
                text.Contains("$(LDFLAGS)", StringComparison.Ordinal))
            {
                HasInstall = ShapeDetector.HasInstallTarget(top),
                ManDirIsSection1 = Regex.IsMatch(text, @"^(MANDIR|mandir)[ \t]*[:?]?=.*\bman1(dir)?\)?[ \t]*$", RegexOptions.Multiline),
                PrefixVariables = Regex.Matches(top, @"^(\w+)[ \t]*[:?]?=[ \t]*\$[({](?:PREFIX|prefix)[)}]/(\S+)[ \t]*$", RegexOptions.Multiline)
                    .Select(m => (m.Groups[1].Value, m.Groups[2].Value)).DistinctBy(p => p.Item1).ToList(),
            },
            UsesCxx = text.Contains("$(CXX)", StringComparison.Ordinal) || Sources(tree, "*.cpp"),
            UsesC = text.Contains("$(CC)", StringComparison.Ordinal) || Sources(tree, "*.c"),
            BuildRequires = Toolchains(tree, text).Concat(LinkedLibraries(tree, text).Devel).Concat(DocTools(tree, text)).Distinct().ToList(),
            Notes = LinkedLibraries(tree, text).Unknown.Select(l => $"the Makefile links -l{l}: add the BuildRequires that provides it").ToList(),
            CheckTarget = check,
        };
    }

    /// <summary>Sub-Makefiles an install target hands on to: "$(MAKE) -C DIR install" with DIR literal or a variable set in the Makefile.</summary>
    private static IEnumerable<string> Delegated(SourceTree tree, string top)
    {
        foreach (Match m in Regex.Matches(top, @"\$[({]MAKE[)}]\s+(?:-\S+\s+)*-C\s*(\S+)"))
        {
            var dir = m.Groups[1].Value;
            var v = Regex.Match(dir, @"^\$[({](\w+)[)}]$");
            if (v.Success && Regex.Match(top, "^" + v.Groups[1].Value + @"\s*[:?]?=\s*(\S+)\s*$", RegexOptions.Multiline) is { Success: true } set) dir = set.Groups[1].Value;
            if (dir.Contains('$')) continue;
            foreach (var f in new[] { "GNUmakefile", "Makefile", "makefile" })
            {
                if (tree.Read(Path.Combine(dir, f)) is { } sub) { yield return sub; break; }
            }
        }
    }

    /// <summary>Sources at the top level or directly in src/ (deeper ones are often test fixtures).</summary>
    private static bool Sources(SourceTree tree, string pattern) =>
        Directory.EnumerateFiles(tree.Root, pattern).Any() || Directory.Exists(tree.File("src")) && Directory.EnumerateFiles(tree.File("src"), pattern).Any();

    // -lNAME -> the Fedora package with its headers; glibc's own libraries need none.
    private static readonly Dictionary<string, string?> s_libraries = new(StringComparer.Ordinal)
    {
        ["c"] = null, ["m"] = null, ["intl"] = null, ["iconv"] = null, ["rt"] = null, ["pthread"] = null, ["dl"] = null, ["util"] = null, ["resolv"] = null, ["crypt"] = "libxcrypt-devel",
        ["ncurses"] = "pkgconfig(ncurses)", ["ncursesw"] = "pkgconfig(ncursesw)", ["curses"] = "pkgconfig(ncurses)", ["tinfo"] = "pkgconfig(ncurses)",
        ["z"] = "pkgconfig(zlib)", ["bz2"] = "bzip2-devel", ["lzma"] = "pkgconfig(liblzma)", ["zstd"] = "pkgconfig(libzstd)",
        ["ssl"] = "pkgconfig(openssl)", ["crypto"] = "pkgconfig(openssl)", ["curl"] = "pkgconfig(libcurl)", ["readline"] = "readline-devel",
        ["pcre"] = "pkgconfig(libpcre)", ["pcre2-8"] = "pkgconfig(libpcre2-8)", ["expat"] = "pkgconfig(expat)", ["xml2"] = "pkgconfig(libxml-2.0)",
        ["X11"] = "pkgconfig(x11)", ["png"] = "pkgconfig(libpng)", ["jpeg"] = "libjpeg-devel", ["uuid"] = "pkgconfig(uuid)", ["cap"] = "pkgconfig(libcap)",
    };

    /// <summary>The BuildRequires for a well-known library (-lNAME), or null (glibc's own, or unknown).</summary>
    internal static string? KnownLibrary(string lib) => s_libraries.GetValueOrDefault(lib);

    /// <summary>Libraries the Makefile links with -l (sl: -lncurses): known ones as BuildRequires, the rest for a review note.</summary>
    private static (List<string> Devel, List<string> Unknown) LinkedLibraries(SourceTree tree, string text)
    {
        var devel = new List<string>();
        var unknown = new List<string>();
        foreach (var lib in Regex.Matches(text, @"(?<=[\s=])-l([A-Za-z][\w+.-]*)").Select(m => m.Groups[1].Value).Distinct())
        {
            if (OwnLibrary(tree, text, lib)) continue;
            if (s_libraries.TryGetValue(lib, out var br)) { if (br is not null && !devel.Contains(br)) devel.Add(br); }
            else unknown.Add(lib);
        }
        return (devel, unknown);
    }

    /// <summary>A library the project builds itself (zstd 1.5.4: programs/Makefile links -lzstd for its zstd-dll target, and
    /// lib/ makes libzstd.so): the Makefiles name libNAME.so/.a, or a .pc template's Libs: line gives -lNAME. Never a BuildRequires.</summary>
    internal static bool OwnLibrary(SourceTree tree, string makefiles, string lib)
    {
        if (Regex.IsMatch(makefiles, @"\blib" + Regex.Escape(lib) + @"\.(so|a|pc)\b")) return true;
        var options = new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 2, IgnoreInaccessible = true };
        return Directory.EnumerateFiles(tree.Root, "*.pc.in", options)
            .Any(f => Regex.IsMatch(File.ReadAllText(f), @"^Libs:.*\s-l" + Regex.Escape(lib) + @"(\s|$)", RegexOptions.Multiline));
    }

    /// <summary>Toolchains a Makefile drives: dotnet (SDK version from global.json), go, cargo.</summary>
    private static List<string> Toolchains(SourceTree tree, string text)
    {
        var requires = new List<string>();
        if (Regex.IsMatch(text, @"\bdotnet\b|\$\(DOTNET\)"))
        {
            var sdk = Regex.Match(tree.Read("global.json") ?? "", @"""version""\s*:\s*""(\d+)\.(\d+)");
            requires.Add(sdk.Success ? $"dotnet-sdk-{sdk.Groups[1].Value}.{sdk.Groups[2].Value}" : "dotnet-sdk");
        }
        if (Regex.IsMatch(text, @"\bgo build\b")) requires.Add("golang");
        if (Regex.IsMatch(text, @"\bcargo build\b")) requires.Add("cargo");
        return requires;
    }

    private static Regex Target(string name) => new("^" + name + @"\s*:", RegexOptions.Multiline);
}
