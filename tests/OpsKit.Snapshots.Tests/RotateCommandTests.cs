// "snapshot rotate" end to end: JSON shape, --now with --dry-run, the short forms
// the restricted ssh key allows, [snapshot] jobs and the snapshot_rotate cron name.
using System.Text.Json.Nodes;
using OpsKit.Testing;

namespace OpsKit.Snapshots.Tests;

public class RotateCommandTests
{
    [Fact]
    public void JsonPlanHasTheIssueShapeAndEveryReason()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 20);
        var r = SnapshotSandbox.Opskit("snapshot", "rotate", "--root", box.Root, "--keep-daily", "3", "--keep-weekly", "2",
            "--dry-run", "--now", "2025-01-20T03:00:00Z", "--allow-mass-delete", "--json");
        Assert.Equal(0, r.ExitCode);
        var json = JsonNode.Parse(r.StandardOutput)!;
        Assert.Null(json["suspended"]);
        var snaps = json["snapshots"]!.AsArray();
        Assert.Equal(20, snaps.Count);
        var newest = snaps[0]!;
        Assert.Equal("2025-01-20T020000Z", newest["name"]!.GetValue<string>());
        Assert.Equal("2025-01-20T02:00:00Z", newest["time"]!.GetValue<string>());
        Assert.Equal("complete", newest["state"]!.GetValue<string>());
        Assert.Equal("keep", newest["action"]!.GetValue<string>());
        Assert.Equal(["daily #1", "weekly #1"], newest["reasons"]!.AsArray().Select(x => x!.GetValue<string>()));
        Assert.Equal(17, snaps.Count(s => s!["action"]!.GetValue<string>() == "delete"));
        Assert.Equal(20, box.Names().Count); // dry run
    }

    [Fact]
    public void NowWithoutDryRunIsAUsageError()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 2);
        var r = SnapshotSandbox.Opskit("snapshot", "rotate", "--root", box.Root, "--keep-last", "1", "--now", "2025-01-02T03:00:00Z");
        Assert.Equal(64, r.ExitCode);
        Assert.Equal(2, box.Names().Count);
    }

    [Fact]
    public void KeepAndOlderThanDeleteOldSnapshotsButKeepN()
    {
        using var box = new SnapshotSandbox();
        var now = DateTimeOffset.UtcNow;
        var names = Enumerable.Range(0, 6).Select(i => box.AdoptAt(now.AddDays(-i * 5).AddHours(-1))).ToList(); // 0..25 days old
        var r = SnapshotSandbox.Opskit("snapshot", "rotate", "--root", box.Root, "--keep", "2", "--older-than", "12");
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        Assert.Equal(names.Take(3).Order(), box.Names()); // 0, 5 and 10 days old stay
        var few = SnapshotSandbox.Opskit("snapshot", "rotate", "--root", box.Root, "--keep", "3", "--older-than", "1");
        Assert.Equal(0, few.ExitCode);
        Assert.Equal(3, box.Names().Count); // the floor of --keep
    }

    [Fact]
    public void CronNameRotatesEveryConfiguredJobSilentlyWhenAllIsWell()
    {
        using var box = new SnapshotSandbox();
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 6; i++) { box.AdoptAt(now.AddHours(-i * 6 - 1), "web"); box.AdoptAt(now.AddHours(-i * 6 - 1), "mail"); }
        var config = Path.Combine(box.Top, "opskit.toml");
        File.WriteAllText(config, $"""
            [log]
            syslog = false

            [snapshot.policy.short]
            keep_last = 4

            [[snapshot.job]]
            root = "{box.Root}"
            series = "web"
            policy = "short"

            [[snapshot.job]]
            root = "{box.Root}"
            series = "mail"
            policy = "short"
            """);
        var link = Path.Combine(box.Top, "snapshot_rotate");
        File.CreateSymbolicLink(link, RepoPaths.OpskitBinary);
        var r = OpskitProcess.Run([], env: new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = config }, program: link);
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        Assert.Equal("", r.StandardOutput);
        Assert.Equal(4, box.Names("web").Count);
        Assert.Equal(4, box.Names("mail").Count);
    }

    [Fact]
    public void CreateByJobTakesSourceRootAndSeriesFromTheConfig()
    {
        using var box = new SnapshotSandbox();
        var config = Path.Combine(box.Top, "opskit.toml");
        File.WriteAllText(config, $"[snapshot.policy.p]\nkeep_last = 3\n[[snapshot.job]]\nroot = \"{box.Root}\"\nseries = \"web\"\nsource = \"{box.Source}\"\npolicy = \"p\"\n");
        var env = new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = config };
        for (var i = 0; i < 2; i++)
        {
            var r = OpskitProcess.Run(["snapshot", "create", "--job", "web", "--cron"], env: env);
            Assert.True(r.ExitCode == 0, r.StandardError);
            Assert.Equal("", r.StandardOutput); // silent under cron
        }
        Assert.Equal(2, box.Names().Count);
        var missing = OpskitProcess.Run(["snapshot", "create", "--job", "nosuch"], env: env);
        Assert.Equal(64, missing.ExitCode);
    }

    [Fact]
    public void CronRunReportsASuspendedSeries()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 4);
        var config = Path.Combine(box.Top, "opskit.toml");
        File.WriteAllText(config, $"[log]\nsyslog = false\n[snapshot.policy.p]\nkeep_last = 1\n[[snapshot.job]]\nroot = \"{box.Root}\"\nseries = \"web\"\npolicy = \"p\"\n");
        var r = OpskitProcess.Run(["snapshot", "rotate", "--cron"], env: new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = config });
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("suspended: stale series", r.StandardOutput, StringComparison.Ordinal);
        Assert.Equal(4, box.Names().Count);
    }

    [Fact]
    public void ABadPolicyInTheConfigNamesFileLineAndKey()
    {
        using var box = new SnapshotSandbox();
        var config = Path.Combine(box.Top, "opskit.toml");
        File.WriteAllText(config, "[snapshot.policy.p]\nkeep_within = \"7 days\"\n");
        var r = OpskitProcess.Run(["snapshot", "rotate", "--root", box.Root, "--dry-run"], env: new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = config });
        Assert.Equal(78, r.ExitCode);
        Assert.Contains($"{config}:2:", r.StandardError, StringComparison.Ordinal);
        Assert.Contains("keep_within", r.StandardError, StringComparison.Ordinal);
    }
}
