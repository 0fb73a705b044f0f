// A Makefile without an install target (sl 5.02: one rule that compiles sl)
// still makes a package: after the trial build, the programs the build produced
// and the man pages written for them are installed by explicit %install lines,
// and the packager is told to check the list. Nothing is guessed from names
// alone: a program is an executable ELF file the build created (not one shipped
// in the archive), and a man page is a NAME.SECTION file for one of those programs.
using System.Text.RegularExpressions;
using OpsKit.Core;

namespace OpsKit.Rpm.Spec;

/// <summary>%install lines for what a Makefile without an install target built.</summary>
public static partial class BuildOutputInstaller
{
    /// <summary>The %install lines and the staged file list.</summary>
    /// <param name="Install">Lines for %install, relative to the build folder.</param>
    /// <param name="Files">%files computed from the staged copies.</param>
    public sealed record Result(IReadOnlyList<string> Install, FilesPlan Files);

    // Folders whose programs are tests or examples, not what the package ships.
    private static readonly HashSet<string> s_skipped = new(StringComparer.OrdinalIgnoreCase) { "test", "tests", "t", "testing", "example", "examples", "bench", "benchmark", "fuzz", ".git", "redhat-linux-build" };

    /// <summary>Finds the built programs in <paramref name="buildDir"/> (files absent from <paramref name="sourceRoot"/>, the
    /// unpacked archive), their man pages, stages both under a scratch buildroot and maps it. Throws when the build
    /// produced no program: a Makefile that cannot install a library or data files needs a hand-written %install.</summary>
    public static Result Plan(string buildDir, string sourceRoot, string input)
    {
        var programs = Files(buildDir)
            .Where(rel => !File.Exists(Path.Combine(sourceRoot, rel)) && IsProgram(Path.Combine(buildDir, rel)))
            .Order(StringComparer.Ordinal).ToList();
        if (programs.Count == 0)
            throw OpsKitException.BadData($"{input}: the Makefile has no install target and its build produced no program to install; write %install by hand, or ask upstream for an install target");
        // A library built beside the programs would be left out (and the programs may link it): refuse rather than ship half.
        var libraries = Files(buildDir).Where(rel => !File.Exists(Path.Combine(sourceRoot, rel)) && SharedLibrary().IsMatch(Path.GetFileName(rel))).Order(StringComparer.Ordinal).ToList();
        if (libraries.Count > 0)
            throw OpsKitException.BadData($"{input}: the Makefile has no install target and its build produced shared libraries ({string.Join(", ", libraries.Take(3))}); a library needs its headers and a -devel package: write %install by hand, or ask upstream for an install target");
        var names = programs.Select(Path.GetFileName).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var copies = new List<(string From, string To, string Macro, string Mode)>();
        foreach (var p in programs)
            copies.Add((p, "/usr/bin/" + Path.GetFileName(p), "%{_bindir}/" + Path.GetFileName(p), "0755"));
        foreach (var rel in Files(sourceRoot).Order(StringComparer.Ordinal))
        {
            var m = ManPage().Match(Path.GetFileName(rel));
            if (!m.Success || !names.Contains(m.Groups["name"].Value)) continue;
            var lang = m.Groups["lang"].Success ? m.Groups["lang"].Value + "/" : "";
            var page = $"{lang}man{m.Groups["section"].Value}/{m.Groups["name"].Value}.{m.Groups["section"].Value}";
            copies.Add((rel, "/usr/share/man/" + page, "%{_mandir}/" + page, "0644"));
        }

        var stage = Directory.CreateTempSubdirectory("opskit-rpm-stage-").FullName;
        try
        {
            foreach (var (from, to, _, _) in copies)
            {
                var target = Path.Combine(stage, to.TrimStart('/'));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(Path.Combine(File.Exists(Path.Combine(buildDir, from)) ? buildDir : sourceRoot, from), target);
            }
            var plan = FileMapper.Map(stage);
            plan.Notes.Add("the Makefile has no install target: %install copies what the trial build produced ("
                + string.Join(", ", copies.Select(c => $"{c.From} -> {c.Macro}")) + "); check that this is everything the package should ship");
            var lines = copies.Select(c => $"install -Dpm {c.Mode} {Quote(c.From)} %{{buildroot}}{c.Macro}").ToList();
            return new Result(lines, plan);
        }
        finally
        {
            Directory.Delete(stage, recursive: true);
        }
    }

    /// <summary>The folder inside rpmbuild's BUILD where the sources were unpacked and built (rpm 4.18: BUILD/DIR;
    /// rpm 4.20: BUILD/NAME-VERSION-build/DIR): the first folder at most two levels down holding <paramref name="marker"/>.</summary>
    public static string? FindBuildDir(string buildRoot, string marker)
    {
        if (!Directory.Exists(buildRoot)) return null;
        foreach (var dir in Directory.EnumerateDirectories(buildRoot).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(dir, marker))) return dir;
            foreach (var sub in Directory.EnumerateDirectories(dir).Order(StringComparer.Ordinal))
                if (File.Exists(Path.Combine(sub, marker))) return sub;
        }
        return null;
    }

    private static IEnumerable<string> Files(string root)
    {
        var stack = new Stack<string>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            foreach (var d in Directory.EnumerateDirectories(dir))
            {
                if (!s_skipped.Contains(Path.GetFileName(d)) && new DirectoryInfo(d).LinkTarget is null) stack.Push(d);
            }
            foreach (var f in Directory.EnumerateFiles(dir)) yield return Path.GetRelativePath(root, f);
        }
    }

    /// <summary>An executable ELF program (ET_EXEC, or ET_DYN for PIE) that is not a shared library or a test.</summary>
    private static bool IsProgram(string path)
    {
        var name = Path.GetFileName(path);
        if (SharedObject().IsMatch(name) || TestName().IsMatch(name)) return false;
        var info = new FileInfo(path);
        if (info.LinkTarget is not null || (info.UnixFileMode & UnixFileMode.UserExecute) == 0) return false;
        Span<byte> head = stackalloc byte[18];
        using var f = File.OpenRead(path);
        if (f.ReadAtLeast(head, 18, throwOnEndOfStream: false) < 18) return false;
        if (!head[..4].SequenceEqual(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' })) return false;
        var type = head[5] == 2 ? head[16] << 8 | head[17] : head[16] | head[17] << 8;
        return type is 2 or 3;
    }

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"'{path}'" : path;

    // sl.1, sl.1.ja (Japanese), tool.8.de_DE.
    [GeneratedRegex(@"^(?<name>[\w+-][\w.+-]*?)\.(?<section>[1-8])(?:\.(?<lang>[a-z]{2}(?:_[A-Z]{2})?))?$")]
    private static partial Regex ManPage();

    [GeneratedRegex(@"^lib.*\.so(\.\d+)*$")]
    private static partial Regex SharedLibrary();

    [GeneratedRegex(@"\.so(\.\d+)*$|\.(o|a|la|lo)$")]
    private static partial Regex SharedObject();

    [GeneratedRegex(@"^(test|tests|check|bench)([-_].*)?$|[-_](test|tests|bench)$", RegexOptions.IgnoreCase)]
    private static partial Regex TestName();
}
