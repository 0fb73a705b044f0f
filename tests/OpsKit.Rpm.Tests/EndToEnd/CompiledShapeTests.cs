// The must-shows: plain Makefile, autotools (release and bootstrap) and CMake
// samples made outside the repository build unmodified and lint clean.
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.EndToEnd;

public sealed class CompiledShapeTests
{
    [Fact]
    public void Plain_makefile_payload_is_what_make_install_installs()
    {
        var payload = ShapeBuild.Run("hello-make", "hello-make", "hello-1.0", "hello");
        // What the project itself installs, independently of rpm.
        using var dir = new TempDir("rpm-e2e-make");
        var tree = Samples.Tree(dir, "hello-make", "hello-1.0");
        Samples.Run(tree, "make", "install", $"DESTDIR={dir.File("root")}", "PREFIX=/usr");
        var installed = Directory.EnumerateFiles(dir.File("root"), "*", SearchOption.AllDirectories)
            .Select(f => "/" + Path.GetRelativePath(dir.File("root"), f)).ToList();
        Assert.Equal(3, installed.Count);
        foreach (var file in installed)
            Assert.Contains(payload.Split('\n'), line => line == file || line == file + ".gz");
        Assert.Contains("/usr/share/licenses/hello-1.0/LICENSE\n", payload);
    }

    [Fact]
    public void Autotools_release_tarball_builds_and_lints_clean()
    {
        var payload = ShapeBuild.Run("greet-autotools-release", "greet-autotools", "greet-2.1", "greet", "autoreconf", "-fi");
        Assert.Contains("/usr/bin/greet\n", payload);
        Assert.Contains("/etc/greet.conf\n", payload);
    }

    [Fact]
    public void Autotools_without_configure_is_bootstrapped_with_autoreconf()
    {
        var payload = ShapeBuild.Run("greet-autotools-bootstrap", "greet-autotools", "greet-2.1", "greet");
        Assert.Contains("/usr/bin/greet\n", payload);
    }

    [Fact]
    public void Cmake_library_splits_into_main_and_devel()
    {
        var payload = ShapeBuild.Run("cmhello-cmake", "cmhello-cmake", "cmhello-0.3", "cmhello");
        Assert.Contains("# cmhello-devel-0.3-1.x86_64.rpm\n/usr/include/cmhello.h\n", payload);
        Assert.Contains("/usr/lib64/libcmhello.so.0.3\n", payload);
    }
}
