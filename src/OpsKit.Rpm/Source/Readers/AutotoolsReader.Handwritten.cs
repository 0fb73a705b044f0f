// Autoconf projects found in the wild beside the automake ones: a hand-written
// Makefile.in (dtach, pwgen, less, ccze) that may have no install or check target,
// libraries configure refuses to go without (AC_CHECK_LIB with an error action,
// a "pcre-config" helper script), and Texinfo manuals rebuilt because they
// include a file configure writes (bc: texi-ver.incl from texi-ver.incl.in).
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source.Readers;

internal static partial class AutotoolsReader
{
    /// <summary>A top-level Makefile.in written by hand (no Makefile.am): its install and check targets as they are.
    /// Null for automake projects, whose Makefile.in always has both.</summary>
    internal static (bool HasInstall, string? Check)? HandwrittenMakefile(SourceTree tree)
    {
        if (tree.Has("Makefile.am") || tree.Read("Makefile.in") is not { } text) return null;
        // Targets may come from included fragments: then nothing is known, and the automake-like default stands.
        if (Regex.IsMatch(text, @"^-?include\s", RegexOptions.Multiline)) return null;
        var check = Target("check").IsMatch(text) ? "check" : Target("test").IsMatch(text) ? "test" : null;
        return (ShapeDetector.HasInstallTarget(text), check);

        // "check:", "check test:", "check : all"; not "check := ...".
        static Regex Target(string name) => new(@"^(?:[\w.$()-]+[ \t]+)*" + name + @"(?:[ \t]+[\w.$()-]+)*[ \t]*::?(?!=)", RegexOptions.Multiline);
    }

    // NAME-config helper scripts configure runs -> (Fedora BuildRequires, Debian package).
    private static readonly Dictionary<string, (string Fedora, string Debian)> s_configScripts = new(StringComparer.Ordinal)
    {
        ["pcre-config"] = ("pcre-devel", "libpcre3-dev"),
        ["pcre2-config"] = ("pcre2-devel", "libpcre2-dev"),
        ["curl-config"] = ("libcurl-devel", "libcurl4-openssl-dev"),
        ["xml2-config"] = ("libxml2-devel", "libxml2-dev"),
        ["xslt-config"] = ("libxslt-devel", "libxslt1-dev"),
        ["libgcrypt-config"] = ("libgcrypt-devel", "libgcrypt20-dev"),
        ["gpg-error-config"] = ("libgpg-error-devel", "libgpg-error-dev"),
        ["gpgme-config"] = ("gpgme-devel", "libgpgme-dev"),
        ["ncurses6-config"] = ("ncurses-devel", "libncurses-dev"),
        ["ncursesw6-config"] = ("ncurses-devel", "libncurses-dev"),
        ["ncurses5-config"] = ("ncurses-devel", "libncurses-dev"),
        ["ncursesw5-config"] = ("ncurses-devel", "libncurses-dev"),
        ["sdl2-config"] = ("SDL2-devel", "libsdl2-dev"),
        ["freetype-config"] = ("freetype-devel", "libfreetype-dev"),
        ["mysql_config"] = ("mariadb-connector-c-devel", "libmariadb-dev"),
        ["pg_config"] = ("libpq-devel", "libpq-dev"),
        ["net-snmp-config"] = ("net-snmp-devel", "libsnmp-dev"),
    };

    /// <summary>The program a BuildRequires from <see cref="ConfigScripts"/> provides, for the probe's tool check.</summary>
    internal static (string Program, string Debian, string Fedora)[]? ConfigScriptTool(string buildRequires) =>
        s_configScripts.Where(p => p.Value.Fedora == buildRequires).Select(p => (p.Key, p.Value.Debian, p.Value.Fedora)).Take(1).ToArray() is { Length: 1 } a ? a : null;

    /// <summary>Helper scripts configure looks for with AC_PATH_PROG/AC_CHECK_PROG(S) (ccze 0.2.1: pcre-config, and
    /// "AC_ERROR(PCRE not found)" without it): the script, its Fedora BuildRequires and Debian package.</summary>
    internal static IEnumerable<(string Program, string Fedora, string Debian)> ConfigScripts(string configureAc)
    {
        foreach (Match m in Regex.Matches(configureAc, @"\bAC_(?:PATH|CHECK)_PROGS?\s*\(\s*\[?\w+\]?\s*,\s*\[?([\w.+ -]+?)\]?\s*[,)]"))
        {
            // Required: configure stops with an error soon after looking (an optional helper is tested and skipped).
            var after = configureAc[m.Index..Math.Min(configureAc.Length, m.Index + 400)];
            if (!Regex.IsMatch(after, @"\b(AC_MSG_ERROR|AC_ERROR)\b") || OnRequest(configureAc, m.Index)) continue;
            foreach (var program in m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (s_configScripts.TryGetValue(program, out var p)) { yield return (program, p.Fedora, p.Debian); break; }
            }
        }
    }

