// execve through P/Invoke: a failing exec returns errno's text instead of throwing.
using OpsKit.SshGuard.Hook;

namespace OpsKit.SshGuard.Tests;

public sealed class ExecTests
{
    [Fact]
    public void ExecOfAMissingProgram_ReturnsTheErrno()
    {
        Assert.Equal("No such file or directory", Exec.Replace(["/nonexistent/prog", "a"], ["PATH=/usr/bin"]));
    }

    [Fact]
    public void CleanEnvironment_KeepsOnlyPathAndTheAccountVariables()
    {
        var env = new Dictionary<string, string> { ["HOME"] = "/root", ["LD_PRELOAD"] = "/x.so", ["RSYNC_RSH"] = "sh", ["USER"] = "backup" };
        Assert.Equal(["PATH=/usr/local/bin:/usr/bin:/bin", "HOME=/root", "USER=backup"], Exec.CleanEnvironment(n => env.GetValueOrDefault(n)));
    }
}
