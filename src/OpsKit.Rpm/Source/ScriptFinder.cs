// Finds the executables of a script collection: files with a #! line at the
// top level or in bin/, sbin/ or scripts/.
using System.Text.RegularExpressions;

namespace OpsKit.Rpm.Source;

/// <summary>Script discovery.</summary>
public static partial class ScriptFinder
{
    /// <summary>Relative paths of scripts, sorted.</summary>
    public static IReadOnlyList<string> Find(SourceTree tree)
    {
        var found = new List<string>();
        foreach (var dir in new[] { "", "bin", "sbin", "scripts" })
        {
            var full = Path.Combine(tree.Root, dir);
            if (!Directory.Exists(full)) continue;
            foreach (var file in Directory.EnumerateFiles(full))
            {
                // Hidden files are CI and editor helpers (expat 2.5.0: .travis.sh), never the project's programs.
                if (!Path.GetFileName(file).StartsWith('.') && HasShebang(file) && !Helper().IsMatch(Path.GetFileName(file))) found.Add(Path.GetRelativePath(tree.Root, file));
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>A top-level installer script (cowsay 3.03: install.sh, which finds perl and rewrites "#%BANGPERL%" in the
    /// scripts it copies), or null: the scripts are not usable as they are in the archive.</summary>
    public static string? Installer(SourceTree tree) =>
        tree.TopFiles().Where(f => Regex.IsMatch(f, @"^(install|setup)(\.sh)?$", RegexOptions.IgnoreCase) && HasShebang(tree.File(f))).Order(StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The interpreter named on the #! line, or null.</summary>
    public static string? Interpreter(string file)
    {
        using var reader = new StreamReader(file);
        var line = reader.ReadLine();
        if (line is null || !line.StartsWith("#!", StringComparison.Ordinal)) return null;
        var parts = line[2..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        return parts[0] == "/usr/bin/env" && parts.Length > 1 ? parts[1] : Path.GetFileName(parts[0]);
    }

    // Build and install helpers are never the project's programs.
    [GeneratedRegex(@"^(install|uninstall|setup|autogen|bootstrap|build|configure|install-sh|mkinstalldirs)(\.sh)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Helper();

    private static bool HasShebang(string file)
    {
        try
        {
            Span<byte> head = stackalloc byte[2];
            using var f = File.OpenRead(file);
            return f.ReadAtLeast(head, 2, throwOnEndOfStream: false) == 2 && head[0] == '#' && head[1] == '!';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
