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
        // A repository whose project lives one folder down (expat 2.5.0's tag archive: libexpat-R_2_5_0/expat/ holds
        // configure.ac and CMakeLists.txt, the top only CI files): refused rather than packaged from the wrong folder.
        if (shape is null or Shape.Scripts && SubProject(tree) is { } sub)
            throw OpsKitException.BadData($"{displayName}: the top folder has no build system, but {sub.Dir}/ has {sub.Shape.Name()} files: unpack the archive and pass that folder (opskit rpm spec DIR/{sub.Dir}), or use upstream's release tarball");
        if ((shape is null or Shape.Scripts) && ScriptFinder.Installer(tree) is { } installer)
            throw OpsKitException.BadData($"{displayName}: the project installs with its own {installer}, which OpsKit does not run (such installers look for interpreters and rewrite the scripts as they copy them); write %install by hand from what {installer} does");
        if (shape is { } s) return s;
        throw OpsKitException.BadData($"{displayName}: no build system found (looked for configure, configure.ac, CMakeLists.txt, meson.build, pyproject.toml, setup.py, go.mod, Cargo.toml, Makefile.PL, Build.PL, a Makefile that installs or compiles C, CMakeLists.txt or meson.build in build/cmake, cmake, build/meson, or scripts with a #! line)");
    }

    /// <summary>The shape, or null.</summary>
    public static Shape? TryDetect(SourceTree tree)
    {
        bool Has(string f) => tree.Has(f);
        if (Has("configure") && (Has("Makefile.in") || Has("configure.ac") || Has("configure.in") || Generated(tree))) return Shape.Autotools;
        if ((Has("configure.ac") || Has("configure.in")) && Has("Makefile.am")) return Shape.AutotoolsBootstrap;
        if (Has("CMakeLists.txt")) return Shape.CMake;
        if (Has("meson.build")) return Shape.Meson;
        if (Has("pyproject.toml") || Has("setup.py") || Has("setup.cfg")) return Shape.Python;
        if (Has("go.mod")) return Shape.Go;
        if (Has("Cargo.toml")) return Shape.Rust;
        if (Has("Makefile.PL")) return Shape.PerlMakeMaker;
        if (Has("Build.PL")) return Shape.PerlModuleBuild;
        if (MakefileName(tree) is { } mk && HasInstallTarget(tree.Read(mk) ?? "")) return Shape.Makefile;
        // CMake or Meson files kept in a subfolder beside a top-level Makefile (lz4: build/cmake, build/meson;
        // xxHash: cmake_unofficial): used when the Makefile cannot install.
        if (SubfolderBuild(tree) is { } sub) return sub.Shape;
        // A Makefile that builds C but cannot install (sl): %install copies what the trial build produced.
        if (MakefileName(tree) is { } plain && BuildsC(tree, tree.Read(plain) ?? "")) return Shape.Makefile;
        if (ScriptFinder.Find(tree).Count > 0) return Shape.Scripts;
        return null;
    }

    /// <summary>The one immediate subfolder that holds a compiled project's build files (not docs, tests or examples), or null.</summary>
    internal static (Shape Shape, string Dir)? SubProject(SourceTree tree)
    {
        var found = Directory.EnumerateDirectories(tree.Root).Select(Path.GetFileName).OfType<string>()
            .Where(d => !d.StartsWith('.') && !Regex.IsMatch(d, @"^(docs?|tests?|examples?|contrib|scripts|tools|bin|\.github)$", RegexOptions.IgnoreCase))
            .Select(d => (Dir: d, Shape: TryDetect(new SourceTree(Path.Combine(tree.Root, d), null, d, null))))
            .Where(p => p.Shape is { } s && s != Shape.Scripts).ToList();
        return found.Count == 1 ? (found[0].Shape!.Value, found[0].Dir) : null;
    }

    /// <summary>Subfolders where projects keep alternative build files, in the order they are tried.</summary>
    private static readonly string[] s_subfolders = ["build/cmake", "cmake", "cmake_unofficial", "contrib/cmake", "build/meson", "meson", "contrib/meson"];

    /// <summary>A CMakeLists.txt or meson.build in a known subfolder of a tree whose top level has neither, or null.</summary>
    public static (Shape Shape, string Dir)? SubfolderBuild(SourceTree tree)
    {
        if (tree.Has("CMakeLists.txt") || tree.Has("meson.build")) return null;
        foreach (var dir in s_subfolders)
        {
            if (tree.Has(Path.Combine(dir, "CMakeLists.txt")) && ProjectCall().IsMatch(tree.Read(Path.Combine(dir, "CMakeLists.txt"))!)) return (Shape.CMake, dir);
            if (tree.Has(Path.Combine(dir, "meson.build")) && ProjectCall().IsMatch(tree.Read(Path.Combine(dir, "meson.build"))!)) return (Shape.Meson, dir);
        }
        return null;
    }

    /// <summary>True when the Makefile text has an install target ("install:", "install uninstall:", "install::").</summary>
    public static bool HasInstallTarget(string makefile) => InstallTarget().IsMatch(makefile);

    /// <summary>A Makefile with a rule that runs the C compiler on sources the tree has.</summary>
    private static bool BuildsC(SourceTree tree, string makefile) =>
        Regex.IsMatch(makefile, @"^\t.*\$[({](CC|CXX)[)}]|^\t\s*(gcc|cc|g\+\+|clang)\s", RegexOptions.Multiline)
        && new[] { tree.Root, tree.File("src") }.Where(Directory.Exists).SelectMany(d => Directory.EnumerateFiles(d))
            .Any(f => f.EndsWith(".c", StringComparison.Ordinal) || f.EndsWith(".cpp", StringComparison.Ordinal) || f.EndsWith(".cc", StringComparison.Ordinal));

    [GeneratedRegex(@"^\s*project\s*\(", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex ProjectCall();

    /// <summary>An autoconf-generated configure whose inputs live in a subfolder (pv: autoconf/configure.in).</summary>
    private static bool Generated(SourceTree tree)
    {
        using var reader = new StreamReader(tree.File("configure"));
        var buffer = new char[2048];
        return new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length)).Contains("Generated by GNU Autoconf", StringComparison.Ordinal);
    }

    /// <summary>The plain Makefile's name (GNUmakefile, Makefile or makefile), or null.</summary>
    public static string? MakefileName(SourceTree tree) =>
        new[] { "GNUmakefile", "Makefile", "makefile" }.FirstOrDefault(tree.Has);

    // "install:", "install uninstall:" (lz4), "install::"; not "install := ...".
    [GeneratedRegex(@"^(?:[\w.$()-]+[ \t]+)*install(?:[ \t]+[\w.$()-]+)*[ \t]*::?(?!=)", RegexOptions.Multiline)]
    private static partial Regex InstallTarget();
}
