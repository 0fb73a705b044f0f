// Migrating history in: adopt one folder, an irsync <host>.snaps tree, an rsnapshot
// root; then list shows the states. Hard links between legacy snapshots survive.
using System.Text.Json.Nodes;
using OpsKit.Snapshots.Store;

namespace OpsKit.Snapshots.Tests;

public class AdoptAndListTests
{
    [Fact]
    public async Task AnIrsyncTreeIsAdoptedWithItsTimesAndHardLinks()
    {
        using var box = new SnapshotSandbox();
        var snaps = box.Dir("irsync", "mysql02.snaps");
        var first = box.Dir("irsync", "mysql02.snaps", "2025-01-01.020000");
        File.WriteAllText(Path.Combine(first, "db.sql"), "dump\n");
        var second = box.Dir("irsync", "mysql02.snaps", "2025-01-02.020000");
        Assert.Equal(0, (await new OpsKit.Core.Processes.ProcessRunner().RunAsync(new("ln", Path.Combine(first, "db.sql"), Path.Combine(second, "db.sql")))).ExitCode);
        var r = SnapshotSandbox.Opskit("snapshot", "adopt", "--root", box.Root, "--from-irsync", snaps, "--tz", "Europe/Berlin");
        Assert.True(r.ExitCode == 0, r.StandardError);
        // irsync stamps are local time of the backup host: 02:00 in Berlin is 01:00Z in winter.
        Assert.Equal(["2025-01-01T010000Z", "2025-01-02T010000Z"], box.Names("mysql02"));
        var a = Native.Stat(Path.Combine(box.SeriesDir("mysql02"), "2025-01-01T010000Z", "tree", "db.sql"))!.Value;
        var b = Native.Stat(Path.Combine(box.SeriesDir("mysql02"), "2025-01-02T010000Z", "tree", "db.sql"))!.Value;
        Assert.Equal(a.Inode, b.Inode);
        var list = JsonNode.Parse(SnapshotSandbox.Opskit("snapshot", "list", box.Root, "--json").StandardOutput)!["snapshots"]!.AsArray();
        Assert.All(list, s => Assert.Equal("complete", s!["state"]!.GetValue<string>()));
        Assert.Empty(Directory.EnumerateFileSystemEntries(snaps));
    }

    [Fact]
    public void AnRsnapshotRootIsAdoptedWithFolderTimes()
    {
        using var box = new SnapshotSandbox();
        var root = box.Dir("rsnapshot");
        var times = new[] { new DateTime(2025, 3, 3, 4, 0, 0, DateTimeKind.Utc), new DateTime(2025, 3, 2, 4, 0, 0, DateTimeKind.Utc), new DateTime(2025, 2, 23, 4, 0, 0, DateTimeKind.Utc) };
        string[] levels = ["daily.0", "daily.1", "weekly.0"];
        for (var i = 0; i < 3; i++)
        {
            var d = box.Dir("rsnapshot", levels[i], "localhost");
            File.WriteAllText(Path.Combine(d, "x"), levels[i]);
            Directory.SetLastWriteTimeUtc(Path.Combine(root, levels[i]), times[i]);
        }
        var r = SnapshotSandbox.Opskit("snapshot", "adopt", "--root", box.Root, "--series", "host1", "--from-rsnapshot", root);
        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Equal(["2025-02-23T040000Z", "2025-03-02T040000Z", "2025-03-03T040000Z"], box.Names("host1"));
        Assert.Equal("weekly.0", File.ReadAllText(Path.Combine(box.SeriesDir("host1"), "2025-02-23T040000Z", "tree", "localhost", "x")));
    }

    [Fact]
    public void ListShowsCompletePartialAndForeignWithNewBytes()
    {
        using var box = new SnapshotSandbox();
        box.Create();
        File.WriteAllText(Path.Combine(box.Source, "d0", "f0.txt"), "0123456789 changed\n");
        box.Create();
        Directory.CreateDirectory(Path.Combine(box.SeriesDir(), "2099-01-01T000000Z.inprogress"));
        Directory.CreateDirectory(Path.Combine(box.SeriesDir(), "lost+found"));
        var r = SnapshotSandbox.Opskit("snapshot", "list", box.Root, "--sizes", "--json");
        Assert.Equal(0, r.ExitCode);
        var list = JsonNode.Parse(r.StandardOutput)!["snapshots"]!.AsArray();
        Assert.Equal(["partial", "complete", "complete", "foreign"], list.Select(s => s!["state"]!.GetValue<string>()));
        Assert.Equal(19, list[1]!["new_bytes"]!.GetValue<long>()); // only the changed file is new
        Assert.Equal(list[2]!["bytes"]!.GetValue<long>(), list[2]!["new_bytes"]!.GetValue<long>());
    }

    [Fact]
    public void AdoptAtNeedsExactlyOneMode()
    {
        using var box = new SnapshotSandbox();
        var r = SnapshotSandbox.Opskit("snapshot", "adopt", "--root", box.Root, "--series", "x", box.Source);
        Assert.Equal(64, r.ExitCode);
        Assert.True(Directory.Exists(box.Source));
    }
}
