// The two ways into "ssh validate" (fast path before Main, System.CommandLine) behave the same.
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

public sealed class HookPathsAgreeTests : IDisposable
{
    private readonly TempDir _dir = new("ssh-paths");

    public void Dispose() => _dir.Dispose();

    /// <summary>The module-initializer fast path and the System.CommandLine path give the same exit, refusal and log line.</summary>
    [Theory]
    [InlineData("rsync --server -logDtpre.iLsfxCIvu --delete . /data/backup/web01/")]
    [InlineData("rsync --server --daemon --config=/data/backup/web01/rsyncd.conf .")]
    [InlineData("opskit snapshot rotate --root /data/backup --keep 0")]
    public void FastPathAndFullPath_Agree(string command)
    {
        var results = new List<(int, string, string)>();
        foreach (var fast in new[] { true, false })
        {
            var log = _dir.File($"{fast}.log");
            var config = _dir.Write($"{fast}.toml", $"[log]\nfile = \"{log}\"\nsyslog = false\n");
            var env = new Dictionary<string, string?>
            {
                ["SSH_CONNECTION"] = "10.6.6.6 50000 10.0.0.1 22",
                ["SSH_ORIGINAL_COMMAND"] = command,
                ["OPSKIT_NO_FAST_HOOK"] = fast ? null : "1",
            };
            var r = OpskitProcess.Run(["ssh", "validate", "--config", config, "--policy", AttackCorpus.PolicyFile, "--label", "x", "--dry-run"], env);
            var line = File.ReadAllText(log);
            results.Add((r.ExitCode, r.StandardError, line[(line.IndexOf("): ", StringComparison.Ordinal) + 3)..]));
        }
        Assert.Equal(results[0], results[1]);
    }
}
