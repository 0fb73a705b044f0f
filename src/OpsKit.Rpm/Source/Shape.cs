// The build-system shapes a source tree can have (research note, section 4.1).
namespace OpsKit.Rpm.Source;

/// <summary>How a project is built. The order is the detection order: the most specific marker wins.</summary>
public enum Shape
{
    /// <summary>A release tarball with a generated configure script.</summary>
    Autotools,
    /// <summary>configure.ac and Makefile.am without configure: needs autoreconf.</summary>
    AutotoolsBootstrap,
    /// <summary>CMakeLists.txt.</summary>
    CMake,
    /// <summary>meson.build.</summary>
    Meson,
    /// <summary>pyproject.toml, setup.py or setup.cfg.</summary>
    Python,
    /// <summary>go.mod.</summary>
    Go,
    /// <summary>Cargo.toml.</summary>
    Rust,
    /// <summary>Makefile.PL (ExtUtils::MakeMaker).</summary>
    PerlMakeMaker,
    /// <summary>Build.PL (Module::Build).</summary>
    PerlModuleBuild,
    /// <summary>A hand-written Makefile with an install target.</summary>
    Makefile,
    /// <summary>No build system: executables with a shebang.</summary>
    Scripts,
}

/// <summary>Names for shapes as users see them.</summary>
public static class ShapeNames
{
    /// <summary>A short lowercase name ("autotools", "cmake", ...).</summary>
    public static string Name(this Shape shape) => shape switch
    {
        Shape.Autotools => "autotools",
        Shape.AutotoolsBootstrap => "autotools-bootstrap",
        Shape.CMake => "cmake",
        Shape.Meson => "meson",
        Shape.Python => "python",
        Shape.Go => "go",
        Shape.Rust => "rust",
        Shape.PerlMakeMaker => "perl-makemaker",
        Shape.PerlModuleBuild => "perl-module-build",
        Shape.Makefile => "makefile",
        _ => "scripts",
    };

    /// <summary>True for the C-like shapes whose output is arch-specific.</summary>
    public static bool IsCompiled(this Shape shape) =>
        shape is Shape.Autotools or Shape.AutotoolsBootstrap or Shape.CMake or Shape.Meson or Shape.Makefile or Shape.Go or Shape.Rust;
}
