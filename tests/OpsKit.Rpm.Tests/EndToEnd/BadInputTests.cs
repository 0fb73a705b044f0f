// Bad input to "rpm spec": a clear error naming the problem, exit 65, nothing written.
using OpsKit.Core;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.EndToEnd;

public sealed class BadInputTests
{
    private static void AssertRejected(TempDir dir, string input, string message)
    {
        var r = ShapeBuild.Opskit(dir, "rpm", "spec", input, "--packager", "Ops Kit <ops@example.org>", "-o", "out.spec");
        Assert.Equal(ExitCodes.DataError, r.ExitCode);
        Assert.Contains(message, r.StandardError);
        Assert.Equal("", r.StandardOutput);
        Assert.False(File.Exists(dir.File("out.spec")));
    }

    [Fact]
    public void Not_a_tarball()
    {
        using var dir = new TempDir("rpm-bad");
        var file = dir.Write("hello.c", "int main(void) { return 0; }\n");
        AssertRejected(dir, file, $"opskit: {file}: not a source archive");
    }

    [Fact]
    public void No_build_system()
    {
        using var dir = new TempDir("rpm-bad");
        Directory.CreateDirectory(dir.File("docs-1.0"));
        dir.Write("docs-1.0/README", "only text\n");
        Samples.Run(dir.Path, "tar", "-czf", "docs-1.0.tar.gz", "docs-1.0");
        AssertRejected(dir, dir.File("docs-1.0.tar.gz"), "docs-1.0.tar.gz: no build system found");
    }

    [Fact]
    public void Unreadable_archive()
    {
        using var dir = new TempDir("rpm-bad");
        var file = dir.File("hello-1.0.tar.gz");
        File.WriteAllBytes(file, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 0xde, 0xad]);
        AssertRejected(dir, file, $"{file}: unreadable archive");
    }

    [Fact]
    public void Version_not_derivable()
    {
        using var dir = new TempDir("rpm-bad");
        Samples.Tree(dir, "hello-make", "hello");
        Samples.Run(dir.Path, "tar", "-czf", "hello.tar.gz", "hello");
        AssertRejected(dir, dir.File("hello.tar.gz"), "cannot derive a version from the build files or 'hello.tar.gz' (expected NAME-VERSION); pass --version");
    }

    [Fact]
    public void Existing_output_is_not_overwritten_without_force()
    {
        using var dir = new TempDir("rpm-bad");
        var tarball = Samples.Tarball(dir, "hello-make", "hello-1.0");
        dir.Write("hello.spec", "keep me\n");
        var r = ShapeBuild.Opskit(dir, "rpm", "spec", tarball, "-o", "hello.spec");
        Assert.Equal(ExitCodes.Usage, r.ExitCode);
        Assert.Contains("pass --force", r.StandardError);
        Assert.Equal("keep me\n", File.ReadAllText(dir.File("hello.spec")));
    }
}
