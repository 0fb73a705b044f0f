// The built binary as a forced command, with --dry-run: every corpus line, the
// log lines in the origin's form, one refusal line and nothing else for the client.
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

public sealed class HookBinaryTests : IDisposable
{
    private readonly TempDir _dir = new("ssh-hook");
    private readonly string _config;
    private readonly string _log;

    public HookBinaryTests()
    {
        _log = _dir.File("sshval.log");
        _config = _dir.Write("opskit.toml", $"[log]\nfile = \"{_log}\"\nsyslog = false\n");
    }

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(AttackCorpus.Lines), MemberType = typeof(AttackCorpus))]
    public void CorpusLine_ThroughTheBinary_ExitsAndLogsAsExpected(int line)
    {
        var c = AttackCorpus.At(line);
        var result = HookRun.Validate(c.Command, _dir.Path, "--config", _config, "--policy", AttackCorpus.PolicyFile, "--label", "web01", "--dry-run");

        Assert.True((result.ExitCode == 0) == c.Accept, $"line {line} ({c.Why}): exit {result.ExitCode}, stderr: {result.StandardError}");
        Assert.Equal("", result.StandardOutput);
        var logged = File.ReadAllLines(_log);
        var entry = Assert.Single(logged);
        Assert.Matches(@"^\w{3} [ \d]\d \d\d:\d\d:\d\d \S+ sshval\(\d+\): ", entry);
        if (c.Accept)
        {
            Assert.Equal("", result.StandardError);
            Assert.Contains($"ssh command accepted from 10.6.6.6: {System.Text.Encoding.ASCII.GetString(c.Command!)} [key web01]", entry);
        }
        else
        {
            Assert.Single(result.StandardError.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("opskit: ", result.StandardError);
            Assert.Contains(c.Command is null || c.Command.Length == 0 ? "interactive shell rejected from 10.6.6.6" : "ssh command rejected from 10.6.6.6: ", entry);
        }
    }

    [Fact]
    public void InvalidUtf8_IsReadRawFromProcEnviron_AndLoggedEscaped()
    {
        byte[] command = [.. "rsync --server -logDtpre.iLsfxCIvu . /data/backup/"u8, 0xC0, 0xAE, 0xC0, 0xAE, 0xFF];
        var result = HookRun.Validate(command, _dir.Path, "--config", _config, "--policy", AttackCorpus.PolicyFile, "--dry-run");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("non-ASCII byte 0xc0 at byte 50", result.StandardError);
        Assert.Contains(@"/data/backup/\xc0\xae\xc0\xae\xff (non-ASCII byte 0xc0", File.ReadAllText(_log));
    }

    [Fact]
    public void ValidateSshSymlink_UsesTheDefaultPolicyFromTheConfig()
    {
        var config = _dir.Write("default.toml", $"[log]\nfile = \"{_log}\"\nsyslog = false\n[ssh]\ndefault_policy = \"{AttackCorpus.PolicyFile}\"\n");
        var link = _dir.File("validate-ssh");
        File.CreateSymbolicLink(link, RepoPaths.OpskitBinary);
        var env = new Dictionary<string, string?>
        {
            ["SSH_CONNECTION"] = "192.168.3.33 50000 10.0.0.1 22",
            ["SSH_ORIGINAL_COMMAND"] = "rm -rf /some/path",
        };

        var result = OpskitProcess.Run(["--config", config, "--dry-run"], env, program: link);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ssh command rejected from 192.168.3.33: rm -rf /some/path (program 'rm' is not allowed) [key -]", File.ReadAllText(_log));
    }

    [Fact]
    public void BrokenPolicy_RefusesEverything_TellsTheClientOneLine_AndLogsTheCause()
    {
        var policy = _dir.Write("broken.toml", "roots = [\"/data/backup\"]\n[rsync]\nshort = \"vlogDtpre\"\n");
        var result = HookRun.Validate("rsync --server -logDtpr . /data/backup/x"u8.ToArray(), _dir.Path, "--config", _config, "--policy", policy);

        Assert.Equal(78, result.ExitCode);
        Assert.Equal("opskit: command refused: server-side policy error\n", result.StandardError);
        Assert.Contains($"{policy}:3:1: [policy.rsync] short: 'e' starts the capability block", File.ReadAllText(_log));
    }
}
