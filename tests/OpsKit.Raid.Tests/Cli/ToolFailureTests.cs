// A vendor tool that hangs or prints nothing must give UNKNOWN, never OK (end to end).
using OpsKit.Testing;

namespace OpsKit.Raid.Tests.Cli;

public class ToolFailureTests
{
    [Fact]
    public void Tool_that_sleeps_forever_is_killed_and_gives_unknown_within_the_timeout()
    {
        using var tools = new FakeTools();
        tools.Add("tw_cli", "sleep 600");
        var r = OpskitProcess.Run(["--no-config", "raid", "check", "--backend", "3ware", "--timeout", "2"], tools.Environment, timeout: TimeSpan.FromSeconds(50));
        Assert.False(r.TimedOut, "opskit itself hung instead of killing the tool");
        Assert.Equal(3, r.ExitCode);
        Assert.StartsWith("RAID UNKNOWN:", r.StandardOutput);
        Assert.Contains("tw_cli show: timed out after 2 s (killed)", r.StandardOutput);
    }

    [Fact]
    public void Tool_that_prints_nothing_gives_unknown()
    {
        using var tools = new FakeTools();
        tools.Add("storcli64", "exit 0");
        var r = OpskitProcess.Run(["--no-config", "raid", "check", "--backend", "storcli", "--format", "nagios"], tools.Environment);
        Assert.Equal(3, r.ExitCode);
        Assert.StartsWith("RAID UNKNOWN - storcli:[", r.StandardOutput);
        Assert.Contains("empty output", r.StandardOutput);
    }

    [Fact]
    public void Tool_that_is_not_installed_gives_unknown_naming_the_programs()
    {
        using var tools = new FakeTools();
        var r = OpskitProcess.Run(["--no-config", "raid", "check", "--backend", "areca"], new Dictionary<string, string?> { ["PATH"] = tools.Path });
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("areca: none of cli64, cli32, areca-cli found", r.StandardOutput);
    }

    [Fact]
    public void Megacli_listing_nothing_is_unknown_not_ok()
    {
        using var tools = new FakeTools();
        tools.Add("MegaCli64", "echo; echo 'Exit Code: 0x00'");
        var r = OpskitProcess.Run(["--no-config", "raid", "check", "--backend", "megacli"], tools.Environment);
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("MegaCli listed no adapter, disk or logical drive", r.StandardOutput);
    }
}
