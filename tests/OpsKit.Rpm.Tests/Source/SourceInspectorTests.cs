// Shape detection and metadata for every sample, and name/version derivation.
using OpsKit.Core;
using OpsKit.Rpm.Source;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Source;

public sealed class SourceInspectorTests
{
    [Theory]
    [InlineData("hello-make", "hello-1.0", Shape.Makefile, "hello", "1.0", "MIT")]
    [InlineData("greet-autotools", "greet-2.1", Shape.AutotoolsBootstrap, "greet", "2.1", "BSD-2-Clause")]
    [InlineData("cmhello-cmake", "cmhello-0.3", Shape.CMake, "cmhello", "0.3", "Apache-2.0")]
    [InlineData("mshello-meson", "mshello-1.2", Shape.Meson, "mshello", "1.2", "MIT")]
    [InlineData("pyhello", "PyHello-1.5.0", Shape.Python, "python-pyhello", "1.5.0", "MIT")]
    [InlineData("gohello", "gohello-0.2.0", Shape.Go, "gohello", "0.2.0", "ISC")]
    [InlineData("rshello", "rshello-0.7.1", Shape.Rust, "rshello", "0.7.1", "MIT OR Apache-2.0")]
    [InlineData("perl-hello", "Acme-OpsHello-0.4", Shape.PerlMakeMaker, "perl-Acme-OpsHello", "0.4", "GPL-1.0-or-later OR Artistic-1.0-Perl")]
    [InlineData("opsscripts", "opsscripts-0.9", Shape.Scripts, "opsscripts", "0.9", "ISC")]
    public async Task Each_sample_is_recognised_with_name_version_and_license(string sample, string top, Shape shape, string name, string version, string license)
    {
        using var dir = new TempDir("rpm-inspect");
        var tarball = Samples.Tarball(dir, sample, top);
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), tarball);
        var s = SourceInspector.Inspect(tree, tarball, new InspectOptions());
        Assert.Equal(shape, s.Shape);
        Assert.Equal(name, s.Name);
        Assert.Equal(version, s.Version);
        Assert.Equal(license, s.License.Expression);
        Assert.False(s.License.NeedsReview);
    }

    [Fact]
    public async Task A_generated_configure_makes_it_a_release_tarball()
    {
        using var dir = new TempDir("rpm-inspect");
        var tree = Samples.Tree(dir, "greet-autotools", "greet-2.1");
        Samples.Run(tree, "autoreconf", "-fi");
        using var opened = await SourceArchive.OpenAsync(new SystemContext(), tree);
        Assert.Equal(Shape.Autotools, ShapeDetector.Detect(opened, tree));
    }

    [Fact]
    public async Task Flags_override_what_the_files_say()
    {
        using var dir = new TempDir("rpm-inspect");
        var tarball = Samples.Tarball(dir, "cmhello-cmake", "cmhello-0.3");
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), tarball);
        var s = SourceInspector.Inspect(tree, tarball, new InspectOptions("greeter", "0.3.1", "mit", "Says hello"));
        Assert.Equal(("greeter", "0.3.1", "MIT", "Says hello"), (s.Name, s.Version, s.License.Expression, s.Summary));
        // The archive name no longer matches NAME-VERSION, so it stays literal.
        Assert.Equal("cmhello-0.3.tar.gz", s.Source0);
        Assert.Equal("-n cmhello-0.3", s.SetupArgs);
    }

    [Fact]
    public async Task Summary_that_repeats_the_name_is_trimmed()
    {
        using var dir = new TempDir("rpm-inspect");
        var tarball = Samples.Tarball(dir, "greet-autotools", "greet-2.1");
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), tarball);
        // Without its man page (whose NAME line comes first) the summary is the README's "greet prints greetings".
        foreach (var page in Directory.EnumerateFiles(tree.Root, "*.1", SearchOption.AllDirectories)) File.Delete(page);
        Assert.Equal("Prints greetings", SourceInspector.Inspect(tree, tarball, new InspectOptions()).Summary);
    }

    [Fact]
    public async Task A_tarball_without_a_top_folder_sets_up_with_dash_c()
    {
        using var dir = new TempDir("rpm-inspect");
        var tree = Samples.Tree(dir, "hello-make", "flat");
        var tarball = dir.File("hello-1.0.tar.gz");
        Samples.Run(tree, "tar", "-czf", tarball, ".");
        using var opened = await SourceArchive.OpenAsync(new SystemContext(), tarball);
        var s = SourceInspector.Inspect(opened, tarball, new InspectOptions());
        Assert.Equal(("hello", "1.0", "-c"), (s.Name, s.Version, s.SetupArgs));
    }

    [Theory]
    [InlineData("hello-1.0", "hello", "1.0")]
    [InlineData("libfoo-bar-2.10.3", "libfoo-bar", "2.10.3")]
    [InlineData("tool_v3.1", "tool", "3.1")]
    [InlineData("project", "project", null)]
    public void Names_and_versions_split_at_the_last_dash_before_a_digit(string stem, string? name, string? version) =>
        Assert.Equal((name, version), SourceInspector.SplitNameVersion(stem));

    [Fact]
    public async Task A_dash_in_the_version_becomes_a_tilde_with_a_review_note()
    {
        using var dir = new TempDir("rpm-inspect");
        var tree = Samples.Tree(dir, "hello-make", "hello-1.0-rc1");
        using var opened = await SourceArchive.OpenAsync(new SystemContext(), tree);
        var s = SourceInspector.Inspect(opened, tree, new InspectOptions());
        Assert.Equal("1.0~rc1", s.Version);
        Assert.Contains(s.Notes, n => n.Contains("'1.0-rc1' written as '1.0~rc1'"));
    }

    [Fact]
    public async Task No_license_anywhere_is_an_error_naming_the_flag()
    {
        using var dir = new TempDir("rpm-inspect");
        var tree = Samples.Tree(dir, "hello-make", "hello-1.0");
        File.Delete(Path.Combine(tree, "LICENSE"));
        using var opened = await SourceArchive.OpenAsync(new SystemContext(), tree);
        var e = Assert.Throws<OpsKitException>(() => SourceInspector.Inspect(opened, tree, new InspectOptions()));
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Contains("--license", e.Message);
    }
}
