// --cron, the fixture variants through real flags, bad flags and bad [raid] values (end to end).
using OpsKit.Testing;

namespace OpsKit.Raid.Tests.Cli;

public class CronAndOptionTests
{
    private static string Case(string name) => Path.Combine(FixtureCases.Root, name);

    [Fact]
    public void Cron_with_all_ok_prints_nothing_and_exits_0()
    {
        var r = OpskitProcess.Run("--no-config", "raid", "check", "--cron", "--replay", Case("megacli/seven-vds-bbu-optimal"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.StandardOutput);
    }

    [Fact]
    public void Cron_all_ok_under_run_parts_in_a_bare_environment_prints_nothing_at_all()
    {
        // What cron does: run-parts --report prints the name and anything the job writes, and cron mails it.
        // This host has no /dev/log, so this also holds where syslog is missing.
        using var dir = new TempDir("raid-cron");
        var daily = dir.File("cron.daily");
        Directory.CreateDirectory(daily);
        File.CreateSymbolicLink(Path.Combine(daily, "raid_check"), RepoPaths.OpskitBinary);
        var r = OpskitProcess.Run(["-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "run-parts", "--report",
            "--arg=--no-config", "--arg=--replay", $"--arg={Case("mdstat/three-raid1")}", daily], program: "/usr/bin/env");
        Assert.Equal((0, "", ""), (r.ExitCode, r.StandardOutput, r.StandardError));
    }

    [Fact]
    public void Raid_check_symlink_runs_check_cron()
    {
        using var dir = new TempDir("raid-link");
        var link = dir.File("raid_check");
        File.CreateSymbolicLink(link, RepoPaths.OpskitBinary);
        var ok = OpskitProcess.Run(["--no-config", "--replay", Case("mdstat/three-raid1")], program: link);
        Assert.Equal((0, ""), (ok.ExitCode, ok.StandardOutput));
        var bad = OpskitProcess.Run(["--no-config", "--replay", Case("mdstat/raid5-failed-member")], program: link);
        Assert.Equal(2, bad.ExitCode);
        Assert.StartsWith("RAID CRITICAL: mdstat:[array md0: 1 of 3 members missing, no rebuild running", bad.StandardOutput);
    }

    [Theory]
    [InlineData("3ware/9750-verifying", "--check-state", "WARNING", 1)]
    [InlineData("mdstat/initial-resync", "--resync-state", "OK", 0)]
    [InlineData("megacli/writethrough-fallback", "--cache-fail-state", "CRITICAL", 2)]
    [InlineData("mdstat/no-arrays", "--noraid-state", "OK", 0)]
    [InlineData("mdstat/raid5-with-spare", "--spare-count", "md1:2", 1)]
    [InlineData("mdstat/raid5-with-spare", "--spare-count", "md2:2", 2)]
    public void Flags_change_the_verdict_as_the_fixture_variants_say(string fixture, string flag, string value, int exit)
    {
        var r = OpskitProcess.Run("--no-config", "raid", "check", "--replay", Case(fixture), flag, value);
        Assert.True(exit == r.ExitCode, $"exit {r.ExitCode}\n{r.StandardOutput}{r.StandardError}");
    }

    [Fact]
    public void Config_table_sets_the_same_states()
    {
        using var dir = new TempDir("raid-conf");
        var conf = dir.Write("opskit.toml", "[raid]\ncheck_state = \"WARNING\"\n");
        var r = OpskitProcess.Run("--config", conf, "raid", "check", "--replay", Case("mdstat/check-running"));
        Assert.Equal(1, r.ExitCode);
        var flagWins = OpskitProcess.Run("--config", conf, "raid", "check", "--replay", Case("mdstat/check-running"), "--check-state", "OK");
        Assert.Equal(0, flagWins.ExitCode);
    }

    [Fact]
    public void Bad_state_flag_is_a_usage_error()
    {
        var r = OpskitProcess.Run("--no-config", "raid", "check", "--replay", Case("mdstat/three-raid1"), "--check-state", "SOMETIMES");
        Assert.Equal(64, r.ExitCode);
        Assert.Contains("--check-state: 'SOMETIMES' is not OK, WARNING, CRITICAL or UNKNOWN", r.StandardError);
    }

    [Fact]
    public void Bad_spare_count_in_config_names_file_line_and_key()
    {
        using var dir = new TempDir("raid-conf");
        var conf = dir.Write("opskit.toml", "[raid]\n\nspare_count = \"md1\"\n");
        var r = OpskitProcess.Run("--config", conf, "raid", "check", "--replay", Case("mdstat/three-raid1"));
        Assert.Equal(78, r.ExitCode);
        Assert.Contains($"{conf}:3:", r.StandardError);
        Assert.Contains("[raid] spare_count: 'md1' is not ARRAY:COUNT", r.StandardError);
    }

    [Fact]
    public void Replay_of_a_directory_without_tool_output_is_a_data_error()
    {
        using var dir = new TempDir("raid-empty");
        var r = OpskitProcess.Run("--no-config", "raid", "check", "--replay", dir.Path);
        Assert.Equal(65, r.ExitCode);
        Assert.Contains("no known tool output", r.StandardError);
    }

    [Fact]
    public void Prometheus_output_file_is_written_for_the_textfile_collector()
    {
        using var dir = new TempDir("raid-prom");
        var r = OpskitProcess.Run("--no-config", "raid", "check", "--replay", Case("storcli/text-single-degraded"), "--format", "prometheus", "--output", dir.File("opskit_raid.prom"));
        Assert.Equal((2, ""), (r.ExitCode, r.StandardOutput));
        Assert.Contains("opskit_raid_disk_state{backend=\"storcli\",controller=\"0\",disk=\"24:10\",state=\"Offln\"} 1", File.ReadAllText(dir.File("opskit_raid.prom")));
    }
}
