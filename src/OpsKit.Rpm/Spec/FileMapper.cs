// Turns an installed tree (a probe build's buildroot) into %files entries:
// longest-prefix macros, globbed man/info pages, %config(noreplace) for /etc,
// -devel for headers, unversioned .so, .pc and CMake config, the deepest
// package-private directory instead of its files, never a system directory.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Spec;

/// <summary>Computes %files from a buildroot.</summary>
public static partial class FileMapper
{
    /// <summary>Maps every file, symlink and empty directory below <paramref name="buildRoot"/>.</summary>
    public static FilesPlan Map(string buildRoot)
    {
        var plan = new FilesPlan();
        var main = new SortedSet<string>(EntryOrder.Instance);
        var devel = new SortedSet<string>(EntryOrder.Instance);
        var elf = false;
        foreach (var (path, full, isDir) in Walk(buildRoot))
        {
            if (Ignored(path)) continue;
            // Architecture files: ELF objects, static archives, anything in the 64-bit libdir.
            if (!isDir && !elf && (IsElf(full) || path.EndsWith(".a", StringComparison.Ordinal) || path.StartsWith("/usr/lib64/", StringComparison.Ordinal))) elf = true;
            // On a 64-bit host %{_libdir} is /usr/lib64: a library in /usr/lib means the build ignored the libdir it was given.
            if (!isDir && Regex.IsMatch(path, @"^/usr/lib/lib[^/]+\.(so(\.[\d.]+)?|a)$") && Directory.Exists(Path.Combine(buildRoot, "usr/lib64")) is false
                && Environment.Is64BitProcess)
                plan.Notes.Add($"{path} is in /usr/lib, not %{{_libdir}}: the build ignored the library directory it was given; check the install paths");
            // A development symlink to another one (libpng 1.6.39: libpng.so -> libpng16.so) points at no library of the
            // main package (rpmlint: no-library-dependency-for): it is pointed at the versioned library itself.
            if (!isDir && Regex.IsMatch(path, @"^/usr/lib(64)?/lib[^/]+\.so$") && new FileInfo(full).LinkTarget is { } to && to.EndsWith(".so", StringComparison.Ordinal) && !to.Contains('/'))
            {
                var target = PathMacros.ToMacro(Path.GetDirectoryName(path) + "/" + to);
                plan.InstallExtras.Add($"ln -sf \"$(readlink %{{buildroot}}{target})\" %{{buildroot}}{PathMacros.ToMacro(path)}");
            }
            if (path.EndsWith(".la", StringComparison.Ordinal))
            {
                plan.InstallExtras.Add("find %{buildroot} -name '*.la' -delete");
                continue;
            }
            if (LocaleFile().Match(path) is { Success: true } mo)
            {
                plan.LangDomain ??= mo.Groups[1].Value;
                continue;
            }
            foreach (var (entry, isDevel) in Classify(path, isDir, plan))
                (isDevel ? devel : main).Add(entry);
        }
        // Static archives beside a shared library of the same name are left out (Fedora: "-devel: .so symlink,
        // headers, .pc; .a only when nothing else exists"); rpmlint also rejects them without debuginfo.
        foreach (var a in devel.Where(e => StaticLib().IsMatch(e)).ToList())
        {
            // The archive may carry a static suffix (yajl 2.1.0: libyajl_s.a beside libyajl.so).
            var stem = StaticLib().Match(a).Groups[1].Value;
            var shared = Regex.Replace(stem, @"([_-]s|[_-]static)$", "");
            if (!new[] { stem, shared }.Any(st => devel.Contains(st + ".so") || main.Any(m => m.StartsWith(st + ".so", StringComparison.Ordinal)))) continue;
            devel.Remove(a);
            plan.InstallExtras.Add($"rm -f %{{buildroot}}{a}");
            plan.Notes.Add($"{a} left out: the shared library is packaged; static archives only when there is no shared one");
        }
        plan.Main.AddRange(main);
        plan.Devel.AddRange(devel);
        plan.NoArch = !elf;
        var la = plan.InstallExtras.Where(e => e.Contains("'*.la'", StringComparison.Ordinal)).Take(1);
        var extras = la.Concat(plan.InstallExtras.Where(e => !e.Contains("'*.la'", StringComparison.Ordinal))).Distinct().ToList();
        plan.InstallExtras.Clear();
        plan.InstallExtras.AddRange(extras);
        return plan;
    }

