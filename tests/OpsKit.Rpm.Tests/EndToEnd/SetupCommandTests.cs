// "rpm setup" as a user runs it.
using OpsKit.Core;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.EndToEnd;

public sealed class SetupCommandTests
{
    [RootFact]
    public void Root_needs_allow_root()
    {
        using var dir = new TempDir("rpm-setup-e2e");
        var refused = ShapeBuild.Opskit(dir, "rpm", "setup");
        Assert.Equal(ExitCodes.NoPermission, refused.ExitCode);
        Assert.Contains("refusing to set up a build tree as root", refused.StandardError);
        Assert.False(File.Exists(dir.File(".rpmmacros")));

        var done = ShapeBuild.Opskit(dir, "rpm", "setup", "--allow-root");
        Assert.Equal(0, done.ExitCode);
        Assert.Equal($"top dir: {dir.File("rpmbuild")}\ncreated: BUILD RPMS SOURCES SPECS SRPMS\n{dir.File(".rpmmacros")}: written with %_topdir {dir.File("rpmbuild")}\n", done.StandardOutput);
        var again = ShapeBuild.Opskit(dir, "rpm", "setup", "--allow-root");
        Assert.Contains("already sets %_topdir", again.StandardOutput);
    }

    [RootFact]
    public void Build_uses_the_tree_from_the_macros_file()
    {
        using var dir = new TempDir("rpm-setup-e2e");
        Assert.Equal(0, ShapeBuild.Opskit(dir, "rpm", "setup", "--allow-root", "--topdir", dir.File("pkgs")).ExitCode);
        var tarball = Samples.Tarball(dir, "opsscripts", "opsscripts-0.9");
        Assert.Equal(0, ShapeBuild.Opskit(dir, "rpm", "spec", tarball, "--probe", "--packager", "Ops Kit <ops@example.org>", "-o", "opsscripts.spec").ExitCode);
        var build = ShapeBuild.Opskit(dir, "rpm", "build", "opsscripts.spec", "--no-lint");
        Assert.Equal(0, build.ExitCode);
        Assert.True(File.Exists(dir.File("pkgs", "RPMS", "noarch", "opsscripts-0.9-1.noarch.rpm")), build.StandardOutput);
    }
}
