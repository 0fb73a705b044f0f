// Specs written without a probe build, per shape and target, against golden files.
using OpsKit.Rpm.Source;
using OpsKit.Rpm.Spec;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Spec;

public sealed class SpecGoldenTests
{
    private static async Task<SpecResult> Generate(string sample, string top, Target target = Target.Fedora)
    {
        using var dir = new TempDir("rpm-golden");
        var tarball = Samples.Tarball(dir, sample, top);
        return await SpecGenerator.GenerateAsync(Samples.Context(), new SpecOptions(tarball, new InspectOptions(), "Ops Kit <ops@example.org>", target, Probe: false));
    }

    [Theory]
    [InlineData("hello-make", "hello-1.0")]
    [InlineData("greet-autotools", "greet-2.1")]
    [InlineData("cmhello-cmake", "cmhello-0.3")]
    [InlineData("mshello-meson", "mshello-1.2")]
    [InlineData("pyhello", "PyHello-1.5.0")]
    [InlineData("gohello", "gohello-0.2.0")]
    [InlineData("rshello", "rshello-0.7.1")]
    [InlineData("perl-hello", "Acme-OpsHello-0.4")]
    [InlineData("opsscripts", "opsscripts-0.9")]
    public async Task Unprobed_spec_per_shape(string sample, string top)
    {
        var result = await Generate(sample, top);
        Golden.Assert($"spec/{sample}.spec", result.Text);
        Assert.DoesNotContain("BuildRoot:", result.Text);
        Assert.DoesNotContain("Group:", result.Text);
        Assert.DoesNotContain("%clean", result.Text);
        Assert.DoesNotContain("%defattr", result.Text);
    }

    [Fact]
    public async Task El9_has_no_conf_section_and_configures_in_build()
    {
        var result = await Generate("cmhello-cmake", "cmhello-0.3", Target.El9);
        Assert.DoesNotContain("%conf", result.Text);
        Assert.Contains("%build\n%cmake\n%cmake_build\n", result.Text);
    }

    [Fact]
    public async Task OpenSuse_gets_a_group_tag()
    {
        var result = await Generate("hello-make", "hello-1.0", Target.OpenSuse);
        Assert.Contains("\nGroup:          Productivity/Other\n", result.Text);
    }

    [Fact]
    public async Task Same_input_gives_the_same_spec()
    {
        var a = await Generate("greet-autotools", "greet-2.1");
        var b = await Generate("greet-autotools", "greet-2.1");
        Assert.Equal(a.Text, b.Text);
    }

    [Fact]
    public async Task Unprobed_c_projects_say_files_are_a_guess()
    {
        var result = await Generate("cmhello-cmake", "cmhello-0.3");
        Assert.Contains(result.Notes, n => n.Contains("--probe"));
        Assert.Contains("# FIXME: files not probed", result.Text);
    }

    [Fact]
    public async Task Source_date_epoch_pins_the_changelog_date()
    {
        using var dir = new TempDir("rpm-golden");
        var tarball = Samples.Tarball(dir, "hello-make", "hello-1.0");
        var context = new OpsKit.Core.SystemContext(environment: new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000" });
        var result = await SpecGenerator.GenerateAsync(context, new SpecOptions(tarball, new InspectOptions(), "Ops Kit <ops@example.org>", Target.Fedora, Probe: false));
        Assert.Contains("\n* Tue Nov 14 2023 Ops Kit <ops@example.org> - 1.0-1\n", result.Text);
    }
}
