// Archives: every supported format unpacks, and bad input is a clear data error.
using OpsKit.Core;
using OpsKit.Rpm.Source;
using OpsKit.Testing;

namespace OpsKit.Rpm.Tests.Source;

public sealed class SourceArchiveTests
{
    [Theory]
    [InlineData("hello-1.0.tar.gz", "-czf")]
    [InlineData("hello-1.0.tgz", "-czf")]
    [InlineData("hello-1.0.tar.bz2", "-cjf")]
    [InlineData("hello-1.0.tar.xz", "-cJf")]
    [InlineData("hello-1.0.tar", "-cf")]
    public async Task Tar_formats_unpack_with_modes_kept(string name, string flag)
    {
        using var dir = new TempDir("rpm-archive");
        Samples.Tree(dir, "opsscripts", "hello-1.0");
        Samples.Run(dir.Path, "tar", flag, dir.File(name), "hello-1.0");
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), dir.File(name));
        Assert.Equal("hello-1.0", tree.TopDirName);
        Assert.True(tree.Has("bin/ops-diskcheck"));
        Assert.True(File.GetUnixFileMode(tree.File("bin/ops-diskcheck")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task Zip_unpacks()
    {
        using var dir = new TempDir("rpm-archive");
        Samples.Tree(dir, "hello-make", "hello-1.0");
        System.IO.Compression.ZipFile.CreateFromDirectory(dir.File("hello-1.0"), dir.File("hello-1.0.zip"), System.IO.Compression.CompressionLevel.Fastest, includeBaseDirectory: true);
        using var tree = await SourceArchive.OpenAsync(new SystemContext(), dir.File("hello-1.0.zip"));
        Assert.True(tree.Has("Makefile"));
    }

    [Fact]
    public async Task Scratch_directory_is_removed_on_dispose()
    {
        using var dir = new TempDir("rpm-archive");
        var tarball = Samples.Tarball(dir, "hello-make", "hello-1.0");
        string root;
        using (var tree = await SourceArchive.OpenAsync(new SystemContext(), tarball)) root = tree.Root;
        Assert.False(Directory.Exists(root));
    }

    [Fact]
    public async Task Not_an_archive_names_the_file_and_the_accepted_formats()
    {
        using var dir = new TempDir("rpm-archive");
        var file = dir.Write("notes.txt", "hello\n");
        var e = await Assert.ThrowsAsync<OpsKitException>(() => SourceArchive.OpenAsync(new SystemContext(), file));
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.Equal($"{file}: not a source archive (expected .tar.gz, .tgz, .tar.bz2, .tar.xz, .tar or .zip) or a directory", e.Message);
    }

    [Theory]
    [InlineData("broken-1.0.tar.gz", new byte[] { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3 })]
    [InlineData("broken-1.0.tar.xz", new byte[] { 0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 1, 2, 3, 4 })]
    [InlineData("broken-1.0.tar.gz", new byte[] { 1, 2, 3, 4 })]
    public async Task Corrupt_archives_are_unreadable(string name, byte[] content)
    {
        using var dir = new TempDir("rpm-archive");
        File.WriteAllBytes(dir.File(name), content);
        var e = await Assert.ThrowsAsync<OpsKitException>(() => SourceArchive.OpenAsync(new SystemContext(), dir.File(name)));
        Assert.Equal(ExitCodes.DataError, e.ExitCode);
        Assert.StartsWith($"{dir.File(name)}: unreadable archive", e.Message);
    }
}
