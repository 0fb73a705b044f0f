// "snapshot check" end to end: OK/WARNING/CRITICAL/UNKNOWN on series of known ages (--at), the
// Nagios line and exit codes, thresholds from flags and [snapshot], what create and rotate record
// in the state file (size, duration, failures, suspended rotations), cron silence and the multi-call name.
using System.Text.Json.Nodes;
using OpsKit.Testing;

namespace OpsKit.Snapshots.Tests;

public class CheckCommandTests
{
    private static readonly DateTimeOffset T = new(2026, 11, 2, 2, 0, 0, TimeSpan.Zero);

    private static string At(TimeSpan after) => (T + after).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1, 0, "SNAPSHOT OK - web 1h old")]
    [InlineData(25.9, 0, "SNAPSHOT OK - web 25h old")]
    [InlineData(27, 1, "SNAPSHOT WARNING - web: newest complete snapshot 2026-11-02T020000Z is 27.0 h old (warning above 26.0 h)")]
    [InlineData(51, 2, "SNAPSHOT CRITICAL - web: newest complete snapshot 2026-11-02T020000Z is 51.0 h old (critical above 50.0 h)")]
    public void Age_of_the_newest_complete_snapshot_decides_the_status_and_exit_code(double hours, int exit, string line)
    {
        using var box = new SnapshotSandbox();
        box.AdoptAt(T.AddDays(-3));
        box.AdoptAt(T);
        var r = SnapshotSandbox.Opskit("snapshot", "check", "--root", box.Root, "--format", "nagios", "--at", At(TimeSpan.FromHours(hours)));
        Assert.True(r.ExitCode == exit, r.StandardOutput + r.StandardError);
        var age = (long)TimeSpan.FromHours(hours).TotalSeconds;
        Assert.Equal($"{line} | 'web_age'={age}s;93600;180000;0 'web_size'=UB;;;0 'web_count'=2;;;0\n", r.StandardOutput);
        var text = SnapshotSandbox.Opskit("snapshot", "check", "--root", box.Root, "--at", At(TimeSpan.FromHours(hours)));
        Assert.Equal(exit, text.ExitCode);
        Assert.Matches($@"(?m)^web +{(exit switch { 0 => "OK", 1 => "WARNING", _ => "CRITICAL" })} +2026-11-02T020000Z ", text.StandardOutput);
    }

    [Fact]
    public void Unreadable_root_is_unknown_exit_3_naming_it()
    {
        using var box = new SnapshotSandbox();
        var notRoot = box.Dir("plain");
        var r = SnapshotSandbox.Opskit("snapshot", "check", "--root", notRoot, "--format", "nagios");
        Assert.Equal(3, r.ExitCode);
        Assert.StartsWith($"SNAPSHOT UNKNOWN - {notRoot}: {notRoot} is not a snapshot root", r.StandardOutput);
        var missing = SnapshotSandbox.Opskit("snapshot", "check", "--root", Path.Combine(box.Top, "no such+'root'"), "--json");
        Assert.Equal(3, missing.ExitCode);
        // The path as it reads (OpsKit's JSON options), not with \u002B and \u0027 escapes.
        Assert.Contains("no such+'root'", missing.StandardOutput);
        Assert.Equal("UNKNOWN", JsonNode.Parse(missing.StandardOutput)!["series"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void A_series_that_never_completed_is_critical_and_the_failed_create_is_reported()
    {
        using var box = new SnapshotSandbox();
        box.AdoptAt(T, "web");
        var config = Path.Combine(box.Top, "opskit.toml");
        // rsync that fails: the create leaves no complete snapshot and records why.
        File.WriteAllText(config, "[log]\nsyslog = false\n[snapshot]\nrsync = \"/bin/false\"\n");
        var env = new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = config };
        var create = OpskitProcess.Run(["snapshot", "create", "--source", box.Source, "--dest", box.Root, "--series", "db"], env: env);
        Assert.NotEqual(0, create.ExitCode);
        var r = OpskitProcess.Run(["snapshot", "check", "--root", box.Root, "--json", "--at", At(TimeSpan.FromHours(2))], env: env);
        Assert.True(r.ExitCode == 2, r.StandardOutput + r.StandardError);
        var json = JsonNode.Parse(r.StandardOutput)!;
        Assert.Equal("CRITICAL", json["status"]!.GetValue<string>());
        var db = json["series"]!.AsArray().Single(s => s!["series"]!.GetValue<string>() == "db")!;
        Assert.Equal("CRITICAL", db["status"]!.GetValue<string>());
        Assert.Null(db["newest"]);
        Assert.Equal(0, db["complete"]!.GetValue<int>());
        Assert.Equal("failed", db["last_create"]!["result"]!.GetValue<string>());
        Assert.Contains("rsync failed (exit 1", db["last_create"]!["message"]!.GetValue<string>());
        Assert.Contains("never completed: no complete snapshot in the series", db["reasons"]!.AsArray().Select(x => x!.GetValue<string>()));
        var web = json["series"]!.AsArray().Single(s => s!["series"]!.GetValue<string>() == "web")!;
        Assert.Equal("OK", web["status"]!.GetValue<string>());
    }

    [Fact]
    public void Real_create_records_size_and_duration_and_json_has_schema_version_first()
    {
        using var box = new SnapshotSandbox();
        var created = box.Create();
        var r = SnapshotSandbox.Opskit("snapshot", "check", "--root", box.Root, "--json");
        Assert.True(r.ExitCode == 0, r.StandardOutput + r.StandardError);
        var json = JsonNode.Parse(r.StandardOutput)!.AsObject();
        Assert.Equal("schema_version", json.First().Key);
        Assert.Equal(1, json["schema_version"]!.GetValue<int>());
        var web = json["series"]![0]!;
        Assert.Equal(created.Name, web["newest"]!["name"]!.GetValue<string>());
        // 30 files "content d/f\n" of 12 bytes each.
        Assert.Equal(30 * 12, web["newest"]!["bytes"]!.GetValue<long>());
        Assert.InRange(web["newest"]!["duration_seconds"]!.GetValue<double>(), 0, 120);
        Assert.Equal("ok", web["last_create"]!["result"]!.GetValue<string>());
        Assert.Equal(created.Name, web["last_create"]!["snapshot"]!.GetValue<string>());
    }

    [Fact]
    public void A_suspended_rotation_is_a_warning_with_the_held_back_count()
    {
        using var box = new SnapshotSandbox();
        box.AdoptDaily("2025-01-01T02:00:00Z", 4);
        var rotate = SnapshotSandbox.Opskit("snapshot", "rotate", "--root", box.Root, "--keep-last", "1");
        Assert.Equal(3, rotate.ExitCode); // stale series: deletions suspended
        var r = SnapshotSandbox.Opskit("snapshot", "check", "--root", box.Root, "--json", "--at", "2025-01-04T04:00:00Z");
        Assert.True(r.ExitCode == 1, r.StandardOutput + r.StandardError);
        var web = JsonNode.Parse(r.StandardOutput)!["series"]![0]!;
        Assert.Equal("suspended", web["last_rotate"]!["result"]!.GetValue<string>());
        Assert.Equal(3, web["suspended"]!.GetValue<int>());
        Assert.Equal(4, web["complete"]!.GetValue<int>());
        Assert.StartsWith("last rotation at ", web["reasons"]![0]!.GetValue<string>());
        Assert.Contains("suspended: stale series", web["reasons"]![0]!.GetValue<string>());
    }

    [Fact]
    public void Thresholds_come_from_flags_then_the_config_and_bad_ones_are_refused()
    {
        using var box = new SnapshotSandbox();
        box.AdoptAt(T);
        var at = At(TimeSpan.FromHours(3));
        Assert.Equal(0, SnapshotSandbox.Opskit("snapshot", "check", "--root", box.Root, "--at", at).ExitCode);
        Assert.Equal(1, SnapshotSandbox.Opskit("snapshot", "check", "--root", box.Root, "--at", at, "--warn-age", "2h").ExitCode);
        Assert.Equal(2, SnapshotSandbox.Opskit("snapshot", "check", "--root", box.Root, "--at", at, "--warn-age", "1h", "--crit-age", "150m").ExitCode);
        var config = Path.Combine(box.Top, "opskit.toml");
        File.WriteAllText(config, "[snapshot]\nwarn_age = \"2h\"\ncrit_age = \"1d\"\n");
        var env = new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = config };
        var fromConfig = OpskitProcess.Run(["snapshot", "check", "--root", box.Root, "--at", at, "--format", "nagios"], env: env);
        Assert.Equal(1, fromConfig.ExitCode);
        Assert.Contains("'web_age'=10800s;7200;86400;0", fromConfig.StandardOutput);
        var bad = SnapshotSandbox.Opskit("snapshot", "check", "--root", box.Root, "--warn-age", "soon");
        Assert.Equal((64, "opskit: --warn-age: bad duration 'soon' (e.g. 26h, 2d, 90m, 1d12h)\n"), (bad.ExitCode, bad.StandardError));
        File.WriteAllText(config, "[snapshot]\nwarn_age = \"3h\"\ncrit_age = \"2h\"\n");
        var inverted = OpskitProcess.Run(["snapshot", "check", "--root", box.Root], env: env);
        Assert.Equal(78, inverted.ExitCode);
        Assert.Contains("crit_age", inverted.StandardError);
        var conflict = SnapshotSandbox.Opskit("snapshot", "check", "--root", box.Root, "--json", "--format", "nagios");
        Assert.Equal(64, conflict.ExitCode);
    }

    [Fact]
    public void Snapshot_check_name_checks_the_configured_jobs_silently_when_all_is_well()
    {
        using var box = new SnapshotSandbox();
        var now = DateTimeOffset.UtcNow;
        box.AdoptAt(now.AddHours(-2), "web");
        box.AdoptAt(now.AddHours(-30), "mail");
        var config = Path.Combine(box.Top, "opskit.toml");
        File.WriteAllText(config, $"[log]\nsyslog = false\n[snapshot.policy.p]\nkeep_last = 3\n" +
            $"[[snapshot.job]]\nroot = \"{box.Root}\"\nseries = \"web\"\npolicy = \"p\"\n[[snapshot.job]]\nroot = \"{box.Root}\"\nseries = \"mail\"\npolicy = \"p\"\n");
        var env = new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = config };
        var link = Path.Combine(box.Top, "snapshot_check");
        File.CreateSymbolicLink(link, RepoPaths.OpskitBinary);
        var quiet = OpskitProcess.Run(["web"], env: env, program: link);
        Assert.Equal((0, "", ""), (quiet.ExitCode, quiet.StandardOutput, quiet.StandardError));
        var all = OpskitProcess.Run([], env: env, program: link);
        Assert.Equal(1, all.ExitCode);
        Assert.Contains("mail: WARNING: newest complete snapshot", all.StandardOutput);
        var unknownSeries = OpskitProcess.Run(["snapshot", "check", "nosuch"], env: env);
        Assert.Equal(64, unknownSeries.ExitCode);
        Assert.Equal("opskit: no [[snapshot.job]] with series = \"nosuch\" in the config (or name --root ROOT)\n", unknownSeries.StandardError);
    }
}
