// opskit rpm setup: the BUILD/RPMS/SOURCES/SPECS/SRPMS tree and %_topdir in
// ~/.rpmmacros, like rpmdev-setuptree: idempotent, never rewriting the file.
using System.Text.RegularExpressions;
using OpsKit.Core;

namespace OpsKit.Rpm.Setup;

/// <summary>Creates the rpmbuild tree and records it in ~/.rpmmacros.</summary>
public static partial class BuildTreeSetup
{
    /// <summary>The subdirectories of a top dir, in rpmbuild's order. rpmbuild makes some on demand, never SOURCES.</summary>
    public static IReadOnlyList<string> Subdirectories { get; } = ["BUILD", "RPMS", "SOURCES", "SPECS", "SRPMS"];

    /// <summary>Sets up the tree; throws <see cref="OpsKitException"/> as root without AllowRoot or without HOME.</summary>
    public static SetupResult Run(SystemContext context, SetupOptions options)
    {
        if (options.IsRoot && !options.AllowRoot)
            throw new OpsKitException("refusing to set up a build tree as root: build packages as an ordinary user (pass --allow-root to do it anyway)", ExitCodes.NoPermission);
        var home = context.Env("HOME");
        if (string.IsNullOrEmpty(home))
            throw OpsKitException.Unavailable("HOME is not set; cannot locate ~/.rpmmacros");
        var macrosFile = Path.Combine(home, ".rpmmacros");
        var existing = ReadTopDir(macrosFile, home);
        var topDir = Path.GetFullPath(options.TopDir ?? existing ?? Path.Combine(home, "rpmbuild"));

        MacrosAction action;
        if (!File.Exists(macrosFile))
        {
            File.WriteAllText(macrosFile, $"%_topdir {topDir}\n");
            action = MacrosAction.Created;
        }
        else if (existing is null)
        {
            var text = File.ReadAllText(macrosFile);
            var separator = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
            File.AppendAllText(macrosFile, $"{separator}%_topdir {topDir}\n");
            action = MacrosAction.Appended;
        }
        else
        {
            action = SamePath(existing, topDir) ? MacrosAction.Unchanged : MacrosAction.Conflict;
        }

        var created = new List<string>();
        var present = new List<string>();
        foreach (var sub in Subdirectories)
        {
            var dir = Path.Combine(topDir, sub);
            if (Directory.Exists(dir)) present.Add(sub);
            else
            {
                Directory.CreateDirectory(dir);
                created.Add(sub);
            }
        }
        return new SetupResult(topDir, macrosFile, action, existing, created, present);
    }

    /// <summary>The %_topdir a macros file sets (last definition wins, as in rpm), with HOME references expanded; null when none.</summary>
    public static string? ReadTopDir(string macrosFile, string home)
    {
        if (!File.Exists(macrosFile)) return null;
        string? value = null;
        foreach (var line in File.ReadLines(macrosFile))
        {
            var m = TopDirLine().Match(line);
            if (m.Success) value = m.Groups[1].Value.Trim();
        }
        if (value is null) return null;
        value = value.Replace("%{getenv:HOME}", home, StringComparison.Ordinal)
            .Replace("%(echo $HOME)", home, StringComparison.Ordinal)
            .Replace("$HOME", home, StringComparison.Ordinal);
        if (value.StartsWith("~/", StringComparison.Ordinal)) value = Path.Combine(home, value[2..]);
        return value;
    }

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(a), Path.TrimEndingDirectorySeparator(b), StringComparison.Ordinal);

    [GeneratedRegex(@"^\s*%_topdir\s+(.+)$")]
    private static partial Regex TopDirLine();
}
