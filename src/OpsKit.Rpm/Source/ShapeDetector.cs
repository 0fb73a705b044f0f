// Detects the build system of a source tree: first match wins, top level
// first (research note 4.1). A tree with no recognisable build system is an error.
using System.Text.RegularExpressions;
using OpsKit.Core;

namespace OpsKit.Rpm.Source;

/// <summary>Finds the shape of a tree.</summary>
public static partial class ShapeDetector
{
    /// <summary>The shape, or a data error naming the tree and the markers looked for.</summary>
    public static Shape Detect(SourceTree tree, string displayName)
    {
        var shape = TryDetect(tree);
        if (shape is { } s) return s;
        throw OpsKitException.BadData($"{displayName}: no build system found (looked for configure, configure.ac, CMakeLists.txt, meson.build, pyproject.toml, setup.py, go.mod, Cargo.toml, Makefile.PL, Build.PL, a Makefile with an install target, or scripts with a #! line)");
    }

    /// <summary>The shape, or null.</summary>
    public static Shape? TryDetect(SourceTree tree)
    {
        bool Has(string f) => tree.Has(f);
        if (Has("configure") && (Has("Makefile.in") || Has("configure.ac") || Has("configure.in"))) return Shape.Autotools;
        if ((Has("configure.ac") || Has("configure.in")) && Has("Makefile.am")) return Shape.AutotoolsBootstrap;
        if (Has("CMakeLists.txt")) return Shape.CMake;
        if (Has("meson.build")) return Shape.Meson;
        if (Has("pyproject.toml") || Has("setup.py") || Has("setup.cfg")) return Shape.Python;
        if (Has("go.mod")) return Shape.Go;
        if (Has("Cargo.toml")) return Shape.Rust;
        if (Has("Makefile.PL")) return Shape.PerlMakeMaker;
        if (Has("Build.PL")) return Shape.PerlModuleBuild;
        if (MakefileName(tree) is { } mk && InstallTarget().IsMatch(tree.Read(mk) ?? "")) return Shape.Makefile;
        if (ScriptFinder.Find(tree).Count > 0) return Shape.Scripts;
        return null;
    }

    /// <summary>The plain Makefile's name (GNUmakefile, Makefile or makefile), or null.</summary>
    public static string? MakefileName(SourceTree tree) =>
        new[] { "GNUmakefile", "Makefile", "makefile" }.FirstOrDefault(tree.Has);

    // "install:", "install uninstall:" (lz4), "install::"; not "install := ...".
    [GeneratedRegex(@"^(?:[\w.$()-]+[ \t]+)*install(?:[ \t]+[\w.$()-]+)*[ \t]*::?(?!=)", RegexOptions.Multiline)]
    private static partial Regex InstallTarget();
}
