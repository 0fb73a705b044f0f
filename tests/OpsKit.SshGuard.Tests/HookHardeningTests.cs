// The built binary as a forced command under a hostile environment: OPSKIT_* and
// DOTNET_* variables a client could pass change nothing, files anybody else could
// have written are refused, a relative --policy is refused.
using OpsKit.Testing;

namespace OpsKit.SshGuard.Tests;

public sealed class HookHardeningTests : IDisposable
{
    private readonly TempDir _dir = new("ssh-harden");
    private readonly string _config;
    private readonly string _log;
    private readonly string _evilLog;
    private readonly string _evilConfig;
    private readonly string _evilPolicy;

    public HookHardeningTests()
    {
        _log = _dir.File("sshval.log");
        _config = _dir.Write("opskit.toml", $"[log]\nfile = \"{_log}\"\nsyslog = false\n");
        _evilLog = _dir.File("evil.log");
        // What a client would push and then name: a policy that allows anything rm can do.
        _evilPolicy = _dir.Write("evil-policy.toml", "roots = [\"/\"]\n[command.rm]\nprograms = [\"rm\"]\nexec = \"/bin/rm\"\nmax_operands = 5\n[command.rm.option.recursive]\n");
        _evilConfig = _dir.Write("evil.toml", $"[log]\nfile = \"{_evilLog}\"\n[ssh]\ndefault_policy = \"{_evilPolicy}\"\n");
    }

    public void Dispose() => _dir.Dispose();

    private const string Rm = "rm --recursive /some/path";

    private CommandResultLike Hook(string variable, string value, params string[] args)
    {
        var env = new Dictionary<string, string?>
        {
            ["SSH_CONNECTION"] = "10.6.6.6 50000 10.0.0.1 22",
            ["SSH_ORIGINAL_COMMAND"] = Rm,
            [variable] = value,
        };
        var r = OpskitProcess.Run(["ssh", "validate", .. args, "--dry-run"], env);
        return new CommandResultLike(r.ExitCode, r.StandardError);
    }

    private sealed record CommandResultLike(int ExitCode, string StandardError);

    [Theory]
    [InlineData("OPSKIT_LOG_FILE")]
    [InlineData("OPSKIT_LOG_SYSLOG")]
    [InlineData("DOTNET_gcServer")]
    public void LogSettingsFromTheClient_NeitherSilenceNorRedirectTheAuditLog(string variable)
    {
        var value = variable == "OPSKIT_LOG_FILE" ? _evilLog : variable == "OPSKIT_LOG_SYSLOG" ? "false" : "1";
        var result = Hook(variable, value, "--config", _config, "--policy", AttackCorpus.PolicyFile);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("opskit: command refused: program 'rm' is not allowed\n", result.StandardError);
        Assert.Contains("ssh command rejected from 10.6.6.6: rm --recursive /some/path (program 'rm' is not allowed)", File.ReadAllText(_log));
        Assert.False(File.Exists(_evilLog));
    }

    [Fact]
    public void OpskitConfigFromTheClient_CannotSupplyAPolicy()
    {
        // No --config: the hook reads /etc/opskit/opskit.toml or nothing, never the client's file.
        var result = Hook("OPSKIT_CONFIG", _evilConfig, "--policy", "backup-v1");
        Assert.Equal(78, result.ExitCode);
        Assert.Equal("opskit: command refused: server-side policy error\n", result.StandardError);
        Assert.False(File.Exists(_evilLog));
    }

    [Fact]
    public void DefaultPolicyFromTheClient_IsNotUsed()
    {
        var result = Hook("OPSKIT_SSH_DEFAULT_POLICY", _evilPolicy, "--config", _config);
        Assert.Equal(78, result.ExitCode);
        Assert.Contains("no --policy given and no default policy set", File.ReadAllText(_log));
    }

    [Fact]
    public void PolicyDirFromTheClient_IsNotSearched()
    {
        var result = Hook("OPSKIT_SSH_POLICY_DIR", _dir.Path, "--config", _config, "--policy", "evil-policy");
        Assert.Equal(78, result.ExitCode);
        Assert.Contains("no policy 'evil-policy'", File.ReadAllText(_log));
        Assert.Contains("/etc/opskit/ssh/evil-policy.toml does not exist", File.ReadAllText(_log));
    }

    [Fact]
    public void TheSameVariables_StillWorkOutsideSshd()
    {
        var result = OpskitProcess.Run(["config", "show", "--json"], new Dictionary<string, string?> { ["OPSKIT_CONFIG"] = _evilConfig });
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(_evilLog, result.StandardOutput);
    }

    [Fact]
    public void ARelativePolicy_IsRefusedUnderSshd()
    {
        var result = HookRun.Validate("rsync --server -logDtpr . /data/backup/x"u8.ToArray(), _dir.Path, "--config", _config, "--policy", "evil-policy.toml");

        Assert.Equal(78, result.ExitCode);
        Assert.Contains("policy 'evil-policy.toml' is a relative path; the forced command needs an absolute one", File.ReadAllText(_log));
    }

    [Theory]
    [InlineData("policy file")]
    [InlineData("policy folder")]
    [InlineData("config file")]
    public void FilesOthersCouldHaveWritten_RefuseEverything(string what)
    {
        var dir = _dir.File("etc-" + what.Replace(' ', '-'));
        Directory.CreateDirectory(dir);
        var policy = Path.Combine(dir, "backup-v1.toml");
        File.Copy(AttackCorpus.PolicyFile, policy);
        var config = _config;
        switch (what)
        {
            case "policy file":
                File.SetUnixFileMode(policy, (UnixFileMode)Convert.ToInt32("664", 8));
                break;
            case "policy folder":
                File.SetUnixFileMode(dir, (UnixFileMode)Convert.ToInt32("777", 8));
                break;
            default:
                config = Path.Combine(dir, "opskit.toml");
                File.WriteAllText(config, $"[log]\nfile = \"{_log}\"\nsyslog = false\n");
                File.SetUnixFileMode(config, (UnixFileMode)Convert.ToInt32("666", 8));
                break;
        }
        var result = HookRun.Validate("rsync --server -logDtpr . /data/backup/web01/"u8.ToArray(), _dir.Path, "--config", config, "--policy", policy, "--dry-run");

        Assert.Equal(78, result.ExitCode);
        Assert.Equal("opskit: command refused: server-side policy error\n", result.StandardError);
        var log = File.ReadAllText(_log);
        Assert.Contains("every command is refused", log);
        Assert.Contains(what == "config file" ? "config file not trusted" : "policy file not trusted", log);
        Assert.Contains("writable by group or others", log);
    }

    [RootFact]
    public void APolicyOwnedBySomebodyElse_IsRefused()
    {
        var policy = _dir.File("owned.toml");
        File.Copy(AttackCorpus.PolicyFile, policy);
        var chown = SshdFixture.Run("/bin/chown", "nobody", policy);
        Assert.Equal(0, chown.ExitCode);
        var result = HookRun.Validate("rsync --server -logDtpr . /data/backup/web01/"u8.ToArray(), _dir.Path, "--config", _config, "--policy", policy, "--dry-run");

        Assert.Equal(78, result.ExitCode);
        Assert.Contains($"{policy} is owned by uid 65534, not root", File.ReadAllText(_log));
    }
}
