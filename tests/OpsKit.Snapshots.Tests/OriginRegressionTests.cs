// The five ways the old irsync 1.1 rotation script could lose or falsify history,
// turned into regression tests of the
// opskit binary: each must now be impossible.
using System.Text.Json.Nodes;

namespace OpsKit.Snapshots.Tests;

public class OriginRegressionTests
{
    private static DateTimeOffset T(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Pitfall1_RotationPointedOneLevelTooHighDeletesNothing()
    {
        // find DIR -maxdepth 1 -mtime +14 matched DIR itself; opskit needs the root marker and never treats a series as a snapshot.
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 3);
        Directory.SetLastWriteTimeUtc(box.SeriesDir(), new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        var tooHigh = SnapshotSandbox.Opskit("snapshot", "rotate", "--root", box.Top, "--older-than", "14");
        Assert.Equal(65, tooHigh.ExitCode);
        Assert.Contains("is not a snapshot root", tooHigh.StandardError, StringComparison.Ordinal);
        var asSeries = SnapshotSandbox.Opskit("snapshot", "rotate", "--root", box.SeriesDir(), "--older-than", "14");
        Assert.Equal(65, asSeries.ExitCode);
        Assert.Equal(3, box.Names().Count);
    }

    [Fact]
    public void Pitfall1b_AnEmptyRootVariableIsRefusedNotTheWorkingDirectory()
    {
        using var box = new SnapshotSandbox();
        var r = OpsKit.Testing.OpskitProcess.Run(["--no-config", "snapshot", "rotate", "--root", "", "--older-than", "14"], workingDirectory: box.Source);
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("empty or unset", r.StandardError, StringComparison.Ordinal);
        Assert.Equal(3, Directory.EnumerateDirectories(box.Source).Count());
    }

    [Fact]
    public void Pitfall2_ASnapshotOfAnOldSourceIsNotOldBecauseOfItsMtime()
    {
        using var box = new SnapshotSandbox();
        var old = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var d in Directory.EnumerateDirectories(box.Source)) Directory.SetLastWriteTimeUtc(d, old);
        Directory.SetLastWriteTimeUtc(box.Source, old);
        Assert.Equal(0, SnapshotSandbox.Opskit("snapshot", "create", "--source", box.Source, "--dest", box.Root, "--series", "web").ExitCode);
        var name = Assert.Single(box.Names());
        Assert.Equal(old, Directory.GetLastWriteTimeUtc(Path.Combine(box.SeriesDir(), name, "tree"))); // rsync copied the old mtime...
        var r = SnapshotSandbox.Opskit("snapshot", "rotate", "--root", box.Root, "--older-than", "14");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal([name], box.Names()); // ...but retention reads the manifest.
    }

    [Fact]
    public void Pitfall3_MaxAgeWithStoppedBackupsKeepsEverything()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-05-01T02:00:00Z", 5);
        var r = SnapshotSandbox.Opskit("snapshot", "rotate", "--root", box.Root, "--older-than", "14", "--json");
        Assert.Equal(3, r.ExitCode);
        var json = JsonNode.Parse(r.StandardOutput)!;
        Assert.StartsWith("web: stale series", json["suspended"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(5, box.Names().Count);
    }

    [Fact]
    public void Pitfall4_AChmodInTheSourceDoesNotRewriteOlderSnapshots()
    {
        using var box = new SnapshotSandbox();
        var file = Path.Combine(box.Source, "d0", "f0.txt");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var s1 = box.Create();
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var s2 = box.Create();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(s1.Path, "tree", "d0", "f0.txt")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            File.GetUnixFileMode(Path.Combine(s2.Path, "tree", "d0", "f0.txt")));
    }

    [Fact]
    public void Pitfall5_InPlaceWritesAreRefusedAndContentChangesSpareHistory()
    {
        using var box = new SnapshotSandbox();
        var s1 = box.Create();
        var r = SnapshotSandbox.Opskit("snapshot", "create", "--source", box.Source, "--dest", box.Root, "--series", "web", "--rsync-opt", "--inplace");
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("--inplace is refused", r.StandardError, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(box.Source, "d0", "f0.txt"), "v2-longer\n");
        box.Create();
        Assert.Equal("content 0/0\n", File.ReadAllText(Path.Combine(s1.Path, "tree", "d0", "f0.txt")));
    }
}