    /// <summary>Libraries configure stops without: AC_CHECK_LIB/AC_SEARCH_LIBS whose action-if-not-found is an error
    /// (ccze 0.2.1: "AC_CHECK_LIB(ncurses, initscr, [], [AC_ERROR(NCurses library not found)])"), as BuildRequires
    /// from the well-known list the Makefile reader uses; glibc's own need none.</summary>
    internal static IEnumerable<string> RequiredLibraries(string configureAc)
    {
        foreach (Match m in Regex.Matches(configureAc, @"\bAC_(CHECK_LIB|SEARCH_LIBS)\s*\(((?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)"))
        {
            var args = CallArgs.M4(m.Groups[2].Value);
            if (args.ElementAtOrDefault(3) is not { } missing || !Regex.IsMatch(missing, @"\b(AC_MSG_ERROR|AC_ERROR)\b")) continue;
            if (OnRequest(configureAc, m.Index)) continue;
            var libraries = m.Groups[1].Value == "CHECK_LIB" ? [args[0]] : (args.ElementAtOrDefault(1) ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var lib in libraries)
            {
                if (MakefileReader.KnownLibrary(lib) is { } br) { yield return br; break; }
            }
        }
    }

    /// <summary>A PKG_CHECK_MODULES whose action-if-not-found only records the failure in a variable that configure later
    /// stops on (tmux 3.3a: "found_libevent=no", then "if test x$found_libevent = xno; then AC_MSG_ERROR"): required after
    /// all. Of several checks recording into the same variable (libevent_core, then libevent) the first is the one asked for.</summary>
    internal static bool FailsWithout(string configureAc, IReadOnlyList<string> check, IReadOnlyList<List<string>> checks)
    {
        var variables = Regex.Matches(check.ElementAtOrDefault(3) ?? "", @"\b(\w+)=(no|false|0)\b").Select(m => m.Groups[1].Value).ToList();
        foreach (var v in variables)
        {
            var first = checks.First(c => Regex.IsMatch(c.ElementAtOrDefault(3) ?? "", @"\b" + v + @"=(no|false|0)\b"));
            if (!ReferenceEquals(first, check)) continue;
            var at = configureAc.IndexOf(v + "=", StringComparison.Ordinal);
            if (at >= 0 && OnRequest(configureAc, at)) continue;
            if (Regex.IsMatch(configureAc, @"\btest\s+""?x?\$\{?" + v + @"\}?""?\s*=\s*""?x?(no|false|0)""?\s*;?\s*(then)?\s*\n?\s*(AC_MSG_ERROR|AC_ERROR)\b")) return true;
        }
        return false;
    }

    /// <summary>True when the text at <paramref name="index"/> runs only on request: inside a shell "case" (htop 3.2.2:
    /// AC_CHECK_LIB(cap, ..., AC_MSG_ERROR) in the "yes)" branch of --enable-capabilities, whose default "check" branch
    /// only turns the feature off) or an "if" that tests an $enable_X or $with_X switch.</summary>
    internal static bool OnRequest(string configureAc, int index)
    {
        var open = new Stack<bool>();
        foreach (var line in configureAc[..index].Split('\n'))
        {
            var t = line.Trim();
            if (Regex.IsMatch(t, @"^case\b.*\bin$")) open.Push(true);
            else if (Regex.IsMatch(t, @"^esac\b") && open.Count > 0) open.Pop();
            else if (Regex.IsMatch(t, @"^if\b")) open.Push(Regex.IsMatch(t, @"\$\{?(enable|with)_"));
            else if (Regex.IsMatch(t, @"^fi\b") && open.Count > 0) open.Pop();
        }
        return open.Any(conditional => conditional);
    }

    /// <summary>A Texinfo manual whose .info is shipped but which @includes a file configure writes from a .in
    /// template (bc 1.07.1: "@include texi-ver.incl"): the generated file is newer than the .info, so make runs makeinfo.</summary>
    internal static bool IncludesGeneratedFile(SourceTree tree)
    {
        foreach (var texi in Directory.EnumerateFiles(tree.Root, "*.texi", SearchOption.AllDirectories))
        {
            var dir = Path.GetDirectoryName(texi)!;
            foreach (Match m in Regex.Matches(File.ReadAllText(texi), @"^@include\s+(\S+)", RegexOptions.Multiline))
            {
                var included = Path.Combine(dir, m.Groups[1].Value);
                if (!File.Exists(included) && File.Exists(included + ".in")) return true;
            }
        }
        return false;
    }
}
