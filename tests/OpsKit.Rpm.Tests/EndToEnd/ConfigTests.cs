// The [rpm] table: defaults for packager and target, flags win, bad values are config errors.
using OpsKit.Core;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.EndToEnd;

public sealed class ConfigTests
{
    [Fact]
    public void Config_supplies_packager_and_target_and_flags_override_them()
    {
        using var dir = new TempDir("rpm-config");
        var tarball = Samples.Tarball(dir, "cmhello-cmake", "cmhello-0.3");
        var config = dir.Write("opskit.toml", "[rpm]\npackager = \"Config Person <cfg@example.org>\"\ntarget = \"el9\"\n");
        var r = ShapeBuild.Opskit(dir, "--config", config, "rpm", "spec", tarball);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(" Config Person <cfg@example.org> - 0.3-1\n", r.StandardOutput);
        Assert.DoesNotContain("%conf\n", r.StandardOutput);
        var flags = ShapeBuild.Opskit(dir, "--config", config, "rpm", "spec", tarball, "--packager", "Flag Person <flag@example.org>", "--target", "fedora");
        Assert.Contains(" Flag Person <flag@example.org> - 0.3-1\n", flags.StandardOutput);
        Assert.Contains("%conf\n%cmake\n", flags.StandardOutput);
    }

    [Fact]
    public void Unknown_target_in_config_is_a_config_error_with_its_position()
    {
        using var dir = new TempDir("rpm-config");
        var config = dir.Write("opskit.toml", "[rpm]\ntarget = \"debian\"\n");
        var r = ShapeBuild.Opskit(dir, "--config", config, "rpm", "spec", dir.Path);
        Assert.Equal(ExitCodes.Config, r.ExitCode);
        Assert.Contains($"{config}:2:", r.StandardError);
    }
}
