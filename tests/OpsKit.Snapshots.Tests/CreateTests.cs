// snapshot create with real rsync: hard links for unchanged files, new inodes for
// changed content or metadata, history never modified, lock, failures left partial.
using OpsKit.Core;
using OpsKit.Snapshots.Create;
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Tests;

public class CreateTests
{
    private static ulong Inode(string path) => Native.Stat(path)!.Value.Inode;

    [Fact]
    public void UnchangedFilesAreHardLinksAndChangedFilesAreNot()
    {
        using var box = new SnapshotSandbox();
        var s1 = box.Create();
        File.WriteAllText(Path.Combine(box.Source, "d0", "f1.txt"), "new content\n");
        File.SetUnixFileMode(Path.Combine(box.Source, "d0", "f2.txt"), UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var before = SnapshotSandbox.TreeHash(Path.Combine(s1.Path, "tree"));
        var s2 = box.Create();

        string In(CreateResult s, string f) => Path.Combine(s.Path, "tree", "d0", f);
        Assert.Equal(Inode(In(s1, "f0.txt")), Inode(In(s2, "f0.txt")));
        Assert.Equal(Inode(Path.Combine(s1.Path, "tree", "d2", "f9.txt")), Inode(Path.Combine(s2.Path, "tree", "d2", "f9.txt")));
        Assert.NotEqual(Inode(In(s1, "f1.txt")), Inode(In(s2, "f1.txt")));
        Assert.NotEqual(Inode(In(s1, "f2.txt")), Inode(In(s2, "f2.txt"))); // metadata-only change: new inode (pitfall 6)
        Assert.Equal(s1.Name, s2.LinkDest);
        Assert.Equal(before, SnapshotSandbox.TreeHash(Path.Combine(s1.Path, "tree")));
        Assert.Equal("content 0/1\n", File.ReadAllText(In(s1, "f1.txt")));
        Assert.Equal(s2.Name, new FileInfo(Path.Combine(box.SeriesDir(), "latest")).LinkTarget);
    }

    [Fact]
    public void ASecondRunWhileTheLockIsHeldIsRefused()
    {
        using var box = new SnapshotSandbox();
        box.Create();
        using var held = SeriesLock.TryAcquire(box.SeriesDir(), "test holder");
        Assert.NotNull(held);
        var e = Assert.Throws<OpsKitException>(() => box.Create());
        Assert.Contains("locked", e.Message, StringComparison.Ordinal);
        Assert.Single(box.Names());
    }

    [Fact]
    public void AFailedRsyncLeavesAPartialThatIsNeverComplete()
    {
        using var box = new SnapshotSandbox();
        var good = box.Create();
        var e = Assert.Throws<OpsKitException>(() => box.Create(rsync: new RsyncSettings { ExtraOptions = ["--no-such-rsync-option"] }));
        Assert.Contains("rsync failed (exit 1", e.Message, StringComparison.Ordinal);
        var scanned = new SnapshotRoot[] { SnapshotRoot.Open(box.Root) }[0].OpenSeries("web").Scan();
        Assert.Equal([SnapshotState.Partial, SnapshotState.Complete], scanned.Select(s => s.Record.State));
        Assert.Equal(good.Name, scanned[1].Record.Name);
        Assert.Equal(good.Name, new FileInfo(Path.Combine(box.SeriesDir(), "latest")).LinkTarget);
    }

    [Fact]
    public void RsyncExit24IsCompleteOnlyWhenAllowed()
    {
        using var box = new SnapshotSandbox();
        // rsync itself, then the status it gives when source files vanish mid-copy.
        var wrapper = Path.Combine(box.Dir("bin"), "rsync-vanished");
        File.WriteAllText(wrapper, "#!/bin/sh\nrsync \"$@\" || exit $?\nexit 24\n");
        File.SetUnixFileMode(wrapper, (UnixFileMode)0x1ED);
        var ok = box.Create(rsync: new RsyncSettings { Program = wrapper, AllowVanished = true });
        Assert.Equal(24, ok.RsyncExit);
        Assert.Throws<OpsKitException>(() => box.Create(rsync: new RsyncSettings { Program = wrapper, AllowVanished = false }));
        var states = SnapshotRoot.Open(box.Root).OpenSeries("web").Scan().Select(s => s.Record.State).ToList();
        Assert.Equal([SnapshotState.Partial, SnapshotState.Complete], states);
    }

    [Fact]
    public async Task AHostPathSourceGoesThroughRsyncsRemoteShell()
    {
        using var box = new SnapshotSandbox();
        // A remote shell that runs the command here, as sshd would on the far side (no network involved).
        var rsh = Path.Combine(box.Dir("bin"), "local-ssh");
        File.WriteAllText(rsh, "#!/bin/sh\nshift\nexec sh -c \"$*\"\n");
        File.SetUnixFileMode(rsh, (UnixFileMode)0x1ED);
        var request = new CreateRequest($"backuphost:{box.Source}", box.Root, "backuphost", new RsyncSettings { ExtraOptions = [$"--rsh={rsh}"] });
        var creator = new SnapshotCreator(SnapshotSandbox.Context());
        var s1 = await creator.CreateAsync(request, CancellationToken.None);
        var s2 = await creator.CreateAsync(request, CancellationToken.None);
        Assert.Equal(KillTests.Listing(box.Source), KillTests.Listing(Path.Combine(s2.Path, "tree")));
        Assert.Equal(SnapshotSandbox.TreeHash(box.Source), SnapshotSandbox.TreeHash(Path.Combine(s2.Path, "tree")));
        Assert.Equal(Inode(Path.Combine(s1.Path, "tree", "d1", "f3.txt")), Inode(Path.Combine(s2.Path, "tree", "d1", "f3.txt")));
        Assert.True(SnapshotCreator.IsRemote("backuphost:/srv"));
        Assert.False(SnapshotCreator.IsRemote("/srv/a:b"));
    }

    [Fact]
    public async Task WithHardLinksOnSourceLinksArePreservedAndDirectoryTimesStayTrue()
    {
        using var box = new SnapshotSandbox();
        var rsync = new RsyncSettings { HardLinks = true };
        Assert.Equal(0, (await new OpsKit.Core.Processes.ProcessRunner().RunAsync(new("ln", Path.Combine(box.Source, "d2", "f0.txt"), Path.Combine(box.Source, "d2", "twin.txt")))).ExitCode);
        var s1 = box.Create(rsync: rsync);
        File.WriteAllText(Path.Combine(box.Source, "d1", "added.txt"), "added\n");
        var s2 = box.Create(rsync: rsync);
        Assert.Equal(KillTests.Listing(box.Source), KillTests.Listing(Path.Combine(s2.Path, "tree")));
        Assert.Equal(SnapshotSandbox.TreeHash(box.Source), SnapshotSandbox.TreeHash(Path.Combine(s2.Path, "tree")));
        Assert.Equal(Inode(Path.Combine(s2.Path, "tree", "d2", "f0.txt")), Inode(Path.Combine(s2.Path, "tree", "d2", "twin.txt")));
        Assert.Equal(Inode(Path.Combine(s1.Path, "tree", "d2", "twin.txt")), Inode(Path.Combine(s2.Path, "tree", "d2", "twin.txt")));
    }

    [Fact]
    public void AnEmptySourceIsRefused()
    {
        using var box = new SnapshotSandbox();
        Directory.Delete(box.Source, recursive: true);
        Directory.CreateDirectory(box.Source);
        var e = Assert.Throws<OpsKitException>(() => box.Create());
        Assert.Contains("empty (not mounted?)", e.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(box.SeriesDir()));
    }

    [Fact]
    public void ANonEmptyFolderWithoutMarkerIsNotUsedAsRoot()
    {
        using var box = new SnapshotSandbox();
        File.WriteAllText(Path.Combine(box.Dir("snaps"), "precious.txt"), "x");
        var e = Assert.Throws<OpsKitException>(() => box.Create());
        Assert.Contains("no .opskit-snapshots marker", e.Message, StringComparison.Ordinal);
        Assert.Equal(["precious.txt"], Directory.EnumerateFileSystemEntries(box.Root).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ResumeLinksWhatThePartialRunAlreadyCopied()
    {
        using var box = new SnapshotSandbox();
        box.Create();
        File.WriteAllText(Path.Combine(box.Source, "new.bin"), new string('x', 100_000));
        // An interrupted run: its in-progress folder already holds the new file.
        var partial = Path.Combine(box.SeriesDir(), "2099-01-01T000000Z.inprogress", "tree");
        Directory.CreateDirectory(partial);
        var copied = Path.Combine(partial, "new.bin");
        Assert.Equal(0, (await new OpsKit.Core.Processes.ProcessRunner().RunAsync(new("rsync", "-a", Path.Combine(box.Source, "new.bin"), copied))).ExitCode);
        var inode = Inode(copied);
        // The partial is dated after the clock: make "now" later still so it counts as newer than the complete one.
        var resumed = box.Create(clock: new FixedClock(DateTimeOffset.Parse("2099-01-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("2099-01-01T000000Z.inprogress", resumed.ResumedFrom);
        Assert.Equal(inode, Inode(Path.Combine(resumed.Path, "tree", "new.bin")));
        Assert.False(Directory.Exists(Path.GetDirectoryName(partial)));
    }
}

/// <summary>A clock stopped at one instant.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now;
}
