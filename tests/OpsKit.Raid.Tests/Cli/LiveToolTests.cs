// A fake tw_cli answering from a real capture: the live path (process runner, argv,
// parsing) gives the fixture's verdict, and "raid dump" writes a bundle that replays the same.
using OpsKit.Testing;

namespace OpsKit.Raid.Tests.Cli;

public class LiveToolTests
{
    private static FakeTools TwCli(string fixture)
    {
        var tools = new FakeTools();
        var d = Path.Combine(FixtureCases.Root, fixture);
        tools.Add("tw_cli", $"""
            D='{d}'
            case "$*" in
              "show") cat "$D/show.txt" ;;
              "info c0 unitstatus") cat "$D/c0_unitstatus.txt" ;;
              "info c0 drivestatus") cat "$D/c0_drivestatus.txt" ;;
              *) echo "unexpected: $*" >&2; exit 1 ;;
            esac
            """);
        return tools;
    }

    [Fact]
    public void Live_run_of_a_rebuilding_unit_with_a_degraded_drive_is_critical()
    {
        using var tools = TwCli("3ware/rebuilding-degraded-drive");
        var r = OpskitProcess.Run(["--no-config", "raid", "check", "--backend", "3ware", "--format", "nagios"], tools.Environment);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("c0 disk p0: drive DEGRADED", r.StandardOutput);
    }

    [Fact]
    public void Dump_writes_the_bundle_file_names_and_replays_to_the_same_status()
    {
        using var tools = TwCli("3ware/rebuilding-degraded-drive");
        using var bundle = new TempDir("raid-dump");
        var dump = OpskitProcess.Run(["--no-config", "raid", "dump", bundle.Path, "--backend", "3ware"], tools.Environment);
        Assert.Equal(0, dump.ExitCode);
        foreach (var f in new[] { "show.txt", "c0_unitstatus.txt", "c0_drivestatus.txt", "report.txt" })
            Assert.True(File.Exists(bundle.File(f)), $"{f} missing; dump said:\n{dump.StandardOutput}{dump.StandardError}");
        Assert.Equal(File.ReadAllText(Path.Combine(FixtureCases.Root, "3ware/rebuilding-degraded-drive/show.txt")), File.ReadAllText(bundle.File("show.txt")));
        var replay = OpskitProcess.Run("--no-config", "raid", "check", "--replay", bundle.Path);
        Assert.Equal(2, replay.ExitCode);
    }

    [Fact]
    public void Sudoers_has_one_nopasswd_rule_per_declared_command_line()
    {
        using var tools = new FakeTools();
        var tw = tools.Add("tw_cli", "exit 0");
        var r = OpskitProcess.Run(["--no-config", "raid", "sudoers", "--user", "icinga", "--backend", "3ware", "--backend", "megacli"], tools.Environment);
        Assert.Equal(0, r.ExitCode);
        var rules = r.StandardOutput.Split('\n').Where(l => l.StartsWith("icinga ALL=", StringComparison.Ordinal)).ToList();
        Assert.Equal(
        [
            $"icinga ALL=(root) NOPASSWD: {tw} show",
            $"icinga ALL=(root) NOPASSWD: {tw} info c* unitstatus",
            $"icinga ALL=(root) NOPASSWD: {tw} info c* drivestatus",
            $"icinga ALL=(root) NOPASSWD: {tw} info c* bbustatus",
            $"icinga ALL=(root) NOPASSWD: {tw} /c*/e* show all",
            "icinga ALL=(root) NOPASSWD: /opt/MegaRAID/MegaCli/MegaCli64 -PDList -aALL -NoLog",
            "icinga ALL=(root) NOPASSWD: /opt/MegaRAID/MegaCli/MegaCli64 -LdInfo -Lall -aALL -NoLog",
            "icinga ALL=(root) NOPASSWD: /opt/MegaRAID/MegaCli/MegaCli64 -AdpBbuCmd -GetBbuStatus -aALL -NoLog",
        ], rules);
        Assert.Contains("Defaults:icinga !requiretty", r.StandardOutput);
    }
}
