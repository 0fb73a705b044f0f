// Rules that came from a second set of real upstream tarballs of the same shapes (Debian bookworm's .orig
// tarballs of sl, pixman, fribidi, File-Which, toml, dav1d, libslirp, cmark, libdeflate): sl whole in
// tests/data/rpm-real, the files that motivated each other rule in tests/data/rpm-real/excerpts.
// Inspection only, except sl's make, which takes a second.
using OpsKit.Core;
using OpsKit.Core.Processes;
using OpsKit.Rpm.Source;
using OpsKit.Rpm.Source.Readers;
using OpsKit.Rpm.Spec;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Real;

public sealed class HeldBackShapeTests
{
    [Fact]
    public async Task Sl_makefile_without_install_target_is_a_makefile_project_that_installs_what_make_built()
    {
        using var dir = new TempDir("rpm-sl");
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, "sl-5.02.tar.gz"));
        Assert.Equal(Shape.Makefile, ShapeDetector.Detect(tree, "sl-5.02.tar.gz"));
        var s = SourceInspector.Inspect(tree, "sl-5.02.tar.gz", new InspectOptions());
        Assert.False(s.Meta.Makefile!.HasInstall);
        Assert.Equal("SL", s.License.Expression);
        // README.md, not its Japanese translation README.ja.md (which sorts first).
        Assert.StartsWith("SL (Steam Locomotive) runs across your terminal", s.Description);
        // sl links -lncurses: without its headers the build fails on a clean builder.
        Assert.Contains("pkgconfig(ncurses)", s.Meta.BuildRequires);
        Assert.True(RecipeBook.For(s).InstallFromBuild);

        // Build it as rpmbuild would (a copy of the unpacked tree), then plan %install from what make produced.
        var build = Path.Combine(dir.Path, "sl-5.02");
        CopyTree(tree.Root, build);
        var make = await new ProcessRunner().RunAsync(new CommandSpec("make", "-C", build) { Timeout = TimeSpan.FromMinutes(2) });
        Assert.True(make.ExitCode == 0, make.StandardError);
        var result = BuildOutputInstaller.Plan(build, tree.Root, "sl-5.02.tar.gz");
        Assert.Equal(
            ["install -Dpm 0755 sl %{buildroot}%{_bindir}/sl", "install -Dpm 0644 sl.1 %{buildroot}%{_mandir}/man1/sl.1",
             "install -Dpm 0644 sl.1.ja %{buildroot}%{_mandir}/ja/man1/sl.1"],
            result.Install);
        Assert.Equal(["%{_bindir}/sl", "%{_mandir}/ja/man1/sl.1*", "%{_mandir}/man1/sl.1*"], result.Files.Main.Order(StringComparer.Ordinal));
        Assert.False(result.Files.NoArch);
        Assert.Contains(result.Files.Notes, n => n.Contains("no install target", StringComparison.Ordinal) && n.Contains("sl -> %{_bindir}/sl", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_makefile_without_install_target_whose_build_made_no_program_is_refused_with_the_fix()
    {
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, "sl-5.02.tar.gz"));
        // The unbuilt tree: nothing but sources.
        var e = Assert.Throws<OpsKitException>(() => BuildOutputInstaller.Plan(tree.Root, tree.Root, "sl-5.02.tar.gz"));
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Contains("sl-5.02.tar.gz: the Makefile has no install target", e.Message);
        Assert.Contains("write %install by hand", e.Message);
    }

    [Fact]
    public async Task A_makefile_without_install_target_that_built_a_shared_library_is_refused_naming_it()
    {
        using var dir = new TempDir("rpm-sl-lib");
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, "sl-5.02.tar.gz"));
        var build = Path.Combine(dir.Path, "sl-5.02");
        CopyTree(tree.Root, build);
        // A program and a shared library next to it, as a Makefile that builds both would leave them.
        File.Copy("/bin/true", Path.Combine(build, "sl"));
        File.Copy("/bin/true", Path.Combine(build, "libsl.so.1"));
        var e = Assert.Throws<OpsKitException>(() => BuildOutputInstaller.Plan(build, tree.Root, "sl-5.02.tar.gz"));
        Assert.Contains("produced shared libraries (libsl.so.1)", e.Message);
        Assert.Contains("write %install by hand", e.Message);
    }

    [Fact]
    public async Task Cmake_files_in_a_subfolder_are_used_when_the_top_level_makefile_cannot_install()
    {
        // lz4 keeps build/cmake and build/meson beside its top-level Makefile. That Makefile installs, so it wins;
        // without it (as in projects whose Makefile only builds), build/cmake is the build system.
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, "lz4-1.9.4.tar.gz"));
        Assert.Equal(Shape.Makefile, ShapeDetector.Detect(tree, "lz4"));
        File.Delete(tree.File("Makefile"));
        Assert.Equal((Shape.CMake, "build/cmake"), ShapeDetector.SubfolderBuild(tree));
        var s = SourceInspector.Inspect(tree, "lz4-1.9.4.tar.gz", new InspectOptions());
        Assert.Equal(Shape.CMake, s.Shape);
        Assert.Equal("build/cmake", s.Meta.SourceDir);
        Assert.Contains("%global _vpath_srcdir build/cmake", RecipeBook.For(s).Globals);
        Assert.Contains(s.Notes, n => n.Contains("build/cmake", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pixman_mit_text_inside_a_c_comment_is_found_and_optional_gtk_is_no_build_requirement()
    {
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), RealData.Excerpt("pixman-0.42.2"));
        var license = LicenseDetector.Detect(tree, null, "metadata");
        Assert.Equal("MIT", license.Expression);
        Assert.Contains("COPYING", license.Evidence);
        // gtk+-3.0 (demos) and libpng (tests) are checked with an action-if-not-found: optional, no BuildRequires,
        // so the probe does not refuse a host without them.
        var meta = AutotoolsReader.Read(tree);
        Assert.DoesNotContain("pkgconfig(gtk+-3.0)", meta.BuildRequires);
        Assert.DoesNotContain("pkgconfig(libpng)", meta.BuildRequires);
    }

    [Fact]
    public async Task Toml_summary_keeps_its_apostrophe()
    {
        var s = await RealData.InspectExcerpt("toml-0.10.2");
        using var tree = s.Tree;
        Assert.Equal("Python Library for Tom's Obvious, Minimal Language", s.Summary);
    }

    [Fact]
    public async Task File_which_pod2text_readme_gives_the_description_section()
    {
        var s = await RealData.InspectExcerpt("libfile-which-perl-1.27");
        using var tree = s.Tree;
        Assert.StartsWith("File::Which finds the full or relative paths to executable programs", s.Description);
        Assert.DoesNotContain("UNIXes", s.Description);
    }

    [Theory]
    [InlineData("dav1d-1.0.0", "AV1 cross-platform decoder, open-source, and focused on speed and correctness")]
    [InlineData("libslirp-v4.7.0", "User-mode networking library used by virtual machines")]
    [InlineData("cmark-0.30.2", "C reference implementation of CommonMark")]
    [InlineData("libdeflate-1.14", "Library for fast, whole-buffer DEFLATE-based compression and decompression")]
    public async Task Readme_first_sentence_becomes_the_summary_without_the_name_and_cut_at_a_comma_when_too_long(string project, string summary)
    {
        var s = await RealData.InspectExcerpt(project, new InspectOptions(License: "MIT"));
        using var tree = s.Tree;
        Assert.Equal(summary, s.Summary);
    }

    [Fact]
    public async Task Fribidi_pointer_readme_is_skipped_and_reference_links_keep_their_text()
    {
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), RealData.Excerpt("fribidi-1.0.8"));
        Assert.Equal("README.md", ReadmeReader.Find(tree));
        Assert.Equal("The Free Implementation of the Unicode Bidirectional Algorithm.", ReadmeReader.Read(tree).Summary);
    }

    [Fact]
    public async Task Dav1d_nasm_from_find_program_is_a_build_requirement_and_a_missing_nasm_is_exit_69()
    {
        var s = await RealData.InspectExcerpt("dav1d-1.0.0", new InspectOptions(License: "BSD-2-Clause"));
        using var tree = s.Tree;
        Assert.Contains("nasm", s.Meta.BuildRequires);
        var e = Assert.Throws<OpsKitException>(() => BuildTools.Require(RecipeBook.For(s).BuildRequires, p => p == "nasm" ? null : "/usr/bin/" + p));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("'nasm'", e.Message);
        Assert.Contains("Debian: apt-get install nasm; Fedora: dnf install nasm", e.Message);
    }

    [Fact]
    public async Task Libslirp_missing_glib_module_is_exit_69_naming_the_module_before_meson_runs()
    {
        var s = await RealData.InspectExcerpt("libslirp-v4.7.0");
        using var tree = s.Tree;
        Assert.Contains("pkgconfig(glib-2.0)", s.Meta.BuildRequires);
        var e = Assert.Throws<OpsKitException>(() => BuildTools.RequireModules(RecipeBook.For(s).BuildRequires, m => m != "glib-2.0"));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("pkg-config module 'glib-2.0'", e.Message);
        Assert.Contains("Fedora: dnf install 'pkgconfig(glib-2.0)'", e.Message);
    }

    [Fact]
    public async Task Pkg_config_on_this_host_decides_which_modules_are_missing()
    {
        // The real lookup: ncurses (libncurses-dev, deps/rpm.txt) is there, a made-up module is not.
        await BuildTools.RequireModulesAsync(new SystemContext(), ["make", "pkgconfig(ncurses)"]);
        var e = await Assert.ThrowsAsync<OpsKitException>(() => BuildTools.RequireModulesAsync(new SystemContext(), ["pkgconfig(ncurses)", "pkgconfig(opskit-no-such-module)"]));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("'opskit-no-such-module'", e.Message);
    }

    [Fact]
    public async Task XxHash_mandir_that_is_the_man1_folder_gets_the_man1_macro()
    {
        // "MANDIR ?= $(PREFIX)/man/man1": given %{_mandir}, xxhsum.1 landed in /usr/share/man itself.
        var s = await RealData.InspectExcerpt("xxHash-0.8.1");
        using var tree = s.Tree;
        Assert.True(s.Meta.Makefile!.ManDirIsSection1);
        Assert.Contains(" MANDIR=%{_mandir}/man1", RecipeBook.MakeVariables(s.Meta.Makefile), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indent_html_manual_needs_makeinfo_and_hello_shipped_info_does_not()
    {
        using var indent = await SourceArchive.OpenAsync(new SystemContext(), RealData.Excerpt("indent-2.2.12"));
        Assert.True(AutotoolsReader.NeedsMakeinfo(indent));
        Assert.Contains("Debian: apt-get install texinfo; Fedora: dnf install texinfo",
            Assert.Throws<OpsKitException>(() => BuildTools.Require(["texinfo"], _ => null)).Message);
        using var hello = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, "hello-2.10.tar.gz"));
        Assert.False(AutotoolsReader.NeedsMakeinfo(hello));
    }

    [Fact]
    public void Translated_man_pages_are_listed_per_language_never_owning_the_language_folder()
    {
        // dos2unix installs de/, es/, fr/, nl/, ... man pages: the language folders belong to the filesystem package.
        using var dir = new TempDir("rpm-manlang");
        foreach (var page in new[] { "usr/share/man/man1/dos2unix.1.gz", "usr/share/man/de/man1/dos2unix.1.gz", "usr/share/man/pt_BR/man1/dos2unix.1.gz" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(dir.File(page))!);
            File.WriteAllText(dir.File(page), "");
        }
        var plan = FileMapper.Map(dir.Path);
        Assert.Equal(["%{_mandir}/de/man1/dos2unix.1*", "%{_mandir}/man1/dos2unix.1*", "%{_mandir}/pt_BR/man1/dos2unix.1*"], plan.Main.Order(StringComparer.Ordinal));
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var d in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, d)));
        Directory.CreateDirectory(to);
        foreach (var f in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories)) File.Copy(f, Path.Combine(to, Path.GetRelativePath(from, f)));
    }
}
