using OpsKit.Core.Processes;

namespace OpsKit.Core.Tests.Processes;

public class ReplayRunnerTests
{
    [Fact]
    public async Task AnswersRecordedCommandsAndRecordsCalls()
    {
        var runner = new ReplayRunner().OnOutput("/opt/MegaRAID/MegaCli/MegaCli64", ["-PDList", "-aALL", "-NoLog"], "Adapter #0\n");
        var r = await runner.RunAsync(new CommandSpec("MegaCli64", "-PDList", "-aALL", "-NoLog"));
        Assert.Equal("Adapter #0\n", r.StandardOutput);
        Assert.Equal("MegaCli64 -PDList -aALL -NoLog", Assert.Single(runner.Calls).Display);
    }

    [Fact]
    public async Task UnknownCommands_AreNotFound()
    {
        var r = await new ReplayRunner().RunAsync(new CommandSpec("tw_cli", "show"));
        Assert.Equal(127, r.ExitCode);
        Assert.Contains("tw_cli show", r.StartError);
    }
}
