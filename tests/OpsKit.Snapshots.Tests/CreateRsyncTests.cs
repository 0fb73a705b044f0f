// How create drives rsync 3.5: directory times to the nanosecond without a separate
// pass, and --insecure-links only when every path rsync would guard is private.
using OpsKit.Snapshots.Create;

namespace OpsKit.Snapshots.Tests;

public class CreateRsyncTests
{
    [Fact]
    public void DirectoryTimesEqualTheSourceEvenWhenItChangedWithinTheSecond()
    {
        // rsync 3.5 compares whole seconds unless --modify-window=-1: a directory changed just before the
        // run kept the time rsync's own writes gave it (the create does no separate directory pass).
        using var box = new SnapshotSandbox();
        box.Create();
        for (var i = 0; i < 3; i++)
        {
            File.WriteAllText(Path.Combine(box.Source, $"d{i}", "late.txt"), $"late {i}\n");
            File.WriteAllText(Path.Combine(box.Source, $"top{i}.txt"), "top\n");
            var s = box.Create();
            Assert.Equal(KillTests.Listing(box.Source), KillTests.Listing(Path.Combine(s.Path, "tree")));
            Assert.Equal(Directory.GetLastWriteTimeUtc(box.Source), Directory.GetLastWriteTimeUtc(Path.Combine(s.Path, "tree")));
        }
    }

    [Fact]
    public void AnotherModifyWindowGetsTheDirectoryPass()
    {
        using var box = new SnapshotSandbox();
        var rsync = new RsyncSettings { ExtraOptions = ["--modify-window=0"] };
        Assert.False(rsync.ComparesNanoseconds);
        Assert.True(new RsyncSettings().ComparesNanoseconds);
        box.Create(rsync: rsync);
        File.WriteAllText(Path.Combine(box.Source, "d1", "late.txt"), "late\n");
        var s = box.Create(rsync: rsync);
        Assert.Equal(KillTests.Listing(box.Source), KillTests.Listing(Path.Combine(s.Path, "tree")));
    }

    /// <summary>An rsync wrapper that records its arguments (one run per line), optionally rejecting --insecure-links as rsync 3.4 would.</summary>
    private static (string Program, string Log) RecordingRsync(SnapshotSandbox box, bool old = false)
    {
        var log = Path.Combine(box.Top, "rsync-args.log");
        var wrapper = Path.Combine(box.Dir("bin"), old ? "rsync-old" : "rsync-rec");
        var reject = old ? "case \"$*\" in *--insecure-links*) echo 'rsync: --insecure-links: unknown option' >&2; exit 1;; esac\n" : "";
        File.WriteAllText(wrapper, $"#!/bin/sh\necho \"$*\" >> '{log}'\n{reject}exec rsync \"$@\"\n");
        File.SetUnixFileMode(wrapper, (UnixFileMode)0x1ED);
        return (wrapper, log);
    }

    [Fact]
    public void APrivateRootLetsRsyncSkipItsSymlinkWalkAndAnOpenOneDoesNot()
    {
        using var box = new SnapshotSandbox();
        var (program, log) = RecordingRsync(box);
        var rsync = new RsyncSettings { Program = program };
        box.Create(rsync: rsync); // the sandbox is private (0700) and opskit creates a new root 0700
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(box.Root));
        Assert.Contains(RsyncSettings.InsecureLinks, File.ReadAllLines(log)[^1], StringComparison.Ordinal);

        // Anyone may enter the sandbox, the root and the series: other users could plant symlinks inside old snapshots.
        foreach (var d in new[] { box.Top, box.Root, box.SeriesDir() }) File.SetUnixFileMode(d, (UnixFileMode)0x1ED);
        File.WriteAllText(Path.Combine(box.Source, "d0", "new.txt"), "new\n");
        var s2 = box.Create(rsync: rsync);
        Assert.DoesNotContain(RsyncSettings.InsecureLinks, File.ReadAllLines(log)[^1], StringComparison.Ordinal);
        Assert.Equal(SnapshotSandbox.TreeHash(box.Source), SnapshotSandbox.TreeHash(Path.Combine(s2.Path, "tree")));

        // Private again, but extra options may name paths nobody checked.
        File.SetUnixFileMode(box.SeriesDir(), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        box.Create(rsync: rsync);
        Assert.Contains(RsyncSettings.InsecureLinks, File.ReadAllLines(log)[^1], StringComparison.Ordinal);
        box.Create(rsync: rsync with { ExtraOptions = ["--numeric-ids"] });
        Assert.DoesNotContain(RsyncSettings.InsecureLinks, File.ReadAllLines(log)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void AnRsyncWithoutInsecureLinksIsRunAgainWithoutIt()
    {
        using var box = new SnapshotSandbox();
        var (program, log) = RecordingRsync(box, old: true);
        var s1 = box.Create(rsync: new RsyncSettings { Program = program });
        var runs = File.ReadAllLines(log);
        Assert.Equal(2, runs.Length);
        Assert.Contains(RsyncSettings.InsecureLinks, runs[0], StringComparison.Ordinal);
        Assert.DoesNotContain(RsyncSettings.InsecureLinks, runs[1], StringComparison.Ordinal);
        Assert.Equal(SnapshotSandbox.TreeHash(box.Source), SnapshotSandbox.TreeHash(Path.Combine(s1.Path, "tree")));
    }
}