    private static IEnumerable<(string Entry, bool Devel)> Classify(string path, bool isDir, FilesPlan plan)
    {
        var macro = Quote(PathMacros.ToMacro(Escape(path)));
        if (path.StartsWith("/usr/local/", StringComparison.Ordinal) || path.StartsWith("/opt/", StringComparison.Ordinal))
            plan.Notes.Add($"{path} is outside the distribution prefix: PREFIX was probably not honoured");
        if (ManPage().Match(path) is { Success: true } man)
        {
            yield return ($"%{{_mandir}}/{man.Groups[1].Value}*", false);
            yield break;
        }
        if (path.StartsWith("/usr/share/info/", StringComparison.Ordinal))
        {
            yield return (Regex.Replace(macro, @"\.(gz|bz2|xz|zst)$", "") + "*", false);
            yield break;
        }
        if (path.StartsWith("/usr/lib/systemd/system/", StringComparison.Ordinal) && !path[24..].Contains('/'))
            plan.Units.Add(Path.GetFileName(path));
        if (path.StartsWith("/usr/share/doc/", StringComparison.Ordinal)) plan.UpstreamDocs = true;

        var devel = IsDevel(path);
        var owner = OwnedDirectory(path);
        if (owner is not null && owner.StartsWith("/etc/", StringComparison.Ordinal))
        {
            // A package's own /etc directory: owned with %dir, each file %config(noreplace).
            yield return ($"%dir {Quote(PathMacros.ToMacro(Escape(owner)))}", false);
            if (isDir) yield return ($"%dir {macro}", false);
            else yield return ($"%config(noreplace) {macro}", false);
            yield break;
        }
        if (owner is not null)
        {
            yield return (Quote(PathMacros.ToMacro(Escape(owner)) + "/"), devel || IsDevel(owner + "/"));
            yield break;
        }
        if (isDir) yield return ($"%dir {macro}", devel);
        else if (path.StartsWith("/etc/", StringComparison.Ordinal)) yield return ($"%config(noreplace) {macro}", false);
        else if (VersionedLib().Match(path) is { Success: true } so) yield return (Quote(PathMacros.ToMacro(Escape(so.Groups[1].Value))) + "*", false);
        else yield return (macro, devel);
    }

    /// <summary>The shallowest non-system directory above the path (the package's own), or null.</summary>
    private static string? OwnedDirectory(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 1; i < parts.Length; i++)
        {
            var dir = "/" + string.Join('/', parts.Take(i));
            if (!PathMacros.IsSystemDir(dir)) return dir;
        }
        return null;
    }

    private static bool IsDevel(string path) =>
        path.StartsWith("/usr/include/", StringComparison.Ordinal)
        // Build-configuration scripts (pcre2-config, libpng16-config) print compiler flags: development files.
        || Regex.IsMatch(path, @"^/usr/bin/[^/]+-config$") && !path.EndsWith("/pkg-config", StringComparison.Ordinal)
        || Regex.IsMatch(path, @"^/usr/lib(64)?/lib[^/]+\.(so|a)$")
        || Regex.IsMatch(path, @"^/usr/(lib(64)?|share)/pkgconfig/")
        || Regex.IsMatch(path, @"^/usr/(lib(64)?|share)/cmake/")
        || path.StartsWith("/usr/share/aclocal/", StringComparison.Ordinal);

    private static bool Ignored(string path) =>
        path.StartsWith("/usr/lib/.build-id", StringComparison.Ordinal) || path.StartsWith("/usr/lib/debug", StringComparison.Ordinal)
        || path.StartsWith("/usr/src/debug", StringComparison.Ordinal) || path == "/usr/share/info/dir";

    private static IEnumerable<(string Path, string Full, bool IsDir)> Walk(string root)
    {
        var stack = new Stack<string>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var dir = stack.Pop();
            var any = false;
            foreach (var entry in Directory.EnumerateFileSystemEntries(dir))
            {
                any = true;
                var info = new FileInfo(entry);
                if (info.Attributes.HasFlag(FileAttributes.Directory) && info.LinkTarget is null) stack.Push(entry);
                else yield return ("/" + Path.GetRelativePath(root, entry), entry, false);
            }
            if (!any && dir != root) yield return ("/" + Path.GetRelativePath(root, dir), dir, true);
        }
    }

    private static bool IsElf(string file)
    {
        if (new FileInfo(file).LinkTarget is not null) return false;
        Span<byte> head = stackalloc byte[4];
        using var f = File.OpenRead(file);
        return f.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4 && head.SequenceEqual(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' });
    }

    /// <summary>Quotes entries with spaces; a literal '%' in a file name was already doubled by <see cref="Escape"/>.</summary>
    private static string Quote(string macro) => macro.Contains(' ', StringComparison.Ordinal) ? $"\"{macro}\"" : macro;

    /// <summary>Doubles '%' in an installed path so rpm does not expand it.</summary>
    private static string Escape(string path) => path.Replace("%", "%%", StringComparison.Ordinal);

    // man1/ls.1 and the translated pages of every language (de/man1/, pt_BR/man1/, ja.UTF-8/man1/): the filesystem
    // package owns the language folders, so each page is listed, compression globbed.
    [GeneratedRegex(@"^/usr/share/man/((?:[a-z]{2}(?:_[A-Z]{2})?(?:\.[\w-]+)?/)?man\w+/[^/]+?)(\.(gz|bz2|xz|zst))?$")]
    private static partial Regex ManPage();

    [GeneratedRegex(@"^(%\{_libdir\}/lib[^/]+)\.a$")]
    private static partial Regex StaticLib();

    [GeneratedRegex(@"^/usr/share/locale/[^/]+/LC_MESSAGES/([^/]+)\.mo$")]
    private static partial Regex LocaleFile();

    [GeneratedRegex(@"^(/usr/lib(?:64)?/lib[^/]+\.so\.\d+)(\.[\d.]+)?$")]
    private static partial Regex VersionedLib();
}

/// <summary>Orders %files entries: %dir lines beside their contents, then by path.</summary>
internal sealed class EntryOrder : IComparer<string>
{
    public static readonly EntryOrder Instance = new();

    public int Compare(string? x, string? y) => string.CompareOrdinal(Key(x ?? ""), Key(y ?? ""));

    private static string Key(string entry) => Regex.Replace(entry, @"^(%dir |%config\(noreplace\) )?""?", "");
}
