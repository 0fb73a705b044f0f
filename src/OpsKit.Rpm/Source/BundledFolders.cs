// Git submodules are not in GitHub's tag archives: the folder is there and
// empty (jq 1.6: modules/oniguruma), and the build dies inside make. When the
// build files offer a switch for the system library, the spec uses it; when they
// do not, the source is refused naming the folder and what to do.
using System.Text.RegularExpressions;
using OpsKit.Core;

namespace OpsKit.Rpm.Source;

/// <summary>Empty bundled-submodule folders and the switch that replaces each with the system library.</summary>
public static partial class BundledFolders
{
    /// <summary>Submodule paths (.gitmodules) that are empty or missing in the tree and that the build files mention.</summary>
    public static IReadOnlyList<string> Empty(SourceTree tree)
    {
        if (tree.Read(".gitmodules") is not { } modules) return [];
        var build = string.Join('\n', BuildFiles(tree).Select(tree.Read).OfType<string>());
        return SubmodulePath().Matches(modules).Select(m => m.Groups[1].Value.Trim().TrimEnd('/'))
            .Where(p => !Directory.Exists(tree.File(p)) || !Directory.EnumerateFileSystemEntries(tree.File(p)).Any())
            .Where(p => build.Contains(p, StringComparison.Ordinal))
            .Distinct().ToList();
    }

    /// <summary>Applies the system-library switch for each empty folder to the metadata, or throws naming the folder and the fix.</summary>
    public static ProjectMetadata Resolve(SourceTree tree, Shape shape, ProjectMetadata meta, string input)
    {
        var empty = Empty(tree);
        if (empty.Count == 0) return meta;
        var args = new List<string>(meta.ConfigureArgs);
        var requires = new List<string>(meta.BuildRequires);
        var notes = new List<string>(meta.Notes);
        foreach (var folder in empty)
        {
            var lib = Path.GetFileName(folder);
            var configureAc = tree.Read("configure.ac") ?? tree.Read("configure.in");
            if (shape is Shape.Autotools or Shape.AutotoolsBootstrap && configureAc is not null
                && Regex.IsMatch(configureAc, @"AC_ARG_WITH\(\s*\[?" + Regex.Escape(lib) + @"\]?\s*,", RegexOptions.IgnoreCase))
            {
                args.Add($"--with-{lib.ToLowerInvariant()}=yes");
                requires.Add($"pkgconfig({lib.ToLowerInvariant()})");
                notes.Add($"bundled folder {folder} is empty (a git submodule not in the archive): configure --with-{lib.ToLowerInvariant()}=yes builds against the system {lib}; the probe host needs its development package");
                continue;
            }
            throw OpsKitException.BadData($"{input}: bundled folder {folder} is empty (a git submodule the archive does not include) and the build offers no switch to use the system {lib}: "
                + $"fetch it ('git submodule update --init {folder}') and pack the tree again, or use the project's release tarball that includes it");
        }
        return meta with { ConfigureArgs = args, BuildRequires = requires.Distinct().ToList(), Notes = notes };
    }

    private static IEnumerable<string> BuildFiles(SourceTree tree) =>
        new[] { "configure.ac", "configure.in", "Makefile.am", "CMakeLists.txt", "meson.build", "Makefile", "GNUmakefile" }.Where(tree.Has);

    [GeneratedRegex(@"^\s*path\s*=\s*(.+)$", RegexOptions.Multiline)]
    private static partial Regex SubmodulePath();
}
