// The metadata rules, each on the real upstream file that motivated it
// (tests/data/rpm-real, no build): inspection only, so these run in seconds.
using OpsKit.Core;
using OpsKit.Rpm.Source;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Real;

public sealed class RealMetadataTests
{
    private static async Task<Inspection> Inspect(string tarball)
    {
        var tree = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, tarball));
        return SourceInspector.Inspect(tree, tarball, new InspectOptions());
    }

    [Theory]
    [InlineData("hello-2.10.tar.gz", Shape.Autotools, "hello", "2.10")]
    [InlineData("pv-1.6.20.tar.bz2", Shape.Autotools, "pv", "1.6.20")]
    [InlineData("libyaml-0.2.5.tar.gz", Shape.AutotoolsBootstrap, "libyaml", "0.2.5")]
    [InlineData("lz4-1.9.4.tar.gz", Shape.Makefile, "lz4", "1.9.4")]
    [InlineData("tree-2.1.0.tar.gz", Shape.Makefile, "tree", "2.1.0")]
    [InlineData("cJSON-1.7.15.tar.gz", Shape.CMake, "cJSON", "1.7.15")]
    [InlineData("json-c-0.16-20220414.tar.gz", Shape.CMake, "json-c", "0.16")]
    [InlineData("jq-1.6.tar.gz", Shape.AutotoolsBootstrap, "jq", "1.6")]
    [InlineData("dos2unix-7.4.3.tar.gz", Shape.Makefile, "dos2unix", "7.4.3")]
    [InlineData("cmocka-1.1.5.tar.xz", Shape.CMake, "cmocka", "1.1.5")]
    [InlineData("Try-Tiny-0.31.tar.gz", Shape.PerlMakeMaker, "perl-Try-Tiny", "0.31")]
    public async Task Name_version_and_shape_of_each_real_tarball(string tarball, Shape shape, string name, string version)
    {
        var s = await Inspect(tarball);
        using var tree = s.Tree;
        Assert.Equal(shape, s.Shape);
        Assert.Equal(name, s.Name);
        Assert.Equal(version, s.Version);
        Assert.True(Summary.IsSummary(s.Summary), s.Summary);
    }

    [Fact]
    public async Task Libyaml_m4_defined_version_is_resolved_and_the_archive_name_wins_with_a_note()
    {
        var s = await Inspect("libyaml-0.2.5.tar.gz");
        using var tree = s.Tree;
        Assert.Equal("0.2.5", s.Version);
        Assert.Contains(s.Evidence, e => e.Contains("m4_define", StringComparison.Ordinal));
        Assert.Contains(s.Notes, n => n.Contains("AC_INIT says 'yaml'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Jq_git_describe_version_is_rejected_for_the_archive_name_and_the_empty_submodule_uses_the_system_library()
    {
        var s = await Inspect("jq-1.6.tar.gz");
        using var tree = s.Tree;
        Assert.Equal("1.6", s.Version);
        Assert.Contains(s.Notes, n => n.Contains("'jq_version'", StringComparison.Ordinal) && n.Contains("not a version", StringComparison.Ordinal));
        Assert.Contains("--with-oniguruma=yes", s.Meta.ConfigureArgs);
        Assert.Contains("pkgconfig(oniguruma)", s.Meta.BuildRequires);
        Assert.Contains("bison", s.Meta.BuildRequires);
    }

    [Fact]
    public async Task Empty_submodule_without_a_switch_is_refused_naming_the_folder_and_the_fix()
    {
        using var dir = new TempDir("rpm-submodule");
        var tree = await SourceArchive.OpenAsync(new SystemContext(), Path.Combine(RealData.Folder, "jq-1.6.tar.gz"));
        using (tree)
        {
            // The same tree with configure.ac's --with-oniguruma switch taken out.
            var ac = tree.File("configure.ac");
            File.WriteAllText(ac, File.ReadAllText(ac).Replace("AC_ARG_WITH([oniguruma]", "AC_ARG_WITH([regex]", StringComparison.Ordinal));
            var e = Assert.Throws<OpsKitException>(() => SourceInspector.Inspect(tree, "jq-1.6.tar.gz", new InspectOptions()));
            Assert.Contains("modules/oniguruma is empty", e.Message);
            Assert.Contains("git submodule update --init modules/oniguruma", e.Message);
        }
    }

    [Fact]
    public async Task Pv_license_stated_in_docs_is_found()
    {
        var s = await Inspect("pv-1.6.20.tar.bz2");
        using var tree = s.Tree;
        Assert.Equal("Artistic-2.0", s.License.Expression);
        Assert.Contains("doc/COPYING", s.LicenseFiles);
    }

    [Fact]
    public async Task Tree_gpl2_text_is_not_taken_for_the_library_gpl_it_mentions_and_the_summary_is_not_the_install_instruction()
    {
        var s = await Inspect("tree-2.1.0.tar.gz");
        using var tree = s.Tree;
        Assert.StartsWith("GPL-2.0", s.License.Expression);
        Assert.DoesNotContain("INSTALL", s.Summary);
        Assert.Equal("List contents of directories in a tree-like format", s.Summary);
        Assert.DoesNotContain("Please read", s.Description);
        Assert.DoesNotContain("DESTDIR", s.Meta.Makefile!.Variables);
    }

    [Fact]
    public async Task Lz4_delegating_install_reads_the_sub_makefiles_and_finds_both_licence_texts()
    {
        var s = await Inspect("lz4-1.9.4.tar.gz");
        using var tree = s.Tree;
        Assert.Contains("libdir", s.Meta.Makefile!.Variables);
        Assert.Contains("DESTDIR", s.Meta.Makefile.Variables);
        Assert.Contains("BSD-2-Clause", s.License.Expression);
        Assert.Contains("GPL-2.0", s.License.Expression);
        Assert.Contains("lib/LICENSE", s.LicenseFiles);
    }

    [Fact]
    public async Task Jq_readme_badges_and_links_never_reach_summary_or_description()
    {
        var s = await Inspect("jq-1.6.tar.gz");
        using var tree = s.Tree;
        Assert.DoesNotContain("![", s.Description);
        Assert.DoesNotContain("](", s.Description);
        Assert.DoesNotContain("://", s.Summary);
    }

    [Theory]
    [InlineData("json-c-json-c-0.16-20220414", "json-c", "0.16")]
    [InlineData("jq-jq-1.6", "jq", "1.6")]
    [InlineData("Try-Tiny-0.31", "Try-Tiny", "0.31")]
    [InlineData("foo-2.0-rc1", "foo", "2.0-rc1")]
    [InlineData("project-master", "project-master", null)]
    public void Archive_labels_split_into_name_and_version(string label, string name, string? version) =>
        Assert.Equal((name, version), Identity.SplitLabel(label));

    [Theory]
    [InlineData("0.2.5", true)]
    [InlineData("2.0rc1", true)]
    [InlineData("YAML_MAJOR.YAML_MINOR.YAML_PATCH", false)]
    [InlineData("@VERSION@", false)]
    [InlineData("${PROJECT_VERSION}", false)]
    [InlineData("jq_version", false)]
    [InlineData("m4_esyscmd([git describe])", false)]
    public void Versions_are_digits_and_dots_with_an_optional_suffix(string value, bool ok) => Assert.Equal(ok, Identity.IsVersion(value));

    [Theory]
    [InlineData("Please read the INSTALL file for installation instructions", false)]
    [InlineData("[![Build Status](https://travis-ci.org/x.svg)](https://travis-ci.org/x)", false)]
    [InlineData("See https://example.org", false)]
    [InlineData("Command-line JSON processor", true)]
    public void Summaries_are_never_instructions_badges_or_urls(string text, bool ok) => Assert.Equal(ok, Summary.IsSummary(text));
}

public sealed class BuildToolTests
{
    [Fact]
    public void A_missing_build_tool_is_exit_69_naming_the_program_and_its_debian_and_fedora_packages()
    {
        // A host with make only: libyaml's recipe (autoreconf, libtool) cannot run.
        var e = Assert.Throws<OpsKitException>(() => OpsKit.Rpm.Spec.BuildTools.Require(["make", "autoconf", "automake", "libtool"],
            program => program == "make" ? "/usr/bin/make" : null));
        Assert.Equal(ExitCodes.Unavailable, e.ExitCode);
        Assert.Contains("'autoreconf'", e.Message);
        Assert.Contains("Debian: apt-get install autoconf", e.Message);
        Assert.Contains("Fedora: dnf install autoconf", e.Message);
    }
}

public sealed class LibraryLayoutTests
{
    [Fact]
    public void Static_archive_beside_a_shared_library_is_dropped_and_lib64_content_is_never_noarch()
    {
        // lz4's install: liblz4.a, liblz4.so -> liblz4.so.1 -> liblz4.so.1.9.4 (no ELF here: the paths alone decide).
        using var dir = new TempDir("rpm-layout");
        var lib = dir.File("usr/lib64");
        Directory.CreateDirectory(lib);
        File.WriteAllText(Path.Combine(lib, "liblz4.a"), "!<arch>\n");
        File.WriteAllText(Path.Combine(lib, "liblz4.so.1.9.4"), "not elf");
        File.CreateSymbolicLink(Path.Combine(lib, "liblz4.so.1"), "liblz4.so.1.9.4");
        File.CreateSymbolicLink(Path.Combine(lib, "liblz4.so"), "liblz4.so.1");
        var plan = OpsKit.Rpm.Spec.FileMapper.Map(dir.Path);
        Assert.False(plan.NoArch);
        Assert.DoesNotContain("%{_libdir}/liblz4.a", plan.Devel);
        Assert.Contains("%{_libdir}/liblz4.so", plan.Devel);
        Assert.Contains("rm -f %{buildroot}%{_libdir}/liblz4.a", plan.InstallExtras);
    }
}
