// A source directory instead of a tarball: the spec gets Source0 NAME-VERSION.tar.gz,
// the directory is packed beside the spec, and the pair builds.
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.EndToEnd;

public sealed class DirectoryInputTests
{
    [Fact]
    public void Directory_is_packed_as_source0_and_builds()
    {
        using var dir = new TempDir("rpm-dir");
        var tree = Samples.Tree(dir, "mshello-meson", "mshello (git checkout)");
        Directory.CreateDirectory(dir.File("out"));
        var spec = ShapeBuild.Opskit(dir, "rpm", "spec", tree, "--probe", "--packager", "Ops Kit <ops@example.org>", "-o", dir.File("out", "mshello.spec"));
        Assert.True(spec.ExitCode == 0, spec.StandardError);
        Assert.Contains($"wrote {dir.File("out", "mshello-1.2.tar.gz")} (Source0, packed from the directory)", spec.StandardOutput);
        var listing = Samples.Run(dir.Path, "tar", "-tzf", dir.File("out", "mshello-1.2.tar.gz")).StandardOutput;
        Assert.StartsWith("mshello-1.2/\n", listing);
        Assert.Contains("mshello-1.2/meson.build\n", listing);

        var build = ShapeBuild.Opskit(dir, "rpm", "build", dir.File("out", "mshello.spec"), "--topdir", dir.File("top"));
        Assert.True(build.ExitCode == 0, build.StandardOutput + build.StandardError);
        Assert.Contains("rpmlint: 0 errors, 0 warnings", build.StandardOutput);
    }
}
