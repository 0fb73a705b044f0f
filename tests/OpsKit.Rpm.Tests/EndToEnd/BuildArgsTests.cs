// Arguments after '--' go to rpmbuild unchanged.
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.EndToEnd;

public sealed class BuildArgsTests
{
    [Fact]
    public void Rpmbuild_arguments_after_double_dash_are_passed_on()
    {
        using var dir = new TempDir("rpm-args");
        var tarball = Samples.Tarball(dir, "opsscripts", "opsscripts-0.9");
        Assert.Equal(0, ShapeBuild.Opskit(dir, "rpm", "spec", tarball, "--packager", "Ops Kit <ops@example.org>", "-o", "opsscripts.spec").ExitCode);
        var r = ShapeBuild.Opskit(dir, "rpm", "build", "opsscripts.spec", "--topdir", dir.File("top"), "--no-lint", "--", "--define", "dist .el9");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains($"wrote: {dir.File("top", "RPMS", "noarch", "opsscripts-0.9-1.el9.noarch.rpm")}\n", r.StandardOutput);
        Assert.DoesNotContain("rpmlint:", r.StandardOutput);
    }
}
