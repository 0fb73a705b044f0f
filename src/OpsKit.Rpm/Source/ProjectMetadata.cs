// What inspection learned about a project; every field is optional and the
// spec writer fills gaps from flags, the archive name or defaults.
namespace OpsKit.Rpm.Source;

/// <summary>Metadata and build facts read from a source tree.</summary>
public sealed record ProjectMetadata
{
    /// <summary>The project name from its build files.</summary>
    public string? Name { get; init; }
    /// <summary>The version from its build files.</summary>
    public string? Version { get; init; }
    /// <summary>One-line summary.</summary>
    public string? Summary { get; init; }
    /// <summary>Longer description (plain text paragraphs).</summary>
    public string? Description { get; init; }
    /// <summary>Upstream home page.</summary>
    public string? Url { get; init; }
    /// <summary>License as declared in metadata (SPDX or a legacy name to normalise).</summary>
    public string? License { get; init; }
    /// <summary>Where the version came from when it differs from <see cref="Origin"/> ("configure.ac m4_define"), or null.</summary>
    public string? VersionOrigin { get; init; }
    /// <summary>Extra arguments for the configure step (a --with-X switch that picks a system library over an empty bundled folder).</summary>
    public IReadOnlyList<string> ConfigureArgs { get; init; } = [];
    /// <summary>Autotools without configure whose configure.ac includes a file only the project's own script makes
    /// (libuv 1.44.2: autogen.sh writes m4/libuv-extra-automake-flags.m4): that script instead of autoreconf, or null.</summary>
    public string? BootstrapScript { get; init; }
    /// <summary>configure builds in a folder named after the host (AX_ENABLE_BUILDDIR: libffi 3.4.4), so libtool is not at the top.</summary>
    public bool LibtoolInSubfolder { get; init; }
    /// <summary>configure is a hand-written script, not autoconf's (zlib 1.2.13): it rejects %configure's options, so it is run
    /// with these directory options only (those its text names), or null for an autoconf configure.</summary>
    public IReadOnlyList<string>? PlainConfigure { get; init; }
    /// <summary>The subfolder holding the build files (CMake or Meson beside a top-level Makefile), or null for the top level.</summary>
    public string? SourceDir { get; init; }
    /// <summary>Things the reader wants the packager to check.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
    /// <summary>The build file the metadata came from ("configure.ac AC_INIT"), or null.</summary>
    public string? Origin { get; init; }
    /// <summary>Extra BuildRequires derived from the build files (pkgconfig(x), cmake(X), perl(X)).</summary>
    public IReadOnlyList<string> BuildRequires { get; init; } = [];
    /// <summary>The build uses libtool (LT_INIT), so .la files must go.</summary>
    public bool UsesLibtool { get; init; }
    /// <summary>C++ is compiled (gcc-c++ needed).</summary>
    public bool UsesCxx { get; init; }
    /// <summary>C is compiled (gcc needed).</summary>
    public bool UsesC { get; init; } = true;
    /// <summary>A test target exists: "check"/"test" for make, enable_testing() for CMake, test() for Meson.</summary>
    public string? CheckTarget { get; init; }
    /// <summary>Plain Makefile facts.</summary>
    public MakefileFacts? Makefile { get; init; }
    /// <summary>Scripts of a script collection (relative paths).</summary>
    public IReadOnlyList<string> Scripts { get; init; } = [];
    /// <summary>The upstream distribution name when it differs from the package name (Perl, Python).</summary>
    public string? DistName { get; init; }
    /// <summary>Go import path (module line).</summary>
    public string? GoImportPath { get; init; }
    /// <summary>Executables a Go or Rust project builds.</summary>
    public IReadOnlyList<string> Binaries { get; init; } = [];
    /// <summary>Top-level Python modules or packages.</summary>
    public IReadOnlyList<string> PythonModules { get; init; } = [];
}

/// <summary>What a hand-written Makefile honours.</summary>
/// <param name="Variables">Install variables it reads (PREFIX, DESTDIR, BINDIR, MANDIR, SYSCONFDIR, ...).</param>
/// <param name="SetsCflags">It assigns CFLAGS itself with "=" (so the command line must override it).</param>
/// <param name="UsesLdflags">It passes $(LDFLAGS) to the link.</param>
public sealed record MakefileFacts(IReadOnlyList<string> Variables, bool SetsCflags, bool UsesLdflags)
{
    /// <summary>Variables the Makefile sets to a folder below PREFIX ("DESTDIR=${PREFIX}/bin": NAME and "bin").</summary>
    public IReadOnlyList<(string Name, string Sub)> PrefixVariables { get; init; } = [];

    /// <summary>Its MANDIR is the section-1 folder itself (xxHash 0.8.1: "MANDIR ?= $(PREFIX)/man/man1"), so it is given %{_mandir}/man1.</summary>
    public bool ManDirIsSection1 { get; init; }

    /// <summary>It has an install target; without one, %install copies the programs and man pages the trial build produced.</summary>
    public bool HasInstall { get; init; } = true;

    /// <summary>True when it installs under $(DESTDIR).</summary>
    public bool HonoursDestDir => Variables.Contains("DESTDIR");
}
