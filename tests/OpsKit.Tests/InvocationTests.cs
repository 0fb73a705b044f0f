// Run-mode decision: multi-call names, forced command, cron.
using OpsKit.Core;

namespace OpsKit.Tests;

public class InvocationTests
{
    private static Func<string, string?> Env(string? sshCommand = null) => name => name == "SSH_ORIGINAL_COMMAND" ? sshCommand : null;

    [Theory]
    [InlineData("/etc/cron.daily/raid_check", "raid check --cron", RunMode.Cron)]
    [InlineData("/usr/local/sbin/vbladectl", "aoe", RunMode.Interactive)]
    [InlineData("/etc/cron.daily/snapshot_rotate", "snapshot rotate --cron", RunMode.Cron)]
    [InlineData("iowait_summary", "iowait summary", RunMode.Interactive)]
    [InlineData("/usr/local/bin/opskit", "", RunMode.Interactive)]
    public void SymlinkNames_DispatchToTheirTool(string argv0, string expected, RunMode mode)
    {
        var inv = Invocation.Resolve(argv0, [], Env());
        Assert.Equal(expected, string.Join(' ', inv.Arguments));
        Assert.Equal(mode, inv.Mode);
    }

    [Fact]
    public void SymlinkArguments_FollowTheImpliedCommand()
    {
        var inv = Invocation.Resolve("vbladectl", ["restart", "apollo"], Env());
        Assert.Equal(["aoe", "restart", "apollo"], inv.Arguments);
    }

    [Fact]
    public void SshValidate_WithOriginalCommand_IsAForcedCommand()
    {
        Assert.Equal(RunMode.ForcedCommand, Invocation.Resolve("opskit", ["ssh", "validate", "--policy", "backup"], Env("rsync --server .")).Mode);
        Assert.Equal(RunMode.ForcedCommand, Invocation.Resolve("validate-ssh", [], Env("")).Mode);
        Assert.Equal(RunMode.Interactive, Invocation.Resolve("opskit", ["ssh", "validate"], Env()).Mode);
        Assert.Equal(RunMode.Interactive, Invocation.Resolve("opskit", ["config", "show"], Env("ls")).Mode);
    }

    [Fact]
    public void ConfigValue_IsNotTakenForACommandWord()
    {
        var inv = Invocation.Resolve("opskit", ["--config", "/etc/opskit/backup.toml", "ssh", "validate"], Env("rsync --server ."));
        Assert.Equal(RunMode.ForcedCommand, inv.Mode);
    }

    [Fact]
    public void InteractiveLoginThroughTheHook_IsStillAForcedCommand()
    {
        Func<string, string?> env = n => n == "SSH_CONNECTION" ? "192.168.3.33 50000 192.168.3.1 22" : null;
        Assert.Equal(RunMode.ForcedCommand, Invocation.Resolve("opskit", ["ssh", "validate"], env).Mode);
    }

    [Fact]
    public void MultiCallNames_CarryNoDots_BecauseRunPartsSkipsThem() =>
        Assert.All(Invocation.MultiCallNames.Keys, n => Assert.DoesNotContain('.', n));
}
