// Every --format prometheus output of opskit passes 'promtool check metrics' (lint included),
// follows the naming rule and carries the run gauges; -o FILE writes atomically with mode 0644.
using OpsKit.Core.Processes;
using OpsKit.Testing;

namespace OpsKit.Fleet.Tests;

public sealed class PrometheusOutputTests(FleetOutputs outputs) : IClassFixture<FleetOutputs>
{
    public static TheoryData<string> Areas() => new() { "snapshot", "raid", "hwerr", "aoe", "ssh" };

    [Theory]
    [MemberData(nameof(Areas))]
    public void Promtool_check_metrics_passes_and_names_follow_the_rule(string area)
    {
        var text = FleetOutputs.Run(outputs.PrometheusCommands[area]).StandardOutput;
        var check = FleetOutputs.Promtool(text, "check", "metrics");
        Assert.True(check.ExitCode == 0 && check.StandardOutput.Length == 0 && check.StandardError.Length == 0,
            $"{area}: promtool exit {check.ExitCode}\n{check.StandardOutput}{check.StandardError}\n{text}");
        var families = Exposition.Families(text);
        Assert.All(families, f => Assert.StartsWith($"opskit_{area}_", f));
        Assert.Contains($"opskit_{area}_last_run_timestamp_seconds", families);
        Assert.Contains($"opskit_{area}_success", families);
        var samples = Exposition.Samples(text);
        Assert.InRange(samples[$"opskit_{area}_last_run_timestamp_seconds{{}}"], DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
        // Sorted and stable: families in name order.
        var order = text.Split('\n').Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal)).Select(l => l.Split(' ')[2]).ToList();
        Assert.Equal(order.Order(StringComparer.Ordinal), order);
    }

    [Fact]
    public void What_each_area_reports_is_in_its_metrics()
    {
        var snap = Exposition.Samples(FleetOutputs.Run(outputs.PrometheusCommands["snapshot"]).StandardOutput);
        var root = outputs.SnapshotRoot;
        Assert.Equal(1, snap[$"opskit_snapshot_snapshots{{root={root},series=web,state=complete}}"]);
        Assert.Equal(0, snap[$"opskit_snapshot_status{{root={root},series=mail}}"]);
        Assert.Equal(6, snap[$"opskit_snapshot_newest_size_bytes{{root={root},series=web}}"]); // "alpha\n"
        Assert.Equal(1, snap[$"opskit_snapshot_last_rotate_success{{root={root},series=web}}"]);
        Assert.Equal(1, snap["opskit_snapshot_success{}"]);

        var aoe = Exposition.Samples(FleetOutputs.Run(outputs.PrometheusCommands["aoe"]).StandardOutput);
        Assert.Equal(0, aoe["opskit_aoe_export_up{export=apollo,interface=lo,state=dead,target=e0.1}"]);
        Assert.Equal(1, aoe["opskit_aoe_export_enabled{export=apollo,interface=lo,target=e0.1}"]);
        Assert.Equal(0, aoe["opskit_aoe_export_enabled{export=her\"mes\\x,interface=lo,target=e0.2}"]);
        Assert.Equal(0, aoe["opskit_aoe_success{}"]);

        var ssh = Exposition.Samples(FleetOutputs.Run(outputs.PrometheusCommands["ssh"]).StandardOutput);
        Assert.Equal(3, ssh["opskit_ssh_commands{result=refused}"]);
        Assert.Equal(1, ssh["opskit_ssh_commands{result=accepted}"]);
        Assert.Equal(2, ssh["opskit_ssh_key_commands{client=2001:db8::5,label=intruder,result=refused}"]);
        Assert.Equal(1, ssh["opskit_ssh_top_refused_commands{command=echo \"x\\y\"}"]);
        Assert.Equal(1, ssh["opskit_ssh_bad_lines{}"]);

        var raid = Exposition.Samples(FleetOutputs.Run(outputs.PrometheusCommands["raid"]).StandardOutput);
        Assert.Equal(2, raid["opskit_raid_check_status{}"]);
        var hwerr = Exposition.Samples(FleetOutputs.Run(outputs.PrometheusCommands["hwerr"]).StandardOutput);
        Assert.Equal(3, hwerr["opskit_hwerr_errors{severity=corrected}"]);
    }

    [Theory]
    [MemberData(nameof(Areas))]
    public void Output_file_is_replaced_atomically_with_mode_0644_under_a_strict_umask(string area)
    {
        using var dir = new TempDir("fleet-o");
        var file = dir.File($"opskit_{area}.prom");
        File.WriteAllText(file, "old\n");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var quoted = string.Join(' ', outputs.PrometheusCommands[area].Select(a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var r = OpskitProcess.Run(["-c", $"umask 077; exec \"$0\" {quoted} -o '{file}'", RepoPaths.OpskitBinary], program: "/bin/bash");
        Assert.True(r.ExitCode is 0 or 1 or 2, r.StandardError);
        Assert.Equal("", r.StandardOutput);
        Assert.Equal([file], Directory.GetFiles(dir.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(file));
        var text = File.ReadAllText(file);
        Assert.Contains($"# TYPE opskit_{area}_success gauge\n", text);
        Assert.Equal(0, FleetOutputs.Promtool(text, "check", "metrics").ExitCode);
    }

    [Fact]
    public void Output_into_a_missing_directory_is_a_one_line_error_naming_it()
    {
        var r = OpskitProcess.Run([.. outputs.PrometheusCommands["snapshot"], "-o", "/nonexistent-dir/x.prom"]);
        Assert.Equal(65, r.ExitCode);
        Assert.Equal("opskit: /nonexistent-dir/x.prom: directory /nonexistent-dir does not exist\n", r.StandardError);
    }
}
